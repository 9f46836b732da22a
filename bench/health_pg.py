"""Partnership health on PostgreSQL, end to end: the rows in the real tables → the pure core →
snapshots, current scores and alerts written back.

`make bench` runs it when PostgreSQL is reachable at 127.0.0.1:5432 (else the section says
"skipped"). Alone, or at other sizes:

    .venv/bin/python -m bench.health_pg --partnerships 100000 --events 5000000

The leg runs in its own process against a fresh database ``verbund_bench_health``: it migrates,
bulk-loads companies, partnerships, parties, agreements and the recorded rows (referrals with
answers and outcomes, client ratings, joint activities and meetings, cost items, settlements,
reviews with factor scores, contact requests) with COPY — the rows need not pass the services
for the full recompute — generated from the same synthetic histories as the pure benchmark
(``bench.health.synthetic``). Then it measures:

- the full recompute (``health.services.health_recompute``) twice: the first run, as of
  yesterday, opens every alert; the daily run, today, is the next day's (the rows of the last
  day come in, every partnership gets a new snapshot, most alerts stay open and those whose
  evidence counts days are rewritten). A same-day rerun, measured before as "daily", writes
  less and flattered the figure;
- one raw SQL aggregation over the same rows (count and amount per partnership and kind), for
  the ratio;
- the incremental update after one recorded event through the real service path
  (``activities.services.activity_create`` in a transaction; health refreshed on commit): the
  first event of a partnership rebuilds its stored state from its rows, later ones apply the
  event to the stored state.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from bench.registry import Result, benchmark, markdown

ROOT = Path(__file__).resolve().parent.parent
# Its own database (a helper or CI job may set another name so parallel runs never collide).
DATABASE = os.environ.get("HEALTH_PG_DATABASE", "verbund_bench_health")
POSTGRES_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
PARTNERSHIPS = 100_000
EVENTS = 5_000_000
COMPANIES = 20_000
LEG_TIMEOUT = 3_600
TARGET_FULL_S = 60
TARGET_INCREMENTAL_MS = 50


# --- the parent ---------------------------------------------------------------------------


def _postgres_ready() -> str | None:
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True, connect_timeout=3
        ) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {DATABASE}")
    except psycopg.Error as exc:
        return f"PostgreSQL not reachable at 127.0.0.1:5432 ({str(exc).strip()[:80]})"
    return None


def run(partnerships: int, events: int) -> list[Result]:
    problem = _postgres_ready()
    if problem:
        return [Result("PostgreSQL", "skipped", problem)]
    env = {**os.environ, "DATABASE_URL": POSTGRES_URL, "DJANGO_SETTINGS_MODULE": "verbund.settings"}
    completed = subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "bench.health_pg", "--leg",
         "--partnerships", str(partnerships), "--events", str(events)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=LEG_TIMEOUT, check=False,
    )  # fmt: skip
    if completed.returncode != 0:
        raise RuntimeError(f"health PostgreSQL leg failed:\n{completed.stderr[-3000:]}")
    sys.stderr.write(completed.stderr[-2000:])
    return _results(json.loads(completed.stdout.strip().splitlines()[-1]))


def _results(leg: dict) -> list[Result]:
    data = (
        f"{leg['partnerships']:,} partnerships, {leg['events']:,} events read from "
        f"{leg['rows']:,} rows in PostgreSQL"
    )
    cold, daily = leg["cold"], leg["daily"]

    def phases(run: dict) -> str:
        t = run["timings"]
        return (
            f"read {t['read']:.1f} s, score {t['score']:.1f} s, write {t['write']:.1f} s; "
            f"load average {run['load']:.1f}"
        )

    inc, rebuild = leg["incremental_ms"], leg["rebuild_ms"]
    return [
        Result("bulk load (COPY)", f"{leg['load_s']:.0f} s", data),
        Result(
            "full recompute, first run (opens every alert)",
            f"{cold['seconds']:.1f} s",
            f"{phases(cold)}; {cold['opened']:,} alerts opened; target ≤ {TARGET_FULL_S} s",
        ),
        Result(
            "full recompute, daily (the next day: new snapshots, alerts kept or rewritten)",
            f"{daily['seconds']:.1f} s",
            f"{phases(daily)}; {daily['opened']:,} alerts opened; target ≤ {TARGET_FULL_S} s",
        ),
        Result(
            "one raw SQL aggregation over the same rows",
            f"{leg['sql_s']:.1f} s",
            f"count and amount per partnership and kind (UNION ALL of the event tables, "
            f"GROUP BY); first run / SQL = {cold['seconds'] / leg['sql_s']:.1f}×, "
            f"daily / SQL = {daily['seconds'] / leg['sql_s']:.1f}×",
        ),
        Result(
            "incremental update after one event (stored state)",
            f"{inc['p50']:.0f} ms / {inc['p95']:.0f} ms",
            f"p50 / p95 of {inc['n']}; activity_create through its service, commit, health "
            f"refreshed (apply, score, snapshot, alerts); target ≤ {TARGET_INCREMENTAL_MS} ms",
        ),
        Result(
            "incremental update, first event of a partnership (state rebuilt from its rows)",
            f"{rebuild['p50']:.0f} ms / {rebuild['p95']:.0f} ms",
            f"p50 / p95 of {rebuild['n']}; about {leg['events'] // leg['partnerships']} events "
            "per partnership",
        ),
    ]


@benchmark("Partnership health on PostgreSQL: full and incremental recompute, end to end")
def health_postgres() -> list[Result]:
    return run(PARTNERSHIPS, EVENTS)


# --- the leg: load, recompute, aggregate, increment ---------------------------------------


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Copier:
    """COPY rows into a model's table; every NOT NULL column not given gets its default."""

    def __init__(self, cursor) -> None:
        self.cursor = cursor
        self.rows = 0

    def write(self, model, n: int, columns: dict[str, object]) -> None:
        from django.db.models import NOT_PROVIDED

        if not n:
            return
        names, values = [], []
        now = dt.datetime.now(dt.UTC).isoformat()
        for field in model._meta.concrete_fields:
            if field.column in columns:
                value = columns[field.column]
            elif field.primary_key:
                continue
            elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                value = now
            elif field.default is not NOT_PROVIDED:
                default = field.get_default()
                value = json.dumps(default) if field.get_internal_type() == "JSONField" else default
                value = (
                    {True: "t", False: "f"}.get(value, value) if isinstance(value, bool) else value
                )
            elif field.null:
                value = "\\N"
            else:
                value = ""
            names.append(field.column)
            values.append(value)
        text_columns = [
            v.astype(str) if isinstance(v, np.ndarray) else np.full(n, str(v), dtype=object)
            for v in values
        ]
        lines = ["\t".join(row) for row in zip(*text_columns, strict=True)]
        table = model._meta.db_table
        with self.cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
            for start in range(0, len(lines), 200_000):
                copy.write("\n".join(lines[start : start + 200_000]) + "\n")
        self.rows += n


