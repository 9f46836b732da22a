"""The matching engine: how well does company B fit as a partner for company A? Pure numpy.

The nine components of ``domain.md`` ("Matching — what a good partner is") are computed for a block
of candidates at once from a columnar :class:`CompanyTable`; the same function scores a short list
of 500 candidates and a full scan of a million, so the fast path and the exact reference can only
differ in *which* candidates they look at, never in how they score them. Explanations (stable
codes with parameters, see ``explain.py``) are built for the few suggestions that are shown.

Missing data: when the seeker A has not stated something (no needs, no goals ...) the component is
left out and the weights of the others renormalised; when a candidate has not stated it, the
component takes ``Weights.unknown``, so thin profiles do not outrank complete ones.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace

import numpy as np

from verbund.lib import nace as nace_lib
from verbund.matching import explain as codes
from verbund.matching.calibration import LanguageCalibration

DIM = 512
NACE_SLOTS = 3  # codes kept per offer/need/company; profiles rarely name more
COMPONENTS = (
    "need_fit",
    "give_back",
    "not_duplicate",
    "customer_base",
    "size",
    "strengths",
    "place_language",
    "goals_forms",
    "trust",
)
PRIORITY_WEIGHT = {1: 1.0, 2: 0.6, 3: 0.35}
VISIBILITY = {"network": 0, "anonymous": 1, "private": 2}
CUSTOMER_SIZES = ("micro", "small", "medium", "large")
CUSTOMER_TYPES = ("b2b", "b2c", "b2g")
# Used when a company states no languages: what is spoken where it sits.
COUNTRY_LANGUAGES = {
    "DE": ("de",), "AT": ("de",), "CH": ("de", "fr"), "LU": ("fr", "de"), "NL": ("nl",),
    "BE": ("nl", "fr"), "FR": ("fr",), "DK": ("da",), "PL": ("pl",),
}  # fmt: skip
# Goals that work together although they are not the same (symmetric; same goal = 1.0).
GOAL_COMPATIBILITY = {
    ("referral_business", "expand_customer_base"): 0.8,
    ("referral_business", "joint_marketing"): 0.6,
    ("referral_business", "broaden_portfolio"): 0.6,
    ("joint_marketing", "expand_customer_base"): 0.7,
    ("new_markets", "overcome_entry_barriers"): 0.8,
    ("new_markets", "expand_customer_base"): 0.6,
    ("broaden_portfolio", "know_how_exchange"): 0.6,
    ("pool_resources", "reduce_costs"): 0.8,
    ("pool_resources", "share_risk"): 0.8,
    ("reduce_costs", "share_risk"): 0.6,
    ("pool_resources", "overcome_entry_barriers"): 0.6,
}
POOLING_FORM = "project_group"


@dataclass(frozen=True)
class Weights:
    """Every tunable number of the engine, in one place; a network may override any of them.

    Component weights (they need not sum to 1; the score divides by the sum of the weights of the
    components that apply):

    - need_fit 0.30 — the reason to look for a partner at all.
    - give_back 0.12 — a partnership needs value in both directions.
    - not_duplicate 0.10 — competitors are rarely partners; related trades are the best ones.
    - customer_base 0.12 — referrals only work between firms serving the same clients.
    - size 0.06, strengths 0.06 — fit of pace and of capabilities.
    - place_language 0.12 — local cooperation, target markets, being able to talk at all.
    - goals_forms 0.08 — wanting the same kind of partnership.
    - trust 0.04 — a tie-breaker until the platform holds real references.

    Factors multiply the whole score for concerns that outweigh any sum of strengths.
    """

    need_fit: float = 0.30
    give_back: float = 0.12
    not_duplicate: float = 0.10
    customer_base: float = 0.12
    size: float = 0.06
    strengths: float = 0.06
    place_language: float = 0.12
    goals_forms: float = 0.08
    trust: float = 0.04
    # Value of a component the candidate left empty: below average, above "clearly bad".
    unknown: float = 0.3
    # Cosine of USE v3 between unrelated texts sits around 0.1-0.25 and between paraphrases around
    # 0.55-0.7; this maps that range onto 0..1. Measured on the benchmark's phrase universe (need
    # sentence vs offer): same service, same language p50 0.59 (p10 0.42); same service, other
    # language p50 0.45 (p10 0.24): across languages the model rates the same service lower, so
    # a cross-border partner needs stronger other signals to outrank a same-language one.
    semantic_floor: float = 0.22
    semantic_ceiling: float = 0.62
    # Share of the item match taken from text when both items carry NACE codes (rest: NACE).
    semantic_share: float = 0.65
    # The same share when the two items are written in different languages. The encoder's cosine
    # of a translation spreads from unrelated-looking to paraphrase-like (benchmark phrases, need
    # vs. the same service in the other language: p10 0.28, p50 0.49; in one language p10 0.48,
    # p50 0.64): even calibrated, it misses a fifth of translations entirely ("Stückgutverkehr" /
    # "stukgoedvervoer" 0.16). Across languages text and codes swap their shares.
    cross_language_semantic_share: float = 0.35
    # Largest lift the cross-language calibration (``calibration.py``) may give a cosine between
    # texts in two languages; 0 switches the calibration off.
    cross_language_lift: float = 0.25
    # Item match at which a need counts as covered (reason) / an offer as the same (competitor).
    covered_at: float = 0.55
    competitor_at: float = 0.75
    competitor_factor: float = 0.6
    no_shared_language_factor: float = 0.7
    # Distance decay for local cooperation: value exp(-km / scale).
    distance_scale_km: float = 60.0
    nearby_km: float = 50.0
    far_km: float = 200.0
    # Size: Gaussian on the distance of log10(1 + employees).
    size_sigma: float = 0.5

    def component_weights(self) -> np.ndarray:
        return np.array([getattr(self, c) for c in COMPONENTS], dtype=np.float64)

    @classmethod
    def from_mapping(cls, overrides: Mapping[str, float] | None) -> Weights:
        """Defaults with a network's overrides; unknown keys are an error, not silently ignored."""
        if not overrides:
            return cls()
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise KeyError(f"unknown matching weights: {', '.join(unknown)}")
        return replace(cls(), **{k: float(v) for k, v in overrides.items()})


# --------------------------------------------------------------------------- inputs


@dataclass
class Item:
    """An offer or a need. `embedding` is filled by the caller or by the table builder."""

    title: str
    description: str = ""
    nace: Sequence[str] = ()
    keywords: Sequence[str] = ()
    priority: int = 2  # needs only: 1 high .. 3 low
    embedding: np.ndarray | None = None

    def text(self) -> str:
        """What is embedded: title, description and keywords together."""
        parts = [self.title.strip()]
        if self.description.strip():
            parts.append(self.description.strip())
        if self.keywords:
            parts.append(", ".join(self.keywords))
        return ". ".join(parts)


@dataclass
class Goal:
    goal: str
    priority: int = 2
    markets: Sequence[str] = ()  # countries or ISO 3166-2 subdivisions (for new_markets)


@dataclass
class Customers:
    sectors: Sequence[str] = ()  # NACE sections or codes
    types: Mapping[str, float] | None = None  # b2b/b2c/b2g shares
    sizes: Sequence[str] = ()
    regions: Sequence[str] = ()
    count: int | None = None


@dataclass
class Trust:
    """Hooks for trust signals; all may stay empty until the platform records them."""

    references: int = 0
    verified_partnerships: int = 0
    partner_ids: Sequence[str] = ()
    network_ids: Sequence[str] = ()


