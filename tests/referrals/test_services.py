"""Referral services: who may move the status, the history, timestamps, credit, notifications
and overdue — with a property test over random sequences of attempted moves."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from itertools import pairwise

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import World
from tests.referrals.conftest import refer as _refer
from verbund.notifications.models import Notification
from verbund.referrals import flow, selectors
from verbund.referrals.models import Referral
from verbund.referrals.services import referral_set_status


def test_consent_is_recorded_with_who_and_when(world: World):
    referral = _refer(world)
    assert referral.consent_recorded_by == world.users["member"]
    assert referral.consent_recorded_at == referral.created_at


def test_without_consent_an_outside_client_is_refused_and_nothing_is_written(world: World):
    with pytest.raises(ValidationError) as caught:
        _refer(world, consent=False)
    assert set(caught.value.message_dict) == {"consent"}
    assert not Referral.objects.exists()


def test_a_company_outside_the_network_cannot_receive(world: World):
    with pytest.raises(ValidationError) as caught:
        _refer(world, receiver_company=world.beta_company)
    assert "receiver_company" in caught.value.message_dict


def test_only_the_receiver_moves_the_status(world: World):
    referral = _refer(world)
    with pytest.raises(PermissionDenied):
        referral_set_status(referral=referral, user=world.users["member"], status="contacted")
    referral.refresh_from_db()
    assert referral.status == "new" and not referral.history.exists()


def test_won_needs_a_value_and_credits_the_referrer(world: World):
    referral = _refer(world)
    receiver = world.users["other_company"]
    with pytest.raises(ValidationError):
        referral_set_status(referral=referral, user=receiver, status="won")
    referral_set_status(
        referral=referral, user=receiver, status="won", closed_value=Decimal("4100")
    )
    summary = selectors.company_referral_summary(world.member_company.pk)
    assert summary.won_value_credited == Decimal("4100")
    assert selectors.company_referral_summary(world.other_company.pk).won_value_received == Decimal(
        "4100"
    )


def test_a_receiver_that_does_not_answer_in_time_is_overdue(world: World):
    world.alpha.settings = {"referral_answer_days": 3}
    world.alpha.save()
    late = _refer(world, created_at=timezone.now() - timedelta(days=4))
    _refer(world, created_at=timezone.now() - timedelta(days=2))
    overdue = list(selectors.referrals_of_company(world.other_company.pk, "overdue"))
    assert overdue == [late]
    referral_set_status(referral=late, user=world.users["other_company"], status="contacted")
    assert not selectors.referrals_of_company(world.other_company.pk, "overdue").exists()


def test_steady_two_way_pairs_need_both_directions_over_several_months(world: World):
    now = timezone.now()
    for months_ago in (0, 1, 2):
        at = now - timedelta(days=31 * months_ago)
        _refer(world, created_at=at)
        _refer(
            world, created_at=at, referrer_company=world.other_company,
            referrer_user=world.users["other_company"], receiver_company=world.member_company,
        )  # fmt: skip
    pairs = selectors.steady_two_way_pairs(Referral.objects.all())
    assert [(p.a_to_b, p.b_to_a, p.months_active) for p in pairs] == [(3, 3, 3)]
    one_way = Referral.objects.filter(referrer_company=world.member_company)
    assert selectors.steady_two_way_pairs(one_way) == []


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(moves=st.lists(st.sampled_from(flow.STATUSES), max_size=8))
def test_any_sequence_of_moves_keeps_the_history_consistent(world: World, moves: list[str]):
    referral = _refer(world)
    receiver = world.users["other_company"]
    notified_before = Notification.objects.filter(recipient=world.users["member"]).count()
    accepted = 0
    for target in moves:
        allowed = flow.may_move(referral.status, target)
        try:
            referral = referral_set_status(
                referral=referral, user=receiver, status=target,
                closed_value=Decimal("100") if target == "won" else None,
            )  # fmt: skip
        except ValidationError:
            assert not allowed
        else:
            assert allowed
            accepted += 1
    referral.refresh_from_db()
    history = list(referral.history.all())
    assert len(history) == accepted
    steps = [flow.NEW] + [h.to_status for h in history]
    assert [(h.from_status, h.to_status) for h in history] == list(pairwise(steps))
    assert referral.status == (history[-1].to_status if history else flow.NEW)
    assert (referral.closed_value is not None) == (referral.status == flow.WON)
    assert (referral.first_answer_at is not None) == bool(history)
    assert (referral.closed_at is not None) == (referral.status in flow.CLOSED)
    # The referrer (company member and referring person: the same user here) is told each time.
    notified = Notification.objects.filter(recipient=world.users["member"]).count()
    assert notified - notified_before == accepted
