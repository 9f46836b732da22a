"""Access to company profiles and to the profile-writing API, per persona.

The member company has an owner of its own: its network's coordinator reads it but gets 403 on
every write (decision 0002, addendum); ``test_coordinator_edit_rule`` has the other side.
"""

from __future__ import annotations

from django.urls import reverse

from tests.access import Route, access_tests, everyone

OWN_COMPANY_WRITE = everyone(404, coordinator=403, member=200, other_company=403)


def _api(path: str):
    return lambda w: f"/api/v1/companies/{w.member_company.pk}{path}"


ROUTES = [
    Route(
        "companies:detail (anonymous company)",
        lambda w: reverse("companies:detail", args=[w.anonymous_company.pk]),
        everyone(200, other_network=404, outsider=404),
    ),
    Route(
        "api:company_detail (anonymous company)",
        lambda w: f"/api/v1/companies/{w.anonymous_company.pk}",
        everyone(200, other_network=404, outsider=404),
        api=True,
    ),
    Route(
        "api:company_patch",
        _api(""),
        OWN_COMPANY_WRITE,
        method="patch",
        data=lambda w: {"employees": 14},
        api=True,
    ),
    Route(
        "api:offers_put",
        _api("/offers"),
        OWN_COMPANY_WRITE,
        method="put",
        data=lambda w: [{"title": "Laserschneiden", "nace_codes": ["25.62"]}],
        api=True,
    ),
    Route(
        "api:needs_put",
        _api("/needs"),
        OWN_COMPANY_WRITE,
        method="put",
        data=lambda w: [{"title": "Pulverbeschichtung", "priority": 1}],
        api=True,
    ),
    Route(
        "api:goals_put",
        _api("/goals"),
        OWN_COMPANY_WRITE,
        method="put",
        data=lambda w: [{"goal": "referral_business", "priority": 1}],
        api=True,
    ),
    Route(
        "api:strengths_put",
        _api("/strengths"),
        OWN_COMPANY_WRITE,
        method="put",
        data=lambda w: [{"dimension": "sales", "score": 4, "note": "Gut vernetzt"}],
        api=True,
    ),
]

(
    test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused,
) = access_tests(ROUTES)
