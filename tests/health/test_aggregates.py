"""The running state (one event at a time) and the vectorised full recompute must agree."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.health.conftest import balanced_year, day, partnership, referral
from verbund.health import aggregates as ag
from verbund.health import history as h

FACTORS = ("trust", "commitment", "communication")


@st.composite
def histories(draw) -> tuple[h.Partnership, list[h.Event]]:
    parties = ("a", "b", "c")[: draw(st.integers(2, 3))]
    kpis = (
        h.KpiTarget("referrals_given", 12, party="a"),
        h.KpiTarget("meetings", 6),
        h.KpiTarget("leads", 10, party="b"),
    )
    ship = partnership(parties=parties, kpis=kpis)
    days = sorted(draw(st.lists(st.integers(0, 400), min_size=1, max_size=60)))
    party = st.sampled_from(parties)
    events: list[h.Event] = []
    given_refs: list[str] = []
    requests: list[str] = []
    for n in days:
        kind = draw(st.sampled_from(h.EVENT_KINDS))
        by = draw(party)
        other = draw(st.sampled_from([p for p in parties if p != by]))
        if kind == h.REFERRAL_GIVEN:
            given_refs.append(f"r{len(events)}")
            events.append(h.Event(day(n), kind, by, other, ref=given_refs[-1]))
        elif kind in (h.REFERRAL_ANSWERED, h.REFERRAL_WON, h.REFERRAL_LOST, h.SERVICE_RATED):
            if not given_refs:
                continue
            ref = draw(st.sampled_from(given_refs))
            rating = draw(st.integers(1, 5)) if kind == h.SERVICE_RATED else None
            amount = draw(st.integers(0, 500_000)) if kind == h.REFERRAL_WON else 0
            events.append(h.Event(day(n), kind, by, ref=ref, rating=rating, amount_cents=amount))
        elif kind == h.CONTACT_REQUEST_SENT:
            requests.append(f"c{len(events)}")
            events.append(h.Event(day(n), kind, by, other, ref=requests[-1]))
        elif kind == h.CONTACT_REQUEST_ANSWERED:
            if requests:
                events.append(h.Event(day(n), kind, by, ref=draw(st.sampled_from(requests))))
        elif kind == h.REVIEW:
            scores = draw(st.dictionaries(st.sampled_from(FACTORS), st.integers(1, 5)))
            events.append(h.Event(day(n), kind, by, scores=scores))
        elif kind == h.COST_ITEM:
            events.append(h.Event(day(n), kind, by, amount_cents=draw(st.integers(0, 100_000))))
        elif kind == h.SETTLEMENT:
            amount = draw(st.integers(0, 100_000))
            events.append(h.Event(day(n), kind, by, other, amount_cents=amount))
        elif kind == h.JOINT_ACTIVITY:
            ref = draw(st.sampled_from(["campaign", "project"]))
            events.append(h.Event(day(n), kind, by, ref=ref))
        elif kind == h.KPI_REPORTED:
            amount = draw(st.integers(0, 20))
            events.append(h.Event(day(n), kind, by, ref="leads", amount_cents=amount))
        else:
            events.append(h.Event(day(n), kind, by))
    return ship, events


def assert_same(single: ag.Columns, batch: ag.Columns, row: int, k: int) -> None:
    for f in dataclasses.fields(ag.Columns):
        if f.name == "as_of" or f.name in ag.KPI_COLUMNS:
            continue
        mine = np.asarray(getattr(single, f.name), dtype=np.float64)[0]
        theirs = np.asarray(getattr(batch, f.name), dtype=np.float64)[row]
        # the batch pads to the largest partnership; compare the parties this one has
        theirs = theirs[tuple(slice(0, n) for n in mine.shape)] if mine.ndim else theirs
        assert mine.shape[:1] in ((), (k,)), f.name
        assert np.allclose(mine, theirs, equal_nan=True, rtol=1e-9, atol=1e-6), f.name


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(histories(), min_size=1, max_size=4), st.integers(0, 500))
def test_incremental_state_equals_the_full_recompute(many, as_of_offset):
    ships = [ship for ship, _ in many]
    facts = ag.Facts.from_partnerships(ships)
    table = ag.EventTable.from_histories(facts, [events for _, events in many])
    last = max((e.day for _, events in many for e in events), default=day(0))
    as_of = max(last, day(as_of_offset))
    batch = ag.compute(facts, table, as_of)
    offset = 0
    for row, (ship, events) in enumerate(many):
        state = ag.State(
            parties=ship.parties,
            agreement_start=ag.day_number(ship.created),
            kpi_targets=ag.kpi_targets(ship),
        )
        for event in sorted(events, key=lambda e: e.day):
            state.apply(event)
        single = state.columns(as_of, facts.row(row))
        assert_same(single, batch, row, len(ship.parties))
        targets = slice(offset, offset + len(ship.agreement.kpis))
        assert np.allclose(single.kpi_actual, batch.kpi_actual[targets])
        # the kpi_shortfall run (a CUSUM): the same first day and actual since then, exactly
        assert single.kpi_run_from.tolist() == batch.kpi_run_from[targets].tolist()
        assert single.kpi_run_actual.tolist() == batch.kpi_run_actual[targets].tolist()
        offset += len(ship.agreement.kpis)


def test_balances_always_sum_to_zero():
    ship = partnership(parties=("a", "b", "c"))
    state = ag.State.build(ship, [])
    state.apply(h.Event(day(1), h.COST_ITEM, "a", amount_cents=30_000))
    state.apply(h.Event(day(2), h.COST_ITEM, "b", amount_cents=10_001, shares={"a": 1, "b": 2}))
    state.apply(h.Event(day(3), h.SETTLEMENT, "c", "a", amount_cents=5_000))
    assert state.balance.sum() == pytest.approx(0)
    # whole cents, split as the cost ledger splits: 10_001 by 1:2 is 33.34 € + 66.67 €
    assert state.balance[0] == 30_000 - 10_000 - 3_334 - 5_000


def test_cost_items_are_split_to_the_cent_as_the_cost_ledger_splits_them():
    """The balances behind the unsettled-costs warning are the costs page's, cent for cent."""
    from decimal import Decimal

    from verbund.activities import ledger

    percent = {"a": Decimal("33.34"), "b": Decimal("33.33"), "c": Decimal("33.33")}
    items = [("c", 27_550), ("b", 42_000), ("a", 135_000), ("a", 180_000), ("b", 10_001)]
    ship = partnership(parties=("a", "b", "c"))
    events = [
        h.Event(day(n), h.COST_ITEM, by, amount_cents=cents, shares=dict(percent))
        for n, (by, cents) in enumerate(items)
    ]
    book = ledger.Ledger(
        parties=["a", "b", "c"],
        expenses=[ledger.Expense(by, Decimal(cents) / 100, percent) for by, cents in items],
    )
    expected = [int(v * 100) for v in book.balances().values()]
    state = ag.State.build(ship, events)
    assert state.balance.tolist() == expected
    facts = ag.Facts.from_partnerships([ship])
    batch = ag.compute(facts, ag.EventTable.from_histories(facts, [events]), day(10))
    assert batch.balance[0].tolist() == expected
    # an equal split (the core gets no shares) of an odd amount: the first party's cent
    pair = partnership()
    odd = [h.Event(day(1), h.COST_ITEM, "b", amount_cents=10_001)]
    half = {"a": Decimal(50), "b": Decimal(50)}
    book = ledger.Ledger(
        parties=["a", "b"], expenses=[ledger.Expense("b", Decimal("100.01"), half)]
    )
    expected = [int(v * 100) for v in book.balances().values()]
    assert ag.State.build(pair, odd).balance.tolist() == expected == [-5_001, 5_001]
    facts = ag.Facts.from_partnerships([pair])
    batch = ag.compute(facts, ag.EventTable.from_histories(facts, [odd]), day(2))
    assert batch.balance[0].tolist() == expected


