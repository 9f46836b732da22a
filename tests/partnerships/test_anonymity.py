"""Anonymous companies stay anonymous in identified partnerships (decision 0003, addendum).

Mutual interest makes an `identified` partnership before anyone agreed to a contact. Until a first
contact, the partner's users read an anonymous party only as ``display_name`` — on the
partnership page, its health page and report, the agreement page and PDF, the lists, the
portfolio and its CSV, the cost CSV, the calendar and the API. The anonymous company's own users
and the network's coordinators read the name; from `contacted` on, everyone does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import World, _user
from tests.health.app.django_world import one_way_alert
from tests.partnerships.conftest import BRINGS, FIRST_STEP, valid_terms
from tests.pdf import rendered_text
from verbund.companies.services import company_member_set, offers_replace
from verbund.partnerships import services
from verbund.partnerships.models import Partnership, Stage
from verbund.partnerships.selectors import COORDINATOR, Viewer, party_hidden, party_names
from verbund.tenancy.services import membership_set

SECRET = ("Geheimagentur", "Hüsing")  # the anonymous company's name, in parts


@dataclass
class Case:
    partnership: Partnership
    anonymous_user: Client
    partner: Client
    coordinator: Client


@pytest.fixture
def case(world: World) -> Case:
    """Mutual interest between the member company and the anonymous company: `identified`,
    with a draft agreement written by the anonymous company and an early warning."""
    anonymous = world.anonymous_company
    user = _user("owner@huesing.example")
    membership_set(user=user, network=world.alpha, role="member")
    company_member_set(user=user, company=anonymous, role="owner")
    world.users["anonymous_owner"] = user
    partnership = services.partnership_create_from_mutual_interest(
        network=world.alpha, companies=[world.member_company, anonymous]
    )
    assert partnership.stage == Stage.IDENTIFIED
    services.agreement_draft(
        partnership=partnership, terms=valid_terms(partnership), user=user, company=anonymous
    )
    one_way_alert(partnership, anonymous, world.member_company)
    return Case(
        partnership,
        world.client_for("anonymous_owner"),
        world.client_for("member"),
        world.client_for("coordinator"),
    )


def _pages(partnership: Partnership) -> list[str]:
    pk = partnership.pk
    return [
        reverse("partnerships:list"),
        reverse("partnerships:detail", args=[pk]),
        reverse("partnerships:agreement", args=[pk, 1]),
        reverse("partnerships:agreement_edit", args=[pk]),
        reverse("partnerships:reference_ask", args=[pk]),
        reverse("dashboards:partnership", args=[pk]),
        reverse("dashboards:partnership_charts", args=[pk]),
        reverse("health:alerts"),
        reverse("activities:costs", args=[pk]),
        reverse("activities:referrals", args=[pk]),
        reverse("activities:activities", args=[pk]),
        f"/api/v1/partnerships/{pk}",
        f"/api/v1/partnerships/{pk}/health",
        "/api/v1/partnerships",
        "/api/v1/health/alerts",
    ]


def _downloads(partnership: Partnership) -> list[str]:
    pk = partnership.pk
    return [
        reverse("dashboards:portfolio_csv"),
        reverse("activities:costs_csv", args=[pk]),
        reverse("activities:calendar", args=[pk]),
    ]


def _pdfs(partnership: Partnership) -> list[str]:
    pk = partnership.pk
    return [
        reverse("partnerships:agreement_pdf", args=[pk, 1]),
        reverse("dashboards:partnership_pdf", args=[pk]),
    ]


def _texts(client: Client, partnership: Partnership) -> dict[str, str]:
    """Every surface as text the reader gets (PDFs rendered and their text extracted)."""
    texts = {}
    for url in _pages(partnership) + _downloads(partnership):
        response = client.get(url)
        assert response.status_code == 200, url
        # JSON escapes umlauts: read it decoded, as a client would.
        api = url.startswith("/api/")
        texts[url] = json.dumps(response.json(), ensure_ascii=False) if api else response.text
    for url in _pdfs(partnership):
        response = client.get(url)
        assert response.status_code == 200, url
        texts[url] = " ".join(rendered_text(response.content).split())
    return texts


def _leaks(texts: dict[str, str]) -> list[str]:
    return [url for url, text in texts.items() if any(part in text for part in SECRET)]


def test_the_partner_reads_the_anonymous_company_nowhere_before_contact(case: Case):
    texts = _texts(case.partner, case.partnership)
    assert _leaks(texts) == []
    detail = texts[reverse("partnerships:detail", args=[case.partnership.pk])]
    assert "anonymes Unternehmen" in detail  # the label, in the reader's language
    assert "Schulte Metallbau GmbH" in detail  # the partner's own company by name


def test_the_health_evidence_names_the_anonymous_company_by_its_label(case: Case):
    response = case.partner.get(f"/api/v1/partnerships/{case.partnership.pk}/health")
    (alert,) = response.json()["alerts"]
    assert "anonymes Unternehmen" in alert["evidence_text"]
    assert not any(part in alert["evidence_text"] for part in SECRET)


def test_the_partner_is_not_linked_to_a_profile_that_would_name_it(case: Case, world: World):
    """The anonymous profile itself shows no name, so the link may stay; the page behind it
    is checked too."""
    response = case.partner.get(reverse("companies:detail", args=[world.anonymous_company.pk]))
    assert response.status_code == 200
    assert not any(part in response.content.decode() for part in SECRET)


def test_the_anonymous_companys_own_users_read_its_name(case: Case):
    texts = _texts(case.anonymous_user, case.partnership)
    detail = texts[reverse("partnerships:detail", args=[case.partnership.pk])]
    assert "Geheimagentur Hüsing GmbH" in detail
    assert "Geheimagentur Hüsing GmbH" in texts[f"/api/v1/partnerships/{case.partnership.pk}"]


def test_the_coordinator_reads_every_name(case: Case):
    pk = case.partnership.pk
    for url in (
        reverse("partnerships:detail", args=[pk]),
        reverse("dashboards:partnership", args=[pk]),
        f"/api/v1/partnerships/{pk}",
        f"/api/v1/partnerships/{pk}/health",
    ):
        response = case.coordinator.get(url)
        assert response.status_code == 200, url
        text = json.dumps(response.json(), ensure_ascii=False) if "/api/" in url else response.text
        assert "Geheimagentur Hüsing GmbH" in text, url
    pdf = case.coordinator.get(reverse("dashboards:partnership_pdf", args=[pk]))
    assert "Geheimagentur Hüsing GmbH" in " ".join(rendered_text(pdf.content).split())


def test_after_the_contact_the_partner_reads_the_name(case: Case, world: World):
    services.partnership_move(
        partnership=case.partnership,
        to_stage=Stage.CONTACTED,
        user=world.users["anonymous_owner"],
        company=world.anonymous_company,
    )
    texts = _texts(case.partner, case.partnership)
    for url in (
        reverse("partnerships:detail", args=[case.partnership.pk]),
        f"/api/v1/partnerships/{case.partnership.pk}",
        reverse("partnerships:agreement_pdf", args=[case.partnership.pk, 1]),
    ):
        assert "Geheimagentur Hüsing GmbH" in texts[url], url


def test_ending_before_any_contact_keeps_the_company_anonymous(case: Case, world: World):
    services.partnership_move(
        partnership=case.partnership,
        to_stage=Stage.ENDED,
        user=world.users["member"],
        company=world.member_company,
        reason="Kein Bedarf",
    )
    texts = _texts(case.partner, case.partnership)
    assert _leaks(texts) == []


def test_a_mediating_network_hides_every_party_before_contact(world: World):
    """With ``anonymous_contacts`` the coordination forwards first contacts: no name before."""
    world.alpha.anonymous_contacts = True
    world.alpha.save()
    partnership = services.partnership_create_from_mutual_interest(
        network=world.alpha, companies=[world.member_company, world.other_company]
    )
    response = world.client_for("member").get(reverse("partnerships:detail", args=[partnership.pk]))
    page = response.content.decode()
    assert "Bakker" not in page
    # The other company's profile would name it: the page does not link there.
    assert reverse("companies:detail", args=[world.other_company.pk]) not in page
    api = world.client_for("member").get(f"/api/v1/partnerships/{partnership.pk}").json()
    assert "Bakker" not in json.dumps(api, ensure_ascii=False)
    assert (
        "Bakker"
        in world.client_for("other_company")
        .get(reverse("partnerships:detail", args=[partnership.pk]))
        .content.decode()
    )


def test_the_rule_in_one_place(world: World):
    partnership = services.partnership_create_from_mutual_interest(
        network=world.alpha, companies=[world.member_company, world.anonymous_company]
    )
    partnership = Partnership.objects.select_related("network").get(pk=partnership.pk)
    partner = Viewer(frozenset({world.member_company.pk}), coordinator=False)
    own = Viewer(frozenset({world.anonymous_company.pk}), coordinator=False)
    assert party_hidden(partnership, world.anonymous_company, partner)
    assert not party_hidden(partnership, world.member_company, own)  # a named company is not
    assert not party_hidden(partnership, world.anonymous_company, own)
    assert not party_hidden(partnership, world.anonymous_company, COORDINATOR)
    assert party_names(partnership, COORDINATOR)[world.anonymous_company.pk] == (
        "Geheimagentur Hüsing GmbH"
    )


def test_an_anonymous_recipients_message_does_not_name_it_before_it_accepts(
    case: Case, world: World
):
    """The contact thread follows the request page's own rule for the two names."""
    offer = offers_replace(
        company=world.anonymous_company,
        items=[{"title": "Kampagnen für Industriekunden", "description": "Messen und Anzeigen"}],
    )[0]
    request = services.contact_request_send(
        network=world.alpha,
        sender=world.member_company,
        recipient=world.anonymous_company,
        user=world.users["member"],
        about=f"offer:{offer.pk}",
        brings=BRINGS,
        form="supplier_partnership",
        first_step=FIRST_STEP,
    )
    request = services.contact_request_forward(request=request, user=world.users["coordinator"])
    services.contact_message_add(
        request=request,
        user=world.users["anonymous_owner"],
        company=world.anonymous_company,
        text="Welche Stückzahlen brauchen Sie im Jahr ungefähr?",
    )
    page = case.partner.get(reverse("partnerships:contact_detail", args=[request.pk]))
    assert "Stückzahlen" in page.text
    assert not any(part in page.text for part in SECRET)
    own = case.anonymous_user.get(reverse("partnerships:contact_detail", args=[request.pk]))
    assert "Geheimagentur Hüsing GmbH" in own.text