@dataclass
class CompanyVector:
    id: str
    country: str = ""
    lat: float | None = None
    lon: float | None = None
    region: str = ""  # ISO 3166-2 subdivision of the seat, when known
    languages: Sequence[str] = ()
    employees: int | None = None
    nace: Sequence[str] = ()
    offers: Sequence[Item] = ()
    needs: Sequence[Item] = ()
    customers: Customers = field(default_factory=Customers)
    strengths: Mapping[str, int] = field(default_factory=dict)
    goals: Sequence[Goal] = ()
    forms: Sequence[str] = ()
    visibility: str = "network"
    trust: Trust = field(default_factory=Trust)


# --------------------------------------------------------------------------- NACE as arrays


@functools.cache
def _nace_tables() -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """Code -> index, lineage (codes at levels 1..4 per code) and the proximity matrix.

    The matrix reproduces ``verbund.lib.nace.proximity`` (checked in the tests) for all 996 codes
    plus a padding row of zeros at index 996, so item codes can be compared with one gather.
    """
    all_codes = nace_lib.all_codes()
    index = {c.code: i for i, c in enumerate(all_codes)}
    n = len(all_codes)
    lineage = np.full((n, 4), -1, dtype=np.int32)
    levels = np.empty(n, dtype=np.int32)
    for i, c in enumerate(all_codes):
        lineage[i, c.level - 1] = i
        levels[i] = c.level
        for a in nace_lib.ancestors(c.code):
            lineage[i, a.level - 1] = index[a.code]
    prox = np.zeros((n + 1, n + 1), dtype=np.float32)
    core = prox[:n, :n]
    for level, value in ((1, 0.25), (2, 0.5), (3, 0.75)):
        col = lineage[:, level - 1]
        same = (col[:, None] == col[None, :]) & (col[:, None] >= 0)
        core[same] = value
    np.fill_diagonal(core, 1.0)
    return index, lineage, prox


NACE_PAD = 996


def nace_ids(codes: Iterable[str]) -> np.ndarray:
    """Up to NACE_SLOTS valid codes as table indices, padded with NACE_PAD."""
    index = _nace_tables()[0]
    out = np.full(NACE_SLOTS, NACE_PAD, dtype=np.int16)
    k = 0
    for code in codes:
        canonical = nace_lib.normalize(code)
        if canonical is None or k >= NACE_SLOTS:
            continue
        out[k] = index[canonical]
        k += 1
    return out


def _sector_bits(codes: Iterable[str]) -> tuple[int, int]:
    """Customer sectors as (section bits, division bits): a division counts for its section too."""
    sections = divisions = 0
    for code in codes:
        entry = nace_lib.get(code)
        if entry is None:
            continue
        sections |= 1 << (ord(entry.section) - ord("A"))
        if entry.level >= 2:
            divisions |= 1 << int(entry.code[:2])
    return sections, divisions


# --------------------------------------------------------------------------- the columnar table


class Vocab:
    """Small string vocabularies as bit positions (languages, forms, goals, regions ...).

    Past `capacity` entries positions wrap around: two rare keys may then share a bit, which only
    ever adds a false overlap between them; the capacities are far above the catalogues' sizes.
    """

    def __init__(self, capacity: int = 64, keys: Iterable[str] = ()) -> None:
        self.capacity = capacity
        self.keys: list[str] = []
        self._index: dict[str, int] = {}
        for key in keys:
            self.index(key)

    def index(self, key: str, add: bool = True) -> int:
        found = self._index.get(key)
        if found is None:
            if not add:
                return -1
            found = len(self.keys) % self.capacity
            self._index[key] = found
            self.keys.append(key)
        return found

    def mask(self, keys: Iterable[str]) -> int:
        bits = 0
        for key in keys:
            bits |= 1 << self.index(key)
        return bits

    def names(self, bits: int) -> list[str]:
        return [k for k in self.keys if bits >> self._index[k] & 1]


def _u64_words(bits: int, words: int) -> list[int]:
    return [(bits >> (64 * w)) & 0xFFFF_FFFF_FFFF_FFFF for w in range(words)]


@dataclass
class Vocabularies:
    languages: Vocab = field(default_factory=lambda: Vocab(64))
    countries: Vocab = field(default_factory=lambda: Vocab(64))
    regions: Vocab = field(default_factory=lambda: Vocab(128))
    forms: Vocab = field(default_factory=lambda: Vocab(64))
    goals: Vocab = field(default_factory=lambda: Vocab(16))
    dimensions: Vocab = field(default_factory=lambda: Vocab(16))
    networks: Vocab = field(default_factory=lambda: Vocab(64))

    def to_json(self) -> dict[str, list[str]]:
        return {f.name: getattr(self, f.name).keys for f in fields(self)}

    @classmethod
    def from_json(cls, data: Mapping[str, list[str]]) -> Vocabularies:
        vocab = cls()
        for name, keys in data.items():
            for key in keys:
                getattr(vocab, name).index(key)
        return vocab


# Scalar columns: name -> (dtype, shape of one row). One row per company.
COLUMNS: dict[str, tuple[str, tuple[int, ...]]] = {
    "country": ("int16", ()),
    "latlon": ("float32", (2,)),
    "languages": ("uint64", ()),
    "employees": ("float32", ()),
    "nace": ("int16", (NACE_SLOTS,)),
    "sectors": ("uint32", ()),
    "divisions": ("uint64", (2,)),
    "types": ("float32", (3,)),
    "sizes": ("uint8", ()),
    "regions": ("uint64", (2,)),
    "served_countries": ("uint64", ()),
    "strengths": ("float32", (16,)),
    "goals": ("float32", (16,)),
    "markets_regions": ("uint64", (2,)),
    "markets_countries": ("uint64", ()),
    "forms": ("uint64", ()),
    "visibility": ("uint8", ()),
    "references": ("int32", ()),
    "verified": ("int32", ()),
    "networks": ("uint64", ()),
    "offer_start": ("int64", ()),
    "offer_count": ("int32", ()),
    "need_start": ("int64", ()),
    "need_count": ("int32", ()),
}
ITEM_COLUMNS: dict[str, tuple[str, tuple[int, ...]]] = {
    "company": ("int32", ()),
    "nace": ("int16", (NACE_SLOTS,)),
    "weight": ("float32", ()),
    # Vocabulary index of the language the text is in (-1 unknown): the company's first language,
    # or in an index the language most of the text's users declare (calibration.text_languages).
    "language": ("int16", ()),
}


class ItemStore:
    """Offers or needs of all companies: vectors (float16) and metadata, one row per item.

    Items of one company are contiguous (start, count on the company row). An edit appends the
    company's new items at the end and repoints its row; old rows become garbage until the next
    full rebuild. Vectors may be a read-only memory map; appended vectors live in memory.
    """

    def __init__(
        self,
        vectors: np.ndarray,
        meta: dict[str, np.ndarray],
        titles: list[str],
    ) -> None:
        self.base_vectors = vectors
        self.extra_vectors = np.zeros((0, DIM), dtype=np.float16)
        self.meta = meta
        self.titles = titles

    def __len__(self) -> int:
        return len(self.meta["company"])

    def append(self, vectors: np.ndarray, meta: dict[str, np.ndarray], titles: list[str]) -> int:
        start = len(self)
        self.extra_vectors = np.concatenate(
            [self.extra_vectors, np.asarray(vectors, dtype=np.float16).reshape(-1, DIM)]
        )
        for name in ITEM_COLUMNS:
            self.meta[name] = np.concatenate([self.meta[name], meta[name]])
        self.titles.extend(titles)
        return start

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        """float32 rows for item ids (ids sorted ascending read the memory map sequentially)."""
        base = len(self.base_vectors)
        if len(ids) == 0 or ids.max() < base:
            return np.asarray(self.base_vectors[ids], dtype=np.float32)
        out = np.empty((len(ids), DIM), dtype=np.float32)
        low = ids < base
        out[low] = self.base_vectors[ids[low]]
        out[~low] = self.extra_vectors[ids[~low] - base]
        return out


