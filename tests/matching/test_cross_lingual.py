"""A German need finds a Dutch offer, and a Dutch need a German offer: real model output (the
bundled multilingual encoder), through the whole Django layer, no mocks."""

from __future__ import annotations

import pytest

from verbund.companies.services import company_create, needs_replace, offers_replace
from verbund.matching import explain, index
from verbund.matching.selectors import Seeker, suggestions_for
from verbund.tenancy.actor import Actor
from verbund.tenancy.models import Membership
from verbund.tenancy.services import network_create


def _company(network, name, country, city, *, offers=(), needs=(), languages=("de", "nl")):
    company = company_create(
        name=name, country=country, city=city, network=network, employees=10,
        languages=list(languages),
    )  # fmt: skip
    offers_replace(company=company, items=[{"title": t, "description": d} for t, d in offers])
    needs_replace(
        company=company, items=[{"title": t, "description": d, "priority": 1} for t, d in needs]
    )
    return company


def _suggest(network, company) -> list:
    reader = Actor(user=None, memberships=[Membership(network=network, role="member")])
    seeker = Seeker(network, company, acts_for=False, coordinator=False)
    return suggestions_for(reader, seeker, "en", top=5).cards


@pytest.fixture
def border_network(db):
    network = network_create(
        name="Grenzenlos", slug="grenzenlos", languages=["de", "nl"], countries=["DE", "NL"]
    )
    companies = {
        "de_seeker": _company(
            network, "Schreinerei Vennemann", "DE", "Gronau",
            offers=[("Möbel nach Maß", "Einbauschränke, Küchen und Ladeneinrichtungen aus Holz")],
            needs=[("Buchhaltung und Lohnabrechnung",
                    "Wir suchen ein Büro für unsere Finanzbuchhaltung und die Lohnabrechnung")],
        ),
        "nl_bookkeeper": _company(
            network, "Administratiekantoor Kuipers", "NL", "Enschede",
            offers=[("Boekhouding en salarisadministratie",
                     "Wij verzorgen de financiële administratie en de loonadministratie voor "
                     "kleine bedrijven")],
        ),
        "nl_roofer": _company(
            network, "Dakdekkersbedrijf Nijhuis", "NL", "Hengelo",
            offers=[("Dakbedekking en dakreparatie", "Platte daken, dakpannen en goten")],
        ),
        "nl_caterer": _company(
            network, "Catering Twente", "NL", "Enschede",
            offers=[("Catering voor evenementen", "Buffetten, lunches en hapjes voor bedrijven")],
        ),
        "nl_seeker": _company(
            network, "Webwinkel De Molen", "NL", "Oldenzaal",
            offers=[("Verkoop van tuinmeubelen", "Tuinmeubelen en parasols via onze webshop")],
            needs=[("Website en webshop laten bouwen",
                    "Wij zoeken een partner die onze website en webwinkel opnieuw ontwikkelt")],
        ),
        "de_webdev": _company(
            network, "Pixelschmiede Bocholt", "DE", "Bocholt",
            offers=[("Webentwicklung und Onlineshops",
                     "Wir programmieren Internetseiten und Onlineshops für Händler")],
        ),
        "de_cleaner": _company(
            network, "Gebäudereinigung Terhaar", "DE", "Ahaus",
            offers=[("Gebäudereinigung", "Unterhaltsreinigung von Büros und Glasreinigung")],
        ),
    }  # fmt: skip
    index.index_rebuild(network)
    return network, companies


def test_a_german_need_finds_the_dutch_offer(border_network):
    network, companies = border_network
    cards = _suggest(network, companies["de_seeker"])
    assert cards[0].candidate_id == companies["nl_bookkeeper"].pk
    covered = next(r for r in cards[0].reasons if r["code"] == explain.NEED_COVERED)
    assert "Buchhaltung und Lohnabrechnung" in covered["text"]
    assert "Boekhouding en salarisadministratie" in covered["text"]


def test_a_dutch_need_finds_the_german_offer(border_network):
    network, companies = border_network
    cards = _suggest(network, companies["nl_seeker"])
    assert cards[0].candidate_id == companies["de_webdev"].pk
    covered = next(r for r in cards[0].reasons if r["code"] == explain.NEED_COVERED)
    assert "Webentwicklung und Onlineshops" in covered["text"]
    # The German cleaner covers nothing the Dutch shop needs: no such reason for it.
    cleaner = next((c for c in cards if c.candidate_id == companies["de_cleaner"].pk), None)
    assert cleaner is None or explain.NEED_COVERED not in [r["code"] for r in cleaner.reasons]
