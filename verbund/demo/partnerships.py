"""Demo partnerships: one in every stage, agreements with several versions, completed and
pending reviews, contact requests waiting for the demo owners and for the coordination.

Written through the partnership services like real use, each step on its own day in the past
(``verbund.demo.clock``): the history, the agreement versions, the reviews and "since" read like
partnerships that grew over months — a strategic one is more than a year old, which no service
can make it. Partnerships of the path older than the health model's quiet limit meet now and then
(``_meetings``), as real ones do; else the demo would warn that they went quiet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from verbund.accounts.models import User
from verbund.activities import services as activities
from verbund.companies.models import Company
from verbund.demo.clock import days_ago
from verbund.partnerships import services
from verbund.partnerships.models import (
    AgreementVersion,
    ContactRequest,
    Partnership,
    Review,
    Stage,
)
from verbund.partnerships.services.review import review_factors
from verbund.tenancy.models import Network

FIRST_STEP = (
    "Ein Telefonat in der nächsten Woche mit beiden Geschäftsführern über zwei laufende Anfragen."
)


MEETINGS_KPI = {"key": "meetings", "label": "", "target": "3", "period": "quarter", "direction": {}}


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


def _terms(partnership: Partnership, shares: dict[Company, int], start: dt.date, **changes) -> dict:
    terms = services.initial_terms(partnership)
    terms["scope"] = (
        "Gegenseitige Empfehlungen und gemeinsame Angebote für Kunden im Münsterland, "
        "im Osnabrücker Land und in Twente."
    )
    terms["start"] = start.isoformat()
    for row in terms["kpis"]:
        row["target"] = "3"
    terms["cost_shares"] = {str(c.pk): str(v) for c, v in shares.items()}
    terms["exit_terms"] = "Kündigung mit drei Monaten Frist zum Quartalsende."
    terms.update(changes)
    return terms


def _agree(
    partnership: Partnership,
    a: Company,
    b: Company,
    *,
    drafted: tuple[int, ...],
    confirmed: int,
    today: dt.datetime,
    **changes,
) -> None:
    """Drafts by ``a`` and then alternately, ``drafted`` days ago; the last one confirmed by
    both ``confirmed`` days ago, the day the agreement starts."""
    authors = [a, b]
    start = timezone.localdate(today - dt.timedelta(days=confirmed))
    version = None
    for n, when in enumerate(drafted):
        author = authors[n % 2]
        share = 50 + 10 * n
        with days_ago(when, today=today):
            version = services.agreement_draft(
                partnership=partnership,
                terms=_terms(partnership, {a: share, b: 100 - share}, start, **changes),
                user=_person(author),
                company=author,
                change_note="" if n == 0 else "Kostenanteile nach Umsatzanteil angepasst.",
            )
    assert version is not None
    with days_ago(confirmed, today=today):
        for company in (a, b):
            services.agreement_confirm(version=version, user=_person(company), company=company)


def _submit(review: Review, company: Company, base: int) -> None:
    scores = {
        factor: {"score": max(1, min(5, base - (n % 2))), "comment": ""}
        for n, factor in enumerate(review_factors(review))
    }
    services.review_submit(review=review, company=company, user=_person(company), scores=scores)


def review_round(partnership: Partnership, a: Company, b: Company, *, both: bool = True) -> None:
    review = partnership.reviews.get(status=Review.Status.OPEN)
    _submit(review, a, 4)
    if both:
        _submit(review, b, 3)


def _meetings(
    partnership: Partnership, a: Company, b: Company, days: range, today: dt.datetime
) -> None:
    """Working meetings ``days`` ago, hosted in turn, each recorded on its day: what keeps a
    partnership from going quiet (and from looking one-sided) in the health model."""
    for n, when in enumerate(days):
        host = (a, b)[n % 2]
        with days_ago(when, today=today) as moment:
            activities.activity_create(
                partnership=partnership, company=host, user=_person(host),
                kind="working_meeting", title="Abstimmung der laufenden Anfragen",
                starts_at=moment, participants=[a, b], quiet=True,
            )  # fmt: skip


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
    today = timezone.now()

    def on(days: float):
        return days_ago(days, today=today)

    # The showcase: the Münsterland machine builder and the Twente automation firm, agreed on
    # version 2 half a year ago, one review completed, the second submitted by the German side
    # only (due in a few weeks).
    with on(200):
        showcase = _accepted(network, german, dutch, "supplier_partnership")
    with on(196):
        _tick(showcase, "contacted", 2)
    with on(185):
        _move(
            showcase, Stage.EXPLORING, dutch, "Gutes erstes Gespräch; Werkstattbesuch vereinbart."
        )
    with on(178):
        _tick(showcase, "exploring", 2)
    _agree(showcase, dutch, german, drafted=(170, 163), confirmed=160, today=today)
    with on(72):  # the first review was due 69 days ago
        review_round(showcase, german, dutch)
    with on(5):
        review_round(showcase, german, dutch, both=False)
    _meetings(showcase, german, dutch, range(190, 0, -21), today)

    a, b = pairs[0]
    with on(2):
        services.partnership_create_from_mutual_interest(network=network, companies=[a, b])

    a, b = pairs[1]
    with on(12):
        request = _request(network, a, b, "referral_partnership")
    with on(9):
        services.contact_request_accept(request=request, user=_person(b), company=b)

    # Younger than the health model's quiet limit: nothing to record yet.
    a, b = pairs[2]
    with on(38):
        exploring = _accepted(network, a, b, "marketing_alliance")
    with on(25):
        _move(exploring, Stage.EXPLORING, a, "Gemeinsamer Messestand im Frühjahr denkbar.")
    with on(20):
        _tick(exploring, "exploring", 1)
    with on(6):
        services.agreement_draft(
            partnership=exploring,
            # proposed to start in a fortnight
            terms=_terms(exploring, {a: 50, b: 50}, timezone.localdate(today) + dt.timedelta(14)),
            user=_person(a),
            company=a,
        )

    a, b = pairs[3]
    with on(42):
        pilot = _accepted(network, a, b, "project_group")
    with on(18):
        _move(pilot, Stage.PILOT, b, "Erstes gemeinsames Angebot für einen Kunden in Enschede.")

    # Strategic is earned: agreed more than a year ago (reviewed half-yearly), two reviews
    # completed, partners who meet every few weeks. Its agreement counts those meetings: the
    # demo companies without a login pass no referrals that a referral KPI could count.
    a, b = pairs[4]
    with on(470):
        strategic = _accepted(network, a, b, "referral_partnership")
    with on(462):
        _tick(strategic, "contacted", 9)
    with on(460):
        _move(strategic, Stage.EXPLORING, b, "Erste Empfehlungen laufen gut.")
    with on(440):
        _tick(strategic, "exploring", 9)
    _agree(
        strategic, a, b, drafted=(450, 442, 436), confirmed=430, today=today,
        review_cadence_months=6, kpis=[MEETINGS_KPI],
    )  # fmt: skip
    with on(250):
        review_round(strategic, a, b)
    with on(240):  # the first review held and its actions under way
        _tick(strategic, "strategic", 9)
    with on(66):
        review_round(strategic, a, b)
    with on(400):  # what an agreed partnership settles in its first weeks
        _tick(strategic, "agreed", 9)
    with on(30):
        _move(
            strategic, Stage.STRATEGIC, a, "Seit über einem Jahr verlässlich in beide Richtungen."
        )
    _meetings(strategic, a, b, range(460, 0, -25), today)

    a, b = pairs[5]
    with on(200):
        paused = _accepted(network, a, b, "cross_border_partnership")
    with on(45):
        _move(paused, Stage.PAUSED, a, "Personalengpass bis zum Sommer.")

    a, b = pairs[6]
    with on(300):
        ended = _accepted(network, a, b, "distribution")
    with on(120):
        _move(ended, Stage.ENDED, b, "Keine passenden Kunden im Zielgebiet gefunden.")

    # Waiting for the demo owners (German and Dutch) to answer.
    a, b = pairs[7]
    with on(3):
        _request(network, a, german, "referral_partnership")
    with on(1):
        _request(network, b, dutch, "cross_border_partnership")
    return {
        "partnerships": Partnership.objects.filter(network=network).count(),
        "contact_requests": ContactRequest.objects.filter(network=network).count(),
        "agreement_versions": AgreementVersion.objects.filter(partnership__network=network).count(),
        "reviews": Review.objects.filter(partnership__network=network).count(),
    }
