"""Client feedback on a referral: a single-use link, no account needed, only a digest of it stored;
asking again replaces an unanswered link; both companies are told the rating; a used, expired or
unknown link gets a clear page in the visitor's language."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import World
from verbund.notifications.models import Notification
from verbund.referrals.models import ReferralFeedback
from verbund.referrals.services import (
    FEEDBACK_LINK_DAYS,
    FeedbackLink,
    feedback_give,
    feedback_link_create,
    feedback_link_open,
    referral_create,
    referral_set_status,
)


def _new_referral(world: World):
    return referral_create(
        network=world.alpha, referrer_company=world.member_company,
        referrer_user=world.users["member"], receiver_company=world.other_company,
        client_name="Anna Vos", client_email="anna@vos.example", consent=True,
        need="Wartung der Heizungsanlage",
    )  # fmt: skip


@pytest.fixture
def referral(world: World):
    return referral_set_status(
        referral=_new_referral(world), user=world.users["other_company"], status="contacted"
    )


def url_of(secret: str) -> str:
    return reverse("referrals:feedback", args=[secret])


def test_the_client_rates_once_through_the_link_and_both_companies_are_told(world, referral):
    secret = feedback_link_create(referral=referral, user=world.users["member"])
    stored = ReferralFeedback.objects.get(referral=referral)
    # Only the digest is kept: a copy of the database holds no working link.
    assert stored.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in stored.token_hash
    assert stored.expires_at == stored.requested_at + timedelta(days=FEEDBACK_LINK_DAYS)
    client = Client()  # the client has no account
    page = client.get(url_of(secret))
    assert page.status_code == 200
    assert world.member_company.name in page.content.decode()
    response = client.post(url_of(secret), {"rating": "4", "comment": "  Schnell und sauber. "})
    assert response.status_code == 200
    assert b'data-testid="feedback-thanks"' in response.content
    stored.refresh_from_db()
    assert (stored.rating, stored.comment) == (4, "Schnell und sauber.")
    assert stored.given_at is not None
    told = Notification.objects.filter(kind="referrals.feedback_given")
    for persona in ("member", "other_company"):
        assert told.filter(recipient=world.users[persona]).count() == 1
    again = client.post(url_of(secret), {"rating": "1"})
    assert again.status_code == 410
    assert b'data-state="used"' in again.content
    stored.refresh_from_db()
    assert stored.rating == 4
    with pytest.raises(ValidationError) as error:
        feedback_give(secret=secret, rating=5)
    assert "link" in error.value.message_dict
    # Rated once: no new link can be asked for.
    with pytest.raises(ValidationError) as error:
        feedback_link_create(referral=referral, user=world.users["other_company"])
    assert "referral" in error.value.message_dict


def test_a_bad_rating_is_named_and_nothing_is_stored(world, referral):
    secret = feedback_link_create(referral=referral, user=world.users["other_company"])
    response = Client().post(url_of(secret), {"rating": "9", "comment": "Gut"})
    assert response.status_code == 422
    assert b'data-testid="form-errors"' in response.content
    with pytest.raises(ValidationError) as error:
        feedback_give(secret=secret, rating=0)
    assert "rating" in error.value.message_dict
    with pytest.raises(ValidationError):
        feedback_give(secret=secret, rating=None)
    assert feedback_link_open(secret).state == FeedbackLink.OPEN
    assert not Notification.objects.filter(kind="referrals.feedback_given").exists()


def test_a_new_link_replaces_the_unanswered_one(world, referral):
    first = feedback_link_create(referral=referral, user=world.users["member"])
    second = feedback_link_create(referral=referral, user=world.users["other_company"])
    assert first != second
    assert feedback_link_open(first).state == FeedbackLink.EXPIRED
    assert feedback_link_open(second).state == FeedbackLink.OPEN
    response = Client().get(url_of(first))
    assert response.status_code == 410
    assert b'data-state="expired"' in response.content
    assert ReferralFeedback.objects.filter(referral=referral).count() == 2


def test_an_expired_link_is_refused_with_a_clear_message(world, referral):
    secret = feedback_link_create(referral=referral, user=world.users["member"])
    ReferralFeedback.objects.filter(referral=referral).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = Client().post(url_of(secret), {"rating": "5"})
    assert response.status_code == 410
    assert b'data-state="expired"' in response.content
    assert ReferralFeedback.objects.get(referral=referral).rating is None


def test_an_unknown_link_is_404_in_the_visitors_language(world):
    response = Client().get(url_of("nope"), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 404
    assert b'data-state="unknown"' in response.content
    assert "Dieser Bewertungslink ist ungültig" in response.content.decode()
    dutch = Client().get(url_of("nope"), HTTP_ACCEPT_LANGUAGE="nl")
    assert "Deze beoordelingslink is niet geldig" in dutch.content.decode()


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
    assert not ReferralFeedback.objects.exists()


def test_the_referral_page_shows_the_link_once_then_its_state_then_the_rating(world, referral):
    member = Client()
    member.force_login(world.users["member"])
    response = member.post(reverse("referrals:feedback_link", args=[referral.pk]))
    assert response.status_code == 200
    shown = response.context["feedback_url"]
    secret = shown.rstrip("/").rsplit("/", 1)[1]
    assert feedback_link_open(secret).state == FeedbackLink.OPEN
    detail = member.get(reverse("referrals:detail", args=[referral.pk]))
    assert b'data-testid="feedback-pending"' in detail.content
    assert secret not in detail.content.decode()  # shown once, never again
    feedback_give(secret=secret, rating=2, comment="Zu spät")
    detail = member.get(reverse("referrals:detail", args=[referral.pk]))
    assert b'data-testid="feedback-rating"' in detail.content
    assert "Zu spät" in detail.content.decode()
    receiver = Client()
    receiver.force_login(world.users["other_company"])
    refused = receiver.post(reverse("referrals:feedback_link", args=[referral.pk]))
    assert refused.status_code == 422  # rated once: no second link
    assert b'data-testid="feedback-error"' in refused.content
    assert b'data-testid="status-form"' in refused.content  # the receiver can still move it on


def test_the_first_answer_is_due_only_until_the_receiver_answered(world):
    fresh = _new_referral(world)
    member = Client()
    member.force_login(world.users["member"])
    url = reverse("referrals:detail", args=[fresh.pk])
    assert b'data-testid="answer-due"' in member.get(url).content
    for status in ("contacted", "won"):
        referral_set_status(
            referral=fresh, user=world.users["other_company"], status=status,
            closed_value=Decimal("900") if status == "won" else None,
        )  # fmt: skip
        assert b'data-testid="answer-due"' not in member.get(url).content, status
