"""Meetings: the list and planning, attendance (the secretary's phone page), the printable
meeting sheet and the group's iCalendar feed."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.accounts.calendar import login_or_calendar_key
from verbund.groups import selectors, services
from verbund.groups.forms import AgendaForm, ScheduleForm, apply_errors
from verbund.groups.models import Attendance
from verbund.lib import ical


@login_required
def meetings(request: HttpRequest, group_id: int) -> HttpResponse:
    access = selectors.get_group_for(request.actor, group_id)
    form = ScheduleForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not access.can_record_meetings:
            raise PermissionDenied(_("Only the group's leader team can do this."))
        if form.is_valid():
            try:
                planned = services.meetings_schedule(
                    group=access.group,
                    start=form.cleaned_data["start"],
                    count=form.cleaned_data["count"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request, _("%(count)s meetings planned.") % {"count": len(planned)}
                )
                return redirect("groups:meetings", access.group.pk)
    return render(
        request,
        "groups/meetings.html",
        {
            "access": access,
            "group": access.group,
            "upcoming": selectors.upcoming_meetings(access.group, limit=12),
            "past": selectors.past_meetings(access.group, limit=12),
            "form": form,
            "tab": "meetings",
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
def meeting_detail(request: HttpRequest, group_id: int, meeting_id: int) -> HttpResponse:
    """Members read it; the leader team records attendance, visitors and the agenda here."""
    access = selectors.get_group_for(request.actor, group_id)
    meeting = selectors.get_meeting(access.group, meeting_id)
    errors: dict[str, list[str]] = {}
    agenda_form = AgendaForm(request.POST or None, initial={"agenda": meeting.agenda})
    if request.method == "POST":
        if not access.can_record_meetings:
            raise PermissionDenied(_("Only the group's leader team can do this."))
        seats = {seat.pk: seat for seat in selectors.active_seats(access.group)}
        entries = [
            (seat, state, request.POST.get(f"substitute-{seat.pk}", ""))
            for seat_id, seat in seats.items()
            if (state := request.POST.get(f"state-{seat_id}"))
        ]
        try:
            services.attendance_record(meeting=meeting, entries=entries)
            if agenda_form.is_valid() and "agenda" in request.POST:
                services.meeting_update_agenda(
                    meeting=meeting, agenda=agenda_form.cleaned_data["agenda"]
                )
        except ValidationError as error:
            errors = error.message_dict
        else:
            messages.success(request, _("Attendance saved."))
            return redirect("groups:meeting", access.group.pk, meeting.pk)
    rows = [
        {
            "seat": seat,
            "attendance": attendance,
            "state": request.POST.get(f"state-{seat.pk}") if errors else (
                attendance.state if attendance else ""),
            "substitute": request.POST.get(f"substitute-{seat.pk}", "") if errors else (
                attendance.substitute_name if attendance else ""),
            "errors": errors.get(f"seat-{seat.pk}", []),
        }
        for seat, attendance in selectors.meeting_sheet(meeting)
    ]  # fmt: skip
    return render(
        request,
        "groups/meeting.html",
        {
            "access": access,
            "group": access.group,
            "meeting": meeting,
            "rows": rows,
            "states": Attendance.State.choices,
            "agenda_form": agenda_form,
            "visitors": meeting.visitors.select_related("invited_by__user"),
            "has_errors": bool(errors),
            "tab": "meetings",
        },
        status=422 if errors else 200,
    )


@login_required
def meeting_sheet(request: HttpRequest, group_id: int, meeting_id: int) -> HttpResponse:
    """One printable page: agenda, every member with attendance, visitors."""
    access = selectors.get_group_for(request.actor, group_id)
    meeting = selectors.get_meeting(access.group, meeting_id)
    seats = {s.pk: s for s in selectors.labelled_seats(access.group, request.LANGUAGE_CODE)}
    return render(
        request,
        "groups/meeting_sheet.html",
        {
            "group": access.group,
            "meeting": meeting,
            "rows": [(seats[seat.pk], att) for seat, att in selectors.meeting_sheet(meeting)],
            "visitors": meeting.visitors.select_related("invited_by__user"),
        },
    )


@login_or_calendar_key
def calendar_feed(request: HttpRequest, group_id: int) -> HttpResponse:
    access = selectors.get_group_for(request.actor, group_id)
    group = access.group
    since = timezone.now() - timedelta(days=90)
    events = [
        ical.Event(
            uid=ical.uid("meeting", meeting.pk, settings.SITE_URL),
            starts_at=meeting.starts_at,
            ends_at=meeting.starts_at + timedelta(minutes=meeting.minutes),
            summary=group.name,
            location=meeting.location,
            description=meeting.agenda,
            url=settings.SITE_URL + reverse("groups:meeting", args=[group.pk, meeting.pk]),
        )
        for meeting in group.meetings.filter(starts_at__gte=since).order_by("starts_at")
    ]
    body = ical.calendar(group.name, events, stamp=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="group-{group.pk}.ics"'
    return response


urlpatterns = [
    path("groups/<int:group_id>/meetings/", meetings, name="meetings"),
    path("groups/<int:group_id>/meetings/<int:meeting_id>/", meeting_detail, name="meeting"),
    path(
        "groups/<int:group_id>/meetings/<int:meeting_id>/sheet/",
        meeting_sheet,
        name="meeting_sheet",
    ),
    path("groups/<int:group_id>/calendar.ics", calendar_feed, name="calendar"),
]
