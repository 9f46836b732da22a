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
from verbund.health.models import HealthAlert, NetworkHealthSettings
from verbund.health.settings_form import defaults
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


def _same(value: object, default: object) -> bool:
    """A submitted value equal to the default (70 and 70.0 are the same) is no override."""
    if isinstance(default, dict):
        return isinstance(value, dict) and {k: str(v) for k, v in value.items()} == {
            k: str(v) for k, v in default.items()
        }
    try:
        return float(str(value).replace(",", ".")) == float(default)  # type: ignore[arg-type]
    except ValueError:
        return False


def _stage_values(post, default: dict) -> dict[str, object]:
    """The stall limits from one field per stage; an empty field is that stage's default."""
    days: dict[str, object] = {}
    for stage, limit in default.items():
        raw = (post.get(settings_form.stage_field(stage)) or "").strip()
        days[stage] = raw or limit
    return days


def _settings_rows(
    overrides: dict, submitted: dict[str, str], errors: dict[str, list[str]]
) -> list[dict]:
    """The form's sections: every setting (one field per stage for the stall limits) with its
    label, help, value, default and errors."""
    base = defaults()

    def row(name: str, value: object, default: object, changed: bool) -> dict:
        shown = submitted.get(name)
        return {
            "name": name,
            "label": settings_form.label(name),
            "help": settings_form.help_text(name),
            "value": settings_form.shown(value) if shown is None else shown,
            "default": settings_form.shown(default),
            "changed": changed,
            "errors": errors.get(name, []),
        }

    sections = []
    for title, names in settings_form.SECTIONS:
        rows = []
        for name in names:
            if name == "stalled_days":
                current = overrides.get(name, base[name])
                for stage, limit in base[name].items():
                    value = current.get(stage, "")
                    field = settings_form.stage_field(stage)
                    rows.append(row(field, value, limit, value != limit))
            else:
                rows.append(
                    row(name, overrides.get(name, base[name]), base[name], name in overrides)
                )
        sections.append({"title": title, "rows": rows})
    return sections


@login_required
def network_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """A network's health thresholds and weights: every setting with its label, help and
    default, in the reader's language."""
    network = get_network_for(request.actor, slug, coordinator=True)
    row = NetworkHealthSettings.objects.filter(network=network).first()
    overrides = dict(row.overrides) if row else {}
    errors: dict[str, list[str]] = {}
    submitted: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        changes: dict[str, object] = {}
        for name, default in defaults().items():
            if name == "stalled_days":
                fields = [settings_form.stage_field(stage) for stage in default]
                if not any(field in request.POST for field in fields):
                    continue
                submitted |= {field: request.POST.get(field, "") for field in fields}
                value: object = _stage_values(request.POST, default)
            else:
                raw = request.POST.get(name)
                if raw is None:
                    continue
                submitted[name] = raw
                value = raw.strip() or None
            if value is None or _same(value, default):
                changes[name] = None  # back to the default
            else:
                changes[name] = value
        try:
            services.health_settings_update(network=network, changes=changes, user=request.user)
        except ValidationError as error:
            errors = error.message_dict
        else:
            # The daily `health-recompute` (scripts/run.sh, or cron) applies the new values.
            messages.success(
                request,
                _("Saved. The health of every partnership is computed again within a day."),
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
            "sections": _settings_rows(overrides, submitted, errors),
            "errors": summary,
        },
        status=status,
    )
