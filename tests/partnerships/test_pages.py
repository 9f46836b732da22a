"""The partnership pages as people use them: what they show, refusals that keep the input, and
query counts that do not grow with the partnership's history."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from tests.conftest import World
from tests.partnerships.conftest import BRINGS, Items, valid_terms
from verbund.partnerships import presentation, services
from verbund.partnerships.models import ContactRequest, Stage


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_an_empty_request_is_shown_again_with_every_message_and_nothing_lost(
    world: World, items: Items
):
    client = world.client_for("member")
    url = reverse("partnerships:request", args=[world.other_company.pk])
    response = client.post(url, {"brings": "Hallo", "form": "", "first_step": ""})
    assert response.status_code == 400
    body = response.content.decode()
    for field in ("about", "brings", "form", "first_step"):
        assert f'data-testid="field-error" data-field="{field}"' in body
    assert "Hallo</textarea>" in body  # what was typed stays
    assert not ContactRequest.objects.exists()


def test_the_request_page_offers_the_recipients_items_and_keeps_the_suggestion(
    world: World, items: Items
):
    client = world.client_for("member")
    url = reverse("partnerships:request", args=[world.other_company.pk])
    response = client.get(url + f"?about=need:{items.other_need.pk}&origin=suggestion")
    body = response.content.decode()
    assert f'value="need:{items.other_need.pk}"' in body and "checked" in body
    assert 'name="origin" value="suggestion"' in body
    client.post(
        url,
        {
            "about": f"need:{items.other_need.pk}",
            "brings": BRINGS,
            "form": "supplier_partnership",
            "first_step": "Ein Telefonat am Dienstag mit unserem Vertrieb über zwei Anfragen.",
            "origin": "suggestion",
        },
    )
    assert ContactRequest.objects.get().origin == "suggestion"


def test_profile_and_directory_offer_a_contact_request(world: World, items: Items):
    client = world.client_for("member")
    profile = client.get(reverse("companies:detail", args=[world.other_company.pk])).content
    assert b'data-testid="request-contact"' in profile
    assert f"?about=need:{items.other_need.pk}".encode() in profile
    own = client.get(reverse("companies:detail", args=[world.member_company.pk])).content
    assert b'data-testid="request-contact"' not in own
    directory = client.get(reverse("companies:directory", args=["alpha"])).content
    assert b'data-testid="card-request-contact"' in directory


def test_detail_page_queries_do_not_grow_with_history(world: World, partnership):
    client = world.client_for("member")
    url = reverse("partnerships:detail", args=[partnership.pk])
    member, other = world.member_company, world.other_company
    users = world.users

    def draft(share: int):
        shares = {str(member.pk): str(share), str(other.pk): str(100 - share)}
        return services.agreement_draft(
            partnership=partnership,
            terms=valid_terms(partnership, cost_shares=shares),
            user=users["other_company"],
            company=other,
        )

    services.agreement_confirm(version=draft(40), user=users["member"], company=member)
    first = _queries(client, url)
    services.partnership_move(
        partnership=partnership, to_stage=Stage.EXPLORING, user=users["member"],
        company=member, reason="weiter",
    )  # fmt: skip
    for share in (50, 60, 70):
        draft(share)
    for item in partnership.checklist.all()[:5]:
        services.checklist_item_set(item=item, done=True, user=users["member"])
    assert _queries(client, url) == first


def test_list_page_queries_do_not_grow_with_partnerships(world: World, partnership):
    client = world.client_for("member")
    url = reverse("partnerships:list")
    first = _queries(client, url)
    services.partnership_create(
        network=world.alpha,
        companies=[world.member_company, world.anonymous_company],
        form="marketing_alliance",
        origin="coordinator",
    )
    assert _queries(client, url) == first


def test_the_agreement_page_shows_the_diff_between_versions(world: World, partnership):
    member, other = world.member_company, world.other_company
    services.agreement_draft(
        partnership=partnership, terms=valid_terms(partnership),
        user=world.users["member"], company=member,
    )  # fmt: skip
    services.agreement_draft(
        partnership=partnership,
        terms=valid_terms(partnership, cost_shares={str(member.pk): "70", str(other.pk): "30"}),
        user=world.users["other_company"], company=other,
    )  # fmt: skip
    response = world.client_for("member").get(
        reverse("partnerships:agreement", args=[partnership.pk, 2])
    )
    body = response.content.decode()
    assert 'data-testid="diff-row"' in body
    assert "70 %" in body and "50 %" in body


def test_checklist_toggle_with_htmx_returns_only_the_item(world: World, partnership):
    item = partnership.checklist.filter(stage="contacted").first()
    response = world.client_for("member").post(
        reverse("partnerships:checklist", args=[partnership.pk, item.pk]),
        {"done": "1"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.content.decode().strip().startswith("<li")
    item.refresh_from_db()
    assert item.is_done


def test_a_coordinator_reads_but_cannot_move(world: World, partnership):
    client = world.client_for("coordinator")
    body = client.get(reverse("partnerships:detail", args=[partnership.pk])).content.decode()
    assert 'data-testid="move"' not in body
    response = client.post(
        reverse("partnerships:move", args=[partnership.pk]), {"stage": "exploring"}
    )
    assert response.status_code == 403


def test_an_anonymous_recipient_stays_anonymous_to_the_sender(world: World, items: Items):
    from verbund.companies.services import offers_replace

    offer = offers_replace(company=world.anonymous_company, items=[{"title": "Kampagnen"}])[0]
    request = services.contact_request_send(
        network=world.alpha,
        sender=world.member_company,
        recipient=world.anonymous_company,
        user=world.users["member"],
        about=f"offer:{offer.pk}",
        brings=BRINGS,
        form="marketing_alliance",
        first_step="Ein Telefonat am Dienstag mit unserem Vertrieb über zwei Anfragen.",
    )
    member = world.client_for("member")
    for url in (
        reverse("partnerships:contact_detail", args=[request.pk]),
        reverse("partnerships:list"),
    ):
        assert b"Geheimagentur" not in member.get(url).content
    coordinator = world.client_for("coordinator")
    body = coordinator.get(reverse("partnerships:contact_detail", args=[request.pk])).content
    assert b"Geheimagentur" in body and b"Schulte Metallbau" in body  # sees both, forwards


def test_partners_only_sections_open_up_to_a_partner(world: World, items: Items):
    from tests.partnerships.conftest import send_request
    from verbund.companies.services import company_update

    company_update(company=world.member_company, field_visibility={"needs": "partners"})
    url = reverse("companies:detail", args=[world.member_company.pk])
    from verbund.companies.services import needs_replace

    needs_replace(company=world.member_company, items=[{"title": "Pulverbeschichtung"}])
    other = world.client_for("other_company")
    assert b"Pulverbeschichtung" not in other.get(url).content
    services.contact_request_accept(
        request=send_request(world, items),
        user=world.users["other_company"],
        company=world.other_company,
    )
    assert b"Pulverbeschichtung" in other.get(url).content


def test_staff_read_requests_but_owners_and_managers_decide(world: World, items: Items):
    from tests.partnerships.conftest import send_request
    from verbund.companies.services import company_member_set

    staff = world.users["outsider"]
    company_member_set(user=staff, company=world.other_company, role="staff")
    request = send_request(world, items)
    client = world.client_for("outsider")
    assert client.get(reverse("partnerships:contact_detail", args=[request.pk])).status_code == 200
    response = client.post(reverse("partnerships:contact_accept", args=[request.pk]))
    assert response.status_code == 403
    response = client.get(reverse("partnerships:request", args=[world.member_company.pk]))
    assert response.status_code in (403, 404)


def test_an_answered_reference_shows_on_the_candidates_profile_for_the_asker(world: World):
    from tests.partnerships import worlds

    reference = worlds.reference(world)
    services.reference_answer(
        reference=reference,
        company=world.other_company,
        user=world.users["other_company"],
        answer="Sehr zuverlässig, Termine und Budgets wurden immer eingehalten.",
        rating=5,
    )
    url = reverse("companies:detail", args=[world.anonymous_company.pk])
    asker = world.client_for("member").get(url).content
    assert b'data-testid="partner-references"' in asker and b"Budgets wurden" in asker
    # The referee answered the asker, not the whole network.
    other = world.client_for("other_company").get(url).content
    assert b"Budgets wurden" not in other


def test_declining_without_a_reason_is_refused_on_the_page(world: World, items: Items):
    from tests.partnerships.conftest import send_request

    request = send_request(world, items)
    response = world.client_for("other_company").post(
        reverse("partnerships:contact_decline", args=[request.pk]), {"reason": ""}
    )
    assert response.status_code == 400
    assert b'data-field="reason"' in response.content
    assert b"Leverancierspartnerschap" in response.content  # the form, in her language
    request.refresh_from_db()
    assert request.status == ContactRequest.Status.PENDING


def _agreement_post(world: World, partnership, **overrides) -> dict:
    member, other = world.member_company, world.other_company
    terms = services.initial_terms(partnership)
    data = {
        "form": terms["form"],
        "scope": "Gehäuse und Steuerungen für Sondermaschinen.",
        "duration_months": "12",
        "review_cadence_months": "3",
        "factors": terms["factors"],
        "data_sharing": "aggregated",
        f"share_{member.pk}": "50",
        f"share_{other.pk}": "50",
    }
    # The template's KPI suggestions as the page pre-fills them: chosen, no target yet.
    for n, row in enumerate(terms["kpis"]):
        data.update({f"kpi_{n}_key": row["key"], f"kpi_{n}_period": "quarter"})
    data.update(overrides)
    return data


def _error_summary(response) -> str:
    body = response.content.decode()
    start = body.index('data-testid="form-errors"')
    return body[start : body.index("</div>", start)]


def test_the_agreement_form_reports_every_error_at_once(world: World, partnership):
    member, other = world.member_company, world.other_company
    assert len(services.initial_terms(partnership)["kpis"]) >= 2
    response = world.client_for("member").post(
        reverse("partnerships:agreement_edit", args=[partnership.pk]),
        _agreement_post(
            world,
            partnership,
            scope="",
            duration_months="999999",
            **{
                f"share_{member.pk}": "110",
                f"share_{other.pk}": "10",
                "kpi_0_target": "zehn",
                "kpi_1_target": "-1",
                "kpi_3_target": "5",  # a target without a KPI; row 3 (empty) is left out
            },
        ),
    )
    assert response.status_code == 400
    summary = _error_summary(response)
    with translation.override(response.headers["Content-Language"]):
        expected = [
            _("This field is required."),  # scope
            _("Ensure this value is less than or equal to %(limit_value)s.") % {"limit_value": 120},
            _("“%(value)s” is not a share between 0 and 100 %%.") % {"value": "110"},
            _("KPI row %(row)s: enter a target of zero or more.") % {"row": 1},
            _("KPI row %(row)s: enter a target of zero or more.") % {"row": 2},
            _("KPI row %(row)s: choose a KPI from the list.") % {"row": 4},  # as the page counts
        ]
        not_expected = _("The duration must be between 1 and 120 months.")
    for message in expected:
        assert escape(message) in summary, message
    assert escape(not_expected) not in summary  # refused once, by the form
    assert not partnership.agreement_versions.exists()


def test_kpi_suggestions_left_without_target_are_ignored(world: World, partnership):
    response = world.client_for("member").post(
        reverse("partnerships:agreement_edit", args=[partnership.pk]),
        _agreement_post(world, partnership, kpi_0_target="4"),
    )
    assert response.status_code == 302
    kpis = partnership.agreement_versions.get().terms["kpis"]
    assert [(row["key"], row["target"]) for row in kpis] == [
        (services.initial_terms(partnership)["kpis"][0]["key"], "4")
    ]


@pytest.mark.parametrize(
    ("language", "line"),
    [("de", "Vermittelter Umsatz: 50.000,00 € pro Quartal"),
     ("nl", "Aangebrachte omzet: 50.000,00 € per kwartaal"),
     ("en", "Sourced revenue: 50,000.00 € per quarter")],
)  # fmt: skip
def test_a_revenue_kpi_target_reads_as_an_amount_and_a_count_as_a_number(language, line):
    kpis = [
        {"key": "sourced_revenue", "target": "50000", "period": "quarter"},
        {"key": "referrals_given", "target": "6000", "period": "quarter"},
    ]
    with translation.override(language):
        lines = presentation.describe("kpis", {"kpis": kpis}, {}, language)
    assert lines[0] == line
    assert "€" not in lines[1] and ("6.000" in lines[1] or "6,000" in lines[1])
