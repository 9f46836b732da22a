"""A company profile as plain data: the interchange format, the model fields, derived values.

The JSON Lines format (shared/design/profile-format.md, with the optional extensions in
docs/decisions/0003-profile-format-extensions.md) is the one shape in which profiles travel:
imports, exports, the demo, the API. This module maps it to model field values and computes what
is derived from a profile (search text, facet tokens, completeness). Pure Python, no Django.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from verbund.companies import completeness, visibility
from verbund.lib import nace

# Plain company fields: profile key -> model field.
SCALAR_KEYS = {
    "name": "name",
    "legal_form": "legal_form",
    "registry_id": "registry_id",
    "website": "website",
    "country": "country",
    "postcode": "postcode",
    "city": "city",
    "lat": "lat",
    "lon": "lon",
    "languages": "languages",
    "employees": "employees",
    "revenue_band": "revenue_band",
    "founded": "founded",
    "nace": "nace_codes",
    "description": "description",
    "visibility": "visibility",
    "forms": "forms",
}
CUSTOMER_KEYS = {
    "sectors": "customer_sectors",
    "types": "customer_types",
    "sizes": "customer_sizes",
    "regions": "customer_regions",
    "count": "customer_count",
}
READINESS_KEYS = {
    "hours_per_month": "partnering_hours_per_month",
    "sponsor": "sponsor_name",
    "sponsor_email": "sponsor_email",
    "contact": "contact_name",
    "contact_email": "contact_email",
}
# Bounds of the profile's whole numbers, the same in the stock-taking forms and the import
# (docs/import-format.md, "Limits"). Generous for a small company yet far below what a database
# column holds, so a slip of the keyboard is caught with a message that names the field instead
# of the column's limit (9223372036854775807 on SQLite) or a database error.
MAX_EMPLOYEES = 1_000_000
MAX_CUSTOMER_COUNT = 100_000_000  # a consumer business may count millions of customers
MAX_HOURS_PER_MONTH = 744  # 31 days of 24 hours
EARLIEST_FOUNDED = 1000

# Model defaults for "not stated".
EMPTY: dict[str, Any] = {
    "legal_form": "", "registry_id": "", "website": "", "postcode": "", "city": "",
    "lat": None, "lon": None, "languages": [], "employees": None, "revenue_band": "",
    "founded": None, "nace_codes": [], "description": "", "visibility": "network", "forms": [],
    "customer_sectors": [], "customer_types": None, "customer_sizes": [], "customer_regions": [],
    "customer_count": None, "partnering_hours_per_month": None, "sponsor_name": "",
    "sponsor_email": "", "contact_name": "", "contact_email": "", "field_visibility": {},
}  # fmt: skip


@dataclass
class ProfileRecord:
    """One company's profile split into what goes where."""

    external_id: str
    fields: dict[str, Any]
    offers: list[dict[str, Any]] = field(default_factory=list)
    needs: list[dict[str, Any]] = field(default_factory=list)
    goals: list[dict[str, Any]] = field(default_factory=list)
    scores: dict[str, int] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def _item(raw: Mapping[str, Any], *, need: bool) -> dict[str, Any]:
    item = {
        "title": raw["title"].strip(),
        "description": (raw.get("description") or "").strip(),
        "nace_codes": [nace.normalize(code) or code for code in raw.get("nace") or []],
        "keywords": [str(k).strip() for k in raw.get("keywords") or [] if str(k).strip()],
    }
    if need:
        item["priority"] = int(raw.get("priority", 2))
    return item


