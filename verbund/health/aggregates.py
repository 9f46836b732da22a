"""The running aggregates of a partnership's history, kept two ways that must agree exactly.

- :class:`State` is updated one event at a time (``apply``) and is what the Django side stores per
  partnership: weekly counters for the rolling window, exponentially decayed "recent" counters, the
  open referrals and contact requests, cumulative KPI actuals since the agreement started, the
  cost balances with the day they became unsettled, and the (few) reviews. Adding an event costs
  O(parties²); the window slides by dropping old weeks, the decayed counters by one multiplication.
- :func:`compute` builds the same aggregates for many partnerships at once from a columnar
  :class:`EventTable` with numpy (the full recompute).

Both produce :class:`Columns` (aggregates as of one day, one row per partnership), which is all
that ``scoring`` and ``alerts`` read. Days are ``date.toordinal()`` integers.

Incremental updates assume events arrive in day order (how they are recorded). An event dated
before the state's last day (a back-dated entry) is still folded in exactly for the counters, but
the cost ledger's "unsettled since" day depends on order: ``State.apply`` returns False for such
events and the caller rebuilds that one partnership (``State.build``), which is cheap.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np

from verbund.health import history as h
from verbund.health.params import DEFAULTS, HealthSettings
from verbund.lib import catalogues

FACTORS: tuple[str, ...] = tuple(catalogues.keys("factors"))
TRUST = "trust"
# The factors a decline of trust shows in (the relationship, not the resources): the
# `declining_trust` alert reads their mean, which a whole-point rounding of one factor does not
# move as much as it moves the trust score alone.
RELATIONSHIP_FACTORS = ("trust", "communication", "commitment")
NONE = -1
KIND_CODE = {kind: code for code, kind in enumerate(h.EVENT_KINDS)}
# Cost balances within a euro of zero count as settled (rounding of split costs).
SETTLED_TOLERANCE_CENTS = 100
# Client ratings kept per party: poor service shows in the latest few, not in a long average.
LAST_RATINGS = 3


def _packed_size(k: int) -> int:
    """Weekly counters: activity, referrals and won value per pair, then per party: started,
    ratings, rating sum, credit from cost items."""
    return 1 + 2 * k * k + 4 * k


def day_number(day: dt.date) -> int:
    return day.toordinal()


def week_of(day: Any) -> Any:
    """Week number of a day (int or array); counters are kept per week so the window can slide."""
    return day // 7


def kpi_targets(partnership: h.Partnership) -> list[tuple[str, int, float, int]]:
    """The agreement's KPI targets as a state keeps them: (kpi, party index or NONE, target,
    period days). A state whose targets differ from the agreement's is rebuilt."""
    agreement = partnership.agreement
    return [
        (
            kpi.kpi,
            partnership.parties.index(kpi.party) if kpi.party else NONE,
            float(kpi.target),
            int(kpi.period_days),
        )
        for kpi in (agreement.kpis if agreement else ())
    ]


def kpi_drift(target: Any, period: Any, settings: HealthSettings) -> Any:
    """Units per day the `kpi_shortfall` statistic grows by without contributions (int or array;
    one expression for both paths, so they agree to the last bit)."""
    return settings.kpi_pace * target / period


# ---------------------------------------------------------------------------------------------
# Facts: what is not an event (parties, stage, agreement), columnar
# ---------------------------------------------------------------------------------------------


@dataclass
class Facts:
    ids: list[str]
    parties: list[tuple[str, ...]]
    created: np.ndarray  # [N] day
    stage: list[str]
    stage_since: np.ndarray  # [N] day
    agreement_start: np.ndarray  # [N] day or NONE
    review_every: np.ndarray  # [N] days, 0 = no cadence
    # KPI targets, one row each
    kpi_p: np.ndarray  # [M] partnership row
    kpi_key: list[str]
    kpi_party: np.ndarray  # [M] party index, NONE = total
    kpi_target: np.ndarray  # [M]
    kpi_period: np.ndarray  # [M]
    kpi_at_most: np.ndarray  # [M] bool

    @property
    def size(self) -> int:
        return len(self.ids)

    @property
    def max_parties(self) -> int:
        return max((len(p) for p in self.parties), default=2)

    @classmethod
    def from_partnerships(cls, partnerships: Sequence[h.Partnership]) -> Facts:
        kpi_p, kpi_key, kpi_party, kpi_target, kpi_period, kpi_at_most = [], [], [], [], [], []
        for row, ship in enumerate(partnerships):
            for kpi in ship.agreement.kpis if ship.agreement else ():
                kpi_p.append(row)
                kpi_key.append(kpi.kpi)
                kpi_party.append(ship.parties.index(kpi.party) if kpi.party else NONE)
                kpi_target.append(kpi.target)
                kpi_period.append(kpi.period_days)
                kpi_at_most.append(kpi.direction == h.AT_MOST)
        return cls(
            ids=[p.id for p in partnerships],
            parties=[p.parties for p in partnerships],
            created=np.array([day_number(p.created) for p in partnerships], dtype=np.int64),
            stage=[p.stage for p in partnerships],
            stage_since=np.array([day_number(p.stage_day) for p in partnerships], np.int64),
            agreement_start=np.array(
                [day_number(p.agreement.start) if p.agreement else NONE for p in partnerships],
                dtype=np.int64,
            ),
            review_every=np.array(
                [(p.agreement.review_every_days or 0) if p.agreement else 0 for p in partnerships],
                dtype=np.int64,
            ),
            kpi_p=np.array(kpi_p, dtype=np.int64),
            kpi_key=kpi_key,
            kpi_party=np.array(kpi_party, dtype=np.int64),
            kpi_target=np.array(kpi_target, dtype=np.float64),
            kpi_period=np.array(kpi_period, dtype=np.float64),
            kpi_at_most=np.array(kpi_at_most, dtype=bool),
        )

    def row(self, index: int) -> Facts:
        """One partnership's facts (as an N=1 table)."""
        mask = np.flatnonzero(self.kpi_p == index)
        return Facts(
            ids=[self.ids[index]],
            parties=[self.parties[index]],
            created=self.created[index : index + 1],
            stage=[self.stage[index]],
            stage_since=self.stage_since[index : index + 1],
            agreement_start=self.agreement_start[index : index + 1],
            review_every=self.review_every[index : index + 1],
            kpi_p=np.zeros(len(mask), dtype=np.int64),
            kpi_key=[self.kpi_key[j] for j in mask],
            kpi_party=self.kpi_party[mask],
            kpi_target=self.kpi_target[mask],
            kpi_period=self.kpi_period[mask],
            kpi_at_most=self.kpi_at_most[mask],
        )


# ---------------------------------------------------------------------------------------------
# Columns: the aggregates as of one day
# ---------------------------------------------------------------------------------------------


