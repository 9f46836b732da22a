"""From the database to the pure health input: partnerships as ``history.Partnership`` and their
recorded rows as events.

Every source of events is one query (``values_list`` of integers: the day is computed in SQL as a
``date.toordinal()`` number, money as cents), so the same code serves three sizes:

- every partnership of a network (the full recompute): ``load(network_ids)`` gives the columnar
  ``Facts`` and ``EventTable`` of the pure core in about a dozen queries, whatever the number of
  partnerships;
- one partnership (a rebuild): ``load(partnership_ids=[pk])`` and ``history(...)``;
- one changed row (the incremental path): ``row_events(model, pk)``.

Where the rows come from (issue 7):

- referral given / first answer / won (closed value) / lost or no fit: ``referrals.Referral``
  with a partnership (``created_at``, ``first_answer_at``, ``closed_at``);
- client rating of the receiver's service: ``referrals.ReferralFeedback`` (answered);
- joint activity or meeting, by its initiator, and its leads, projects won, revenue sourced and
  influenced as reported KPI values: ``activities.JointActivity`` (``starts_at`` up to today:
  planned ones count when they happen);
- cost item (with its split) and settlement: ``activities.CostItem``, ``activities.Settlement``;
- review with each party's factor scores: ``partnerships.ReviewSubmission`` of completed reviews
  only, dated the day the review completed (scores stay hidden until every party submitted, and
  so does their effect);
- contact request sent / answered: ``partnerships.ContactRequest`` linked to the partnership
  (sent to a company the sender has an ``identified`` partnership with, or accepted), dated the
  day the recipient got it (a mediated one when forwarded; none while in mediation) and its
  first answer (``first_answer_at``: accepted, declined, or the recipient's first message);
- custom KPI values: ``partnerships.KpiActual`` of the agreement's ``custom`` KPIs (catalogue
  KPIs are counted from the rows above);
- stage and since when, parties, agreement (start, review cadence, KPI targets):
  ``Partnership``, ``PartnershipParty``, the active ``AgreementVersion``.

Not recorded anywhere, so not used: who "started" a referral conversation beyond the referral
itself, and action items of reviews (kept commitments). A contact request without a
partnership (no ``identified`` one between the two companies when it was sent) is outside every
partnership's health; the contact reminder nudges its recipient instead.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np
import psycopg
from django.db import connection, connections
from django.db.models import (
    BigIntegerField,
    Case,
    DateTimeField,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Round
from django.utils import timezone
from psycopg.adapt import Loader
from psycopg.pq import Format

from verbund.activities import kinds as activity_kinds
from verbund.activities.models import CostItem, JointActivity, Settlement
from verbund.health import aggregates
from verbund.health import history as h
from verbund.lib import money
from verbund.partnerships import agreement_terms
from verbund.partnerships.models import (
    AgreementVersion,
    ContactRequest,
    KpiActual,
    Partnership,
    PartnershipParty,
    Review,
    ReviewSubmission,
)
from verbund.referrals import flow
from verbund.referrals.models import Referral, ReferralFeedback

NONE = aggregates.NONE
KIND = aggregates.KIND_CODE
PERIOD_DAYS = {"month": 30, "quarter": 91, "year": 365}
# Referral KPIs with a direction {from, to}: whose figure the target is about.
FROM_PARTY_KPIS = frozenset({"referrals_given", "referrals_won"})
TO_PARTY_KPIS = frozenset({"referrals_received", "sourced_revenue"})
MONEY_KPIS = money.MONEY_KPIS  # one list for pages, reports and the health core
CUSTOM = "custom"


class DayNumber(Func):
    """A date or a moment (as a local day) as ``date.toordinal()``, computed by the database."""

    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra):  # type: ignore[override]
        expression = self.source_expressions[0]
        sql, params = compiler.compile(expression)
        if isinstance(expression.output_field, DateTimeField):
            sql, params = connection.ops.datetime_cast_date_sql(
                sql, tuple(params), timezone.get_current_timezone_name()
            )
        if connection.vendor == "postgresql":
            return f"(({sql})::date - DATE '0001-01-01' + 1)", params
        if connection.vendor == "sqlite":
            return f"CAST(julianday({sql}) - 1721424.5 AS INTEGER)", params
        raise NotImplementedError(
            f"health sources need PostgreSQL or SQLite, not {connection.vendor}"
        )


def cents(expression: Any) -> Cast:
    return Cast(
        Round(F(expression) * 100) if isinstance(expression, str) else expression, BigIntegerField()
    )


def today() -> dt.date:
    return timezone.localdate()


# ---------------------------------------------------------------------------------------------
# Sources: one query each, uniform integer columns
# ---------------------------------------------------------------------------------------------

# Columns of every source row: partnership, row pk, day, by (company), to (company or NONE),
# ref (referral/contact id; 1 = campaign for activities; KPI name index), amount (cents or
# units), rating. Source code (the event key prefix) and the event kind come from the source.


@dataclass(frozen=True)
class Source:
    code: str  # event key prefix: "<code>:<row pk>"
    model: type
    kind: str


SOURCES = (
    Source("rg", Referral, h.REFERRAL_GIVEN),
    Source("ra", Referral, h.REFERRAL_ANSWERED),
    Source("rw", Referral, h.REFERRAL_WON),
    Source("rl", Referral, h.REFERRAL_LOST),
    Source("fb", ReferralFeedback, h.SERVICE_RATED),
    Source("ja", JointActivity, h.JOINT_ACTIVITY),  # or a meeting, by the activity's kind
    Source("kl", JointActivity, h.KPI_REPORTED),  # leads
    Source("kp", JointActivity, h.KPI_REPORTED),  # projects won
    Source("ks", JointActivity, h.KPI_REPORTED),  # revenue sourced
    Source("ki", JointActivity, h.KPI_REPORTED),  # revenue influenced
    Source("co", CostItem, h.COST_ITEM),
    Source("se", Settlement, h.SETTLEMENT),
    Source("rv", ReviewSubmission, h.REVIEW),
    Source("ka", KpiActual, h.KPI_REPORTED),
    Source("cs", ContactRequest, h.CONTACT_REQUEST_SENT),
    Source("cx", ContactRequest, h.CONTACT_REQUEST_ANSWERED),
)
SOURCE_INDEX = {source.code: i for i, source in enumerate(SOURCES)}
ACTIVITY_KPIS = {
    "kl": "leads",
    "kp": "projects_won",
    "ks": "sourced_revenue",
    "ki": "influenced_revenue",
}
MODELS = (
    Referral,
    ReferralFeedback,
    JointActivity,
    CostItem,
    Settlement,
    ReviewSubmission,
    KpiActual,
    ContactRequest,
)
ZERO = Value(0, output_field=BigIntegerField())
NO_PARTY = Value(NONE, output_field=BigIntegerField())


@dataclass
class Raw:
    """Rows of all sources as columns, before partnerships and parties become row indexes."""

    source: np.ndarray  # index into SOURCES
    partnership: np.ndarray
    pk: np.ndarray
    day: np.ndarray
    kind: np.ndarray  # KIND_CODE
    by: np.ndarray  # company id
    to: np.ndarray  # company id or NONE
    ref: np.ndarray
    amount: np.ndarray
    rating: np.ndarray
    scores: dict[int, dict[str, int]] = field(default_factory=dict)  # row -> factor scores
    shares: dict[int, dict[str, float]] = field(default_factory=dict)  # row -> company: share
    kpi_names: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.pk)

    def key(self, i: int) -> str:
        return f"{SOURCES[int(self.source[i])].code}:{int(self.pk[i])}"

    def fingerprint(self, i: int) -> str:
        """What an edit of the row would change (a changed fingerprint forces a rebuild)."""
        extra = self.scores.get(i) or self.shares.get(i) or ""
        return (
            f"{self.day[i]}|{self.kind[i]}|{self.by[i]}|{self.to[i]}|{self.ref[i]}|"
            f"{self.amount[i]}|{self.rating[i]}|{json.dumps(extra, sort_keys=True)}"
        )


def _rows(queryset: QuerySet, *columns: Any) -> np.ndarray:
    """Integer columns of a query as an [N, C] array. On PostgreSQL the rows come as one binary
    array that numpy reads (the full recompute reads millions of rows; Python objects per value
    would cost more than the scoring)."""
    values = queryset.values_list(*columns)
    if connection.vendor == "postgresql":
        return _array_rows(values.query, len(columns))
    return np.array(list(values), dtype=np.int64).reshape(-1, len(columns))


def _array_rows(query: Any, width: int) -> np.ndarray:
    """A query's integer rows as one two-dimensional ``bigint`` array in PostgreSQL's binary
    format, read by numpy without parsing: no text for PostgreSQL to print nor for numpy to
    parse, and no Python per row (COPY hands over one row per message, a round of Python each,
    which threads reading in parallel then wait on). One value holds at most 1 GB: about ten
    million rows of eight columns per source and network, ten times the target's largest.
    The rows come in the query's order, as the aggregate reads its ordered subquery."""
    sql, params = query.sql_with_params()
    names = ", ".join(f"c{i}" for i in range(width))
    as_bigint = ", ".join(f"c{i}::bigint" for i in range(width))
    # The query's parameters bound by the client, as Django does; then a cursor of the same
    # connection that may ask for binary results (Django's client-side cursors may not).
    with connection.cursor() as cursor, psycopg.Cursor(cursor.connection) as raw:
        statement = psycopg.ClientCursor(cursor.connection).mogrify(sql, params)
        raw.adapters.register_loader(INT8_ARRAY, _Bytes)
        raw.execute(
            f"SELECT array_agg(ARRAY[{as_bigint}]) FROM ({statement}) AS q({names})",  # noqa: S608
            binary=True,
        )
        row = raw.fetchone()
    data = row[0] if row else None
    if data is None:
        return np.zeros((0, width), dtype=np.int64)
    # header: dimensions, has-nulls flag, element type, then (size, lower bound) per dimension
    dimensions, has_nulls = np.frombuffer(data, dtype=">i4", count=2)
    if has_nulls:
        raise ValueError("health sources give integers only, not NULL")
    cells = np.frombuffer(data, dtype=[("length", ">i4"), ("value", ">i8")],
                          offset=12 + 8 * int(dimensions))  # fmt: skip
    return cells["value"].astype(np.int64).reshape(-1, width)


