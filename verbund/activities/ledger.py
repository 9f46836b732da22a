"""The shared cost ledger's arithmetic: splitting costs, balances, and who should pay whom.

Pure (no Django): parties are any hashable keys (company ids in the app), amounts are ``Decimal``
euros. Every amount is kept in whole cents and every split hands out exactly the amount it splits,
so the balances of a partnership always sum to zero — the invariant the property tests check.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Generic, TypeVar

P = TypeVar("P", bound=Hashable)

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


class LedgerError(ValueError):
    """A rule or amount the ledger refuses; ``code`` is stable, ``params`` fill the message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def cents(amount: Decimal | int | str) -> Decimal:
    """An amount in whole cents (half a cent rounds away from zero, as on an invoice)."""
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def check_shares(shares: Mapping[P, Decimal], parties: Iterable[P] | None = None) -> None:
    """Shares are percentages per party, none negative, summing to exactly 100."""
    if not shares:
        raise LedgerError("no_shares")
    known = set(parties) if parties is not None else None
    for party, share in shares.items():
        if known is not None and party not in known:
            raise LedgerError("unknown_party", party=party)
        if Decimal(share) < 0:
            raise LedgerError("negative_share", party=party, share=share)
    total = sum((Decimal(share) for share in shares.values()), Decimal(0))
    if total != HUNDRED:
        raise LedgerError("shares_not_100", total=total)


def split(amount: Decimal, shares: Mapping[P, Decimal]) -> dict[P, Decimal]:
    """Each party's part of ``amount`` by percentage shares, in cents, summing exactly to amount.

    Cents lost to rounding go to the parties with the largest remainders (ties: the order of
    ``shares``), so 10 € split 33.33 / 33.33 / 33.34 % is 3.33 + 3.33 + 3.34, never 9.99.
    """
    check_shares(shares)
    total_cents = int(cents(amount) / CENT)
    sign = -1 if total_cents < 0 else 1
    exact = {p: abs(total_cents) * Decimal(s) / HUNDRED for p, s in shares.items()}
    floors = {p: int(value.to_integral_value(rounding=ROUND_DOWN)) for p, value in exact.items()}
    left = abs(total_cents) - sum(floors.values())
    order = sorted(exact, key=lambda p: exact[p] - floors[p], reverse=True)
    for party in order[:left]:
        floors[party] += 1
    return {p: sign * Decimal(n) * CENT for p, n in floors.items()}


@dataclass(frozen=True)
class Expense(Generic[P]):
    paid_by: P
    amount: Decimal
    shares: Mapping[P, Decimal]


@dataclass(frozen=True)
class Transfer(Generic[P]):
    """``payer`` pays ``amount`` to ``payee`` (a settlement, recorded or proposed)."""

    payer: P
    payee: P
    amount: Decimal


@dataclass
class Ledger(Generic[P]):
    parties: list[P]
    expenses: list[Expense[P]] = field(default_factory=list)
    settlements: list[Transfer[P]] = field(default_factory=list)

    def balances(self) -> dict[P, Decimal]:
        """Per party: positive = the others owe it, negative = it owes. Sums to zero."""
        balance = {party: Decimal("0.00") for party in self.parties}
        for expense in self.expenses:
            amount = cents(expense.amount)
            if amount <= 0:
                raise LedgerError("amount_not_positive", amount=expense.amount)
            if expense.paid_by not in balance:
                raise LedgerError("unknown_party", party=expense.paid_by)
            check_shares(expense.shares, self.parties)
            balance[expense.paid_by] += amount
            for party, part in split(amount, expense.shares).items():
                balance[party] -= part
        for transfer in self.settlements:
            amount = cents(transfer.amount)
            if amount <= 0:
                raise LedgerError("amount_not_positive", amount=transfer.amount)
            for party in (transfer.payer, transfer.payee):
                if party not in balance:
                    raise LedgerError("unknown_party", party=party)
            balance[transfer.payer] += amount
            balance[transfer.payee] -= amount
        return balance

    def proposal(self) -> list[Transfer[P]]:
        return settle(self.balances())


def settle(balances: Mapping[P, Decimal]) -> list[Transfer[P]]:
    """Transfers that bring every balance to zero: at most one fewer than the parties involved.

    Greedy, largest debtor pays largest creditor: each transfer clears at least one party, which is
    what people expect from "who owes whom"; finding the fewest transfers in general is NP-hard and
    partnerships rarely have more than a handful of parties.
    """
    if sum(balances.values(), Decimal(0)) != 0:
        raise LedgerError("balances_not_zero")
    owes = {p: -b for p, b in balances.items() if b < 0}
    owed = {p: b for p, b in balances.items() if b > 0}
    transfers: list[Transfer[P]] = []
    while owes and owed:
        debtor = max(owes, key=lambda p: owes[p])
        creditor = max(owed, key=lambda p: owed[p])
        amount = min(owes[debtor], owed[creditor])
        transfers.append(Transfer(payer=debtor, payee=creditor, amount=amount))
        for side, party in ((owes, debtor), (owed, creditor)):
            side[party] -= amount
            if side[party] == 0:
                del side[party]
    return transfers
