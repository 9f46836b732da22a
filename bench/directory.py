"""Directory search on a network of 100,000 companies, on SQLite and on PostgreSQL.

Each database is one leg in its own process (``DATABASE_URL`` set, ``migrate`` run first): the
leg builds the network fast with ``bulk_create`` (profiles from the demo generator, placed at
real places from the gazetteer, with search text and facets from ``profile.derive``), then times
a fixed mix of directory searches through the page's own view, so each figure includes the
count, one page of 20 cards with the visibility rules applied, and rendering the result list.

Run alone: ``python -m bench.directory`` (both legs) or ``python -m bench.directory --leg URL``.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.registry import Result, benchmark

ROOT = Path(__file__).resolve().parent.parent
SQLITE_FILE = ROOT / "var" / "bench" / "directory.sqlite3"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/verbund_bench_directory"
COMPANIES = 100_000
TEMPLATES = 2_000  # distinct demo profiles, reused with other places
SEARCHES = 200
SEED = 3
BATCH = 5_000
LEG_TIMEOUT = 240  # seconds
TARGET_P95_MS = 200


# --- the parent: one subprocess per database ----------------------------------------------


def _postgres_ready() -> str | None:
    """Drop and create the benchmark database; the reason when PostgreSQL is not there."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True, connect_timeout=3
        ) as conn:
            conn.execute("DROP DATABASE IF EXISTS verbund_bench_directory WITH (FORCE)")
            conn.execute("CREATE DATABASE verbund_bench_directory")
    except psycopg.Error as exc:
        return f"PostgreSQL not reachable at 127.0.0.1:5432 ({str(exc).strip()[:80]})"
    return None


