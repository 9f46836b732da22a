"""Candidate generation at scale, then exact scoring with the engine. Pure numpy, no Django.

Scoring a million companies exactly per query costs seconds, so a query collects plausible
candidates from cheap sources, cuts them with a cheap partial score and scores the rest exactly:

1. semantic (:class:`texts.TextIndex`): similarity is computed once per *distinct* text, exactly
   (full vectors), for the texts in the inverted lists nearest to the seeker's needs and offers.
   The best texts are expanded to every item carrying them (a share of the store, whole texts
   only): offers for the seeker's needs (need fit), needs for its offers (give-back).
2. NACE: offers whose activity code is in the same NACE group as a need's code (nearest first).
3. geo: the nearest companies (grid of cells over lat/lon).

The union (tens of thousands of companies at a million) is cut to a pool by
:func:`engine.quick_score` (text estimates, place, language, size, sectors), and the pool is scored
by :func:`engine.score_block` with cosines looked up per text, which are the items' own cosines:
the pool's scores are the exact scores. Hard filters (self, exclusions, private) apply first.

Why not an index over items: at a million companies the same text stands on a thousand items,
an item index's lists fill with copies, the nearest few lists miss paraphrases in other languages
(cosine 0.3-0.6), and any cap on items per list cuts arbitrarily among equal texts before the
signals that tell those companies apart (give-back, customers, place) are seen.

Every distinct text has a language (the one most of its users declare); the build estimates the
cross-language calibration of cosines from the texts (``calibration.py``), and every cosine is
calibrated before it becomes an item match, in the estimates as in the exact scores.

An edit (:meth:`MatchIndex.upsert`) appends the company's new items (and texts) to in-memory
deltas that every query scans in full; a periodic rebuild folds them in. The index persists to a
directory: ``.npy`` files (vectors memory-mapped on load) plus ``meta.json``; an index saved
before the text index existed derives it on load (no re-embedding).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import numpy as np

from verbund.matching import engine
from verbund.matching.calibration import LanguageCalibration, text_languages
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
from verbund.matching.textindex import TextIndex


@dataclass
class IndexConfig:
    lists: int = 0  # inverted lists over the distinct texts; 0 = about sqrt(texts), at most 1024
    nprobe: int = 10  # lists probed per query vector, at least
    probe_texts: int = 20_000  # ... and more lists until they hold this many texts
    reduced_dim: int = 96  # unused since similarities are exact per text; kept for old meta.json
    per_vector: int = 1200  # unused (see text_items); kept so saved configs still load
    # Items (offers for a need, needs for an offer) expanded per query vector, best texts first;
    # a text is taken whole, so companies writing the same words are never cut arbitrarily.
    # As many equally good texts stand on 10x the items in a 10x larger network, the budget is a
    # share of the store, with a floor for small networks.
    text_items: int = 5_000
    text_share: float = 0.03
    # Candidates kept by the quick partial score and then scored exactly: at least `pool`, more
    # in large networks (more candidates are about as good, and the quick score is rough).
    pool: int = 1000
    pool_share: float = 0.002
    nace_neighbours: int = 600  # nearest companies with a matching NACE group, per need
    geo_neighbours: int = 300
    shortlist: int = 200  # unused: the whole pool is scored exactly; kept for saved configs
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


def _groups(owners: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(distinct owners ascending, order that sorts `owners`, start of each run in that order),
    for per-owner reductions with ``ufunc.reduceat``. Posting lists come in ascending runs, which
    the stable (merge) sort exploits."""
    order = np.argsort(owners, kind="stable")
    ranked = owners[order]
    starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
    return ranked[starts], order, starts


def _load_item_column(directory: Path, store: str, name: str) -> np.ndarray:
    path = directory / f"{store}.{name}.npy"
    if path.exists():
        return np.load(path)
    # A column newer than the saved index (the item language): unknown for every item.
    count = len(np.load(directory / f"{store}.company.npy", mmap_mode="r"))
    dtype, shape = ITEM_COLUMNS[name]
    return np.full((count, *shape), -1, dtype=dtype)


def _same_shape_on_disk(path: Path, array: np.ndarray) -> bool:
    return path.exists() and np.load(path, mmap_mode="r").shape == array.shape


