"""The agreement PDF renders in German, Dutch and English: rendered to an image with PDFium, its
text extracted, umlauts and the parties' names intact."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from django.urls import reverse

from tests.conftest import World
from tests.partnerships.conftest import valid_terms
from tests.pdf import rendered_text
from verbund.partnerships import pdf, services

HEADINGS = {
    "de": "Partnerschaftsvereinbarung",
    "nl": "Samenwerkingsovereenkomst",
    "en": "Partnership agreement",
}
COST_SHARING = {"de": "Kostenaufteilung", "nl": "Kostenverdeling", "en": "Cost sharing"}


@pytest.fixture
def version(world: World, partnership):
    terms = valid_terms(
        partnership,
        scope="Gehäuse für Schaltschränke – Größen nach Maß, Prüfung gemäß ÖNORM und Übergabe.",
        exit_terms="Kündigung mit drei Monaten Frist; laufende Aufträge werden zu Ende geführt.",
    )
    version = services.agreement_draft(
        partnership=partnership,
        terms=terms,
        user=world.users["member"],
        company=world.member_company,
    )
    services.agreement_confirm(
        version=version, user=world.users["member"], company=world.member_company
    )
    return version


@pytest.mark.parametrize("language", ["de", "nl", "en"])
def test_the_pdf_renders_in_the_language_with_names_and_umlauts(version, world: World, language):
    text = rendered_text(pdf.agreement_pdf(version, version.partnership, language))
    assert HEADINGS[language] in text
    assert COST_SHARING[language] in text
    assert "Schulte Metallbau GmbH" in text and "Bakker Installatietechniek B.V." in text
    assert "Größen nach Maß" in text and "ÖNORM" in text
    assert "v1" in text or "1" in text


def test_the_pdf_download_answers_in_the_readers_language(version, world: World):
    client = world.client_for("other_company")  # prefers Dutch
    response = client.get(
        reverse("partnerships:agreement_pdf", args=[version.partnership_id, version.number])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdfium.PdfDocument(response.content)[0].get_textpage().get_text_range()
    assert HEADINGS["nl"] in text
