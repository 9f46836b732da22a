"""Validation of a network's health settings, field by field, with messages in the reader's
language (the pure ``HealthSettings.from_mapping`` checks the whole; here each field gets its
own clear error first)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from verbund.health.params import DEFAULT_STALLED_DAYS, HealthSettings

# Bounds of the settings that are not plain "zero or more" (inclusive).
BOUNDS: dict[str, tuple[float, float]] = {
    "window_days": (7, 730),
    "recent_days": (1, 365),
    "green_from": (0, 100),
    "red_below": (0, 100),
    "one_way_surprise": (0, 1),
    "one_way_silence_chance": (0, 1),
    "one_way_keep_surprise": (0, 1),
    "one_way_keep_share": (0, 1),
    "kpi_shortfall_attainment": (0, 1),
    "kpi_keep_attainment": (0, 1),
    "kpi_chance": (0, 1),
    "kpi_pace": (0.05, 2),
    "trust_smoothing": (0.01, 1),
    "perception_gap_points": (0.5, 4),
    "trust_drop_points": (0.1, 4),
    "poor_service_rating": (1, 5),
    "perception_gap_rounds": (1, 4),
    "trust_baseline_rounds": (1, 8),
}
STAGES_THAT_STALL = tuple(DEFAULT_STALLED_DAYS)


# What the form shows for each setting: label and help in the reader's language, in sections.
LABELS: dict[str, tuple[Promise, Promise]] = {
    "window_days": (
        gettext_lazy("Window (days)"),
        gettext_lazy("Counts, evidence and activity look back this many days."),
    ),
    "recent_days": (
        gettext_lazy("Recent activity, time constant (days)"),
        gettext_lazy(
            "How fast older events count less when a change is detected early (45: an event "
            "counts half after 31 days)."
        ),
    ),
    "min_age_days": (
        gettext_lazy("Minimum age (days)"),
        gettext_lazy("Younger partnerships get a grey light: too little data."),
    ),
    "min_events": (
        gettext_lazy("Minimum events"),
        gettext_lazy("Fewer recorded events give a grey light: too little data."),
    ),
    "green_from": (
        gettext_lazy("Green from (score)"),
        gettext_lazy("A score (0–100) from this value up shows green."),
    ),
    "red_below": (
        gettext_lazy("Red below (score)"),
        gettext_lazy("A score below this value shows red; in between amber."),
    ),
    "weight_activity": (
        gettext_lazy("Weight: activity"),
        gettext_lazy(
            "Share of activity in the score; weights are scaled over the components that apply."
        ),
    ),
    "weight_reciprocity": (
        gettext_lazy("Weight: reciprocity"),
        gettext_lazy("Share of give and take (referrals both ways) in the score."),
    ),
    "weight_responsiveness": (
        gettext_lazy("Weight: responsiveness"),
        gettext_lazy("Share of how fast referrals get a first answer."),
    ),
    "weight_outcomes": (
        gettext_lazy("Weight: outcomes"),
        gettext_lazy("Share of KPI attainment and business won."),
    ),
    "weight_factors": (
        gettext_lazy("Weight: influence factors"),
        gettext_lazy("Share of the partners' review scores (1–5)."),
    ),
    "weight_trust": (
        gettext_lazy("Weight: trust"),
        gettext_lazy("Share of the trust trend over the reviews."),
    ),
    "expected_events": (
        gettext_lazy("Events for full activity"),
        gettext_lazy("This many events in the window count as a fully active partnership."),
    ),
    "empty_min_days": (
        gettext_lazy("Silent at least (days)"),
        gettext_lazy("An empty-partnership warning needs at least this many silent days."),
    ),
    "empty_max_days": (
        gettext_lazy("Silent at most (days)"),
        gettext_lazy(
            "After this many silent days the warning opens whatever the partnership's usual pace."
        ),
    ),
    "empty_expected_events": (
        gettext_lazy("Events normally in the silence"),
        gettext_lazy(
            "Silent for as long as this many events would normally take at the partnership's "
            "own pace."
        ),
    ),
    "empty_pace_min_days": (
        gettext_lazy("Pace measured over at least (days)"),
        gettext_lazy("A kick-off burst in the first weeks is not the partnership's pace."),
    ),
    "one_way_surprise": (
        gettext_lazy("Chance that opens the warning"),
        gettext_lazy(
            "Opens when the partner's silence (no referrals back, no meetings started) would "
            "happen by chance at most this often (0–1)."
        ),
    ),
    "one_way_silence_chance": (
        gettext_lazy("Chance of the referral silence alone"),
        gettext_lazy("The partner's referral silence alone must be at most this likely (0–1)."),
    ),
    "one_way_keep_surprise": (
        gettext_lazy("Chance that keeps the warning open"),
        gettext_lazy(
            "Stays open while the chance is at most this (0–1; not below the chance that opens it)."
        ),
    ),
    "one_way_keep_share": (
        gettext_lazy("Share that keeps the warning open"),
        gettext_lazy(
            "Also stays open while the partner's share of the pair's recent referrals is at "
            "most this (0–1)."
        ),
    ),
    "one_way_min_referrals": (
        gettext_lazy("Referrals passed by the other side"),
        gettext_lazy("The other side passed at least this many referrals in the silence."),
    ),
    "answer_good_days": (
        gettext_lazy("First answer is perfect within (days)"),
        gettext_lazy("A first answer within this many days gives full responsiveness."),
    ),
    "answer_bad_days": (
        gettext_lazy("First answer counts nothing after (days)"),
        gettext_lazy("A first answer after this many days gives no responsiveness."),
    ),
    "unanswered_referral_days": (
        gettext_lazy("Unanswered referral after (days)"),
        gettext_lazy(
            "A referral waiting this long opens a warning when its receiver usually answers slowly."
        ),
    ),
    "slow_answer_days": (
        gettext_lazy("Slow answer (days)"),
        gettext_lazy(
            "A receiver whose typical first answer takes this long or more answers slowly."
        ),
    ),
    "slow_answer_min_answers": (
        gettext_lazy("Answers needed to judge the pace"),
        gettext_lazy(
            "The typical answer time counts from at least this many (recent, weighted) answers."
        ),
    ),
    "unanswered_referral_max_days": (
        gettext_lazy("Unanswered referral in any case after (days)"),
        gettext_lazy("A referral waiting this long opens a warning whoever receives it."),
    ),
    "unanswered_contact_days": (
        gettext_lazy("Unanswered contact request after (days)"),
        gettext_lazy("A contact request waiting this long opens a warning."),
    ),
    "perception_gap_points": (
        gettext_lazy("Perception gap (points)"),
        gettext_lazy(
            "Two partners' latest scores of one factor (1–5) differ by at least this much."
        ),
    ),
    "perception_gap_rounds": (
        gettext_lazy("Perception gap, rounds"),
        gettext_lazy(
            "2: the gap must also have been there in the round before (or be a point wider)."
        ),
    ),
    "round_days": (
        gettext_lazy("Reviews in one round within (days)"),
        gettext_lazy("Reviews this close together count as one round."),
    ),
    "trust_drop_points": (
        gettext_lazy("Trust drop (points)"),
        gettext_lazy(
            "Trust, communication and commitment (1–5) this much below the partnership's own "
            "earlier mean."
        ),
    ),
    "trust_baseline_rounds": (
        gettext_lazy("Earlier rounds for the trust baseline"),
        gettext_lazy("The earlier reviews span at least this many rounds."),
    ),
    "trust_smoothing": (
        gettext_lazy("Trust smoothing"),
        gettext_lazy(
            "Weight of the newest review in the trust trend (0.01–1; 1: only the newest)."
        ),
    ),
    "kpi_shortfall_attainment": (
        gettext_lazy("KPI shortfall below (share)"),
        gettext_lazy(
            "Opens when a KPI reaches less than this share of its target to date (0–1; 0.5 = 50 %)."
        ),
    ),
    "kpi_keep_attainment": (
        gettext_lazy("KPI shortfall kept below (share)"),
        gettext_lazy("Stays open while the KPI is below this share of its target to date (0–1)."),
    ),
    "kpi_grace_days": (
        gettext_lazy("KPI grace period (days)"),
        gettext_lazy("No KPI warning in the first days of an agreement."),
    ),
    "kpi_min_expected": (
        gettext_lazy("KPI judged from (expected to date)"),
        gettext_lazy("Below this target to date, chance rules and no warning opens."),
    ),
    "kpi_pace": (
        gettext_lazy("KPI pace (share of target)"),
        gettext_lazy("Counted KPIs are compared with this share of their target's pace (0.05–2)."),
    ),
    "kpi_shortfall_units": (
        gettext_lazy("KPI behind by (units)"),
        gettext_lazy("A counted KPI opens a warning when this far behind that pace."),
    ),
    "kpi_keep_units": (
        gettext_lazy("KPI still behind by (units)"),
        gettext_lazy("The warning stays open while the KPI is still this far behind."),
    ),
    "kpi_chance": (
        gettext_lazy("KPI chance"),
        gettext_lazy(
            "So low a count would happen at the target's pace at most this often (0–1): not "
            "just bad luck."
        ),
    ),
    "review_grace_days": (
        gettext_lazy("Review overdue after (days)"),
        gettext_lazy("Days after the agreed review date before a warning opens."),
    ),
    "unsettled_min_cents": (
        gettext_lazy("Unsettled costs from (cents)"),
        gettext_lazy("A party is owed at least this much (in cents: 5000 = 50 €)."),
    ),
    "unsettled_days": (
        gettext_lazy("Costs unsettled for (days)"),
        gettext_lazy("Counts only cost items older than this."),
    ),
    "poor_service_rating": (
        gettext_lazy("Poor service rating at or below"),
        gettext_lazy("Average of a party's latest client ratings (1–5) at or below this."),
    ),
    "poor_service_min_ratings": (
        gettext_lazy("Ratings needed"),
        gettext_lazy("At least this many client ratings in the window."),
    ),
}
SECTIONS: tuple[tuple[Promise, tuple[str, ...]], ...] = (
    (
        gettext_lazy("Score and traffic light"),
        (
            "window_days",
            "recent_days",
            "min_age_days",
            "min_events",
            "green_from",
            "red_below",
        ),
    ),
    (
        gettext_lazy("Weights of the components"),
        (
            "weight_activity",
            "weight_reciprocity",
            "weight_responsiveness",
            "weight_outcomes",
            "weight_factors",
            "weight_trust",
            "expected_events",
        ),
    ),
    (
        gettext_lazy("Empty partnership"),
        (
            "empty_min_days",
            "empty_max_days",
            "empty_expected_events",
            "empty_pace_min_days",
        ),
    ),
    (
        gettext_lazy("One-way street"),
        (
            "one_way_surprise",
            "one_way_silence_chance",
            "one_way_keep_surprise",
            "one_way_keep_share",
            "one_way_min_referrals",
        ),
    ),
    (
        gettext_lazy("Answers"),
        (
            "answer_good_days",
            "answer_bad_days",
            "unanswered_referral_days",
            "slow_answer_days",
            "slow_answer_min_answers",
            "unanswered_referral_max_days",
            "unanswered_contact_days",
        ),
    ),
    (
        gettext_lazy("Reviews and trust"),
        (
            "perception_gap_points",
            "perception_gap_rounds",
            "round_days",
            "trust_drop_points",
            "trust_baseline_rounds",
            "trust_smoothing",
            "review_grace_days",
        ),
    ),
    (
        gettext_lazy("KPI shortfall"),
        (
            "kpi_shortfall_attainment",
            "kpi_keep_attainment",
            "kpi_grace_days",
            "kpi_min_expected",
            "kpi_pace",
            "kpi_shortfall_units",
            "kpi_keep_units",
            "kpi_chance",
        ),
    ),
    (gettext_lazy("Stalled stage"), ("stalled_days",)),
    (
        gettext_lazy("Costs and service"),
        (
            "unsettled_min_cents",
            "unsettled_days",
            "poor_service_rating",
            "poor_service_min_ratings",
        ),
    ),
)


def stage_field(stage: str) -> str:
    """The form field (and error key) of one stage's stall limit, as in the command's --set."""
    return f"stalled_days.{stage}"


def _stage_name(stage: str) -> str:
    from verbund.partnerships.models import Stage

    try:
        return str(Stage(stage).label)
    except ValueError:
        return stage


def label(name: str) -> str:
    """A setting's (or a stage field's) label in the reader's language."""
    if name.startswith("stalled_days."):
        stage = _stage_name(name.removeprefix("stalled_days."))
        return _("Days in “%(stage)s” before it counts as stalled") % {"stage": stage}
    if name in LABELS:
        return str(LABELS[name][0])
    return _("Settings") if name == "settings" else name


