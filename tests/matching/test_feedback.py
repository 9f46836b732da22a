"""Feedback on suggestions: mutual interest is detected once and told to both companies (and to
the partnerships app through a signal); coordinators see the network's figures."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.matching.conftest import listed
from verbund.accounts.services import api_token_create, user_create
from verbund.companies.services import company_member_set
from verbund.matching.models import Suggestion
from verbund.matching.signals import mutual_interest
from verbund.notifications.models import Notification
from verbund.tenancy.services import membership_set


def _person(network, company, email: str, role: str = "member"):
    user = user_create(email=email, password=PASSWORD, language="de")
    membership_set(user=user, network=network, role=role)
    if company is not None:
        company_member_set(user=user, company=company, role="owner")
    return user


@pytest.fixture
def pair(scenario_network, seeker_user):
    pr = listed(scenario_network, "de-pr-01")
    return {
        "werbung": listed(scenario_network, "de-werbung-01"),
        "pr": pr,
        "werbung_user": seeker_user,
        "pr_user": _person(scenario_network, pr, "inhaberin@pr.example"),
    }


def _look_and_answer(client, network, user, company, candidate, data):
    client.force_login(user)
    page = client.get(reverse("matching:company_suggestions", args=[network.slug, company.pk]))
    assert candidate.pk in [c.candidate_id for c in page.context["result"].cards]
    return client.post(
        reverse("matching:feedback", args=[network.slug, company.pk, candidate.pk]),
        data,
        headers={"HX-Request": "true", "HX-Target": f"suggestion-{candidate.pk}"},
    )


def test_mutual_interest_is_told_to_both_companies_and_signalled_once(
    client, scenario_network, pair, django_capture_on_commit_callbacks
):
    received = []

    def receiver(sender, network, companies, **kwargs):
        received.append((network, companies))

    mutual_interest.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            first = _look_and_answer(
                client, scenario_network, pair["werbung_user"], pair["werbung"], pair["pr"],
                {"verdict": "interested"},
            )  # fmt: skip
        assert 'data-testid="card-interested"' in first.content.decode()
        assert received == [] and not Notification.objects.exists()
        with django_capture_on_commit_callbacks(execute=True):
            second = _look_and_answer(
                client, scenario_network, pair["pr_user"], pair["pr"], pair["werbung"],
                {"verdict": "interested"},
            )  # fmt: skip
        assert 'data-testid="card-mutual"' in second.content.decode()
        # Saying it again changes nothing.
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("matching:feedback",
                        args=[scenario_network.slug, pair["pr"].pk, pair["werbung"].pk]),
                {"verdict": "interested"},
            )  # fmt: skip
    finally:
        mutual_interest.disconnect(receiver)
    assert received == [(scenario_network, (pair["pr"], pair["werbung"]))]
    rows = Suggestion.objects.filter(network=scenario_network, mutual_at__isnull=False)
    assert rows.count() == 2
    told = Notification.objects.filter(kind="matching.mutual_interest")
    assert {n.recipient for n in told} == {pair["werbung_user"], pair["pr_user"]}
    to_werbung = told.get(recipient=pair["werbung_user"])
    assert to_werbung.params["partner"] == "Kommunikation am Prinzipalmarkt GmbH"
    assert to_werbung.url.startswith(f"/n/{scenario_network.slug}/suggestions/")


def test_dismissing_over_htmx_replaces_the_card_and_records_the_reason(
    client, scenario_network, pair
):
    bau = listed(scenario_network, "de-bau-01")
    response = _look_and_answer(
        client, scenario_network, pair["werbung_user"], pair["werbung"], bau,
        {"verdict": "not_relevant", "reason": "offer_not_needed", "note": "Bau passt nicht"},
    )  # fmt: skip
    assert 'data-testid="suggestion-dismissed"' in response.content.decode()
    row = Suggestion.objects.get(company=pair["werbung"], candidate=bau)
    assert (row.feedback, row.reason, row.note) == ("not_relevant", "offer_not_needed",
                                                    "Bau passt nicht")  # fmt: skip


def test_coordinator_sees_the_figures_of_the_network(client, scenario_network, pair):
    bau = listed(scenario_network, "de-bau-01")
    _look_and_answer(client, scenario_network, pair["werbung_user"], pair["werbung"], pair["pr"],
                     {"verdict": "interested"})  # fmt: skip
    _look_and_answer(client, scenario_network, pair["werbung_user"], pair["werbung"], bau,
                     {"verdict": "not_relevant", "reason": "too_far"})  # fmt: skip
    _look_and_answer(client, scenario_network, pair["pr_user"], pair["pr"], pair["werbung"],
                     {"verdict": "interested"})  # fmt: skip
    coordinator = _person(scenario_network, None, "koordination@mpr.example", role="coordinator")
    client.force_login(coordinator)
    stats = client.get(reverse("matching:statistics", args=[scenario_network.slug])).context[
        "stats"
    ]
    shown = Suggestion.objects.filter(network=scenario_network).count()
    assert stats.shown == shown and shown >= 10
    assert (stats.interested, stats.dismissed, stats.mutual) == (2, 1, 1)
    assert stats.interest_rate == round(100 * 2 / shown, 1)
    assert ("too_far", "Zu weit entfernt", 1) in stats.dismiss_reasons
    api = client.get(
        f"/api/v1/networks/{scenario_network.slug}/matching/statistics",
        headers={"Authorization": f"Bearer {api_token_create(user=coordinator, name='t').secret}"},
    ).json()
    assert api["mutual"] == 1 and api["dismiss_reasons"] == {"too_far": 1}


def test_a_coordinator_runs_suggestions_for_a_member_without_answering_them(
    client, scenario_network, pair
):
    coordinator = _person(scenario_network, None, "koordination@mpr.example", role="coordinator")
    client.force_login(coordinator)
    start = client.get(reverse("matching:suggestions", args=[scenario_network.slug]))
    assert pair["werbung"] in list(start.context["companies"])
    found = client.get(
        reverse("matching:suggestions", args=[scenario_network.slug]), {"choose": 1, "q": "werbe"}
    ).context["companies"]
    assert pair["werbung"] in list(found) and pair["pr"] not in list(found)
    chosen = client.get(
        reverse("matching:suggestions", args=[scenario_network.slug]),
        {"company": pair["werbung"].pk},
    )
    assert chosen.status_code == 302
    page = client.get(chosen["Location"])
    assert page.context["result"].cards[0].listing_external_id == "de-pr-01"
    assert 'data-testid="coordinator-preview"' in page.content.decode()
    assert 'data-testid="interested"' not in page.content.decode()
    # A coordinator's look is not "shown" to the company.
    assert not Suggestion.objects.filter(company=pair["werbung"]).exists()


def test_the_api_lists_suggestions_in_the_cli_shape_and_takes_feedback(
    client, scenario_network, pair
):
    token = api_token_create(user=pair["werbung_user"], name="t").secret
    headers = {"Authorization": f"Bearer {token}"}
    base = f"/api/v1/networks/{scenario_network.slug}/companies/{pair['werbung'].pk}/suggestions"
    rows = client.get(base, {"top": 3}, headers=headers).json()
    assert rows[0]["external_id"] == "de-pr-01"
    assert {"external_id", "name", "score", "reasons", "concerns"} <= set(rows[0])
    refused = client.post(
        f"{base}/{pair['pr'].pk}/feedback", {"verdict": "not_relevant"},
        content_type="application/json", headers=headers,
    )  # fmt: skip
    assert refused.status_code == 422
    assert "reason" in refused.json()["error"]["details"]
    bad_filter = client.get(base, {"nace": "99.99"}, headers=headers)
    assert bad_filter.status_code == 422
    assert "nace" in bad_filter.json()["error"]["details"]
    ok = client.post(
        f"{base}/{pair['pr'].pk}/feedback", {"verdict": "interested"},
        content_type="application/json", headers=headers,
    )  # fmt: skip
    assert ok.json() == {"company_id": pair["pr"].pk, "feedback": "interested", "reason": "",
                         "mutual": False}  # fmt: skip
