"""Profile import speed: a 100,000-company JSON Lines file into SQLite and into PostgreSQL.

Each leg runs in its own process against a fresh database (``verbund migrate`` first), through the
real CLI (``verbund import-profiles --timing``), and reports the rate the command measured itself
(reading, checking, resolving places, deriving, writing; without process start-up and migration).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.registry import Result, benchmark

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
COMPANIES = 100_000
SEED = 2027
PG_URL = "postgres://postgres@127.0.0.1:5432/verbund_bench_import"
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
TIMEOUT = 300  # seconds per leg


def bench_file(count: int = COMPANIES) -> Path:
    """A deterministic file of ``count`` realistic profiles (demo archetypes, new IDs and names)."""
    from verbund.demo.profiles import generate_profiles

    path = BENCH_DIR / f"profiles-{count}-{SEED}.jsonl"
    if path.exists():
        return path
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    base = generate_profiles(seed=SEED, count=min(count, 2000))
    partial = path.with_suffix(".part")
    with partial.open("w", encoding="utf-8") as handle:
        for number in range(count):
            profile = dict(base[number % len(base)])
            profile["external_id"] = f"bench-{number:06d}"
            profile["name"] = f"{profile['name']} {number // len(base) + 1}"
            handle.write(json.dumps(profile, ensure_ascii=False) + "\n")
    partial.rename(path)
    return path


def _verbund(args: list[str], database_url: str) -> subprocess.CompletedProcess:
    # Background tasks (e.g. the matching index update after an import) are queued for the worker,
    # as in production; running them inline would time the matching, not the import.
    env = {**os.environ, "DATABASE_URL": database_url, "TASKS_IMMEDIATE": "false"}
    return subprocess.run(  # noqa: S603 (our own command, fixed arguments)
        [sys.executable, "-m", "verbund", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _leg(path: Path, database_url: str) -> dict:
    migrated = _verbund(["migrate", "--noinput", "-v0"], database_url)
    if migrated.returncode:
        raise RuntimeError(f"migrate failed: {migrated.stderr[-500:]}")
    done = _verbund(["import-profiles", str(path), "--network", "bench", "--timing"], database_url)
    if done.returncode:
        raise RuntimeError(f"import failed: {(done.stderr or done.stdout)[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _fresh_postgres() -> str | None:
    """Drop and create the benchmark database; the reason when PostgreSQL is not reachable."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as connection:
            connection.execute("DROP DATABASE IF EXISTS verbund_bench_import")
            connection.execute("CREATE DATABASE verbund_bench_import")
    except Exception as exc:  # any failure means: no PostgreSQL leg on this machine
        return f"PostgreSQL not reachable ({type(exc).__name__})"
    return None


def _result(label: str, timing: dict, data: str) -> Result:
    rate = timing["records"] / timing["seconds"]
    return Result(
        f"import into {label}",
        f"{rate:,.0f} companies/s",
        f"{timing['created']:,} created in {timing['seconds']:.1f} s; {data}",
    )


@benchmark("Profile import")
def profile_import() -> list[Result]:
    started = time.perf_counter()
    path = bench_file()
    generated = time.perf_counter() - started
    size = f"{path.stat().st_size / 1e6:,.0f} MB"
    results = [
        Result(
            "input file", size, f"{COMPANIES:,} companies, JSON Lines ({generated:.0f} s to make)"
        )
    ]

    sqlite_path = BENCH_DIR / "import.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
    try:
        timing = _leg(path, f"sqlite:///{sqlite_path}")
        results.append(_result("SQLite", timing, "fresh database, one transaction"))
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        results.append(Result("import into SQLite", "failed", str(exc)[:200]))
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)

    problem = _fresh_postgres()
    if problem:
        results.append(Result("import into PostgreSQL", "skipped", problem))
        return results
    try:
        timing = _leg(path, PG_URL)
        results.append(
            _result("PostgreSQL", timing, "fresh database, one transaction; target ≥ 2,000/s")
        )
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        results.append(Result("import into PostgreSQL", "failed", str(exc)[:200]))
    return results
