"""`strategic` is earned: besides twelve months and two reviews, a known health score at least the
network's threshold (the score from which health is green, unless the network sets
``strategic_min_health``)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.health.app.django_world import agree
from verbund.health.models import PartnershipHealth
from verbund.partnerships import services
from verbund.partnerships.models import Partnership, Review, Stage


def earned_but_for_health(world, partnership) -> Partnership:
    agree(world, partnership)
    Partnership.objects.filter(pk=partnership.pk).update(
        agreed_at=timezone.now() - timedelta(days=400)
    )
    review = partnership.reviews.get()
    Review.objects.filter(pk=review.pk).update(status=Review.Status.COMPLETED)
    Review.objects.create(
        partnership=partnership, agreement_version=review.agreement_version, number=2,
        due_date=review.due_date, status=Review.Status.COMPLETED,
    )  # fmt: skip
    partnership.refresh_from_db()
    return partnership


def health(partnership, score: float, light: str) -> None:
    PartnershipHealth.objects.update_or_create(
        partnership=partnership,
        defaults={
            "as_of": timezone.localdate(),
            "score": score,
            "light": light,
            "computed_at": timezone.now(),
        },
    )


def move(world, partnership):
    return services.partnership_move(
        partnership=partnership, to_stage=Stage.STRATEGIC, user=world.users["member"],
        company=world.member_company,
    )  # fmt: skip


def test_a_partnership_below_the_health_threshold_is_not_strategic_yet(world, partnership):
    earned_but_for_health(world, partnership)
    health(partnership, 58.0, "yellow")
    with pytest.raises(ValidationError, match="Gesundheitswert von mindestens 70"):
        move(world, partnership)
    health(partnership, 74.0, "green")
    assert move(world, partnership).stage == Stage.STRATEGIC


def test_the_network_sets_its_own_threshold(world, partnership):
    earned_but_for_health(world, partnership)
    world.alpha.settings = {"strategic_min_health": 55}
    world.alpha.save()
    partnership.refresh_from_db()
    health(partnership, 58.0, "yellow")
    assert move(world, partnership).stage == Stage.STRATEGIC