def help_text(name: str) -> str:
    if name.startswith("stalled_days."):
        return _("A partnership in this stage for longer opens a stalled-stage warning.")
    return str(LABELS[name][1]) if name in LABELS else ""


def shown(value: Any) -> str:
    """A value as the reader writes it: no exponent (0.00001, not 1e-05), their decimal mark."""
    if isinstance(value, float):
        text = f"{value:.10f}".rstrip("0").rstrip(".")
        return text.replace(".", str(formats.get_format("DECIMAL_SEPARATOR")))
    return str(value)


def defaults() -> dict[str, Any]:
    base = HealthSettings()
    return {
        f.name: (dict(getattr(base, f.name)) if f.name == "stalled_days" else getattr(base, f.name))
        for f in fields(HealthSettings)
    }


def _number(key: str, value: Any, default: Any) -> int | float:
    if isinstance(value, str):
        value = value.strip().replace(",", ".")
        try:
            value = float(value)
        except ValueError:
            raise ValidationError({key: _("Enter a number.")}) from None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise ValidationError({key: _("Enter a number.")})
    if isinstance(default, int):
        if value != int(value):
            raise ValidationError({key: _("Enter a whole number.")})
        value = int(value)
    low, high = BOUNDS.get(key, (0, 1_000_000))
    if not low <= value <= high:
        raise ValidationError(
            {key: _("Enter a value from %(low)s to %(high)s.") % {"low": low, "high": high}}
        )
    return value


