"""Offline places: resolve a city to coordinates and its ISO 3166-2 region, distances, autocomplete.

The gazetteer ``verbund/data/gazetteer.csv.gz`` holds every GeoNames place with 500 or more
inhabitants in DE, NL, BE, LU, AT, CH, FR, DK and PL (built by ``scripts/build_gazetteer.py``;
GeoNames, CC BY 4.0, see ``verbund/data/SOURCES.md``).

Pure Python, no Django: used by the profile services, the importers and the matching engine.
Loading is lazy and happens once per process.
"""

from __future__ import annotations

import bisect
import csv
import functools
import gzip
import io
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer.csv.gz"
# Names of the gazetteer's regions (ISO 3166-2) in de, nl and en; see verbund/data/SOURCES.md.
REGIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "regions.csv"
REGION_LANGUAGES = ("de", "nl", "en")
COUNTRIES = ("DE", "NL", "BE", "LU", "AT", "CH", "FR", "DK", "PL")
EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)

# Letters that NFKD does not split into base letter + accent.
_SPECIAL = str.maketrans(
    {"ß": "ss", "ẞ": "SS", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE",
     "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "\u0131": "i"}
)  # fmt: skip
# German transliteration, so that 'Muenster' finds 'Münster' (and 'Munster' still does too).
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# What follows the place name proper in official and everyday names: 'Münster (Westf.)',
# 'Frankfurt am Main', 'Halle (Saale)', 'Münstertal/Schwarzwald', 'Alphen aan den Rijn',
# 'Esch-sur-Alzette', 'Gronau, Westfalen'. Cutting it gives the name people say.
_QUALIFIER = re.compile(
    r"\s*(?:[(/,]|\b(?:am|an der|an den|im|in der|in|ob der|bei|a\.|i\.|aan de|aan den|aan|"
    r"op|bij|upon|on)\s|-sur-|\ssur\s|-en-|-lès-|-les-).*$",
    re.IGNORECASE,
)

# How a name matched, best first. Official and GeoNames alternate names are equals (population
# decides: 'Halle' is Halle (Saale), whose alternate name it is, not the small Halle (Westf.));
# the official name cut before its qualifier ('Frankfurt' for 'Frankfurt (Oder)') comes after.
_NAME, _BASE = 0, 1
_HAS_UMLAUT = re.compile("[äöüÄÖÜ]")


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO 3166-1 alpha-2
    region: str  # ISO 3166-2 subdivision, e.g. 'DE-NW', 'NL-OV'
    lat: float
    lon: float
    population: int
    geonameid: int


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def _key(text: str) -> str:
    return _NON_ALNUM.sub(" ", _ascii(text).lower()).strip()


def _keys(text: str) -> set[str]:
    """Lookup keys of a name: accents dropped, and German umlauts also as ae/oe/ue."""
    keys = {_key(text)}
    if _HAS_UMLAUT.search(text):
        keys.add(_key(text.translate(_UMLAUTS)))
    keys.discard("")
    return keys


def _base(text: str) -> str:
    return _QUALIFIER.sub("", text).strip()


# Columns of the data file (see scripts/build_gazetteer.py).
_ID, _NAME_COL, _ASCII, _ALTERNATES, _COUNTRY, _REGION, _LAT, _LON, _POPULATION = range(9)


def _ascii_key(text: str) -> str:
    """_key() for text known to be ASCII: skips the Unicode work, the slow part of loading."""
    return _NON_ALNUM.sub(" ", text.lower()).strip()


@functools.cache
def _rows() -> tuple[list[str], ...]:
    """The raw rows, as strings; Place objects are made only for results (fast loading)."""
    with gzip.open(DATA_FILE, "rb") as raw:
        reader = csv.reader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
        next(reader)  # header
        return tuple(reader)


@functools.cache
def _country_slices() -> dict[str, range]:
    """Row ranges per country (the file is sorted by country), so indexes are built per country."""
    slices: dict[str, range] = {}
    rows = _rows()
    start = 0
    for position in range(1, len(rows) + 1):
        if position == len(rows) or rows[position][_COUNTRY] != rows[start][_COUNTRY]:
            slices[rows[start][_COUNTRY]] = range(start, position)
            start = position
    return slices


@dataclass(frozen=True)
class _CountryIndex:
    # key -> [(rank, row index)]
    lookup: dict[str, list[tuple[int, int]]]
    # (key, row index) for prefix search (sorted by _prefix_keys): official and alternate names
    names: list[tuple[str, int]]
    alternates: list[tuple[str, int]]


@functools.cache
def _index(country: str) -> _CountryIndex:
    rows = _rows()
    lookup: dict[str, list[tuple[int, int]]] = {}
    names: list[tuple[str, int]] = []
    alternates: list[tuple[str, int]] = []
    for position in _country_slices().get(country, range(0)):
        row = rows[position]
        name = row[_NAME_COL]
        # The ascii column is the accent-folded name.
        own = {_ascii_key(row[_ASCII])}
        if _HAS_UMLAUT.search(name):
            own.add(_key(name.translate(_UMLAUTS)))
        for key in own:
            lookup.setdefault(key, []).append((_NAME, position))
            names.append((key, position))
        if row[_ALTERNATES]:
            for alternate in row[_ALTERNATES].split("|"):
                keys = {_ascii_key(alternate)} if alternate.isascii() else _keys(alternate)
                for key in keys - own:
                    lookup.setdefault(key, []).append((_NAME, position))
                    alternates.append((key, position))
        if " " in name or "(" in name or "/" in name or "-" in name:
            base = _base(name)
            if base and base != name:
                for key in _keys(base) - own:
                    lookup.setdefault(key, []).append((_BASE, position))
    return _CountryIndex(lookup=lookup, names=names, alternates=alternates)


@functools.cache
def _prefix_keys(country: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Sorted keys for autocompletion, official names and alternate names apart; built lazily."""
    index = _index(country)
    return sorted(index.names), sorted(index.alternates)


def _place(position: int) -> Place:
    row = _rows()[position]
    return Place(
        name=row[_NAME_COL],
        country=row[_COUNTRY],
        region=row[_REGION],
        lat=float(row[_LAT]),
        lon=float(row[_LON]),
        population=int(row[_POPULATION]),
        geonameid=int(row[_ID]),
    )


def _countries(country: str | None) -> list[str]:
    code = (country or "").strip().upper()
    if not code:
        return list(COUNTRIES)
    return [code] if code in COUNTRIES else []


def resolve(city: str, country: str | None, postcode: str | None = None) -> Place | None:
    """The place meant by a city name in a country, or None.

    Case-, accent- and umlaut-insensitive ('Muenster', 'münster', 'MÜNSTER'), knows GeoNames'
    alternate names ('Den Haag', "'s-Gravenhage", 'Hengelo (Gld)', 'Brussel') and cuts
    qualifiers ('Münster (Westf.)', 'Lingen (Ems)'). Among namesakes the largest population wins
    ('Hengelo' is the one in Overijssel); a name that only matches once its qualifier is cut
    ('Frankfurt' for 'Frankfurt (Oder)') comes after real names.
    `country` (ISO alpha-2) may be None to search all nine countries. `postcode` is accepted for
    callers' convenience but not used yet: the gazetteer carries no postcodes.
    """
    del postcode  # no postcode data shipped (see docstring)
    text = (city or "").strip()
    if not text:
        return None
    rows = _rows()
    indexes = [_index(code) for code in _countries(country)]

    def best(keys: set[str], extra_rank: int) -> tuple[int, int, int] | None:
        found = None
        for index in indexes:
            for key in keys:
                for rank, position in index.lookup.get(key, ()):
                    candidate = (rank + extra_rank, -int(rows[position][_POPULATION]), position)
                    if found is None or candidate < found:
                        found = candidate
        return found

    match = best(_keys(text), 0)
    base = _base(text)
    if match is None and base and base != text:
        match = best(_keys(base), 2)  # the qualifier typed is not part of any known name
    return _place(match[2]) if match else None


def search(prefix: str, country: str | None = None, limit: int = 10) -> list[Place]:
    """Places whose name starts with `prefix` (for autocompletion), largest first.

    Places that only match by an alternate name ('Warschau' for Warsaw) follow those whose own
    name matches, so the list reads as what was typed.
    """
    keys = _keys(prefix)
    if not keys or limit <= 0:
        return []
    rows = _rows()
    ranked: dict[int, tuple[int, int, str]] = {}
    for code in _countries(country):
        for tier, sorted_keys in enumerate(_prefix_keys(code)):
            for variant in keys:
                start = bisect.bisect_left(sorted_keys, (variant, -1))
                for indexed_key, position in sorted_keys[start:]:
                    if not indexed_key.startswith(variant):
                        break
                    row = rows[position]
                    entry = (tier, -int(row[_POPULATION]), row[_NAME_COL])
                    ranked[position] = min(ranked.get(position, entry), entry)
    best = sorted(ranked, key=ranked.__getitem__)[:limit]
    return [_place(position) for position in best]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (spherical Earth: good to about 0.5 %)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_km(a: Place, b: Place) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


# --- names of regions and countries ---------------------------------------------------------


def _short_language(language: str) -> str:
    """'de-AT', 'nl_BE' -> 'de', 'nl'; languages without region names fall back to English."""
    short = (language or "").replace("_", "-").split("-")[0].lower()
    return short if short in REGION_LANGUAGES else "en"


@functools.cache
def _region_names() -> dict[str, dict[str, str]]:
    with REGIONS_FILE.open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: {lang: row[f"label_{lang}"] for lang in REGION_LANGUAGES}
            for row in csv.DictReader(handle)
        }


def region_codes() -> list[str]:
    """Every region that has a name, in file order."""
    return list(_region_names())


@functools.cache
def _country_names(language: str) -> dict[str, str]:
    return dict(Locale.parse(language).territories)


def area_name(code: str, language: str) -> str:
    """The name of a country ('NL') or region ('DE-NW') in the reader's language; the code itself
    when it has no name (regions outside the gazetteer's countries, typing slips kept as data)."""
    lang = _short_language(language)
    key = (code or "").strip().upper()
    if "-" in key:
        names = _region_names().get(key)
        return names[lang] if names else code
    return _country_names(lang).get(key, code)
