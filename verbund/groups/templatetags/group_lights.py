"""``{% load group_lights %}``: a report's traffic lights as words in the reader's language, for
the shared light markup (``health/_light.html``: shape + word, never colour alone)."""

from __future__ import annotations

from django import template

from verbund.groups import export

register = template.Library()


@register.filter
def light_label(light: str) -> str:
    return export.light_label(light)


@register.filter
def metric_light(metric: str, light: str) -> str:
    """One metric's light, named: "Attendance: yellow"."""
    return f"{export.metric_label(metric)}: {export.light_label(light)}"
