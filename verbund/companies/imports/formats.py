"""Reading and writing profile files: JSON Lines, CSV and XLSX (layout in docs/import-format.md).

Readers turn every format into the same thing: ``Entry(line, profile, problem)`` per record, where
``profile`` is a dict in the JSON Lines interchange format (or ``problem`` says why the record could
not be read). Line numbers are what the coordinator sees in their editor: the physical line of a
JSON Lines file, the spreadsheet row of a CSV or XLSX file (the header is row 1).

Tabular files have one row per company; lists are ``|``-separated in one cell; nested keys are
dotted columns (``customers.types.b2b``); offers, needs and goals are numbered column groups
(``offer1.title``, ``need2.priority``, ``goal1.markets``). Empty cells mean "not stated".

German Excel writes CSV with ``;`` and in Windows-1252 (or UTF-8 with BOM): the delimiter is taken
from the header row, the encoding is UTF-8 (with or without BOM) when the bytes decode as such and
Windows-1252 otherwise.

Pure Python plus openpyxl; no Django.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from verbund.companies import visibility
from verbund.companies.imports.validation import Problem
from verbund.lib import catalogues
from verbund.lib.spreadsheet import guard_cell, unguard_cell

FORMATS = ("jsonl", "csv", "xlsx")
LIST_SEPARATOR = "|"
EXPORT_CSV_DELIMITER = ";"

Source = str | Path | IO[bytes]


@dataclass(frozen=True)
class Entry:
    line: int
    profile: Any = None
    problem: Problem | None = None


def format_from_name(name: str, head: bytes = b"") -> str:
    """The format by file extension, else by a look at the first bytes."""
    suffix = Path(name or "").suffix.lower().lstrip(".")
    if suffix in ("jsonl", "ndjson", "json"):
        return "jsonl"
    if suffix in ("csv", "txt", "tsv"):
        return "csv"
    if suffix in ("xlsx", "xlsm"):
        return "xlsx"
    if head.startswith(b"PK"):
        return "xlsx"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "jsonl"
    return "csv"


@contextlib.contextmanager
def _binary(source: Source) -> Iterator[IO[bytes]]:
    if isinstance(source, str | Path):
        with open(source, "rb") as handle:
            yield handle
    else:
        source.seek(0)
        yield source


# --- reading ---------------------------------------------------------------------------------


def read(source: Source, fmt: str) -> Iterator[Entry]:
    """The records of a file, in order, each with its line (JSON Lines) or row (CSV/XLSX)."""
    if fmt == "jsonl":
        yield from _read_jsonl(source)
    elif fmt == "csv":
        yield from _read_tabular(_csv_rows(source))
    elif fmt == "xlsx":
        yield from _read_tabular(_xlsx_rows(source))
    else:
        raise ValueError(f"unknown format {fmt!r}")


def count(source: Source, fmt: str) -> int:
    """How many records the file holds (for progress bars); cheap next to importing them."""
    if fmt == "jsonl":
        with _binary(source) as handle:
            return sum(1 for line in handle if line.strip())
    rows = _csv_rows(source) if fmt == "csv" else _xlsx_rows(source)
    try:
        return max(0, sum(1 for _number, cells in rows if any(_present(c) for c in cells)) - 1)
    except _Unreadable:
        return 0


def jsonl_lines(source: Source) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines of a JSON Lines file as bytes, with their line numbers."""
    with _binary(source) as handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if raw.strip():
                yield number, raw


# The parser's own messages are English; problems are stored as codes and rendered in the
# reader's language (imports.messages), so each kind of syntax error gets its code.
_JSON_ERRORS = (
    ("Expecting value", "json_value"),
    ("Expecting property name", "json_name"),
    ("Expecting ',' delimiter", "json_delimiter"),
    ("Expecting ':' delimiter", "json_delimiter"),
    ("Unterminated string", "json_unclosed"),
    ("Invalid control character", "json_unclosed"),  # a line break inside a text
    ("Extra data", "json_extra"),
)


def parse_json_line(number: int, raw: bytes) -> Entry:
    try:
        return Entry(number, json.loads(raw))
    except UnicodeDecodeError:
        return Entry(number, problem=Problem(number, "", "json_not_utf8", {}))
    except json.JSONDecodeError as exc:
        code = next((c for start, c in _JSON_ERRORS if exc.msg.startswith(start)), "json_syntax")
        return Entry(number, problem=Problem(number, "", code, {"column": exc.colno}))


def _read_jsonl(source: Source) -> Iterator[Entry]:
    for number, raw in jsonl_lines(source):
        yield parse_json_line(number, raw)


