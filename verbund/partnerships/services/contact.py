"""Writes for contact requests: send with substance, forward, accept, decline, ask."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from verbund.companies.models import Company, Need, NetworkCompany, Offer
from verbund.lib import catalogues
from verbund.notifications.services import notify
from verbund.partnerships import notices, substance
from verbund.partnerships.models import ContactMessage, ContactRequest, Partnership, Stage
from verbund.partnerships.selectors import open_partnership_between
from verbund.partnerships.services.messages import substance_error
from verbund.partnerships.services.partnership import (
    display_name,
    network_setting,
    partnership_create,
)
from verbund.tenancy.models import Membership, Network

DEFAULT_WEEKLY_LIMIT = 5


def request_url(request: ContactRequest) -> str:
    return reverse("partnerships:contact_detail", args=[request.pk])


def parse_about(recipient: Company, about: str) -> Offer | Need | None:
    """``offer:<id>`` or ``need:<id>`` of the recipient, else None."""
    kind, _sep, raw_id = (about or "").partition(":")
    if not raw_id.isdigit():
        return None
    model = {"offer": Offer, "need": Need}.get(kind)
    return model.objects.filter(company=recipient, pk=int(raw_id)).first() if model else None


def weekly_limit(network: Network) -> int:
    return network_setting(network, "contact_requests_per_week", DEFAULT_WEEKLY_LIMIT)


def sent_this_week(network: Network, sender: Company) -> int:
    since = timezone.now() - timedelta(days=7)
    return ContactRequest.objects.filter(
        network=network, sender=sender, created_at__gte=since
    ).count()


def _mediated(network: Network, sender: Company, recipient: Company) -> bool:
    anonymous = Company.Visibility.ANONYMOUS
    return network.anonymous_contacts or anonymous in (sender.visibility, recipient.visibility)


@transaction.atomic
def contact_request_send(
    *,
    network: Network,
    sender: Company,
    recipient: Company,
    user,
    about: str,
    brings: str,
    form: str,
    first_step: str,
    origin: str = Partnership.Origin.DIRECT,
) -> ContactRequest:
    """Send a first contact; refused with a message per missing part when it lacks substance."""
    recipient_name = display_name(recipient)
    if sender.pk == recipient.pk:
        raise ValidationError({"recipient": _("Choose another company than your own.")})
    listed = set(
        NetworkCompany.objects.filter(network=network, company__in=[sender, recipient]).values_list(
            "company_id", flat=True
        )
    )
    if listed != {sender.pk, recipient.pk} or recipient.visibility == Company.Visibility.PRIVATE:
        raise ValidationError({"recipient": _("This company cannot be contacted in this network.")})
    item = parse_about(recipient, about)
    problems = substance.check(
        about_given=item is not None,
        brings=brings,
        form=form,
        first_step=first_step,
        known_forms=catalogues.keys("forms"),
    )
    if problems:
        raise substance_error(problems, recipient_name)
    if ContactRequest.objects.filter(
        sender=sender,
        recipient=recipient,
        status__in=[ContactRequest.Status.PENDING, ContactRequest.Status.MEDIATION],
    ).exists():
        raise ValidationError(
            _("Your earlier request to %(recipient)s is still waiting for an answer.")
            % {"recipient": recipient_name}
        )
    existing = open_partnership_between(network.pk, {sender.pk, recipient.pk})
    if existing is not None and existing.stage != Stage.IDENTIFIED:
        raise ValidationError(
            _("You already have a partnership with %(recipient)s.") % {"recipient": recipient_name}
        )
    limit = weekly_limit(network)
    if sent_this_week(network, sender) >= limit:
        raise ValidationError(
            ngettext(
                "Your company has sent %(limit)d contact request in the last seven days, the most "
                "this network allows. Please wait for answers first.",
                "Your company has sent %(limit)d contact requests in the last seven days, the "
                "most this network allows. Please wait for answers first.",
                limit,
            )
            % {"limit": limit}
        )
    mediated = _mediated(network, sender, recipient)
    request = ContactRequest.objects.create(
        # The sender's own pipeline: a request to a company it already has an `identified`
        # partnership with belongs to that partnership from the start, so that its health (and
        # `unanswered_contact_request`) sees the wait; accepting moves it to `contacted`.
        partnership=existing,
        network=network,
        sender=sender,
        recipient=recipient,
        sent_by=user,
        about_kind="offer" if isinstance(item, Offer) else "need",
        about_offer=item if isinstance(item, Offer) else None,
        about_need=item if isinstance(item, Need) else None,
        about_title=item.title,
        brings=brings.strip(),
        form=form,
        first_step=first_step.strip(),
        origin=origin,
        status=ContactRequest.Status.MEDIATION if mediated else ContactRequest.Status.PENDING,
    )
    if mediated:
        coordinators = [
            m.user
            for m in Membership.objects.filter(
                network=network, role=Membership.Role.COORDINATOR
            ).select_related("user")
        ]
        notify(
            kind=notices.CONTACT_MEDIATION,
            users=coordinators,
            network=network,
            params={"sender": sender.name, "recipient": recipient.name},
            url=request_url(request),
        )
    else:
        _tell_recipient(request)
    return request


def _tell_recipient(request: ContactRequest) -> None:
    notify(
        kind=notices.CONTACT_RECEIVED,
        company=request.recipient,
        network=request.network,
        params={"sender": display_name(request.sender), "about": request.about_title},
        url=request_url(request),
    )


def _require_open(request: ContactRequest, status: str = ContactRequest.Status.PENDING) -> None:
    if request.status != status:
        raise ValidationError(_("This contact request has already been answered."))


@transaction.atomic
def contact_request_forward(*, request: ContactRequest, user) -> ContactRequest:
    """The coordinator passes a mediated request on to the recipient."""
    _require_open(request, ContactRequest.Status.MEDIATION)
    request.status = ContactRequest.Status.PENDING
    request.forwarded_by = user
    request.forwarded_at = timezone.now()
    request.save(update_fields=["status", "forwarded_by", "forwarded_at"])
    _tell_recipient(request)
    return request


@transaction.atomic
def contact_request_accept(*, request: ContactRequest, user, company: Company) -> Partnership:
    """The recipient accepts: the partnership starts in `contacted` (an `identified` one of the
    same companies moves on)."""
    request = ContactRequest.objects.select_for_update().get(pk=request.pk)
    _require_open(request)
    if company.pk != request.recipient_id:
        raise ValidationError(_("Only the recipient can accept."))
    from verbund.partnerships.services.partnership import partnership_move

    existing = open_partnership_between(
        request.network_id, {request.sender_id, request.recipient_id}
    )
    reason = _("Contact request accepted.")
    if existing is not None and existing.stage == Stage.IDENTIFIED:
        partnership = partnership_move(
            partnership=existing,
            to_stage=Stage.CONTACTED,
            user=user,
            company=company,
            reason=reason,
        )
    elif existing is not None:
        partnership = existing
    else:
        partnership = partnership_create(
            network=request.network,
            companies=[request.sender, request.recipient],
            form=request.form,
            origin=request.origin,
            stage=Stage.CONTACTED,
            user=user,
            company=company,
            reason=reason,
        )
    request.status = ContactRequest.Status.ACCEPTED
    request.answered_at = timezone.now()
    request.first_answer_at = request.first_answer_at or request.answered_at
    request.answered_by = user
    request.partnership = partnership
    request.save(
        update_fields=["status", "answered_at", "first_answer_at", "answered_by", "partnership"]
    )
    notify(
        kind=notices.CONTACT_ACCEPTED,
        company=request.sender,
        network=request.network,
        params={"recipient": display_name(request.recipient)},
        url=reverse("partnerships:detail", args=[partnership.pk]),
    )
    return partnership


@transaction.atomic
def contact_request_decline(
    *, request: ContactRequest, user, company: Company, reason: str
) -> ContactRequest:
    """The recipient declines, always with a reason the sender can learn from."""
    request = ContactRequest.objects.select_for_update().get(pk=request.pk)
    _require_open(request)
    if company.pk != request.recipient_id:
        raise ValidationError(_("Only the recipient can decline."))
    reason = reason.strip()
    if len(substance.words(reason)) < 2:
        raise ValidationError(
            {"reason": _("Give a short reason so that the sender can learn from it.")}
        )
    request.status = ContactRequest.Status.DECLINED
    request.decline_reason = reason
    request.answered_at = timezone.now()
    request.first_answer_at = request.first_answer_at or request.answered_at
    request.answered_by = user
    request.save(
        update_fields=["status", "decline_reason", "answered_at", "first_answer_at", "answered_by"]
    )
    notify(
        kind=notices.CONTACT_DECLINED,
        company=request.sender,
        network=request.network,
        params={"recipient": display_name(request.recipient), "reason": reason},
        url=request_url(request),
    )
    return request


@transaction.atomic
def contact_message_add(
    *, request: ContactRequest, user, company: Company, text: str
) -> ContactMessage:
    """A question or an answer in the request's thread; the other side is told. The recipient's
    first message is the request's first answer."""
    text = text.strip()
    if not substance.words(text):
        raise ValidationError({"text": _("Write your question or answer.")})
    if company.pk not in (request.sender_id, request.recipient_id):
        raise ValidationError(_("Only the two companies write in this thread."))
    message = ContactMessage.objects.create(
        request=request, company=company, author=user, text=text[:4000]
    )
    if company.pk == request.recipient_id and request.first_answer_at is None:
        request.first_answer_at = message.created_at
        request.save(update_fields=["first_answer_at"])
    other = request.recipient if company.pk == request.sender_id else request.sender
    notify(
        kind=notices.CONTACT_MESSAGE,
        company=other,
        network=request.network,
        params={"sender": display_name(company), "text": text[:300]},
        url=request_url(request),
    )
    return message