def test_settling_everything_clears_the_unsettled_day():
    state = ag.State.build(partnership(), [])
    state.apply(h.Event(day(1), h.COST_ITEM, "a", amount_cents=20_000))
    assert state.unsettled_since == ag.day_number(day(1))
    state.apply(h.Event(day(30), h.SETTLEMENT, "b", "a", amount_cents=10_000))
    assert state.unsettled_since == ag.NONE


def test_a_back_dated_event_asks_for_a_rebuild():
    state = ag.State.build(partnership(), balanced_year(60))
    assert state.apply(h.Event(day(61), h.MEETING, "a")) is True
    assert state.apply(h.Event(day(10), h.MEETING, "b")) is False


def test_old_weeks_leave_the_window():
    state = ag.State.build(partnership(), referral(0, "a", "b", "r1"))
    state.apply(h.Event(day(400), h.MEETING, "a"))
    cols = state.columns(day(400), ag.Facts.from_partnerships([partnership()]))
    assert cols.win_ref.sum() == 0
    assert cols.win_act[0] == 1
    assert min(state.weeks) > ag.week_of(ag.day_number(day(400))) - 26


def test_a_state_cannot_be_read_before_its_last_event():
    state = ag.State.build(partnership(), balanced_year(60))
    with pytest.raises(ValueError, match="on or after"):
        state.columns(day(10), ag.Facts.from_partnerships([partnership()]))


