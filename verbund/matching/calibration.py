"""Cross-language calibration of text similarity, estimated from a network's own texts. Pure numpy.

The multilingual encoder rates the same service lower across languages than within one: a German
need and the Dutch offer of that service have a median cosine of about 0.45-0.49, German
paraphrases about 0.59-0.64. Unrelated texts score alike in both cases (median about 0.10), so
the gap is not a shift of the whole distribution (centering the vectors per language does not
close it) but a compressed upper tail: the words two same-language texts share lift their cosine.
In a large network, hundreds of same-language firms offering a service then outrank a firm that
offers it just as well in the other language.

The calibration maps a cross-language cosine to the same-language cosine at the same quantile:
"as similar as the top 0.5 % of German-Dutch need/offer pairs" scores like "the top 0.5 % of
German-German and Dutch-Dutch pairs". The quantiles come from samples of the network's own
distinct texts at build time (needs against offers, per language pair): no labels, only the
assumption that the languages are used for similar services. Where a language has too few texts
the pair stays uncalibrated. The mapping never lowers a cosine and lifts it by at most
``max_lift`` (``Weights.cross_language_lift``); same-language pairs are left as they are.

Which language a text is in is not stated per text; :func:`text_languages` takes the language
declared by most of the companies that use the text (the first declared one breaking ties).
"""

from __future__ import annotations

import numpy as np

# Quantile levels: coarse in the bulk, dense in the upper tail where related texts sit.
LEVELS = np.unique(
    np.concatenate([np.linspace(0.0, 0.98, 50), 1 - np.logspace(np.log10(0.02), -4, 41), [1.0]])
)
# Texts sampled per language and role (need / offer): 1,000 x 1,000 pairs give about a hundred
# pairs above the highest level but one.
SAMPLE = 1000
# A language needs this many distinct need texts and offer texts to be calibrated at all.
MIN_TEXTS = 30


class LanguageCalibration:
    """Per language pair (query language, text language): quantiles of the raw cosine, and the
    same-language quantiles they map to. Languages are indices into the table's vocabulary."""

    def __init__(self, raw: np.ndarray, reference: np.ndarray) -> None:
        # (languages, languages, levels) float32; NaN rows for pairs that are not calibrated.
        self.raw = raw
        self.reference = reference
        self._pairs = {
            (int(a), int(b))
            for a, b in zip(*np.nonzero(~np.isnan(raw[:, :, 0])), strict=True)
            if a != b
        }

    @classmethod
    def none(cls) -> LanguageCalibration:
        empty = np.full((0, 0, len(LEVELS)), np.nan, dtype=np.float32)
        return cls(empty, empty.copy())

    def __bool__(self) -> bool:
        return bool(self._pairs)

    @property
    def pairs(self) -> set[tuple[int, int]]:
        return set(self._pairs)

    @classmethod
    def estimate(
        cls,
        vectors: np.ndarray,
        languages: np.ndarray,
        is_need: np.ndarray,
        is_offer: np.ndarray,
        n_languages: int,
        *,
        seed: int = 7,
        sample: int = SAMPLE,
        min_texts: int = MIN_TEXTS,
    ) -> LanguageCalibration:
        """From distinct text vectors (unit rows), their languages (-1 unknown) and roles."""
        rng = np.random.default_rng(seed)
        needs: dict[int, np.ndarray] = {}
        offers: dict[int, np.ndarray] = {}
        for lang in range(n_languages):
            mine = languages == lang
            need_ids, offer_ids = np.flatnonzero(mine & is_need), np.flatnonzero(mine & is_offer)
            if len(need_ids) < min_texts or len(offer_ids) < min_texts:
                continue
            for chosen, ids in ((needs, need_ids), (offers, offer_ids)):
                picked = np.sort(rng.choice(ids, size=min(sample, len(ids)), replace=False))
                chosen[lang] = np.asarray(vectors[picked], dtype=np.float32)
        raw = np.full((n_languages, n_languages, len(LEVELS)), np.nan, dtype=np.float32)
        for a, need_vectors in needs.items():
            for b, offer_vectors in offers.items():
                cosine = np.einsum("qd,td->qt", need_vectors, offer_vectors).ravel()
                raw[a, b] = _increasing(np.quantile(cosine, LEVELS))
        reference = np.full_like(raw, np.nan)
        for a in needs:
            for b in offers:
                own = [raw[x, x] for x in {a, b} if not np.isnan(raw[x, x, 0])]
                if a != b and own:
                    reference[a, b] = np.mean(own, axis=0)
        raw[np.isnan(reference[:, :, 0])] = np.nan
        return cls(raw, reference)

    def apply(
        self, cosine: np.ndarray, lang_a: np.ndarray, lang_b: np.ndarray, max_lift: float
    ) -> np.ndarray:
        """(len a, len b) calibrated cosine for rows in languages `lang_a`, columns `lang_b`."""
        if not self._pairs or max_lift <= 0 or cosine.size == 0:
            return cosine
        lang_a, lang_b = np.asarray(lang_a), np.asarray(lang_b)
        # Explanations call this for a handful of items at a time: sets beat np.unique there.
        pairs = [
            (a, b) for a in _distinct(lang_a) for b in _distinct(lang_b) if (a, b) in self._pairs
        ]
        if not pairs:
            return cosine
        out = np.array(cosine, dtype=np.float32, copy=True)
        for a, b in pairs:
            block = np.ix_(lang_a == a, lang_b == b)
            raw = out[block]
            mapped = np.interp(raw, self.raw[a, b], self.reference[a, b])
            out[block] = np.clip(mapped, raw, raw + max_lift)
        return out

    def arrays(self) -> dict[str, np.ndarray]:
        return {"raw": self.raw, "reference": self.reference}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> LanguageCalibration:
        if "raw" not in arrays or arrays["raw"].shape[-1:] != LEVELS.shape:
            return cls.none()  # saved with other levels, or never: rebuild to calibrate
        return cls(np.asarray(arrays["raw"]), np.asarray(arrays["reference"]))


def _distinct(languages: np.ndarray) -> list[int]:
    if len(languages) <= 64:
        return sorted(set(languages.tolist()))
    return np.unique(languages).tolist()


def _increasing(values: np.ndarray) -> np.ndarray:
    """Quantiles made strictly increasing (ties in the sample), as interpolation needs."""
    values = np.asarray(values, dtype=np.float64)
    return np.maximum.accumulate(values + np.arange(len(values)) * 1e-7).astype(np.float32)


def text_languages(
    text_of_item: np.ndarray,
    item_masks: np.ndarray,
    item_primary: np.ndarray,
    n_texts: int,
    n_languages: int,
) -> np.ndarray:
    """Language of each distinct text: the one declared by most companies using it.

    `item_masks`: per item, the declared languages of its company as a bit mask; `item_primary`:
    the company's first declared language (-1 none). A text used by German firms, some of which
    also declare English, is German; one used by firms from both countries that all declare
    English is English. A text only one company uses takes its first language.
    """
    best = np.full(n_texts, -1, dtype=np.int16)
    best_score = np.zeros(n_texts, dtype=np.float64)
    users = np.maximum(np.bincount(text_of_item, minlength=n_texts), 1)
    for lang in range(n_languages):
        declares = (item_masks >> np.uint64(lang)) & np.uint64(1) == 1
        count = np.bincount(text_of_item, weights=declares, minlength=n_texts)
        first = np.bincount(text_of_item, weights=item_primary == lang, minlength=n_texts)
        score = count + 0.5 * first / users  # declared by more firms wins; first language ties
        better = score > best_score
        best[better] = lang
        best_score[better] = score[better]
    return best
