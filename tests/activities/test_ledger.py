"""The cost ledger's arithmetic: exact splits, balances that sum to zero, settlements that clear."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verbund.activities.ledger import (
    Expense,
    Ledger,
    LedgerError,
    Transfer,
    check_shares,
    settle,
    split,
)

D = Decimal


def test_a_split_hands_out_exactly_the_amount():
    thirds = {"a": D("33.33"), "b": D("33.33"), "c": D("33.34")}
    assert split(D("10"), thirds) == {"a": D("3.33"), "b": D("3.33"), "c": D("3.34")}
    assert split(D("0.01"), thirds) == {"a": D("0.00"), "b": D("0.00"), "c": D("0.01")}


def test_three_costs_paid_by_different_parties_balance_and_settle():
    # The acceptance scenario: a campaign with three costs, split 50/30/20.
    shares = {"A": D(50), "B": D(30), "C": D(20)}
    ledger = Ledger(
        parties=["A", "B", "C"],
        expenses=[
            Expense("A", D("1200.00"), shares),  # trade-fair stand
            Expense("B", D("300.00"), shares),  # flyers
            Expense("C", D("500.00"), shares),  # catering
        ],
    )
    # Total 2000: A's part 1000, B's 600, C's 400.
    assert ledger.balances() == {"A": D("200.00"), "B": D("-300.00"), "C": D("100.00")}
    proposal = ledger.proposal()
    assert proposal == [Transfer("B", "A", D("200.00")), Transfer("B", "C", D("100.00"))]
    ledger.settlements.extend(proposal)
    assert set(ledger.balances().values()) == {D("0.00")}


@pytest.mark.parametrize(
    ("shares", "code"),
    [
        ({"a": D(60), "b": D(30)}, "shares_not_100"),
        ({"a": D(110), "b": D(-10)}, "negative_share"),
        ({}, "no_shares"),
        ({"a": D(50), "x": D(50)}, "unknown_party"),
    ],
)
def test_bad_split_rules_are_refused_with_a_code(shares, code):
    with pytest.raises(LedgerError) as error:
        check_shares(shares, parties=["a", "b"])
    assert error.value.code == code


def test_negative_or_zero_costs_are_refused():
    ledger = Ledger(parties=["a", "b"], expenses=[Expense("a", D("-5"), {"a": D(50), "b": D(50)})])
    with pytest.raises(LedgerError) as error:
        ledger.balances()
    assert error.value.code == "amount_not_positive"


parties = st.lists(st.sampled_from("ABCDEFG"), min_size=2, max_size=6, unique=True)
amounts = st.decimals(min_value=D("0.01"), max_value=D("99999.99"), places=2)


@st.composite
def shares_for(draw, names):
    # Integer-percent splits; the remainder goes to the last party so they sum to 100.
    cuts = sorted(
        draw(st.lists(st.integers(0, 100), min_size=len(names) - 1, max_size=len(names) - 1))
    )
    bounds = [0, *cuts, 100]
    return {name: D(bounds[i + 1] - bounds[i]) for i, name in enumerate(names)}


@st.composite
def ledgers(draw):
    names = draw(parties)
    expenses = [
        Expense(draw(st.sampled_from(names)), draw(amounts), draw(shares_for(names)))
        for _ in range(draw(st.integers(0, 12)))
    ]
    return Ledger(parties=names, expenses=expenses)


@given(amounts, parties.flatmap(lambda names: shares_for(names)))
def test_every_split_sums_to_the_amount_and_differs_from_exact_by_under_a_cent(amount, shares):
    parts = split(amount, shares)
    assert sum(parts.values()) == amount
    for party, part in parts.items():
        assert abs(part - amount * shares[party] / 100) < D("0.01")


@given(ledgers())
def test_balances_always_sum_to_zero(ledger):
    assert sum(ledger.balances().values()) == 0


@given(ledgers())
def test_the_settlement_proposal_clears_every_balance_with_few_transfers(ledger):
    proposal = ledger.proposal()
    involved = [p for p, b in ledger.balances().items() if b != 0]
    assert len(proposal) <= max(len(involved) - 1, 0)
    assert all(t.amount > 0 and t.payer != t.payee for t in proposal)
    ledger.settlements.extend(proposal)
    assert all(b == 0 for b in ledger.balances().values())


def test_settle_refuses_balances_that_do_not_sum_to_zero():
    with pytest.raises(LedgerError):
        settle({"a": D("1.00"), "b": D("0.00")})
