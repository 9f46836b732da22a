"""The shared scenario marketing-pr.jsonl meets every expectation in its README."""

from __future__ import annotations

import pytest

from verbund.matching import engine, explain


@pytest.fixture(scope="module")
def ranking(scenario_companies, embed) -> list[engine.Suggestion]:
    seeker = next(c for c in scenario_companies if c.id == "de-werbung-01")
    others = [c for c in scenario_companies if c.id != "de-werbung-01"]
    return engine.rank(seeker, others, top=20, embed=embed)


def _ids(ranking: list[engine.Suggestion]) -> list[str]:
    return [s.company_id for s in ranking]


def test_pr_agency_next_door_is_first(ranking):
    assert _ids(ranking)[0] == "de-pr-01"


def test_competitor_is_not_in_the_first_three_and_named_as_such(ranking):
    ids = _ids(ranking)
    assert "de-werbung-02" not in ids[:3]
    competitor = ranking[ids.index("de-werbung-02")]
    concern = next(c for c in competitor.concerns if c.code == explain.POSSIBLE_COMPETITOR)
    assert concern.params["offer_title"] == "Werbung und Verkaufsförderung"


def test_dutch_pr_agency_is_in_the_first_five(ranking):
    assert "nl-pr-01" in _ids(ranking)[:5]


def test_construction_and_tax_advice_are_not_in_the_first_five(ranking):
    assert "de-bau-01" not in _ids(ranking)[:5]
    assert "de-steuer-01" not in _ids(ranking)[:5]


def test_reasons_for_the_pr_agency_name_need_customers_and_size(ranking):
    first = ranking[0]
    codes = [r.code for r in first.reasons]
    assert explain.SIMILAR_CUSTOMERS in codes
    assert explain.SIMILAR_SIZE in codes
    covered = next(r for r in first.reasons if r.code == explain.NEED_COVERED)
    assert covered.params == {
        "need_title": "Pressearbeit für unsere Kunden",
        "offer_title": "Pressearbeit und Medienkontakte",
    }
    assert codes[0] == explain.NEED_COVERED  # sorted by contribution


def test_every_code_has_its_parameters_and_a_template(ranking):
    for suggestion in ranking:
        for entry in [*suggestion.reasons, *suggestion.concerns]:
            spec = explain.CODES[entry.code]
            assert set(entry.params) == set(spec.params)
            assert explain.english(entry.code, entry.params)


def test_scores_are_within_0_and_100_best_first(ranking):
    scores = [s.score for s in ranking]
    assert all(0 <= s <= 100 for s in scores)
    assert scores == sorted(scores, reverse=True)
