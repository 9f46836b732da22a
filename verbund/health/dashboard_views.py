"""The health dashboards: one partnership's charts, my company's portfolio, the coordinator's
network portfolio with its graph, and their PDF reports and CSV exports.

Thin: every object comes through its access gate (``get_partnership_for``, ``get_network_for``),
the figures from ``dashboards`` (reads) and the files from ``reports``.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone

from verbund.health import dashboards, reports, selectors
from verbund.partnerships.selectors import get_partnership_for
from verbund.tenancy.selectors import get_network_for, network_coordinators


def _file(content: bytes | str, content_type: str, filename: str) -> HttpResponse:
    if isinstance(content, str):
        # A byte-order mark so that spreadsheet programs read umlauts as UTF-8.
        content = "\ufeff" + content
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _csv(content: str, filename: str) -> HttpResponse:
    return _file(content, "text/csv; charset=utf-8", filename)


# --- one partnership ---------------------------------------------------------------------------


@login_required
def partnership_health(request: HttpRequest, partnership_id: int) -> HttpResponse:
    """The partnership's health with every chart, on a page of its own."""
    access = get_partnership_for(request.actor, partnership_id)
    context = dashboards.partnership_dashboard(access)
    return render(request, "health/dashboard/partnership.html", context)


@login_required
def partnership_charts(request: HttpRequest, partnership_id: int) -> HttpResponse:
    """The charts alone, swapped into the partnership page by htmx."""
    access = get_partnership_for(request.actor, partnership_id)
    context = dashboards.partnership_dashboard(access)
    return render(request, "health/dashboard/_partnership_charts.html", context)


@login_required
def partnership_pdf(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    content = reports.partnership_pdf(access, request.LANGUAGE_CODE)
    today = timezone.localdate()
    return _file(content, "application/pdf", f"partnership-{partnership_id}-{today:%Y%m%d}.pdf")


# --- my company --------------------------------------------------------------------------------


@login_required
def portfolio(request: HttpRequest) -> HttpResponse:
    """All partnerships of the company the user acts for: score, light, stage, open alerts."""
    company = request.actor.company
    if company is None and request.actor.is_coordinator:
        # The coordination acts for no company: its portfolio is the network's.
        return redirect("dashboards:network", request.actor.network.slug)
    context: dict = {"company": company}
    if company is not None:
        rows = selectors.company_portfolio(request.actor, company)
        context |= dashboards.portfolio_page(rows, request.GET)
    elif request.actor.network is not None:
        # No company to choose: the account is linked to none yet; say who can link it.
        network = request.actor.network
        context |= {
            "network": network,
            "coordinators": network_coordinators(request.actor, network),
        }
    return render(request, "health/dashboard/portfolio.html", context)


@login_required
def portfolio_csv(request: HttpRequest) -> HttpResponse:
    company = request.actor.company
    if company is None:
        if request.actor.is_coordinator:
            return redirect("dashboards:network_portfolio_csv", request.actor.network.slug)
        return redirect("dashboards:portfolio")  # says to choose a company first
    rows = selectors.company_portfolio(request.actor, company)
    rows = dashboards.portfolio_page(rows, request.GET)["rows"]
    today = timezone.localdate()
    return _csv(reports.portfolio_csv(rows), f"portfolio-{company.pk}-{today:%Y%m%d}.csv")


# --- the network (coordination) ----------------------------------------------------------------


@login_required
def network_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    portfolio = selectors.network_portfolio(request.actor, slug)
    return render(request, "health/dashboard/network.html", dashboards.network_dashboard(portfolio))


@login_required
def network_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    portfolio = selectors.network_portfolio(request.actor, slug)
    content = reports.network_pdf(portfolio, request.LANGUAGE_CODE)
    today = timezone.localdate()
    return _file(content, "application/pdf", f"programme-{slug}-{today:%Y%m%d}.pdf")


@login_required
def network_portfolio_csv(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_network_for(request.actor, slug, coordinator=True)
    rows = dashboards.network_rows(network)
    today = timezone.localdate()
    return _csv(reports.portfolio_csv(rows), f"portfolio-{network.slug}-{today:%Y%m%d}.csv")


@login_required
def network_alerts_csv(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_network_for(request.actor, slug, coordinator=True)
    alerts = dashboards.network_alert_lines(request.actor, network)
    today = timezone.localdate()
    return _csv(reports.alerts_csv(alerts), f"alerts-{network.slug}-{today:%Y%m%d}.csv")


app_name = "dashboards"

urlpatterns = [
    path("health/portfolio/", portfolio, name="portfolio"),
    path("health/portfolio.csv", portfolio_csv, name="portfolio_csv"),
    path("partnerships/<int:partnership_id>/health/", partnership_health, name="partnership"),
    path(
        "partnerships/<int:partnership_id>/health/charts/",
        partnership_charts,
        name="partnership_charts",
    ),
    path(
        "partnerships/<int:partnership_id>/health/report.pdf",
        partnership_pdf,
        name="partnership_pdf",
    ),
    path("n/<slug:slug>/health/", network_dashboard, name="network"),
    path("n/<slug:slug>/health/report.pdf", network_pdf, name="network_pdf"),
    path(
        "n/<slug:slug>/health/portfolio.csv",
        network_portfolio_csv,
        name="network_portfolio_csv",
    ),
    path("n/<slug:slug>/health/alerts.csv", network_alerts_csv, name="network_alerts_csv"),
]
