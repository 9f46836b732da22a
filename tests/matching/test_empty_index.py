"""Networks with nothing to match yet (no needs, or no offers) still get an index."""

import pytest

from verbund.companies.services import company_create, offers_replace
from verbund.matching.index import index_rebuild, live_index
from verbund.tenancy.services import network_create

pytestmark = pytest.mark.django_db


def test_a_network_without_needs_or_offers_still_gets_an_index():
    network = network_create(name="Leer", slug="leer")
    company_create(name="A GmbH", country="DE", city="Münster", network=network)
    company_create(name="B GmbH", country="DE", city="Münster", network=network)
    index_rebuild(network)
    assert live_index(network) is not None


def test_a_network_with_offers_but_no_needs_gets_an_index():
    network = network_create(name="Halb", slug="halb")
    a = company_create(name="A GmbH", country="DE", city="Münster", network=network)
    offers_replace(company=a, items=[{"title": "Blechbearbeitung"}])
    index_rebuild(network)
    assert live_index(network) is not None
