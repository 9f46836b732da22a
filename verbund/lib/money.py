"""Amounts of money as the reader writes them: "1.234,50 €" in German, "1,234.50 €" in English.

One place for the format, so that pages, notifications, charts, evidence texts, CSV exports and
reports agree. Templates use the same functions through ``{% load money %}``
(``verbund.lib.money_tags``)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils import formats

# KPIs measured in money (their targets and actuals are euros, the health core counts cents).
MONEY_KPIS = frozenset({"sourced_revenue", "influenced_revenue"})


def _decimal(value: Any, places: int) -> Decimal | None:
    """``value`` rounded half up to ``places``: Django's number format cuts surplus digits off,
    which would show 12.345,60 € as "12.345 €" instead of "12.346 €"."""
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return None


def amount(value: Any, places: int = 2) -> str:
    """The figure alone, grouped, in the active language ("18.063,00"), for a cell whose heading
    already names the currency; "–" when there is no amount."""
    number = _decimal(value, places)
    if number is None:
        return "–"
    return formats.number_format(number, places, use_l10n=True, force_grouping=True)


def euros(value: Any, places: int = 2) -> str:
    """An amount in euros in the active language, grouped, with cents ("1.234,50 €")."""
    figure = amount(value, places)
    return figure if figure == "–" else f"{figure} €"


def spreadsheet_amount(value: Any) -> str:
    """An amount for a CSV cell that a spreadsheet program in the reader's language reads as a
    number: the language's decimal separator, no grouping (Excel takes "1.234" for 1.234 in
    English and as text elsewhere), always two places."""
    number = _decimal(value, 2)
    if number is None:
        return ""
    return formats.number_format(number, 2, use_l10n=True, force_grouping=False)
