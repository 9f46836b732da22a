"""The figures behind the health dashboards: referrals per month both ways, KPI attainment against
the pro-rated target, influence factors side by side only once every partner submitted, the cost
balance, the stage funnel, partner-induced revenue, cross-border shares and the network graph."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from tests.conftest import World
from verbund.activities import services as activities
from verbund.health import dashboards, selectors
from verbund.partnerships import services
from verbund.partnerships.models import Partnership, Stage
from verbund.partnerships.services.review import review_factors
from verbund.referrals import services as referral_services
from verbund.tenancy.actor import load_actor

pytestmark = pytest.mark.django_db


def pair(world: World, *companies, stage=Stage.EXPLORING) -> Partnership:
    return services.partnership_create(
        network=world.alpha,
        companies=list(companies) or [world.member_company, world.other_company],
        form="referral_partnership",
        origin=Partnership.Origin.COORDINATOR,
        stage=stage,
    )


def give(world: World, partnership, giver, taker, *, days_ago=0, won=None):
    user = world.users["member"] if giver == world.member_company else world.users["other_company"]
    referral = activities.referral_give(
        partnership=partnership,
        referrer=giver,
        user=user,
        receiver=taker,
        client_name="Jan Smit",
        client_email="jan@smit.example",
        consent=True,
        need="Ein Gehäuse für eine Steuerung",
        created_at=timezone.now() - dt.timedelta(days=days_ago),
    )
    if won is not None:
        receiver = (
            world.users["member"] if taker == world.member_company else world.users["other_company"]
        )
        referral = referral_services.referral_set_status(
            referral=referral, user=receiver, status="won", closed_value=Decimal(won)
        )
    return referral


def test_months_back_ends_with_this_month_and_crosses_the_year():
    months = dashboards.months_back(dt.date(2025, 2, 17), 4)
    assert months == [dt.date(2024, 11, 1), dt.date(2024, 12, 1), dt.date(2025, 1, 1),
                      dt.date(2025, 2, 1)]  # fmt: skip


def test_referrals_per_month_have_one_line_per_direction(world: World):
    partnership = pair(world)
    give(world, partnership, world.member_company, world.other_company)
    give(world, partnership, world.member_company, world.other_company)
    give(world, partnership, world.other_company, world.member_company, days_ago=40)
    chart = dashboards.referrals_per_month(partnership)
    assert len(chart.labels) == 12
    lines = {series.label: list(series.values) for series in chart.series}
    forth = f"{world.member_company.name} → {world.other_company.name}"
    back = f"{world.other_company.name} → {world.member_company.name}"
    assert set(lines) == {forth, back}
    assert lines[forth][-1] == 2 and sum(lines[forth]) == 2
    assert sum(lines[back]) == 1 and lines[back][-1] == 0
    # The table fallback carries the same figures as the drawing.
    header = chart.header()
    last_row = chart.rows()[-1][1]
    assert last_row[header.index(forth)] == "2"


def test_an_empty_partnership_has_an_empty_referral_chart(world: World):
    chart = dashboards.referrals_per_month(pair(world))
    assert chart.is_empty
    assert all(len(series.values) == 12 for series in chart.series)


@pytest.fixture
def active(world: World) -> Partnership:
    """Agreed between member and other company with a quarterly KPI of 6 referrals given."""
    partnership = pair(world, stage=Stage.AGREED)
    terms = services.initial_terms(partnership)
    terms["scope"] = "Gegenseitige Empfehlungen im Grenzgebiet."
    terms["kpis"] = [
        {"key": "referrals_given", "label": "", "target": "6", "period": "quarter",
         "direction": {}},
        {"key": "custom", "label": "Gemeinsame Angebote", "target": "2", "period": "year",
         "direction": {}},
    ]  # fmt: skip
    version = services.agreement_draft(
        partnership=partnership,
        terms=terms,
        user=world.users["member"],
        company=world.member_company,
    )
    for persona, company in (
        ("member", world.member_company),
        ("other_company", world.other_company),
    ):
        services.agreement_confirm(version=version, user=world.users[persona], company=company)
    partnership.refresh_from_db()
    return partnership


def test_kpi_attainment_compares_with_the_target_pro_rated_to_today(world: World, active):
    give(world, active, world.member_company, world.other_company)
    today = timezone.localdate() + dt.timedelta(days=45)  # 46 days of a 91.25-day quarter
    rows = dashboards.kpi_rows(active, today)
    referrals, custom = rows
    assert referrals.actual == 1
    assert referrals.expected == Decimal("3.0")
    assert referrals.percent == pytest.approx(100 / 3)
    assert custom.label == "Gemeinsame Angebote" and custom.actual is None
    with translation.override("en"):
        chart = dashboards.kpi_chart(rows)
    assert chart.series[0].values == [33, None]
    # A third of the way is behind the kpi_shortfall line, but within its grace period.
    assert chart.highlight == [False, False]
    assert chart.header() == ["KPI", "Attainment", "Recorded", "Expected by today", "Target"]
    assert chart.rows()[0][1][-1] == "6 per quarter"
    later = dashboards.kpi_chart(dashboards.kpi_rows(active, today + dt.timedelta(days=60)))
    assert later.highlight == [True, False]


def test_a_new_agreements_kpis_are_not_a_shortfall_on_a_0_to_1_percent_axis(world: World, active):
    """On the agreement's first day the pro-rated target is a tenth of a referral: no "0 %
    of 0" and nothing flagged; the percent axis reaches 100 % whatever the bars."""
    rows = dashboards.kpi_rows(active, timezone.localdate())
    assert rows[0].percent is None and not rows[0].judged
    with translation.override("en"):
        chart = dashboards.kpi_chart(rows)
    assert not any(chart.highlight)
    assert chart.spec()["suggestedMax"] == 100
    # Nothing to draw yet, but the table (recorded, expected, target) stays readable.
    assert chart.is_empty and chart.empty_note.startswith("Too early to compare")
    html = render_to_string("health/dashboard/_chart.html", {"chart": chart})
    assert "Too early to compare" in html and '<details data-testid="chart-table">' in html