@dataclass
class Columns:
    as_of: int
    n_parties: np.ndarray  # [N]
    first_day: np.ndarray  # [N] first event, NONE
    events_total: np.ndarray  # [N] activity events ever (up to as_of)
    last_activity: np.ndarray  # [N] NONE
    win_act: np.ndarray  # [N] activity events in the window
    win_ref: np.ndarray  # [N,K,K] referrals given i -> j in the window
    win_won: np.ndarray  # [N,K,K] closed value (cents) of referrals i -> j won in the window
    win_init: np.ndarray  # [N,K] joint activities and meetings started by i in the window
    win_rating_n: np.ndarray  # [N,K] client ratings of i's service in the window
    win_rating_sum: np.ndarray  # [N,K]
    last_ratings: np.ndarray  # [N,K,LAST_RATINGS] newest first, NaN = fewer ratings
    rec_ref: np.ndarray  # [N,K,K] referrals i -> j, decayed (recent)
    last_ref: np.ndarray  # [N,K,K] day of the last referral i -> j, NONE
    ref_total: np.ndarray  # [N,K,K] referrals i -> j ever
    # [N,K,K] activity events on days after the last referral i -> j (all of them if none), and
    # referrals j -> i on those days: the silence of i towards j, measured on the pair's own clock
    since_act: np.ndarray
    since_fwd: np.ndarray
    rec_init: np.ndarray  # [N,K]
    # [N,K] joint activities and meetings i started ever, the day of its last one (NONE), and
    # how many the others started on the days after it (all of theirs if i never started one):
    # whether a partner still carries its part of the partnership, on the others' own clock
    init_total: np.ndarray
    last_init: np.ndarray
    init_run: np.ndarray
    pend_ref_n: np.ndarray  # [N,K] referrals received by i, not answered yet
    pend_ref_oldest: np.ndarray  # [N,K] day the oldest of them was given, NONE
    pend_cr_n: np.ndarray  # [N,K] contact requests to i, not answered yet
    pend_cr_oldest: np.ndarray  # [N,K]
    ans_n: np.ndarray  # [N,K] first answers by i (referrals and contact requests), decayed
    ans_sum: np.ndarray  # [N,K] their delays in days, decayed
    # [N,K] their log(1 + delay in days), decayed: the typical answer time (geometric mean), which
    # one late answer among quick ones does not turn into "usually slow"
    ans_log: np.ndarray
    rev_count: np.ndarray  # [N,K]
    rev_last_day: np.ndarray  # [N,K] NONE
    rev_last: np.ndarray  # [N,K,F] latest scores, NaN = not scored
    rev_prev: np.ndarray  # [N,K,F] the review before
    trust_now: np.ndarray  # [N] trust trajectory after the latest review, NaN
    trust_before: np.ndarray  # [N] ... before the latest round of reviews, NaN
    # [N] mean of the relationship factors over all reviews before the latest round, and how many
    # reviews that baseline rests on
    relationship_base: np.ndarray
    relationship_base_n: np.ndarray
    balance: np.ndarray  # [N,K] cents; positive = the others owe i
    unsettled_since: np.ndarray  # [N] NONE = settled
    recent_credit: (
        np.ndarray
    )  # [N,K] what cost items of the last `unsettled_days` put to i's credit
    kpi_actual: np.ndarray  # [M] per KPI target row of the facts
    # [M] the KPI's current shortfall run (`kpi_shortfall`): the first day after it was last on
    # track against `kpi_pace` times its pro-rated target (the agreement start if never; NONE =
    # unknown), and its actual since then
    kpi_run_from: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    kpi_run_actual: np.ndarray = field(default_factory=lambda: np.zeros(0))

    @property
    def size(self) -> int:
        return len(self.n_parties)

    def take(self, row: int, kpi_rows: np.ndarray) -> Columns:
        """Row `row` alone (with its KPI target rows), to explain one partnership cheaply."""
        values = {
            name: getattr(self, name)[row : row + 1]
            for name in self.__dataclass_fields__
            if name not in ("as_of", *KPI_COLUMNS)
        }
        kpis = {name: getattr(self, name)[kpi_rows] for name in KPI_COLUMNS}
        return Columns(as_of=self.as_of, **kpis, **values)


# The columns with one entry per KPI target row (not per partnership).
KPI_COLUMNS = ("kpi_actual", "kpi_run_from", "kpi_run_actual")


# ---------------------------------------------------------------------------------------------
# Incremental state of one partnership
# ---------------------------------------------------------------------------------------------


