"""Calendar feeds for calendar apps: the personal key stands in for the login, nothing more.

A calendar app fetches without a session; ``?key=`` names the person and the feed's own access
gate decides for them, so every persona gets with its key what it gets logged in.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PERSONAS, World
from tests.partnerships import worlds
from verbund.accounts.selectors import calendar_key
from verbund.accounts.services import calendar_key_reset

# As logged in (tests/activities/test_access_activities.py): the parties' people and the
# network's coordination read the feed, everyone else gets "not found".
EXPECTED = {"coordinator": 200, "member": 200}


def _feed(w: World) -> str:
    return reverse("activities:calendar", args=[worlds.outside_partnership(w).pk])


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_with_its_key_what_it_gets_logged_in(world: World, persona):
    key = calendar_key(world.users[persona])
    response = Client().get(_feed(world), {"key": key})
    assert response.status_code == EXPECTED.get(persona, 404)
    if response.status_code == 200:
        assert response["Content-Type"].startswith("text/calendar")
        assert response.content.startswith(b"BEGIN:VCALENDAR")


def test_without_a_key_a_person_in_a_browser_is_sent_to_the_login(world: World):
    response = Client().get(_feed(world))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "mangle",
    [
        lambda key: key[:-1] + ("0" if key[-1] != "0" else "1"),  # digest changed
        lambda key: key.split(".")[1],  # no id
        lambda key: "x." + key.split(".")[1],
    ],
    ids=["wrong digest", "no id", "not a number"],
)
def test_a_wrong_key_is_refused_in_words_a_calendar_app_can_show(world: World, mangle):
    response = Client().get(_feed(world), {"key": mangle(calendar_key(world.users["member"]))})
    assert response.status_code == 403
    assert "Kalender-Link ist nicht mehr gültig" in response.content.decode()


def test_one_persons_digest_does_not_open_the_feed_for_another(world: World):
    member, outsider = world.users["member"], world.users["outsider"]
    borrowed = f"{member.pk}.{calendar_key(outsider).split('.')[1]}"
    assert Client().get(_feed(world), {"key": borrowed}).status_code == 403


def test_new_links_end_the_old_ones(world: World):
    member = world.users["member"]
    old = calendar_key(member)
    calendar_key_reset(user=member)
    assert calendar_key(member) != old
    assert Client().get(_feed(world), {"key": old}).status_code == 403
    assert Client().get(_feed(world), {"key": calendar_key(member)}).status_code == 200


def test_the_key_of_a_deactivated_account_opens_nothing(world: World):
    member = world.users["member"]
    member.is_active = False
    member.save()
    assert Client().get(_feed(world), {"key": calendar_key(member)}).status_code == 403


def test_the_activities_page_links_the_feed_with_the_viewers_own_key(world: World):
    partnership = worlds.outside_partnership(world)
    page = world.client_for("member").get(reverse("activities:activities", args=[partnership.pk]))
    text = page.content.decode()
    assert f"{_feed(world)}?key={calendar_key(world.users['member'])}" in text
    assert calendar_key(world.users["coordinator"]) not in text


def test_the_account_page_makes_new_links(world: World):
    member = world.users["member"]
    old = calendar_key(member)
    client = world.client_for("member")
    assert "calendar-key-reset" in client.get(reverse("accounts:account")).content.decode()
    response = client.post(reverse("accounts:calendar_key_reset"), follow=True)
    member.refresh_from_db()
    assert calendar_key(member) != old
    assert "Neue Kalender-Links erstellt." in response.content.decode()  # the member's German
