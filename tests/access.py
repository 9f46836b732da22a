"""The access contract's vocabulary: a Route says which status each persona gets.

Every ``tests/**/test_access*.py`` module defines ``ROUTES``; ``tests/test_access.py`` checks that
together they cover every named route, so no page or endpoint ships without an access decision.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.test import Client
from django.urls import reverse

from tests.conftest import PERSONAS, World


@dataclass(frozen=True)
class Route:
    name: str
    url: Callable[[World], str]
    expect: dict[str, int]
    method: str = "get"
    data: Callable[[World], dict | list] | None = None
    api: bool = False
    json: bool = False  # send ``data`` as a JSON body (API posts)


def everyone(status: int, **overrides: int) -> dict[str, int]:
    return {persona: overrides.get(persona, status) for persona in PERSONAS}


COORDINATOR_ONLY = {
    "coordinator": 200,
    "member": 403,
    "other_company": 403,
    "other_network": 404,
    "outsider": 404,
}


def request_as(world: World, route: Route, persona: str):
    url = route.url(world)
    data = route.data(world) if route.data else {}
    if route.api:
        client = Client()
        headers = {"Authorization": f"Bearer {world.token_for(persona)}"}
        if route.method in ("put", "patch") or route.json:
            return getattr(client, route.method)(
                url, data=json.dumps(data), content_type="application/json", headers=headers
            )
        return getattr(client, route.method)(url, data=data, headers=headers)
    client = world.client_for(persona)
    return getattr(client, route.method)(url, data=data)


def check_persona(world: World, route: Route, persona: str) -> None:
    response = request_as(world, route, persona)
    assert response.status_code == route.expect[persona], response.content[:300]


def check_anonymous(world: World, route: Route) -> None:
    url = route.url(world)
    data = route.data(world) if route.data else {}
    if route.method in ("put", "patch") or route.json:
        response = getattr(Client(), route.method)(
            url, data=json.dumps(data), content_type="application/json"
        )
    else:
        response = getattr(Client(), route.method)(url, data=data)
    if route.api:
        assert response.status_code == 401, response.content[:200]
        assert response.json()["error"]["code"] == "unauthorised"
    elif route.name == "accounts:set_language":
        assert response.status_code == 302  # changing language needs no account
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def access_tests(routes: list[Route]):
    """The two checks every access table gets, parametrised over its routes and the personas.

    Use at module level: ``test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused = access_tests(ROUTES)``.
    """
    import pytest

    cases = [
        pytest.param(route, persona, id=f"{route.name}-{persona}")
        for route in routes
        for persona in PERSONAS
    ]

    @pytest.mark.parametrize(("route", "persona"), cases)
    def persona_test(world: World, route: Route, persona: str) -> None:
        check_persona(world, route, persona)

    @pytest.mark.parametrize("route", routes, ids=[r.name for r in routes])
    def anonymous_test(world: World, route: Route) -> None:
        check_anonymous(world, route)

    return persona_test, anonymous_test
