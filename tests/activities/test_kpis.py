"""KPI actuals read from recorded activity: the selector and the review page's pre-fill."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from tests.activities.test_referrals import give
from tests.conftest import World
from verbund.activities import selectors, services
from verbund.referrals import services as referral_services


def _activity(world: World, partnership, kind: str, **results):
    return services.activity_create(
        partnership=partnership,
        company=world.member_company,
        user=world.users["member"],
        kind=kind,
        title=kind,
        starts_at=timezone.now(),
        **results,
    )


def test_recorded_activity_gives_the_kpis(world: World, partnership):
    won = give(world, partnership)
    give(world, partnership)
    give(world, partnership, reverse=True)
    referral_services.referral_set_status(
        referral=won,
        user=world.users["other_company"],
        status="won",
        closed_value=Decimal("4000.00"),
    )
    _activity(world, partnership, "trade_fair", leads=7, revenue_sourced=Decimal("1000"))
    _activity(world, partnership, "management_meeting")
    _activity(world, partnership, "joint_bid", projects_won=1, revenue_influenced=Decimal("250"))
    start = timezone.now() - dt.timedelta(days=1)
    end = timezone.now() + dt.timedelta(days=1)
    member = selectors.kpi_actuals(partnership, start, end, company_id=world.member_company.pk)
    assert member["referrals_given"] == 2
    assert member["referrals_received"] == 1
    assert member["referrals_won"] == 1
    # The member won nothing through the partner; sourced is only the fair's revenue.
    assert member["sourced_revenue"] == Decimal("1000")
    other = selectors.kpi_actuals(partnership, start, end, company_id=world.other_company.pk)
    assert other["sourced_revenue"] == Decimal("5000.00")
    whole = selectors.kpi_actuals(partnership, start, end)
    assert (whole["joint_campaigns"], whole["meetings"], whole["leads"]) == (1, 1, 7)
    assert (whole["projects_won"], whole["influenced_revenue"]) == (1, Decimal("250"))
    directed = selectors.kpi_actuals(
        partnership,
        start,
        end,
        direction=(world.other_company.pk, world.member_company.pk),
    )
    assert (directed["referrals_given"], directed["referrals_won"]) == (1, 0)
    before = selectors.kpi_actuals(partnership, start - dt.timedelta(days=30), start)
    assert set(before.values()) == {Decimal(0)}


def test_the_review_page_prefills_the_actuals(world: World, active_partnership):
    review = active_partnership.reviews.get()
    keys = [row["key"] for row in review.agreement_version.terms["kpis"]]
    assert keys == ["projects_won", "meetings"]  # from the supplier partnership's template
    _activity(world, active_partnership, "working_meeting")
    _activity(world, active_partnership, "management_meeting")
    _activity(world, active_partnership, "joint_project", projects_won=3)
    prefill = selectors.review_kpi_prefill(review)
    assert prefill == {0: Decimal(3), 1: Decimal(2)}
    page = world.client_for("member").get(
        reverse("partnerships:review", args=[active_partnership.pk, review.number])
    )
    assert page.status_code == 200
    assert b'name="actual_0" value="3"' in page.content
    assert b'name="actual_1" value="2"' in page.content
    with translation.override(page.headers["Content-Language"]):
        said = _(
            "Pre-filled from the referrals and joint activities recorded for this review's "
            "period (own KPIs are left empty); check and correct them before saving."
        )
    assert escape(said) in page.content.decode()  # says what is true: no "by hand for now"
