"""Referral groups on top of the shared ``world``: two groups in the network alpha.

Group A ("Empfehlungsgruppe Münster"): the ``member`` persona holds a seat (electrician), a
secretary, a membership-committee member and a third member hold the others. Group B
("Empfehlungsgruppe Enschede"): the ``other_company`` persona holds a seat — a member of one group,
not of the other. The coordinator of alpha sees both; other_network and outsider see neither.

Built lazily on the world (``group_world(world)``), so access tables can use it in their URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest

from tests.conftest import World, _user
from verbund.companies.models import Company
from verbund.companies.services import company_create, company_member_set
from verbund.groups.models import Group, Meeting, Officer, Seat
from verbund.groups.services import (
    group_create,
    meetings_schedule,
    officer_set,
    referral_slip_create,
    seat_create,
    thank_you_record,
)
from verbund.tenancy.services import membership_set


@dataclass
class GroupWorld:
    world: World
    a: Group
    b: Group
    seats: dict[str, Seat]  # persona or person key -> seat
    users: dict
    companies: dict[str, Company]
    meeting: Meeting  # a past meeting of group A

    def seat(self, key: str) -> Seat:
        return self.seats[key]


def _person(world: World, key: str, company_name: str) -> tuple:
    user = _user(f"{key}@alpha.example")
    user.first_name, user.last_name = key.capitalize(), "Gruppe"
    user.save()
    membership_set(user=user, network=world.alpha, role="member")
    company = company_create(name=company_name, country="DE", city="Münster", network=world.alpha)
    company_member_set(user=user, company=company, role="owner")
    return user, company


def group_world(world: World) -> GroupWorld:
    cached = getattr(world, "_groups", None)
    if cached is not None:
        return cached
    a = group_create(network=world.alpha, name="Empfehlungsgruppe Münster", weekday=2)
    b = group_create(network=world.alpha, name="Empfehlungsgruppe Enschede", weekday=3)
    users = dict(world.users)
    companies = {"member": world.member_company, "other_company": world.other_company}
    for key, company_name in (
        ("secretary", "Sekretariat Steuerberatung GmbH"),
        ("committee", "Kommission Sanitär GmbH"),
        ("colleague", "Kollegen Malerbetrieb GmbH"),
    ):
        users[key], companies[key] = _person(world, key, company_name)
    seats = {
        "member": seat_create(group=a, user=users["member"], company=world.member_company,
                              category="electrician", joined_on=date(2025, 1, 1)),
        "secretary": seat_create(group=a, user=users["secretary"], company=companies["secretary"],
                                 category="accountant", joined_on=date(2025, 1, 1)),
        "committee": seat_create(group=a, user=users["committee"], company=companies["committee"],
                                 category="plumber", joined_on=date(2025, 1, 1)),
        "colleague": seat_create(group=a, user=users["colleague"], company=companies["colleague"],
                                 category="painter", joined_on=date(2025, 1, 1)),
        "other_company": seat_create(group=b, user=users["other_company"],
                                     company=world.other_company, category="electrician",
                                     joined_on=date(2025, 1, 1)),
    }  # fmt: skip
    officer_set(group=a, user=users["secretary"], role=Officer.Role.SECRETARY)
    officer_set(group=a, user=users["committee"], role=Officer.Role.MEMBERSHIP_COMMITTEE)
    past = meetings_schedule(group=a, start=date.today() - timedelta(days=14), count=1)[0]
    result = GroupWorld(world, a, b, seats, users, companies, past)
    world._groups = result  # type: ignore[attr-defined]
    return result


@pytest.fixture
def groups(world: World) -> GroupWorld:
    return group_world(world)


def client_for(groups: GroupWorld, key: str):
    from django.test import Client

    client = Client()
    client.force_login(groups.users[key])
    return client


def steady_pair(groups: GroupWorld, first: str = "member", second: str = "secretary") -> None:
    """Referrals both ways between two members' companies, spread over three calendar months: a
    steady two-way flow (``referrals.selectors.steady_two_way_pairs``)."""
    from django.utils import timezone

    from verbund.groups.services import referral_slip_create
    from verbund.referrals.models import Referral

    now = timezone.now()
    for days_ago, giver, receiver in (
        (0, first, second), (40, second, first), (80, first, second), (80, second, first),
    ):  # fmt: skip
        referral = referral_slip_create(
            group=groups.a, giver=groups.seats[giver], receiver=groups.seats[receiver],
            client_name="Frau Kötter", client_phone="0251 1", consent=True, need="Neubau",
        )  # fmt: skip
        Referral.objects.filter(pk=referral.pk).update(created_at=now - timedelta(days=days_ago))


def won_business(
    groups: GroupWorld, amount: str, giver: str = "member", receiver: str = "secretary"
):
    """A slip from ``giver`` to ``receiver``, thanked for closed business worth ``amount`` €."""
    referral = referral_slip_create(
        group=groups.a, giver=groups.seats[giver], receiver=groups.seats[receiver],
        client_name="Frau Kötter", client_phone="0251 1", consent=True, need="Küche",
    )  # fmt: skip
    thank_you_record(referral=referral, user=groups.users[receiver], amount=Decimal(amount))
    return referral
