"""Who may open a network's directory, on the page and in the API."""

from __future__ import annotations

from django.urls import reverse

from tests.access import Route, access_tests, everyone

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

(
    test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused,
) = access_tests(ROUTES)
