"""Cross-language calibration of text similarity (calibration.py) with the real encoder."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from verbund.matching import calibration, candidates, engine, synthetic
from verbund.matching.engine import Item

SIZE = 3000


@pytest.fixture(scope="module")
def network() -> synthetic.Network:
    return synthetic.Network(SIZE, probes=20, seed=11)


@pytest.fixture(scope="module")
def index(network, embed) -> candidates.MatchIndex:
    config = candidates.IndexConfig(lists=24, nprobe=4)
    return candidates.MatchIndex.build(network.companies(), embed=embed, config=config)


def _language(index, code: str) -> int:
    return index.table.vocab.languages.index(code, add=False)


def test_a_text_takes_the_language_most_of_its_users_declare():
    # Language bits: 0 = de, 1 = en, 2 = nl. Text 0: German firms, some also declaring English.
    # Text 1: German and Dutch firms that all declare English. Text 2: one firm (de, en).
    text_of = np.array([0, 0, 0, 1, 1, 1, 2])
    masks = np.array([0b001, 0b011, 0b001, 0b011, 0b110, 0b111, 0b011], dtype=np.uint64)
    primary = np.array([0, 0, 0, 0, 2, 2, 0], dtype=np.int16)
    languages = calibration.text_languages(text_of, masks, primary, 4, 3)
    assert languages.tolist() == [0, 1, 0, -1]  # text 3 has no users: unknown


def _written_in() -> dict[str, str]:
    """The language the generator wrote each of its texts in."""
    found = {}
    for trade in synthetic.TRADE_KEYS:
        for lang in synthetic.LANGS:
            for p in range(3):
                for f in range(3):
                    found[synthetic.need_item(trade, lang, p, f, 1).text()] = lang
                    for c in range(2):
                        found[synthetic.offer_item(trade, lang, p, f, c).text()] = lang
    return found


def test_the_index_knows_the_language_of_texts_several_firms_use(index, network):
    written_in = _written_in()
    truth = np.full(len(index.texts), -1)
    users = np.zeros(len(index.texts), dtype=np.int64)
    for store, items in (("offers", "offers"), ("needs", "needs")):
        text_of = index.texts.text_of[store]
        item = 0
        for company in network.companies():
            for it in getattr(company, items):
                truth[text_of[item]] = _language(index, written_in[it.text()])
                users[text_of[item]] += 1
                item += 1
    # A text only one firm uses takes that firm's first language, which may not be the one it
    # wrote in (an English offer of a German firm); several users settle it.
    shared = users >= 3
    assert shared.sum() > 900
    right = index.texts.language == truth
    assert right[shared].mean() > 0.97
    assert right.mean() > 0.8  # here many texts have one user; at 100,000 firms all are right
    for store in ("offers", "needs"):
        meta = getattr(index.table, store).meta
        assert (meta["language"] == index.texts.language[index.texts.text_of[store]]).all()


def test_a_translation_scores_about_like_a_paraphrase(index, embed):
    """The German need against its service in Dutch gains, in German it stays as it was."""
    table, w = index.table, engine.Weights()
    de, nl = _language(index, "de"), _language(index, "nl")
    assert {(de, nl), (nl, de)} <= table.calibration.pairs
    trades = synthetic.TRADE_KEYS
    needs = [synthetic.need_item(t, "de", p, 1, 1).text() for t in trades for p in range(3)]
    dutch = [synthetic.offer_item(t, "nl", p, 1, 1).text() for t in trades for p in range(3)]
    german = [synthetic.offer_item(t, "de", p, 1, 1).text() for t in trades for p in range(3)]
    need_v, dutch_v, german_v = (
        np.asarray(embed(x), dtype=np.float32) for x in (needs, dutch, german)
    )
    cross = np.einsum("qd,qd->q", need_v, dutch_v)
    same = np.einsum("qd,qd->q", need_v, german_v)
    ones = np.ones(len(needs), dtype=np.int16)
    lifted = np.diag(
        engine.calibrated(table, w, cross[:, None] * np.ones(len(needs)), de * ones, nl * ones)
    )
    kept = np.diag(
        engine.calibrated(table, w, same[:, None] * np.ones(len(needs)), de * ones, de * ones)
    )
    np.testing.assert_array_equal(kept, same.astype(np.float32))
    assert (lifted >= cross - 1e-6).all()
    assert (lifted <= cross + w.cross_language_lift + 1e-6).all()
    # The median gap to the same offer in German (same sentence frame) shrinks by a third.
    assert np.median(same - lifted) < 0.67 * np.median(same - cross)
    # Unrelated pairs stay unrelated: a need against the other trades' Dutch offers.
    unrelated = need_v @ dutch_v.T
    mask = ~np.eye(len(needs), dtype=bool) & (
        np.arange(len(needs))[:, None] // 3 != np.arange(len(needs))[None, :] // 3
    )
    calibrated = engine.calibrated(table, w, unrelated, de * ones, nl * ones)
    assert np.median(calibrated[mask] - unrelated[mask]) < 0.02
    off = engine.calibrated(
        table, replace(w, cross_language_lift=0.0), unrelated, de * ones, nl * ones
    )
    np.testing.assert_array_equal(off, unrelated)


def test_too_few_texts_leave_the_similarity_as_it_is(scenario_companies, embed):
    index = candidates.MatchIndex.build(scenario_companies, embed=embed)
    assert not index.table.calibration
    cosine = np.array([[0.3, 0.5]], dtype=np.float32)
    same = index.table.calibration.apply(cosine, np.array([0]), np.array([1, 2]), 0.25)
    np.testing.assert_array_equal(same, cosine)


def test_the_calibration_is_saved_and_derived_for_older_indexes(index, network, tmp_path, embed):
    index.save(tmp_path)
    loaded = candidates.MatchIndex.load(tmp_path, embed=embed)
    np.testing.assert_array_equal(loaded.table.calibration.raw, index.table.calibration.raw)
    np.testing.assert_array_equal(loaded.texts.language, index.texts.language)
    # An index saved before item languages and the calibration existed estimates both on load.
    (tmp_path / "calibration.npz").unlink()
    for path in {*tmp_path.glob("*.language.npy"), *tmp_path.glob("texts.*language.npy")}:
        path.unlink()
    older = candidates.MatchIndex.load(tmp_path, embed=embed)
    assert older.table.calibration.pairs == index.table.calibration.pairs
    # Without the first declared language a text one firm uses may come out in its other one.
    agree = older.texts.language == index.texts.language
    assert agree.mean() > 0.75
    plant = network.plants()[3]
    assert len(older.suggest(plant.probe, explain=False)) == 20


def test_an_edit_keeps_the_language_of_a_known_text_and_finds_new_nace_offers(network, embed):
    index = candidates.MatchIndex.build(
        network.companies(), embed=embed, config=candidates.IndexConfig(lists=24, nprobe=4)
    )
    table = index.table
    # A Dutch firm that declares only Dutch copies a text English-speaking firms use: the text
    # stays English; its new text is taken as Dutch, the firm's language.
    en = _language(index, "en")
    item = int(np.flatnonzero(table.offers.meta["language"] == en)[0])
    owner = network.company(int(table.offers.meta["company"][item]))
    english = owner.offers[item - int(table.columns["offer_start"][table.row_of[owner.id]])]
    beekeeping = Item("Bienenzucht", "Honig und Bestäubung für Obstbauern", ["01.49"])
    firm = replace(network.company(700), id="edited", country="NL", languages=["nl"],
                   offers=[english, beekeeping])  # fmt: skip
    row = index.upsert(firm)
    start = int(table.columns["offer_start"][row])
    languages = table.offers.meta["language"][start : start + 2].tolist()
    assert languages == [en, _language(index, "nl")]
    # A need in the new offer's NACE group finds it without re-sorting the NACE index.
    seeker = replace(network.company(701), id="seeker", offers=[],
                     needs=[Item("Bestäubung gesucht", "", ["01.49"], priority=1)])  # fmt: skip
    index.upsert(seeker)
    sk = engine.Seeker.from_row(table, table.row_of["seeker"])
    assert row in index._nace_candidates(sk, 50)
