"""Each network's matching index, kept in files and followed by every process.

Layout under ``settings.MATCHING_DIR``::

    embeddings/                  FileCache: one vector per distinct text (sha256), all networks
    networks/<id>/gen-<n>-<tok>/ a MatchIndex saved by a full build (vectors memory-mapped)

A full build (``index_rebuild``; command ``verbund matching-rebuild``) writes a new generation
directory and switches ``IndexState`` to it. A profile edit does not rebuild: the background task
embeds the changed texts into the shared cache and logs an ``IndexChange``; every process that
answers suggestions applies the changes it has not seen yet (``MatchIndex.upsert``, vectors from
the cache) before it answers. A restart loads the current generation and replays the changes
logged since, so nothing is embedded twice. Too many changes since the build trigger a rebuild.
"""

from __future__ import annotations

import fcntl
import logging
import secrets
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone

from verbund.companies.models import AssessmentScore, Company, Goal, Need, Offer
from verbund.matching import encoder as encoder_lib
from verbund.matching import engine
from verbund.matching.candidates import MatchIndex, build_streaming
from verbund.matching.models import IndexChange, IndexState
from verbund.tenancy.models import Network

logger = logging.getLogger(__name__)

BATCH = 1000
# Changes replayed on top of a generation before the task asks for a rebuild instead.
REBUILD_AFTER_CHANGES = 500
REBUILD_AFTER_SHARE = 0.2


# --------------------------------------------------------------------------- embeddings


