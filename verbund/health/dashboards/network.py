"""A network's figures for its coordination: funnel, health distribution, partner-induced
revenue, cross-border shares and the network graph."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from verbund.health import layout, presentation, selectors
from verbund.health.charts import Chart, Series, format_value
from verbund.health.dashboards.common import (
    LIGHT_COLOURS,
    LIGHT_PATTERNS,
    LIGHTS,
    STAGE_ORDER,
    month_key,
    month_label,
    months_back,
    path_position,
    start_of,
)
from verbund.partnerships.models import (
    PartnershipParty,
    Stage,
)
from verbund.referrals import flow
from verbund.referrals.models import Referral
from verbund.tenancy.models import Network

# --- a network ---------------------------------------------------------------------------------


def revenue_per_month(network: Network, today: dt.date | None = None) -> Chart:
    """Business won through referrals between the network's companies, per month it was won."""
    today = today or timezone.localdate()
    months = months_back(today)
    rows = (
        Referral.objects.filter(
            network=network, status=flow.WON, closed_at__gte=start_of(months[0])
        )
        .annotate(month=TruncMonth("closed_at"))
        .values("month")
        .annotate(value=Sum("closed_value"), count=Count("id"))
    )
    value: Counter = Counter()
    won: Counter = Counter()
    for row in rows:
        value[month_key(row["month"])] += row["value"] or Decimal(0)
        won[month_key(row["month"])] += row["count"]
    return Chart(
        key="revenue",
        title=_("Partner-induced revenue: business won through referrals, per month"),
        kind="bar",
        category=_("Month"),
        labels=[month_label(m) for m in months],
        series=[Series(_("Revenue won"), [value[m] for m in months])],
        unit="eur",
        extra_columns=[(_("Referrals won"), [str(won[m]) for m in months])],
    )


@dataclass
class CrossBorder:
    partnerships: int = 0
    partnerships_cross: int = 0
    referrals: int = 0
    referrals_cross: int = 0
    value: Decimal = Decimal(0)
    value_cross: Decimal = Decimal(0)
    pairs: Counter = field(default_factory=Counter)  # "DE–NL" -> partnerships

    @staticmethod
    def share(part: int | Decimal, whole: int | Decimal) -> float | None:
        return float(part) / float(whole) * 100 if whole else None

    @property
    def pair_counts(self) -> list[tuple[str, int]]:
        """Country pairs by number of partnerships (a template cannot call a Counter method:
        its lookup asks the Counter for a key first, which answers 0)."""
        return self.pairs.most_common()

    @property
    def partnership_share(self) -> float | None:
        return self.share(self.partnerships_cross, self.partnerships)

    @property
    def referral_share(self) -> float | None:
        return self.share(self.referrals_cross, self.referrals)

    @property
    def value_share(self) -> float | None:
        return self.share(self.value_cross, self.value)


@dataclass(frozen=True)
class GraphNode:
    company_id: int
    name: str
    country: str
    x: float
    y: float
    radius: float
    partnerships: int
    label: layout.Label | None = None  # where its short name goes; None: only on hover

    @property
    def shape(self) -> str:
        """Germany a circle, the Netherlands a square, elsewhere a diamond: the country reads
        without colour (the programme's cross-border question)."""
        return {"DE": "circle", "NL": "square"}.get(self.country, "diamond")

    @property
    def side(self) -> float:
        return round(self.radius * 1.8, 1)  # a square of about the circle's area

    @property
    def square_x(self) -> float:
        return round(self.x - self.side / 2, 1)

    @property
    def square_y(self) -> float:
        return round(self.y - self.side / 2, 1)

    @property
    def diamond(self) -> str:
        r = self.radius * 1.25
        return " ".join(
            f"{x:.1f},{y:.1f}"
            for x, y in ((self.x, self.y - r), (self.x + r, self.y), (self.x, self.y + r),
                         (self.x - r, self.y))
        )  # fmt: skip

    @property
    def short_name(self) -> str:
        return short_name(self.name)


def short_name(name: str) -> str:
    """At most 22 characters, the full name on the node's hover title and in the table."""
    return name if len(name) <= 22 else name[:20].rstrip() + "…"


@dataclass(frozen=True)
class GraphEdge:
    a: str  # company names, for the table
    b: str
    stage: str  # stage label of their (most advanced) open partnership
    a_to_b: int
    b_to_a: int
    line: layout.Line | None  # the partnership line (None: not drawn)
    flows: tuple[tuple[layout.Line, float, int], ...]  # (arrow, stroke width, referrals)


@dataclass(frozen=True)
class NetworkGraph:
    width: int
    height: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]  # every pair, also those not drawn (the table lists them all)
    hidden_companies: int  # companies left out of the drawing (the table still has them)
    referrals_not_drawn: int  # between companies without a partnership (referral groups …)
    countries: list[str]

    @property
    def drawn_edges(self) -> list[GraphEdge]:
        return [edge for edge in self.edges if edge.line is not None or edge.flows]


