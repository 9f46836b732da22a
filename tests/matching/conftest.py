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
