"""The network directory: search, filters, sorting, paging and what each reader may see."""

from __future__ import annotations

import html

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import World
from verbund.companies.services import (
    company_create,
    company_member_set,
    company_update,
    goals_replace,
    offers_replace,
)
from verbund.lib import geo, nace

URL = reverse("companies:directory", args=["alpha"])
API = "/api/v1/networks/alpha/companies"
ANONYMOUS_SECRETS = ("Geheimagentur", "Hüsing", "H&uuml;sing", "huesing", "Coesfeld", "HRB 7")


def _page(world: World, persona: str, **params) -> str:
    response = world.client_for(persona).get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def _api(world: World, persona: str, **params) -> dict:
    response = Client().get(
        API, params, headers={"Authorization": f"Bearer {world.token_for(persona)}"}
    )
    assert response.status_code == 200, response.content[:300]
    return response.json()


def _names(world: World, persona: str = "member", **params) -> list[str]:
    return [company["name"] for company in _api(world, persona, **params)["results"]]


@pytest.fixture
def directory(world: World) -> World:
    """The world plus companies in Osnabrück and Gronau, with offers, forms and goals."""

    def _alpha(name: str, city: str, **fields):
        return company_create(name=name, country="DE", city=city, network=world.alpha, **fields)

    schulte = world.member_company
    offers_replace(
        company=schulte,
        items=[{"title": "Laserschneiden von Blechen", "description": "Bis 20 mm Stahl"}],
    )
    company_update(company=schulte, forms=["supplier_partnership"])
    goals_replace(company=schulte, goals=[{"goal": "new_markets"}])
    druck = _alpha("Brüggemann Druckhaus GmbH", "Osnabrück", nace_codes=["18.12"], employees=40)
    offers_replace(company=druck, items=[{"title": "Offsetdruck für Kataloge"}])
    company_update(company=druck, forms=["marketing_alliance"])
    goals_replace(company=druck, goals=[{"goal": "joint_marketing"}])
    world.druck = druck
    world.hidden_size = _alpha(
        "Diskret Logistik GmbH",
        "Gronau (Westf.)",
        employees=300,
        field_visibility={"size": "private"},
    )
    return world


# --- search ---------------------------------------------------------------------------------


def test_search_finds_a_company_by_name_without_caring_for_accents_or_case(directory: World):
    assert _names(directory, q="BRUGGEMANN") == ["Brüggemann Druckhaus GmbH"]
    assert _names(directory, q="brüggemann") == ["Brüggemann Druckhaus GmbH"]


def test_search_finds_offer_text_and_every_word_must_match(directory: World):
    assert _names(directory, q="laserschneiden blechen") == ["Schulte Metallbau GmbH"]
    assert _names(directory, q="laserschneiden kataloge") == []
    assert _names(directory, q="offsetdruck") == ["Brüggemann Druckhaus GmbH"]


def test_search_finds_a_company_by_its_city(directory: World):
    assert _names(directory, q="osnabruck") == ["Brüggemann Druckhaus GmbH"]
    assert _names(directory, q="Enschede") == ["Bakker Installatietechniek B.V."]
    assert _names(directory, q="münster") == ["Schulte Metallbau GmbH"]


def test_nace_filter_includes_the_children_of_the_code(directory: World):
    for code in ("25", "25.6", "25.62", "2562"):
        assert _names(directory, nace=code) == ["Schulte Metallbau GmbH"], code
    # Section C (manufacturing) holds metalwork (25.62) and printing (18.12).
    assert set(_names(directory, nace="C")) == {
        "Schulte Metallbau GmbH",
        "Brüggemann Druckhaus GmbH",
    }
    advertising = _api(directory, "member", nace="73")["results"]
    assert [r["id"] for r in advertising] == [directory.anonymous_company.pk]


def test_each_filter_narrows_the_list(directory: World):
    assert _names(directory, country="NL") == ["Bakker Installatietechniek B.V."]
    assert _names(directory, form="marketing_alliance") == ["Brüggemann Druckhaus GmbH"]
    assert _names(directory, goal="new_markets") == ["Schulte Metallbau GmbH"]
    assert _names(directory, min_employees=10, max_employees=20) == ["Schulte Metallbau GmbH"]
    assert _names(directory, min_employees=13) == ["Brüggemann Druckhaus GmbH"]
    assert _names(directory, max_employees=39) == ["Schulte Metallbau GmbH"]


def test_the_size_filter_ignores_employees_the_reader_may_not_see(directory: World):
    assert "Diskret Logistik GmbH" not in _names(directory, "member", min_employees=100)
    assert _names(directory, "coordinator", min_employees=100) == ["Diskret Logistik GmbH"]


def test_filters_combine(directory: World):
    assert _names(directory, q="druck", country="DE", nace="C", min_employees=1) == [
        "Brüggemann Druckhaus GmbH"
    ]
    assert _names(directory, q="druck", country="NL") == []


# --- distance -------------------------------------------------------------------------------


