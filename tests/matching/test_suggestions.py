"""Partner suggestions through the Django layer: the scenario via the CLI, hard filters,
anonymity, profile edits without a rebuild, and the page's query count.

Everything runs on the real encoder (no mocks): the embeddings are part of what is tested.
"""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.matching.conftest import listed
from verbund.companies.services import company_update, offers_replace
from verbund.matching import explain, index
from verbund.matching.models import IndexChange, IndexState, Suggestion


def match(network, external_id: str, *, top: int = 9, language: str = "en") -> list[dict]:
    out = StringIO()
    call_command(
        "match", external_id, "--network", network.slug, "--top", str(top), "--json",
        "--language", language, stdout=out,
    )  # fmt: skip
    return json.loads(out.getvalue())


def ids(rows: list[dict]) -> list[str]:
    return [row["external_id"] for row in rows]


# --------------------------------------------------------------------------- the scenario (CLI)


def test_cli_meets_every_expectation_of_the_marketing_scenario(scenario_network):
    rows = match(scenario_network, "de-werbung-01")
    ranking = ids(rows)
    assert ranking[0] == "de-pr-01"
    assert "de-werbung-02" not in ranking[:3]
    assert "nl-pr-01" in ranking[:5]
    assert "de-bau-01" not in ranking[:5]
    assert "de-steuer-01" not in ranking[:5]
    competitor = rows[ranking.index("de-werbung-02")]
    overlap = [c for c in competitor["concerns"] if c["code"] == explain.POSSIBLE_COMPETITOR]
    assert overlap and "Werbung und Verkaufsförderung" in overlap[0]["text"]
    first = {r["code"]: r["text"] for r in rows[0]["reasons"]}
    assert "Pressearbeit für unsere Kunden" in first[explain.NEED_COVERED]
    assert "Pressearbeit und Medienkontakte" in first[explain.NEED_COVERED]
    assert explain.SIMILAR_CUSTOMERS in first
    assert explain.SIMILAR_SIZE in first


def test_cli_json_has_the_agreed_shape_best_first(scenario_network):
    rows = match(scenario_network, "de-werbung-01", top=5)
    assert len(rows) == 5
    for row in rows:
        assert set(row) == {"external_id", "name", "score", "reasons", "concerns"}
        assert 0 <= row["score"] <= 100
        for entry in [*row["reasons"], *row["concerns"]]:
            assert set(entry) == {"code", "text"} and entry["text"]
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert rows[0]["name"] == "Kommunikation am Prinzipalmarkt GmbH"


def test_reasons_are_in_the_readers_language(scenario_network):
    german = match(scenario_network, "de-werbung-01", top=1, language="de")[0]
    dutch = match(scenario_network, "de-werbung-01", top=1, language="nl")[0]
    covered_de = next(r["text"] for r in german["reasons"] if r["code"] == "need_covered")
    covered_nl = next(r["text"] for r in dutch["reasons"] if r["code"] == "need_covered")
    assert covered_de.startswith("Deckt Ihren Bedarf")
    assert covered_nl.startswith("Dekt uw behoefte")
    assert (
        "Pressearbeit für unsere Kunden" in covered_de
        and "Pressearbeit für unsere Kunden" in covered_nl
    )


def test_cli_names_an_unknown_company_or_network_clearly(scenario_network):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nobody"):
        match(scenario_network, "nobody")
    with pytest.raises(CommandError, match="nowhere"):
        call_command("match", "de-werbung-01", "--network", "nowhere", stdout=StringIO())


# --------------------------------------------------------------------------- hard filters


def test_a_company_never_sees_itself(scenario_network):
    assert "de-werbung-01" not in ids(match(scenario_network, "de-werbung-01", top=50))