INT8_ARRAY = psycopg.postgres.types["int8"].array_oid


class _Bytes(Loader):
    """A binary value as its bytes (numpy reads them)."""

    format = Format.BINARY

    def load(self, data: Any) -> bytes:
        return bytes(data)


Chunk = tuple[str, np.ndarray, dict[int, Any] | None]


def _referrals(scope: Q, until: dt.date) -> list[Chunk]:
    base = Referral.objects.filter(scope, partnership__isnull=False)
    pid = "partnership_id"
    return [
        (
            "rg",
            _rows(
                base.filter(created_at__date__lte=until),
                pid,
                "pk",
                DayNumber("created_at"),
                "referrer_company_id",
                "receiver_company_id",
                "pk",
                ZERO,
                ZERO,
            ),
            None,
        ),
        (
            "ra",
            _rows(
                base.filter(first_answer_at__isnull=False, first_answer_at__date__lte=until),
                pid,
                "pk",
                DayNumber("first_answer_at"),
                "receiver_company_id",
                NO_PARTY,
                "pk",
                ZERO,
                ZERO,
            ),
            None,
        ),
        (
            "rw",
            _rows(
                base.filter(status=flow.WON, closed_at__isnull=False, closed_at__date__lte=until),
                pid,
                "pk",
                DayNumber("closed_at"),
                "receiver_company_id",
                NO_PARTY,
                "pk",
                Coalesce(cents("closed_value"), ZERO),
                ZERO,
            ),
            None,
        ),
        (
            "rl",
            _rows(
                base.filter(
                    status__in=(flow.LOST, flow.NO_FIT),
                    closed_at__isnull=False,
                    closed_at__date__lte=until,
                ),
                pid,
                "pk",
                DayNumber("closed_at"),
                "receiver_company_id",
                NO_PARTY,
                "pk",
                ZERO,
                ZERO,
            ),
            None,
        ),
    ]


