"""Validation of a network's health settings, field by field, with messages in the reader's
language (the pure ``HealthSettings.from_mapping`` checks the whole; here each field gets its
own clear error first)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

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
                    days[stage] = _number(key, limit, 0)
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
