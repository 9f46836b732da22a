"""Bulk import of referrals and activities (acceptance 4): a bad file writes nothing and lists
every bad row with its column; a dry run checks everything and writes nothing."""

from __future__ import annotations

from django.utils import translation

from tests.conftest import World
from verbund.activities import imports
from verbund.activities.models import JointActivity
from verbund.referrals.models import Referral

REFERRALS = (
    "date;referrer;receiver;client_name;client_email;consent;need;estimated_value\n"
    "2025-03-01;Schulte Metallbau GmbH;Bakker Installatietechniek;Anna Vos;anna@vos.example;ja;"
    "Schaltschrank;1.200,50\n"
    "02.03.2025;Bakker Installatietechniek B.V.;Schulte Metallbau;Piet;piet@x.example;yes;"
    "Gehäuse;800\n"
)
ACTIVITIES = (
    "date,kind,title,initiator,participants,leads,revenue_sourced\n"
    "2025-03-05,trade_fair,Hannover Messe,Schulte Metallbau GmbH,"
    "Schulte Metallbau GmbH|Bakker Installatietechniek B.V.,12,5000\n"
    "2025-03-06,management_meeting,Jahresgespräch,Bakker Installatietechniek B.V.,,0,\n"
)


def run(world: World, partnership, what: str, text: str, *, dry_run=False, name="f.csv"):
    return imports.import_rows(
        partnership=partnership,
        company=world.member_company,
        user=world.users["member"],
        what=what,
        data=text.encode(),
        filename=name,
        dry_run=dry_run,
    )


def test_a_good_file_is_checked_by_a_dry_run_and_then_imported(world, partnership):
    checked = run(world, partnership, "referrals", REFERRALS, dry_run=True)
    assert (checked.ok, checked.rows, checked.written) == (True, 2, 0)
    assert not Referral.objects.exists()
    done = run(world, partnership, "referrals", REFERRALS)
    assert (done.ok, done.written) == (True, 2)
    values = sorted(Referral.objects.values_list("estimated_value", flat=True))
    assert [str(v) for v in values] == ["800.00", "1200.50"]
    assert set(Referral.objects.values_list("partnership", flat=True)) == {partnership.pk}
    activities = run(world, partnership, "activities", ACTIVITIES)
    assert activities.ok, activities.errors
    fair = JointActivity.objects.get(kind="trade_fair")
    assert (fair.leads, fair.participants.count()) == (12, 2)


def test_a_bad_referral_file_writes_nothing_and_names_every_bad_row(world, partnership):
    bad = REFERRALS + (
        "2025-03-03;Unbekannt AG;Schulte Metallbau;Kees;k@x.example;ja;Dach;100\n"
        "2025-03-04;Schulte Metallbau;Bakker Installatietechniek;Jan;j@x.example;ja;Dach;-250\n"
        "2025-13-45;Schulte Metallbau;Bakker Installatietechniek;Jo;jo@x.example;ja;Dach;10\n"
        "2025-03-05;Schulte Metallbau;Bakker Installatietechniek;Jo;jo@x.example;nein;Dach;10\n"
    )
    with translation.override("de"):
        result = run(world, partnership, "referrals", bad)
    assert [(e.line, e.column) for e in result.errors] == [
        (4, "referrer"),
        (5, "estimated_value"),
        (6, "date"),
        (7, "consent"),
    ]
    assert "Unbekannt AG" in result.errors[0].message
    assert "kein Partner" in result.errors[0].message  # in the reader's language
    assert "negativ" in result.errors[1].message
    assert result.written == 0
    assert not Referral.objects.exists()  # the two good rows were not written either


def test_a_file_with_the_wrong_delimiter_is_refused_at_the_header(world, partnership):
    text = REFERRALS.replace(";", "|")
    with translation.override("nl"):
        result = run(world, partnership, "referrals", text)
    assert [(e.line, e.column) for e in result.errors] == [(1, "date, referrer, receiver, need")]
    assert "puntkomma" in result.errors[0].message
    assert not Referral.objects.exists()


def test_bad_activity_rows(world, partnership):
    bad = ACTIVITIES + (
        "2025-03-07,party,Feier,Schulte Metallbau GmbH,,,\n"
        "2025-03-08,webinar,Webinar,Schulte Metallbau GmbH,Beta Bau GmbH,,\n"
        "2025-03-09,webinar,Webinar,Schulte Metallbau GmbH,,-3,\n"
        "2025-03-10,webinar,Webinar,Schulte Metallbau GmbH,,,-1\n"
    )
    result = run(world, partnership, "activities", bad)
    assert [(e.line, e.column) for e in result.errors] == [
        (4, "kind"),
        (5, "participants"),
        (6, "leads"),
        (7, "revenue_sourced"),
    ]
    assert not JointActivity.objects.exists()


def test_an_xlsx_file_is_read_too(world, partnership, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for line in REFERRALS.strip().split("\n"):
        sheet.append(line.split(";"))
    path = tmp_path / "r.xlsx"
    book.save(path)
    result = imports.import_rows(
        partnership=partnership,
        company=world.member_company,
        user=world.users["member"],
        what="referrals",
        data=path.read_bytes(),
        filename="r.xlsx",
        dry_run=False,
    )
    assert (result.ok, result.written) == (True, 2)