def _feedback(scope: Q, until: dt.date) -> list[Chunk]:
    rows = ReferralFeedback.objects.filter(
        scope,
        referral__partnership__isnull=False,
        rating__isnull=False,
        given_at__isnull=False,
        given_at__date__lte=until,
    )
    return [
        (
            "fb",
            _rows(
                rows,
                "referral__partnership_id",
                "pk",
                DayNumber("given_at"),
                "referral__receiver_company_id",
                NO_PARTY,
                ZERO,
                ZERO,
                "rating",
            ),
            None,
        ),
    ]


def _activities(scope: Q, until: dt.date) -> list[Chunk]:
    rows = JointActivity.objects.filter(scope, starts_at__date__lte=until)
    # the activity's kind as a number: 2 = a meeting, 1 = a campaign, 0 = other
    sort = Case(
        When(kind__in=activity_kinds.MEETING_KINDS, then=Value(2)),
        When(kind__in=activity_kinds.CAMPAIGN_KINDS, then=Value(1)),
        default=Value(0),
        output_field=BigIntegerField(),
    )
    # One query for the activity and the KPI values it reports (leads, projects, revenue).
    table = _rows(
        rows, "partnership_id", "pk", DayNumber("starts_at"), "initiator_id", NO_PARTY, sort,
        "leads", "projects_won", cents("revenue_sourced"), cents("revenue_influenced"),
    )  # fmt: skip
    zeros = np.zeros((len(table), 1), dtype=np.int64)
    out: list[Chunk] = [("ja", np.hstack([table[:, :6], zeros, zeros]), None)]
    for column, code in enumerate(("kl", "kp", "ks", "ki"), start=6):
        reported = table[table[:, column] > 0]
        kpi = np.hstack([reported[:, :5], zeros[: len(reported)], reported[:, [column]],
                         zeros[: len(reported)]])  # fmt: skip
        out.append((code, kpi, None))
    return out


