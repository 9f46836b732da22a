"""Acceptance 1 of the partnerships issue, in a real browser with two companies logged in one
after the other: suggestion → contact request (an empty one refused first) → accept → exploring →
agreement drafted by one, changed by the other, confirmed by both → first review submitted by both,
scores revealed only after the second.

Locators use data-testid and field names, not labels: the labels are translated (the member
works in German, the Dutch company in Dutch).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD, World
from verbund.companies.services import needs_replace, offers_replace
from verbund.partnerships.models import Partnership

pytestmark = pytest.mark.django_db(transaction=True)

MEMBER = "member@alpha.example"
OTHER = "other@alpha.example"


def _log_in(page: Page, email: str) -> None:
    page.goto("/accounts/login/")
    page.locator('[name="username"]').fill(email)
    page.locator('[name="password"]').fill(PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("logout")).to_be_visible()


def _log_out(page: Page) -> None:
    page.get_by_test_id("logout").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))


def _no_sideways_scrolling(page: Page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1


def _open_partnership(page: Page) -> None:
    page.get_by_test_id("nav-partnerships").click()
    page.get_by_test_id("partnership-link").first.click()


def test_two_companies_walk_from_contact_to_their_first_review(page: Page, world: World):
    offers_replace(company=world.member_company, items=[{"title": "Blechbearbeitung"}])
    need = needs_replace(
        company=world.other_company, items=[{"title": "Behuizingen van plaatstaal", "priority": 1}]
    )[0]

    # 1. The member company finds the Dutch company among its partner suggestions (its German
    # offer covers their Dutch need) and writes from there; an empty request is refused first.
    _log_in(page, MEMBER)
    page.get_by_test_id("nav-suggestions").click()
    card = page.locator(f'[data-testid="suggestion-card"][data-company="{world.other_company.pk}"]')
    expect(card).to_be_visible()
    card.get_by_test_id("card-request-contact").click()
    page.get_by_test_id("send-request").click()
    errors = page.get_by_test_id("form-errors")
    expect(errors).to_be_visible()
    for field in ("about", "brings", "form", "first_step"):
        expect(page.locator(f'[data-testid="field-error"][data-field="{field}"]')).to_be_visible()
    _no_sideways_scrolling(page)
    page.locator(f'input[name="about"][value="need:{need.pk}"]').check()
    page.locator('[name="brings"]').fill(
        "Wir fertigen Blechgehäuse und Schaltschrankgestelle in Kleinserien, in die Sie Ihre "
        "Steuerungen direkt einbauen können – aus einer Hand für Ihre Kunden in Twente."
    )
    page.locator('[name="form"]').select_option("supplier_partnership")
    page.locator('[name="first_step"]').fill(
        "Ein Telefonat nächste Woche mit unserem Vertriebsleiter über zwei laufende Anfragen."
    )
    page.get_by_test_id("send-request").click()
    expect(page.get_by_test_id("request-status")).to_have_attribute("data-status", "pending")
    _log_out(page)

    # 2. The Dutch company accepts and moves on to "exploring".
    _log_in(page, OTHER)
    page.get_by_test_id("nav-partnerships").click()
    page.get_by_test_id("received-request").first.click()
    page.get_by_test_id("accept").click()
    expect(page.get_by_test_id("stage").first).to_have_attribute("data-stage", "contacted")
    page.locator('[name="stage"]').select_option("exploring")
    page.locator('[name="reason"]').fill("Goed eerste gesprek gehad.")
    page.get_by_test_id("move-submit").click()
    expect(page.get_by_test_id("stage").first).to_have_attribute("data-stage", "exploring")
    expect(page.get_by_test_id("open-items").first).to_be_visible()  # moved on with open items

    # 3. It drafts the agreement (version 1).
    page.get_by_test_id("edit-agreement").click()
    page.locator('[name="scope"]').fill(
        "Behuizingen en besturingen voor speciale machines in Twente en het Münsterland."
    )
    for n in range(3):  # the suggested KPIs get targets; the empty rows stay empty
        key = page.locator(f'[name="kpi_{n}_key"]')
        if key.count() and key.input_value():
            page.locator(f'[name="kpi_{n}_target"]').fill("4")
    page.get_by_test_id("save-agreement").click()
    expect(page.get_by_test_id("version-status")).to_have_attribute("data-status", "draft")
    expect(page.get_by_role("heading", level=1)).to_contain_text("1")
    _log_out(page)

    # 4. The member company changes it: wrong cost shares are refused with the sum, then fixed.
    _log_in(page, MEMBER)
    _open_partnership(page)
    page.get_by_test_id("draft-agreement").click()
    page.get_by_test_id("change-agreement").click()
    page.locator(f'[name="share_{world.member_company.pk}"]').fill("60")
    page.locator(f'[name="share_{world.other_company.pk}"]').fill("30")
    page.get_by_test_id("save-agreement").click()
    expect(page.get_by_test_id("form-errors")).to_contain_text("90")
    page.locator(f'[name="share_{world.other_company.pk}"]').fill("40")
    page.locator('[name="change_note"]').fill("Kosten nach Umsatzanteil verteilt.")
    page.get_by_test_id("save-agreement").click()
    expect(page.get_by_test_id("version-status")).to_have_attribute("data-status", "draft")
    expect(page.get_by_test_id("diff-row").first).to_be_visible()
    page.get_by_test_id("confirm").click()
    expect(page.get_by_test_id("version-status")).to_have_attribute("data-status", "draft")
    expect(page.locator('[data-testid="confirmation"][data-confirmed="1"]')).to_have_count(1)
    _log_out(page)

    # 5. The Dutch company confirms: version 2 is active, the partnership "agreed"; it submits
    # its review scores first.
    _log_in(page, OTHER)
    _open_partnership(page)
    page.get_by_test_id("draft-agreement").click()
    page.get_by_test_id("confirm").click()
    expect(page.get_by_test_id("version-status")).to_have_attribute("data-status", "active")
    page.get_by_role("link", name=re.compile("Schulte|Bakker")).first.click()
    expect(page.get_by_test_id("stage").first).to_have_attribute("data-stage", "agreed")
    page.get_by_test_id("review-link").first.click()
    rows = page.get_by_test_id("factor-row")
    for n in range(rows.count()):
        rows.nth(n).locator('input[value="4"]').check()
    page.locator('[name="comment_0"]').fill("Snelle reacties.")
    page.get_by_test_id("submit-review").click()
    expect(page.get_by_test_id("scores-hidden")).to_be_visible()
    _log_out(page)

    # 6. The member company sees nothing of the other's scores until it has submitted its own.
    _log_in(page, MEMBER)
    _open_partnership(page)
    page.get_by_test_id("review-link").first.click()
    expect(page.get_by_test_id("scores-hidden")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Snelle reacties.")
    rows = page.get_by_test_id("factor-row")
    for n in range(rows.count()):
        rows.nth(n).locator('input[value="5"]').check()
    page.get_by_test_id("submit-review").click()
    expect(page.get_by_test_id("review-status")).to_have_attribute("data-status", "completed")
    expect(page.get_by_test_id("scores-hidden")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Snelle reacties.")
    other_cells = page.locator(
        f'[data-testid="score-cell"][data-company="{world.other_company.pk}"]'
    )
    expect(other_cells.first).to_contain_text("4")
    _no_sideways_scrolling(page)

    # The partnership remembers that it began with a suggestion.
    partnership = Partnership.objects.get(parties__company=world.other_company)
    assert partnership.origin == Partnership.Origin.SUGGESTION
