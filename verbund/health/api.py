"""Health in the API: a partnership's score, light, components, reasons and early warnings, and
the early warnings the caller may see, with acknowledging and resolving.

Same access as the pages: the parties and the network's coordination read and act; everyone else
gets 404. Texts (reasons, evidence, next steps) come in the caller's language
(``Accept-Language`` or their account's language), codes and parameters alongside.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Router, Schema

from verbund.health import selectors, services
from verbund.health.selectors import AlertView

router = Router(tags=["health"])


class ReasonOut(Schema):
    component: str
    code: str
    effect: float
    text: str


class AlertOut(Schema):
    id: int
    partnership_id: int
    kind: str
    title: str
    subject: str
    status: str
    since: dt.date
    evidence: dict[str, Any]
    evidence_text: str
    next_step: str
    next_step_text: str
    opened_at: dt.datetime
    acknowledged_at: dt.datetime | None
    resolved_at: dt.datetime | None
    resolved_how: str


class SnapshotOut(Schema):
    day: dt.date
    score: float
    light: str


class HealthOut(Schema):
    partnership_id: int
    computed: bool
    as_of: dt.date | None
    score: float | None
    light: str
    components: dict[str, float | None]
    reasons: list[ReasonOut]
    alerts: list[AlertOut]
    snapshots: list[SnapshotOut]


def _alert(view: AlertView) -> dict:
    a = view.alert
    return {
        "id": a.pk, "partnership_id": a.partnership_id, "kind": a.kind, "title": view.title,
        "subject": a.subject, "status": a.status, "since": a.since, "evidence": a.evidence,
        "evidence_text": view.evidence, "next_step": a.next_step,
        "next_step_text": view.next_step, "opened_at": a.opened_at,
        "acknowledged_at": a.acknowledged_at, "resolved_at": a.resolved_at,
        "resolved_how": a.resolved_how,
    }  # fmt: skip


@router.get(
    "/partnerships/{partnership_id}/health", response=HealthOut, url_name="partnership_health"
)
def partnership_health(request, partnership_id: int, days: int = 90):
    """Current health (score 0–100, light, components 0–1, reasons), unresolved early warnings
    and the daily scores of the last ``days`` days."""
    view = selectors.partnership_health_for(request.actor, partnership_id)
    current = view.current
    since = (current.as_of if current else dt.date.today()) - dt.timedelta(days=max(days, 0))
    return {
        "partnership_id": view.partnership.pk,
        "computed": current is not None,
        "as_of": current.as_of if current else None,
        "score": view.score,
        "light": view.light,
        "components": {c.name: c.value for c in view.components},
        "reasons": [
            {"component": r.component, "code": r.code, "effect": r.effect, "text": r.text}
            for r in view.reasons
        ],
        "alerts": [_alert(a) for a in view.alerts],
        "snapshots": [
            {"day": s.day, "score": s.score, "light": s.light}
            for s in view.snapshots
            if s.day >= since
        ],
    }


Status = Literal["unresolved", "open", "acknowledged", "resolved"]


@router.get("/health/alerts", response=list[AlertOut], url_name="health_alerts")
def alert_list(request, status: Status | None = "unresolved", limit: int = 100):
    """Early warnings of the partnerships of your companies and of the networks you
    coordinate, newest first."""
    alerts = selectors.alerts_for(request.actor, status=status)[: max(1, min(limit, 500))]
    return [_alert(v) for v in selectors.alert_views(alerts, request.actor)]


@router.post(
    "/health/alerts/{alert_id}/acknowledge",
    response=AlertOut,
    url_name="health_alert_acknowledge",
)
def alert_acknowledge(request, alert_id: int):
    alert, _access = selectors.get_alert_for(request.actor, alert_id)
    alert = services.alert_acknowledge(actor=request.actor, alert=alert)
    return _alert(selectors.alert_views([alert], request.actor)[0])


@router.post(
    "/health/alerts/{alert_id}/resolve", response=AlertOut, url_name="health_alert_resolve"
)
def alert_resolve(request, alert_id: int):
    alert, _access = selectors.get_alert_for(request.actor, alert_id)
    alert = services.alert_resolve(actor=request.actor, alert=alert)
    return _alert(selectors.alert_views([alert], request.actor)[0])
