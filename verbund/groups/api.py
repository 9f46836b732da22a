"""Referral groups in the API: my groups, a group's seats and slips, passing slips, recording
attendance, and the report. Outsiders of a group get 404, like on the pages."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Literal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from verbund.companies.models import Company
from verbund.groups import selectors, services
from verbund.groups.models import Attendance
from verbund.tenancy.selectors import get_network_for

router = Router(tags=["groups"])


class GroupOut(Schema):
    id: int
    name: str
    network: str
    rhythm: str
    weekday: int
    members: int


class SeatOut(Schema):
    id: int
    name: str
    email: str
    company_id: int
    company: str
    category: str
    category_label: str


class GroupDetailOut(GroupOut):
    my_seat: int | None
    roles: list[str]
    seats: list[SeatOut]


class SlipOut(Schema):
    kind: str
    when: datetime
    giver: str
    receiver: str
    text: str
    value: Decimal | None = None
    referral_id: int | None = None
    status: str | None = None


def _seat_out(seat) -> dict:
    return {
        "id": seat.pk, "name": seat.holder_name, "email": seat.user.email,
        "company_id": seat.company_id, "company": seat.company.name, "category": seat.category,
        "category_label": seat.category_label,
    }  # fmt: skip


def _member_seat(request, group_id: int):
    access = selectors.get_group_for(request.actor, group_id)
    if access.seat is None:
        raise PermissionDenied(_("Only members with a seat pass slips."))
    return access


def _seat(access, seat_id: int | None, field: str):
    seat = selectors.get_seat(access.group, seat_id)
    if seat_id is not None and seat is None:
        raise ValidationError({field: _("Choose an active member of this group.")})
    return seat


@router.get("", response=list[GroupOut], summary="Referral groups I sit in, lead or coordinate")
def my_groups(request):
    return [
        {"id": g.pk, "name": g.name, "network": g.network.slug, "rhythm": g.rhythm,
         "weekday": g.weekday, "members": g.member_count}
        for g in selectors.groups_for(request.actor)
    ]  # fmt: skip


class GroupIn(Schema):
    network: str = Field(description="The network's slug; you coordinate it")
    name: str
    rhythm: Literal["weekly", "fortnightly", "monthly"] = "weekly"
    weekday: int = Field(2, description="0 = Monday … 6 = Sunday")
    meeting_time: time = time(7, 0)
    location: str = ""
    leader_email: str | None = Field(None, description="A person in the network who leads it")


@router.post("", response={201: GroupOut}, summary="Create a group (the network's coordination)")
def group_create(request, payload: GroupIn):
    network = get_network_for(request.actor, payload.network, coordinator=True)
    leader = None
    if payload.leader_email:
        leader = get_user_model().objects.filter(email__iexact=payload.leader_email).first()
        if leader is None:
            raise ValidationError({"leader_email": _("No Verbund account has this email address.")})
    group = services.group_create(
        network=network, name=payload.name, rhythm=payload.rhythm, weekday=payload.weekday,
        meeting_time=payload.meeting_time, location=payload.location, leader=leader,
    )  # fmt: skip
    return 201, {
        "id": group.pk, "name": group.name, "network": network.slug, "rhythm": group.rhythm,
        "weekday": group.weekday, "members": 0,
    }  # fmt: skip


@router.get("/{group_id}", response=GroupDetailOut, summary="A group with its seats")
def group_detail(request, group_id: int):
    access = selectors.get_group_for(request.actor, group_id)
    seats = selectors.labelled_seats(access.group, get_language() or "de")
    group = access.group
    return {
        "id": group.pk, "name": group.name, "network": group.network.slug,
        "rhythm": group.rhythm, "weekday": group.weekday, "members": len(seats),
        "my_seat": access.seat.pk if access.seat else None, "roles": sorted(access.roles),
        "seats": [_seat_out(s) for s in seats],
    }  # fmt: skip


@router.get("/{group_id}/slips", response=list[SlipOut], summary="The group's latest slips")
def group_slips(request, group_id: int, limit: int = Query(50, ge=1, le=500)):
    access = selectors.get_group_for(request.actor, group_id)
    return [
        {"kind": s.kind, "when": s.when, "giver": s.giver, "receiver": s.receiver, "text": s.text,
         "value": s.value, "referral_id": s.referral.pk if s.referral else None,
         "status": s.referral.status if s.referral else None}
        for s in selectors.recent_slips(access.group, limit)
    ]  # fmt: skip


class ReferralSlipIn(Schema):
    receiver_seat: int
    need: str = Field(..., min_length=1, max_length=5000)
    client_seat: int | None = None  # inside: a fellow member is the client
    client_name: str = ""
    client_company: str = ""
    client_email: str = ""
    client_phone: str = ""
    consent: bool = False  # required for a client outside the group's network
    estimated_value: Decimal | None = Field(None, ge=0)


class CreatedOut(Schema):
    id: int


@router.post("/{group_id}/referrals", response={201: CreatedOut}, summary="Pass a referral slip")
def referral_slip_create(request, group_id: int, payload: ReferralSlipIn):
    access = _member_seat(request, group_id)
    referral = services.referral_slip_create(
        group=access.group, giver=access.seat,
        receiver=_seat(access, payload.receiver_seat, "receiver_seat"),
        client_seat=_seat(access, payload.client_seat, "client_seat"),
        client_name=payload.client_name, client_company=payload.client_company,
        client_email=payload.client_email, client_phone=payload.client_phone,
        consent=payload.consent, need=payload.need, estimated_value=payload.estimated_value,
    )  # fmt: skip
    return 201, {"id": referral.pk}


class ThanksIn(Schema):
    referral_id: int
    amount: Decimal = Field(..., ge=0)
    note: str = Field("", max_length=500)


@router.post(
    "/{group_id}/thanks", response={201: CreatedOut}, summary="Thank you for closed business"
)
def thanks_create(request, group_id: int, payload: ThanksIn):
    access = _member_seat(request, group_id)
    referral = selectors.get_group_referral(access.group, payload.referral_id)
    services.thank_you_record(
        referral=referral, user=request.user, amount=payload.amount, note=payload.note
    )
    return 201, {"id": referral.pk}


class OneToOneIn(Schema):
    other_seat: int
    met_on: date
    note: str = Field("", max_length=500)


@router.post("/{group_id}/one-to-ones", response={201: CreatedOut}, summary="Record a one-to-one")
def one_to_one_create(request, group_id: int, payload: OneToOneIn):
    access = _member_seat(request, group_id)
    meeting = services.one_to_one_create(
        group=access.group, seat=access.seat, other=_seat(access, payload.other_seat, "other_seat"),
        met_on=payload.met_on, note=payload.note, user=request.user,
    )  # fmt: skip
    return 201, {"id": meeting.pk}


class TestimonialIn(Schema):
    about_seat: int
    text: str = Field(..., min_length=1, max_length=5000)


@router.post("/{group_id}/testimonials", response={201: CreatedOut}, summary="Give a testimonial")
def testimonial_create(request, group_id: int, payload: TestimonialIn):
    access = _member_seat(request, group_id)
    testimonial = services.testimonial_create(
        group=access.group, author=access.seat,
        about=_seat(access, payload.about_seat, "about_seat"), text=payload.text,
    )  # fmt: skip
    return 201, {"id": testimonial.pk}


class AttendanceIn(Schema):
    seat: int
    state: Literal["present", "absent", "late", "medical", "substitute"]
    substitute_name: str = ""


class AttendanceOut(Schema):
    seat: int
    state: str
    substitute_name: str


@router.put(
    "/{group_id}/meetings/{meeting_id}/attendance",
    response=list[AttendanceOut],
    summary="Record attendance at a meeting (leader team)",
)
def attendance_put(request, group_id: int, meeting_id: int, payload: list[AttendanceIn]):
    access = selectors.get_group_for(request.actor, group_id, need="can_record_meetings")
    meeting = selectors.get_meeting(access.group, meeting_id)
    entries = []
    for entry in payload:
        seat = _seat(access, entry.seat, f"seat-{entry.seat}")
        entries.append((seat, entry.state, entry.substitute_name))
    services.attendance_record(meeting=meeting, entries=entries)
    return [
        {"seat": a.seat_id, "state": a.state, "substitute_name": a.substitute_name}
        for a in Attendance.objects.filter(meeting=meeting).order_by("seat_id")
    ]


class SeatIn(Schema):
    user_email: str
    company_id: int
    category: str


@router.post("/{group_id}/seats", response={201: SeatOut}, summary="Add a seat (leader team)")
def seat_create(request, group_id: int, payload: SeatIn):
    access = selectors.get_group_for(request.actor, group_id, need="can_manage")
    user = get_user_model().objects.filter(email__iexact=payload.user_email).first()
    company = Company.objects.filter(pk=payload.company_id).first()
    if user is None:
        raise ValidationError({"user_email": _("No Verbund account has this email address.")})
    if company is None:
        raise ValidationError({"company_id": _("No company has this ID.")})
    seat = services.seat_create(
        group=access.group, user=user, company=company, category=payload.category
    )
    seat.category_label = services.category_label(access.group, seat.category)
    return 201, _seat_out(seat)


class MemberReportOut(Schema):
    seat: int
    name: str
    company: str
    category: str
    meetings: int
    present: int
    late: int
    absent: int
    medical: int
    substitute: int
    given_inside: int
    given_outside: int
    received_inside: int
    received_outside: int
    credited: Decimal
    won: Decimal
    one_to_ones: int
    visitors: int
    testimonials: int
    balance: int
    role: str
    light: str
    lights: dict[str, str]


class TrendOut(Schema):
    month: date
    referrals: int
    closed_value: Decimal
    one_to_ones: int
    attendance_rate: float | None


class ReportOut(Schema):
    start: date
    end: date
    meetings: int
    members: list[MemberReportOut]  # ranked: givers first, takers last
    trend: list[TrendOut]
    thresholds: dict


@router.get("/{group_id}/report", response=ReportOut, summary="The group report for a period")
def group_report(request, group_id: int, start: date | None = None, end: date | None = None):
    access = selectors.get_group_for(request.actor, group_id)
    default_start, default_end = selectors.default_period()
    start, end = start or default_start, end or default_end
    if start > end:
        raise ValidationError({"end": _("The end of the period lies before its start.")})
    report = selectors.group_report(access.group, start, end)
    return {
        "start": start, "end": end, "meetings": report.meetings,
        "members": [_member_out(row) for row in report.ranking],
        "trend": selectors.trend(access.group), "thresholds": report.thresholds,
    }  # fmt: skip


def _member_out(row) -> dict:
    verdict = row.verdict
    return {
        "seat": row.seat.pk, "name": row.seat.holder_name, "company": row.seat.company.name,
        "category": row.seat.category, "meetings": row.meetings, "present": row.present,
        "late": row.late, "absent": row.absent, "medical": row.medical,
        "substitute": row.substitute, "given_inside": row.given_inside,
        "given_outside": row.given_outside, "received_inside": row.received_inside,
        "received_outside": row.received_outside, "credited": row.credited, "won": row.won,
        "one_to_ones": row.one_to_ones, "visitors": row.visitors,
        "testimonials": row.testimonials, "balance": verdict.balance, "role": verdict.role,
        "light": verdict.overall, "lights": verdict.lights,
    }  # fmt: skip
