"""The shared cost ledger as a CSV file for people: headings, kinds, dates and amounts in the
reader's language, so that Excel in German or Dutch reads "1234,56" as a number (the ``;`` between
the columns is what those spreadsheet programs expect). Not meant for re-import: the profile
export in ``companies.imports`` is the machine format."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import gettext as _

from verbund.activities import selectors
from verbund.companies.imports.formats import EXPORT_CSV_DELIMITER
from verbund.lib.money import spreadsheet_amount
from verbund.lib.spreadsheet import guard_cell


def _day(value) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def _share(value) -> str:
    """A cost share in per cent as the reader writes it ("33,34")."""
    try:
        return formats.number_format(Decimal(str(value)), use_l10n=True)
    except (InvalidOperation, ValueError):
        return str(value)


def costs_csv(partnership, names: Mapping[int, str]) -> str:
    """Every cost and settlement of ``partnership``; ``names`` as the reader may read them."""
    companies = selectors.parties(partnership)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=EXPORT_CSV_DELIMITER)
    writer.writerow(
        [
            guard_cell(cell)
            for cell in [
                _("Type"), _("Date"), _("Description"), _("Activity"), _("Paid by"),
                _("Paid to"), _("Amount (EUR)"),
                *[_("Share of %(company)s (%%)") % {"company": names[c.pk]} for c in companies],
            ]
        ]
    )  # fmt: skip
    for item in selectors.cost_items_of(partnership).order_by("spent_on", "pk"):
        writer.writerow(
            [
                guard_cell(cell)
                for cell in [
                    _("Cost"), _day(item.spent_on), item.description,
                    item.activity.title if item.activity else "",
                    names.get(item.paid_by_id, item.paid_by.name), "",
                    spreadsheet_amount(item.amount),
                    *[_share(item.shares.get(str(c.pk), "0")) for c in companies],
                ]
            ]
        )  # fmt: skip
    for s in selectors.settlements_of(partnership).order_by("paid_on", "pk"):
        writer.writerow(
            [
                guard_cell(cell)
                for cell in [
                    _("Settlement"), _day(s.paid_on), s.note, "",
                    names.get(s.payer_id, s.payer.name), names.get(s.payee_id, s.payee.name),
                    spreadsheet_amount(s.amount),
                ]
            ]
        )  # fmt: skip
    return out.getvalue()