def _run_leg(url: str) -> dict:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "verbund.settings"}
    completed = subprocess.run(  # noqa: S603 (our own interpreter and module)
        [sys.executable, "-m", "bench.directory", "--leg", url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=LEG_TIMEOUT,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"directory benchmark leg failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _results(name: str, leg: dict) -> list[Result]:
    data = f"{leg['companies']:,} companies, {leg['offers']:,} offers; {leg['searches']} searches"
    rows = [
        Result(f"{name}: build (bulk insert + indexes)", f"{leg['build_s']:.0f} s", data),
        Result(
            f"{name}: directory search p50 / p95",
            f"{leg['p50']:.0f} ms / {leg['p95']:.0f} ms",
            f"{data}; count + 20 rendered cards; target p95 < {TARGET_P95_MS} ms",
        ),
    ]
    rows += _kinds(name, leg["kinds"])
    return rows


def _kinds(name: str, kinds: dict) -> list[Result]:
    return [
        Result(
            f"{name}: {kind}",
            f"{figures['p50']:.0f} ms / {figures['p95']:.0f} ms",
            f"p50 / p95 of {figures['n']} searches",
        )
        for kind, figures in kinds.items()
    ]


@benchmark("Directory search")
def directory_search() -> list[Result]:
    SQLITE_FILE.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
    results = _results("SQLite", _run_leg(f"sqlite:///{SQLITE_FILE}"))
    problem = _postgres_ready()
    if problem:
        results.append(Result("PostgreSQL", "skipped", problem))
    else:
        results += _results("PostgreSQL", _run_leg(POSTGRES_URL))
    return results


# --- a leg: build, then search ------------------------------------------------------------


def _places(rng: random.Random) -> list:
    """Real places: the demo area (dense, as in a regional network) and the wider Euregio."""
    from verbund.demo.places import TOWNS
    from verbund.lib import geo

    local = [geo.resolve(town.city, town.country) for town in TOWNS]
    wider = []
    for country in ("DE", "NL", "BE"):
        for letter in "abcdefghijklmnoprstuvwz":
            wider += geo.search(letter, country, limit=40)
    return [p for p in local if p is not None] * 8 + wider


def _build(rng: random.Random) -> dict:
    from django.db import connection, transaction

    from verbund.accounts.services import user_create
    from verbund.companies import profile
    from verbund.companies.models import Company, NetworkCompany, Offer
    from verbund.companies.services import company_create, company_member_set
    from verbund.demo.profiles import generate_profiles
    from verbund.tenancy.services import membership_set, network_create

    started = time.perf_counter()
    network = network_create(
        name="Bench Netz", slug="bench", kind="chamber", countries=["DE", "NL", "BE"]
    )
    member = user_create(email="member@bench.example", password=None, language="de")
    coordinator = user_create(email="coordinator@bench.example", password=None, language="de")
    membership_set(user=member, network=network, role="member")
    membership_set(user=coordinator, network=network, role="coordinator")
    own = company_create(
        name="Bench Metall GmbH", country="DE", city="Münster", network=network, employees=25
    )
    company_member_set(user=member, company=own, role="owner")

    records = [profile.record_from_profile(p) for p in generate_profiles(SEED, TEMPLATES)]
    places = _places(rng)
    offers_total = 0
    with transaction.atomic():
        for start in range(0, COMPANIES, BATCH):
            companies, parts = [], []
            for number in range(start, min(start + BATCH, COMPANIES)):
                record = records[number % len(records)]
                place = places[rng.randrange(len(places))]
                fields = {
                    **record.fields,
                    "city": place.name,
                    "country": place.country,
                    "region": place.region,
                    "lat": place.lat,
                    "lon": place.lon,
                }
                derived = profile.derive(
                    fields, record.offers, record.needs, record.goals, record.scores
                )
                values = {k: v for k, v in fields.items() if k != "region"}
                companies.append(
                    Company(
                        **values,
                        region=place.region,
                        search_text=derived.search_text,
                        facets=derived.facets,
                        completeness=derived.completeness,
                        sort_key=derived.sort_key,
                        public_employees=derived.public_employees,
                    )
                )
                parts.append(record.offers)
            Company.objects.bulk_create(companies, batch_size=1000)
            NetworkCompany.objects.bulk_create(
                [NetworkCompany(network=network, company=c) for c in companies], batch_size=2000
            )
            offers = [
                Offer(company=c, position=i, **{k: item[k] for k in OFFER_FIELDS})
                for c, items in zip(companies, parts, strict=True)
                for i, item in enumerate(items)
            ]
            Offer.objects.bulk_create(offers, batch_size=2000)
            offers_total += len(offers)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "network": network,
        "member": member,
        "coordinator": coordinator,
        "build_s": time.perf_counter() - started,
        "offers": offers_total,
        "words": _common_words(records, rng),
    }


OFFER_FIELDS = ("title", "description", "nace_codes", "keywords")


def _common_words(records, rng: random.Random) -> list[str]:
    """Words people would type: taken from offer titles and keywords of the data."""
    from verbund.companies import profile

    words = sorted(
        {
            word
            for record in records
            for item in record.offers
            for word in profile.fold(" ".join([item["title"], *item["keywords"]])).split()
            if len(word) >= 5 and word.isalpha()
        }
    )
    return rng.sample(words, 60)


def _searches(rng: random.Random, words: list[str]) -> list[tuple[str, str, dict]]:
    """(kind, persona, parameters) for the mix; fixed by the seed."""
    from verbund.lib import catalogues, nace

    divisions = [c.code for c in nace.all_codes() if c.level == 2][:80]
    sections = [c.code for c in nace.all_codes() if c.level == 1]
    forms, goals = catalogues.keys("forms"), catalogues.keys("goals")
    sizes = [(1, 9), (10, 49), (50, 249), (250, None)]
    mix = []
    for number in range(SEARCHES):
        kind = (
            "browse",
            "text",
            "text (two words)",
            "nace",
            "country",
            "radius + distance sort",
            "size range",
            "form / goal",
            "combined",
            "text",
        )[number % 10]
        params: dict = {}
        if kind == "browse":
            params = {"sort": rng.choice(["name", "newest", "size"])}
            if rng.random() < 0.5:
                params["page"] = rng.randint(2, 50)
        elif kind == "text":
            params = {"q": rng.choice(words)}
        elif kind == "text (two words)":
            params = {"q": f"{rng.choice(words)} {rng.choice(words)}"}
        elif kind == "nace":
            params = {"nace": rng.choice(divisions + sections)}
        elif kind == "country":
            params = {"country": rng.choice(["DE", "NL", "BE"]), "sort": "size"}
        elif kind == "radius + distance sort":
            params = {"max_km": rng.choice([10, 25, 50, 100]), "sort": "distance"}
        elif kind == "size range":
            low, high = rng.choice(sizes)
            params = {"min_employees": low, "sort": "size"}
            if high:
                params["max_employees"] = high
        elif kind == "form / goal":
            params = {rng.choice(["form", "goal"]): ""}
            key = next(iter(params))
            params[key] = rng.choice(forms if key == "form" else goals)
        else:
            params = {
                "q": rng.choice(words),
                "country": "DE",
                "max_km": 50,
                "min_employees": 5,
                "goal": rng.choice(goals),
                "sort": "distance",
            }
        persona = "coordinator" if number % 7 == 0 and "max_km" not in params else "member"
        mix.append((kind, persona, params))
    return mix


def _percentiles(values: list[float]) -> dict:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": statistics.median(ordered), "p95": p95, "n": len(ordered)}


def _leg(url: str) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verbund.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import RequestFactory
    from django.urls import reverse
    from django.utils import translation
    from django_htmx.middleware import HtmxDetails

    from verbund.companies.views.directory import network_directory
    from verbund.tenancy.actor import load_actor

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrated in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    rng = random.Random(SEED)
    built = _build(rng)
    print(f"built in {built['build_s']:.0f} s", file=sys.stderr)
    network = built["network"]
    actors = {persona: load_actor(built[persona], {}) for persona in ("member", "coordinator")}
    url_path = reverse("companies:directory", args=[network.slug])
    factory = RequestFactory()
    translation.activate("de")

    def search(persona: str, params: dict) -> float:
        request = factory.get(
            url_path, params, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="directory-results"
        )
        request.user = built[persona]
        request.actor = actors[persona]
        request.htmx = HtmxDetails(request)
        request.LANGUAGE_CODE = "de"
        started = time.perf_counter()
        response = network_directory(request, slug=network.slug)
        elapsed = time.perf_counter() - started
        assert response.status_code == 200, response.content[:300]
        return elapsed * 1000

    mix = _searches(rng, built["words"])

    def measure() -> dict:
        for _kind, persona, params in mix[:10]:  # warm caches, as a running server would have
            search(persona, params)
        timings: dict[str, list[float]] = {}
        for kind, persona, params in mix:
            timings.setdefault(kind, []).append(search(persona, params))
        everything = [t for values in timings.values() for t in values]
        return {
            **_percentiles(everything),
            "searches": len(everything),
            "kinds": {kind: _percentiles(values) for kind, values in timings.items()},
        }

    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would have them in a running installation.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    leg = {
        "database": connection.vendor,
        "companies": COMPANIES,
        "offers": built["offers"],
        "build_s": built["build_s"],
        **measure(),
    }
    return leg


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "--leg":
        print(json.dumps(_leg(argv[1])))
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verbund.settings")
    for row in directory_search():
        print(f"{row.measure}: {row.figure} ({row.data})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
