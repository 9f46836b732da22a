"""Alert rules for every kind of the ``alerts`` catalogue, and the open/keep/resolve lifecycle.

``findings(scores)`` checks every rule for every row at once (numpy masks) and builds a
:class:`Finding` only for the rows a rule flags: the kind, a subject (which pair, party, factor or
KPI it is about: one alert per kind and subject), since when, the evidence as parameters and the
suggested next step (codes in ``codes.py``). ``opens`` False marks a finding that would not open a
new alert but keeps an open one alive (hysteresis, so an alert does not flap around a threshold).
``reconcile`` compares the open alerts with today's findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from verbund.health import history as h
from verbund.health.aggregates import FACTORS, NONE, RELATIONSHIP_FACTORS, week_of
from verbund.health.codes import NEXT_STEPS
from verbund.health.scoring import Scores, in_round, iso
from verbund.lib import catalogues

KINDS: tuple[str, ...] = tuple(catalogues.keys("alerts"))
# one_way_street: the prior of a partner's referral rate, in referrals per activity events, and
# of its share of the partnership's initiatives (meetings, joint activities it starts), a Beta
# prior worth two starts by it and two by the others: about half, held loosely.
PRIOR_REFERRALS, PRIOR_EVENTS = 1.0, 10.0
PRIOR_STARTS, PRIOR_OTHER_STARTS = 2.0, 2.0
COUNTED_KPIS = frozenset(
    {"referrals_given", "referrals_received", "referrals_won", "joint_campaigns", "projects_won",
     "leads", "meetings"}
)  # fmt: skip


@dataclass(frozen=True)
class Finding:
    row: int  # partnership row in the Facts
    kind: str
    subject: str
    since: dt.date
    evidence: dict[str, object] = field(compare=False)
    opens: bool = True

    @property
    def next_step(self) -> str:
        return NEXT_STEPS[self.kind]

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.subject)


@dataclass(frozen=True)
class OpenAlert:
    """An alert the Django side has open (or acknowledged) for one partnership."""

    kind: str
    subject: str
    since: dt.date
    acknowledged: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.subject)


@dataclass
class Reconciliation:
    opened: list[Finding]
    kept: list[tuple[OpenAlert, Finding]]  # evidence refreshed; `since` stays the alert's own
    resolved: list[OpenAlert]  # the cause went away


def reconcile(previous: Iterable[OpenAlert], today: Iterable[Finding]) -> Reconciliation:
    """Which alerts of one partnership to open, keep and auto-resolve after today's evaluation."""
    found = {f.key: f for f in today}
    result = Reconciliation(opened=[], kept=[], resolved=[])
    seen = set()
    for alert in previous:
        seen.add(alert.key)
        finding = found.get(alert.key)
        if finding is None:
            result.resolved.append(alert)
        else:
            result.kept.append((alert, finding))
    result.opened = [f for key, f in found.items() if key not in seen and f.opens]
    return result


def _date(day: int) -> dt.date:
    return dt.date.fromordinal(int(day))


