"""The group commands: list, plan meetings, add a seat (with the conflict message), report CSV."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.groups.conftest import GroupWorld, _person
from verbund.groups.models import Meeting, Seat


def _run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_groups_lists_both_groups_with_member_counts(groups: GroupWorld):
    lines = _run("groups", "--network", "alpha").splitlines()
    assert sorted(line.split("\t")[2:] for line in lines) == [
        ["Empfehlungsgruppe Enschede", "1"], ["Empfehlungsgruppe Münster", "4"],
    ]  # fmt: skip


def test_group_meetings_plans_by_the_rhythm(groups: GroupWorld):
    before = Meeting.objects.filter(group=groups.a).count()
    lines = _run("group_meetings", str(groups.a.pk), "--from", "2026-03-02", "--count", "3")
    assert len(lines.splitlines()) == 3
    assert Meeting.objects.filter(group=groups.a).count() == before + 3


def test_group_meetings_names_a_bad_date(groups: GroupWorld):
    with pytest.raises(CommandError, match="2026-13-01"):
        _run("group_meetings", str(groups.a.pk), "--from", "2026-13-01")


def test_group_seat_refuses_an_occupied_category_naming_the_holder(groups: GroupWorld):
    user, company = _person(groups.world, "cli", "CLI Elektro GmbH")
    with pytest.raises(CommandError, match="Schulte Metallbau GmbH"):
        _run("group_seat", str(groups.a.pk), "--email", user.email, "--company", str(company.pk),
             "--category", "electrician")  # fmt: skip
    _run("group_seat", str(groups.a.pk), "--email", user.email, "--company", str(company.pk),
         "--category", "roofer")  # fmt: skip
    assert Seat.objects.filter(group=groups.a, user=user, category="roofer").exists()


def test_group_report_writes_one_csv_row_per_member(groups: GroupWorld):
    text = _run("group_report", str(groups.a.pk), "--language", "en")
    lines = text.strip().splitlines()
    assert lines[0].startswith("Member;Company;Profession")
    assert len(lines) == 5
