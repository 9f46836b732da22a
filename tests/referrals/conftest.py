"""A referral from the member's company to the other company, with consent (tests' shorthand)."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import World
from verbund.referrals.models import Referral
from verbund.referrals.services import referral_create


def refer(world: World, **overrides) -> Referral:
    values = {
        "network": world.alpha,
        "referrer_company": world.member_company,
        "referrer_user": world.users["member"],
        "receiver_company": world.other_company,
        "client_name": "Anna Vos",
        "client_email": "anna@vos.example",
        "consent": True,
        "need": "Wartung der Heizungsanlage",
        "estimated_value": Decimal("3500.00"),
    }
    return referral_create(**(values | overrides))