def test_a_private_profile_is_never_suggested(scenario_network, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        company_update(company=listed(scenario_network, "de-pr-01"), visibility="private")
    ranking = ids(match(scenario_network, "de-werbung-01", top=50))
    assert "de-pr-01" not in ranking
    assert ranking[0] == "nl-pr-01"


def test_an_existing_partner_is_never_suggested(scenario_network, monkeypatch):
    partner = listed(scenario_network, "de-pr-01")
    # Partnerships are recorded by their own capability; this is its read the matching uses.
    monkeypatch.setattr(
        "verbund.matching.selectors.partner_company_ids",
        lambda company_ids: {partner.pk} if company_ids else set(),
    )
    assert "de-pr-01" not in ids(match(scenario_network, "de-werbung-01", top=50))


def test_an_anonymous_candidate_appears_without_its_name(
    scenario_network, django_capture_on_commit_callbacks
):
    dutch = listed(scenario_network, "nl-pr-01")
    with django_capture_on_commit_callbacks(execute=True):
        company_update(company=dutch, visibility="anonymous")
    row = next(
        r for r in match(scenario_network, "de-werbung-01") if r["external_id"] == "nl-pr-01"
    )
    assert row["name"] is None
    text = json.dumps(row, ensure_ascii=False)
    assert "Twentse" not in text and "Twentse Communicatie" not in text


def test_a_dismissed_candidate_never_comes_back(client, scenario_network, seeker_user):
    seeker = listed(scenario_network, "de-werbung-01")
    competitor = listed(scenario_network, "de-werbung-02")
    client.force_login(seeker_user)
    page = reverse("matching:company_suggestions", args=[scenario_network.slug, seeker.pk])
    assert 'data-external-id="de-werbung-02"' in client.get(page).content.decode()
    response = client.post(
        reverse("matching:feedback", args=[scenario_network.slug, seeker.pk, competitor.pk]),
        {"verdict": "not_relevant", "reason": "competitor"},
    )
    assert response.status_code == 302
    assert 'data-external-id="de-werbung-02"' not in client.get(page).content.decode()
    assert 'data-external-id="de-werbung-02"' not in client.get(page, {"top": 50}).content.decode()
    assert "de-werbung-02" not in ids(match(scenario_network, "de-werbung-01", top=50))
    row = Suggestion.objects.get(company=seeker, candidate=competitor)
    assert (row.feedback, row.reason) == ("not_relevant", "competitor")


def test_not_relevant_needs_a_reason_from_the_catalogue(client, scenario_network, seeker_user):
    seeker = listed(scenario_network, "de-werbung-01")
    candidate = listed(scenario_network, "de-bau-01")
    client.force_login(seeker_user)
    client.get(reverse("matching:company_suggestions", args=[scenario_network.slug, seeker.pk]))
    url = reverse("matching:feedback", args=[scenario_network.slug, seeker.pk, candidate.pk])
    for data in ({"verdict": "not_relevant"}, {"verdict": "not_relevant", "reason": "bogus"},
                 {"verdict": "maybe"}):  # fmt: skip
        response = client.post(url, data, follow=True)
        assert response.status_code == 200
        assert Suggestion.objects.get(company=seeker, candidate=candidate).feedback == ""
        assert list(response.context["messages"])  # the reason is told, nothing is lost


# --------------------------------------------------------------------------- profile edits


def test_a_profile_edit_changes_the_suggestions_without_a_rebuild(
    scenario_network, django_capture_on_commit_callbacks
):
    before = ids(match(scenario_network, "de-werbung-01"))
    assert before.index("de-bau-01") >= 5
    state = IndexState.objects.get(network=scenario_network)
    builder = listed(scenario_network, "de-bau-01")
    with django_capture_on_commit_callbacks(execute=True):  # the background task runs inline
        offers_replace(
            company=builder,
            items=[{"title": "Pressearbeit und Öffentlichkeitsarbeit",
                    "description": "Pressemitteilungen und Medienkontakte für Industriekunden"}],
        )  # fmt: skip
    rows = match(scenario_network, "de-werbung-01")
    after = ids(rows)
    assert after.index("de-bau-01") < before.index("de-bau-01")
    covered = [r["text"] for r in rows[after.index("de-bau-01")]["reasons"]]
    assert any("Pressearbeit und Öffentlichkeitsarbeit" in text for text in covered)
    # No rebuild: the same generation, the change logged and applied on top of it.
    assert IndexState.objects.get(network=scenario_network).generation == state.generation
    assert IndexChange.objects.filter(network=scenario_network, company=builder).exists()


def test_a_restart_replays_changes_without_embedding_again(
    scenario_network, django_capture_on_commit_callbacks
):
    builder = listed(scenario_network, "de-bau-01")
    with django_capture_on_commit_callbacks(execute=True):
        offers_replace(company=builder, items=[{"title": "Pressearbeit für Bauunternehmen"}])
    first = ids(match(scenario_network, "de-werbung-01"))
    index.forget_live_indexes()  # what a restarted process starts with
    embedded = index.get_encoder().embedded
    assert ids(match(scenario_network, "de-werbung-01")) == first
    assert index.get_encoder().embedded == embedded


def test_a_new_company_is_found_once_its_task_ran(
    scenario_network, django_capture_on_commit_callbacks
):
    from verbund.companies.services import company_create, needs_replace

    with django_capture_on_commit_callbacks(execute=True):
        newcomer = company_create(
            name="Presse & Partner Münster", country="DE", city="Münster",
            network=scenario_network, external_id="de-pr-neu", employees=12,
            languages=["de"],
        )  # fmt: skip
        offers_replace(company=newcomer, items=[{"title": "Pressearbeit und Pressemitteilungen"}])
        needs_replace(company=newcomer, items=[{"title": "Anzeigen und Werbekampagnen"}])
    assert "de-pr-neu" in ids(match(scenario_network, "de-werbung-01"))[:5]


# --------------------------------------------------------------------------- the page


def test_the_page_shows_the_scenario_in_order_with_reasons(client, scenario_network, seeker_user):
    seeker = listed(scenario_network, "de-werbung-01")
    client.force_login(seeker_user)
    response = client.get(
        reverse("matching:company_suggestions", args=[scenario_network.slug, seeker.pk])
    )
    cards = response.context["result"].cards
    assert cards[0].listing_external_id == "de-pr-01"
    assert "Covers your need “Pressearbeit für unsere Kunden”" in response.content.decode()
    shown = Suggestion.objects.filter(network=scenario_network, company=seeker)
    assert shown.count() == len(cards)


def test_the_page_needs_the_same_queries_for_3_and_for_9_suggestions(
    client, scenario_network, seeker_user
):
    seeker = listed(scenario_network, "de-werbung-01")
    client.force_login(seeker_user)
    url = reverse("matching:company_suggestions", args=[scenario_network.slug, seeker.pk])
    client.get(url)  # warm: the index is loaded once per process
    counts = []
    for top in (3, 9):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"top": top})
        assert len(response.context["result"].cards) == top
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 25


