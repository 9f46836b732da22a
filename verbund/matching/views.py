"""Pages: partner suggestions for a company (with filters and feedback), the coordinator's
choice of a member, and the network's match statistics.

The suggestion page is a plain GET form that htmx upgrades (changing a filter swaps only the
list); feedback is a POST per card that htmx answers with the updated card, and that reloads the
page without JavaScript.
"""

from __future__ import annotations

from babel import Locale
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from verbund.companies.models import NetworkCompany
from verbund.companies.selectors import network_companies
from verbund.lib import catalogues, geo, nace
from verbund.matching import filters, selectors, services
from verbund.matching.models import Suggestion
from verbund.tenancy.selectors import get_network_for

app_name = "matching"
RESULTS_TARGET = "suggestion-results"
CHOOSE_LIMIT = 200


@login_required
@require_GET
def suggestions_start(request: HttpRequest, slug: str) -> HttpResponse:
    """My company's suggestions; a coordinator without a company here chooses a member."""
    actor = request.actor
    network = get_network_for(actor, slug)
    coordinator = actor.is_coordinator_of(network)
    chosen = request.GET.get("company", "")
    if coordinator and chosen.isdigit():
        return redirect("matching:company_suggestions", network.slug, int(chosen))
    mine = list(
        NetworkCompany.objects.filter(network=network, company_id__in=actor.company_ids)
        .order_by("company__name")
        .values_list("company_id", flat=True)
    )
    if mine and not (coordinator and "choose" in request.GET):
        own = actor.company.pk if actor.company and actor.company.pk in mine else mine[0]
        return redirect("matching:company_suggestions", network.slug, own)
    if coordinator:
        query = request.GET.get("q", "").strip()[:100]
        companies = network_companies(actor, network)
        if query:
            companies = companies.filter(name__icontains=query)
        return render(
            request,
            "matching/choose.html",
            # A select of a large network's every company helps nobody: search, then pick.
            {"network": network, "q": query, "companies": companies[:CHOOSE_LIMIT],
             "limit": CHOOSE_LIMIT},
        )  # fmt: skip
    return render(request, "matching/no_company.html", {"network": network})


def _filter_choices(network, language: str) -> dict:
    names = Locale.parse(language, sep="-").territories
    codes = list(network.countries or []) or list(geo.COUNTRIES)
    return {
        "countries": [(code, names.get(code, code)) for code in codes],
        "forms": catalogues.choices("forms", language),
        "radii": filters.RADIUS_CHOICES,
        "nace_options": [
            (entry.code, entry.label(language)) for entry in nace.all_codes() if entry.level <= 2
        ],
        "dismiss_reasons": catalogues.choices("dismiss_reasons", language),
    }


@login_required
@require_GET
def company_suggestions(request: HttpRequest, slug: str, company_id: int) -> HttpResponse:
    actor = request.actor
    network = get_network_for(actor, slug)
    seeker = selectors.get_seeker_for(actor, network, company_id)
    language = request.LANGUAGE_CODE
    has_location = seeker.company.lat is not None
    query, errors = filters.parse_query(request.GET, has_location=has_location)
    result = services.suggestions_ready(
        actor, seeker, language, filters=query.engine_filters(), top=query.top
    )
    services.suggestions_record_shown(
        seeker=seeker, shown=[(c.candidate_id, c.score) for c in result.cards]
    )
    context = {
        "network": network,
        "seeker": seeker,
        "query": query,
        "errors": errors,
        "result": result,
        "target": RESULTS_TARGET,
        "has_location": has_location,
        "dismiss_reasons": catalogues.choices("dismiss_reasons", language),
    }
    if request.htmx and request.htmx.target == RESULTS_TARGET:
        return render(request, "matching/results.html", context)
    context.update(_filter_choices(network, language))
    return render(request, "matching/suggestions.html", context)


@login_required
@require_POST
def feedback(request: HttpRequest, slug: str, company_id: int, candidate_id: int) -> HttpResponse:
    actor = request.actor
    network = get_network_for(actor, slug)
    seeker = selectors.get_seeker_for(actor, network, company_id)
    selectors.require_feedback_right(seeker)
    error = ""
    try:
        row = services.suggestion_feedback(
            seeker=seeker,
            candidate_id=candidate_id,
            verdict=request.POST.get("verdict", ""),
            reason=request.POST.get("reason", ""),
            note=request.POST.get("note", ""),
            user=request.user,
        )
    except ValidationError as exc:
        error = " ".join(exc.messages)
        row = Suggestion.objects.get(
            network=network, company=seeker.company, candidate_id=candidate_id
        )
    back = reverse("matching:company_suggestions", args=[network.slug, seeker.company.pk])
    if not request.htmx:
        if error:
            messages.error(request, error)
        elif row.mutual_at:
            messages.success(request, _("Mutual interest! Both companies have been told."))
        else:
            messages.success(request, _("Thank you, your answer has been saved."))
        return redirect(back)
    language = request.LANGUAGE_CODE
    context = {
        "network": network,
        "seeker": seeker,
        "row": row,
        "error": error,
        "dismiss_reasons": catalogues.choices("dismiss_reasons", language),
    }
    if row.feedback == Suggestion.Feedback.NOT_RELEVANT and not error:
        return render(request, "matching/dismissed.html", context)
    # Interested (or a refused answer): show the card again with its new state.
    card = next(
        (
            c
            for c in selectors.suggestions_for(actor, seeker, language, top=filters.MAX_TOP).cards
            if c.candidate_id == candidate_id
        ),
        None,
    )
    context["card"] = card
    return render(request, "matching/feedback_card.html", context)


@login_required
@require_GET
def statistics(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request.actor
    network = get_network_for(actor, slug, coordinator=True)
    stats = selectors.network_statistics(actor, network, request.LANGUAGE_CODE)
    return render(request, "matching/statistics.html", {"network": network, "stats": stats})


urlpatterns = [
    path("n/<slug:slug>/suggestions/", suggestions_start, name="suggestions"),
    path("n/<slug:slug>/suggestions/statistics/", statistics, name="statistics"),
    path(
        "n/<slug:slug>/suggestions/<int:company_id>/",
        company_suggestions,
        name="company_suggestions",
    ),
    path(
        "n/<slug:slug>/suggestions/<int:company_id>/feedback/<int:candidate_id>/",
        feedback,
        name="feedback",
    ),
]
