"""Importing and exporting company profiles of a network.

``import_profiles`` is the one import path (CLI, browser jobs, API): it streams the file in
batches, validates every record, compares it with what the network already holds under the same
``external_id`` and writes new and changed companies with bulk statements — all inside one
transaction, so a file with any error (or a failure halfway) writes nothing. Imported companies
get their place resolved and their derived fields computed exactly as edited ones do
(``services.resolve_place``, ``profile.derive``).

``import_validate(job)`` / ``import_commit(job)`` run it for an ``ImportJob`` (dry run, then
commit); ``export_profiles`` writes a network back out in any of the three formats.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import json
import logging
import multiprocessing
import queue
import re
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import Count, Max
from django.utils import timezone

from verbund.companies import profile as profile_data
from verbund.companies import signals
from verbund.companies.imports import formats
from verbund.companies.imports.validation import Problem, validate_profile
from verbund.companies.models import (
    AssessmentScore,
    Company,
    CompanyMember,
    Goal,
    ImportJob,
    Need,
    NetworkCompany,
    Offer,
)
from verbund.companies.services import EDITABLE_FIELDS, resolve_place
from verbund.lib import geo, nace
from verbund.tenancy.models import Network

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
# A job keeps this many errors and warnings to show; the counts are always complete.
STORED_PROBLEMS = 1000
# Companies listed without an external ID are exported as "verbund-<company id>", and such an ID
# finds the company again on re-import into the same network.
EXPORT_ID_PREFIX = "verbund-"
_EXPORT_ID = re.compile(re.escape(EXPORT_ID_PREFIX) + r"(\d+)")

# The stored state compared with an incoming record: every editable field plus the resolved region.
_COMPARED_FIELDS = tuple(sorted(EDITABLE_FIELDS | {"region"}))
_UPDATED_FIELDS = [*_COMPARED_FIELDS, *profile_data.DERIVED_FIELDS, "updated_at"]


@dataclass
class Outcome:
    """What an import found (dry run) or did (commit)."""

    records: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    written: bool = False
    network_created: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "error_count": len(self.errors),
            "warning_count": len(self.warnings),
            "warnings": [w.as_dict() for w in self.warnings[:STORED_PROBLEMS]],
        }


class _Rollback(Exception):
    """Leaves the import transaction without writing anything."""


@dataclass
class _Incoming:
    line: int
    record: profile_data.ProfileRecord
    fields: dict[str, Any]  # model fields with the place resolved
    derived: profile_data.Derived


Progress = Callable[[int], None]


def import_profiles(
    *,
    network: Network | None,
    source: formats.Source,
    fmt: str,
    dry_run: bool = True,
    progress: Progress | None = None,
    batch_size: int | None = None,
    workers: int = 0,
    expected_records: int = 0,
) -> Outcome:
    """Validate a profile file and (unless ``dry_run``) write it into ``network``, all or nothing.

    ``network`` may be None for a dry run into a network that does not exist yet. ``progress`` is
    called with the number of records handled after every batch. ``workers`` > 0 parses, checks
    and prepares records in that many forked processes while this one writes (for large files
    from the command line; the result is the same). ``expected_records`` (when known) of at
    least BULK_LOAD_RECORDS switches PostgreSQL to bulk-load mode (see ``_bulk_load``).
    """
    if not dry_run and network is None:
        raise ValueError("a commit needs a network")
    outcome = Outcome()
    batch_size = batch_size or BATCH_SIZE
    run = functools.partial(
        _run,
        outcome,
        network,
        source,
        fmt,
        progress=progress,
        batch_size=batch_size,
        workers=workers,
    )
    if dry_run:
        with _fewer_collections():
            run(write=False)
        return outcome
    try:
        with (
            _fewer_collections(),
            transaction.atomic(),
            _bulk_load(expected_records >= BULK_LOAD_RECORDS),
        ):
            run(write=True)
            if outcome.errors:
                raise _Rollback
            outcome.written = True
            signals.profiles_imported.send(sender=Network, network=network)
    except _Rollback:
        outcome.created = outcome.updated = outcome.unchanged = 0
    return outcome


# An import allocates millions of short-lived containers (parsed records, rows). With the default
# threshold (700) the collector runs so often that full collections, which walk every object of
# the process, took a third of the Python time; records hold no reference cycles worth chasing.
_IMPORT_GC_THRESHOLD = 100_000


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often for the duration of an import."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _IMPORT_GC_THRESHOLD), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


# From this many records on, a PostgreSQL import runs in bulk-load mode (see ``_bulk_load``).
BULK_LOAD_RECORDS = 20_000
# The tables an import writes.
_LOADED_MODELS = (Company, NetworkCompany, Offer, Need, Goal, AssessmentScore)


@contextlib.contextmanager
def _bulk_load(enabled: bool) -> Iterator[None]:
    """For very large imports on PostgreSQL: check the foreign keys of the loaded tables once at
    the end instead of row by row at commit time.

    Django's foreign keys are deferred: every child row (~15 per company) queued a lookup of its
    company that ran at commit, about a sixth of a 100,000-company import, all of it after the
    last record was written. Dropping the constraints for the load and adding them again
    checks every row in one join. Indexes stay: the database maintains them while this process
    reads and checks the next records (see ``_ahead``), so that work overlaps; rebuilding the
    trigram indexes at the end cost less in total but could not overlap with anything.

    All or nothing still holds: DDL is transactional in PostgreSQL, so a failed import rolls
    the drops back too, and a row that broke a constraint fails the import. The price: the
    loaded tables are locked for other sessions until the import commits, so this is only used
    from BULK_LOAD_RECORDS records on — an initial load, not a weekly update.
    """
    if not enabled or connection.vendor != "postgresql":
        yield
        return
    tables = [model._meta.db_table for model in _LOADED_MODELS]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # All locks at once, before anyone can slip in between two statements.
        cursor.execute(
            f"LOCK TABLE {', '.join(quote(table) for table in tables)} IN ACCESS EXCLUSIVE MODE"
        )
        # One transaction: not waiting for the WAL flush at its end loses nothing but the wait.
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute(
            "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%s::regclass[]) "
            "ORDER BY 1, 2",
            [tables],
        )
        foreign_keys = cursor.fetchall()
        if foreign_keys:
            # Rows written earlier in the same transaction still wait for their deferred
            # check, and PostgreSQL won't alter a table with such pending checks: run them now.
            names = ", ".join(name for _table, name, _definition in foreign_keys)
            cursor.execute(f"SET CONSTRAINTS {names} IMMEDIATE")
        for table, name, _definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
    yield
    with connection.cursor() as cursor:
        for table, name, definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
        # New trigram entries wait in the indexes' pending lists (fast update); merge them now
        # so the first directory searches don't scan those lists.
        cursor.execute(
            "SELECT gin_clean_pending_list(index.indexrelid) FROM pg_index AS index "
            "JOIN pg_class AS class ON class.oid = index.indexrelid "
            "JOIN pg_am AS method ON method.oid = class.relam "
            "WHERE method.amname = 'gin' AND index.indrelid = ANY(%s::regclass[])",
            [tables],
        )


@dataclass
class _Checked:
    """One record after reading, checking and (when valid) preparing it."""

    line: int
    is_record: bool  # False for problems with the file itself (header, unreadable workbook)
    external_id: str | None = None
    problems: list[Problem] = field(default_factory=list)
    item: _Incoming | None = None
    warning: Problem | None = None


def _check_chunk(chunk: list[tuple[int, Any]]) -> list[_Checked]:
    """Parse, validate and prepare records; pure work, so it can run in another process."""
    checked = []
    for line, payload in chunk:
        if isinstance(payload, Problem):
            checked.append(_Checked(line, False, problems=[payload]))
            continue
        if isinstance(payload, bytes):
            entry = formats.parse_json_line(line, payload)
            if entry.problem is not None:
                checked.append(_Checked(line, True, problems=[entry.problem]))
                continue
            payload = entry.profile
        external_id = payload.get("external_id") if isinstance(payload, dict) else None
        result = _Checked(line, True, external_id if isinstance(external_id, str) else None)
        result.problems = validate_profile(payload, line)
        if not result.problems:
            result.item, result.warning = _prepare(line, payload)
        checked.append(result)
    return checked


def _chunks(source: formats.Source, fmt: str, size: int) -> Iterator[list[tuple[int, Any]]]:
    if fmt == "jsonl":
        payloads: Iterator[tuple[int, Any]] = formats.jsonl_lines(source)
    else:
        payloads = (
            (entry.line, entry.problem or entry.profile) for entry in formats.read(source, fmt)
        )
    chunk: list[tuple[int, Any]] = []
    for payload in payloads:
        chunk.append(payload)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@contextlib.contextmanager
def _checked_chunks(
    source: formats.Source, fmt: str, size: int, workers: int
) -> Iterator[Iterator[list[_Checked]]]:
    chunks = _chunks(source, fmt, size)
    # Load the reference tables once, before another thread or process needs them.
    geo.resolve("Münster", "DE")
    nace.get("01")
    if workers <= 0:
        with _ahead(chunks, _check_chunk) as checked:
            yield checked
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield pool.imap(_check_chunk, chunks)


_AHEAD_CHUNKS = 2
_SWITCH_INTERVAL = 0.001  # seconds
_DONE = object()


@contextlib.contextmanager
def _ahead(items: Iterator[Any], work: Callable[[Any], Any]) -> Iterator[Iterator[Any]]:
    """``work(item)`` for every item, computed in a helper thread up to _AHEAD_CHUNKS ahead.

    While this thread waits for the database (the driver releases the GIL), the helper reads
    and checks the next chunks, so Python and the database server work on both cores at once.
    An error in the helper is raised here; leaving early stops the helper.
    """
    handoff: queue.Queue = queue.Queue(maxsize=_AHEAD_CHUNKS)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                handoff.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        error = None
        try:
            for item in items:
                if not put((work(item), None)):
                    return
        except BaseException as exc:  # handed to the consumer, which raises it
            error = exc
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()  # a generator reading the file: closes it in this thread
        put((_DONE, error))

    def consume() -> Iterator[Any]:
        while True:
            result, error = handoff.get()
            if error is not None:
                raise error
            if result is _DONE:
                return
            yield result

    helper = threading.Thread(target=produce, name="import-check", daemon=True)
    interval = sys.getswitchinterval()
    # After each answer from the database this thread needs the GIL back at once to send the
    # next statement; by default it could wait 5 ms for the busy helper to let go.
    sys.setswitchinterval(min(interval, _SWITCH_INTERVAL))
    helper.start()
    try:
        yield consume()
    finally:
        stop.set()
        helper.join()
        sys.setswitchinterval(interval)


def _run(
    outcome: Outcome,
    network: Network | None,
    source: formats.Source,
    fmt: str,
    *,
    write: bool,
    progress: Progress | None,
    batch_size: int,
    workers: int,
) -> None:
    tabular = fmt != "jsonl"
    first_line: dict[str, int] = {}
    batch: list[_Incoming] = []

    def problem(p: Problem) -> Problem:
        return Problem(p.line, formats.column_for(p.field), p.code, p.params) if tabular else p

    def flush() -> None:
        # Once the file is known to be bad nothing will be written: only keep validating.
        if batch and not outcome.errors:
            _process(outcome, network, batch, write=write)
        batch.clear()
        if progress is not None:
            progress(outcome.records)

    with _checked_chunks(source, fmt, batch_size, workers) as results:
        for chunk in results:
            for checked in chunk:
                outcome.records += checked.is_record
                problems = list(checked.problems)
                if checked.external_id and checked.external_id.strip():
                    first = first_line.setdefault(checked.external_id, checked.line)
                    if first != checked.line:
                        problems.append(
                            Problem(
                                checked.line,
                                "external_id",
                                "duplicate_external_id",
                                {"value": checked.external_id, "first_line": first},
                            )
                        )
                if problems:
                    outcome.errors.extend(problem(p) for p in problems)
                    continue
                assert checked.item is not None
                batch.append(checked.item)
                if checked.warning is not None:
                    outcome.warnings.append(problem(checked.warning))
            if len(batch) >= batch_size:
                flush()
    flush()
    if outcome.records == 0 and not outcome.errors:
        outcome.errors.append(Problem(0, "", "no_records"))


def _prepare(line: int, raw: dict[str, Any]) -> tuple[_Incoming, Problem | None]:
    record = profile_data.record_from_profile(raw)
    fields = dict(record.fields)
    fields["name"] = fields["name"].strip()
    stated_coordinates = fields.get("lat") is not None
    place = resolve_place(fields)
    warning = None
    if fields.get("city") and place is None and not stated_coordinates:
        warning = Problem(
            line, "city", "place_not_found", {"city": fields["city"], "country": fields["country"]}
        )
    record.goals.sort(key=lambda goal: goal["priority"])  # stored (and read back) in this order
    derived = profile_data.derive(fields, record.offers, record.needs, record.goals, record.scores)
    return _Incoming(line, record, fields, derived), warning


def _state(fields: dict[str, Any], offers, needs, goals, scores, notes) -> tuple:
    return (
        tuple(fields.get(name) for name in _COMPARED_FIELDS),
        [(o["title"], o["description"], o["nace_codes"], o["keywords"]) for o in offers],
        [
            (n["title"], n["description"], n["nace_codes"], n["keywords"], n["priority"])
            for n in needs
        ],
        [(g["goal"], g["priority"], g["markets"]) for g in goals],
        dict(scores),
        {key: note for key, note in notes.items() if note},
    )


def _existing(network: Network | None, external_ids: Sequence[str]) -> dict[str, NetworkCompany]:
    """The network's listings for these external IDs, in two queries at most."""
    if network is None:
        return {}
    listings = {
        listing.external_id: listing
        for listing in NetworkCompany.objects.filter(
            network=network, external_id__in=external_ids
        ).only("pk", "company_id", "external_id")
    }
    legacy = {}
    for external_id in external_ids:
        match = _EXPORT_ID.fullmatch(external_id)
        if match and external_id not in listings:
            legacy[int(match.group(1))] = external_id
    if legacy:
        for listing in NetworkCompany.objects.filter(
            network=network, external_id="", company_id__in=list(legacy)
        ).only("pk", "company_id", "external_id"):
            listings[legacy[listing.company_id]] = listing
    return listings


