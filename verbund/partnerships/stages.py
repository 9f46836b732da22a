"""Which stage may follow which, and when `strategic` is earned. Pure, no Django."""

from __future__ import annotations

from datetime import datetime

PATH = ("identified", "contacted", "exploring", "pilot", "agreed", "strategic")
PAUSED = "paused"
ENDED = "ended"
STRATEGIC_MIN_MONTHS = 12
STRATEGIC_MIN_REVIEWS = 2


def allowed_targets(current: str, *, paused_from: str | None = None) -> list[str]:
    """Stages a partnership may move to from ``current``.

    Forward along the path, skipping allowed (a pilot is optional), never backwards; any open
    partnership may pause or end; a paused one resumes where it paused, or ends.
    """
    if current == ENDED:
        return []
    if current == PAUSED:
        return [s for s in (paused_from, ENDED) if s]
    later = list(PATH[PATH.index(current) + 1 :])
    return [*later, PAUSED, ENDED]


def months_between(start: datetime, end: datetime) -> int:
    """Whole calendar months from start to end (a month counts once its day is reached)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return months


def strategic_missing(
    *,
    agreed_at: datetime | None,
    now: datetime,
    completed_reviews: int,
    min_months: int = STRATEGIC_MIN_MONTHS,
    min_reviews: int = STRATEGIC_MIN_REVIEWS,
    health_score: float | None = None,
    min_health: float | None = None,
) -> list[str]:
    """What is still missing before `strategic` is earned (codes; empty when earned).

    Health counts when it is known: a score below ``min_health`` holds the stage back; no score
    yet (too little data, or not computed) does not."""
    missing = []
    if agreed_at is None or months_between(agreed_at, now) < min_months:
        missing.append("months")
    if completed_reviews < min_reviews:
        missing.append("reviews")
    if min_health is not None and health_score is not None and health_score < min_health:
        missing.append("health")
    return missing
