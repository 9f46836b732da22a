"""Very large imports on PostgreSQL rebuild the trigram indexes once instead of row by row."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection

from tests.companies.test_import_cli import SCENARIO
from verbund.companies.imports import services
from verbund.companies.models import Company


def _trigram_indexes() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'company_%%_trgm'")
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram indexes exist on PostgreSQL only"
)
@pytest.mark.django_db
def test_bulk_load_keeps_the_search_indexes_and_the_data(monkeypatch):
    monkeypatch.setattr(services, "BULK_LOAD_RECORDS", 1)
    before = _trigram_indexes()
    assert before == {"company_search_trgm", "company_facets_trgm"}
    call_command("import_profiles", str(SCENARIO), "--network", "bulk", verbosity=0)
    assert Company.objects.count() == 10
    assert _trigram_indexes() == before
