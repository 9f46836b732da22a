"""One partnership's charts: health over time, referrals per month both ways, KPI attainment,
the parties' influence factors side by side, the cost balance."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from verbund.activities.selectors import kpi_actuals, ledger_view
from verbund.companies.models import Company
from verbund.health import presentation, selectors
from verbund.health.charts import Chart, Series, format_value
from verbund.health.dashboards.common import (
    KPI_BEHIND,
    MONEY_KPIS,
    PERIOD_DAYS,
    month_key,
    month_label,
    months_back,
    start_of,
)
from verbund.health.params import DEFAULTS
from verbund.lib import catalogues
from verbund.partnerships.forms import factor_label
from verbund.partnerships.models import (
    AgreementVersion,
    Partnership,
    Review,
)
from verbund.partnerships.selectors import visible_submissions
from verbund.partnerships.services.review import review_factors
from verbund.referrals.models import Referral

# --- one partnership ---------------------------------------------------------------------------


def _parties(partnership: Partnership) -> list[Company]:
    return [party.company for party in partnership.parties.all()]


Names = Mapping[int, str] | None  # company id -> name as the viewer may read it; None: real names


def _name(company: Company, names: Names) -> str:
    return names.get(company.pk, company.name) if names is not None else company.name


def referrals_per_month(
    partnership: Partnership, today: dt.date | None = None, names_shown: Names = None
) -> Chart:
    """Referrals passed per month in each direction (one line per ordered pair of parties; in a
    group only the pairs that passed any), one query."""
    today = today or timezone.localdate()
    months = months_back(today)
    rows = (
        Referral.objects.filter(partnership=partnership, created_at__gte=start_of(months[0]))
        .annotate(month=TruncMonth("created_at"))
        .values("month", "referrer_company_id", "receiver_company_id")
        .annotate(count=Count("id"))
    )
    counts: dict[tuple[int, int], Counter] = defaultdict(Counter)
    for row in rows:
        counts[(row["referrer_company_id"], row["receiver_company_id"])][
            month_key(row["month"])
        ] += row["count"]
    parties = _parties(partnership)
    names = {company.pk: _name(company, names_shown) for company in parties}
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
    percent: float | None  # None while the pro-rated target is below one unit (nothing to say)
    judged: bool = True  # past the grace period the kpi_shortfall rule gives a new agreement


def _agreement_start(version: AgreementVersion) -> dt.date:
    start = version.terms.get("start") or ""
    if start:
        try:
            return dt.date.fromisoformat(str(start))
        except ValueError:
            pass
    moment = version.activated_at or version.created_at
    return timezone.localdate(moment)


def kpi_rows(
    partnership: Partnership, today: dt.date | None = None, names_shown: Names = None
) -> list[KpiRow]:
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
    names = {company.pk: _name(company, names_shown) for company in _parties(partnership)}
    # Custom KPIs have no recorded source: the latest figure the partners entered in a review.
    entered: dict[int, Decimal] = {}
    for review in sorted(version.reviews.all(), key=lambda r: r.number):
        for actual in review.kpi_actuals.all():
            entered[actual.position] = actual.actual
    begin = start_of(start)
    end = start_of(today + dt.timedelta(days=1))
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
        # A day into a quarterly target of 6 the pro-rated target is 0.1: "0 % of 0" says
        # nothing, so attainment starts once at least one unit (one referral, one euro) is due.
        percent = float(actual / expected * 100) if actual is not None and expected >= 1 else None
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
                judged=elapsed > DEFAULTS.kpi_grace_days,
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
        suggested_maximum=100,  # the axis reaches the target even when every bar is at 0 %
        # Highlighted as the kpi_shortfall rule would warn: behind, and past its grace period.
        highlight=[
            row.judged and row.percent is not None and row.percent < KPI_BEHIND * 100
            for row in rows
        ],
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
        note=_(
            "Highlighted: less than %(percent)s %% of the pro-rated target, from day %(days)s "
            "of the agreement on."
        )
        % {"percent": round(KPI_BEHIND * 100), "days": DEFAULTS.kpi_grace_days},
        empty_note=_("Too early to compare: less than one unit of each target is due so far."),
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
    partnership: Partnership, gap_points: float | None = None, names_shown: Names = None
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
        series=[
            Series(label=_name(company, names_shown), values=matrix[i])
            for i, company in enumerate(parties)
        ],
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


def cost_chart(partnership: Partnership, names_shown: Names = None) -> tuple[Chart, object]:
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
            labels=[_name(company, names_shown) for company in companies],
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
    names = access.names
    kpis = kpi_rows(partnership, today, names)
    costs, ledger = cost_chart(partnership, names)
    health = selectors.partnership_health(access)
    return {
        "access": access,
        "partnership": partnership,
        "parties": list(partnership.parties.all()),
        "title": " · ".join(names.values()),
        "health": health,
        "health_chart": health_chart(health.snapshots),
        "referral_chart": referrals_per_month(partnership, today, names),
        "kpi_rows": kpis,
        "kpi_chart": kpi_chart(kpis) if kpis else None,
        "factors": factor_comparison(partnership, names_shown=names),
        "cost_chart": costs,
        "ledger": ledger,
        "settle": [
            (_name(payer, names), _name(payee, names), amount)
            for payer, payee, amount in getattr(ledger, "proposal", None) or []
        ],
    }
