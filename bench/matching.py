"""Partner matching on synthetic networks: build time, query latency, memory, recall, quality.

`make bench` runs 10k and 100k companies. The million runs separately (it takes a while):

    .venv/bin/python -m bench.matching --size 1000000

Each size builds the index from scratch (embeddings of the generator's distinct texts included,
through a fresh in-memory cache), then asks for the top 20 with explanations for the planted
probe companies, warm. The exact reference scores every company (vectorised, chunked) for a
subset of the probes: its time gives the ratio, its top 20 the recall of the fast path.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.registry import Result, benchmark


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hwm_mb() -> float:
    """Peak resident memory so far (VmHWM), which unlike ru_maxrss can be read mid-run."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return _peak_mb()


def run(size: int, probes: int = 100, exact_queries: int = 30, log=print) -> list[Result]:
    from verbund.matching import candidates, encoder, synthetic

    network = synthetic.Network(size, probes=probes)
    started = time.perf_counter()
    texts = synthetic.all_texts()
    enc = encoder.Encoder(encoder.MemoryCache())
    vectors = enc.embed(texts)
    embed_s = time.perf_counter() - started
    lookup = {encoder.text_key(t): v for t, v in zip(texts, vectors, strict=True)}

    def embed(batch: list[str]) -> np.ndarray:
        return np.stack([lookup[encoder.text_key(t)] for t in batch])

    with tempfile.TemporaryDirectory(prefix="verbund-bench-") as directory:
        index = candidates.build_streaming(
            network.chunks(), directory, embed=embed, progress=lambda m: None
        )
        build_s = time.perf_counter() - started
        log(f"{size:,}: built in {build_s:.0f} s")
        plants = network.plants()
        for plant in plants[:5]:  # warm-up: page cache, lazy tables
            index.suggest(plant.probe, top=20)
        latencies, found, competitors = [], [], []
        results = {}
        for plant in plants:
            t0 = time.perf_counter()
            suggestions = index.suggest(plant.probe, top=20)
            latencies.append(time.perf_counter() - t0)
            ids = [s.company_id for s in suggestions]
            results[plant.probe] = ids
            found.append(plant.partner in ids[:10])
            competitors.append(sum(c in ids[:10] for c in plant.competitors))
        fast_peak = _hwm_mb()
        log(f"{size:,}: fast path done, p50 {statistics.median(latencies) * 1000:.1f} ms")
        exact_times, recalls = [], []
        for plant in plants[:exact_queries]:
            t0 = time.perf_counter()
            exact = index.exact(plant.probe, top=20)
            exact_times.append(time.perf_counter() - t0)
            exact_ids = {s.company_id for s in exact}
            recalls.append(len(exact_ids & set(results[plant.probe])) / max(1, len(exact_ids)))
        log(f"{size:,}: exact done")
        offers, needs = len(index.table.offers), len(index.table.needs)
        edit_s = _edit_latency(index, network)

    p50 = statistics.median(latencies) * 1000
    p95 = float(np.percentile(latencies, 95)) * 1000
    exact_p50 = statistics.median(exact_times) * 1000
    data = f"{size:,} companies, {offers:,} offers, {needs:,} needs"
    planted = len(plants)
    return [
        Result(
            "index build incl. embeddings",
            f"{build_s:.0f} s",
            f"{data}; {len(texts):,} distinct texts embedded in {embed_s:.0f} s",
        ),
        Result("top-20 with explanations, p50 (warm)", f"{p50:.1f} ms", f"{planted} probes"),
        Result("top-20 with explanations, p95 (warm)", f"{p95:.1f} ms", f"{planted} probes"),
        Result(
            "exact scoring of every company (vectorised), p50",
            f"{exact_p50:.0f} ms",
            f"{exact_p50 / p50:.0f}× the fast path; {len(exact_times)} probes",
        ),
        Result(
            "recall@20 of the fast path vs exact",
            f"{statistics.mean(recalls):.3f}",
            f"target ≥ 0.95; {len(recalls)} probes",
        ),
        Result(
            "planted partner in top 10",
            f"{sum(found) / planted:.3f}",
            f"target ≥ 0.9; {planted} probes",
        ),
        Result(
            "planted competitors in top 10",
            f"{sum(competitors) / (3 * planted):.1%}",
            f"target ≤ 5 %; {3 * planted} competitors",
        ),
        Result("profile edit → new suggestions", f"{edit_s * 1000:.0f} ms", "upsert + query"),
        Result(
            "peak memory (RSS)",
            f"{fast_peak:,.0f} MB fast path; {_peak_mb():,.0f} MB incl. exact scans",
            "whole process, incl. memory-mapped vectors",
        ),
    ]


def _edit_latency(index, network) -> float:
    """A probe's need changes: time until the suggestions reflect it (no rebuild)."""
    from dataclasses import replace

    plant = network.plants()[1]
    probe = network.company(network.GROUP)
    new_need = network.company(network.GROUP * 2).needs or probe.needs
    t0 = time.perf_counter()
    index.upsert(replace(probe, needs=list(new_need)))
    index.suggest(plant.probe, top=20)
    return time.perf_counter() - t0


@benchmark("Partner matching, 10,000 companies")
def matching_10k() -> list[Result]:
    return run(10_000, log=lambda m: print(m, file=sys.stderr))


@benchmark("Partner matching, 100,000 companies")
def matching_100k() -> list[Result]:
    return run(100_000, log=lambda m: print(m, file=sys.stderr))


def write_section(path: Path, title: str, lines: list[str]) -> None:
    """Replace (or append) the section `## title` of the benchmarks page, keeping the rest."""
    old = path.read_text(encoding="utf-8").splitlines() if path.exists() else ["# Benchmarks"]
    heading = f"## {title}"
    if heading in old:
        start = old.index(heading)
        end = next((i for i in range(start + 1, len(old)) if old[i].startswith("## ")), len(old))
        while end > start and not old[end - 1].strip():
            end -= 1
        new = old[:start] + [heading, "", *lines] + ([""] if end < len(old) else []) + old[end:]
    else:
        new = [*old, "", heading, "", *lines]
    path.write_text("\n".join(new) + "\n", encoding="utf-8")


def main() -> int:
    import datetime as dt

    from bench import machine

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--probes", type=int, default=100)
    parser.add_argument("--exact", type=int, default=10, help="probes with the exact reference")
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md",
        help="benchmarks page whose section for this size is replaced ('-': print only)",
    )
    args = parser.parse_args()
    results = run(
        args.size, args.probes, args.exact, log=lambda m: print(m, file=sys.stderr, flush=True)
    )
    cores = machine.describe().get("cores", "?")
    # Other work on the machine stretches wall-clock latencies: say how busy it was.
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        f"Run separately (`make bench-1m`) on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{cores} cores, load average at the end {load} (1/5/15 min); "
        "`make bench` keeps this section.",
        "",
        "| measure | figure | data |",
        "|---|---|---|",
        *(f"| {r.measure} | {r.figure} | {r.data} |" for r in results),
    ]
    title = f"Partner matching, {args.size:,} companies"
    print("\n".join([f"## {title}", "", *lines]))
    if str(args.output) != "-":
        write_section(args.output, title, lines)
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