def test_distance_filter_uses_real_places_around_my_company(directory: World):
    # Münster → Osnabrück is about 44 km, Münster → Enschede about 58 km.
    within_50 = _names(directory, max_km=50)
    assert "Brüggemann Druckhaus GmbH" in within_50
    assert "Schulte Metallbau GmbH" in within_50
    assert "Bakker Installatietechniek B.V." not in within_50
    assert "Bakker Installatietechniek B.V." in _names(directory, max_km=80)


def test_distance_sort_puts_the_nearest_first_and_shows_kilometres(directory: World):
    results = _api(directory, "member", sort="distance")["results"]
    # Münster (0 km), Gronau (about 50 km), Osnabrück (about 44 km), Enschede (about 58 km);
    # the anonymous company has no distance for members and comes last.
    assert [r["name"] for r in results] == [
        "Schulte Metallbau GmbH",
        "Brüggemann Druckhaus GmbH",
        "Diskret Logistik GmbH",
        "Bakker Installatietechniek B.V.",
        results[-1]["name"],
    ]
    assert results[-1]["anonymous"] is True and results[-1]["distance_km"] is None
    distances = [r["distance_km"] for r in results[:-1]]
    assert distances == sorted(distances)
    muenster, osnabrueck = geo.resolve("Münster", "DE"), geo.resolve("Osnabrück", "DE")
    expected = geo.haversine_km(muenster.lat, muenster.lon, osnabrueck.lat, osnabrueck.lon)
    druck = next(r for r in results if r["name"] == "Brüggemann Druckhaus GmbH")
    assert druck["distance_km"] == pytest.approx(expected, rel=0.01)
    page = _page(directory, "member", sort="distance")
    assert 'data-testid="card-distance"' in page


def test_distance_needs_my_company_location(directory: World):
    # The coordinator acts for no company: no distance sort, and a radius is refused.
    response = Client().get(
        API,
        {"max_km": 50},
        headers={"Authorization": f"Bearer {directory.token_for('coordinator')}"},
    )
    assert response.status_code == 422
    assert "max_km" in response.json()["error"]["details"]
    page = _page(directory, "coordinator", max_km=50)
    assert 'data-testid="directory-errors"' in page
    assert 'value="distance"' not in page


# --- sorting and paging ---------------------------------------------------------------------


def test_sorting_by_size_newest_and_name(directory: World):
    assert _names(directory, sort="size")[:2] == [
        "Brüggemann Druckhaus GmbH",
        "Schulte Metallbau GmbH",
    ]
    assert _names(directory, "coordinator", sort="size")[0] == "Diskret Logistik GmbH"
    assert _names(directory, sort="newest")[0] == "Diskret Logistik GmbH"
    names = _names(directory)
    named = [n for n in names if not n.startswith(("Anonym", "Anonymous"))]
    assert named == sorted(named, key=str.lower)


def test_completeness_sort_is_for_coordinators(directory: World):
    body = _api(directory, "coordinator", sort="completeness")
    values = [r["completeness"] for r in body["results"]]
    assert values == sorted(values, reverse=True)
    response = Client().get(
        API,
        {"sort": "completeness"},
        headers={"Authorization": f"Bearer {directory.token_for('member')}"},
    )
    assert response.status_code == 422
    assert all(r["completeness"] is None for r in _api(directory, "member")["results"])


def test_pages_hold_twenty_companies_and_keep_the_filters(world: World):
    for number in range(45):
        company_create(
            name=f"Tischlerei {number:02d}", country="DE", city="Münster", network=world.alpha
        )
    first = _api(world, "member", q="tischlerei")
    assert (first["count"], first["page"], first["pages"]) == (45, 1, 3)
    assert len(first["results"]) == 20
    last = _api(world, "member", q="tischlerei", page=3)
    assert [r["name"] for r in last["results"]] == [f"Tischlerei {n}" for n in range(40, 45)]
    assert _api(world, "member", q="tischlerei", page=99)["page"] == 3
    page = _page(world, "member", q="tischlerei", page=2)
    assert 'data-testid="directory-pages"' in page
    assert "?q=tischlerei&amp;page=3" in page
    assert "?q=tischlerei&amp;page=1" in page


# --- page behaviour -------------------------------------------------------------------------


def test_htmx_filtering_returns_only_the_result_list(directory: World):
    response = directory.client_for("member").get(
        URL, {"q": "druck"}, headers={"HX-Request": "true", "HX-Target": "directory-results"}
    )
    body = response.content.decode()
    assert "<html" not in body and "<form" not in body
    assert body.count('data-testid="directory-card"') == 1
    assert "Brüggemann Druckhaus GmbH" in body


def test_the_filter_form_works_without_javascript(directory: World):
    page = _page(directory, "member", q="druck", country="DE", form="marketing_alliance")
    assert '<form method="get"' in page
    assert 'hx-get="' in page and 'hx-push-url="true"' in page
    assert 'value="druck"' in page
    assert '<option value="marketing_alliance" selected>' in page
    assert page.count('data-testid="directory-card"') == 1


def test_cards_show_place_nace_labels_in_my_language_offers_and_my_company(directory: World):
    page = _page(directory, "member", q="schulte")
    assert html.escape(nace.label("25.62", "de")) in page
    assert "Laserschneiden von Blechen" in page
    assert "Münster" in page
    assert 'data-testid="my-company"' in page
    assert 'data-testid="card-completeness"' not in page


