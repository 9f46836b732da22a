"""Health score of partnerships: six components, a 0–100 score, a traffic light and the reasons.

Pure numpy over :class:`~verbund.health.aggregates.Columns`: one function scores one partnership
(N=1, from its incremental state) and 100,000 of them (from the full recompute) the same way.
Components are 0..1, NaN when they do not apply (no referrals, no KPIs, no reviews yet ...); the
score is their weighted mean over the ones that apply, times 100. The model and its defaults are
explained in docs/decisions/0005-health-model.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from verbund.health.aggregates import FACTORS, NONE, Columns, Facts, week_of
from verbund.health.params import COMPONENTS, DEFAULTS, HealthSettings

GREEN, YELLOW, RED, GREY = "green", "yellow", "red", "grey"


@dataclass(frozen=True)
class Reason:
    component: str
    code: str
    params: dict[str, object]
    effect: float  # points on the 0..100 score, signed


@dataclass
class Scores:
    """Scores of N partnerships; ``reasons(i)`` explains row i."""

    facts: Facts
    columns: Columns
    settings: HealthSettings
    components: dict[str, np.ndarray]  # name -> [N], NaN = does not apply
    score: np.ndarray  # [N] 0..100
    light: np.ndarray  # [N] str
    silence: np.ndarray  # [N] days since the last activity
    empty_after: np.ndarray  # [N] days of silence that make this partnership empty
    attainment: np.ndarray  # [M] KPI attainment (actual / pro-rated target), NaN in grace
    expected: np.ndarray  # [M] pro-rated target
    # arrays shared by the reasons of all rows, filled on first use (see _shared)
    explained: dict[str, tuple[Any, ...]] = field(default_factory=dict, repr=False)

    def reasons(self, i: int, top: int = 6) -> list[Reason]:
        return _reasons(self, i)[:top]


def empty_threshold(facts: Facts, cols: Columns, s: HealthSettings) -> tuple[np.ndarray, ...]:
    """Days since the last activity, and how many days of silence mean "empty" for each row.

    A partnership's own pace sets the bar: silence as long as `empty_expected_events` events would
    normally take, between `empty_min_days` and `empty_max_days`. Pace = activity events in the
    window over the part of the window before the silence (so the silence does not lower it), but
    over at least `empty_pace_min_days`: a young partnership's kick-off (five events in its first
    two weeks) is not yet its pace.
    """
    today = cols.as_of
    anchor = np.where(cols.last_activity == NONE, facts.created, cols.last_activity)
    silence = today - anchor
    window_start = np.maximum(facts.created, today - s.window_days)
    observed = np.clip(anchor - window_start, s.empty_pace_min_days, s.window_days)
    rate = cols.win_act / observed
    with np.errstate(divide="ignore"):
        bar = np.where(rate > 0, s.empty_expected_events / np.maximum(rate, 1e-9), np.inf)
    return silence, np.clip(bar, s.empty_min_days, s.empty_max_days)


def _pair_mask(cols: Columns) -> np.ndarray:
    """[N,K,K] True for i < j < parties of the row."""
    k = cols.win_ref.shape[1]
    i, j = np.meshgrid(np.arange(k), np.arange(k), indexing="ij")
    return (i < j)[None] & (j[None] < cols.n_parties[:, None, None])


def _balance(a: np.ndarray, b: np.ndarray, prior: float) -> np.ndarray:
    """1 = both directions equal, towards 0 = one-sided; the prior keeps small counts mild."""
    return 1.0 - np.abs(a - b) / (a + b + prior)


def _weighted(parts: list[tuple[float, np.ndarray]]) -> np.ndarray:
    """Weighted mean of the parts that are not NaN (NaN when none is)."""
    total = np.zeros_like(parts[0][1], dtype=np.float64)
    weights = np.zeros_like(total)
    for w, values in parts:
        ok = ~np.isnan(values)
        total += np.where(ok, w * np.nan_to_num(values), 0.0)
        weights += np.where(ok, w, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(weights > 0, total / np.where(weights > 0, weights, 1), np.nan)


def reciprocity(cols: Columns) -> np.ndarray:
    return _weighted(list(zip(RECIPROCITY_WEIGHTS, reciprocity_parts(cols), strict=True)))


# Weights of the referral balance of the pairs and of the spread of initiative in reciprocity.
RECIPROCITY_WEIGHTS = (3.0, 1.0)
# Shares of recency and of volume in activity.
ACTIVITY_SHARES = (0.6, 0.4)


def activity_parts(facts: Facts, cols: Columns, s: HealthSettings) -> tuple[np.ndarray, ...]:
    """[N] recency (0..1, falling once the silence passes half the row's empty bar) and volume."""
    silence, bar = empty_threshold(facts, cols, s)
    half = bar / 2
    recency = np.clip(1.0 - (silence - half) / half, 0.0, 1.0)
    volume = np.minimum(1.0, cols.win_act / s.expected_events)
    return recency, volume


def reciprocity_parts(cols: Columns) -> tuple[np.ndarray, np.ndarray]:
    """[N] mean balance of the pairs (referrals and business won) and the spread of initiative,
    each NaN where there is nothing to weigh."""
    pairs = _pair_mask(cols)
    given, back = cols.win_ref, np.swapaxes(cols.win_ref, 1, 2)
    won, won_back = cols.win_won, np.swapaxes(cols.win_won, 1, 2)
    count_ok = pairs & (given + back > 0)
    value_ok = pairs & (won + won_back > 0)
    count_balance = np.where(count_ok, _balance(given, back, 2.0), np.nan)
    # 500 € of prior: one small closed deal does not make a pair one-sided.
    value_balance = np.where(value_ok, _balance(won, won_back, 50_000.0), np.nan)
    pair = _weighted([(2.0, count_balance), (1.0, value_balance)])
    with np.errstate(invalid="ignore"):
        any_pair = (~np.isnan(pair)).any(axis=(1, 2))
        pair_mean = np.where(
            any_pair,
            np.nansum(pair, axis=(1, 2)) / np.maximum((~np.isnan(pair)).sum((1, 2)), 1),
            np.nan,
        )
    k = cols.win_init.shape[1]
    present = np.arange(k)[None, :] < cols.n_parties[:, None]
    init = np.where(present, cols.win_init, np.nan)
    started = np.nansum(init, axis=1)
    spread = np.nanmax(init, axis=1) - np.nanmin(init, axis=1)
    initiative = np.where(started > 0, 1.0 - spread / (started + 2.0), np.nan)
    return pair_mean, initiative


def _answer_days(cols: Columns) -> tuple[np.ndarray, np.ndarray]:
    """[N,K] effective answer time per party (NaN: nothing to answer) and the row's worst."""
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_delay = np.where(cols.ans_n > 1e-6, cols.ans_sum / cols.ans_n, np.nan)
    oldest = np.where(
        cols.pend_ref_oldest == NONE,
        cols.pend_cr_oldest,
        np.where(
            cols.pend_cr_oldest == NONE,
            cols.pend_ref_oldest,
            np.minimum(cols.pend_ref_oldest, cols.pend_cr_oldest),
        ),
    )
    waiting = np.where(oldest == NONE, np.nan, cols.as_of - oldest)
    # A referral still waiting counts once it waits longer than the party usually takes.
    effective = np.fmax(mean_delay, waiting)
    with np.errstate(invalid="ignore"):
        worst = np.where(
            np.isnan(effective).all(axis=1), np.nan, np.nanmax(np.nan_to_num(effective, nan=-1), 1)
        )
    return effective, worst


def _factor_arrays(cols: Columns) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Level of the latest scores (mean, 1..5), gap per factor [N,F], change per factor [N,F]."""
    latest = cols.rev_last
    scored = ~np.isnan(latest)
    with np.errstate(invalid="ignore", divide="ignore"):
        level = np.nansum(latest, axis=(1, 2)) / scored.sum(axis=(1, 2))
        both = scored.sum(axis=1) >= 2
        high = np.nanmax(np.where(scored, latest, -np.inf), axis=1)
        low = np.nanmin(np.where(scored, latest, np.inf), axis=1)
        gap = np.where(both, high - low, np.nan)
        change_by_party = cols.rev_last - cols.rev_prev
        changed = ~np.isnan(change_by_party)
        change = np.where(
            changed.any(axis=1),
            np.nansum(change_by_party, axis=1) / np.maximum(changed.sum(axis=1), 1),
            np.nan,
        )
    return level, gap, change


# Weights of the level of the latest scores and of how close the partners' views are in factors.
FACTOR_WEIGHTS = (0.75, 0.25)


def factor_parts(cols: Columns) -> tuple[np.ndarray, np.ndarray]:
    """[N] level of the latest scores (0..1) and closeness of the partners' views (1 - widest
    gap / 4, 0..1; NaN until two parties scored a factor)."""
    level, gap, _ = _factor_arrays(cols)
    with np.errstate(invalid="ignore"):
        max_gap = np.where(np.isnan(gap).all(axis=1), np.nan, np.nan_to_num(gap, nan=0).max(1))
    return (level - 1.0) / 4.0, 1.0 - np.minimum(max_gap, 4.0) / 4.0


def in_round(cols: Columns, s: HealthSettings) -> np.ndarray:
    """[N] every party has reviewed, the latest reviews within one round of each other."""
    k = cols.rev_last_day.shape[1]
    present = np.arange(k)[None, :] < cols.n_parties[:, None]
    days = np.where(present, cols.rev_last_day, np.iinfo(np.int64).max)
    all_reviewed = ((cols.rev_last_day != NONE) | ~present).all(axis=1)
    latest = np.where(present, cols.rev_last_day, NONE).max(axis=1)
    return all_reviewed & (days.min(axis=1) >= latest - s.round_days)


def kpi_attainment(facts: Facts, cols: Columns, s: HealthSettings) -> tuple[np.ndarray, ...]:
    """[M] attainment of each KPI target over the window (NaN in the grace period), and the target
    pro-rated to the part of the window since the agreement started."""
    start = facts.agreement_start[facts.kpi_p]
    window_start = (week_of(cols.as_of) - s.window_weeks + 1) * 7
    span = cols.as_of - np.maximum(start, window_start) + 1
    expected = facts.kpi_target * np.maximum(span, 0) / facts.kpi_period
    with np.errstate(divide="ignore", invalid="ignore"):
        more = cols.kpi_actual / expected
        less = np.where(cols.kpi_actual > expected, expected / cols.kpi_actual, 1.0)
    attainment = np.where(facts.kpi_at_most, less, more)
    elapsed = cols.as_of - start
    attainment = np.where((elapsed >= s.kpi_grace_days) & (start != NONE), attainment, np.nan)
    return attainment, expected


def score(facts: Facts, cols: Columns, settings: HealthSettings = DEFAULTS) -> Scores:
    s, n = settings, cols.size
    today = cols.as_of
    silence, bar = empty_threshold(facts, cols, s)
    recency, volume = activity_parts(facts, cols, s)
    activity = ACTIVITY_SHARES[0] * recency + ACTIVITY_SHARES[1] * volume

    _, worst = _answer_days(cols)
    responsiveness = np.clip(
        1.0 - (worst - s.answer_good_days) / (s.answer_bad_days - s.answer_good_days), 0.0, 1.0
    )

    attainment, expected = kpi_attainment(facts, cols, s)
    outcomes = np.full(n, np.nan)
    ok = ~np.isnan(attainment)
    if ok.any():
        sums = np.bincount(facts.kpi_p[ok], np.minimum(attainment[ok], 1.0), minlength=n)
        counts = np.bincount(facts.kpi_p[ok], minlength=n)
        outcomes = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)

    factors = _weighted(list(zip(FACTOR_WEIGHTS, factor_parts(cols), strict=True)))
    trust = (cols.trust_now - 1.0) / 4.0

    components = {
        "activity": activity,
        "reciprocity": reciprocity(cols),
        "responsiveness": responsiveness,
        "outcomes": outcomes,
        "factors": factors,
        "trust": trust,
    }
    weights = s.component_weights()
    total = 100.0 * _weighted([(weights[c], components[c]) for c in COMPONENTS])
    total = np.clip(np.nan_to_num(total, nan=0.0), 0.0, 100.0)
    reviewed = (cols.rev_count > 0).any(axis=1)
    # Grey = too little data to judge: a young partnership, or one with few events and no review.
    # But a partnership silent for longer than its empty-partnership bar has said enough — it
    # did not get going, or went quiet — and gets its (low) score's light, not grey.
    gone_quiet = silence >= bar
    grey = (today - facts.created < s.min_age_days) | (
        (cols.events_total < s.min_events) & ~reviewed & ~gone_quiet
    )
    light = np.where(
        grey,
        GREY,
        np.where(total >= s.green_from, GREEN, np.where(total < s.red_below, RED, YELLOW)),
    )
    return Scores(
        facts=facts,
        columns=cols,
        settings=s,
        components=components,
        score=total,
        light=light,
        silence=silence,
        empty_after=bar,
        attainment=attainment,
        expected=expected,
    )


def _points(weight: float, applying: float, value: float) -> float:
    return round(100.0 * (value - 0.5) * weight / max(applying, 1e-9), 1)


def _shares(parts: list[tuple[float, float]]) -> list[float]:
    """How far each part of a component (weight, value 0..1 or NaN) moves it from the middle:
    the component is their weighted mean, so these add up to (component - 0.5)."""
    total = sum(w for w, v in parts if not np.isnan(v))
    return [w * (v - 0.5) / total if total and not np.isnan(v) else 0.0 for w, v in parts]


def _reasons(scores: Scores, row: int) -> list[Reason]:
    return _reasons_of_one(scores, row)


def _shared(scores: Scores) -> dict[str, tuple[Any, ...]]:
    """Arrays the reasons of every row read, computed once per Scores (explaining 100,000 rows
    one by one must not redo the vectorised work per row)."""
    if not scores.explained:
        cols = scores.columns
        scores.explained["answers"] = _answer_days(cols)
        scores.explained["factors"] = _factor_arrays(cols)
        scores.explained["round"] = (in_round(cols, scores.settings),)
        # [N] sum of the weights of the components that apply, added in the order of COMPONENTS
        applying = np.zeros(len(scores.score))
        for name, weight in scores.settings.component_weights().items():
            applying = applying + np.where(np.isnan(scores.components[name]), 0.0, weight)
        scores.explained["applying"] = (applying,)
        scores.explained["weights"] = (scores.settings.component_weights(),)
        scores.explained["parts"] = (
            *activity_parts(scores.facts, cols, scores.settings),
            *reciprocity_parts(cols),
            *factor_parts(cols),
        )
        # Per row: the party answering slowest, the factor with the widest gap and the one
        # falling most (the first one on ties, as argmax/argmin per row would give).
        effective = scores.explained["answers"][0]
        _level, gap, change = scores.explained["factors"]
        scores.explained["argmax"] = (
            np.argmax(np.nan_to_num(effective, nan=-1), axis=1),
            np.isnan(gap).all(axis=1),
            np.argmax(np.nan_to_num(gap, nan=-1), axis=1),
            np.isnan(change).all(axis=1),
            np.argmin(np.nan_to_num(change, nan=np.inf), axis=1),
        )
        # KPI rows of each partnership row, in their order (a search per row, not a scan)
        order = np.argsort(scores.facts.kpi_p, kind="stable")
        scores.explained["kpis"] = (order, scores.facts.kpi_p[order])
    return scores.explained


def _reasons_of_one(scores: Scores, i: int) -> list[Reason]:
    """Reasons of row i."""
    s, cols, facts = scores.settings, scores.columns, scores.facts
    shared = _shared(scores)
    parties = facts.parties[i]
    out: list[Reason] = []
    comp = {c: float(v[i]) for c, v in scores.components.items()}
    weights, applying = shared["weights"][0], float(shared["applying"][0][i])
    slowest_party, no_gap, widest_gap, no_change, most_fallen = shared["argmax"]

    # Each reason carries the points of its own part of the component (a component explained by
    # two reasons splits its points between them; the listed points add up to score - 50), and a
    # sentence that reads as bad news is only chosen for a part that pulls the score down.
    def add(component: str, code: str, share: float | None = None, **params: object) -> None:
        delta = comp[component] - 0.5 if share is None else share
        effect = _points(weights[component], applying, 0.5 + delta)
        out.append(Reason(component, code, params, effect))

    parts = (float(part[i]) for part in shared["parts"])
    recency, volume, pair_mean, initiative, factor_level, closeness = parts
    recent_share, volume_share = _shares(list(zip(ACTIVITY_SHARES, (recency, volume), strict=True)))
    silence, bar = int(scores.silence[i]), int(scores.empty_after[i])
    if recent_share < 0:
        add("activity", "silent", recent_share, days_since=silence, usual_gap_days=bar)
    else:
        add("activity", "recently_active", recent_share, days_since=silence)
    events = int(cols.win_act[i])
    add(
        "activity",
        "few_events" if volume_share < 0 else "busy",
        volume_share,
        events=events,
        window_days=s.window_days,
    )

    if not np.isnan(comp["reciprocity"]):
        pair_share, initiative_share = _shares(
            list(zip(RECIPROCITY_WEIGHTS, (pair_mean, initiative), strict=True))
        )
        n = len(parties)
        worst: tuple[float, int, int] | None = None
        referred = cols.win_ref[i].tolist()
        for a in range(n):
            for b in range(n):
                g, r = float(referred[a][b]), float(referred[b][a])
                if a != b and g + r > 0 and g >= r:
                    balance = 1.0 - (g - r) / (g + r + 2.0)
                    if worst is None or balance < worst[0]:
                        worst = (balance, a, b)
        init = cols.win_init[i, :n]
        one_sided = bool(init.sum() >= 4 and init.max() / init.sum() >= 0.85)
        if worst is not None:
            _, a, b = worst
            code = "referrals_one_sided" if worst[0] < 0.5 else "referrals_balanced"
            add(
                "reciprocity",
                code,
                # the whole component when the initiative has no sentence of its own
                pair_share if one_sided else None,
                party=parties[a],
                partner=parties[b],
                given=int(referred[a][b]),
                received=int(referred[b][a]),
            )
        # Without referrals the spread of initiative is all there is to say about reciprocity:
        # it gets a sentence even when it is not one-sided (else the points go unexplained).
        if one_sided or (worst is None and init.sum() > 0):
            top = int(init.argmax())
            add(
                "reciprocity",
                "initiative_one_sided" if one_sided else "initiative_spread",
                initiative_share if worst is not None else None,
                party=parties[top],
                started=int(init[top]),
                others_started=int(init.sum() - init[top]),
            )

    if not np.isnan(comp["responsiveness"]):
        _effective, worst_days = shared["answers"]
        days = float(worst_days[i])
        if comp["responsiveness"] >= 0.5:
            add("responsiveness", "quick_answers", days=round(days, 1))
        else:
            slowest = int(slowest_party[i])
            add("responsiveness", "slow_answers", party=parties[slowest], days=round(days, 1))

    if not np.isnan(comp["outcomes"]):
        order, sorted_p = shared["kpis"]
        rows = order[np.searchsorted(sorted_p, i) : np.searchsorted(sorted_p, i, side="right")]
        behind = [
            int(m) for m, a in zip(rows.tolist(), scores.attainment[rows].tolist(), strict=True)
            if a < 1.0  # NaN (grace period) is not behind
        ]  # fmt: skip
        if behind:
            worst_kpi = min(behind, key=lambda m: float(scores.attainment[m]))
            add(
                "outcomes",
                "kpi_behind",
                kpi=facts.kpi_key[worst_kpi],
                percent=round(100 * float(scores.attainment[worst_kpi])),
            )
        else:
            add("outcomes", "kpis_on_track", percent=round(100 * comp["outcomes"]))

    if not np.isnan(comp["factors"]):
        level, gap, change = shared["factors"]
        level_share, gap_share = _shares(
            list(zip(FACTOR_WEIGHTS, (factor_level, closeness), strict=True))
        )
        widest = int(widest_gap[i])
        show_gap = bool(shared["round"][0][i] and not no_gap[i])
        show_gap = show_gap and gap[i, widest] >= s.perception_gap_points
        level_effect = level_share if show_gap else comp["factors"] - 0.5
        add(
            "factors",
            "factors_strong" if level_effect >= 0 else "factors_weak",
            level_effect,
            average=round(float(level[i]), 1),
        )
        if show_gap:
            f = widest
            add("factors", "perception_gap", gap_share, factor=FACTORS[f], gap=float(gap[i, f]))
        if not no_change[i]:
            f = int(most_fallen[i])
            if change[i, f] <= -1:
                # the change itself is not part of the score: no points of its own
                add(
                    "factors",
                    "factor_falling",
                    0.0,
                    factor=FACTORS[f],
                    change=float(change[i, f]),
                )

    if not np.isnan(comp["trust"]):
        now, before = float(cols.trust_now[i]), float(cols.trust_before[i])
        if np.isnan(before) or abs(now - before) < 0.25:
            add("trust", "trust_level", now=round(now, 1))
        else:
            add(
                "trust",
                "trust_rising" if now > before else "trust_falling",
                before=round(before, 1),
                now=round(now, 1),
            )
    out.sort(key=lambda r: -abs(r.effect))
    return out


def iso(day: int) -> str:
    return dt.date.fromordinal(int(day)).isoformat()
