"""The company profile page, as the reader may see it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from verbund.companies.models import Need
from verbund.companies.selectors import Access, company_people, get_company_for, visible_profile
from verbund.lib import catalogues, geo, nace
from verbund.partnerships.selectors import references_about


def _catalogue_label(catalogue: str, key: str, language: str) -> str:
    """The built-in label; a key the catalogue lacks (a network's own entry) is shown as stored."""
    entry = catalogues.get(catalogue, key)
    return entry.label(language) if entry else key


def _priority_label(priority: int) -> str:
    """Goals use the scale of needs (1 high, 2 medium, 3 low)."""
    try:
        return str(Need.Priority(priority).label)
    except ValueError:
        return str(priority)


def _coded(codes: list[str], language: str) -> list[tuple[str, str]]:
    """NACE codes with their labels in the reader's language (empty for an unknown code)."""
    return [(code, nace.label(code, language) if nace.get(code) else "") for code in codes]


@login_required
def company_detail(request: HttpRequest, company_id: int) -> HttpResponse:
    access = get_company_for(request.actor, company_id)
    language = request.LANGUAGE_CODE
    view = visible_profile(request.actor, access, language)
    fields = view.fields
    return render(
        request,
        "companies/detail.html",
        {
            "company": access.company,
            "access": access,
            "profile": view,
            "is_insider": access.is_insider,
            "nace": [(code, nace.label(code, language)) for code in fields["nace_codes"]],
            "country_name": geo.area_name(fields["country"], language),
            "region_name": geo.area_name(fields.get("region") or "", language),
            "customer_sectors": _coded(fields.get("customer_sectors") or [], language),
            "customer_sizes": [
                _catalogue_label("customer_sizes", key, language)
                for key in fields.get("customer_sizes") or []
            ],
            "customer_regions": [
                geo.area_name(code, language) for code in fields.get("customer_regions") or []
            ],
            "goals": [
                {
                    "label": catalogues.label("goals", g.goal, language),
                    "priority": _priority_label(g.priority),
                    "markets": [geo.area_name(code, language) for code in g.markets or []],
                }
                for g in view.goals
            ],
            "forms": [
                catalogues.label("forms", key, language) for key in view.fields.get("forms") or []
            ],
            "assessment": [
                (catalogues.label("dimensions", s.dimension, language), s) for s in view.assessment
            ],
            "people": company_people(access.company) if access.is_insider else [],
            "partner_references": references_about(request.actor, access.company.pk),
            "Access": Access,
        },
    )


urlpatterns = [
    path("companies/<int:company_id>/", company_detail, name="detail"),
]
