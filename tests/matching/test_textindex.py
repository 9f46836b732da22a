"""The distinct-text index under the candidate generation, and why it can be trusted.

The candidate generation computes need fit, give-back and offer overlap from cosines per distinct
text; for the candidates it reaches these must equal what exact scoring computes, or the short
list would be cut on wrong numbers (the cause of the poor recall at a million companies before).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from verbund.matching import candidates, engine, synthetic
from verbund.matching.engine import Item
from verbund.matching.textindex import TextIndex, fingerprints


@pytest.fixture(scope="module")
def network() -> synthetic.Network:
    return synthetic.Network(2000, probes=20, seed=11)


@pytest.fixture(scope="module")
def index(network, embed) -> candidates.MatchIndex:
    # Few lists and no minimum of probed texts: the probing must still reach what counts.
    config = candidates.IndexConfig(lists=16, nprobe=4, probe_texts=0)
    return candidates.MatchIndex.build(network.companies(), embed=embed, config=config)


def test_fingerprints_tell_equal_rows_from_different_ones():
    rng = np.random.default_rng(3)
    rows = rng.normal(size=(50, 512)).astype(np.float16)
    keys = fingerprints(np.concatenate([rows, rows[:10]]))
    assert len(np.unique(keys[:50])) == 50
    assert (keys[50:] == keys[:10]).all()
    changed = rows[:1].copy()
    changed[0, 300] += np.float16(0.01)
    assert fingerprints(changed)[0] != keys[0]


def test_each_text_is_stored_once_and_posts_to_all_its_items(index):
    texts, table = index.texts, index.table
    # The generator writes every offer and need from a fixed universe of texts.
    assert len(texts) <= len(synthetic.all_texts())
    assert len(texts) < (len(table.offers) + len(table.needs)) / 3
    for store, items in (("offers", table.offers), ("needs", table.needs)):
        text_of = texts.text_of[store]
        assert len(text_of) == len(items)
        some = np.arange(0, len(items), 97)
        got = texts.text_vectors([(0, texts.base_texts)])[text_of[some]]
        np.testing.assert_allclose(got, items.vectors(some), atol=1e-3)
        posted, which = texts.items(store, [int(text_of[5])])
        assert 5 in posted and (which == 0).all()
        assert (text_of[posted] == text_of[5]).all()


def test_probing_by_a_minimum_of_texts_reaches_every_list(index):
    texts = index.texts
    query = index.table.needs.vectors(np.array([0]))
    narrow, _ = texts.search(query, nprobe=1)
    wide, cosine = texts.search(query, nprobe=1, min_texts=len(texts))
    assert len(narrow) < len(wide) == len(texts)
    exact = query @ texts.text_vectors([(0, texts.base_texts)]).T
    np.testing.assert_allclose(cosine, exact[:, wide], atol=1e-5)


def test_scores_from_text_cosines_equal_scores_from_item_vectors(index, network):
    w = engine.Weights()
    table = index.table
    for plant in network.plants()[:8]:
        seeker = engine.Seeker.from_row(table, table.row_of[plant.probe])
        rows, estimates, probe = index._candidates(seeker, w)
        exact = engine.score_block(seeker, table, rows, w)
        fast = engine.score_block(
            seeker, table, rows, w, cosines=index._text_cosines(seeker, probe)
        )
        np.testing.assert_allclose(fast.components, exact.components, atol=1e-5)
        np.testing.assert_allclose(fast.score, exact.score, atol=1e-3)
        assert (fast.competitor == exact.competitor).all()
        # The cheap estimates that cut the pool never overrate a candidate's text fit: what the
        # probe did not reach counts as nothing.
        for name in ("need_fit", "give_back"):
            column = exact.components[:, engine.COMPONENTS.index(name)]
            estimate = np.where(np.isnan(estimates[name]), w.unknown, estimates[name])
            assert (estimate <= column + 1e-4).all()


def test_an_edit_with_a_new_text_is_found_and_an_old_text_is_shared(index, network, embed):
    texts = index.texts
    before = len(texts)
    company = network.company(500)
    fresh = Item("Bienenzucht", "Honig und Bestäubung für Obstbauern", ["01.49"])
    index.upsert(replace(company, offers=[fresh, company.offers[0]]))
    assert len(texts) == before + 1  # the repeated offer reuses its text
    row = index.table.row_of[company.id]
    start = int(index.table.columns["offer_start"][row])
    new_text, old_text = texts.text_of["offers"][start : start + 2]
    assert new_text == before
    assert old_text < before
    query = np.asarray(embed(["Wir suchen Honig und Bestäubung für unsere Obstplantagen"]))
    ids, cosine = texts.search(query.astype(np.float32), nprobe=1)
    assert new_text in ids  # texts added since the build are always scanned
    assert float(cosine[0, list(ids).index(new_text)]) > 0.5
    posted, _ = texts.items("offers", [int(new_text)])
    assert posted.tolist() == [start]


def test_an_index_saved_without_the_text_index_still_loads(index, network, tmp_path, embed):
    index.save(tmp_path)
    for path in tmp_path.glob("texts.*.npy"):
        path.unlink()
    loaded = candidates.MatchIndex.load(tmp_path, embed=embed)
    assert isinstance(loaded.texts, TextIndex) and len(loaded.texts) >= 1
    plant = network.plants()[1]
    ids = [s.company_id for s in loaded.suggest(plant.probe, explain=False)]
    assert ids == [s.company_id for s in index.suggest(plant.probe, explain=False)]
