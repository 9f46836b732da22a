"""The partnerships API, every persona: partners act, the coordination reads (403 on writes),
a company outside the partnership and everyone else get 404."""

from __future__ import annotations

from tests.access import Route, access_tests, everyone
from tests.partnerships import worlds
from tests.partnerships.conftest import BRINGS, FIRST_STEP

READ = everyone(404, coordinator=200, member=200)


def _p(path: str = ""):
    return lambda w: f"/api/v1/partnerships/{worlds.outside_partnership(w).pk}{path}"


def _terms(w):
    partnership = worlds.outside_partnership(w)
    from verbund.partnerships.services import initial_terms

    terms = initial_terms(partnership)
    terms["scope"] = "Empfehlungen zwischen Metallbau und Werbeagentur."
    for row in terms["kpis"]:
        row["target"] = "2"
    return {"terms": terms, "change_note": "Erster Entwurf"}


def _version(w):
    partnership, number = worlds.outside_partnership(w).pk, worlds.draft_version(w).number
    return f"/api/v1/partnerships/{partnership}/agreements/{number}/confirm"


def _review(path: str = ""):
    return lambda w: (
        f"/api/v1/partnerships/{worlds.outside_partnership(w).pk}"
        f"/reviews/{worlds.open_review(w).number}{path}"
    )


def _scores(w):
    factors = worlds.open_review(w).agreement_version.terms["factors"]
    return {"scores": {f: {"score": 4, "comment": "gut"} for f in factors}}


def _contact(path: str = "", which=worlds.pending_request):
    return lambda w: f"/api/v1/contact-requests/{which(w).pk}{path}"


ROUTES = [
    Route("api:partnership_list", lambda w: "/api/v1/partnerships", everyone(200), api=True),
    Route("api:partnership_detail", _p(), READ, api=True),
    Route(
        "api:partnership_stage",
        _p("/stage"),
        everyone(404, coordinator=403, member=200),
        method="post",
        data=lambda w: {"stage": "pilot", "reason": "Pilot mit zwei Kunden"},
        api=True,
        json=True,
    ),
    Route("api:agreement_list", _p("/agreements"), READ, api=True),
    Route(
        "api:agreement_create",
        _p("/agreements"),
        everyone(404, coordinator=403, member=201),
        method="post",
        data=_terms,
        api=True,
        json=True,
    ),
    Route(
        "api:agreement_confirm",
        _version,
        everyone(404, coordinator=403, member=200),
        method="post",
        api=True,
    ),
    Route("api:review_detail", _review(), READ, api=True),
    Route(
        "api:review_submission",
        _review("/submission"),
        everyone(404, coordinator=403, member=201),
        method="post",
        data=_scores,
        api=True,
        json=True,
    ),
    Route("api:contact_list", lambda w: "/api/v1/contact-requests", everyone(200), api=True),
    Route(
        "api:contact_create",
        lambda w: "/api/v1/contact-requests",
        everyone(404, member=201, coordinator=403, other_company=404),
        method="post",
        data=lambda w: {
            "network": "alpha",
            "recipient": w.other_company.pk,
            "about": f"need:{worlds._other_need(w).pk}",
            "brings": BRINGS,
            "form": "supplier_partnership",
            "first_step": FIRST_STEP,
        },
        api=True,
        json=True,
    ),
    Route(
        "api:contact_detail",
        _contact(which=worlds.mediated_request),
        everyone(404, coordinator=200, member=200),
        api=True,
    ),
    Route(
        "api:contact_accept",
        _contact("/accept"),
        everyone(404, coordinator=403, member=403, other_company=200),
        method="post",
        api=True,
    ),
    Route(
        "api:contact_decline",
        _contact("/decline"),
        everyone(404, coordinator=403, member=403, other_company=200),
        method="post",
        data=lambda w: {"reason": "Wij hebben al een vaste partner."},
        api=True,
        json=True,
    ),
    Route(
        "api:contact_message_create",
        _contact("/messages"),
        everyone(404, coordinator=403, member=201, other_company=201),
        method="post",
        data=lambda w: {"text": "Welke plaatdiktes kunt u verwerken?"},
        api=True,
        json=True,
    ),
]

(
    test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused,
) = access_tests(ROUTES)


def test_an_empty_request_over_the_api_is_refused_with_every_missing_part(world):
    from django.test import Client

    response = Client().post(
        "/api/v1/contact-requests",
        data={
            "network": "alpha",
            "recipient": world.other_company.pk,
            "about": "",
            "brings": "",
            "form": "",
            "first_step": "",
        },
        content_type="application/json",
        headers={"Authorization": f"Bearer {world.token_for('member')}"},
    )
    assert response.status_code == 422
    details = response.json()["error"]["details"]
    assert set(details) == {"about", "brings", "form", "first_step"}


def test_api_hides_the_other_partners_scores_until_all_submitted(world):
    from django.test import Client

    review = worlds.open_review(world)
    url = f"/api/v1/partnerships/{review.partnership_id}/reviews/{review.number}"
    headers = {"Authorization": f"Bearer {world.token_for('member')}"}
    from verbund.partnerships import services

    services.review_submit(
        review=review,
        company=world.anonymous_company,
        user=None,
        scores={f: {"score": 2} for f in review.agreement_version.terms["factors"]},
    )
    body = Client().get(url, headers=headers).json()
    assert body["revealed"] is False and body["submissions"] == []
    assert body["submitted_by"] == [world.anonymous_company.pk]
    Client().post(
        url + "/submission",
        data={"scores": {f: {"score": 5} for f in review.agreement_version.terms["factors"]}},
        content_type="application/json",
        headers=headers,
    )
    body = Client().get(url, headers=headers).json()
    assert body["revealed"] is True and len(body["submissions"]) == 2
