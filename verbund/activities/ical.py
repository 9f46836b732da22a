"""The partnership's meetings as an iCalendar feed (the writer is the groups app's)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.activities.models import JointActivity
from verbund.lib.ical import Event, calendar, uid
from verbund.partnerships.models import Partnership


def activity_calendar(
    partnership: Partnership,
    meetings: Iterable[JointActivity],
    *,
    site: str,
    names: Mapping[int, str] | None = None,
) -> str:
    """``names``: the parties as the reader may read them (None: the real names)."""
    title = " · ".join(
        (names or {}).get(party.company_id, party.company.name)
        for party in partnership.parties.all()
    )
    url = site.rstrip("/") + f"/partnerships/{partnership.pk}/activities/"
    events = [
        Event(
            uid=uid("activity", meeting.pk, site),
            starts_at=meeting.starts_at,
            ends_at=meeting.starts_at + timedelta(minutes=meeting.duration_minutes),
            summary=meeting.title,
            location=meeting.location,
            description=f"{meeting.get_kind_display()}\n{meeting.notes}".strip(),
            url=url,
        )
        for meeting in meetings
    ]
    return calendar(_("Partnership: %(names)s") % {"names": title}, events, stamp=timezone.now())