def _text_index(
    table: CompanyTable, config: IndexConfig, progress: Callable[[str], None] | None
) -> TextIndex:
    return TextIndex.build(
        {"offers": table.offers.vectors, "needs": table.needs.vectors},
        {"offers": len(table.offers), "needs": len(table.needs)},
        lists=config.lists,
        kmeans_sample=config.kmeans_sample,
        kmeans_iterations=config.kmeans_iterations,
        seed=config.seed,
        progress=progress,
    )


def _calibrate_languages(table: CompanyTable, texts: TextIndex, config: IndexConfig) -> None:
    """Language of every distinct text (and so of every item), and the cross-language
    calibration estimated from the texts (``calibration.py``)."""
    owners = np.concatenate([getattr(table, s).meta["company"] for s in ("offers", "needs")])
    primary = np.concatenate([getattr(table, s).meta["language"] for s in ("offers", "needs")])
    text_of = np.concatenate([texts.text_of[s] for s in ("offers", "needs")]).astype(np.int64)
    n_languages = min(len(table.vocab.languages.keys), table.vocab.languages.capacity)
    texts.language = text_languages(
        text_of, table.columns["languages"][owners], primary, texts.base_texts, n_languages
    )
    for store in ("offers", "needs"):
        meta = getattr(table, store).meta
        meta["language"] = texts.language[texts.text_of[store]].astype(np.int16)
    offers_ptr, needs_ptr = texts.postings["offers"][0], texts.postings["needs"][0]
    table.calibration = LanguageCalibration.estimate(
        texts.vectors,
        texts.language,
        is_need=np.diff(needs_ptr) > 0,
        is_offer=np.diff(offers_ptr) > 0,
        n_languages=n_languages,
        seed=config.seed,
    )