def test_no_reference_is_asked_about_a_partner_still_anonymous(case: Case, world: World):
    """The question would name it to the referee, and the answer back to the requester."""
    from django.core.exceptions import ValidationError

    ask = {
        "partnership": case.partnership,
        "requester": world.member_company,
        "candidate": world.anonymous_company,
        "referee": world.other_company,
        "question": "Wie zuverlässig hält die Agentur ihre Termine bei Kampagnen ein?",
        "user": world.users["member"],
    }
    with pytest.raises(ValidationError) as refused:
        services.reference_request_create(**ask)
    assert "candidate" in refused.value.message_dict
    ask["partnership"] = services.partnership_move(
        partnership=case.partnership,
        to_stage=Stage.CONTACTED,
        user=world.users["member"],
        company=world.member_company,
    )
    assert services.reference_request_create(**ask).candidate == world.anonymous_company


def test_shared_work_before_contact_does_not_name_the_anonymous_party(case: Case, world: World):
    """Notices about an activity name the anonymous party by its label; no client is passed
    between partners who are anonymous to each other (the referral names both)."""
    from django.core.exceptions import ValidationError

    from verbund.activities import services as activities
    from verbund.notifications.models import Notification

    activities.activity_create(
        partnership=case.partnership,
        company=world.anonymous_company,
        user=world.users["anonymous_owner"],
        kind="webinar",
        title="Gemeinsames Webinar",
        starts_at=timezone.now(),
    )
    notice = Notification.objects.filter(recipient=world.users["member"]).latest("pk")
    assert not any(part in json.dumps(notice.params, ensure_ascii=False) for part in SECRET)
    with pytest.raises(ValidationError) as refused:
        activities.referral_give(
            partnership=case.partnership,
            referrer=world.member_company,
            user=world.users["member"],
            receiver=world.anonymous_company,
            client_company="Kunde GmbH",
        )
    assert "receiver_company" in refused.value.message_dict
