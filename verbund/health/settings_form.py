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
from django.utils.translation import gettext_lazy as _l

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
        _l("Window (days)"),
        _l("Counts, evidence and activity look back this many days."),
    ),
    "recent_days": (
        _l("Recent activity, time constant (days)"),
        _l(
            "How fast older events count less when a change is detected early (45: an event "
            "counts half after 31 days)."
        ),
    ),
    "min_age_days": (
        _l("Minimum age (days)"),
        _l("Younger partnerships get a grey light: too little data."),
    ),
    "min_events": (
        _l("Minimum events"),
        _l("Fewer recorded events give a grey light: too little data."),
    ),
    "green_from": (
        _l("Green from (score)"),
        _l("A score (0–100) from this value up shows green."),
    ),
    "red_below": (
        _l("Red below (score)"),
        _l("A score below this value shows red; in between amber."),
    ),
    "weight_activity": (
        _l("Weight: activity"),
        _l("Share of activity in the score; weights are scaled over the components that apply."),
    ),
    "weight_reciprocity": (
        _l("Weight: reciprocity"),
        _l("Share of give and take (referrals both ways) in the score."),
    ),
    "weight_responsiveness": (
        _l("Weight: responsiveness"),
        _l("Share of how fast referrals get a first answer."),
    ),
    "weight_outcomes": (
        _l("Weight: outcomes"),
        _l("Share of KPI attainment and business won."),
    ),
    "weight_factors": (
        _l("Weight: influence factors"),
        _l("Share of the partners' review scores (1–5)."),
    ),
    "weight_trust": (
        _l("Weight: trust"),
        _l("Share of the trust trend over the reviews."),
    ),
    "expected_events": (
        _l("Events for full activity"),
        _l("This many events in the window count as a fully active partnership."),
    ),
    "empty_min_days": (
        _l("Silent at least (days)"),
        _l("An empty-partnership warning needs at least this many silent days."),
    ),
    "empty_max_days": (
        _l("Silent at most (days)"),
        _l("After this many silent days the warning opens whatever the partnership's usual pace."),
    ),
    "empty_expected_events": (
        _l("Events normally in the silence"),
        _l(
            "Silent for as long as this many events would normally take at the partnership's "
            "own pace."
        ),
    ),
    "empty_pace_min_days": (
        _l("Pace measured over at least (days)"),
        _l("A kick-off burst in the first weeks is not the partnership's pace."),
    ),
    "one_way_surprise": (
        _l("Chance that opens the warning"),
        _l(
            "Opens when the partner's silence (no referrals back, no meetings started) would "
            "happen by chance at most this often (0–1)."
        ),
    ),
    "one_way_silence_chance": (
        _l("Chance of the referral silence alone"),
        _l("The partner's referral silence alone must be at most this likely (0–1)."),
    ),
    "one_way_keep_surprise": (
        _l("Chance that keeps the warning open"),
        _l(
            "Stays open while the chance is at most this (0–1; not below the chance that opens it)."
        ),
    ),
    "one_way_keep_share": (
        _l("Share that keeps the warning open"),
        _l(
            "Also stays open while the partner's share of the pair's recent referrals is at "
            "most this (0–1)."
        ),
    ),
    "one_way_min_referrals": (
        _l("Referrals passed by the other side"),
        _l("The other side passed at least this many referrals in the silence."),
    ),
    "answer_good_days": (
        _l("First answer is perfect within (days)"),
        _l("A first answer within this many days gives full responsiveness."),
    ),
    "answer_bad_days": (
        _l("First answer counts nothing after (days)"),
        _l("A first answer after this many days gives no responsiveness."),
    ),
    "unanswered_referral_days": (
        _l("Unanswered referral after (days)"),
        _l(
            "A referral waiting this long opens a warning when its receiver usually answers slowly."
        ),
    ),
    "slow_answer_days": (
        _l("Slow answer (days)"),
        _l("A receiver whose typical first answer takes this long or more answers slowly."),
    ),
    "slow_answer_min_answers": (
        _l("Answers needed to judge the pace"),
        _l("The typical answer time counts from at least this many (recent, weighted) answers."),
    ),
    "unanswered_referral_max_days": (
        _l("Unanswered referral in any case after (days)"),
        _l("A referral waiting this long opens a warning whoever receives it."),
    ),
    "unanswered_contact_days": (
        _l("Unanswered contact request after (days)"),
        _l("A contact request waiting this long opens a warning."),
    ),
    "perception_gap_points": (
        _l("Perception gap (points)"),
        _l("Two partners' latest scores of one factor (1–5) differ by at least this much."),
    ),
    "perception_gap_rounds": (
        _l("Perception gap, rounds"),
        _l("2: the gap must also have been there in the round before (or be a point wider)."),
    ),
    "round_days": (
        _l("Reviews in one round within (days)"),
        _l("Reviews this close together count as one round."),
    ),
    "trust_drop_points": (
        _l("Trust drop (points)"),
        _l(
            "Trust, communication and commitment (1–5) this much below the partnership's own "
            "earlier mean."
        ),
    ),
    "trust_baseline_rounds": (
        _l("Earlier rounds for the trust baseline"),
        _l("The earlier reviews span at least this many rounds."),
    ),
    "trust_smoothing": (
        _l("Trust smoothing"),
        _l("Weight of the newest review in the trust trend (0.01–1; 1: only the newest)."),
    ),
    "kpi_shortfall_attainment": (
        _l("KPI shortfall below (share)"),
        _l(
            "Opens when a KPI reaches less than this share of its target to date (0–1; 0.5 = 50 %)."
        ),
    ),
    "kpi_keep_attainment": (
        _l("KPI shortfall kept below (share)"),
        _l("Stays open while the KPI is below this share of its target to date (0–1)."),
    ),
    "kpi_grace_days": (
        _l("KPI grace period (days)"),
        _l("No KPI warning in the first days of an agreement."),
    ),
    "kpi_min_expected": (
        _l("KPI judged from (expected to date)"),
        _l("Below this target to date, chance rules and no warning opens."),
    ),
    "kpi_pace": (
        _l("KPI pace (share of target)"),
        _l("Counted KPIs are compared with this share of their target's pace (0.05–2)."),
    ),
    "kpi_shortfall_units": (
        _l("KPI behind by (units)"),
        _l("A counted KPI opens a warning when this far behind that pace."),
    ),
    "kpi_keep_units": (
        _l("KPI still behind by (units)"),
        _l("The warning stays open while the KPI is still this far behind."),
    ),
    "kpi_chance": (
        _l("KPI chance"),
        _l(
            "So low a count would happen at the target's pace at most this often (0–1): not "
            "just bad luck."
        ),
    ),
    "review_grace_days": (
        _l("Review overdue after (days)"),
        _l("Days after the agreed review date before a warning opens."),
    ),
    "unsettled_min_cents": (
        _l("Unsettled costs from (cents)"),
        _l("A party is owed at least this much (in cents: 5000 = 50 €)."),
    ),
    "unsettled_days": (
        _l("Costs unsettled for (days)"),
        _l("Counts only cost items older than this."),
    ),
    "poor_service_rating": (
        _l("Poor service rating at or below"),
        _l("Average of a party's latest client ratings (1–5) at or below this."),
    ),
    "poor_service_min_ratings": (
        _l("Ratings needed"),
        _l("At least this many client ratings in the window."),
    ),
}
SECTIONS: tuple[tuple[Promise, tuple[str, ...]], ...] = (
    (
        _l("Score and traffic light"),
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
        _l("Weights of the components"),
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
        _l("Empty partnership"),
        (
            "empty_min_days",
            "empty_max_days",
            "empty_expected_events",
            "empty_pace_min_days",
        ),
    ),
    (
        _l("One-way street"),
        (
            "one_way_surprise",
            "one_way_silence_chance",
            "one_way_keep_surprise",
            "one_way_keep_share",
            "one_way_min_referrals",
        ),
    ),
    (
        _l("Answers"),
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
        _l("Reviews and trust"),
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
        _l("KPI shortfall"),
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
    (_l("Stalled stage"), ("stalled_days",)),
    (
        _l("Costs and service"),
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
