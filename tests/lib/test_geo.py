"""The offline gazetteer (verbund.lib.geo)."""

from __future__ import annotations

import csv
import gzip
from collections import Counter

import pytest

from verbund.lib import geo

COUNTRIES = {"DE", "NL", "BE", "LU", "AT", "CH", "FR", "DK", "PL"}


@pytest.mark.parametrize(
    ("city", "country", "region"),
    [
        ("Münster", "DE", "DE-NW"),
        ("Osnabrück", "DE", "DE-NI"),
        ("Enschede", "NL", "NL-OV"),
        ("Hengelo", "NL", "NL-OV"),
        ("Almelo", "NL", "NL-OV"),
        ("Winterswijk", "NL", "NL-GE"),
        ("Doetinchem", "NL", "NL-GE"),
        ("Borken", "DE", "DE-NW"),
        ("Gronau (Westf.)", "DE", "DE-NW"),
        ("Rheine", "DE", "DE-NW"),
        ("Coesfeld", "DE", "DE-NW"),
        ("Bocholt", "DE", "DE-NW"),
        ("Nordhorn", "DE", "DE-NI"),
        ("Lingen", "DE", "DE-NI"),
        ("Lingen (Ems)", "DE", "DE-NI"),
        ("Oldenzaal", "NL", "NL-OV"),
        ("Haaksbergen", "NL", "NL-OV"),
        ("Aalten", "NL", "NL-GE"),
        ("Groenlo", "NL", "NL-GE"),
        ("Lichtenvoorde", "NL", "NL-GE"),
    ],
)
def test_places_of_the_euregio_resolve_to_their_iso_region(
    city: str, country: str, region: str
) -> None:
    place = geo.resolve(city, country)
    assert place is not None, city
    assert place.country == country
    assert place.region == region
    assert place.population > 5000  # the town, not a namesake hamlet


@pytest.mark.parametrize("spelling", ["Münster", "münster", "MÜNSTER", "Muenster", "Munster"])
def test_resolving_ignores_case_accents_and_umlaut_spelling(spelling: str) -> None:
    place = geo.resolve(spelling, "DE")
    assert place is not None
    assert (place.name, place.region) == ("Münster", "DE-NW")


@pytest.mark.parametrize(
    ("city", "country", "name"),
    [
        ("Münster (Westf.)", "DE", "Münster"),
        ("Osnabrueck", "DE", "Osnabrück"),
        ("Den Haag", "NL", "The Hague"),
        ("'s-Gravenhage", "NL", "The Hague"),
        ("Den Bosch", "NL", "'s-Hertogenbosch"),
        ("Brussel", "BE", "Brussels"),
        ("Lodz", "PL", "Łódź"),
        ("Wien", "AT", "Vienna"),
        ("Frankfurt", "DE", "Frankfurt am Main"),
        ("Frankfurt (Oder)", "DE", "Frankfurt (Oder)"),
        ("Halle", "DE", "Halle (Saale)"),
        ("Esch", "LU", "Esch-sur-Alzette"),
    ],
)
def test_alternate_names_and_qualifiers_are_understood(city: str, country: str, name: str) -> None:
    place = geo.resolve(city, country)
    assert place is not None and place.name == name


def test_a_qualifier_picks_the_smaller_namesake() -> None:
    gelderland = geo.resolve("Hengelo (Gld)", "NL")
    westphalia = geo.resolve("Halle (Westf.)", "DE")
    assert gelderland is not None and gelderland.region == "NL-GE"
    assert westphalia is not None and westphalia.region == "DE-NW"


def test_namesakes_are_decided_by_population() -> None:
    borken = geo.resolve("Borken", "DE")
    assert borken is not None and borken.region == "DE-NW"  # not Borken (Hessen)


def test_the_country_restricts_the_search_and_none_searches_all_nine() -> None:
    assert geo.resolve("Enschede", "DE") is None
    assert geo.resolve("Warschau", None).country == "PL"  # type: ignore[union-attr]
    assert geo.resolve("Enschede", "nl") is not None
    assert geo.resolve("Paris", "US") is None


