"""Group rules kept by the services: one seat per category, slips, attendance, applications."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.groups.conftest import GroupWorld, _person
from verbund.groups import services
from verbund.groups.models import Attendance, Seat, Visitor
from verbund.notifications.models import Notification
from verbund.referrals.models import Referral


def test_a_second_seat_in_an_occupied_category_is_refused_naming_the_holder(groups: GroupWorld):
    user, company = _person(groups.world, "newcomer", "Neu Elektro GmbH")
    with pytest.raises(ValidationError) as caught:
        services.seat_create(group=groups.a, user=user, company=company, category="electrician")
    message = caught.value.message_dict["category"][0]
    assert "Elektroinstallation" in message  # the category, in the user's language
    assert groups.seats["member"].holder_name in message
    assert "Schulte Metallbau GmbH" in message
    assert not Seat.objects.filter(user=user).exists()


def test_the_database_refuses_a_second_active_seat_in_a_category_too(groups: GroupWorld):
    user, company = _person(groups.world, "racer", "Schnell Elektro GmbH")
    with pytest.raises(IntegrityError), transaction.atomic():
        Seat.objects.create(group=groups.a, user=user, company=company, category="electrician",
                            joined_on=date.today())  # fmt: skip


def test_the_same_category_is_free_in_another_group(groups: GroupWorld):
    assert groups.seats["other_company"].category == groups.seats["member"].category


def test_a_category_change_into_a_taken_category_is_refused(groups: GroupWorld):
    with pytest.raises(ValidationError) as caught:
        services.seat_change_category(seat=groups.seats["colleague"], category="electrician")
    assert "Schulte Metallbau GmbH" in caught.value.message_dict["category"][0]
    groups.seats["colleague"].refresh_from_db()
    assert groups.seats["colleague"].category == "painter"


def test_a_seat_freed_by_leaving_can_be_taken(groups: GroupWorld):
    services.seat_end(seat=groups.seats["colleague"])
    user, company = _person(groups.world, "successor", "Nachfolge Maler GmbH")
    seat = services.seat_create(group=groups.a, user=user, company=company, category="painter")
    assert seat.active


def test_an_outside_referral_needs_the_clients_consent(groups: GroupWorld):
    with pytest.raises(ValidationError) as caught:
        services.referral_slip_create(
            group=groups.a, giver=groups.seats["member"], receiver=groups.seats["secretary"],
            client_name="Frau Kötter", client_email="koetter@example.com", need="Steuererklärung",
        )  # fmt: skip
    assert "consent" in caught.value.message_dict
    assert not Referral.objects.exists()


def test_an_inside_referral_names_a_member_as_client_and_notifies_the_receiver(
    groups: GroupWorld,
):
    referral = services.referral_slip_create(
        group=groups.a, giver=groups.seats["member"], receiver=groups.seats["secretary"],
        client_seat=groups.seats["colleague"], need="Jahresabschluss",
    )  # fmt: skip
    assert referral.is_inside and referral.consent_recorded_at is None
    assert referral.group == groups.a
    assert Notification.objects.filter(
        recipient=groups.users["secretary"], kind="referrals.received"
    ).exists()


def test_a_thank_you_closes_the_referral_as_won_and_credits_the_referrer(groups: GroupWorld):
    referral = services.referral_slip_create(
        group=groups.a, giver=groups.seats["member"], receiver=groups.seats["secretary"],
        client_name="Frau Kötter", client_phone="0251 123", consent=True, need="Lohnbuchhaltung",
    )  # fmt: skip
    services.thank_you_record(
        referral=referral, user=groups.users["secretary"], amount=Decimal("1800.00")
    )
    referral.refresh_from_db()
    assert referral.status == "won" and referral.closed_value == Decimal("1800.00")
    assert Notification.objects.filter(
        recipient=groups.users["member"], kind="referrals.won"
    ).exists()
    report = services_report(groups)
    member_row = next(r for r in report.rows if r.seat == groups.seats["member"])
    assert member_row.credited == Decimal("1800.00")


def services_report(groups: GroupWorld):
    from verbund.groups.selectors import group_report

    today = date.today()
    return group_report(groups.a, today - timedelta(days=30), today)


def test_a_substitute_must_be_named(groups: GroupWorld):
    with pytest.raises(ValidationError) as caught:
        services.attendance_record(
            meeting=groups.meeting, entries=[(groups.seats["member"], "substitute", " ")]
        )
    assert groups.seats["member"].holder_name in caught.value.messages[0]
    assert not Attendance.objects.exists()


def test_attendance_can_be_corrected_without_duplicates(groups: GroupWorld):
    seat = groups.seats["member"]
    services.attendance_record(meeting=groups.meeting, entries=[(seat, "absent", "")])
    services.attendance_record(meeting=groups.meeting, entries=[(seat, "substitute", "Jan Berg")])
    rows = list(Attendance.objects.filter(meeting=groups.meeting, seat=seat))
    assert [(r.state, r.substitute_name) for r in rows] == [("substitute", "Jan Berg")]


def test_an_application_into_a_taken_category_cannot_be_accepted(groups: GroupWorld):
    visitor = services.visitor_record(
        group=groups.a, name="Herr Vogt", category="electrician",
        invited_by=groups.seats["colleague"], meeting=groups.meeting,
    )  # fmt: skip
    services.visitor_apply(visitor=visitor)
    with pytest.raises(ValidationError) as caught:
        services.visitor_decide(visitor=visitor, user=groups.users["committee"], accept=True)
    assert "Schulte Metallbau GmbH" in caught.value.message_dict["category"][0]
    services.visitor_decide(
        visitor=visitor, user=groups.users["committee"], accept=False, note="Kategorie besetzt"
    )
    visitor.refresh_from_db()
    assert visitor.status == Visitor.Status.DECLINED


def test_meetings_follow_the_groups_weekday_and_rhythm(groups: GroupWorld):
    planned = services.meetings_schedule(group=groups.a, start=date(2026, 1, 1), count=3)
    days = [m.starts_at.date() for m in planned]
    assert all(day.weekday() == groups.a.weekday for day in days)
    assert [b - a for a, b in zip(days, days[1:], strict=False)] == [timedelta(weeks=1)] * 2
    again = services.meetings_schedule(group=groups.a, start=date(2026, 1, 1), count=3)
    assert [m.pk for m in again] == [m.pk for m in planned]
