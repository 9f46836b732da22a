"""Running a partnership in the API: referrals between its parties, joint activities, the cost
ledger (balances, proposal, costs, settlements), shared-contact counts and the recorded KPIs.

Same access as the pages: the parties read and write, the network's coordination reads (403 on
writes and on contacts), everyone else gets 404.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from verbund.activities import kinds, selectors, services
from verbund.partnerships.selectors import PartnershipAccess, get_partnership_for

router = Router(tags=["running a partnership"])


def _access(request, partnership_id: int) -> PartnershipAccess:
    return get_partnership_for(request.actor, partnership_id)


def _company(access: PartnershipAccess, company_id: int):
    return next((c for c in selectors.parties(access.partnership) if c.pk == company_id), None)


class PartyReferralsOut(Schema):
    company_id: int
    company: str
    given: int
    received: int
    open: int
    overdue: int
    won_value_credited: Decimal
    won_value_received: Decimal


class ReferralOut(Schema):
    id: int
    referrer_company_id: int
    receiver_company_id: int
    client: str
    need: str
    estimated_value: Decimal | None
    status: str
    closed_value: Decimal | None
    created_at: dt.datetime
    answer_due_at: dt.datetime


class ReferralsOut(Schema):
    summary: list[PartyReferralsOut]
    items: list[ReferralOut]


def _referrals(access: PartnershipAccess) -> dict:
    names = access.names  # as the caller may read them (decision 0003, addendum)
    return {
        "summary": [
            {**row.__dict__, "company_id": row.company.pk, "company": names[row.company.pk]}
            for row in selectors.referral_summary(access.partnership)
        ],
        "items": [
            {
                "id": r.pk, "referrer_company_id": r.referrer_company_id,
                "receiver_company_id": r.receiver_company_id, "client": r.client_label,
                "need": r.need, "estimated_value": r.estimated_value, "status": r.status,
                "closed_value": r.closed_value, "created_at": r.created_at,
                "answer_due_at": r.answer_due_at,
            }
            for r in selectors.referrals_of(access.partnership)[:500]
        ],
    }  # fmt: skip


@router.get(
    "/{partnership_id}/referrals",
    response=ReferralsOut,
    summary="Referrals of a partnership, both directions side by side",
)
def joint_referrals(request, partnership_id: int):
    return _referrals(_access(request, partnership_id))


class ReferralIn(Schema):
    receiver_company_id: int
    need: str = Field(..., max_length=5000)
    client_name: str = Field("", max_length=200)
    client_company: str = Field("", max_length=200)
    client_email: str = Field("", max_length=254)
    client_phone: str = Field("", max_length=50)
    consent: bool = False
    estimated_value: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)


@router.post(
    "/{partnership_id}/referrals",
    response={201: ReferralOut},
    summary="Refer a client to another party (a client outside the network must consent)",
)
def joint_referral_create(request, partnership_id: int, payload: ReferralIn):
    access = _access(request, partnership_id)
    company = access.require_party()
    r = services.referral_give(
        partnership=access.partnership,
        referrer=company,
        user=request.user,
        receiver=_company(access, payload.receiver_company_id),
        **payload.dict(exclude={"receiver_company_id"}),
    )
    return 201, {
        "id": r.pk, "referrer_company_id": r.referrer_company_id,
        "receiver_company_id": r.receiver_company_id, "client": r.client_label, "need": r.need,
        "estimated_value": r.estimated_value, "status": r.status, "closed_value": r.closed_value,
        "created_at": r.created_at, "answer_due_at": r.answer_due_at,
    }  # fmt: skip


class ActivityOut(Schema):
    id: int
    kind: str
    title: str
    starts_at: dt.datetime
    duration_minutes: int
    initiator_id: int
    participant_ids: list[int]
    leads: int
    projects_won: int
    revenue_sourced: Decimal
    revenue_influenced: Decimal


def _activity(a) -> dict:
    return {
        "id": a.pk, "kind": a.kind, "title": a.title, "starts_at": a.starts_at,
        "duration_minutes": a.duration_minutes, "initiator_id": a.initiator_id,
        "participant_ids": sorted(p.pk for p in a.participants.all()), "leads": a.leads,
        "projects_won": a.projects_won, "revenue_sourced": a.revenue_sourced,
        "revenue_influenced": a.revenue_influenced,
    }  # fmt: skip


@router.get("/{partnership_id}/activities", response=list[ActivityOut], summary="Joint activities")
def joint_activities(request, partnership_id: int):
    access = _access(request, partnership_id)
    return [_activity(a) for a in selectors.activities_of(access.partnership)[:500]]


class ActivityIn(Schema):
    kind: Literal[tuple(kinds.ACTIVITY_KINDS)]  # type: ignore[valid-type]
    title: str = Field(..., max_length=200)
    starts_at: dt.datetime
    duration_minutes: int = Field(60, ge=1)
    initiator_id: int | None = None
    participant_ids: list[int] = []
    location: str = Field("", max_length=200)
    people: str = Field("", max_length=500)
    leads: int = Field(0, ge=0)
    projects_won: int = Field(0, ge=0)
    revenue_sourced: Decimal = Field(Decimal(0), ge=0, max_digits=12, decimal_places=2)
    revenue_influenced: Decimal = Field(Decimal(0), ge=0, max_digits=12, decimal_places=2)
    notes: str = ""


@router.post(
    "/{partnership_id}/activities",
    response={201: ActivityOut},
    summary="Record a joint activity",
)
def joint_activity_create(request, partnership_id: int, payload: ActivityIn):
    access = _access(request, partnership_id)
    company = access.require_party()
    data = payload.dict()
    initiator_id = data.pop("initiator_id")
    participant_ids = data.pop("participant_ids")
    initiator = _company(access, initiator_id) if initiator_id else company
    participants = [_company(access, pk) for pk in participant_ids]
    if initiator is None or None in participants:
        raise ValidationError(
            {"participant_ids": _("Only partners of this partnership can take part.")}
        )
    activity = services.activity_create(
        partnership=access.partnership,
        company=company,
        user=request.user,
        initiator=initiator,
        participants=participants,
        **data,
    )
    return 201, _activity(activity)


class BalanceOut(Schema):
    company_id: int
    company: str
    paid: Decimal
    balance: Decimal


class TransferOut(Schema):
    payer_id: int
    payee_id: int
    amount: Decimal


class CostOut(Schema):
    id: int
    description: str
    amount: Decimal
    spent_on: dt.date
    paid_by_id: int
    activity_id: int | None
    shares: dict[str, str]
    shares_overridden: bool


class LedgerOut(Schema):
    total_spent: Decimal
    balances: list[BalanceOut]
    proposal: list[TransferOut]
    costs: list[CostOut]
    settlements: list[TransferOut]


def _cost(item) -> dict:
    return {
        "id": item.pk, "description": item.description, "amount": item.amount,
        "spent_on": item.spent_on, "paid_by_id": item.paid_by_id, "activity_id": item.activity_id,
        "shares": item.shares, "shares_overridden": item.shares_overridden,
    }  # fmt: skip


@router.get(
    "/{partnership_id}/ledger",
    response=LedgerOut,
    summary="The cost ledger: balances (summing to zero), settlement proposal, costs, settlements",
)
def cost_ledger(request, partnership_id: int):
    access = _access(request, partnership_id)
    view = selectors.ledger_view(access.partnership)
    return {
        "total_spent": view.total_spent,
        "balances": [
            {
                "company_id": c.pk,
                "company": access.names.get(c.pk, c.name),
                "paid": view.paid[c.pk],
                "balance": amount,
            }
            for c, amount in view.balances
        ],
        "proposal": [
            {"payer_id": t.payer, "payee_id": t.payee, "amount": t.amount} for t in view.transfers
        ],
        "costs": [_cost(i) for i in selectors.cost_items_of(access.partnership)[:1000]],
        "settlements": [
            {"payer_id": s.payer_id, "payee_id": s.payee_id, "amount": s.amount}
            for s in selectors.settlements_of(access.partnership)[:1000]
        ],
    }


class CostIn(Schema):
    description: str = Field(..., max_length=200)
    amount: Decimal = Field(..., max_digits=12, decimal_places=2)
    spent_on: dt.date
    paid_by_id: int | None = None
    activity_id: int | None = None
    shares: dict[int, Decimal] | None = None


@router.post(
    "/{partnership_id}/costs",
    response={201: CostOut},
    summary="Record a shared cost (split by the agreement, or by `shares` for this item)",
)
def cost_create(request, partnership_id: int, payload: CostIn):
    access = _access(request, partnership_id)
    company = access.require_party()
    activity = (
        selectors.activities_of(access.partnership).filter(pk=payload.activity_id).first()
        if payload.activity_id
        else None
    )
    item = services.cost_item_create(
        partnership=access.partnership,
        company=company,
        user=request.user,
        paid_by=_company(access, payload.paid_by_id) if payload.paid_by_id else company,
        amount=payload.amount,
        spent_on=payload.spent_on,
        description=payload.description,
        activity=activity,
        shares=payload.shares,
    )
    return 201, _cost(item)


class SettlementIn(Schema):
    payer_id: int
    payee_id: int
    amount: Decimal = Field(..., max_digits=12, decimal_places=2)
    paid_on: dt.date | None = None
    note: str = Field("", max_length=200)


@router.post(
    "/{partnership_id}/settlements",
    response={201: TransferOut},
    summary="Record a payment between two parties",
)
def settlement_create(request, partnership_id: int, payload: SettlementIn):
    access = _access(request, partnership_id)
    company = access.require_party()
    settlement = services.settlement_record(
        partnership=access.partnership,
        company=company,
        user=request.user,
        payer=_company(access, payload.payer_id),
        payee=_company(access, payload.payee_id),
        amount=payload.amount,
        paid_on=payload.paid_on,
        note=payload.note,
    )
    return 201, {
        "payer_id": settlement.payer_id,
        "payee_id": settlement.payee_id,
        "amount": settlement.amount,
    }


class ContactOut(Schema):
    owner_id: int
    email: str
    name: str
    company: str
    consent_source: str
    consent_given_on: dt.date
    purposes: list[str]


class ContactsOut(Schema):
    per_party: dict[int, int]
    overlap: int
    visible: list[ContactOut]


@router.get(
    "/{partnership_id}/contacts",
    response=ContactsOut,
    summary="Shared contacts: counts and overlap; the contacts the caller's company may see",
)
def shared_contacts(request, partnership_id: int):
    access = _access(request, partnership_id)
    company = access.require_party()
    summary = selectors.contact_summary(access.partnership)
    return {
        "per_party": {c.pk: n for c, n in summary.per_party},
        "overlap": summary.overlap,
        "visible": [
            {
                "owner_id": c.owner_id, "email": c.email, "name": c.name,
                "company": c.company_name, "consent_source": c.consent_source,
                "consent_given_on": c.consent_given_on, "purposes": c.consent_purposes,
            }
            for c in selectors.contacts_visible_to(access.partnership, company)
        ],
    }  # fmt: skip


@router.get(
    "/{partnership_id}/kpis",
    response=dict[str, Decimal],
    summary="Outcome KPIs as recorded (referrals, revenue, activities) in a period",
)
def recorded_kpis(
    request,
    partnership_id: int,
    since: dt.date | None = None,
    until: dt.date | None = None,
    company_id: int | None = None,
):
    access = _access(request, partnership_id)
    until = until or timezone.localdate()
    since = since or until - dt.timedelta(days=365)
    start = timezone.make_aware(dt.datetime.combine(since, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min))
    company = _company(access, company_id) if company_id else access.company
    return selectors.kpi_actuals(
        access.partnership, start, end, company_id=company.pk if company else None
    )
