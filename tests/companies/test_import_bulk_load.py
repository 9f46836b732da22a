"""Very large imports on PostgreSQL check the foreign keys once at the end (bulk-load mode)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from tests.companies.test_import_cli import SCENARIO, counts
from verbund.companies.directory import DirectoryQuery, directory_search
from verbund.companies.imports import services
from verbund.companies.models import AssessmentScore, Company, Goal, Need, NetworkCompany, Offer
from verbund.tenancy.actor import load_actor
from verbund.tenancy.models import Network
from verbund.tenancy.services import membership_set

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="bulk-load mode exists on PostgreSQL only"
    ),
    pytest.mark.django_db,
]

LOADED_TABLES = [
    model._meta.db_table for model in (Company, NetworkCompany, Offer, Need, Goal, AssessmentScore)
]


def _schema() -> tuple[set, set]:
    """Index and constraint definitions of the loaded tables, with whether each is valid."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_get_indexdef(indexrelid), indisvalid, indisready FROM pg_index "
            "WHERE indrelid = ANY(%s::regclass[])",
            [LOADED_TABLES],
        )
        indexes = set(cursor.fetchall())
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), convalidated "
            "FROM pg_constraint WHERE conrelid = ANY(%s::regclass[])",
            [LOADED_TABLES],
        )
        constraints = set(cursor.fetchall())
    return indexes, constraints


def test_bulk_load_keeps_indexes_and_constraints_and_imports_the_data(monkeypatch):
    monkeypatch.setattr(services, "BULK_LOAD_RECORDS", 1)
    indexes, constraints = _schema()
    assert any("gin_trgm_ops" in definition for definition, _valid, _ready in indexes)
    assert sum("FOREIGN KEY" in c[2] for c in constraints) >= len(LOADED_TABLES)
    call_command("import_profiles", str(SCENARIO), "--network", "bulk", verbosity=0)
    assert Company.objects.count() == 10
    assert Offer.objects.filter(company__listings__network__slug="bulk").count() > 0
    assert _schema() == (indexes, constraints)


def test_the_directory_finds_the_same_companies_after_a_bulk_load(monkeypatch, world):
    call_command("import_profiles", str(SCENARIO), "--network", "plain", verbosity=0)
    monkeypatch.setattr(services, "BULK_LOAD_RECORDS", 1)
    call_command("import_profiles", str(SCENARIO), "--network", "bulk", verbosity=0)
    user = world.users["coordinator"]
    for slug in ("plain", "bulk"):
        membership_set(user=user, network=Network.objects.get(slug=slug), role="coordinator")
    coordinator = load_actor(user, None)

    def found(slug: str, q: str) -> list[str]:
        network = Network.objects.get(slug=slug)
        page = directory_search(coordinator, network, DirectoryQuery(q=q), "en")
        return sorted(card.name for card in page.cards)

    for q in ("werbung", "agentur", "münster", "pr"):
        assert found("bulk", q) == found("plain", q)
    assert found("bulk", "werbung")


def test_a_failed_bulk_load_writes_nothing_and_puts_the_foreign_keys_back(monkeypatch):
    monkeypatch.setattr(services, "BULK_LOAD_RECORDS", 1)
    network = Network.objects.create(name="N", slug="n", kind="open")
    schema = _schema()
    calls = []
    original = services._write_batch

    def fail_on_second_batch(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(services, "_write_batch", fail_on_second_batch)
    before = counts()
    with pytest.raises(RuntimeError):
        services.import_profiles(network=network, source=SCENARIO, fmt="jsonl", dry_run=False,
                                 batch_size=3, expected_records=10)  # fmt: skip
    assert len(calls) == 2
    assert counts() == before
    assert _schema() == schema


def test_a_row_breaking_a_foreign_key_fails_the_bulk_load(monkeypatch):
    """The constraints are checked again when they come back, not just dropped."""
    monkeypatch.setattr(services, "BULK_LOAD_RECORDS", 1)
    network = Network.objects.create(name="N", slug="n", kind="open")
    schema = _schema()
    original = services._write_batch

    def orphan_offer(*args, **kwargs):
        original(*args, **kwargs)
        services._insert(
            Offer, services._CHILD_COLUMNS[Offer], [(2_000_000_000, 0, "x", "", [], [])]
        )

    monkeypatch.setattr(services, "_write_batch", orphan_offer)
    before = counts()
    with pytest.raises(Exception, match="foreign key"):
        services.import_profiles(network=network, source=SCENARIO, fmt="jsonl", dry_run=False,
                                 expected_records=10)  # fmt: skip
    assert counts() == before
    assert _schema() == schema
