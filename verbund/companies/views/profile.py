"""The company profile page, as the reader may see it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from verbund.companies.selectors import Access, company_people, get_company_for, visible_profile
from verbund.lib import catalogues, nace
from verbund.partnerships.selectors import references_about


@login_required
def company_detail(request: HttpRequest, company_id: int) -> HttpResponse:
    access = get_company_for(request.actor, company_id)
    language = request.LANGUAGE_CODE
    view = visible_profile(request.actor, access, language)
    return render(
        request,
        "companies/detail.html",
        {
            "company": access.company,
            "access": access,
            "profile": view,
            "is_insider": access.is_insider,
            "nace": [(code, nace.label(code, language)) for code in view.fields["nace_codes"]],
            "goals": [(catalogues.label("goals", g.goal, language), g) for g in view.goals],
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
