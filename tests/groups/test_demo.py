"""The demo referral groups (acceptance 3): the ranking on the German demo group names the
planted taker — the estate agent — and nobody else."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from verbund.accounts.models import User
from verbund.demo.groups import GROUPS, SIZE, WEEKS
from verbund.groups.models import Group, Seat
from verbund.groups.selectors import default_period, group_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_summary, db):
    """The demo seeded once for the module (tests/conftest.py), rolled back afterwards."""
    return demo_summary


def test_two_groups_of_25_with_six_months_of_weekly_meetings(demo):
    for spec in GROUPS:
        group = Group.objects.get(name=spec["name"])
        assert group.seats.filter(active=True).count() == SIZE
        assert group.meetings.count() >= WEEKS


def test_the_ranking_identifies_the_planted_taker(demo):
    group = Group.objects.get(name=GROUPS[0]["name"])
    report = group_report(group, *default_period())
    taker = Seat.objects.get(group=group, category="real_estate")
    assert [row.seat for row in report.takers] == [taker]
    assert report.ranking[-1].seat == taker
    assert report.ranking[-1].received > 5 * max(report.ranking[-1].given, 1)


def test_the_balanced_group_has_no_taker(demo):
    group = Group.objects.get(name=GROUPS[1]["name"])
    assert group_report(group, *default_period()).takers == []


def test_the_demo_member_logs_in_and_sees_the_taker_on_the_report(demo):
    client = Client()
    # Tests hash passwords with MD5 (tests/conftest.py), so the seeded hash can't be checked here.
    client.force_login(User.objects.get(email="gruppenmitglied@demo.verbund.example"))
    group = Group.objects.get(name=GROUPS[0]["name"])
    response = client.get(reverse("groups:report", args=[group.pk]))
    assert response.status_code == 200
    assert b'data-role="taker"' in response.content