class _Unreadable(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def decode(data: bytes) -> str:
    """UTF-8 (a BOM is dropped) if the bytes are UTF-8, else Windows-1252 as Excel writes it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
            return data.decode("latin-1")


def sniff_delimiter(header: str) -> str:
    """';' (German Excel), ',' or tab, whichever splits the header row most."""
    counts = {delimiter: header.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(source: Source) -> Iterator[tuple[int, list[Any]]]:
    with _binary(source) as handle:
        text = decode(handle.read())
    header = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(header))
    for number, cells in enumerate(reader, start=1):
        yield number, [unguard_cell(cell) for cell in cells]


def _xlsx_rows(source: Source) -> Iterator[tuple[int, list[Any]]]:
    import zipfile

    from openpyxl import load_workbook

    with _binary(source) as handle:
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise _Unreadable(f"not an XLSX workbook: {exc}") from None
        try:
            sheet = workbook.worksheets[0]
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                yield number, list(cells)
        finally:
            workbook.close()


def _present(cell: Any) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _read_tabular(rows: Iterator[tuple[int, list[Any]]]) -> Iterator[Entry]:
    try:
        yield from _tabular_entries(rows)
    except _Unreadable as exc:
        yield Entry(1, problem=Problem(1, "", "unreadable_file", {"detail": exc.detail}))


def _tabular_entries(rows: Iterator[tuple[int, list[Any]]]) -> Iterator[Entry]:
    header: list[str] | None = None
    columns: list[tuple[int, Column]] = []
    for number, cells in rows:
        if header is None:
            if not any(_present(c) for c in cells):
                continue
            header = [str(c).strip() if c is not None else "" for c in cells]
            seen: set[str] = set()
            for position, name in enumerate(header):
                if not name:
                    continue  # Excel leaves empty columns at the right edge
                if name in seen:
                    yield Entry(
                        number, problem=Problem(number, name, "duplicate_column", {"key": name})
                    )
                    continue
                seen.add(name)
                column = parse_column(name)
                if column is None:
                    yield Entry(number, problem=Problem(number, name, "unknown_key", {"key": name}))
                else:
                    columns.append((position, column))
            continue
        if not any(_present(c) for c in cells):
            continue
        yield Entry(number, profile_from_cells(columns, cells))
    if header is None:
        yield Entry(1, problem=Problem(1, "", "no_header"))


# --- the column layout -----------------------------------------------------------------------

TEXT, INT, FLOAT, LIST = "text", "int", "float", "list"

# Plain columns in export order: column -> kind.
PLAIN_COLUMNS: dict[str, str] = {
    "external_id": TEXT,
    "name": TEXT,
    "legal_form": TEXT,
    "registry_id": TEXT,
    "website": TEXT,
    "country": TEXT,
    "postcode": TEXT,
    "city": TEXT,
    "lat": FLOAT,
    "lon": FLOAT,
    "languages": LIST,
    "employees": INT,
    "revenue_band": TEXT,
    "founded": INT,
    "nace": LIST,
    "description": TEXT,
    "forms": LIST,
    "visibility": TEXT,
    "customers.sectors": LIST,
    "customers.types.b2b": FLOAT,
    "customers.types.b2c": FLOAT,
    "customers.types.b2g": FLOAT,
    "customers.sizes": LIST,
    "customers.regions": LIST,
    "customers.count": INT,
    "readiness.hours_per_month": INT,
    "readiness.sponsor": TEXT,
    "readiness.sponsor_email": TEXT,
    "readiness.contact": TEXT,
    "readiness.contact_email": TEXT,
}
# Columns with a free key after the prefix (the key is validated like the JSON key would be).
KEYED_COLUMNS = {"strengths": INT, "strength_notes": TEXT, "section_visibility": TEXT}
GROUPS = {"offer": "offers", "need": "needs", "goal": "goals"}
GROUP_FIELDS: dict[str, dict[str, str]] = {
    "offer": {"title": TEXT, "description": TEXT, "nace": LIST, "keywords": LIST},
    "need": {"title": TEXT, "description": TEXT, "nace": LIST, "keywords": LIST, "priority": INT},
    "goal": {"goal": TEXT, "priority": INT, "markets": LIST},
}
_GROUP_COLUMN = re.compile(r"(offer|need|goal)([1-9]\d{0,2})\.([a-z_]+)")


@dataclass(frozen=True)
class Column:
    path: tuple[str, ...]  # where the value goes in the profile dict
    kind: str
    group: str = ""  # "offers", "needs", "goals" for numbered groups
    number: int = 0


def parse_column(name: str) -> Column | None:
    """What a column header means, or None when the format has no such column."""
    if name in PLAIN_COLUMNS:
        return Column(tuple(name.split(".")), PLAIN_COLUMNS[name])
    prefix, _dot, key = name.partition(".")
    if prefix in KEYED_COLUMNS and key and "." not in key:
        return Column((prefix, key), KEYED_COLUMNS[prefix])
    match = _GROUP_COLUMN.fullmatch(name)
    if match:
        group, number, field = match.groups()
        kind = GROUP_FIELDS[group].get(field)
        if kind is not None:
            return Column((field,), kind, GROUPS[group], int(number))
    return None


def column_for(path: str) -> str:
    """The column a JSON field path lives in: 'offers.2.title' -> 'offer2.title'."""
    parts = path.split(".")
    if len(parts) >= 2 and parts[0] in ("offers", "needs", "goals") and parts[1].isdigit():
        head = f"{parts[0][:-1]}{parts[1]}"
        return ".".join([head, *parts[2:]])
    return path


def _number_text(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def cell_value(cell: Any, kind: str) -> Any:
    """The profile value of one non-empty cell; a value of the wrong type is passed on as
    text so that validation names it."""
    if kind == TEXT:
        if isinstance(cell, str):
            return cell
        if isinstance(cell, bool):
            return str(cell)
        if isinstance(cell, int | float):
            return _number_text(cell)  # a postcode Excel took for a number
        return cell.isoformat() if hasattr(cell, "isoformat") else str(cell)
    if kind == LIST:
        text = cell if isinstance(cell, str) else cell_value(cell, TEXT)
        return [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]
    if kind == INT:
        if isinstance(cell, bool):
            return str(cell)
        if isinstance(cell, int):
            return cell
        if isinstance(cell, float):
            return int(cell) if cell.is_integer() else cell
        text = str(cell).strip()
        if re.fullmatch(r"[+-]?\d+", text):
            return int(text)
        if re.fullmatch(r"[+-]?\d+[.,]0+", text):
            return int(re.split(r"[.,]", text)[0])
        return text
    if kind == FLOAT:
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            return cell
        text = str(cell).strip()
        if "," in text and "." not in text:
            text = text.replace(",", ".")  # German decimal comma
        try:
            return float(text)
        except ValueError:
            return str(cell)
    raise ValueError(kind)


def profile_from_cells(columns: Iterable[tuple[int, Column]], cells: list[Any]) -> dict[str, Any]:
    """One row as a profile dict in the JSON Lines shape."""
    profile: dict[str, Any] = {}
    groups: dict[str, dict[int, dict[str, Any]]] = {}
    for position, column in columns:
        cell = cells[position] if position < len(cells) else None
        if not _present(cell):
            continue
        value = cell_value(cell, column.kind)
        if column.group:
            groups.setdefault(column.group, {}).setdefault(column.number, {})[column.path[0]] = (
                value
            )
            continue
        target = profile
        for key in column.path[:-1]:
            target = target.setdefault(key, {})
        target[column.path[-1]] = value
    for group, numbered in groups.items():
        profile[group] = [numbered[number] for number in sorted(numbered)]
    return profile


# --- writing ---------------------------------------------------------------------------------


def write_jsonl(profiles: Iterable[Mapping[str, Any]], out: IO[str]) -> None:
    for profile in profiles:
        out.write(json.dumps(profile, ensure_ascii=False) + "\n")


def export_columns(offers: int, needs: int, goals: int) -> list[str]:
    """The full column layout, with as many numbered groups as the data needs."""
    columns = list(PLAIN_COLUMNS)
    columns += [f"strengths.{key}" for key in catalogues.keys("dimensions")]
    columns += [f"strength_notes.{key}" for key in catalogues.keys("dimensions")]
    columns += [f"section_visibility.{key}" for key in visibility.GROUP_KEYS]
    for group, number in (("offer", offers), ("need", needs), ("goal", goals)):
        for n in range(1, number + 1):
            columns += [f"{group}{n}.{field}" for field in GROUP_FIELDS[group]]
    return columns


def _cell_out(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == LIST:
        return LIST_SEPARATOR.join(str(item) for item in value)
    return value


def row_from_profile(profile: Mapping[str, Any], columns: list[str]) -> list[Any]:
    """One profile as a row of cells for ``columns`` (None where not stated)."""
    flat: dict[str, Any] = {}
    for name in columns:
        column = parse_column(name)
        if column is None or column.group:
            continue
        value: Any = profile
        for key in column.path:
            value = value.get(key) if isinstance(value, Mapping) else None
        flat[name] = _cell_out(value, column.kind)
    for group, key in (("offer", "offers"), ("need", "needs"), ("goal", "goals")):
        for number, item in enumerate(profile.get(key) or [], start=1):
            for field, kind in GROUP_FIELDS[group].items():
                flat[f"{group}{number}.{field}"] = _cell_out(item.get(field), kind)
    return [flat.get(name) for name in columns]


def write_csv(rows: Iterable[list[Any]], columns: list[str], out: IO[str]) -> None:
    """Semicolon-separated, so German Excel opens it in columns (write UTF-8 with BOM)."""
    writer = csv.writer(out, delimiter=EXPORT_CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if cell is None else guard_cell(cell) for cell in row])


def write_xlsx(rows: Iterable[list[Any]], columns: list[str], out: IO[bytes]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("companies")
    sheet.append(columns)
    for row in rows:
        cells: list[Any] = []
        for value in row:
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
                if value.startswith("="):
                    # Text, not a formula: keep what the company wrote.
                    cell = WriteOnlyCell(sheet, value)
                    cell.data_type = "s"
                    value = cell
            cells.append(value)
        sheet.append(cells)
    workbook.save(out)
