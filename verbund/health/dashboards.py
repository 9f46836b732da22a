"""The figures behind the health dashboards and reports: one partnership (referrals per month both
ways, KPI attainment, both parties' influence factors, cost balance), a company's portfolio and a
network's (stage funnel, partner-induced revenue, cross-border share, the network graph).

Reads only, for objects that already passed an access gate (``get_partnership_for``,
``get_network_for``); each function runs a fixed number of queries, whatever the data size.
Labels come out in the active language.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from verbund.activities.selectors import kpi_actuals, ledger_view
from verbund.companies.models import Company
from verbund.health import layout, presentation, selectors
from verbund.health.charts import Chart, Series, format_value
from verbund.health.models import Light
from verbund.health.params import DEFAULTS
from verbund.lib import catalogues
from verbund.partnerships.forms import factor_label
from verbund.partnerships.models import (
    AgreementVersion,
    Partnership,
    PartnershipParty,
    Review,
    Stage,
)
from verbund.partnerships.selectors import visible_submissions
from verbund.partnerships.services.review import review_factors
from verbund.partnerships.stages import PATH
from verbund.referrals import flow
from verbund.referrals.models import Referral
from verbund.tenancy.models import Network

MONTHS = 12  # the charts look back one year
PERIOD_DAYS = {"month": 365 / 12, "quarter": 365 / 4, "year": 365}
# Below this share of the pro-rated target a KPI row is highlighted (the kpi_shortfall rule's
# default, so the chart and the alert agree).
KPI_BEHIND = DEFAULTS.kpi_shortfall_attainment
MONEY_KPIS = frozenset({"sourced_revenue", "influenced_revenue"})
STAGE_ORDER = [*PATH, Stage.PAUSED, Stage.ENDED]


def months_back(today: dt.date, count: int = MONTHS) -> list[dt.date]:
    """The first days of the last ``count`` months, oldest first, this month last."""
    first = today.replace(day=1)
    months = []
    for back in range(count - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        months.append(dt.date(year, month + 1, 1))
    return months


def month_label(month: dt.date) -> str:
    return formats.date_format(month, "M Y")


def _month_key(value: dt.datetime | dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.date().replace(day=1)
    return value.replace(day=1)


def _start_of(month: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(month, dt.time.min))


# --- one partnership ---------------------------------------------------------------------------


def _parties(partnership: Partnership) -> list[Company]:
    return [party.company for party in partnership.parties.all()]


def referrals_per_month(partnership: Partnership, today: dt.date | None = None) -> Chart:
    """Referrals passed per month in each direction (one line per ordered pair of parties; in a
    group only the pairs that passed any), one query."""
    today = today or timezone.localdate()
    months = months_back(today)
    rows = (
        Referral.objects.filter(partnership=partnership, created_at__gte=_start_of(months[0]))
        .annotate(month=TruncMonth("created_at"))
        .values("month", "referrer_company_id", "receiver_company_id")
        .annotate(count=Count("id"))
    )
    counts: dict[tuple[int, int], Counter] = defaultdict(Counter)
    for row in rows:
        counts[(row["referrer_company_id"], row["receiver_company_id"])][
            _month_key(row["month"])
        ] += row["count"]
    parties = _parties(partnership)
    names = {company.pk: company.name for company in parties}
    pairs = [(a.pk, b.pk) for a in parties for b in parties if a.pk != b.pk]
    if len(parties) > 2:
        pairs = [pair for pair in pairs if pair in counts]
    series = [
        Series(
            label=f"{names[giver]} → {names[taker]}",
            values=[counts[(giver, taker)][month] for month in months],
        )
        for giver, taker in pairs
        if giver in names and taker in names
    ]
    return Chart(
        key="referrals",
        title=_("Referrals per month, in each direction"),
        kind="line",
        category=_("Month"),
        labels=[month_label(m) for m in months],
        series=series,
    )


@dataclass(frozen=True)
class KpiRow:
    key: str
    label: str
    party: str  # "A → B" for a KPI of one direction, else empty
    target: Decimal
    period: str
    actual: Decimal | None
    expected: Decimal
    percent: float | None


def _agreement_start(version: AgreementVersion) -> dt.date:
    start = version.terms.get("start") or ""
    if start:
        try:
            return dt.date.fromisoformat(str(start))
        except ValueError:
            pass
    moment = version.activated_at or version.created_at
    return timezone.localdate(moment)


def kpi_rows(partnership: Partnership, today: dt.date | None = None) -> list[KpiRow]:
    """Each KPI of the active agreement: recorded actual since the agreement's start against the
    target pro-rated to today (a quarterly target of 6, 45 days in, expects 3)."""
    today = today or timezone.localdate()
    version = (
        AgreementVersion.objects.filter(
            partnership=partnership, status=AgreementVersion.Status.ACTIVE
        )
        .prefetch_related("reviews__kpi_actuals")
        .first()
    )
    if version is None:
        return []
    language = get_language() or "de"
    start = _agreement_start(version)
    elapsed = max((today - start).days + 1, 1)
    names = {company.pk: company.name for company in _parties(partnership)}
    # Custom KPIs have no recorded source: the latest figure the partners entered in a review.
    entered: dict[int, Decimal] = {}
    for review in sorted(version.reviews.all(), key=lambda r: r.number):
        for actual in review.kpi_actuals.all():
            entered[actual.position] = actual.actual
    begin = _start_of(start)
    end = _start_of(today + dt.timedelta(days=1))
    cache: dict[tuple[int, int] | None, dict[str, Decimal]] = {}
    rows = []
    for position, term in enumerate(version.terms.get("kpis") or []):
        key = term.get("key", "")
        try:
            target = Decimal(str(term.get("target")))
        except ArithmeticError:
            continue
        if not target.is_finite() or target <= 0:
            continue
        direction_row = term.get("direction") or {}
        direction = (
            (int(direction_row["from"]), int(direction_row["to"]))
            if direction_row.get("from") and direction_row.get("to")
            else None
        )
        if key == "custom":
            actual = entered.get(position)
        else:
            if direction not in cache:
                cache[direction] = kpi_actuals(partnership, begin, end, direction=direction)
            actual = cache[direction].get(key)
        period = term.get("period") or "year"
        expected = (target * Decimal(elapsed) / Decimal(PERIOD_DAYS.get(period, 365))).quantize(
            Decimal("0.1")
        )
        percent = float(actual / expected * 100) if actual is not None and expected > 0 else None
        party = (
            f"{names.get(direction[0], '?')} → {names.get(direction[1], '?')}" if direction else ""
        )
        rows.append(
            KpiRow(
                key=key,
                label=term.get("label") or catalogues.label("kpis", key, language),
                party=party,
                target=target,
                period=period,
                actual=actual,
                expected=expected,
                percent=percent,
            )
        )
    return rows


def period_label(period: str) -> str:
    return {"month": _("per month"), "quarter": _("per quarter"), "year": _("per year")}.get(
        period, period
    )


def kpi_chart(rows: list[KpiRow]) -> Chart:
    unit_of = [kpi_unit(row.key) for row in rows]
    return Chart(
        key="kpis",
        title=_("KPI attainment: recorded against the target pro-rated to today"),
        kind="bar",
        category=_("KPI"),
        labels=[f"{row.label} ({row.party})" if row.party else row.label for row in rows],
        series=[
            Series(
                label=_("Attainment"),
                values=[round(row.percent) if row.percent is not None else None for row in rows],
            )
        ],
        unit="percent",
        horizontal=True,
        zero_is_a_figure=True,
        highlight=[row.percent is not None and row.percent < KPI_BEHIND * 100 for row in rows],
        extra_columns=[
            (
                _("Recorded"),
                [format_value(r.actual, u) for r, u in zip(rows, unit_of, strict=True)],
            ),
            (
                _("Expected by today"),
                [format_value(r.expected, u) for r, u in zip(rows, unit_of, strict=True)],
            ),
            (
                _("Target"),
                [
                    f"{format_value(r.target, u)} {period_label(r.period)}"
                    for r, u in zip(rows, unit_of, strict=True)
                ],
            ),
        ],
        note=_("Highlighted: less than %(percent)s %% of the pro-rated target.")
        % {"percent": round(KPI_BEHIND * 100)},
    )


def kpi_unit(key: str) -> str:
    if key in MONEY_KPIS:
        return "eur"
    return "points" if key == "custom" else "count"


@dataclass(frozen=True)
class FactorComparison:
    review: Review | None  # the latest review every party has submitted (None: none yet)
    waiting: Review | None  # a later review still waiting for someone
    chart: Chart | None
    gaps: list[tuple[str, int]]  # (factor label, gap) of the factors at or over the threshold


def factor_comparison(
    partnership: Partnership, gap_points: float | None = None
) -> FactorComparison:
    """Both (all) parties' scores of the latest review round that everyone submitted, side by side.

    The scores of a round stay hidden until every party has submitted it — the same rule as the
    review page (``partnerships.selectors.visible_submissions``), so nobody anchors on the
    other's scores through the dashboard either.
    """
    gap_points = DEFAULTS.perception_gap_points if gap_points is None else gap_points
    language = get_language() or "de"
    parties = _parties(partnership)
    party_ids = {company.pk for company in parties}
    reviews = list(
        Review.objects.filter(partnership=partnership)
        .select_related("agreement_version")
        .prefetch_related("submissions")
        .order_by("-number")
    )
    revealed_review, submissions, waiting = None, [], None
    for review in reviews:
        shown, revealed = visible_submissions(review, party_ids, None)
        if revealed:
            revealed_review, submissions = review, shown
            break
        if waiting is None and review.submissions.all():
            waiting = review
    if revealed_review is None:
        return FactorComparison(None, waiting, None, [])
    by_company = {s.company_id: s.scores for s in submissions}
    factors = review_factors(revealed_review)
    labels = [factor_label(key, language) for key in factors]

    def score(company_id: int, key: str) -> int | None:
        entry = by_company.get(company_id, {}).get(key)
        value = entry.get("score") if isinstance(entry, dict) else entry
        return int(value) if isinstance(value, int | float | str) and str(value).isdigit() else None

    matrix = [[score(company.pk, key) for key in factors] for company in parties]
    gaps = []
    highlight = []
    for column, label in enumerate(labels):
        values = [row[column] for row in matrix if row[column] is not None]
        gap = max(values) - min(values) if len(values) > 1 else 0
        highlight.append(gap >= gap_points)
        if gap >= gap_points:
            gaps.append((label, gap))
    chart = Chart(
        key="factors",
        title=_("Influence factors as each partner sees them (review %(number)s)")
        % {"number": revealed_review.number},
        kind="bar",
        category=_("Influence factor"),
        labels=labels,
        series=[Series(label=company.name, values=matrix[i]) for i, company in enumerate(parties)],
        unit="score",
        horizontal=True,
        minimum=0,
        maximum=5,
        highlight=highlight,
        extra_columns=[
            (
                _("Gap"),
                [
                    str(max(v) - min(v))
                    if len(v := [r[c] for r in matrix if r[c] is not None]) > 1
                    else "–"
                    for c in range(len(labels))
                ],
            )
        ],
        note=_("Highlighted: the partners' scores differ by %(points)s points or more.")
        % {"points": formats.number_format(gap_points, 0)},
    )
    later_waiting = waiting if waiting and waiting.number > revealed_review.number else None
    return FactorComparison(revealed_review, later_waiting, chart, gaps)


def cost_chart(partnership: Partnership) -> tuple[Chart, object]:
    """Paid and balance per party from the shared cost ledger (balance: positive = the others owe
    it). Returns the chart and the ledger view (for the proposal of who pays whom)."""
    view = ledger_view(partnership)
    companies = [company for company, _amount in view.balances]
    return (
        Chart(
            key="costs",
            title=_("Shared costs: paid and balance per partner"),
            kind="bar",
            category=_("Partner"),
            labels=[company.name for company in companies],
            series=[
                Series(_("Paid"), [view.paid.get(c.pk, Decimal(0)) for c in companies]),
                Series(
                    _("Balance (positive: the others owe it)"),
                    [amount for _company, amount in view.balances],
                ),
            ],
            unit="eur",
        ),
        view,
    )


HEALTH_POINTS = 60  # more snapshots than this are thinned to one a week (chart and table alike)


def health_chart(snapshots: list) -> Chart:
    """The score over time from the daily snapshots; long series keep the last day of each
    week, so the table stays readable and shows exactly the points drawn."""
    if len(snapshots) > HEALTH_POINTS:
        weekly: dict[tuple[int, int], object] = {}
        for snapshot in snapshots:
            weekly[snapshot.day.isocalendar()[:2]] = snapshot
        snapshots = list(weekly.values())
    return Chart(
        key="health",
        title=_("Health score over time"),
        kind="line",
        category=_("Day"),
        labels=[formats.date_format(s.day, "SHORT_DATE_FORMAT") for s in snapshots],
        series=[Series(_("Health score"), [round(s.score, 1) for s in snapshots])],
        unit="score",
        minimum=0,
        maximum=100,
        extra_columns=[
            (_("Traffic light"), [presentation.light_label(s.light) for s in snapshots])
        ],
    )


def partnership_dashboard(access) -> dict:
    """Everything the partnership's health page and report show (``access`` from
    get_partnership_for): the health with its reasons and alerts, and every chart."""
    partnership = access.partnership
    today = timezone.localdate()
    kpis = kpi_rows(partnership, today)
    costs, ledger = cost_chart(partnership)
    health = selectors.partnership_health(access)
    return {
        "access": access,
        "partnership": partnership,
        "parties": list(partnership.parties.all()),
        "health": health,
        "health_chart": health_chart(health.snapshots),
        "referral_chart": referrals_per_month(partnership, today),
        "kpi_rows": kpis,
        "kpi_chart": kpi_chart(kpis) if kpis else None,
        "factors": factor_comparison(partnership),
        "cost_chart": costs,
        "ledger": ledger,
    }


# --- a network ---------------------------------------------------------------------------------


def revenue_per_month(network: Network, today: dt.date | None = None) -> Chart:
    """Business won through referrals between the network's companies, per month it was won."""
    today = today or timezone.localdate()
    months = months_back(today)
    rows = (
        Referral.objects.filter(
            network=network, status=flow.WON, closed_at__gte=_start_of(months[0])
        )
        .annotate(month=TruncMonth("closed_at"))
        .values("month")
        .annotate(value=Sum("closed_value"), count=Count("id"))
    )
    value: Counter = Counter()
    won: Counter = Counter()
    for row in rows:
        value[_month_key(row["month"])] += row["value"] or Decimal(0)
        won[_month_key(row["month"])] += row["count"]
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
    def label_y(self) -> float:
        return round(self.y + self.radius * 1.3 + 11, 1)

    @property
    def short_name(self) -> str:
        return self.name if len(self.name) <= 22 else self.name[:20].rstrip() + "…"


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
                if key not in pair_stage or _advance(stage) > _advance(pair_stage[key]):
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