def findings(scores: Scores) -> list[Finding]:
    """Every rule over every row; findings sorted by row."""
    s, facts, cols = scores.settings, scores.facts, scores.columns
    today = cols.as_of
    stage = np.array(facts.stage, dtype=object)
    active = np.isin(stage, list(h.ACTIVE_STAGES))
    closed = stage == "ended"
    k = cols.win_ref.shape[1]
    present = np.arange(k)[None, :] < cols.n_parties[:, None]
    out: list[Finding] = []

    def add(row, kind, subject, since, opens=True, **evidence):
        out.append(Finding(int(row), kind, subject, _date(since), evidence, bool(opens)))

    # one_way_street, per ordered pair (a gives, b does not give back): how surprising b's silence
    # is, as two chances multiplied (log-evidence added) against one threshold.
    #
    # Referrals, on the pair's own clock. Since b's last referral to a, the partnership had S
    # activity events (b's own referrals are not part of the clock); before it, E such events came
    # with n referrals from b. At b's own rate (a Gamma posterior, with a prior worth one referral
    # in ten events so that a burst in the first weeks is not taken for the pace) no referral in S
    # more events happens with probability ((E + 10) / (E + 10 + S)) ** (n + 1). The clock is the
    # partnership's activity, not the calendar, so a lull that quiets both sides (summer,
    # Christmas) does not count as silence. A partner that never referred back is judged against
    # "as often as it receives": 0.5 ** (referrals given).
    #
    # Initiative, on the others' clock (domain.md: reciprocity includes who starts activities). A
    # partner turning into a taker also stops starting meetings and joint activities and lets the
    # other side carry the partnership. Since b last started one, the others started R in a row;
    # before, b started m of the partnership's initiatives and the others O. At b's own share q (a
    # Beta posterior, prior two starts each way) a run of R without b has probability
    # E[(1 - q) ** R] = B(2 + m, 2 + O + R) / B(2 + m, 2 + O). A lull slows the others' clock too.
    #
    # It opens when the product is at most `one_way_surprise`, while the referral silence alone is
    # at least unusual (`one_way_silence_chance`): a partner that lets the others start things but
    # keeps referring is not a one-way street, however long its run. Referral silence alone still
    # opens it, later (the threshold is lower than the referral side's old 0.1 %, decision 0005).
    silent_n = np.swapaxes(cols.ref_total, 1, 2).astype(np.float64)
    silence = np.swapaxes(cols.since_act, 1, 2).astype(np.float64)
    given_since = np.swapaxes(cols.since_fwd, 1, 2)
    before_silence = cols.events_total[:, None, None] - silence - silent_n
    with np.errstate(invalid="ignore", divide="ignore"):
        chance = np.where(
            silent_n > 0,
            ((before_silence + PRIOR_EVENTS) / (before_silence + PRIOR_EVENTS + silence))
            ** (silent_n + PRIOR_REFERRALS),
            0.5**given_since,
        )
    run = cols.init_run.astype(np.float64)
    mine = cols.init_total.astype(np.float64)
    theirs = np.where(present, cols.init_total, 0).sum(axis=1)[:, None] - mine - run
    starts, others = PRIOR_STARTS + mine, PRIOR_OTHER_STARTS + theirs
    log_run = _lgamma(others + run) - _lgamma(others) - _lgamma(starts + others + run)
    log_run += _lgamma(starts + others)
    with np.errstate(divide="ignore"):
        # [N, a, b]: b's run is the same against every giver a
        log_chance = np.log(chance) + np.minimum(log_run, 0.0)[:, None, :]
    pair = present[:, :, None] & present[:, None, :] & ~np.eye(k, dtype=bool)[None]
    # Kept while the silence stays that unlikely (the referral half still unusual), or while b's
    # share of the pair's recent (decayed) referrals is still small: one referral back does not
    # make a two-way street.
    recent, recent_back = cols.rec_ref, np.swapaxes(cols.rec_ref, 1, 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        back_share = np.where(recent > 0, recent_back / (recent + recent_back), 1.0)
    unusual = chance <= s.one_way_silence_chance
    still = (log_chance <= np.log(s.one_way_keep_surprise)) & unusual
    keep = pair & active[:, None, None] & (still | (back_share <= s.one_way_keep_share))
    keep &= recent > 0
    opens = keep & unusual & (given_since >= s.one_way_min_referrals)
    opens &= log_chance <= np.log(s.one_way_surprise)
    window_start = today - s.window_days
    created = facts.created
    for row, a, b in zip(*np.nonzero(keep), strict=True):
        parties = facts.parties[row]
        last_back = int(cols.last_ref[row, b, a])
        add(
            row,
            "one_way_street",
            f"{parties[a]}>{parties[b]}",
            # since b last referred back, within the window, never before the partnership began
            max(last_back if last_back != NONE else window_start, window_start, created[row]),
            opens=opens[row, a, b],
            party=parties[a],
            partner=parties[b],
            given=int(cols.win_ref[row, a, b]),
            received=int(cols.win_ref[row, b, a]),
            window_days=s.window_days,
            others_started=int(cols.init_run[row, b]),
        )

    # empty_partnership: silent for longer than the partnership's own pace allows.
    age = today - facts.created
    empty = active & (age >= s.empty_min_days) & (scores.silence >= scores.empty_after)
    for row in np.flatnonzero(empty):
        last = int(cols.last_activity[row])
        add(
            row,
            "empty_partnership",
            "",
            today - int(scores.silence[row]),
            days_silent=int(scores.silence[row]),
            last_activity=iso(last) if last != NONE else None,
            created=iso(facts.created[row]),
            usual_gap_days=int(scores.empty_after[row]),
        )

    # unanswered_referral / unanswered_contact_request: per receiving party. A referral opens the
    # alert after `unanswered_referral_days` when its receiver is usually slow, else after
    # `unanswered_referral_max_days` (an occasional late answer from a quick partner is not yet a
    # pattern). "Usually" is the typical recent answer time (the decayed geometric mean of
    # 1 + days), resting on at least `slow_answer_min_answers` (decayed: one answer of the last
    # days, or several older ones): in the mean, one three-week answer among three quick ones
    # already read as "usually slow", and so did a single answer months ago.
    with np.errstate(invalid="ignore", divide="ignore"):
        usual = np.where(
            cols.ans_n > 1e-6, np.expm1(cols.ans_log / np.maximum(cols.ans_n, 1e-9)), 0.0
        )
    slow = (usual >= s.slow_answer_days) & (cols.ans_n >= s.slow_answer_min_answers)
    answered = cols.ans_n > 1e-6
    for kind, count, oldest, limit, needs_slow in (
        (
            "unanswered_referral",
            cols.pend_ref_n,
            cols.pend_ref_oldest,
            s.unanswered_referral_days,
            True,
        ),
        (
            "unanswered_contact_request",
            cols.pend_cr_n,
            cols.pend_cr_oldest,
            s.unanswered_contact_days,
            False,
        ),
    ):
        waited = np.where(oldest != NONE, today - oldest, -1)
        late = present & (waited >= limit) & ~closed[:, None]
        opening = late & (slow | (waited >= s.unanswered_referral_max_days)) if needs_slow else late
        for row, party in zip(*np.nonzero(late), strict=True):
            add(
                row,
                kind,
                facts.parties[row][party],
                int(oldest[row, party]) + limit,
                opens=opening[row, party],
                party=facts.parties[row][party],
                waiting=int(count[row, party]),
                oldest_days=int(waited[row, party]),
                # None: the party has not answered anything yet, so there is no "usually"
                usual_days=round(float(usual[row, party]), 1) if answered[row, party] else None,
            )

    # perception_gap: in the latest complete round, per factor.
    latest = cols.rev_last
    scored = ~np.isnan(latest)
    with np.errstate(invalid="ignore"):
        gap = np.where(
            scored.sum(axis=1) >= 2,
            np.max(np.where(scored, latest, -np.inf), axis=1)
            - np.min(np.where(scored, latest, np.inf), axis=1),
            np.nan,
        )
    # With `perception_gap_rounds` 2 a gap must show in two rounds in a row (or be a point wider)
    # before it opens; 1 (the default, issue 7) opens on the first complete round with the gap.
    before = cols.rev_prev
    both_before = (~np.isnan(before)).sum(axis=1) >= 2
    with np.errstate(invalid="ignore"):
        gap_before = np.where(
            both_before,
            np.max(np.where(np.isnan(before), -np.inf, before), axis=1)
            - np.min(np.where(np.isnan(before), np.inf, before), axis=1),
            np.nan,
        )
    # Opens on a complete round; stays open while the latest scores still differ that much.
    round_ok = in_round(cols, s)
    wide = ~closed[:, None] & (np.nan_to_num(gap, nan=0) >= s.perception_gap_points)
    confirmed = (
        (s.perception_gap_rounds <= 1)
        | (np.nan_to_num(gap_before, nan=0) >= s.perception_gap_points)
        | (np.nan_to_num(gap, nan=0) >= s.perception_gap_points + 1)
    )
    round_day = np.where(present, cols.rev_last_day, NONE).max(axis=1)
    for row, f in zip(*np.nonzero(wide), strict=True):
        parties = facts.parties[row]
        day = int(round_day[row])
        add(
            row,
            "perception_gap",
            FACTORS[f],
            day,
            opens=confirmed[row, f] & round_ok[row],
            factor=FACTORS[f],
            gap=float(gap[row, f]),
            scores={
                parties[p]: float(latest[row, p, f])
                for p in range(len(parties))
                if scored[row, p, f]
            },
        )

    # kpi_shortfall: per KPI target, after the grace period. Counted KPIs (referrals, meetings
    # ...) are judged on how long they have been behind, not on the window: a healthy partner's
    # natural gap of a few months pulls a six-month count under half the target as often as a real
    # drop does. The run is the time since the KPI was last on track against `kpi_pace` times its
    # pro-rated target (a one-sided CUSUM, kept by the aggregates); it opens when the KPI is
    # `kpi_shortfall_units` short of that pace over the run, below `kpi_shortfall_attainment` of
    # the pro-rated target, and so few would happen at the target's pace with at most
    # `kpi_chance` (Poisson). Amounts and "at most" KPIs keep the window rule.
    attainment = scores.attainment
    counted = np.array([key in COUNTED_KPIS for key in facts.kpi_key], dtype=bool)
    counted &= ~facts.kpi_at_most
    start = facts.agreement_start[facts.kpi_p]
    graced = (start != NONE) & (today - start >= s.kpi_grace_days)
    with np.errstate(invalid="ignore"):
        keep_window = ~counted & ~np.isnan(attainment) & (attainment < s.kpi_keep_attainment)
        open_window = keep_window & (attainment < s.kpi_shortfall_attainment)
        open_window &= scores.expected >= s.kpi_min_expected
    known = counted & graced & (cols.kpi_run_from != NONE) & ~np.isnan(cols.kpi_run_actual)
    run_days = np.where(known, today - cols.kpi_run_from + 1, 0)
    run_expected = facts.kpi_target * run_days / facts.kpi_period
    run_actual = np.nan_to_num(cols.kpi_run_actual, nan=0.0)
    short = np.where(known, s.kpi_pace * run_expected - run_actual, 0.0)
    keep_run = known & (short >= s.kpi_keep_units)
    open_run = keep_run & (short >= s.kpi_shortfall_units)
    open_run &= run_expected >= s.kpi_min_expected
    open_run &= run_actual < s.kpi_shortfall_attainment * run_expected
    chance = np.ones(len(short))
    chance[open_run] = _poisson_cdf(run_actual[open_run], run_expected[open_run])
    open_run &= chance <= s.kpi_chance
    window_start = (week_of(today) - s.window_weeks + 1) * 7
    window_days = today - np.maximum(start, window_start) + 1
    for m in np.flatnonzero((keep_window | keep_run) & ~closed[facts.kpi_p]):
        row, party = int(facts.kpi_p[m]), int(facts.kpi_party[m])
        who = facts.parties[row][party] if party != NONE else None
        if counted[m]:
            actual, expected, days = run_actual[m], run_expected[m], int(run_days[m])
            since, opens = int(cols.kpi_run_from[m]), open_run[m]
            percent = 100 * actual / expected
        else:
            actual, expected, days = cols.kpi_actual[m], scores.expected[m], int(window_days[m])
            since, opens = today, open_window[m]
            percent = 100 * attainment[m]
        add(
            row,
            "kpi_shortfall",
            f"{facts.kpi_key[m]}:{who or '*'}",
            since,
            opens=opens,
            kpi=facts.kpi_key[m],
            party=who,
            actual=round(float(actual), 2),
            expected=round(float(expected), 2),
            percent=round(float(percent)),
            target=float(facts.kpi_target[m]),
            days=days,
        )

    # review_overdue: the agreed cadence, counted from the last complete round.
    all_reviewed = ((cols.rev_last_day != NONE) | ~present).all(axis=1)
    last_round = np.where(present, cols.rev_last_day, np.iinfo(np.int64).max).min(axis=1)
    base = np.where(
        all_reviewed & (last_round >= facts.agreement_start), last_round, facts.agreement_start
    )
    due = base + facts.review_every
    cadence = (facts.review_every > 0) & (facts.agreement_start != NONE) & ~closed
    cadence &= stage != "paused"
    overdue = cadence & (today > due + s.review_grace_days)
    for row in np.flatnonzero(overdue):
        add(
            row,
            "review_overdue",
            "",
            int(due[row]),
            due=iso(due[row]),
            days_overdue=int(today - due[row]),
            cadence_days=int(facts.review_every[row]),
        )

    # stalled_stage
    limits = np.array([s.stalled_days.get(x, 0) for x in facts.stage], dtype=np.int64)
    in_stage = today - facts.stage_since
    stalled = (limits > 0) & (in_stage >= limits)
    for row in np.flatnonzero(stalled):
        add(
            row,
            "stalled_stage",
            facts.stage[row],
            int(facts.stage_since[row] + limits[row]),
            stage=facts.stage[row],
            days_in_stage=int(in_stage[row]),
            limit_days=int(limits[row]),
        )

    # unsettled_costs: part of what a party is owed comes from cost items older than
    # `unsettled_days` (its balance exceeds what recent cost items put to its credit), so costs
    # are settled late, not just still in their normal settling time.
    old_debt = np.where(present, cols.balance - cols.recent_credit, -np.inf).max(axis=1)
    unsettled = (cols.unsettled_since != NONE) & (old_debt >= s.unsettled_min_cents)
    unsettled &= today - cols.unsettled_since >= s.unsettled_days
    for row in np.flatnonzero(unsettled):
        parties = facts.parties[row]
        # Who pays whom how much: the cost ledger's own settlement proposal, so the warning names
        # every debtor with its own amount, as the costs page does (the first transfer also fills
        # the single-debtor fields that alerts stored before `transfers` existed carry).
        transfers = settlement(cols.balance[row, : len(parties)])
        payer, payee, cents = transfers[0] if transfers else (0, 0, 0)
        add(
            row,
            "unsettled_costs",
            "",
            int(cols.unsettled_since[row]),
            owed_party=parties[payee],
            debtor_party=parties[payer],
            amount_cents=cents,
            transfers=[[parties[a], parties[b], c] for a, b, c in transfers],
            unsettled_days=int(today - cols.unsettled_since[row]),
        )

    # declining_trust: in a complete round the parties rate the relationship (trust,
    # communication, commitment) well below the partnership's own level before, measured over at
    # least `trust_baseline_rounds` earlier rounds (one earlier round is too little evidence: a
    # whole point of rounding in one quarter is not a decline).
    relationship = [FACTORS.index(f) for f in RELATIONSHIP_FACTORS if f in FACTORS]
    with np.errstate(invalid="ignore"):
        per_party = _nanmean(latest[:, :, relationship], axis=2)
        round_level = _nanmean(np.where(present, per_party, np.nan), axis=1)
        drop = cols.relationship_base - round_level
        enough = cols.relationship_base_n >= s.trust_baseline_rounds * cols.n_parties
        declining = ~np.isnan(drop) & (drop >= s.trust_drop_points) & enough & round_ok
        declining &= ~closed
    latest_review = np.where(present, cols.rev_last_day, NONE).max(axis=1)
    for row in np.flatnonzero(declining):
        add(
            row,
            "declining_trust",
            "",
            int(latest_review[row]),
            before=round(float(cols.relationship_base[row]), 1),
            now=round(float(round_level[row]), 1),
        )

    # poor_service_feedback: per rated party, its latest client ratings.
    latest_n = (~np.isnan(cols.last_ratings)).sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        average = np.nansum(cols.last_ratings, axis=2) / latest_n
    rated = present & (cols.win_rating_n >= s.poor_service_min_ratings) & ~closed[:, None]
    rated &= latest_n >= s.poor_service_min_ratings
    keep_poor = rated & (average <= s.poor_service_rating + 0.5)
    open_poor = keep_poor & (average <= s.poor_service_rating)
    for row, party in zip(*np.nonzero(keep_poor), strict=True):
        add(
            row,
            "poor_service_feedback",
            facts.parties[row][party],
            today,
            opens=open_poor[row, party],
            party=facts.parties[row][party],
            ratings=int(latest_n[row, party]),
            average=round(float(average[row, party]), 1),
        )

    out.sort(key=lambda f: f.row)
    return out


def settlement(balance: np.ndarray) -> list[tuple[int, int, int]]:
    """Transfers (payer, payee, cents) that bring the balances (cents, positive = the others owe
    the party) to zero: largest debtor pays largest creditor, first party on ties, the rule of
    ``verbund.activities.ledger.settle`` (the costs page's proposal), in whole cents."""
    cents = [round(float(b)) for b in balance]
    # (balances a rounded cent off zero leave that cent out, as they should)
    owes = {p: -c for p, c in enumerate(cents) if c < 0}
    owed = {p: c for p, c in enumerate(cents) if c > 0}
    transfers: list[tuple[int, int, int]] = []
    while owes and owed:
        debtor = max(owes, key=lambda p: owes[p])
        creditor = max(owed, key=lambda p: owed[p])
        amount = min(owes[debtor], owed[creditor])
        transfers.append((debtor, creditor, amount))
        for side, party in ((owes, debtor), (owed, creditor)):
            side[party] -= amount
            if side[party] == 0:
                del side[party]
    return transfers


def _nanmean(values: np.ndarray, axis: int) -> np.ndarray:
    """Mean over the values that are not NaN (NaN where there is none), without warnings."""
    counted = (~np.isnan(values)).sum(axis=axis)
    total = np.nansum(values, axis=axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counted > 0, total / np.maximum(counted, 1), np.nan)


def _lgamma(x: np.ndarray) -> np.ndarray:
    """log Γ(x) for x > 0, elementwise: Stirling's series after shifting x past 8 (error below
    1e-10; numpy has no lgamma and the core does not import scipy)."""
    x = np.asarray(x, dtype=np.float64)
    shift = np.zeros_like(x)
    z = x.copy()
    for _ in range(8):
        small = z < 8.0
        shift += np.where(small, np.log(np.where(small, z, 1.0)), 0.0)
        z = np.where(small, z + 1.0, z)
    inv = 1.0 / z
    series = inv / 12.0 - inv**3 / 360.0 + inv**5 / 1260.0 - inv**7 / 1680.0
    return (z - 0.5) * np.log(z) - z + 0.5 * np.log(2 * np.pi) + series - shift


def _poisson_cdf(actual: np.ndarray, mean: np.ndarray) -> np.ndarray:
    """P(X <= actual) for X ~ Poisson(mean), elementwise (actual rounded down, small counts)."""
    x = np.floor(np.nan_to_num(actual, nan=0.0)).astype(np.int64)
    mean = np.nan_to_num(mean, nan=0.0)
    term = np.exp(-mean)
    total = term.copy()
    for i in range(1, int(x.max(initial=0)) + 1):
        term = term * mean / i
        total += np.where(i <= x, term, 0.0)
    return total


def by_row(all_findings: Iterable[Finding], n: int) -> list[list[Finding]]:
    rows: list[list[Finding]] = [[] for _ in range(n)]
    for finding in all_findings:
        rows[finding.row].append(finding)
    return rows
