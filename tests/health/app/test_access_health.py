"""Every health page and endpoint, every persona. The partnership is the member company's with
the anonymous company: its parties and the network's coordination see its health and act on its
early warnings; the other company (outside it), the other network and outsiders get 404. The
health settings are the coordination's."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from tests.access import COORDINATOR_ONLY, Route, access_tests, everyone
from tests.conftest import World
from tests.partnerships import worlds
from verbund.health.models import HealthAlert

READ = everyone(404, coordinator=200, member=200)
ACT = everyone(404, coordinator=302, member=302)
API_ACT = everyone(404, coordinator=200, member=200)


def p(w: World) -> int:
    return worlds.outside_partnership(w).pk


def alert(w: World) -> int:
    cache = w.__dict__.setdefault("_health", {})
    if "alert" not in cache:
        now = timezone.now()
        cache["alert"] = HealthAlert.objects.create(
            partnership_id=p(w),
            kind="stalled_stage",
            subject="exploring",
            since=dt.date.today(),
            evidence={"stage": "exploring", "days_in_stage": 130, "limit_days": 120},
            next_step="decide_next_stage",
            opened_at=now,
            refreshed_at=now,
        ).pk
    return cache["alert"]


ROUTES = [
    Route("health:alerts", lambda w: reverse("health:alerts"), everyone(200)),
    Route(
        "health:alert_acknowledge",
        lambda w: reverse("health:alert_acknowledge", args=[alert(w)]),
        ACT,
        method="post",
    ),
    Route(
        "health:alert_resolve",
        lambda w: reverse("health:alert_resolve", args=[alert(w)]),
        ACT,
        method="post",
    ),
    Route(
        "health:settings", lambda w: reverse("health:settings", args=["alpha"]), COORDINATOR_ONLY
    ),
    Route(
        "health:settings (save)",
        lambda w: reverse("health:settings", args=["alpha"]),
        {**COORDINATOR_ONLY, "coordinator": 302},
        method="post",
        data=lambda w: {"green_from": "75"},
    ),
    Route(
        "partnerships:detail (health panel)",
        lambda w: reverse("partnerships:detail", args=[p(w)]),
        READ,
    ),
    Route(
        "api:partnership_health", lambda w: f"/api/v1/partnerships/{p(w)}/health", READ, api=True
    ),
    Route("api:health_alerts", lambda w: "/api/v1/health/alerts", everyone(200), api=True),
    Route(
        "api:health_alert_acknowledge",
        lambda w: f"/api/v1/health/alerts/{alert(w)}/acknowledge",
        API_ACT,
        method="post",
        api=True,
    ),
    Route(
        "api:health_alert_resolve",
        lambda w: f"/api/v1/health/alerts/{alert(w)}/resolve",
        API_ACT,
        method="post",
        api=True,
    ),
]

(
    test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused,
) = access_tests(ROUTES)


def test_the_alert_list_shows_only_the_alerts_a_persona_may_see(world: World):
    alert(world)
    for persona, sees in (
        ("member", True),
        ("coordinator", True),
        ("other_company", False),
        ("other_network", False),
        ("outsider", False),
    ):
        page = world.client_for(persona).get(reverse("health:alerts")).content.decode()
        assert ('data-testid="health-alert"' in page) is sees, persona
        listed = world.client_for(persona)
        api = listed.get(
            "/api/v1/health/alerts", headers={"Authorization": f"Bearer {world.token_for(persona)}"}
        )
        assert (len(api.json()) == 1) is sees, persona
