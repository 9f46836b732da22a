"""Client feedback: a single-use link, no account needed; both companies are told the rating."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from tests.conftest import World
from verbund.notifications.models import Notification
from verbund.referrals.services import (
    feedback_give,
    feedback_link_create,
    referral_create,
    referral_set_status,
)


@pytest.fixture
def referral(world: World):
    referral = referral_create(
        network=world.alpha, referrer_company=world.member_company,
        referrer_user=world.users["member"], receiver_company=world.other_company,
        client_name="Anna Vos", client_email="anna@vos.example", consent=True,
        need="Wartung der Heizungsanlage",
    )  # fmt: skip
    return referral_set_status(
        referral=referral, user=world.users["other_company"], status="contacted"
    )


def test_the_client_rates_once_through_the_link_and_both_companies_are_told(world, referral):
    link = feedback_link_create(referral=referral, user=world.users["member"])
    url = reverse("referrals:feedback", args=[link.token])
    client = Client()  # the client has no account
    assert client.get(url).status_code == 200
    response = client.post(url, {"rating": "4", "comment": "Schnell und sauber."})
    assert response.status_code == 200
    link.refresh_from_db()
    assert (link.rating, link.comment) == (4, "Schnell und sauber.")
    for persona in ("member", "other_company"):
        assert Notification.objects.filter(
            recipient=world.users[persona], kind="referrals.feedback_given"
        ).exists()
    again = client.post(url, {"rating": "1"})
    assert again.status_code == 410
    link.refresh_from_db()
    assert link.rating == 4


def test_an_unknown_link_is_404_and_a_bad_rating_is_named(world, referral):
    assert Client().get(reverse("referrals:feedback", args=["nope"])).status_code == 404
    link = feedback_link_create(referral=referral, user=world.users["other_company"])
    response = Client().post(reverse("referrals:feedback", args=[link.token]), {"rating": "9"})
    assert response.status_code == 422
    with pytest.raises(ValidationError):
        feedback_give(token=link.token, rating=0)


def test_only_the_two_companies_ask_for_feedback_and_only_after_first_contact(world, referral):
    with pytest.raises(PermissionDenied):
        feedback_link_create(referral=referral, user=world.users["coordinator"])
    fresh = referral_create(
        network=world.alpha, referrer_company=world.member_company,
        referrer_user=world.users["member"], receiver_company=world.other_company,
        client_in_network=world.anonymous_company, need="Kampagne",
    )  # fmt: skip
    with pytest.raises(ValidationError):
        feedback_link_create(referral=fresh, user=world.users["member"])
    first = feedback_link_create(referral=referral, user=world.users["member"])
    assert feedback_link_create(referral=referral, user=world.users["other_company"]) == first
