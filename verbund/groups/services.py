"""Writes for referral groups: the group, its leader team and seats, visitors and applications,
meetings and attendance, and the slips members pass (referral, thank-you, one-to-one,
testimonial).

Who may do what is decided by ``selectors.get_group_for`` before a service is called; the
services keep the group's own rules (one seat per category, forward-only referral status, a
substitute has a name) and raise ValidationError naming the field, in the user's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from verbund.companies.models import Company, CompanyMember, NetworkCompany
from verbund.groups import notifications, professions, scoring, selectors
from verbund.groups.models import (
    Attendance,
    Group,
    GroupCategory,
    Meeting,
    Officer,
    OneToOne,
    Seat,
    Testimonial,
    Visitor,
)
from verbund.notifications.services import notify
from verbund.partnerships.models import Partnership, Stage
from verbund.partnerships.selectors import open_partnership_between
from verbund.partnerships.services.partnership import (
    display_name,
    partnership_create,
    partnership_url,
)
from verbund.referrals import flow
from verbund.referrals.models import Referral
from verbund.referrals.services import referral_create, referral_set_status
from verbund.tenancy.models import Membership, Network


@transaction.atomic
def group_create(
    *,
    network: Network,
    name: str,
    rhythm: str = Group.Rhythm.WEEKLY,
    weekday: int = 2,
    meeting_time: time | str = "07:00",
    meeting_minutes: int = 90,
    location: str = "",
    description: str = "",
    leader=None,
) -> Group:
    """Create a referral group inside a network; ``leader`` (a person in the network) heads its
    leader team from the start."""
    if leader is not None and not Membership.objects.filter(user=leader, network=network).exists():
        raise ValidationError({"leader": _("The leader must be a member of the network.")})
    group = Group(
        network=network,
        name=name.strip(),
        rhythm=rhythm,
        weekday=weekday,
        meeting_time=meeting_time,
        meeting_minutes=meeting_minutes,
        location=location,
        description=description,
    )
    group.full_clean()
    if not 0 <= group.weekday <= 6:
        raise ValidationError({"weekday": _("Choose a weekday from Monday to Sunday.")})
    group.save()
    if leader is not None:
        officer_set(group=group, user=leader, role=Officer.Role.LEADER)
    return group


def officer_set(*, group: Group, user, role: str) -> Officer:
    """Give a person a place in the leader team (idempotent)."""
    if role not in Officer.Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    officer, _created = Officer.objects.get_or_create(group=group, user=user, role=role)
    return officer


def own_categories(group: Group) -> dict[str, str]:
    return dict(group.own_categories.values_list("key", "label"))


def category_label(group: Group, key: str, own: dict[str, str] | None = None) -> str:
    return professions.label(
        key, get_language() or "de", own_categories(group) if own is None else own
    )


def category_add(*, group: Group, label: str) -> GroupCategory:
    """Extend the group's catalogue with its own profession category."""
    label = label.strip()
    if not label:
        raise ValidationError({"label": _("Name the profession.")})
    key = "own-" + (slugify(label)[:50] or "category")
    existing = {
        k.casefold() for _k, k in professions.choices(get_language() or "de", own_categories(group))
    }
    if label.casefold() in existing:
        raise ValidationError(
            {"label": _("The group already has the category “%(label)s”.") % {"label": label}}
        )
    return GroupCategory.objects.create(group=group, key=key, label=label)


def _valid_category(group: Group, category: str) -> None:
    if category not in professions.category_keys() and category not in own_categories(group):
        raise ValidationError({"category": _("Unknown profession category.")})


def category_holder(group: Group, category: str, *, exclude: Seat | None = None) -> Seat | None:
    """The active seat that holds ``category``, if any (the conflict an applicant runs into)."""
    seats = Seat.objects.filter(group=group, category=category, active=True).select_related(
        "user", "company"
    )
    if exclude is not None:
        seats = seats.exclude(pk=exclude.pk)
    return seats.first()


def _conflict_error(group: Group, category: str, holder: Seat) -> ValidationError:
    return ValidationError(
        {
            "category": _(
                "The category “%(category)s” is already taken: %(holder)s (%(company)s) holds "
                "this seat. A group has one seat per profession."
            )
            % {
                "category": category_label(group, category),
                "holder": holder.holder_name,
                "company": holder.company.name,
            }
        }
    )


