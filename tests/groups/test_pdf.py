"""The group and member reports as PDF in German, Dutch and English: rendered with PDFium, the text
extracted — headings in the reader's language, members' names with umlauts, the figures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.groups.conftest import GroupWorld, client_for, won_business
from tests.pdf import rendered_text
from verbund.groups import export, selectors, services

HEADINGS = {"de": "Gruppenbericht", "nl": "Groepsrapport", "en": "Group report"}
TREND = {
    "de": "Entwicklung der letzten sechs Monate",
    "nl": "Verloop over de laatste zes maanden",
    "en": "Trend over the last six months",
}
MEMBER_HEADINGS = {"de": "Mitgliederbericht", "nl": "Ledenrapport", "en": "Member report"}


def _text(content: bytes) -> str:
    # Wrapped lines come out with line breaks; the checks read running text.
    return " ".join(rendered_text(content).split())


@pytest.fixture
def report(groups: GroupWorld):
    for giver, receiver in (
        ("member", "secretary"),
        ("member", "committee"),
        ("colleague", "member"),
    ):
        services.referral_slip_create(
            group=groups.a, giver=groups.seats[giver], receiver=groups.seats[receiver],
            client_name="Frau Kötter", client_phone="0251 1", consent=True, need="Größere Küche",
        )  # fmt: skip
    today = date.today()
    return selectors.group_report(groups.a, today - timedelta(days=29), today)


@pytest.mark.parametrize("language", ["de", "nl", "en"])
def test_the_group_report_pdf_is_in_the_readers_language(groups: GroupWorld, report, language):
    labels = {s.pk: s.category_label for s in selectors.labelled_seats(groups.a, language)}
    content = export.report_pdf(report, labels, selectors.trend(groups.a), language)
    text = _text(content)
    assert HEADINGS[language] in text
    assert TREND[language] in text
    assert "Empfehlungsgruppe Münster" in text
    # Every member, givers first: the member gave two and received one.
    for company in (
        "Sekretariat Steuerberatung GmbH",
        "Kommission Sanitär GmbH",
        "Kollegen Malerbetrieb GmbH",
        groups.world.member_company.name,
    ):
        assert company in text  # fmt: skip
    assert text.index(groups.world.member_company.name) < text.index("Sekretariat Steuerberatung")
    assert labels[groups.seats["member"].pk] in text
    totals = {"de": "3 Empfehlungen", "nl": "3 doorverwijzingen", "en": "3 referrals"}
    assert totals[language] in text


def test_the_group_report_pdf_download_follows_the_readers_language(groups: GroupWorld, report):
    response = client_for(groups, "member").get(
        reverse("groups:report_pdf", args=[groups.a.pk]) + "?start=2020-01-01&end=2030-12-31"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    assert HEADINGS["de"] in text  # the member reads German
    assert "01.01.2020" in text


def test_the_member_report_pdf_holds_only_that_member(groups: GroupWorld, report):
    seat = groups.seats["secretary"]
    response = client_for(groups, "member").get(
        reverse("groups:member_report_pdf", args=[groups.a.pk, seat.pk])
    )
    assert response.status_code == 200
    text = _text(response.content)
    assert MEMBER_HEADINGS["de"] in text
    assert "Sekretariat Steuerberatung GmbH" in text
    assert "Kollegen Malerbetrieb GmbH" not in text
    assert "Empfehlungen gegeben (intern)" in text  # the member's own figures
    assert " Treffen · " not in text  # not the group's totals


def test_the_report_page_links_the_pdf_next_to_the_csv(groups: GroupWorld):
    page = client_for(groups, "member").get(reverse("groups:report", args=[groups.a.pk]))
    html = page.content.decode()
    assert reverse("groups:report_pdf", args=[groups.a.pk]) in html
    assert html.index('data-testid="report-csv"') < html.index('data-testid="report-pdf"')


@pytest.mark.parametrize(
    ("language", "credited"),
    [("de", "Gutgeschriebener Umsatz (EUR)"), ("nl", "Toegeschreven omzet (EUR)")],
)
def test_the_report_pdf_is_a_table_with_formatted_amounts(groups: GroupWorld, language, credited):
    won_business(groups, "18063")
    today = date.today()
    report = selectors.group_report(groups.a, today - timedelta(days=29), today)
    labels = {s.pk: s.category_label for s in selectors.labelled_seats(groups.a, language)}
    text = _text(export.report_pdf(report, labels, selectors.trend(groups.a), language))
    assert "18.063,00" in text and "18063" not in text
    # One table: each heading once, not a "label: value" pair per member.
    assert text.count(credited) == 1
    assert f"{credited}:" not in text
    # The member's own report: figure beside value, amounts formatted the same way.
    seat = groups.seats["member"]
    mine = selectors.group_report(groups.a, report.start, report.end, seat=seat)
    member_text = _text(
        export.report_pdf(mine, labels, selectors.trend(groups.a, seat=seat), language,
                          member=seat.holder_name)
    )  # fmt: skip
    assert f"{credited} 18.063,00" in member_text
