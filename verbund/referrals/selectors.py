"""Reads of referrals: per company (given, received, open, overdue, won value), one referral
through ``get_referral_for``, and the pairs of companies with a steady two-way flow."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.referrals import flow
from verbund.referrals.models import Referral, ReferralFeedback
from verbund.tenancy.actor import Actor

BOXES = ("given", "received", "open", "overdue", "won")


def referral_queryset() -> QuerySet[Referral]:
    return Referral.objects.select_related(
        "referrer_company", "receiver_company", "referrer_user", "receiver_user",
        "client_in_network", "network",
    )  # fmt: skip


def overdue_q(now=None) -> Q:
    """Still ``new`` after the answer was due."""
    return Q(status=flow.NEW, answer_due_at__lt=now or timezone.now())


def referrals_of_company(company_id: int, box: str) -> QuerySet[Referral]:
    """One of the company's lists: given, received, open (either way), overdue (received, not
    answered in time) or won (given and won: the business credited to the company)."""
    queryset = referral_queryset()
    if box == "given":
        return queryset.filter(referrer_company_id=company_id)
    if box == "received":
        return queryset.filter(receiver_company_id=company_id)
    if box == "open":
        return queryset.filter(
            Q(referrer_company_id=company_id) | Q(receiver_company_id=company_id),
            status__in=flow.OPEN_PATH,
        )
    if box == "overdue":
        return queryset.filter(overdue_q(), receiver_company_id=company_id)
    if box == "won":
        return queryset.filter(referrer_company_id=company_id, status=flow.WON)
    raise ValueError(f"unknown box {box!r}")


@dataclass(frozen=True)
class CompanyReferralSummary:
    given: int
    received: int
    open: int
    overdue: int
    won_given: int
    won_received: int
    won_value_credited: Decimal  # closed value of business the company referred
    won_value_received: Decimal  # closed value the company won through others' referrals


def company_referral_summary(company_id: int) -> CompanyReferralSummary:
    """Both directions side by side, in two queries."""
    now = timezone.now()
    given = Referral.objects.filter(referrer_company_id=company_id).aggregate(
        count=Count("id"),
        open=Count("id", filter=Q(status__in=flow.OPEN_PATH)),
        won=Count("id", filter=Q(status=flow.WON)),
        value=Sum("closed_value"),
    )
    received = Referral.objects.filter(receiver_company_id=company_id).aggregate(
        count=Count("id"),
        open=Count("id", filter=Q(status__in=flow.OPEN_PATH)),
        overdue=Count("id", filter=overdue_q(now)),
        won=Count("id", filter=Q(status=flow.WON)),
        value=Sum("closed_value"),
    )
    return CompanyReferralSummary(
        given=given["count"],
        received=received["count"],
        open=given["open"] + received["open"],
        overdue=received["overdue"],
        won_given=given["won"],
        won_received=received["won"],
        won_value_credited=given["value"] or Decimal("0"),
        won_value_received=received["value"] or Decimal("0"),
    )


def latest_feedback(referral: Referral) -> ReferralFeedback | None:
    """The client's answer if there is one, else the latest link asked for (or None)."""
    requests = ReferralFeedback.objects.filter(referral=referral)
    return requests.filter(given_at__isnull=False).first() or requests.first()


def get_referral_for(actor: Actor, referral_id: int) -> Referral:
    """A referral for the people of either company, or a coordinator of its network; 404 else."""
    referral = referral_queryset().filter(pk=referral_id).first()
    if referral is None or not actor.is_authenticated:
        raise Http404(_("Referral not found."))
    if (
        referral.referrer_company_id in actor.company_ids
        or referral.receiver_company_id in actor.company_ids
        or referral.network_id in actor.coordinated_network_ids
    ):
        return referral
    raise Http404(_("Referral not found."))


@dataclass(frozen=True)
class TwoWayPair:
    company_a_id: int
    company_b_id: int
    a_to_b: int
    b_to_a: int
    months_active: int  # calendar months with a referral either way


def steady_two_way_pairs(
    referrals: QuerySet[Referral], *, min_each_way: int = 2, min_months: int = 3
) -> list[TwoWayPair]:
    """Pairs of companies that refer to each other steadily: at least ``min_each_way`` referrals
    in each direction, spread over at least ``min_months`` calendar months.

    The hook for "turn this into a company partnership": such a pair already behaves like a
    referral partnership and can be offered the step to a recorded one.
    """
    counts: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    months: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)
    rows = referrals.values_list("referrer_company_id", "receiver_company_id", "created_at")
    for referrer, receiver, created_at in rows:
        pair = (min(referrer, receiver), max(referrer, receiver))
        counts[pair][0 if referrer == pair[0] else 1] += 1
        months[pair].add((created_at.year, created_at.month))
    pairs = [
        TwoWayPair(a, b, forward, backward, len(months[(a, b)]))
        for (a, b), (forward, backward) in counts.items()
        if forward >= min_each_way and backward >= min_each_way
        and len(months[(a, b)]) >= min_months
    ]  # fmt: skip
    return sorted(pairs, key=lambda p: (-(p.a_to_b + p.b_to_a), p.company_a_id, p.company_b_id))
