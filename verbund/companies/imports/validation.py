"""Checks one profile record against the interchange format (profile-format.md + ADR 0003).

Pure Python, no Django: problems are codes with parameters (``Problem``), turned into sentences
in the reader's language only when shown (``imports.messages``). Every rule of the format is
checked and every problem of a record is reported, not just the first, so a coordinator can fix
a file in one go.

Field paths name the key as written in JSON Lines: ``nace``, ``customers.types.b2b``,
``offers.2.title`` (offers, needs and goals are counted from 1). Tabular files rename them to
their columns (``offer2.title``), see ``formats.column_for``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from verbund.companies import profile as profile_data
from verbund.companies import visibility
from verbund.companies.imports.codes import COUNTRIES, LANGUAGES
from verbund.lib import catalogues, nace


@dataclass(frozen=True)
class Problem:
    """An error (or warning) about one record: where, and what as a code with parameters."""

    line: int
    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "field": self.field, "code": self.code, "params": self.params}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Problem:
        return cls(data["line"], data["field"], data["code"], dict(data.get("params") or {}))


# Keys of a profile, their kind and (for text) the longest value the model stores.
TEXT_LIMITS = {
    "external_id": 100, "name": 200, "legal_form": 60, "registry_id": 100, "website": 200,
    "postcode": 20, "city": 120, "description": None,
}  # fmt: skip
TOP_KEYS = frozenset(
    {
        *TEXT_LIMITS, "country", "lat", "lon", "languages", "employees", "revenue_band",
        "founded", "nace", "offers", "needs", "customers", "strengths", "goals", "forms",
        "visibility", "readiness", "strength_notes", "section_visibility",
    }
)  # fmt: skip
ITEM_KEYS = frozenset({"title", "description", "nace", "keywords"})
NEED_KEYS = ITEM_KEYS | {"priority"}
GOAL_KEYS = frozenset({"goal", "priority", "markets"})
CUSTOMER_KEYS = frozenset({"sectors", "types", "sizes", "regions", "count"})
SHARE_KEYS = ("b2b", "b2c", "b2g")
READINESS_TEXT = {"sponsor": 150, "contact": 150}
READINESS_EMAIL = ("sponsor_email", "contact_email")
READINESS_KEYS = frozenset({"hours_per_month", *READINESS_TEXT, *READINESS_EMAIL})
NOTE_LIMIT = 300
EARLIEST_YEAR = profile_data.EARLIEST_FOUNDED
SHARE_TOLERANCE = 0.01

_SUBDIVISION = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
_URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class _Check:
    """Collects the problems of one record."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.problems: list[Problem] = []

    def add(self, field: str, code: str, **params: Any) -> None:
        self.problems.append(Problem(self.line, field, code, params))

    # --- types -----------------------------------------------------------------------------

    def text(self, path: str, value: Any, limit: int | None = None, *, required=False) -> bool:
        if not isinstance(value, str):
            self.add(path, "not_text")
            return False
        if required and not value.strip():
            self.add(path, "empty")
            return False
        if limit is not None and len(value) > limit:
            self.add(path, "too_long", max=limit, length=len(value))
            return False
        return True

    def integer(self, path: str, value: Any, low: int, high: int) -> bool:
        if not _is_int(value):
            self.add(path, "not_integer")
            return False
        if value < low:
            self.add(path, "below_minimum", value=value, min=low)
            return False
        if value > high:
            self.add(path, "above_maximum", value=value, max=high)
            return False
        return True

    def mapping(self, path: str, value: Any, allowed: frozenset[str] | None) -> bool:
        if not isinstance(value, dict):
            self.add(path, "not_object")
            return False
        if allowed is not None:
            for key in value:
                if key not in allowed:
                    self.add(f"{path}.{key}" if path else str(key), "unknown_key", key=key)
        return True

    def text_list(self, path: str, value: Any) -> list[str]:
        """The strings of a list; anything else is reported."""
        if not isinstance(value, list):
            self.add(path, "not_list")
            return []
        texts = []
        for item in value:
            if isinstance(item, str):
                texts.append(item)
            else:
                self.add(path, "not_text_item", value=repr(item)[:40])
        return texts

    # --- domain values ---------------------------------------------------------------------

    def nace_list(self, path: str, value: Any) -> None:
        for code in self.text_list(path, value):
            if not _nace_known(code):
                self.add(path, "nace_unknown", value=code)

    def regions(self, path: str, value: Any) -> None:
        for region in self.text_list(path, value):
            if not (
                region in COUNTRIES or (_SUBDIVISION.fullmatch(region) and region[:2] in COUNTRIES)
            ):
                self.add(path, "region_invalid", value=region)

    def choice(self, path: str, value: Any, catalogue: str, code: str) -> None:
        if not isinstance(value, str):
            self.add(path, "not_text")
        elif value not in _catalogue(catalogue):
            self.add(path, code, value=value, allowed=", ".join(catalogues.keys(catalogue)))

    def choices(self, path: str, value: Any, catalogue: str, code: str) -> None:
        for item in self.text_list(path, value):
            if item not in _catalogue(catalogue):
                self.add(path, code, value=item, allowed=", ".join(catalogues.keys(catalogue)))

    def priority(self, path: str, value: Any) -> None:
        if not _is_int(value) or not 1 <= value <= 3:
            self.add(path, "priority_invalid", value=repr(value)[:20])


