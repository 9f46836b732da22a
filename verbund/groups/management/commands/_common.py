"""Shared argument handling for the group commands (operators run them: no access gate)."""

from __future__ import annotations

from datetime import date

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from verbund.groups.models import Group


def group_by_id(group_id: int) -> Group:
    group = Group.objects.select_related("network").filter(pk=group_id).first()
    if group is None:
        raise CommandError(_("No referral group with ID %(id)s.") % {"id": group_id})
    return group


def parse_date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("%(option)s: “%(value)s” is not a date (use YYYY-MM-DD).")
            % {"option": option, "value": value}
        ) from None
