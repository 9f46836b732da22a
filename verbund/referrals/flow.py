"""The referral status flow, as plain data: which status may follow which.

Pure Python (no Django) so that the rules can be property-tested on their own and read by the
services, the API schema and the health model alike.

The path is ``new → contacted → meeting → offer → won | lost | no_fit``. A receiver may skip
ahead (a referral can be won straight after the first call) but never go back, and a closed
referral stays closed: its outcome is what the referrer was credited with.
"""

from __future__ import annotations

NEW = "new"
CONTACTED = "contacted"
MEETING = "meeting"
OFFER = "offer"
WON = "won"
LOST = "lost"
NO_FIT = "no_fit"

OPEN_PATH: tuple[str, ...] = (NEW, CONTACTED, MEETING, OFFER)
CLOSED: tuple[str, ...] = (WON, LOST, NO_FIT)
STATUSES: tuple[str, ...] = OPEN_PATH + CLOSED


def is_open(status: str) -> bool:
    return status in OPEN_PATH


def next_statuses(status: str) -> tuple[str, ...]:
    """Where a referral in ``status`` may move to: later open steps, or any outcome."""
    if status not in OPEN_PATH:
        return ()
    return OPEN_PATH[OPEN_PATH.index(status) + 1 :] + CLOSED


def may_move(current: str, target: str) -> bool:
    return target in next_statuses(current)


def is_first_answer(current: str, target: str) -> bool:
    """Leaving ``new`` is the receiver's first answer (the clock for "overdue" stops)."""
    return current == NEW and may_move(current, target)
