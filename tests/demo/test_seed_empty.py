"""Seeding into a database that is not the seeded demo (the other demo tests share one seed)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tests.demo.test_seed import EMAILS
from verbund.companies.models import Company
from verbund.demo.seed import DEMO_PASSWORD, PROGRAMME_SLUG, seed_demo
from verbund.tenancy.services import network_create

pytestmark = pytest.mark.django_db


def test_if_empty_does_nothing_when_any_network_exists():
    network_create(name="Some other network")
    assert not seed_demo(if_empty=True).created
    assert not Company.objects.exists()


def test_the_command_prints_the_networks_and_the_login_table():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    text = out.getvalue()
    assert "Grenzenlos Partner" in text and "Unternehmerverband" in text
    listed = Company.objects.filter(listings__network__slug=PROGRAMME_SLUG).count()
    assert f"{listed} companies" in text  # what is listed, the group members' own firms included
    for email in EMAILS:
        assert email in text
    assert DEMO_PASSWORD in text
