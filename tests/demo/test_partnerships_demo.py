"""The demo shows the partnership path: every stage, agreements with several versions,
completed and pending reviews, requests waiting for the demo owners."""

from __future__ import annotations

import pytest

from verbund.demo.seed import PROGRAMME_SLUG
from verbund.partnerships.models import (
    AgreementVersion,
    ContactRequest,
    Partnership,
    Review,
    Stage,
)

pytestmark = pytest.mark.django_db


def test_the_demo_has_partnerships_in_every_stage_with_versions_and_reviews(demo_summary):
    summary = demo_summary
    partnerships = Partnership.objects.filter(network__slug=PROGRAMME_SLUG)
    assert set(partnerships.values_list("stage", flat=True)) == set(Stage.values)
    assert summary.counts["partnerships"] == partnerships.count()
    showcase = Partnership.objects.get(
        parties__company__members__user__email="inhaber@demo.verbund.example",
        stage="agreed",
        origin=Partnership.Origin.SUGGESTION,  # the running-partnership demo adds its own
    )
    assert showcase.agreement_versions.count() >= 2
    assert showcase.agreement_versions.filter(status=AgreementVersion.Status.ACTIVE).count() == 1
    assert showcase.reviews.filter(status=Review.Status.COMPLETED).exists()
    pending = showcase.reviews.get(status=Review.Status.OPEN)
    assert pending.submissions.count() == 1  # the other side's scores stay hidden
    strategic = partnerships.get(stage="strategic")
    assert strategic.reviews.filter(status=Review.Status.COMPLETED).count() >= 2
    assert ContactRequest.objects.filter(
        status=ContactRequest.Status.PENDING,
        recipient__members__user__email="inhaber@demo.verbund.example",
    ).exists()
