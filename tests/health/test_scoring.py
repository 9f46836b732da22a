"""The health score: its components, the traffic light, the reasons, and its invariants."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.health.conftest import balanced_year, day, partnership, referral, review
from tests.health.test_aggregates import histories
from verbund.health import codes, engine
from verbund.health import history as h
from verbund.health.params import COMPONENTS, HealthSettings


def test_a_balanced_active_partnership_is_green_with_reasons():
    result = engine.evaluate(partnership(), balanced_year(), day(360))
    assert result.light == "green"
    assert result.score >= 70
    assert result.reasons
    codes_found = {r.code for r in result.reasons}
    assert "referrals_balanced" in codes_found
    assert "recently_active" in codes_found


def test_a_new_partnership_is_grey():
    result = engine.evaluate(partnership(), referral(0, "a", "b", "r1"), day(10))
    assert result.light == "grey"


def test_too_few_events_is_grey_while_the_silence_is_short():
    result = engine.evaluate(partnership(), referral(0, "a", "b", "r1"), day(100))
    assert result.light == "grey"


def test_a_partnership_silent_past_its_empty_bar_is_not_grey():
    """Few events, no review, but silent for longer than an empty partnership's bar: that is
    enough to judge — it went quiet (or never started) and must not hide behind grey."""
    once = engine.evaluate(partnership(), referral(0, "a", "b", "r1"), day(200))
    never = engine.evaluate(partnership(), [], day(160))
    assert once.light == "red" and never.light == "red"


def test_silence_pulls_activity_down_and_says_so():
    events = [e for e in balanced_year(120)]
    fresh = engine.evaluate(partnership(), events, day(125))
    silent = engine.evaluate(partnership(), events, day(300))
    assert silent.components["activity"] < fresh.components["activity"]
    assert silent.score < fresh.score
    silent_reason = next(r for r in silent.reasons if r.code == "silent")
    assert silent_reason.effect < 0
    assert silent_reason.params["days_since"] >= 150


def test_one_sided_referrals_lower_reciprocity():
    one_sided = []
    for n in range(0, 180, 10):
        one_sided += referral(n, "a", "b", f"a{n}")
    one_sided.append(h.Event(day(100), h.MEETING, "a"))
    balanced = engine.evaluate(partnership(), balanced_year(180), day(180))
    result = engine.evaluate(partnership(), one_sided, day(180))
    assert result.components["reciprocity"] < balanced.components["reciprocity"]
    reason = next(r for r in result.reasons if r.code == "referrals_one_sided")
    assert reason.params == {"party": "a", "partner": "b", "given": 18, "received": 0}


def test_slow_answers_lower_responsiveness():
    quick, slow = [], []
    for n in range(0, 120, 10):
        quick += referral(n, "a", "b", f"q{n}", answer_after=1)
        slow += referral(n, "a", "b", f"s{n}", answer_after=12)
    fast = engine.evaluate(partnership(), quick, day(140))
    late = engine.evaluate(partnership(), slow, day(140))
    assert fast.components["responsiveness"] == 1.0
    assert late.components["responsiveness"] < 0.3
    assert any(r.code == "slow_answers" and r.params["party"] == "b" for r in late.reasons)


def test_kpi_attainment_is_pro_rated_and_waits_for_the_grace_period():
    kpis = (h.KpiTarget("referrals_given", 36, party="a"),)  # 3 a month
    events = []
    for n in range(0, 120, 20):  # 1.5 a month: half the pace
        events += referral(n, "a", "b", f"a{n}")
    early = engine.evaluate(partnership(kpis=kpis), events[:2], day(30))
    assert early.components["outcomes"] is None
    later = engine.evaluate(partnership(kpis=kpis), events, day(120))
    assert 0.4 < later.components["outcomes"] < 0.6
    assert any(
        r.code == "kpi_behind" and r.params["kpi"] == "referrals_given" for r in later.reasons
    )


def test_factor_scores_and_trust_enter_the_score():
    base = balanced_year(200)
    good = [*base, review(190, "a", trust=5, commitment=5), review(191, "b", trust=5, commitment=5)]
    bad = [*base, review(190, "a", trust=1, commitment=2), review(191, "b", trust=1, commitment=2)]
    high = engine.evaluate(partnership(), good, day(195))
    low = engine.evaluate(partnership(), bad, day(195))
    assert high.components["factors"] > low.components["factors"]
    assert high.components["trust"] > low.components["trust"]
    assert high.score > low.score


def test_weights_come_from_the_network_settings():
    events = balanced_year(200)
    only_activity = HealthSettings.from_mapping(
        {f"weight_{c}": (1.0 if c == "activity" else 0.0) for c in COMPONENTS}
    )
    result = engine.evaluate(partnership(), events, day(200), only_activity)
    assert result.score == round(100 * result.components["activity"], 1)


def test_every_reason_code_is_known_with_its_parameters():
    events = [*balanced_year(200), review(195, "a", trust=1), review(196, "b", trust=4)]
    for as_of in (day(40), day(200), day(330)):
        for reason in engine.evaluate(partnership(), events, as_of).reasons:
            assert reason.code in codes.REASONS
            assert tuple(reason.params) == codes.REASONS[reason.code]
            assert reason.component in COMPONENTS


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories(), st.integers(0, 500))
def test_the_score_is_always_between_0_and_100(history, offset):
    ship, events = history
    as_of = max([day(offset), *[e.day for e in events]])
    result = engine.evaluate(ship, events, as_of)
    assert 0 <= result.score <= 100
    assert result.light in ("green", "yellow", "red", "grey")
    for value in result.components.values():
        assert value is None or 0 <= value <= 1


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(("trust", "commitment", "communication", "pace_alignment")),
             min_size=1, unique=True),
    st.lists(st.integers(1, 5), min_size=4, max_size=4),
)  # fmt: skip
def test_parties_scoring_alike_have_no_perception_gap(factors, values):
    scores = dict(zip(factors, values, strict=False))
    events = [*balanced_year(100), review(100, "a", **scores), review(101, "b", **scores)]
    result = engine.evaluate(partnership(), events, day(101))
    assert not [f for f in result.findings if f.kind == "perception_gap"]
    assert not [r for r in result.reasons if r.code == "perception_gap"]


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 12), st.integers(0, 11), st.integers(0, 150), st.booleans())
def test_a_reciprocal_referral_never_makes_reciprocity_worse(ahead, behind, when, with_meeting):
    behind = min(behind, ahead - 1)  # b has given fewer referrals than a
    events = [h.Event(day(0), h.MEETING, "a")] if with_meeting else []
    for n in range(ahead):
        events += referral(n * 5, "a", "b", f"a{n}")
    for n in range(behind):
        events += referral(n * 5 + 1, "b", "a", f"b{n}")
    as_of = day(160)
    before = engine.evaluate(partnership(), events, as_of).components["reciprocity"]
    after = engine.evaluate(
        partnership(), events + referral(when, "b", "a", "back"), as_of
    ).components["reciprocity"]
    assert after >= before


def test_reasons_of_a_row_are_the_same_in_a_table_of_many_as_alone():
    """The full recompute explains every row from arrays shared by all rows; a row alone (as
    the incremental path scores it) gets the same reasons."""
    import numpy as np

    from bench.health import synthetic
    from verbund.health.scoring import Scores, score

    facts, table, as_of = synthetic(300, 15_000, seed=5)
    from verbund.health import aggregates

    many = score(facts, aggregates.compute(facts, table, as_of))
    for row in range(0, 300, 7):
        kpi_rows = np.flatnonzero(facts.kpi_p == row)
        alone = Scores(
            facts=facts.row(row),
            columns=many.columns.take(row, kpi_rows),
            settings=many.settings,
            components={c: v[row : row + 1] for c, v in many.components.items()},
            score=many.score[row : row + 1],
            light=many.light[row : row + 1],
            silence=many.silence[row : row + 1],
            empty_after=many.empty_after[row : row + 1],
            attainment=many.attainment[kpi_rows],
            expected=many.expected[kpi_rows],
        )
        assert many.reasons(row) == alone.reasons(0)


BAD_NEWS = {"silent", "few_events", "initiative_one_sided", "slow_answers", "factors_weak",
            "perception_gap"}  # fmt: skip
GOOD_NEWS = {"recently_active", "busy", "quick_answers", "factors_strong"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories(), st.integers(0, 500))
def test_the_points_of_the_reasons_add_up_and_match_their_sentences(history, offset):
    """Each reason carries the points of its own part of a component: two reasons of one
    component never both show the component's points (they would count them twice), the listed
    points add up to the score's distance from 50, and bad news never carries a plus."""
    from verbund.health import aggregates, scoring

    ship, events = history
    as_of = max([day(offset), *[e.day for e in events]])
    facts = aggregates.Facts.from_partnerships([ship])
    state = aggregates.State.build(ship, [e for e in events if e.day <= as_of])
    scores = scoring.score(facts, state.columns(as_of, facts))
    reasons = scores.reasons(0, top=len(codes.REASONS))
    explained = {r.component for r in reasons}
    weights = HealthSettings().component_weights()
    applying = sum(
        w for c, w in weights.items() if scores.components[c][0] == scores.components[c][0]
    )
    expected = sum(100 * weights[c] * (scores.components[c][0] - 0.5) / applying for c in explained)
    assert abs(sum(r.effect for r in reasons) - expected) <= 0.051 * len(reasons)
    if cols_referrals_or_starts(scores):
        assert "reciprocity" in explained  # its points are never left without a sentence
    for r in reasons:
        assert not (r.code in BAD_NEWS and r.effect > 0), r
        assert not (r.code in GOOD_NEWS and r.effect < 0), r


def cols_referrals_or_starts(scores):
    """Reciprocity rests on referrals or on who starts meetings and activities (not on closed
    business alone, which has no sentence of its own)."""
    cols = scores.columns
    return bool(cols.win_ref[0].sum() > 0 or cols.win_init[0].sum() > 0)
