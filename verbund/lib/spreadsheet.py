"""Cells for CSV files that people open in spreadsheet programs.

A cell starting with one of ``=``, ``+``, ``-``, ``@`` (or a tab / carriage return) is run as a
formula by Excel and its kin ("CSV injection"). Every CSV the platform writes puts an apostrophe
in front of such a cell (Excel shows it as text and hides the apostrophe), and the profile import
takes it off again, so a text like "+49 251 …" or "- Beratung" survives a round trip unchanged.
"""

from __future__ import annotations

from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(cell: Any) -> Any:
    return "'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_START) else cell


def unguard_cell(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell
