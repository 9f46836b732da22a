from __future__ import annotations

from ninja import Router, Schema

from verbund.companies.selectors import Access, companies_for, get_company_for

router = Router(tags=["companies"])


class MyCompanyOut(Schema):
    id: int
    name: str
    country: str
    city: str
    role: str


class CompanyOut(Schema):
    id: int
    name: str
    legal_form: str
    website: str
    country: str
    postcode: str
    city: str
    region: str
    lat: float | None
    lon: float | None
    languages: list[str]
    employees: int | None
    revenue_band: str
    nace_codes: list[str]
    description: str
    access: str
    registry_id: str | None = None
    visibility: str | None = None


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


@router.get("/{company_id}", response=CompanyOut, summary="A company, as far as I may see it")
def company_detail(request, company_id: int):
    access = get_company_for(request.actor, company_id)
    company = access.company
    data = {
        field: getattr(company, field)
        for field in CompanyOut.model_fields
        if hasattr(company, field) and field not in ("registry_id", "visibility")
    }
    data["access"] = access.access.value
    if access.access in (Access.MEMBER, Access.COORDINATOR):
        data["registry_id"] = company.registry_id
        data["visibility"] = company.visibility
    return data
