"""Demo partnerships: one in every stage, agreements with several versions, completed and
pending reviews, contact requests waiting for the demo owners and for the coordination.

Written through the partnership services like real use. Only the clock is turned back
afterwards (``_backdate``): a strategic partnership must be more than a year old, which no
service can make it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from verbund.accounts.models import User
from verbund.companies.models import Company
from verbund.partnerships import services
from verbund.partnerships.models import (
    AgreementVersion,
    ContactRequest,
    Partnership,
    Review,
    Stage,
    StageChange,
)
from verbund.partnerships.services.review import review_factors
from verbund.tenancy.models import Network

FIRST_STEP = (
    "Ein Telefonat in der nächsten Woche mit beiden Geschäftsführern über zwei laufende Anfragen."
)


@dataclass(frozen=True)
class Actor:
    company: Company
    user: User | None


def _person(company: Company) -> User | None:
    member = company.members.select_related("user").order_by("pk").first()
    return member.user if member else None


def _brings(sender: Company) -> str:
    offer = sender.offers.order_by("position", "pk").first()
    what = offer.title if offer else sender.name
    return (
        f"Wir bringen {what} ein und kennen Kunden in der Region, die genau diese Leistung "
        "regelmäßig nachfragen; gemeinsam können wir ihnen mehr aus einer Hand anbieten."
    )


def _about(recipient: Company) -> str:
    need = recipient.needs.order_by("position", "pk").first()
    if need is not None:
        return f"need:{need.pk}"
    offer = recipient.offers.order_by("position", "pk").first()
    return f"offer:{offer.pk}" if offer else ""


def _request(network: Network, sender: Company, recipient: Company, form: str) -> ContactRequest:
    return services.contact_request_send(
        network=network,
        sender=sender,
        recipient=recipient,
        user=_person(sender),
        about=_about(recipient),
        brings=_brings(sender),
        form=form,
        first_step=FIRST_STEP,
        origin=Partnership.Origin.SUGGESTION,
    )


def _accepted(network: Network, a: Company, b: Company, form: str) -> Partnership:
    request = _request(network, a, b, form)
    return services.contact_request_accept(request=request, user=_person(b), company=b)


def _move(partnership: Partnership, stage: str, by: Company, reason: str) -> None:
    services.partnership_move(
        partnership=partnership, to_stage=stage, user=_person(by), company=by, reason=reason
    )


def _tick(partnership: Partnership, stage: str, count: int) -> None:
    for item in partnership.checklist.filter(stage=stage).order_by("position")[:count]:
        services.checklist_item_set(item=item, done=True, user=None)


def _terms(partnership: Partnership, shares: dict[Company, int], **changes) -> dict:
    terms = services.initial_terms(partnership)
    terms["scope"] = (
        "Gegenseitige Empfehlungen und gemeinsame Angebote für Kunden im Münsterland, "
        "im Osnabrücker Land und in Twente."
    )
    terms["start"] = timezone.localdate().isoformat()
    for row in terms["kpis"]:
        row["target"] = "3"
    terms["cost_shares"] = {str(c.pk): str(v) for c, v in shares.items()}
    terms["exit_terms"] = "Kündigung mit drei Monaten Frist zum Quartalsende."
    terms.update(changes)
    return terms


def _agree(partnership: Partnership, a: Company, b: Company, *, versions: int = 1) -> None:
    """Draft by ``a``; further versions alternate; the last is confirmed by both."""
    authors = [a, b]
    version = None
    for n in range(versions):
        author = authors[n % 2]
        share = 50 + 10 * n
        version = services.agreement_draft(
            partnership=partnership,
            terms=_terms(partnership, {a: share, b: 100 - share}),
            user=_person(author),
            company=author,
            change_note="" if n == 0 else "Kostenanteile nach Umsatzanteil angepasst.",
        )
    assert version is not None
    for company in (a, b):
        services.agreement_confirm(version=version, user=_person(company), company=company)


def _submit(review: Review, company: Company, base: int) -> None:
    scores = {
        factor: {"score": max(1, min(5, base - (n % 2))), "comment": ""}
        for n, factor in enumerate(review_factors(review))
    }
    services.review_submit(review=review, company=company, user=_person(company), scores=scores)


def _review_round(partnership: Partnership, a: Company, b: Company, *, both: bool = True) -> None:
    review = partnership.reviews.get(status=Review.Status.OPEN)
    _submit(review, a, 4)
    if both:
        _submit(review, b, 3)


def _backdate(partnership: Partnership, days: int) -> None:
    """Turn the partnership's clock back by ``days`` (demo only: history needs a past)."""
    shift = timedelta(days=days)
    now = timezone.now()
    Partnership.objects.filter(pk=partnership.pk).update(
        agreed_at=now - shift, stage_changed_at=now - shift
    )
    for change in StageChange.objects.filter(partnership=partnership):
        StageChange.objects.filter(pk=change.pk).update(created_at=change.created_at - shift)
    for version in AgreementVersion.objects.filter(partnership=partnership):
        AgreementVersion.objects.filter(pk=version.pk).update(
            created_at=version.created_at - shift,
            activated_at=version.activated_at - shift if version.activated_at else None,
        )
    for review in Review.objects.filter(partnership=partnership):
        Review.objects.filter(pk=review.pk).update(due_date=review.due_date - shift)


