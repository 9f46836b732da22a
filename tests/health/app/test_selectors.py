"""What the dashboards read: a company's portfolio and a network's, tenant-scoped, in a fixed
number of queries whatever the number of partnerships and alerts."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from tests.health.app.django_world import backdate
from verbund.companies.services import company_create
from verbund.health import selectors, services
from verbund.partnerships import services as partnership_services
from verbund.partnerships.models import Partnership, Stage
from verbund.tenancy.actor import load_actor


def many(world, count: int) -> list[Partnership]:
    """The member company with `count` further partners, each stalled in `exploring`."""
    made = []
    for n in range(count):
        other = company_create(
            name=f"Partner {n} GmbH", country="DE", city="Münster", network=world.alpha
        )
        p = partnership_services.partnership_create(
            network=world.alpha, companies=[world.member_company, other], stage=Stage.EXPLORING,
            form="referral_partnership", origin=Partnership.Origin.COORDINATOR,
        )  # fmt: skip
        made.append(backdate(p, 130))
    services.health_recompute(network=world.alpha, send_notifications=False)
    return made


def actor(world, persona):
    return load_actor(world.users[persona], {})


@pytest.mark.parametrize("count", [2, 8])
def test_the_company_portfolio_reads_in_a_fixed_number_of_queries(
    world, count, django_assert_num_queries
):
    many(world, count)
    member = actor(world, "member")
    with django_assert_num_queries(3):
        rows = selectors.company_portfolio(member)
    assert len(rows) == count
    assert all(r.light == "grey" and [a.kind for a in r.alerts] == ["stalled_stage"] for r in rows)
    assert all(world.member_company not in r.partners for r in rows)


@pytest.mark.parametrize("count", [2, 8])
def test_the_network_portfolio_reads_in_a_fixed_number_of_queries(
    world, count, django_assert_num_queries
):
    many(world, count)
    coordinator = actor(world, "coordinator")
    with django_assert_num_queries(7):
        portfolio = selectors.network_portfolio(coordinator, "alpha")
    assert portfolio.total == count and portfolio.open_alerts == count
    assert dict((s, n) for s, _label, n in portfolio.funnel)["exploring"] == count
    assert dict((light, n) for light, _label, n in portfolio.distribution)["grey"] == count
    assert len(portfolio.at_risk) == count


def test_portfolios_stay_within_their_tenant(world):
    many(world, 2)
    assert selectors.company_portfolio(actor(world, "other_company")) == []
    with pytest.raises(Http404):
        selectors.company_portfolio(actor(world, "member"), world.other_company)
    with pytest.raises(PermissionDenied):
        selectors.network_portfolio(actor(world, "member"), "alpha")
    with pytest.raises(Http404):
        selectors.network_portfolio(actor(world, "other_network"), "alpha")
    assert not selectors.alerts_for(actor(world, "other_network")).exists()
    assert selectors.alerts_for(actor(world, "member"), status="unresolved").count() == 2


@pytest.mark.parametrize("count", [2, 8])
def test_the_network_export_rows_are_the_open_partnerships_in_a_fixed_number_of_queries(
    world, count, django_assert_num_queries
):
    made = many(world, count)
    partnership_services.partnership_move(
        partnership=made[0], to_stage=Stage.ENDED, user=world.users["member"],
        company=world.member_company, reason="Kein Bedarf mehr.",
    )  # fmt: skip
    with django_assert_num_queries(3):
        rows = selectors.network_open_rows(world.alpha)
    assert [r.partnership.pk for r in rows] == [p.pk for p in made[1:]]
    assert all([a.kind for a in r.alerts] == ["stalled_stage"] for r in rows)
    assert selectors.network_open_rows(world.beta) == []
