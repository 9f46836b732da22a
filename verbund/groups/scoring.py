"""Givers and takers, and traffic lights, for a referral group's report.

Pure Python (no Django): it takes plain figures per member and the group's thresholds and returns
plain results, so the rules can be tested and explained on their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GREEN = "green"
YELLOW = "yellow"
RED = "red"
GREY = "grey"  # too little data to judge
_ORDER = {GREEN: 0, YELLOW: 1, RED: 2}

# Each metric: (green at or above, yellow at or above); below yellow is red. Rates per month are
# per 30 days of the report period. ``taker_ratio``: received at least this many times what was
# given; ``taker_min_received``: and at least this many received, before someone counts as taker.
DEFAULT_THRESHOLDS: dict[str, Any] = {
    "attendance_rate": [0.9, 0.75],
    "referrals_given_per_month": [2.0, 1.0],
    "one_to_ones_per_month": [2.0, 1.0],
    "taker_ratio": 3.0,
    "taker_min_received": 3,
}
METRICS = ("attendance_rate", "referrals_given_per_month", "one_to_ones_per_month")


def thresholds_with_defaults(own: Mapping[str, Any] | None) -> dict[str, Any]:
    """The group's thresholds over the defaults; malformed entries fall back to the default."""
    merged = dict(DEFAULT_THRESHOLDS)
    for key, default in DEFAULT_THRESHOLDS.items():
        value = (own or {}).get(key)
        if value is None:
            continue
        try:
            if isinstance(default, list):
                green, yellow = (float(v) for v in value)
                if green >= yellow >= 0:
                    merged[key] = [green, yellow]
            else:
                number = float(value)
                if number >= 0:
                    merged[key] = type(default)(number)
        except (TypeError, ValueError):
            continue
    return merged


def light(value: float | None, green: float, yellow: float) -> str:
    if value is None:
        return GREY
    if value >= green:
        return GREEN
    if value >= yellow:
        return YELLOW
    return RED


def worst(lights: Iterable[str]) -> str:
    """The overall light: the worst judged one; grey only when nothing could be judged."""
    judged = [item for item in lights if item != GREY]
    return max(judged, key=_ORDER.__getitem__) if judged else GREY


@dataclass(frozen=True)
class MemberFigures:
    seat_id: int
    meetings: int  # meetings the member was expected at in the period
    attended: int  # present, late or represented by a substitute
    referrals_given: int
    referrals_received: int
    one_to_ones: int
    days: int  # length of the period


@dataclass(frozen=True)
class MemberVerdict:
    seat_id: int
    lights: dict[str, str]
    overall: str
    balance: int  # referrals given minus received
    role: str  # "giver", "taker" or "balanced"


def judge(figures: MemberFigures, thresholds: Mapping[str, Any]) -> MemberVerdict:
    months = max(figures.days, 1) / 30.0
    values: dict[str, float | None] = {
        "attendance_rate": figures.attended / figures.meetings if figures.meetings else None,
        "referrals_given_per_month": figures.referrals_given / months,
        "one_to_ones_per_month": figures.one_to_ones / months,
    }
    lights = {metric: light(values[metric], *thresholds[metric]) for metric in METRICS}
    return MemberVerdict(
        seat_id=figures.seat_id,
        lights=lights,
        overall=worst(lights.values()),
        balance=figures.referrals_given - figures.referrals_received,
        role=role(figures.referrals_given, figures.referrals_received, thresholds),
    )


def role(given: int, received: int, thresholds: Mapping[str, Any]) -> str:
    """A taker receives far more than they give; a giver gives more than they receive."""
    if received >= thresholds["taker_min_received"] and received >= thresholds[
        "taker_ratio"
    ] * max(given, 0.5):
        return "taker"
    if given > received:
        return "giver"
    return "balanced"


def ranking(verdicts: Iterable[MemberVerdict]) -> list[MemberVerdict]:
    """Givers first, takers last: by balance, then by seat for a stable order."""
    return sorted(verdicts, key=lambda v: (-v.balance, v.seat_id))
