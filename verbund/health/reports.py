"""Health reports in the reader's language: a PDF for one partnership, a PDF for a whole programme
(network) for a chamber's funder, and CSV exports of a portfolio and of the open alerts.

The PDFs use the shared fonts and page set-up (``verbund.lib.pdf``); every CSV cell goes through
the spreadsheet formula guard (``verbund.lib.spreadsheet``). Figures are the dashboards' own
(``dashboards``), so page, PDF and CSV never disagree.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from django.utils import formats, timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from verbund.health import dashboards, selectors
from verbund.health.charts import Chart, format_value
from verbund.lib import catalogues
from verbund.lib.pdf import FAMILY, Document, new_document, paragraph, table, table_lead
from verbund.lib.spreadsheet import guard_cell

DELIMITER = ";"  # what German and Dutch spreadsheet programs expect


def _percent(value: float | None) -> str:
    return format_value(value, "percent") if value is not None else "–"


# --- CSV ---------------------------------------------------------------------------------------


def _write(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([guard_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([guard_cell("" if cell is None else str(cell)) for cell in row])
    return buffer.getvalue()


def portfolio_csv(rows: Sequence[selectors.PortfolioRow]) -> str:
    """One line per partnership: partners, form, stage, score, light, open alerts."""
    return _write(
        [
            _("Partnership"), _("Partners"), _("Form"), _("Stage"), _("In this stage since"),
            _("Health score"), _("Traffic light"), _("Open alerts"), _("Alerts"),
        ],
        [
            [
                row.partnership.pk, " · ".join(row.partners),
                catalogues.label("forms", row.partnership.form, get_language() or "de"),
                row.stage_label,
                formats.date_format(timezone.localdate(row.partnership.stage_changed_at),
                                    "SHORT_DATE_FORMAT"),
                "" if row.shown_score is None else formats.number_format(round(row.shown_score), 0),
                row.light_label, len(row.alerts),
                " | ".join(alert.title for alert in row.alerts),
            ]
            for row in rows
        ],
    )  # fmt: skip


def alerts_csv(alerts: Sequence[dashboards.AlertLine]) -> str:
    """One line per open or acknowledged alert, with its evidence and suggested next step."""
    return _write(
        [
            _("Partnership"), _("Partners"), _("Alert"), _("Status"), _("Since"),
            _("Evidence"), _("Suggested next step"),
        ],
        [
            [
                line.partnership_id, " · ".join(line.partners), line.view.title,
                line.view.status_label,
                formats.date_format(line.view.since, "SHORT_DATE_FORMAT"),
                line.view.evidence, line.view.next_step,
            ]
            for line in alerts
        ],
    )  # fmt: skip


# --- PDF ---------------------------------------------------------------------------------------


FIRST_LINES = 2 * 5.5  # mm: a heading keeps at least two lines of its text with it


def _paragraph_height(document: Document, text: str, *, size: float, height: float) -> float:
    document.set_font(FAMILY, "", size)
    return len(document.multi_cell(0, height, text, dry_run=True, output="LINES")) * height


def _heading(document: Document, text: str, *, keep: float = 0.0) -> None:
    """A section heading that never ends a page: when it and the first ``keep`` millimetres of
    what follows (a note, a table's header and first row) do not fit, it starts the next page."""
    document.set_font(FAMILY, "B", 12.5)
    lines = document.multi_cell(0, 7, text, align="L", dry_run=True, output="LINES")
    if document.will_page_break(2 + len(lines) * 7 + keep):
        document.add_page()
    else:
        document.ln(2)
    # Left-aligned: a justified heading that wraps spreads its words over the line.
    document.multi_cell(0, 7, text, align="L", new_x="LMARGIN", new_y="NEXT")


def _section(
    document: Document,
    title: str,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    notes: Sequence[str] = (),
) -> None:
    """A heading, its notes and its table, the heading kept with the notes and the table's
    first row."""
    keep = sum(_paragraph_height(document, note, size=9, height=5.5) for note in notes)
    _heading(document, title, keep=keep + table_lead(document, header, rows))
    for note in notes:
        paragraph(document, note, size=9)
    table(document, header, rows)


def _chart_table(document: Document, chart: Chart) -> None:
    """A chart of the dashboards as a table: the PDF carries the figures, not the drawing."""
    rows = [
        [("⚠ " if highlighted else "") + cells[0], *cells[1:]]
        for highlighted, cells in chart.rows()
    ]
    with_table = not chart.is_empty or bool(chart.empty_note and chart.labels)
    notes = [chart.empty_note or _("Nothing recorded yet.")] if chart.is_empty else []
    _section(document, chart.title, chart.header(), rows if with_table else [], notes=notes)
    if with_table and chart.note:
        paragraph(document, chart.note, size=8, height=4.2)


def _footer(title: str) -> str:
    today = formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT")
    return f"Verbund · {title} · {today}"


def partnership_pdf(access, language: str) -> bytes:
    """One partnership's health report: score and light with the reasons, open alerts with
    their evidence, referrals both ways, KPI attainment, influence factors, cost balance."""
    with translation.override(language):
        data = dashboards.partnership_dashboard(access)
        partnership = data["partnership"]
        names = data["title"]
        title = _("Partnership health report")
        document = new_document(title=title, language=language, footer=_footer(title))
        paragraph(document, title, size=17, bold=True, height=9)
        paragraph(document, names, size=12, bold=True, height=7)
        paragraph(
            document,
            _("Stage: %(stage)s · as of %(day)s")
            % {
                "stage": partnership.get_stage_display(),
                "day": formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT"),
            },
        )
        health = data["health"]
        _heading(document, _("Health"), keep=FIRST_LINES)
        paragraph(
            document,
            _("Score %(score)s of 100 · %(light)s")
            % {
                "score": "–" if health.shown_score is None else round(health.shown_score),
                "light": health.light_label,
            },
            bold=True,
        )
        for reason in health.reasons:
            paragraph(document, f"• {reason.text}", size=9, height=4.8)
        alerts = health.alerts
        _heading(document, _("Open alerts"), keep=FIRST_LINES)
        if not alerts:
            paragraph(document, _("No open alerts."), size=9)
        for alert in alerts:
            paragraph(
                document,
                f"{alert.title} ({alert.status_label}, "
                + _("since %(day)s")
                % {"day": formats.date_format(alert.since, "SHORT_DATE_FORMAT")}
                + ")",
                size=10,
                bold=True,
                height=5.5,
            )
            paragraph(document, alert.evidence, size=9, height=4.8)
            if alert.next_step:
                paragraph(
                    document, _("Suggested next step: %(step)s") % {"step": alert.next_step},
                    size=9, height=4.8,
                )  # fmt: skip
        _chart_table(document, data["health_chart"])
        _chart_table(document, data["referral_chart"])
        if data["kpi_chart"] is not None:
            _chart_table(document, data["kpi_chart"])
        factors = data["factors"]
        if factors.chart is not None:
            _chart_table(document, factors.chart)
        else:
            _section(
                document, _("Influence factors"), [], [],
                notes=[_("The partners' scores are shown once every partner has submitted a "
                         "review.")],
            )  # fmt: skip
        _chart_table(document, data["cost_chart"])
        return bytes(document.output())


def network_pdf(portfolio: selectors.NetworkPortfolio, language: str) -> bytes:
    """The programme report for a funder: key figures, stage funnel, health distribution, the
    partnerships needing attention, partner-induced revenue and the cross-border share."""
    with translation.override(language):
        data = dashboards.network_dashboard(portfolio)
        network = portfolio.network
        title = _("Programme report")
        document = new_document(title=title, language=language, footer=_footer(network.name))
        paragraph(document, title, size=17, bold=True, height=9)
        paragraph(document, network.name, size=12, bold=True, height=7)
        paragraph(
            document,
            _("As of %(day)s") % {
                "day": formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT")
            },
        )  # fmt: skip
        _section(
            document,
            _("Key figures"),
            [_("Figure"), _("Value")],
            [[label, value] for label, value in data["key_figures"]],
        )
        _chart_table(document, data["funnel_chart"])
        _chart_table(document, data["distribution_chart"])
        notes = [_("Red traffic light or an unresolved early warning.")]
        if not data["at_risk"]:
            notes.append(_("No partnership needs attention."))
        _section(
            document, _("Partnerships needing attention"),
            [_("Partners"), _("Stage"), _("Score"), _("Traffic light"), _("Open alerts")],
            [
                [
                    " · ".join(row.partners), row.stage_label,
                    "–" if row.shown_score is None else str(round(row.shown_score)),
                    row.light_label,
                    ", ".join(alert.title for alert in row.alerts) or "–",
                ]
                for row in data["at_risk"]
            ],
            notes=notes,
        )  # fmt: skip
        _chart_table(document, data["revenue_chart"])
        cross = data["cross_border"]
        _section(
            document, _("Cross-border cooperation"),
            [_("Figure"), _("Cross-border"), _("All"), _("Share")],
            [
                [_("Partnerships"), format_value(cross.partnerships_cross, "count"),
                 format_value(cross.partnerships, "count"), _percent(cross.partnership_share)],
                [_("Referrals"), format_value(cross.referrals_cross, "count"),
                 format_value(cross.referrals, "count"),
                 _percent(cross.referral_share)],
                [_("Business won (EUR)"), format_value(cross.value_cross, "eur"),
                 format_value(cross.value, "eur"), _percent(cross.value_share)],
            ],
        )  # fmt: skip
        return bytes(document.output())
