"""The referral status flow as plain rules (verbund.referrals.flow), property-tested."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from verbund.referrals import flow

statuses = st.sampled_from(flow.STATUSES)


@given(statuses, statuses)
def test_a_move_never_goes_back(current: str, target: str) -> None:
    if flow.may_move(current, target) and target in flow.OPEN_PATH:
        assert flow.OPEN_PATH.index(target) > flow.OPEN_PATH.index(current)


@given(statuses)
def test_a_closed_referral_never_moves_again(status: str) -> None:
    if status in flow.CLOSED:
        assert flow.next_statuses(status) == ()


@given(statuses)
def test_every_open_referral_can_still_be_closed_every_way(status: str) -> None:
    if flow.is_open(status):
        assert set(flow.CLOSED) <= set(flow.next_statuses(status))


@given(st.lists(statuses, max_size=12))
def test_any_walk_of_allowed_moves_ends_within_five_steps(targets: list[str]) -> None:
    current, steps = flow.NEW, 0
    for target in targets:
        if flow.may_move(current, target):
            current, steps = target, steps + 1
    assert steps <= len(flow.OPEN_PATH)


def test_only_leaving_new_is_the_first_answer() -> None:
    assert flow.is_first_answer(flow.NEW, flow.CONTACTED)
    assert flow.is_first_answer(flow.NEW, flow.NO_FIT)
    assert not flow.is_first_answer(flow.CONTACTED, flow.MEETING)
    assert not flow.is_first_answer(flow.NEW, flow.NEW)
