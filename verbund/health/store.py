"""Bulk writes of the full recompute: current health, snapshots, new alerts, refreshed evidence.

PostgreSQL gets COPY into a temporary table and one INSERT … ON CONFLICT / UPDATE … FROM per
batch: the daily run writes a row per partnership into two tables and touches every open alert,
and the ORM's bulk statements (a parameter per value, a CASE per row) cost more there than the
scoring. Other databases (SQLite) use the ORM's bulk operations; both write the same rows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from django.db import connection, transaction

from verbund.health.models import HealthAlert, HealthSnapshot, PartnershipHealth

BATCH = 2_000
# Below this many rows the ORM's statements are cheaper than a temporary table (one partnership).
SMALL = 200


# One encoder for every JSON value: ``json.dumps`` with options builds a new encoder per call,
# which at a million values costs more than the encoding.
_json = json.JSONEncoder(separators=(",", ":")).encode


def _text(value: Any) -> str:
    """A value in COPY's text format."""
    kind = type(value)
    if kind is str:
        text = value
    elif kind is int or kind is float:
        return str(value)  # digits, sign, point, exponent, nan/inf: nothing to escape
    elif value is None:
        return "\\N"
    elif kind is dict or kind is list or isinstance(value, dict | list):
        text = _json(value)
    elif isinstance(value, bool):
        return "t" if value else "f"
    elif isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    else:
        text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
        text = text.replace("\r", "\\r")
    return text


def _copy_temp(
    cursor, name: str, columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]]
) -> None:
    """A temporary table ``name`` (dropped at commit) holding ``rows``."""
    definition = ", ".join(f"{column} {sql_type}" for column, sql_type in columns)
    cursor.execute(f"DROP TABLE IF EXISTS {name}")
    cursor.execute(f"CREATE TEMPORARY TABLE {name} ({definition}) ON COMMIT DROP")
    names = ", ".join(column for column, _type in columns)
    with cursor.cursor.copy(f"COPY {name} ({names}) FROM STDIN") as copy:
        for start in range(0, len(rows), 20_000):
            chunk = rows[start : start + 20_000]
            copy.write("".join("\t".join(map(_text, row)) + "\n" for row in chunk))


def upsert(
    model: type,
    unique: Sequence[str],
    fields: Sequence[str],
    rows: Sequence[dict[str, Any]],
    insert_only: Sequence[str] = (),
) -> None:
    """Insert the rows ({field attname: value}), or update ``fields`` (but not ``insert_only``
    ones) of the stored rows they collide with on ``unique``. Model instances are built only for
    the ORM's statements: at 100,000 rows their construction alone costs seconds."""
    if not rows:
        return
    meta = model._meta
    columns = [meta.get_field(f) for f in fields]
    if connection.vendor != "postgresql" or len(rows) < SMALL:
        model.objects.bulk_create(
            [model(**row) for row in rows], update_conflicts=True, unique_fields=list(unique),
            update_fields=[f for f in fields if f not in unique and f not in insert_only],
            batch_size=BATCH,
        )  # fmt: skip
        return
    types = [(c.column, c.db_type(connection)) for c in columns]
    attnames = [c.attname for c in columns]
    values = [[row[name] for name in attnames] for row in rows]
    keys = ", ".join(meta.get_field(u).column for u in unique)
    names = ", ".join(c.column for c in columns)
    updates = ", ".join(
        f"{c.column} = EXCLUDED.{c.column}"
        for c in columns
        if c.name not in unique and c.name not in insert_only
    )
    with transaction.atomic(), connection.cursor() as cursor:
        _copy_temp(cursor, "health_upsert", types, values)
        cursor.execute(
            f"INSERT INTO {meta.db_table} ({names}) SELECT {names} FROM health_upsert "  # noqa: S608 (names from the model)
            f"ON CONFLICT ({keys}) DO UPDATE SET {updates}"
        )


ALERT_FIELDS = ("partnership", "kind", "subject", "since", "evidence", "next_step", "status",
                "opened_at", "refreshed_at", "resolved_how", "holds")  # fmt: skip


def insert_alerts(rows: Sequence[tuple]) -> None:
    """New alerts (tuples in ``ALERT_FIELDS`` order); one that a concurrent refresh opened
    meanwhile is left as it is."""
    if not rows:
        return
    meta = HealthAlert._meta
    columns = [meta.get_field(f) for f in ALERT_FIELDS]
    if connection.vendor != "postgresql" or len(rows) < SMALL:
        HealthAlert.objects.bulk_create(
            [
                HealthAlert(**{c.attname: v for c, v in zip(columns, row, strict=True)})
                for row in rows
            ],
            batch_size=BATCH,
        )
        return
    types = [(c.column, c.db_type(connection)) for c in columns]
    names = ", ".join(c.column for c in columns)
    with transaction.atomic(), connection.cursor() as cursor:
        _copy_temp(cursor, "health_new_alerts", types, rows)
        cursor.execute(
            f"INSERT INTO {meta.db_table} ({names}) SELECT {names} FROM health_new_alerts "  # noqa: S608
            "ON CONFLICT (partnership_id, kind, subject) WHERE status <> 'resolved' DO NOTHING"
        )


def refresh_evidence(rows: Sequence[tuple[int, dict]], now: dt.datetime) -> None:
    """New evidence (alert id, evidence) of the alerts that stay open; only alerts whose evidence
    changed are written (``refreshed_at`` says when it last changed). Rewriting every open alert
    each night cost the daily run more than scoring them."""
    if not rows:
        return
    if connection.vendor != "postgresql" or len(rows) < SMALL:
        changed: list[HealthAlert] = []
        for start in range(0, len(rows), 20_000):
            chunk = rows[start : start + 20_000]
            stored = dict(
                HealthAlert.objects.filter(pk__in=[pk for pk, _e in chunk]).values_list(
                    "pk", "evidence"
                )
            )
            changed += [
                HealthAlert(pk=pk, evidence=evidence, refreshed_at=now)
                for pk, evidence in chunk
                if stored.get(pk) != evidence
            ]
        HealthAlert.objects.bulk_update(changed, ["evidence", "refreshed_at"], batch_size=BATCH)
        return
    table = HealthAlert._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        _copy_temp(cursor, "health_evidence", [("id", "bigint"), ("evidence", "jsonb")], rows)
        cursor.execute(
            f"UPDATE {table} AS a SET evidence = e.evidence, refreshed_at = %s "  # noqa: S608
            "FROM health_evidence AS e "
            "WHERE a.id = e.id AND a.evidence IS DISTINCT FROM e.evidence",
            [now],
        )


def snapshots(rows: Sequence[dict[str, Any]]) -> None:
    """Today's snapshots ({attname: value}); a second write of the day replaces the first."""
    upsert(HealthSnapshot, ["partnership", "day"],
           ["partnership", "day", "score", "light", "components", "counts"], rows)  # fmt: skip


def current(rows: Sequence[dict[str, Any]]) -> None:
    """Scores of the full recompute; a stored running state stays (it is not recomputed)."""
    upsert(PartnershipHealth, ["partnership"],
           ["partnership", "state", "event_keys", "event_count", "as_of", "score", "light",
            "components", "reasons", "computed_at"], rows,
           insert_only=["state", "event_keys"])  # fmt: skip
