"""``{% load money %}``: ``{{ value|euros }}`` ("40.000,50 €"), ``{{ value|euros:0 }}`` for a key
figure ("1.237.386 €") and ``{{ value|amount }}`` for a cell under an "(EUR)" heading.

Registered in ``TEMPLATES["OPTIONS"]["libraries"]``: the format itself is ``verbund.lib.money``'s,
so that a page never formats money by hand (``floatformat`` neither groups nor knows the €)."""

from __future__ import annotations

from typing import Any

from django import template

from verbund.lib import money

register = template.Library()


@register.filter(name="euros")
def euros(value: Any, places: int = 2) -> str:
    # A no-break space: a narrow key figure or table cell never leaves the € alone on a line.
    return money.euros(value, int(places)).replace(" €", "\u00a0€")


@register.filter(name="amount")
def amount(value: Any, places: int = 2) -> str:
    return money.amount(value, int(places))
