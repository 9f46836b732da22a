"""The working pages refuse bad input with the field named and keep what was typed; the calendar
and CSV exports carry what was recorded."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.conftest import World
from verbund.activities import services
from verbund.activities.models import CostItem, JointActivity
from verbund.referrals.models import Referral


def test_a_bad_cost_is_refused_with_its_fields_and_nothing_is_lost(world: World, partnership):
    client = world.client_for("member")
    url = reverse("activities:costs", args=[partnership.pk])
    response = client.post(
        url,
        {
            "description": "Messestand",
            "amount": "-5",
            "spent_on": "2025-05-03",
            "paid_by": world.member_company.pk,
            "override": "on",
            f"share_{world.member_company.pk}": "80",
            f"share_{world.other_company.pk}": "30",
        },
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert "amount" in form.errors
    assert b'value="Messestand"' in response.content
    assert not CostItem.objects.exists()


def test_a_refused_cost_keeps_its_split_open_and_asks_for_the_receipt_again(
    world: World, partnership
):
    for day in (
        dt.datetime(2025, 4, 2, 9, tzinfo=dt.UTC),
        dt.datetime(2025, 5, 7, 9, tzinfo=dt.UTC),
    ):
        services.activity_create(
            partnership=partnership, company=world.member_company, user=world.users["member"],
            kind="management_meeting", title="Jour fixe", starts_at=day,
            participants=[world.member_company, world.other_company],
        )  # fmt: skip
    client = world.client_for("member")
    url = reverse("activities:costs", args=[partnership.pk])
    labels = [label for _pk, label in client.get(url).context["form"].fields["activity"].choices]
    assert len(set(labels)) == len(labels) == 3  # "—" and two "Jour fixe" told apart by date
    response = client.post(
        url,
        {
            "description": "Messestand",
            "amount": "120",
            "spent_on": "2025-05-03",
            "paid_by": world.member_company.pk,
            "override": "on",
            f"share_{world.member_company.pk}": "80",
            f"share_{world.other_company.pk}": "abc",
            "receipt": SimpleUploadedFile("beleg.pdf", b"%PDF-1.4\n", "application/pdf"),
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'data-testid="own-split" open' in body
    assert 'data-testid="receipt-again"' in body
    closed = client.post(url, {"description": "Messestand", "amount": "-5"})
    assert 'data-testid="own-split">' in closed.content.decode()  # nothing in it: folded
    assert 'data-testid="receipt-again"' not in closed.content.decode()


def test_an_invalid_email_does_not_hide_the_referrals_other_errors(world: World, partnership):
    response = world.client_for("member").post(
        reverse("activities:referrals", args=[partnership.pk]),
        {
            "receiver": world.other_company.pk,
            "client_name": "Frau Berger",
            "client_email": "berger-at-example",
            "need": "",
            "estimated_value": "-100",
        },
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"client_email", "consent", "need", "estimated_value"}
    assert len(errors["client_email"]) == 1  # the form's own "valid email", not a second one
    assert not Referral.objects.exists()


def test_an_empty_activity_title_is_named(world: World, partnership):
    response = world.client_for("other_company").post(
        reverse("activities:activities", args=[partnership.pk]),
        {
            "kind": "webinar",
            "title": "",
            "starts_at": "2025-05-02T10:00",
            "duration_minutes": "60",
            "initiator": world.other_company.pk,
            "participants": [world.other_company.pk],
        },
    )
    assert response.status_code == 400
    assert "title" in response.context["form"].errors
    assert not JointActivity.objects.exists()


def test_meetings_export_to_icalendar(world: World, partnership):
    for kind, title in (("management_meeting", "Jahresgespräch"), ("webinar", "Webinar")):
        services.activity_create(
            partnership=partnership,
            company=world.member_company,
            user=None,
            kind=kind,
            title=title,
            starts_at=timezone.make_aware(dt.datetime(2025, 5, 2, 10, 0)),
            duration_minutes=90,
            location="Münster; Raum 2",
        )
    response = world.client_for("member").get(reverse("activities:calendar", args=[partnership.pk]))
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert text.count("BEGIN:VEVENT") == 1  # only meetings
    assert "SUMMARY:Jahresgespräch" in text
    assert "PRODID:-//Verbund//Meetings//EN" in text
    assert "@testserver\r\n" in text  # event ids unique to this installation (RFC 5545)
    assert "LOCATION:Münster\\; Raum 2" in text
    assert "DTSTART:20250502T080000Z" in text and "DTEND:20250502T093000Z" in text


COSTS_CSV = {
    # persona: (heading of the first columns, the kinds, date, amount and share as written there)
    "member": (["Typ", "Datum", "Beschreibung"], ("Kosten", "Ausgleichszahlung"), "01.04.2025",
               "1234,50", "50,00"),
    "other_company": (["Soort", "Datum", "Beschrijving"], ("Kosten", "Verrekening"), "1-4-2025",
                      "1234,50", "50,00"),
}  # fmt: skip


@pytest.mark.parametrize("persona", COSTS_CSV)
def test_the_costs_csv_holds_every_cost_and_settlement_in_the_readers_language(
    world: World, partnership, persona
):
    """For people in Excel: headings and kinds in the reader's language, the decimal comma of
    German and Dutch (a number there, not text), no grouping, no formula run."""
    a, b = world.member_company, world.other_company
    services.cost_item_create(
        partnership=partnership, company=a, user=None, paid_by=a, amount=Decimal("1234.50"),
        spent_on=dt.date(2025, 4, 1), description="=HYPERLINK(\"x\")",
    )  # fmt: skip
    services.settlement_record(
        partnership=partnership, company=b, user=None, payer=b, payee=a, amount=Decimal("50.00")
    )
    response = world.client_for(persona).get(reverse("activities:costs_csv", args=[partnership.pk]))
    header, kinds, day, amount, share = COSTS_CSV[persona]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == header
    assert "amount_eur" not in rows[0]
    cost, settlement = rows[1], rows[2]
    assert cost[:3] == [kinds[0], day, '\'=HYPERLINK("x")']  # no formula runs in Excel
    assert cost[6:] == [amount, share, share]
    assert settlement[0] == kinds[1] and settlement[6] == "50,00"
    assert Decimal(cost[6].replace(",", ".")) == Decimal("1234.50")  # read back exactly


def _record_some(world: World, partnership, n: int) -> None:
    a, b = world.member_company, world.other_company
    for i in range(n):
        services.referral_give(
            partnership=partnership, referrer=a, user=world.users["member"], receiver=b,
            client_name=f"Kunde {i}", client_email=f"k{i}@x.example", consent=True, need="Dach",
        )  # fmt: skip
        activity = services.activity_create(
            partnership=partnership, company=b, user=None, kind="webinar", title=f"Webinar {i}",
            starts_at=timezone.now(), participants=[a, b],
        )  # fmt: skip
        services.cost_item_create(
            partnership=partnership, company=a, user=None, paid_by=a if i % 2 else b,
            amount=Decimal("10.00"), spent_on=dt.date(2025, 4, 1), description=f"Posten {i}",
            activity=activity,
        )  # fmt: skip


def test_page_queries_do_not_grow_with_what_was_recorded(world: World, partnership):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = world.client_for("member")
    sections = ("referrals", "activities", "costs", "contacts")

    def counts() -> list[int]:
        result = []
        for section in sections:
            with CaptureQueriesContext(connection) as queries:
                assert (
                    client.get(reverse(f"activities:{section}", args=[partnership.pk])).status_code
                    == 200
                )
            result.append(len(queries))
        return result

    _record_some(world, partnership, 2)
    few = counts()
    _record_some(world, partnership, 8)
    assert counts() == few


@pytest.mark.parametrize(
    ("persona", "spent"),
    [("member", "Gemeinsam ausgegeben: 1.234,56\u00a0€"),
     ("other_company", "Samen uitgegeven: 1.234,56\u00a0€")],
)  # fmt: skip
def test_the_costs_page_groups_amounts_in_the_readers_language(
    world: World, partnership, persona, spent
):
    a = world.member_company
    services.cost_item_create(
        partnership=partnership, company=a, user=None, paid_by=a, amount=Decimal("1234.56"),
        spent_on=dt.date(2025, 4, 1), description="Messestand",
    )  # fmt: skip
    page = world.client_for(persona).get(reverse("activities:costs", args=[partnership.pk]))
    text = page.content.decode()
    assert spent in text
    assert "617,28\u00a0€" in text  # each party's balance: half of it
    assert "1234,56" not in text
