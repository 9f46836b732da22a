"""Issue 6 in a real browser.

Acceptance 1: A refers a client to B; B moves it to `won` with a value; A sees the thank-you
credited and was notified at each step; the client rates the service through the link (no
account). Acceptance 2: a campaign with three costs paid by different partners shows balances
and a settlement proposal; after recording the settlement every balance is zero.

Locators use data-testid and field names: the labels are translated (German member, Dutch
partner).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import PASSWORD, World
from verbund.notifications.models import Notification
from verbund.partnerships import services
from verbund.partnerships.models import Partnership, Stage
from verbund.referrals.models import ReferralFeedback

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


def _open(page: Page, partnership: Partnership, section: str) -> None:
    page.goto(f"/partnerships/{partnership.pk}/")
    page.get_by_test_id(f"work-{section}").click()


def _move(page: Page, status: str, value: str = "") -> None:
    form = page.get_by_test_id("status-form")
    form.locator('[name="status"]').select_option(status)
    if value:
        form.locator('[name="closed_value"]').fill(value)
    form.get_by_role("button").click()
    expect(page.get_by_test_id("referral-status")).to_be_visible()


def test_a_referral_is_passed_won_credited_and_rated(page: Page, world: World, browser: Browser):
    a, b = world.member_company, world.other_company
    partnership = services.partnership_create(
        network=world.alpha,
        companies=[a, b],
        form="referral_partnership",
        origin=Partnership.Origin.COORDINATOR,
        stage=Stage.EXPLORING,
    )

    # A passes a client on; consent is required for a client outside the network.
    _log_in(page, MEMBER)
    _open(page, partnership, "referrals")
    form = page.get_by_test_id("referral-form")
    form.locator('[name="receiver"]').select_option(str(b.pk))
    form.locator('[name="client_name"]').fill("Anna Vos")
    form.locator('[name="client_company"]').fill("Vos Bouw")
    form.locator('[name="client_email"]').fill("anna@vos.example")
    form.locator('[name="need"]').fill("Schaltschrank für eine Verpackungsmaschine")
    form.locator('[name="estimated_value"]').fill("12000")
    page.get_by_test_id("referral-submit").click()
    expect(page.locator('[data-testid="field-error"][data-field="consent"]')).to_be_visible()
    _no_sideways_scrolling(page)
    page.locator('[name="consent"]').check()
    page.get_by_test_id("referral-submit").click()
    expect(page.get_by_test_id("referral-list")).to_contain_text("Anna Vos")
    _log_out(page)

    # B answers and wins the business.
    _log_in(page, OTHER)
    _open(page, partnership, "referrals")
    page.get_by_test_id("referral-list").get_by_role("link").first.click()
    _move(page, "contacted")
    _move(page, "won", "7500")
    expect(page.get_by_test_id("closed-value")).to_have_text(
        re.compile(r"^7\.500,00\s€$")
    )  # grouped, as the reader writes it
    _log_out(page)

    # A was told at both steps and sees the thank-you credited.
    _log_in(page, MEMBER)
    expect(page.get_by_test_id("unread-count")).to_be_visible()
    page.get_by_test_id("nav-notifications").click()
    titles = page.get_by_test_id("notifications")
    expect(titles).to_contain_text(re.compile(r"7[.,]500[.,]00 €"))  # in the reader's format
    kinds = Notification.objects.filter(recipient=world.users["member"]).values_list(
        "kind", flat=True
    )
    assert {"referrals.status_changed", "referrals.won"} <= set(kinds)
    _open(page, partnership, "referrals")
    expect(page.get_by_test_id(f"credited-{a.pk}")).to_contain_text("7.500,00")
    _no_sideways_scrolling(page)

    # A asks the client for feedback; the client answers without an account, once.
    page.locator('[data-testid^="feedback-link-"]').first.click()
    url = page.get_by_test_id("feedback-url").input_value()
    client = browser.new_context(locale="nl-NL").new_page()
    client.goto(url)
    client.locator('input[name="rating"][value="5"]').check()
    client.locator('[name="comment"]').fill("Snel en vriendelijk geholpen.")
    client.get_by_test_id("feedback-submit").click()
    expect(client.get_by_test_id("feedback-thanks")).to_be_visible()
    client.goto(url)
    expect(client.get_by_test_id("feedback-gone")).to_have_attribute("data-state", "used")
    client.context.close()
    feedback = ReferralFeedback.objects.get()
    assert (feedback.rating, feedback.comment) == (5, "Snel en vriendelijk geholpen.")


def test_three_costs_are_balanced_and_settled_to_zero(page: Page, world: World):
    a, b, c = world.member_company, world.other_company, world.anonymous_company
    alliance = services.partnership_create(
        network=world.alpha,
        companies=[a, b, c],
        form="marketing_alliance",
        origin=Partnership.Origin.COORDINATOR,
        stage=Stage.PILOT,
    )
    _log_in(page, MEMBER)
    _open(page, alliance, "costs")
    for payer, amount, text in ((a, "900", "Messestand"), (b, "300", "Flyer"), (c, "60", "Porto")):
        form = page.get_by_test_id("cost-form")
        form.locator('[name="description"]').fill(text)
        form.locator('[name="amount"]').fill(amount)
        form.locator('[name="paid_by"]').select_option(str(payer.pk))
        page.get_by_test_id("cost-submit").click()
        expect(page.get_by_test_id("cost-list")).to_contain_text(text)
    # Equal shares 33.34 / 33.33 / 33.33 % of 1260 €: a's part is 420.08, b's and c's 419.96.
    expect(page.get_by_test_id(f"balance-amount-{a.pk}")).to_have_text("479,92 €")
    expect(page.get_by_test_id(f"balance-amount-{b.pk}")).to_have_text("-119,96 €")
    expect(page.get_by_test_id(f"balance-amount-{c.pk}")).to_have_text("-359,96 €")
    expect(page.get_by_test_id("transfer")).to_have_count(2)
    _no_sideways_scrolling(page)
    page.get_by_test_id("record-proposal").click()
    expect(page.get_by_test_id("all-settled")).to_be_visible()
    for company in (a, b, c):
        expect(page.get_by_test_id(f"balance-amount-{company.pk}")).to_have_text("0,00 €")
