"""Who may open a network's directory, on the page and in the API."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.access import Route, check_anonymous, check_persona, everyone
from tests.conftest import PERSONAS, World

IN_ALPHA = everyone(200, other_network=404, outsider=404)
IN_BETA = everyone(404, other_network=200)

ROUTES = [
    Route(
        "companies:directory", lambda w: reverse("companies:directory", args=["alpha"]), IN_ALPHA
    ),
    Route(
        "companies:directory (with filters)",
        lambda w: reverse("companies:directory", args=["alpha"]),
        IN_ALPHA,
        data=lambda w: {"q": "metall", "nace": "25", "country": "DE", "sort": "size"},
    ),
    Route(
        "companies:directory (other network)",
        lambda w: reverse("companies:directory", args=["beta"]),
        IN_BETA,
    ),
    Route(
        "companies:directory (unknown network)",
        lambda w: reverse("companies:directory", args=["nowhere"]),
        everyone(404),
    ),
    Route(
        "api:network_directory", lambda w: "/api/v1/networks/alpha/companies", IN_ALPHA, api=True
    ),
    Route(
        "api:network_directory (with filters)",
        lambda w: "/api/v1/networks/alpha/companies",
        IN_ALPHA,
        data=lambda w: {"q": "metall", "nace": "C", "min_employees": "1", "page": "2"},
        api=True,
    ),
    Route(
        "api:network_directory (other network)",
        lambda w: "/api/v1/networks/beta/companies",
        IN_BETA,
        api=True,
    ),
]

CASES = [
    pytest.param(route, persona, id=f"{route.name}-{persona}")
    for route in ROUTES
    for persona in PERSONAS
]


@pytest.mark.parametrize(("route", "persona"), CASES)
def test_persona_gets_the_agreed_status(world: World, route: Route, persona: str):
    check_persona(world, route, persona)


@pytest.mark.parametrize("route", ROUTES, ids=[r.name for r in ROUTES])
def test_anonymous_visitor_is_sent_to_login_or_refused(world: World, route: Route):
    check_anonymous(world, route)