def _advance(stage: str) -> int:
    return PATH.index(stage) if stage in PATH else -1


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
    return NetworkGraph(
        width=width,
        height=height,
        nodes=list(nodes.values()),
        edges=edges[:GRAPH_TABLE] if len(edges) > GRAPH_TABLE else edges,
        hidden_companies=max(len(ranked) - len(shown), 0),
        referrals_not_drawn=outside,
        countries=sorted({node.country for node in nodes.values()}),
    )


# --- portfolios: every partnership with its health ---------------------------------------------
# The rows and alert texts are the health app's (``selectors``); here they are filtered, sorted,
# counted and charted.

LIGHTS = (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY)
LIGHT_COLOURS = {"green": "#2e7d32", "yellow": "#f9a825", "red": "#c62828", "grey": "#9e9e9e"}
LIGHT_PATTERNS = {"green": "solid", "yellow": "stripes", "red": "cross", "grey": "dots"}
SORTS = ("score", "-score", "alerts", "stage", "partner")


def _names(row: selectors.PortfolioRow) -> str:
    return " · ".join(company.name for company in row.partners)


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
        return sorted(rows, key=lambda r: (-_advance(r.stage), r.partnership.pk))
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
    partnerships = list(
        selectors._with_parties(
            Partnership.objects.filter(network=network).exclude(stage=Stage.ENDED)
        ).order_by("pk")
    )
    return sort_rows(selectors._rows(partnerships, None), "score")


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
        for view in selectors.alert_views(alerts)
    ]


def distribution_chart(portfolio: selectors.NetworkPortfolio) -> Chart:
    counts = {light: count for light, _label, count in portfolio.distribution}
    return Chart(
        key="distribution",
        title=_("Health of the partnerships"),
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
    open_partnerships = sum(count for stage, _l, count in portfolio.funnel if stage != Stage.ENDED)
    key_figures = [
        (_("Companies in partnerships"), format_value(companies, "count")),
        (_("Open partnerships"), format_value(open_partnerships, "count")),
        (_("At risk"), format_value(len(portfolio.at_risk), "count")),
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
