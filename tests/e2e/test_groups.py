"""Referral groups in a real browser on a phone (acceptance 1 and 2): a member passes a referral
slip and records a one-to-one, the secretary records attendance, and the group report shows all
three; a second seat in an occupied category is refused with a clear message; the client of a slip
rates the service through the single-use link.

Locators use data-testid and field names, not labels: the labels are translated.
"""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD, World
from tests.groups.conftest import group_world, steady_pair
from verbund.groups.services import referral_slip_create
from verbund.referrals.models import ReferralFeedback
from verbund.referrals.services import referral_set_status

pytestmark = pytest.mark.django_db(transaction=True)


def _german_page(browser, live_server, **device):
    context = browser.new_context(locale="de-DE", base_url=live_server.url, **device)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server):
    yield from _german_page(
        browser, live_server, viewport={"width": 390, "height": 844}, is_mobile=True,
        has_touch=True,
    )  # fmt: skip


def _log_in(page: Page, email: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("logout")).to_be_visible()


def _log_out(page: Page) -> None:
    page.get_by_test_id("logout").click()


def _no_sideways_scrolling(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1


def test_member_slips_and_secretary_attendance_show_in_the_group_report(phone: Page, world: World):
    groups = group_world(world)
    secretary_seat, colleague_seat = groups.seats["secretary"], groups.seats["colleague"]
    page = phone

    _log_in(page, "member@alpha.example")
    page.get_by_test_id("nav-groups").click()
    page.get_by_test_id("group-list").get_by_role("link", name=groups.a.name).click()
    expect(page.get_by_test_id("group-name")).to_have_text(groups.a.name)

    # A referral slip: receiver, outside client with consent, the need — a few taps.
    page.get_by_test_id("slip-referral").click()
    expect(page.get_by_test_id("slip-form")).to_be_visible()
    _no_sideways_scrolling(page)
    page.locator('[name="receiver"]').select_option(str(secretary_seat.pk))
    page.locator('[name="kind"][value="outside"]').check()
    page.locator('[name="client_name"]').fill("Frau Kötter")
    page.locator('[name="client_phone"]').fill("0251 4711")
    page.locator('[name="consent"]').check()
    page.locator('[name="need"]').fill("Lohnbuchhaltung für zwölf Mitarbeitende")
    page.get_by_test_id("slip-save").click()
    expect(page.locator('[data-testid="slip"][data-kind="referral"]')).to_contain_text(
        "Lohnbuchhaltung"
    )

    # A one-to-one with a fellow member.
    page.get_by_test_id("slip-one_to_one").click()
    page.locator('[name="other"]').select_option(str(colleague_seat.pk))
    page.locator('[name="note"]').fill("Werkstatt besichtigt")
    page.get_by_test_id("slip-save").click()
    expect(page.locator('[data-testid="slip"][data-kind="one_to_one"]')).to_contain_text(
        "Werkstatt besichtigt"
    )
    _log_out(page)

    # The secretary records attendance at the last meeting.
    _log_in(page, "secretary@alpha.example")
    page.goto(f"/groups/{groups.a.pk}/")
    page.get_by_test_id("tab-meetings").click()
    page.get_by_test_id("past-meetings").get_by_test_id("meeting-link").first.click()
    rows = page.get_by_test_id("attendance-row")
    expect(rows).to_have_count(4)
    member_row = page.locator('[data-testid="attendance-row"][data-member="member@alpha.example"]')
    member_row.get_by_test_id("state-present").check()
    colleague_row = page.locator(
        '[data-testid="attendance-row"][data-member="colleague@alpha.example"]'
    )
    colleague_row.get_by_test_id("state-substitute").check()
    # Forgetting the substitute's name is caught with a message, and nothing is lost.
    page.get_by_test_id("attendance-save").click()
    expect(page.get_by_test_id("form-errors")).to_contain_text("Colleague Gruppe")
    expect(member_row.get_by_test_id("state-present")).to_be_checked()
    colleague_row.get_by_test_id("substitute").fill("Jan Berg")
    page.get_by_test_id("attendance-save").click()
    expect(page.get_by_test_id("attendance-form")).to_be_visible()
    expect(colleague_row.get_by_test_id("substitute")).to_have_value("Jan Berg")

    # The group report shows the referral, the one-to-one and the attendance.
    page.get_by_test_id("tab-report").click()
    expect(page.get_by_test_id("report-table")).to_be_visible()
    _no_sideways_scrolling(page)
    expect(page.get_by_test_id("total-referrals")).to_have_text("1")
    expect(page.get_by_test_id("total-one-to-ones")).to_have_text("1")
    member = page.locator('[data-testid="report-row"][data-member="member@alpha.example"]')
    expect(member.get_by_test_id("given")).to_contain_text("1 (0/1)")
    expect(member.get_by_test_id("one-to-ones")).to_have_text("1")
    expect(member.get_by_test_id("attendance")).to_have_text("1/1")
    secretary = page.locator('[data-testid="report-row"][data-member="secretary@alpha.example"]')
    expect(secretary.get_by_test_id("received")).to_contain_text("1 (0/1)")


def test_a_second_seat_in_an_occupied_category_is_refused_with_a_clear_message(
    phone: Page, world: World
):
    groups = group_world(world)
    page = phone
    _log_in(page, "secretary@alpha.example")
    page.goto(f"/groups/{groups.a.pk}/seats/")
    form = page.get_by_test_id("seat-form")
    form.locator('[name="user_email"]').fill(world.users["other_company"].email)
    form.locator('[name="company"]').fill(str(world.other_company.pk))
    form.locator('[name="category"]').select_option("electrician")
    page.get_by_test_id("seat-save").click()
    errors = page.get_by_test_id("form-errors")
    expect(errors).to_contain_text("Elektroinstallation")
    expect(errors).to_contain_text("Schulte Metallbau GmbH")
    # The form keeps what was typed.
    expect(page.locator('[name="user_email"]')).to_have_value(world.users["other_company"].email)


def test_the_client_of_a_slip_rates_the_service_from_the_referral_page(
    phone: Page, world: World, browser, live_server
):
    """Issue 6's client feedback from a group slip: the giver asks on the referral's page, the
    client answers on a phone without an account, once; the rating shows on the page."""
    groups = group_world(world)
    slip = referral_slip_create(
        group=groups.a, giver=groups.seats["member"], receiver=groups.seats["secretary"],
        client_seat=groups.seats["colleague"], need="Jahresabschluss",
    )  # fmt: skip
    referral_set_status(referral=slip, user=groups.users["secretary"], status="contacted")
    page = phone
    _log_in(page, "member@alpha.example")
    page.goto(f"/referrals/{slip.pk}/")
    page.get_by_test_id("feedback-request").click()
    url = page.get_by_test_id("feedback-url").input_value()

    client = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="nl-NL", is_mobile=True, has_touch=True
    ).new_page()
    client.goto(url)
    _no_sideways_scrolling(client)
    client.locator('input[name="rating"][value="4"]').check()
    client.locator('[name="comment"]').fill("Duidelijk advies.")
    client.get_by_test_id("feedback-submit").click()
    expect(client.get_by_test_id("feedback-thanks")).to_contain_text("Bedankt")
    client.goto(url)
    expect(client.get_by_test_id("feedback-gone")).to_have_attribute("data-state", "used")
    client.context.close()

    page.goto(f"/referrals/{slip.pk}/")
    expect(page.get_by_test_id("feedback-rating")).to_contain_text("Duidelijk advies.")
    assert ReferralFeedback.objects.get(referral=slip).rating == 4


