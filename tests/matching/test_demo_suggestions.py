"""The demo is seeded with its matching index, and its logins get suggestions worth reading."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from verbund.accounts.models import User
from verbund.companies.models import Company
from verbund.matching import explain
from verbund.matching.models import IndexState
from verbund.matching.selectors import get_seeker_for, suggestions_for
from verbund.tenancy.actor import load_actor


@pytest.mark.django_db
def test_demo_logins_see_explained_suggestions_right_after_seeding():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "Partner-matching index built" in out.getvalue()
    listed = Company.objects.filter(listings__network__slug="grenzenlos").count()
    assert IndexState.objects.filter(network__slug="grenzenlos", companies=listed).exists()
    for email in ("inhaber@demo.verbund.example", "eigenaar@demo.verbund.example"):
        actor = load_actor(User.objects.get(email=email), session=None)
        seeker = get_seeker_for(actor, actor.network, actor.company.pk)
        cards = suggestions_for(actor, seeker, "de", top=10).cards
        assert len(cards) == 10
        assert actor.company.pk not in [c.candidate_id for c in cards]
        assert all(card.reasons for card in cards)
        if email.startswith("inhaber"):
            # Vennemann needs control software: automation firms cover it among the first three.
            codes = [r["code"] for card in cards[:3] for r in card.reasons]
            assert explain.NEED_COVERED in codes
        assert all(c.name for c in cards if not c.anonymous)
        assert all(c.name is None for c in cards if c.anonymous)