def _moments(days: np.ndarray, hour: int = 10) -> np.ndarray:
    """Day numbers as timestamps (local noon-ish) for COPY."""
    unique, inverse = np.unique(days, return_inverse=True)
    text = np.array(
        [f"{dt.date.fromordinal(int(d)).isoformat()} {hour:02d}:00:00+01" for d in unique],
        dtype=object,
    )
    return text[inverse]


def _dates(days: np.ndarray) -> np.ndarray:
    unique, inverse = np.unique(days, return_inverse=True)
    return np.array([dt.date.fromordinal(int(d)).isoformat() for d in unique], dtype=object)[
        inverse
    ]


def _euros(cents: np.ndarray) -> np.ndarray:
    return np.array([f"{c // 100}.{c % 100:02d}" for c in cents.tolist()], dtype=object)


def load(partnerships: int, events: int) -> dict:
    """Generate the synthetic histories and COPY them into the real tables."""
    from django.db import connection

    from bench.health import synthetic
    from verbund.activities.models import CostItem, JointActivity, Settlement
    from verbund.companies.models import Company
    from verbund.health import aggregates as ag
    from verbund.health import history as h
    from verbund.partnerships.models import (
        AgreementVersion,
        ContactRequest,
        Partnership,
        PartnershipParty,
        Review,
        ReviewSubmission,
    )
    from verbund.referrals.models import Referral, ReferralFeedback
    from verbund.tenancy.models import Network

    clock = time.perf_counter()
    facts, table, as_of = synthetic(partnerships, events)
    shift = dt.date.today().toordinal() - as_of  # the histories end today
    network = Network.objects.create(name="Bench", slug="bench")
    code = ag.KIND_CODE
    n = facts.size
    company_id = np.arange(1, COMPANIES + 1)
    with connection.cursor() as cursor:
        copier = Copier(cursor.connection.cursor())
        copier.write(Company, COMPANIES, {
            "id": company_id,
            "name": np.array([f"Bench {i} GmbH" for i in company_id], dtype=object),
            "country": "DE", "visibility": "network",
        })  # fmt: skip
        ids = np.arange(1, n + 1)
        copier.write(Partnership, n, {
            "id": ids, "network_id": network.pk, "form": "referral_partnership",
            "stage": np.array(facts.stage, dtype=object), "origin": "coordinator",
            "created_at": _moments(facts.created + shift),
            "stage_changed_at": _moments(facts.stage_since + shift),
        })  # fmt: skip
        k = np.array([len(p) for p in facts.parties])
        party_p = np.repeat(np.arange(n), k)
        party_j = np.concatenate([np.arange(x) for x in k])
        # distinct companies per partnership: offsets 0, 6007, 12014 modulo the pool
        party_company = (party_p + party_j * 6007) % COMPANIES + 1
        copier.write(PartnershipParty, len(party_p), {
            "partnership_id": party_p + 1, "company_id": party_company, "is_leader": "f",
        })  # fmt: skip
        company_of = np.zeros((n, 3), dtype=np.int64)
        company_of[party_p, party_j] = party_company
        agreed = np.flatnonzero(facts.agreement_start != ag.NONE)
        terms = json.dumps({
            "form": "referral_partnership", "scope": "Bench", "review_cadence_months": 3,
            "kpis": [
                {"key": "referrals_given", "target": "12", "period": "year", "direction": {}},
                {"key": "meetings", "target": "8", "period": "year", "direction": {}},
            ],
        })  # fmt: skip
        copier.write(AgreementVersion, len(agreed), {
            "id": np.arange(1, len(agreed) + 1), "partnership_id": agreed + 1, "number": 1,
            "status": "active", "terms": terms,
            "created_by_company_id": company_of[agreed, 0],
            "activated_at": _moments(facts.agreement_start[agreed] + shift),
        })  # fmt: skip
        version_of = np.zeros(n, dtype=np.int64)
        version_of[agreed] = np.arange(1, len(agreed) + 1)

        p, day, kind = table.p, table.day + shift, table.kind
        by, to, ref, amount = table.by, table.to, table.ref, table.amount
        by_company = company_of[p, by]
        to_company = np.where(to >= 0, company_of[p, np.maximum(to, 0)], 0)

        # referrals: one row per referral, answer / outcome on the same row
        given = np.flatnonzero(kind == code[h.REFERRAL_GIVEN])
        r_ref = ref[given]
        slot = np.full(int(ref.max(initial=0)) + 1, -1)
        slot[r_ref] = np.arange(len(given))
        answered = np.full(len(given), -1)
        closed = np.full(len(given), -1)
        status = np.full(len(given), "new", dtype=object)
        value = np.zeros(len(given), dtype=np.int64)
        for event_kind, name in ((h.REFERRAL_ANSWERED, "contacted"), (h.REFERRAL_LOST, "lost"),
                                 (h.REFERRAL_WON, "won")):  # fmt: skip
            rows = np.flatnonzero(kind == code[event_kind])
            at = slot[ref[rows]]
            ok = at >= 0
            rows, at = rows[ok], at[ok]
            if event_kind == h.REFERRAL_ANSWERED:
                answered[at] = day[rows]
                status[at] = np.where(status[at] == "new", name, status[at])
            else:
                closed[at] = day[rows]
                status[at] = name
                if event_kind == h.REFERRAL_WON:
                    value[at] = amount[rows]
        won = status == "won"
        closed_value = np.where(won, _euros(value), "\\N")
        copier.write(Referral, len(given), {
            "id": np.arange(1, len(given) + 1), "network_id": network.pk,
            "partnership_id": p[given] + 1,
            "referrer_company_id": by_company[given], "receiver_company_id": to_company[given],
            "client_name": "Kunde", "need": "Bench", "status": status,
            "consent_recorded_at": _moments(day[given]),
            "created_at": _moments(day[given]), "answer_due_at": _moments(day[given] + 7),
            "first_answer_at": np.where(answered >= 0, _moments(np.maximum(answered, 1)), "\\N"),
            "closed_at": np.where(closed >= 0, _moments(np.maximum(closed, 1), 16), "\\N"),
            "closed_value": closed_value,
        })  # fmt: skip
        rated = np.flatnonzero(kind == code[h.SERVICE_RATED])
        rated = rated[slot[ref[rated]] >= 0]
        copier.write(ReferralFeedback, len(rated), {
            "referral_id": slot[ref[rated]] + 1,
            "token_hash": np.array([f"{i:064x}" for i in range(len(rated))], dtype=object),
            "requested_at": _moments(day[rated]), "expires_at": _moments(day[rated] + 30),
            "rating": table.rating[rated], "given_at": _moments(day[rated], 12),
        })  # fmt: skip

        # joint activities and meetings (answered contact requests and KPI rows become meetings)
        as_activity = [code[h.MEETING], code[h.JOINT_ACTIVITY], code[h.CONTACT_REQUEST_ANSWERED],
                       code[h.KPI_REPORTED]]  # fmt: skip
        act = np.flatnonzero(np.isin(kind, as_activity))
        activity_kind = np.where(
            kind[act] == code[h.JOINT_ACTIVITY], "joint_project", "working_meeting"
        )
        copier.write(JointActivity, len(act), {
            "partnership_id": p[act] + 1, "kind": activity_kind, "title": "Bench",
            "starts_at": _moments(day[act]), "initiator_id": by_company[act],
            "duration_minutes": 60, "leads": 0, "projects_won": 0,
            "revenue_sourced": "0", "revenue_influenced": "0",
        })  # fmt: skip
        costs = np.flatnonzero(kind == code[h.COST_ITEM])
        copier.write(CostItem, len(costs), {
            "partnership_id": p[costs] + 1, "paid_by_id": by_company[costs],
            "amount": _euros(amount[costs]), "spent_on": _dates(day[costs]),
            "description": "Bench", "shares": "{}", "shares_overridden": "f",
        })  # fmt: skip
        settle = np.flatnonzero(kind == code[h.SETTLEMENT])
        copier.write(Settlement, len(settle), {
            "partnership_id": p[settle] + 1, "payer_id": by_company[settle],
            "payee_id": to_company[settle], "amount": _euros(amount[settle]),
            "paid_on": _dates(day[settle]),
        })  # fmt: skip
        sent = np.flatnonzero(kind == code[h.CONTACT_REQUEST_SENT])
        copier.write(ContactRequest, len(sent), {
            "network_id": network.pk, "sender_id": by_company[sent],
            "recipient_id": to_company[sent], "about_kind": "offer", "about_title": "Bench",
            "brings": "Bench", "form": "referral_partnership", "first_step": "Bench",
            "status": "pending", "origin": "direct", "partnership_id": p[sent] + 1,
            "created_at": _moments(day[sent]),
        })  # fmt: skip

        # reviews: one completed review per submission (of partnerships with an agreement)
        reviews = np.flatnonzero((kind == code[h.REVIEW]) & (version_of[p] > 0))
        order = np.lexsort((day[reviews], p[reviews]))
        reviews = reviews[order]
        rp = p[reviews]
        starts = np.r_[True, rp[1:] != rp[:-1]]
        number = (
            np.arange(len(rp)) - np.maximum.accumulate(np.where(starts, np.arange(len(rp)), 0)) + 1
        )
        copier.write(Review, len(reviews), {
            "id": np.arange(1, len(reviews) + 1), "partnership_id": rp + 1,
            "agreement_version_id": version_of[rp], "number": number,
            "due_date": _dates(day[reviews]), "status": "completed",
            "completed_at": _moments(day[reviews]),
        })  # fmt: skip
        score_at = {int(r): i for i, r in enumerate(table.score_row)}

        def submission(row: int) -> str:
            values = table.scores[score_at[row]]
            scored = zip(ag.FACTORS, values, strict=True)
            return json.dumps({f: {"score": int(v)} for f, v in scored if v == v})

        scores = np.array([submission(int(r)) for r in reviews], dtype=object)
        copier.write(ReviewSubmission, len(reviews), {
            "review_id": np.arange(1, len(reviews) + 1), "company_id": by_company[reviews],
            "scores": scores,
        })  # fmt: skip
        for model in (Company, Partnership, AgreementVersion, Referral, Review):
            table_name = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table_name}', 'id'), "  # noqa: S608 (model tables)
                f"(SELECT MAX(id) FROM {table_name}))"
            )
        cursor.execute("ANALYZE")
    return {"load_s": time.perf_counter() - clock, "rows": copier.rows, "network": network.pk}


