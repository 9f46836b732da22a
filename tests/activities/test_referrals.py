"""Referrals between the parties of a partnership: both directions, consent, the thank-you
credited, notifications at every step. (The client's feedback link is tested in
tests/referrals/test_feedback.py.)"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import World
from verbund.activities import selectors, services
from verbund.notifications.models import Notification
from verbund.referrals import services as referral_services

CLIENT = {
    "client_name": "Anna Vos",
    "client_company": "Vos Bouw",
    "client_email": "anna@vos.example",
    "need": "Schaltschrank für eine Verpackungsmaschine",
    "estimated_value": Decimal("12000"),
}


def give(world: World, partnership, *, reverse: bool = False, **overrides):
    referrer, receiver = world.member_company, world.other_company
    user = world.users["member"]
    if reverse:
        referrer, receiver, user = receiver, referrer, world.users["other_company"]
    values = {**CLIENT, "consent": True, **overrides}
    return services.referral_give(
        partnership=partnership, referrer=referrer, user=user, receiver=receiver, **values
    )


def test_a_referral_counts_for_the_partnership_and_tells_the_receiver(world, partnership):
    referral = give(world, partnership)
    assert referral.partnership_id == partnership.pk
    assert list(selectors.referrals_of(partnership)) == [referral]
    told = Notification.objects.filter(
        recipient=world.users["other_company"], kind__startswith="referrals"
    )
    assert [n.kind for n in told] == ["referrals.received"]


def test_a_client_outside_the_network_must_have_consented(world, partnership):
    with pytest.raises(ValidationError) as error:
        give(world, partnership, consent=False)
    assert "consent" in error.value.message_dict
    assert not selectors.referrals_of(partnership).exists()


def test_only_parties_refer_within_a_partnership(world, partnership):
    with pytest.raises(ValidationError) as error:
        services.referral_give(
            partnership=partnership,
            referrer=world.member_company,
            user=world.users["member"],
            receiver=world.anonymous_company,
            consent=True,
            **CLIENT,
        )
    assert "receiver_company" in error.value.message_dict


def test_both_directions_side_by_side_with_the_won_value_credited(world, partnership):
    won = give(world, partnership)
    give(world, partnership)
    give(world, partnership, reverse=True)
    other = world.users["other_company"]
    referral_services.referral_set_status(referral=won, user=other, status="contacted")
    referral_services.referral_set_status(
        referral=won, user=other, status="won", closed_value=Decimal("9500.00")
    )
    rows = {row.company.pk: row for row in selectors.referral_summary(partnership)}
    member, partner = rows[world.member_company.pk], rows[world.other_company.pk]
    assert (member.given, member.received, partner.given, partner.received) == (2, 1, 1, 2)
    assert member.won_value_credited == Decimal("9500.00")
    assert partner.won_value_received == Decimal("9500.00")
    assert member.open == 2 and partner.open == 2  # the two open ones, seen from both sides
    kinds = list(
        Notification.objects.filter(recipient=world.users["member"], kind__startswith="referrals")
        .order_by("pk")
        .values_list("kind", flat=True)
    )
    assert kinds == ["referrals.received", "referrals.status_changed", "referrals.won"]


def test_summary_is_one_query(world, partnership, django_assert_num_queries):
    for _ in range(3):
        give(world, partnership)
    give(world, partnership, reverse=True)
    partnership.refresh_from_db()
    parties = list(partnership.parties.select_related("company"))
    partnership._prefetched_objects_cache = {"parties": parties}
    with django_assert_num_queries(1):
        selectors.referral_summary(partnership)