class CompanyTable:
    """All companies of a network as columns; built by :class:`TableBuilder`."""

    def __init__(
        self,
        ids: list[str],
        columns: dict[str, np.ndarray],
        offers: ItemStore,
        needs: ItemStore,
        vocab: Vocabularies,
        partners: dict[int, np.ndarray] | None = None,
    ) -> None:
        self.ids = ids
        self.row_of = {cid: i for i, cid in enumerate(ids)}
        self.columns = columns
        self.offers = offers
        self.needs = needs
        self.vocab = vocab
        # row -> hashed ids of its partners; sparse because most companies have none yet.
        self.partners = partners or {}
        # Cross-language similarity calibration; an index estimates it from its texts.
        self.calibration = LanguageCalibration.none()

    def __len__(self) -> int:
        return len(self.ids)

    def items_of(self, store: str, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(item ids, position in `rows` of their owner), grouped by owner in the order of rows."""
        start = self.columns[f"{store}_start"][rows]
        count = self.columns[f"{store}_count"][rows].astype(np.int64)
        owner = np.repeat(np.arange(len(rows)), count)
        first = np.cumsum(count) - count
        offset = np.arange(int(count.sum())) - np.repeat(first, count)
        return np.repeat(start, count) + offset, owner


def _hash_id(value: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), "little") >> 1


class TableBuilder:
    """Turns :class:`CompanyVector` objects into table rows (also used for incremental edits)."""

    def __init__(
        self,
        vocab: Vocabularies | None = None,
        embed: Callable[[list[str]], np.ndarray] | None = None,
    ) -> None:
        self.vocab = vocab or Vocabularies()
        self.embed = embed

    def rows(
        self, companies: Sequence[CompanyVector]
    ) -> tuple[dict[str, np.ndarray], dict[str, tuple], dict[int, np.ndarray]]:
        """Columns for `companies` plus their offers and needs (vectors, meta, titles).

        Offer/need start columns are relative to the returned item blocks.
        """
        n = len(companies)
        cols = {name: np.zeros((n, *shape), dtype=dt) for name, (dt, shape) in COLUMNS.items()}
        for name in ("latlon", "employees", "types", "strengths"):
            cols[name][:] = np.nan
        items: dict[str, list] = {"offers": [], "needs": []}
        partners: dict[int, np.ndarray] = {}
        v = self.vocab
        for i, c in enumerate(companies):
            country = (c.country or "").upper()
            cols["country"][i] = v.countries.index(country) if country else -1
            if c.lat is not None and c.lon is not None:
                cols["latlon"][i] = (c.lat, c.lon)
            langs = [lang.lower()[:2] for lang in c.languages] or list(
                COUNTRY_LANGUAGES.get(country, ())
            )
            cols["languages"][i] = v.languages.mask(langs)
            primary = v.languages.index(langs[0]) if langs else -1
            if c.employees is not None:
                cols["employees"][i] = c.employees
            cols["nace"][i] = nace_ids(c.nace)
            cu = c.customers
            sections, divisions = _sector_bits(cu.sectors)
            cols["sectors"][i] = sections
            cols["divisions"][i] = _u64_words(divisions, 2)
            if cu.types:
                cols["types"][i] = [float(cu.types.get(t, 0.0)) for t in CUSTOMER_TYPES]
            cols["sizes"][i] = sum(
                1 << CUSTOMER_SIZES.index(s) for s in cu.sizes if s in CUSTOMER_SIZES
            )
            cols["regions"][i] = _u64_words(v.regions.mask(r.upper() for r in cu.regions), 2)
            cols["served_countries"][i] = v.countries.mask(r.upper()[:2] for r in cu.regions)
            for dim, value in c.strengths.items():
                cols["strengths"][i, v.dimensions.index(dim)] = float(value)
            markets: list[str] = []
            for g in c.goals:
                j = v.goals.index(g.goal)
                cols["goals"][i, j] = max(cols["goals"][i, j], PRIORITY_WEIGHT.get(g.priority, 0.6))
                if g.goal == "new_markets":
                    markets += [m.upper() for m in g.markets]
            cols["markets_regions"][i] = _u64_words(
                v.regions.mask(m for m in markets if "-" in m), 2
            )
            cols["markets_countries"][i] = v.countries.mask(m[:2] for m in markets)
            cols["forms"][i] = v.forms.mask(c.forms)
            cols["visibility"][i] = VISIBILITY.get(c.visibility, 0)
            cols["references"][i] = c.trust.references
            cols["verified"][i] = c.trust.verified_partnerships
            cols["networks"][i] = v.networks.mask(c.trust.network_ids)
            if c.trust.partner_ids:
                partners[i] = np.array(sorted({_hash_id(p) for p in c.trust.partner_ids}), np.int64)
            for store, its in (("offers", c.offers), ("needs", c.needs)):
                cols[f"{store[:-1]}_start"][i] = len(items[store])
                cols[f"{store[:-1]}_count"][i] = len(its)
                items[store] += [(i, primary, it) for it in its]
        blocks = {store: self._items(items[store], store == "needs") for store in items}
        return cols, blocks, partners

    def _items(self, items: list[tuple[int, int, Item]], weighted: bool) -> tuple:
        m = len(items)
        meta = {name: np.zeros((m, *shape), dtype=dt) for name, (dt, shape) in ITEM_COLUMNS.items()}
        vectors = np.zeros((m, DIM), dtype=np.float32)
        missing = []
        for j, (owner, language, it) in enumerate(items):
            meta["company"][j] = owner
            meta["language"][j] = language
            meta["nace"][j] = nace_ids(it.nace)
            meta["weight"][j] = PRIORITY_WEIGHT.get(it.priority, 0.6) if weighted else 1.0
            if it.embedding is None:
                missing.append(j)
            else:
                vectors[j] = it.embedding
        if missing:
            if self.embed is None:
                raise ValueError("items without embeddings and no embed function given")
            vectors[missing] = self.embed([items[j][2].text() for j in missing])
        return vectors.astype(np.float16), meta, [it.title for _, _, it in items]

    def build(self, companies: Sequence[CompanyVector]) -> CompanyTable:
        cols, blocks, partners = self.rows(companies)
        stores = {
            store: ItemStore(vectors, meta, titles)
            for store, (vectors, meta, titles) in blocks.items()
        }
        return CompanyTable(
            [c.id for c in companies], cols, stores["offers"], stores["needs"], self.vocab, partners
        )


def table_replace(table: CompanyTable, company: CompanyVector, builder: TableBuilder) -> int:
    """Insert or replace one company in place (a profile edit); returns its row."""
    cols, blocks, partners = builder.rows([company])
    row = table.row_of.get(company.id)
    if row is None:
        row = len(table.ids)
        table.ids.append(company.id)
        table.row_of[company.id] = row
        for name in COLUMNS:
            table.columns[name] = np.concatenate([table.columns[name], cols[name]])
    else:
        for name in COLUMNS:
            table.columns[name][row] = cols[name][0]
    for store_name, (vectors, meta, titles) in blocks.items():
        store: ItemStore = getattr(table, store_name)
        meta["company"][:] = row
        start = store.append(vectors, meta, titles)
        table.columns[f"{store_name[:-1]}_start"][row] = start
    table.partners.pop(row, None)
    if 0 in partners:
        table.partners[row] = partners[0]
    return row


# --------------------------------------------------------------------------- scoring


def _popcount(x: np.ndarray) -> np.ndarray:
    counts = np.bitwise_count(x)
    return counts.sum(axis=-1) if counts.ndim > 1 else counts


def _jaccard(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Jaccard of bit sets, NaN where the candidate's set is empty (not stated)."""
    inter = _popcount(a & b).astype(np.float32)
    union = _popcount(a | b).astype(np.float32)
    has = _popcount(b) > 0
    return np.where(has, inter / np.maximum(union, 1), np.nan).astype(np.float32)


def _combine(parts: list[tuple[float, np.ndarray | None]], n: int) -> np.ndarray | None:
    """Weighted mean of the parts that apply; NaN where the candidate stated none of them."""
    total = np.zeros(n, dtype=np.float32)
    weight = np.zeros(n, dtype=np.float32)
    used = False
    for w, values in parts:
        if values is None:
            continue
        used = True
        ok = ~np.isnan(values)
        total += np.where(ok, values, 0) * w
        weight += ok * w
    if not used:
        return None
    return np.where(weight > 0, total / np.maximum(weight, 1e-9), np.nan)


def _haversine_km(lat: float, lon: float, latlon: np.ndarray) -> np.ndarray:
    lat1, lon1 = math.radians(lat), math.radians(lon)
    lat2 = np.radians(latlon[:, 0].astype(np.float64))
    lon2 = np.radians(latlon[:, 1].astype(np.float64))
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return (2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))).astype(np.float32)