SQL_AGGREGATION = """
SELECT partnership_id, kind, count(*), sum(amount) FROM (
    SELECT partnership_id, 'referral' AS kind, coalesce(closed_value, 0) AS amount
      FROM referrals_referral WHERE partnership_id IS NOT NULL
    UNION ALL SELECT r.partnership_id, 'rating', f.rating
      FROM referrals_referralfeedback f JOIN referrals_referral r ON r.id = f.referral_id
    UNION ALL SELECT partnership_id, 'activity', revenue_sourced FROM activities_jointactivity
    UNION ALL SELECT partnership_id, 'cost', amount FROM activities_costitem
    UNION ALL SELECT partnership_id, 'settlement', amount FROM activities_settlement
    UNION ALL SELECT partnership_id, 'contact', 0 FROM partnerships_contactrequest
    UNION ALL SELECT r.partnership_id, 'review', 0
      FROM partnerships_reviewsubmission s JOIN partnerships_review r ON r.id = s.review_id
) events GROUP BY partnership_id, kind
"""


def _percentiles(values: list[float]) -> dict:
    ordered = sorted(values)
    return {
        "p50": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
        "n": len(ordered),
    }


def leg(partnerships: int, events: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0)
    loaded = load(partnerships, events)
    _log(f"loaded {loaded['rows']:,} rows in {loaded['load_s']:.0f} s")
    from verbund.activities import services as activities
    from verbund.companies.models import Company
    from verbund.health.services import health_recompute
    from verbund.partnerships.models import Partnership
    from verbund.tenancy.models import Network

    network = Network.objects.get(pk=loaded["network"])
    out: dict = {**loaded, "partnerships": partnerships}
    from django.utils import timezone

    today = timezone.localdate()
    # The first run as of yesterday (the last day's rows not yet in), then the next day's run.
    for name, day in (("cold", today - dt.timedelta(days=1)), ("daily", today)):
        clock = time.perf_counter()
        summary = health_recompute(network=network, today=day, send_notifications=False)
        seconds = time.perf_counter() - clock
        out[name] = {"seconds": seconds, "opened": summary.opened, "timings": summary.timings,
                     "load": os.getloadavg()[0]}  # fmt: skip
        out["events"] = summary.events
        _log(f"full recompute ({name}, {day}): {seconds:.1f} s {summary.timings}; "
             f"opened {summary.opened}; load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    clock = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(SQL_AGGREGATION)
        cursor.fetchall()
    out["sql_s"] = time.perf_counter() - clock
    _log(f"raw SQL aggregation: {out['sql_s']:.1f} s; load average {os.getloadavg()[0]:.1f}")

    rebuild, applied = [], []
    sample = list(
        Partnership.objects.filter(network=network, stage__in=["pilot", "agreed"])
        .order_by("pk")
        .values_list("pk", flat=True)[:: max(1, partnerships // 40)][:30]
    )
    for pk in sample:
        partnership = Partnership.objects.select_related("network").get(pk=pk)
        initiator = Company.objects.filter(partnership_parties__partnership=partnership).first()
        for timings in (rebuild, applied, applied):
            clock = time.perf_counter()
            with transaction.atomic():
                activities.activity_create(
                    partnership=partnership, company=initiator, user=None,
                    kind="working_meeting", title="Abstimmung",
                    starts_at=dt.datetime.now(dt.UTC), initiator=initiator, quiet=True,
                )  # fmt: skip
            timings.append((time.perf_counter() - clock) * 1000)
    out["rebuild_ms"] = _percentiles(rebuild)
    out["incremental_ms"] = _percentiles(applied)
    _log(f"incremental: rebuild {out['rebuild_ms']}, applied {out['incremental_ms']}")
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnerships", type=int, default=PARTNERSHIPS)
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--leg", action="store_true", help="(internal) run in this process")
    args = parser.parse_args(argv)
    if args.leg:
        print(json.dumps(leg(args.partnerships, args.events), default=float))
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verbund.settings")
    title = "Partnership health on PostgreSQL: full and incremental recompute, end to end"
    print(markdown(title, run(args.partnerships, args.events)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
