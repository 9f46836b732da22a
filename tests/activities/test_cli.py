"""The partnership commands: ledger with settling, import (dry run, commit, errors), KPIs."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.activities.test_imports import REFERRALS
from tests.conftest import World
from verbund.activities import selectors, services
from verbund.referrals.models import Referral


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_ledger_shows_balances_and_settles(world: World, partnership):
    services.cost_item_create(
        partnership=partnership,
        company=world.member_company,
        user=None,
        paid_by=world.member_company,
        amount=Decimal("100.00"),
        spent_on=dt.date(2025, 4, 1),
        description="Anzeige",
    )
    out = run("partnership_ledger", str(partnership.pk))
    assert "balance +50.00" in out and "balance -50.00" in out
    assert "proposal: Bakker Installatietechniek B.V. -> Schulte Metallbau GmbH 50.00 EUR" in out
    run("partnership_ledger", str(partnership.pk), "--settle")
    assert selectors.ledger_view(partnership).settled


def test_import_checks_then_commits(world: World, partnership, tmp_path):
    path = tmp_path / "referrals.csv"
    path.write_text(REFERRALS, encoding="utf-8")
    args = [
        "partnership_import", str(partnership.pk), str(path), "--what", "referrals",
        "--company", str(world.member_company.pk), "--user", "member@alpha.example",
    ]  # fmt: skip
    assert "2 row(s) checked" in run(*args)
    assert not Referral.objects.exists()
    assert "2 row(s) imported" in run(*args, "--commit")
    assert Referral.objects.count() == 2


def test_import_refuses_a_bad_file(world: World, partnership, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(REFERRALS + "2025-03-03;Niemand;Schulte;K;k@x.example;ja;Dach;1\n")
    err = StringIO()
    with pytest.raises(CommandError, match="1 error"):
        call_command(
            "partnership_import", str(partnership.pk), str(path), "--what", "referrals",
            "--company", str(world.member_company.pk), "--user", "member@alpha.example",
            "--commit", stdout=StringIO(), stderr=err,
        )  # fmt: skip
    assert "bad.csv:4: referrer:" in err.getvalue()
    assert not Referral.objects.exists()


def test_unknown_partnership_is_a_clear_error(db):
    with pytest.raises(CommandError, match="999999"):
        run("partnership_kpis", "999999")


def test_kpis(world: World, partnership):
    out = run("partnership_kpis", str(partnership.pk))
    assert "referrals_given\t0" in out and "meetings\t0" in out
