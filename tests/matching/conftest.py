"""Real-encoder fixtures for the matching tests (no mocks: the model is part of what is tested)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from verbund.matching import encoder, engine

SCENARIO = Path("/work/shared/scenarios/matching/marketing-pr.jsonl")


@pytest.fixture(scope="session")
def enc(request: pytest.FixtureRequest) -> encoder.Encoder:
    # Vectors persist in pytest's cache directory, so only the first run pays for the model.
    cache = getattr(request.config, "cache", None)
    if cache is None:  # run with -p no:cacheprovider
        return encoder.Encoder(encoder.MemoryCache())
    return encoder.Encoder(encoder.FileCache(cache.mkdir("matching-embeddings")))


@pytest.fixture(scope="session")
def embed(enc: encoder.Encoder):
    def function(texts: list[str]) -> np.ndarray:
        return enc.embed(texts)

    return function


@pytest.fixture(scope="session")
def scenario() -> list[dict]:
    if not SCENARIO.exists():
        pytest.skip("shared scenario not available")
    return [json.loads(line) for line in SCENARIO.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def scenario_companies(scenario: list[dict]) -> list[engine.CompanyVector]:
    return [engine.from_profile(row) for row in scenario]


# --------------------------------------------------------------------------- Django layer


@pytest.fixture
def scenario_network(db, scenario, django_capture_on_commit_callbacks):
    """The shared scenario imported into a fresh network, with its index built (by the task the
    import starts on commit, run inline)."""
    from verbund.companies.imports.services import import_profiles
    from verbund.matching.models import IndexState
    from verbund.tenancy.services import network_create

    network = network_create(
        name="Münsterland Marketing", slug="mpr", kind="open",
        languages=["de", "nl"], countries=["DE", "NL"],
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        outcome = import_profiles(network=network, source=SCENARIO, fmt="jsonl", dry_run=False)
    assert outcome.written, outcome.errors
    assert IndexState.objects.get(network=network).companies == len(scenario)
    return network


def listed(network, external_id: str):
    from verbund.companies.models import NetworkCompany

    return (
        NetworkCompany.objects.select_related("company")
        .get(network=network, external_id=external_id)
        .company
    )


@pytest.fixture
def seeker_user(scenario_network):
    """The owner of the seeking advertising agency, a member of the scenario network."""
    from tests.conftest import PASSWORD
    from verbund.accounts.services import user_create
    from verbund.companies.services import company_member_set
    from verbund.tenancy.services import membership_set

    user = user_create(email="inhaber@werbung.example", password=PASSWORD, language="en")
    membership_set(user=user, network=scenario_network, role="member")
    company_member_set(user=user, company=listed(scenario_network, "de-werbung-01"), role="owner")
    return user
