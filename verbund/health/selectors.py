"""Tenant-scoped reads of health: one partnership, a company's portfolio, a network's portfolio,
the alerts. Every read goes through the partnerships' access gate (parties and the network's
coordination) or ``get_network_for``; texts come rendered in the active language.

Query counts do not grow with the number of partnerships or alerts (tests assert them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.companies.models import Company
from verbund.health import presentation
from verbund.health.models import (
    HealthAlert,
    HealthSnapshot,
    Light,
    NetworkHealthSettings,
    PartnershipHealth,
)
from verbund.health.params import COMPONENTS
from verbund.partnerships.models import Partnership, PartnershipParty, Stage
from verbund.partnerships.selectors import (
    COORDINATOR,
    PartnershipAccess,
    Viewer,
    get_partnership_for,
    party_names,
    with_contact_flag,
)
from verbund.tenancy.actor import Actor
from verbund.tenancy.models import Network
from verbund.tenancy.selectors import get_network_for

UNRESOLVED = (HealthAlert.Status.OPEN, HealthAlert.Status.ACKNOWLEDGED)
LIGHT_ORDER = {Light.RED: 0, Light.YELLOW: 1, Light.GREY: 2, Light.GREEN: 3}
FUNNEL_STAGES = tuple(Stage.values)


def shown_score(score: float | None, light: str) -> float | None:
    """The score as pages and exports show it: none next to a grey light (too little data —
    a number beside "too little data" reads as a judgement it is not)."""
    return None if light == Light.GREY else score


@dataclass(frozen=True)
class AlertView:
    """An alert with its texts in the reader's language."""

    alert: HealthAlert
    title: str  # the kind's label ("One-way street")
    help: str  # what the kind means, one sentence
    evidence: str  # "A passed 9 referrals to B and received 1 back in the last 6 months."
    next_step: str
    since: dt.date
    status_label: str
    partners: tuple[str, ...] = ()  # the parties' names (without the reader's own company)

    @property
    def pk(self) -> int:
        return self.alert.pk

    @property
    def kind(self) -> str:
        return self.alert.kind

    @property
    def status(self) -> str:
        return self.alert.status

    @property
    def is_open(self) -> bool:
        return self.alert.status == HealthAlert.Status.OPEN


@dataclass(frozen=True)
class ReasonView:
    component: str
    component_label: str
    code: str
    effect: float  # points on the score, signed
    text: str


@dataclass(frozen=True)
class ComponentView:
    name: str
    label: str
    value: float | None  # 0..1, None = does not apply


@dataclass
class PartnershipHealthView:
    partnership: Partnership
    current: PartnershipHealth | None  # None: not computed yet
    components: list[ComponentView]
    reasons: list[ReasonView]
    alerts: list[AlertView]  # unresolved, newest first
    snapshots: list[HealthSnapshot]  # oldest first
    names: dict[str, str]  # party key (company id as text) -> name
    can_act: bool  # may acknowledge / resolve

    @property
    def score(self) -> float | None:
        return self.current.score if self.current else None

    @property
    def light(self) -> str:
        return self.current.light if self.current else Light.GREY

    @property
    def shown_score(self) -> float | None:
        return shown_score(self.score, self.light)

    @property
    def light_label(self) -> str:
        return presentation.light_label(self.light)


@dataclass
class PortfolioRow:
    partnership: Partnership
    # The other parties (for a company), or all parties (coordinator), as the viewer may read
    # them (``partnerships.selectors.party_names``).
    partners: list[str]
    score: float | None
    light: str
    alerts: list[AlertView] = field(default_factory=list)

    @property
    def stage(self) -> str:
        return self.partnership.stage

    @property
    def shown_score(self) -> float | None:
        return shown_score(self.score, self.light)

    @property
    def stage_label(self) -> str:
        return presentation.stage_label(self.partnership.stage)

    @property
    def light_label(self) -> str:
        return presentation.light_label(self.light)


@dataclass
class NetworkPortfolio:
    network: Network
    total: int
    funnel: list[tuple[str, str, int]]  # (stage, label, partnerships), in path order
    distribution: list[tuple[str, str, int]]  # (light, label, open partnerships)
    at_risk: list[PortfolioRow]  # needing attention: red or with unresolved alerts, worst first
    open_alerts: int
    # Open (not ended) partnerships, and how many of them need attention (all of them, also
    # beyond the list's limit): the key figures and the distribution count the same set.
    open_total: int = 0
    attention: int = 0


# -- rendering ------------------------------------------------------------------------------------


def names_of(partnerships: Iterable[Partnership], actor: Actor | None) -> dict[int, dict[str, str]]:
    """Party key -> company name per partnership, as the actor may read them (parties and
    network must be loaded). ``actor=None``: the caller checked the reader coordinates."""
    return {
        p.pk: {
            str(company_id): name
            for company_id, name in party_names(
                p, Viewer.of(actor, p) if actor is not None else COORDINATOR
            ).items()
        }
        for p in partnerships
    }


