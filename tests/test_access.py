"""Every route, every persona: who gets what.

The table below is the access contract. ``test_every_route_is_in_the_access_table`` makes sure a
new page or endpoint cannot be added without deciding who may see it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import PERSONAS, World

ANON_HTML = "anonymous-redirects-to-login"


@dataclass(frozen=True)
class Route:
    name: str
    url: Callable[[World], str]
    expect: dict[str, int]
    method: str = "get"
    data: Callable[[World], dict] | None = None
    api: bool = False


def everyone(status: int, **overrides: int) -> dict[str, int]:
    return {persona: overrides.get(persona, status) for persona in PERSONAS}


COORDINATOR_ONLY = {
    "coordinator": 200,
    "member": 403,
    "other_company": 403,
    "other_network": 404,
    "outsider": 404,
}

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
    "api:openapi-json",
    "api:openapi-view",
    "api:api-root",  # ninja's reverse() anchor for /api/v1/; answers 404
}

CASES = [
    pytest.param(route, persona, id=f"{route.name}-{persona}")
    for route in ROUTES
    for persona in PERSONAS
]


def _request(world: World, route: Route, persona: str):
    url = route.url(world)
    data = route.data(world) if route.data else {}
    if route.api:
        from django.test import Client

        client = Client()
        headers = {"Authorization": f"Bearer {world.token_for(persona)}"}
        return getattr(client, route.method)(url, data=data, headers=headers)
    client = world.client_for(persona)
    return getattr(client, route.method)(url, data=data)


@pytest.mark.parametrize(("route", "persona"), CASES)
def test_persona_gets_the_agreed_status(world: World, route: Route, persona: str):
    response = _request(world, route, persona)
    assert response.status_code == route.expect[persona], response.content[:300]


@pytest.mark.parametrize("route", ROUTES, ids=[r.name for r in ROUTES])
def test_anonymous_visitor_is_sent_to_login_or_refused(world: World, route: Route):
    from django.test import Client

    url = route.url(world)
    data = route.data(world) if route.data else {}
    response = getattr(Client(), route.method)(url, data=data)
    if route.api:
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorised"
    elif route.name == "accounts:set_language":
        assert response.status_code == 302  # changing language needs no account
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


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


def test_every_route_is_in_the_access_table():
    covered = {route.name.split(" (")[0] for route in ROUTES} | PUBLIC
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