def test_influence_factors_appear_side_by_side_only_after_every_partner_submitted(
    world: World, active
):
    review = active.reviews.get()
    factors = review_factors(review)
    comparison = dashboards.factor_comparison(active)
    assert comparison.chart is None and comparison.waiting is None
    services.review_submit(
        review=review, company=world.member_company, user=world.users["member"],
        scores={f: {"score": 5, "comment": ""} for f in factors},
    )  # fmt: skip
    comparison = dashboards.factor_comparison(active)
    assert comparison.chart is None  # the member's scores stay hidden from everyone
    assert comparison.waiting == review
    scores = {f: {"score": 4, "comment": ""} for f in factors}
    scores[factors[0]] = {"score": 2, "comment": "zu selten"}
    services.review_submit(
        review=review, company=world.other_company, user=world.users["other_company"],
        scores=scores,
    )  # fmt: skip
    comparison = dashboards.factor_comparison(active)
    assert comparison.review == review
    assert [s.label for s in comparison.chart.series] == [
        world.member_company.name,
        world.other_company.name,
    ]
    assert comparison.chart.series[0].values[0] == 5
    assert comparison.chart.series[1].values[0] == 2
    # A gap of 3 points is highlighted, a gap of 1 is not.
    assert comparison.chart.highlight[0] is True
    assert not any(comparison.chart.highlight[1:])
    assert [gap for _label, gap in comparison.gaps] == [3]


def test_the_cost_chart_shows_paid_and_balance_per_partner(world: World):
    partnership = pair(world)
    activities.cost_item_create(
        partnership=partnership, company=world.member_company, user=world.users["member"],
        paid_by=world.member_company, amount=Decimal("300.00"),
        spent_on=timezone.localdate(), description="Messestand",
    )  # fmt: skip
    chart, ledger = dashboards.cost_chart(partnership)
    paid, balance = chart.series
    assert list(paid.values) == [Decimal("300.00"), Decimal("0")]
    assert list(balance.values) == [Decimal("150.00"), Decimal("-150.00")]
    assert len(ledger.proposal) == 1


def test_the_funnel_counts_every_stage_in_path_order(world: World):
    pair(world, stage=Stage.EXPLORING)
    pair(world, world.member_company, world.anonymous_company, stage=Stage.AGREED)
    coordinator = load_actor(world.users["coordinator"], None)
    with translation.override("en"):
        chart = dashboards.funnel_chart(selectors.network_portfolio(coordinator, "alpha"))
    counts = dict(zip(chart.labels, chart.series[0].values, strict=True))
    assert counts["Exploring"] == 1 and counts["Agreed"] == 1 and counts["Identified"] == 0
    assert chart.labels[0] == "Identified" and chart.labels[-1] == "Ended"


def test_revenue_is_business_won_through_referrals_in_the_network_per_month(world: World):
    partnership = pair(world)
    give(world, partnership, world.member_company, world.other_company, won="1200.00")
    give(world, partnership, world.other_company, world.member_company, won="300.50")
    give(world, partnership, world.other_company, world.member_company)  # not won: not revenue
    chart = dashboards.revenue_per_month(world.alpha)
    assert chart.series[0].values[-1] == Decimal("1500.50")
    assert sum(v for v in chart.series[0].values if v) == Decimal("1500.50")
    assert dashboards.revenue_per_month(world.beta).is_empty


def test_cross_border_shares_count_partnerships_and_referrals_between_countries(world: World):
    cross = pair(world)  # Germany – Netherlands
    domestic = pair(world, world.member_company, world.anonymous_company)  # both in Germany
    give(world, cross, world.member_company, world.other_company, won="1000")
    give(world, domestic, world.member_company, world.anonymous_company)
    give(world, domestic, world.member_company, world.anonymous_company)
    give(world, domestic, world.member_company, world.anonymous_company)
    figures = dashboards.network_figures(world.alpha).cross_border
    assert (figures.partnerships_cross, figures.partnerships) == (1, 2)
    assert figures.partnership_share == 50
    assert (figures.referrals_cross, figures.referrals) == (1, 4)
    assert figures.value_share == 100
    assert figures.pairs == {"DE–NL": 1}


