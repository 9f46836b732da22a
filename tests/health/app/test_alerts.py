"""Early warnings in the database: opened with a notification to the deciders of every party,
acknowledged and resolved by the partners or the coordination, resolved by themselves when the
cause goes away, and never twice at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tests.health.app.django_world import backdate
from verbund.health import services, store
from verbund.health.models import HealthAlert
from verbund.notifications.models import Notification
from verbund.partnerships import services as partnership_services
from verbund.tenancy.actor import load_actor


def actor(world, persona):
    return load_actor(world.users[persona], {})


def stalled(world, partnership):
    """`contacted` for 50 days (the limit is 45): a stalled stage."""
    backdate(partnership, 50)
    return services.health_refresh(partnership_id=partnership.pk)


def move_on(world, partnership):
    """To `exploring`: the stalled `contacted` stage is left behind."""
    partnership_services.partnership_move(
        partnership=partnership, to_stage="exploring", user=world.users["member"],
        company=world.member_company,
    )  # fmt: skip
    services.health_refresh(partnership_id=partnership.pk)


def test_a_new_alert_tells_the_owners_of_every_party_in_their_language(world, partnership):
    stalled(world, partnership)
    alert = HealthAlert.objects.get(partnership=partnership)
    assert (alert.kind, alert.subject, alert.status) == ("stalled_stage", "contacted", "open")
    assert alert.evidence == {"stage": "contacted", "days_in_stage": 50, "limit_days": 45}
    assert alert.since == timezone.localdate() - dt.timedelta(days=5)
    told = Notification.objects.filter(kind="health.stalled_stage")
    assert {n.recipient for n in told} == {world.users["member"], world.users["other_company"]}
    # rendered when read, in the reader's language (the other company's person reads Dutch)
    page = world.client_for("other_company").get(reverse("notifications:inbox"))
    assert "Vroege waarschuwing" in page.content.decode()


def test_the_same_cause_keeps_one_alert_and_notifies_once(world, partnership):
    stalled(world, partnership)
    services.health_refresh(partnership_id=partnership.pk)
    services.health_recompute(network=world.alpha)
    assert HealthAlert.objects.filter(partnership=partnership).count() == 1
    assert Notification.objects.filter(kind="health.stalled_stage").count() == 2


def test_acknowledged_then_resolved_by_itself_when_the_cause_goes_away(world, partnership):
    stalled(world, partnership)
    alert = HealthAlert.objects.get(partnership=partnership)
    services.alert_acknowledge(actor=actor(world, "member"), alert=alert)
    alert.refresh_from_db()
    assert alert.status == "acknowledged" and alert.acknowledged_by == world.users["member"]
    with pytest.raises(ValidationError):
        services.alert_acknowledge(actor=actor(world, "other_company"), alert=alert)
    move_on(world, partnership)
    alert.refresh_from_db()
    assert (alert.status, alert.resolved_how) == ("resolved", "auto")
    assert alert.resolved_at is not None


def test_resolved_by_a_person_it_stays_resolved_while_the_cause_lasts(world, partnership):
    stalled(world, partnership)
    alert = HealthAlert.objects.get(partnership=partnership)
    services.alert_resolve(actor=actor(world, "coordinator"), alert=alert)
    services.health_recompute(network=world.alpha)
    assert HealthAlert.objects.filter(partnership=partnership).count() == 1
    alert.refresh_from_db()
    assert (alert.status, alert.resolved_how, alert.holds) == ("resolved", "user", True)
    # the cause goes away, then comes back: a new alert
    move_on(world, partnership)
    alert.refresh_from_db()
    assert not alert.holds
    backdate(partnership, 130)  # exploring for 130 days (limit 120)
    services.health_refresh(partnership_id=partnership.pk)
    assert HealthAlert.objects.filter(partnership=partnership, status="open").count() == 1


def test_only_partners_and_the_coordination_act_on_an_alert(world, partnership):
    stalled(world, partnership)
    alert = HealthAlert.objects.get(partnership=partnership)
    from django.http import Http404

    with pytest.raises(Http404):
        services.alert_resolve(actor=actor(world, "other_network"), alert=alert)
    with pytest.raises((Http404, PermissionDenied)):
        services.alert_acknowledge(actor=actor(world, "outsider"), alert=alert)
    assert HealthAlert.objects.get(pk=alert.pk).status == "open"


def test_the_database_refuses_a_second_unresolved_alert_of_the_same_kind_and_subject(
    world, partnership
):
    stalled(world, partnership)
    alert = HealthAlert.objects.get(partnership=partnership)
    with pytest.raises(IntegrityError), transaction.atomic():
        HealthAlert.objects.create(
            partnership=partnership, kind=alert.kind, subject=alert.subject, since=alert.since,
            next_step=alert.next_step, opened_at=alert.opened_at, refreshed_at=alert.opened_at,
        )  # fmt: skip


def test_the_panel_shows_evidence_and_acknowledging_works_from_the_page(world, partnership):
    stalled(world, partnership)
    client = world.client_for("member")
    url = reverse("partnerships:detail", args=[partnership.pk])
    page = client.get(url).content.decode()
    assert 'data-testid="health-panel"' in page
    assert "seit 50 Tagen in der Phase" in page  # German evidence for the member
    alert = HealthAlert.objects.get(partnership=partnership)
    response = client.post(reverse("health:alert_acknowledge", args=[alert.pk]), {"next": url})
    assert response.status_code == 302 and response["Location"] == url
    assert HealthAlert.objects.get(pk=alert.pk).status == "acknowledged"
    response = client.post(reverse("health:alert_resolve", args=[alert.pk]))
    assert response["Location"].endswith("#health")
    assert HealthAlert.objects.get(pk=alert.pk).status == "resolved"


def test_the_api_gives_reasons_and_alerts_with_codes_and_texts(world, partnership):
    stalled(world, partnership)
    token = world.token_for("member")
    body = (
        world.client_for("anonymous")
        .get(
            f"/api/v1/partnerships/{partnership.pk}/health",
            headers={"Authorization": f"Bearer {token}"},
        )
        .json()
    )
    assert body["computed"] and body["light"] == "grey"
    assert all(r["code"] and r["text"] for r in body["reasons"])
    (alert,) = body["alerts"]
    assert alert["kind"] == "stalled_stage" and "seit 50 Tagen" in alert["evidence_text"]
    done = world.client_for("anonymous").post(
        f"/api/v1/health/alerts/{alert['id']}/resolve",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert done.status_code == 200 and done.json()["status"] == "resolved"
    again = world.client_for("anonymous").post(
        f"/api/v1/health/alerts/{alert['id']}/resolve",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert again.status_code == 422


def test_a_kept_alert_is_rewritten_only_when_its_evidence_changes(world, partnership):
    stalled(world, partnership)
    alert = HealthAlert.objects.get(partnership=partnership)
    first = alert.refreshed_at
    services.health_recompute(network=world.alpha)  # same day, same evidence
    alert.refresh_from_db()
    assert alert.refreshed_at == first
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    services.health_recompute(network=world.alpha, today=tomorrow)  # one more day in the stage
    alert.refresh_from_db()
    assert alert.evidence["days_in_stage"] == 51
    assert alert.refreshed_at > first


@pytest.mark.parametrize("count", [3, store.SMALL + 50])
def test_evidence_refresh_in_bulk_writes_only_the_changed_alerts(world, partnership, count):
    """Few alerts go through the ORM, many through COPY on PostgreSQL: the same rows change."""
    then = timezone.now() - dt.timedelta(days=3)
    alerts = HealthAlert.objects.bulk_create(
        HealthAlert(
            partnership=partnership, kind="stalled_stage", subject=f"s{i}", since=then.date(),
            evidence={"days_in_stage": i}, next_step="talk", opened_at=then, refreshed_at=then,
        )
        for i in range(count)
    )  # fmt: skip
    now = timezone.now()
    store.refresh_evidence(
        [(a.pk, {"days_in_stage": i + (i % 2)}) for i, a in enumerate(alerts)], now
    )
    stored = {a.subject: a for a in HealthAlert.objects.filter(partnership=partnership)}
    for i in range(count):
        alert = stored[f"s{i}"]
        assert alert.evidence == {"days_in_stage": i + (i % 2)}
        assert alert.refreshed_at == (now if i % 2 else then)


def test_the_early_warnings_list_names_the_partnership_who_acted_and_the_filter(world, partnership):
    stalled(world, partnership)
    alert = HealthAlert.objects.get(partnership=partnership)
    client = world.client_for("member")
    url = reverse("health:alerts")
    page = client.get(url).content.decode()
    # The card names the partner (not the reader's own company) and links the partnership.
    card = page[page.index('data-testid="alert-partnership"') :]
    card = card[: card.index("</span>")]
    assert world.other_company.name in card and world.member_company.name not in card
    assert "Angezeigt: offen und zur Kenntnis genommen" in page
    assert 'href="?status=unresolved" aria-current="page"' in page
    services.alert_acknowledge(actor=actor(world, "member"), alert=alert)
    services.alert_resolve(actor=actor(world, "other_company"), alert=alert)
    page = client.get(url, {"status": "resolved"}).content.decode()
    day = timezone.localdate().strftime("%d.%m.%Y")
    assert f"Zur Kenntnis genommen von member Test am {day}." in page
    assert f"Erledigt von other Test am {day}." in page
    assert 'href="?status=resolved" aria-current="page"' in page
    # The coordinator reads every party's name.
    page = world.client_for("coordinator").get(url, {"status": "resolved"}).content.decode()
    card = page[page.index('data-testid="alert-partnership"') :]
    card = card[: card.index("</span>")]
    assert world.other_company.name in card and world.member_company.name in card


def test_an_alert_resolved_by_itself_says_so_in_the_list(world, partnership):
    stalled(world, partnership)
    move_on(world, partnership)
    page = world.client_for("member").get(reverse("health:alerts"), {"status": "resolved"})
    day = timezone.localdate().strftime("%d.%m.%Y")
    assert f"Am {day} automatisch erledigt: die Ursache ist weggefallen." in page.content.decode()
