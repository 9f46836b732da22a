"""When a coordinator may change a company's profile (decision 0002, addendum).

Only while the coordination looks after the company alone: no person of its own can edit it and
every network it is listed in is one the coordinator coordinates. Otherwise the coordinator reads
the full profile and every write is refused (403, with a message saying why).
"""

from __future__ import annotations

import io
import json

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD, World
from verbund.accounts.services import user_create
from verbund.companies.imports.services import import_profiles
from verbund.companies.models import Company
from verbund.companies.services import company_list_in_network, company_member_set
from verbund.tenancy.services import membership_set

IDENTITY = {"name": "Neu benannt GmbH", "country": "DE", "action": "save"}


def _identity(company: Company) -> str:
    return reverse("companies:stocktaking_step", args=[company.pk, "identity"])


def _save_as_coordinator(world: World, company: Company):
    return world.client_for("coordinator").post(_identity(company), IDENTITY)


def _name(company: Company) -> str:
    company.refresh_from_db()
    return company.name


def _person(world: World, email: str, company: Company, role: str, *, active: bool = True):
    user = user_create(email=email, password=PASSWORD, language="de")
    company_member_set(user=user, company=company, role=role)
    if not active:
        user.is_active = False
        user.save(update_fields=["is_active"])
    return user


def test_a_company_without_people_of_its_own_is_edited_by_its_coordinator(world: World):
    company = world.private_company
    detail = world.client_for("coordinator").get(reverse("companies:detail", args=[company.pk]))
    assert reverse("companies:stocktaking", args=[company.pk]) in detail.content.decode()

    response = _save_as_coordinator(world, company)

    assert response.status_code == 302
    assert _name(company) == "Neu benannt GmbH"


@pytest.mark.parametrize(
    ("role", "active", "editable"),
    [
        ("staff", True, True),  # staff cannot edit, so they leave it to the coordinator
        ("owner", False, True),  # nor can a deactivated owner
        ("manager", True, False),
        ("owner", True, False),
    ],
)
def test_only_active_owners_and_managers_take_the_profile_over(world, role, active, editable):
    company = world.private_company
    _person(world, f"{role}@verborgen.example", company, role, active=active)

    response = _save_as_coordinator(world, company)

    assert response.status_code == (302 if editable else 403)
    assert _name(company) == ("Neu benannt GmbH" if editable else "Verborgen GmbH")


def test_a_company_with_an_owner_is_read_only_for_the_coordinator(world: World):
    company = world.member_company
    client = world.client_for("coordinator")

    detail = client.get(reverse("companies:detail", args=[company.pk]))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert reverse("companies:stocktaking", args=[company.pk]) not in html
    assert 'data-testid="coordinator-read-only"' in html
    assert "Schulte Metallbau GmbH" in html  # the full profile, read

    response = _save_as_coordinator(world, company)

    assert response.status_code == 403
    assert "eigenes Profil" in response.content.decode()
    assert _name(company) == "Schulte Metallbau GmbH"


def test_a_company_also_listed_in_another_network_is_read_only(world: World):
    company = world.private_company
    company_list_in_network(company=company, network=world.beta)

    assert _save_as_coordinator(world, company).status_code == 403
    assert _name(company) == "Verborgen GmbH"
    # Neither coordination edits it alone: beta's coordinator is refused as well.
    beta = world.client_for("other_network").post(_identity(company), IDENTITY)
    assert beta.status_code == 403


def test_who_coordinates_every_network_of_the_company_may_edit_it(world: World):
    company = world.private_company
    company_list_in_network(company=company, network=world.beta)
    membership_set(user=world.users["coordinator"], network=world.beta, role="coordinator")

    assert _save_as_coordinator(world, company).status_code == 302
    assert _name(company) == "Neu benannt GmbH"


def test_the_api_applies_the_same_rule(world: World):
    headers = {"Authorization": f"Bearer {world.token_for('coordinator')}"}

    def patch(company: Company):
        return Client().patch(
            f"/api/v1/companies/{company.pk}",
            data=json.dumps({"employees": 14}),
            content_type="application/json",
            headers=headers,
        )

    refused = patch(world.member_company)
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "forbidden"
    assert "eigenes Profil" in refused.json()["error"]["message"]  # says why, in German
    world.member_company.refresh_from_db()
    assert world.member_company.employees == 12

    assert patch(world.private_company).status_code == 200
    world.private_company.refresh_from_db()
    assert world.private_company.employees == 14


def _import_names(world: World, names: dict[Company, str]):
    """Import a file into alpha that renames these companies (found by their external ID)."""
    lines = [
        json.dumps(
            {
                "external_id": company.listings.get(network=world.alpha).external_id
                or f"verbund-{company.pk}",
                "name": name,
                "country": "DE",
            }
        )
        for company, name in names.items()
    ]
    source = io.BytesIO("\n".join(lines).encode())
    return import_profiles(network=world.alpha, source=source, fmt="jsonl", dry_run=False)


def test_an_import_leaves_a_company_with_an_owner_as_it_is_and_says_so(world: World):
    outcome = _import_names(
        world,
        {world.member_company: "Überschrieben GmbH", world.private_company: "Neu benannt GmbH"},
    )

    assert outcome.ok, outcome.errors
    assert (outcome.updated, outcome.unchanged) == (1, 1)
    assert [(w.line, w.code) for w in outcome.warnings] == [(1, "company_keeps_profile")]
    assert outcome.warnings[0].params == {"name": "Schulte Metallbau GmbH"}
    assert _name(world.member_company) == "Schulte Metallbau GmbH"
    assert _name(world.private_company) == "Neu benannt GmbH"


def test_an_import_leaves_a_company_also_listed_in_another_network_as_it_is(world: World):
    company_list_in_network(company=world.private_company, network=world.beta)

    outcome = _import_names(world, {world.private_company: "Neu benannt GmbH"})

    assert outcome.ok, outcome.errors
    assert (outcome.updated, outcome.unchanged) == (0, 1)
    assert [w.code for w in outcome.warnings] == ["company_keeps_profile"]
    assert _name(world.private_company) == "Verborgen GmbH"
