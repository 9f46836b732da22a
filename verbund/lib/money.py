"""Amounts of money as the reader writes them: "1.234,50 €" in German, "1,234.50 €" in English.

One place for the format, so that notifications, charts, evidence texts and reports agree."""

from __future__ import annotations

from decimal import Decimal

from django.utils import formats


def euros(amount: Decimal) -> str:
    """An amount in euros in the active language, grouped, with cents."""
    return f"{formats.number_format(amount, 2, use_l10n=True, force_grouping=True)} €"
