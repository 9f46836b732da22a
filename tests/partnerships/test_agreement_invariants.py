"""The agreement's invariants, property-based: cost shares are accepted exactly when every party
has a share in [0, 100] and they sum to 100; a version is active exactly when every party has
confirmed it; and through any sequence of drafts and confirmations there is at most one active
version, and it carries every party's confirmation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import World
from tests.partnerships.conftest import valid_terms
from verbund.partnerships import agreement_terms, services
from verbund.partnerships.models import AgreementVersion

shares = st.decimals(min_value=-50, max_value=150, places=2, allow_nan=False, allow_infinity=False)


@given(st.lists(shares, min_size=1, max_size=6))
def test_cost_shares_are_accepted_exactly_when_they_sum_to_100(values: list[Decimal]):
    party_ids = list(range(1, len(values) + 1))
    problems = agreement_terms.cost_share_problems(
        {str(pk): str(v) for pk, v in zip(party_ids, values, strict=True)}, party_ids
    )
    valid = all(0 <= v <= 100 for v in values) and sum(values) == 100
    assert (problems == []) == valid
    if all(0 <= v <= 100 for v in values) and not valid:
        assert problems[0].code == "shares_sum"
        assert Decimal(problems[0].params["total"]) == sum(values)


@given(st.integers(min_value=1, max_value=12))
def test_equal_shares_always_sum_to_exactly_100(count: int):
    values = agreement_terms.equal_shares(count)
    assert sum(values) == 100 and len(values) == count
    ids = list(range(count))
    assert (
        agreement_terms.cost_share_problems(
            {str(i): str(v) for i, v in zip(ids, values, strict=True)}, ids
        )
        == []
    )


@given(st.sets(st.integers(1, 8), min_size=1), st.sets(st.integers(1, 8)))
def test_active_exactly_when_every_party_confirmed(parties: set[int], confirmed: set[int]):
    assert agreement_terms.confirmed_by_all(confirmed, parties) == (parties <= confirmed)


def test_no_parties_never_means_confirmed():
    assert not agreement_terms.confirmed_by_all({1, 2}, set())


@given(
    st.dictionaries(st.sampled_from(agreement_terms.FIELDS), st.integers(0, 3)),
    st.dictionaries(st.sampled_from(agreement_terms.FIELDS), st.integers(0, 3)),
)
def test_the_diff_lists_exactly_the_fields_that_differ(before: dict, after: dict):
    changed = {c.field for c in agreement_terms.diff(before, after)}
    assert changed == {f for f in agreement_terms.FIELDS if before.get(f) != after.get(f)}


# An operation: (who acts: 0 member / 1 other, "draft" or "confirm", share for the member).
operations = st.lists(
    st.tuples(st.integers(0, 1), st.sampled_from(["draft", "confirm"]), st.integers(0, 100)),
    min_size=1,
    max_size=8,
)


@pytest.mark.django_db
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=operations)
def test_any_sequence_keeps_one_fully_confirmed_active_version(world: World, partnership, steps):
    companies = [world.member_company, world.other_company]
    users = [world.users["member"], world.users["other_company"]]
    party_ids = {c.pk for c in companies}
    for who, action, share in steps:
        latest = partnership.agreement_versions.order_by("-number").first()
        try:
            if action == "draft":
                terms = valid_terms(
                    partnership,
                    cost_shares={
                        str(companies[0].pk): str(share),
                        str(companies[1].pk): str(100 - share),
                    },
                )
                services.agreement_draft(
                    partnership=partnership, terms=terms, user=users[who], company=companies[who]
                )
            elif latest is not None:
                services.agreement_confirm(version=latest, user=users[who], company=companies[who])
        except ValidationError:
            pass  # nothing changed, or the version was no longer a draft: refused, not broken
        active = list(partnership.agreement_versions.filter(status=AgreementVersion.Status.ACTIVE))
        assert len(active) <= 1
        for version in active:
            confirmed = set(version.confirmations.values_list("company_id", flat=True))
            assert confirmed == party_ids
        drafts = partnership.agreement_versions.filter(status=AgreementVersion.Status.DRAFT)
        assert drafts.count() <= 1
    # Clean slate for the next example (hypothesis reuses the function-scoped fixture).
    partnership.reviews.all().delete()
    partnership.agreement_versions.all().delete()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=10,
)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from([*agreement_terms.FIELDS, "x"]), json_values))
def test_any_json_gives_problems_never_a_crash(terms: dict):
    problems = agreement_terms.terms_problems(
        terms, [1, 2], forms=["a"], factors=["f"], kpis=["k"], goals=["g"]
    )
    assert all(isinstance(p, agreement_terms.Problem) for p in problems)
    assert problems  # random JSON is never a valid agreement (scope and shares are missing)