def _stored_parts(company_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Offers, needs, goals and scores of these companies, in four queries."""
    parts: dict[int, dict[str, Any]] = {
        pk: {"offers": [], "needs": [], "goals": [], "scores": {}, "notes": {}}
        for pk in company_ids
    }
    for row in (
        Offer.objects.filter(company_id__in=company_ids)
        .order_by("company_id", "position", "pk")
        .values("company_id", "title", "description", "nace_codes", "keywords")
    ):
        parts[row["company_id"]]["offers"].append(row)
    for row in (
        Need.objects.filter(company_id__in=company_ids)
        .order_by("company_id", "position", "pk")
        .values("company_id", "title", "description", "nace_codes", "keywords", "priority")
    ):
        parts[row["company_id"]]["needs"].append(row)
    for row in (
        Goal.objects.filter(company_id__in=company_ids)
        .order_by("company_id", "priority", "pk")
        .values("company_id", "goal", "priority", "markets")
    ):
        parts[row["company_id"]]["goals"].append(row)
    for row in (
        AssessmentScore.objects.filter(company_id__in=company_ids)
        .order_by("company_id", "pk")
        .values("company_id", "dimension", "score", "note")
    ):
        parts[row["company_id"]]["scores"][row["dimension"]] = row["score"]
        parts[row["company_id"]]["notes"][row["dimension"]] = row["note"]
    return parts


def _process(
    outcome: Outcome, network: Network | None, incoming: list[_Incoming], *, write: bool
) -> None:
    listings = _existing(network, [item.record.external_id for item in incoming])
    company_ids = [listing.company_id for listing in listings.values()]
    companies = Company.objects.in_bulk(company_ids) if company_ids else {}
    stored = _stored_parts(company_ids) if company_ids else {}

    new: list[_Incoming] = []
    changed: list[tuple[_Incoming, Company]] = []
    relabelled: list[NetworkCompany] = []
    for item in incoming:
        listing = listings.get(item.record.external_id)
        if listing is None:
            new.append(item)
            continue
        if listing.external_id != item.record.external_id:
            listing.external_id = item.record.external_id
            relabelled.append(listing)
        company = companies[listing.company_id]
        parts = stored[company.pk]
        before = _state(
            {name: getattr(company, name) for name in _COMPARED_FIELDS},
            parts["offers"],
            parts["needs"],
            parts["goals"],
            parts["scores"],
            parts["notes"],
        )
        record = item.record
        after = _state(
            item.fields, record.offers, record.needs, record.goals, record.scores, record.notes
        )
        if before == after:
            outcome.unchanged += 1
        else:
            changed.append((item, company))
    kept = _kept_by_others(network, [company.pk for _item, company in changed])
    for item, company in [pair for pair in changed if pair[1].pk in kept]:
        # Left as it is and said so: the file goes on to change what the network looks after.
        outcome.unchanged += 1
        outcome.warnings.append(
            Problem(item.line, "", "company_keeps_profile", {"name": company.name})
        )
    changed = [pair for pair in changed if pair[1].pk not in kept]
    outcome.created += len(new)
    outcome.updated += len(changed)
    if write:
        assert network is not None
        _write_batch(network, new, changed, relabelled)


def _kept_by_others(network: Network | None, company_ids: list[int]) -> set[int]:
    """Companies an import into ``network`` must not change, in two queries at most.

    The same rule as for a coordinator editing by hand (decision 0002, addendum): the network
    changes only the companies it alone looks after, not those with people of their own who can
    edit them nor those also listed in another network.
    """
    if network is None or not company_ids:
        return set()
    with_editors = CompanyMember.objects.filter(
        company_id__in=company_ids,
        role__in=CompanyMember.EDITING_ROLES,
        user__is_active=True,
    ).values_list("company_id", flat=True)
    listed_elsewhere = (
        NetworkCompany.objects.filter(company_id__in=company_ids)
        .exclude(network=network)
        .values_list("company_id", flat=True)
    )
    return set(with_editors) | set(listed_elsewhere)


def _company(item: _Incoming, company: Company | None = None) -> Company:
    company = company or Company()
    for name in _COMPARED_FIELDS:
        setattr(company, name, item.fields.get(name, profile_data.EMPTY.get(name)))
    for name in profile_data.DERIVED_FIELDS:
        setattr(company, name, getattr(item.derived, name))
    return company


class _Rows:
    """Child rows of a batch as plain tuples, inserted with one ``executemany`` per table.

    Building model instances and letting ``bulk_create`` compile one huge statement costs more
    than the database work itself for the ~15 child rows a company brings; plain parameter rows
    keep the import at thousands of companies per second. Only JSON values need adapting.
    """

    def __init__(self) -> None:
        self.rows: dict[type, list[tuple]] = defaultdict(list)

    def add(self, company_id: int, record: profile_data.ProfileRecord) -> None:
        rows = self.rows
        for position, o in enumerate(record.offers):
            rows[Offer].append(
                (company_id, position, o["title"], o["description"], o["nace_codes"], o["keywords"])
            )
        for position, n in enumerate(record.needs):
            rows[Need].append(
                (
                    company_id,
                    position,
                    n["title"],
                    n["description"],
                    n["nace_codes"],
                    n["keywords"],
                    n["priority"],
                )
            )
        for goal in record.goals:
            rows[Goal].append((company_id, goal["goal"], goal["priority"], goal["markets"]))
        for dimension, score in record.scores.items():
            rows[AssessmentScore].append(
                (company_id, dimension, score, record.notes.get(dimension, ""))
            )

    def insert(self) -> None:
        for model, rows in self.rows.items():
            _insert(model, _CHILD_COLUMNS[model], rows)


_ITEM_COLUMNS = ("company", "position", "title", "description", "nace_codes", "keywords")
_CHILD_COLUMNS: dict[type, tuple[str, ...]] = {
    Offer: _ITEM_COLUMNS,
    Need: (*_ITEM_COLUMNS, "priority"),
    Goal: ("company", "goal", "priority", "markets"),
    AssessmentScore: ("company", "dimension", "score", "note"),
    NetworkCompany: ("network", "company", "external_id", "created_at"),
}


def _insert(model: type, names: Sequence[str], rows: list[tuple]) -> None:
    """Insert plain rows: COPY on PostgreSQL, ``executemany`` elsewhere."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in names]
    json_at = [i for i, f in enumerate(fields) if f.get_internal_type() == "JSONField"]
    if json_at:
        # JSON text, as the backends' adapt_json_value makes it, but without wrapping every
        # value in an adapter object first (there are ~20 JSON values per company).
        dumps = json.dumps
        prepared = []
        for row in rows:
            values = list(row)
            for i in json_at:
                values[i] = dumps(values[i])
            prepared.append(values)
        rows = prepared
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"  # noqa: S608
        for start in range(0, len(rows), 5000):
            cursor.executemany(sql, rows[start : start + 5000])


_COMPANY_COLUMNS = (
    "id",
    *_COMPARED_FIELDS,
    *profile_data.DERIVED_FIELDS,
    "created_at",
    "updated_at",
)


def _new_company_ids(count: int) -> list[int]:
    """Primary keys for ``count`` new companies, taken before inserting them.

    Knowing the keys up front lets companies and their child rows go in with COPY/executemany
    instead of one RETURNING statement per company. PostgreSQL hands them out from the table's
    sequence; SQLite continues after the largest key, which is safe because the import holds
    SQLite's single write lock for its whole transaction.
    """
    table = Company._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        first = cursor.fetchone()[0] + 1
        return list(range(first, first + count))


def _check_company_columns() -> None:
    # A new Company column would be left out of the raw insert; fail loudly instead.
    stored = {f.attname for f in Company._meta.concrete_fields}
    missing = stored - set(_COMPANY_COLUMNS)
    if missing:
        raise RuntimeError(f"profile import does not write Company fields: {sorted(missing)}")


def _write_batch(
    network: Network,
    new: list[_Incoming],
    changed: list[tuple[_Incoming, Company]],
    relabelled: list[NetworkCompany],
) -> None:
    """Write one batch with bulk statements; called inside the import's transaction."""
    children = _Rows()
    now = timezone.now()
    if new:
        _check_company_columns()
        ids = _new_company_ids(len(new))
        company_rows = []
        for company_id, item in zip(ids, new, strict=True):
            fields, derived = item.fields, item.derived
            company_rows.append(
                (
                    company_id,
                    *(fields.get(name, profile_data.EMPTY.get(name)) for name in _COMPARED_FIELDS),
                    *(getattr(derived, name) for name in profile_data.DERIVED_FIELDS),
                    now,
                    now,
                )
            )
            children.add(company_id, item.record)
        _insert(Company, _COMPANY_COLUMNS, company_rows)
        _insert(
            NetworkCompany,
            _CHILD_COLUMNS[NetworkCompany],
            [
                (network.pk, company_id, item.record.external_id, now)
                for company_id, item in zip(ids, new, strict=True)
            ],
        )
    if changed:
        updated = []
        for item, company in changed:
            _company(item, company).updated_at = now
            updated.append(company)
            children.add(company.pk, item.record)
        Company.objects.bulk_update(updated, _UPDATED_FIELDS, batch_size=250)
        changed_ids = [company.pk for company in updated]
        for model in (Offer, Need, Goal, AssessmentScore):
            model.objects.filter(company_id__in=changed_ids).delete()
    if relabelled:
        NetworkCompany.objects.bulk_update(relabelled, ["external_id"])
    children.insert()


# --- jobs --------------------------------------------------------------------------------------


def import_job_create(*, network: Network, user, upload: UploadedFile, fmt: str = "") -> ImportJob:
    """Store an uploaded file as a pending import job (format from the name when not given)."""
    name = upload.name or "upload"
    if fmt not in formats.FORMATS:
        head = upload.read(8)
        upload.seek(0)
        fmt = formats.format_from_name(name, head)
    job = ImportJob(network=network, created_by=user, file_name=name[:255], format=fmt)
    job.file.save(name, upload, save=False)
    job.save()
    return job


class _JobProgress:
    """Writes ``job.processed`` so the browser can follow a long import.

    During a commit the import's transaction is still open, so on PostgreSQL the figure goes
    through a second connection that commits at once; SQLite has a single writer, so there the
    figure is only written when the transaction ends.
    """

    def __init__(self, job: ImportJob) -> None:
        self.job = job
        self.side = None

    def __call__(self, processed: int) -> None:
        self.job.processed = processed
        if not connection.in_atomic_block:
            ImportJob.objects.filter(pk=self.job.pk).update(processed=processed)
        elif connection.vendor == "postgresql":
            if self.side is None:
                self.side = connections.create_connection(DEFAULT_DB_ALIAS)
            with self.side.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {ImportJob._meta.db_table} SET processed = %s WHERE id = %s",  # noqa: S608
                    [processed, self.job.pk],
                )

    def close(self) -> None:
        if self.side is not None:
            self.side.close()


