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
