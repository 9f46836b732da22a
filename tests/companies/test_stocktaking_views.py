"""The guided stock-taking pages: each step saves through the services and moves on."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.conftest import World
from verbund.companies.models import Company
from verbund.lib import catalogues

pytestmark = pytest.mark.django_db

DESCRIPTION = (
    "Schulte Metallbau fertigt Blechteile, Gestelle und Schweißbaugruppen für Maschinenbauer "
    "im Münsterland."
)


def _step(company: Company, step: str) -> str:
    return reverse("companies:stocktaking_step", args=[company.pk, step])


def _formset(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial)}
    for index, row in enumerate(rows):
        data |= {f"{prefix}-{index}-{key}": value for key, value in row.items()}
    return data


IDENTITY = {
    "name": "Schulte Metallbau GmbH",
    "legal_form": "GmbH",
    "registry_id": "HRB 1 Münster",
    "website": "https://schulte.example",
    "country": "DE",
    "postcode": "48143",
    "city": "Münster",
    "languages": ["de", "en"],
    "employees": "12",
    "revenue_band": "1m_2m",
    "founded": "1998",
    "nace_codes": "25.62, 25.11",
    "description": DESCRIPTION,
}
OFFERS = _formset(
    "offers",
    [{"title": "Laserschneiden", "description": "Bleche bis 25 mm", "nace_codes": "25.62",
      "keywords": "Laser, Blech"}],
) | _formset(
    "needs",
    [{"title": "Pulverbeschichtung", "description": "Partner für Oberflächen",
      "nace_codes": "25.61", "keywords": "", "priority": "1"}],
)  # fmt: skip
CUSTOMERS = {
    "customer_sectors": "C, 28",
    "customer_sizes": ["small", "medium"],
    "b2b": "90",
    "b2c": "0",
    "b2g": "10",
    "customer_regions": "DE-NW, NL-OV",
    "customer_count": "60",
}
STRENGTHS = {
    **{f"score_{key}": str(1 + i % 5) for i, key in enumerate(catalogues.keys("dimensions"))},
    "note_sales": "Zwei Außendienstler",
    "partnering_hours_per_month": "8",
    "sponsor_name": "Anna Schulte",
    "sponsor_email": "anna@schulte.example",
    "contact_name": "Jan Peters",
    "contact_email": "jan@schulte.example",
}
GOALS = {
    "goal_new_markets": "on",
    "priority_new_markets": "1",
    "markets_new_markets": "NL",
    "goal_referral_business": "on",
    "priority_referral_business": "2",
    "forms": ["referral_partnership", "cross_border_partnership"],
}
STEP_DATA = {
    "identity": IDENTITY,
    "offers": OFFERS,
    "customers": CUSTOMERS,
    "strengths": STRENGTHS,
    "goals": GOALS,
}


def _company(world: World) -> Company:
    return Company.objects.get(pk=world.member_company.pk)


# --- entry and navigation ---------------------------------------------------------------------


def test_the_entry_goes_to_the_first_step_with_something_missing(world: World):
    client = world.client_for("member")
    response = client.get(reverse("companies:stocktaking", args=[world.member_company.pk]))
    assert response.status_code == 302
    assert response["Location"] == _step(world.member_company, "identity")

    client.post(_step(world.member_company, "identity"), IDENTITY | {"action": "save"})
    response = client.get(reverse("companies:stocktaking", args=[world.member_company.pk]))
    assert response["Location"] == _step(world.member_company, "offers")


def test_every_step_shows_navigation_meter_and_what_is_missing(world: World):
    client = world.client_for("member")
    for step in STEP_DATA:
        response = client.get(_step(world.member_company, step))
        assert response.status_code == 200
        html = response.content.decode()
        assert 'data-testid="step-nav"' in html
        assert f'aria-current="step" data-testid="step-{step}"' in html
        assert 'data-testid="completeness-percent"' in html
        assert "<progress" in html
        # What is missing links to the step where it is filled in.
        offers_url = _step(world.member_company, "offers")
        assert f'href="{offers_url}#main"' in html
    assert (
        client.get(reverse("companies:visibility", args=[world.member_company.pk])).status_code
        == 200
    )


def test_an_unknown_step_is_not_found(world: World):
    response = world.client_for("member").get(_step(world.member_company, "finances"))
    assert response.status_code == 404


# --- each step saves and moves on -------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "following"),
    [("identity", "offers"), ("offers", "customers"), ("customers", "strengths"),
     ("strengths", "goals")],
)  # fmt: skip
def test_save_and_continue_goes_to_the_next_step(world: World, step: str, following: str):
    response = world.client_for("member").post(
        _step(world.member_company, step), STEP_DATA[step] | {"action": "next"}
    )
    assert response.status_code == 302
    assert response["Location"] == _step(world.member_company, following)


def test_after_the_last_step_the_company_page_follows(world: World):
    response = world.client_for("member").post(
        _step(world.member_company, "goals"), GOALS | {"action": "next"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("companies:detail", args=[world.member_company.pk])


def test_save_stays_on_the_step(world: World):
    response = world.client_for("member").post(
        _step(world.member_company, "customers"), CUSTOMERS | {"action": "save"}
    )
    assert response["Location"] == _step(world.member_company, "customers")


def test_identity_step_saves_the_company(world: World):
    world.client_for("member").post(_step(world.member_company, "identity"), IDENTITY)
    company = _company(world)
    assert company.nace_codes == ["25.62", "25.11"]
    assert company.languages == ["de", "en"]
    assert company.employees == 12
    assert company.founded == 1998
    assert company.description == DESCRIPTION
    assert company.lat is not None  # Münster is in the gazetteer
    assert company.region == "DE-NW"


def test_a_place_that_is_not_found_shows_a_warning(world: World):
    client = world.client_for("member")
    client.post(_step(world.member_company, "identity"), IDENTITY | {"city": "Atlantis"})
    company = _company(world)
    assert company.city == "Atlantis" and company.lat is None
    response = client.get(_step(world.member_company, "identity"))
    assert b'data-testid="place-not-found"' in response.content
    response = client.get(_step(world.member_company, "offers"))
    assert b'data-testid="place-not-found"' in response.content


def test_a_found_place_shows_no_warning(world: World):
    response = world.client_for("member").get(_step(world.member_company, "identity"))
    assert b'data-testid="place-not-found"' not in response.content


def test_offers_step_replaces_offers_and_needs(world: World):
    world.client_for("member").post(_step(world.member_company, "offers"), OFFERS)
    company = _company(world)
    offer = company.offers.get()
    assert (offer.title, offer.nace_codes, offer.keywords) == (
        "Laserschneiden", ["25.62"], ["Laser", "Blech"])  # fmt: skip
    need = company.needs.get()
    assert (need.title, need.priority, need.nace_codes) == ("Pulverbeschichtung", 1, ["25.61"])


def test_removing_an_offer_deletes_it(world: World):
    client = world.client_for("member")
    client.post(_step(world.member_company, "offers"), OFFERS)
    data = _formset(
        "offers",
        [{"title": "Laserschneiden", "DELETE": "on"}, {"title": "Kanten", "description": "x"}],
        initial=1,
    ) | _formset("needs", [])
    client.post(_step(world.member_company, "offers"), data)
    assert list(_company(world).offers.values_list("title", flat=True)) == ["Kanten"]


def test_adding_a_row_shows_one_more_row_and_saves_nothing(world: World):
    data = OFFERS | {"add": "offers"}
    response = world.client_for("member").post(_step(world.member_company, "offers"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('data-testid="offers-row"') == 2
    assert 'value="Laserschneiden"' in html  # the typed row is still there
    assert not _company(world).offers.exists()


def test_customers_step_saves_the_customer_base(world: World):
    world.client_for("member").post(_step(world.member_company, "customers"), CUSTOMERS)
    company = _company(world)
    assert company.customer_sectors == ["C", "28"]
    assert company.customer_types == {"b2b": 0.9, "b2c": 0.0, "b2g": 0.1}
    assert company.customer_sizes == ["small", "medium"]
    assert company.customer_regions == ["DE-NW", "NL-OV"]
    assert company.customer_count == 60


def test_strengths_step_saves_scores_notes_and_readiness(world: World):
    world.client_for("member").post(_step(world.member_company, "strengths"), STRENGTHS)
    company = _company(world)
    scores = dict(company.assessment.values_list("dimension", "score"))
    assert len(scores) == len(catalogues.keys("dimensions"))
    assert company.assessment.get(dimension="sales").note == "Zwei Außendienstler"
    assert company.partnering_hours_per_month == 8
    assert (company.sponsor_name, company.contact_email) == ("Anna Schulte", "jan@schulte.example")


def test_goals_step_saves_goals_and_forms(world: World):
    world.client_for("member").post(_step(world.member_company, "goals"), GOALS)
    company = _company(world)
    goals = {g.goal: (g.priority, g.markets) for g in company.goals.all()}
    assert goals == {"new_markets": (1, ["NL"]), "referral_business": (2, [])}
    assert company.forms == ["referral_partnership", "cross_border_partnership"]


def test_visibility_page_saves_profile_and_section_visibility(world: World):
    data = {"visibility": "anonymous", "action": "next"} | {
        f"level_{g}": "private"
        for g in ("contact", "size", "offers", "needs", "customers", "strengths", "readiness",
                  "goals")
    }  # fmt: skip
    data["level_offers"] = "network"
    response = world.client_for("member").post(
        reverse("companies:visibility", args=[world.member_company.pk]), data
    )
    assert response["Location"] == reverse("companies:detail", args=[world.member_company.pk])
    company = _company(world)
    assert company.visibility == "anonymous"
    assert company.field_visibility["offers"] == "network"
    assert company.field_visibility["readiness"] == "private"


def test_a_coordinator_can_take_stock_for_a_company_without_people_of_its_own(world: World):
    response = world.client_for("coordinator").post(
        _step(world.private_company, "customers"), CUSTOMERS | {"action": "next"}
    )
    assert response.status_code == 302
    world.private_company.refresh_from_db()
    assert world.private_company.customer_count == 60


# --- bad input ----------------------------------------------------------------------------------


def test_bad_input_saves_nothing_keeps_the_rest_and_names_the_field(world: World):
    data = IDENTITY | {"nace_codes": "25.62, 99.99", "employees": "-3"}
    response = world.client_for("member").post(_step(world.member_company, "identity"), data)
    assert response.status_code == 422
    html = response.content.decode()
    assert 'data-testid="error-summary"' in html
    assert "99.99" in html
    # Every other entry is shown again as typed.
    assert DESCRIPTION.split()[0] in html
    assert 'value="https://schulte.example"' in html
    assert 'aria-invalid="true"' in html
    company = _company(world)
    assert company.description == "" and company.employees == 12


def test_shares_that_do_not_add_up_are_refused(world: World):
    data = CUSTOMERS | {"b2b": "80", "b2g": "10"}
    response = world.client_for("member").post(_step(world.member_company, "customers"), data)
    assert response.status_code == 422
    assert b'data-testid="error-summary"' in response.content
    assert _company(world).customer_types is None


def test_a_bad_need_is_named_by_its_row(world: World):
    data = OFFERS | {"needs-0-priority": "7"}
    response = world.client_for("member").post(_step(world.member_company, "offers"), data)
    assert response.status_code == 422
    summary = re.search(r'data-testid="error-summary".*?</div>', response.content.decode(), re.S)
    assert summary is not None and "Bedarf 1 – Priorität" in summary.group(0)
    assert not _company(world).offers.exists()  # offers and needs are saved together or not


def test_an_out_of_range_score_is_refused(world: World):
    response = world.client_for("member").post(
        _step(world.member_company, "strengths"), STRENGTHS | {"score_sales": "9"}
    )
    assert response.status_code == 422
    assert not _company(world).assessment.exists()


# --- the whole way to 100 % ---------------------------------------------------------------------


def test_all_steps_together_make_the_profile_complete(world: World):
    client = world.client_for("member")
    for step, data in STEP_DATA.items():
        response = client.post(_step(world.member_company, step), data | {"action": "next"})
        assert response.status_code == 302, (step, response.content[:500])
    assert _company(world).completeness == 100
    html = client.get(_step(world.member_company, "goals")).content.decode()
    assert '<span data-testid="completeness-percent">100</span>' in html
    assert 'data-testid="missing-item"' not in html
    assert html.count('data-done="true"') == 5


# --- the NACE picker ----------------------------------------------------------------------------


def test_nace_search_lists_codes_with_labels_in_the_readers_language(world: World):
    url = reverse("companies:nace_search")
    german = world.client_for("member").get(url, {"q": "Werbeagentur"}).content.decode()
    assert "73.11" in german and "Werbeagenturen" in german
    english = world.client_for("outsider").get(url, {"q": "advertising"}).content.decode()
    assert "73.11" in english and "Advertising agencies" in english


def test_nace_search_results_pick_into_the_named_picker(world: World):
    response = world.client_for("member").get(
        reverse("companies:nace_search"),
        {"q": "73.11", "name": "offers-0-nace_codes", "id": "id_offers-0-nace_codes"},
    )
    html = response.content.decode()
    assert 'data-testid="nace-option" data-code="73.11"' in html
    assert 'hx-target="#picker-id_offers-0-nace_codes"' in html


def test_nace_search_without_a_query_is_empty(world: World):
    response = world.client_for("member").get(reverse("companies:nace_search"), {"q": " "})
    assert response.status_code == 200
    assert b"<li" not in response.content


def test_nace_pick_adds_and_removes_codes_keeping_what_was_typed(world: World):
    client = world.client_for("member")
    url = reverse("companies:nace_pick")
    base = {"name": "nace_codes", "id": "id_nace_codes"}
    html = client.get(url, base | {"nace_codes": "2562, 99.99", "add": "73.11"}).content.decode()
    assert re.findall(r'data-testid="nace-chip" data-code="([^"]+)"', html) == [
        "25.62", "99.99", "73.11"]  # fmt: skip
    assert 'value="2562, 99.99, 73.11"' in html
    html = client.get(
        url, base | {"nace_codes": "25.62, 73.11", "remove": "25.62"}
    ).content.decode()
    assert 'value="73.11"' in html


def test_nace_pick_refuses_a_strange_field_name(world: World):
    response = world.client_for("member").get(
        reverse("companies:nace_pick"), {"name": '"><script>', "id": "x"}
    )
    assert response.status_code == 400


def test_the_picker_works_without_javascript_as_a_plain_codes_input(world: World):
    html = world.client_for("member").get(_step(world.member_company, "identity")).content.decode()
    assert re.search(r'<input type="text" name="nace_codes" value="25.62"', html)
