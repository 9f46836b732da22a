"""Partnerships in the API: partnerships with their path, contact requests, agreement versions
and reviews. The same gates and services as the pages: partners act, the network's coordination
reads, everyone else gets 404."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema

from verbund.companies.models import Company
from verbund.companies.selectors import get_company_for
from verbund.partnerships import services
from verbund.partnerships.models import AgreementVersion
from verbund.partnerships.selectors import (
    Viewer,
    contact_requests_for,
    get_contact_request_for,
    get_partnership_for,
    get_review_for,
    partnership_detail_data,
    partnerships_for,
    party_names,
    require_decider,
    visible_submissions,
)
from verbund.tenancy.selectors import get_network_for

router = Router(tags=["partnerships"])
LIMIT = 200


class PartyOut(Schema):
    company_id: int
    name: str
    role: str
    is_leader: bool


class PartnershipOut(Schema):
    id: int
    network: str
    form: str
    stage: str
    origin: str
    stage_changed_at: datetime
    agreed_at: datetime | None
    ended_reason: str
    parties: list[PartyOut]


class StageChangeOut(Schema):
    from_stage: str
    to_stage: str
    company_id: int | None
    reason: str
    open_items: list[str]
    created_at: datetime


class ChecklistOut(Schema):
    id: int
    stage: str
    key: str
    done: bool


class VersionSummaryOut(Schema):
    number: int
    status: str
    created_at: datetime
    activated_at: datetime | None
    confirmed_by: list[int]


class ReviewSummaryOut(Schema):
    number: int
    due_date: date
    status: str


class PartnershipDetailOut(PartnershipOut):
    history: list[StageChangeOut]
    checklist: list[ChecklistOut]
    agreement_versions: list[VersionSummaryOut]
    reviews: list[ReviewSummaryOut]


class VersionOut(VersionSummaryOut):
    terms: dict[str, Any]
    change_note: str
    created_by_company_id: int


class StageIn(Schema):
    stage: str
    reason: str = ""


class AgreementIn(Schema):
    terms: dict[str, Any]
    change_note: str = ""


class ScoreIn(Schema):
    score: int
    comment: str = ""


class SubmissionIn(Schema):
    scores: dict[str, ScoreIn]


class SubmissionOut(Schema):
    company_id: int
    scores: dict[str, Any]
    submitted_at: datetime


class ReviewOut(ReviewSummaryOut):
    agreement_version: int
    submitted_by: list[int]
    revealed: bool
    submissions: list[SubmissionOut]


class ContactIn(Schema):
    network: str
    recipient: int
    about: str
    brings: str
    form: str
    first_step: str


class ContactOut(Schema):
    id: int
    network: str
    sender_id: int
    recipient_id: int
    about_kind: str
    about_title: str
    brings: str
    form: str
    first_step: str
    status: str
    decline_reason: str
    partnership_id: int | None
    created_at: datetime


class ContactListOut(Schema):
    received: list[ContactOut]
    sent: list[ContactOut]
    mediation: list[ContactOut]


class DeclineIn(Schema):
    reason: str


class MessageIn(Schema):
    text: str


class MessageOut(Schema):
    id: int
    company_id: int
    text: str
    created_at: datetime


def _partnership_out(partnership, viewer: Viewer) -> dict:
    names = party_names(partnership, viewer)
    return {
        "id": partnership.pk,
        "network": partnership.network.slug,
        "form": partnership.form,
        "stage": partnership.stage,
        "origin": partnership.origin,
        "stage_changed_at": partnership.stage_changed_at,
        "agreed_at": partnership.agreed_at,
        "ended_reason": partnership.ended_reason,
        "parties": [
            {
                "company_id": p.company_id,
                "name": names[p.company_id],
                "role": p.role,
                "is_leader": p.is_leader,
            }
            for p in partnership.parties.all()
        ],
    }


def _version_out(version: AgreementVersion) -> dict:
    return {
        "number": version.number,
        "status": version.status,
        "created_at": version.created_at,
        "activated_at": version.activated_at,
        "confirmed_by": [c.company_id for c in version.confirmations.all()],
        "terms": version.terms,
        "change_note": version.change_note,
        "created_by_company_id": version.created_by_company_id,
    }


def _contact_out(contact) -> dict:
    return {
        "id": contact.pk,
        "network": contact.network.slug,
        "sender_id": contact.sender_id,
        "recipient_id": contact.recipient_id,
        "about_kind": contact.about_kind,
        "about_title": contact.about_title,
        "brings": contact.brings,
        "form": contact.form,
        "first_step": contact.first_step,
        "status": contact.status,
        "decline_reason": contact.decline_reason,
        "partnership_id": contact.partnership_id,
        "created_at": contact.created_at,
    }


@router.get("/partnerships", response=list[PartnershipOut], summary="My partnerships")
def partnership_list(request):
    actor = request.actor
    return [_partnership_out(p, Viewer.of(actor, p)) for p in partnerships_for(actor)[:LIMIT]]


@router.get(
    "/partnerships/{partnership_id}",
    response=PartnershipDetailOut,
    summary="One partnership with its history, checklist, agreement versions and reviews",
)
def partnership_detail(request, partnership_id: int):
    access = get_partnership_for(request.actor, partnership_id)
    data = partnership_detail_data(access.partnership)
    return {
        **_partnership_out(access.partnership, access.viewer),
        "history": [
            {
                "from_stage": c.from_stage,
                "to_stage": c.to_stage,
                "company_id": c.company_id,
                "reason": c.reason,
                "open_items": c.open_items,
                "created_at": c.created_at,
            }
            for c in data["changes"]
        ],
        "checklist": [
            {"id": i.pk, "stage": i.stage, "key": i.key, "done": i.is_done}
            for i in data["checklist"]
        ],
        "agreement_versions": [_version_out(v) for v in data["versions"]],
        "reviews": [
            {"number": r.number, "due_date": r.due_date, "status": r.status}
            for r in data["reviews"]
        ],
    }


@router.post(
    "/partnerships/{partnership_id}/stage",
    response=PartnershipOut,
    summary="Move the partnership to another stage (owners and managers of a partner)",
)
def partnership_stage(request, partnership_id: int, payload: StageIn):
    access = get_partnership_for(request.actor, partnership_id)
    company = access.require_manager()
    partnership = services.partnership_move(
        partnership=access.partnership,
        to_stage=payload.stage,
        user=request.user,
        company=company,
        reason=payload.reason,
    )
    access = get_partnership_for(request.actor, partnership.pk)
    return _partnership_out(access.partnership, access.viewer)


@router.get(
    "/partnerships/{partnership_id}/agreements",
    response=list[VersionOut],
    summary="Every version of the agreement, newest first",
)
def agreement_list(request, partnership_id: int):
    access = get_partnership_for(request.actor, partnership_id)
    versions = access.partnership.agreement_versions.prefetch_related("confirmations")
    return [_version_out(v) for v in versions.order_by("-number")]


@router.post(
    "/partnerships/{partnership_id}/agreements",
    response={201: VersionOut},
    summary="Write a new version of the agreement (needs every partner's confirmation)",
)
def agreement_create(request, partnership_id: int, payload: AgreementIn):
    access = get_partnership_for(request.actor, partnership_id)
    company = access.require_party()
    version = services.agreement_draft(
        partnership=access.partnership,
        terms=payload.terms,
        user=request.user,
        company=company,
        change_note=payload.change_note,
    )
    return 201, _version_out(version)


@router.post(
    "/partnerships/{partnership_id}/agreements/{number}/confirm",
    response=VersionOut,
    summary="Confirm a draft version for my company",
)
def agreement_confirm(request, partnership_id: int, number: int):
    access = get_partnership_for(request.actor, partnership_id)
    company = access.require_manager()
    version = get_object_or_404(AgreementVersion, partnership=access.partnership, number=number)
    version = services.agreement_confirm(version=version, user=request.user, company=company)
    return _version_out(version)


def _review_out(access, review) -> dict:
    party_ids = {p.company_id for p in access.partnership.parties.all()}
    viewer = access.company.pk if access.company else None
    submissions, revealed = visible_submissions(review, party_ids, viewer)
    return {
        "number": review.number,
        "due_date": review.due_date,
        "status": review.status,
        "agreement_version": review.agreement_version.number,
        "submitted_by": [s.company_id for s in review.submissions.all()],
        "revealed": revealed,
        "submissions": [
            {"company_id": s.company_id, "scores": s.scores, "submitted_at": s.submitted_at}
            for s in submissions
        ],
    }


@router.get(
    "/partnerships/{partnership_id}/reviews/{number}",
    response=ReviewOut,
    summary="A review; other partners' scores only once every partner has submitted",
)
def review_detail(request, partnership_id: int, number: int):
    access, review = get_review_for(request.actor, partnership_id, number)
    return _review_out(access, review)


@router.post(
    "/partnerships/{partnership_id}/reviews/{number}/submission",
    response={201: ReviewOut},
    summary="Submit my company's scores (every factor 1–5 with a comment)",
)
def review_submission(request, partnership_id: int, number: int, payload: SubmissionIn):
    access, review = get_review_for(request.actor, partnership_id, number)
    company = access.require_party()
    services.review_submit(
        review=review,
        company=company,
        user=request.user,
        scores={key: value.dict() for key, value in payload.scores.items()},
    )
    access, review = get_review_for(request.actor, partnership_id, number)
    return 201, _review_out(access, review)


@router.get(
    "/contact-requests",
    response=ContactListOut,
    summary="Contact requests received, sent and (coordinators) waiting to be forwarded",
)
def contact_list(request):
    lists = contact_requests_for(request.actor)
    return {key: [_contact_out(c) for c in value] for key, value in lists.items()}


@router.post(
    "/contact-requests",
    response={201: ContactOut},
    summary="Send a contact request (refused with a message per missing part)",
)
def contact_create(request, payload: ContactIn):
    actor = request.actor
    network = get_network_for(actor, payload.network)
    recipient = get_company_for(actor, payload.recipient).company
    sender = actor.company
    if sender is None:
        raise PermissionDenied(_("Choose a company you act for first."))
    require_decider(actor, sender)
    if sender.pk == recipient.pk:
        raise Http404(_("Company not found."))
    contact = services.contact_request_send(
        network=network,
        sender=sender,
        recipient=recipient,
        user=request.user,
        about=payload.about,
        brings=payload.brings,
        form=payload.form,
        first_step=payload.first_step,
    )
    return 201, _contact_out(contact)


@router.get("/contact-requests/{request_id}", response=ContactOut, summary="One contact request")
def contact_detail(request, request_id: int):
    return _contact_out(get_contact_request_for(request.actor, request_id).request)


def _recipient(request, request_id: int) -> tuple[Any, Company]:
    access = get_contact_request_for(request.actor, request_id)
    if not access.is_recipient:
        raise PermissionDenied(_("Only the recipient can answer this request."))
    require_decider(request.actor, access.company)
    return access.request, access.company


@router.post(
    "/contact-requests/{request_id}/accept",
    response=PartnershipOut,
    summary="Accept: the partnership starts in the stage `contacted`",
)
def contact_accept(request, request_id: int):
    contact, company = _recipient(request, request_id)
    partnership = services.contact_request_accept(
        request=contact, user=request.user, company=company
    )
    access = get_partnership_for(request.actor, partnership.pk)
    return _partnership_out(access.partnership, access.viewer)


@router.post(
    "/contact-requests/{request_id}/decline",
    response=ContactOut,
    summary="Decline with a reason",
)
def contact_decline(request, request_id: int, payload: DeclineIn):
    contact, company = _recipient(request, request_id)
    contact = services.contact_request_decline(
        request=contact, user=request.user, company=company, reason=payload.reason
    )
    return _contact_out(contact)


@router.post(
    "/contact-requests/{request_id}/messages",
    response={201: MessageOut},
    summary="Ask or answer a question in the request's thread",
)
def contact_message_create(request, request_id: int, payload: MessageIn):
    access = get_contact_request_for(request.actor, request_id)
    if access.company is None:
        raise PermissionDenied(_("Only the two companies write in this thread."))
    message = services.contact_message_add(
        request=access.request, user=request.user, company=access.company, text=payload.text
    )
    return 201, {
        "id": message.pk,
        "company_id": message.company_id,
        "text": message.text,
        "created_at": message.created_at,
    }
