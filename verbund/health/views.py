"""Health pages: acknowledging and resolving an early warning (from the partnership page's
health panel), the early warnings of my company, and a network's health settings.

Access: the parties and the network's coordination act on a partnership's alerts; anyone else
gets 404 (``partnerships.selectors.get_partnership_for``). The settings page is the
coordination's (403 for members, 404 outside the network).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from verbund.health import selectors, services, settings_form
from verbund.health.models import HealthAlert
from verbund.tenancy.selectors import get_network_for

STATUSES = ("unresolved", "open", "acknowledged", "resolved")


def _back(request: HttpRequest, alert: HealthAlert) -> HttpResponse:
    target = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = ""
    return redirect(
        target or reverse("partnerships:detail", args=[alert.partnership_id]) + "#health"
    )


def _act(request: HttpRequest, alert_id: int, service, done: str) -> HttpResponse:
    alert, _access = selectors.get_alert_for(request.actor, alert_id)
    try:
        service(actor=request.actor, alert=alert)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return _back(request, alert)


@login_required
@require_POST
def alert_acknowledge(request: HttpRequest, alert_id: int) -> HttpResponse:
    return _act(request, alert_id, services.alert_acknowledge, _("Early warning acknowledged."))


@login_required
@require_POST
def alert_resolve(request: HttpRequest, alert_id: int) -> HttpResponse:
    return _act(request, alert_id, services.alert_resolve, _("Early warning resolved."))


@login_required
def alert_list(request: HttpRequest) -> HttpResponse:
    """The early warnings of the company I act for (or of the networks I coordinate)."""
    status = request.GET.get("status") or "unresolved"
    if status not in STATUSES:
        status = "unresolved"
    statuses = [
        ("unresolved", _("open and acknowledged")),
        ("open", _("open")),
        ("acknowledged", _("acknowledged")),
        ("resolved", _("resolved")),
    ]
    actor = request.actor
    if actor.company is not None:
        alerts = selectors.alerts_for(actor, status=status, company=actor.company)
    else:
        alerts = selectors.alerts_for(actor, status=status)
    views = selectors.alert_views(alerts[:200], actor)
    return render(
        request,
        "health/alerts.html",
        {
            "alerts": views,
            "status": status,
            "status_label": dict(statuses)[status],
            "statuses": statuses,
        },
    )


@login_required
def network_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """A network's health thresholds and weights: every setting with its label, help and
    default, in the reader's language."""
    network = get_network_for(request.actor, slug, coordinator=True)
    overrides = selectors.settings_overrides(network)
    errors: dict[str, list[str]] = {}
    submitted: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        changes, submitted = settings_form.changes_from(request.POST)
        try:
            services.health_settings_update(network=network, changes=changes, user=request.user)
        except ValidationError as error:
            errors = error.message_dict
        else:
            # The save queues a recompute of the network (the worker runs it within minutes).
            messages.success(
                request,
                _(
                    "Saved. The health of the network's partnerships is being computed again "
                    "with the new values; the dashboards show them within a few minutes."
                ),
            )
            return redirect("health:settings", network.slug)
        status = 400
    summary = [
        {"name": name, "label": settings_form.label(name), "messages": found}
        for name, found in errors.items()
    ]
    return render(
        request,
        "health/settings.html",
        {
            "network": network,
            "sections": settings_form.sections(overrides, submitted, errors),
            "errors": summary,
        },
        status=status,
    )
