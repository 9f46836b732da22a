"""Reminders for steps that wait too long: unanswered contact requests, overdue reviews.

Idempotent: each request and each review is reminded once (``reminded_at``), so running
``verbund send-reminders`` every few minutes or once a day sends the same reminders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from verbund.notifications.services import notify
from verbund.partnerships import notices
from verbund.partnerships.models import ContactRequest, Review
from verbund.partnerships.services.partnership import display_name, network_setting
from verbund.tenancy.models import Membership

DEFAULT_CONTACT_REMINDER_DAYS = 7


@dataclass(frozen=True)
class Sent:
    contact_requests: int
    reviews: int


@transaction.atomic
def reminders_send(*, now=None) -> Sent:
    now = now or timezone.now()
    requests = 0
    waiting = (
        ContactRequest.objects.select_for_update(skip_locked=True)
        .filter(
            status__in=[ContactRequest.Status.PENDING, ContactRequest.Status.MEDIATION],
            reminded_at__isnull=True,
        )
        .select_related("network", "sender", "recipient")
    )
    for request in waiting:
        days = network_setting(
            request.network, "contact_reminder_days", DEFAULT_CONTACT_REMINDER_DAYS
        )
        if request.created_at > now - timedelta(days=days):
            continue
        params = {"days": days, "sender": display_name(request.sender)}
        url = reverse("partnerships:contact_detail", args=[request.pk])
        if request.status == ContactRequest.Status.MEDIATION:
            coordinators = [
                m.user
                for m in Membership.objects.filter(
                    network=request.network, role=Membership.Role.COORDINATOR
                ).select_related("user")
            ]
            notify(
                kind=notices.CONTACT_REMINDER,
                users=coordinators,
                network=request.network,
                params=params,
                url=url,
            )
        else:
            notify(
                kind=notices.CONTACT_REMINDER,
                company=request.recipient,
                network=request.network,
                params=params,
                url=url,
            )
        request.reminded_at = now
        request.save(update_fields=["reminded_at"])
        requests += 1
    reviews = 0
    overdue = (
        Review.objects.select_for_update(skip_locked=True)
        .filter(
            status=Review.Status.OPEN,
            reminded_at__isnull=True,
            due_date__lt=timezone.localdate(now),
        )
        .select_related("partnership__network")
    )
    for review in overdue:
        partnership = review.partnership
        submitted = set(review.submissions.values_list("company_id", flat=True))
        parties = list(partnership.parties.select_related("company"))
        for party in parties:
            if party.company_id in submitted:
                continue
            partner = next(
                (p.company for p in parties if p.company_id != party.company_id), party.company
            )
            notify(
                kind=notices.REVIEW_OVERDUE,
                company=party.company,
                network=partnership.network,
                params={
                    "number": review.number,
                    "partner": display_name(partner),
                    "due": review.due_date.isoformat(),
                },
                url=reverse("partnerships:review", args=[partnership.pk, review.number]),
            )
        review.reminded_at = now
        review.save(update_fields=["reminded_at"])
        reviews += 1
    return Sent(contact_requests=requests, reviews=reviews)
