"""Other companies see exactly what visibility allows — on the page and in the API."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import World
from verbund.companies.services import (
    assessment_replace,
    company_update,
    needs_replace,
    offers_replace,
)

SECRET_NEED = "Nachfolger für die Geschäftsführung gesucht"


@pytest.fixture
def profiled(world: World) -> World:
    company = world.member_company
    company_update(
        company=company,
        website="https://schulte.example",
        sponsor_name="Petra Schulte",
        contact_name="Jan Weber",
        partnering_hours_per_month=8,
        customer_sectors=["C"],
        customer_sizes=["small"],
        field_visibility={"needs": "private", "customers": "network"},
    )
    offers_replace(company=company, items=[{"title": "Laserschneiden", "nace_codes": ["25.62"]}])
    needs_replace(company=company, items=[{"title": SECRET_NEED, "priority": 1}])
    assessment_replace(company=company, scores={"sales": 2, "marketing": 4})
    return world


def _page(world: World, persona: str, company) -> str:
    response = world.client_for(persona).get(reverse("companies:detail", args=[company.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _api(world: World, persona: str, company) -> dict:
    token = world.token_for(persona)
    response = Client().get(
        f"/api/v1/companies/{company.pk}", headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("persona", ["member", "coordinator"])
def test_insiders_see_every_section(profiled: World, persona: str):
    page = _page(profiled, persona, profiled.member_company)
    assert SECRET_NEED in page
    assert "Petra Schulte" in page
    assert "HRB 1" in page
    body = _api(profiled, persona, profiled.member_company)
    assert body["needs"][0]["title"] == SECRET_NEED
    assert {s["dimension"] for s in body["strengths"]} == {"sales", "marketing"}


def test_fellow_member_sees_network_sections_only(profiled: World):
    page = _page(profiled, "other_company", profiled.member_company)
    assert "Laserschneiden" in page  # offers: network
    assert SECRET_NEED not in page  # needs: set to private
    assert "Petra Schulte" not in page  # readiness: partners only by default
    assert "HRB 1" not in page  # contact details: partners only by default
    assert "schulte.example" not in page
    body = _api(profiled, "other_company", profiled.member_company)
    assert body["offers"][0]["title"] == "Laserschneiden"
    assert body["needs"] is None
    assert body["strengths"] is None
    assert body["sponsor_name"] is None
    assert body["registry_id"] is None
    assert body["website"] is None
    assert "needs" not in body["sections"]
    assert SECRET_NEED not in json.dumps(body)


@pytest.mark.parametrize("persona", ["other_network", "outsider"])
def test_people_outside_the_network_see_nothing(profiled: World, persona: str):
    client = profiled.client_for(persona)
    url = reverse("companies:detail", args=[profiled.member_company.pk])
    assert client.get(url).status_code == 404


IDENTIFYING = ["Geheimagentur", "Hüsing", "huesing.example", "HRB 7", "Coesfeld"]


@pytest.mark.parametrize("persona", ["member", "other_company"])
def test_anonymous_company_never_shows_its_name_to_members(world: World, persona: str):
    page = _page(world, persona, world.anonymous_company)
    body = json.dumps(_api(world, persona, world.anonymous_company), ensure_ascii=False)
    for text in IDENTIFYING:
        assert text not in page, text
        assert text not in body, text
    assert "Werbekampagnen" in page  # what it does is still there


def test_coordinator_sees_who_the_anonymous_company_is(world: World):
    page = _page(world, "coordinator", world.anonymous_company)
    assert "Geheimagentur Hüsing GmbH" in page
    assert _api(world, "coordinator", world.anonymous_company)["name"] == (
        "Geheimagentur Hüsing GmbH"
    )


def test_private_company_is_hidden_from_fellow_members_but_not_its_coordinator(world: World):
    url = reverse("companies:detail", args=[world.private_company.pk])
    assert world.client_for("other_company").get(url).status_code == 404
    assert world.client_for("coordinator").get(url).status_code == 200


def _patch(world: World, persona: str, payload: dict):
    token = world.token_for(persona)
    return Client().patch(
        f"/api/v1/companies/{world.member_company.pk}",
        data=json.dumps(payload),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


def test_owner_changes_the_profile_through_the_api(world: World):
    response = _patch(world, "member", {"employees": 15, "city": "Enschede", "country": "NL"})
    assert response.status_code == 200
    body = response.json()
    assert (body["employees"], body["region"]) == (15, "NL-OV")


def test_bad_values_are_refused_naming_the_field(world: World):
    response = _patch(
        world,
        "member",
        {"nace_codes": ["99.99"], "customer_types": {"b2b": 0.5, "b2c": 0.1, "b2g": 0.0}},
    )
    assert response.status_code == 422
    details = response.json()["error"]["details"]
    assert set(details) == {"nace_codes", "customer_types"}
    world.member_company.refresh_from_db()
    assert world.member_company.nace_codes == ["25.62"]


def test_staff_may_read_but_not_change_their_company(world: World):
    from verbund.accounts.services import user_create
    from verbund.companies.services import company_member_set

    staff = user_create(email="staff@alpha.example", password="x-long-password")
    company_member_set(user=staff, company=world.member_company, role="staff")
    world.users["staff"] = staff
    assert _patch(world, "staff", {"employees": 1}).status_code == 403