def validate_overrides(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The overrides cleaned (numbers as numbers); ValidationError naming every bad field."""
    base = defaults()
    cleaned: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for key, value in overrides.items():
        if key not in base:
            errors.setdefault(key, []).append(_("There is no health setting of this name."))
            continue
        try:
            if key == "stalled_days":
                if not isinstance(value, Mapping):
                    raise ValidationError({key: _('Give days per stage, e.g. {"pilot": 240}.')})
                days = {}
                for stage, limit in value.items():
                    if stage not in STAGES_THAT_STALL:
                        raise ValidationError(
                            {
                                key: _("“%(stage)s” is not a stage that can stall.")
                                % {"stage": stage}
                            }
                        )
                    try:
                        days[stage] = _number(key, limit, 0)
                    except ValidationError as error:  # named by its own field on the page
                        errors.setdefault(stage_field(stage), []).extend(error.messages)
                cleaned[key] = days
            else:
                cleaned[key] = _number(key, value, base[key])
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                errors.setdefault(field_name, []).extend(messages)
    if not errors:
        merged = {**base, **cleaned}
        if merged["red_below"] > merged["green_from"]:
            errors["red_below"] = [_("“Red below” must not be above “green from”.")]
        if merged["one_way_keep_surprise"] < merged["one_way_surprise"]:
            errors["one_way_keep_surprise"] = [
                _(
                    "The chance that keeps a one-way alert must not be below the chance that "
                    "opens it."
                )
            ]
        if (
            sum(
                merged[f"weight_{c}"]
                for c in (
                    "activity",
                    "reciprocity",
                    "responsiveness",
                    "outcomes",
                    "factors",
                    "trust",
                )
            )
            <= 0
        ):
            errors["weight_activity"] = [_("At least one component needs a weight above zero.")]
    if errors:
        raise ValidationError(errors)
    try:
        HealthSettings.from_mapping(cleaned)
    except ValueError as error:  # a rule of the core not covered above
        raise ValidationError({"settings": str(error)}) from None
    return cleaned


def _same(value: object, default: object) -> bool:
    """A submitted value equal to the default (70 and 70.0 are the same) is no override."""
    if isinstance(default, dict):
        return isinstance(value, dict) and {k: str(v) for k, v in value.items()} == {
            k: str(v) for k, v in default.items()
        }
    try:
        return float(str(value).replace(",", ".")) == float(default)  # type: ignore[arg-type]
    except ValueError:
        return False


def _stage_values(post, default: dict) -> dict[str, object]:
    """The stall limits from one field per stage; an empty field is that stage's default."""
    days: dict[str, object] = {}
    for stage, limit in default.items():
        raw = (post.get(stage_field(stage)) or "").strip()
        days[stage] = raw or limit
    return days


def sections(
    overrides: dict, submitted: dict[str, str], errors: dict[str, list[str]]
) -> list[dict]:
    """The form's sections: every setting (one field per stage for the stall limits) with its
    label, help, value, default and errors."""
    base = defaults()

    def row(name: str, value: object, default: object, changed: bool) -> dict:
        typed = submitted.get(name)
        return {
            "name": name,
            "label": label(name),
            "help": help_text(name),
            "value": shown(value) if typed is None else typed,
            "default": shown(default),
            "changed": changed,
            "errors": errors.get(name, []),
        }

    out = []
    for title, names in SECTIONS:
        rows = []
        for name in names:
            if name == "stalled_days":
                current = overrides.get(name, base[name])
                for stage, limit in base[name].items():
                    value = current.get(stage, "")
                    field = stage_field(stage)
                    rows.append(row(field, value, limit, value != limit))
            else:
                rows.append(
                    row(name, overrides.get(name, base[name]), base[name], name in overrides)
                )
        out.append({"title": title, "rows": rows})
    return out


def changes_from(post: Mapping[str, str]) -> tuple[dict[str, object], dict[str, str]]:
    """The overrides a submitted form asks for (None: back to the default) and the raw values
    as typed, to show them again next to their errors."""
    changes: dict[str, object] = {}
    submitted: dict[str, str] = {}
    for name, default in defaults().items():
        if name == "stalled_days":
            fields_of_stages = [stage_field(stage) for stage in default]
            if not any(field in post for field in fields_of_stages):
                continue
            submitted |= {field: post.get(field, "") for field in fields_of_stages}
            value: object = _stage_values(post, default)
        else:
            raw = post.get(name)
            if raw is None:
                continue
            submitted[name] = raw
            value = raw.strip() or None
        changes[name] = None if value is None or _same(value, default) else value
    return changes, submitted