@transaction.atomic
def seat_create(
    *, group: Group, user, company: Company, category: str, joined_on: date | None = None
) -> Seat:
    """Give a person a seat in a free category; refused with the holder's name when taken."""
    _valid_category(group, category)
    errors: dict[str, str] = {}
    if not Membership.objects.filter(user=user, network_id=group.network_id).exists():
        errors["user"] = _("The person is not a member of the group's network.")
    if not CompanyMember.objects.filter(user=user, company=company).exists():
        errors["company"] = _("The person does not act for this company.")
    elif not NetworkCompany.objects.filter(network_id=group.network_id, company=company).exists():
        errors["company"] = _("The company is not listed in the group's network.")
    if Seat.objects.filter(group=group, user=user, active=True).exists():
        errors["user"] = _("The person already has a seat in this group.")
    if errors:
        raise ValidationError(errors)
    holder = category_holder(group, category)
    if holder is not None:
        raise _conflict_error(group, category, holder)
    try:
        # The constraint is the last word when two people apply at the same moment.
        with transaction.atomic():
            return Seat.objects.create(
                group=group,
                user=user,
                company=company,
                category=category,
                joined_on=joined_on or timezone.localdate(),
            )
    except IntegrityError:
        holder = category_holder(group, category)
        if holder is None:
            raise
        raise _conflict_error(group, category, holder) from None


@transaction.atomic
def seat_change_category(*, seat: Seat, category: str) -> Seat:
    """Move a seat to another category, if that one is free."""
    _valid_category(seat.group, category)
    holder = category_holder(seat.group, category, exclude=seat)
    if holder is not None:
        raise _conflict_error(seat.group, category, holder)
    seat.category = category
    seat.save(update_fields=["category"])
    return seat


def seat_end(*, seat: Seat, ended_on: date | None = None) -> Seat:
    """The member leaves; the category becomes free, the history stays."""
    seat.active = False
    seat.ended_on = ended_on or timezone.localdate()
    seat.save(update_fields=["active", "ended_on"])
    return seat


def visitor_record(
    *,
    group: Group,
    name: str,
    category: str,
    visited_on: date | None = None,
    company_name: str = "",
    email: str = "",
    meeting: Meeting | None = None,
    invited_by: Seat | None = None,
) -> Visitor:
    """A guest came to a meeting (brought by a member, if ``invited_by``)."""
    _valid_category(group, category)
    if not name.strip():
        raise ValidationError({"name": _("Enter the visitor's name.")})
    visitor = Visitor(
        group=group,
        name=name.strip(),
        company_name=company_name.strip(),
        email=email.strip(),
        category=category,
        meeting=meeting,
        invited_by=invited_by,
        visited_on=visited_on or (meeting.starts_at.date() if meeting else timezone.localdate()),
    )
    visitor.full_clean()
    visitor.save()
    return visitor


def visitor_apply(*, visitor: Visitor, category: str | None = None) -> Visitor:
    """The visitor applies for a seat; a category conflict is shown to the committee, not hidden."""
    if visitor.status != Visitor.Status.VISITED:
        raise ValidationError({"status": _("This visitor has already applied.")})
    if category:
        _valid_category(visitor.group, category)
        visitor.category = category
    visitor.status = Visitor.Status.APPLIED
    visitor.applied_at = timezone.now()
    visitor.save(update_fields=["status", "applied_at", "category"])
    return visitor


def visitor_decide(*, visitor: Visitor, user, accept: bool, note: str = "") -> Visitor:
    """The membership committee accepts or declines an application."""
    if visitor.status != Visitor.Status.APPLIED:
        raise ValidationError({"status": _("Only an open application can be decided.")})
    if accept:
        holder = category_holder(visitor.group, visitor.category)
        if holder is not None:
            raise _conflict_error(visitor.group, visitor.category, holder)
    elif not note.strip():
        raise ValidationError({"note": _("Give a reason when declining an application.")})
    visitor.status = Visitor.Status.ACCEPTED if accept else Visitor.Status.DECLINED
    visitor.decided_by = user
    visitor.decided_at = timezone.now()
    visitor.decision_note = note.strip()[:500]
    visitor.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    return visitor


def _meeting_start(group: Group, day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, _as_time(group.meeting_time)))


def _as_time(value: time | str) -> time:
    return value if isinstance(value, time) else time.fromisoformat(str(value))


def meeting_create(
    *, group: Group, starts_at: datetime, agenda: str = "", location: str | None = None
) -> Meeting:
    if Meeting.objects.filter(group=group, starts_at=starts_at).exists():
        raise ValidationError({"starts_at": _("The group already meets at this time.")})
    return Meeting.objects.create(
        group=group,
        starts_at=starts_at,
        minutes=group.meeting_minutes,
        location=group.location if location is None else location,
        agenda=agenda,
    )


