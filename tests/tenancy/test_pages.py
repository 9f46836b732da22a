from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import World
from verbund.companies.services import company_create
from verbund.tenancy.actor import SESSION_NETWORK_KEY
from verbund.tenancy.services import membership_set


def test_coordinator_start_page_is_the_network_overview(client, world: World):
    client.force_login(world.users["coordinator"])
    response = client.get(reverse("home"))
    assert response["Location"] == reverse("tenancy:network", args=["alpha"])


def test_member_start_page_is_my_company(client, world: World):
    client.force_login(world.users["member"])
    response = client.get(reverse("home"))
    assert response["Location"] == reverse("companies:detail", args=[world.member_company.pk])


def test_person_in_two_networks_switches_between_them(client, world: World):
    person = world.users["member"]
    membership_set(user=person, network=world.beta, role="coordinator")
    client.force_login(person)
    client.post(reverse("tenancy:switch"), {"network": world.beta.pk})
    assert client.session[SESSION_NETWORK_KEY] == world.beta.pk
    assert client.get(reverse("home"))["Location"] == reverse("tenancy:network", args=["beta"])
    page = client.get(reverse("tenancy:network", args=["beta"])).content.decode()
    assert 'id="switch-network"' in page


def test_nobody_can_switch_into_a_network_they_do_not_belong_to(client, world: World):
    client.force_login(world.users["member"])
    response = client.post(reverse("tenancy:switch"), {"network": world.beta.pk})
    assert response.status_code == 404
    assert SESSION_NETWORK_KEY not in client.session


@pytest.mark.parametrize("language", ["de", "nl", "en"])
def test_pages_render_in_each_language(client, world: World, language: str):
    person = world.users["coordinator"]
    person.language = language
    person.save()
    client.force_login(person)
    expected = {"de": "Einladungen", "nl": "Uitnodigingen", "en": "Invitations"}[language]
    for url in (
        reverse("tenancy:network", args=["alpha"]),
        reverse("accounts:account"),
        reverse("tenancy:invitations", args=["alpha"]),
        reverse("companies:detail", args=[world.member_company.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()
        assert expected in response.content.decode()


def _count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_network_overview_queries_do_not_grow_with_the_number_of_companies(client, world: World):
    client.force_login(world.users["coordinator"])
    url = reverse("tenancy:network", args=["alpha"])
    before = _count_queries(client, url)
    for number in range(40):
        company_create(name=f"Firma {number}", country="DE", city="Münster", network=world.alpha)
    assert _count_queries(client, url) == before


def test_company_page_queries_do_not_grow_with_the_profile(client, world: World):
    from verbund.companies.services import goals_replace, needs_replace, offers_replace

    client.force_login(world.users["member"])
    url = reverse("companies:detail", args=[world.member_company.pk])
    before = _count_queries(client, url)
    items = [
        {"title": f"Leistung {n}", "description": "Text", "nace_codes": ["25.62"]}
        for n in range(12)
    ]
    offers_replace(company=world.member_company, items=items)
    needs_replace(company=world.member_company, items=items)
    goals_replace(
        company=world.member_company, goals=[{"goal": "referral_business"}, {"goal": "new_markets"}]
    )
    assert _count_queries(client, url) == before
    assert before <= 14


def test_unresolvable_place_shows_a_warning_to_insiders(client, world: World):
    company = company_create(
        name="Nirgendwo GmbH", country="DE", city="Xyzzyhausen", network=world.alpha
    )
    client.force_login(world.users["coordinator"])
    page = client.get(reverse("companies:detail", args=[company.pk])).content.decode()
    assert "Xyzzyhausen" in page
    assert 'class="message warning"' in page


def test_paging_through_companies_with_htmx_returns_only_the_table(client, world: World):
    for number in range(30):
        company_create(
            name=f"Firma {number:02d}", country="DE", city="Münster", network=world.alpha
        )
    client.force_login(world.users["coordinator"])
    url = reverse("tenancy:network", args=["alpha"]) + "?page=2"
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial
    assert "Seite 2 von 2" in partial
    assert "Firma 29" in partial
    assert 'hx-get="?page=1"' in partial