def _chunks(n: int, size: int) -> Iterable[slice]:
    for start in range(0, n, size):
        yield slice(start, min(n, start + size))


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
        texts: TextIndex,
        grid: GeoGrid,
        config: IndexConfig,
        embed: Callable[[list[str]], np.ndarray] | None = None,
    ) -> None:
        self.table = table
        self.texts = texts
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
        texts = _text_index(table, config, progress)
        _calibrate_languages(table, texts, config)
        grid = GeoGrid.build(table.columns["latlon"])
        return cls(table, texts, grid, config, embed)

    def _nace_groups_of(self, items: np.ndarray) -> np.ndarray:
        """NACE group (deepest code of levels 1..3 of the first code; -1 none) per offer item."""
        lineage = engine._nace_tables()[1]
        codes = self.table.offers.meta["nace"][items, 0].astype(np.int64)
        group = np.full(len(codes), -1, dtype=np.int64)
        real = codes != engine.NACE_PAD
        group[real] = np.max(lineage[codes[real]][:, :3], axis=1)
        return group

    def _nace_index(self) -> None:
        """Offer items sorted by NACE group, for "same group as my need" candidates."""
        group = self._nace_groups_of(np.arange(len(self.table.offers)))
        order = np.argsort(group, kind="stable")
        self._nace_groups = group[order]
        self._nace_items = order.astype(np.int64)
        # Owner and seat per item in group order: a query then ranks a group's items by distance
        # from one contiguous slice (a group holds ~60,000 offers at a million companies).
        self._nace_owners = self.table.offers.meta["company"][order].astype(np.int64)
        self._nace_latlon = self.table.columns["latlon"][self._nace_owners]
        # Offers added by edits since: scanned in full by every query (re-sorting a million
        # offers per edit took half a second); the next build or load sorts them in.
        self._nace_extra_items = np.zeros(0, dtype=np.int64)
        self._nace_extra_groups = np.zeros(0, dtype=np.int64)

    # ------------------------------------------------------------------ edits

    def upsert(self, company: CompanyVector) -> int:
        """Add or replace one company (a profile edit); its old items stop counting at once."""
        builder = TableBuilder(self.table.vocab, self.embed)
        before = {name: len(getattr(self.table, name)) for name in ("offers", "needs")}
        row = engine.table_replace(self.table, company, builder)
        for name in ("offers", "needs"):
            store: ItemStore = getattr(self.table, name)
            new = np.arange(before[name], len(store))
            text_ids = self.texts.add(name, new, store.vectors(new), store.meta["language"][new])
            # A text the index knows keeps the language its users gave it at the build.
            store.meta["language"][new] = self.texts.languages(text_ids)
        self.grid.extra_rows = np.union1d(self.grid.extra_rows, [row])
        new_offers = np.arange(before["offers"], len(self.table.offers))
        self._nace_extra_items = np.concatenate([self._nace_extra_items, new_offers])
        self._nace_extra_groups = np.concatenate(
            [self._nace_extra_groups, self._nace_groups_of(new_offers)]
        )
        return row

    # ------------------------------------------------------------------ queries

    def _alive(self, store: str, items: np.ndarray) -> np.ndarray:
        """Items still current: an edit repoints the company's range and orphans the old rows."""
        meta = getattr(self.table, f"{store}s").meta
        owner = meta["company"][items]
        start = self.table.columns[f"{store}_start"][owner]
        count = self.table.columns[f"{store}_count"][owner]
        return (items >= start) & (items < start + count)

    def _text_matches(
        self, store: str, sims: np.ndarray, text_ids: np.ndarray, query_nace: np.ndarray,
        query_languages: np.ndarray, w: Weights,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
        """Items of `store` carrying the best texts for each query row of `sims`.

        Per query, texts are taken best first until `text_items` items are covered, whole texts
        only. Returns (items, their owners, match (queries, items)) for the live items.
        """
        semantic = np.clip(
            (sims - w.semantic_floor) / (w.semantic_ceiling - w.semantic_floor), 0.0, 1.0
        )  # sims: calibrated, see _candidates
        counts = self.texts.item_counts(store, text_ids)
        size = len(getattr(self.table, store))
        budget = max(self.config.text_items, int(self.config.text_share * size))
        chosen = []
        for row in semantic:
            relevant = np.flatnonzero(row > 0)
            ordered = relevant[np.argsort(-row[relevant], kind="stable")]
            covered = np.cumsum(counts[ordered])
            take = int(np.searchsorted(covered, budget)) + 1
            chosen.append(ordered[:take])
        texts = np.unique(np.concatenate(chosen)) if chosen else np.zeros(0, np.int64)
        items, which = self.texts.items(store, text_ids[texts])
        alive = self._alive(store[:-1], items)
        items, columns = items[alive], texts[which[alive]]
        meta = getattr(self.table, store).meta
        match = engine.match_from_cosine(
            sims[:, columns], query_nace, meta["nace"][items], w,
            (query_languages, meta["language"][items]),
        )  # fmt: skip
        return items, meta["company"][items].astype(np.int64), match

    def _nace_candidates(self, seeker: Seeker, k: int) -> np.ndarray:
        """The `k` nearest companies offering something in the NACE group of one of the needs."""
        if k <= 0:
            return np.zeros(0, dtype=np.int64)
        lineage = engine._nace_tables()[1]
        groups = [
            int(np.max(lineage[int(code)][:3]))
            for code in np.unique(seeker.need_nace)
            if code != engine.NACE_PAD
        ]
        if not groups:
            return np.zeros(0, dtype=np.int64)
        ranges = [np.searchsorted(self._nace_groups, [g, g + 1]) for g in groups]
        positions = np.concatenate([np.arange(a, b) for a, b in ranges])
        items = self._nace_items[positions]
        owners = self._nace_owners[positions]
        latlon = self._nace_latlon[positions]
        extra = self._nace_extra_items[np.isin(self._nace_extra_groups, groups)]
        if len(extra):
            extra_owners = self.table.offers.meta["company"][extra].astype(np.int64)
            items = np.concatenate([items, extra])
            owners = np.concatenate([owners, extra_owners])
            latlon = np.concatenate([latlon, self.table.columns["latlon"][extra_owners]])
        lat, lon = (float(x) for x in seeker.scalars["latlon"])
        if len(items) > 3 * k and not math.isnan(lat):
            # Nearest items first (a company has few offers), then the nearest distinct companies.
            km = engine.approx_km(lat, lon, latlon)
            near = np.argpartition(np.nan_to_num(km, nan=1e9), 3 * k - 1)[: 3 * k]
            items, owners = items[near], owners[near]
        rows = np.unique(owners[self._alive("offer", items)])
        if len(rows) > k:
            if math.isnan(lat):
                return rows[:k]
            km = engine._haversine_km(lat, lon, self.table.columns["latlon"][rows])
            rows = rows[np.argpartition(np.nan_to_num(km, nan=1e9), k - 1)[:k]]
        return rows

    def candidates(self, seeker: Seeker, w: Weights) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Union of all sources with the text components of each candidate."""
        rows, estimates, _ = self._candidates(seeker, w)
        return rows, estimates

    def _candidates(
        self, seeker: Seeker, w: Weights
    ) -> tuple[np.ndarray, dict[str, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        """Candidates, their text estimates, and the probe's (text ids, cosines) for reuse.

        Need fit, give-back and offer overlap come from exact similarities per distinct text, so
        for the items the probes reach they equal what exact scoring computes; an item the probes
        do not reach is less similar than every item they do.
        """
        t = self.table
        n = len(t)
        sources: list[np.ndarray] = []
        k = len(seeker.need_vectors)
        queries = np.concatenate([seeker.need_vectors, seeker.offer_vectors]).astype(np.float32)
        found: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        probe = (np.zeros(0, np.int64), np.zeros((len(queries), 0), np.float32))
        if len(queries):
            text_ids, sims = self.texts.search(queries, self.config.nprobe, self.config.probe_texts)
            probe = (text_ids, sims)  # raw: score_block calibrates per item
            # Calibrated like score_block does, so estimates and exact scores agree.
            text_languages = self.texts.languages(text_ids)
            if k:
                need_sims = engine.calibrated(t, w, sims[:k], seeker.need_languages, text_languages)
                items, owners, match = self._text_matches(
                    "offers", need_sims, text_ids, seeker.need_nace, seeker.need_languages, w
                )
                companies, order, starts = _groups(owners)
                per_need = np.maximum.reduceat(match[:, order], starts, axis=1)
                weights = seeker.need_weights
                need_fit = (per_need * weights[:, None]).sum(0) / max(float(weights.sum()), 1e-9)
                found["need_fit"] = (companies, need_fit)
                sources.append(companies)
            if len(seeker.offer_vectors):
                # The seeker's offers (rows) against texts used as needs (columns).
                offer_sims = engine.calibrated(
                    t, w, sims[k:].T, text_languages, seeker.offer_languages
                ).T
                items, owners, match = self._text_matches(
                    "needs", offer_sims, text_ids, seeker.offer_nace, seeker.offer_languages, w
                )
                companies, order, starts = _groups(owners)
                weight = t.needs.meta["weight"][items]
                covered = np.add.reduceat((match.max(axis=0) * weight)[order], starts)
                need_ids, need_owner = t.items_of("need", companies)
                total = np.bincount(need_owner, weights=t.needs.meta["weight"][need_ids])
                total = np.pad(total, (0, len(companies) - len(total)))
                found["give_back"] = (companies, covered / np.maximum(total, 1e-9))
                sources.append(companies)
        sources.append(self._nace_candidates(seeker, self.config.nace_neighbours))
        lat, lon = (float(x) for x in seeker.scalars["latlon"])
        if not math.isnan(lat):
            sources.append(
                self.grid.near(lat, lon, t.columns["latlon"], self.config.geo_neighbours)
            )
        # Union through a mask over all rows: far cheaper than sorting or hashing 10^5 ids.
        seen = np.zeros(n, dtype=bool)
        for source in sources:
            seen[source[source < n]] = True
        rows = np.flatnonzero(seen)
        estimates: dict[str, np.ndarray] = {}
        # Not reached by a probe: nothing similar enough to count (0); nothing stated: unknown.
        if k:
            est = np.zeros(len(rows), dtype=np.float32)
            companies, values = found["need_fit"]
            est[np.searchsorted(rows, companies)] = values
            estimates["need_fit"] = np.where(t.columns["offer_count"][rows] > 0, est, np.nan)
        if len(seeker.offer_vectors):
            est = np.zeros(len(rows), dtype=np.float32)
            companies, values = found["give_back"]
            est[np.searchsorted(rows, companies)] = values
            estimates["give_back"] = np.where(t.columns["need_count"][rows] > 0, est, np.nan)
        return rows, estimates, probe

    def _text_cosines(self, seeker: Seeker, probe: tuple[np.ndarray, np.ndarray]):
        """Item cosines for :func:`engine.score_block` from the distinct texts, reusing what the
        probe computed: the same numbers as from the item vectors, without reading them."""
        known_ids, known = probe
        k = len(seeker.need_vectors)
        none = (np.zeros(0, np.int64), np.zeros((0, 0), np.float32))

        def cosines(store: str, ids: np.ndarray, queries: np.ndarray) -> np.ndarray:
            # score_block asks with all of the seeker's vectors (offers) or its offers (needs).
            rows = known if len(queries) == len(known) else known[k:]
            reuse = (known_ids, rows) if len(rows) == len(queries) else none
            text_ids = self.texts.text_of[f"{store}s"][ids].astype(np.int64)
            return self.texts.cosines(queries, text_ids, reuse)

        return cosines

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
        rows, estimates, probe = self._candidates(seeker, w)
        keep = engine.eligible(self.table, row, rows, excluded)
        if filters is not None:
            keep &= self._filter(rows, seeker, filters)
        rows = rows[keep]
        estimates = {k: v[keep] for k, v in estimates.items()}
        if filters is not None and len(rows) < top:
            # Narrow filters can empty the short list: then score everything that passes them.
            return self.exact(company_id, top=top, exclude=exclude, weights=w, filters=filters)
        pool = max(self.config.pool, int(self.config.pool_share * len(self.table)))
        if len(rows) > pool:
            quick = engine.quick_score(seeker, self.table, rows, w, estimates)
            rows = np.sort(rows[np.argpartition(-quick, pool - 1)[:pool]])
        # Exact scores of the pool: cosines per text are the cosines of the items.
        scores = engine.score_block(
            seeker, self.table, rows, w, cosines=self._text_cosines(seeker, probe)
        )
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
            if not _same_shape_on_disk(base, store.base_vectors):
                np.save(base, store.base_vectors)
            np.save(d / f"{store_name}.extra.npy", store.extra_vectors)
            for name in ITEM_COLUMNS:
                np.save(d / f"{store_name}.{name}.npy", store.meta[name])
            (d / f"{store_name}.titles.json").write_text(json.dumps(store.titles))
        for name, array in self.texts.arrays().items():
            path = d / f"texts.{name}.npy"
            if name == "vectors" and _same_shape_on_disk(path, array):
                continue  # immutable after the build, and possibly memory-mapped from this file
            np.save(path, array)
        np.save(d / "grid.keys.npy", self.grid.keys)
        np.save(d / "grid.rows.npy", self.grid.rows)
        np.save(d / "grid.extra.npy", self.grid.extra_rows)
        partner_rows = np.array(sorted(t.partners), dtype=np.int64)
        np.savez(
            d / "partners.npz", rows=partner_rows, **{str(r): t.partners[r] for r in partner_rows}
        )
        np.savez(d / "calibration.npz", **t.calibration.arrays())
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
                {name: _load_item_column(d, store_name, name) for name in ITEM_COLUMNS},
                json.loads((d / f"{store_name}.titles.json").read_text()),
            )
            store.extra_vectors = np.load(d / f"{store_name}.extra.npy")
            stores[store_name] = store
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
        known = {f.name for f in fields(IndexConfig)}
        config = IndexConfig(**{k: v for k, v in meta["config"].items() if k in known})
        if (d / "texts.keys.npy").exists():
            texts = TextIndex(
                {
                    path.name[len("texts.") : -len(".npy")]: np.load(
                        path, mmap_mode="r" if path.name == "texts.vectors.npy" else None
                    )
                    for path in d.glob("texts.*.npy")
                }
            )
        else:  # saved before the text index existed: derive it (no re-embedding needed)
            texts = _text_index(table, config, None)
        if (d / "calibration.npz").exists():
            with np.load(d / "calibration.npz") as z:
                table.calibration = LanguageCalibration.from_arrays(dict(z))
        else:  # saved before the calibration existed: estimate it from the texts
            _calibrate_languages(table, texts, config)
        return cls(table, texts, grid, config, embed)
