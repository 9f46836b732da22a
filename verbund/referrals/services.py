"""Writes for referrals: passing one on and moving it through its status flow.

Only the receiving company moves the status; the referrer is told of every change. Checks that
the database also enforces (consent, no closed value unless won) are made here first, so that the
person gets a clear message instead of an integrity error.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.companies.models import Company, CompanyMember, NetworkCompany
from verbund.notifications.services import notify
from verbund.referrals import flow
from verbund.referrals.models import Referral, ReferralFeedback, ReferralStatusChange
from verbund.referrals.notifications import (
    FEEDBACK_GIVEN,
    REFERRAL_RECEIVED,
    REFERRAL_STATUS_CHANGED,
    REFERRAL_WON,
)
from verbund.tenancy.models import Network

# Network setting ``referral_answer_days``: days a receiver has for the first answer.
DEFAULT_ANSWER_DAYS = 5


def answer_days(network: Network) -> int:
    try:
        days = int((network.settings or {}).get("referral_answer_days", DEFAULT_ANSWER_DAYS))
    except (TypeError, ValueError):
        return DEFAULT_ANSWER_DAYS
    return days if days > 0 else DEFAULT_ANSWER_DAYS


def _status_label(status: str) -> str:
    return str(Referral.Status(status).label)


def referral_client_problems(client: Mapping[str, Any], *, in_network: bool) -> dict[str, str]:
    """What is wrong with a referral's client fields (``referral_create``'s names, missing ones
    read as empty), per field, without writing anything: a form can show these together with
    its own errors (an invalid email must not hide a missing consent)."""
    client_name, client_company = client.get("client_name", ""), client.get("client_company", "")
    client_email, client_phone = client.get("client_email", ""), client.get("client_phone", "")
    need, estimated_value = client.get("need", ""), client.get("estimated_value")
    errors: dict[str, str] = {}
    if not in_network:
        if not (client_name.strip() or client_company.strip()):
            errors["client_name"] = _("Name the client: a person or a company.")
        if not (client_email.strip() or client_phone.strip()):
            errors["client_email"] = _("Give the client's email or phone number.")
        if not client.get("consent"):
            errors["consent"] = _(
                "A client outside the network must have agreed to be contacted. "
                "Confirm that the client agreed."
            )
    if not need.strip():
        errors["need"] = _("Describe what the client needs.")
    if estimated_value is not None and estimated_value < 0:
        errors["estimated_value"] = _("The estimated value cannot be negative.")
    return errors


@transaction.atomic
def referral_create(
    *,
    network: Network,
    referrer_company: Company,
    referrer_user,
    receiver_company: Company,
    need: str,
    receiver_user=None,
    client_in_network: Company | None = None,
    client_name: str = "",
    client_company: str = "",
    client_email: str = "",
    client_phone: str = "",
    consent: bool = False,
    estimated_value: Decimal | None = None,
    group=None,
    created_at: datetime | None = None,
    url: str = "",
) -> Referral:
    """Pass a client on; the receiving company is notified. ValidationError names each bad field."""
    created_at = created_at or timezone.now()
    errors: dict[str, str] = {}
    listed = set(
        NetworkCompany.objects.filter(
            network=network,
            company_id__in=[
                c.pk for c in (referrer_company, receiver_company, client_in_network) if c
            ],
        ).values_list("company_id", flat=True)
    )
    if referrer_company.pk not in listed:
        errors["referrer_company"] = _("The referring company is not in this network.")
    if receiver_company.pk not in listed:
        errors["receiver_company"] = _("The receiving company is not in this network.")
    elif receiver_company.pk == referrer_company.pk:
        errors["receiver_company"] = _("A company cannot refer a client to itself.")
    if client_in_network is not None and client_in_network.pk not in listed:
        errors["client_in_network"] = _("The client company is not in this network.")
    client = {
        "client_name": client_name, "client_company": client_company, "consent": consent,
        "client_email": client_email, "client_phone": client_phone, "need": need,
        "estimated_value": estimated_value,
    }  # fmt: skip
    errors.update(referral_client_problems(client, in_network=client_in_network is not None))
    if errors:
        raise ValidationError(errors)

    referral = Referral(
        network=network,
        group=group,
        referrer_company=referrer_company,
        referrer_user=referrer_user,
        receiver_company=receiver_company,
        receiver_user=receiver_user,
        client_in_network=client_in_network,
        client_name=client_name.strip() if client_in_network is None else "",
        client_company=client_company.strip() if client_in_network is None else "",
        client_email=client_email.strip() if client_in_network is None else "",
        client_phone=client_phone.strip() if client_in_network is None else "",
        consent_recorded_by=referrer_user if client_in_network is None else None,
        consent_recorded_at=created_at if client_in_network is None else None,
        need=need.strip(),
        estimated_value=estimated_value,
        created_by=referrer_user,
        created_at=created_at,
        answer_due_at=created_at + timedelta(days=answer_days(network)),
    )
    referral.full_clean()
    referral.save()
    notify(
        kind=REFERRAL_RECEIVED,
        company=receiver_company,
        users=[receiver_user] if receiver_user else [],
        network=network,
        params={
            "referrer": referrer_company.name,
            "client": referral.client_label,
            "days": answer_days(network),
        },
        url=url or reverse("referrals:detail", args=[referral.pk]),
    )
    return referral


def may_move_status(user, referral: Referral) -> bool:
    """Only people acting for the receiving company move a referral."""
    return CompanyMember.objects.filter(user=user, company_id=referral.receiver_company_id).exists()


@transaction.atomic
def referral_set_status(
    *,
    referral: Referral,
    user,
    status: str,
    note: str = "",
    closed_value: Decimal | None = None,
    at: datetime | None = None,
    url: str = "",
) -> Referral:
    """Move a referral one step on (forward only); the referrer is notified of the change."""
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("receiver_company", "referrer_company", "client_in_network", "network")
        .get(pk=referral.pk)
    )
    if not may_move_status(user, referral):
        raise PermissionDenied(_("Only the receiving company can change a referral's status."))
    if status not in flow.STATUSES:
        raise ValidationError({"status": _("Unknown status.")})
    if not flow.may_move(referral.status, status):
        if not referral.is_open:
            message = _("This referral is closed (%(status)s); its status can no longer change.")
        else:
            message = _("A referral cannot go back from “%(status)s” to “%(target)s”.")
        raise ValidationError(
            {
                "status": message
                % {"status": _status_label(referral.status), "target": _status_label(status)}
            }
        )
    if status == flow.WON:
        if closed_value is None:
            raise ValidationError({"closed_value": _("Enter the value of the business won (EUR).")})
        if closed_value < 0:
            raise ValidationError({"closed_value": _("The closed value cannot be negative.")})
    elif closed_value is not None:
        raise ValidationError(
            {"closed_value": _("A closed value is only recorded when the referral is won.")}
        )
    at = at or timezone.now()
    previous = referral.status
    ReferralStatusChange.objects.create(
        referral=referral,
        from_status=previous,
        to_status=status,
        changed_by=user,
        changed_at=at,
        note=note.strip()[:500],
    )
    referral.status = status
    if flow.is_first_answer(previous, status):
        referral.first_answer_at = at
    if status in flow.CLOSED:
        referral.closed_at = at
        referral.closed_value = closed_value if status == flow.WON else None
    referral.save(update_fields=["status", "first_answer_at", "closed_at", "closed_value"])
    params = {
        "receiver": referral.receiver_company.name,
        "client": referral.client_label,
        "from": _status_label(previous),
        "status": _status_label(status),
    }
    if status == flow.WON:
        # Language-neutral: the notification is read in each recipient's own language.
        params["value"] = f"{closed_value:.2f} EUR"
    notify(
        kind=REFERRAL_WON if status == flow.WON else REFERRAL_STATUS_CHANGED,
        company=referral.referrer_company,
        users=[referral.referrer_user] if referral.referrer_user else [],
        network=referral.network,
        params=params,
        url=url or reverse("referrals:detail", args=[referral.pk]),
    )
    return referral


# Days a client's feedback link works; asking again replaces an unanswered link at once.
FEEDBACK_LINK_DAYS = 30


class FeedbackLink:
    """What a client's link leads to: the request if it can still be answered, else why not."""

    OPEN, USED, EXPIRED, UNKNOWN = "open", "used", "expired", "unknown"

    def __init__(self, state: str, feedback: ReferralFeedback | None = None) -> None:
        self.state = state
        self.feedback = feedback


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def feedback_link_create(*, referral: Referral, user) -> str:
    """A new single-use link for the client to rate the service received; the secret is returned
    once and only its digest is stored. An unanswered earlier link stops working (only the latest
    counts). Only the two companies ask, and only once the receiver has been in touch."""
    acting_for = set(CompanyMember.objects.filter(user=user).values_list("company_id", flat=True))
    if not {referral.referrer_company_id, referral.receiver_company_id} & acting_for:
        raise PermissionDenied(_("Only the two companies of a referral can ask for feedback."))
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.status == flow.NEW:
        raise ValidationError(
            {
                "referral": _(
                    "Ask for feedback once the receiving company has been in touch with the client."
                )
            }
        )
    requests = ReferralFeedback.objects.filter(referral=referral)
    if requests.filter(given_at__isnull=False).exists():
        raise ValidationError({"referral": _("The client has already given feedback.")})
    now = timezone.now()
    requests.filter(given_at__isnull=True, expires_at__gt=now).update(expires_at=now)
    secret = secrets.token_urlsafe(32)
    ReferralFeedback.objects.create(
        referral=referral,
        token_hash=_digest(secret),
        requested_by=user,
        requested_at=now,
        expires_at=now + timedelta(days=FEEDBACK_LINK_DAYS),
    )
    return secret


