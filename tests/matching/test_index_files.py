"""The embedding cache shared by web processes and the worker (two instances on one directory
stand for two processes)."""

from __future__ import annotations

import numpy as np

from verbund.matching.index import SharedFileCache


def _vectors(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal((n, 512)).astype(np.float32)


def test_a_process_finds_vectors_another_process_wrote(tmp_path):
    worker, web = SharedFileCache(tmp_path), SharedFileCache(tmp_path)
    worker.put_many(["a", "b"], _vectors(2, 1))
    found = web.get_many(["a", "b", "c"])
    assert set(found) == {"a", "b"}
    np.testing.assert_allclose(found["a"], _vectors(2, 1)[0], rtol=1e-2, atol=1e-2)


def test_two_processes_writing_never_overwrite_each_others_shards(tmp_path):
    first, second = SharedFileCache(tmp_path), SharedFileCache(tmp_path)
    first.put_many(["a"], _vectors(1, 1))
    second.put_many(["b"], _vectors(1, 2))  # without looking first: must not reuse shard 1
    first.put_many(["c"], _vectors(1, 3))
    fresh = SharedFileCache(tmp_path)
    assert set(fresh.get_many(["a", "b", "c"])) == {"a", "b", "c"}
    assert len(list(tmp_path.glob("shard-*.keys"))) == 3


def test_many_shards_are_merged_on_open_without_losing_any(tmp_path):
    cache = SharedFileCache(tmp_path)
    keys = [f"k{i}" for i in range(SharedFileCache.MERGE_ABOVE + 2)]
    for i, key in enumerate(keys):
        cache.put_many([key], _vectors(1, i))
    reopened = SharedFileCache(tmp_path)
    assert len(list(tmp_path.glob("shard-*.keys"))) == 1
    assert set(reopened.get_many(keys)) == set(keys)
    assert set(cache.get_many(keys)) == set(keys)  # the older instance still reads its copies
