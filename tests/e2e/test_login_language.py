from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD, World

pytestmark = pytest.mark.django_db(transaction=True)


def _log_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()


def test_member_logs_in_switches_to_dutch_and_logs_out(page, world: World):
    _log_in(page, "member@alpha.example")
    expect(page.get_by_test_id("company-name")).to_have_text("Schulte Metallbau GmbH")
    expect(page.get_by_test_id("main-nav")).to_contain_text("Mein Unternehmen")

    page.get_by_test_id("language-nl").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_test_id("main-nav")).to_contain_text("Mijn bedrijf")
    expect(page.get_by_test_id("logout")).to_have_text("Uitloggen")

    page.get_by_test_id("logout").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")


def test_coordinator_lands_on_the_network_overview(page, world: World):
    _log_in(page, "coordinator@alpha.example")
    expect(page.get_by_role("heading", level=1)).to_have_text("Alpha Kammer")
    expect(page.get_by_test_id("count-companies")).to_have_text("4")
    # Every part of the page fits the screen: nothing forces sideways scrolling.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1


def test_wrong_password_shows_the_error_in_the_page(page, world: World):
    page.goto("/accounts/login/")
    page.get_by_label("E-Mail-Adresse").fill("member@alpha.example")
    page.get_by_label("Passwort").fill("falsch")
    page.get_by_test_id("login-submit").click()
    expect(page.locator("main")).to_contain_text("E-Mail-Adresse oder Passwort ist falsch.")
