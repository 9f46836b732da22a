"""Persona fixtures shared by every test.

Two networks: ``alpha`` (coordinator, a member company, another company, a private company) and
``beta`` (its own coordinator and company). The personas are the people the access rules are
about: coordinator, member (acts for a company), other_company (acts for another company in the
same network), other_network (belongs to beta only) and outsider (belongs to nothing).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation

from verbund.accounts.models import User
from verbund.accounts.services import api_token_create, user_create
from verbund.companies.models import Company
from verbund.companies.services import company_create, company_member_set
from verbund.tenancy.models import Network
from verbund.tenancy.services import membership_set, network_create

PASSWORD = "correct-horse-battery"
PERSONAS = ("coordinator", "member", "other_company", "other_network", "outsider")


@dataclass
class World:
    alpha: Network
    beta: Network
    member_company: Company
    other_company: Company
    private_company: Company
    anonymous_company: Company
    beta_company: Company
    users: dict[str, User]

    def client_for(self, persona: str) -> Client:
        client = Client()
        if persona != "anonymous":
            client.force_login(self.users[persona])
        return client

    def token_for(self, persona: str) -> str:
        return api_token_create(user=self.users[persona], name="test").secret


def _user(email: str, language: str = "de") -> User:
    return user_create(
        email=email,
        password=PASSWORD,
        first_name=email.split("@")[0],
        last_name="Test",
        language=language,
    )


@pytest.fixture
def world(db) -> World:
    alpha = network_create(
        name="Alpha Kammer",
        slug="alpha",
        kind="chamber",
        languages=["de", "nl"],
        countries=["DE", "NL"],
    )
    beta = network_create(name="Beta Verband", slug="beta", kind="association")
    users = {
        "coordinator": _user("coordinator@alpha.example"),
        "member": _user("member@alpha.example"),
        "other_company": _user("other@alpha.example", language="nl"),
        "other_network": _user("coordinator@beta.example"),
        "outsider": _user("outsider@example.com", language="en"),
    }
    membership_set(user=users["coordinator"], network=alpha, role="coordinator")
    membership_set(user=users["member"], network=alpha, role="member")
    membership_set(user=users["other_company"], network=alpha, role="member")
    membership_set(user=users["other_network"], network=beta, role="coordinator")

    member_company = company_create(
        name="Schulte Metallbau GmbH",
        country="DE",
        city="Münster",
        postcode="48143",
        network=alpha,
        external_id="de-1",
        registry_id="HRB 1 Münster",
        nace_codes=["25.62"],
        employees=12,
    )
    other_company = company_create(
        name="Bakker Installatietechniek B.V.",
        country="NL",
        city="Enschede",
        network=alpha,
        external_id="nl-1",
        registry_id="KvK 12345678",
    )
    private_company = company_create(
        name="Verborgen GmbH",
        country="DE",
        city="Osnabrück",
        network=alpha,
        visibility="private",
    )
    anonymous_company = company_create(
        name="Geheimagentur Hüsing GmbH",
        country="DE",
        city="Coesfeld",
        network=alpha,
        visibility="anonymous",
        nace_codes=["73.11"],
        registry_id="HRB 7 Coesfeld",
        website="https://huesing.example",
        description="Die Geheimagentur Hüsing entwickelt Werbekampagnen für Industriekunden.",
    )
    beta_company = company_create(
        name="Beta Bau GmbH",
        country="DE",
        city="Osnabrück",
        network=beta,
        registry_id="HRB 99 Osnabrück",
    )
    company_member_set(user=users["member"], company=member_company, role="owner")
    company_member_set(user=users["other_company"], company=other_company, role="owner")
    company_member_set(user=users["other_network"], company=beta_company, role="owner")
    return World(
        alpha,
        beta,
        member_company,
        other_company,
        private_company,
        anonymous_company,
        beta_company,
        users,
    )


FAST_HASHER = "django.contrib.auth.hashers.MD5PasswordHasher"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing is deliberately slow; tests create many people.
    settings.PASSWORD_HASHERS = [FAST_HASHER]


@pytest.fixture(autouse=True)
def _site_language_between_tests():
    # A request by a Dutch reader activates Dutch for the thread (UserLanguageMiddleware) and it
    # stays active after the response: a later test calling a service directly would otherwise
    # read its messages in Dutch, depending on which tests ran before it.
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(scope="module")
def demo_summary(django_db_setup, django_db_blocker):
    """The demo, seeded once per test module instead of once per test (seeding takes seconds).

    The seed runs inside a transaction that is rolled back after the module; each test still gets
    its own savepoint through ``db``, so what one test changes the next does not see.
    """
    from django.db import transaction
    from django.test import override_settings

    from verbund.demo.seed import seed_demo

    fast_hashing = override_settings(PASSWORD_HASHERS=[FAST_HASHER])
    with django_db_blocker.unblock(), fast_hashing:
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield seed_demo()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
