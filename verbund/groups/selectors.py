"""Reads of referral groups. Every group is fetched through ``get_group_for``: members with a
seat, the leader team and the network's coordinators see a group; everyone else gets 404."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.groups import professions, scoring
from verbund.groups.models import (
    Attendance,
    Group,
    Meeting,
    Officer,
    OneToOne,
    Seat,
    Testimonial,
    Visitor,
)
from verbund.referrals import flow
from verbund.referrals.models import Referral
from verbund.referrals.selectors import TwoWayPair, steady_two_way_pairs
from verbund.tenancy.actor import Actor


@dataclass(frozen=True)
class GroupAccess:
    group: Group
    seat: Seat | None  # the actor's own active seat
    roles: frozenset[str]  # the actor's places in the leader team
    coordinator: bool  # coordinates the group's network

    @property
    def is_member(self) -> bool:
        return self.seat is not None

    @property
    def can_record_meetings(self) -> bool:
        """Attendance, agenda, visitors: the secretary's work (the leader may stand in)."""
        return self.coordinator or bool(self.roles & {Officer.Role.LEADER, Officer.Role.SECRETARY})

    @property
    def can_decide_applications(self) -> bool:
        return self.coordinator or bool(
            self.roles & {Officer.Role.LEADER, Officer.Role.MEMBERSHIP_COMMITTEE}
        )

    @property
    def can_see_visitors(self) -> bool:
        """Visitors' contact details: the secretary's and the membership committee's."""
        return self.can_record_meetings or self.can_decide_applications

    @property
    def can_manage(self) -> bool:
        """Seats, categories and thresholds: the leader team's and the coordinator's."""
        return self.coordinator or bool(self.roles & {Officer.Role.LEADER, Officer.Role.SECRETARY})


def get_group_for(actor: Actor, group_id: int, *, need: str = "") -> GroupAccess:
    """The group as the actor may use it; 404 for anyone outside it, 403 when ``need`` (a
    ``GroupAccess`` permission name) is missing."""
    if not actor.is_authenticated:
        raise Http404(_("Group not found."))
    group = Group.objects.select_related("network").filter(pk=group_id).first()
    if group is None or group.network_id not in actor.network_ids:
        raise Http404(_("Group not found."))
    seat = (
        Seat.objects.select_related("user", "company")
        .filter(group=group, user=actor.user, active=True)
        .first()
    )
    roles = frozenset(
        Officer.objects.filter(group=group, user=actor.user).values_list("role", flat=True)
    )
    coordinator = actor.is_coordinator_of(group.network_id)
    if seat is None and not roles and not coordinator:
        raise Http404(_("Group not found."))
    access = GroupAccess(group=group, seat=seat, roles=roles, coordinator=coordinator)
    if need and not getattr(access, need):
        raise PermissionDenied(_("Only the group's leader team can do this."))
    return access


def groups_for(actor: Actor) -> QuerySet[Group]:
    """Groups the actor sits in, helps lead, or whose network they coordinate."""
    if not actor.is_authenticated:
        return Group.objects.none()
    visible = Group.objects.filter(
        Q(seats__user=actor.user, seats__active=True)
        | Q(officers__user=actor.user)
        | Q(network_id__in=actor.coordinated_network_ids)
    ).values("pk")
    # The visibility joins stay in the subquery: joined here, they would make the seat count
    # count only the actor's own seat.
    return (
        Group.objects.filter(pk__in=visible, network_id__in=actor.network_ids)
        .select_related("network")
        .annotate(member_count=Count("seats", filter=Q(seats__active=True), distinct=True))
        .order_by("name")
    )


def active_seats(group: Group) -> QuerySet[Seat]:
    return group.seats.filter(active=True).select_related("user", "company").order_by("category")


def labelled_seats(group: Group, language: str) -> list[Seat]:
    """Active seats, each with ``category_label`` in ``language`` (the group's own categories
    included)."""
    own = dict(group.own_categories.values_list("key", "label"))
    seats = list(active_seats(group))
    for seat in seats:
        seat.category_label = professions.label(seat.category, language, own)  # type: ignore[attr-defined]
    return seats


def category_choices(group: Group, language: str) -> list[tuple[str, str]]:
    return professions.choices(language, dict(group.own_categories.values_list("key", "label")))


def get_seat(group: Group, seat_id: int | str | None) -> Seat | None:
    if not str(seat_id or "").isdigit():
        return None
    return active_seats(group).filter(pk=int(seat_id)).first()  # type: ignore[arg-type]


