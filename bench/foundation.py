"""Reference data lookups that every profile save and import pays for."""

from __future__ import annotations

import time

from bench.registry import Result, benchmark


def _timed(function, repeat: int) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        function()
    return time.perf_counter() - started


@benchmark("Offline gazetteer")
def gazetteer() -> list[Result]:
    from verbund.lib import geo

    started = time.perf_counter()
    geo.resolve("Münster", "DE")
    load = time.perf_counter() - started
    places = [
        ("Münster", "DE"),
        ("Enschede", "NL"),
        ("Osnabrück", "DE"),
        ("Doetinchem", "NL"),
        ("Gronau (Westf.)", "DE"),
        ("Muenster", "DE"),
        ("Nowhere-on-Sea", "DE"),
    ]
    repeat = 2000
    elapsed = _timed(lambda: [geo.resolve(city, country) for city, country in places], repeat)
    per_call = elapsed / (repeat * len(places))
    return [
        Result(
            "first lookup (loads the country index)",
            f"{load * 1000:.0f} ms",
            "41,002 places, 9 countries",
        ),
        Result(
            "resolve city → place",
            f"{per_call * 1e6:.1f} µs per call",
            f"{repeat * len(places):,} calls",
        ),
    ]


@benchmark("NACE Rev. 2 table")
def nace_lookups() -> list[Result]:
    from verbund.lib import nace

    started = time.perf_counter()
    nace.get("25.62")
    load = time.perf_counter() - started
    repeat = 200
    elapsed = _timed(lambda: nace.search("metall", "de"), repeat)
    return [
        Result("load table", f"{load * 1000:.0f} ms", "996 codes × 3 languages"),
        Result("label search", f"{elapsed / repeat * 1000:.2f} ms per query", "query 'metall'"),
    ]
