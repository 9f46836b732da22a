"""Every route, every persona: who gets what (foundation routes).

Each ``tests/**/test_access*.py`` module holds a ``ROUTES`` table for its app and parametrises
the same two checks; ``test_every_route_is_in_the_access_table`` makes sure that together they
cover every named route.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access import COORDINATOR_ONLY, Route, access_tests, everyone
from tests.conftest import World

ROUTES = [
    Route("home", lambda w: reverse("home"), everyone(302, outsider=200)),
    Route(
        "tenancy:network", lambda w: reverse("tenancy:network", args=["alpha"]), COORDINATOR_ONLY
    ),
    Route(
        "tenancy:invitations",
        lambda w: reverse("tenancy:invitations", args=["alpha"]),
        COORDINATOR_ONLY,
    ),
    Route(
        "tenancy:invitation_withdraw",
        lambda w: reverse("tenancy:invitation_withdraw", args=["alpha", 999999]),
        {**COORDINATOR_ONLY, "coordinator": 404},
        method="post",
    ),
    Route(
        "tenancy:switch",
        lambda w: reverse("tenancy:switch"),
        everyone(302, other_network=404, outsider=404),
        method="post",
        data=lambda w: {"network": str(w.alpha.pk)},
    ),
    Route(
        "companies:detail",
        lambda w: reverse("companies:detail", args=[w.member_company.pk]),
        everyone(200, other_network=404, outsider=404),
    ),
    Route(
        "companies:detail (private company)",
        lambda w: reverse("companies:detail", args=[w.private_company.pk]),
        everyone(404, coordinator=200),
    ),
    Route(
        "companies:detail (other network's company)",
        lambda w: reverse("companies:detail", args=[w.beta_company.pk]),
        everyone(404, other_network=200),
    ),
    Route(
        "companies:stocktaking",
        lambda w: reverse("companies:stocktaking", args=[w.member_company.pk]),
        everyone(404, coordinator=403, member=302, other_company=403),
    ),
    Route("accounts:account", lambda w: reverse("accounts:account"), everyone(200)),
    Route(
        "accounts:token_create",
        lambda w: reverse("accounts:token_create"),
        everyone(200),
        method="post",
        data=lambda w: {"name": "script"},
    ),
    Route(
        "accounts:token_revoke",
        lambda w: reverse("accounts:token_revoke", args=[999999]),
        everyone(404),
        method="post",
    ),
    Route(
        "accounts:calendar_key_reset",
        lambda w: reverse("accounts:calendar_key_reset"),
        everyone(302),
        method="post",
    ),
    Route(
        "accounts:set_language",
        lambda w: reverse("accounts:set_language"),
        everyone(302),
        method="post",
        data=lambda w: {"language": "nl"},
    ),
    # API
    Route("api:me", lambda w: "/api/v1/me", everyone(200), api=True),
    Route("api:my_networks", lambda w: "/api/v1/networks", everyone(200), api=True),
    Route(
        "api:network_detail",
        lambda w: "/api/v1/networks/alpha",
        everyone(200, other_network=404, outsider=404),
        api=True,
    ),
    Route("api:my_companies", lambda w: "/api/v1/companies", everyone(200), api=True),
    Route(
        "api:company_detail",
        lambda w: f"/api/v1/companies/{w.member_company.pk}",
        everyone(200, other_network=404, outsider=404),
        api=True,
    ),
    Route(
        "api:company_detail (private company)",
        lambda w: f"/api/v1/companies/{w.private_company.pk}",
        everyone(404, coordinator=200),
        api=True,
    ),
    Route(
        "api:company_detail (other network's company)",
        lambda w: f"/api/v1/companies/{w.beta_company.pk}",
        everyone(404, other_network=200),
        api=True,
    ),
]

# Pages meant for everyone, signed in or not (login, password reset, invitation links, health).
PUBLIC = {
    "accounts:login",
    "accounts:logout",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "accounts:invitation_accept",
    "healthz",
    "referrals:feedback",  # the client's single-use link (tests/referrals/test_feedback.py)
    "api:openapi-json",
    "api:openapi-view",
    "api:api-root",  # ninja's reverse() anchor for /api/v1/; answers 404
}

(
    test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused,
) = access_tests(ROUTES)


def _named_routes(patterns, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            namespace = pattern.namespace
            if namespace == "admin":
                continue
            inner = f"{prefix}{namespace}:" if namespace else prefix
            names |= _named_routes(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{prefix}{pattern.name}")
    return names


def _all_access_tables() -> list[Route]:
    routes: list[Route] = []
    tests_dir = Path(__file__).resolve().parent
    for path in sorted(tests_dir.rglob("test_access*.py")):
        module_name = ".".join(path.relative_to(tests_dir.parent).with_suffix("").parts)
        routes += getattr(importlib.import_module(module_name), "ROUTES", [])
    return routes


def test_every_route_is_in_the_access_table():
    covered = {route.name.split(" (")[0] for route in _all_access_tables()} | PUBLIC
    missing = _named_routes(get_resolver().url_patterns) - covered
    assert not missing, f"routes without an access decision: {sorted(missing)}"


def test_fellow_member_sees_the_profile_but_not_the_registry_number(world: World):
    response = world.client_for("other_company").get(
        reverse("companies:detail", args=[world.member_company.pk])
    )
    assert response.status_code == 200
    assert b"Schulte Metallbau GmbH" in response.content
    assert b"HRB 1" not in response.content


def test_company_member_sees_the_registry_number(world: World):
    response = world.client_for("member").get(
        reverse("companies:detail", args=[world.member_company.pk])
    )
    assert b"HRB 1" in response.content


def test_api_hides_the_registry_number_from_fellow_members(world: World):
    from django.test import Client

    token = world.token_for("other_company")
    body = (
        Client()
        .get(
            f"/api/v1/companies/{world.member_company.pk}",
            headers={"Authorization": f"Bearer {token}"},
        )
        .json()
    )
    assert body["access"] == "network"
    assert body["registry_id"] is None


def test_api_lists_only_my_own_networks(world: World):
    from django.test import Client

    token = world.token_for("member")
    body = Client().get("/api/v1/networks", headers={"Authorization": f"Bearer {token}"}).json()
    assert [n["slug"] for n in body] == ["alpha"]
    assert body[0]["role"] == "member"