def record_from_profile(profile: Mapping[str, Any]) -> ProfileRecord:
    """Split a validated profile (see ``imports.validation``) into model-shaped parts."""
    fields = dict(EMPTY)
    for key, model_field in SCALAR_KEYS.items():
        if key in profile and profile[key] is not None:
            fields[model_field] = profile[key]
    fields["country"] = str(profile["country"]).upper()
    fields["nace_codes"] = [nace.normalize(code) or code for code in fields["nace_codes"]]
    for key, model_field in CUSTOMER_KEYS.items():
        value = (profile.get("customers") or {}).get(key)
        if value is not None:
            fields[model_field] = value
    for key, model_field in READINESS_KEYS.items():
        value = (profile.get("readiness") or {}).get(key)
        if value is not None:
            fields[model_field] = value
    fields["field_visibility"] = visibility.clean_field_visibility(
        profile.get("section_visibility") or {}
    )
    return ProfileRecord(
        external_id=str(profile["external_id"]),
        fields=fields,
        offers=[_item(raw, need=False) for raw in profile.get("offers") or []],
        needs=[_item(raw, need=True) for raw in profile.get("needs") or []],
        goals=[
            {
                "goal": g["goal"],
                "priority": int(g.get("priority", 2)),
                "markets": list(g.get("markets") or []),
            }
            for g in profile.get("goals") or []
        ],
        scores={k: int(v) for k, v in (profile.get("strengths") or {}).items()},
        notes={k: str(v) for k, v in (profile.get("strength_notes") or {}).items() if v},
    )


def profile_from_parts(
    external_id: str,
    fields: Mapping[str, Any],
    offers: Sequence[Mapping[str, Any]],
    needs: Sequence[Mapping[str, Any]],
    goals: Sequence[Mapping[str, Any]],
    scores: Mapping[str, int],
    notes: Mapping[str, str],
) -> dict[str, Any]:
    """The interchange form of a stored profile; keys that are "not stated" are left out."""
    profile: dict[str, Any] = {"external_id": external_id}
    for key, model_field in SCALAR_KEYS.items():
        value = fields.get(model_field)
        if key in ("name", "country") or value not in (None, "", [], {}):
            profile[key] = value
    customers = {
        k: fields[f] for k, f in CUSTOMER_KEYS.items() if fields.get(f) not in (None, "", [], {})
    }
    if customers:
        profile["customers"] = customers
    readiness = {
        k: fields[f] for k, f in READINESS_KEYS.items() if fields.get(f) not in (None, "", [], {})
    }
    if readiness:
        profile["readiness"] = readiness

    def item(raw: Mapping[str, Any], need: bool) -> dict[str, Any]:
        out: dict[str, Any] = {"title": raw["title"]}
        if raw.get("description"):
            out["description"] = raw["description"]
        if raw.get("nace_codes"):
            out["nace"] = list(raw["nace_codes"])
        if raw.get("keywords"):
            out["keywords"] = list(raw["keywords"])
        if need:
            out["priority"] = raw.get("priority", 2)
        return out

    if offers:
        profile["offers"] = [item(o, False) for o in offers]
    if needs:
        profile["needs"] = [item(n, True) for n in needs]
    if scores:
        profile["strengths"] = dict(scores)
    if notes:
        profile["strength_notes"] = dict(notes)
    if goals:
        profile["goals"] = [
            {
                "goal": g["goal"],
                "priority": g["priority"],
                **({"markets": g["markets"]} if g.get("markets") else {}),
            }
            for g in goals
        ]
    if fields.get("field_visibility"):
        profile["section_visibility"] = dict(fields["field_visibility"])
    return profile


# --- derived values -------------------------------------------------------------------------


