from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    measure: str
    figure: str
    data: str = ""


BENCHMARKS: list[tuple[str, Callable[[], list[Result]]]] = []


def benchmark(title: str):
    def register(function: Callable[[], list[Result]]):
        BENCHMARKS.append((title, function))
        return function

    return register


def markdown(title: str, results: list[Result]) -> str:
    """One benchmark's section as docs/benchmarks.md writes it."""
    rows = [f"| {r.measure} | {r.figure} | {r.data} |" for r in results]
    return "\n".join([f"## {title}", "", "| measure | figure | data |", "|---|---|---|", *rows])
