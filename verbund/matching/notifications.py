"""What the matching tells people (through the notifications app)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from verbund.companies.models import Company
from verbund.companies.selectors import anonymous_name
from verbund.notifications.kinds import NotificationKind, register
from verbund.notifications.services import notify

MUTUAL_INTEREST = register(
    NotificationKind(
        key="matching.mutual_interest",
        title=_("Mutual interest with %(partner)s"),
        body=_(
            "You and %(partner)s are both interested in working together. "
            "The next step is a first contact that says what you could do together."
        ),
    )
)


def _shown_name(company: Company, language: str) -> str:
    # The name as the other side may see it: an anonymous company stays anonymous; the
    # coordinator mediates the contact.
    if company.visibility == Company.Visibility.ANONYMOUS:
        return str(anonymous_name(company, language))
    return company.name


def tell_mutual_interest(row) -> None:
    """Tell the people of both companies of a mutual match (row: a matching.Suggestion)."""
    network = row.network
    for company, partner in ((row.company, row.candidate), (row.candidate, row.company)):
        notify(
            kind=MUTUAL_INTEREST,
            company=company,
            network=network,
            params={
                "partner": _shown_name(partner, network.languages[0] if network.languages else "de")
            },
            url=reverse("matching:company_suggestions", args=[network.slug, company.pk])
            + "?show=interested",
        )