def test_coordinator_cards_show_completeness(directory: World):
    page = _page(directory, "coordinator")
    assert 'data-testid="card-completeness"' in page


def test_bad_filters_are_named_and_left_out(directory: World):
    page = _page(directory, "member", nace="99.99", min_employees="viele")
    assert 'data-testid="directory-errors"' in page
    assert page.count('data-testid="directory-card"') >= 3
    response = Client().get(
        API,
        {"nace": "99.99", "goal": "world_domination"},
        headers={"Authorization": f"Bearer {directory.token_for('member')}"},
    )
    assert response.status_code == 422
    assert set(response.json()["error"]["details"]) == {"nace", "goal"}


def test_navigation_links_to_the_directory(directory: World):
    page = directory.client_for("member").get(
        reverse("companies:detail", args=[directory.member_company.pk])
    )
    assert f'href="{URL}"' in page.content.decode()


# --- visibility -----------------------------------------------------------------------------


def test_anonymous_company_is_listed_without_anything_that_identifies_it(world: World):
    company_update(company=world.anonymous_company, field_visibility={"contact": "network"})
    page = _page(world, "member")
    body = _api(world, "member")
    text = page + str(body)
    for secret in ANONYMOUS_SECRETS:
        assert secret not in text, secret
    anonymous = next(r for r in body["results"] if r["id"] == world.anonymous_company.pk)
    assert anonymous["anonymous"] is True
    assert anonymous["city"] is None and anonymous["website"] is None
    assert anonymous["distance_km"] is None
    assert anonymous["name"] == anonymous["name"].replace("Geheimagentur", "")
    assert f'data-company="{world.anonymous_company.pk}"' in page


def test_anonymous_company_is_not_found_by_its_name_but_by_its_activity(world: World):
    assert _names(world, q="geheimagentur") == []
    assert _names(world, q="husing") == []
    assert len(_names(world, q="werbekampagnen")) == 1
    assert _api(world, "member", q="werbekampagnen")["results"][0]["anonymous"] is True
    assert _names(world, max_km=100).count("Geheimagentur Hüsing GmbH") == 0


def test_coordinator_sees_the_anonymous_company_by_name(world: World):
    page = _page(world, "coordinator")
    assert "Geheimagentur Hüsing GmbH" in page
    assert 'data-testid="anonymous-to-members"' in page
    assert "Geheimagentur Hüsing GmbH" in _names(world, "coordinator", q="geheimagentur")
    result = next(
        r for r in _api(world, "coordinator")["results"] if r["id"] == world.anonymous_company.pk
    )
    assert result["anonymous"] is False and result["city"] == "Coesfeld"


def test_anonymous_companies_sort_after_the_named_ones_for_members(world: World):
    names = _names(world)
    assert names[-1].startswith(("Anonym", "Anonymous"))


def test_private_company_is_only_for_coordinators_and_its_own_people(world: World):
    assert "Verborgen GmbH" not in _page(world, "member")
    assert "Verborgen GmbH" not in _names(world, "other_company", q="verborgen")
    assert "Verborgen GmbH" in _page(world, "coordinator")
    assert "Verborgen GmbH" in _names(world, "coordinator")
    company_member_set(user=world.users["other_company"], company=world.private_company)
    assert "Verborgen GmbH" in _names(world, "other_company")


def test_other_networks_companies_are_not_listed(world: World):
    assert "Beta Bau GmbH" not in _names(world, "coordinator")
    response = Client().get(
        "/api/v1/networks/beta/companies",
        headers={"Authorization": f"Bearer {world.token_for('other_network')}"},
    )
    assert [r["name"] for r in response.json()["results"]] == ["Beta Bau GmbH"]


# --- cost -----------------------------------------------------------------------------------


def _count_queries(client, url: str, params: dict) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def _companies_with_offers(world: World, start: int, stop: int) -> None:
    for number in range(start, stop):
        company = company_create(
            name=f"Werkstatt {number:02d}",
            country="DE" if number % 2 else "NL",
            city="Münster" if number % 2 else "Enschede",
            network=world.alpha,
            nace_codes=["25.62"],
            employees=number + 1,
            visibility="anonymous" if number % 5 == 0 else "network",
        )
        offers_replace(
            company=company,
            items=[{"title": f"Leistung {n}", "description": "Werkstatt"} for n in range(3)],
        )


@pytest.mark.parametrize("persona", ["member", "coordinator"])
def test_directory_queries_do_not_grow_with_the_number_of_companies(world: World, persona: str):
    client = world.client_for(persona)
    params = {"sort": "size", "nace": "C"}
    _companies_with_offers(world, 0, 5)
    small = _count_queries(client, URL, params)
    _companies_with_offers(world, 5, 60)
    assert _count_queries(client, URL, params) == small
    assert small <= 12
    htmx = {"HX-Request": "true", "HX-Target": "directory-results"}
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, {**params, "page": 2}, headers=htmx)
    assert len(queries) <= small
