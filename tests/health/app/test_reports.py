"""Health reports: the partnership and programme PDFs rendered with PDFium and read back in German,
Dutch and English; the CSV exports with the formula guard; the pages with bounded query counts."""

from __future__ import annotations

import csv
import io

import pypdfium2 as pdfium
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from tests.conftest import World
from tests.health.app import django_world as history
from tests.partnerships import worlds
from tests.pdf import rendered_text
from verbund.companies.services import company_create
from verbund.health import dashboards, reports
from verbund.health.services import health_recompute
from verbund.lib.pdf import new_document
from verbund.partnerships import services
from verbund.partnerships.models import Partnership, Stage

pytestmark = pytest.mark.django_db

PARTNERSHIP_HEADINGS = {
    "de": ("Gesundheitsbericht der Partnerschaft", "Empfehlungen pro Monat",
           "Offene Frühwarnungen"),
    "nl": ("Gezondheidsrapport van de samenwerking", "Doorverwijzingen per maand",
           "Open waarschuwingen"),
    "en": ("Partnership health report", "Referrals per month", "Open alerts"),
}  # fmt: skip
PROGRAMME_HEADINGS = {
    "de": ("Programmbericht", "Partnerschaften pro Phase", "Partnerschaften mit Handlungsbedarf",
           "Grenzüberschreitende Zusammenarbeit", "Sondierung"),
    "nl": ("Programmarapport", "Samenwerkingen per fase",
           "Samenwerkingen die aandacht nodig hebben", "Grensoverschrijdende samenwerking"),
    "en": ("Programme report", "Partnerships per stage", "Partnerships needing attention",
           "Cross-border cooperation", "Exploring"),
}  # fmt: skip


def _text(content: bytes) -> str:
    return " ".join(rendered_text(content).split())


@pytest.fixture
def reported(world: World) -> Partnership:
    """Half a year between the member company and the other company, computed, with a
    one-way alert from the member to the other company."""
    partnership = services.partnership_create(
        network=world.alpha,
        companies=[world.member_company, world.other_company],
        form="referral_partnership",
        origin=Partnership.Origin.COORDINATOR,
        stage=Stage.EXPLORING,
    )
    history.lively_history(world, partnership)
    health_recompute(network=world.alpha, send_notifications=False)
    history.one_way_alert(partnership, world.member_company, world.other_company)
    return partnership


@pytest.mark.parametrize("language", ["de", "nl", "en"])
def test_the_partnership_report_is_in_the_readers_language(world: World, reported, language):
    world.users["member"].language = language
    world.users["member"].save(update_fields=["language"])
    response = world.client_for("member").get(
        reverse("dashboards:partnership_pdf", args=[reported.pk])
    )
    assert response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    for heading in PARTNERSHIP_HEADINGS[language]:
        assert heading in text
    assert world.member_company.name in text and world.other_company.name in text
    # The alert with its evidence, in words and figures.
    assert {"de": "Einbahnstraße", "nl": "Eenrichtingsverkeer", "en": "One-way street"}[
        language
    ] in text
    assert " 9 " in text


@pytest.mark.parametrize("language", ["de", "nl", "en"])
def test_the_programme_report_is_in_the_readers_language(world: World, reported, language):
    world.users["coordinator"].language = language
    world.users["coordinator"].save(update_fields=["language"])
    response = world.client_for("coordinator").get(
        reverse("dashboards:network_pdf", args=["alpha"])
    )
    text = _text(response.content)
    for heading in PROGRAMME_HEADINGS[language]:
        assert heading in text
    # The partnership with the open alert is on the at-risk list, named by its partners.
    at_risk = text[text.index(PROGRAMME_HEADINGS[language][2]) :]
    assert world.other_company.name in at_risk
    assert world.alpha.name in text


