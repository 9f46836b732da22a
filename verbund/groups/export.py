"""The group report as CSV and PDF: one row (or block) per member, the same figures as the page, in
the reader's language; the CSV is used by the page, the API and the CLI alike."""

from __future__ import annotations

import csv
import io

from django.utils import formats, translation
from django.utils.translation import gettext as _

from verbund.groups.selectors import GroupReport, TrendMonth
from verbund.lib.pdf import new_document, paragraph
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


def report_rows(report: GroupReport, labels: dict[int, str]) -> list[list[object]]:
    rows: list[list[object]] = []
    for row in report.rows:
        verdict = row.verdict
        rows.append(
            [
                row.seat.holder_name, row.seat.company.name,
                labels.get(row.seat.pk, row.seat.category),
                row.meetings, row.present, row.late, row.substitute, row.medical, row.absent,
                row.given_inside, row.given_outside, row.received_inside, row.received_outside,
                f"{row.credited:.2f}", f"{row.won:.2f}", row.one_to_ones, row.visitors,
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
        document = new_document(
            title=title, language=language, footer=f"{report.group.name} · {period}"
        )
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
                    "value": formats.number_format(report.totals["closed_value"], 2),
                    "one_to_ones": report.totals["one_to_ones"],
                    "visitors": report.totals["visitors"],
                },
            )  # fmt: skip
        document.ln(3)
        header = report_header()
        ranked = {id(row): i for i, row in enumerate(report.ranking)}
        rows = sorted(zip(report.rows, report_rows(report, labels), strict=True),
                      key=lambda pair: ranked[id(pair[0])])  # fmt: skip
        # The first three columns name the member; the rest become "label: value" pairs.
        for _row, cells in rows:
            paragraph(document, f"{cells[0]} · {cells[1]} · {cells[2]}", size=11, bold=True,
                      height=6)  # fmt: skip
            paragraph(
                document,
                " · ".join(f"{label}: {value}" for label, value in zip(header[3:], cells[3:],
                                                                       strict=True)),
                size=9, height=4.8,
            )  # fmt: skip
            document.ln(2)
        document.ln(2)
        paragraph(document, _("Trend over the last six months"), size=12, bold=True, height=7)
        for month in trend:
            rate = (
                f"{month.attendance_rate * 100:.0f} %" if month.attendance_rate is not None else "–"
            )
            paragraph(
                document,
                _("%(month)s: %(referrals)s referrals, %(value)s EUR closed business, "
                  "%(one_to_ones)s one-to-ones, attendance %(rate)s")
                % {
                    "month": formats.date_format(month.month, "YEAR_MONTH_FORMAT"),
                    "referrals": month.referrals,
                    "value": formats.number_format(month.closed_value, 2),
                    "one_to_ones": month.one_to_ones, "rate": rate,
                },
                size=9, height=4.8,
            )  # fmt: skip
        return bytes(document.output())
