"""The demo clock dates what the services write on a day in the past, and only within its block."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from verbund.demo.clock import days_ago
from verbund.tenancy.models import Network
from verbund.tenancy.services import network_create

pytestmark = pytest.mark.django_db


def test_rows_written_in_the_block_carry_the_past_day_in_order():
    today = timezone.now()
    with days_ago(30, today=today) as moment:
        assert moment == today - timedelta(days=30)
        assert timezone.localdate() == timezone.localdate(moment)
        first = network_create(name="Früher", kind=Network.Kind.PROGRAMME, slug="frueher")
        second = network_create(name="Später", kind=Network.Kind.PROGRAMME, slug="spaeter")
    assert moment <= first.created_at <= second.created_at < today - timedelta(days=29)
    after = network_create(name="Heute", kind=Network.Kind.PROGRAMME, slug="heute")
    assert after.created_at >= today  # the real clock is back


def test_the_clock_is_back_after_an_error_and_never_runs_ahead():
    today = timezone.now()
    with pytest.raises(RuntimeError), days_ago(10):
        raise RuntimeError
    assert timezone.now() >= today
    with pytest.raises(ValueError), days_ago(-1):
        pass
    assert timezone.now() >= today