GRAPH_NODES = 60  # more circles than this on one screen cannot be read; the table has the rest
GRAPH_TABLE = 300


@dataclass(frozen=True)
class NetworkFigures:
    cross_border: CrossBorder
    graph: NetworkGraph


def network_figures(network: Network, *, width: int = 860, height: int = 560) -> NetworkFigures:
    """Cross-border shares and the network graph in two queries: the parties of every open
    partnership (with the companies' names and countries) and the referrals per ordered pair.

    The graph's edges are the partnerships; the referrals between two partners are drawn on
    their edge, one arrow per direction. Referrals between companies without a partnership
    (say, in a referral group) count for the cross-border share but are not drawn — a referral
    group is a clique that would hide the partnerships — and the page says how many there are.
    """
    party_rows = list(
        PartnershipParty.objects.filter(partnership__network=network)
        .exclude(partnership__stage=Stage.ENDED)
        .values_list(
            "partnership_id", "company_id", "company__name", "company__country",
            "partnership__stage",
        )
    )  # fmt: skip
    flow_rows = list(
        Referral.objects.filter(network=network)
        .values(
            "referrer_company_id", "receiver_company_id", "referrer_company__country",
            "receiver_company__country",
        )
        .annotate(count=Count("id"), won=Sum("closed_value", filter=Q(status=flow.WON)))
    )  # fmt: skip
    members: dict[int, list[int]] = defaultdict(list)
    countries_of: dict[int, set[str]] = defaultdict(set)
    stage_of: dict[int, str] = {}
    names: dict[int, str] = {}
    country: dict[int, str] = {}
    for partnership_id, company_id, name, company_country, stage in party_rows:
        members[partnership_id].append(company_id)
        countries_of[partnership_id].add(company_country)
        stage_of[partnership_id] = stage
        names[company_id] = name
        country[company_id] = company_country
    figures = CrossBorder()
    for found in countries_of.values():
        figures.partnerships += 1
        if len(found) > 1:
            figures.partnerships_cross += 1
            figures.pairs["–".join(sorted(found))] += 1
    # A pair's line shows its most advanced open partnership (paused counts least).
    pair_stage: dict[frozenset[int], str] = {}
    for partnership_id, companies in members.items():
        stage = stage_of[partnership_id]
        for i, a in enumerate(companies):
            for b in companies[i + 1 :]:
                key = frozenset((a, b))
                if key not in pair_stage or path_position(stage) > path_position(pair_stage[key]):
                    pair_stage[key] = stage
    flows: dict[tuple[int, int], int] = {}
    outside = 0
    for row in flow_rows:
        giver, taker = row["referrer_company_id"], row["receiver_company_id"]
        figures.referrals += row["count"]
        figures.value += row["won"] or Decimal(0)
        if row["referrer_company__country"] != row["receiver_company__country"]:
            figures.referrals_cross += row["count"]
            figures.value_cross += row["won"] or Decimal(0)
        if frozenset((giver, taker)) in pair_stage:
            flows[(giver, taker)] = flows.get((giver, taker), 0) + row["count"]
        else:
            outside += row["count"]
    graph = _graph(names, country, pair_stage, flows, width, height, outside)
    return NetworkFigures(figures, graph)


