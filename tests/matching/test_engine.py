"""Properties of the components, the weights and the explanations."""

from __future__ import annotations

import random

import numpy as np
import pytest

from verbund.lib import nace
from verbund.matching import engine, explain
from verbund.matching.engine import CompanyVector, Customers, Goal, Item


def company(cid: str, **changes) -> CompanyVector:
    base = dict(
        id=cid,
        country="DE",
        lat=51.96,
        lon=7.63,
        languages=["de"],
        employees=12,
        nace=["73.11"],
        offers=[Item("Werbekampagnen", "Anzeigen und Messeauftritte", ["73.11"])],
        needs=[
            Item("Pressearbeit", "Pressemitteilungen und Medienkontakte", ["70.21"], priority=1)
        ],
        customers=Customers(["C"], {"b2b": 0.9, "b2c": 0.1, "b2g": 0}, ["small"], ["DE-NW"]),
        strengths={"marketing": 5, "sales": 2},
        goals=[Goal("referral_business", 1)],
        forms=["referral_partnership"],
    )
    base.update(changes)
    return CompanyVector(**base)


PR = [Item("Pressearbeit und Medienkontakte", "Pressemitteilungen, Pressekonferenzen", ["70.21"])]


def test_nace_matrix_reproduces_the_proximity_function():
    index, _, prox = engine._nace_tables()
    codes = list(index)
    rng = random.Random(3)
    pairs = [(rng.choice(codes), rng.choice(codes)) for _ in range(3000)]
    pairs += [("25.61", "25.62"), ("25", "25.62"), ("C", "25.62"), ("70.21", "73.11")]
    for a, b in pairs:
        assert prox[index[a], index[b]] == pytest.approx(nace.proximity(a, b)), (a, b)


def test_size_score_is_symmetric(embed):
    small, large = company("a", employees=5), company("b", employees=80, offers=PR)
    forward = engine.score(small, large, embed=embed).components["size"]
    backward = engine.score(large, small, embed=embed).components["size"]
    assert forward == pytest.approx(backward)
    assert engine.score(small, company("c", employees=5), embed=embed).components["size"] == 1


def test_components_are_between_0_and_1_and_score_within_100(embed):
    a = company("a")
    for b in (
        company("b", offers=PR),
        company("c", country="NL", languages=["fr"], lat=52.4, lon=4.9),
    ):
        result = engine.score(a, b, embed=embed)
        assert 0 <= result.score <= 100
        for value in result.components.values():
            assert value is None or 0 <= value <= 1


def test_missing_seeker_data_leaves_the_component_out(embed):
    result = engine.score(company("a", needs=[], goals=[], forms=[]), company("b"), embed=embed)
    assert result.components["need_fit"] is None
    assert result.components["goals_forms"] is None


def test_offer_identical_to_mine_is_a_possible_competitor(embed):
    result = engine.score(company("a"), company("b"), embed=embed)
    assert result.concerns[0].code == explain.POSSIBLE_COMPETITOR
    assert result.components["not_duplicate"] == 0


def test_project_group_exempts_the_same_trade(embed):
    pool = ["project_group"]
    result = engine.score(company("a", forms=pool), company("b", forms=pool), embed=embed)
    assert explain.POSSIBLE_COMPETITOR not in [c.code for c in result.concerns]
    assert explain.CAPACITY_POOLING in [r.code for r in result.reasons]
    assert result.components["not_duplicate"] == 1


def test_no_shared_language_is_a_strong_concern(embed):
    speaking = engine.score(company("a"), company("b", offers=PR), embed=embed)
    silent = engine.score(company("a"), company("b", offers=PR, languages=["fr"]), embed=embed)
    assert explain.NO_SHARED_LANGUAGE in [c.code for c in silent.concerns]
    assert silent.score < speaking.score * 0.75


def test_target_market_counts_for_new_markets(embed):
    seeker = company("a", goals=[Goal("new_markets", 1, ["NL"])])
    dutch = company("b", offers=PR, country="NL", languages=["nl", "de"], lat=52.37, lon=4.9)
    result = engine.score(seeker, dutch, embed=embed)
    assert result.components["place_language"] == pytest.approx(1.0)
    assert {"code": "cross_border_target_market", "country": "NL"} in [
        {"code": r.code, **r.params} for r in result.reasons
    ]


def test_far_away_is_named_with_distance(embed):
    result = engine.score(company("a"), company("b", offers=PR, lat=48.14, lon=11.58), embed=embed)
    far = next(c for c in result.concerns if c.code == explain.FAR_AWAY)
    assert 450 < far.params["km"] < 550


def test_trust_hooks_raise_the_score(embed):
    plain = engine.score(company("a"), company("b", offers=PR), embed=embed)
    trusted = engine.score(
        company("a", trust=engine.Trust(partner_ids=["x", "y"])),
        company("b", offers=PR, trust=engine.Trust(3, 2, ["x", "y"])),
        embed=embed,
    )
    assert trusted.components["trust"] > plain.components["trust"] == 0
    assert trusted.score > plain.score


def test_weights_accept_a_network_override_and_reject_unknown_keys(embed):
    weights = engine.Weights.from_mapping({"need_fit": 0.0, "trust": 0.5})
    assert weights.need_fit == 0 and weights.trust == 0.5
    with pytest.raises(KeyError):
        engine.Weights.from_mapping({"needfit": 1})
    a, b = company("a"), company("b", offers=PR)
    assert (
        engine.score(a, b, weights=weights, embed=embed).score
        != engine.score(a, b, embed=embed).score
    )


def test_rank_never_returns_self_excluded_or_private(embed):
    seeker = company("a")
    others = [
        company("a-again", offers=PR),
        company("private", offers=PR, visibility="private"),
        company("dismissed", offers=PR),
        company("anonymous", offers=PR, visibility="anonymous"),
    ]
    result = engine.rank(seeker, [seeker, *others], exclude=["dismissed"], embed=embed)
    ids = [s.company_id for s in result]
    assert "private" not in ids and "dismissed" not in ids
    assert "a" not in ids
    assert next(s for s in result if s.company_id == "anonymous").anonymous


def test_items_without_embeddings_need_an_embed_function():
    with pytest.raises(ValueError):
        engine.TableBuilder().build([company("a")])


def test_precomputed_embeddings_are_used_as_given():
    vector = np.zeros(512, dtype=np.float32)
    vector[0] = 1
    a = company("a", offers=[Item("x", embedding=vector)], needs=[Item("y", embedding=vector)])
    b = company("b", offers=[Item("x", embedding=vector)], needs=[])
    assert engine.score(a, b).components["need_fit"] == pytest.approx(1.0)