_STEP = {
    Group.Rhythm.WEEKLY: timedelta(weeks=1),
    Group.Rhythm.FORTNIGHTLY: timedelta(weeks=2),
}


def meeting_dates(group: Group, start: date, count: int) -> list[date]:
    """The next ``count`` meeting days on the group's weekday and rhythm, from ``start`` on."""
    first = start + timedelta(days=(group.weekday - start.weekday()) % 7)
    if group.rhythm == Group.Rhythm.MONTHLY:
        days, month_start = [], first.replace(day=1)
        while len(days) < count:
            # The first of the group's weekday in each month.
            day = month_start + timedelta(days=(group.weekday - month_start.weekday()) % 7)
            if day >= start:
                days.append(day)
            month_start = (month_start + timedelta(days=32)).replace(day=1)
        return days
    step = _STEP[Group.Rhythm(group.rhythm)]
    return [first + step * i for i in range(count)]


@transaction.atomic
def meetings_schedule(*, group: Group, start: date, count: int, agenda: str = "") -> list[Meeting]:
    """Plan the next meetings by the group's rhythm; days already planned are kept as they are."""
    if not 1 <= count <= 60:
        raise ValidationError({"count": _("Plan between 1 and 60 meetings at a time.")})
    planned = []
    for day in meeting_dates(group, start, count):
        starts_at = _meeting_start(group, day)
        meeting = Meeting.objects.filter(group=group, starts_at=starts_at).first()
        planned.append(meeting or meeting_create(group=group, starts_at=starts_at, agenda=agenda))
    return planned


def meeting_update_agenda(*, meeting: Meeting, agenda: str) -> Meeting:
    meeting.agenda = agenda.strip()
    meeting.save(update_fields=["agenda"])
    return meeting


@transaction.atomic
def attendance_record(
    *, meeting: Meeting, entries: Iterable[tuple[Seat, str, str]]
) -> list[Attendance]:
    """Record (or correct) attendance: (seat, state, substitute's name) per member."""
    errors: dict[str, str] = {}
    rows = []
    for seat, state, substitute_name in entries:
        if seat.group_id != meeting.group_id:
            errors[f"seat-{seat.pk}"] = _("This member is not in the meeting's group.")
            continue
        if state not in Attendance.State.values:
            errors[f"seat-{seat.pk}"] = _("Unknown attendance state.")
            continue
        substitute_name = (substitute_name or "").strip()
        if state == Attendance.State.SUBSTITUTE and not substitute_name:
            errors[f"seat-{seat.pk}"] = _(
                "%(member)s sent a substitute: enter the substitute's name."
            ) % {"member": seat.holder_name}
            continue
        rows.append((seat, state, substitute_name if state == Attendance.State.SUBSTITUTE else ""))
    if errors:
        raise ValidationError(errors)
    saved = []
    for seat, state, substitute_name in rows:
        attendance, _created = Attendance.objects.update_or_create(
            meeting=meeting,
            seat=seat,
            defaults={"state": state, "substitute_name": substitute_name},
        )
        saved.append(attendance)
    return saved


def _same_group(group: Group, *seats: Seat | None) -> None:
    for seat in seats:
        if seat is None or seat.group_id != group.pk or not seat.active:
            raise ValidationError({"other": _("Choose an active member of this group.")})


def referral_slip_create(
    *,
    group: Group,
    giver: Seat,
    receiver: Seat,
    need: str,
    client_seat: Seat | None = None,
    client_name: str = "",
    client_company: str = "",
    client_email: str = "",
    client_phone: str = "",
    consent: bool = False,
    estimated_value: Decimal | None = None,
    created_at: datetime | None = None,
    url: str = "",
) -> Referral:
    """A referral slip: inside (the client is a fellow member's company) or outside (a third party
    who agreed to be contacted). The same Referral and status flow as between partners."""
    _same_group(group, giver)
    if receiver is None or receiver.group_id != group.pk or not receiver.active:
        raise ValidationError({"receiver": _("Choose an active member of this group.")})
    if receiver.pk == giver.pk:
        raise ValidationError({"receiver": _("You cannot pass a referral to yourself.")})
    if client_seat is not None and client_seat.group_id != group.pk:
        raise ValidationError({"client_seat": _("Choose an active member of this group.")})
    return referral_create(
        network=group.network,
        group=group,
        referrer_company=giver.company,
        referrer_user=giver.user,
        receiver_company=receiver.company,
        receiver_user=receiver.user,
        client_in_network=client_seat.company if client_seat else None,
        client_name=client_name,
        client_company=client_company,
        client_email=client_email,
        client_phone=client_phone,
        consent=consent,
        need=need,
        estimated_value=estimated_value,
        created_at=created_at,
        url=url,
    )


