"""Writes for reviews: independent scores per partner, KPI actuals, action items."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.companies.models import Company
from verbund.notifications.services import notify
from verbund.partnerships import agreement_terms, notices
from verbund.partnerships.models import ActionItem, KpiActual, Review, ReviewSubmission
from verbund.partnerships.services.agreement import party_ids, review_open_next
from verbund.partnerships.services.partnership import display_name

CUSTOM_PREFIX = "custom:"


def review_factors(review: Review) -> list[str]:
    """The factors a review scores: the agreement's catalogue factors and its own ones."""
    terms = review.agreement_version.terms
    return [
        *terms.get("factors", []),
        *(CUSTOM_PREFIX + f for f in terms.get("custom_factors", [])),
    ]


def _clean_scores(review: Review, scores: dict[str, Any]) -> dict[str, dict[str, Any]]:
    cleaned, errors = {}, {}
    for factor in review_factors(review):
        entry = scores.get(factor) or {}
        try:
            score = int(entry.get("score"))
        except (TypeError, ValueError):
            score = 0
        if not 1 <= score <= 5:
            errors[factor] = _("Score every factor from 1 to 5.")
            continue
        cleaned[factor] = {
            "score": score,
            "comment": str(entry.get("comment") or "").strip()[:2000],
        }
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def review_submit(
    *, review: Review, company: Company, user, scores: dict[str, Any]
) -> ReviewSubmission:
    """One partner's scores (1–5 and a comment per factor), once; the last one completes the
    review, reveals all scores and opens the next review."""
    review = (
        Review.objects.select_for_update()
        .select_related("agreement_version", "partnership__network")
        .get(pk=review.pk)
    )
    partnership = review.partnership
    ids = party_ids(partnership)
    if company.pk not in ids:
        raise ValidationError(_("Only the partners submit reviews."))
    if review.submissions.filter(company=company).exists():
        raise ValidationError(_("Your company has already submitted this review."))
    submission = ReviewSubmission.objects.create(
        review=review, company=company, submitted_by=user, scores=_clean_scores(review, scores)
    )
    submitted = set(review.submissions.values_list("company_id", flat=True))
    url = reverse("partnerships:review", args=[partnership.pk, review.number])
    if set(ids) <= submitted:
        review.status = Review.Status.COMPLETED
        review.completed_at = timezone.now()
        review.save(update_fields=["status", "completed_at"])
        review_open_next(partnership=partnership)
        for party in partnership.parties.select_related("company"):
            notify(
                kind=notices.REVIEW_REVEALED,
                company=party.company,
                network=partnership.network,
                params={"number": review.number},
                url=url,
            )
    else:
        for party in partnership.parties.select_related("company"):
            if party.company_id not in submitted:
                notify(
                    kind=notices.REVIEW_WAITING,
                    company=party.company,
                    network=partnership.network,
                    params={"company": display_name(company), "number": review.number},
                    url=url,
                )
    return submission


def kpi_actual_set(*, review: Review, position: int, actual: Any, user) -> KpiActual:
    """What KPI number ``position`` (0-based, as in the agreement) reached in this period."""
    kpis = review.agreement_version.terms.get("kpis") or []
    if not 0 <= position < len(kpis):
        raise ValidationError({"kpi": _("The agreement has no such KPI.")})
    value = agreement_terms.parse_decimal(actual)
    if value is None or value < 0 or value >= Decimal("1e12"):
        raise ValidationError({"actual": _("Enter a number of zero or more.")})
    row, _created = KpiActual.objects.update_or_create(
        review=review, position=position, defaults={"actual": value, "entered_by": user}
    )
    return row


def action_item_add(*, review: Review, text: str, owner: Company, due_date: date) -> ActionItem:
    text = text.strip()
    if len(text) < 3:
        raise ValidationError({"text": _("Describe the action.")})
    if owner.pk not in party_ids(review.partnership):
        raise ValidationError({"owner": _("The owner must be one of the partners.")})
    item = ActionItem(review=review, text=text[:300], owner=owner, due_date=due_date)
    item.full_clean()
    item.save()
    return item


def action_item_set_done(*, item: ActionItem, done: bool) -> ActionItem:
    item.done_at = timezone.now() if done else None
    item.save(update_fields=["done_at"])
    return item
