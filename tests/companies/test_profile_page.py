"""The company page speaks the reader's language: catalogue labels, NACE labels, region and
country names, and each goal's priority; never the stored keys and codes alone."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import World
from verbund.companies.services import company_update, goals_replace
from verbund.lib import geo


@pytest.fixture
def customers(world: World) -> World:
    company_update(
        company=world.member_company,
        customer_sectors=["10", "22", "C"],
        customer_sizes=["medium", "large"],
        customer_regions=["DE-NW", "DE-NI", "NL-OV", "NL"],
    )
    goals_replace(
        company=world.member_company,
        goals=[
            {"goal": "new_markets", "priority": 1, "markets": ["NL-OV", "BE"]},
            {"goal": "referral_business", "priority": 3},
        ],
    )
    return world


def _page(world: World, persona: str, company) -> str:
    response = world.client_for(persona).get(reverse("companies:detail", args=[company.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_german_reader_sees_labels_and_names(customers: World):
    page = _page(customers, "member", customers.member_company)  # member reads German
    assert "Mittlere Unternehmen, Großunternehmen" in page
    assert "medium, large" not in page
    assert "<code>10</code> Herstellung von Nahrungs- und Futtermitteln" in page
    assert "<code>C</code> Verarbeitendes Gewerbe/Herstellung von Waren" in page
    assert "Nordrhein-Westfalen, Niedersachsen, Overijssel, Niederlande" in page
    assert '<dd data-testid="region">Nordrhein-Westfalen</dd>' in page
    assert "(Overijssel, Belgien)" in page  # target markets
    assert "Priorität: hoch" in page
    assert "Priorität: niedrig" in page


def test_dutch_reader_sees_labels_and_names(customers: World):
    page = _page(customers, "other_company", customers.member_company)  # reads Dutch
    assert "Middelgrote bedrijven, Grote bedrijven" in page
    assert "<code>10</code> Vervaardiging van voedingsmiddelen" in page
    assert "<code>22</code> Vervaardiging van producten van rubber of kunststof" in page
    assert "Noordrijn-Westfalen, Nedersaksen, Overijssel, Nederland" in page
    assert "Prioriteit: hoog" in page
    assert "Prioriteit: laag" in page


def test_anonymous_company_header_names_region_and_country(world: World):
    page = _page(world, "other_company", world.anonymous_company)  # Coesfeld, hidden city
    assert "Noordrijn-Westfalen · Duitsland" in page
    assert "DE-NW" not in page


def test_unknown_codes_are_shown_as_stored(world: World):
    assert geo.area_name("XX-9", "de") == "XX-9"
    assert geo.area_name("de-nw", "nl") == "Noordrijn-Westfalen"
    assert geo.area_name("NL", "fr") == "Netherlands"  # no French names: English


def test_every_gazetteer_region_has_a_name_in_each_language():
    regions = {place_region for place_region in geo._region_names()}
    gazetteer = {row[5] for row in geo._rows()}
    assert gazetteer == regions
    for code in regions:
        names = geo._region_names()[code]
        assert all(names[lang].strip() for lang in geo.REGION_LANGUAGES), code
