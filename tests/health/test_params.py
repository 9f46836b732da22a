"""Network overrides of the health settings: known keys only, numbers only."""

from __future__ import annotations

import pytest

from verbund.health.params import DEFAULTS, HealthSettings


def test_overrides_replace_defaults():
    settings = HealthSettings.from_mapping({"window_days": 90, "stalled_days": {"pilot": 300}})
    assert settings.window_days == 90 and settings.window_weeks == 13
    assert settings.stalled_days == {"pilot": 300}
    assert HealthSettings.from_mapping(None) == DEFAULTS


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"windw_days": 90}, "unknown health settings: windw_days"),
        ({"window_days": "long"}, "window_days: a number is required"),
        ({"window_days": True}, "window_days: a number is required"),
        ({"window_days": 3}, "at least 7"),
        ({"green_from": 40, "red_below": 50}, "red_below is at most green_from"),
        ({"stalled_days": 5}, "stalled_days maps stage"),
    ],
)
def test_bad_overrides_are_refused_with_the_reason(overrides, message):
    with pytest.raises(ValueError, match=message):
        HealthSettings.from_mapping(overrides)