def _costs(scope: Q, until: dt.date) -> list[Chunk]:
    costs = CostItem.objects.filter(scope, spent_on__lte=until)
    settlements = Settlement.objects.filter(scope, paid_on__lte=until)
    columns = ("partnership_id", "pk", DayNumber("spent_on"), "paid_by_id", NO_PARTY, ZERO)
    shares = dict(costs.values_list("pk", Cast("shares", TextField())))
    return [
        ("co", _rows(costs, *columns, cents("amount"), ZERO), shares),
        ("se", _rows(settlements, "partnership_id", "pk", DayNumber("paid_on"), "payer_id",
                     "payee_id", ZERO, cents("amount"), ZERO), None),
    ]  # fmt: skip


def _reviews(scope: Q, until: dt.date) -> list[Chunk]:
    rows = ReviewSubmission.objects.filter(
        scope,
        review__status=Review.Status.COMPLETED,
        review__completed_at__isnull=False,
        review__completed_at__date__lte=until,
    )
    columns = ("review__partnership_id", "pk", DayNumber("review__completed_at"), "company_id")
    scores = dict(rows.values_list("pk", "scores"))
    return [("rv", _rows(rows, *columns, NO_PARTY, ZERO, ZERO, ZERO), scores)]


def _kpi_actuals(scope: Q, until: dt.date) -> list[Chunk]:
    rows = KpiActual.objects.filter(scope, entered_at__date__lte=until)
    terms = {
        pk: (terms, actual)
        for pk, terms, actual in rows.values_list(
            "pk", "review__agreement_version__terms", "actual"
        )
    }
    columns = ("review__partnership_id", "pk", DayNumber("entered_at"), ZERO, NO_PARTY)
    return [("ka", _rows(rows, *columns, "position", ZERO, ZERO), terms)]


def _contacts(scope: Q, until: dt.date) -> list[Chunk]:
    # A request waits for its recipient from the day the recipient could read it: at once, or
    # when the coordinator forwarded a mediated one. Still in mediation it is not the
    # recipient's to answer (and an alert on it would tell the recipient of a request it cannot
    # see yet). Older forwarded rows have no `forwarded_at`: their sending day stands in.
    base = ContactRequest.objects.filter(scope, partnership__isnull=False).exclude(
        status=ContactRequest.Status.MEDIATION
    )
    received = Coalesce("forwarded_at", "created_at")
    # The first answer: accepted, declined or the recipient's first message in the thread
    # ("answered with a question", domain.md), kept on the row by the services; rows written
    # around the services (bulk loads) may only have `answered_at`.
    answered = Coalesce("first_answer_at", "answered_at")
    base = base.annotate(received_at=received, first_reply_at=answered)
    return [
        (
            "cs",
            _rows(
                base.filter(received_at__date__lte=until),
                "partnership_id",
                "pk",
                DayNumber("received_at"),
                "sender_id",
                "recipient_id",
                "pk",
                ZERO,
                ZERO,
            ),
            None,
        ),
        (
            "cx",
            _rows(
                base.filter(first_reply_at__isnull=False, first_reply_at__date__lte=until),
                "partnership_id",
                "pk",
                DayNumber("first_reply_at"),
                "recipient_id",
                NO_PARTY,
                "pk",
                ZERO,
                ZERO,
            ),
            None,
        ),
    ]


# How each model's rows are reached from a partnership filter (the scope of a query).
READERS = (
    (Referral, "partnership_id", _referrals),
    (ReferralFeedback, "referral__partnership_id", _feedback),
    (JointActivity, "partnership_id", _activities),
    (CostItem, "partnership_id", _costs),
    (ReviewSubmission, "review__partnership_id", _reviews),
    (KpiActual, "review__partnership_id", _kpi_actuals),
    (ContactRequest, "partnership_id", _contacts),
)
# Settlements are read together with the cost items.
READER_OF_MODEL = {model: (path, reader) for model, path, reader in READERS}
READER_OF_MODEL[Settlement] = ("partnership_id", _costs)


def _scope(
    path: str,
    *,
    network_ids: Sequence[int] | None,
    partnership_ids: Sequence[int] | None,
    pk: int | None = None,
) -> Q:
    q = Q()
    if partnership_ids is not None:
        q &= Q(**{f"{path}__in": list(partnership_ids)})
    if network_ids is not None:
        network_path = path.removesuffix("_id") + "__network_id"
        q &= Q(**{f"{network_path}__in": list(network_ids)})
    if pk is not None:
        q &= Q(pk=pk)
    return q


