"""Group pages: slips with bad input get a clear message and lose nothing; the thank-you and the
receiver's status change; the committee's decision; page query counts stay flat."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.groups.conftest import GroupWorld, _person, client_for
from verbund.groups import services
from verbund.groups.models import Visitor
from verbund.notifications.models import Notification
from verbund.referrals.models import Referral


def _slip_url(groups: GroupWorld, kind: str) -> str:
    return reverse("groups:slip", args=[groups.a.pk, kind])


def test_an_outside_referral_without_consent_is_refused_and_keeps_the_input(groups: GroupWorld):
    response = client_for(groups, "member").post(
        _slip_url(groups, "referral"),
        {"receiver": groups.seats["secretary"].pk, "kind": "outside", "client_name": "Frau Kötter",
         "client_phone": "0251 4711", "need": "Lohnbuchhaltung"},
    )  # fmt: skip
    assert response.status_code == 422
    text = response.content.decode()
    assert "Kontaktaufnahme zugestimmt" in text  # German: the member's language
    assert 'value="Frau Kötter"' in text
    assert not Referral.objects.exists()


def test_an_inside_referral_needs_the_member_who_is_the_client(groups: GroupWorld):
    response = client_for(groups, "member").post(
        _slip_url(groups, "referral"),
        {"receiver": groups.seats["secretary"].pk, "kind": "inside", "need": "Jahresabschluss"},
    )
    assert response.status_code == 422
    assert "Wählen Sie das Mitglied, das der Kunde ist." in response.content.decode()
    assert not Referral.objects.exists()


def test_a_dutch_member_reads_the_messages_in_dutch(groups: GroupWorld):
    groups.users["member"].language = "nl"
    groups.users["member"].save()
    response = client_for(groups, "member").post(
        _slip_url(groups, "one_to_one"),
        {"other": groups.seats["member"].pk, "met_on": "2026-01-01"},
    )
    assert response.status_code == 422
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_the_receiver_thanks_for_closed_business_and_the_referrer_is_credited(
    groups: GroupWorld,
):
    referral = services.referral_slip_create(
        group=groups.a, giver=groups.seats["secretary"], receiver=groups.seats["member"],
        client_seat=groups.seats["colleague"], need="Neue Beleuchtung",
    )  # fmt: skip
    client = client_for(groups, "member")
    form = client.get(_slip_url(groups, "thanks"))
    assert f'value="{referral.pk}"' in form.content.decode()
    assert form.context["form"]["referral"].value() is None  # nothing chosen for the member
    refused = client.post(_slip_url(groups, "thanks"), {"referral": "", "amount": "1250"})
    assert refused.status_code == 422 and "referral" in refused.context["form"].errors
    response = client.post(_slip_url(groups, "thanks"), {"referral": referral.pk, "amount": "1250"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "won" and str(referral.closed_value) == "1250.00"
    assert Notification.objects.filter(
        recipient=groups.users["secretary"], kind="referrals.won"
    ).exists()


def test_the_receiver_moves_a_referral_on_and_won_needs_a_value(groups: GroupWorld):
    referral = services.referral_slip_create(
        group=groups.a, giver=groups.seats["secretary"], receiver=groups.seats["member"],
        client_seat=groups.seats["colleague"], need="Neue Beleuchtung",
    )  # fmt: skip
    client = client_for(groups, "member")
    url = reverse("referrals:detail", args=[referral.pk])
    refused = client.post(url, {"status": "won"})
    assert refused.status_code == 422
    assert "Wert des gewonnenen Auftrags" in refused.content.decode()
    assert client.post(url, {"status": "meeting", "note": "Termin vor Ort"}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == "meeting"
    assert list(referral.history.values_list("from_status", "to_status")) == [("new", "meeting")]
    # Backwards is not offered and not accepted.
    assert client.post(url, {"status": "contacted"}).status_code == 422


def test_accepting_an_applicant_into_a_taken_category_shows_the_conflict(groups: GroupWorld):
    visitor = services.visitor_apply(
        visitor=services.visitor_record(
            group=groups.a, name="Herr Vogt", category="electrician", visited_on=date.today()
        )
    )
    client = client_for(groups, "committee")
    page = client.get(reverse("groups:visitors", args=[groups.a.pk]))
    assert page.status_code == 200  # the membership committee sees visitors
    assert 'data-testid="conflict"' in page.content.decode()
    response = client.post(
        reverse("groups:visitor_decide", args=[groups.a.pk, visitor.pk]),
        {"accept": "1"},
        follow=True,
    )
    assert "Schulte Metallbau GmbH" in response.content.decode()
    visitor.refresh_from_db()
    assert visitor.status == Visitor.Status.APPLIED


def test_a_period_that_ends_before_it_starts_is_named(groups: GroupWorld):
    response = client_for(groups, "member").get(
        reverse("groups:report", args=[groups.a.pk]), {"start": "2026-05-01", "end": "2026-04-01"}
    )
    assert response.status_code == 422
    assert "Das Ende des Zeitraums liegt vor seinem Beginn." in response.content.decode()


def test_the_meeting_sheet_names_the_substitute(groups: GroupWorld):
    services.attendance_record(
        meeting=groups.meeting, entries=[(groups.seats["colleague"], "substitute", "Jan Berg")]
    )
    response = client_for(groups, "member").get(
        reverse("groups:meeting_sheet", args=[groups.a.pk, groups.meeting.pk])
    )
    assert "Vertretung: Jan Berg" in response.content.decode()


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_group_pages_use_the_same_number_of_queries_for_a_larger_group(groups: GroupWorld):
    client = client_for(groups, "member")
    urls = [
        reverse("groups:detail", args=[groups.a.pk]),
        reverse("groups:report", args=[groups.a.pk]),
        reverse("groups:slips", args=[groups.a.pk]),
        reverse("groups:meeting", args=[groups.a.pk, groups.meeting.pk]),
        reverse("groups:seats", args=[groups.a.pk]),
    ]
    services.referral_slip_create(
        group=groups.a, giver=groups.seats["member"], receiver=groups.seats["secretary"],
        client_seat=groups.seats["colleague"], need="Auftrag",
    )  # fmt: skip
    before = [_queries(client, url) for url in urls]
    for index, category in enumerate(["roofer", "gardener", "lawyer", "notary", "bank"]):
        user, company = _person(groups.world, f"more{index}", f"Mehr {index} GmbH")
        seat = services.seat_create(group=groups.a, user=user, company=company, category=category)
        services.attendance_record(meeting=groups.meeting, entries=[(seat, "present", "")])
        services.referral_slip_create(
            group=groups.a, giver=seat, receiver=groups.seats["member"],
            client_seat=groups.seats["secretary"], need="Auftrag",
        )  # fmt: skip
        services.one_to_one_create(
            group=groups.a, seat=seat, other=groups.seats["member"], met_on=date.today()
        )
    after = [_queries(client, url) for url in urls]
    assert after == before


def test_the_group_list_counts_every_member_not_just_the_reader(groups):
    # A member sees group A with all four seats, not only their own.
    page = client_for(groups, "member").get(reverse("groups:list")).content.decode()
    assert "4 Mitglieder" in page