def _link_of(feedback: ReferralFeedback | None) -> FeedbackLink:
    if feedback is None:
        return FeedbackLink(FeedbackLink.UNKNOWN)
    if feedback.given_at is not None:
        return FeedbackLink(FeedbackLink.USED, feedback)
    if feedback.expires_at <= timezone.now():
        return FeedbackLink(FeedbackLink.EXPIRED, feedback)
    return FeedbackLink(FeedbackLink.OPEN, feedback)


def _requests_for_secret(secret: str):
    return ReferralFeedback.objects.select_related(
        "referral__receiver_company", "referral__referrer_company", "referral__network"
    ).filter(token_hash=_digest(secret))


def feedback_link_open(secret: str) -> FeedbackLink:
    """Look a client's link up: open, already used, expired (or replaced), or unknown."""
    return _link_of(_requests_for_secret(secret).first())


def feedback_link_refusal(state: str) -> str:
    """Why a link cannot be answered, in the visitor's language."""
    if state == FeedbackLink.USED:
        return _("This link has already been used. Thank you for your feedback.")
    if state == FeedbackLink.EXPIRED:
        return _("This link has expired. Ask the company that sent it to you for a new one.")
    return _("This feedback link is not valid. Please check the address.")


@transaction.atomic
def feedback_give(*, secret: str, rating: int | None, comment: str = "") -> ReferralFeedback:
    """The client's rating (1–5 and a comment); the link works once. Both companies are told."""
    # Locked, so that two submissions of the same link cannot both count.
    link = _link_of(_requests_for_secret(secret).select_for_update(of=("self",)).first())
    if link.state != FeedbackLink.OPEN or link.feedback is None:
        raise ValidationError({"link": feedback_link_refusal(link.state)})
    if rating is None or not 1 <= int(rating) <= 5:
        raise ValidationError({"rating": _("Choose a rating from 1 to 5.")})
    feedback = link.feedback
    feedback.rating = int(rating)
    feedback.comment = comment.strip()[:2000]
    feedback.given_at = timezone.now()
    feedback.save(update_fields=["rating", "comment", "given_at"])
    referral = feedback.referral
    for company in (referral.receiver_company, referral.referrer_company):
        notify(
            kind=FEEDBACK_GIVEN,
            company=company,
            network=referral.network,
            params={
                "client": referral.client_label,
                "receiver": referral.receiver_company.name,
                "rating": feedback.rating,
            },
            url=reverse("referrals:detail", args=[referral.pk]),
        )
    return feedback
