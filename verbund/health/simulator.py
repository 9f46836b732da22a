"""Early-warning simulator: synthetic partnership histories with planted patterns, replayed daily.

Deterministic (seeded). Histories are generated from a behavioural model, not from the alert
rules: each partnership has its own pace (referrals per direction, meetings on a rhythm with
jitter and skips, joint activities, reviews at the agreed cadence with late submissions, answer
times, closed business, client ratings, shared costs and settlements) with seasonal lulls (summer
and Christmas). Healthy partnerships are not symmetric (up to about 2:1), and quiet ones meet
every two or three months: they must not alert. From a random start day one pattern changes the
behaviour (a partnership fades into emptiness, turns one-way, ...).

``replay`` evaluates every partnership on every day with the full recompute and the alert
lifecycle; ``evaluate`` scores the alerts per kind: precision, recall and lead time between the
pattern starting and the alert. An alert of a kind that follows naturally from the planted pattern
(a fading partnership also stops its reviews) is neither a hit nor a false alarm.

Changes after the first evaluation (decision 0005), each because the healthy behaviour generated
met the product's own definition of a pattern, or a planted pattern left no trace to find:

- Reviews: healthy parties report each factor on one of the two whole points around the round's
  level (a shared level with a little wobble per round, each party's view rounded). Before, each
  report was rounded independently, so a healthy pair was two points apart on some factor in most
  partnerships: a perception gap by issue 7's own definition. The planted gap: one party scores one
  or two factors two or three points below the lower of those two points.
- Reviews are submitted within three weeks of the due day, 8 % of them up to 20 days later still
  (at most 41 days); before, up to 61 days, and a review 45 days overdue IS `review_overdue`.
- Healthy partners settle every shared cost, 90 % within 7–45 days and the rest within 75 days,
  and a settlement evens out every party (before: 10 % of costs waited for the next settlement,
  months in a quiet partnership, and a three-party settlement paid only one of the debtors — an
  unsettled cost by definition). The planted pattern starts with a shared cost that is never
  settled (before, a start without a cost after it had nothing unsettled).
- Clients rate the service received on any answered referral (domain.md: the client's rating of
  the service received), a quarter of them, and half of the clients served badly; before, only
  won referrals were rated, so a planted poor service often had one rating or none.
- Healthy partners give every referral a first answer within five weeks (the lognormal answer
  time, about 2 days typical, had a tail: some 0.05 % of answers took 6–10 weeks, and a referral
  left six weeks without an answer IS `unanswered_referral`; round two, decision 0005).
- A planted pattern starts at least 140 days before the end, and 240 days for patterns whose
  evidence comes a few times a quarter (client ratings; reviews, where a gap or a decline shows
  against the partnership's own earlier rounds): one planted in the last weeks leaves no trace.
  A KPI shortfall too (round two): `kpi_shortfall` is attainment over the 180-day window, and a
  drop to a quarter of the pace pulls the window below half the target only after ~150 days.
- A one-way partner (round three) stops starting meetings and joint activities too, on the same
  ramp as its referrals; it still comes when asked, so the other side starts them instead (the
  number of meetings and activities is unchanged). A partner that turns into a taker lets the
  other side carry the partnership (domain.md: reciprocity includes who starts activities);
  before, the planted partner went on starting things at its old share.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from verbund.health import aggregates, alerts, engine
from verbund.health import history as h
from verbund.health.params import DEFAULTS, HealthSettings

EPOCH = dt.date(2025, 1, 6)
DAYS = 540
# A partner turning one-way keeps this share of its referrals and of the things it starts.
ONE_WAY_FLOOR = 0.05

# pattern -> (the alert kind it should raise, kinds that follow from it naturally)
PATTERNS: dict[str, tuple[str | None, frozenset[str]]] = {
    "healthy": (None, frozenset()),
    "quiet": (None, frozenset()),
    "new_contact": (None, frozenset()),
    "fading": (
        "empty_partnership",
        frozenset({"review_overdue", "kpi_shortfall", "unsettled_costs", "unanswered_referral"}),
    ),
    "one_way": ("one_way_street", frozenset({"kpi_shortfall"})),
    "slow_responder": ("unanswered_referral", frozenset()),
    "perception_gap": ("perception_gap", frozenset({"declining_trust"})),
    "declining_trust": ("declining_trust", frozenset({"perception_gap"})),
    "reviews_stop": ("review_overdue", frozenset()),
    "costs_unsettled": ("unsettled_costs", frozenset()),
    "kpi_shortfall": ("kpi_shortfall", frozenset({"one_way_street", "empty_partnership"})),
    "poor_service": ("poor_service_feedback", frozenset()),
    "unanswered_contact": ("unanswered_contact_request", frozenset({"stalled_stage"})),
    "stalled": ("stalled_stage", frozenset()),
}
FACTOR_KEYS = aggregates.FACTORS
# A pattern starts early enough to show in the data before the simulation ends: at least 140 days,
# and 240 for the patterns whose evidence comes slowly (client ratings, a few a quarter; reviews,
# one round a quarter: a decline or a gap needs two rounds to show against the partnership's own
# level; a KPI shortfall, measured over the 180-day window). A pattern planted in the last weeks
# leaves no trace any rule could find.
EVIDENCE_DAYS = {
    "poor_service": 240,
    "declining_trust": 240,
    "perception_gap": 240,
    "kpi_shortfall": 240,
}


@dataclass
class Simulated:
    partnership: h.Partnership
    events: list[h.Event]
    stage_changes: list[tuple[int, str]]  # (day index, stage), first = creation
    pattern: str
    start: int | None  # day index the pattern starts
    created: int = 0
    # The behavioural model's hidden truth, for the detection bound (verbund.health.bound):
    # referrals per ordinary day per (giver, receiver), and each party's share of the meetings
    # and joint activities started, before any pattern changes them.
    referral_rates: dict[tuple[str, str], float] = field(default_factory=dict)
    start_shares: dict[str, float] = field(default_factory=dict)

    @property
    def expected(self) -> str | None:
        return PATTERNS[self.pattern][0]

    @property
    def allowed(self) -> frozenset[str]:
        return PATTERNS[self.pattern][1]


def _day(index: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(index))


def holiday_multiplier(days: int) -> np.ndarray:
    """Activity multiplier per day: summer holidays and the turn of the year are quiet."""
    doy = np.array([_day(d).timetuple().tm_yday for d in range(days)])
    lull = ((doy >= 201) & (doy <= 222)) | (doy >= 356) | (doy <= 6)
    return np.where(lull, 0.15, 1.0)


@dataclass
class _Builder:
    rng: np.random.Generator
    parties: tuple[str, ...]
    days: int
    events: list[tuple[int, h.Event]] = field(default_factory=list)
    counter: int = 0

    def add(self, day: int, kind: str, by: str, **kw) -> None:
        if 0 <= day < self.days:
            self.events.append((day, h.Event(_day(day), kind, by, **kw)))

    def ref(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"


def _ramp(days: int, start: int | None, length: int, floor: float) -> np.ndarray:
    """1 before `start`, then linearly down to `floor` over `length` days."""
    m = np.ones(days)
    if start is None:
        return m
    t = np.arange(days) - start
    down = np.clip(t / max(length, 1), 0, 1)
    return np.where(t >= 0, 1 - (1 - floor) * down, 1.0)


def _simulate(index: int, pattern: str, seed: int, days: int) -> Simulated:
    rng = np.random.default_rng([seed, index])
    three = pattern in ("healthy", "quiet") and rng.random() < 0.1
    parties = tuple(f"c{index}{x}" for x in ("a", "b", "c")[: 3 if three else 2])
    a, b = parties[0], parties[1]
    b_ = _Builder(rng, parties, days)
    season = holiday_multiplier(days)
    quiet = pattern == "quiet"
    start: int | None = None
    created = 0
    stages: list[tuple[int, str]] = [(0, "agreed")]

    if pattern in ("new_contact", "unanswered_contact", "stalled"):
        created = int(rng.integers(60, days - 150))
        stages = [(created, "contacted" if pattern != "stalled" else "exploring")]
    elif rng.random() < 0.3:
        stages = [(0, "pilot"), (int(rng.integers(90, 220)), "agreed")]
    if pattern in PATTERNS and PATTERNS[pattern][0] and created == 0:
        start = int(rng.integers(150, days - EVIDENCE_DAYS.get(pattern, 140)))

    # -- a new contact: answered (and the partnership moves on) or left waiting ------------------
    active_from = created
    if pattern in ("new_contact", "unanswered_contact"):
        ref = b_.ref("cr")
        b_.add(created, h.CONTACT_REQUEST_SENT, a, to=b, ref=ref)
        if pattern == "unanswered_contact":
            start = created
            return _finish(index, pattern, b_, stages, start, created, None)
        answer = created + round(rng.lognormal(math.log(3), 0.8))
        b_.add(answer, h.CONTACT_REQUEST_ANSWERED, b, ref=ref)
        moved = answer + int(rng.integers(3, 20))
        stages.append((moved, "exploring"))
        piloting = moved + int(rng.integers(30, 100))
        stages.append((piloting, "pilot"))
        stages.append((piloting + int(rng.integers(90, 200)), "agreed"))
        active_from = moved
    if pattern == "stalled":
        start = created

    # -- pace ---------------------------------------------------------------------------------
    pace = rng.lognormal(0, 0.35)
    base = (1 / 55 if quiet else 1 / 16) * pace
    tilt = math.exp(rng.uniform(-0.4, 0.4))
    ref_rate = {(x, y): base / (len(parties) - 1) for x in parties for y in parties if x != y}
    ref_rate[a, b] *= tilt
    ref_rate[b, a] /= tilt
    meeting_every = int(rng.choice([60, 75, 90] if quiet else [14, 21, 30, 45]))
    activity_rate = (1 / 150 if quiet else 1 / 40) * pace
    review_every = 180 if quiet else 90
    lead_a = rng.uniform(0.3, 0.8)  # how often `a` starts things

    alive = np.arange(days) >= active_from
    everything = season * alive
    fade = _ramp(days, start, int(rng.integers(0, 31)), 0.0) if pattern == "fading" else 1.0
    everything = everything * fade
    b_to_a = _ramp(days, start if pattern == "one_way" else None, 14, ONE_WAY_FLOOR)
    fewer = _ramp(days, start, 14, 0.25) if pattern == "kpi_shortfall" else 1.0
    slow = pattern == "slow_responder"
    poor = pattern == "poor_service"

    # -- referrals, answers, outcomes, ratings ---------------------------------------------------
    for (x, y), rate in ref_rate.items():
        m = everything * fewer * (b_to_a if (x, y) == (b, a) else 1.0)
        counts = rng.poisson(rate * m)
        for day in np.repeat(np.arange(days), counts):
            ref = b_.ref("r")
            b_.add(int(day), h.REFERRAL_GIVEN, x, to=y, ref=ref)
            late = slow and y == b and day >= (start or days)
            if late and rng.random() < 0.3:
                continue  # never answered
            delay = rng.lognormal(math.log(25 if late else 2), 0.6 if late else 0.8)
            if not late and rng.random() < 0.03:
                delay += rng.uniform(5, 12)  # holiday, illness
            if not late and delay > 35:
                # A healthy partner chases a forgotten referral within five weeks: a client left
                # six weeks without a first answer IS `unanswered_referral`.
                delay = rng.uniform(21, 35)
            answered = int(day + round(delay))
            b_.add(answered, h.REFERRAL_ANSWERED, y, ref=ref)
            outcome = rng.random()
            closed = answered + int(rng.integers(15, 60))
            if outcome < 0.35:
                value = int(rng.lognormal(math.log(300_000), 0.8))
                b_.add(closed, h.REFERRAL_WON, y, ref=ref, amount_cents=value)
            elif outcome < 0.65:
                b_.add(answered + int(rng.integers(10, 50)), h.REFERRAL_LOST, y, ref=ref)
            # The client rates the service received (domain.md), won or not; a client served
            # badly says so more often than a content one.
            bad = poor and y == b and answered >= (start or days)
            if rng.random() < (0.5 if bad else 0.25):
                weights = [0.4, 0.35, 0.2, 0.05, 0.0] if bad else [0.0, 0.03, 0.12, 0.4, 0.45]
                rating = int(rng.choice([1, 2, 3, 4, 5], p=weights))
                b_.add(closed + int(rng.integers(3, 30)), h.SERVICE_RATED, y, ref=ref,
                       rating=rating)  # fmt: skip

    # -- meetings on a rhythm, joint activities, costs and settlements ---------------------------
    def starter(day: int) -> str:
        who = a if rng.random() < lead_a else str(rng.choice(parties[1:]))
        if pattern == "one_way" and who == b and rng.random() >= b_to_a[day]:
            # A partner turning into a taker stops starting things too (same ramp as its
            # referrals); it still comes when asked, so the other side starts them instead.
            who = a
        return who

    meeting = active_from + int(rng.integers(0, meeting_every))
    while meeting < days:
        if rng.random() < everything[meeting] * 0.9:
            b_.add(meeting, h.MEETING, starter(meeting))
        meeting += max(3, round(rng.normal(meeting_every, 4)))
    balance = {p: 0.0 for p in parties}
    settles = pattern != "costs_unsettled"
    for activity_day in np.repeat(np.arange(days), rng.poisson(activity_rate * everything)):
        who = starter(int(activity_day))
        campaign = rng.random() < 0.5
        b_.add(int(activity_day), h.JOINT_ACTIVITY, who, ref="campaign" if campaign else "project")
        if campaign:
            amount = int(rng.uniform(20_000, 300_000))
            b_.add(int(activity_day), h.COST_ITEM, who, amount_cents=amount)
            for party in parties:
                balance[party] -= amount / len(parties)
            balance[who] += amount
            # Healthy partners settle every cost, most within weeks, some within two or three
            # months (never after `unsettled_days`: a cost left longer IS unsettled costs).
            settled_after = rng.uniform(7, 45) if rng.random() < 0.9 else rng.uniform(45, 75)
            when = int(activity_day + settled_after)
            if settles or when < (start or days):
                _settle(b_, when, balance)
    if pattern == "costs_unsettled" and start is not None:
        # The pattern starts with a shared cost that is never settled (and none after it is).
        b_.add(start, h.JOINT_ACTIVITY, a, ref="campaign")
        b_.add(start, h.COST_ITEM, a, amount_cents=int(rng.uniform(20_000, 300_000)))

    # -- reviews --------------------------------------------------------------------------------
    # Both parties rate the same reality: each round the partnership stands at a level per factor
    # (a shared level, trust growing over the years, a little wobble from round to round), and
    # each party reports it as a whole point, its own view (a personal offset and a little noise)
    # rounded — but healthy parties never report the same reality two points apart: that is a
    # perception gap by definition (issue 7), so each report stays on one of the two whole points
    # around the round's level.
    shared = rng.normal(3.9, 0.35, len(FACTOR_KEYS))
    offset = {p: rng.normal(0, 0.25, len(FACTOR_KEYS)) for p in parties}
    gap_factors = rng.choice(len(FACTOR_KEYS), size=int(rng.integers(1, 3)), replace=False)
    relationship = [FACTOR_KEYS.index(f) for f in ("trust", "communication", "commitment")]
    due = active_from + review_every
    while due < days:
        years = (due - active_from) / 365
        reality = shared + rng.normal(0, 0.2, len(FACTOR_KEYS))
        reality[FACTOR_KEYS.index("trust")] += 0.4 * years
        since = due - (start or days)
        if pattern == "declining_trust" and since >= 0:
            reality[relationship] -= min(since / 120, 1.0) * rng.uniform(1.2, 2)
        low, high = np.floor(reality), np.floor(reality) + 1
        for party in parties:
            # Healthy partners submit within three weeks, some within six (a review 45 days
            # after its due day IS overdue).
            delay = rng.uniform(0, 21) + (rng.uniform(5, 20) if rng.random() < 0.08 else 0)
            submitted = int(due + delay)
            if submitted >= days or not everything[min(submitted, days - 1)] > 0:
                continue
            if pattern == "reviews_stop" and submitted >= (start or days):
                continue
            view = reality + offset[party] + rng.normal(0, 0.25, len(FACTOR_KEYS))
            scores = np.clip(np.round(view), low, high)
            if pattern == "perception_gap" and party == b and submitted >= (start or days):
                # One party sees one or two factors two or three points worse than the reality.
                scores[gap_factors] = low[gap_factors] - rng.integers(2, 4, len(gap_factors))
            values = np.clip(scores, 1, 5).astype(int)
            scored = dict(zip(FACTOR_KEYS, map(int, values), strict=True))
            b_.add(submitted, h.REVIEW, party, scores=scored)
        due += review_every

    # -- the agreement's KPI: referrals each side passes, a little below its own pace -----------
    kpis = []
    if created == 0:
        for x in (a, b):
            per_year = sum(r for (g, _), r in ref_rate.items() if g == x) * 365 * 0.92
            kpis.append(h.KpiTarget("referrals_given", max(2.0, round(0.8 * per_year)), party=x))
    agreement = h.Agreement(start=_day(active_from), review_every_days=review_every,
                            kpis=tuple(kpis))  # fmt: skip
    shares = {p: (1 - lead_a) / (len(parties) - 1) for p in parties[1:]} | {a: lead_a}
    return replace(
        _finish(index, pattern, b_, stages, start, created, agreement),
        referral_rates=dict(ref_rate),
        start_shares=shares,
    )


def _settle(b_: _Builder, day: int, balance: dict[str, float]) -> None:
    """Everybody is paid: the party owed most by the one owing most, until all are even."""
    while True:
        owed = max(balance, key=lambda p: balance[p])
        owes = min(balance, key=lambda p: balance[p])
        amount = round(min(balance[owed], -balance[owes]))
        if amount <= 0:
            return
        b_.add(day, h.SETTLEMENT, owes, to=owed, amount_cents=amount)
        balance[owed] -= amount
        balance[owes] += amount


def _finish(index, pattern, b_, stages, start, created, agreement) -> Simulated:
    b_.events.sort(key=lambda x: x[0])
    last_stage_day, stage = stages[-1]
    partnership = h.Partnership(
        id=f"s{index}",
        parties=b_.parties,
        created=_day(created),
        stage=stage,
        stage_since=_day(last_stage_day),
        agreement=agreement,
    )
    return Simulated(partnership, [e for _, e in b_.events], stages, pattern, start, created)


def generate(per_pattern: int = 80, seed: int = 7, days: int = DAYS) -> list[Simulated]:
    """Partnerships of every pattern; healthy and quiet ones are three and two times as many."""
    plan: list[str] = []
    for pattern in PATTERNS:
        plan += [pattern] * per_pattern * {"healthy": 3, "quiet": 2}.get(pattern, 1)
    return [_simulate(i, pattern, seed, days) for i, pattern in enumerate(plan)]


@dataclass(frozen=True)
class Opening:
    sim: int
    kind: str
    subject: str
    day: int


def replay(
    sims: list[Simulated],
    settings: HealthSettings = DEFAULTS,
    days: int = DAYS,
    first: int = 30,
    progress: Callable[[int], None] | None = None,
) -> list[Opening]:
    """Evaluate every partnership every day (full recompute) and run the alert lifecycle."""
    facts = aggregates.Facts.from_partnerships([s.partnership for s in sims])
    table = aggregates.EventTable.from_histories(facts, [s.events for s in sims])
    created = np.array([s.created for s in sims])
    open_alerts: list[dict[tuple[str, str], alerts.OpenAlert]] = [{} for _ in sims]
    openings: list[Opening] = []
    for t in range(first, days):
        stage, since = [], []
        for s in sims:
            current = max((c for c in s.stage_changes if c[0] <= t), default=s.stage_changes[0])
            stage.append(current[1])
            since.append(aggregates.day_number(_day(current[0])))
        day_facts = replace(facts, stage=stage, stage_since=np.array(since, dtype=np.int64))
        _, found = engine.recompute(day_facts, table, aggregates.day_number(_day(t)), settings)
        rows = alerts.by_row(found, len(sims))
        for i, row_findings in enumerate(rows):
            if created[i] > t or (not row_findings and not open_alerts[i]):
                continue
            result = alerts.reconcile(open_alerts[i].values(), row_findings)
            for alert in result.resolved:
                del open_alerts[i][alert.key]
            for finding in result.opened:
                open_alerts[i][finding.key] = alerts.OpenAlert(
                    finding.kind, finding.subject, finding.since
                )
                openings.append(Opening(i, finding.kind, finding.subject, t))
        if progress:
            progress(t)
    return openings


@dataclass(frozen=True)
class KindResult:
    kind: str
    planted: int
    hits: int
    false_alarms: int
    precision: float
    recall: float
    median_lead: float | None
    p90_lead: float | None


def evaluate(sims: list[Simulated], openings: list[Opening]) -> list[KindResult]:
    """Per kind, counted in partnerships: precision, recall and the lead time of the first alert.

    An alert is a hit when its partnership has the pattern of that kind and it opened on or after
    the pattern's start; it is ignored when the kind follows from the planted pattern; anything
    else (including an alert before the pattern started) makes its partnership a false alarm.
    Precision = hits / (hits + partnerships with a false alarm).
    """
    first: dict[tuple[int, str], int] = {}
    false: dict[str, set[int]] = {k: set() for k in alerts.KINDS}
    for o in sorted(openings, key=lambda o: o.day):
        sim = sims[o.sim]
        if sim.expected == o.kind and o.day >= (sim.start or 0):
            first.setdefault((o.sim, o.kind), o.day)
        elif o.kind not in sim.allowed:
            false[o.kind].add(o.sim)
    results = []
    for kind in alerts.KINDS:
        planted = [i for i, s in enumerate(sims) if s.expected == kind]
        hits = [i for i in planted if (i, kind) in first]
        false_alarms = len(false[kind])
        leads = sorted(first[i, kind] - (sims[i].start or 0) for i in hits)
        results.append(
            KindResult(
                kind=kind,
                planted=len(planted),
                hits=len(hits),
                false_alarms=false_alarms,
                precision=len(hits) / max(1, len(hits) + false_alarms),
                recall=len(hits) / max(1, len(planted)),
                median_lead=statistics.median(leads) if leads else None,
                p90_lead=float(np.percentile(leads, 90)) if leads else None,
            )
        )
    return results
