"""Reading profile files: JSON Lines, CSV as German Excel writes it, XLSX."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.utils import translation
from openpyxl import Workbook

from verbund.companies.imports import formats
from verbund.companies.imports.messages import render

HEADER = (
    "external_id;name;country;city;employees;lat;lon;nace;customers.types.b2b;customers.types.b2c"
)


def _read(data: bytes, fmt: str) -> list[formats.Entry]:
    return list(formats.read(io.BytesIO(data), fmt))


def test_json_lines_keep_their_line_numbers_and_skip_blank_lines():
    data = b'{"external_id": "a"}\n\n   \n{"external_id": "b"}\n'
    entries = _read(data, "jsonl")
    assert [(e.line, e.profile["external_id"]) for e in entries] == [(1, "a"), (4, "b")]


def test_broken_json_is_an_error_naming_the_line():
    entries = _read(b'{"external_id": "a"}\n{"external_id": \n', "jsonl")
    assert entries[1].profile is None
    assert (entries[1].line, entries[1].problem.code) == (2, "json_value")


@pytest.mark.parametrize(
    ("line", "code", "column"),
    [
        (b'{"name": Muller}', "json_value", 10),
        (b"{name: 1}", "json_name", 2),
        (b'{"name" "x"}', "json_delimiter", 9),
        (b'{"name": "x}', "json_unclosed", 13),
        (b'{"name": "x"} {"name": "y"}', "json_extra", 15),
        (rb'{"name": "x\q"}', "json_syntax", 12),
        (b'{"name": "M\xfcller"}', "json_not_utf8", None),
    ],
)
def test_each_json_syntax_error_is_said_in_the_readers_language(line, code, column):
    (entry,) = _read(line + b"\n", "jsonl")
    assert entry.problem.code == code
    assert entry.problem.params.get("column") == column
    with translation.override("de"):
        text = render(entry.problem.code, entry.problem.params)
    assert text.startswith("Diese Zeile") and "Expecting" not in text
    if column:
        assert f"Spalte {column}" in text


def test_a_utf8_bom_before_the_first_json_line_is_ignored():
    entries = _read('\ufeff{"name": "Müller"}\n'.encode(), "jsonl")
    assert entries[0].profile == {"name": "Müller"}


def test_german_excel_csv_with_semicolons_in_windows_1252_is_read():
    text = HEADER + "\r\nde-1;Müller Gießerei GmbH;DE;Münster;12;51,96;7,62;25.62|C;0,9;0,1\r\n"
    entries = _read(text.encode("cp1252"), "csv")
    assert len(entries) == 1
    profile = entries[0].profile
    assert entries[0].line == 2
    assert profile["name"] == "Müller Gießerei GmbH"
    assert profile["city"] == "Münster"
    assert profile["employees"] == 12
    assert (profile["lat"], profile["lon"]) == (51.96, 7.62)
    assert profile["nace"] == ["25.62", "C"]
    assert profile["customers"] == {"types": {"b2b": 0.9, "b2c": 0.1}}


def test_csv_in_utf8_with_bom_and_commas_is_read():
    text = "external_id,name,country,city\nnl-1,Bakker B.V.,NL,Enschede\n"
    entries = _read(b"\xef\xbb\xbf" + text.encode("utf-8"), "csv")
    assert entries[0].profile == {
        "external_id": "nl-1",
        "name": "Bakker B.V.",
        "country": "NL",
        "city": "Enschede",
    }


def test_empty_cells_are_not_stated_and_numbered_groups_become_lists():
    text = (
        "external_id;name;country;employees;offer1.title;offer1.keywords;offer2.title;"
        "need1.title;need1.priority;goal1.goal;goal1.markets;strengths.sales\n"
        "x;X;DE;;Beratung;a | b;;Presse;1;new_markets;NL|DE-NW;4\n"
    )
    profile = _read(text.encode(), "csv")[0].profile
    assert "employees" not in profile
    assert profile["offers"] == [{"title": "Beratung", "keywords": ["a", "b"]}]
    assert profile["needs"] == [{"title": "Presse", "priority": 1}]
    assert profile["goals"] == [{"goal": "new_markets", "markets": ["NL", "DE-NW"]}]
    assert profile["strengths"] == {"sales": 4}


def test_an_unknown_column_is_an_error_on_the_header_row():
    entries = _read(b"external_id;name;country;colour\nx;X;DE;blue\n", "csv")
    problems = [e.problem for e in entries if e.problem]
    assert [(p.line, p.field, p.code) for p in problems] == [(1, "colour", "unknown_key")]


def test_a_number_in_a_whole_number_column_that_is_not_whole_is_passed_on_for_validation():
    profile = _read(b"external_id,employees\nx,zwoelf\n", "csv")[0].profile
    assert profile["employees"] == "zwoelf"


def test_xlsx_rows_are_read_with_their_row_numbers():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["external_id", "name", "country", "postcode", "employees", "nace"])
    sheet.append(["de-1", "Schulte GmbH", "DE", 48143, 12.0, "25.62"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["de-2", "Terhorst KG", "DE", "01067", None, "C|25"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    entries = _read(buffer.getvalue(), "xlsx")
    assert [e.line for e in entries] == [2, 4]
    assert entries[0].profile["postcode"] == "48143"
    assert entries[0].profile["employees"] == 12
    assert entries[1].profile["nace"] == ["C", "25"]


def test_a_broken_xlsx_is_reported_not_raised():
    entries = _read(b"PK not really a workbook", "xlsx")
    assert entries[0].problem.code == "unreadable_file"


def test_format_is_taken_from_the_extension_or_the_first_bytes():
    assert formats.format_from_name("companies.jsonl") == "jsonl"
    assert formats.format_from_name("Firmen.CSV") == "csv"
    assert formats.format_from_name("Firmen.xlsx") == "xlsx"
    assert formats.format_from_name("upload", b"PK\x03\x04") == "xlsx"
    assert formats.format_from_name("upload", b'{"a": 1}') == "jsonl"


def test_json_field_paths_map_to_their_columns():
    assert formats.column_for("offers.2.title") == "offer2.title"
    assert formats.column_for("goals.1.markets") == "goal1.markets"
    assert formats.column_for("customers.types.b2b") == "customers.types.b2b"


def test_export_rows_read_back_to_the_same_profile():
    profile = {
        "external_id": "x",
        "name": "X",
        "country": "DE",
        "lat": 51.5,
        "lon": 7.25,
        "nace": ["25.62"],
        "customers": {"types": {"b2b": 0.5, "b2c": 0.5, "b2g": 0.0}, "count": 3},
        "offers": [{"title": "A", "nace": ["25"], "keywords": ["k1", "k2"]}],
        "needs": [{"title": "B", "priority": 3}],
        "goals": [{"goal": "new_markets", "priority": 1, "markets": ["NL"]}],
        "strengths": {"sales": 2},
        "strength_notes": {"sales": "=wenig Vertrieb"},
        "section_visibility": {"contact": "private"},
        "readiness": {"hours_per_month": 4, "sponsor": "Frau Meyer"},
    }
    columns = formats.export_columns(1, 1, 1)
    out = io.StringIO()
    formats.write_csv([formats.row_from_profile(profile, columns)], columns, out)
    assert _read(out.getvalue().encode("utf-8-sig"), "csv")[0].profile == profile
    binary = io.BytesIO()
    formats.write_xlsx([formats.row_from_profile(profile, columns)], columns, binary)
    assert _read(binary.getvalue(), "xlsx")[0].profile == profile
    jsonl = io.StringIO()
    formats.write_jsonl([profile], jsonl)
    assert json.loads(jsonl.getvalue()) == profile


def test_count_tells_the_number_of_records():
    assert formats.count(io.BytesIO(b'{"a":1}\n\n{"b":2}\n'), "jsonl") == 2
    assert formats.count(io.BytesIO(b"a;b\n1;2\n3;4\n"), "csv") == 2


def test_csv_export_keeps_spreadsheets_from_running_formulas_and_reads_back_unchanged():
    columns = ["external_id", "name", "description", "website"]
    profile = {
        "external_id": "de-9",
        "name": '=HYPERLINK("http://evil.example")',
        "description": "+49 251 123 – call us; @home; -10 % for partners",
        "website": "https://ok.example",
    }
    out = io.StringIO()
    formats.write_csv([formats.row_from_profile(profile, columns)], columns, out)
    written = list(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))[1]
    assert written[1].startswith("'=") and written[2].startswith("'+")
    assert written[3] == "https://ok.example"  # only risky cells are touched
    (entry,) = _read(out.getvalue().encode("utf-8"), "csv")
    assert entry.profile == profile
