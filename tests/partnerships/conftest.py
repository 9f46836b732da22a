"""Partnership fixtures on top of the persona world: offers and needs to write about, and a
partnership between the member company and the other company in each stage needed."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.conftest import World
from verbund.companies.models import Need, Offer
from verbund.companies.services import needs_replace, offers_replace
from verbund.partnerships import services
from verbund.partnerships.models import Partnership

BRINGS = (
    "Wir fertigen Blechgehäuse und Schaltschrankgestelle in Kleinserien und können Ihre "
    "Steuerungstechnik direkt in unsere Gehäuse einbauen lassen."
)
FIRST_STEP = "Ein Telefonat nächste Woche mit unserem Vertriebsleiter über zwei laufende Anfragen."


@dataclass
class Items:
    member_offer: Offer
    other_offer: Offer
    other_need: Need


@pytest.fixture
def items(world: World) -> Items:
    member_offer = offers_replace(
        company=world.member_company,
        items=[{"title": "Blechbearbeitung", "description": "Laserschneiden und Kanten"}],
    )[0]
    other_offer = offers_replace(
        company=world.other_company,
        items=[{"title": "Schakelkasten bouwen", "description": "Besturingen en schakelkasten"}],
    )[0]
    other_need = needs_replace(
        company=world.other_company,
        items=[{"title": "Behuizingen van plaatstaal", "priority": 1}],
    )[0]
    return Items(member_offer, other_offer, other_need)


def send_request(world: World, items: Items, **overrides):
    values = {
        "network": world.alpha,
        "sender": world.member_company,
        "recipient": world.other_company,
        "user": world.users["member"],
        "about": f"need:{items.other_need.pk}",
        "brings": BRINGS,
        "form": "supplier_partnership",
        "first_step": FIRST_STEP,
    }
    values.update(overrides)
    return services.contact_request_send(**values)


@pytest.fixture
def partnership(world: World, items: Items) -> Partnership:
    """Member company and other company, accepted contact: stage `contacted`."""
    request = send_request(world, items)
    return services.contact_request_accept(
        request=request, user=world.users["other_company"], company=world.other_company
    )


def valid_terms(partnership: Partnership, **overrides) -> dict:
    terms = services.initial_terms(partnership)
    terms["scope"] = "Gehäuse und Steuerungen für Sondermaschinen im Münsterland und in Twente."
    for row in terms["kpis"]:
        row["target"] = "4"
    terms.update(overrides)
    return terms


def agree(world: World, partnership: Partnership) -> Partnership:
    """Agreement v1 drafted by the member company and confirmed by both: `agreed`, review 1
    open."""
    version = services.agreement_draft(
        partnership=partnership,
        terms=valid_terms(partnership),
        user=world.users["member"],
        company=world.member_company,
    )
    services.agreement_confirm(
        version=version, user=world.users["member"], company=world.member_company
    )
    services.agreement_confirm(
        version=version, user=world.users["other_company"], company=world.other_company
    )
    partnership.refresh_from_db()
    return partnership


@pytest.fixture
def active_partnership(world: World, partnership: Partnership) -> Partnership:
    """`agreed`, with agreement v1 active and review 1 open."""
    return agree(world, partnership)
