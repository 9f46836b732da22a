from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD, World


def _login(client, email: str, password: str):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_person_logs_in_with_email_in_any_capitalisation(client, world: World):
    response = _login(client, "Member@Alpha.example", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 200


def test_wrong_password_is_refused_with_a_clear_message(client, world: World):
    response = _login(client, "member@alpha.example", "wrong")
    assert response.status_code == 200
    assert "E-Mail-Adresse oder Passwort ist falsch." in response.content.decode()


def test_repeated_failures_lock_the_address_even_for_the_right_password(
    client, world: World, settings
):
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        _login(client, "member@alpha.example", "wrong")
    response = _login(client, "member@alpha.example", PASSWORD)
    assert response.status_code == 200
    assert "Zu viele fehlgeschlagene Versuche" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_lock_on_one_address_does_not_lock_another(client, world: World, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    for _ in range(2):
        _login(client, "member@alpha.example", "wrong")
    assert _login(client, "coordinator@alpha.example", PASSWORD).status_code == 302


def test_a_successful_login_clears_earlier_failures(client, world: World, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    _login(client, "member@alpha.example", "wrong")
    _login(client, "member@alpha.example", "wrong")
    assert _login(client, "member@alpha.example", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    _login(client, "member@alpha.example", "wrong")
    _login(client, "member@alpha.example", "wrong")
    assert _login(client, "member@alpha.example", PASSWORD).status_code == 302


def test_logout_ends_the_session(client, world: World):
    client.force_login(world.users["member"])
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 302


@pytest.mark.django_db
def test_password_reset_mail_goes_through_the_worker_and_its_link_works(
    client, world: World, settings, mailoutbox
):
    settings.EMAIL_BACKEND = "verbund.jobs.mail.TaskEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(reverse("accounts:password_reset"), {"email": "member@alpha.example"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    link = next(line for line in body.splitlines() if "/accounts/password-reset/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get("/" + path, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-new-long-password-42", "new_password2": "a-new-long-password-42"},
    )
    assert response.status_code == 302
    client.post(reverse("accounts:logout"))
    assert _login(client, "member@alpha.example", "a-new-long-password-42").status_code == 302


def test_password_reset_does_not_reveal_whether_an_address_exists(client, world: World, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert mailoutbox == []
