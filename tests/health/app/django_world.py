"""Partnership histories recorded through the real services (referrals, activities, costs,
reviews), dated in the past, for the Django side of health."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from tests.conftest import World

# `agree` is shared with the partnerships tests; the health tests import it from here.
from tests.partnerships.conftest import agree as agree
from verbund.activities import services as activities
from verbund.companies.models import Company
from verbund.health.models import HealthAlert
from verbund.partnerships import services as partnerships
from verbund.partnerships.models import Partnership, Review, Stage
from verbund.referrals import services as referrals

CLIENT = {
    "client_name": "Anna Vos",
    "client_company": "Vos Bouw",
    "client_email": "anna@vos.example",
    "need": "Schaltschrank für eine Verpackungsmaschine",
    "consent": True,
}


def ago(days: int, hour: int = 10) -> dt.datetime:
    day = timezone.localdate() - dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def backdate(partnership: Partnership, days: int) -> Partnership:
    """Pretend the partnership started ``days`` ago (created and last stage change)."""
    Partnership.objects.filter(pk=partnership.pk).update(
        created_at=ago(days), stage_changed_at=ago(days)
    )
    partnership.refresh_from_db()
    return partnership


def referral(
    world: World,
    partnership,
    days_ago: int,
    *,
    back: bool = False,
    answer_after=None,
    won: Decimal | None = None,
):
    referrer, receiver = world.member_company, world.other_company
    user, receiver_user = world.users["member"], world.users["other_company"]
    if back:
        referrer, receiver = receiver, referrer
        user, receiver_user = receiver_user, user
    made = activities.referral_give(
        partnership=partnership,
        referrer=referrer,
        user=user,
        receiver=receiver,
        created_at=ago(days_ago),
        **CLIENT,
    )
    if answer_after is not None:
        referrals.referral_set_status(
            referral=made, user=receiver_user, status="contacted", at=ago(days_ago - answer_after)
        )
    if won is not None:
        referrals.referral_set_status(
            referral=made,
            user=receiver_user,
            status="won",
            closed_value=won,
            at=ago(max(days_ago - (answer_after or 0) - 5, 0)),
        )
    return made


def meeting(
    world: World, partnership, days_ago: int, *, by_other: bool = False, kind="working_meeting"
):
    company = world.other_company if by_other else world.member_company
    user = world.users["other_company" if by_other else "member"]
    return activities.activity_create(
        partnership=partnership,
        company=company,
        user=user,
        kind=kind,
        title="Abstimmung",
        starts_at=ago(days_ago),
        initiator=company,
        leads=1,
    )


def cost(world: World, partnership, days_ago: int, amount: str = "300.00"):
    return activities.cost_item_create(
        partnership=partnership,
        company=world.member_company,
        user=world.users["member"],
        paid_by=world.member_company,
        amount=Decimal(amount),
        spent_on=timezone.localdate() - dt.timedelta(days=days_ago),
        description="Messestand",
    )


def review_both(
    world: World, partnership: Partnership, member_score: int, other_score: int
) -> Review:
    review = partnership.reviews.filter(status=Review.Status.OPEN).get()
    factors = review.agreement_version.terms["factors"]
    for company, user, score in (
        (world.member_company, world.users["member"], member_score),
        (world.other_company, world.users["other_company"], other_score),
    ):
        partnerships.review_submit(
            review=review,
            company=company,
            user=user,
            scores={f: {"score": score, "comment": ""} for f in factors},
        )
    review.refresh_from_db()
    return review


def lively_history(world: World, partnership: Partnership) -> Partnership:
    """Half a year of a partnership with something of every kind."""
    backdate(partnership, 200)
    for n, days in enumerate(range(190, 10, -20)):
        referral(
            world, partnership, days, answer_after=2, won=Decimal("1500") if n % 3 == 0 else None
        )
        if n % 2:
            referral(world, partnership, days - 3, back=True, answer_after=5)
    for days in (150, 100, 60, 30):
        meeting(world, partnership, days, by_other=days == 100)
    cost(world, partnership, 120)
    cost(world, partnership, 40, "120.50")
    activities.settlement_record(
        partnership=partnership,
        company=world.other_company,
        user=world.users["other_company"],
        payer=world.other_company,
        payee=world.member_company,
        amount=Decimal("150.00"),
        paid_on=timezone.localdate() - dt.timedelta(days=100),
    )
    return partnership


STAGE = Stage


def one_way_alert(partnership: Partnership, giver: Company, taker: Company) -> HealthAlert:
    """An open one-way street warning whose evidence names both parties (giver gave 9, got 1)."""
    now = timezone.now()
    return HealthAlert.objects.create(
        partnership=partnership,
        kind="one_way_street",
        subject=f"{giver.pk}>{taker.pk}",
        since=timezone.localdate() - dt.timedelta(days=20),
        evidence={"party": str(giver.pk), "partner": str(taker.pk), "given": 9, "received": 1,
                  "window_days": 180},
        next_step="discuss_balance",
        opened_at=now,
        refreshed_at=now,
    )  # fmt: skip