class _StripAccents(dict):
    """A ``str.translate`` table that maps each accented character to its base letters, built
    lazily per character: translate() is C-speed, unlike a per-character Python loop."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        decomposed = unicodedata.normalize("NFKD", char)
        base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        self[code] = base
        return base


_STRIP_ACCENTS = _StripAccents({ord("ß"): "ss", ord("ẞ"): "SS"})


def fold(text: str) -> str:
    """Lower case without accents ('Münster' -> 'munster'), for accent-blind search."""
    if not text.isascii():  # ASCII has no accents; isascii() is a flag lookup
        text = text.translate(_STRIP_ACCENTS)
    # split() and the regular expression \s agree on what is white space; split is C-speed.
    return " ".join(text.lower().split())


def nace_tokens(codes: Iterable[str]) -> set[str]:
    """Each code with all its ancestors, so a search for '25' finds '25.62'."""
    tokens: set[str] = set()
    for code in codes:
        entry = nace.get(code)
        if entry is None:
            continue
        tokens.add(entry.code)
        tokens.update(ancestor.code for ancestor in nace.ancestors(entry.code))
    return tokens


_GENERIC_NAME_WORDS = {
    "gmbh", "co", "kg", "bv", "b.v.", "ag", "ug", "ek", "e.k.", "vof", "v.o.f.", "und", "en",
    "and", "the", "der", "die", "das", "van", "den", "het", "mbh", "kgaa",
}  # fmt: skip


def name_words(name: str) -> set[str]:
    """Distinctive words of a company name (as written and folded), to scrub from the texts of
    an anonymous profile."""
    words: set[str] = set()
    for variant in (name.lower(), fold(name)):
        for word in re.split(r"[\s,&()/+-]+", variant):
            if len(word) >= 3 and word not in _GENERIC_NAME_WORDS:
                words.add(word)
    return words


def scrub(text: str, words: set[str]) -> str:
    """Replace the company's own name words in free text with an ellipsis."""
    if not words or not text:
        return text
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    return pattern.sub("…", text)


# Company columns computed from the profile; the services and the bulk import write all of them.
DERIVED_FIELDS = ("search_text", "facets", "completeness", "sort_key", "public_employees")
# Anonymous companies sort after every named one, among themselves by id, so that the order never
# hints at a hidden name ("~" sorts after letters and digits).
ANONYMOUS_SORT_KEY = "~"
UNKNOWN_EMPLOYEES = -1


@dataclass(frozen=True)
class Derived:
    search_text: str
    facets: str
    completeness: int
    sort_key: str
    public_employees: int  # employees if fellow members may see the size section, else -1


def derive(
    fields: Mapping[str, Any],
    offers: Sequence[Mapping[str, Any]],
    needs: Sequence[Mapping[str, Any]],
    goals: Sequence[Mapping[str, Any]],
    scores: Mapping[str, int],
) -> Derived:
    """Search text and facets hold only what fellow network members may see."""
    groups = visibility.visible_groups(fields.get("field_visibility"), insider=False, partner=False)
    anonymous = fields.get("visibility") == "anonymous"
    parts: list[str] = [fields.get("description") or ""]
    if not anonymous:
        parts += [fields.get("name") or "", fields.get("city") or ""]
    for group, items in (("offers", offers), ("needs", needs)):
        if group in groups:
            for item in items:
                parts += [item.get("title") or "", item.get("description") or ""]
                parts += list(item.get("keywords") or [])
    text = fold(" ".join(p for p in parts if p))
    if anonymous:
        text = scrub(text, name_words(fields.get("name") or ""))
    codes = list(fields.get("nace_codes") or [])
    if "offers" in groups:
        for item in offers:
            codes += list(item.get("nace_codes") or [])
    tokens = {f"n:{code}" for code in nace_tokens(codes)}
    if "goals" in groups:
        tokens |= {f"f:{form}" for form in fields.get("forms") or []}
        tokens |= {f"g:{goal['goal']}" for goal in goals}
    facets = " " + " ".join(sorted(tokens)) + " " if tokens else ""
    done = completeness.assess(fields, offers, needs, goals, scores)
    sort_key = ANONYMOUS_SORT_KEY if anonymous else fold(fields.get("name") or "")[:200]
    return Derived(
        search_text=text,
        facets=facets,
        completeness=done.percent,
        sort_key=sort_key,
        public_employees=(
            fields["employees"]
            if "size" in groups and fields.get("employees") is not None
            else UNKNOWN_EMPLOYEES
        ),
    )
