"""Referrals in the API: a company's lists (given, received, open, overdue, won) with the
summary both ways, one referral with its history, and the receiver's status change."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Literal

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from verbund.referrals import flow, selectors, services

router = Router(tags=["referrals"])


class ReferralOut(Schema):
    id: int
    network: str
    group_id: int | None
    referrer_company_id: int
    referrer_company: str
    receiver_company_id: int
    receiver_company: str
    client: str
    client_inside: bool
    need: str
    estimated_value: Decimal | None
    status: str
    closed_value: Decimal | None
    created_at: datetime
    answer_due_at: datetime
    first_answer_at: datetime | None
    closed_at: datetime | None


class ChangeOut(Schema):
    from_status: str
    to_status: str
    changed_at: datetime
    note: str


class ReferralDetailOut(ReferralOut):
    history: list[ChangeOut]
    next_statuses: list[str]


class SummaryOut(Schema):
    given: int
    received: int
    open: int
    overdue: int
    won_given: int
    won_received: int
    won_value_credited: Decimal
    won_value_received: Decimal


class CompanyReferralsOut(Schema):
    summary: SummaryOut
    items: list[ReferralOut]


def _out(referral) -> dict:
    return {
        "id": referral.pk, "network": referral.network.slug, "group_id": referral.group_id,
        "referrer_company_id": referral.referrer_company_id,
        "referrer_company": referral.referrer_company.name,
        "receiver_company_id": referral.receiver_company_id,
        "receiver_company": referral.receiver_company.name,
        "client": referral.client_label, "client_inside": referral.is_inside,
        "need": referral.need, "estimated_value": referral.estimated_value,
        "status": referral.status, "closed_value": referral.closed_value,
        "created_at": referral.created_at, "answer_due_at": referral.answer_due_at,
        "first_answer_at": referral.first_answer_at, "closed_at": referral.closed_at,
    }  # fmt: skip


@router.get(
    "/companies/{company_id}",
    response=CompanyReferralsOut,
    summary="A company's referrals (only for people acting for it)",
)
def company_referrals(
    request,
    company_id: int,
    box: Literal["given", "received", "open", "overdue", "won"] = "received",
    limit: int = Query(100, ge=1, le=1000),
):
    if company_id not in request.actor.company_ids:
        raise Http404(_("Company not found."))
    items = selectors.referrals_of_company(company_id, box)[:limit]
    return {
        "summary": selectors.company_referral_summary(company_id).__dict__,
        "items": [_out(r) for r in items],
    }


@router.get("/{referral_id}", response=ReferralDetailOut, summary="One referral with its history")
def referral_detail(request, referral_id: int):
    referral = selectors.get_referral_for(request.actor, referral_id)
    return _detail(referral)


def _detail(referral) -> dict:
    return {
        **_out(referral),
        "history": list(referral.history.values("from_status", "to_status", "changed_at", "note")),
        "next_statuses": list(flow.next_statuses(referral.status)),
    }


class StatusIn(Schema):
    status: Literal["contacted", "meeting", "offer", "won", "lost", "no_fit"]
    closed_value: Decimal | None = Field(None, ge=0)
    note: str = Field("", max_length=500)


@router.post(
    "/{referral_id}/status",
    response=ReferralDetailOut,
    summary="Move a referral on (the receiving company only)",
)
def referral_status(request, referral_id: int, payload: StatusIn):
    referral = selectors.get_referral_for(request.actor, referral_id)
    referral = services.referral_set_status(
        referral=referral, user=request.user, status=payload.status,
        closed_value=payload.closed_value, note=payload.note,
    )  # fmt: skip
    return _detail(selectors.get_referral_for(request.actor, referral.pk))