def _custom_kpi_name(terms: Any, position: int) -> str | None:
    rows = (terms or {}).get("kpis") or [] if isinstance(terms, dict) else []
    if not 0 <= position < len(rows) or rows[position].get("key") != CUSTOM:
        return None
    return f"{CUSTOM}:{str(rows[position].get('label') or '').strip()}"


def _assemble(chunks: Iterable[Chunk]) -> Raw:
    """Uniform columns from the sources' rows (the few JSON columns parsed here)."""
    arrays: list[np.ndarray] = []
    kinds: list[np.ndarray] = []
    sources: list[np.ndarray] = []
    scores: dict[int, dict[str, int]] = {}
    shares: dict[int, dict[str, float]] = {}
    kpi_names: dict[str, int] = {}
    share_cache: dict[str, dict[str, float]] = {}
    offset = 0
    for code, rows, extra in chunks:
        rows = rows.copy()
        kind = np.full(len(rows), KIND[SOURCES[SOURCE_INDEX[code]].kind], dtype=np.int64)
        if code == "ja":
            kind = np.where(rows[:, 5] == 2, KIND[h.MEETING], KIND[h.JOINT_ACTIVITY])
            rows[:, 5] = rows[:, 5] == 1  # campaign
        elif code in ACTIVITY_KPIS:
            rows[:, 5] = kpi_names.setdefault(ACTIVITY_KPIS[code], len(kpi_names))
        elif code == "co" and extra is not None:
            for i, pk in enumerate(rows[:, 1].tolist()):
                text = extra.get(pk)
                if text not in share_cache:
                    share_cache[text] = _shares(text)
                if share_cache[text]:
                    shares[offset + i] = share_cache[text]
        elif code == "rv" and extra is not None:
            for i, pk in enumerate(rows[:, 1].tolist()):
                scores[offset + i] = _scores(extra.get(pk))
        elif code == "ka" and extra is not None:
            keep = []
            for i, (pk, position) in enumerate(rows[:, [1, 5]].tolist()):
                terms, actual = extra.get(pk, (None, 0))
                name = _custom_kpi_name(terms, position)
                if name is not None:
                    rows[i, 5] = kpi_names.setdefault(name, len(kpi_names))
                    rows[i, 6] = round(float(actual or 0))
                    keep.append(i)
            rows, kind = rows[keep], kind[keep]
        if not len(rows):
            continue
        arrays.append(rows.reshape(-1, 8))
        kinds.append(kind)
        sources.append(np.full(len(rows), SOURCE_INDEX[code], dtype=np.int64))
        offset += len(rows)
    table = np.concatenate(arrays) if arrays else np.zeros((0, 8), dtype=np.int64)

    def column(parts: list[np.ndarray]) -> np.ndarray:
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    return Raw(
        source=column(sources),
        partnership=table[:, 0],
        pk=table[:, 1],
        day=table[:, 2],
        kind=column(kinds),
        by=table[:, 3],
        to=table[:, 4],
        ref=table[:, 5],
        amount=table[:, 6],
        rating=table[:, 7],
        scores=scores,
        shares=shares,
        kpi_names=list(kpi_names),
    )


def _shares(text: Any) -> dict[str, float]:
    """A cost item's split {company id: percent} as fractions; {} when equal (the default)."""
    try:
        raw = json.loads(text) if isinstance(text, str) else dict(text or {})
        values = {str(k): float(Decimal(str(v))) for k, v in raw.items()}
    except (ValueError, TypeError, ArithmeticError):
        return {}
    total = sum(values.values())
    if total <= 0 or any(v < 0 for v in values.values()):
        return {}
    if len(set(values.values())) <= 1:
        return {}
    return {k: v / total for k, v in values.items()}


def _scores(raw: Any) -> dict[str, int]:
    """A submission's {factor: {"score": n, ...}}: the catalogue factors' scores (custom
    factors are the partnership's own and have no place in the comparison across partnerships)."""
    data = json.loads(raw) if isinstance(raw, str) else raw or {}
    out = {}
    for factor, entry in data.items():
        if factor not in aggregates.FACTORS:
            continue
        score = entry.get("score") if isinstance(entry, dict) else entry
        if isinstance(score, int) and not isinstance(score, bool) and 1 <= score <= 5:
            out[factor] = score
    return out


def read(
    *,
    network_ids: Sequence[int] | None = None,
    partnership_ids: Sequence[int] | None = None,
    until: dt.date | None = None,
) -> Raw:
    """Every event of the partnerships in scope, up to ``until`` (today)."""
    until = until or today()
    return _assemble(_chunks(READERS, until, network_ids, partnership_ids))


