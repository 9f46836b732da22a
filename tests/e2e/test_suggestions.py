"""The marketing scenario on the partner-suggestions page, in a real browser (desktop and phone):
the order the scenario README expects, reasons and concerns, feedback, filters.

Locators use data-testid and data attributes, not labels: the labels are translated.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD
from verbund.accounts.services import user_create
from verbund.companies.imports.services import import_profiles
from verbund.companies.models import NetworkCompany
from verbund.companies.services import company_member_set
from verbund.matching.models import IndexState
from verbund.tenancy.services import membership_set, network_create

pytestmark = pytest.mark.django_db(transaction=True)

SCENARIO = Path("/work/shared/scenarios/matching/marketing-pr.jsonl")
EMAIL = "inhaber@werbung.example"


@pytest.fixture
def scenario_login(live_server):
    if not SCENARIO.exists():
        pytest.skip("shared scenario not available")
    network = network_create(
        name="Münsterland Marketing", slug="mpr", languages=["de", "nl"], countries=["DE", "NL"]
    )
    # The import commits, and its task builds the network's index (inline in tests).
    outcome = import_profiles(network=network, source=SCENARIO, fmt="jsonl", dry_run=False)
    assert outcome.written and IndexState.objects.filter(network=network).exists()
    seeker = NetworkCompany.objects.get(network=network, external_id="de-werbung-01").company
    user = user_create(email=EMAIL, password=PASSWORD, language="de")
    membership_set(user=user, network=network, role="member")
    company_member_set(user=user, company=seeker, role="owner")
    return network


def _log_in(page: Page) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-Mail-Adresse").fill(EMAIL)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()


def _order(page: Page) -> list[str]:
    return page.get_by_test_id("suggestion-card").evaluate_all(
        "cards => cards.map(c => c.dataset.externalId)"
    )


def _card(page: Page, external_id: str):
    return page.locator(f'[data-testid="suggestion-card"][data-external-id="{external_id}"]')


def test_the_scenario_on_the_suggestions_page(page: Page, scenario_login):
    _log_in(page)
    page.get_by_test_id("nav-suggestions").click()
    expect(page.get_by_test_id("suggestion-list")).to_be_visible()
    order = _order(page)
    assert order[0] == "de-pr-01"
    assert "de-werbung-02" not in order[:3]
    assert "nl-pr-01" in order[:5]
    assert "de-bau-01" not in order[:5] and "de-steuer-01" not in order[:5]
    first = _card(page, "de-pr-01")
    for code in ("need_covered", "similar_customers", "similar_size"):
        expect(first.locator(f'[data-testid="card-reasons"] [data-code="{code}"]')).to_be_visible()
    expect(first.locator('[data-code="need_covered"]')).to_contain_text(
        "Pressearbeit für unsere Kunden"
    )
    competitor = _card(page, "de-werbung-02")
    expect(competitor.locator('[data-code="possible_competitor"]')).to_contain_text(
        "Werbung und Verkaufsförderung"
    )
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1  # phone-friendly: no sideways scrolling


def test_feedback_and_filters_on_the_page(page: Page, scenario_login):
    _log_in(page)
    page.get_by_test_id("nav-suggestions").click()
    pr = _card(page, "de-pr-01")
    pr.get_by_test_id("interested").click()
    expect(_card(page, "de-pr-01").get_by_test_id("card-interested")).to_be_visible()

    bau = _card(page, "de-bau-01")
    bau.get_by_test_id("not-relevant").click()
    bau.get_by_test_id("dismiss-reason").select_option("offer_not_needed")
    bau.get_by_test_id("dismiss").click()
    expect(page.get_by_test_id("suggestion-dismissed")).to_be_visible()
    page.reload()
    expect(page.get_by_test_id("suggestion-list")).to_be_visible()
    assert "de-bau-01" not in _order(page)

    page.locator(".suggestion-filters-box summary").click()
    page.locator("#sg-country").select_option("NL")
    expect(page.get_by_test_id("suggestion-card")).to_have_count(1)
    assert _order(page) == ["nl-pr-01"]
    assert "country=NL" in page.url  # htmx keeps the filter in the address bar
