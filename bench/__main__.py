"""Run every benchmark and write docs/benchmarks.md (`make bench`)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from bench import machine
from bench.registry import BENCHMARKS

OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verbund.settings")
    import django

    django.setup()
    from django.db import connection

    # Importing registers the benchmarks; later capabilities add their modules here.
    import bench.foundation  # noqa: F401
    from bench import directory as _directory  # noqa: F401
    from bench import health as _health  # noqa: F401
    from bench import health_pg as _health_pg  # noqa: F401
    from bench import imports as _imports  # noqa: F401
    from bench import matching as _matching  # noqa: F401

    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench`; do not edit by hand. "
        "Figures are from one run on the machine below.",
        "",
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- database: {connection.vendor}",
    ]
    lines += [f"- {key}: {value}" for key, value in machine.describe().items()]
    for title, function in BENCHMARKS:
        print(f"running: {title}", file=sys.stderr)
        lines += ["", f"## {title}", "", "| measure | figure | data |", "|---|---|---|"]
        lines += [f"| {r.measure} | {r.figure} | {r.data} |" for r in function()]
    lines += _kept_sections({title for title, _ in BENCHMARKS})
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}", file=sys.stderr)
    return 0


def _kept_sections(written: set[str]) -> list[str]:
    """Sections of the old page this run does not produce (the separately run million)."""
    if not OUTPUT.exists():
        return []
    kept: list[str] = []
    keep = False
    for line in OUTPUT.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            keep = line[3:] not in written
            if keep:
                kept.append("")
        if keep:
            kept.append(line)
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


if __name__ == "__main__":
    sys.exit(main())
