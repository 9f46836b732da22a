"""Group reports: figures per member, givers and takers, traffic lights, trend, CSV and the
calendar feed; query counts do not grow with the group."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import PERSONAS
from tests.groups.conftest import GroupWorld, _person, client_for, won_business
from verbund.accounts.selectors import calendar_key
from verbund.groups import services
from verbund.groups.selectors import group_report, trend


def _slip(groups: GroupWorld, giver: str, receiver: str, **extra):
    values = {"client_name": "Kunde", "client_phone": "0251 1", "consent": True, "need": "Hilfe"}
    return services.referral_slip_create(
        group=groups.a, giver=groups.seats[giver], receiver=groups.seats[receiver],
        **(values | extra),
    )  # fmt: skip


def _period():
    today = date.today()
    return today - timedelta(days=29), today


def test_the_report_counts_inside_and_outside_referrals_one_to_ones_and_attendance(
    groups: GroupWorld,
):
    _slip(groups, "member", "secretary")
    _slip(groups, "member", "committee", client_seat=groups.seats["colleague"])
    services.one_to_one_create(
        group=groups.a, seat=groups.seats["member"], other=groups.seats["colleague"],
        met_on=date.today(),
    )  # fmt: skip
    services.attendance_record(
        meeting=groups.meeting,
        entries=[(groups.seats["member"], "late", ""), (groups.seats["secretary"], "absent", "")],
    )
    services.visitor_record(
        group=groups.a, name="Gast", category="lawyer", invited_by=groups.seats["member"],
        visited_on=date.today(),
    )  # fmt: skip
    rows = {r.seat.pk: r for r in group_report(groups.a, *_period()).rows}
    member = rows[groups.seats["member"].pk]
    assert (member.given_inside, member.given_outside) == (1, 1)
    assert (member.attended, member.meetings, member.late) == (1, 1, 1)
    assert member.one_to_ones == 1 and member.visitors == 1
    colleague = rows[groups.seats["colleague"].pk]
    assert colleague.one_to_ones == 1  # counted for both people who met
    secretary = rows[groups.seats["secretary"].pk]
    assert (secretary.received_outside, secretary.attended, secretary.absent) == (1, 0, 1)


def test_a_member_who_only_receives_is_ranked_last_as_taker(groups: GroupWorld):
    for giver in ("member", "secretary", "committee", "member"):
        _slip(groups, giver, "colleague")
    _slip(groups, "colleague", "member")  # one given against four received
    _slip(groups, "secretary", "member")
    report = group_report(groups.a, *_period())
    ranking = report.ranking
    assert ranking[-1].seat == groups.seats["colleague"]
    assert [r.seat for r in report.takers] == [groups.seats["colleague"]]
    assert ranking[-1].verdict.role == "taker"


def test_the_group_sets_its_own_thresholds(groups: GroupWorld):
    services.attendance_record(
        meeting=groups.meeting, entries=[(groups.seats["member"], "late", "")]
    )
    row = lambda: next(  # noqa: E731
        r for r in group_report(groups.a, *_period()).rows if r.seat == groups.seats["member"]
    )
    assert row().verdict.lights["referrals_given_per_month"] == "red"
    services.thresholds_set(group=groups.a, thresholds={"referrals_given_per_month": [0, 0]})
    assert row().verdict.lights["referrals_given_per_month"] == "green"


def test_thresholds_with_yellow_above_green_are_refused(groups: GroupWorld):
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        services.thresholds_set(group=groups.a, thresholds={"attendance_rate": [0.5, 0.9]})
    assert "attendance_rate" in caught.value.message_dict


def test_report_queries_do_not_grow_with_the_group(groups: GroupWorld):
    _slip(groups, "member", "secretary")
    with CaptureQueriesContext(connection) as small:
        group_report(groups.a, *_period())
    for index in range(6):
        user, company = _person(groups.world, f"extra{index}", f"Extra {index} GmbH")
        seat = services.seat_create(
            group=groups.a, user=user, company=company,
            category=["roofer", "gardener", "lawyer", "notary", "bank", "florist"][index],
        )  # fmt: skip
        services.attendance_record(meeting=groups.meeting, entries=[(seat, "present", "")])
        services.referral_slip_create(
            group=groups.a, giver=seat, receiver=groups.seats["member"],
            client_seat=groups.seats["secretary"], need="Auftrag",
        )  # fmt: skip
    with CaptureQueriesContext(connection) as large:
        group_report(groups.a, *_period())
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_trend_covers_six_months_and_credits_closed_business(groups: GroupWorld):
    referral = _slip(groups, "member", "secretary")
    services.thank_you_record(
        referral=referral, user=groups.users["secretary"], amount=Decimal("750")
    )
    months = trend(groups.a)
    assert len(months) == 6
    assert months[-1].referrals == 1 and months[-1].closed_value == Decimal("750")
    assert sum(m.referrals for m in months[:-1]) == 0


def test_the_csv_has_a_row_per_member_in_the_readers_language(groups: GroupWorld):
    _slip(groups, "member", "secretary", client_name="=HYPERLINK(evil)")
    response = client_for(groups, "member").get(reverse("groups:report_csv", args=[groups.a.pk]))
    text = response.content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("Mitglied;Unternehmen;Beruf")  # German: the member's language
    assert len(lines) == 1 + 4
    assert "Elektroinstallation" in text


def test_the_calendar_feed_lists_the_meetings(groups: GroupWorld):
    services.meeting_update_agenda(
        meeting=groups.meeting, agenda="Vorstellung, Empfehlungen; Gäste"
    )
    response = client_for(groups, "member").get(reverse("groups:calendar", args=[groups.a.pk]))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == 1
    assert "DESCRIPTION:Vorstellung\\, Empfehlungen\\; Gäste" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_calendar_app_reads_the_group_feed_with_the_persons_key(groups: GroupWorld, persona):
    """The key stands in for the login: each persona gets what it gets logged in."""
    user = groups.world.users[persona]
    feed = reverse("groups:calendar", args=[groups.a.pk])
    response = Client().get(feed, {"key": calendar_key(user)})
    assert response.status_code == {"coordinator": 200, "member": 200}.get(persona, 404)
    if response.status_code == 200:
        assert response.content.decode().count("BEGIN:VEVENT") == 1


def _reader(groups: GroupWorld, language: str) -> str:
    """The secretary reads the group in ``language``."""
    user = groups.users["secretary"]
    user.language = language
    user.save(update_fields=["language"])
    return "secretary"


@pytest.mark.parametrize(
    ("language", "closed", "light"), [("de", "Umsatz", "rot"), ("nl", "Omzet", "rood")]
)
def test_the_report_page_writes_amounts_and_lights_in_the_readers_language(
    groups: GroupWorld, language, closed, light
):
    won_business(groups, "12345.60")
    client = client_for(groups, _reader(groups, language))
    html = client.get(reverse("groups:report", args=[groups.a.pk])).content.decode()
    figure = html.split('data-testid="total-closed-value">')[1].split("<")[0]
    assert figure == "12.346\u00a0€", figure  # the key figure: whole euros, thousands grouped
    assert "12.345,60" in html  # the member's credit in the table
    assert "12345" not in html
    assert closed in html
    # Each light is a shape and a word (the health pages' markup), not a colour with an English
    # tooltip.
    assert 'title="red"' not in html and 'title="yellow"' not in html
    assert f'data-light="red"><span aria-hidden="true">■</span> {light}</span>' in html


@pytest.mark.parametrize("language", ["de", "nl"])
def test_the_report_csv_reads_back_as_numbers_in_the_readers_spreadsheet(
    groups: GroupWorld, language
):
    won_business(groups, "12345.60")
    client = client_for(groups, _reader(groups, language))
    body = client.get(reverse("groups:report_csv", args=[groups.a.pk])).content.decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    credited = header.index(
        {"de": "Gutgeschriebener Umsatz (EUR)", "nl": "Toegeschreven omzet (EUR)"}[language]
    )
    member = next(row for row in rows if row[0] == groups.seats["member"].holder_name)
    assert member[credited] == "12345,60"  # decimal comma, no grouping: a number in Excel
    assert Decimal(member[credited].replace(",", ".")) == Decimal("12345.60")
