"""Who may see which partner suggestions, answer them, and see the network's match statistics."""

from __future__ import annotations

from django.urls import reverse

from tests.access import COORDINATOR_ONLY, Route, access_tests, everyone
from verbund.matching.models import Suggestion

# Suggestions of a company: its own people and the network's coordinators; for everyone else
# the company is none of their business (404).
OWN_OR_COORDINATOR = everyone(404, coordinator=200, member=200)
# Answering is the company's own decision: the coordinator may look but not answer.
OWN_ONLY = everyone(404, coordinator=403, member=302)


def _shown(world) -> dict:
    Suggestion.objects.get_or_create(
        network=world.alpha, company=world.member_company, candidate=world.other_company
    )
    return {"verdict": "interested"}


def _suggestions(w) -> str:
    return reverse("matching:company_suggestions", args=["alpha", w.member_company.pk])


def _feedback(w) -> str:
    return reverse("matching:feedback", args=["alpha", w.member_company.pk, w.other_company.pk])


def _api_suggestions(w) -> str:
    return f"/api/v1/networks/alpha/companies/{w.member_company.pk}/suggestions"


ROUTES = [
    Route(
        "matching:suggestions",
        lambda w: reverse("matching:suggestions", args=["alpha"]),
        everyone(302, coordinator=200, other_network=404, outsider=404),
    ),
    Route(
        "matching:suggestions (other network)",
        lambda w: reverse("matching:suggestions", args=["beta"]),
        everyone(404, other_network=302),
    ),
    Route("matching:company_suggestions", _suggestions, OWN_OR_COORDINATOR),
    Route(
        "matching:company_suggestions (with filters)",
        _suggestions,
        OWN_OR_COORDINATOR,
        data=lambda w: {"country": "DE", "max_km": "50", "nace": "25", "form": "project_group"},
    ),
    Route(
        "matching:company_suggestions (private company)",
        lambda w: reverse("matching:company_suggestions", args=["alpha", w.private_company.pk]),
        everyone(404, coordinator=200),
    ),
    Route(
        "matching:company_suggestions (company of another network)",
        lambda w: reverse("matching:company_suggestions", args=["alpha", w.beta_company.pk]),
        everyone(404),
    ),
    Route("matching:feedback", _feedback, OWN_ONLY, method="post", data=_shown),
    Route(
        "matching:feedback (never suggested)",
        _feedback,
        everyone(404, coordinator=403),
        method="post",
        data=lambda w: {"verdict": "interested"},
    ),
    Route(
        "matching:statistics",
        lambda w: reverse("matching:statistics", args=["alpha"]),
        COORDINATOR_ONLY,
    ),
    Route("api:company_suggestions", _api_suggestions, OWN_OR_COORDINATOR, api=True),
    Route(
        "api:company_suggestions (with filters)",
        _api_suggestions,
        OWN_OR_COORDINATOR,
        data=lambda w: {"country": "NL", "min_employees": "1", "top": "5"},
        api=True,
    ),
    Route(
        "api:suggestion_feedback",
        lambda w: f"{_api_suggestions(w)}/{w.other_company.pk}/feedback",
        everyone(404, coordinator=403, member=200),
        method="post",
        data=_shown,
        api=True,
        json=True,
    ),
    Route(
        "api:match_statistics",
        lambda w: "/api/v1/networks/alpha/matching/statistics",
        COORDINATOR_ONLY,
        api=True,
    ),
]

(
    test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused,
) = access_tests(ROUTES)
