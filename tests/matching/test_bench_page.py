"""The million's benchmark section survives `make bench`, and `make bench-1m` replaces only it."""

from __future__ import annotations

import runpy

from bench import matching

MILLION = "Partner matching, 1,000,000 companies"


def test_bench_1m_replaces_its_section_and_keeps_the_others(tmp_path):
    page = tmp_path / "benchmarks.md"
    page.write_text("# Benchmarks\n\n## Directory search\n\n| a |\n\n## Profile import\n\n| b |\n")
    matching.write_section(page, MILLION, ["first run", "", "| m |"])
    matching.write_section(page, MILLION, ["second run", "", "| n |"])
    matching.write_section(page, "Directory search", ["| c |"])
    text = page.read_text()
    assert text.count(f"## {MILLION}") == 1
    assert "second run" in text and "first run" not in text
    assert "| c |" in text and "| a |" not in text and "| b |" in text
    assert text.index("## Directory search") < text.index("## Profile import")


def test_make_bench_keeps_sections_it_does_not_write(tmp_path, monkeypatch):
    page = tmp_path / "benchmarks.md"
    old = ["# Benchmarks", "", "## Directory search", "", "| old |", ""]
    page.write_text("\n".join([*old, f"## {MILLION}", "", "Run separately", "", "| m |"]) + "\n")
    module = runpy.run_module("bench.__main__", run_name="bench_page_test")
    monkeypatch.setitem(module["_kept_sections"].__globals__, "OUTPUT", page)
    kept = module["_kept_sections"]({"Directory search"})
    assert kept == ["", f"## {MILLION}", "", "Run separately", "", "| m |"]
