"""Unanswered contact requests on real data (issue 7): a request to a company the sender already
has an `identified` partnership with belongs to that partnership from the day it is sent, so the
partnership's health sees the wait. The warning opens after 14 days (`unanswered_contact_days`),
goes away by itself once the recipient accepts, declines or asks back, and tells the recipient
nothing before the request has reached it: a mediated request waits for the coordination first,
and only the forwarding starts the recipient's clock."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.partnerships.conftest import send_request
from verbund.accounts.services import user_create
from verbund.companies.services import company_member_set
from verbund.health import services
from verbund.health.models import HealthAlert
from verbund.notifications.models import Notification
from verbund.partnerships import services as partnership_services
from verbund.partnerships.models import ContactRequest, Partnership, Stage

KIND = "unanswered_contact_request"


def later(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def identified(world, *companies) -> Partnership:
    """Both companies marked each other as interesting: an `identified` partnership."""
    return partnership_services.partnership_create_from_mutual_interest(
        network=world.alpha,
        companies=list(companies) or [world.member_company, world.other_company],
        tell=False,
    )


def warnings(partnership: Partnership, status: str | None = None):
    alerts = HealthAlert.objects.filter(partnership=partnership, kind=KIND)
    return alerts.filter(status=status) if status else alerts


@pytest.fixture
def waiting(world, items, django_capture_on_commit_callbacks):
    """The member company asks the other company, with which it has an identified partnership;
    recorded through the services with the health refreshes they trigger."""
    with django_capture_on_commit_callbacks(execute=True):
        partnership = identified(world)
        request = send_request(world, items)
    return partnership, request


def test_a_request_to_an_identified_partner_belongs_to_that_partnership(world, waiting):
    partnership, request = waiting
    assert request.partnership == partnership
    assert partnership.stage == Stage.IDENTIFIED
    accepted = partnership_services.contact_request_accept(
        request=request, user=world.users["other_company"], company=world.other_company
    )
    assert accepted.pk == partnership.pk and accepted.stage == Stage.CONTACTED
    assert Partnership.objects.count() == 1


def test_a_request_without_an_identified_partnership_belongs_to_none(world, items):
    request = send_request(world, items)
    assert request.partnership is None


def test_the_warning_opens_after_fourteen_days_for_the_recipient_and_tells_both(world, waiting):
    partnership, _request = waiting
    services.health_refresh(partnership_id=partnership.pk, today=later(13))
    assert not warnings(partnership).exists()
    services.health_refresh(partnership_id=partnership.pk, today=later(14))
    alert = warnings(partnership).get()
    assert (alert.status, alert.subject) == ("open", str(world.other_company.pk))
    assert alert.since == later(14)
    assert alert.evidence["waiting"] == 1 and alert.evidence["oldest_days"] == 14
    assert alert.next_step == "answer_contact_request"
    told = Notification.objects.filter(kind=f"health.{KIND}")
    assert {n.recipient for n in told} == {world.users["member"], world.users["other_company"]}
    # the full recompute finds the same warning and keeps it (one alert, told once)
    services.health_recompute(network=world.alpha, today=later(14))
    assert warnings(partnership).get().pk == alert.pk
    assert told.count() == 2


@pytest.mark.parametrize("answer", ["accept", "decline", "ask"])
def test_an_answer_of_any_kind_resolves_the_warning_by_itself(
    world, waiting, answer, django_capture_on_commit_callbacks
):
    partnership, request = waiting
    services.health_recompute(network=world.alpha, today=later(15))
    assert warnings(partnership, "open").exists()
    recipient = {"user": world.users["other_company"], "company": world.other_company}
    with django_capture_on_commit_callbacks(execute=True):
        if answer == "accept":
            partnership_services.contact_request_accept(request=request, **recipient)
        elif answer == "decline":
            partnership_services.contact_request_decline(
                request=request, reason="Wir haben gerade keine Kapazität frei.", **recipient
            )
        else:  # a question back is a first answer too (domain: "answered with a question")
            partnership_services.contact_message_add(
                request=request, text="Welke plaatdiktes kunt u verwerken?", **recipient
            )
    services.health_refresh(partnership_id=partnership.pk, today=later(16))
    alert = warnings(partnership).get()
    assert (alert.status, alert.resolved_how) == ("resolved", "auto")
    # the answer counts for responsiveness: the recipient answered in no time
    health = partnership.health
    health.refresh_from_db()
    assert health.components["responsiveness"] == 1.0


def test_a_message_of_the_sender_is_no_answer(world, waiting, django_capture_on_commit_callbacks):
    partnership, request = waiting
    with django_capture_on_commit_callbacks(execute=True):
        partnership_services.contact_message_add(
            request=request,
            user=world.users["member"],
            company=world.member_company,
            text="Haben Sie meine Anfrage gesehen?",
        )
    services.health_refresh(partnership_id=partnership.pk, today=later(14))
    assert warnings(partnership, "open").exists()


def test_a_mediated_request_starts_the_recipients_clock_when_forwarded_and_never_names_an_anonymous_sender(  # noqa: E501
    world, items, django_capture_on_commit_callbacks
):
    sender = world.anonymous_company
    owner = user_create(email="owner@huesing.example", password="x" * 12, first_name="H")
    company_member_set(user=owner, company=sender, role="owner")
    with django_capture_on_commit_callbacks(execute=True):
        partnership = identified(world, sender, world.member_company)
        request = send_request(
            world,
            items,
            sender=sender,
            recipient=world.member_company,
            user=owner,
            about=f"offer:{items.member_offer.pk}",
        )
    assert request.status == ContactRequest.Status.MEDIATION
    assert request.partnership == partnership
    # A month in mediation: the recipient cannot see the request, so nothing warns anyone yet.
    services.health_recompute(network=world.alpha, today=later(30))
    assert not warnings(partnership).exists()
    recipient = world.users["member"]
    assert not Notification.objects.filter(recipient=recipient).exists()
    # Forwarded (pretend: 20 days after sending): the wait counts from the forwarding.
    ContactRequest.objects.filter(pk=request.pk).update(
        created_at=timezone.now() - dt.timedelta(days=20)
    )
    with django_capture_on_commit_callbacks(execute=True):
        partnership_services.contact_request_forward(
            request=request, user=world.users["coordinator"]
        )
    services.health_refresh(partnership_id=partnership.pk, today=later(13))
    assert not warnings(partnership).exists()
    services.health_refresh(partnership_id=partnership.pk, today=later(14))
    assert warnings(partnership, "open").get().subject == str(world.member_company.pk)
    # What the recipient is told names the anonymous sender only as such.
    told = Notification.objects.filter(recipient=recipient)
    assert {n.kind for n in told} == {"partnerships.contact_received", f"health.{KIND}"}
    for notification in told:
        assert sender.name not in f"{notification.title} {notification.body}"
    with translation.override(None):  # the request activates the reader's language
        inbox = world.client_for("member").get(reverse("notifications:inbox"))
    assert sender.name not in inbox.content.decode()


# Who sees the warning on an identified partnership: its two parties and the network's
# coordination, nobody else (the early-warning list of each persona).
SEES = {
    "member": True,
    "other_company": True,
    "coordinator": True,
    "other_network": False,
    "outsider": False,
}


@pytest.mark.parametrize("persona", sorted(SEES))
def test_the_warning_is_shown_to_the_parties_and_the_coordination_only(world, waiting, persona):
    partnership, _request = waiting
    services.health_recompute(network=world.alpha, today=later(14))
    assert warnings(partnership, "open").exists()
    with translation.override(None):  # the request activates the reader's language
        page = world.client_for(persona).get(reverse("health:alerts"))
    assert page.status_code == 200
    shown = reverse("partnerships:detail", args=[partnership.pk]) in page.content.decode()
    assert shown is SEES[persona]


def test_the_migration_gives_existing_requests_their_first_answer(world, items, waiting):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "verbund.partnerships.migrations.0003_contactrequest_forwarded_first_answer"
    )
    recipient = {"user": world.users["other_company"], "company": world.other_company}
    _partnership, asked = waiting
    message = partnership_services.contact_message_add(
        request=asked, text="Welke plaatdiktes kunt u verwerken?", **recipient
    )
    asked_on = timezone.now() - dt.timedelta(days=3)
    type(message).objects.filter(pk=message.pk).update(created_at=asked_on)
    back = send_request(
        world, items, sender=world.other_company, recipient=world.member_company,
        user=world.users["other_company"], about=f"offer:{items.member_offer.pk}",
    )  # fmt: skip
    partnership_services.contact_request_decline(
        request=back, user=world.users["member"], company=world.member_company,
        reason="Wir sprechen schon über die andere Anfrage.",
    )  # fmt: skip
    partnership_services.contact_request_accept(request=asked, **recipient)
    ContactRequest.objects.update(first_answer_at=None)  # as before the migration
    migration.first_answers(apps, None)
    asked.refresh_from_db()
    back.refresh_from_db()
    assert asked.first_answer_at == asked_on  # the question came before the acceptance
    assert back.first_answer_at == back.answered_at