def alert_view(
    alert: HealthAlert, names: dict[str, str], own_company_id: int | None = None
) -> AlertView:
    return AlertView(
        alert=alert,
        title=presentation.alert_title(alert.kind),
        help=presentation.alert_help(alert.kind),
        evidence=presentation.evidence(alert.kind, alert.evidence, names),
        next_step=presentation.next_step(alert.next_step),
        since=alert.since,
        status_label=str(alert.get_status_display()),
        partners=tuple(sorted(name for key, name in names.items() if key != str(own_company_id))),
    )


def reason_views(reasons: Sequence[dict[str, Any]], names: dict[str, str]) -> list[ReasonView]:
    return [
        ReasonView(
            component=r.get("component", ""),
            component_label=presentation.component_label(r.get("component", "")),
            code=r.get("code", ""),
            effect=float(r.get("effect") or 0),
            text=presentation.reason(r.get("code", ""), r.get("params") or {}, names),
        )
        for r in reasons
    ]


def _unresolved_by_partnership(ids: Sequence[int]) -> dict[int, list[HealthAlert]]:
    out: dict[int, list[HealthAlert]] = {}
    for alert in HealthAlert.objects.filter(partnership_id__in=ids, status__in=UNRESOLVED):
        out.setdefault(alert.partnership_id, []).append(alert)
    return out


def _with_parties(queryset: QuerySet[Partnership]) -> QuerySet[Partnership]:
    return with_contact_flag(
        queryset.select_related("network", "health").prefetch_related(
            Prefetch("parties", queryset=PartnershipParty.objects.select_related("company"))
        )
    )


# -- one partnership ------------------------------------------------------------------------------


def partnership_health(access: PartnershipAccess, *, days: int = 400) -> PartnershipHealthView:
    """Current health, snapshots of the last ``days`` days, unresolved alerts and reasons."""
    partnership = access.partnership
    names = {str(company_id): name for company_id, name in access.names.items()}
    current = PartnershipHealth.objects.filter(pk=partnership.pk).first()
    since = timezone.localdate() - dt.timedelta(days=days)
    snapshots = list(
        HealthSnapshot.objects.filter(partnership=partnership, day__gte=since).order_by("day")
    )
    alerts = HealthAlert.objects.filter(partnership=partnership, status__in=UNRESOLVED)
    components = [
        ComponentView(
            name=name,
            label=presentation.component_label(name),
            value=(current.components or {}).get(name) if current else None,
        )
        for name in COMPONENTS
    ]
    return PartnershipHealthView(
        partnership=partnership,
        current=current,
        components=components,
        reasons=reason_views(current.reasons if current else [], names),
        alerts=[alert_view(a, names) for a in alerts.select_related("acknowledged_by")],
        snapshots=snapshots,
        names=names,
        can_act=access.is_party or access.is_coordinator,
    )


def partnership_health_for(actor: Actor, partnership_id: int) -> PartnershipHealthView:
    return partnership_health(get_partnership_for(actor, partnership_id))


# -- portfolios -----------------------------------------------------------------------------------


def _rows(
    partnerships: Sequence[Partnership], company_id: int | None, actor: Actor | None
) -> list[PortfolioRow]:
    names = names_of(partnerships, actor)
    alerts = _unresolved_by_partnership([p.pk for p in partnerships])
    rows = []
    for p in partnerships:
        # select_related caches a missing row; the reverse accessor raises an AttributeError
        health = getattr(p, "health", None)
        partners = [
            names[p.pk][str(party.company_id)]
            for party in p.parties.all()
            if party.company_id != company_id
        ]
        rows.append(
            PortfolioRow(
                partnership=p,
                partners=partners,
                score=health.score if health else None,
                light=health.light if health else Light.GREY,
                alerts=[alert_view(a, names[p.pk]) for a in alerts.get(p.pk, [])],
            )
        )
    return rows


def company_portfolio(actor: Actor, company: Company | None = None) -> list[PortfolioRow]:
    """All partnerships of the company the actor acts for (the chosen one unless given), with
    score, light, stage and unresolved alerts; ended ones last."""
    company = company or actor.company
    if company is None or company.pk not in actor.company_ids:
        raise Http404(_("Company not found."))
    partnerships = list(
        _with_parties(Partnership.objects.filter(parties__company=company)).order_by(
            "-stage_changed_at", "-pk"
        )
    )
    rows = _rows(partnerships, company.pk, actor)
    rows.sort(key=lambda r: (r.partnership.stage == Stage.ENDED, LIGHT_ORDER.get(r.light, 9)))
    return rows


def network_open_rows(network: Network) -> list[PortfolioRow]:
    """Every open (not ended) partnership of the network with its health and unresolved alerts,
    oldest first. The caller has checked that the actor coordinates the network."""
    partnerships = _with_parties(
        Partnership.objects.filter(network=network).exclude(stage=Stage.ENDED)
    ).order_by("pk")
    return _rows(list(partnerships), None, None)


