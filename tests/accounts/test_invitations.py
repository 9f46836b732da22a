from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from tests.conftest import World
from verbund.accounts.models import Invitation, User
from verbund.accounts.services import invitation_create
from verbund.tenancy.actor import load_actor


def _invite(world: World, **kwargs):
    actor = load_actor(world.users["coordinator"], None)
    defaults = {"network": world.alpha, "email": "new.person@example.com"}
    return invitation_create(actor=actor, **{**defaults, **kwargs})


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_coordinator_invites_by_email_with_a_working_link(client, world: World, mailoutbox):
    client.force_login(world.users["coordinator"])
    response = client.post(
        reverse("tenancy:invitations", args=["alpha"]),
        {"email": "new.person@example.com", "role": "member", "company_role": "owner"},
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["new.person@example.com"]
    assert "/accounts/invitation/" in mailoutbox[0].body
    assert "Alpha Kammer" in mailoutbox[0].subject


def test_invitation_stores_only_a_digest_of_the_secret(world: World):
    issued = _invite(world)
    secret = issued.url.rstrip("/").rsplit("/", 1)[1]
    assert secret not in issued.invitation.token_hash
    assert Invitation.objects.filter(token_hash__contains=secret).count() == 0


def test_new_person_signs_up_through_the_link_and_joins_network_and_company(client, world: World):
    issued = _invite(world, company=world.member_company, company_role="staff")
    response = client.post(
        _path(issued.url),
        {
            "first_name": "Neu",
            "last_name": "Person",
            "password1": "a-long-password-1",
            "password2": "a-long-password-1",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.com")
    assert user.memberships.get().network == world.alpha
    assert user.company_memberships.get().company == world.member_company
    assert user.company_memberships.get().role == "staff"


def test_an_invitation_link_works_only_once(client, world: World):
    issued = _invite(world)
    data = {
        "first_name": "A",
        "last_name": "B",
        "password1": "a-long-password-1",
        "password2": "a-long-password-1",
    }
    assert client.post(_path(issued.url), data).status_code == 302
    client.post(reverse("accounts:logout"))
    second = client.get(_path(issued.url))
    assert second.status_code == 410
    assert "bereits angenommen" in second.content.decode()


def test_an_expired_invitation_is_refused(client, world: World):
    issued = _invite(world)
    Invitation.objects.filter(pk=issued.invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.get(_path(issued.url))
    assert response.status_code == 410
    assert "abgelaufen" in response.content.decode()


def test_a_withdrawn_invitation_is_refused(client, world: World):
    issued = _invite(world)
    client.force_login(world.users["coordinator"])
    client.post(reverse("tenancy:invitation_withdraw", args=["alpha", issued.invitation.pk]))
    client.post(reverse("accounts:logout"))
    assert client.get(_path(issued.url)).status_code == 410


def test_unknown_invitation_link_is_404(client, db):
    assert client.get(reverse("accounts:invitation_accept", args=["nope"])).status_code == 404


def test_existing_person_logs_in_and_then_accepts(client, world: World):
    issued = _invite(world, email="outsider@example.com")
    response = client.get(_path(issued.url))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    client.force_login(world.users["outsider"])
    assert client.post(_path(issued.url)).status_code == 302
    assert world.users["outsider"].memberships.get().network == world.alpha


def test_only_coordinators_can_invite(world: World):
    actor = load_actor(world.users["member"], None)
    with pytest.raises(PermissionDenied):
        invitation_create(actor=actor, network=world.alpha, email="x@example.com")


def test_invitation_form_names_the_bad_field(client, world: World):
    client.force_login(world.users["coordinator"])
    response = client.post(
        reverse("tenancy:invitations", args=["alpha"]), {"email": "not-an-email", "role": "member"}
    )
    assert response.status_code == 400
    assert "gültige E-Mail-Adresse" in response.content.decode()


def test_coordinator_cannot_attach_another_networks_company(client, world: World):
    client.force_login(world.users["coordinator"])
    response = client.post(
        reverse("tenancy:invitations", args=["alpha"]),
        {
            "email": "x@example.com",
            "role": "member",
            "company": world.beta_company.pk,
            "company_role": "owner",
        },
    )
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def _post_invitation(client, world: World, **data):
    client.force_login(world.users["coordinator"])
    return client.post(
        reverse("tenancy:invitations", args=["alpha"]),
        {"email": "new.person@example.com", "role": "member", "company_role": "owner", **data},
        follow=True,
    )


def test_a_member_of_the_network_is_not_invited_again(client, world: World, mailoutbox):
    response = _post_invitation(client, world, email="Member@Alpha.example")

    assert response.status_code == 400
    assert "member@alpha.example ist bereits Mitglied dieses Netzwerks" in response.content.decode()
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_a_member_of_another_network_may_be_invited(world: World):
    issued = _invite(world, email="coordinator@beta.example")
    assert issued.invitation.email == "coordinator@beta.example"
    assert not issued.resent


def test_inviting_an_address_with_an_open_invitation_sends_that_one_again(
    client, world: World, mailoutbox
):
    first = _invite(world, role="member")
    first_link = first.url

    response = _post_invitation(client, world, email="New.Person@example.com", role="coordinator")

    assert response.status_code == 200
    assert "wurde erneut gesendet" in response.content.decode()
    invitation = Invitation.objects.get()  # still the one invitation
    assert invitation.pk == first.invitation.pk
    assert invitation.role == "coordinator"  # with the details now given
    assert len(mailoutbox) == 2
    new_link = next(line for line in mailoutbox[1].body.splitlines() if "/invitation/" in line)
    assert new_link != first_link
    assert client.get(_path(first_link)).status_code == 404  # only the latest link works
    client.logout()
    assert client.get(_path(new_link)).status_code == 200


def test_an_expired_or_withdrawn_invitation_is_not_reused(world: World):
    expired = _invite(world).invitation
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(days=1))
    renewed = _invite(world)
    assert not renewed.resent
    assert renewed.invitation.pk != expired.pk
    assert Invitation.objects.count() == 2


def test_the_invitation_email_is_written_in_the_chosen_language(client, world: World, mailoutbox):
    page = client.get(reverse("tenancy:invitations", args=["alpha"]))  # not logged in yet
    assert page.status_code == 302
    client.force_login(world.users["coordinator"])  # German, like the sender's pages
    form = client.get(reverse("tenancy:invitations", args=["alpha"])).content.decode()
    assert '<option value="de" selected>' in form

    _post_invitation(client, world, language="nl")
    _post_invitation(client, world, email="andere@example.com")

    dutch, german = mailoutbox
    assert dutch.subject == "Uitnodiging voor Alpha Kammer op Verbund"
    assert german.subject == "Einladung zu Alpha Kammer auf Verbund"
    assert german.body.startswith("Guten Tag,")
