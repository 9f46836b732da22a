"""Builders for partnership histories in the health tests (plain dataclasses, no database)."""

from __future__ import annotations

import datetime as dt

from verbund.health import history as h

START = dt.date(2026, 1, 5)


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def partnership(
    parties: tuple[str, ...] = ("a", "b"),
    stage: str = "agreed",
    stage_since: int = 0,
    agreement: bool = True,
    kpis: tuple[h.KpiTarget, ...] = (),
    review_every: int | None = 90,
) -> h.Partnership:
    return h.Partnership(
        id="p",
        parties=parties,
        created=START,
        stage=stage,
        stage_since=day(stage_since),
        agreement=h.Agreement(start=START, review_every_days=review_every, kpis=kpis)
        if agreement
        else None,
    )


def referral(n: int, by: str, to: str, ref: str, answer_after: int | None = 1) -> list[h.Event]:
    events = [h.Event(day(n), h.REFERRAL_GIVEN, by, to, ref=ref)]
    if answer_after is not None:
        events.append(h.Event(day(n + answer_after), h.REFERRAL_ANSWERED, to, ref=ref))
    return events


def review(n: int, by: str, **scores: int) -> h.Event:
    return h.Event(day(n), h.REVIEW, by, scores=scores)


def balanced_year(days: int = 360, every: int = 10) -> list[h.Event]:
    """Both sides pass referrals, meet and review regularly: a healthy partnership."""
    events: list[h.Event] = []
    for n in range(0, days, every):
        events += referral(n, "a", "b", f"a{n}")
        events += referral(n + 3, "b", "a", f"b{n}")
        events.append(h.Event(day(n + 5), h.MEETING, "a" if n % 20 else "b"))
    for n in range(80, days, 90):
        events.append(review(n, "a", trust=4, commitment=4, communication=4))
        events.append(review(n + 2, "b", trust=4, commitment=4, communication=4))
    return events