def test_unknown_or_empty_names_resolve_to_none() -> None:
    assert geo.resolve("Xyzzyville", "DE") is None
    assert geo.resolve("", "DE") is None
    assert geo.resolve("   ", None) is None


def test_the_postcode_is_accepted() -> None:
    place = geo.resolve("Münster", "DE", postcode="48143")
    assert place is not None and place.region == "DE-NW"


def test_a_place_is_a_frozen_value() -> None:
    place = geo.resolve("Enschede", "NL")
    assert place is not None
    assert isinstance(place.lat, float) and isinstance(place.geonameid, int)
    with pytest.raises(AttributeError):
        place.name = "x"  # type: ignore[misc]
    assert place == geo.resolve("enschede", "NL")


def test_haversine_gives_the_straight_line_distance_from_muenster_to_enschede() -> None:
    muenster = geo.resolve("Münster", "DE")
    enschede = geo.resolve("Enschede", "NL")
    assert muenster is not None and enschede is not None
    # About 57 km as the crow flies (the road is about 65 km).
    distance = geo.haversine_km(muenster.lat, muenster.lon, enschede.lat, enschede.lon)
    assert distance == pytest.approx(57.4, abs=1.0)
    assert geo.distance_km(muenster, enschede) == distance


def test_haversine_is_zero_for_the_same_point_and_symmetric() -> None:
    assert geo.haversine_km(52.0, 7.0, 52.0, 7.0) == 0.0
    assert geo.haversine_km(52.0, 7.0, 48.0, 2.0) == geo.haversine_km(48.0, 2.0, 52.0, 7.0)
    # A quarter of a meridian is about 10,008 km.
    assert geo.haversine_km(0.0, 0.0, 90.0, 0.0) == pytest.approx(10_008, rel=0.001)


def test_search_completes_prefixes_largest_first() -> None:
    found = geo.search("Müns")
    assert found[0].name == "Münster" and found[0].region == "DE-NW"
    assert geo.search("muens", "DE")[0].name == "Münster"
    assert len(geo.search("B", limit=5)) == 5


def test_search_lists_own_names_before_alternate_names_and_filters_by_country() -> None:
    assert geo.search("Warsch")[0].name == "Warsaw"
    enschede = geo.search("ensch", "NL")
    assert enschede[0].name == "Enschede"
    assert {p.country for p in enschede} == {"NL"}
    assert geo.search("", "NL") == []


def test_every_row_of_the_nine_countries_has_an_iso_region() -> None:
    with gzip.open(geo.DATA_FILE, "rt", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == [
        "geonameid",
        "name",
        "ascii",
        "alt_names",
        "country",
        "region",
        "lat",
        "lon",
        "population",
    ]
    assert len(rows) > 40_000
    assert {row["country"] for row in rows} == COUNTRIES
    for row in rows:
        assert row["region"].startswith(row["country"] + "-"), row
        assert row["ascii"].isascii()
    per_country = Counter(row["region"].split("-")[0] for row in rows)
    assert per_country["DE"] > 10_000 and per_country["LU"] > 100
    regions = {row["region"] for row in rows}
    assert len([r for r in regions if r.startswith("DE-")]) == 16
    assert len([r for r in regions if r.startswith("NL-")]) == 12
    assert len([r for r in regions if r.startswith("PL-")]) == 16


def test_the_data_file_stays_small() -> None:
    assert geo.DATA_FILE.stat().st_size < 3 * 1024 * 1024


def test_a_country_is_loaded_once_and_then_served_from_memory() -> None:
    # How fast loading is belongs in `make bench`; here only that it happens once.
    geo._rows.cache_clear()
    geo._index.cache_clear()
    geo.resolve("Münster", "DE")
    geo.resolve("Osnabrück", "DE")
    assert geo._index.cache_info().misses == 1
