"""Sentences for import problem codes, rendered in the language active when they are shown.

Problems are stored as codes with parameters (``ImportJob.errors``), so a German coordinator and
a Dutch one read the same job in their own language; the web uses the request's language, the
CLI the active one (German by default).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MESSAGES = {
    # reading the file
    # kept for problems stored before the json_* codes (their detail is the parser's English)
    "broken_json": gettext_lazy("This line is not valid JSON (%(detail)s)."),
    "json_not_utf8": gettext_lazy("This line is not UTF-8 text: save the file as UTF-8."),
    "json_value": gettext_lazy(
        "This line is not valid JSON: a value is missing or malformed at column %(column)s "
        "(texts belong in double quotes)."
    ),
    "json_name": gettext_lazy(
        "This line is not valid JSON: a field name in double quotes is expected at column "
        "%(column)s."
    ),
    "json_delimiter": gettext_lazy(
        "This line is not valid JSON: a comma or colon is missing at column %(column)s."
    ),
    "json_unclosed": gettext_lazy(
        "This line is not valid JSON: a text is not closed with a double quote (column %(column)s)."
    ),
    "json_extra": gettext_lazy(
        "This line is not valid JSON: more follows the record at column %(column)s (one company "
        "per line)."
    ),
    "json_syntax": gettext_lazy("This line is not valid JSON (column %(column)s)."),
    "not_an_object": gettext_lazy("Each line must be one JSON object {…}."),
    "unreadable_file": gettext_lazy("The file cannot be read (%(detail)s)."),
    "no_records": gettext_lazy("The file contains no companies."),
    "no_header": gettext_lazy("The first row must name the columns."),
    "duplicate_column": gettext_lazy("The column “%(key)s” appears more than once."),
    # structure and types
    "required": gettext_lazy("This field is required."),
    "unknown_key": gettext_lazy("Unknown field “%(key)s”."),
    "not_text": gettext_lazy("Expected text."),
    "not_text_item": gettext_lazy("Expected a list of texts; %(value)s is not text."),
    "not_integer": gettext_lazy("Expected a whole number."),
    "not_number": gettext_lazy("Expected a number."),
    "not_list": gettext_lazy("Expected a list."),
    "not_object": gettext_lazy("Expected an object {…}."),
    "empty": gettext_lazy("This field must not be empty."),
    "too_long": gettext_lazy("At most %(max)s characters allowed (this has %(length)s)."),
    "below_minimum": gettext_lazy("%(value)s is too small; the minimum is %(min)s."),
    "above_maximum": gettext_lazy("%(value)s is too large; the maximum is %(max)s."),
    # values
    "duplicate_external_id": gettext_lazy(
        "The external ID “%(value)s” was already used on line %(first_line)s."
    ),
    "country_unknown": gettext_lazy(
        "“%(value)s” is not an ISO 3166-1 country code (two letters, e.g. DE, NL)."
    ),
    "nace_unknown": gettext_lazy("Unknown NACE code: %(value)s."),
    "language_unknown": gettext_lazy(
        "“%(value)s” is not an ISO 639-1 language code (two letters, e.g. de, nl, en)."
    ),
    "revenue_band_unknown": gettext_lazy(
        "“%(value)s” is not a revenue band; use one of: %(allowed)s."
    ),
    "url_invalid": gettext_lazy("“%(value)s” is not a web address starting with http(s)://."),
    "email_invalid": gettext_lazy("“%(value)s” is not an email address."),
    "coordinate_range": gettext_lazy("%(value)s is outside %(min)s to %(max)s degrees."),
    "coordinates_incomplete": gettext_lazy("Give both latitude and longitude, or neither."),
    "share_range": gettext_lazy("A share must be between 0 and 1 (this is %(value)s)."),
    "shares_sum": gettext_lazy(
        "The B2B, B2C and B2G shares must add up to 1 (they add up to %(total)s)."
    ),
    "size_unknown": gettext_lazy("“%(value)s” is not a customer size; use one of: %(allowed)s."),
    "region_invalid": gettext_lazy(
        "“%(value)s” is neither a country (DE) nor a region code (DE-NW)."
    ),
    "dimension_unknown": gettext_lazy(
        "“%(value)s” is not a self-assessment dimension; use one of: %(allowed)s."
    ),
    "score_invalid": gettext_lazy("Scores are whole numbers from 1 to 5 (this is %(value)s)."),
    "note_without_score": gettext_lazy(
        "A note on “%(value)s” needs a score for it in the strengths."
    ),
    "goal_unknown": gettext_lazy("“%(value)s” is not a goal; use one of: %(allowed)s."),
    "goal_duplicate": gettext_lazy("The goal “%(value)s” is listed twice."),
    "priority_invalid": gettext_lazy("Priority is 1 (high), 2 or 3 (low), not %(value)s."),
    "form_unknown": gettext_lazy(
        "“%(value)s” is not a form of cooperation; use one of: %(allowed)s."
    ),
    "visibility_unknown": gettext_lazy("“%(value)s” is not a visibility; use one of: %(allowed)s."),
    "section_unknown": gettext_lazy(
        "“%(value)s” is not a profile section; use one of: %(allowed)s."
    ),
    "level_unknown": gettext_lazy(
        "“%(value)s” is not a visibility level; use one of: %(allowed)s."
    ),
    # warnings and commit
    "place_not_found": gettext_lazy(
        "Place not found: “%(city)s” (%(country)s) is not in the gazetteer; the company is "
        "imported without coordinates."
    ),
    "company_keeps_profile": gettext_lazy(
        "“%(name)s” keeps its own profile (or is also listed in another network): the import "
        "leaves it as it is."
    ),
    "commit_failed": gettext_lazy("The import failed and nothing was saved (%(detail)s)."),
}


def render(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The message for ``code`` in the active language; unknown codes are shown as they are."""
    template = MESSAGES.get(code)
    if template is None:
        return code
    try:
        return str(template) % dict(params or {})
    except (KeyError, TypeError, ValueError):
        return str(template)


def render_problem(problem: Mapping[str, Any]) -> str:
    return render(problem["code"], problem.get("params"))


def where(problem: Mapping[str, Any], *, tabular: bool) -> str:
    """'line 3, field nace' (JSON Lines) or 'row 3, field offer1.nace' (CSV/XLSX)."""
    line, field = problem["line"], problem["field"]
    place = (_("row %(n)s") if tabular else _("line %(n)s")) % {"n": line}
    if field:
        return _("%(place)s, field %(field)s") % {"place": place, "field": field}
    return place
