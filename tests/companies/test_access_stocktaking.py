"""Who may take stock of (edit) a company, per persona; the NACE picker is for everyone signed in.

Editing is for the company's owners and managers. Its network's coordinator edits only a company
without people of its own that no other network lists (the private company here); on the member
company, which has an owner, the coordinator reads and gets 403 (decision 0002, addendum). A
fellow member of the network may see the company and gets 403; anybody else learns nothing (404).
"""

from __future__ import annotations

from django.urls import reverse

from tests.access import Route, access_tests, everyone
from tests.conftest import PASSWORD, World
from verbund.accounts.services import user_create
from verbund.companies.services import company_member_set
from verbund.tenancy.services import membership_set

EDIT = everyone(404, coordinator=403, member=200, other_company=403)
EDIT_AND_REDIRECT = everyone(404, coordinator=403, member=302, other_company=403)


def _step(step: str):
    return lambda w: reverse("companies:stocktaking_step", args=[w.member_company.pk, step])


ROUTES = [
    Route(
        "companies:stocktaking",
        lambda w: reverse("companies:stocktaking", args=[w.member_company.pk]),
        EDIT_AND_REDIRECT,
    ),
    *[
        Route(f"companies:stocktaking_step ({step})", _step(step), EDIT)
        for step in ("identity", "offers", "customers", "strengths", "goals")
    ],
    Route(
        "companies:stocktaking_step (save)",
        _step("identity"),
        EDIT_AND_REDIRECT,
        method="post",
        data=lambda w: {"name": "Schulte Metallbau GmbH", "country": "DE", "action": "save"},
    ),
    Route(
        "companies:stocktaking_step (unknown step)",
        _step("nonsense"),
        everyone(404, coordinator=403, other_company=403),
    ),
    Route(
        "companies:stocktaking_step (private company)",
        lambda w: reverse("companies:stocktaking_step", args=[w.private_company.pk, "identity"]),
        everyone(404, coordinator=200),
    ),
    Route(
        "companies:stocktaking_step (other network's company)",
        lambda w: reverse("companies:stocktaking_step", args=[w.beta_company.pk, "identity"]),
        everyone(404, other_network=200),
    ),
    Route(
        "companies:visibility",
        lambda w: reverse("companies:visibility", args=[w.member_company.pk]),
        EDIT,
    ),
    Route(
        "companies:visibility (save)",
        lambda w: reverse("companies:visibility", args=[w.member_company.pk]),
        EDIT_AND_REDIRECT,
        method="post",
        data=lambda w: (
            {"visibility": "network", "action": "save"}
            | {f"level_{g}": "network" for g in ("contact", "size", "offers", "needs")}
            | {f"level_{g}": "partners" for g in ("customers", "strengths", "readiness", "goals")}
        ),
    ),
    Route(
        "companies:nace_search",
        lambda w: reverse("companies:nace_search") + "?q=metall",
        everyone(200),
    ),
    Route(
        "companies:nace_pick",
        lambda w: (
            reverse("companies:nace_pick")
            + "?name=nace_codes&id=id_nace_codes&nace_codes=25.62&add=73.11"
        ),
        everyone(200),
    ),
]

(
    test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused,
) = access_tests(ROUTES)


def test_a_staff_member_of_the_company_may_look_but_not_edit(world: World):
    user = user_create(email="staff@alpha.example", password=PASSWORD, language="de")
    membership_set(user=user, network=world.alpha, role="member")
    company_member_set(user=user, company=world.member_company, role="staff")
    world.users["staff"] = user
    client = world.client_for("staff")
    pk = world.member_company.pk

    assert client.get(reverse("companies:detail", args=[pk])).status_code == 200
    assert client.get(reverse("companies:stocktaking", args=[pk])).status_code == 403
    assert client.get(_step("identity")(world)).status_code == 403
    response = client.post(_step("identity")(world), {"name": "Taken over", "country": "DE"})
    assert response.status_code == 403
    assert client.get(reverse("companies:visibility", args=[pk])).status_code == 403
    world.member_company.refresh_from_db()
    assert world.member_company.name == "Schulte Metallbau GmbH"


def test_a_manager_of_the_company_may_edit(world: World):
    user = user_create(email="manager@alpha.example", password=PASSWORD, language="de")
    company_member_set(user=user, company=world.member_company, role="manager")
    world.users["manager"] = user
    response = world.client_for("manager").get(_step("identity")(world))
    assert response.status_code == 200


def test_fellow_member_cannot_save_another_companys_profile(world: World):
    response = world.client_for("other_company").post(
        _step("identity")(world), {"name": "Taken over", "country": "DE", "action": "next"}
    )
    assert response.status_code == 403
    world.member_company.refresh_from_db()
    assert world.member_company.name == "Schulte Metallbau GmbH"