@pytest.mark.parametrize("language", ["de", "nl", "en"])
def test_programme_report_table_headers_wrap_only_between_words(world: World, reported, language):
    """The narrow columns' headers ("Offene Frühwarnungen", "Grenzüberschreitend") used to be cut
    mid-word ("Frühwarnunge" / "n"): every header word comes back whole from the page."""
    world.users["coordinator"].language = language
    world.users["coordinator"].save(update_fields=["language"])
    response = world.client_for("coordinator").get(
        reverse("dashboards:network_pdf", args=["alpha"])
    )
    words = rendered_text(response.content).split()
    with translation.override(language):
        headers = [_("Stage"), _("Score"), _("Traffic light"), _("Open alerts"), _("Cross-border"),
                   _("Share")]  # fmt: skip
    for header in headers:
        for word in header.split():
            assert word in words, (word, header)


def _page_texts(content: bytes) -> list[str]:
    document = pdfium.PdfDocument(content)
    return [" ".join(page.get_textpage().get_text_range().split()) for page in document]


def test_a_heading_at_the_foot_of_a_page_moves_to_the_next_page_with_its_table():
    document = new_document(title="Test", language="en", footer="Test")
    document.set_y(document.page_break_trigger - 14)  # room for the heading, not its table
    reports._section(
        document, "Lonely heading", ["Month", "Referrals"], [["Jan 2026", "3"], ["Feb 2026", "4"]]
    )
    pages = _page_texts(bytes(document.output()))
    assert len(pages) == 2
    assert "Lonely heading" not in pages[0]
    assert "Lonely heading Month Referrals Jan 2026 3" in pages[1]


def test_a_heading_with_room_for_its_table_stays_on_its_page():
    document = new_document(title="Test", language="en", footer="Test")
    document.set_y(document.page_break_trigger - 40)
    reports._section(document, "Roomy heading", ["Month", "Referrals"], [["Jan 2026", "3"]])
    pages = _page_texts(bytes(document.output()))
    assert len(pages) == 1 and "Roomy heading Month Referrals Jan 2026 3" in pages[0]


def test_the_portfolio_csv_guards_cells_against_formulas(world: World):
    sneaky = company_create(
        name="=HYPERLINK(\"http://evil.example\")", country="NL", city="Enschede",
        network=world.alpha,
    )  # fmt: skip
    services.partnership_create(
        network=world.alpha, companies=[sneaky, world.member_company],
        form="referral_partnership", origin=Partnership.Origin.COORDINATOR,
        stage=Stage.EXPLORING,
    )  # fmt: skip
    response = world.client_for("member").get(reverse("dashboards:portfolio_csv"))
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0][:4] == ["Partnerschaft", "Partner", "Form", "Phase"]
    assert rows[1][1] == '\'=HYPERLINK("http://evil.example")'
    coordinator = world.client_for("coordinator").get(
        reverse("dashboards:network_portfolio_csv", args=["alpha"])
    )
    # All parties from the coordination's view, the sneaky one first: the cell is guarded.
    assert ";\"'=HYPERLINK" in coordinator.content.decode("utf-8")


def test_the_alerts_csv_lists_unresolved_alerts_with_their_evidence(world: World, reported):
    world.users["coordinator"].language = "en"
    world.users["coordinator"].save(update_fields=["language"])
    response = world.client_for("coordinator").get(
        reverse("dashboards:network_alerts_csv", args=["alpha"])
    )
    rows = list(csv.reader(io.StringIO(response.content.decode().removeprefix("\ufeff")),
                           delimiter=";"))  # fmt: skip
    assert rows[0] == ["Partnership", "Partners", "Alert", "Status", "Since", "Evidence",
                       "Suggested next step"]  # fmt: skip
    one_way = [row for row in rows[1:] if row[2] == "One-way street"]
    assert len(one_way) == 1
    assert "9" in one_way[0][5] and world.member_company.name in one_way[0][5]
    assert world.other_company.name in one_way[0][1]


def _partnerships(world: World, count: int) -> None:
    """``count`` more partnerships between new companies, computed, each with an alert."""
    made = []
    for n in range(count):
        a = company_create(name=f"Firma A{n}", country="DE", city="Münster", network=world.alpha)
        b = company_create(name=f"Bedrijf B{n}", country="NL", city="Enschede",
                           network=world.alpha)  # fmt: skip
        partnership = services.partnership_create(
            network=world.alpha, companies=[a, b], form="referral_partnership",
            origin=Partnership.Origin.COORDINATOR, stage=Stage.EXPLORING,
        )  # fmt: skip
        made.append((partnership, a, b))
    health_recompute(network=world.alpha, send_notifications=False)
    for partnership, a, b in made:
        history.one_way_alert(partnership, a, b)


