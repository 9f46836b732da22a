"""The network directory page: search and browse the companies of one network.

A plain GET form that htmx upgrades: with JavaScript, changing a filter swaps only the result
list (and the address bar keeps the filters); without, the same form reloads the page.
"""

from __future__ import annotations

from babel import Locale
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from verbund.companies import directory
from verbund.lib import catalogues, geo, nace
from verbund.tenancy.selectors import get_network_for

RESULTS_TARGET = "directory-results"


def _choices(request: HttpRequest, network, language: str) -> dict:
    actor = request.actor
    names = Locale.parse(language, sep="-").territories
    codes = list(network.countries or []) or list(geo.COUNTRIES)
    return {
        "countries": [(code, names.get(code, code)) for code in codes],
        "forms": catalogues.choices("forms", language),
        "goals": catalogues.choices("goals", language),
        "sorts": [(key, directory.SORTS[key]) for key in directory.available_sorts(actor, network)],
        "radii": directory.RADIUS_CHOICES,
        # Sections and divisions: enough to pick from; any other code can be typed.
        "nace_options": [
            (entry.code, entry.label(language)) for entry in nace.all_codes() if entry.level <= 2
        ],
        "has_origin": directory.origin(actor) is not None,
    }


@login_required
def network_directory(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request.actor
    network = get_network_for(actor, slug)
    language = request.LANGUAGE_CODE
    query, errors = directory.parse_query(actor, network, request.GET)
    results = directory.directory_search(actor, network, query, language)
    context = {
        "network": network,
        "query": query,
        "errors": errors,
        "results": results,
        "target": RESULTS_TARGET,
        "is_coordinator": actor.is_coordinator_of(network),
    }
    if request.htmx and request.htmx.target == RESULTS_TARGET:
        return render(request, "companies/directory/results.html", context)
    context.update(_choices(request, network, language))
    return render(request, "companies/directory/directory.html", context)


urlpatterns = [
    path("n/<slug:slug>/directory/", network_directory, name="directory"),
]
