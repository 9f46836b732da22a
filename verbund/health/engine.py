"""Entry points: evaluate one partnership, or recompute many at once.

One partnership: fold its events into a :class:`~verbund.health.aggregates.State` (or take the
stored one and ``apply`` the new event), then ``evaluate_state``. Many: ``recompute`` from a
columnar event table. Both score with the same vectorised functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from verbund.health import aggregates, alerts, scoring
from verbund.health import history as h
from verbund.health.params import DEFAULTS, HealthSettings


@dataclass(frozen=True)
class Evaluation:
    """The health of one partnership on one day."""

    score: float
    light: str
    components: dict[str, float | None]
    reasons: list[scoring.Reason]
    findings: list[alerts.Finding]


def evaluate_state(
    state: aggregates.State,
    partnership: h.Partnership,
    as_of: dt.date,
    settings: HealthSettings = DEFAULTS,
) -> Evaluation:
    facts = aggregates.Facts.from_partnerships([partnership])
    scores = scoring.score(facts, state.columns(as_of, facts), settings)
    return _one(scores, alerts.findings(scores))


def evaluate(
    partnership: h.Partnership,
    events: Sequence[h.Event],
    as_of: dt.date,
    settings: HealthSettings = DEFAULTS,
) -> Evaluation:
    """The health of a partnership from its history up to `as_of` (later events are ignored)."""
    upto = [e for e in events if e.day <= as_of]
    state = aggregates.State.build(partnership, upto, settings)
    return evaluate_state(state, partnership, as_of, settings)


def recompute(
    facts: aggregates.Facts,
    table: aggregates.EventTable,
    as_of: dt.date | int,
    settings: HealthSettings = DEFAULTS,
) -> tuple[scoring.Scores, list[alerts.Finding]]:
    """Scores and alert findings of every partnership in the table (the full recompute)."""
    scores = scoring.score(facts, aggregates.compute(facts, table, as_of, settings), settings)
    return scores, alerts.findings(scores)


def _one(scores: scoring.Scores, found: list[alerts.Finding]) -> Evaluation:
    components = {
        name: (None if value[0] != value[0] else round(float(value[0]), 4))
        for name, value in scores.components.items()
    }
    return Evaluation(
        score=round(float(scores.score[0]), 1),
        light=str(scores.light[0]),
        components=components,
        reasons=scores.reasons(0),
        findings=found,
    )