def _finish(job: ImportJob, outcome: Outcome, status: str) -> None:
    job.status = status
    job.errors = [e.as_dict() for e in outcome.errors[:STORED_PROBLEMS]]
    job.summary = outcome.summary()
    job.total = outcome.records
    job.processed = outcome.records
    if status in (ImportJob.Status.DONE, ImportJob.Status.FAILED, ImportJob.Status.INVALID):
        job.finished_at = timezone.now()
    job.save(update_fields=["status", "errors", "summary", "total", "processed", "finished_at"])


def import_validate(job: ImportJob) -> ImportJob:
    """Dry run: check every record and count what a commit would create, update and keep."""
    job.status = ImportJob.Status.VALIDATING
    job.processed = 0
    with job.file.open("rb") as handle:
        job.total = formats.count(handle, job.format)
        job.save(update_fields=["status", "processed", "total"])
        progress = _JobProgress(job)
        outcome = import_profiles(
            network=job.network, source=handle, fmt=job.format, dry_run=True, progress=progress
        )
    _finish(job, outcome, ImportJob.Status.VALID if outcome.ok else ImportJob.Status.INVALID)
    return job


def import_commit(job: ImportJob) -> ImportJob:
    """Write a validated job's file into its network, all or nothing."""
    if job.status != ImportJob.Status.VALID:
        raise ValueError(f"import job {job.pk} is {job.status}, not valid")
    job.status = ImportJob.Status.RUNNING
    job.processed = 0
    job.save(update_fields=["status", "processed"])
    progress = _JobProgress(job)
    try:
        with job.file.open("rb") as handle:
            outcome = import_profiles(
                network=job.network,
                source=handle,
                fmt=job.format,
                dry_run=False,
                progress=progress,
                expected_records=job.total,
            )
    except Exception as exc:
        logger.exception("import job %s failed", job.pk)
        outcome = Outcome(errors=[Problem(0, "", "commit_failed", {"detail": str(exc)[:300]})])
    finally:
        progress.close()
    if outcome.written:
        _finish(job, outcome, ImportJob.Status.DONE)
    elif outcome.errors and outcome.errors[0].code == "commit_failed":
        _finish(job, outcome, ImportJob.Status.FAILED)
    else:
        _finish(job, outcome, ImportJob.Status.INVALID)
    return job