def _graph(names, country, pair_stage, flows, width, height, outside) -> NetworkGraph:
    pairs = set(pair_stage)
    degree: Counter = Counter()
    weight: Counter = Counter()
    for pair in pairs:
        for company_id in pair:
            degree[company_id] += 1
            weight[company_id] += 1
    for (giver, taker), count in flows.items():
        weight[giver] += count
        weight[taker] += count
    # The busiest companies are drawn; ties by name so the choice is stable.
    ranked = sorted(weight, key=lambda pk: (-weight[pk], names.get(pk, ""), pk))
    shown = ranked[:GRAPH_NODES]
    index = {pk: i for i, pk in enumerate(sorted(shown, key=lambda pk: (names.get(pk, ""), pk)))}
    ordered = sorted(index, key=index.get)
    edges_for_layout = [
        (index[a], index[b], float(flows.get((a, b), 0) + flows.get((b, a), 0)) + 1.0)
        for a, b in (tuple(sorted(pair)) for pair in pairs)
        if a in index and b in index
    ]
    positions = layout.force_layout(len(ordered), edges_for_layout)
    drawn = layout.place_nodes(positions, [degree[pk] for pk in ordered], width, height)
    nodes = {
        pk: GraphNode(
            company_id=pk,
            name=names.get(pk, "?"),
            country=country.get(pk, ""),
            x=node.x,
            y=node.y,
            radius=node.radius,
            partnerships=degree[pk],
        )
        for pk, node in zip(ordered, drawn, strict=True)
    }
    edges = []
    for pair in sorted(pairs, key=lambda p: sorted(names.get(pk, "") for pk in p)):
        a, b = sorted(pair, key=lambda pk: (names.get(pk, ""), pk))
        a_to_b, b_to_a = flows.get((a, b), 0), flows.get((b, a), 0)
        stage = pair_stage[pair]
        line, arrows = None, []
        if a in nodes and b in nodes:
            start = layout.Node(0, nodes[a].x, nodes[a].y, nodes[a].radius)
            end = layout.Node(1, nodes[b].x, nodes[b].y, nodes[b].radius)
            line = layout.connect(start, end)
            for source, target, count in ((start, end, a_to_b), (end, start, b_to_a)):
                if count:
                    arrow = layout.connect(source, target, offset=4.5)
                    if arrow is not None:
                        arrows.append((arrow, layout.flow_width(count), count))
        edges.append(
            GraphEdge(
                a=names.get(a, "?"),
                b=names.get(b, "?"),
                stage=str(Stage(stage).label),
                a_to_b=a_to_b,
                b_to_a=b_to_a,
                line=line,
                flows=tuple(arrows),
            )
        )
    edges.sort(key=lambda e: (-(e.a_to_b + e.b_to_a), e.a, e.b))
    drawn_nodes = list(nodes.values())
    lines = [edge.line for edge in edges if edge.line is not None]
    lines += [arrow for edge in edges for arrow, _width, _count in edge.flows]
    labels = layout.place_labels(
        [layout.Node(i, n.x, n.y, n.radius) for i, n in enumerate(drawn_nodes)],
        [n.short_name for n in drawn_nodes], lines, width, height,
    )  # fmt: skip
    return NetworkGraph(
        width=width,
        height=height,
        nodes=[replace(n, label=label) for n, label in zip(drawn_nodes, labels, strict=True)],
        edges=edges[:GRAPH_TABLE] if len(edges) > GRAPH_TABLE else edges,
        hidden_companies=max(len(ranked) - len(shown), 0),
        referrals_not_drawn=outside,
        countries=sorted({node.country for node in nodes.values()}),
    )


def distribution_chart(portfolio: selectors.NetworkPortfolio) -> Chart:
    counts = {light: count for light, _label, count in portfolio.distribution}
    return Chart(
        key="distribution",
        title=_("Health of the open partnerships"),
        kind="bar",
        category=_("Traffic light"),
        labels=[presentation.light_label(light) for light in LIGHTS],
        series=[
            Series(
                _("Partnerships"),
                [counts.get(light, 0) for light in LIGHTS],
                colors=[LIGHT_COLOURS[light] for light in LIGHTS],
                patterns=[LIGHT_PATTERNS[light] for light in LIGHTS],
            )
        ],
    )


def funnel_chart(portfolio: selectors.NetworkPortfolio) -> Chart:
    counts = {stage: count for stage, _label, count in portfolio.funnel}
    return Chart(
        key="funnel",
        title=_("Partnerships per stage"),
        kind="bar",
        category=_("Stage"),
        labels=[str(Stage(stage).label) for stage in STAGE_ORDER],
        series=[Series(_("Partnerships"), [counts.get(stage, 0) for stage in STAGE_ORDER])],
        horizontal=True,
    )


def network_dashboard(portfolio: selectors.NetworkPortfolio) -> dict:
    """The coordinator's portfolio of a network: key figures, funnel, health distribution,
    at-risk list, revenue, cross-border share and the graph — a fixed number of queries."""
    network = portfolio.network
    figures = network_figures(network)
    revenue = revenue_per_month(network)
    cross = figures.cross_border
    revenue_total = sum((Decimal(v) for v in revenue.series[0].values if v), Decimal(0))
    companies = len(figures.graph.nodes) + figures.graph.hidden_companies
    # "At risk" is the red light's name (the distribution chart); the key figure and the list
    # count more (red, or an unresolved early warning), so they have their own words.
    key_figures = [
        (_("Companies in partnerships"), format_value(companies, "count")),
        (_("Open partnerships"), format_value(portfolio.open_total, "count")),
        (_("Need attention"), format_value(portfolio.attention, "count")),
        (_("Open alerts"), format_value(portfolio.open_alerts, "count")),
        (
            _("Revenue won through referrals, last 12 months"),
            f"{formats.number_format(revenue_total, 0, use_l10n=True, force_grouping=True)} €",
        ),
        (
            _("Cross-border partnerships"),
            format_value(cross.partnership_share, "percent")
            if cross.partnership_share is not None
            else "–",
        ),
    ]
    return {
        "network": network,
        "portfolio": portfolio,
        "key_figures": key_figures,
        "funnel_chart": funnel_chart(portfolio),
        "distribution_chart": distribution_chart(portfolio),
        "at_risk": portfolio.at_risk,
        "revenue_chart": revenue,
        "cross_border": cross,
        "graph": figures.graph,
    }