def thank_you_record(
    *,
    referral: Referral,
    user,
    amount: Decimal,
    note: str = "",
    at: datetime | None = None,
    url: str = "",
) -> Referral:
    """Thank you for closed business: the receiver closes the referral as won with its value,
    which is credited to the referrer."""
    return referral_set_status(
        referral=referral,
        user=user,
        status=flow.WON,
        closed_value=amount,
        note=note,
        at=at,
        url=url,
    )


def one_to_one_create(
    *, group: Group, seat: Seat, other: Seat, met_on: date, note: str = "", user=None
) -> OneToOne:
    _same_group(group, seat, other)
    if seat.pk == other.pk:
        raise ValidationError({"other": _("A one-to-one is a meeting with another member.")})
    if met_on > timezone.localdate():
        raise ValidationError({"met_on": _("A one-to-one is recorded after it took place.")})
    return OneToOne.objects.create(
        group=group,
        seat=seat,
        other=other,
        met_on=met_on,
        note=note.strip()[:500],
        created_by=user or seat.user,
    )


def testimonial_create(
    *, group: Group, author: Seat, about: Seat, text: str, given_on: date | None = None
) -> Testimonial:
    _same_group(group, author, about)
    if author.pk == about.pk:
        raise ValidationError({"other": _("A testimonial is about another member.")})
    if not text.strip():
        raise ValidationError({"text": _("Write what you want to say about this member.")})
    return Testimonial.objects.create(
        group=group,
        author=author,
        about=about,
        text=text.strip(),
        given_on=given_on or timezone.localdate(),
    )


def thresholds_set(*, group: Group, thresholds: dict[str, Any]) -> Group:
    """Store the group's traffic-light thresholds; each pair must read green ≥ yellow ≥ 0."""
    errors = {}
    clean: dict[str, Any] = {}
    for metric in scoring.METRICS:
        if metric not in thresholds:
            continue
        try:
            green, yellow = (float(v) for v in thresholds[metric])
        except (TypeError, ValueError):
            errors[metric] = _("Enter two numbers: green from, yellow from.")
            continue
        if not green >= yellow >= 0:
            errors[metric] = _("Green must start at or above yellow, and neither below zero.")
            continue
        clean[metric] = [green, yellow]
    if errors:
        raise ValidationError(errors)
    group.thresholds = {**group.thresholds, **clean}
    group.save(update_fields=["thresholds"])
    return group


@transaction.atomic
def pair_partnership_create(
    *, group: Group, company: Company, partner: Company, user
) -> tuple[Partnership, bool]:
    """Turn a steady two-way referral flow between two members' companies into a company
    partnership in one step: form ``referral_partnership``, stage ``contacted`` (the companies
    already work together, but have agreed nothing yet), origin ``referral_group``. ``company``
    acts (the caller checked that ``user`` belongs to it); ``partner`` is told.

    Idempotent: when the two already have an open partnership it is returned, with ``False``."""
    pair_ids = {company.pk, partner.pk}
    steady = {frozenset((p.company_a_id, p.company_b_id)) for p in selectors.steady_pairs(group)}
    if frozenset(pair_ids) not in steady:
        raise ValidationError(
            _("These two companies do not refer clients to each other steadily in this group.")
        )
    # One partnership per pair even when both click at once: the network row serialises them.
    Network.objects.select_for_update().filter(pk=group.network_id).first()
    existing = open_partnership_between(group.network_id, pair_ids)
    if existing is not None:
        return existing, False
    partnership = partnership_create(
        network=group.network,
        companies=[company, partner],
        form="referral_partnership",
        origin=Partnership.Origin.REFERRAL_GROUP,
        stage=Stage.CONTACTED,
        user=user,
        company=company,
        reason=_("Steady two-way referral flow in the group %(group)s.") % {"group": group.name},
    )
    notify(
        kind=notifications.PARTNERSHIP_FROM_REFERRALS,
        company=partner,
        network=group.network,
        params={"company": display_name(company), "group": group.name},
        url=partnership_url(partnership),
    )
    return partnership, True
