from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from verbund.companies.selectors import Access, company_people, get_company_for
from verbund.lib import nace


@login_required
def company_detail(request: HttpRequest, company_id: int) -> HttpResponse:
    access = get_company_for(request.actor, company_id)
    company = access.company
    language = request.LANGUAGE_CODE
    return render(
        request,
        "companies/detail.html",
        {
            "company": company,
            "access": access,
            "is_insider": access.access in (Access.MEMBER, Access.COORDINATOR),
            "nace": [(code, nace.label(code, language)) for code in company.nace_codes],
            "people": company_people(company) if access.access != Access.NETWORK else [],
        },
    )
