"""Portfolios: a company's partnerships filtered and sorted, a network's rows and open alerts
for the exports."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import get_language

from verbund.health import presentation, selectors
from verbund.health.dashboards.common import (
    LIGHTS,
    STAGE_ORDER,
    path_position,
)
from verbund.health.models import Light
from verbund.lib import catalogues
from verbund.partnerships.models import (
    PartnershipParty,
    Stage,
)
from verbund.tenancy.models import Network

# --- portfolios: every partnership with its health ---------------------------------------------
# The rows and alert texts are the health app's (``selectors``); here they are filtered, sorted,
# counted and charted.

SORTS = ("score", "-score", "alerts", "stage", "partner")


def _names(row: selectors.PortfolioRow) -> str:
    return " · ".join(row.partners)


def _worst_first(row: selectors.PortfolioRow) -> tuple:
    """Red before yellow before grey before green, then the lower score, then more alerts."""
    return (
        selectors.LIGHT_ORDER.get(row.light, 9),
        row.score if row.score is not None else 101,
        -len(row.alerts),
        row.partnership.pk,
    )


def sort_rows(rows: list[selectors.PortfolioRow], sort: str) -> list[selectors.PortfolioRow]:
    if sort == "partner":
        return sorted(rows, key=lambda r: (_names(r).casefold(), r.partnership.pk))
    if sort == "stage":
        return sorted(rows, key=lambda r: (-path_position(r.stage), r.partnership.pk))
    if sort == "alerts":
        return sorted(rows, key=lambda r: (-len(r.alerts), _worst_first(r)))
    if sort == "-score":
        return sorted(rows, key=lambda r: (r.score is None, -(r.score or 0), r.partnership.pk))
    return sorted(rows, key=_worst_first)


@dataclass(frozen=True)
class PortfolioLine:
    """A portfolio row with what the table shows besides it."""

    row: selectors.PortfolioRow
    partners: str
    form: str


def portfolio_page(rows: list[selectors.PortfolioRow], params) -> dict:
    """Filter (``stage``: one stage, default every open one; ``light``) and sort (``sort``) a
    portfolio as the query string says; unknown values fall back to the defaults."""
    stage = params.get("stage", "")
    stage = stage if stage in Stage.values else ""
    light = params.get("light", "")
    light = light if light in Light.values else ""
    sort = params.get("sort", "score")
    sort = sort if sort in SORTS else "score"
    shown = [
        row
        for row in rows
        if (row.stage == stage if stage else row.stage != Stage.ENDED)
        and (not light or row.light == light)
    ]
    language = get_language() or "de"
    ordered = sort_rows(shown, sort)
    return {
        "rows": ordered,
        "lines": [
            PortfolioLine(
                row, _names(row), catalogues.label("forms", row.partnership.form, language)
            )
            for row in ordered
        ],
        "total": len(rows),
        "filters": {"stage": stage, "light": light, "sort": sort},
        "stage_choices": [(str(s), str(Stage(s).label)) for s in STAGE_ORDER],
        "light_choices": [(str(light), presentation.light_label(light)) for light in LIGHTS],
    }


def network_rows(network: Network) -> list[selectors.PortfolioRow]:
    """Every open partnership of the network with its health, worst first (the CSV export)."""
    return sort_rows(selectors.network_open_rows(network), "score")


@dataclass(frozen=True)
class AlertLine:
    view: selectors.AlertView
    partnership_id: int
    partners: list[str]


def network_alert_lines(actor, network: Network) -> list[AlertLine]:
    """The network's unresolved alerts with their texts and partners, oldest first."""
    alerts = list(
        selectors.alerts_for(actor, status="unresolved", network=network).order_by(
            "since", "partnership_id", "kind"
        )
    )
    names: dict[int, list[str]] = defaultdict(list)
    for partnership_id, name in (
        PartnershipParty.objects.filter(partnership_id__in={a.partnership_id for a in alerts})
        .order_by("pk")
        .values_list("partnership_id", "company__name")
    ):
        names[partnership_id].append(name)
    return [
        AlertLine(view, view.alert.partnership_id, names[view.alert.partnership_id])
        for view in selectors.alert_views(alerts, actor)
    ]