def seed_partnerships(
    network: Network, companies: list[Company], german: Company, dutch: Company
) -> dict[str, int]:
    """Create the demo partnerships among ``companies``; return counts for the summary."""
    personas = {german.pk, dutch.pk}
    pool = [
        c
        for c in sorted(companies, key=lambda c: c.pk)
        if c.pk not in personas
        and c.visibility == Company.Visibility.NETWORK
        and c.needs.exists()
        and c.offers.exists()
    ]
    pairs = [(pool[i], pool[i + 1]) for i in range(0, 16, 2)]

    # The showcase: the Münsterland machine builder and the Twente automation firm, agreed on
    # version 2, one review completed, the second submitted by the German side only.
    showcase = _accepted(network, german, dutch, "supplier_partnership")
    _tick(showcase, "contacted", 2)
    _move(showcase, Stage.EXPLORING, dutch, "Gutes erstes Gespräch; Werkstattbesuch vereinbart.")
    _tick(showcase, "exploring", 2)
    _agree(showcase, dutch, german, versions=2)
    _review_round(showcase, german, dutch)
    _review_round(showcase, german, dutch, both=False)

    a, b = pairs[0]
    services.partnership_create_from_mutual_interest(network=network, companies=[a, b])

    a, b = pairs[1]
    _accepted(network, a, b, "referral_partnership")

    a, b = pairs[2]
    exploring = _accepted(network, a, b, "marketing_alliance")
    _move(exploring, Stage.EXPLORING, a, "Gemeinsamer Messestand im Frühjahr denkbar.")
    _tick(exploring, "exploring", 1)
    services.agreement_draft(
        partnership=exploring,
        terms=_terms(exploring, {a: 50, b: 50}),
        user=_person(a),
        company=a,
    )

    a, b = pairs[3]
    pilot = _accepted(network, a, b, "project_group")
    _move(pilot, Stage.PILOT, b, "Erstes gemeinsames Angebot für einen Kunden in Enschede.")

    a, b = pairs[4]
    strategic = _accepted(network, a, b, "referral_partnership")
    _agree(strategic, a, b, versions=3)
    _review_round(strategic, a, b)
    _review_round(strategic, a, b)
    _backdate(strategic, 400)
    _move(strategic, Stage.STRATEGIC, a, "Seit über einem Jahr verlässlich in beide Richtungen.")

    a, b = pairs[5]
    paused = _accepted(network, a, b, "cross_border_partnership")
    _move(paused, Stage.PAUSED, a, "Personalengpass bis zum Sommer.")

    a, b = pairs[6]
    ended = _accepted(network, a, b, "distribution")
    _move(ended, Stage.ENDED, b, "Keine passenden Kunden im Zielgebiet gefunden.")

    # Waiting for the demo owners (German and Dutch) to answer.
    a, b = pairs[7]
    _request(network, a, german, "referral_partnership")
    _request(network, b, dutch, "cross_border_partnership")
    return {
        "partnerships": Partnership.objects.filter(network=network).count(),
        "contact_requests": ContactRequest.objects.filter(network=network).count(),
        "agreement_versions": AgreementVersion.objects.filter(partnership__network=network).count(),
        "reviews": Review.objects.filter(partnership__network=network).count(),
    }
