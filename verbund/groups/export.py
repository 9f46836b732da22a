"""The group report as CSV: one row per member, the same figures as the page, in the reader's
language; used by the page, the API and the CLI alike."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

# One guard against spreadsheet formula injection for every CSV the platform writes.
from verbund.companies.imports.formats import _csv_guard as guard_cell
from verbund.groups.selectors import GroupReport


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
                row.seat.holder_name, row.seat.company.name, labels.get(row.seat.pk, row.seat.category),
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
