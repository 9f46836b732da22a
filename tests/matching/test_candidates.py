"""The index: hard filters, incremental edits, persistence, and agreement with exact scoring."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from verbund.matching import candidates, synthetic
from verbund.matching.engine import Item

SIZE = 3000


@pytest.fixture(scope="module")
def network() -> synthetic.Network:
    return synthetic.Network(SIZE, probes=40, seed=5)


@pytest.fixture(scope="module")
def index(network, embed) -> candidates.MatchIndex:
    config = candidates.IndexConfig(lists=24, nprobe=4)
    return candidates.MatchIndex.build(network.companies(), embed=embed, config=config)


def _ids(suggestions) -> list[str]:
    return [s.company_id for s in suggestions]


def test_fast_path_agrees_with_exact_scoring(index, network):
    recalls = []
    for plant in network.plants()[:15]:
        fast = _ids(index.suggest(plant.probe, top=20, explain=False))
        exact = _ids(index.exact(plant.probe, top=20, explain=False))
        recalls.append(len(set(fast) & set(exact)) / 20)
    assert np.mean(recalls) >= 0.95


def test_planted_partner_ranks_high_and_competitors_low(index, network):
    plants = network.plants()
    top10 = {p.probe: _ids(index.suggest(p.probe, top=10, explain=False)) for p in plants}
    assert np.mean([p.partner in top10[p.probe] for p in plants]) >= 0.9
    competitors = sum(c in top10[p.probe] for p in plants for c in p.competitors)
    assert competitors / (3 * len(plants)) <= 0.05


def test_never_self_private_or_excluded(index, network):
    plant = network.plants()[2]
    first = _ids(index.suggest(plant.probe, top=30))
    assert plant.probe not in first
    assert plant.distractors[2] not in first  # private, although a perfect fit
    private = {
        cid
        for cid, row in index.table.row_of.items()
        if index.table.columns["visibility"][row] == 2
    }
    assert not private & set(first)
    excluded = first[:3]
    again = _ids(index.suggest(plant.probe, top=30, exclude=excluded))
    assert not set(excluded) & set(again)


def test_anonymous_candidates_are_flagged(index, network):
    anonymous = {
        cid
        for cid, row in index.table.row_of.items()
        if index.table.columns["visibility"][row] == 1
    }
    seen = [s for p in network.plants()[:10] for s in index.suggest(p.probe, top=30)]
    assert all(s.anonymous == (s.company_id in anonymous) for s in seen)


def test_a_profile_edit_changes_suggestions_without_rebuild(network, embed):
    config = candidates.IndexConfig(lists=24, nprobe=4)
    index = candidates.MatchIndex.build(network.companies()[:1500], embed=embed, config=config)
    plant = network.plants()[3]
    probe = network.company(3 * network.GROUP)
    before = _ids(index.suggest(plant.probe, top=10))
    assert plant.partner in before
    # The probe now needs tax advice instead: the tax advisers near it should come up.
    need = Item(
        "Steuerberatung gesucht",
        "Wir suchen einen Partner für Steuerberatung",
        ["69.20"],
        priority=1,
    )
    index.upsert(replace(probe, needs=[need]))
    after = index.suggest(plant.probe, top=10)
    assert _ids(after) != before
    covered = [r.params for s in after for r in s.reasons if r.code == "need_covered"]
    assert covered and all(c["need_title"] == "Steuerberatung gesucht" for c in covered)
    # A new company that fits perfectly appears at once.
    partner = network.company(3 * network.GROUP + 1)
    twin = replace(
        partner,
        id="new-twin",
        offers=[Item("Steuerberatung", "Steuerberatung für den Mittelstand", ["69.20"])],
    )
    index.upsert(twin)
    assert "new-twin" in _ids(index.suggest(plant.probe, top=5))


def test_saved_index_loads_memory_mapped_and_answers_the_same(index, network, tmp_path, embed):
    index.save(tmp_path)
    loaded = candidates.MatchIndex.load(tmp_path, embed=embed)
    assert isinstance(loaded.table.offers.base_vectors, np.memmap)
    for plant in network.plants()[:5]:
        assert _ids(loaded.suggest(plant.probe)) == _ids(index.suggest(plant.probe))


def test_filters_narrow_the_suggestions(index, network):
    plant = network.plants()[4]
    result = index.suggest(
        plant.probe, top=10, filters=candidates.Filters(countries=["NL"], max_employees=50)
    )
    rows = [index.table.row_of[s.company_id] for s in result]
    country = index.table.vocab.countries.index("NL", add=False)
    assert all(index.table.columns["country"][r] == country for r in rows)
    assert all(index.table.columns["employees"][r] <= 50 for r in rows)
