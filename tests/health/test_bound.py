"""The one-way detection bound: the oracle's evidence, its alarms and how the bench reads them."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from verbund.health import bound
from verbund.health import history as h
from verbund.health import simulator as sim

# Day 250 of the simulation is mid-September: no holiday in the next three months.
STOP = 250
LAST_REFERRAL = max(n for n in range(5, STOP, 10)) + 1  # b's, the day after a's


def _day(n: int) -> dt.date:
    return sim.EPOCH + dt.timedelta(days=n)


def _simulated(index: int, pattern: str, b_stops_at: int | None) -> sim.Simulated:
    """Two parties who each pass a referral every ten days; `b` stops at `b_stops_at`."""
    a, b = f"a{index}", f"b{index}"
    events = []
    for n in range(5, sim.DAYS, 10):
        events.append(h.Event(_day(n), h.REFERRAL_GIVEN, a, to=b, ref=f"a{n}"))
        if b_stops_at is None or n < b_stops_at:
            events.append(h.Event(_day(n + 1), h.REFERRAL_GIVEN, b, to=a, ref=f"b{n}"))
    partnership = h.Partnership(id=f"s{index}", parties=(a, b), created=sim.EPOCH, stage="agreed")
    return sim.Simulated(
        partnership,
        events,
        [(0, "agreed")],
        pattern,
        b_stops_at,
        referral_rates={(a, b): 0.1, (b, a): 0.1},
        start_shares={a: 0.5, b: 0.5},
    )


def test_a_partner_giving_at_its_usual_pace_leaves_no_evidence():
    healthy = _simulated(0, "healthy", None)
    for party in healthy.partnership.parties:
        # Ten days at 0.1 a day add 0.95 nats (less in the holidays); one referral takes 3 away.
        assert bound.evidence(healthy, party).max() < 1.0


def test_the_evidence_of_a_silence_grows_by_the_missed_rate():
    one_way = _simulated(1, "one_way", STOP)
    path = bound.evidence(one_way, one_way.partnership.parties[1])
    per_day = (1 - sim.ONE_WAY_FLOOR) * 0.1
    assert path[LAST_REFERRAL] == 0.0
    assert path[LAST_REFERRAL + 60] == pytest.approx(60 * per_day)


def test_the_bound_finds_the_silence_after_threshold_over_rate_days():
    sims = [_simulated(0, "healthy", None), _simulated(1, "one_way", STOP)]
    (point,) = bound.one_way_bound(sims, thresholds=[5.0])
    per_day = (1 - sim.ONE_WAY_FLOOR) * 0.1
    expected_alarm = LAST_REFERRAL + math.ceil(5.0 / per_day)
    assert (point.precision, point.recall, point.false_alarms) == (1.0, 1.0, 0)
    assert point.median_lead == expected_alarm - STOP


def test_an_alarm_before_the_planted_start_is_a_false_alarm():
    # b is silent from day 100 but the pattern is said to start on day 400.
    early = _simulated(1, "one_way", 100)
    early = sim.Simulated(
        early.partnership, early.events, early.stage_changes, "one_way", 400,
        referral_rates=early.referral_rates, start_shares=early.start_shares,
    )  # fmt: skip
    (point,) = bound.one_way_bound([early], thresholds=[5.0])
    assert (point.recall, point.false_alarms, point.median_lead) == (0.0, 1, None)


def test_patterns_outside_healthy_quiet_and_one_way_are_not_watched():
    fading = _simulated(2, "fading", 200)
    (point,) = bound.one_way_bound([fading, _simulated(1, "one_way", STOP)], thresholds=[5.0])
    assert point.false_alarms == 0


def test_the_bench_picks_the_earliest_precise_point_and_the_best_within_a_lead():
    points = [
        bound.BoundPoint(4.0, 0.3, 0.9, 50.0, 20),
        bound.BoundPoint(6.0, 0.8, 0.95, 80.0, 5),
        bound.BoundPoint(8.0, 0.95, 0.95, 100.0, 1),
        bound.BoundPoint(10.0, 1.0, 0.8, 130.0, 0),
    ]
    assert bound.earliest_at_precision(points, 0.9).threshold == 8.0
    assert bound.best_precision_within(points, 60).threshold == 4.0
    assert bound.best_precision_within(points, 30) is None


def test_simulated_partnerships_carry_their_true_rates():
    (one_way,) = [s for s in sim.generate(per_pattern=1, seed=3) if s.pattern == "one_way"]
    a, b = one_way.partnership.parties
    assert set(one_way.referral_rates) == {(a, b), (b, a)}
    assert all(0 < rate < 1 for rate in one_way.referral_rates.values())
    assert sum(one_way.start_shares.values()) == pytest.approx(1.0)