def _chunks(
    readers: Sequence[tuple[type, str, Any]],
    until: dt.date,
    network_ids: Sequence[int] | None,
    partnership_ids: Sequence[int] | None,
) -> list[Chunk]:
    chunks: list[Chunk] = []
    for _model, path, reader in readers:
        scope = _scope(path, network_ids=network_ids, partnership_ids=partnership_ids)
        chunks += reader(scope, until)
    return chunks


def row_events(model: type, pk: int, until: dt.date | None = None) -> tuple[list[str], Raw]:
    """The events one row gives today, and every event key the row could give (so a key it
    gave before but no longer gives shows an edit or a deletion)."""
    until = until or today()
    _path, reader = READER_OF_MODEL[model]
    scope = Q(pk=pk)
    chunks = [chunk for chunk in reader(scope, until) if _model_of(chunk[0]) is model]
    keys = [f"{s.code}:{pk}" for s in SOURCES if s.model is model]
    return keys, _assemble(chunks)


def _model_of(code: str) -> type:
    return SOURCES[SOURCE_INDEX[code]].model


# ---------------------------------------------------------------------------------------------
# Facts: parties, stage, agreement
# ---------------------------------------------------------------------------------------------


def _agreement(terms: Any, activated: int | None, parties: tuple[str, ...]):
    """The pure core's agreement from an active version's terms (start, cadence, KPI targets);
    ``activated`` is the local day of activation as a day number (counted by the database:
    ``timezone.localdate`` per row looked the time zone up 100,000 times at scale)."""
    if not isinstance(terms, dict):
        return None
    start = None
    if terms.get("start"):
        try:
            start = dt.date.fromisoformat(str(terms["start"]))
        except ValueError:
            start = None
    if start is None and activated is not None:
        start = dt.date.fromordinal(activated)
    if start is None:
        return None
    cadence = terms.get("review_cadence_months")
    every = round(cadence * 365 / 12) if isinstance(cadence, int) and cadence > 0 else None
    kpis = []
    for row in terms.get("kpis") or []:
        if not isinstance(row, dict):
            continue
        key = row.get("key")
        target = agreement_terms.parse_decimal(row.get("target"))
        if not key or target is None or target <= 0:
            continue
        name = f"{CUSTOM}:{str(row.get('label') or '').strip()}" if key == CUSTOM else str(key)
        direction = row.get("direction") or {}
        party = None
        if isinstance(direction, dict) and direction.get("from") and direction.get("to"):
            who = direction["from"] if key in FROM_PARTY_KPIS else direction["to"]
            party = str(who) if key in FROM_PARTY_KPIS | TO_PARTY_KPIS else None
        if party is not None and party not in parties:
            party = None
        value = float(target) * (100 if key in MONEY_KPIS else 1)
        kpis.append(
            h.KpiTarget(
                kpi=name,
                target=value,
                period_days=PERIOD_DAYS.get(str(row.get("period")), 365),
                party=party,
            )
        )
    return h.Agreement(start=start, review_every_days=every, kpis=tuple(kpis))


