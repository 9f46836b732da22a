"""Pages for the guided stock-taking (Ist-Aufnahme)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import path

from verbund.companies.selectors import get_company_for


@login_required
def stocktaking(request, company_id: int):
    access = get_company_for(request.actor, company_id, write=True)
    return redirect("companies:detail", company_id=access.company.pk)


urlpatterns = [
    path("companies/<int:company_id>/stocktaking/", stocktaking, name="stocktaking"),
]
