"""The demo shows the partnership path: every stage, agreements with several versions,
completed and pending reviews, requests waiting for the demo owners."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

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


def test_every_step_of_a_demo_partnership_lies_in_the_past_in_order(demo_summary):
    now = timezone.now()
    partnerships = Partnership.objects.filter(network__slug=PROGRAMME_SLUG)
    for partnership in partnerships:
        changes = list(partnership.stage_changes.order_by("pk"))
        stamps = [change.created_at for change in changes]
        assert stamps == sorted(stamps), partnership
        assert partnership.created_at <= stamps[0] and stamps[-1] < now
        # "Since" is the day of the last recorded stage change, not the day of the seed.
        assert abs(partnership.stage_changed_at - stamps[-1]) < timedelta(minutes=1)
        assert partnership.stage == changes[-1].to_stage
        versions = list(partnership.agreement_versions.order_by("number"))
        written = [v.created_at for v in versions]
        assert written == sorted(written) and all(w < now for w in written)
        for version in versions:
            assert partnership.created_at <= version.created_at
            if version.activated_at:
                assert version.created_at <= version.activated_at < now
        for review in partnership.reviews.exclude(completed_at=None):
            assert review.completed_at < now
            for submission in review.submissions.all():
                assert submission.submitted_at <= review.completed_at
    today = timezone.localdate()
    # An open review is the next one, not one that fell due months ago.
    assert not Review.objects.filter(
        partnership__network__slug=PROGRAMME_SLUG, status=Review.Status.OPEN, due_date__lt=today
    ).exists()
    for request in ContactRequest.objects.filter(network__slug=PROGRAMME_SLUG):
        assert request.created_at < now
        if request.answered_at:
            assert request.created_at <= request.answered_at < now
    # Partnerships began on different days: the history is not one day of seeding.
    assert partnerships.dates("created_at", "day").count() >= 8


def test_the_strategic_demo_partnership_is_more_than_a_year_old(demo_summary):
    strategic = Partnership.objects.get(network__slug=PROGRAMME_SLUG, stage="strategic")
    today = timezone.localdate()
    agreed = timezone.localdate(strategic.agreed_at)
    moved = timezone.localdate(strategic.stage_changed_at)
    assert today - agreed > timedelta(days=365)
    assert moved < today  # "strategic since" a day that passed, not "since today"
    assert moved - agreed >= timedelta(days=365)  # earned when it was moved, not later
    first = strategic.stage_changes.order_by("created_at").first()
    assert first.to_stage == Stage.CONTACTED and timezone.localdate(first.created_at) < agreed
    assert strategic.stage_changes.count() == 4  # contacted, exploring, agreed, strategic
    # Earned, not rushed: what the agreed stage asks for was done before the move.
    assert strategic.stage_changes.get(to_stage=Stage.STRATEGIC).open_items == []


def test_every_demo_agreement_has_a_start_that_fits_its_history(demo_summary):
    versions = AgreementVersion.objects.filter(partnership__network__slug=PROGRAMME_SLUG)
    assert versions.filter(status=AgreementVersion.Status.ACTIVE).count() >= 3
    for version in versions:
        start = date.fromisoformat(version.terms["start"])
        assert start >= timezone.localdate(version.partnership.created_at)
        if version.activated_at is not None:
            # Agreed versions start the day the last partner confirmed: KPIs count from there.
            assert start == timezone.localdate(version.activated_at) < timezone.localdate()
