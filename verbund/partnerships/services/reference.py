"""Writes for references: ask a third company about a candidate partner; it answers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.companies.models import Company, NetworkCompany
from verbund.notifications.services import notify
from verbund.partnerships import notices, substance
from verbund.partnerships.models import Partnership, ReferenceRequest
from verbund.partnerships.selectors import Viewer, party_hidden, worked_together
from verbund.partnerships.services.partnership import display_name


def reference_request_create(
    *,
    partnership: Partnership,
    requester: Company,
    candidate: Company,
    referee: Company,
    question: str,
    user,
) -> ReferenceRequest:
    """Ask ``referee`` how working with ``candidate`` (a partner in ``partnership``) was."""
    party_ids = set(partnership.parties.values_list("company_id", flat=True))
    if (
        requester.pk not in party_ids
        or candidate.pk not in party_ids
        or candidate.pk == requester.pk
    ):
        raise ValidationError(
            {"candidate": _("Ask about one of your partners in this partnership.")}
        )
    if referee.pk in party_ids:
        raise ValidationError({"referee": _("Ask a company outside this partnership.")})
    # Before a first contact the requester may not know who an anonymous partner is; a question
    # about it would name it to the referee (and the answer back to the requester).
    if party_hidden(partnership, candidate, Viewer(frozenset({requester.pk}), coordinator=False)):
        raise ValidationError(
            {
                "candidate": _(
                    "You can ask about this partner once it has accepted a first contact: "
                    "until then it stays anonymous."
                )
            }
        )
    if not NetworkCompany.objects.filter(network=partnership.network, company=referee).exists() or (
        referee.visibility == Company.Visibility.PRIVATE
    ):
        raise ValidationError({"referee": _("This company cannot be asked in this network.")})
    question = question.strip()
    if len(substance.words(question)) < 5:
        raise ValidationError({"question": _("Ask a real question in at least five words.")})
    reference = ReferenceRequest.objects.create(
        network=partnership.network,
        requester=requester,
        candidate=candidate,
        referee=referee,
        partnership=partnership,
        question=question[:2000],
        status=ReferenceRequest.Status.PENDING,
        asked_by=user,
    )
    notify(
        kind=notices.REFERENCE_ASKED,
        company=referee,
        network=partnership.network,
        params={
            "requester": display_name(requester),
            "candidate": candidate.name,
            "question": question[:300],
        },
        url=reverse("partnerships:reference", args=[reference.pk]),
    )
    return reference


@transaction.atomic
def reference_answer(
    *, reference: ReferenceRequest, company: Company, user, answer: str, rating: int | None
) -> ReferenceRequest:
    """The referee answers; verified when a recorded partnership of referee and candidate
    went beyond a first contact."""
    if company.pk != reference.referee_id:
        raise ValidationError(_("Only the company asked can answer."))
    if reference.status != ReferenceRequest.Status.PENDING:
        raise ValidationError(_("This reference request has already been answered."))
    answer = answer.strip()
    if len(substance.words(answer)) < 5:
        raise ValidationError({"answer": _("Write your reference in at least five words.")})
    if rating is not None and not 1 <= rating <= 5:
        raise ValidationError({"rating": _("Rate from 1 to 5.")})
    reference.answer = answer[:4000]
    reference.rating = rating
    reference.status = ReferenceRequest.Status.ANSWERED
    reference.answered_by = user
    reference.answered_at = timezone.now()
    reference.verified = worked_together(reference.referee_id, reference.candidate_id)
    reference.save()
    notify(
        kind=notices.REFERENCE_ANSWERED,
        company=reference.requester,
        network=reference.network,
        params={"referee": display_name(reference.referee), "candidate": reference.candidate.name},
        url=reverse("partnerships:reference", args=[reference.pk]),
    )
    return reference


def reference_decline(*, reference: ReferenceRequest, company: Company, user) -> ReferenceRequest:
    if company.pk != reference.referee_id or reference.status != ReferenceRequest.Status.PENDING:
        raise ValidationError(_("This reference request cannot be declined."))
    reference.status = ReferenceRequest.Status.DECLINED
    reference.answered_by = user
    reference.answered_at = timezone.now()
    reference.save(update_fields=["status", "answered_by", "answered_at"])
    return reference
