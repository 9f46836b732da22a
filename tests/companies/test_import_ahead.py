"""The import checks records in a helper thread ahead of the writer; the result is the same."""

from __future__ import annotations

import gc
import sys
import threading

import pytest

from tests.companies.test_import_cli import scenario_profiles, write_jsonl
from verbund.companies.imports import services
from verbund.tenancy.models import Network


def _helpers() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "import-check"]


def test_results_arrive_in_order_and_the_helper_ends():
    interval = sys.getswitchinterval()
    with services._ahead(iter(range(20)), lambda n: n * n) as results:
        assert list(results) == [n * n for n in range(20)]
    assert _helpers() == []
    assert sys.getswitchinterval() == interval


def test_an_error_in_the_helper_reaches_the_consumer():
    def work(n: int) -> int:
        if n == 3:
            raise ValueError("broken record")
        return n

    seen = []
    with (
        pytest.raises(ValueError, match="broken record"),
        services._ahead(iter(range(10)), work) as results,
    ):
        seen.extend(results)
    assert seen == [0, 1, 2]
    assert _helpers() == []


def test_leaving_early_stops_the_helper_and_closes_the_source():
    closed = []

    def source():
        try:
            yield from range(1000)
        finally:
            closed.append(True)

    with pytest.raises(RuntimeError), services._ahead(source(), lambda n: n) as results:
        for n in results:
            if n == 2:
                raise RuntimeError("database gone")
    assert _helpers() == []
    assert closed == [True]


@pytest.mark.django_db
def test_an_import_reports_progress_and_restores_the_collector(tmp_path):
    thresholds = gc.get_threshold()
    network = Network.objects.create(name="N", slug="n", kind="open")
    seen: list[int] = []
    path = write_jsonl(tmp_path / "all.jsonl", scenario_profiles())
    done = services.import_profiles(network=network, source=path, fmt="jsonl", dry_run=False,
                                    batch_size=4, progress=seen.append)  # fmt: skip
    assert done.created == 10
    assert seen == [4, 8, 10]
    assert gc.get_threshold() == thresholds
    assert _helpers() == []