def _queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("count", [3, 40])
def test_the_network_dashboard_needs_the_same_queries_for_3_or_40_partnerships(
    world: World, django_assert_max_num_queries, count
):
    _partnerships(world, count)
    client = world.client_for("coordinator")
    response = _queries(
        client, reverse("dashboards:network", args=["alpha"]), django_assert_max_num_queries, 22
    )
    assert response.content.count(b'data-testid="at-risk-row"') == count
    # At most GRAPH_NODES companies are drawn; the table below the graph lists every pair.
    drawn = response.content.count(b'data-testid="graph-node"')
    assert drawn == min(2 * count, dashboards.GRAPH_NODES)
    assert response.content.count(b'data-testid="graph-pair"') == count
    for name in ("network_pdf", "network_portfolio_csv", "network_alerts_csv"):
        _queries(client, reverse(f"dashboards:{name}", args=["alpha"]),
                 django_assert_max_num_queries, 22)  # fmt: skip


def test_the_portfolio_and_partnership_pages_need_a_bounded_number_of_queries(
    world: World, reported, django_assert_max_num_queries
):
    for n in range(15):
        other = company_create(name=f"Partner {n}", country="NL", city="Enschede",
                               network=world.alpha)  # fmt: skip
        partnership = services.partnership_create(
            network=world.alpha, companies=[world.member_company, other],
            form="referral_partnership", origin=Partnership.Origin.COORDINATOR,
            stage=Stage.EXPLORING,
        )  # fmt: skip
        history.one_way_alert(partnership, world.member_company, other)
    client = world.client_for("member")
    response = _queries(client, reverse("dashboards:portfolio"), django_assert_max_num_queries, 12)
    assert response.content.count(b'data-testid="portfolio-row"') == 16
    _queries(client, reverse("dashboards:portfolio_csv"), django_assert_max_num_queries, 12)
    page = _queries(
        client, reverse("dashboards:partnership", args=[reported.pk]),
        django_assert_max_num_queries, 40,
    )  # fmt: skip
    for chart in ("health", "referrals", "costs"):
        assert f'id="chart-{chart}"'.encode() in page.content  # the figures for the drawing


def test_the_portfolio_filters_and_sorts(world: World, reported):
    worlds.outside_partnership(world)  # exploring, no health yet: grey
    client = world.client_for("member")
    page = client.get(reverse("dashboards:portfolio"), {"light": "grey"})
    assert page.content.count(b'data-testid="portfolio-row"') == 1
    assert world.anonymous_company.name.encode() in page.content
    by_partner = client.get(reverse("dashboards:portfolio"), {"sort": "partner"}).content
    assert by_partner.index(b"Bakker") < by_partner.index(b"Geheimagentur")
    nothing = client.get(reverse("dashboards:portfolio"), {"stage": "strategic"})
    assert b'data-testid="portfolio-empty"' in nothing.content
    odd = client.get(reverse("dashboards:portfolio"), {"sort": "<script>", "light": "purple"})
    assert odd.status_code == 200
    assert odd.content.count(b'data-testid="portfolio-row"') == 2


def test_the_network_figures_are_grouped_in_the_page_and_the_programme_report(
    world: World, reported, monkeypatch
):
    """1180 referrals read "1.180" in German next to "5.282.772 €", in the page and the PDF."""
    real = dashboards.network_dashboard

    def busy(portfolio):
        data = real(portfolio)
        data["cross_border"].referrals, data["cross_border"].referrals_cross = 1180, 1161
        return data

    monkeypatch.setattr(dashboards, "network_dashboard", busy)
    client = world.client_for("coordinator")
    page = client.get(reverse("dashboards:network", args=["alpha"])).content.decode()
    assert "<td>1.180</td>" in page and "<td>1.161</td>" in page
    text = _text(client.get(reverse("dashboards:network_pdf", args=["alpha"])).content)
    assert "1.161 1.180" in text and "1180" not in text
