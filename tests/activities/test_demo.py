"""The demo's running partnerships: balanced, one-way, empty, overdue referrals, unsettled costs."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from verbund.activities import selectors
from verbund.activities.models import SharedContact
from verbund.partnerships.models import Partnership
from verbund.referrals.models import Referral
from verbund.referrals.selectors import overdue_q

pytestmark = pytest.mark.django_db


def _by_form(form: str) -> list[Partnership]:
    # This module's partnerships are set up by the coordination (the others come from suggestions).
    partnerships = Partnership.objects.filter(form=form, origin=Partnership.Origin.COORDINATOR)
    return list(partnerships.prefetch_related("parties__company"))


def test_the_demo_runs_partnerships_of_every_kind(demo_summary):
    assert demo_summary.created
    balanced, one_way = sorted(_by_form("referral_partnership"), key=lambda p: p.pk)
    rows = selectors.referral_summary(balanced)
    assert [(r.given, r.received) for r in rows] == [(3, 3), (3, 3)]
    assert all(r.won_value_credited > 0 for r in rows)
    assert selectors.activities_of(balanced).count() == 4
    assert not selectors.ledger_view(balanced).settled  # settled once, then a new cost
    one_way_rows = selectors.referral_summary(one_way)
    # five from the activities demo, six older ones from the health demo (verbund.health.demo)
    assert sorted((r.given, r.received) for r in one_way_rows) == [(0, 11), (11, 0)]
    overdue = Referral.objects.filter(overdue_q(timezone.now()), partnership=one_way).count()
    assert overdue == 9  # three recent unanswered ones and the health demo's six
    (empty,) = _by_form("trusted_advisory")
    assert not Referral.objects.filter(partnership=empty).exists()
    assert not selectors.activities_of(empty).exists()
    (alliance,) = _by_form("marketing_alliance")
    view = selectors.ledger_view(alliance)
    # three costs of the activities demo and an older one from the health demo
    assert view.total_spent == Decimal("3845.50") and len(view.proposal) == 2
    assert sum(amount for _c, amount in view.balances) == 0
    assert selectors.contact_summary(alliance).overlap == 1
    assert SharedContact.objects.filter(partnership=alliance).count() == 22
