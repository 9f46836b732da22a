"""Companies in the API: my companies, a profile as far as I may see it, and writes to my own."""

from __future__ import annotations

from typing import Any, Literal

from django.db import transaction
from django.utils.translation import get_language
from ninja import Field, Router, Schema

from verbund.companies import services
from verbund.companies.selectors import companies_for, get_company_for, visible_profile

router = Router(tags=["companies"])


class MyCompanyOut(Schema):
    id: int
    name: str
    country: str
    city: str
    role: str


class ItemOut(Schema):
    title: str
    description: str
    nace_codes: list[str]
    keywords: list[str]


class NeedOut(ItemOut):
    priority: int


class GoalOut(Schema):
    goal: str
    priority: int
    markets: list[str]


class ScoreOut(Schema):
    dimension: str
    score: int
    note: str


class ProfileOut(Schema):
    """Fields hidden from the reader are absent or null; ``sections`` lists what is shown."""

    id: int
    name: str
    anonymous: bool
    access: str
    sections: list[str]
    legal_form: str | None = None
    registry_id: str | None = None
    website: str | None = None
    country: str
    postcode: str | None = None
    city: str | None = None
    region: str | None = None
    lat: float | None = None
    lon: float | None = None
    languages: list[str] = []
    employees: int | None = None
    revenue_band: str | None = None
    founded: int | None = None
    nace_codes: list[str] = []
    description: str | None = None
    visibility: str | None = None
    completeness: int | None = None
    customer_sectors: list[str] | None = None
    customer_types: dict[str, float] | None = None
    customer_sizes: list[str] | None = None
    customer_regions: list[str] | None = None
    customer_count: int | None = None
    partnering_hours_per_month: int | None = None
    sponsor_name: str | None = None
    contact_name: str | None = None
    forms: list[str] | None = None
    offers: list[ItemOut] | None = None
    needs: list[NeedOut] | None = None
    goals: list[GoalOut] | None = None
    strengths: list[ScoreOut] | None = None


def _profile_out(request, company_id: int) -> dict[str, Any]:
    access = get_company_for(request.actor, company_id)
    view = visible_profile(request.actor, access, get_language())
    data: dict[str, Any] = {
        **view.fields,
        "id": view.company_id,
        "name": view.name,
        "anonymous": view.anonymous,
        "access": view.access.value,
        "sections": sorted(view.sections),
    }
    data.pop("sponsor_email", None)
    data.pop("contact_email", None)
    data["offers"] = view.offers if view.shows("offers") else None
    data["needs"] = view.needs if view.shows("needs") else None
    data["goals"] = view.goals if view.shows("goals") else None
    data["strengths"] = view.assessment if view.shows("strengths") else None
    return data


@router.get("", response=list[MyCompanyOut], summary="Companies I act for, with my role")
def my_companies(request):
    return [
        {
            "id": m.company.pk,
            "name": m.company.name,
            "country": m.company.country,
            "city": m.company.city,
            "role": m.role,
        }
        for m in companies_for(request.actor)
    ]


@router.get(
    "/{company_id}", response=ProfileOut, summary="A company profile, as far as I may see it"
)
def company_detail(request, company_id: int):
    return _profile_out(request, company_id)


class ProfilePatch(Schema):
    """Only the fields sent are changed."""

    name: str | None = Field(None, min_length=1, max_length=200)
    legal_form: str | None = None
    registry_id: str | None = None
    website: str | None = None
    country: str | None = Field(None, min_length=2, max_length=2)
    postcode: str | None = None
    city: str | None = None
    languages: list[str] | None = None
    employees: int | None = Field(None, ge=0)
    revenue_band: str | None = None
    founded: int | None = None
    nace_codes: list[str] | None = None
    description: str | None = None
    visibility: Literal["network", "anonymous", "private"] | None = None
    field_visibility: dict[str, Literal["network", "partners", "private"]] | None = None
    customer_sectors: list[str] | None = None
    customer_types: dict[str, float] | None = None
    customer_sizes: list[str] | None = None
    customer_regions: list[str] | None = None
    customer_count: int | None = Field(None, ge=0)
    partnering_hours_per_month: int | None = Field(None, ge=0, le=500)
    sponsor_name: str | None = None
    sponsor_email: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    forms: list[str] | None = None


@router.patch("/{company_id}", response=ProfileOut, summary="Change my company's profile")
def company_patch(request, company_id: int, payload: ProfilePatch):
    access = get_company_for(request.actor, company_id, write=True)
    changes = payload.dict(exclude_unset=True)
    services.company_update(company=access.company, **changes)
    return _profile_out(request, company_id)


class ItemIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    description: str = ""
    nace_codes: list[str] = []
    keywords: list[str] = []


class NeedIn(ItemIn):
    priority: int = Field(2, ge=1, le=3)


class GoalIn(Schema):
    goal: str
    priority: int = Field(2, ge=1, le=3)
    markets: list[str] = []


class ScoreIn(Schema):
    dimension: str
    score: int = Field(..., ge=1, le=5)
    note: str = Field("", max_length=300)


@router.put("/{company_id}/offers", response=ProfileOut, summary="Replace my company's offers")
def offers_put(request, company_id: int, payload: list[ItemIn]):
    access = get_company_for(request.actor, company_id, write=True)
    services.offers_replace(company=access.company, items=[i.dict() for i in payload])
    return _profile_out(request, company_id)


@router.put("/{company_id}/needs", response=ProfileOut, summary="Replace my company's needs")
def needs_put(request, company_id: int, payload: list[NeedIn]):
    access = get_company_for(request.actor, company_id, write=True)
    services.needs_replace(company=access.company, items=[i.dict() for i in payload])
    return _profile_out(request, company_id)


@router.put("/{company_id}/goals", response=ProfileOut, summary="Replace my company's goals")
def goals_put(request, company_id: int, payload: list[GoalIn]):
    access = get_company_for(request.actor, company_id, write=True)
    services.goals_replace(company=access.company, goals=[g.dict() for g in payload])
    return _profile_out(request, company_id)


@router.put(
    "/{company_id}/strengths", response=ProfileOut, summary="Replace my company's self-assessment"
)
def strengths_put(request, company_id: int, payload: list[ScoreIn]):
    access = get_company_for(request.actor, company_id, write=True)
    with transaction.atomic():
        services.assessment_replace(
            company=access.company,
            scores={s.dimension: s.score for s in payload},
            notes={s.dimension: s.note for s in payload},
        )
    return _profile_out(request, company_id)
