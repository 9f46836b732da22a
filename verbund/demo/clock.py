"""The demo's clock: run a piece of the seed as if it happened days ago.

A demo partnership needs a past (a strategic one is more than a year old), but the services
date what they write with ``timezone.now()``: ``auto_now_add`` timestamps, ``activated_at``,
review due dates, notifications. Shifting the rows afterwards misses whatever a service wrote
that the shift did not list, and collapses a history of many steps onto one day. Running each
step under a turned-back clock dates every row the way real use would have, in order.

Demo only: it swaps ``django.utils.timezone.now`` for the duration of the block, which is safe
for the seed (one thread, one transaction) and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import timezone


@contextmanager
def days_ago(days: float, *, today: dt.datetime | None = None) -> Iterator[dt.datetime]:
    """Within the block it is ``days`` before ``today`` (default: now); the clock runs on, so
    the steps of the block keep their order. Yields the moment the block starts at."""
    real_now = timezone.now
    started = real_now()
    moment = (today or started) - dt.timedelta(days=days)
    if moment > started:
        raise ValueError("the demo clock only turns back")

    def now() -> dt.datetime:
        return moment + (real_now() - started)

    # django.utils.timezone.localdate/localtime look `now` up in their module at call time,
    # and Django's auto_now_add calls timezone.now(): both follow the swap.
    timezone.now = now
    try:
        yield moment
    finally:
        timezone.now = real_now
