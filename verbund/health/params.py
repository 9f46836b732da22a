"""Every tunable number of health scoring and the alert rules, with its default.

A network may override any of them (``HealthSettings.from_mapping``); the meaning of each number
and why it has its default is in docs/decisions/0005-health-model.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType

COMPONENTS = (
    "activity",
    "reciprocity",
    "responsiveness",
    "outcomes",
    "factors",
    "trust",
)

# How long a partnership may sit in one stage before `stalled_stage` (stages without an entry
# never stall: agreed and strategic are where a partnership should stay; paused/ended are decided).
DEFAULT_STALLED_DAYS: Mapping[str, int] = MappingProxyType(
    {"identified": 60, "contacted": 45, "exploring": 120, "pilot": 240}
)


@dataclass(frozen=True)
class HealthSettings:
    # Rolling window for counts, evidence and the volume part of activity.
    window_days: int = 180
    # Time constant of the "recent" (exponentially decayed) counters that detect a change early:
    # an event counts e^(-age/45 days), i.e. half after 31 days.
    recent_days: float = 45.0

    # Grey light: too little data to say anything.
    min_age_days: int = 30
    min_events: int = 3

    # Traffic light on the 0..100 score.
    green_from: float = 70.0
    red_below: float = 45.0

    # Component weights (renormalised over the components that apply).
    weight_activity: float = 0.25
    weight_reciprocity: float = 0.20
    weight_responsiveness: float = 0.15
    weight_outcomes: float = 0.15
    weight_factors: float = 0.15
    weight_trust: float = 0.10

    # activity: events in the window that count as a fully active partnership.
    expected_events: float = 8.0
    # empty_partnership: silent for as long as `empty_expected_events` events would normally take
    # (from the partnership's own pace), but at least `empty_min_days` and at most `empty_max_days`.
    empty_min_days: int = 45
    empty_max_days: int = 150
    empty_expected_events: float = 10.0
    # ... the pace measured over at least this many days before the silence (a kick-off burst in
    # the first weeks is not the partnership's pace).
    empty_pace_min_days: int = 60

    # one_way_street, per ordered pair of parties: the partner's silence is so unlikely that the
    # chance of it is at most `one_way_surprise` — the chance of its referral silence (measured in
    # the partnership's own activity since its last referral back, against its own rate before)
    # times the chance of its run without starting a meeting or joint activity (against its own
    # share of them before) — while the referral silence alone has a chance of at most
    # `one_way_silence_chance` and the other side passed at least `one_way_min_referrals` referrals
    # in that time; stays open while the product is at most `one_way_keep_surprise`, or while the
    # partner's share of the pair's recent (decayed) referrals is at most `one_way_keep_share`.
    one_way_surprise: float = 0.00001
    one_way_silence_chance: float = 0.1
    one_way_keep_surprise: float = 0.001
    one_way_keep_share: float = 0.2
    one_way_min_referrals: float = 3.0

    # responsiveness: first answer within `answer_good_days` is perfect, after `answer_bad_days` 0.
    answer_good_days: float = 2.0
    answer_bad_days: float = 14.0
    # unanswered_referral: a referral has waited this long, and its receiver usually answers slowly
    # (its typical recent answer time — geometric mean, decayed like `recent_days` — is
    # `slow_answer_days` or more, over at least `slow_answer_min_answers` decayed answers) — or it
    # has waited `unanswered_referral_max_days`.
    unanswered_referral_days: int = 14
    slow_answer_days: float = 7.0
    slow_answer_min_answers: float = 1.0
    unanswered_referral_max_days: int = 42
    unanswered_contact_days: int = 14

    # influence factors (1..5): perception_gap when two parties' latest scores of one factor differ
    # by this much (issue 7: 2 points). Reviews count as one round when within `round_days`.
    perception_gap_points: float = 2.0
    # 2: the gap must also have been there in the round before (or be a point wider) to open.
    perception_gap_rounds: int = 1
    round_days: int = 60
    # declining_trust: in a complete round the mean of the relationship factors (trust,
    # communication, commitment) is this much (points on 1..5) below the partnership's own mean
    # over its earlier reviews, which span at least `trust_baseline_rounds` rounds.
    trust_drop_points: float = 0.75
    trust_baseline_rounds: int = 2
    # Smoothing of the trust trajectory over reviews (exponential, weight of the newest review).
    trust_smoothing: float = 0.5

    # kpi_shortfall: actual below this share of the pro-rated target, after a grace period.
    kpi_shortfall_attainment: float = 0.5
    kpi_keep_attainment: float = 0.6
    kpi_grace_days: int = 90
    # ... and only when the pro-rated target is at least this much (below it, chance rules).
    kpi_min_expected: float = 4.0
    # Counted KPIs (referrals, meetings ...) are not judged on the window: a healthy partner's
    # natural gap of a few months pulls a six-month count below half the target as often as a real
    # drop does. They open when the KPI has fallen behind for longer: since it was last on track
    # against `kpi_pace` times its pro-rated target (a one-sided CUSUM), it is at least
    # `kpi_shortfall_units` short of that pace and below `kpi_shortfall_attainment` of the
    # pro-rated target; kept while still `kpi_keep_units` short.
    kpi_pace: float = 0.85
    kpi_shortfall_units: float = 8.0
    kpi_keep_units: float = 4.0
    # ... and when so low a count over that period would happen at the target's pace with at most
    # this probability (Poisson), i.e. not just bad luck.
    kpi_chance: float = 0.01

    # review_overdue: days after the agreed review date.
    review_grace_days: int = 45

    stalled_days: Mapping[str, int] = field(default_factory=lambda: DEFAULT_STALLED_DAYS)

    # unsettled_costs: a party is owed at least this much from cost items older than
    # `unsettled_days`.
    unsettled_min_cents: int = 5_000
    unsettled_days: int = 90

    # poor_service_feedback: average of a party's latest (up to 3) client ratings (1..5) at or
    # below this, from at least `poor_service_min_ratings` ratings in the window.
    poor_service_rating: float = 2.5
    poor_service_min_ratings: int = 3

    def component_weights(self) -> dict[str, float]:
        return {c: float(getattr(self, f"weight_{c}")) for c in COMPONENTS}

    @property
    def window_weeks(self) -> int:
        """The window in whole weeks (counters are kept per week so they can slide)."""
        return -(-self.window_days // 7)

    @classmethod
    def from_mapping(cls, overrides: Mapping[str, object] | None) -> HealthSettings:
        """Defaults with a network's overrides; unknown keys are an error, not silently ignored."""
        if not overrides:
            return cls()
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(overrides) - set(known))
        if unknown:
            raise ValueError(f"unknown health settings: {', '.join(unknown)}")
        values: dict[str, object] = {}
        for key, value in overrides.items():
            if key == "stalled_days":
                if not isinstance(value, Mapping):
                    raise ValueError("stalled_days maps stage -> days")
                values[key] = MappingProxyType({str(k): int(v) for k, v in value.items()})
            elif isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"{key}: a number is required")
            else:
                default = getattr(cls(), key)
                values[key] = type(default)(value)
        settings = replace(cls(), **values)  # type: ignore[arg-type]
        if settings.window_days < 7 or settings.recent_days <= 0:
            raise ValueError("window_days is at least 7 and recent_days positive")
        if not settings.red_below <= settings.green_from:
            raise ValueError("red_below is at most green_from")
        return settings


DEFAULTS = HealthSettings()
