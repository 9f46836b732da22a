"""Partnership objects for the access tables, created on first use inside a persona world.

The access tables build URLs from the world (``lambda w: …``); these helpers create what a URL
points at once per world and remember it on the world object.
"""

from __future__ import annotations

from tests.conftest import World
from tests.partnerships.conftest import BRINGS, FIRST_STEP
from verbund.companies.services import needs_replace, offers_replace
from verbund.partnerships import services
from verbund.partnerships.models import Partnership, Stage


def _once(world: World, key: str, make):
    cache = world.__dict__.setdefault("_partnerships", {})
    if key not in cache:
        cache[key] = make()
    return cache[key]


def outside_partnership(world: World) -> Partnership:
    """Member company with the anonymous company: the other company is outside it."""
    return _once(
        world,
        "outside",
        lambda: services.partnership_create(
            network=world.alpha,
            companies=[world.member_company, world.anonymous_company],
            form="referral_partnership",
            origin=Partnership.Origin.COORDINATOR,
            stage=Stage.EXPLORING,
        ),
    )


def draft_version(world: World):
    def make():
        partnership = outside_partnership(world)
        terms = services.initial_terms(partnership)
        terms["scope"] = "Gegenseitige Empfehlungen im Münsterland."
        for row in terms["kpis"]:
            row["target"] = "3"
        return services.agreement_draft(
            partnership=partnership,
            terms=terms,
            user=world.users["member"],
            company=world.member_company,
        )

    return _once(world, "draft", make)


def open_review(world: World):
    def make():
        version = draft_version(world)
        services.agreement_confirm(version=version, user=None, company=world.anonymous_company)
        services.agreement_confirm(
            version=version, user=world.users["member"], company=world.member_company
        )
        return version.partnership.reviews.get()

    return _once(world, "review", make)


def checklist_item(world: World):
    return outside_partnership(world).checklist.filter(stage="exploring").first()


def _other_need(world: World):
    return _once(
        world,
        "need",
        lambda: needs_replace(
            company=world.other_company, items=[{"title": "Behuizingen", "priority": 1}]
        )[0],
    )


def pending_request(world: World):
    """From the member company to the other company, waiting for an answer."""
    return _once(
        world,
        "pending",
        lambda: services.contact_request_send(
            network=world.alpha,
            sender=world.member_company,
            recipient=world.other_company,
            user=world.users["member"],
            about=f"need:{_other_need(world).pk}",
            brings=BRINGS,
            form="supplier_partnership",
            first_step=FIRST_STEP,
        ),
    )


def mediated_request(world: World):
    """From the member company to the anonymous company: the coordinator forwards it."""

    def make():
        offer = offers_replace(company=world.anonymous_company, items=[{"title": "Kampagnen"}])[0]
        return services.contact_request_send(
            network=world.alpha,
            sender=world.member_company,
            recipient=world.anonymous_company,
            user=world.users["member"],
            about=f"offer:{offer.pk}",
            brings=BRINGS,
            form="marketing_alliance",
            first_step=FIRST_STEP,
        )

    return _once(world, "mediated", make)


def reference(world: World):
    """The member company asks the other company about the anonymous company."""
    return _once(
        world,
        "reference",
        lambda: services.reference_request_create(
            partnership=outside_partnership(world),
            requester=world.member_company,
            candidate=world.anonymous_company,
            referee=world.other_company,
            question="Wie zuverlässig war die Agentur bei Terminen und Budgets?",
            user=world.users["member"],
        ),
    )
