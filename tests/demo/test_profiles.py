"""The demo profile generator: deterministic, realistic, and valid per profile-format.md."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from verbund.demo.archetypes import archetypes
from verbund.demo.places import AREA_REGIONS, TOWNS
from verbund.demo.profiles import generate_profiles
from verbund.lib import geo, nace

# The key table of docs profile-format.md and the catalogues of domain.md.
TOP_LEVEL_KEYS = {
    "external_id", "name", "legal_form", "registry_id", "website", "country", "postcode", "city",
    "lat", "lon", "languages", "employees", "revenue_band", "founded", "nace", "description",
    "offers", "needs", "customers", "strengths", "goals", "forms", "visibility",
}  # fmt: skip
REQUIRED_KEYS = {"external_id", "name", "country"}
OFFER_KEYS = {"title", "description", "nace", "keywords"}
NEED_KEYS = OFFER_KEYS | {"priority"}
CUSTOMER_KEYS = {"sectors", "types", "sizes", "regions", "count"}
REVENUE_BANDS = {"lt_250k", "250k_1m", "1m_2m", "2m_10m", "10m_50m", "gt_50m"}
SIZES = {"micro", "small", "medium", "large"}
DIMENSIONS = {
    "sales", "marketing", "production_capacity", "technical_know_how", "international",
    "financing", "digital", "skilled_staff", "quality_management", "customer_service",
}  # fmt: skip
GOALS = {
    "new_markets", "expand_customer_base", "broaden_portfolio", "reduce_costs",
    "know_how_exchange", "referral_business", "joint_marketing", "pool_resources",
    "overcome_entry_barriers", "share_risk",
}  # fmt: skip
FORMS = {
    "referral_partnership", "marketing_alliance", "project_group", "joint_venture", "outsourcing",
    "franchise", "distribution", "supplier_partnership", "development_partnership",
    "trusted_advisory", "cross_border_partnership",
}  # fmt: skip
VISIBILITIES = {"network", "anonymous", "private"}
LEGAL_FORMS = {
    "DE": {"GmbH", "GmbH & Co. KG", "e.K."},
    "NL": {"B.V.", "V.O.F.", "eenmanszaak"},
}
# A sole proprietorship has no suffix; "... Steuerberatungsgesellschaft mbH" is a GmbH.
NAME_SUFFIXES = {
    "GmbH": (" GmbH", "gesellschaft mbH"),
    "GmbH & Co. KG": (" GmbH & Co. KG",),
    "e.K.": (" e.K.",),
    "B.V.": (" B.V.",),
    "V.O.F.": (" V.O.F.",),
    "eenmanszaak": ("",),
}
PROGRAMME_REGIONS = {"DE": {"DE-NW", "DE-NI"}, "NL": {"NL-OV", "NL-GE"}}
REGION_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")

GERMAN_WORDS = {"und", "der", "die", "das", "für", "mit", "wir", "von", "den", "auf", "unsere",
                "aus", "bei", "zu", "ist", "im"}  # fmt: skip
DUTCH_WORDS = {"en", "het", "van", "voor", "met", "wij", "een", "onze", "ook", "bij", "naar",
               "op", "uit", "tot"}  # fmt: skip


@pytest.fixture(scope="module")
def profiles() -> list[dict]:
    return generate_profiles()


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zäöüßéë]+", text.lower())


def _all_nace(profile: dict) -> list[str]:
    codes = list(profile["nace"]) + list(profile["customers"]["sectors"])
    for entry in profile["offers"] + profile["needs"]:
        codes += entry["nace"]
    return codes


def test_the_same_seed_gives_identical_profiles(profiles):
    assert generate_profiles(seed=2026, count=300) == profiles


def test_another_seed_gives_another_network(profiles):
    assert generate_profiles(seed=7) != profiles


def test_there_are_three_hundred_profiles_with_unique_ids_names_and_websites(profiles):
    assert len(profiles) == 300
    for key in ("external_id", "name", "website", "registry_id"):
        values = [p[key] for p in profiles]
        assert len(set(values)) == len(values), key


def test_sixty_percent_are_german_and_forty_percent_dutch(profiles):
    countries = Counter(p["country"] for p in profiles)
    assert countries == {"DE": 180, "NL": 120}


def test_german_companies_are_in_muensterland_and_osnabrueck_dutch_in_twente_and_achterhoek(
    profiles,
):
    regions = Counter(geo.resolve(p["city"], p["country"]).region for p in profiles)
    assert set(regions) == {"DE-NW", "DE-NI", "NL-OV", "NL-GE"}
    assert regions["DE-NI"] == 60  # Osnabrück city and district: a third of the German side


def test_every_demo_town_resolves_to_its_region_in_the_gazetteer():
    for town in TOWNS:
        place = geo.resolve(town.city, town.country)
        assert place is not None, town.city
        assert place.region == AREA_REGIONS[town.area], town.city


def test_every_company_sits_in_its_town(profiles):
    for p in profiles:
        place = geo.resolve(p["city"], p["country"], p["postcode"])
        assert place is not None, p["city"]
        assert place.region in PROGRAMME_REGIONS[p["country"]], p["city"]
        assert geo.haversine_km(p["lat"], p["lon"], place.lat, place.lon) < 3, p["external_id"]


def test_postcodes_have_the_national_format(profiles):
    for p in profiles:
        pattern = r"^\d{5}$" if p["country"] == "DE" else r"^\d{4} [A-Z]{2}$"
        assert re.match(pattern, p["postcode"]), p["postcode"]


def test_every_nace_code_is_valid(profiles):
    for p in profiles:
        for code in _all_nace(p):
            assert nace.is_valid(code), (p["external_id"], code)


def test_customer_types_sum_to_one(profiles):
    for p in profiles:
        types = p["customers"]["types"]
        assert set(types) == {"b2b", "b2c", "b2g"}
        assert all(0 <= share <= 1 for share in types.values())
        assert abs(sum(types.values()) - 1) <= 0.01, p["external_id"]


def test_every_key_and_value_is_allowed_by_the_profile_format(profiles):
    for p in profiles:
        where = p["external_id"]
        assert REQUIRED_KEYS <= set(p) <= TOP_LEVEL_KEYS, where
        assert 1 <= len(p["name"]) <= 200
        assert p["legal_form"] in LEGAL_FORMS[p["country"]], where
        assert p["name"].endswith(NAME_SUFFIXES[p["legal_form"]]), where
        assert re.match(r"^https://[a-z0-9-]+\.example$", p["website"]), where
        assert all(re.match(r"^[a-z]{2}$", lang) for lang in p["languages"]), where
        assert isinstance(p["employees"], int) and p["employees"] >= 0
        assert p["revenue_band"] in REVENUE_BANDS
        assert 1800 <= p["founded"] <= 2025
        assert p["visibility"] in VISIBILITIES
        for offer in p["offers"]:
            assert set(offer) <= OFFER_KEYS and offer["title"], where
        for need in p["needs"]:
            assert set(need) <= NEED_KEYS and need["title"], where
            assert need["priority"] in (1, 2, 3), where
        customers = p["customers"]
        assert set(customers) <= CUSTOMER_KEYS, where
        assert set(customers["sizes"]) <= SIZES, where
        assert all(REGION_CODE.match(r) for r in customers["regions"]), where
        assert customers["count"] >= 0
        assert set(p["strengths"]) <= DIMENSIONS, where
        assert all(1 <= score <= 5 for score in p["strengths"].values()), where
        for goal in p["goals"]:
            assert set(goal) <= {"goal", "priority", "markets"}, where
            assert goal["goal"] in GOALS, where
            assert all(REGION_CODE.match(m) for m in goal.get("markets", [])), where
        assert p["forms"] and set(p["forms"]) <= FORMS, where


def test_registry_ids_follow_the_national_registers(profiles):
    for p in profiles:
        if p["country"] == "NL":
            assert re.match(r"^KvK \d{8}$", p["registry_id"]), p["registry_id"]
        else:
            section = "HRB" if p["legal_form"] == "GmbH" else "HRA"
            assert re.match(rf"^{section} \d+ [A-ZÄÖÜ][a-zäöü]+$", p["registry_id"])


def test_german_companies_write_german_and_dutch_companies_write_dutch(profiles):
    for p in profiles:
        texts = [p["description"]] + [
            f"{e['title']} {e['description']}" for e in p["offers"] + p["needs"]
        ]
        words = _words(" ".join(texts))
        german = sum(w in GERMAN_WORDS for w in words)
        dutch = sum(w in DUTCH_WORDS for w in words)
        if p["country"] == "DE":
            assert german > dutch, (p["external_id"], p["description"])
        else:
            assert dutch > german, (p["external_id"], p["description"])


def test_most_companies_are_visible_a_few_anonymous_and_a_couple_private(profiles):
    visibility = Counter(p["visibility"] for p in profiles)
    assert visibility["network"] >= 270
    assert 5 <= visibility["anonymous"] <= 20
    assert 1 <= visibility["private"] <= 5


def test_about_thirty_archetypes_all_appear_on_both_sides_of_the_border(profiles):
    kinds = archetypes()
    assert 28 <= len(kinds) <= 35
    # external_id is "<country>-<archetype>-<serial>", e.g. "de-machine-building-01".
    seen = {(p["external_id"][3:].rsplit("-", 1)[0], p["country"]) for p in profiles}
    for kind in kinds:
        assert (kind.key, "DE") in seen and (kind.key, "NL") in seen, kind.key


def test_every_need_is_answered_by_another_archetypes_offer():
    offered: dict[str, set[str]] = {}
    for kind in archetypes():
        for code in kind.nace:
            offered.setdefault(code, set()).add(kind.key)
    for kind in archetypes():
        for texts in (kind.de, kind.nl):
            for need in texts.needs:
                providers = set().union(*(offered.get(code, set()) for code in need.nace))
                assert providers - {kind.key}, (kind.key, need.title)


def test_archetype_codes_are_valid_nace():
    for kind in archetypes():
        assert kind.nace and all(nace.is_valid(code) for code in kind.nace), kind.key
        assert len(kind.de.needs) >= 2 and len(kind.nl.needs) >= 2, kind.key
        assert len(kind.de.offers) == len(kind.nl.offers), kind.key


def test_a_small_network_can_be_generated_too():
    small = generate_profiles(seed=1, count=20)
    assert len(small) == 20
    assert Counter(p["country"] for p in small) == {"DE": 12, "NL": 8}
