"""The early-warning simulator: deterministic, patterns change behaviour, evaluation is right."""

from __future__ import annotations

import pytest

from verbund.health import history as h
from verbund.health import simulator as sim
from verbund.health.params import HealthSettings


@pytest.fixture(scope="module")
def sims():
    return sim.generate(per_pattern=1, seed=3)


def test_generation_is_deterministic(sims):
    again = sim.generate(per_pattern=1, seed=3)
    assert [s.events for s in sims] == [s.events for s in again]
    other = sim.generate(per_pattern=1, seed=4)
    assert [s.events for s in sims] != [s.events for s in other]


def test_every_pattern_is_planted_with_a_start_when_it_expects_an_alert(sims):
    assert {s.pattern for s in sims} == set(sim.PATTERNS)
    for s in sims:
        assert (s.start is not None) == (s.expected is not None), s.pattern


def test_a_fading_partnership_goes_silent_after_its_start(sims):
    fading = next(s for s in sims if s.pattern == "fading")
    after = [
        e for e in fading.events
        if e.kind in h.ACTIVITY_KINDS and (e.day - sim.EPOCH).days > fading.start + 30
    ]  # fmt: skip
    before = [e for e in fading.events if (e.day - sim.EPOCH).days < fading.start]
    assert after == [] and len(before) > 10


def test_one_way_turns_the_flow(sims):
    one_way = next(s for s in sims if s.pattern == "one_way")
    a, b = one_way.partnership.parties[:2]
    late = [
        e for e in one_way.events
        if e.kind == h.REFERRAL_GIVEN and (e.day - sim.EPOCH).days > one_way.start + 14
    ]  # fmt: skip
    assert sum(e.by == a for e in late) > 3 * max(1, sum(e.by == b for e in late))


def test_evaluation_counts_hits_false_alarms_and_lead_time(sims):
    fading = sims.index(next(s for s in sims if s.pattern == "fading"))
    healthy = sims.index(next(s for s in sims if s.pattern == "healthy"))
    start = sims[fading].start
    openings = [
        sim.Opening(fading, "empty_partnership", "", start + 40),
        sim.Opening(fading, "review_overdue", "", start + 90),  # follows from fading: ignored
        sim.Opening(healthy, "empty_partnership", "", 200),  # false alarm
    ]
    result = {r.kind: r for r in sim.evaluate(sims, openings)}
    empty = result["empty_partnership"]
    assert (empty.hits, empty.false_alarms, empty.median_lead) == (1, 1, 40)
    assert empty.precision == 0.5 and empty.recall == 1.0
    assert result["review_overdue"].false_alarms == 0


def test_an_alert_before_the_pattern_started_is_a_false_alarm(sims):
    fading = sims.index(next(s for s in sims if s.pattern == "fading"))
    early = [sim.Opening(fading, "empty_partnership", "", sims[fading].start - 5)]
    result = {r.kind: r for r in sim.evaluate(sims, early)}["empty_partnership"]
    assert (result.hits, result.false_alarms) == (0, 1)


def test_replay_finds_a_planted_fade(sims):
    chosen = [s for s in sims if s.pattern in ("fading", "healthy")]
    openings = sim.replay(chosen, HealthSettings())
    fading = chosen.index(next(s for s in chosen if s.pattern == "fading"))
    assert any(o.sim == fading and o.kind == "empty_partnership" for o in openings)


def test_healthy_parties_never_report_the_same_reality_two_points_apart():
    healthy = [s for s in sim.generate(per_pattern=4, seed=5) if s.expected is None]
    for s in healthy:
        reviews = [e for e in s.events if e.kind == h.REVIEW]
        for x in reviews:
            for y in reviews:
                if x.by != y.by and abs((x.day - y.day).days) <= 30:  # the same round
                    assert all(abs(x.scores[f] - y.scores[f]) <= 1 for f in x.scores), s.pattern


def test_planted_patterns_leave_time_to_show_before_the_end():
    for s in sim.generate(per_pattern=3, seed=5):
        if s.start is not None and s.created == 0:
            assert s.start <= sim.DAYS - sim.EVIDENCE_DAYS.get(s.pattern, 140)