def test_filters_narrow_the_suggestions(client, scenario_network, seeker_user):
    seeker = listed(scenario_network, "de-werbung-01")
    client.force_login(seeker_user)
    url = reverse("matching:company_suggestions", args=[scenario_network.slug, seeker.pk])
    dutch = client.get(url, {"country": "NL"}).context["result"].cards
    assert [c.listing_external_id for c in dutch] == ["nl-pr-01"]
    near = client.get(url, {"max_km": 25}).context["result"].cards
    assert near and all(c.distance_km is not None and c.distance_km <= 25 for c in near)
    small = client.get(url, {"max_employees": 20}).context["result"].cards
    assert "de-pr-02" not in [c.listing_external_id for c in small]  # 400 employees
    pr = client.get(url, {"nace": "70.21"}).context["result"].cards
    assert {c.listing_external_id for c in pr} >= {"de-pr-01", "nl-pr-01"}
    assert "de-bau-01" not in [c.listing_external_id for c in pr]
    bad = client.get(url, {"nace": "99.99", "max_km": "far"})
    assert bad.status_code == 200
    assert set(bad.context["errors"]) == {"nace", "max_km"}


def test_htmx_filter_swaps_only_the_list(client, scenario_network, seeker_user):
    seeker = listed(scenario_network, "de-werbung-01")
    client.force_login(seeker_user)
    url = reverse("matching:company_suggestions", args=[scenario_network.slug, seeker.pk])
    response = client.get(
        url, {"country": "NL"}, headers={"HX-Request": "true", "HX-Target": "suggestion-results"}
    )
    body = response.content.decode()
    assert "<html" not in body and 'data-external-id="nl-pr-01"' in body


def test_network_weights_change_the_ranking(scenario_network):
    from verbund.matching.services import network_weights_set

    default = ids(match(scenario_network, "de-werbung-01"))
    # A network that only cares about being close by and of the same size.
    network_weights_set(
        network=scenario_network,
        weights={name: 0 for name in ("need_fit", "give_back", "not_duplicate", "customer_base",
                                      "strengths", "goals_forms", "trust")},
    )  # fmt: skip
    scenario_network.refresh_from_db()
    local = ids(match(scenario_network, "de-werbung-01"))
    assert local != default
    assert local.index("nl-pr-01") > default.index("nl-pr-01")  # Enschede is 60 km away


def test_malformed_weights_are_refused_with_the_name(scenario_network):
    from django.core.exceptions import ValidationError

    from verbund.matching.services import network_weights_set

    with pytest.raises(ValidationError) as refused:
        network_weights_set(network=scenario_network, weights={"nedd_fit": 1, "size": "big"})
    assert "nedd_fit" in str(refused.value) and "size" in str(refused.value)


def test_reasons_never_quote_a_section_the_candidate_keeps_from_the_reader(scenario_network):
    pr = listed(scenario_network, "de-pr-01")
    company_update(company=pr, field_visibility={"offers": "private", "size": "partners"})
    row = match(scenario_network, "de-werbung-01", top=1)[0]
    texts = {r["code"]: r["text"] for r in row["reasons"]}
    assert texts[explain.NEED_COVERED] == "Covers your need “Pressearbeit für unsere Kunden”"
    assert texts[explain.SIMILAR_SIZE] == "Similar size"
    assert "Pressearbeit und Medienkontakte" not in json.dumps(row, ensure_ascii=False)
