"""Shared argument handling for the partnership commands (operators run them: no access gate)."""

from __future__ import annotations

from datetime import date

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from verbund.partnerships.models import Partnership


def partnership_by_id(partnership_id: int) -> Partnership:
    partnership = (
        Partnership.objects.select_related("network")
        .prefetch_related("parties__company")
        .filter(pk=partnership_id)
        .first()
    )
    if partnership is None:
        raise CommandError(_("No partnership with ID %(id)s.") % {"id": partnership_id})
    return partnership


def parse_date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("%(option)s: “%(value)s” is not a date (use YYYY-MM-DD).")
            % {"option": option, "value": value}
        ) from None
