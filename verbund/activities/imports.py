"""Bulk entry from spreadsheets: referrals and joint activities of a partnership (CSV or XLSX),
and a party's contacts for the shared list.

Same rules as the profile imports: the file is read with the profile readers
(``companies.imports.formats``: delimiter sniffed from the header, UTF-8 or Windows-1252, XLSX),
every bad row is named with its line, column and what is wrong in the reader's language, and the
import is all or nothing — a dry run goes through exactly the same checks and writes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.activities import contacts as contact_rules
from verbund.activities import kinds, services
from verbund.companies.imports import formats
from verbund.companies.models import Company
from verbund.partnerships.models import Partnership

WHAT = ("referrals", "activities")
COLUMNS = {
    "referrals": {
        "required": ["date", "referrer", "receiver", "need"],
        "optional": [
            "client_name", "client_company", "client_email", "client_phone", "consent",
            "estimated_value",
        ],
    },
    "activities": {
        "required": ["date", "kind", "title", "initiator"],
        "optional": [
            "participants", "duration_minutes", "location", "people", "leads", "projects_won",
            "revenue_sourced", "revenue_influenced", "notes",
        ],
    },
    "contacts": {
        "required": ["consent_source", "consent_date", "purposes"],
        "optional": ["email", "name", "company", "valid_until", "share_with_partners"],
    },
}  # fmt: skip
MAX_ROWS = 5000
YES = {"1", "yes", "ja", "j", "y", "true", "wahr", "x"}
NO = {"", "0", "no", "nein", "nee", "n", "false", "falsch"}


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str


@dataclass
class ImportResult:
    dry_run: bool
    rows: int = 0
    written: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Refused(Exception):
    """A cell that cannot be used; ``column`` and the message say why."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


# --- reading -----------------------------------------------------------------------------------


def _cells(data: bytes, filename: str) -> Iterator[tuple[int, list[Any]]]:
    if formats.format_from_name(filename, data[:8]) == "xlsx":
        yield from formats._xlsx_rows(io.BytesIO(data))
        return
    text = formats.decode(data)
    header = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=formats.sniff_delimiter(header))
    yield from enumerate(reader, start=1)


def read_table(
    data: bytes, filename: str, what: str
) -> tuple[list[tuple[int, dict[str, str]]], list[RowError]]:
    """Rows as {column: text} with their line numbers, or the problems with the header."""
    layout = COLUMNS[what]
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    try:
        for number, cells in _cells(data, filename):
            texts = ["" if c is None else str(c).strip() for c in cells]
            if not any(texts):
                continue
            if header is None:
                header = [t.lower() for t in texts]
                missing = [c for c in layout["required"] if c not in header]
                if missing:
                    return [], [_header_error(number, texts, missing, layout)]
                continue
            rows.append(
                (
                    number,
                    {
                        name: texts[i] if i < len(texts) else ""
                        for i, name in enumerate(header)
                        if name
                    },
                )
            )
            if len(rows) > MAX_ROWS:
                return [], [
                    RowError(
                        number, "", _("A file may hold at most %(max)s rows.") % {"max": MAX_ROWS}
                    )
                ]
    except Exception as error:
        return [], [RowError(1, "", _("The file cannot be read: %(detail)s") % {"detail": error})]
    if header is None:
        return [], [RowError(1, "", _("The file is empty: the first row must name the columns."))]
    return rows, []


def _header_error(number: int, texts: list[str], missing: list[str], layout) -> RowError:
    if len(texts) == 1 and re.search(r"[|:/]", texts[0]):
        message = _(
            "The columns are not separated by a semicolon, a comma or a tab. Save the file as "
            "CSV with “;” or “,” between the columns: %(columns)s."
        )
    else:
        message = _("Columns missing: %(missing)s. The file needs the columns: %(columns)s.")
    return RowError(
        number,
        ", ".join(missing),
        message
        % {
            "missing": ", ".join(missing),
            "columns": ", ".join(layout["required"] + layout["optional"]),
        },
    )


# --- cells -------------------------------------------------------------------------------------


def parse_date(column: str, text: str) -> dt.date:
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise _Refused(
        column,
        _("“%(value)s” is not a date; write it as 2025-03-31 or 31.03.2025.") % {"value": text},
    )


