"""Partner suggestions in the API: the same list, filters and feedback as the page.

``GET /networks/{slug}/companies/{id}/suggestions`` answers what ``verbund match`` prints: a list,
best first, of ``{external_id, name, score, reasons: [{code, text}], concerns: [{code, text}]}``
(``name`` null for anonymous candidates), plus the candidate's ``company_id`` for feedback.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema

from verbund.matching import filters, selectors, services
from verbund.tenancy.selectors import get_network_for

router = Router(tags=["matching"])


class SuggestionParams(Schema):
    country: str = ""
    max_km: float | None = None
    min_employees: int | None = None
    max_employees: int | None = None
    form: str = ""
    nace: str = ""
    top: int = 20


class Explained(Schema):
    code: str = Field(description="stable code (see docs/user-guide.md, Partner suggestions)")
    text: str = Field(description="in the reader's language")


class SuggestionOut(Schema):
    external_id: str | None = Field(
        description="the network's key for the candidate; null when none is set and for "
        "anonymous candidates (except for coordinators)"
    )
    name: str | None = Field(description="null for an anonymous candidate")
    score: float
    reasons: list[Explained]
    concerns: list[Explained]
    company_id: int
    anonymous: bool
    feedback: str
    mutual: bool


class FeedbackIn(Schema):
    verdict: str = Field(description="interested or not_relevant")
    reason: str = Field("", description="key of the dismiss_reasons catalogue (not_relevant)")
    note: str = ""


class FeedbackOut(Schema):
    company_id: int
    feedback: str
    reason: str
    mutual: bool


class StatisticsOut(Schema):
    shown: int
    companies_served: int
    interested: int
    dismissed: int
    mutual: int
    interest_rate: float | None
    dismiss_reasons: dict[str, int]


def card_json(card: selectors.Card) -> dict:
    """One suggestion in the shape the CLI and the API share."""
    return {
        "external_id": card.external_id,
        "name": card.name,
        "score": round(card.score, 1),
        "reasons": card.reasons,
        "concerns": card.concerns,
        "company_id": card.candidate_id,
        "anonymous": card.anonymous,
        "feedback": card.feedback,
        "mutual": card.mutual,
    }


@router.get(
    "/{slug}/companies/{company_id}/suggestions",
    response=list[SuggestionOut],
    summary="Partner suggestions for my company (coordinators: any member), best first",
)
def company_suggestions(request, slug: str, company_id: int, params: Query[SuggestionParams]):
    actor = request.actor
    network = get_network_for(actor, slug)
    seeker = selectors.get_seeker_for(actor, network, company_id)
    query, errors = filters.parse_query(
        params.model_dump(), has_location=seeker.company.lat is not None
    )
    if errors:
        raise ValidationError(errors)
    result = services.suggestions_ready(
        actor, seeker, get_language(), filters=query.engine_filters(), top=query.top
    )
    services.suggestions_record_shown(
        seeker=seeker, shown=[(c.candidate_id, c.score) for c in result.cards]
    )
    return [card_json(card) for card in result.cards]


@router.post(
    "/{slug}/companies/{company_id}/suggestions/{candidate_id}/feedback",
    response=FeedbackOut,
    summary="Answer a suggestion: interested, or not relevant with a reason",
)
def suggestion_feedback(request, slug: str, company_id: int, candidate_id: int, data: FeedbackIn):
    actor = request.actor
    network = get_network_for(actor, slug)
    seeker = selectors.get_seeker_for(actor, network, company_id)
    row = services.suggestion_feedback(
        seeker=seeker,
        candidate_id=candidate_id,
        verdict=data.verdict,
        reason=data.reason,
        note=data.note,
        user=request.user,
    )
    return {
        "company_id": row.candidate_id,
        "feedback": row.feedback,
        "reason": row.reason,
        "mutual": row.mutual_at is not None,
    }


@router.get(
    "/{slug}/matching/statistics",
    response=StatisticsOut,
    summary="Match statistics of a network (coordinators)",
)
def match_statistics(request, slug: str):
    actor = request.actor
    network = get_network_for(actor, slug, coordinator=True)
    stats = selectors.network_statistics(actor, network, get_language())
    return {
        "shown": stats.shown,
        "companies_served": stats.companies_served,
        "interested": stats.interested,
        "dismissed": stats.dismissed,
        "mutual": stats.mutual,
        "interest_rate": stats.interest_rate,
        "dismiss_reasons": {key: n for key, _label, n in stats.dismiss_reasons if n},
    }
