from __future__ import annotations

import numpy as np

from verbund.matching import encoder


def test_embeddings_are_unit_vectors_of_512(enc):
    vectors = enc.embed(["Steuerberatung", "Public relations en persberichten", ""])
    assert vectors.shape == (3, 512)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors[:2], axis=1), 1, atol=1e-3)
    assert not vectors[2].any()  # an empty text is a zero vector, similar to nothing


def test_the_same_text_is_embedded_once():
    enc = encoder.Encoder(encoder.MemoryCache())
    enc.embed(["Werbekampagnen", " Werbekampagnen  ", "Werbekampagnen"])
    assert enc.embedded == 1
    enc.embed(["Werbekampagnen"])
    assert enc.embedded == 1


def test_file_cache_survives_a_restart(tmp_path, enc):
    reference = enc.embed(["Pulverbeschichtung von Metallteilen"])
    first = encoder.Encoder(encoder.FileCache(tmp_path))
    first.embed(["Pulverbeschichtung von Metallteilen"])
    second = encoder.Encoder(encoder.FileCache(tmp_path))
    again = second.embed(["Pulverbeschichtung von Metallteilen"])
    assert second.embedded == 0
    assert float(again[0] @ reference[0]) > 0.999


def test_key_is_sha256_of_normalised_text():
    assert encoder.text_key("  PR  und Presse ") == encoder.text_key("PR und Presse")
    assert len(encoder.text_key("x")) == 64


def test_german_need_finds_dutch_offer(enc):
    need = enc.embed(["Pressearbeit und Öffentlichkeitsarbeit"])[0]
    offers = enc.embed(
        [
            "PR-bureau: persberichten en mediarelaties",
            "Bouw van bedrijfshallen en kantoorgebouwen",
            "Belastingadvies en jaarrekening",
            "Transport en expeditie",
        ]
    )
    sims = offers @ need
    assert sims.argmax() == 0
    assert sims[0] > sims[1:].max() + 0.15


def test_dutch_need_finds_german_offer(enc):
    need = enc.embed(["Wij zoeken een partner voor reclamecampagnes en advertenties"])[0]
    offers = enc.embed(
        [
            "Werbekampagnen und Anzeigen für Industriekunden",
            "Steuerberatung und Lohnabrechnung",
            "Elektroinstallation und Gebäudetechnik",
            "Lagerlogistik und Kommissionierung",
        ]
    )
    sims = offers @ need
    assert sims.argmax() == 0
    assert sims[0] > sims[1:].max() + 0.1
