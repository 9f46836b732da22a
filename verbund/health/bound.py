"""How early could any rule see a one-way street on the simulated histories? A detection bound.

The simulator's one-way partner keeps ``ONE_WAY_FLOOR`` (5 %) of its referrals and of the
meetings and joint activities it starts. An oracle that knows what no product can — each
partnership's true referral rates and start shares before the change, the holiday calendar and
the size of the change — runs the optimal detector for such a change, Page's CUSUM of the
log-likelihood ratio (for a known change it has the smallest worst-case delay at a given
false-alarm rate: Lorden 1971, Moustakides 1986), for every party of every healthy, quiet and
one-way partnership, every day from ``first`` on.

Its false alarms are counted among healthy and quiet partnerships only (the product's among
every other pattern too), with the same rules as ``simulator.evaluate``: an alarm before the
planted start is a false alarm. So at each threshold its precision, recall and median lead bound
what a rule on the same histories can reach; the one inexactness is the simulator's two-week
ramp, which the oracle takes at its end level from the start (it costs the oracle at most those
two weeks of lead).

Pure: numpy and the simulator, no Django.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from verbund.health import history as h
from verbund.health import simulator

WATCHED = ("healthy", "quiet", "one_way")
THRESHOLDS = tuple(np.arange(3.0, 14.5, 0.5))


@dataclass(frozen=True)
class BoundPoint:
    threshold: float  # nats of evidence
    precision: float
    recall: float
    median_lead: float | None
    false_alarms: int  # healthy and quiet partnerships with an alarm


def evidence(sim: simulator.Simulated, party: str, days: int = simulator.DAYS) -> np.ndarray:
    """The CUSUM path, in nats, that `party` has stopped giving and starting things."""
    floor = simulator.ONE_WAY_FLOOR
    calendar = simulator.holiday_multiplier(days)
    rate = sum(r for (giver, _), r in sim.referral_rates.items() if giver == party)
    share = sim.start_shares[party]
    gave = np.zeros(days)
    started = np.zeros(days)
    others_started = np.zeros(days)
    for event in sim.events:
        day = (event.day - simulator.EPOCH).days
        if event.kind == h.REFERRAL_GIVEN and event.by == party:
            gave[day] += 1
        elif event.kind in (h.MEETING, h.JOINT_ACTIVITY):
            (started if event.by == party else others_started)[day] += 1
    # Per day: the referrals the partner would have given and did not (rate × (1 − floor)); each
    # referral or start of its own is ln(floor) against; each start by the others is the ratio
    # of the chances that it was not the partner's.
    step = (1 - floor) * rate * calendar + (gave + started) * math.log(floor)
    step += others_started * math.log((1 - floor * share) / (1 - share))
    path = np.empty(days)
    total = 0.0
    for day, change in enumerate(step.tolist()):
        total = max(0.0, total + change)
        path[day] = total
    return path


def _first_alarm(paths: list[np.ndarray], threshold: float, first: int) -> int | None:
    days = []
    for path in paths:
        # The running maximum is non-decreasing: the first day it reaches the threshold.
        peak = np.maximum.accumulate(path[first:])
        at = int(np.searchsorted(peak, threshold))
        if at < len(peak):
            days.append(at + first)
    return min(days) if days else None


def one_way_bound(
    sims: Sequence[simulator.Simulated],
    thresholds: Sequence[float] = THRESHOLDS,
    first: int = 30,
) -> list[BoundPoint]:
    """Precision, recall and median lead of the oracle at each threshold."""
    watched = []
    for sim in sims:
        if sim.pattern not in WATCHED:
            continue
        if sim.pattern == "one_way":
            # Only the planted partner changes; watching the other side too could only add alarms.
            parties = sim.partnership.parties[1:2]
        else:
            parties = sim.partnership.parties
        watched.append((sim, [evidence(sim, p) for p in parties]))
    planted = sum(sim.pattern == "one_way" for sim, _ in watched)
    points = []
    for threshold in thresholds:
        leads, false_alarms = [], 0
        for sim, paths in watched:
            day = _first_alarm(paths, threshold, first)
            if day is None:
                continue
            if sim.pattern == "one_way" and sim.start is not None and day >= sim.start:
                leads.append(day - sim.start)
            else:
                false_alarms += 1
        hits = len(leads)
        points.append(
            BoundPoint(
                threshold=float(threshold),
                precision=hits / max(1, hits + false_alarms),
                recall=hits / max(1, planted),
                median_lead=statistics.median(leads) if leads else None,
                false_alarms=false_alarms,
            )
        )
    return points


def earliest_at_precision(points: Sequence[BoundPoint], precision: float) -> BoundPoint | None:
    """The point with the shortest median lead that still has at least `precision`."""
    good = [p for p in points if p.precision >= precision and p.median_lead is not None]
    return min(good, key=lambda p: p.median_lead or 0.0, default=None)


def best_precision_within(points: Sequence[BoundPoint], lead_days: float) -> BoundPoint | None:
    """The most precise point whose median lead is at most `lead_days`."""
    early = [p for p in points if p.median_lead is not None and p.median_lead <= lead_days]
    return max(early, key=lambda p: p.precision, default=None)
