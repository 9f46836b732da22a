from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy

from tests.conftest import World
from verbund.accounts.services import api_token_create
from verbund.companies.services import company_member_set
from verbund.notifications.kinds import NotificationKind, get_kind, register
from verbund.notifications.models import Notification
from verbund.notifications.selectors import unread_count
from verbund.notifications.services import notify

# A real translated string (it is in the catalogues), so the language of the rendering shows.
GREETING = register(
    NotificationKind(
        key="tests.greeting",
        title=gettext_lazy("Notifications"),
        body="%(partner)s says hello",
    )
)
QUIET = register(NotificationKind(key="tests.quiet", title="quiet", email=False))


def _member_users(world: World) -> set[int]:
    return set(world.member_company.members.values_list("user_id", flat=True))


def test_notify_a_company_tells_each_member_once_and_emails_them(world: World):
    mail.outbox.clear()
    extra = world.users["member"]  # already a member: must not get it twice
    created = notify(
        kind=GREETING,
        company=world.member_company,
        users=[extra],
        network=world.alpha,
        params={"partner": "Bakker"},
        url="/somewhere/",
    )
    assert {n.recipient_id for n in created} == _member_users(world)
    assert len(created) == len(_member_users(world))
    assert [m.to for m in mail.outbox] == [[n.recipient.email] for n in created]
    assert "Bakker says hello" in mail.outbox[0].body
    assert "/somewhere/" in mail.outbox[0].body


def test_texts_are_rendered_in_the_readers_language(world: World):
    mail.outbox.clear()
    dutch = world.users["other_company"]  # language nl
    notify(kind=GREETING, users=[dutch], params={"partner": "Schulte"})
    assert mail.outbox[0].subject == "Meldingen"
    client = world.client_for("other_company")
    page = client.get(reverse("notifications:inbox"), headers={"accept-language": "de"})
    assert "Schulte says hello" in page.content.decode()


def test_a_kind_without_email_only_shows_in_the_app(world: World):
    mail.outbox.clear()
    notify(kind=QUIET, users=[world.users["member"]])
    assert mail.outbox == []
    assert unread_count(world.users["member"]) == 1


def test_unread_badge_counts_and_opening_marks_read(world: World):
    user = world.users["member"]
    (first,) = notify(kind=GREETING, users=[user], params={"partner": "A"}, url="/target/")
    notify(kind=GREETING, users=[user], params={"partner": "B"})
    client = world.client_for("member")
    page = client.get(reverse("notifications:inbox")).content.decode()
    assert 'data-testid="unread-count"' in page and ">2</span>" in page
    response = client.get(reverse("notifications:open", args=[first.pk]))
    assert response.status_code == 302 and response["Location"] == "/target/"
    assert unread_count(user) == 1
    client.post(reverse("notifications:mark_all_read"))
    assert unread_count(user) == 0
    assert (
        'data-testid="unread-count"'
        not in client.get(reverse("notifications:inbox")).content.decode()
    )


def test_links_never_leave_the_site(world: World):
    (notification,) = notify(
        kind=GREETING, users=[world.users["member"]], url="https://evil.example/"
    )
    assert notification.url == ""
    (protocol_relative,) = notify(
        kind=GREETING, users=[world.users["member"]], url="//evil.example"
    )
    assert protocol_relative.url == ""


def test_nobody_opens_or_reads_someone_elses_notification(world: World):
    (notification,) = notify(kind=GREETING, users=[world.users["member"]])
    other = world.client_for("other_company")
    assert other.get(reverse("notifications:open", args=[notification.pk])).status_code == 404
    inbox = other.get(reverse("notifications:inbox")).content.decode()
    assert reverse("notifications:open", args=[notification.pk]) not in inbox
    token = api_token_create(user=world.users["other_company"], name="t").secret
    api = Client(headers={"Authorization": f"Bearer {token}"})
    assert api.post(f"/api/v1/notifications/{notification.pk}/read").status_code == 404
    assert api.get("/api/v1/notifications").json() == {"unread": 0, "items": []}
    notification.refresh_from_db()
    assert notification.read_at is None


def test_api_lists_and_marks_read(world: World):
    user = world.users["outsider"]  # English
    notify(kind=GREETING, users=[user], network=world.alpha, params={"partner": "X"})
    token = api_token_create(user=user, name="t").secret
    api = Client(headers={"Authorization": f"Bearer {token}"})
    listing = api.get("/api/v1/notifications").json()
    assert listing["unread"] == 1
    (item,) = listing["items"]
    assert item["title"] == "Notifications" and item["body"] == "X says hello"
    assert item["network"] == "alpha" and item["read"] is False
    assert api.post(f"/api/v1/notifications/{item['id']}/read").json()["read"] is True
    assert api.get("/api/v1/notifications?unread=true").json()["items"] == []


def test_a_removed_kind_still_renders(world: World):
    notification = Notification.objects.create(
        recipient=world.users["member"], kind="gone.away", params={}
    )
    assert notification.title == str(get_kind("gone.away").title)


def test_amounts_are_shown_in_the_readers_number_format(world: World):
    """Stored language-neutral ("1234.50 EUR"), shown as each reader writes money."""
    mail.outbox.clear()
    dutch, german = world.users["other_company"], world.users["member"]
    german.language = "de"
    german.save(update_fields=["language"])
    notify(kind=GREETING, users=[dutch, german], params={"partner": "1234.50 EUR"})
    bodies = {m.to[0]: m.body for m in mail.outbox}
    assert "1.234,50 € says hello" in bodies[german.email]
    assert "1.234,50 € says hello" in bodies[dutch.email]
    (stored,) = Notification.objects.filter(recipient=german)
    assert stored.params == {"partner": "1234.50 EUR"}
    with translation.override("en"):
        assert stored.body == "1,234.50 € says hello"
    with translation.override("de"):
        assert stored.body == "1.234,50 € says hello"


def test_missing_parameters_do_not_crash(world: World):
    (notification,) = notify(kind=GREETING, users=[world.users["member"]], params={})
    assert notification.body == "… says hello"


@pytest.mark.parametrize("count", [1, 5])
def test_inbox_queries_do_not_grow_with_the_number_of_notifications(world: World, count: int):
    for _ in range(count):
        notify(kind=QUIET, users=[world.users["member"]])
    client = world.client_for("member")
    client.get(reverse("notifications:inbox"))  # warm the session
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("notifications:inbox"))
    counts = [q["sql"] for q in queries if "notifications_notification" in q["sql"]]
    # the badge count + the page's count + the page's rows: independent of how many there are
    assert len(counts) == 3


def test_company_member_seted_later_gets_only_new_notifications(world: World):
    notify(kind=QUIET, company=world.member_company)
    newcomer = world.users["outsider"]
    company_member_set(company=world.member_company, user=newcomer)
    assert unread_count(newcomer) == 0
    notify(kind=QUIET, company=world.member_company)
    assert unread_count(newcomer) == 1