def test_the_network_graph_draws_partnerships_and_both_referral_directions(world: World):
    partnership = pair(world)
    pair(world, world.member_company, world.anonymous_company)
    for _ in range(3):
        give(world, partnership, world.member_company, world.other_company)
    give(world, partnership, world.other_company, world.member_company)
    # A referral between two companies without a partnership is counted, not drawn.
    referral_services.referral_create(
        network=world.alpha, referrer_company=world.other_company,
        referrer_user=world.users["other_company"], receiver_company=world.anonymous_company,
        client_name="Jan Smit", client_email="jan@smit.example", consent=True, need="Werbung",
    )  # fmt: skip
    graph = dashboards.network_figures(world.alpha).graph
    assert graph.referrals_not_drawn == 1
    assert len(graph.edges) == 2
    assert {node.name for node in graph.nodes} == {
        world.member_company.name,
        world.other_company.name,
        world.anonymous_company.name,
    }
    shapes = {node.name: node.shape for node in graph.nodes}
    assert shapes[world.other_company.name] == "square"  # Dutch
    assert shapes[world.member_company.name] == "circle"  # German
    busiest = graph.edges[0]
    assert {busiest.a, busiest.b} == {world.member_company.name, world.other_company.name}
    assert sorted((busiest.a_to_b, busiest.b_to_a)) == [1, 3]
    assert busiest.line is not None and len(busiest.flows) == 2
    widths = sorted(width for _arrow, width, _count in busiest.flows)
    assert widths[0] < widths[1]  # three referrals draw a thicker arrow than one
    assert all(0 <= node.x <= graph.width and 0 <= node.y <= graph.height for node in graph.nodes)
    # Another network's coordinator sees none of it.
    assert dashboards.network_figures(world.beta).graph.nodes == []


def _health(partnership: Partnership, light: str, score: float) -> None:
    from verbund.health.models import PartnershipHealth

    PartnershipHealth.objects.update_or_create(
        partnership=partnership,
        defaults={"as_of": timezone.localdate(), "score": score, "light": light,
                  "computed_at": timezone.now()},
    )  # fmt: skip


def test_the_network_dashboard_counts_one_set_of_partnerships_in_its_own_words(world: World):
    """The health distribution adds up to the open partnerships; "at risk" is the red light
    only, and the red-or-warned list and its key figure are called "need attention"."""
    from verbund.health.models import HealthAlert

    red = pair(world)
    warned = pair(world, world.member_company, world.anonymous_company)
    ended = pair(world, world.other_company, world.anonymous_company)
    _health(red, "red", 30)
    _health(warned, "green", 77)
    _health(ended, "red", 10)
    Partnership.objects.filter(pk=ended.pk).update(stage=Stage.ENDED)
    HealthAlert.objects.create(
        partnership=warned,
        kind="review_overdue",
        since=timezone.localdate(),
        evidence={},
        opened_at=timezone.now(),
        refreshed_at=timezone.now(),
        next_step="schedule_review",
    )
    coordinator = load_actor(world.users["coordinator"], None)
    portfolio = selectors.network_portfolio(coordinator, "alpha")
    with translation.override("en"):
        data = dashboards.network_dashboard(portfolio)
    figures = dict(data["key_figures"])
    bars = dict(zip(data["distribution_chart"].labels, data["distribution_chart"].series[0].values,
                    strict=True))  # fmt: skip
    assert figures["Running partnerships"] == "2" and sum(bars.values()) == 2
    assert bars["at risk"] == 1 and bars["good"] == 1
    assert "At risk" not in figures and figures["Need attention"] == "2"
    assert {row.partnership.pk for row in data["at_risk"]} == {red.pk, warned.pk}


def test_a_grey_light_shows_no_score_beside_it(world: World):
    """ "Too little data" next to 73 reads as a judgement: the pages and exports leave it out."""
    from django.urls import reverse

    grey, scored = pair(world), pair(world, world.member_company, world.anonymous_company)
    _health(grey, "grey", 73)
    _health(scored, "yellow", 52)
    client = world.client_for("member")
    page = client.get(reverse("partnerships:detail", args=[grey.pk])).content.decode()
    assert 'data-testid="health-score">–</span>' in page and ">73<" not in page
    page = client.get(reverse("partnerships:detail", args=[scored.pk])).content.decode()
    assert 'data-testid="health-score">52</span>' in page
    rows = {row.partnership.pk: row for row in selectors.company_portfolio(
        load_actor(world.users["member"], None))}  # fmt: skip
    assert rows[grey.pk].shown_score is None and rows[grey.pk].score == 73
    assert rows[scored.pk].shown_score == 52
