"""The cost ledger in the database: acceptance 2 (three costs paid by different parties →
balances and a settlement proposal → after recording it every balance is zero), the agreement's
split and overrides, receipts, and the zero-sum invariant over random ledgers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import World
from verbund.activities import selectors, services

DAY = dt.date(2025, 3, 14)


def cost(world: World, partnership, payer, amount: str, **extra):
    return services.cost_item_create(
        partnership=partnership,
        company=payer,
        user=None,
        paid_by=payer,
        amount=Decimal(amount),
        spent_on=DAY,
        description=extra.pop("description", "Messestand"),
        **extra,
    )


def balances(partnership) -> dict[int, Decimal]:
    return {company.pk: amount for company, amount in selectors.ledger_view(partnership).balances}


def test_three_costs_paid_by_three_parties_settle_to_zero(world: World, alliance):
    a, b, c = world.member_company, world.other_company, world.anonymous_company
    cost(world, alliance, a, "900.00", description="Messestand")
    cost(world, alliance, b, "300.00", description="Flyer")
    cost(world, alliance, c, "0.03", description="Briefmarke")
    # No agreement yet: equal shares 33.34 / 33.33 / 33.33 %, so a's part is 300.06 + 100.02
    # + 0.01 and b's and c's are 299.97 + 99.99 + 0.01 each.
    view = selectors.ledger_view(alliance)
    assert balances(alliance) == {
        a.pk: Decimal("499.91"),
        b.pk: Decimal("-99.97"),
        c.pk: Decimal("-399.94"),
    }
    assert sum(balances(alliance).values()) == 0
    assert [(p.pk, q.pk, amount) for p, q, amount in view.proposal] == [
        (c.pk, a.pk, Decimal("399.94")),
        (b.pk, a.pk, Decimal("99.97")),
    ]
    services.settlement_proposal_record(
        partnership=alliance, company=b, user=None, transfers=view.transfers
    )
    assert set(balances(alliance).values()) == {Decimal(0)}
    assert selectors.ledger_view(alliance).settled


def test_the_active_agreements_split_applies_and_an_override_wins(world, active_partnership):
    a, b = world.member_company, world.other_company
    terms = active_partnership.agreement_versions.get(status="active").terms
    assert set(terms["cost_shares"]) == {str(a.pk), str(b.pk)}
    item = cost(world, active_partnership, a, "100.00")
    assert item.shares == terms["cost_shares"] and not item.shares_overridden
    override = cost(
        world, active_partnership, b, "50.00", shares={a.pk: Decimal(70), b.pk: Decimal(30)}
    )
    assert override.shares_overridden
    expected_a = Decimal("100.00") - Decimal(terms["cost_shares"][str(a.pk)]) - Decimal("35.00")
    assert balances(active_partnership)[a.pk] == expected_a


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"amount": Decimal("-5")}, "amount"),
        ({"amount": Decimal("0")}, "amount"),
        ({"amount": Decimal("1.005")}, "amount"),
        ({"description": "  "}, "description"),
        ({"spent_on": None}, "spent_on"),
    ],
)
def test_bad_costs_are_refused_per_field(world, partnership, overrides, field):
    values = {
        "partnership": partnership,
        "company": world.member_company,
        "user": None,
        "paid_by": world.member_company,
        "amount": Decimal("10"),
        "spent_on": DAY,
        "description": "Anzeige",
        **overrides,
    }
    with pytest.raises(ValidationError) as error:
        services.cost_item_create(**values)
    assert field in error.value.message_dict
    assert not partnership.cost_items.exists()


def test_a_split_must_add_up_to_100(world, partnership):
    a, b = world.member_company, world.other_company
    with pytest.raises(ValidationError) as error:
        cost(world, partnership, a, "10.00", shares={a.pk: Decimal(60), b.pk: Decimal(30)})
    assert "90" in error.value.message_dict["shares"][0]


def test_a_company_outside_pays_nothing_into_the_ledger(world, partnership):
    with pytest.raises(ValidationError) as error:
        cost(world, partnership, world.anonymous_company, "10.00")
    assert error.value.message_dict


def test_receipts_are_checked_for_type_and_size(world, partnership, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    a = world.member_company
    fake = SimpleUploadedFile("beleg.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        cost(world, partnership, a, "10.00", receipt=fake)
    assert "receipt" in error.value.message_dict
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (services.RECEIPT_MAX_BYTES + 1))
    with pytest.raises(ValidationError):
        cost(world, partnership, a, "10.00", receipt=big)
    good = SimpleUploadedFile("beleg.pdf", b"%PDF-1.4\n%%EOF\n")
    item = cost(world, partnership, a, "10.00", receipt=good)
    assert item.receipt.name.startswith(f"receipts/{partnership.pk}/")
    assert (tmp_path / item.receipt.name).read_bytes().startswith(b"%PDF")


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999"), places=2)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    costs=st.lists(st.tuples(st.integers(0, 2), amounts), min_size=1, max_size=6),
    shares=st.lists(st.integers(0, 100), min_size=2, max_size=2),
)
def test_balances_always_sum_to_zero_and_the_proposal_clears_them(world, alliance, costs, shares):
    companies = [world.member_company, world.other_company, world.anonymous_company]
    low, high = sorted(shares)
    split = {
        companies[0].pk: Decimal(low),
        companies[1].pk: Decimal(high - low),
        companies[2].pk: Decimal(100 - high),
    }
    alliance.cost_items.all().delete()
    alliance.settlements.all().delete()
    for payer, amount in costs:
        cost(world, alliance, companies[payer], str(amount), shares=split)
    assert sum(balances(alliance).values()) == 0
    view = selectors.ledger_view(alliance)
    assert len(view.transfers) <= 2
    services.settlement_proposal_record(
        partnership=alliance, company=companies[0], user=None, transfers=view.transfers
    )
    assert set(balances(alliance).values()) <= {Decimal(0)}


def test_the_ledger_reads_in_a_fixed_number_of_queries(world, alliance, django_assert_num_queries):
    for company in (world.member_company, world.other_company, world.anonymous_company):
        cost(world, alliance, company, "12.34")
    alliance.refresh_from_db()
    parties = list(alliance.parties.select_related("company"))
    alliance._prefetched_objects_cache = {"parties": parties}
    with django_assert_num_queries(2):
        selectors.ledger_view(alliance)