@functools.lru_cache(maxsize=4096)
def _nace_known(code: str) -> bool:
    # A file repeats the same few hundred codes; the cache saves most of the parsing.
    return nace.normalize(code) is not None


_CATALOGUE_SETS: dict[str, frozenset[str]] = {}


def _catalogue(name: str) -> frozenset[str]:
    if name not in _CATALOGUE_SETS:
        _CATALOGUE_SETS[name] = frozenset(catalogues.keys(name))
    return _CATALOGUE_SETS[name]


def validate_profile(profile: Any, line: int) -> list[Problem]:
    """Every problem of one record (a parsed JSON value); empty when it may be imported."""
    check = _Check(line)
    if not isinstance(profile, dict):
        check.add("", "not_an_object")
        return check.problems
    check.mapping("", profile, TOP_KEYS)

    for key in ("external_id", "name", "country"):
        if key not in profile or profile[key] is None:
            check.add(key, "required")
    for key, limit in TEXT_LIMITS.items():
        value = profile.get(key)
        if value is not None:
            check.text(key, value, limit, required=key in ("external_id", "name"))

    website = profile.get("website")
    if isinstance(website, str) and website and not _URL.fullmatch(website):
        check.add("website", "url_invalid", value=website[:80])

    country = profile.get("country")
    if country is not None and check.text("country", country) and country.upper() not in COUNTRIES:
        check.add("country", "country_unknown", value=country[:20])

    _place(check, profile)

    if profile.get("languages") is not None:
        for language in check.text_list("languages", profile["languages"]):
            if language not in LANGUAGES:
                check.add("languages", "language_unknown", value=language[:20])
    if profile.get("employees") is not None:
        check.integer("employees", profile["employees"], 0, profile_data.MAX_EMPLOYEES)
    if profile.get("revenue_band") is not None:
        check.choice("revenue_band", profile["revenue_band"], "revenue_bands",
                     "revenue_band_unknown")  # fmt: skip
    if profile.get("founded") is not None:
        check.integer("founded", profile["founded"], EARLIEST_YEAR, dt.date.today().year + 1)
    if profile.get("nace") is not None:
        check.nace_list("nace", profile["nace"])

    for kind in ("offers", "needs"):
        if profile.get(kind) is not None:
            _items(check, kind, profile[kind])
    if profile.get("customers") is not None:
        _customers(check, profile["customers"])
    if profile.get("strengths") is not None:
        _strengths(check, profile["strengths"], profile.get("strength_notes"))
    elif profile.get("strength_notes") is not None:
        _strengths(check, {}, profile["strength_notes"])
    if profile.get("goals") is not None:
        _goals(check, profile["goals"])
    if profile.get("forms") is not None:
        check.choices("forms", profile["forms"], "forms", "form_unknown")
    if profile.get("visibility") is not None:
        check.choice("visibility", profile["visibility"], "visibility", "visibility_unknown")
    if profile.get("readiness") is not None:
        _readiness(check, profile["readiness"])
    if profile.get("section_visibility") is not None:
        _section_visibility(check, profile["section_visibility"])
    return check.problems


def _place(check: _Check, profile: dict[str, Any]) -> None:
    lat, lon = profile.get("lat"), profile.get("lon")
    for key, value, limit in (("lat", lat, 90), ("lon", lon, 180)):
        if value is None:
            continue
        if not _is_number(value):
            check.add(key, "not_number")
        elif not -limit <= value <= limit:
            check.add(key, "coordinate_range", value=value, min=-limit, max=limit)
    if (lat is None) != (lon is None):
        check.add("lon" if lon is None else "lat", "coordinates_incomplete")


def _items(check: _Check, kind: str, value: Any) -> None:
    if not isinstance(value, list):
        check.add(kind, "not_list")
        return
    need = kind == "needs"
    for number, item in enumerate(value, start=1):
        path = f"{kind}.{number}"
        if not check.mapping(path, item, NEED_KEYS if need else ITEM_KEYS):
            continue
        if item.get("title") is None:
            check.add(f"{path}.title", "required")
        else:
            check.text(f"{path}.title", item["title"], 200, required=True)
        if item.get("description") is not None:
            check.text(f"{path}.description", item["description"])
        if item.get("nace") is not None:
            check.nace_list(f"{path}.nace", item["nace"])
        if item.get("keywords") is not None:
            check.text_list(f"{path}.keywords", item["keywords"])
        if need and "priority" in item:
            check.priority(f"{path}.priority", item["priority"])


