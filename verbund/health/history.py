"""What the health core needs to know about one partnership: plain frozen dataclasses.

The Django side translates its rows (partnership, parties, stage changes, the active agreement,
referrals, joint activities, meetings, reviews, cost items, settlements, contact requests) into a
:class:`Partnership` and a sequence of :class:`Event`. Parties are named by any stable string
(a company's public id); amounts are integer cents, never floats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# Event kinds. The values are stored by the Django side, so never rename one.
REFERRAL_GIVEN = "referral_given"  # by = referrer, to = receiver, ref = referral id
REFERRAL_ANSWERED = "referral_answered"  # by = receiver, ref: its first answer to the client
REFERRAL_WON = "referral_won"  # by = receiver, ref, amount = closed value (credited to referrer)
REFERRAL_LOST = "referral_lost"  # by = receiver, ref (lost or no fit)
SERVICE_RATED = "service_rated"  # by = party whose service was rated, rating 1..5, ref
JOINT_ACTIVITY = "joint_activity"  # by = initiator; ref = activity kind ("campaign", "project"...)
MEETING = "meeting"  # by = party that called it
REVIEW = "review"  # by = reviewing party, scores = influence factor -> 1..5
COST_ITEM = "cost_item"  # by = payer, amount; split per `shares` (default: equal)
SETTLEMENT = "settlement"  # by = party paying, to = party receiving, amount
CONTACT_REQUEST_SENT = "contact_request_sent"  # by = sender, to = recipient, ref = request id
CONTACT_REQUEST_ANSWERED = "contact_request_answered"  # by = recipient, ref
KPI_REPORTED = "kpi_reported"  # by = party, ref = KPI key (leads, projects_won...), amount

EVENT_KINDS = (
    REFERRAL_GIVEN,
    REFERRAL_ANSWERED,
    REFERRAL_WON,
    REFERRAL_LOST,
    SERVICE_RATED,
    JOINT_ACTIVITY,
    MEETING,
    REVIEW,
    COST_ITEM,
    SETTLEMENT,
    CONTACT_REQUEST_SENT,
    CONTACT_REQUEST_ANSWERED,
    KPI_REPORTED,
)
# What counts as "something happened" for the activity component and the empty alert
# (domain.md: referral, joint activity, meeting, review or cost item).
ACTIVITY_KINDS = frozenset({REFERRAL_GIVEN, JOINT_ACTIVITY, MEETING, REVIEW, COST_ITEM})
# Activities whose initiator counts for the initiative balance.
INITIATIVE_KINDS = frozenset({JOINT_ACTIVITY, MEETING})
NEEDS_RECIPIENT = frozenset({REFERRAL_GIVEN, SETTLEMENT, CONTACT_REQUEST_SENT})
NEEDS_REF = frozenset(
    {REFERRAL_GIVEN, REFERRAL_ANSWERED, REFERRAL_WON, REFERRAL_LOST, CONTACT_REQUEST_SENT,
     CONTACT_REQUEST_ANSWERED, KPI_REPORTED}
)  # fmt: skip
CAMPAIGN_ACTIVITIES = frozenset({"campaign", "mailing", "event", "trade_fair", "webinar"})

STAGES = (
    "identified",
    "contacted",
    "exploring",
    "pilot",
    "agreed",
    "strategic",
    "paused",
    "ended",
)
# Stages in which a partnership is expected to be alive (empty/one-way alerts apply).
ACTIVE_STAGES = frozenset({"exploring", "pilot", "agreed", "strategic"})

AT_LEAST = "at_least"  # more is better (referrals, revenue)
AT_MOST = "at_most"  # less is better (e.g. a custom KPI such as complaints)


def _no_scores() -> Mapping[str, int]:
    return MappingProxyType({})


def _no_shares() -> Mapping[str, float]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Event:
    day: dt.date
    kind: str
    by: str
    to: str | None = None
    ref: str = ""
    amount_cents: int = 0
    rating: int | None = None
    scores: Mapping[str, int] = field(default_factory=_no_scores)
    shares: Mapping[str, float] = field(default_factory=_no_shares)

    def __post_init__(self) -> None:
        if self.kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {self.kind!r}")
        if self.kind == SERVICE_RATED and not (self.rating and 1 <= self.rating <= 5):
            raise ValueError("a service rating is 1..5")
        if any(not 1 <= s <= 5 for s in self.scores.values()):
            raise ValueError("influence factor scores are 1..5")
        if self.amount_cents < 0:
            raise ValueError("amounts are not negative")
        if self.kind in NEEDS_RECIPIENT and not self.to:
            raise ValueError(f"a {self.kind} names the party it goes to")
        if self.to is not None and self.to == self.by:
            raise ValueError(f"a {self.kind} goes to another party")
        if self.kind in NEEDS_REF and not self.ref:
            raise ValueError(f"a {self.kind} carries the id (ref) that links its follow-ups")


@dataclass(frozen=True)
class KpiTarget:
    """An agreed outcome KPI: `target` per `period_days`, pro-rated to the day of evaluation."""

    kpi: str  # catalogue key (referrals_given ...) or a custom key reported via KPI_REPORTED
    target: float
    period_days: int = 365
    party: str | None = None  # whose figure; None = the partnership's total
    direction: str = AT_LEAST

    def __post_init__(self) -> None:
        if self.target <= 0 or self.period_days <= 0:
            raise ValueError("a KPI target and its period are positive")
        if self.direction not in (AT_LEAST, AT_MOST):
            raise ValueError(f"unknown KPI direction {self.direction!r}")


@dataclass(frozen=True)
class Agreement:
    start: dt.date
    review_every_days: int | None = 90
    kpis: tuple[KpiTarget, ...] = ()


@dataclass(frozen=True)
class Partnership:
    id: str
    parties: tuple[str, ...]
    created: dt.date
    stage: str = "exploring"
    stage_since: dt.date | None = None  # day of the last stage change; None = created
    agreement: Agreement | None = None

    def __post_init__(self) -> None:
        if len(self.parties) < 2 or len(set(self.parties)) != len(self.parties):
            raise ValueError("a partnership has two or more distinct parties")
        if self.stage not in STAGES:
            raise ValueError(f"unknown stage {self.stage!r}")
        for kpi in self.agreement.kpis if self.agreement else ():
            if kpi.party is not None and kpi.party not in self.parties:
                raise ValueError(f"KPI {kpi.kpi}: {kpi.party!r} is not a party")

    @property
    def stage_day(self) -> dt.date:
        return self.stage_since or self.created
