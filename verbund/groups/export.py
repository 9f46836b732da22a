"""The group report as CSV and PDF: one row per member, the same figures as the page, in the
reader's language; the CSV is used by the page, the API and the CLI alike.

Both are for people: the CSV's amounts carry the language's decimal separator (German or Dutch
Excel reads "18063,00" as a number, "18063.00" as text), the PDF's are grouped ("18.063,00")."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from decimal import Decimal

from django.utils import formats, translation
from django.utils.translation import gettext as _

from verbund.groups.selectors import GroupReport, TrendMonth
from verbund.lib import money
from verbund.lib.pdf import new_document, paragraph, table
from verbund.lib.spreadsheet import guard_cell


def report_header() -> list[str]:
    return [
        _("Member"), _("Company"), _("Profession"), _("Meetings"), _("Present"), _("Late"),
        _("Substitute"), _("Medical"), _("Absent"), _("Referrals given inside"),
        _("Referrals given outside"), _("Referrals received inside"),
        _("Referrals received outside"), _("Closed business credited (EUR)"),
        _("Closed business won (EUR)"), _("One-to-ones"), _("Visitors brought"),
        _("Testimonials"), _("Balance given − received"), _("Role"), _("Traffic light"),
    ]  # fmt: skip


def role_label(role: str) -> str:
    return {"giver": _("giver"), "taker": _("taker"), "balanced": _("balanced")}.get(role, role)


def light_label(light: str) -> str:
    return {
        "green": _("green"), "yellow": _("yellow"), "red": _("red"), "grey": _("too little data"),
    }.get(light, light)  # fmt: skip


def metric_label(metric: str) -> str:
    return {
        "attendance_rate": _("Attendance"),
        "referrals_given_per_month": _("Referrals given"),
        "one_to_ones_per_month": _("One-to-ones"),
    }.get(metric, metric)


def report_rows(
    report: GroupReport,
    labels: dict[int, str],
    amount: Callable[[Decimal], str] = money.spreadsheet_amount,
) -> list[list[object]]:
    """One list of cells per member in ``report_header``'s order; ``amount`` writes the money
    columns (a spreadsheet number by default)."""
    rows: list[list[object]] = []
    for row in report.rows:
        verdict = row.verdict
        rows.append(
            [
                row.seat.holder_name, row.seat.company.name,
                labels.get(row.seat.pk, row.seat.category),
                row.meetings, row.present, row.late, row.substitute, row.medical, row.absent,
                row.given_inside, row.given_outside, row.received_inside, row.received_outside,
                amount(row.credited), amount(row.won), row.one_to_ones, row.visitors,
                row.testimonials, verdict.balance if verdict else "",
                role_label(verdict.role) if verdict else "",
                light_label(verdict.overall) if verdict else "",
            ]
        )  # fmt: skip
    return rows


def report_csv(report: GroupReport, labels: dict[int, str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(report_header())
    for row in report_rows(report, labels):
        writer.writerow([guard_cell(cell) for cell in row])
    return buffer.getvalue()


def report_pdf(
    report: GroupReport,
    labels: dict[int, str],
    trend: list[TrendMonth],
    language: str,
    *,
    member: str = "",
) -> bytes:
    """The report as PDF bytes in ``language``: the period, the totals, each member's figures
    (givers first) and the six-month trend. With ``member`` (a name) it is that member's report."""
    with translation.override(language):
        title = _("Member report") if member else _("Group report")
        start = formats.date_format(report.start, "SHORT_DATE_FORMAT")
        period = f"{start} – {formats.date_format(report.end, 'SHORT_DATE_FORMAT')}"
        # The group's table has a column per figure: on a portrait page its words would break.
        document = new_document(
            title=title, language=language, footer=f"{report.group.name} · {period}",
            landscape=not member,
        )  # fmt: skip
        paragraph(document, title, size=17, bold=True, height=9)
        paragraph(document, " · ".join(filter(None, [report.group.name, member])), size=12,
                  bold=True, height=7)  # fmt: skip
        paragraph(document, _("Period: %(period)s") % {"period": period})
        # The totals are the whole group's: a member's report shows only the member's figures.
        if not member:
            paragraph(
                document,
                _("%(meetings)s meetings · %(referrals)s referrals · %(value)s EUR closed business"
                  " · %(one_to_ones)s one-to-ones · %(visitors)s visitors")
                % {
                    "meetings": report.meetings, "referrals": report.totals["referrals"],
                    "value": money.amount(report.totals["closed_value"]),
                    "one_to_ones": report.totals["one_to_ones"],
                    "visitors": report.totals["visitors"],
                },
            )  # fmt: skip
        document.ln(3)
        if member:
            # One member: the name's company and profession, then every figure on its own line.
            for cells in report_rows(report, labels, money.amount):
                paragraph(document, f"{cells[1]} · {cells[2]}", size=11, bold=True, height=6)
                pairs = zip(report_header()[3:], cells[3:], strict=True)
                table(document, [_("Figure"), _("Value")], [[k, str(v)] for k, v in pairs])
        else:
            table(document, *_members_table(report, labels))
        document.ln(2)
        paragraph(document, _("Trend over the last six months"), size=12, bold=True, height=7)
        table(document, *_trend_table(trend))
        return bytes(document.output())


def _members_table(
    report: GroupReport, labels: dict[int, str]
) -> tuple[list[str], list[list[str]]]:
    """The members ranked, givers first, as on the page: attendance, referrals given and
    received, business, one-to-ones, visitors, testimonials, role and light. The absences by kind
    and the balance are in the CSV and the member's own report."""
    header = [
        _("Member"), _("Attendance"), _("Given (inside/outside)"), _("Received (inside/outside)"),
        _("Closed business credited (EUR)"), _("Closed business won (EUR)"), _("One-to-ones"),
        _("Visitors"), _("Testimonials"), _("Role"), _("Light"),
    ]  # fmt: skip
    rows = [
        [
            "\n".join([row.seat.holder_name, row.seat.company.name,
                       labels.get(row.seat.pk, row.seat.category)]),
            f"{row.attended}/{row.meetings}",
            f"{row.given} ({row.given_inside}/{row.given_outside})",
            f"{row.received} ({row.received_inside}/{row.received_outside})",
            money.amount(row.credited), money.amount(row.won), str(row.one_to_ones),
            str(row.visitors), str(row.testimonials),
            role_label(row.verdict.role) if row.verdict else "–",
            light_label(row.verdict.overall) if row.verdict else "–",
        ]
        for row in report.ranking
    ]  # fmt: skip
    return header, rows


def _trend_table(trend: list[TrendMonth]) -> tuple[list[str], list[list[str]]]:
    header = [
        _("Month"), _("Referrals"), _("Closed business (EUR)"), _("One-to-ones"), _("Attendance"),
    ]  # fmt: skip
    rows = [
        [
            formats.date_format(month.month, "YEAR_MONTH_FORMAT"), str(month.referrals),
            money.amount(month.closed_value), str(month.one_to_ones),
            formats.number_format(round(month.attendance_rate * 100), 0) + " %"
            if month.attendance_rate is not None else "–",
        ]
        for month in trend
    ]  # fmt: skip
    return header, rows
