"""Candidate generation at scale, then exact re-ranking with the engine. Pure numpy, no Django.

Scoring a million companies exactly per query costs seconds, so a query first collects a few
thousand plausible candidates from cheap sources and scores only those exactly:

1. semantic: an inverted-file (IVF) index over offer vectors, probed with the seeker's needs, and
   one over need vectors, probed with the seeker's offers (give-back). Lists are built by k-means
   in numpy; each list keeps PCA-reduced float16 copies of its vectors in list order, so probing
   reads a few contiguous slices instead of the full 512-dim vectors.
2. NACE: offers whose activity code is in the same NACE group as a need's code (nearest first).
3. geo: the nearest companies (grid of cells over lat/lon).

The union is pre-scored with :func:`engine.score_block` in estimate mode (every component exact
except need fit and give-back, which come from the reduced vectors), the best `shortlist` are
scored exactly, and the top ones explained. Hard filters (self, exclusions, private) apply first.

An edit (:meth:`MatchIndex.upsert`) appends the company's new items to in-memory deltas that
every query scans in full; a periodic rebuild folds them in. The index persists to a directory:
``.npy`` files (vectors memory-mapped on load) plus ``meta.json``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from verbund.matching import engine
from verbund.matching.engine import (
    COLUMNS,
    DIM,
    ITEM_COLUMNS,
    CompanyTable,
    CompanyVector,
    ItemStore,
    Seeker,
    Suggestion,
    TableBuilder,
    Vocabularies,
    Weights,
)


@dataclass
class IndexConfig:
    lists: int = 0  # IVF lists; 0 = about sqrt(items), at most 1024
    nprobe: int = 10  # lists probed per query vector
    reduced_dim: int = 96  # PCA dimensions of the probing copies
    per_vector: int = 1200  # best items kept per probing vector
    nace_neighbours: int = 600  # nearest companies with a matching NACE group, per need
    geo_neighbours: int = 300
    shortlist: int = 200  # candidates scored exactly
    kmeans_sample: int = 60_000
    kmeans_iterations: int = 8
    seed: int = 7


@dataclass
class Filters:
    """Optional filters of the suggestions page; all None = no filter."""

    countries: Sequence[str] | None = None
    max_km: float | None = None
    min_employees: int | None = None
    max_employees: int | None = None
    forms: Sequence[str] | None = None
    nace: Sequence[str] | None = None  # any code of the company or its offers within this code


def _chunks(n: int, size: int) -> Iterable[slice]:
    for start in range(0, n, size):
        yield slice(start, min(n, start + size))


class IVF:
    """Inverted lists over one item store."""

    def __init__(
        self,
        centroids: np.ndarray,
        mean: np.ndarray,
        projection: np.ndarray,
        list_ptr: np.ndarray,
        list_items: np.ndarray,
        list_vectors: np.ndarray,
    ) -> None:
        self.centroids = centroids
        self.mean = mean
        self.projection = projection
        self.list_ptr = list_ptr
        self.list_items = list_items
        self.list_vectors = list_vectors
        # Items added since the build: scanned in full on every query.
        self.extra_items = np.zeros(0, dtype=np.int64)
        self.extra_vectors = np.zeros((0, projection.shape[1]), dtype=np.float16)

    def reduce(self, vectors: np.ndarray) -> np.ndarray:
        return (vectors - self.mean) @ self.projection

    @classmethod
    def build(
        cls, store: ItemStore, config: IndexConfig, progress: Callable[[str], None] | None = None
    ) -> IVF:
        m = len(store)
        if m == 0:
            # No company states any item of this kind yet: one empty list, so that items added
            # later (extra items, scanned in full) are still found.
            r = config.reduced_dim
            return cls(
                np.zeros((1, DIM), np.float32), np.zeros(DIM, np.float32),
                np.zeros((DIM, r), np.float32), np.zeros(2, np.int64),
                np.zeros(0, np.int64), np.zeros((0, r), np.float16),
            )  # fmt: skip
        rng = np.random.default_rng(config.seed)
        lists = config.lists or int(min(1024, max(8, math.sqrt(max(m, 1)))))
        sample_ids = np.sort(rng.choice(m, size=min(m, config.kmeans_sample), replace=False))
        sample = store.vectors(sample_ids)
        mean = sample.mean(axis=0)
        # PCA on the sample: the reduced copies keep the directions in which texts differ.
        # (Eigenvectors of the 512 x 512 covariance: an SVD of the sample is ~50x slower.)
        centred = sample - mean
        _, eigenvectors = np.linalg.eigh(centred.T @ centred)
        top = eigenvectors[:, ::-1][:, : config.reduced_dim]
        projection = np.ascontiguousarray(top, dtype=np.float32)
        lists = min(lists, len(sample))
        centroids = sample[rng.choice(len(sample), size=lists, replace=False)].copy()
        for _ in range(config.kmeans_iterations):
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
        assign = np.empty(m, dtype=np.int32)
        reduced = np.empty((m, config.reduced_dim), dtype=np.float16)
        for part in _chunks(m, 65_536):
            vectors = store.vectors(np.arange(part.start, part.stop))
            assign[part] = (vectors @ centroids.T).argmax(axis=1)
            reduced[part] = (vectors - mean) @ projection
            if progress:
                progress(f"assigned {part.stop:,}/{m:,} items")
        order = np.argsort(assign, kind="stable")
        ptr = np.zeros(lists + 1, dtype=np.int64)
        ptr[1:] = np.cumsum(np.bincount(assign, minlength=lists))
        return cls(centroids, mean, projection, ptr, order.astype(np.int64), reduced[order])

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        self.extra_items = np.concatenate([self.extra_items, ids.astype(np.int64)])
        self.extra_vectors = np.concatenate(
            [self.extra_vectors, self.reduce(vectors).astype(np.float16)]
        )

    def search(self, queries: np.ndarray, nprobe: int, keep: int) -> tuple[np.ndarray, np.ndarray]:
        """Approximate cosine of each query with the items in its nearest lists.

        Returns flat arrays of item ids and a (len(queries), len(items)) similarity matrix.
        """
        nprobe = min(nprobe, len(self.centroids))
        probe = np.argpartition(-(queries @ self.centroids.T), nprobe - 1, axis=1)[:, :nprobe]
        slices = [(self.list_ptr[p], self.list_ptr[p + 1]) for p in np.unique(probe)]
        parts_ids = [self.list_items[a:b] for a, b in slices] + [self.extra_items]
        parts_vec = [self.list_vectors[a:b] for a, b in slices] + [self.extra_vectors]
        ids = np.concatenate(parts_ids)
        vectors = np.concatenate(parts_vec).astype(np.float32)
        # Reduced vectors lose the part of the norm outside the PCA space: renormalise both sides.
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)
        q = self.reduce(queries)
        q /= np.maximum(np.linalg.norm(q, axis=1, keepdims=True), 1e-6)
        sims = q @ vectors.T
        if sims.shape[1] > keep:
            best = np.unique(np.argpartition(-sims, keep - 1, axis=1)[:, :keep])
            ids, sims = ids[best], sims[:, best]
        return ids, sims

    def arrays(self) -> dict[str, np.ndarray]:
        return {
            "centroids": self.centroids,
            "mean": self.mean,
            "projection": self.projection,
            "list_ptr": self.list_ptr,
            "list_items": self.list_items,
            "list_vectors": self.list_vectors,
            "extra_items": self.extra_items,
            "extra_vectors": self.extra_vectors,
        }


class GeoGrid:
    """Companies bucketed by cells of about 22 x 20 km, for nearest-neighbour candidates."""

    CELL_LAT, CELL_LON = 0.2, 0.3

    def __init__(self, keys: np.ndarray, rows: np.ndarray) -> None:
        self.keys = keys  # sorted cell keys
        self.rows = rows
        self.extra_rows = np.zeros(0, dtype=np.int64)

    @classmethod
    def cell(cls, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        return np.floor(lat / cls.CELL_LAT).astype(np.int64) * 100_000 + np.floor(
            lon / cls.CELL_LON
        ).astype(np.int64)

    @classmethod
    def build(cls, latlon: np.ndarray) -> GeoGrid:
        known = np.flatnonzero(~np.isnan(latlon[:, 0]))
        keys = cls.cell(latlon[known, 0], latlon[known, 1])
        order = np.argsort(keys, kind="stable")
        return cls(keys[order], known[order].astype(np.int64))

    def near(self, lat: float, lon: float, latlon: np.ndarray, k: int) -> np.ndarray:
        """Rows of up to k nearest companies, searching rings of cells outwards."""
        found: list[np.ndarray] = [self.extra_rows]
        total, ring = 0, 0
        while total < k and ring <= 6:
            cells = [
                self.cell(np.array(lat + dy * self.CELL_LAT), np.array(lon + dx * self.CELL_LON))
                for dy in range(-ring, ring + 1)
                for dx in range(-ring, ring + 1)
                if max(abs(dy), abs(dx)) == ring
            ]
            for key in cells:
                a, b = np.searchsorted(self.keys, [int(key), int(key) + 1])
                found.append(self.rows[a:b])
                total += b - a
            ring += 1
        rows = np.unique(np.concatenate(found))
        if len(rows) > k:
            km = engine._haversine_km(lat, lon, latlon[rows])
            rows = rows[np.argpartition(km, k - 1)[:k]]
        return rows


def build_streaming(
    chunks: Iterable[Sequence[CompanyVector]],
    directory: str | Path,
    *,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    config: IndexConfig | None = None,
    progress: Callable[[str], None] | None = None,
) -> MatchIndex:
    """Full build for large networks: item vectors go to disk chunk by chunk, never all in RAM.

    The vector files end up as the index's memory-mapped ``.npy`` files; the index is saved.
    """
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    builder = TableBuilder(embed=embed)
    ids: list[str] = []
    col_parts: dict[str, list[np.ndarray]] = {name: [] for name in COLUMNS}
    meta_parts = {s: {name: [] for name in ITEM_COLUMNS} for s in ("offers", "needs")}
    titles: dict[str, list[str]] = {"offers": [], "needs": []}
    partners: dict[int, np.ndarray] = {}
    counts = {"offers": 0, "needs": 0}
    raw = {s: (d / f"{s}.vectors.tmp").open("wb") for s in counts}
    try:
        for chunk in chunks:
            cols, blocks, chunk_partners = builder.rows(chunk)
            first = len(ids)
            for store, (vectors, meta, chunk_titles) in blocks.items():
                cols[f"{store[:-1]}_start"] += counts[store]
                meta["company"] += first
                raw[store].write(np.ascontiguousarray(vectors, dtype=np.float16).tobytes())
                counts[store] += len(vectors)
                for name in ITEM_COLUMNS:
                    meta_parts[store][name].append(meta[name])
                titles[store] += chunk_titles
            for name in COLUMNS:
                col_parts[name].append(cols[name])
            partners.update({first + r: v for r, v in chunk_partners.items()})
            ids += [c.id for c in chunk]
            if progress:
                progress(f"profiles: {len(ids):,}")
    finally:
        for handle in raw.values():
            handle.close()
    stores = {}
    for store, m in counts.items():
        tmp = d / f"{store}.vectors.tmp"
        target = np.lib.format.open_memmap(
            d / f"{store}.vectors.npy", mode="w+", dtype=np.float16, shape=(m, DIM)
        )
        if m:
            source = np.memmap(tmp, dtype=np.float16, mode="r", shape=(m, DIM))
            for part in _chunks(m, 262_144):
                target[part] = source[part]
            del source
        target.flush()
        del target
        tmp.unlink()
        stores[store] = ItemStore(
            np.load(d / f"{store}.vectors.npy", mmap_mode="r"),
            {
                name: np.concatenate(meta_parts[store][name])
                if meta_parts[store][name]
                else np.zeros((0, *shape), dtype=dt)
                for name, (dt, shape) in ITEM_COLUMNS.items()
            },
            titles[store],
        )
    table = CompanyTable(
        ids,
        {name: np.concatenate(parts) for name, parts in col_parts.items()},
        stores["offers"],
        stores["needs"],
        builder.vocab,
        partners,
    )
    index = MatchIndex.from_table(table, embed=embed, config=config, progress=progress)
    index.save(d)
    return index


class MatchIndex:
    """A network's companies, their vectors and candidate structures; answers suggestion queries."""

    def __init__(
        self,
        table: CompanyTable,
        offer_ivf: IVF,
        need_ivf: IVF,
        grid: GeoGrid,
        config: IndexConfig,
        embed: Callable[[list[str]], np.ndarray] | None = None,
    ) -> None:
        self.table = table
        self.offer_ivf = offer_ivf
        self.need_ivf = need_ivf
        self.grid = grid
        self.config = config
        self.embed = embed
        self._nace_index()

    # ------------------------------------------------------------------ building

    @classmethod
    def build(
        cls,
        companies: Sequence[CompanyVector],
        *,
        embed: Callable[[list[str]], np.ndarray] | None = None,
        config: IndexConfig | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> MatchIndex:
        """Full build from profiles (embeddings come from the items or from `embed`)."""
        table = TableBuilder(embed=embed).build(companies)
        return cls.from_table(table, embed=embed, config=config, progress=progress)

    @classmethod
    def from_table(
        cls,
        table: CompanyTable,
        *,
        embed: Callable[[list[str]], np.ndarray] | None = None,
        config: IndexConfig | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> MatchIndex:
        config = config or IndexConfig()
        offer_ivf = IVF.build(table.offers, config, progress)
        need_ivf = IVF.build(table.needs, config, progress)
        grid = GeoGrid.build(table.columns["latlon"])
        return cls(table, offer_ivf, need_ivf, grid, config, embed)

    def _nace_index(self) -> None:
        """Offer items sorted by NACE group, for "same group as my need" candidates."""
        lineage = engine._nace_tables()[1]
        codes = self.table.offers.meta["nace"][:, 0].astype(np.int64)
        group = np.full(len(codes), -1, dtype=np.int64)
        real = codes != engine.NACE_PAD
        group[real] = np.max(lineage[codes[real]][:, :3], axis=1)  # deepest of levels 1..3
        order = np.argsort(group, kind="stable")
        self._nace_groups = group[order]
        self._nace_items = order.astype(np.int64)

    # ------------------------------------------------------------------ edits

    def upsert(self, company: CompanyVector) -> int:
        """Add or replace one company (a profile edit); its old items stop counting at once."""
        builder = TableBuilder(self.table.vocab, self.embed)
        before = {name: len(getattr(self.table, name)) for name in ("offers", "needs")}
        row = engine.table_replace(self.table, company, builder)
        for name, ivf in (("offers", self.offer_ivf), ("needs", self.need_ivf)):
            store: ItemStore = getattr(self.table, name)
            new = np.arange(before[name], len(store))
            if len(new):
                ivf.add(new, store.vectors(new))
        self.grid.extra_rows = np.union1d(self.grid.extra_rows, [row])
        self._nace_index()
        return row

    # ------------------------------------------------------------------ queries

    def _alive(self, store: str, items: np.ndarray) -> np.ndarray:
        """Items still current: an edit repoints the company's range and orphans the old rows."""
        meta = getattr(self.table, f"{store}s").meta
        owner = meta["company"][items]
        start = self.table.columns[f"{store}_start"][owner]
        count = self.table.columns[f"{store}_count"][owner]
        return (items >= start) & (items < start + count)

    def _estimate(
        self, seeker: Seeker, store: str, ivf: IVF, queries: np.ndarray, query_nace: np.ndarray,
        weights: np.ndarray, w: Weights,
    ) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
        """(companies, estimated weighted match) from probing `ivf` with `queries`."""
        ids, sims = ivf.search(queries, self.config.nprobe, 1 << 62)
        alive = self._alive(store, ids)
        ids, sims = ids[alive], sims[:, alive]
        meta = getattr(self.table, f"{store}s").meta
        semantic = np.clip(
            (sims - w.semantic_floor) / (w.semantic_ceiling - w.semantic_floor), 0.0, 1.0
        )
        item_nace = meta["nace"][ids]
        prox = engine._nace_tables()[2]
        nace = prox[query_nace[:, :, None, None], item_nace[None, None, :, :]].max(axis=(1, 3))
        both = (query_nace[:, 0] != engine.NACE_PAD)[:, None] & (
            item_nace[:, 0] != engine.NACE_PAD
        )[None, :]
        match = np.where(
            both, w.semantic_share * semantic + (1 - w.semantic_share) * nace, semantic
        )
        owners = meta["company"][ids].astype(np.int64)
        keep = self.config.per_vector
        if len(ids) > keep:
            # Many items are about as similar (the same service, written alike): rank them with
            # the cheap signals of their company too, or the cut would be arbitrary among ties.
            proxy = match.max(axis=0) + self._locality(seeker, owners)
            best_items = np.argpartition(-proxy, keep - 1)[:keep]
            owners, match = owners[best_items], match[:, best_items]
        companies, inverse = np.unique(owners, return_inverse=True)
        best = np.zeros((len(queries), len(companies)), dtype=np.float32)
        for q in range(len(queries)):
            np.maximum.at(best[q], inverse, match[q])
        return companies, (best * weights[:, None]).sum(0) / max(weights.sum(), 1e-9)

    def _locality(self, seeker: Seeker, rows: np.ndarray) -> np.ndarray:
        """Cheap partial score of companies (place, language, size) for cutting ties."""
        c = self.table.columns
        bonus = np.zeros(len(rows), dtype=np.float32)
        lat, lon = (float(x) for x in seeker.scalars["latlon"])
        if not math.isnan(lat):
            km = engine._haversine_km(lat, lon, c["latlon"][rows])
            bonus += 0.3 * np.nan_to_num(np.exp(-km / 60.0))
        bonus += 0.1 * ((c["languages"][rows] & seeker.scalars["languages"]) != 0)
        employees = float(seeker.scalars["employees"])
        if not math.isnan(employees):
            d = np.log10(1 + c["employees"][rows]) - math.log10(1 + employees)
            bonus += 0.1 * np.nan_to_num(np.exp(-2 * d * d))
        sectors = np.bitwise_count(c["sectors"][rows] & np.uint32(seeker.scalars["sectors"]))
        bonus += 0.05 * np.minimum(sectors, 2)
        return bonus

    def _nace_candidates(self, seeker: Seeker, k: int) -> np.ndarray:
        lineage = engine._nace_tables()[1]
        found = []
        for code in np.unique(seeker.need_nace):
            if code == engine.NACE_PAD:
                continue
            group = int(np.max(lineage[int(code)][:3]))
            a, b = np.searchsorted(self._nace_groups, [group, group + 1])
            items = self._nace_items[a:b]
            items = items[self._alive("offer", items)]
            found.append(self.table.offers.meta["company"][items].astype(np.int64))
        if not found:
            return np.zeros(0, dtype=np.int64)
        rows = np.unique(np.concatenate(found))
        latlon = self.table.columns["latlon"]
        lat, lon = (float(x) for x in seeker.scalars["latlon"])
        if len(rows) > k and not math.isnan(lat):
            km = np.nan_to_num(engine._haversine_km(lat, lon, latlon[rows]), nan=1e9)
            rows = rows[np.argpartition(km, k - 1)[:k]]
        return rows[:k]

    def candidates(self, seeker: Seeker, w: Weights) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Union of all sources with the text-component estimates for each candidate."""
        n = len(self.table)
        sources: list[np.ndarray] = []
        estimates: dict[str, np.ndarray] = {}
        need_rows = offer_rows = None
        if len(seeker.need_vectors):
            need_rows, need_est = self._estimate(
                seeker, "offer", self.offer_ivf, seeker.need_vectors, seeker.need_nace,
                seeker.need_weights, w,
            )  # fmt: skip
            sources.append(need_rows)
        if len(seeker.offer_vectors):
            offer_rows, give_est = self._estimate(
                seeker, "need", self.need_ivf, seeker.offer_vectors, seeker.offer_nace,
                np.ones(len(seeker.offer_vectors), dtype=np.float32), w,
            )  # fmt: skip
            sources.append(offer_rows)
        sources.append(self._nace_candidates(seeker, self.config.nace_neighbours))
        lat, lon = (float(x) for x in seeker.scalars["latlon"])
        if not math.isnan(lat):
            sources.append(
                self.grid.near(lat, lon, self.table.columns["latlon"], self.config.geo_neighbours)
            )
        rows = np.unique(np.concatenate(sources)) if sources else np.zeros(0, np.int64)
        rows = rows[rows < n]
        # Candidates not seen by a probe get a need-fit estimate of 0: the probe saw every item
        # similar enough to matter.
        if need_rows is not None:
            est = np.zeros(len(rows), dtype=np.float32)
            pos = np.searchsorted(rows, need_rows)
            est[pos] = need_est
            estimates["need_fit"] = est
        if offer_rows is not None:
            est = np.zeros(len(rows), dtype=np.float32)
            pos = np.searchsorted(rows, offer_rows)
            est[pos] = give_est
            estimates["give_back"] = est
        return rows, estimates

    def suggest(
        self,
        company_id: str,
        *,
        top: int = 20,
        exclude: Iterable[str] = (),
        weights: Weights | None = None,
        filters: Filters | None = None,
        explain: bool = True,
    ) -> list[Suggestion]:
        """Best `top` partners for a company in the index, explained, best first."""
        row = self.table.row_of[company_id]
        seeker = Seeker.from_row(self.table, row)
        w = weights or Weights()
        excluded = self._rows(exclude)
        rows, estimates = self.candidates(seeker, w)
        keep = engine.eligible(self.table, row, rows, excluded)
        if filters is not None:
            keep &= self._filter(rows, seeker, filters)
        rows = rows[keep]
        estimates = {k: v[keep] for k, v in estimates.items()}
        if filters is not None and len(rows) < top:
            # Narrow filters can empty the short list: then score everything that passes them.
            return self.exact(company_id, top=top, exclude=exclude, weights=w, filters=filters)
        if len(rows) > self.config.shortlist:
            rough = engine.score_block(seeker, self.table, rows, w, estimates)
            rows = rows[engine.top_k(rough, self.config.shortlist)]
        scores = engine.score_block(seeker, self.table, np.sort(rows), w)
        best = engine.top_k(scores, top)
        if not explain:
            return [self._bare(scores, int(i)) for i in best]
        return [engine.explain_row(seeker, self.table, scores, int(i), w) for i in best]

    def exact(
        self,
        company_id: str,
        *,
        top: int = 20,
        exclude: Iterable[str] = (),
        weights: Weights | None = None,
        filters: Filters | None = None,
        chunk: int = 20_000,
        explain: bool = True,
    ) -> list[Suggestion]:
        """Reference: score every company exactly (vectorised, in chunks) and explain the best."""
        row = self.table.row_of[company_id]
        seeker = Seeker.from_row(self.table, row)
        w = weights or Weights()
        excluded = self._rows(exclude)
        best_rows: list[np.ndarray] = []
        best_scores: list[np.ndarray] = []
        for part in _chunks(len(self.table), chunk):
            rows = np.arange(part.start, part.stop)
            keep = engine.eligible(self.table, row, rows, excluded)
            if filters is not None:
                keep &= self._filter(rows, seeker, filters)
            scores = engine.score_block(seeker, self.table, rows[keep], w)
            pick = engine.top_k(scores, top)
            best_rows.append(scores.rows[pick])
            best_scores.append(scores.score[pick])
        rows = np.sort(np.concatenate(best_rows)) if best_rows else np.zeros(0, np.int64)
        scores = engine.score_block(seeker, self.table, rows, w)
        best = engine.top_k(scores, top)
        if not explain:
            return [self._bare(scores, int(i)) for i in best]
        return [engine.explain_row(seeker, self.table, scores, int(i), w) for i in best]

    def _bare(self, scores: engine.Scores, i: int) -> Suggestion:
        row = int(scores.rows[i])
        return Suggestion(self.table.ids[row], row, float(scores.score[i]), {}, [], [], False)

    def _rows(self, ids: Iterable[str]) -> np.ndarray:
        found = [self.table.row_of[i] for i in ids if i in self.table.row_of]
        return np.array(sorted(found), dtype=np.int64)

    def _filter(self, rows: np.ndarray, seeker: Seeker, f: Filters) -> np.ndarray:
        c, vocab = self.table.columns, self.table.vocab
        ok = np.ones(len(rows), dtype=bool)
        if f.countries:
            wanted = [vocab.countries.index(x.upper(), add=False) for x in f.countries]
            ok &= np.isin(c["country"][rows], wanted)
        if f.max_km is not None:
            lat, lon = (float(x) for x in seeker.scalars["latlon"])
            if not math.isnan(lat):
                km = engine._haversine_km(lat, lon, c["latlon"][rows])
                ok &= km <= f.max_km
        employees = c["employees"][rows]
        if f.min_employees is not None:
            ok &= employees >= f.min_employees
        if f.max_employees is not None:
            ok &= employees <= f.max_employees
        if f.forms:
            ok &= (c["forms"][rows] & np.uint64(vocab.forms.mask(f.forms))) != 0
        if f.nace:
            lineage = engine._nace_tables()[1]
            wanted = {int(engine.nace_ids([code])[0]) for code in f.nace} - {engine.NACE_PAD}
            codes = c["nace"][rows].astype(np.int64)
            lin = lineage[np.minimum(codes, len(lineage) - 1)]  # (n, slots, 4)
            real = (codes != engine.NACE_PAD)[:, :, None]
            ok &= (np.isin(lin, list(wanted)) & real).any(axis=(1, 2))
        return ok

    # ------------------------------------------------------------------ persistence

    def save(self, directory: str | Path) -> None:
        """Write everything under `directory` (vectors as .npy, loaded memory-mapped)."""
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        t = self.table
        for name in COLUMNS:
            np.save(d / f"col.{name}.npy", t.columns[name])
        for store_name in ("offers", "needs"):
            store: ItemStore = getattr(t, store_name)
            base = d / f"{store_name}.vectors.npy"
            if not base.exists() or np.load(base, mmap_mode="r").shape != store.base_vectors.shape:
                np.save(base, store.base_vectors)
            np.save(d / f"{store_name}.extra.npy", store.extra_vectors)
            for name in ITEM_COLUMNS:
                np.save(d / f"{store_name}.{name}.npy", store.meta[name])
            (d / f"{store_name}.titles.json").write_text(json.dumps(store.titles))
        for prefix, ivf in (("ivf_offers", self.offer_ivf), ("ivf_needs", self.need_ivf)):
            for name, array in ivf.arrays().items():
                np.save(d / f"{prefix}.{name}.npy", array)
        np.save(d / "grid.keys.npy", self.grid.keys)
        np.save(d / "grid.rows.npy", self.grid.rows)
        np.save(d / "grid.extra.npy", self.grid.extra_rows)
        partner_rows = np.array(sorted(t.partners), dtype=np.int64)
        np.savez(
            d / "partners.npz", rows=partner_rows, **{str(r): t.partners[r] for r in partner_rows}
        )
        meta = {"ids": t.ids, "vocab": t.vocab.to_json(), "config": asdict(self.config)}
        (d / "meta.json").write_text(json.dumps(meta))

    @classmethod
    def load(
        cls, directory: str | Path, *, embed: Callable[[list[str]], np.ndarray] | None = None
    ) -> MatchIndex:
        d = Path(directory)
        meta = json.loads((d / "meta.json").read_text())
        columns = {name: np.load(d / f"col.{name}.npy") for name in COLUMNS}
        stores = {}
        for store_name in ("offers", "needs"):
            store = ItemStore(
                np.load(d / f"{store_name}.vectors.npy", mmap_mode="r"),
                {name: np.load(d / f"{store_name}.{name}.npy") for name in ITEM_COLUMNS},
                json.loads((d / f"{store_name}.titles.json").read_text()),
            )
            store.extra_vectors = np.load(d / f"{store_name}.extra.npy")
            stores[store_name] = store
        ivfs = []
        for prefix in ("ivf_offers", "ivf_needs"):
            names = ("centroids", "mean", "projection", "list_ptr", "list_items")
            arrays = {name: np.load(d / f"{prefix}.{name}.npy") for name in names}
            ivf = IVF(
                *(arrays[name] for name in names),
                np.load(d / f"{prefix}.list_vectors.npy", mmap_mode="r"),
            )
            arrays["extra_items"] = np.load(d / f"{prefix}.extra_items.npy")
            arrays["extra_vectors"] = np.load(d / f"{prefix}.extra_vectors.npy")
            ivf.extra_items = np.asarray(arrays["extra_items"])
            ivf.extra_vectors = np.asarray(arrays["extra_vectors"])
            ivfs.append(ivf)
        grid = GeoGrid(np.load(d / "grid.keys.npy"), np.load(d / "grid.rows.npy"))
        grid.extra_rows = np.load(d / "grid.extra.npy")
        with np.load(d / "partners.npz") as z:
            partners = {int(r): z[str(r)] for r in z["rows"]}
        table = CompanyTable(
            list(meta["ids"]),
            columns,
            stores["offers"],
            stores["needs"],
            Vocabularies.from_json(meta["vocab"]),
            partners,
        )
        return cls(table, ivfs[0], ivfs[1], grid, IndexConfig(**meta["config"]), embed)