def get_meeting(group: Group, meeting_id: int) -> Meeting:
    meeting = group.meetings.filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404(_("Meeting not found."))
    return meeting


def get_group_referral(group: Group, referral_id: int) -> Referral:
    referral = (
        Referral.objects.select_related("referrer_company", "receiver_company", "client_in_network")
        .filter(group=group, pk=referral_id)
        .first()
    )
    if referral is None:
        raise Http404(_("Referral not found."))
    return referral


def group_referrals(group: Group) -> QuerySet[Referral]:
    return Referral.objects.filter(group=group).select_related(
        "referrer_company", "receiver_company", "referrer_user", "receiver_user",
        "client_in_network",
    )  # fmt: skip


def open_referrals_received(group: Group, seat: Seat) -> QuerySet[Referral]:
    """Slips the member may thank for: received in the group, still open."""
    return group_referrals(group).filter(
        receiver_user=seat.user, receiver_company=seat.company, status__in=flow.OPEN_PATH
    )


@dataclass(frozen=True)
class Slip:
    kind: str  # referral, thanks, one_to_one, testimonial
    when: datetime
    giver: str
    receiver: str
    text: str
    value: Decimal | None = None
    referral: Referral | None = None


def recent_slips(group: Group, limit: int = 30) -> list[Slip]:
    """The group's latest slips of every kind, newest first, in four queries."""
    slips: list[Slip] = []
    for referral in group_referrals(group).order_by("-created_at")[:limit]:
        slips.append(
            Slip(
                "referral",
                referral.created_at,
                _name(referral.referrer_user),
                _name(referral.receiver_user),
                referral.need,
                referral.estimated_value,
                referral,
            )
        )
        if referral.status == flow.WON and referral.closed_at:
            slips.append(
                Slip(
                    "thanks",
                    referral.closed_at,
                    _name(referral.receiver_user),
                    _name(referral.referrer_user),
                    referral.client_label,
                    referral.closed_value,
                    referral,
                )
            )
    for meeting in group.one_to_ones.select_related("seat__user", "other__user")[:limit]:
        slips.append(
            Slip(
                "one_to_one",
                _at(meeting.met_on),
                meeting.seat.holder_name,
                meeting.other.holder_name,
                meeting.note,
            )
        )
    for testimonial in group.testimonials.select_related("author__user", "about__user")[:limit]:
        slips.append(
            Slip(
                "testimonial",
                _at(testimonial.given_on),
                testimonial.author.holder_name,
                testimonial.about.holder_name,
                testimonial.text,
            )
        )
    return sorted(slips, key=lambda s: s.when, reverse=True)[:limit]  # fmt: skip


def _name(user) -> str:
    if user is None:
        return "—"
    return user.get_full_name() or user.email


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def upcoming_meetings(group: Group, limit: int = 5) -> QuerySet[Meeting]:
    since = timezone.now() - timedelta(hours=12)
    return group.meetings.filter(starts_at__gte=since).order_by("starts_at")[:limit]


def past_meetings(group: Group, limit: int = 10) -> QuerySet[Meeting]:
    return group.meetings.filter(starts_at__lt=timezone.now()).order_by("-starts_at")[:limit]


def meeting_sheet(meeting: Meeting) -> list[tuple[Seat, Attendance | None]]:
    """Every active seat with its attendance at the meeting (None = not recorded yet)."""
    recorded = {a.seat_id: a for a in meeting.attendance.all()}
    return [(seat, recorded.get(seat.pk)) for seat in active_seats(meeting.group)]


def funnel(group: Group) -> dict[str, int]:
    """Visitors → applicants → accepted, in one query."""
    counts = group.visitors.aggregate(
        visitors=Count("id"),
        applied=Count("id", filter=Q(status__in=["applied", "accepted", "declined"])),
        accepted=Count("id", filter=Q(status="accepted")),
        declined=Count("id", filter=Q(status="declined")),
        open=Count("id", filter=Q(status="applied")),
    )
    return {key: value or 0 for key, value in counts.items()}


def visitors_with_conflicts(group: Group) -> list[tuple[Visitor, Seat | None]]:
    """Visitors, each with the seat already holding their category (the conflict to decide on)."""
    holders = {seat.category: seat for seat in active_seats(group)}
    visitors = group.visitors.select_related("invited_by__user", "meeting")
    return [(visitor, holders.get(visitor.category)) for visitor in visitors]


# ----------------------------------------------------------------------------------------------
# Reports
# ----------------------------------------------------------------------------------------------

ATTENDED = (Attendance.State.PRESENT, Attendance.State.LATE, Attendance.State.SUBSTITUTE)