def approx_km(lat: float, lon: float, latlon: np.ndarray) -> np.ndarray:
    """Distance on the local flat approximation (float32): within 0.5 % of the great circle up
    to a few hundred km, which is all that ranking candidates by nearness needs."""
    scale = math.cos(math.radians(lat))
    dlat = latlon[:, 0] - np.float32(lat)
    dlon = (latlon[:, 1] - np.float32(lon)) * np.float32(scale)
    return np.float32(6371.0088 * math.pi / 180) * np.sqrt(dlat * dlat + dlon * dlon)


@functools.cache
def _goal_matrix(goal_keys: tuple[str, ...]) -> np.ndarray:
    g = np.zeros((16, 16), dtype=np.float32)
    for i, a in enumerate(goal_keys):
        for j, b in enumerate(goal_keys):
            g[i, j] = (
                1.0 if a == b else GOAL_COMPATIBILITY.get((a, b), GOAL_COMPATIBILITY.get((b, a), 0))
            )
    return g


@dataclass
class Seeker:
    """Everything about company A that scoring needs, gathered once per query."""

    row: int
    scalars: dict[str, np.ndarray]  # the company's row of every column
    need_vectors: np.ndarray  # (k, 512) float32
    need_nace: np.ndarray
    need_weights: np.ndarray
    need_titles: list[str]
    offer_vectors: np.ndarray
    offer_nace: np.ndarray
    offer_titles: list[str]
    partners: np.ndarray  # hashed partner ids
    need_languages: np.ndarray
    offer_languages: np.ndarray

    @classmethod
    def from_row(cls, table: CompanyTable, row: int) -> Seeker:
        rows = np.array([row])
        need_ids, _ = table.items_of("need", rows)
        offer_ids, _ = table.items_of("offer", rows)
        return cls(
            row=row,
            scalars={name: col[row] for name, col in table.columns.items()},
            need_vectors=table.needs.vectors(need_ids),
            need_nace=table.needs.meta["nace"][need_ids],
            need_weights=table.needs.meta["weight"][need_ids],
            need_titles=[table.needs.titles[i] for i in need_ids],
            offer_vectors=table.offers.vectors(offer_ids),
            offer_nace=table.offers.meta["nace"][offer_ids],
            offer_titles=[table.offers.titles[i] for i in offer_ids],
            partners=table.partners.get(row, np.zeros(0, np.int64)),
            need_languages=table.needs.meta["language"][need_ids],
            offer_languages=table.offers.meta["language"][offer_ids],
        )

    @property
    def has_new_markets(self) -> bool:
        return bool(self.scalars["markets_countries"])


def calibrated(
    table: CompanyTable,
    w: Weights,
    cosine: np.ndarray,
    need_languages: np.ndarray,
    offer_languages: np.ndarray,
) -> np.ndarray:
    """Cosines of needs (rows) and offers (columns) with the index's cross-language
    calibration applied (``calibration.py``); unchanged for pairs in one language."""
    return table.calibration.apply(cosine, need_languages, offer_languages, w.cross_language_lift)


