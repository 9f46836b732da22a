"""Distinct texts of a network, an inverted-file index over them, and posting lists to items.

Offers and needs repeat each other's wording a lot (the same service, in the same words, at many
firms; a profile edit keeps most items unchanged), and at a million companies the same text can
stand on thousands of items. Similarity is a property of the *text*, so the candidate generation
computes it once per distinct text, exactly (full 512-dim vectors, no lossy reduction), and then
expands the best texts to the items that carry them. Identical vectors mean identical texts (the
encoder is deterministic), so texts are told apart by a 64-bit fingerprint of their vector.

- Texts are numbered in inverted-list order: list ``p`` holds texts ``ptr[p]:ptr[p + 1]``, so
  probing reads a few contiguous slices of the vector array.
- Postings (per item store, "offers" and "needs") map each text to the items carrying it (CSR).
- Edits add texts and postings to small in-memory extras that every query scans in full; a full
  rebuild folds them in. Pure numpy.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

import numpy as np

STORES = ("offers", "needs")
# Up to this many texts the index keeps a float32 copy of the text vectors in memory (512 MB at
# most): probing then needs no conversion from float16 per query.
DENSE_TEXTS = 262_144
_FINGERPRINT_SEED = 0x5EED_7E47


def fingerprints(vectors: np.ndarray) -> np.ndarray:
    """64-bit fingerprint of each float16 row (equal rows, equal fingerprints)."""
    rows = np.ascontiguousarray(vectors, dtype=np.float16)
    words = rows.view(np.uint64).reshape(len(rows), -1)
    rng = np.random.default_rng(_FINGERPRINT_SEED)
    multipliers = rng.integers(1, 2**63, size=words.shape[1], dtype=np.uint64) | np.uint64(1)
    # Multiply-and-add in uint64 wraps around by design (a universal hash over the words).
    mixed = words * multipliers[None, :]
    mixed ^= mixed >> np.uint64(29)
    return mixed.sum(axis=1, dtype=np.uint64)


def similarities(queries: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """(len(queries), len(vectors)) dot products, on purpose without BLAS.

    A query multiplies a handful of vectors with a few thousand: BLAS would hand that to its
    worker threads, which keep spinning after the call; on a busy two-core machine that cost
    three times the query's own time in wall clock. einsum's own loop is about as fast here.
    """
    return np.einsum("qd,td->qt", queries, vectors)


def kmeans(sample: np.ndarray, lists: int, iterations: int, rng: np.random.Generator) -> np.ndarray:
    """Spherical k-means centroids (lists, dim) of unit rows, float32."""
    lists = max(1, min(lists, len(sample)))
    centroids = sample[rng.choice(len(sample), size=lists, replace=False)].astype(np.float32)
    for _ in range(iterations):
        assign = (sample @ centroids.T).argmax(axis=1)
        # Sorted segment sums: np.add.at on rows of 512 floats is orders of magnitude slower.
        order = np.argsort(assign, kind="stable")
        counts = np.bincount(assign, minlength=lists)
        sums = np.zeros_like(centroids)
        present = np.flatnonzero(counts)
        starts = np.r_[0, np.cumsum(counts)[:-1]][present]
        sums[present] = np.add.reduceat(sample[order], starts, axis=0)
        empty = counts == 0
        centroids = np.where(empty[:, None], centroids, sums / np.maximum(counts, 1)[:, None])
        centroids /= np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-9)
    return centroids


def _csr(keys: np.ndarray, values: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(keys, kind="stable")
    ptr = np.zeros(n + 1, dtype=np.int64)
    ptr[1:] = np.cumsum(np.bincount(keys, minlength=n))
    return ptr, values[order].astype(np.int64)


class TextIndex:
    """Distinct text vectors in inverted lists, with postings to offer and need items."""

    ARRAYS = (
        "centroids", "list_ptr", "vectors", "keys", "key_order",
        "offers_ptr", "offers_items", "needs_ptr", "needs_items", "offers_text", "needs_text",
    )  # fmt: skip

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.centroids = arrays["centroids"]  # (lists, dim) float32
        self.list_ptr = arrays["list_ptr"]  # (lists + 1,) text ranges
        self.vectors = arrays["vectors"]  # (texts, dim) float16, list order; may be a memmap
        self.keys = arrays["keys"]  # fingerprint per text
        self.key_order = arrays["key_order"]  # texts sorted by fingerprint, for lookups
        self.postings = {
            store: (arrays[f"{store}_ptr"], arrays[f"{store}_items"]) for store in STORES
        }
        # The other direction: the text of every item (items added later included).
        self.text_of = {store: np.asarray(arrays[f"{store}_text"]) for store in STORES}
        # Language of each text (vocabulary index, -1 unknown); set by the owning index.
        self.language = np.asarray(
            arrays.get("language", np.full(len(self.keys), -1, dtype=np.int16)), dtype=np.int16
        )
        self._dense = (
            np.asarray(self.vectors, dtype=np.float32) if len(self.keys) <= DENSE_TEXTS else None
        )
        # Since the build: texts scanned on every query, and (text, item) postings.
        self.extra_vectors = arrays.get("extra_vectors", np.zeros((0, self.dim), np.float16))
        self.extra_keys = arrays.get("extra_keys", np.zeros(0, np.uint64))
        self.extra_language = np.asarray(
            arrays.get("extra_language", np.full(len(self.extra_keys), -1, np.int16)), np.int16
        )
        self.extra_postings = {
            store: (
                arrays.get(f"extra_{store}_texts", np.zeros(0, np.int64)),
                arrays.get(f"extra_{store}_items", np.zeros(0, np.int64)),
            )
            for store in STORES
        }

    @property
    def dim(self) -> int:
        return int(self.centroids.shape[1])

    @property
    def base_texts(self) -> int:
        return len(self.keys)

    def __len__(self) -> int:
        return self.base_texts + len(self.extra_keys)

    # ------------------------------------------------------------------ building

    @classmethod
    def build(
        cls,
        stores: dict[str, Callable[[np.ndarray], np.ndarray]],
        sizes: dict[str, int],
        *,
        lists: int = 0,
        kmeans_sample: int = 60_000,
        kmeans_iterations: int = 8,
        seed: int = 7,
        dim: int = 512,
        progress: Callable[[str], None] | None = None,
    ) -> TextIndex:
        """From item stores given as `vectors(ids)` readers and their sizes."""
        item_keys: dict[str, np.ndarray] = {}
        for store in STORES:
            m = sizes[store]
            keys = np.empty(m, dtype=np.uint64)
            for start in range(0, m, 65_536):
                ids = np.arange(start, min(m, start + 65_536))
                keys[ids] = fingerprints(stores[store](ids))
                if progress:
                    progress(f"texts of {store}: {ids[-1] + 1:,}/{m:,}")
            item_keys[store] = keys
        everything = np.concatenate([item_keys[s] for s in STORES])
        distinct, first, inverse = np.unique(everything, return_index=True, return_inverse=True)
        # One representative item per distinct text supplies its vector.
        offset = sizes[STORES[0]]
        vectors = np.empty((len(distinct), dim), np.float16)
        for part in range(0, len(distinct), 65_536):
            rep = first[part : part + 65_536]
            out = np.empty((len(rep), vectors.shape[1]), dtype=np.float32)
            low = rep < offset
            if low.any():
                out[low] = stores[STORES[0]](rep[low])
            if (~low).any():
                out[~low] = stores[STORES[1]](rep[~low] - offset)
            vectors[part : part + len(rep)] = out
        t = len(distinct)
        rng = np.random.default_rng(seed)
        n_lists = lists or int(min(1024, max(1, math.sqrt(max(t, 1)))))
        sample_ids = np.sort(rng.choice(t, size=min(t, kmeans_sample), replace=False))
        sample = vectors[sample_ids].astype(np.float32)
        centroids = (
            kmeans(sample, n_lists, kmeans_iterations, rng)
            if t
            else np.zeros((1, vectors.shape[1]), np.float32)
        )
        assign = np.empty(t, dtype=np.int64)
        for part in range(0, t, 65_536):
            block = vectors[part : part + 65_536].astype(np.float32)
            assign[part : part + len(block)] = (block @ centroids.T).argmax(axis=1)
        order = np.argsort(assign, kind="stable")  # new text id -> old position
        renumber = np.empty(t, dtype=np.int64)
        renumber[order] = np.arange(t)
        list_ptr = np.zeros(len(centroids) + 1, dtype=np.int64)
        list_ptr[1:] = np.cumsum(np.bincount(assign, minlength=len(centroids)))
        keys = distinct[order]
        arrays = {
            "centroids": centroids,
            "list_ptr": list_ptr,
            "vectors": vectors[order],
            "keys": keys,
            "key_order": np.argsort(keys, kind="stable"),
        }
        text_of = renumber[inverse]
        for store, (a, b) in zip(STORES, ((0, offset), (offset, len(everything))), strict=True):
            ptr, items = _csr(text_of[a:b], np.arange(b - a), t)
            arrays[f"{store}_ptr"], arrays[f"{store}_items"] = ptr, items
            arrays[f"{store}_text"] = text_of[a:b].astype(np.int32)
        return cls(arrays)

    def arrays(self) -> dict[str, np.ndarray]:
        out = {name: getattr(self, name) for name in self.ARRAYS[:5]}
        for store in STORES:
            out[f"{store}_ptr"], out[f"{store}_items"] = self.postings[store]
            out[f"{store}_text"] = self.text_of[store]
            out[f"extra_{store}_texts"], out[f"extra_{store}_items"] = self.extra_postings[store]
        out["extra_vectors"] = self.extra_vectors
        out["extra_keys"] = self.extra_keys
        out["language"] = self.language
        out["extra_language"] = self.extra_language
        return out

    def languages(self, text_ids: np.ndarray) -> np.ndarray:
        """Language of each text id (base or added since the build)."""
        text_ids = np.asarray(text_ids, dtype=np.int64)
        out = np.full(len(text_ids), -1, dtype=np.int16)
        base = text_ids < self.base_texts
        out[base] = self.language[text_ids[base]]
        out[~base] = self.extra_language[text_ids[~base] - self.base_texts]
        return out

    # ------------------------------------------------------------------ edits

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """Text id of each fingerprint, -1 where the text is new."""
        found = np.full(len(keys), -1, dtype=np.int64)
        if self.base_texts:
            sorted_keys = self.keys[self.key_order]
            pos = np.minimum(np.searchsorted(sorted_keys, keys), self.base_texts - 1)
            hit = sorted_keys[pos] == keys
            found[hit] = self.key_order[pos[hit]]
        for i in np.flatnonzero(found < 0):
            extra = np.flatnonzero(self.extra_keys == keys[i])
            if len(extra):
                found[i] = self.base_texts + int(extra[0])
        return found

    def add(
        self,
        store: str,
        items: np.ndarray,
        vectors: np.ndarray,
        languages: np.ndarray | None = None,
    ) -> np.ndarray:
        """Postings for new items of `store` (and their texts, where new, in `languages`);
        returns the text id of each item."""
        if len(items) == 0:
            return np.zeros(0, dtype=np.int64)
        if languages is None:
            languages = np.full(len(items), -1, dtype=np.int16)
        keys = fingerprints(vectors)
        texts = self.lookup(keys)
        for i in np.flatnonzero(texts < 0):
            again = self.lookup(keys[i : i + 1])[0]  # a text repeated within this batch
            if again >= 0:
                texts[i] = again
                continue
            texts[i] = len(self)
            self.extra_keys = np.append(self.extra_keys, keys[i])
            self.extra_vectors = np.concatenate(
                [self.extra_vectors, np.asarray(vectors[i : i + 1], dtype=np.float16)]
            )
            self.extra_language = np.append(self.extra_language, np.int16(languages[i]))
        self.text_of[store] = np.concatenate([self.text_of[store], texts.astype(np.int32)])
        extra_texts, extra_items = self.extra_postings[store]
        self.extra_postings[store] = (
            np.concatenate([extra_texts, texts]),
            np.concatenate([extra_items, np.asarray(items, dtype=np.int64)]),
        )
        return texts

    # ------------------------------------------------------------------ queries

    def search(
        self, queries: np.ndarray, nprobe: int, min_texts: int = 0
    ) -> tuple[np.ndarray, np.ndarray]:
        """(text ids, cosine (len(queries), len(ids))) for the texts in the nearest lists.

        Each query probes its `nprobe` nearest lists, and more until they hold `min_texts`
        texts: k-means groups texts by language as much as by meaning, and a paraphrase in
        another language (cosine 0.4-0.6) often sits in a list that is not among the nearest
        few. Every text added since the build is included.
        """
        sizes = np.diff(self.list_ptr)
        ranked = np.argsort(-similarities(queries, self.centroids), axis=1)
        held = np.cumsum(sizes[ranked], axis=1)
        depth = np.maximum(nprobe, (held < min_texts).sum(axis=1) + 1)
        lists = np.unique(
            np.concatenate([row[: int(d)] for row, d in zip(ranked, depth, strict=True)])
        )
        ranges = [(int(self.list_ptr[p]), int(self.list_ptr[p + 1])) for p in lists]
        ids = np.concatenate(
            [np.arange(a, b, dtype=np.int64) for a, b in ranges]
            + [np.arange(self.base_texts, len(self), dtype=np.int64)]
        )
        return ids, similarities(queries, self.text_vectors(ranges))

    def text_vectors(self, ranges: list[tuple[int, int]]) -> np.ndarray:
        """float32 vectors of the base texts in `ranges`, then of every text added later."""
        source = self._dense if self._dense is not None else self.vectors
        parts = [np.asarray(source[a:b], dtype=np.float32) for a, b in ranges]
        return np.concatenate([*parts, self.extra_vectors.astype(np.float32)])

    def cosines(
        self, queries: np.ndarray, text_ids: np.ndarray, known: tuple[np.ndarray, np.ndarray]
    ) -> np.ndarray:
        """(len(queries), len(text_ids)) cosine, reusing `known` = (sorted ids, cosines) of a
        search with the same queries and computing only the texts it did not reach."""
        ids, sims = known
        pos = np.minimum(np.searchsorted(ids, text_ids), max(len(ids) - 1, 0))
        hit = ids[pos] == text_ids if len(ids) else np.zeros(len(text_ids), bool)
        out = np.empty((len(queries), len(text_ids)), dtype=np.float32)
        out[:, hit] = sims[:, pos[hit]]
        missing = np.unique(text_ids[~hit])
        if len(missing):
            source = self._dense if self._dense is not None else self.vectors
            base = missing < self.base_texts
            vectors = np.concatenate(
                [
                    np.asarray(source[missing[base]], dtype=np.float32),
                    self.extra_vectors[missing[~base] - self.base_texts].astype(np.float32),
                ]
            )
            computed = similarities(queries, vectors)  # base ids sort before added ones
            out[:, ~hit] = computed[:, np.searchsorted(missing, text_ids[~hit])]
        return out

    def items(self, store: str, texts: Iterable[int] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(item ids, position in `texts` of each item's text) for the given text ids."""
        texts = np.asarray(texts, dtype=np.int64)
        ptr, items = self.postings[store]
        base = texts < self.base_texts
        starts, stops = ptr[texts[base]], ptr[texts[base] + 1]
        counts = stops - starts
        which = np.repeat(np.flatnonzero(base), counts)
        first = np.cumsum(counts) - counts
        offsets = np.arange(int(counts.sum())) - np.repeat(first, counts)
        found = [items[np.repeat(starts, counts) + offsets]]
        positions = [which]
        extra_texts, extra_items = self.extra_postings[store]
        if len(extra_texts):
            hit = np.isin(extra_texts, texts)
            if hit.any():
                lookup = {int(t): i for i, t in enumerate(texts.tolist())}
                found.append(extra_items[hit])
                positions.append(np.array([lookup[int(t)] for t in extra_texts[hit]], np.int64))
        return np.concatenate(found), np.concatenate(positions)

    def item_counts(self, store: str, texts: np.ndarray) -> np.ndarray:
        """Postings per text (base postings only: extras are few)."""
        ptr, _ = self.postings[store]
        texts = np.asarray(texts, dtype=np.int64)
        counts = np.zeros(len(texts), dtype=np.int64)
        base = texts < self.base_texts
        counts[base] = ptr[texts[base] + 1] - ptr[texts[base]]
        return counts