def network_portfolio(
    actor: Actor, network_slug: str, *, at_risk_limit: int = 50
) -> NetworkPortfolio:
    """The coordinator's view of a network: stage funnel, health distribution, the list of
    partnerships needing attention.

    The funnel counts every stage, ended included; the health distribution and the attention
    list count the open partnerships only (an ended partnership's last light is history), so
    the distribution adds up to the open partnerships the key figures show."""
    network = get_network_for(actor, network_slug, coordinator=True)
    in_network = Partnership.objects.filter(network=network)
    stage_counts = dict(_count(in_network, "stage"))
    light_counts = dict(
        _count(
            PartnershipHealth.objects.filter(partnership__network=network).exclude(
                partnership__stage=Stage.ENDED
            ),
            "light",
        )
    )
    total = sum(stage_counts.values())
    open_total = total - stage_counts.get(Stage.ENDED, 0)
    # Open partnerships not scored yet count as grey (too little data).
    light_counts[Light.GREY] = light_counts.get(Light.GREY, 0) + max(
        0, open_total - sum(light_counts.values())
    )
    alerting = set(
        HealthAlert.objects.filter(partnership__network=network, status__in=UNRESOLVED).values_list(
            "partnership_id", flat=True
        )
    )
    risky = _with_parties(
        in_network.filter(Q(health__light=Light.RED) | Q(pk__in=alerting)).exclude(
            stage=Stage.ENDED
        )
    ).order_by("health__score", "pk")
    rows = _rows(list(risky[:at_risk_limit]), None, None)
    # Counted only when the list is cut off: the number must not stop at the limit.
    attention = len(rows) if len(rows) < at_risk_limit else risky.count()
    rows.sort(
        key=lambda r: (LIGHT_ORDER.get(r.light, 9), -len(r.alerts), r.score if r.score else 0)
    )
    return NetworkPortfolio(
        network=network,
        total=total,
        funnel=[(s, presentation.stage_label(s), stage_counts.get(s, 0)) for s in FUNNEL_STAGES],
        distribution=[
            (light, presentation.light_label(light), light_counts.get(light, 0))
            for light in (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY)
        ],
        at_risk=rows,
        open_alerts=HealthAlert.objects.filter(
            partnership__network=network, status__in=UNRESOLVED
        ).count(),
        open_total=open_total,
        attention=attention,
    )


def _count(queryset: QuerySet, field_name: str) -> list[tuple[str, int]]:
    from django.db.models import Count

    return list(
        queryset.order_by()
        .values_list(field_name)
        .annotate(n=Count("pk"))
        .values_list(field_name, "n")
    )


# -- alerts ---------------------------------------------------------------------------------------


def alerts_for(
    actor: Actor,
    *,
    status: str | None = None,
    company: Company | None = None,
    network: Network | None = None,
) -> QuerySet[HealthAlert]:
    """Alerts the actor may see: of the partnerships of the companies they act for, and of
    the networks they coordinate; narrowed to one company or network, and to a status
    ("unresolved" = open or acknowledged)."""
    visible = Q(partnership__parties__company_id__in=actor.company_ids) | Q(
        partnership__network_id__in=actor.coordinated_network_ids
    )
    alerts = HealthAlert.objects.filter(pk__in=HealthAlert.objects.filter(visible).values("pk"))
    if company is not None:
        alerts = alerts.filter(partnership__parties__company=company)
    if network is not None:
        alerts = alerts.filter(partnership__network=network)
    if status == "unresolved":
        alerts = alerts.filter(status__in=UNRESOLVED)
    elif status:
        alerts = alerts.filter(status=status)
    return alerts.select_related("partnership", "acknowledged_by", "resolved_by").order_by(
        "-opened_at", "-pk"
    )


def alert_views(alerts: Iterable[HealthAlert], actor: Actor | None) -> list[AlertView]:
    """Texts for a list of alerts, parties named as the actor may read them (the partnerships
    with their parties in two queries); each card names the partners — the other ones when the
    actor acts for a company. ``actor=None``: the caller checked the reader coordinates every
    alert's network."""
    alerts = list(alerts)
    partnerships = _with_parties(
        Partnership.objects.filter(pk__in={a.partnership_id for a in alerts})
    )
    names = names_of(partnerships, actor)
    own = actor.company.pk if actor is not None and actor.company is not None else None
    return [alert_view(a, names.get(a.partnership_id, {}), own) for a in alerts]


def get_alert_for(actor: Actor, alert_id: int) -> tuple[HealthAlert, PartnershipAccess]:
    """The alert if the actor may see its partnership (a party or its coordination); 404."""
    alert = HealthAlert.objects.filter(pk=alert_id).first()
    if alert is None:
        raise Http404(_("Early warning not found."))
    access = get_partnership_for(actor, alert.partnership_id)
    return alert, access


def strategic_health(partnership: Partnership) -> PartnershipHealth | None:
    """The current health (for the `strategic` stage rule)."""
    return PartnershipHealth.objects.filter(pk=partnership.pk).first()


def settings_overrides(network: Network) -> dict[str, Any]:
    """The network's overrides of the health defaults (the caller checked the coordination)."""
    row = NetworkHealthSettings.objects.filter(network=network).first()
    return dict(row.overrides) if row else {}
