"""Referral pages show amounts in the reader's money format: grouped thousands, decimal comma in
German and Dutch, the € after the figure (``verbund.lib.money``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.conftest import World
from tests.referrals.conftest import refer
from verbund.referrals.services import referral_set_status

NBSP = "\u00a0"


@pytest.fixture
def won(world: World):
    referral = refer(world, estimated_value=Decimal("12000.00"))
    referral_set_status(
        referral=referral, user=world.users["other_company"], status="won",
        closed_value=Decimal("40000.50"),
    )  # fmt: skip
    return referral


@pytest.mark.parametrize(
    ("persona", "label"),
    [("member", "Geschätzter Wert"), ("other_company", "Geschatte waarde")],
)
def test_the_referral_detail_groups_thousands_in_the_readers_language(
    world: World, won, persona, label
):
    html = world.client_for(persona).get(reverse("referrals:detail", args=[won.pk])).content
    text = html.decode()
    assert label in text  # German for the referrer, Dutch for the receiver
    assert f"12.000,00{NBSP}€" in text and f"40.000,50{NBSP}€" in text
    assert "40000,50" not in text and "12000,00" not in text


def test_the_referral_list_shows_the_won_value_grouped(world: World, won):
    text = world.client_for("member").get(reverse("referrals:list")).content.decode()
    assert text.count(f"40.000,50{NBSP}€") >= 2  # the key figure and the referral's line
    assert "40000,50" not in text
