"""`verbund export-profiles`: what is exported imports back to the same profiles."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.companies.test_import_cli import SCENARIO
from verbund.companies.imports.services import export_profiles, import_profiles
from verbund.companies.models import Company
from verbund.companies.services import company_update, goals_replace
from verbund.tenancy.models import Network

FORMATS = ["jsonl", "csv", "xlsx"]


@pytest.fixture
def alpha(world):
    """The persona network plus the marketing scenario, with some extension keys filled."""
    import_profiles(network=world.alpha, source=SCENARIO, fmt="jsonl", dry_run=False)
    company_update(
        company=world.member_company,
        description="Blech, Laser\nund mehr; auch | Striche",
        sponsor_name="Anna Schulte",
        sponsor_email="anna@schulte.example",
        partnering_hours_per_month=6,
        field_visibility={"contact": "private", "strengths": "network"},
        customer_types={"b2b": 1.0},
    )
    goals_replace(
        company=world.member_company,
        goals=[{"goal": "new_markets", "priority": 1, "markets": ["NL", "BE-VLG"]}],
    )
    return world.alpha


def export(network: Network, fmt: str, tmp_path) -> str:
    path = tmp_path / f"{network.slug}.{fmt}"
    call_command("export_profiles", network=network.slug, format=fmt, output=str(path))
    return str(path)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.django_db
def test_export_then_import_into_the_same_network_changes_nothing(alpha, fmt, tmp_path):
    before = list(export_profiles(alpha))
    stamps = dict(Company.objects.values_list("pk", "updated_at"))
    outcome = import_profiles(network=alpha, source=export(alpha, fmt, tmp_path), fmt=fmt,
                              dry_run=False)  # fmt: skip
    assert outcome.ok, outcome.errors
    assert (outcome.created, outcome.updated) == (0, 0)
    assert outcome.unchanged == len(before)
    assert dict(Company.objects.values_list("pk", "updated_at")) == stamps
    assert list(export_profiles(alpha)) == before


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.django_db
def test_export_of_one_network_imported_into_an_empty_one_gives_identical_profiles(
    alpha, fmt, tmp_path
):
    empty = Network.objects.create(name="Copy", slug="copy", kind="open")
    outcome = import_profiles(network=empty, source=export(alpha, fmt, tmp_path), fmt=fmt,
                              dry_run=False)  # fmt: skip
    assert outcome.ok, outcome.errors
    assert outcome.created == alpha.listings.count()
    assert list(export_profiles(empty)) == list(export_profiles(alpha))


@pytest.mark.django_db
def test_jsonl_and_csv_go_to_standard_output(alpha):
    out = io.StringIO()
    call_command("export_profiles", network="alpha", format="jsonl", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == alpha.listings.count()
    assert {json.loads(line)["external_id"] for line in lines} >= {"de-1", "de-werbung-01"}
    out = io.StringIO()
    call_command("export_profiles", network="alpha", format="csv", stdout=out)
    assert out.getvalue().startswith("external_id;name;")


@pytest.mark.django_db
def test_xlsx_needs_an_output_file(alpha):
    with pytest.raises(CommandError):
        call_command("export_profiles", network="alpha", format="xlsx", stdout=io.StringIO())


@pytest.mark.django_db
def test_companies_without_external_id_are_exported_with_a_stable_one(alpha):
    ids = {p["external_id"] for p in export_profiles(alpha)}
    assert f"verbund-{Company.objects.get(name='Verborgen GmbH').pk}" in ids