def test_events_name_parties_of_the_partnership():
    state = ag.State.build(partnership(), [])
    with pytest.raises(ValueError, match="not a party"):
        state.apply(h.Event(day(1), h.MEETING, "stranger"))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (dict(kind="gossip"), "unknown event kind"),
        (dict(kind=h.SERVICE_RATED, rating=7), "1..5"),
        (dict(kind=h.REVIEW, scores={"trust": 0}), "1..5"),
        (dict(kind=h.COST_ITEM, amount_cents=-5), "not negative"),
        (dict(kind=h.REFERRAL_GIVEN, ref="r1"), "names the party it goes to"),
        (dict(kind=h.SETTLEMENT, to="a"), "goes to another party"),
        (dict(kind=h.REFERRAL_ANSWERED), "carries the id"),
    ],
)
def test_bad_events_are_refused_with_a_clear_message(changes, message):
    base = dict(day=day(0), kind=h.MEETING, by="a")
    with pytest.raises(ValueError, match=message):
        h.Event(**{**base, **changes})


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_a_stored_state_goes_on_exactly_where_it_left_off(history):
    import json

    ship, events = history
    events = sorted(events, key=lambda e: e.day)
    half = len(events) // 2
    stored = json.dumps(ag.State.build(ship, events[:half]).to_json())
    resumed = ag.State.from_json(json.loads(stored))
    for event in events[half:]:
        resumed.apply(event)
    whole = ag.State.build(ship, events)
    as_of = events[-1].day if events else day(0)
    facts = ag.Facts.from_partnerships([ship])
    mine, theirs = resumed.columns(as_of, facts), whole.columns(as_of, facts)
    assert_same(mine, theirs, 0, len(ship.parties))
    for name in ag.KPI_COLUMNS:
        assert getattr(mine, name).tolist() == getattr(theirs, name).tolist(), name


def test_a_state_stored_before_the_kpi_runs_loads_without_them():
    ship = partnership(kpis=(h.KpiTarget("referrals_given", 48, party="a"),))
    data = ag.State.build(ship, balanced_year(180, every=30)).to_json()
    for name in ("kpi_targets", "kpi_runs"):
        del data[name]
    old = ag.State.from_json(data)
    cols = old.columns(day(180), ag.Facts.from_partnerships([ship]))
    # no run known: the counted KPI raises no alert until the state is rebuilt, which the Django
    # side does because the stored targets differ from the agreement's
    assert cols.kpi_run_from.tolist() == [ag.NONE] and np.isnan(cols.kpi_run_actual).all()
    assert old.kpi_targets != ag.kpi_targets(ship)
    assert cols.kpi_actual.tolist() == [6.0]  # the window's actual is still there


def test_a_kpi_of_a_company_outside_the_partnership_is_refused():
    with pytest.raises(ValueError, match="'x' is not a party"):
        partnership(kpis=(h.KpiTarget("leads", 5, party="x"),))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.sampled_from(["a", "b", "c"]), st.booleans()),
        max_size=40,
    ),
    st.integers(0, 30),
)
def test_initiative_runs_agree_with_many_starts_on_the_same_days(starts, extra_days):
    """Initiatives crowd onto few days here, so same-day starts by several parties (which end
    one party's run and must not count towards it) are the rule, not the exception."""
    ship = partnership(parties=("a", "b", "c"))
    events = [
        h.Event(day(n), h.MEETING if meeting else h.JOINT_ACTIVITY, by, ref="campaign")
        for n, by, meeting in sorted(starts, key=lambda x: x[0])
    ]
    facts = ag.Facts.from_partnerships([ship])
    table = ag.EventTable.from_histories(facts, [events])
    as_of = day(60 + extra_days)
    single = ag.State.build(ship, events).columns(as_of, facts)
    batch = ag.compute(facts, table, as_of)
    for name in ("init_total", "last_init", "init_run"):
        assert np.array_equal(getattr(single, name), getattr(batch, name)), name


def test_a_partys_run_counts_the_others_starts_after_its_last_day():
    ship = partnership(parties=("a", "b", "c"))
    events = [
        h.Event(day(1), h.MEETING, "b"),
        h.Event(day(3), h.MEETING, "a"),
        h.Event(day(3), h.MEETING, "b"),  # same day as a's: not part of a's run
        h.Event(day(5), h.JOINT_ACTIVITY, "a", ref="campaign"),
        h.Event(day(9), h.MEETING, "a"),
    ]
    cols = ag.State.build(ship, events).columns(day(10), ag.Facts.from_partnerships([ship]))
    assert cols.init_total[0].tolist() == [3, 2, 0]
    assert cols.init_run[0].tolist() == [0, 2, 5]  # c never started one: all of them


def test_a_state_stored_before_the_initiative_counters_asks_for_a_rebuild():
    import json

    stored = ag.State.build(partnership(), balanced_year(60)).to_json()
    assert not ag.State.from_json(json.loads(json.dumps(stored))).needs_rebuild
    for name in ("init_total", "last_init", "init_run"):
        del stored[name]
    assert ag.State.from_json(stored).needs_rebuild