# --- export ------------------------------------------------------------------------------------


def export_profiles(network: Network, *, batch_size: int = BATCH_SIZE) -> Iterator[dict[str, Any]]:
    """Every profile listed in the network, in the interchange format, in listing order.

    Queries per batch are fixed (listings, companies, four child tables).
    """
    last = 0
    while True:
        listings = list(
            NetworkCompany.objects.filter(network=network, pk__gt=last)
            .order_by("pk")
            .values_list("pk", "company_id", "external_id")[:batch_size]
        )
        if not listings:
            return
        last = listings[-1][0]
        ids = [company_id for _pk, company_id, _external in listings]
        companies = Company.objects.in_bulk(ids)
        parts = _stored_parts(ids)
        for _pk, company_id, external_id in listings:
            company = companies[company_id]
            fields = {name: getattr(company, name) for name in _COMPARED_FIELDS}
            p = parts[company_id]
            yield profile_data.profile_from_parts(
                external_id or f"{EXPORT_ID_PREFIX}{company_id}",
                fields,
                p["offers"],
                p["needs"],
                p["goals"],
                p["scores"],
                {key: note for key, note in p["notes"].items() if note},
            )


def _group_counts(network: Network) -> tuple[int, int, int]:
    """The most offers, needs and goals any company of the network has (for CSV columns)."""
    counts = []
    for model in (Offer, Need, Goal):
        most = (
            model.objects.filter(company__listings__network=network)
            .values("company_id")
            .annotate(n=Count("pk"))
            .aggregate(most=Max("n"))["most"]
        )
        counts.append(most or 0)
    return counts[0], counts[1], counts[2]


def export_write(network: Network, fmt: str, out: IO[bytes]) -> None:
    """Write the network's profiles to a binary stream in ``fmt`` (jsonl, csv, xlsx)."""
    profiles = export_profiles(network)
    if fmt == "jsonl":
        text = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True)
        formats.write_jsonl(profiles, text)
        text.detach()
        return
    columns = formats.export_columns(*_group_counts(network))
    rows = (formats.row_from_profile(profile, columns) for profile in profiles)
    if fmt == "csv":
        # UTF-8 with BOM and ';': German Excel opens it with umlauts and in columns.
        text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
        formats.write_csv(rows, columns, text)
        text.detach()
    elif fmt == "xlsx":
        formats.write_xlsx(rows, columns, out)
    else:
        raise ValueError(f"unknown format {fmt!r}")