@dataclass
class MemberRow:
    seat: Seat
    meetings: int = 0
    present: int = 0
    late: int = 0
    absent: int = 0
    medical: int = 0
    substitute: int = 0
    given_inside: int = 0
    given_outside: int = 0
    received_inside: int = 0
    received_outside: int = 0
    credited: Decimal = Decimal("0")  # closed business won by others through this member
    won: Decimal = Decimal("0")  # closed business this member won through others
    one_to_ones: int = 0
    visitors: int = 0
    testimonials: int = 0
    verdict: scoring.MemberVerdict | None = None

    @property
    def attended(self) -> int:
        return self.present + self.late + self.substitute

    @property
    def given(self) -> int:
        return self.given_inside + self.given_outside

    @property
    def received(self) -> int:
        return self.received_inside + self.received_outside

    @property
    def attendance_rate(self) -> float | None:
        return self.attended / self.meetings if self.meetings else None


@dataclass
class GroupReport:
    group: Group
    start: date
    end: date
    rows: list[MemberRow]
    meetings: int
    thresholds: dict
    totals: dict[str, object] = field(default_factory=dict)

    @property
    def ranking(self) -> list[MemberRow]:
        """Givers first, takers last."""
        order = {
            v.seat_id: i
            for i, v in enumerate(scoring.ranking(r.verdict for r in self.rows if r.verdict))
        }
        return sorted(self.rows, key=lambda r: order[r.seat.pk])

    @property
    def takers(self) -> list[MemberRow]:
        return [r for r in self.rows if r.verdict and r.verdict.role == "taker"]


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return (
        timezone.make_aware(datetime.combine(start, time.min)),
        timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min)),
    )


def default_period(today: date | None = None) -> tuple[date, date]:
    """The last 90 days up to today."""
    today = today or timezone.localdate()
    return today - timedelta(days=89), today


def group_report(group: Group, start: date, end: date, *, seat: Seat | None = None) -> GroupReport:
    """Figures per member for the period (one seat's only, with ``seat``); a fixed number of
    queries whatever the group's size."""
    since, until = _bounds(start, end)
    seats = list(active_seats(group)) if seat is None else [seat]
    rows = {s.pk: MemberRow(seat=s) for s in seats}
    by_user = {s.user_id: rows[s.pk] for s in seats}

    meetings = Meeting.objects.filter(group=group, starts_at__gte=since, starts_at__lt=until)
    meeting_count = meetings.count()
    attendance = (
        Attendance.objects.filter(meeting__in=meetings, seat_id__in=rows)
        .values("seat_id", "state")
        .annotate(n=Count("id"))
    )
    for entry in attendance:
        row = rows[entry["seat_id"]]
        setattr(row, entry["state"], getattr(row, entry["state"]) + entry["n"])
        row.meetings += entry["n"]

    referrals = Referral.objects.filter(group=group, created_at__gte=since, created_at__lt=until)
    given = referrals.values("referrer_user_id").annotate(
        inside=Count("id", filter=Q(client_in_network__isnull=False)),
        outside=Count("id", filter=Q(client_in_network__isnull=True)),
    )
    for entry in given:
        if (row := by_user.get(entry["referrer_user_id"])) is not None:
            row.given_inside, row.given_outside = entry["inside"], entry["outside"]
    received = referrals.values("receiver_user_id").annotate(
        inside=Count("id", filter=Q(client_in_network__isnull=False)),
        outside=Count("id", filter=Q(client_in_network__isnull=True)),
    )
    for entry in received:
        if (row := by_user.get(entry["receiver_user_id"])) is not None:
            row.received_inside, row.received_outside = entry["inside"], entry["outside"]

    # Closed business counts in the period it was closed, not the one it was passed on in.
    won = Referral.objects.filter(
        group=group, status=flow.WON, closed_at__gte=since, closed_at__lt=until
    )
    for entry in won.values("referrer_user_id").annotate(value=Sum("closed_value")):
        if (row := by_user.get(entry["referrer_user_id"])) is not None:
            row.credited = entry["value"] or Decimal("0")
    for entry in won.values("receiver_user_id").annotate(value=Sum("closed_value")):
        if (row := by_user.get(entry["receiver_user_id"])) is not None:
            row.won = entry["value"] or Decimal("0")

    # A one-to-one counts for both people who met.
    one_to_ones = OneToOne.objects.filter(group=group, met_on__gte=start, met_on__lte=end)
    for key in ("seat_id", "other_id"):
        for entry in one_to_ones.values(key).annotate(n=Count("id")):
            if (row := rows.get(entry[key])) is not None:
                row.one_to_ones += entry["n"]
    visitors = Visitor.objects.filter(group=group, visited_on__gte=start, visited_on__lte=end)
    for entry in visitors.values("invited_by_id").annotate(n=Count("id")):
        if (row := rows.get(entry["invited_by_id"])) is not None:
            row.visitors = entry["n"]
    testimonials = Testimonial.objects.filter(group=group, given_on__gte=start, given_on__lte=end)
    for entry in testimonials.values("author_id").annotate(n=Count("id")):
        if (row := rows.get(entry["author_id"])) is not None:
            row.testimonials = entry["n"]

    thresholds = scoring.thresholds_with_defaults(group.thresholds)
    days = (end - start).days + 1
    for row in rows.values():
        row.verdict = scoring.judge(
            scoring.MemberFigures(
                seat_id=row.seat.pk,
                meetings=row.meetings,
                attended=row.attended,
                referrals_given=row.given,
                referrals_received=row.received,
                one_to_ones=row.one_to_ones,
                days=days,
            ),
            thresholds,
        )
    ordered = sorted(rows.values(), key=lambda r: (r.seat.category, r.seat.pk))
    totals = {
        "referrals": referrals.count(),
        "inside": sum(r.given_inside for r in ordered) if seat is None else None,
        "closed_value": won.aggregate(v=Sum("closed_value"))["v"] or Decimal("0"),
        "one_to_ones": one_to_ones.count(),
        "visitors": visitors.count(),
    }
    return GroupReport(group, start, end, ordered, meeting_count, thresholds, totals)