def parse_amount(column: str, text: str, *, required: bool = False) -> Decimal | None:
    raw = text.strip().replace(" ", "").replace("€", "").replace("EUR", "")
    if not raw:
        if required:
            raise _Refused(column, _("Enter an amount."))
        return None
    if "," in raw and "." in raw:  # 1.234,56 (German) or 1,234.56 (English)
        raw = (
            raw.replace(".", "").replace(",", ".")
            if raw.rfind(",") > raw.rfind(".")
            else raw.replace(",", "")
        )
    else:
        raw = raw.replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise _Refused(column, _("“%(value)s” is not an amount.") % {"value": text}) from None
    if not value.is_finite():
        raise _Refused(column, _("“%(value)s” is not an amount.") % {"value": text})
    if value < 0:
        raise _Refused(column, _("The amount cannot be negative (%(value)s).") % {"value": text})
    if value != value.quantize(Decimal("0.01")):
        raise _Refused(column, _("Enter the amount in euros and cents."))
    return value


def parse_count(column: str, text: str) -> int:
    if not text.strip():
        return 0
    try:
        value = int(text.strip())
    except ValueError:
        raise _Refused(column, _("“%(value)s” is not a whole number.") % {"value": text}) from None
    if value < 0:
        raise _Refused(column, _("The number cannot be negative (%(value)s).") % {"value": text})
    return value


def parse_yes(column: str, text: str) -> bool:
    value = text.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise _Refused(column, _("Write “yes” or “no” (found “%(value)s”).") % {"value": text})


class Partners:
    """A partner named in a cell: by company name (legal form and accents do not matter),
    registry number or id — only the partnership's parties count."""

    def __init__(self, partnership: Partnership) -> None:
        self.by_key: dict[str, Company] = {}
        for party in partnership.parties.all():
            company = party.company
            for key in (company.name, company.registry_id, str(company.pk)):
                if key:
                    self.by_key[contact_rules.normalise_company(key)] = company

    def get(self, column: str, text: str) -> Company:
        company = self.by_key.get(contact_rules.normalise_company(text))
        if company is None:
            raise _Refused(
                column,
                _("“%(value)s” is not a partner in this partnership.") % {"value": text},
            )
        return company


# --- rows --------------------------------------------------------------------------------------


def _referral_row(ctx: _Context, row: dict[str, str]) -> None:
    referrer = ctx.partners.get("referrer", row["referrer"])
    receiver = ctx.partners.get("receiver", row["receiver"])
    day = parse_date("date", row["date"])
    services.referral_give(
        partnership=ctx.partnership,
        referrer=referrer,
        user=ctx.user,
        receiver=receiver,
        need=row.get("need", ""),
        client_name=row.get("client_name", ""),
        client_company=row.get("client_company", ""),
        client_email=row.get("client_email", ""),
        client_phone=row.get("client_phone", ""),
        consent=parse_yes("consent", row.get("consent", "")),
        estimated_value=parse_amount("estimated_value", row.get("estimated_value", "")),
        created_at=timezone.make_aware(dt.datetime.combine(day, dt.time(9))),
    )


def _activity_row(ctx: _Context, row: dict[str, str]) -> None:
    day = parse_date("date", row["date"])
    kind = row["kind"].strip()
    if kind not in kinds.ACTIVITY_KINDS:
        raise _Refused(
            "kind",
            _("“%(value)s” is not a kind of activity; use one of: %(kinds)s.")
            % {"value": kind, "kinds": ", ".join(kinds.ACTIVITY_KINDS)},
        )
    initiator = ctx.partners.get("initiator", row["initiator"])
    names = [n for n in row.get("participants", "").split(formats.LIST_SEPARATOR) if n.strip()]
    participants = [ctx.partners.get("participants", n) for n in names] or [initiator]
    duration = parse_count("duration_minutes", row.get("duration_minutes", "")) or 60
    services.activity_create(
        partnership=ctx.partnership,
        company=ctx.company,
        user=ctx.user,
        kind=kind,
        title=row["title"],
        starts_at=timezone.make_aware(dt.datetime.combine(day, dt.time(10))),
        initiator=initiator,
        participants=participants,
        duration_minutes=duration,
        location=row.get("location", ""),
        people=row.get("people", ""),
        leads=parse_count("leads", row.get("leads", "")),
        projects_won=parse_count("projects_won", row.get("projects_won", "")),
        revenue_sourced=parse_amount("revenue_sourced", row.get("revenue_sourced", ""))
        or Decimal(0),
        revenue_influenced=parse_amount("revenue_influenced", row.get("revenue_influenced", ""))
        or Decimal(0),
        notes=row.get("notes", ""),
        quiet=True,
    )


