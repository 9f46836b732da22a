"""Partnerships to run: the member company with the other company (both have people), and a
three-party marketing alliance with the anonymous company as the third partner."""

from __future__ import annotations

import pytest

from tests.conftest import World
from tests.partnerships.conftest import active_partnership, items, partnership  # noqa: F401
from verbund.partnerships import services
from verbund.partnerships.models import Partnership, Stage


@pytest.fixture
def alliance(world: World) -> Partnership:
    return services.partnership_create(
        network=world.alpha,
        companies=[world.member_company, world.other_company, world.anonymous_company],
        form="marketing_alliance",
        origin=Partnership.Origin.COORDINATOR,
        stage=Stage.PILOT,
    )
