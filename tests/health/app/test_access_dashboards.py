"""Every dashboard page, report and export, every persona. The partnership is the member
company's with the anonymous company: its party and the network's coordination read its charts
and report; the other company (outside it), the other network and outsiders get 404. The
company portfolio is everyone's own (without a company it says so and whom to ask, and its CSV
leads there; the coordination is sent to the network's portfolio and its CSV). The network
dashboard, its report and its exports are the coordination's."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.access import COORDINATOR_ONLY, Route, access_tests, everyone
from tests.conftest import World
from tests.partnerships import worlds
from verbund.accounts.services import user_create
from verbund.tenancy.services import membership_set

READ = everyone(404, coordinator=200, member=200)
OWN_COMPANY_FILE = everyone(200, coordinator=302, outsider=302)


def p(w: World) -> int:
    return worlds.outside_partnership(w).pk


def _partnership(name: str):
    return lambda w: reverse(name, args=[p(w)])


def _network(name: str):
    return lambda w: reverse(name, args=["alpha"])


ROUTES = [
    Route("dashboards:partnership", _partnership("dashboards:partnership"), READ),
    Route("dashboards:partnership_charts", _partnership("dashboards:partnership_charts"), READ),
    Route("dashboards:partnership_pdf", _partnership("dashboards:partnership_pdf"), READ),
    Route(
        "dashboards:portfolio",
        lambda w: reverse("dashboards:portfolio"),
        everyone(200, coordinator=302),
    ),
    Route(
        "dashboards:portfolio_csv", lambda w: reverse("dashboards:portfolio_csv"), OWN_COMPANY_FILE
    ),
    Route("dashboards:network", _network("dashboards:network"), COORDINATOR_ONLY),
    Route("dashboards:network_pdf", _network("dashboards:network_pdf"), COORDINATOR_ONLY),
    Route(
        "dashboards:network_portfolio_csv",
        _network("dashboards:network_portfolio_csv"),
        COORDINATOR_ONLY,
    ),
    Route(
        "dashboards:network_alerts_csv", _network("dashboards:network_alerts_csv"), COORDINATOR_ONLY
    ),
]

test_persona_gets_the_agreed_status, test_anonymous_visitor_is_sent_to_login_or_refused = (
    access_tests(ROUTES)
)


def test_the_member_sees_only_its_own_partnerships_in_the_portfolio(world: World):
    worlds.outside_partnership(world)
    mine = world.client_for("member").get(reverse("dashboards:portfolio"))
    assert world.anonymous_company.name.encode() in mine.content
    others = world.client_for("other_company").get(reverse("dashboards:portfolio"))
    assert world.anonymous_company.name.encode() not in others.content
    assert world.member_company.name.encode() not in others.content
    csv = world.client_for("other_company").get(reverse("dashboards:portfolio_csv"))
    assert world.member_company.name.encode() not in csv.content


def test_the_coordination_without_a_company_is_led_to_the_networks_pages(world: World):
    """No dead end for the coordination: its portfolio (page and CSV) is the network's, its
    early warnings are in the menu, and the partnerships list shows no contact-request sections
    it cannot use."""
    client = world.client_for("coordinator")
    page = client.get(reverse("dashboards:portfolio"))
    assert page.url == reverse("dashboards:network", args=["alpha"])
    csv = client.get(reverse("dashboards:portfolio_csv"))
    assert csv.url == reverse("dashboards:network_portfolio_csv", args=["alpha"])
    exported = client.get(csv.url)
    assert exported.status_code == 200
    # It holds the running partnerships, as its link says; the date is the stage's.
    assert exported.content.decode("utf-8-sig").splitlines()[0].split(";")[4] == (
        "In dieser Phase seit"
    )
    dashboard = client.get(reverse("dashboards:network", args=["alpha"])).content.decode()
    assert "Laufende Partnerschaften (CSV)" in dashboard
    partnerships = client.get(reverse("partnerships:list")).content.decode()
    assert 'data-testid="nav-alerts"' in partnerships
    assert 'data-testid="received"' not in partnerships
    assert 'data-testid="sent"' not in partnerships
    assert client.get(reverse("health:alerts")).status_code == 200
    member = world.client_for("member").get(reverse("partnerships:list")).content.decode()
    assert 'data-testid="received"' in member and 'data-testid="nav-alerts"' in member


def test_a_member_without_a_company_is_told_so_and_whom_to_ask(world: World):
    """Nothing to choose: the page says the account belongs to no company yet and names the
    network's coordination (not a company switcher that lists nothing)."""
    person = user_create(email="neu@alpha.example", password=None, first_name="Neu")
    membership_set(user=person, network=world.alpha, role="member")
    client = Client()
    client.force_login(person)
    for language, no_company in (
        ("de", "gehört noch zu keinem Unternehmen"),
        ("nl", "hoort nog bij geen bedrijf"),
        ("en", "does not belong to a company yet"),
    ):
        person.language = language  # the page speaks the person's language
        person.save(update_fields=["language"])
        page = client.get(reverse("dashboards:portfolio"))
        text = page.content.decode()
        assert page.status_code == 200
        assert 'data-testid="portfolio-no-company"' in text
        assert no_company in text, language
        assert world.alpha.name in text
        assert world.users["coordinator"].email in text
        assert world.users["member"].email not in text  # members see only the coordination
        assert "portfolio-filters" not in text