@dataclass
class _Context:
    partnership: Partnership
    company: Company
    user: Any
    partners: Partners


ROW_WRITERS: dict[str, Callable[[_Context, dict[str, str]], None]] = {
    "referrals": _referral_row,
    "activities": _activity_row,
}


def import_rows(
    *,
    partnership: Partnership,
    company: Company,
    user,
    what: str,
    data: bytes,
    filename: str,
    dry_run: bool,
) -> ImportResult:
    """Check (and unless ``dry_run`` write) every row; one bad row and nothing is written."""
    result = ImportResult(dry_run=dry_run)
    rows, result.errors = read_table(data, filename, what)
    if result.errors:
        return result
    result.rows = len(rows)
    ctx = _Context(partnership, company, user, Partners(partnership))
    write = ROW_WRITERS[what]
    # The rows go through the real services inside a transaction that a dry run or any error
    # rolls back: the check is exactly what a real import would do, database rules included.
    with transaction.atomic():
        for line, row in rows:
            try:
                with transaction.atomic():
                    write(ctx, row)
            except _Refused as refused:
                result.errors.append(RowError(line, refused.column, refused.message))
            except ValidationError as error:
                for column, messages in _error_items(error):
                    result.errors.extend(RowError(line, column, m) for m in messages)
        if result.errors or dry_run:
            transaction.set_rollback(True)
        else:
            result.written = len(rows)
    return result


def _error_items(error: ValidationError) -> list[tuple[str, list[str]]]:
    if hasattr(error, "error_dict"):
        return [(column, list(messages)) for column, messages in error.message_dict.items()]
    return [("", list(error.messages))]


# --- contacts ----------------------------------------------------------------------------------


def contact_rows(data: bytes, filename: str) -> tuple[list[services.ContactRow], list[RowError]]:
    """A party's contact file as rows with consent provenance; every bad row named."""
    table, errors = read_table(data, filename, "contacts")
    rows: list[services.ContactRow] = []
    for line, row in table:
        try:
            email = row.get("email", "").strip()
            if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
                raise _Refused(
                    "email", _("“%(value)s” is not an email address.") % {"value": email}
                )
            if not (email or row.get("company", "").strip()):
                raise _Refused("email", _("Give the contact's email or company."))
            if not row["consent_source"].strip():
                raise _Refused("consent_source", _("Say where the contact gave consent."))
            purposes = [
                p.strip() for p in row["purposes"].split(formats.LIST_SEPARATOR) if p.strip()
            ]
            unknown = [p for p in purposes if p not in kinds.CONSENT_PURPOSES]
            if unknown or not purposes:
                raise _Refused(
                    "purposes",
                    _("Name what the consent covers, from: %(purposes)s.")
                    % {"purposes": ", ".join(kinds.CONSENT_PURPOSES)},
                )
            valid_until = row.get("valid_until", "").strip()
            rows.append(
                services.ContactRow(
                    email=email,
                    name=row.get("name", "").strip()[:200],
                    company_name=row.get("company", "").strip()[:200],
                    consent_source=row["consent_source"].strip()[:200],
                    consent_given_on=parse_date("consent_date", row["consent_date"]),
                    consent_purposes=purposes,
                    consent_valid_until=parse_date("valid_until", valid_until)
                    if valid_until
                    else None,
                    share_with_partners=parse_yes(
                        "share_with_partners", row.get("share_with_partners", "")
                    ),
                )
            )
        except _Refused as refused:
            errors.append(RowError(line, refused.column, refused.message))
    return rows, errors