def test_a_member_turns_a_steady_two_way_flow_into_a_partnership(phone: Page, world: World):
    groups = group_world(world)
    steady_pair(groups)
    page = phone
    _log_in(page, "member@alpha.example")
    page.goto(f"/groups/{groups.a.pk}/report/")
    pair = page.get_by_test_id("two-way-pair")
    expect(pair).to_contain_text("Sekretariat Steuerberatung GmbH")
    pair.get_by_test_id("pair-partnership").click()
    # The new partnership's page, with both companies.
    expect(page).to_have_url(re.compile(r"/partnerships/\d+/"))
    expect(page.locator("main")).to_contain_text("Sekretariat Steuerberatung GmbH")
    page.goto(f"/groups/{groups.a.pk}/report/")
    expect(pair.get_by_test_id("pair-partnership-exists")).to_be_visible()
    expect(pair.get_by_test_id("pair-partnership")).to_have_count(0)


def test_a_calendar_app_subscribes_to_the_group_link_without_logging_in(
    phone: Page, world: World, browser, live_server
):
    groups = group_world(world)
    page = phone
    _log_in(page, world.users["member"].email)
    page.goto(f"/groups/{groups.a.pk}/meetings/")
    link = page.get_by_test_id("calendar-link").get_attribute("href")
    assert link and "?key=" in link
    # A calendar app: no cookies, no login, just the address.
    app = browser.new_context(base_url=live_server.url)
    try:
        feed = app.request.get(link)
        assert feed.status == 200
        assert feed.headers["content-type"].startswith("text/calendar")
        assert feed.text().count("BEGIN:VEVENT") == 1
        # New links end the old one.
        page.goto("/accounts/account/")
        page.get_by_test_id("calendar-key-reset").click()
        expect(page.get_by_text("Neue Kalender-Links erstellt.")).to_be_visible()
        again = app.request.get(link, max_redirects=0)
        assert again.status == 403
    finally:
        app.close()


@pytest.fixture
def desktop(browser, live_server):
    yield from _german_page(browser, live_server, viewport={"width": 1280, "height": 900})


def test_on_a_desktop_the_group_tabs_sit_side_by_side_and_lights_are_words(
    desktop: Page, world: World
):
    groups = group_world(world)
    page = desktop
    _log_in(page, "member@alpha.example")
    page.goto(f"/groups/{groups.a.pk}/report/")
    tabs = page.get_by_test_id("group-tabs").locator("a")
    boxes = [tabs.nth(i).bounding_box() for i in range(tabs.count())]
    assert len(boxes) >= 5
    for left, right in pairwise(boxes):
        assert left is not None and right is not None
        # One row, each pill clear of the next ("Bericht" no longer over "Mitglieder").
        assert right["y"] == left["y"]
        assert left["x"] + left["width"] < right["x"]
    light = page.get_by_test_id("report-light").first.get_by_test_id("health-light").first
    expect(light).to_have_text(re.compile(r"^[●▲■○] (grün|gelb|rot|zu wenig Daten)$"))
