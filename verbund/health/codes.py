"""Stable codes of the reasons behind a health score and of the suggested next steps of alerts.

The codes are an interface: the Django side stores them with their parameters and translates them
(German, Dutch, English) when shown; never rename one, add new ones. Parameters are plain JSON
values: numbers, days (ISO dates), party keys (turned into company names) and catalogue keys
(factor, KPI, stage; turned into labels in the reader's language). No prose lives here.
"""

from __future__ import annotations

from types import MappingProxyType

# Reasons: code -> parameter names. Each reason also carries its component and its effect on the
# score in points (positive: pulled the score up).
REASONS = MappingProxyType(
    {
        "recently_active": ("days_since",),
        "silent": ("days_since", "usual_gap_days"),
        "busy": ("events", "window_days"),
        "few_events": ("events", "window_days"),
        "referrals_balanced": ("party", "partner", "given", "received"),
        "referrals_one_sided": ("party", "partner", "given", "received"),
        "value_one_sided": ("party", "partner", "given_cents", "received_cents"),
        "initiative_one_sided": ("party", "started", "others_started"),
        "initiative_spread": ("party", "started", "others_started"),
        "quick_answers": ("days",),
        "slow_answers": ("party", "days"),
        "kpis_on_track": ("percent",),
        "kpi_behind": ("kpi", "percent"),
        "factors_strong": ("average",),
        "factors_weak": ("average",),
        "perception_gap": ("factor", "gap"),
        "factor_falling": ("factor", "change"),
        "trust_rising": ("before", "now"),
        "trust_falling": ("before", "now"),
        "trust_level": ("now",),
    }
)

# Suggested next step of each alert kind (one code per kind; the Django side may link it).
NEXT_STEPS = MappingProxyType(
    {
        "one_way_street": "discuss_balance",
        "empty_partnership": "plan_joint_activity",
        "unanswered_referral": "remind_to_answer_referral",
        "perception_gap": "discuss_factor_together",
        "kpi_shortfall": "adjust_plan_or_target",
        "review_overdue": "schedule_review",
        "stalled_stage": "decide_next_stage",
        "unsettled_costs": "settle_costs",
        "declining_trust": "management_meeting",
        "poor_service_feedback": "discuss_service_quality",
        "unanswered_contact_request": "answer_contact_request",
    }
)

# Evidence parameters of each alert kind.
EVIDENCE = MappingProxyType(
    {
        "one_way_street": (
            "party",
            "partner",
            "given",
            "received",
            "window_days",
            "others_started",
        ),
        "empty_partnership": ("days_silent", "last_activity", "created", "usual_gap_days"),
        "unanswered_referral": ("party", "waiting", "oldest_days", "usual_days"),
        "perception_gap": ("factor", "gap", "scores"),
        "kpi_shortfall": ("kpi", "party", "actual", "expected", "percent", "target", "days"),
        "review_overdue": ("due", "days_overdue", "cadence_days"),
        "stalled_stage": ("stage", "days_in_stage", "limit_days"),
        "unsettled_costs": (
            "owed_party",
            "debtor_party",
            "amount_cents",
            "transfers",
            "unsettled_days",
        ),
        "declining_trust": ("before", "now"),
        "poor_service_feedback": ("party", "ratings", "average"),
        "unanswered_contact_request": ("party", "waiting", "oldest_days", "usual_days"),
    }
)
