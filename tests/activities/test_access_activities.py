"""Every page and endpoint of running a partnership, every persona. The partnership is the member
company's with the anonymous company: the member acts, the network's coordination reads
referrals, activities and the ledger (403 on writes, receipts, contacts export and the import),
the other company (outside the partnership) and everyone else get 404."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.access import Route, access_tests, everyone
from tests.activities.test_shared_contacts import HEADER
from tests.conftest import World
from tests.partnerships import worlds
from verbund.accounts.services import user_create
from verbund.activities import services
from verbund.companies.services import company_member_set
from verbund.referrals import services as referral_services

READ = everyone(404, coordinator=200, member=200)
WRITE = everyone(404, coordinator=403, member=302)
PARTY_PAGE = everyone(404, coordinator=403, member=200)
API_CREATE = everyone(404, coordinator=403, member=201)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def p(w: World) -> int:
    return worlds.outside_partnership(w).pk


def _url(name: str, *extra):
    return lambda w: reverse(name, args=[p(w), *(e(w) for e in extra)])


def answered_referral(w: World):
    """From the anonymous company to the member company, which has been in touch."""

    def make():
        agency = user_create(email="agentur@alpha.example", password="x-correct-horse")
        company_member_set(user=agency, company=w.anonymous_company, role="owner")
        referral = services.referral_give(
            partnership=worlds.outside_partnership(w),
            referrer=w.anonymous_company,
            user=agency,
            receiver=w.member_company,
            client_name="Jan Smit",
            client_email="jan@smit.example",
            consent=True,
            need="Werbekampagne für eine Messe",
        )
        return referral_services.referral_set_status(
            referral=referral, user=w.users["member"], status="contacted"
        )

    return worlds._once(w, "answered_referral", make)


def cost_with_receipt(w: World):
    return worlds._once(
        w,
        "receipt",
        lambda: services.cost_item_create(
            partnership=worlds.outside_partnership(w),
            company=w.member_company,
            user=None,
            paid_by=w.member_company,
            amount=Decimal("99.00"),
            spent_on=worlds.outside_partnership(w).created_at.date(),
            description="Druckkosten",
            receipt=SimpleUploadedFile("beleg.pdf", b"%PDF-1.4\n%%EOF\n"),
        ),
    )


def referral_data(w: World) -> dict:
    return {
        "receiver": w.anonymous_company.pk,
        "client_name": "Eva Kock",
        "client_email": "eva@kock.example",
        "consent": "on",
        "need": "Neue Webseite",
    }


def activity_data(w: World) -> dict:
    return {
        "kind": "management_meeting",
        "title": "Jahresgespräch",
        "starts_at": "2025-05-02T10:00",
        "duration_minutes": "90",
        "initiator": w.member_company.pk,
        "participants": [w.member_company.pk, w.anonymous_company.pk],
    }


def cost_data(w: World) -> dict:
    return {
        "description": "Messestand",
        "amount": "1200.00",
        "spent_on": "2025-05-03",
        "paid_by": w.member_company.pk,
    }


def contacts_file(w: World) -> dict:
    line = "anna@vos.example;Anna;Vos;Messe;2025-01-10;newsletter;;nein\n"
    return {"file": SimpleUploadedFile("c.csv", (HEADER + line).encode())}


def import_file(w: World) -> dict:
    text = "date;kind;title;initiator\n2025-03-05;webinar;Webinar;Schulte Metallbau GmbH\n"
    return {
        "what": "activities",
        "dry_run": "on",
        "file": SimpleUploadedFile("a.csv", text.encode()),
    }


def _api(path: str):
    return lambda w: f"/api/v1/partnerships/{p(w)}/{path}"


ROUTES = [
    Route("activities:referrals", _url("activities:referrals"), READ),
    Route(
        "activities:referrals (post)",
        _url("activities:referrals"),
        WRITE,
        method="post",
        data=referral_data,
    ),
    Route(
        "activities:feedback_link",
        _url("activities:feedback_link", lambda w: answered_referral(w).pk),
        PARTY_PAGE,
        method="post",
    ),
    Route("activities:activities", _url("activities:activities"), READ),
    Route(
        "activities:activities (post)",
        _url("activities:activities"),
        WRITE,
        method="post",
        data=activity_data,
    ),
    Route("activities:calendar", _url("activities:calendar"), READ),
    Route("activities:costs", _url("activities:costs"), READ),
    Route(
        "activities:costs (post)", _url("activities:costs"), WRITE, method="post", data=cost_data
    ),
    Route(
        "activities:settle",
        _url("activities:settle"),
        WRITE,
        method="post",
        data=lambda w: {"proposal": "1"},
    ),
    Route("activities:costs_csv", _url("activities:costs_csv"), READ),
    Route(
        "activities:receipt",
        _url("activities:receipt", lambda w: cost_with_receipt(w).pk),
        PARTY_PAGE,
    ),
    Route("activities:contacts", _url("activities:contacts"), READ),
    Route(
        "activities:contacts (upload)",
        _url("activities:contacts"),
        WRITE,
        method="post",
        data=contacts_file,
    ),
    Route(
        "activities:campaign_export",
        _url("activities:campaign_export"),
        PARTY_PAGE,
        data=lambda w: {"purpose": "newsletter", "on": "2025-06-01"},
    ),
    Route("activities:import", _url("activities:import"), PARTY_PAGE),
    Route(
        "activities:import (dry run)",
        _url("activities:import"),
        PARTY_PAGE,
        method="post",
        data=import_file,
    ),
    Route("api:joint_referrals", _api("referrals"), READ, api=True),
    Route(
        "api:joint_referral_create",
        _api("referrals"),
        API_CREATE,
        method="post",
        api=True,
        json=True,
        data=lambda w: {
            "receiver_company_id": w.anonymous_company.pk,
            "need": "Neue Webseite",
            "client_name": "Eva Kock",
            "client_email": "eva@kock.example",
            "consent": True,
        },
    ),
    Route("api:joint_activities", _api("activities"), READ, api=True),
    Route(
        "api:joint_activity_create",
        _api("activities"),
        API_CREATE,
        method="post",
        api=True,
        json=True,
        data=lambda w: {
            "kind": "webinar",
            "title": "Webinar Dachsanierung",
            "starts_at": "2025-05-02T10:00:00+02:00",
        },
    ),
    Route("api:cost_ledger", _api("ledger"), READ, api=True),
    Route(
        "api:cost_create",
        _api("costs"),
        API_CREATE,
        method="post",
        api=True,
        json=True,
        data=lambda w: {"description": "Anzeige", "amount": "350.00", "spent_on": "2025-05-03"},
    ),
    Route(
        "api:settlement_create",
        _api("settlements"),
        API_CREATE,
        method="post",
        api=True,
        json=True,
        data=lambda w: {
            "payer_id": w.anonymous_company.pk,
            "payee_id": w.member_company.pk,
            "amount": "10.00",
        },
    ),
    Route("api:shared_contacts", _api("contacts"), PARTY_PAGE, api=True),
    Route("api:recorded_kpis", _api("kpis"), READ, api=True),
]

(
    test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused,
) = access_tests(ROUTES)


def test_a_partner_never_sees_the_others_unshared_contacts(world: World, partnership):
    """Member and other company in one partnership: each page and endpoint shows the other's
    contacts only as a count."""
    rows = "secret@member.example;Geheim;Schulte;Messe;2025-01-10;newsletter;;nein\n"
    member = world.client_for("member")
    response = member.post(
        reverse("activities:contacts", args=[partnership.pk]),
        {"file": SimpleUploadedFile("c.csv", (HEADER + rows).encode())},
    )
    assert response.status_code == 302
    other = world.client_for("other_company")
    page = other.get(reverse("activities:contacts", args=[partnership.pk]))
    assert page.status_code == 200
    assert b"secret@member.example" not in page.content
    assert b"secret@member.example" in member.get(page.request["PATH_INFO"]).content
    export = other.get(
        reverse("activities:campaign_export", args=[partnership.pk]),
        {"purpose": "newsletter", "on": "2025-06-01"},
    )
    assert b"secret@member.example" not in export.content
    coordinator = world.client_for("coordinator")
    assert b"secret@member.example" not in coordinator.get(page.request["PATH_INFO"]).content
    token = world.token_for("other_company")
    api = other.get(
        f"/api/v1/partnerships/{partnership.pk}/contacts",
        headers={"Authorization": f"Bearer {token}"},
    )
    counts = {str(world.member_company.pk): 1, str(world.other_company.pk): 0}
    assert api.json()["per_party"] == counts
    assert api.json()["visible"] == []


def test_the_client_feedback_page_needs_no_account_and_works_once(world: World, partnership):
    referral = services.referral_give(
        partnership=partnership,
        referrer=world.member_company,
        user=world.users["member"],
        receiver=world.other_company,
        client_name="Jan Smit",
        client_email="jan@smit.example",
        consent=True,
        need="Dach",
    )
    referral_services.referral_set_status(
        referral=referral, user=world.users["other_company"], status="won", closed_value=Decimal(5)
    )
    page = world.client_for("member").post(
        reverse("activities:feedback_link", args=[partnership.pk, referral.pk])
    )
    url = page.context["feedback_url"]
    path = url[url.index("/feedback/") :]
    anonymous = world.client_for("anonymous")
    assert anonymous.get(path).status_code == 200
    assert path == reverse("referrals:feedback", args=[path.split("/")[2]])  # the one public route
    refused = anonymous.post(path, {"rating": "9"})
    assert refused.status_code == 422
    assert anonymous.post(path, {"rating": "5", "comment": "Top"}).status_code == 200
    assert anonymous.get(path).status_code == 410  # used: a page saying so, no form
    assert anonymous.get("/feedback/not-a-token/").status_code == 404