def match_from_cosine(
    cosine: np.ndarray,
    nace_a: np.ndarray,
    nace_b: np.ndarray,
    w: Weights,
    languages: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Item match from cosines already computed (the candidate generation computes them once
    per distinct text); the one formula, so estimates and exact scores cannot drift apart.

    `languages` (of the rows, of the columns): pairs in two known languages take the text's
    share across languages, as the encoder is less sure there.
    """
    semantic = np.clip(
        (cosine - w.semantic_floor) / (w.semantic_ceiling - w.semantic_floor), 0.0, 1.0
    )
    if len(nace_a) == 0 or len(nace_b) == 0:
        return semantic.astype(np.float32)
    proximity = nace_proximity(nace_a, nace_b)
    both = (nace_a[:, 0] != NACE_PAD)[:, None] & (nace_b[:, 0] != NACE_PAD)[None, :]
    share = np.float32(w.semantic_share)
    if languages is not None:
        lang_a, lang_b = (np.asarray(x) for x in languages)
        cross = (
            (lang_a[:, None] != lang_b[None, :]) & (lang_a >= 0)[:, None] & (lang_b >= 0)[None, :]
        )
        share = np.where(cross, np.float32(w.cross_language_semantic_share), share)
    blended = share * semantic + (1 - share) * proximity
    return np.where(both, blended, semantic).astype(np.float32)


def nace_proximity(nace_a: np.ndarray, nace_b: np.ndarray) -> np.ndarray:
    """(len a, len b) best proximity between any code slot of a and any of b.

    Slot by slot, skipping slots that are padding throughout (the padding row is all zeros):
    most items name one code, and one (k, m) gather per slot pair is far cheaper than a 4-d
    gather reduced over two axes.
    """
    prox = _nace_tables()[2]
    out = np.zeros((len(nace_a), len(nace_b)), dtype=np.float32)
    slots_b = [nace_b[:, j] for j in range(nace_b.shape[1]) if (nace_b[:, j] != NACE_PAD).any()]
    for i in range(nace_a.shape[1]):
        a = nace_a[:, i]
        if (a == NACE_PAD).all():
            continue
        table = prox[a]  # (len a, codes + 1)
        for b in slots_b:
            np.maximum(out, table[:, b], out=out)
    return out


def _group_max(values: np.ndarray, owner: np.ndarray, n: int) -> np.ndarray:
    """Per owner (0..n-1) the max over its columns of `values` (k, m); NaN for owners without."""
    out = np.full((values.shape[0], n), np.nan, dtype=np.float32)
    if values.shape[1] == 0:
        return out
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    out[:, owner[starts]] = np.maximum.reduceat(values, starts, axis=1)
    return out


def _group_sum(values: np.ndarray, owner: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros(n, dtype=np.float32)
    np.add.at(out, owner, values)
    return out


@dataclass
class Scores:
    """Scores of a block of candidates."""

    rows: np.ndarray
    score: np.ndarray  # 0..100
    components: np.ndarray  # (n, 9), NaN where the component does not apply to this seeker
    competitor: np.ndarray  # bool: the competitor factor applied
    no_language: np.ndarray  # bool: the language factor applied
    overlap: np.ndarray  # offer overlap 0..1 (for explanations)
    km: np.ndarray


# (store "offer"/"need", item ids, query vectors (q, 512)) -> cosine (q, len(ids))
Cosines = Callable[[str, np.ndarray, np.ndarray], np.ndarray]


def vector_cosines(table: CompanyTable) -> Cosines:
    """Cosines from the items' own vectors (the exact reference reads them in full)."""

    def cosines(store: str, ids: np.ndarray, queries: np.ndarray) -> np.ndarray:
        return queries @ getattr(table, f"{store}s").vectors(ids).T

    return cosines


def _text_components(
    seeker: Seeker,
    table: CompanyTable,
    rows: np.ndarray,
    w: Weights,
    fill: Callable[[str, np.ndarray | None], None],
    cosines: Cosines | None = None,
) -> np.ndarray:
    """Need fit and give-back into `fill`; returns the offer overlap (for not-a-duplicate)."""
    n = len(rows)
    cosines = cosines or vector_cosines(table)
    offer_ids, offer_owner = table.items_of("offer", rows)
    offer_nace = table.offers.meta["nace"][offer_ids]
    offer_languages = table.offers.meta["language"][offer_ids]
    k = len(seeker.need_vectors)
    # One pass over the candidates' offers for need fit (A's needs) and overlap (A's offers).
    queries = np.concatenate([seeker.need_vectors, seeker.offer_vectors])
    offer_cosine = None
    if len(queries):
        # A's offers against B's offers (overlap) are calibrated like needs against offers.
        query_languages = np.concatenate([seeker.need_languages, seeker.offer_languages])
        offer_cosine = calibrated(
            table, w, cosines("offer", offer_ids, queries), query_languages, offer_languages
        )
    # 1 need fit: B's offers cover A's needs, weighted by A's priorities.
    if k:
        per_need = _group_max(
            match_from_cosine(
                offer_cosine[:k], seeker.need_nace, offer_nace, w,
                (seeker.need_languages, offer_languages),
            ),
            offer_owner,
            n,
        )  # fmt: skip
        weights = seeker.need_weights[:, None]
        fill("need_fit", (per_need * weights).sum(0) / weights.sum())
    # 2 give-back: A's offers cover B's needs, weighted by B's priorities.
    overlap = np.zeros(n, dtype=np.float32)
    if len(seeker.offer_vectors):
        need_ids, need_owner = table.items_of("need", rows)
        raw = cosines("need", need_ids, seeker.offer_vectors)
        need_languages = table.needs.meta["language"][need_ids]
        cover = match_from_cosine(
            calibrated(table, w, raw.T, need_languages, seeker.offer_languages).T,
            seeker.offer_nace,
            table.needs.meta["nace"][need_ids],
            w,
            (seeker.offer_languages, need_languages),
        ).max(axis=0, initial=0.0)
        need_w = table.needs.meta["weight"][need_ids]
        total_w = _group_sum(need_w, need_owner, n)
        give = _group_sum(cover * need_w, need_owner, n) / np.maximum(total_w, 1e-9)
        fill("give_back", np.where(total_w > 0, give, np.nan))
        # 3 (part) overlap: how much B offers the same as A.
        same = match_from_cosine(
            offer_cosine[k:], seeker.offer_nace, offer_nace, w,
            (seeker.offer_languages, offer_languages),
        )  # fmt: skip
        overlap = np.nan_to_num(_group_max(same, offer_owner, n).max(axis=0, initial=0.0))
    return overlap


def score_block(
    seeker: Seeker,
    table: CompanyTable,
    rows: np.ndarray,
    w: Weights,
    estimates: Mapping[str, np.ndarray] | None = None,
    cosines: Cosines | None = None,
) -> Scores:
    """All nine components and the score for candidate `rows` (vectorised).

    `cosines` supplies item similarities (default: from the item vectors); the index passes
    cosines per distinct text, which are the same numbers without reading every vector.
    """
    rows = np.asarray(rows, dtype=np.int64)
    n = len(rows)
    c = table.columns
    s = seeker.scalars
    unknown = w.unknown
    comp = np.full((n, len(COMPONENTS)), np.nan, dtype=np.float32)

    def fill(name: str, values: np.ndarray | None) -> None:
        if values is not None:
            comp[:, COMPONENTS.index(name)] = np.where(np.isnan(values), unknown, values)

    overlap = np.zeros(n, dtype=np.float32)
    if estimates is not None:
        # Candidate generation: text components estimated from the vector index; the rest exact.
        for name in ("need_fit", "give_back"):
            if name in estimates:
                fill(name, estimates[name])
        if "overlap" in estimates:
            overlap = np.asarray(estimates["overlap"], dtype=np.float32)
    else:
        overlap = _text_components(seeker, table, rows, w, fill, cosines)
    company_prox = nace_proximity(s["nace"][None, :], c["nace"][rows])[0]
    # 3 not a duplicate: offers (or activities) near-identical to A's are a competitor.
    overlap = np.maximum(overlap, 0.85 * company_prox)
    pooling_bit = table.vocab.forms.index(POOLING_FORM, add=False)
    pooling = np.zeros(n, dtype=bool)
    if pooling_bit >= 0 and (int(s["forms"]) >> pooling_bit) & 1:
        pooling = (c["forms"][rows] >> np.uint64(pooling_bit)) & np.uint64(1) == 1
    duplicate = np.interp(overlap, [0, 0.3, 0.55, 0.85, 1], [0.6, 1.0, 1.0, 0.0, 0.0])
    pooled = np.interp(overlap, [0, 0.3, 1], [0.6, 1.0, 1.0])
    a_has_activity = len(seeker.offer_vectors) or s["nace"][0] != NACE_PAD
    if a_has_activity:
        fill("not_duplicate", np.where(pooling, pooled, duplicate).astype(np.float32))
    competitor = (overlap >= w.competitor_at) & ~pooling & bool(a_has_activity)

    # 4 customer base: sectors (NACE-aware), B2B/B2C/B2G mix, sizes, regions.
    parts: list[tuple[float, np.ndarray | None]] = []
    if s["sectors"]:
        sectors = _jaccard(np.uint32(s["sectors"]), c["sectors"][rows])
        if s["divisions"].any():
            div_b = c["divisions"][rows]
            divisions = _jaccard(s["divisions"][None, :], div_b)
            sectors = np.where(np.isnan(divisions), sectors, 0.6 * sectors + 0.4 * divisions)
        parts.append((0.4, sectors))
    if not np.isnan(s["types"][0]):
        types = 1 - 0.5 * np.abs(c["types"][rows] - s["types"]).sum(axis=1)
        parts.append((0.25, types))
    if s["sizes"]:
        parts.append((0.2, _jaccard(np.uint8(s["sizes"]), c["sizes"][rows])))
    if s["served_countries"]:
        countries = _jaccard(np.uint64(s["served_countries"]), c["served_countries"][rows])
        regions = _jaccard(s["regions"][None, :], c["regions"][rows])
        regions = np.where(np.isnan(regions) | ~s["regions"].any(), countries, regions)
        parts.append((0.15, 0.5 * countries + 0.5 * regions))
    fill("customer_base", _combine(parts, n))

    # 5 size: similar size on a log scale (symmetric).
    if not np.isnan(s["employees"]):
        d = np.log10(1 + c["employees"][rows]) - math.log10(1 + float(s["employees"]))
        fill("size", np.exp(-0.5 * (d / w.size_sigma) ** 2))

    # 6 strengths cover weaknesses, both ways (A's own gaps count more).
    a_str = s["strengths"]
    if not np.isnan(a_str).all():
        b_str = c["strengths"][rows]
        both = ~np.isnan(b_str) & ~np.isnan(a_str)
        a_weak, b_weak = (5 - a_str) / 4, (5 - b_str) / 4
        a_strong, b_strong = (a_str - 1) / 4, (b_str - 1) / 4
        cover_a = np.where(both, a_weak * b_strong, 0).sum(1) / np.maximum(
            np.where(both, a_weak, 0).sum(1), 1e-9
        )
        cover_b = np.where(both, b_weak * a_strong, 0).sum(1) / np.maximum(
            np.where(both, b_weak, 0).sum(1), 1e-9
        )
        fill("strengths", np.where(both.any(1), 0.6 * cover_a + 0.4 * cover_b, np.nan))

    # 7 place and language.
    latlon = c["latlon"][rows]
    km = np.full(n, np.nan, dtype=np.float32)
    a_lat, a_lon = (float(x) for x in s["latlon"])
    if not math.isnan(a_lat):
        km = _haversine_km(a_lat, a_lon, latlon)
    place = np.exp(-km / w.distance_scale_km)
    if seeker.has_new_markets:
        country = c["country"][rows]
        bit = np.where(country >= 0, country, 63).astype(np.uint64)
        in_market = ((np.uint64(1) << bit) & s["markets_countries"]) != 0
        in_market &= country >= 0
        in_market |= (c["served_countries"][rows] & s["markets_countries"]) != 0
        in_market |= ((c["regions"][rows] & s["markets_regions"]) != 0).any(1)
        place = np.where(in_market, 1.0, np.nan_to_num(place, nan=0.0) * 0.5)
    shared_lang = (c["languages"][rows] & s["languages"]) != 0
    lang_known = (c["languages"][rows] != 0) & bool(s["languages"])
    language = np.where(lang_known, shared_lang.astype(np.float32), np.nan)
    fill("place_language", _combine([(0.65, place), (0.35, language)], n))
    no_language = lang_known & ~shared_lang

    # 8 goals and forms.
    parts = []
    a_goals = s["goals"]
    if a_goals.any():
        g = _goal_matrix(tuple(table.vocab.goals.keys[:16]))
        b_has = c["goals"][rows] > 0
        goals = np.zeros(n, dtype=np.float32)
        for k in np.flatnonzero(a_goals):
            goals += a_goals[k] * np.where(b_has, g[k][None, :], 0).max(axis=1)
        goals /= a_goals.sum()
        parts.append((0.5, np.where(b_has.any(1), goals, np.nan)))
    if s["forms"]:
        b_forms = c["forms"][rows]
        shared = ((b_forms & s["forms"]) != 0).astype(np.float32)
        parts.append((0.5, np.where(b_forms != 0, shared, np.nan)))
    fill("goals_forms", _combine(parts, n))

    # 9 trust signals (hooks; zero while nothing is recorded).
    refs = 1 - np.exp(-c["references"][rows] / 3.0)
    verified = 1 - np.exp(-c["verified"][rows] / 2.0)
    common = _common_partners(seeker, table, rows)
    network = ((c["networks"][rows] & s["networks"]) != 0).astype(np.float32)
    trust = 0.3 * refs + 0.3 * verified + 0.25 * np.minimum(common / 2.0, 1) + 0.15 * network
    comp[:, COMPONENTS.index("trust")] = trust

    weights = w.component_weights()
    applies = ~np.isnan(comp[0]) if n else np.zeros(len(COMPONENTS), bool)
    total = float(weights[applies].sum()) or 1.0
    base = np.nan_to_num(comp) @ (weights / total)
    factor = np.where(competitor, w.competitor_factor, 1.0) * np.where(
        no_language, w.no_shared_language_factor, 1.0
    )
    return Scores(
        rows=rows,
        score=(100 * base * factor).astype(np.float32),
        components=np.clip(comp, 0.0, 1.0),  # float32 rounding may overshoot 1 by an ulp
        competitor=competitor,
        no_language=no_language,
        overlap=overlap,
        km=km,
    )


def quick_score(
    seeker: Seeker,
    table: CompanyTable,
    rows: np.ndarray,
    w: Weights,
    estimates: Mapping[str, np.ndarray],
) -> np.ndarray:
    """A cheap partial score (0..1) for cutting a large candidate pool down before
    :func:`score_block`: the text components from `estimates`, place, language, size and customer
    sectors, with the competitor and language factors. Components it leaves out (strengths, goals
    and forms, the rest of the customer base, trust) weigh little enough that the cut, which keeps
    many times the short list, does not depend on them."""
    c = table.columns
    s = seeker.scalars
    n = len(rows)
    total = np.zeros(n, dtype=np.float32)
    for name in ("need_fit", "give_back"):
        if name in estimates:
            values = estimates[name]
            total += getattr(w, name) * np.where(np.isnan(values), w.unknown, values)
    overlap = np.asarray(estimates.get("overlap", np.zeros(n)), dtype=np.float32)
    company_prox = nace_proximity(s["nace"][None, :], c["nace"][rows])[0]
    overlap = np.maximum(overlap, 0.85 * company_prox)
    total += w.not_duplicate * np.interp(overlap, [0, 0.3, 0.55, 0.85, 1], [0.6, 1, 1, 0, 0])
    a_lat, a_lon = (float(x) for x in s["latlon"])
    if not math.isnan(a_lat):
        km = approx_km(a_lat, a_lon, c["latlon"][rows])
        total += 0.65 * w.place_language * np.nan_to_num(np.exp(-km / w.distance_scale_km))
    shared_lang = (c["languages"][rows] & s["languages"]) != 0
    total += 0.35 * w.place_language * shared_lang
    if not np.isnan(s["employees"]):
        d = np.log10(1 + c["employees"][rows]) - math.log10(1 + float(s["employees"]))
        total += w.size * np.exp(-0.5 * (d / w.size_sigma) ** 2)
    if s["sectors"]:
        sectors = np.nan_to_num(_jaccard(np.uint32(s["sectors"]), c["sectors"][rows]), nan=0.3)
        total += 0.4 * w.customer_base * sectors
    lang_known = (c["languages"][rows] != 0) & bool(s["languages"])
    a_has_activity = bool(len(seeker.offer_vectors)) or s["nace"][0] != NACE_PAD
    factor = np.where((overlap >= w.competitor_at) & a_has_activity, w.competitor_factor, 1.0)
    factor = factor * np.where(lang_known & ~shared_lang, w.no_shared_language_factor, 1.0)
    return (total * factor).astype(np.float32)


def _common_partners(seeker: Seeker, table: CompanyTable, rows: np.ndarray) -> np.ndarray:
    common = np.zeros(len(rows), dtype=np.float32)
    if len(seeker.partners) == 0 or not table.partners:
        return common
    with_partners = [
        (i, table.partners[r]) for i, r in enumerate(rows.tolist()) if r in table.partners
    ]
    for i, theirs in with_partners:
        common[i] = np.intersect1d(theirs, seeker.partners, assume_unique=True).size
    return common


def eligible(
    table: CompanyTable, seeker_row: int, rows: np.ndarray, exclude: np.ndarray
) -> np.ndarray:
    """Hard filters: not itself, not excluded (partners, dismissed), not private."""
    ok = (rows != seeker_row) & (table.columns["visibility"][rows] != VISIBILITY["private"])
    if len(exclude):
        ok &= ~np.isin(rows, exclude)
    return ok


# --------------------------------------------------------------------------- explanations


@dataclass(frozen=True)
class Explanation:
    code: str
    params: dict[str, object]
    weight: float = 0.0  # contribution to the score, for ordering reasons


@dataclass
class Suggestion:
    company_id: str
    row: int
    score: float
    components: dict[str, float | None]
    reasons: list[Explanation]
    concerns: list[Explanation]
    anonymous: bool


def explain_row(
    seeker: Seeker, table: CompanyTable, scores: Scores, i: int, w: Weights, top_reasons: int = 6
) -> Suggestion:
    """Reasons and concerns of candidate `i` of a scored block, naming concrete needs and offers."""
    row = int(scores.rows[i])
    c = table.columns
    s = seeker.scalars
    comp = scores.components[i]
    weights = w.component_weights()
    applies = ~np.isnan(comp)
    total = float(weights[applies].sum()) or 1.0
    contrib = {
        name: float(weights[k] * comp[k] / total) if applies[k] else 0.0
        for k, name in enumerate(COMPONENTS)
    }
    value = {
        name: (None if not applies[k] else float(comp[k])) for k, name in enumerate(COMPONENTS)
    }
    reasons: list[Explanation] = []
    concerns: list[Explanation] = []
    one = np.array([row])
    offer_ids, _ = table.items_of("offer", one)
    need_ids, _ = table.items_of("need", one)
    b_offer_vec = table.offers.vectors(offer_ids)
    b_offer_nace = table.offers.meta["nace"][offer_ids]
    b_offer_titles = [table.offers.titles[j] for j in offer_ids]
    b_offer_languages = table.offers.meta["language"][offer_ids]

    def pair_match(vectors_a, nace_a, languages_a, vectors_b, nace_b, languages_b) -> np.ndarray:
        # As in score_block: rows are needs (or A's offers), columns offers.
        cosine = calibrated(table, w, vectors_a @ vectors_b.T, languages_a, languages_b)
        return match_from_cosine(cosine, nace_a, nace_b, w, (languages_a, languages_b))

    # Needs covered, each with the offer that covers it.
    if len(seeker.need_vectors) and len(offer_ids):
        match = pair_match(
            seeker.need_vectors, seeker.need_nace, seeker.need_languages,
            b_offer_vec, b_offer_nace, b_offer_languages,
        )  # fmt: skip
        share = seeker.need_weights / seeker.need_weights.sum()
        for k in np.argsort(-match.max(1)):
            best = int(match[k].argmax())
            if match[k, best] >= w.covered_at:
                reasons.append(
                    Explanation(
                        codes.NEED_COVERED,
                        {"need_title": seeker.need_titles[k], "offer_title": b_offer_titles[best]},
                        contrib["need_fit"] * float(share[k]) * 1.0001,
                    )
                )
    if len(seeker.need_vectors) and value["need_fit"] is not None and value["need_fit"] < 0.3:
        concerns.append(
            Explanation(
                codes.NEEDS_NOT_COVERED,
                {"need_title": seeker.need_titles[int(seeker.need_weights.argmax())]},
            )
        )
    # What A gives back.
    if len(need_ids) and len(seeker.offer_vectors):
        cover = pair_match(
            table.needs.vectors(need_ids), table.needs.meta["nace"][need_ids],
            table.needs.meta["language"][need_ids],
            seeker.offer_vectors, seeker.offer_nace, seeker.offer_languages,
        )  # fmt: skip
        k = int(cover.max(1).argmax())
        best = int(cover[k].argmax())
        if cover[k, best] >= w.covered_at:
            reasons.append(
                Explanation(
                    codes.GIVES_BACK,
                    {
                        "need_title": table.needs.titles[need_ids[k]],
                        "offer_title": seeker.offer_titles[best],
                    },
                    contrib["give_back"],
                )
            )
        elif value["give_back"] is not None and value["give_back"] < 0.3:
            concerns.append(
                Explanation(codes.NO_GIVE_BACK, {"need_title": table.needs.titles[need_ids[k]]})
            )
    # Competitor or related trade.
    if scores.competitor[i]:
        params: dict[str, object] = {"offer_title": None, "your_offer_title": None}
        if len(seeker.offer_vectors) and len(offer_ids):
            same = pair_match(
                seeker.offer_vectors, seeker.offer_nace, seeker.offer_languages,
                b_offer_vec, b_offer_nace, b_offer_languages,
            )  # fmt: skip
            a_k, b_k = np.unravel_index(int(same.argmax()), same.shape)
            params = {
                "offer_title": b_offer_titles[b_k],
                "your_offer_title": seeker.offer_titles[a_k],
            }
        concerns.append(Explanation(codes.POSSIBLE_COMPETITOR, params, 1.0))
    elif value["not_duplicate"] is not None:
        pooling = POOLING_FORM in table.vocab.forms.names(
            int(s["forms"])
        ) and POOLING_FORM in table.vocab.forms.names(int(c["forms"][row]))
        if pooling and scores.overlap[i] >= w.covered_at:
            reasons.append(Explanation(codes.CAPACITY_POOLING, {}, contrib["not_duplicate"]))
        elif 0.3 <= scores.overlap[i] < w.competitor_at:
            # Half weight: "not a competitor" supports a match but does not make one.
            reasons.append(Explanation(codes.RELATED_ACTIVITY, {}, contrib["not_duplicate"] * 0.5))
    # Customers.
    if value["customer_base"] is not None:
        if value["customer_base"] >= 0.6:
            shared = int(s["sectors"]) & int(c["sectors"][row])
            sectors = [chr(ord("A") + b) for b in range(21) if shared >> b & 1]
            reasons.append(
                Explanation(codes.SIMILAR_CUSTOMERS, {"sectors": sectors}, contrib["customer_base"])
            )
        elif value["customer_base"] < 0.3 and c["sectors"][row]:
            concerns.append(Explanation(codes.DIFFERENT_CUSTOMERS, {}))
    # Size.
    if value["size"] is not None and not np.isnan(c["employees"][row]):
        params = {"employees": int(c["employees"][row]), "your_employees": int(s["employees"])}
        if value["size"] >= 0.7:
            reasons.append(Explanation(codes.SIMILAR_SIZE, params, contrib["size"]))
        elif value["size"] < 0.25:
            concerns.append(Explanation(codes.SIZE_MISMATCH, params))
    # Strengths.
    if value["strengths"] is not None:
        a_str, b_str = s["strengths"], c["strengths"][row]
        dims = table.vocab.dimensions.keys
        gain = np.nan_to_num((b_str - a_str) * (a_str <= 2) * (b_str >= 4), nan=0)
        back = np.nan_to_num((a_str - b_str) * (b_str <= 2) * (a_str >= 4), nan=0)
        if gain.max() > 0:
            reasons.append(
                Explanation(
                    codes.COMPLEMENTARY_STRENGTHS,
                    {"dimension": dims[int(gain.argmax())], "strong": "partner"},
                    contrib["strengths"],
                )
            )
        elif back.max() > 0:
            reasons.append(
                Explanation(
                    codes.COMPLEMENTARY_STRENGTHS,
                    {"dimension": dims[int(back.argmax())], "strong": "you"},
                    contrib["strengths"],
                )
            )
    # Place and language.
    km = float(scores.km[i])
    country = table.vocab.countries.keys[c["country"][row]] if c["country"][row] >= 0 else ""
    a_country = table.vocab.countries.keys[s["country"]] if s["country"] >= 0 else ""
    market = (
        seeker.has_new_markets
        and country
        and country in table.vocab.countries.names(int(s["markets_countries"]))
    )
    place_share = contrib["place_language"] * 0.65
    if market and country != a_country:
        reasons.append(
            Explanation(codes.CROSS_BORDER_TARGET_MARKET, {"country": country}, place_share)
        )
    elif not math.isnan(km) and km <= w.nearby_km:
        reasons.append(Explanation(codes.NEARBY, {"km": round(km)}, place_share))
    elif not math.isnan(km) and km >= w.far_km and not market:
        concerns.append(Explanation(codes.FAR_AWAY, {"km": round(km)}))
    shared_langs = table.vocab.languages.names(int(c["languages"][row]) & int(s["languages"]))
    if shared_langs:
        reasons.append(
            Explanation(
                codes.SHARED_LANGUAGE, {"languages": shared_langs}, contrib["place_language"] * 0.35
            )
        )
    elif scores.no_language[i]:
        concerns.append(Explanation(codes.NO_SHARED_LANGUAGE, {}, 0.9))
    # Goals and forms.
    shared_goals = [
        g
        for k, g in enumerate(table.vocab.goals.keys[:16])
        if s["goals"][k] > 0 and c["goals"][row][k] > 0
    ]
    if shared_goals:
        reasons.append(
            Explanation(
                codes.COMPATIBLE_GOALS, {"goals": shared_goals}, contrib["goals_forms"] * 0.5
            )
        )
    forms = table.vocab.forms.names(int(c["forms"][row]) & int(s["forms"]))
    if forms:
        reasons.append(
            Explanation(codes.COMMON_FORM, {"forms": forms}, contrib["goals_forms"] * 0.5)
        )
    elif s["forms"] and c["forms"][row]:
        concerns.append(Explanation(codes.NO_COMMON_FORM, {}))
    # Trust.
    t_share = contrib["trust"]
    if c["references"][row]:
        reasons.append(Explanation(codes.REFERENCES, {"count": int(c["references"][row])}, t_share))
    if c["verified"][row]:
        reasons.append(
            Explanation(codes.VERIFIED_PARTNERSHIPS, {"count": int(c["verified"][row])}, t_share)
        )
    common = int(_common_partners(seeker, table, one)[0])
    if common:
        reasons.append(Explanation(codes.PARTNERS_IN_COMMON, {"count": common}, t_share))
    if int(c["networks"][row]) & int(s["networks"]):
        reasons.append(Explanation(codes.SHARED_NETWORK, {}, t_share * 0.5))

    reasons.sort(key=lambda e: -e.weight)
    concerns.sort(key=lambda e: (-e.weight, codes.CONCERN_ORDER.index(e.code)))
    return Suggestion(
        company_id=table.ids[row],
        row=row,
        score=round(float(scores.score[i]), 1),
        components=value,
        reasons=reasons[:top_reasons],
        concerns=concerns,
        anonymous=bool(c["visibility"][row] == VISIBILITY["anonymous"]),
    )


def top_k(scores: Scores, k: int) -> np.ndarray:
    """Positions of the k best in a block, best first; ties broken by row for determinism."""
    if len(scores.score) == 0:
        return np.zeros(0, dtype=np.int64)
    k = min(k, len(scores.score))
    part = np.argpartition(-scores.score, k - 1)[:k]
    return part[np.lexsort((scores.rows[part], -scores.score[part]))]


# --------------------------------------------------------------------------- convenience API


def rank(
    seeker: CompanyVector,
    candidates: Sequence[CompanyVector],
    *,
    top: int = 20,
    weights: Weights | None = None,
    exclude: Iterable[str] = (),
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> list[Suggestion]:
    """Score `candidates` for `seeker` exactly and explain the best `top` (small networks)."""
    w = weights or Weights()
    candidates = [c for c in candidates if c.id != seeker.id]
    table = TableBuilder(embed=embed).build([seeker, *candidates])
    excluded = np.array([table.row_of[e] for e in exclude if e in table.row_of], dtype=np.int64)
    rows = np.arange(1, len(table))
    rows = rows[eligible(table, 0, rows, excluded)]
    sk = Seeker.from_row(table, 0)
    scores = score_block(sk, table, rows, w)
    return [explain_row(sk, table, scores, int(i), w) for i in top_k(scores, top)]


def score(
    a: CompanyVector,
    b: CompanyVector,
    *,
    weights: Weights | None = None,
    embed: Callable[[list[str]], np.ndarray] | None = None,
) -> Suggestion:
    """Score and explain one pair (B as a partner for A), without any filter."""
    w = weights or Weights()
    table = TableBuilder(embed=embed).build([a, b])
    sk = Seeker.from_row(table, 0)
    scores = score_block(sk, table, np.array([1]), w)
    return explain_row(sk, table, scores, 0, w)


def from_profile(data: Mapping, *, trust: Trust | None = None) -> CompanyVector:
    """A company in the profile interchange format (``profile-format.md``) as engine input.

    Coordinates missing from the profile are resolved from city and country with the offline
    gazetteer, which also gives the seat's region.
    """
    from verbund.lib import geo

    lat, lon, region = data.get("lat"), data.get("lon"), ""
    if data.get("city"):
        place = geo.resolve(data["city"], data.get("country"), data.get("postcode"))
        if place is not None:
            region = place.region
            if lat is None or lon is None:
                lat, lon = place.lat, place.lon

    def items(entries: Iterable[Mapping]) -> list[Item]:
        return [
            Item(
                title=e["title"],
                description=e.get("description", ""),
                nace=tuple(e.get("nace", ())),
                keywords=tuple(e.get("keywords", ())),
                priority=int(e.get("priority", 2)),
            )
            for e in entries
        ]

    customers = data.get("customers") or {}
    return CompanyVector(
        id=data["external_id"],
        country=data.get("country", ""),
        lat=lat,
        lon=lon,
        region=region,
        languages=tuple(data.get("languages", ())),
        employees=data.get("employees"),
        nace=tuple(data.get("nace", ())),
        offers=items(data.get("offers", ())),
        needs=items(data.get("needs", ())),
        customers=Customers(
            sectors=tuple(customers.get("sectors", ())),
            types=customers.get("types"),
            sizes=tuple(customers.get("sizes", ())),
            regions=tuple(customers.get("regions", ())),
            count=customers.get("count"),
        ),
        strengths=dict(data.get("strengths", {})),
        goals=[
            Goal(g["goal"], int(g.get("priority", 2)), tuple(g.get("markets", ())))
            for g in data.get("goals", ())
        ],
        forms=tuple(data.get("forms", ())),
        visibility=data.get("visibility", "network"),
        trust=trust or Trust(),
    )
