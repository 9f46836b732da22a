from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.conftest import World
from verbund.accounts.models import ApiToken


def test_token_created_in_the_ui_is_shown_once_and_authenticates_the_api(client, world: World):
    client.force_login(world.users["member"])
    response = client.post(reverse("accounts:token_create"), {"name": "CRM sync"})
    html = response.content.decode()
    secret = html.split('data-testid="token-secret">', 1)[1].split("<", 1)[0].strip()
    assert secret.startswith("vbd_")
    token = ApiToken.objects.get(user=world.users["member"])
    assert secret not in token.token_hash
    assert secret not in client.get(reverse("accounts:account")).content.decode()

    api = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert api.status_code == 200
    assert api.json()["email"] == "member@alpha.example"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_token_no_longer_works(client, world: World):
    secret = world.token_for("member")
    token = ApiToken.objects.get(user=world.users["member"])
    client.force_login(world.users["member"])
    client.post(reverse("accounts:token_revoke", args=[token.pk]))
    api = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert api.status_code == 401


def test_nobody_can_revoke_someone_elses_token(client, world: World):
    world.token_for("member")
    token = ApiToken.objects.get(user=world.users["member"])
    client.force_login(world.users["other_company"])
    assert client.post(reverse("accounts:token_revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_token_without_a_name_is_refused_with_the_field_named(client, world: World):
    client.force_login(world.users["member"])
    response = client.post(reverse("accounts:token_create"), {"name": ""})
    assert response.status_code == 400
    assert "Dieses Feld ist erforderlich." in response.content.decode()


def test_language_choice_is_saved_on_the_account_and_used_on_every_page(client, world: World):
    client.force_login(world.users["member"])
    client.post(reverse("accounts:set_language"), {"language": "nl", "next": "/"})
    world.users["member"].refresh_from_db()
    assert world.users["member"].language == "nl"
    page = client.get(reverse("accounts:account"))
    assert page["Content-Language"] == "nl"
    assert "Uitloggen" in page.content.decode()


def test_saved_language_follows_the_person_to_a_new_browser(world: World):
    browser = Client()
    browser.force_login(world.users["outsider"])  # prefers English
    assert "Log out" in browser.get(reverse("accounts:account")).content.decode()


def test_anonymous_visitor_can_switch_language_by_cookie(client, db):
    client.post(reverse("accounts:set_language"), {"language": "en"})
    assert "Log in" in client.get(reverse("accounts:login")).content.decode()


def test_unsafe_next_parameter_is_ignored(client, db):
    response = client.post(
        reverse("accounts:set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