@dataclass
class State:
    """Running aggregates of one partnership (what the Django side stores)."""

    parties: tuple[str, ...]
    settings: HealthSettings = DEFAULTS
    agreement_start: int = NONE
    factors: tuple[str, ...] = FACTORS
    first_day: int = NONE
    last_day: int = NONE
    events_total: int = 0
    last_activity: int = NONE
    # week -> counters (act, ref K*K, won K*K, init K, rating_n K, rating_sum K, credit K)
    weeks: dict[int, np.ndarray] = field(default_factory=dict)
    # decayed counters (ref K*K, init K, ans_n K, ans_sum K, ans_log K) valid at `recent_day`; the
    # vector is longer than that (older layouts): stored states keep their length, and states
    # stored before ans_log existed have zeros there (typical answer 0 days until a rebuild, so no
    # false alarm)
    recent: np.ndarray = field(default_factory=lambda: np.zeros(0))
    recent_day: int = NONE
    last_ref: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # per ordered pair (K*K): referrals ever, activity events and referrals back since the last one
    ref_total: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    since_act: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    since_fwd: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    # per party (K): initiatives started ever, the day of the last one, and the others' since then
    init_total: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    last_init: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    init_run: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    pending_referrals: dict[str, tuple[int, int]] = field(default_factory=dict)  # ref: (to, day)
    referral_givers: dict[str, int] = field(default_factory=dict)
    pending_contacts: dict[str, tuple[int, int]] = field(default_factory=dict)
    kpis: dict[tuple[int, str, int], float] = field(default_factory=dict)  # (week, kpi, party)
    ratings: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # party: last ratings
    reviews: list[tuple[int, int, np.ndarray]] = field(default_factory=list)
    balance: np.ndarray = field(default_factory=lambda: np.zeros(0))
    unsettled_since: int = NONE
    # The agreement's KPI targets (`kpi_targets`) and per target the `kpi_shortfall` run: the
    # KPI's total since the agreement started, the lowest value of the walk "drift x days since
    # the start - total" (0 before the first contribution), the day it was reached (the last day
    # the KPI was on track) and the total then. Four numbers per target, however long it runs.
    kpi_targets: list[tuple[str, int, float, int]] = field(default_factory=list)
    kpi_runs: list[list[float]] = field(default_factory=list)
    # Set by `from_json` for a state stored before a counter existed that cannot be started at
    # zero without a false signal: the caller rebuilds it from the rows (not stored).
    needs_rebuild: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        k = len(self.parties)
        if not len(self.recent):
            self.recent = np.zeros(2 * k * k + 3 * k)
        if not len(self.balance):
            self.balance = np.zeros(k)
        if not len(self.last_ref):
            self.last_ref = np.full(k * k, NONE, dtype=np.int64)
        for name in ("ref_total", "since_act", "since_fwd"):
            if not len(getattr(self, name)):
                setattr(self, name, np.zeros(k * k, dtype=np.int64))
        for name in ("init_total", "init_run"):
            if not len(getattr(self, name)):
                setattr(self, name, np.zeros(k, dtype=np.int64))
        if not len(self.last_init):
            self.last_init = np.full(k, NONE, dtype=np.int64)
        self._index = {party: i for i, party in enumerate(self.parties)}
        if len(self.kpi_runs) != len(self.kpi_targets):
            start = float(self.agreement_start - 1)
            self.kpi_runs = [[0.0, 0.0, start, 0.0] for _ in self.kpi_targets]

    @classmethod
    def build(
        cls,
        partnership: h.Partnership,
        events: Iterable[h.Event],
        settings: HealthSettings = DEFAULTS,
        factors: tuple[str, ...] = FACTORS,
    ) -> State:
        """The state from a whole history (day order; same-day events keep their order)."""
        agreement = partnership.agreement
        state = cls(
            parties=partnership.parties,
            settings=settings,
            agreement_start=day_number(agreement.start) if agreement else NONE,
            factors=factors,
            kpi_targets=kpi_targets(partnership),
        )
        for event in sorted(events, key=lambda e: e.day):
            state.apply(event)
        return state

    # -- storage ----------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """Plain JSON values (for a JSON column); `from_json` with the same settings restores it."""

        def floats(values: np.ndarray) -> list[float | None]:
            return [None if v != v else float(v) for v in values.tolist()]

        return {
            "parties": list(self.parties),
            "agreement_start": self.agreement_start,
            "factors": list(self.factors),
            "first_day": self.first_day,
            "last_day": self.last_day,
            "events_total": self.events_total,
            "last_activity": self.last_activity,
            "weeks": {str(week): floats(c) for week, c in self.weeks.items()},
            "recent": floats(self.recent),
            "recent_day": self.recent_day,
            "last_ref": self.last_ref.tolist(),
            "ref_total": self.ref_total.tolist(),
            "since_act": self.since_act.tolist(),
            "since_fwd": self.since_fwd.tolist(),
            "init_total": self.init_total.tolist(),
            "last_init": self.last_init.tolist(),
            "init_run": self.init_run.tolist(),
            "pending_referrals": {r: list(v) for r, v in self.pending_referrals.items()},
            "referral_givers": dict(self.referral_givers),
            "pending_contacts": {r: list(v) for r, v in self.pending_contacts.items()},
            "kpis": [[w, kpi, party, v] for (w, kpi, party), v in self.kpis.items()],
            "ratings": {str(p): [list(r) for r in rs] for p, rs in self.ratings.items()},
            "reviews": [[day, party, floats(scores)] for day, party, scores in self.reviews],
            "balance": floats(self.balance),
            "unsettled_since": self.unsettled_since,
            "kpi_targets": [list(t) for t in self.kpi_targets],
            "kpi_runs": [list(r) for r in self.kpi_runs],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], settings: HealthSettings = DEFAULTS) -> State:
        def array(values: list[float | None]) -> np.ndarray:
            return np.array([np.nan if v is None else v for v in values], dtype=np.float64)

        # States stored before the initiative counters existed (2026-11, round three) come back
        # with `needs_rebuild` and the caller rebuilds them from the rows: started at zero, every
        # partner would look as if it had never started anything, and its run would grow into a
        # false signal.
        needs_rebuild = "init_run" not in data
        return cls(
            parties=tuple(data["parties"]),
            settings=settings,
            agreement_start=data["agreement_start"],
            factors=tuple(data["factors"]),
            first_day=data["first_day"],
            last_day=data["last_day"],
            events_total=data["events_total"],
            last_activity=data["last_activity"],
            weeks={int(w): array(c) for w, c in data["weeks"].items()},
            recent=array(data["recent"]),
            recent_day=data["recent_day"],
            last_ref=np.array(data["last_ref"], dtype=np.int64),
            # states stored before these counters existed start them at zero (no false alarm;
            # a rebuild makes them exact)
            ref_total=np.array(data.get("ref_total", []), dtype=np.int64),
            since_act=np.array(data.get("since_act", []), dtype=np.int64),
            since_fwd=np.array(data.get("since_fwd", []), dtype=np.int64),
            init_total=np.array(data.get("init_total", []), dtype=np.int64),
            last_init=np.array(data.get("last_init", []), dtype=np.int64),
            init_run=np.array(data.get("init_run", []), dtype=np.int64),
            pending_referrals={r: (v[0], v[1]) for r, v in data["pending_referrals"].items()},
            referral_givers=dict(data["referral_givers"]),
            pending_contacts={r: (v[0], v[1]) for r, v in data["pending_contacts"].items()},
            kpis={(w, kpi, party): v for w, kpi, party, v in data["kpis"]},
            ratings={int(p): [(r[0], r[1]) for r in rs] for p, rs in data["ratings"].items()},
            reviews=[(day, party, array(scores)) for day, party, scores in data["reviews"]],
            balance=array(data["balance"]),
            unsettled_since=data["unsettled_since"],
            # States stored before the runs existed have no targets: no `kpi_shortfall` run is
            # known (the counted KPIs raise no alert) until the state is rebuilt, which the Django
            # side does on load because its targets differ from the agreement's.
            kpi_targets=[
                (str(k), int(p), float(t), int(d)) for k, p, t, d in data.get("kpi_targets", [])
            ],
            kpi_runs=[[float(x) for x in r] for r in data.get("kpi_runs", [])],
            needs_rebuild=needs_rebuild,
        )

    # -- layout of the packed vectors -----------------------------------------------------------
    @property
    def k(self) -> int:
        return len(self.parties)

    def _week(self, day: int) -> np.ndarray:
        week = week_of(day)
        counters = self.weeks.get(week)
        if counters is None:
            k = self.k
            counters = self.weeks[week] = np.zeros(_packed_size(k))
        return counters

    def _decay_to(self, day: int) -> float:
        """Weight of an event of `day` in the decayed counters; moves them forward if later."""
        if self.recent_day == NONE:
            self.recent_day = day
        if day >= self.recent_day:
            self.recent *= math.exp(-(day - self.recent_day) / self.settings.recent_days)
            self.recent_day = day
            return 1.0
        return math.exp(-(self.recent_day - day) / self.settings.recent_days)

    def _party(self, key: str | None) -> int:
        if key is None or key not in self._index:
            raise ValueError(f"{key!r} is not a party of this partnership")
        return self._index[key]

    # -- the one update -------------------------------------------------------------------------
    def apply(self, event: h.Event) -> bool:
        """Fold one event in. False: it was back-dated, rebuild this partnership to be exact."""
        day = day_number(event.day)
        in_order = self.last_day == NONE or day >= self.last_day
        self.last_day = max(self.last_day, day)
        if self.first_day == NONE or day < self.first_day:
            self.first_day = day
        k, kind = self.k, event.kind
        by = self._party(event.by)
        self._prune(self.last_day)
        counters = self._week(day)
        if kind in h.ACTIVITY_KINDS:
            self.events_total += 1
            self.last_activity = max(self.last_activity, day)
            counters[0] += 1
            self.since_act[self.last_ref < day] += 1
        ref_at, won_at, init_at = 1, 1 + k * k, 1 + 2 * k * k
        rating_n_at, rating_sum_at = init_at + k, init_at + 2 * k
        rec_init, rec_ans_n, rec_ans_sum = k * k, k * k + k, k * k + 2 * k
        rec_ans_log = k * k + 3 * k
        if kind == h.REFERRAL_GIVEN:
            to = self._party(event.to)
            counters[ref_at + by * k + to] += 1
            w = self._decay_to(day)  # first: it may rescale `recent`
            self.recent[by * k + to] += w
            self.ref_total[by * k + to] += 1
            if day > self.last_ref[to * k + by]:
                self.since_fwd[to * k + by] += 1
            if day >= self.last_ref[by * k + to]:
                self.since_act[by * k + to] = 0
                self.since_fwd[by * k + to] = 0
            self.last_ref[by * k + to] = max(self.last_ref[by * k + to], day)
            self.pending_referrals[event.ref] = (to, day)
            self.referral_givers[event.ref] = by
            self._kpi(day, "referrals_given", by, 1)
            self._kpi(day, "referrals_received", to, 1)
        elif kind in (h.REFERRAL_ANSWERED, h.REFERRAL_WON, h.REFERRAL_LOST):
            pending = self.pending_referrals.pop(event.ref, None)
            if pending is not None:
                to, given = pending
                w = self._decay_to(day)
                self.recent[rec_ans_n + to] += w
                self.recent[rec_ans_sum + to] += w * max(0, day - given)
                self.recent[rec_ans_log + to] += w * math.log1p(max(0, day - given))
            giver = self.referral_givers.get(event.ref)
            if kind == h.REFERRAL_WON and giver is not None:
                counters[won_at + giver * k + by] += event.amount_cents
                self._kpi(day, "referrals_won", giver, 1)
                self._kpi(day, "sourced_revenue", by, event.amount_cents)
        elif kind == h.CONTACT_REQUEST_SENT:
            self.pending_contacts[event.ref] = (self._party(event.to), day)
        elif kind == h.CONTACT_REQUEST_ANSWERED:
            pending = self.pending_contacts.pop(event.ref, None)
            if pending is not None:
                to, sent = pending
                w = self._decay_to(day)
                self.recent[rec_ans_n + to] += w
                self.recent[rec_ans_sum + to] += w * max(0, day - sent)
                self.recent[rec_ans_log + to] += w * math.log1p(max(0, day - sent))
        elif kind == h.SERVICE_RATED:
            counters[rating_n_at + by] += 1
            counters[rating_sum_at + by] += event.rating or 0
            # newest first; stable for same-day ratings (later recorded = newer)
            latest = [(day, event.rating or 0), *self.ratings.get(by, [])]
            latest.sort(key=lambda r: -r[0])
            self.ratings[by] = latest[:LAST_RATINGS]
        elif kind in h.INITIATIVE_KINDS:
            counters[init_at + by] += 1
            # the others' run grows for every party whose last start lies before this day; a
            # start of its own ends the party's run (same-day starts by others do not count)
            self.init_run[self.last_init < day] += 1
            if day >= self.last_init[by]:
                self.init_run[by] = 0
            self.last_init[by] = max(self.last_init[by], day)
            self.init_total[by] += 1
            w = self._decay_to(day)
            self.recent[rec_init + by] += w
            if kind == h.MEETING:
                self._kpi(day, "meetings", by, 1)
            elif event.ref in h.CAMPAIGN_ACTIVITIES:
                self._kpi(day, "joint_campaigns", by, 1)
        elif kind == h.REVIEW:
            scores = np.full(len(self.factors), np.nan)
            for factor, score in event.scores.items():
                if factor not in self.factors:
                    raise ValueError(f"unknown influence factor {factor!r}")
                scores[self.factors.index(factor)] = score
            self.reviews.append((day, by, scores))
        elif kind == h.COST_ITEM:
            delta = cost_delta(self.parties, by, event.amount_cents, event.shares)
            counters[init_at + 3 * k : init_at + 4 * k] += np.maximum(delta, 0.0)
            self._ledger(day, delta)
        elif kind == h.SETTLEMENT:
            delta = np.zeros(k)
            delta[by] += event.amount_cents
            delta[self._party(event.to)] -= event.amount_cents
            self._ledger(day, delta)
        elif kind == h.KPI_REPORTED:
            self._kpi(day, event.ref, by, event.amount_cents)
        return in_order

    def _kpi(self, day: int, kpi: str, party: int, amount: float) -> None:
        if self.agreement_start != NONE and day >= self.agreement_start:
            key = (week_of(day), kpi, party)
            self.kpis[key] = self.kpis.get(key, 0.0) + amount
            for (name, who, target, period), run in zip(
                self.kpi_targets, self.kpi_runs, strict=True
            ):
                if name == kpi and who in (NONE, party):
                    run[0] += amount
                    drift = kpi_drift(target, period, self.settings)
                    walk = drift * (day - self.agreement_start + 1) - run[0]
                    if walk <= run[1]:  # on track again (ties: the latest day)
                        run[1], run[2], run[3] = walk, float(day), run[0]

    def _ledger(self, day: int, delta: np.ndarray) -> None:
        self.balance = self.balance + delta
        settled = float(self.balance.max()) < SETTLED_TOLERANCE_CENTS
        if settled:
            self.unsettled_since = NONE
        elif self.unsettled_since == NONE:
            self.unsettled_since = day

    def _prune(self, today: int) -> None:
        oldest = week_of(today) - self.settings.window_weeks
        for week in [w for w in self.weeks if w <= oldest]:
            del self.weeks[week]
        for key in [key for key in self.kpis if key[0] <= oldest]:
            del self.kpis[key]

    # -- read out -------------------------------------------------------------------------------
    def columns(self, as_of: dt.date | int, facts: Facts) -> Columns:
        """The aggregates as of a day on or after the last event, as a one-row table."""
        today = as_of if isinstance(as_of, int) else day_number(as_of)
        if self.last_day != NONE and today < self.last_day:
            raise ValueError("a state can only be read on or after its last event")
        k, s = self.k, self.settings
        this_week = week_of(today)
        packed = np.zeros(_packed_size(k))
        recent_credit = np.zeros(k)
        credit_at = 1 + 2 * k * k + 3 * k
        for week, counters in self.weeks.items():
            if this_week - s.window_weeks < week <= this_week:
                packed += counters
            if this_week - _credit_weeks(s) < week <= this_week:
                recent_credit += counters[credit_at : credit_at + k]
        decay = (
            math.exp(-(today - self.recent_day) / s.recent_days) if self.recent_day != NONE else 1
        )
        recent = self.recent * decay
        init_at = 1 + 2 * k * k

        def pending(items: dict[str, tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
            n = np.zeros(k, dtype=np.int64)
            oldest = np.full(k, NONE, dtype=np.int64)
            for to, day in items.values():
                n[to] += 1
                oldest[to] = day if oldest[to] == NONE else min(oldest[to], day)
            return n, oldest

        pend_ref_n, pend_ref_oldest = pending(self.pending_referrals)
        pend_cr_n, pend_cr_oldest = pending(self.pending_contacts)
        reviews = _reviews_columns(
            p=np.zeros(len(self.reviews), dtype=np.int64),
            party=np.array([r[1] for r in self.reviews], dtype=np.int64),
            day=np.array([r[0] for r in self.reviews], dtype=np.int64),
            scores=np.array([r[2] for r in self.reviews]).reshape(-1, len(self.factors)),
            n=1,
            k=k,
            factors=self.factors,
            settings=s,
        )
        kpi_actual = np.array(
            [
                sum(
                    v
                    for (week, key, party), v in self.kpis.items()
                    if key == kpi
                    and (who == NONE or party == who)
                    and this_week - s.window_weeks < week <= this_week
                )
                for kpi, who in zip(facts.kpi_key, facts.kpi_party, strict=True)
            ],
            dtype=np.float64,
        )
        runs = {target: run for target, run in zip(self.kpi_targets, self.kpi_runs, strict=True)}
        found = [
            runs.get((kpi, int(who), float(target), int(period)))
            for kpi, who, target, period in zip(
                facts.kpi_key, facts.kpi_party, facts.kpi_target, facts.kpi_period, strict=True
            )
        ]
        kpi_run_from = np.array(
            [NONE if run is None else int(run[2]) + 1 for run in found], dtype=np.int64
        )
        kpi_run_actual = np.array(
            [np.nan if run is None else run[0] - run[3] for run in found], dtype=np.float64
        )
        last_ratings = np.full((1, k, LAST_RATINGS), np.nan)
        for party, ratings in self.ratings.items():
            values = [r for _, r in ratings]
            last_ratings[0, party, : len(values)] = values
        return Columns(
            as_of=today,
            n_parties=np.array([k]),
            first_day=np.array([self.first_day]),
            events_total=np.array([self.events_total]),
            last_activity=np.array([self.last_activity]),
            win_act=packed[None, 0],
            win_ref=packed[1 : 1 + k * k].reshape(1, k, k),
            win_won=packed[1 + k * k : init_at].reshape(1, k, k),
            win_init=packed[None, init_at : init_at + k],
            win_rating_n=packed[None, init_at + k : init_at + 2 * k],
            win_rating_sum=packed[None, init_at + 2 * k : init_at + 3 * k],
            last_ratings=last_ratings,
            rec_ref=recent[: k * k].reshape(1, k, k),
            last_ref=self.last_ref.reshape(1, k, k).copy(),
            ref_total=self.ref_total.reshape(1, k, k).copy(),
            since_act=self.since_act.reshape(1, k, k).copy(),
            since_fwd=self.since_fwd.reshape(1, k, k).copy(),
            rec_init=recent[None, k * k : k * k + k],
            init_total=self.init_total[None].copy(),
            last_init=self.last_init[None].copy(),
            init_run=self.init_run[None].copy(),
            pend_ref_n=pend_ref_n[None],
            pend_ref_oldest=pend_ref_oldest[None],
            pend_cr_n=pend_cr_n[None],
            pend_cr_oldest=pend_cr_oldest[None],
            ans_n=recent[None, k * k + k : k * k + 2 * k],
            ans_sum=recent[None, k * k + 2 * k : k * k + 3 * k],
            ans_log=recent[None, k * k + 3 * k : k * k + 4 * k],
            balance=self.balance[None].copy(),
            unsettled_since=np.array([self.unsettled_since]),
            recent_credit=recent_credit[None],
            kpi_actual=kpi_actual,
            kpi_run_from=kpi_run_from,
            kpi_run_actual=kpi_run_actual,
            **reviews,
        )


def share_weights(parties: Sequence[str], shares: Mapping[str, float]) -> np.ndarray:
    """Each party's share of a cost item (fractions summing to 1; default: equal)."""
    if not shares:
        return np.full(len(parties), 1.0 / len(parties))
    if set(shares) - set(parties):
        raise ValueError("cost shares name a company that is not a party")
    weights = np.array([float(shares.get(p, 0.0)) for p in parties])
    if weights.sum() <= 0 or (weights < 0).any():
        raise ValueError("cost shares are non-negative and not all zero")
    return weights / weights.sum()


def split_cents(amount: float, weights: np.ndarray) -> np.ndarray:
    """A cost item's amount (cents) split by weights (fractions summing to 1) into whole cents,
    as the cost ledger splits it (``verbund.activities.ledger.split``): each party's share rounded
    down, the cents left over to the largest remainders, ties in party order. So the balances, and
    the settlement named in the `unsettled_costs` evidence, are the costs page's to the cent."""
    total = abs(round(float(amount)))
    exact = total * np.asarray(weights, dtype=np.float64)
    parts = np.floor(exact + 1e-6)  # 1e-6: 0.3333 * 30000 must not floor to 9998
    left = int(total - parts.sum())
    order = np.argsort(-(exact - parts), kind="stable")
    parts[order[:left]] += 1.0
    return parts if amount >= 0 else -parts


def cost_delta(
    parties: Sequence[str], payer: int, amount: int, shares: Mapping[str, float]
) -> np.ndarray:
    """Balance change of a cost item: the payer is owed what the others' shares amount to."""
    delta = -split_cents(amount, share_weights(parties, shares))
    delta[payer] += amount
    return delta


# ---------------------------------------------------------------------------------------------
# Full recompute: the same aggregates for many partnerships at once
# ---------------------------------------------------------------------------------------------


@dataclass
class EventTable:
    """Events of many partnerships as columns (what a bulk read of the rows gives)."""

    p: np.ndarray  # [E] partnership row in the Facts
    day: np.ndarray  # [E]
    kind: np.ndarray  # [E] KIND_CODE
    by: np.ndarray  # [E] party index
    to: np.ndarray  # [E] party index or NONE
    ref: np.ndarray  # [E] int id linking referrals / contact requests; activity: 1 = campaign;
    #                     kpi_reported: index into kpi_names
    amount: np.ndarray  # [E] cents (or KPI units)
    rating: np.ndarray  # [E] 0 = none
    score_row: np.ndarray  # [R] event row of each review
    scores: np.ndarray  # [R,F] NaN = not scored
    kpi_names: list[str] = field(default_factory=list)
    shares: dict[int, np.ndarray] = field(default_factory=dict)  # event row -> [K] cost shares

    @property
    def size(self) -> int:
        return len(self.p)

    @classmethod
    def from_histories(
        cls,
        facts: Facts,
        histories: Sequence[Sequence[h.Event]],
        factors: tuple[str, ...] = FACTORS,
    ) -> EventTable:
        rows: list[tuple[int, int, int, int, int, int, int, int]] = []
        score_row: list[int] = []
        scores: list[np.ndarray] = []
        shares: dict[int, np.ndarray] = {}
        refs: dict[tuple[int, str, str], int] = {}
        kpi_names: dict[str, int] = {}
        for p, events in enumerate(histories):
            index = {party: i for i, party in enumerate(facts.parties[p])}
            for event in sorted(events, key=lambda e: e.day):
                if event.kind in (h.CONTACT_REQUEST_SENT, h.CONTACT_REQUEST_ANSWERED):
                    ref = refs.setdefault((p, "c", event.ref), len(refs))
                elif event.kind.startswith("referral_"):
                    ref = refs.setdefault((p, "r", event.ref), len(refs))
                elif event.kind == h.JOINT_ACTIVITY:
                    ref = int(event.ref in h.CAMPAIGN_ACTIVITIES)
                elif event.kind == h.KPI_REPORTED:
                    ref = kpi_names.setdefault(event.ref, len(kpi_names))
                else:
                    ref = 0
                row = len(rows)
                if event.kind == h.REVIEW:
                    vector = np.full(len(factors), np.nan)
                    for factor, score in event.scores.items():
                        vector[factors.index(factor)] = score
                    score_row.append(row)
                    scores.append(vector)
                if event.kind == h.COST_ITEM and event.shares:
                    shares[row] = share_weights(facts.parties[p], event.shares)
                rows.append(
                    (
                        p,
                        day_number(event.day),
                        KIND_CODE[event.kind],
                        index[event.by],
                        index[event.to] if event.to is not None else NONE,
                        ref,
                        event.amount_cents,
                        event.rating or 0,
                    )
                )
        table = np.array(rows, dtype=np.int64).reshape(-1, 8)
        return cls(
            p=table[:, 0],
            day=table[:, 1],
            kind=table[:, 2],
            by=table[:, 3],
            to=table[:, 4],
            ref=table[:, 5],
            amount=table[:, 6],
            rating=table[:, 7],
            score_row=np.array(score_row, dtype=np.int64),
            scores=np.array(scores).reshape(-1, len(factors)),
            kpi_names=list(kpi_names),
            shares=shares,
        )


def compute(
    facts: Facts,
    table: EventTable,
    as_of: dt.date | int,
    settings: HealthSettings = DEFAULTS,
    factors: tuple[str, ...] = FACTORS,
) -> Columns:
    """Aggregates of every partnership as of a day, from all its events (vectorised)."""
    today = as_of if isinstance(as_of, int) else day_number(as_of)
    n, k, s = facts.size, facts.max_parties, settings
    upto = table.day <= today
    p, day, kind = table.p[upto], table.day[upto], table.kind[upto]
    by, to, ref, amount = table.by[upto], table.to[upto], table.ref[upto], table.amount[upto]
    rows = np.flatnonzero(upto)

    def code(*kinds: str) -> np.ndarray:
        return np.isin(kind, [KIND_CODE[x] for x in kinds])

    def count(index: tuple[np.ndarray, ...], shape: tuple[int, ...], weights=None) -> np.ndarray:
        flat = np.ravel_multi_index(index, shape)
        return np.bincount(flat, weights=weights, minlength=math.prod(shape)).reshape(shape)

    in_window = week_of(day) > week_of(today) - s.window_weeks
    weight = np.exp(-(today - day) / s.recent_days)

    activity = code(*h.ACTIVITY_KINDS)
    first_day = np.full(n, np.iinfo(np.int64).max)
    np.minimum.at(first_day, p, day)
    first_day[first_day == np.iinfo(np.int64).max] = NONE
    last_activity = np.full(n, NONE, dtype=np.int64)
    np.maximum.at(last_activity, p[activity], day[activity])

    given = code(h.REFERRAL_GIVEN)
    g = given & in_window
    win_ref = count((p[g], by[g], to[g]), (n, k, k))
    rec_ref = count((p[given], by[given], to[given]), (n, k, k), weight[given])
    last_ref = np.full((n, k, k), NONE, dtype=np.int64)
    np.maximum.at(last_ref, (p[given], by[given], to[given]), day[given])
    ref_total, since_act, since_fwd = _silences(p, day, by, to, given, activity, last_ref)
    init = code(*h.INITIATIVE_KINDS)
    i = init & in_window
    win_init = count((p[i], by[i]), (n, k))
    rec_init = count((p[init], by[init]), (n, k), weight[init])
    init_total, last_init, init_run = _initiative_runs(p[init], day[init], by[init], n, k)
    rated = code(h.SERVICE_RATED) & in_window
    win_rating_n = count((p[rated], by[rated]), (n, k))
    win_rating_sum = count((p[rated], by[rated]), (n, k), table.rating[upto][rated])
    last_ratings = _last_ratings(p, day, by, table.rating[upto], code(h.SERVICE_RATED), n, k)

    # Referrals and contact requests: first answer per id, pending ones, answer delays.
    ans_n = np.zeros((n, k))
    ans_sum = np.zeros((n, k))
    ans_log = np.zeros((n, k))
    pending = {}
    referral_refs = referral_giver = np.zeros(0, dtype=np.int64)
    for family, opened_kind, closing in (
        ("referral", h.REFERRAL_GIVEN, (h.REFERRAL_ANSWERED, h.REFERRAL_WON, h.REFERRAL_LOST)),
        ("contact", h.CONTACT_REQUEST_SENT, (h.CONTACT_REQUEST_ANSWERED,)),
    ):
        opened = code(opened_kind)
        o_ref, o_day, o_p, o_to = ref[opened], day[opened], p[opened], to[opened]
        closed = code(*closing)
        c_ref, c_day = ref[closed], day[closed]
        order = np.lexsort((c_day, c_ref))
        c_ref, c_day = c_ref[order], c_day[order]
        first = np.ones(len(c_ref), dtype=bool)
        first[1:] = c_ref[1:] != c_ref[:-1]
        c_ref, c_day = c_ref[first], c_day[first]  # the first answer per id
        at = np.clip(np.searchsorted(c_ref, o_ref), 0, max(len(c_ref) - 1, 0))
        answered = (
            (c_ref[at] == o_ref) & (c_day[at] >= o_day)
            if len(c_ref)
            else np.zeros(len(o_ref), dtype=bool)
        )
        a_day = c_day[at][answered] if len(c_ref) else np.zeros(0, dtype=np.int64)
        w = np.exp(-(today - a_day) / s.recent_days)
        np.add.at(ans_n, (o_p[answered], o_to[answered]), w)
        np.add.at(ans_sum, (o_p[answered], o_to[answered]), w * (a_day - o_day[answered]))
        np.add.at(ans_log, (o_p[answered], o_to[answered]), w * np.log1p(a_day - o_day[answered]))
        waiting = ~answered
        pend_n = count((o_p[waiting], o_to[waiting]), (n, k)).astype(np.int64)
        oldest = np.full((n, k), np.iinfo(np.int64).max)
        np.minimum.at(oldest, (o_p[waiting], o_to[waiting]), o_day[waiting])
        oldest[oldest == np.iinfo(np.int64).max] = NONE
        pending[family] = (pend_n, oldest)
        if family == "referral":
            referral_order = np.argsort(o_ref, kind="stable")
            referral_refs, referral_giver = o_ref[referral_order], by[opened][referral_order]

    # Won referrals: closed value credited from the receiver (by) to the giver.
    won = code(h.REFERRAL_WON)
    w_at = np.clip(np.searchsorted(referral_refs, ref[won]), 0, max(len(referral_refs) - 1, 0))
    known = referral_refs[w_at] == ref[won] if len(referral_refs) else np.zeros(0, dtype=bool)
    w_p, w_by, w_day, w_amount = p[won][known], by[won][known], day[won][known], amount[won][known]
    w_giver = referral_giver[w_at][known] if len(referral_refs) else w_by
    w_window = week_of(w_day) > week_of(today) - s.window_weeks
    win_won = count(
        (w_p[w_window], w_giver[w_window], w_by[w_window]), (n, k, k), w_amount[w_window]
    )

    # KPI actuals since the agreement started.
    upto_rows = _Rows(p=p, day=day, kind=kind, by=by, to=to, ref=ref, amount=amount)
    won_rows = _Won(p=w_p, giver=w_giver, receiver=w_by, day=w_day, amount=w_amount)
    kpi_actual, kpi_run_from, kpi_run_actual = _kpi_actuals(
        facts, table, today, s, upto_rows, won_rows
    )

    # Cost ledger in day order: balances and since when they have been unsettled.
    balance, unsettled_since, recent_credit = _ledger(
        facts, table, rows, upto_rows, n, k, today, _credit_weeks(s)
    )

    reviewed = np.isin(table.score_row, rows)
    review_rows = table.score_row[reviewed]
    reviews = _reviews_columns(
        p=table.p[review_rows],
        party=table.by[review_rows],
        day=table.day[review_rows],
        scores=table.scores[reviewed],
        n=n,
        k=k,
        factors=factors,
        settings=s,
    )
    return Columns(
        as_of=today,
        n_parties=np.array([len(x) for x in facts.parties]),
        first_day=first_day,
        events_total=np.bincount(p[activity], minlength=n),
        last_activity=last_activity,
        win_act=np.bincount(p[activity & in_window], minlength=n).astype(np.float64),
        win_ref=win_ref,
        win_won=win_won,
        win_init=win_init,
        win_rating_n=win_rating_n,
        win_rating_sum=win_rating_sum,
        last_ratings=last_ratings,
        rec_ref=rec_ref,
        last_ref=last_ref,
        ref_total=ref_total,
        since_act=since_act,
        since_fwd=since_fwd,
        rec_init=rec_init,
        init_total=init_total,
        last_init=last_init,
        init_run=init_run,
        pend_ref_n=pending["referral"][0],
        pend_ref_oldest=pending["referral"][1],
        pend_cr_n=pending["contact"][0],
        pend_cr_oldest=pending["contact"][1],
        ans_n=ans_n,
        ans_sum=ans_sum,
        ans_log=ans_log,
        balance=balance,
        unsettled_since=unsettled_since,
        recent_credit=recent_credit,
        kpi_actual=kpi_actual,
        kpi_run_from=kpi_run_from,
        kpi_run_actual=kpi_run_actual,
        **reviews,
    )


def _silences(p, day, by, to, given, activity, last_ref) -> tuple[np.ndarray, ...]:
    """Per ordered pair (i, j): referrals i -> j ever, and on the days after the last of them the
    partnership's activity events and the referrals j -> i (sorted keys, one searchsorted each)."""
    n, k, _ = last_ref.shape
    span = 1 << 23  # above any day number (date.toordinal() of year 9999 is 3.65 M)
    rows, giver, receiver = np.indices((n, k, k)).reshape(3, -1)
    last = last_ref.reshape(-1)
    act_keys = np.sort(p[activity] * span + day[activity])
    before = np.searchsorted(act_keys, rows * span + last, side="right")
    since_act = np.searchsorted(act_keys, (rows + 1) * span, side="left") - before
    pair = (p[given] * k + by[given]) * k + to[given]
    ref_keys = np.sort(pair * span + day[given])
    back = (rows * k + receiver) * k + giver  # referrals j -> i
    after = np.searchsorted(ref_keys, (back + 1) * span, side="left")
    since_fwd = after - np.searchsorted(ref_keys, back * span + last, side="right")
    ref_total = np.bincount(pair, minlength=n * k * k).reshape(n, k, k)
    return ref_total, since_act.reshape(n, k, k), since_fwd.reshape(n, k, k)


def _initiative_runs(p, day, by, n, k) -> tuple[np.ndarray, ...]:
    """Per party: initiatives started ever, the day of its last one, and the initiatives on the
    days after it (all of them are the others': the party started none since)."""
    init_total = np.bincount(p * k + by, minlength=n * k).reshape(n, k)
    last_init = np.full((n, k), NONE, dtype=np.int64)
    np.maximum.at(last_init, (p, by), day)
    span = 1 << 23  # above any day number, as in `_silences`
    keys = np.sort(p * span + day)
    rows = np.repeat(np.arange(n), k)
    after = np.searchsorted(keys, rows * span + last_init.reshape(-1), side="right")
    init_run = np.searchsorted(keys, (rows + 1) * span, side="left") - after
    return init_total, last_init, init_run.reshape(n, k)


class _Rows(NamedTuple):
    """The events up to the evaluation day, as columns."""

    p: np.ndarray
    day: np.ndarray
    kind: np.ndarray
    by: np.ndarray
    to: np.ndarray
    ref: np.ndarray
    amount: np.ndarray


class _Won(NamedTuple):
    """Won referrals joined to their referrer."""

    p: np.ndarray
    giver: np.ndarray
    receiver: np.ndarray
    day: np.ndarray
    amount: np.ndarray


def _kpi_actuals(
    facts: Facts, table: EventTable, today: int, s: HealthSettings, ev: _Rows, won: _Won
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Actual of each KPI target row over the window (since the agreement started), and its
    `kpi_shortfall` run (first day, actual since)."""
    p, day, kind, by, to, ref, amount = ev
    if not len(facts.kpi_p):
        return np.zeros(0), np.zeros(0, dtype=np.int64), np.zeros(0)
    names = {name: i for i, name in enumerate(catalogues.keys("kpis"))}
    for name in table.kpi_names + facts.kpi_key:
        names.setdefault(name, len(names))
    reported = np.array([names[x] for x in table.kpi_names], dtype=np.int64)
    parts: list[tuple[np.ndarray, ...]] = []

    def add(mask: np.ndarray | None, kpi, party, value, ps=p, days=day) -> None:
        if mask is None:
            mask = np.ones(len(ps), dtype=bool)
        kpi_codes = kpi[mask] if isinstance(kpi, np.ndarray) else np.full(mask.sum(), kpi)
        value = value[mask] if isinstance(value, np.ndarray) else np.full(mask.sum(), value)
        parts.append((ps[mask], days[mask], kpi_codes, party[mask], value.astype(np.float64)))

    given = kind == KIND_CODE[h.REFERRAL_GIVEN]
    add(given, names["referrals_given"], by, 1)
    add(given, names["referrals_received"], to, 1)
    add(kind == KIND_CODE[h.MEETING], names["meetings"], by, 1)
    add((kind == KIND_CODE[h.JOINT_ACTIVITY]) & (ref == 1), names["joint_campaigns"], by, 1)
    rep = kind == KIND_CODE[h.KPI_REPORTED]
    reported_codes = np.zeros(len(p), dtype=np.int64)
    reported_codes[rep] = reported[ref[rep]]
    add(rep, reported_codes, by, amount)
    add(None, names["referrals_won"], won.giver, 1, ps=won.p, days=won.day)
    add(None, names["sourced_revenue"], won.receiver, won.amount, ps=won.p, days=won.day)
    cp, cday, ckpi, cparty, cvalue = (np.concatenate(x) for x in zip(*parts, strict=True))
    start = facts.agreement_start[cp]
    agreed = (start != NONE) & (cday >= start)
    slots = facts.max_parties + 1  # slot 0: total, slot i+1: party i
    target_codes = np.array([names[x] for x in facts.kpi_key], dtype=np.int64)
    at = (facts.kpi_p * len(names) + target_codes) * slots + facts.kpi_party + 1
    runs = _kpi_runs(
        facts, s, at, cday[agreed], (cp[agreed] * len(names) + ckpi[agreed]) * slots,
        cparty[agreed], cvalue[agreed],
    )  # fmt: skip
    keep = agreed & (week_of(cday) > week_of(today) - s.window_weeks)
    cp, ckpi, cparty, cvalue = cp[keep], ckpi[keep], cparty[keep], cvalue[keep]
    size = facts.size * len(names) * slots
    base = (cp * len(names) + ckpi) * slots
    sums = np.bincount(base, weights=cvalue, minlength=size)
    sums += np.bincount(base + cparty + 1, weights=cvalue, minlength=size)
    return (sums[at], *runs)


def _kpi_runs(
    facts: Facts,
    s: HealthSettings,
    target_key: np.ndarray,
    cday: np.ndarray,
    cbase: np.ndarray,
    cparty: np.ndarray,
    cvalue: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The `kpi_shortfall` run of each KPI target row, as `State._kpi` folds it: over the target's
    contributions in day order, the walk "drift x days since the start - total so far"; the run
    starts the day after its lowest point (ties: the latest; the start itself if it never went
    below zero). The contributions' keys: `cbase` (slot 0, the total) + party + 1."""
    m = len(target_key)
    start = facts.agreement_start[facts.kpi_p]
    run_from = start.copy()
    # Each contribution counts for its party's targets and the total's.
    keys = np.concatenate([cbase, cbase + cparty + 1])
    index = np.tile(np.arange(len(cbase)), 2)
    # by target key, then day; a stable sort keeps same-day contributions in their order
    span = 1 << 23  # above any day number (as in `_silences`)
    order = np.argsort(keys * span + np.tile(cday, 2), kind="stable")
    keys, index = keys[order], index[order]
    lo = np.searchsorted(keys, target_key, side="left")
    hi = np.searchsorted(keys, target_key, side="right")
    lengths = hi - lo
    total = np.zeros(m)
    if not lengths.sum():
        return run_from, total
    row = np.repeat(np.arange(m), lengths)
    first = np.cumsum(lengths) - lengths
    pos = lo[row] + np.arange(len(row)) - first[row]
    day, value = cday[index[pos]], cvalue[index[pos]]
    running = np.cumsum(value)
    # restart the running sums at every target (exact: KPI values are whole units or cents)
    before = np.where(lengths > 0, running[np.maximum(first - 1, 0)], 0.0)
    before[first == 0] = 0.0
    running -= before[row]
    drift = kpi_drift(facts.kpi_target, facts.kpi_period, s)
    walk = drift[row] * (day - start[row] + 1) - running
    lowest = np.zeros(m)
    np.minimum.at(lowest, row, walk)
    at_lowest = np.full(m, -1, dtype=np.int64)
    low = walk <= lowest[row]
    np.maximum.at(at_lowest, row[low], np.flatnonzero(low))
    last = np.where(lengths > 0, first + lengths - 1, 0)
    total = np.where(lengths > 0, running[last], 0.0)
    found = at_lowest >= 0
    run_from[found] = day[at_lowest[found]] + 1
    since = np.where(found, running[np.maximum(at_lowest, 0)], 0.0)
    return run_from, total - since


def _last_ratings(p, day, by, rating, rated, n, k) -> np.ndarray:
    out = np.full((n, k, LAST_RATINGS), np.nan)
    rows = np.flatnonzero(rated)
    if not len(rows):
        return out
    # newest first within (partnership, party); same day: the later recorded is newer
    order = np.lexsort((-rows, -day[rows], by[rows], p[rows]))
    rows = rows[order]
    group = p[rows] * k + by[rows]
    starts = np.r_[True, group[1:] != group[:-1]]
    rank = np.arange(len(rows)) - np.maximum.accumulate(np.where(starts, np.arange(len(rows)), 0))
    keep = rank < LAST_RATINGS
    out[p[rows][keep], by[rows][keep], rank[keep]] = rating[rows][keep]
    return out


def _credit_weeks(s: HealthSettings) -> int:
    return -(-s.unsettled_days // 7)


def _ledger(
    facts: Facts,
    table: EventTable,
    rows: np.ndarray,
    ev: _Rows,
    n: int,
    k: int,
    today: int,
    credit_weeks: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Balances, since when they are unsettled, and the credit from recent cost items."""
    p, day, kind, by, to, _, amount = ev
    cost = kind == KIND_CODE[h.COST_ITEM]
    settle = kind == KIND_CODE[h.SETTLEMENT]
    entries = np.flatnonzero(cost | settle)
    balance = np.zeros((n, k))
    since = np.full(n, NONE, dtype=np.int64)
    recent_credit = np.zeros((n, k))
    if not len(entries):
        return balance, since, recent_credit
    order = np.lexsort((entries, day[entries], p[entries]))
    entries = entries[order]
    e_p, e_day = p[entries], day[entries]
    parties = np.array([len(x) for x in facts.parties])[e_p]
    delta = np.zeros((len(entries), k))
    is_cost = cost[entries]
    # equal split among the partnership's own parties, in whole cents as the cost ledger splits
    # (split_cents): the cents left over go to the first parties
    whole = np.round(amount[entries])
    base = np.floor(whole / parties)
    left = whole - base * parties
    column = np.arange(k)[None, :]
    share = np.where(column < parties[:, None], base[:, None] + (column < left[:, None]), 0.0)
    delta[is_cost] = -share[is_cost]
    for j, row in enumerate(rows[entries]):
        custom = table.shares.get(int(row))
        if custom is not None:
            delta[j, : len(custom)] = -split_cents(amount[entries][j], custom)
    delta[np.arange(len(entries)), by[entries]] += amount[entries]
    settlement = ~is_cost
    delta[np.flatnonzero(settlement), to[entries][settlement]] -= amount[entries][settlement]
    running = np.cumsum(delta, axis=0)
    # Running sums restart at every partnership: subtract the total before its first entry.
    starts = np.flatnonzero(np.r_[True, e_p[1:] != e_p[:-1]])
    before = np.vstack([np.zeros((1, k)), running[starts[1:] - 1]])
    running -= before[np.cumsum(np.r_[True, e_p[1:] != e_p[:-1]]) - 1]
    ends = np.r_[starts[1:], len(entries)] - 1
    balance[e_p[ends]] = running[ends]
    settled = running.max(axis=1) < SETTLED_TOLERANCE_CENTS
    last_settled = np.full(n, NONE, dtype=np.int64)
    np.maximum.at(last_settled, e_p[settled], np.flatnonzero(settled))
    first_entry = np.full(n, NONE, dtype=np.int64)
    first_entry[e_p[starts]] = starts
    unsettled = ~settled[ends]
    rows_p = e_p[ends][unsettled]
    after = np.where(last_settled[rows_p] == NONE, first_entry[rows_p], last_settled[rows_p] + 1)
    since[rows_p] = e_day[after]
    recent = is_cost & (week_of(e_day) > week_of(today) - credit_weeks)
    np.add.at(recent_credit, e_p[recent], np.maximum(delta[recent], 0.0))
    return balance, since, recent_credit


def _reviews_columns(
    p: np.ndarray,
    party: np.ndarray,
    day: np.ndarray,
    scores: np.ndarray,
    n: int,
    k: int,
    factors: Sequence[str],
    settings: HealthSettings,
) -> dict[str, np.ndarray]:
    f = len(factors)
    rev_count = np.zeros((n, k), dtype=np.int64)
    rev_last_day = np.full((n, k), NONE, dtype=np.int64)
    rev_last = np.full((n, k, f), np.nan)
    rev_prev = np.full((n, k, f), np.nan)
    trust_now = np.full(n, np.nan)
    trust_before = np.full(n, np.nan)
    relationship_base = np.full(n, np.nan)
    relationship_base_n = np.zeros(n, dtype=np.int64)
    out = dict(
        rev_count=rev_count,
        rev_last_day=rev_last_day,
        rev_last=rev_last,
        rev_prev=rev_prev,
        trust_now=trust_now,
        trust_before=trust_before,
        relationship_base=relationship_base,
        relationship_base_n=relationship_base_n,
    )
    if not len(p):
        return out
    order = np.lexsort((np.arange(len(p)), day, party, p))
    p, party, day, scores = p[order], party[order], day[order], scores[order]
    np.add.at(rev_count, (p, party), 1)
    group = p * k + party
    last = np.r_[group[1:] != group[:-1], True]
    rev_last_day[p[last], party[last]] = day[last]
    rev_last[p[last], party[last]] = scores[last]
    prev = np.r_[last[1:], False] & ~last
    rev_prev[p[prev], party[prev]] = scores[prev]
    # Trust trajectory: exponential smoothing over all reviews of a partnership in day order.
    order = np.lexsort((np.arange(len(p)), day, p))
    p, day, scores = p[order], day[order], scores[order]
    trust_column = list(factors).index(TRUST) if TRUST in factors else None
    scored = (~np.isnan(scores)).sum(axis=1)
    mean = np.where(scored > 0, np.nansum(scores, axis=1) / np.maximum(scored, 1), np.nan)
    value = mean if trust_column is None else scores[:, trust_column]
    value = np.where(np.isnan(value), mean, value)
    starts = np.r_[True, p[1:] != p[:-1]]
    rank = np.arange(len(p)) - np.maximum.accumulate(np.where(starts, np.arange(len(p)), 0))
    latest = np.full(n, NONE, dtype=np.int64)
    np.maximum.at(latest, p, day)
    after = np.full(len(p), np.nan)
    trajectory = np.full(n, np.nan)
    alpha = settings.trust_smoothing
    for r in range(int(rank.max()) + 1):
        at = np.flatnonzero(rank == r)
        current, v = trajectory[p[at]], value[at]
        nxt = np.where(np.isnan(current), v, alpha * v + (1 - alpha) * current)
        nxt = np.where(np.isnan(v), current, nxt)
        trajectory[p[at]] = nxt
        after[at] = nxt
    trust_now[:] = trajectory
    before_round = day <= latest[p] - settings.round_days
    last_before = np.full(n, NONE, dtype=np.int64)
    np.maximum.at(last_before, p[before_round], np.flatnonzero(before_round))
    has = last_before != NONE
    trust_before[has] = after[last_before[has]]
    # The partnership's own relationship level before the latest round (the `declining_trust`
    # baseline): the mean over earlier reviews of each review's mean relationship score.
    columns = [list(factors).index(f) for f in RELATIONSHIP_FACTORS if f in factors]
    if columns:
        part = scores[:, columns]
        rated = (~np.isnan(part)).sum(axis=1)
        per_review = np.nansum(part, axis=1) / np.maximum(rated, 1)
        counted = before_round & (rated > 0)
        relationship_base_n[:] = np.bincount(p[counted], minlength=n)
        total = np.bincount(p[counted], weights=per_review[counted], minlength=n)
        with np.errstate(invalid="ignore", divide="ignore"):
            relationship_base[:] = np.where(
                relationship_base_n > 0, total / relationship_base_n, np.nan
            )
    return out
