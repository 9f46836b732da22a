"""A member completes the guided stock-taking in a real browser and the meter reaches 100 %.

Locators use data-testid and field names, not labels: the labels are translated.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD, World

pytestmark = pytest.mark.django_db(transaction=True)

DESCRIPTION = (
    "Schulte Metallbau fertigt Blechteile, Gestelle und Schweißbaugruppen für Maschinenbauer "
    "im Münsterland und in Twente."
)


def _log_in(page: Page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()


def _field(page: Page, name: str):
    return page.locator(f'[name="{name}"]')


def _no_sideways_scrolling(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1


def _save_and_continue(page: Page, next_step: str) -> None:
    page.get_by_test_id("save-next").click()
    expect(page.get_by_test_id("stocktaking")).to_have_attribute("data-step", next_step)


def _pick_nace(page: Page, picker, query: str, code: str) -> None:
    search = picker.get_by_test_id("nace-search")
    # The picker is redrawn after every pick; type only once htmx has wired up the new search
    # box (a person is never that fast, a test is).
    search.evaluate(
        "el => new Promise(done => { const ready = () => el['htmx-internal-data'] && "
        "!document.querySelector('.htmx-settling, .htmx-swapping') ? done() : "
        "setTimeout(ready, 20); ready(); })"
    )
    search.fill(query)
    picker.locator(f'[data-testid="nace-option"][data-code="{code}"]').click()
    expect(page.locator(f'[data-testid="nace-chip"][data-code="{code}"]').first).to_be_visible()


def test_member_completes_the_stocktaking_and_the_meter_reaches_100(page: Page, world: World):
    _log_in(page, "member@alpha.example")
    expect(page.get_by_test_id("company-name")).to_have_text("Schulte Metallbau GmbH")
    page.locator('a[href$="/stocktaking/"]').click()

    # 1 Who we are: description, languages, and an activity picked through the NACE search.
    expect(page.get_by_test_id("stocktaking")).to_have_attribute("data-step", "identity")
    _no_sideways_scrolling(page)
    start = int(page.get_by_test_id("completeness-percent").inner_text())
    assert start < 100
    expect(page.get_by_test_id("missing-item").first).to_be_visible()
    _field(page, "description").fill(DESCRIPTION)
    page.locator('input[name="languages"][value="de"]').check()
    page.locator('input[name="languages"][value="nl"]').check()
    picker = page.locator('[data-testid="nace-picker"][data-name="nace_codes"]')
    _pick_nace(page, picker, "Metallkonstruktionen", "25.11")
    expect(_field(page, "nace_codes")).to_have_value(re.compile(r"25\.62.*25\.11"))
    # A chip can be removed again.
    _pick_nace(page, picker, "Werbeagenturen", "73.11")
    page.locator(
        '[data-testid="nace-chip"][data-code="73.11"] [data-testid="nace-chip-remove"]'
    ).click()
    expect(page.locator('[data-testid="nace-chip"][data-code="73.11"]')).to_have_count(0)
    _save_and_continue(page, "offers")
    assert int(page.get_by_test_id("completeness-percent").inner_text()) > start
    expect(page.locator('[data-testid="step-identity"]')).to_contain_text("✓")

    # 2 What we offer and need: a second offer row is added without leaving the page.
    _field(page, "offers-0-title").fill("Laserschneiden")
    _field(page, "offers-0-description").fill("Bleche aus Stahl und Edelstahl bis 25 mm")
    page.get_by_test_id("add-offers").click()
    expect(page.get_by_test_id("offers-row")).to_have_count(2)
    expect(_field(page, "offers-0-title")).to_have_value("Laserschneiden")
    _field(page, "offers-1-title").fill("Schweißbaugruppen")
    _field(page, "offers-1-description").fill("MAG- und WIG-Schweißen, auch in Serie")
    _pick_nace(page, page.locator('[data-name="offers-1-nace_codes"]'), "25.62", "25.62")
    _field(page, "needs-0-title").fill("Pulverbeschichtung")
    _field(page, "needs-0-description").fill("Partner für Oberflächen in Serie")
    _field(page, "needs-0-priority").select_option("1")
    _save_and_continue(page, "customers")

    # 3 Our customers: shares that do not add up are refused and the input is kept.
    _field(page, "customer_sectors").fill("C, 28")
    page.locator('input[name="customer_sizes"][value="small"]').check()
    page.locator('input[name="customer_sizes"][value="medium"]').check()
    _field(page, "b2b").fill("80")
    _field(page, "b2c").fill("10")
    _field(page, "b2g").fill("0")
    _field(page, "customer_regions").fill("DE-NW, NL-OV")
    page.get_by_test_id("save-next").click()
    expect(page.get_by_test_id("error-summary")).to_be_visible()
    expect(_field(page, "customer_regions")).to_have_value("DE-NW, NL-OV")
    expect(page.locator('input[name="customer_sizes"][value="medium"]')).to_be_checked()
    _field(page, "b2c").fill("20")
    _save_and_continue(page, "strengths")

    # 4 Strengths and weaknesses, and readiness.
    for key, score in [("sales", "3"), ("marketing", "2"), ("production_capacity", "5"),
                       ("technical_know_how", "5"), ("international", "1")]:  # fmt: skip
        page.locator(f'input[name="score_{key}"][value="{score}"]').check()
    _field(page, "note_marketing").fill("Keine eigene Marketingabteilung")
    _field(page, "partnering_hours_per_month").fill("8")
    _field(page, "sponsor_name").fill("Anna Schulte")
    _field(page, "sponsor_email").fill("anna@schulte.example")
    _field(page, "contact_name").fill("Jan Peters")
    _field(page, "contact_email").fill("jan@schulte.example")
    _save_and_continue(page, "goals")

    # 5 Goals and forms of cooperation; the last step leads back to the company page.
    page.locator('input[name="goal_new_markets"]').check()
    _field(page, "priority_new_markets").select_option("1")
    _field(page, "markets_new_markets").fill("NL")
    page.locator('input[name="goal_referral_business"]').check()
    page.locator('input[name="forms"][value="referral_partnership"]').check()
    page.get_by_test_id("save-next").click()

    expect(page.get_by_test_id("company-name")).to_have_text("Schulte Metallbau GmbH")
    expect(page.get_by_test_id("completeness-percent")).to_have_text("100")
    expect(page.get_by_test_id("offers")).to_contain_text("Schweißbaugruppen")

    # The steps stay available as the profile editor, all ticked.
    page.locator('a[href$="/stocktaking/"]').click()
    expect(page.get_by_test_id("completeness-percent")).to_have_text("100")
    expect(page.locator('[data-testid="step-nav"] [data-done="true"]')).to_have_count(5)
    expect(page.get_by_test_id("missing-item")).to_have_count(0)
    _no_sideways_scrolling(page)


def test_a_place_that_is_not_found_is_shown_after_saving(page: Page, world: World):
    _log_in(page, "member@alpha.example")
    page.goto(f"/companies/{world.member_company.pk}/stocktaking/identity/")
    expect(page.get_by_test_id("place-not-found")).to_have_count(0)
    _field(page, "city").fill("Atlantis")
    page.get_by_test_id("save").click()
    expect(page.get_by_test_id("place-not-found")).to_be_visible()
    expect(_field(page, "city")).to_have_value("Atlantis")