def _customers(check: _Check, value: Any) -> None:
    if not check.mapping("customers", value, CUSTOMER_KEYS):
        return
    if value.get("sectors") is not None:
        check.nace_list("customers.sectors", value["sectors"])
    types = value.get("types")
    if types is not None and check.mapping("customers.types", types, frozenset(SHARE_KEYS)):
        total, valid = 0.0, True
        for key in SHARE_KEYS:
            share = types.get(key)
            if share is None:
                continue
            path = f"customers.types.{key}"
            if not _is_number(share):
                check.add(path, "not_number")
                valid = False
            elif not 0 <= share <= 1:
                check.add(path, "share_range", value=share)
                valid = False
            else:
                total += share
        if valid and abs(total - 1) > SHARE_TOLERANCE:
            check.add("customers.types", "shares_sum", total=round(total, 4))
    if value.get("sizes") is not None:
        check.choices("customers.sizes", value["sizes"], "customer_sizes", "size_unknown")
    if value.get("regions") is not None:
        check.regions("customers.regions", value["regions"])
    if value.get("count") is not None:
        check.integer("customers.count", value["count"], 0, profile_data.MAX_CUSTOMER_COUNT)


def _strengths(check: _Check, scores: Any, notes: Any) -> None:
    dimensions = _catalogue("dimensions")
    allowed = ", ".join(catalogues.keys("dimensions"))
    if check.mapping("strengths", scores, None):
        for key, score in scores.items():
            path = f"strengths.{key}"
            if key not in dimensions:
                check.add(path, "dimension_unknown", value=key, allowed=allowed)
            elif not _is_int(score) or not 1 <= score <= 5:
                check.add(path, "score_invalid", value=repr(score)[:20])
    if notes is None or not check.mapping("strength_notes", notes, None):
        return
    scored = set(scores) if isinstance(scores, dict) else set()
    for key, note in notes.items():
        path = f"strength_notes.{key}"
        if key not in dimensions:
            check.add(path, "dimension_unknown", value=key, allowed=allowed)
        elif note is not None and check.text(path, note, NOTE_LIMIT) and key not in scored:
            # A note is stored with its score; without one it would be lost silently.
            check.add(path, "note_without_score", value=key)


def _goals(check: _Check, value: Any) -> None:
    if not isinstance(value, list):
        check.add("goals", "not_list")
        return
    seen: set[str] = set()
    for number, goal in enumerate(value, start=1):
        path = f"goals.{number}"
        if not check.mapping(path, goal, GOAL_KEYS):
            continue
        key = goal.get("goal")
        if key is None:
            check.add(f"{path}.goal", "required")
        else:
            check.choice(f"{path}.goal", key, "goals", "goal_unknown")
            if isinstance(key, str) and key in seen:
                check.add(f"{path}.goal", "goal_duplicate", value=key)
            seen.add(key if isinstance(key, str) else "")
        if "priority" in goal:
            check.priority(f"{path}.priority", goal["priority"])
        if goal.get("markets") is not None:
            check.regions(f"{path}.markets", goal["markets"])


def _readiness(check: _Check, value: Any) -> None:
    if not check.mapping("readiness", value, READINESS_KEYS):
        return
    if value.get("hours_per_month") is not None:
        check.integer(
            "readiness.hours_per_month",
            value["hours_per_month"],
            0,
            profile_data.MAX_HOURS_PER_MONTH,
        )
    for key, limit in READINESS_TEXT.items():
        if value.get(key) is not None:
            check.text(f"readiness.{key}", value[key], limit)
    for key in READINESS_EMAIL:
        email = value.get(key)
        if (
            email is not None
            and check.text(f"readiness.{key}", email, 254)
            and email
            and not _EMAIL.fullmatch(email)
        ):
            check.add(f"readiness.{key}", "email_invalid", value=email[:80])


def _section_visibility(check: _Check, value: Any) -> None:
    if not check.mapping("section_visibility", value, None):
        return
    for key, level in value.items():
        path = f"section_visibility.{key}"
        if key not in visibility.GROUP_KEYS:
            check.add(path, "section_unknown", value=key,
                      allowed=", ".join(visibility.GROUP_KEYS))  # fmt: skip
        elif level not in visibility.LEVELS:
            check.add(path, "level_unknown", value=str(level)[:20],
                      allowed=", ".join(visibility.LEVELS))  # fmt: skip


class FileValidator:
    """Validates the records of one file in order; knows the external IDs seen so far."""

    def __init__(self) -> None:
        self.first_line: dict[str, int] = {}

    def check(self, profile: Any, line: int) -> list[Problem]:
        problems = validate_profile(profile, line)
        external_id = profile.get("external_id") if isinstance(profile, dict) else None
        if isinstance(external_id, str) and external_id.strip():
            first = self.first_line.setdefault(external_id, line)
            if first != line:
                problems.append(
                    Problem(
                        line,
                        "external_id",
                        "duplicate_external_id",
                        {"value": external_id, "first_line": first},
                    )
                )
        return problems
