"""The guided stock-taking (Ist-Aufnahme): the profile, step by step; later the profile editor.

Each step is one page with one or two forms; "Save" stays on the step, "Save and continue" goes to
the next one, and after the last step the company page follows. Every page shows where the
profile stands: the steps, the completeness meter and what is still missing for good partner
suggestions. Writes go through the company services only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from verbund.companies import completeness, services
from verbund.companies import forms as profile_forms
from verbund.companies.hints import HINTS, STEP_INTROS, STEP_TITLES
from verbund.companies.models import Company
from verbund.companies.selectors import CompanyAccess, get_company_for
from verbund.companies.widgets import NacePickerWidget, split_codes
from verbund.lib import nace

STEPS = ("identity", "offers", "customers", "strengths", "goals")
VISIBILITY = "visibility"
NACE_RESULTS = 12
_FIELD_NAME = re.compile(r"[\w-]{1,100}")


# --- where the profile stands ---------------------------------------------------------------


def assess(company: Company) -> completeness.Completeness:
    """Completeness from the company as loaded (with its sections prefetched)."""
    fields = {name: getattr(company, name) for name in services.EDITABLE_FIELDS}
    items = ("title", "description", "nace_codes", "keywords")
    offers = [{key: getattr(o, key) for key in items} for o in company.offers.all()]
    needs = [{key: getattr(n, key) for key in items} for n in company.needs.all()]
    goals = [{"goal": g.goal, "priority": g.priority, "markets": g.markets}
             for g in company.goals.all()]  # fmt: skip
    scores = {s.dimension: s.score for s in company.assessment.all()}
    return completeness.assess(fields, offers, needs, goals, scores)


def _step_url(company: Company, step: str) -> str:
    if step == VISIBILITY:
        return reverse("companies:visibility", args=[company.pk])
    return reverse("companies:stocktaking_step", args=[company.pk, step])


def _progress(company: Company, current: str) -> dict[str, Any]:
    state = assess(company)
    open_steps = {item.step for item in state.missing}
    steps = [
        {
            "key": key,
            "number": number,
            "title": STEP_TITLES[key],
            "url": _step_url(company, key),
            "current": key == current,
            "done": key != VISIBILITY and key not in open_steps,
        }
        for number, key in enumerate((*STEPS, VISIBILITY), start=1)
    ]
    missing = [
        {
            "key": item.key,
            "title": HINTS[item.key].title,
            "why": HINTS[item.key].why,
            "url": _step_url(company, item.step),
            "step": item.step,
        }
        for item in state.missing
    ]
    return {"percent": state.percent, "steps": steps, "missing": missing}


def _render(
    request: HttpRequest,
    access: CompanyAccess,
    step: str,
    forms: dict[str, Any],
    *,
    errors: list[tuple[str, str]] | None = None,
    status: int = 200,
) -> HttpResponse:
    company = access.company
    is_last = step == STEPS[-1] or step == VISIBILITY
    context = {
        "company": company,
        "access": access,
        "step": step,
        "title": STEP_TITLES[step],
        "intro": STEP_INTROS[step],
        "is_last": is_last,
        "place_not_found": bool(company.city) and company.lat is None,
        "errors": errors or [],
        **_progress(company, step),
        **forms,
    }
    return render(request, f"companies/stocktaking/{step}.html", context, status=status)


# --- the steps ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    build: Callable[[Company, Any, str], dict[str, Any]]
    save: Callable[[Company, dict[str, Any]], None]


def _kwargs(company: Company, language: str) -> dict[str, Any]:
    return {"company": company, "language": language}


def _build_identity(company: Company, data: Any, language: str) -> dict[str, Any]:
    return {"form": profile_forms.IdentityForm(data, **_kwargs(company, language))}


def _save_identity(company: Company, forms: dict[str, Any]) -> None:
    services.company_update(company=company, **forms["form"].to_fields())


def _build_offers(company: Company, data: Any, language: str) -> dict[str, Any]:
    return {
        "offers": profile_forms.OfferFormSet(
            data,
            prefix="offers",
            initial=profile_forms.item_initial(company.offers.all(), need=False),
        ),
        "needs": profile_forms.NeedFormSet(
            data,
            prefix="needs",
            initial=profile_forms.item_initial(company.needs.all(), need=True),
        ),
    }


def _save_offers(company: Company, forms: dict[str, Any]) -> None:
    services.offers_replace(company=company, items=forms["offers"].items())
    services.needs_replace(company=company, items=forms["needs"].items())


def _build_customers(company: Company, data: Any, language: str) -> dict[str, Any]:
    return {"form": profile_forms.CustomersForm(data, **_kwargs(company, language))}


def _save_form_fields(company: Company, forms: dict[str, Any]) -> None:
    services.company_update(company=company, **forms["form"].to_fields())


def _build_strengths(company: Company, data: Any, language: str) -> dict[str, Any]:
    return {"form": profile_forms.StrengthsForm(data, **_kwargs(company, language))}


def _save_strengths(company: Company, forms: dict[str, Any]) -> None:
    form = forms["form"]
    scores, notes = form.scores()
    services.assessment_replace(company=company, scores=scores, notes=notes)
    services.company_update(company=company, **form.to_fields())


def _build_goals(company: Company, data: Any, language: str) -> dict[str, Any]:
    return {"form": profile_forms.GoalsForm(data, **_kwargs(company, language))}


def _save_goals(company: Company, forms: dict[str, Any]) -> None:
    form = forms["form"]
    services.goals_replace(company=company, goals=form.goals())
    services.company_update(company=company, **form.to_fields())


def _build_visibility(company: Company, data: Any, language: str) -> dict[str, Any]:
    return {
        "form": profile_forms.VisibilityForm(data, **_kwargs(company, language)),
        "levels": profile_forms.level_help(),
    }


STEP_HANDLERS: dict[str, Step] = {
    "identity": Step(_build_identity, _save_identity),
    "offers": Step(_build_offers, _save_offers),
    "customers": Step(_build_customers, _save_form_fields),
    "strengths": Step(_build_strengths, _save_strengths),
    "goals": Step(_build_goals, _save_goals),
    VISIBILITY: Step(_build_visibility, _save_form_fields),
}


def _validated(forms: dict[str, Any]) -> bool:
    checks = [f.is_valid() for f in forms.values() if hasattr(f, "is_valid")]
    return all(checks)


def _with_added_row(data: Any, prefix: str) -> Any:
    """POST data with one more (empty) row in the ``prefix`` formset: adding a row needs no JS."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(key, 0))
    except ValueError:
        total = 0
    data[key] = str(min(total + 1, profile_forms.MAX_ITEMS))
    return data