class SharedFileCache(encoder_lib.FileCache):
    """The FileCache, shared between processes: a miss looks for shards other processes wrote.

    The background worker embeds a changed profile's texts; the web process then finds them here
    instead of running the model itself.
    """

    def _load_new(self) -> None:
        for keys_file in sorted(self.directory.glob("shard-*.keys")):
            number = int(keys_file.stem.split("-")[1])
            if number in self._shards:
                continue
            try:
                array = np.load(keys_file.with_suffix(".npy"), mmap_mode="r")
                keys = keys_file.read_text().split()
            except FileNotFoundError:  # merged away by another process meanwhile
                continue
            self._shards[number] = array
            for row, key in enumerate(keys):
                self._index[key] = (number, row)

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        if any(k not in self._index for k in keys):
            with self._lock:
                self._load_new()
        return super().get_many(keys)

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        # Web processes and workers write into the same directory: shard numbers and merges
        # must not collide, so writers take turns (an advisory lock on a file beside the shards;
        # re-entrant, as a merge writes its merged shard).
        if getattr(self, "_held", False):
            yield
            return
        with open(self.directory / ".lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            self._held = True
            try:
                yield
            finally:
                self._held = False
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _write(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        with self._exclusive():
            self._load_new()  # the next free shard number is the one after every shard on disk
            super()._write(keys, vectors)

    def _merge(self) -> None:
        with self._exclusive():
            self._load_new()
            super()._merge()


_encoders: dict[str, encoder_lib.Encoder] = {}
_encoders_lock = threading.Lock()


def get_encoder() -> encoder_lib.Encoder:
    """The process-wide encoder over the shared embedding cache (model loaded on first use)."""
    directory = str(Path(settings.MATCHING_DIR) / "embeddings")
    with _encoders_lock:
        if directory not in _encoders:
            _encoders[directory] = encoder_lib.Encoder(SharedFileCache(directory))
        return _encoders[directory]


def embed(texts: list[str]) -> np.ndarray:
    return get_encoder().embed(texts)


# --------------------------------------------------------------------------- profiles as input


def _companies(network: Network, company_ids: Iterable[int] | None = None):
    queryset = Company.objects.filter(listings__network=network).prefetch_related(
        "listings",
        Prefetch("offers", queryset=Offer.objects.order_by("position", "pk")),
        Prefetch("needs", queryset=Need.objects.order_by("position", "pk")),
        Prefetch("goals", queryset=Goal.objects.order_by("priority", "pk")),
        Prefetch("assessment", queryset=AssessmentScore.objects.order_by("pk")),
    )
    if company_ids is not None:
        queryset = queryset.filter(pk__in=list(company_ids))
    return queryset.order_by("pk")


def company_vector(company: Company, network_id: int | None = None) -> engine.CompanyVector:
    """A stored profile (with its children prefetched) as engine input; the id is the pk.

    ``network_id``: the network the index is for; sharing it says nothing (everyone in the index
    does), so only other shared networks count as a trust signal.
    """

    def item(row, priority: int = 2) -> engine.Item:
        return engine.Item(
            title=row.title,
            description=row.description,
            nace=tuple(row.nace_codes or ()),
            keywords=tuple(row.keywords or ()),
            priority=priority,
        )

    return engine.CompanyVector(
        id=str(company.pk),
        country=company.country,
        lat=company.lat,
        lon=company.lon,
        region=company.region,
        languages=tuple(company.languages or ()),
        employees=company.employees,
        nace=tuple(company.nace_codes or ()),
        offers=[item(o) for o in company.offers.all()],
        needs=[item(n, n.priority) for n in company.needs.all()],
        customers=engine.Customers(
            sectors=tuple(company.customer_sectors or ()),
            types=company.customer_types or None,
            sizes=tuple(company.customer_sizes or ()),
            regions=tuple(company.customer_regions or ()),
            count=company.customer_count,
        ),
        strengths={a.dimension: a.score for a in company.assessment.all()},
        goals=[
            engine.Goal(g.goal, g.priority, tuple(g.markets or ())) for g in company.goals.all()
        ],
        forms=tuple(company.forms or ()),
        visibility=company.visibility,
        # References, verified partnerships and partners in common join here once the
        # partnerships capability records them (engine.Trust is the hook).
        trust=engine.Trust(network_ids=_other_networks(company, network_id)),
    )


def _other_networks(company: Company, network_id: int | None) -> list[str]:
    return [str(x.network_id) for x in company.listings.all() if x.network_id != network_id]


def vectors(
    network: Network, company_ids: Iterable[int] | None = None, batch: int = BATCH
) -> Iterator[list[engine.CompanyVector]]:
    """The network's profiles as engine input, in batches (fixed queries per batch)."""
    last = 0
    ids = None if company_ids is None else sorted(set(company_ids))
    while True:
        chunk = list(_companies(network, ids).filter(pk__gt=last)[:batch])
        if not chunk:
            return
        last = chunk[-1].pk
        yield [company_vector(c, network.pk) for c in chunk]


def _withdrawn(company_id: int) -> engine.CompanyVector:
    # A company that left the network stays in the index's arrays until the next rebuild;
    # as "private" it is never suggested.
    return engine.CompanyVector(id=str(company_id), visibility="private")


# --------------------------------------------------------------------------- building


def network_dir(network: Network) -> Path:
    return Path(settings.MATCHING_DIR) / "networks" / str(network.pk)


def _current(network: Network) -> IndexState | None:
    return IndexState.objects.filter(network=network).first()


def index_rebuild(
    network: Network,
    *,
    progress: Callable[[int, int], None] | None = None,
    batch: int = BATCH,
) -> IndexState | None:
    """Build the network's index from scratch into a new generation; None for no companies.

    ``progress(done, total)`` is called after each batch of profiles. Vectors of texts seen
    before come from the embedding cache, so a rebuild after a restart embeds nothing.
    """
    started, began = timezone.now(), time.perf_counter()
    # Changes logged so far are contained in what is read below; later ones are replayed.
    base_change = IndexChange.objects.filter(network=network).aggregate(m=Max("id"))["m"] or 0
    total = Company.objects.filter(listings__network=network).count()
    if total == 0:
        return None
    state = _current(network)
    generation = (state.generation if state else 0) + 1
    directory = network_dir(network) / f"gen-{generation}-{secrets.token_hex(4)}"
    done = 0

    def chunks() -> Iterator[list[engine.CompanyVector]]:
        nonlocal done
        for chunk in vectors(network, batch=batch):
            yield chunk
            done += len(chunk)
            if progress:
                progress(done, total)

    index = build_streaming(chunks(), directory, embed=embed)
    with transaction.atomic():
        state, _ = IndexState.objects.select_for_update().get_or_create(network=network)
        if state.generation >= generation:  # another build finished meanwhile: keep both apart
            generation = state.generation + 1
        state.generation = generation
        state.directory = directory.name
        state.base_change = base_change
        state.companies = len(index.table)
        state.built_at = started
        state.build_seconds = round(time.perf_counter() - began, 2)
        state.save()
        IndexChange.objects.filter(network=network, id__lte=base_change).delete()
    with _LIVE_LOCK:
        _LIVE[network.pk] = _Live(str(directory), index, base_change, threading.RLock())
    _remove_old_generations(network, keep=directory.name)
    return state


def _remove_old_generations(network: Network, keep: str) -> None:
    # Processes still reading an old generation keep their open files (POSIX semantics).
    for old in network_dir(network).glob("gen-*"):
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)


def index_note_changes(network: Network, company_ids: Sequence[int], changed_at=None) -> str:
    """Embed the changed profiles' texts and log the change for every process; or rebuild.

    Returns what was done: "built", "rebuilt", "logged" or "unchanged" (the current generation
    was built after the change and contains it).
    """
    state = _current(network)
    if state is None or state.generation == 0:
        return "built" if index_rebuild(network) else "unchanged"
    if changed_at is not None and state.built_at is not None and state.built_at >= changed_at:
        return "unchanged"
    pending = IndexChange.objects.filter(network=network, id__gt=state.base_change).count()
    # Small networks rebuild in seconds; large ones after a bounded log (every process replays
    # the log when it loads the index, so the log must stay short).
    limit = min(REBUILD_AFTER_CHANGES, max(50, int(state.companies * REBUILD_AFTER_SHARE)))
    if pending + len(company_ids) > limit:
        index_rebuild(network)
        return "rebuilt"
    texts = [
        item.text()
        for chunk in vectors(network, company_ids)
        for company in chunk
        for item in (*company.offers, *company.needs)
    ]
    if texts:
        embed(texts)  # into the shared cache, so that no web request waits for the model
    IndexChange.objects.bulk_create(
        [IndexChange(network=network, company_id=pk) for pk in sorted(set(company_ids))]
    )
    return "logged"


# --------------------------------------------------------------------------- the live index


@dataclass
class _Live:
    directory: str
    index: MatchIndex
    applied: int  # last IndexChange id contained
    lock: threading.RLock


_LIVE: dict[int, _Live] = {}
_LIVE_LOCK = threading.Lock()


def _live(network: Network) -> _Live | None:
    """The process's copy of the network's index, brought up to date with the change log."""
    state = _current(network)
    if state is None or state.generation == 0 or not state.directory:
        return None
    directory = str(network_dir(network) / state.directory)
    with _LIVE_LOCK:
        live = _LIVE.get(network.pk)
        if live is None or live.directory != directory:
            try:
                index = MatchIndex.load(directory, embed=embed)
            except FileNotFoundError:
                logger.warning("matching index %s missing; rebuild it", directory)
                return None
            live = _LIVE[network.pk] = _Live(directory, index, state.base_change, threading.RLock())
    with live.lock:
        changes = list(
            IndexChange.objects.filter(network=network, id__gt=live.applied)
            .order_by("id")
            .values_list("id", "company_id")
        )
        if changes:
            upsert(network, live.index, {company_id for _, company_id in changes})
            live.applied = changes[-1][0]
    return live


@contextmanager
def reading(network: Network) -> Iterator[MatchIndex | None]:
    """The network's up-to-date index for one query (None before the first build).

    Queries and edits of one process's copy take turns: an edit replaces arrays a query reads.
    Two queries when nothing changed (state, change log).
    """
    live = _live(network)
    if live is None:
        yield None
        return
    with live.lock:
        yield live.index


def live_index(network: Network) -> MatchIndex | None:
    """The network's index with every logged change applied (for scripts and tests)."""
    live = _live(network)
    return live.index if live else None


def upsert(network: Network, index: MatchIndex, company_ids: Iterable[int]) -> None:
    """Bring the given companies in `index` up to date with the database."""
    wanted = set(company_ids)
    for chunk in vectors(network, wanted):
        for company in chunk:
            index.upsert(company)
            wanted.discard(int(company.id))
    for gone in sorted(wanted):
        if str(gone) in index.table.row_of:
            index.upsert(_withdrawn(gone))


def ensure_company(network: Network, index: MatchIndex, company: Company) -> None:
    """A seeker not yet in the index (its task has not run) is added on the spot."""
    if str(company.pk) not in index.table.row_of:
        upsert(network, index, [company.pk])


def forget_live_indexes() -> None:
    """Drop every process-local index (tests; a settings change of MATCHING_DIR)."""
    with _LIVE_LOCK:
        _LIVE.clear()