@dataclass(frozen=True)
class TrendMonth:
    month: date
    referrals: int
    closed_value: Decimal
    one_to_ones: int
    attendance_rate: float | None


def month_starts(today: date, months: int = 6) -> list[date]:
    first = today.replace(day=1)
    result = [first]
    for _i in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
        result.append(first)
    return list(reversed(result))


def trend(group: Group, *, seat: Seat | None = None, today: date | None = None) -> list[TrendMonth]:
    """The last six calendar months, for the group or one member; four queries."""
    months = month_starts(today or timezone.localdate())
    since = timezone.make_aware(datetime.combine(months[0], time.min))
    referrals = Referral.objects.filter(group=group, created_at__gte=since)
    won = Referral.objects.filter(group=group, status=flow.WON, closed_at__gte=since)
    one_to_ones = OneToOne.objects.filter(group=group, met_on__gte=months[0])
    attendance = Attendance.objects.filter(meeting__group=group, meeting__starts_at__gte=since)
    if seat is not None:
        referrals = referrals.filter(referrer_user=seat.user)
        won = won.filter(referrer_user=seat.user)
        one_to_ones = one_to_ones.filter(Q(seat=seat) | Q(other=seat))
        attendance = attendance.filter(seat=seat)
    else:
        attendance = attendance.filter(seat__active=True)

    def per_month(queryset, field_name, **aggregate):
        rows = queryset.annotate(m=TruncMonth(field_name)).values("m").annotate(**aggregate)
        return {_month_key(row["m"]): row for row in rows}

    referral_months = per_month(referrals, "created_at", n=Count("id"))
    won_months = per_month(won, "closed_at", v=Sum("closed_value"))
    one_months = per_month(one_to_ones, "met_on", n=Count("id"))
    attendance_months = per_month(
        attendance,
        "meeting__starts_at",
        n=Count("id"),
        ok=Count("id", filter=Q(state__in=ATTENDED)),
    )
    result = []
    for month in months:
        att = attendance_months.get(month)
        result.append(
            TrendMonth(
                month=month,
                referrals=referral_months.get(month, {}).get("n", 0),
                closed_value=won_months.get(month, {}).get("v") or Decimal("0"),
                one_to_ones=one_months.get(month, {}).get("n", 0),
                attendance_rate=(att["ok"] / att["n"]) if att and att["n"] else None,
            )
        )
    return result


def _month_key(value) -> date:
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.date().replace(day=1)
    return value.replace(day=1)


def steady_pairs(group: Group, *, since: date | None = None) -> list[TwoWayPair]:
    """Members' companies with a steady two-way referral flow in the group (the last 6 months by
    default): candidates for a company partnership."""
    since = since or month_starts(timezone.localdate())[0]
    referrals = Referral.objects.filter(
        group=group, created_at__gte=timezone.make_aware(datetime.combine(since, time.min))
    )
    return steady_two_way_pairs(referrals)