@dataclass
class Loaded:
    """Partnerships in scope (sorted by id) with their facts and events, ready for the core."""

    ids: np.ndarray  # partnership ids, sorted
    networks: np.ndarray  # network id per row
    partnerships: list[h.Partnership]
    raw: Raw
    row_of_event: np.ndarray  # partnership row of each raw event, -1 = dropped
    by_index: np.ndarray  # party index of `by`, -1 = not a party
    to_index: np.ndarray  # party index of `to`, NONE = none / not a party

    @property
    def size(self) -> int:
        return len(self.ids)

    def row(self, partnership_id: int) -> int:
        at = int(np.searchsorted(self.ids, partnership_id))
        if at >= len(self.ids) or self.ids[at] != partnership_id:
            raise KeyError(partnership_id)
        return at

    def kept(self) -> np.ndarray:
        return (self.row_of_event >= 0) & (self.by_index >= 0)

    def table(self, rows: np.ndarray | None = None) -> aggregates.EventTable:
        """The pure core's event table of all partnerships (or of the given rows, renumbered)."""
        keep = self.kept()
        row_map = np.arange(self.size)
        if rows is not None:
            row_map = np.full(self.size, -1)
            row_map[rows] = np.arange(len(rows))
            keep &= row_map[np.maximum(self.row_of_event, 0)] >= 0
        index = np.flatnonzero(keep)
        new_row = {int(old): new for new, old in enumerate(index)}
        raw = self.raw
        review_rows = sorted(new_row[i] for i in raw.scores if i in new_row)
        old_of = {new: old for old, new in new_row.items()}
        scores = np.full((len(review_rows), len(aggregates.FACTORS)), np.nan)
        for j, new in enumerate(review_rows):
            for factor, score in raw.scores[old_of[new]].items():
                scores[j, aggregates.FACTORS.index(factor)] = score
        shares = {}
        for old, split in raw.shares.items():
            if old in new_row:
                p = int(self.row_of_event[old])
                parties = self.partnerships[p].parties
                if set(split) <= set(parties):
                    shares[new_row[old]] = aggregates.share_weights(parties, split)
        return aggregates.EventTable(
            p=row_map[self.row_of_event[index]],
            day=raw.day[index],
            kind=raw.kind[index],
            by=self.by_index[index],
            to=self.to_index[index],
            ref=raw.ref[index],
            amount=raw.amount[index],
            rating=raw.rating[index],
            score_row=np.array(review_rows, dtype=np.int64),
            scores=scores,
            kpi_names=list(raw.kpi_names),
            shares=shares,
        )

    def event_counts(self) -> np.ndarray:
        keep = self.kept()
        return np.bincount(self.row_of_event[keep], minlength=self.size)

    def history(self, row: int) -> list[tuple[str, str, h.Event]]:
        """One partnership's events as the pure core's ``Event``s, with key and fingerprint."""
        raw = self.raw
        parties = self.partnerships[row].parties
        out = []
        for i in np.flatnonzero((self.row_of_event == row) & (self.by_index >= 0)):
            out.append((raw.key(i), raw.fingerprint(i), self.event(i, parties)))
        out.sort(key=lambda e: (e[2].day, e[0]))
        return out

    def event(self, i: int, parties: tuple[str, ...]) -> h.Event:
        raw = self.raw
        kind = h.EVENT_KINDS[int(raw.kind[i])]
        to = int(self.to_index[i])
        ref = ""
        if kind in (h.JOINT_ACTIVITY,):
            ref = "campaign" if raw.ref[i] else "activity"
        elif kind == h.KPI_REPORTED:
            ref = raw.kpi_names[int(raw.ref[i])]
        elif kind in h.NEEDS_REF:
            ref = str(int(raw.ref[i]))
        split = raw.shares.get(int(i)) or {}
        return h.Event(
            day=dt.date.fromordinal(int(raw.day[i])),
            kind=kind,
            by=parties[int(self.by_index[i])],
            to=parties[to] if to != NONE else None,
            ref=ref,
            amount_cents=int(raw.amount[i]),
            rating=int(raw.rating[i]) or None,
            scores=raw.scores.get(int(i)) or {},
            shares=split if set(split) <= set(parties) else {},
        )


def facts(
    *, network_ids: Sequence[int] | None = None, partnership_ids: Sequence[int] | None = None
) -> tuple[np.ndarray, np.ndarray, list[h.Partnership]]:
    """Partnerships in scope (sorted by id) as the pure core's ``Partnership`` (3 queries)."""
    scope = Q()
    if network_ids is not None:
        scope &= Q(network_id__in=list(network_ids))
    if partnership_ids is not None:
        scope &= Q(pk__in=list(partnership_ids))
    rows = list(
        Partnership.objects.filter(scope)
        .order_by("pk")
        .values_list(
            "pk", "network_id", DayNumber("created_at"), "stage", DayNumber("stage_changed_at")
        )
    )
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    parties: dict[int, list[str]] = {}
    party_scope = Q(partnership__in=Partnership.objects.filter(scope))
    for pid, company in (
        PartnershipParty.objects.filter(party_scope)
        .order_by("partnership_id", "pk")
        .values_list("partnership_id", "company_id")
    ):
        parties.setdefault(pid, []).append(str(company))
    agreements = {
        pid: (terms, activated)
        for pid, terms, activated in AgreementVersion.objects.filter(
            party_scope, status=AgreementVersion.Status.ACTIVE
        ).values_list("partnership_id", "terms", DayNumber("activated_at"))
    }
    out = []
    keep = []
    for i, (pid, _network, created, stage, since) in enumerate(rows):
        who = tuple(parties.get(pid, ()))
        if len(who) < 2:
            continue  # not (yet) a partnership of two: nothing to score
        terms, activated = agreements.get(pid, (None, None))
        out.append(
            h.Partnership(
                id=str(pid),
                parties=who,
                created=dt.date.fromordinal(created),
                stage=stage,
                stage_since=dt.date.fromordinal(max(since, created)),
                agreement=_agreement(terms, activated, who),
            )
        )
        keep.append(i)
    networks = np.array([rows[i][1] for i in keep], dtype=np.int64)
    return ids[keep] if len(ids) else ids, networks, out