def _next_url(company: Company, step: str) -> str:
    if step in STEPS[:-1]:
        return _step_url(company, STEPS[STEPS.index(step) + 1])
    return reverse("companies:detail", args=[company.pk])


def _handle(request: HttpRequest, company_id: int, step: str) -> HttpResponse:
    access = get_company_for(request.actor, company_id, write=True)
    company = access.company
    handler = STEP_HANDLERS[step]
    language = request.LANGUAGE_CODE
    if request.method != "POST":
        return _render(request, access, step, handler.build(company, None, language))

    data = request.POST
    add = data.get("add")
    if step == "offers" and add in ("offers", "needs"):
        # Another row is wanted, not a save: show the entered data again with one more row.
        forms = handler.build(company, _with_added_row(data, add), language)
        return _render(request, access, step, forms)

    forms = handler.build(company, data, language)
    if _validated(forms):
        try:
            with transaction.atomic():
                handler.save(company, forms)
        except ValidationError as error:
            # The forms check what the services check; this is the safety net, shown on top.
            # The company is loaded again: a failed update may have changed it in memory.
            access = get_company_for(request.actor, company_id, write=True)
            problems = profile_forms.service_errors(error, forms)
            return _render(request, access, step, forms, errors=problems, status=422)
        messages.success(request, _("Saved."))
        if data.get("action") == "next":
            return redirect(_next_url(company, step))
        return redirect(_step_url(company, step))
    errors = profile_forms.errors_of({k: f for k, f in forms.items() if hasattr(f, "errors")})
    return _render(request, access, step, forms, errors=errors, status=422)


# --- views ----------------------------------------------------------------------------------


@login_required
def stocktaking(request: HttpRequest, company_id: int) -> HttpResponse:
    """Entry point: the first step that still has something missing, or the first step."""
    access = get_company_for(request.actor, company_id, write=True)
    state = assess(access.company)
    first = state.missing[0].step if state.missing else STEPS[0]
    return redirect(_step_url(access.company, first))


@login_required
def stocktaking_step(request: HttpRequest, company_id: int, step: str) -> HttpResponse:
    if step not in STEPS:
        get_company_for(request.actor, company_id, write=True)  # outsiders learn nothing
        raise Http404(_("No such step."))
    return _handle(request, company_id, step)


@login_required
def visibility(request: HttpRequest, company_id: int) -> HttpResponse:
    return _handle(request, company_id, VISIBILITY)


@login_required
def nace_search(request: HttpRequest) -> HttpResponse:
    """Matching NACE codes with labels in the reader's language, as a small HTML list.

    With ``name`` and ``id`` (the picker's input) each result can be picked into that picker.
    """
    query = request.GET.get("q", "")[:100]
    name, widget_id = request.GET.get("name", ""), request.GET.get("id", "")
    target = bool(_FIELD_NAME.fullmatch(name) and _FIELD_NAME.fullmatch(widget_id))
    language = request.LANGUAGE_CODE
    results = [
        {"code": entry.code, "label": entry.label(language)}
        for entry in nace.search(query, language, limit=NACE_RESULTS)
    ]
    return render(
        request,
        "companies/stocktaking/partials/nace_results.html",
        {
            "query": query.strip(),
            "results": results,
            "name": name if target else "",
            "widget_id": widget_id if target else "",
        },
    )


@login_required
def nace_pick(request: HttpRequest) -> HttpResponse:
    """The NACE picker of input ``name``/``id`` again, with ``add`` added or ``remove`` removed.

    The codes come from the picker's own input, so what was typed there is kept.
    """
    name, widget_id = request.GET.get("name", ""), request.GET.get("id", "")
    if not (_FIELD_NAME.fullmatch(name) and _FIELD_NAME.fullmatch(widget_id)):
        return HttpResponseBadRequest(_("Which field?"))
    codes = split_codes(request.GET.get(name, ""))
    add = nace.normalize(request.GET.get("add", ""))
    remove = (request.GET.get("remove") or "").strip()
    if remove:
        gone = nace.normalize(remove) or remove
        codes = [c for c in codes if (nace.normalize(c) or c) != gone]
    if add and add not in {nace.normalize(c) for c in codes}:
        codes.append(add)
    widget = NacePickerWidget()
    return HttpResponse(widget.render(name, codes, attrs={"id": widget_id}))


urlpatterns = [
    path("companies/<int:company_id>/stocktaking/", stocktaking, name="stocktaking"),
    path(
        "companies/<int:company_id>/stocktaking/<slug:step>/",
        stocktaking_step,
        name="stocktaking_step",
    ),
    path("companies/<int:company_id>/visibility/", visibility, name="visibility"),
    path("nace/search/", nace_search, name="nace_search"),
    path("nace/pick/", nace_pick, name="nace_pick"),
]
