from __future__ import annotations

from django.urls import reverse

from tests.conftest import World
from verbund.companies import directory
from verbund.companies.services import company_create


def test_a_very_large_result_is_counted_up_to_the_limit_and_says_so(world: World, monkeypatch):
    monkeypatch.setattr(directory, "COUNT_LIMIT", 5)
    monkeypatch.setattr(directory, "PAGE_SIZE", 2)
    for number in range(8):
        company_create(name=f"Firma {number}", country="DE", city="Münster", network=world.alpha)
    client = world.client_for("coordinator")
    page = client.get(reverse("companies:directory", args=["alpha"]) + "?page=9")
    results = page.context["results"]
    assert (results.count, results.count_capped, results.pages, results.page) == (5, True, 3, 3)
    api = client.get("/api/v1/networks/alpha/companies").json()
    assert (api["count"], api["count_capped"]) == (5, True)