def load(
    *,
    network_ids: Sequence[int] | None = None,
    partnership_ids: Sequence[int] | None = None,
    until: dt.date | None = None,
) -> Loaded:
    """Facts and events of every partnership in scope, joined to rows and party indexes."""
    until = until or today()
    if partnership_ids is not None or not _parallel():  # a few partnerships: not worth threads
        ids, networks, partnerships = facts(
            network_ids=network_ids, partnership_ids=partnership_ids
        )
        raw = read(network_ids=network_ids, partnership_ids=partnership_ids, until=until)
        return join(ids, networks, partnerships, raw)
    # The sources in two groups of about equal cost (the four referral queries give 3.2 of the
    # 5 million rows at scale, 60 % of the query time), each on its own connection, while this
    # thread builds the facts: PostgreSQL evaluates the queries on two backends (psycopg waits
    # for the rows without holding the GIL). The chunks are joined in the order of READERS, so
    # the result is the one of the sequential read.
    zone = timezone.get_current_timezone()
    groups = (READERS[:1], READERS[1:])
    with ThreadPoolExecutor(max_workers=len(groups), thread_name_prefix="health-read") as pool:
        pending = [
            pool.submit(_on_own_connection, zone, group, until, network_ids, partnership_ids)
            for group in groups
        ]
        ids, networks, partnerships = facts(
            network_ids=network_ids, partnership_ids=partnership_ids
        )
        chunks = [chunk for future in pending for chunk in future.result()]
    return join(ids, networks, partnerships, _assemble(chunks))


def _parallel() -> bool:
    """Whether the sources may be read on other connections: PostgreSQL, outside a transaction
    (another connection cannot see this one's uncommitted rows: a caller's atomic block, a test
    case). Each query sees the rows committed when it starts, as in the sequential read, which
    outside a transaction runs every query in its own snapshot too."""
    return connection.vendor == "postgresql" and not connection.in_atomic_block


def _on_own_connection(
    zone: dt.tzinfo,
    readers: Sequence[tuple[type, str, Any]],
    until: dt.date,
    network_ids: Sequence[int] | None,
    partnership_ids: Sequence[int] | None,
) -> list[Chunk]:
    """The sources' chunks on this thread's own connection (closed after); the caller's time
    zone turns moments into days as in the caller's thread."""
    try:
        with timezone.override(zone):
            return _chunks(readers, until, network_ids, partnership_ids)
    finally:
        connections.close_all()


def join(
    ids: np.ndarray, networks: np.ndarray, partnerships: list[h.Partnership], raw: Raw
) -> Loaded:
    at = np.searchsorted(ids, raw.partnership)
    at_clipped = np.minimum(at, max(len(ids) - 1, 0))
    found = (
        (at < len(ids)) & (ids[at_clipped] == raw.partnership)
        if len(ids)
        else np.zeros(raw.size, dtype=bool)
    )
    row_of_event = np.where(found, at_clipped, -1)
    # party index: (row, company) looked up in the sorted (row, company) keys of all parties
    party_rows = np.repeat(np.arange(len(partnerships)), [len(p.parties) for p in partnerships])
    party_company = np.array([int(c) for p in partnerships for c in p.parties], dtype=np.int64)
    party_index = np.array([i for p in partnerships for i in range(len(p.parties))], dtype=np.int64)
    keys = party_rows * (1 << 32) + party_company
    order = np.argsort(keys, kind="stable")
    keys, party_index = keys[order], party_index[order]

    def index_of(company: np.ndarray, missing: int) -> np.ndarray:
        wanted = np.maximum(row_of_event, 0) * (1 << 32) + company
        pos = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
        hit = (row_of_event >= 0) & (company >= 0)
        if len(keys):
            hit &= keys[pos] == wanted
        else:
            hit &= False
        return np.where(hit, party_index[pos] if len(keys) else missing, missing)

    by_index = index_of(raw.by, -1)
    to_index = index_of(raw.to, NONE)
    # A settlement or referral must name another party; an event whose other side is not a
    # party (removed company) is dropped rather than folded in half.
    needs_to = np.isin(raw.kind, [KIND[k] for k in h.NEEDS_RECIPIENT])
    by_index = np.where(needs_to & (to_index == NONE), -1, by_index)
    # KPI values from custom KPI actuals have no company: they count for the first party.
    custom = (raw.by == 0) & (raw.kind == KIND[h.KPI_REPORTED])
    by_index = np.where(custom & (row_of_event >= 0), 0, by_index)
    return Loaded(
        ids=ids,
        networks=networks,
        partnerships=partnerships,
        raw=raw,
        row_of_event=row_of_event,
        by_index=by_index,
        to_index=to_index,
    )
