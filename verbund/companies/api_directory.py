"""The network directory in the API: the same search as the page, as JSON.

Parameters, visibility and sorting come from ``verbund.companies.directory`` (shared with the
page); this module only shapes the answer.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema

from verbund.companies import directory
from verbund.tenancy.selectors import get_network_for

router = Router(tags=["directory"])


class DirectoryParams(Schema):
    q: str = ""
    nace: str = ""
    country: str = ""
    max_km: float | None = None
    min_employees: int | None = None
    max_employees: int | None = None
    form: str = ""
    goal: str = ""
    sort: str = "name"
    page: int = 1


class NaceOut(Schema):
    code: str
    label: str


class DirectoryCompanyOut(Schema):
    id: int
    name: str  # the anonymised label for anonymous companies
    anonymous: bool
    mine: bool
    access: str
    country: str
    region: str | None = None
    city: str | None = None
    website: str | None = None
    distance_km: float | None = None
    employees: int | None = None
    nace: list[NaceOut]
    offers: list[str]
    completeness: int | None = None


class DirectoryOut(Schema):
    count: int
    count_capped: bool = Field(
        False, description="More companies match than were counted (1,000); narrow the search."
    )
    page: int
    pages: int
    results: list[DirectoryCompanyOut]


def _summary(card: directory.DirectoryCard) -> dict:
    fields = card.profile.fields
    return {
        "id": card.company_id,
        "name": card.name,
        "anonymous": card.anonymous,
        "mine": card.mine,
        "access": card.profile.access.value,
        "country": card.country,
        "region": fields.get("region") or None,
        # visible_profile has already dropped what the reader may not see.
        "city": fields.get("city") or None,
        "website": fields.get("website") or None,
        "distance_km": round(card.distance_km, 1) if card.distance_km is not None else None,
        "employees": card.employees,
        "nace": [{"code": code, "label": label} for code, label in card.nace],
        "offers": card.offer_titles,
        "completeness": card.completeness,
    }


@router.get(
    "/{slug}/companies",
    response=DirectoryOut,
    summary="Search the companies of one of my networks (the directory)",
)
def network_directory(request, slug: str, params: Query[DirectoryParams]):
    actor = request.actor
    network = get_network_for(actor, slug)
    query, errors = directory.parse_query(actor, network, params.model_dump())
    if errors:
        raise ValidationError(errors)
    page = directory.directory_search(actor, network, query, get_language())
    return {
        "count": page.count,
        "count_capped": page.count_capped,
        "page": page.page,
        "pages": page.pages,
        "results": [_summary(card) for card in page.cards],
    }
