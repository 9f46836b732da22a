"""`verbund import-profiles`: the shared scenario, re-imports, bad files, all or nothing."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import CommandError
from django.core.management import call_command as django_call_command
from django.utils import translation

from verbund.companies.imports import services
from verbund.companies.models import AssessmentScore, Company, Goal, Need, NetworkCompany, Offer
from verbund.companies.services import company_refresh_derived
from verbund.tenancy.models import Network

SCENARIO = (
    Path(__file__).resolve().parents[3] / "shared" / "scenarios" / "matching" / "marketing-pr.jsonl"
)
if not SCENARIO.exists():  # the repository may sit elsewhere than next to shared/
    SCENARIO = Path("/work/shared/scenarios/matching/marketing-pr.jsonl")


def call_command(*args, **kwargs):
    # The CLI speaks the default language (German); assertions read the English source text.
    with translation.override("en"):
        return django_call_command(*args, **kwargs)


def scenario_profiles() -> list[dict]:
    return [json.loads(line) for line in SCENARIO.read_text(encoding="utf-8").splitlines() if line]


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_profiles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def write_jsonl(path: Path, profiles: list) -> Path:
    path.write_text(
        "\n".join(p if isinstance(p, str) else json.dumps(p, ensure_ascii=False) for p in profiles)
        + "\n",
        encoding="utf-8",
    )
    return path


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (Company, NetworkCompany, Offer, Need, Goal, AssessmentScore, Network)
    )


@pytest.mark.django_db
def test_the_marketing_scenario_imports_every_company_and_creates_the_network():
    out, _err = run(str(SCENARIO), "--network", "mpr")
    network = Network.objects.get(slug="mpr")
    assert network.kind == Network.Kind.OPEN
    assert "mpr" in out
    expected = scenario_profiles()
    listings = NetworkCompany.objects.filter(network=network)
    assert sorted(listings.values_list("external_id", flat=True)) == sorted(
        p["external_id"] for p in expected
    )
    werbung = Company.objects.get(listings__external_id="de-werbung-01")
    assert werbung.region == "DE-NW"
    assert werbung.lat is not None
    assert werbung.offers.count() == 1
    assert werbung.needs.get().priority == 1
    assert werbung.assessment.count() == 5
    assert sorted(werbung.goals.values_list("goal", flat=True)) == [
        "broaden_portfolio",
        "referral_business",
    ]
    assert " n:73 " in werbung.facets


@pytest.mark.django_db
def test_importing_the_scenario_again_changes_nothing():
    run(str(SCENARIO), "--network", "mpr")
    before = counts()
    stamps = dict(Company.objects.values_list("pk", "updated_at"))
    out, _err = run(str(SCENARIO), "--network", "mpr", "--timing")
    assert counts() == before
    assert dict(Company.objects.values_list("pk", "updated_at")) == stamps
    timing = json.loads(out.strip().splitlines()[-1])
    assert timing["unchanged"] == len(scenario_profiles())
    assert timing["created"] == timing["updated"] == 0


@pytest.mark.django_db
def test_imported_companies_get_the_same_derived_fields_as_edited_ones():
    run(str(SCENARIO), "--network", "mpr")
    for company in Company.objects.all():
        imported = (company.search_text, company.facets, company.completeness)
        company_refresh_derived(company=company)
        assert (company.search_text, company.facets, company.completeness) == imported


@pytest.mark.django_db
def test_a_file_with_bad_lines_writes_nothing_and_names_each_bad_line(tmp_path):
    good = scenario_profiles()
    bad_nace = {**good[1], "nace": ["99.99"]}
    bad_country = {**good[2], "country": "XY"}
    unknown_key = {**good[3], "colour": "blue"}
    path = write_jsonl(
        tmp_path / "bad.jsonl",
        [good[0], bad_nace, bad_country, unknown_key, '{"external_id": "broken", ', good[4]],
    )
    before = counts()
    with pytest.raises(CommandError):
        run(str(path), "--network", "mpr")
    assert counts() == before  # not even the network was created
    with pytest.raises(CommandError) as raised:
        out, err = io.StringIO(), io.StringIO()
        call_command("import_profiles", str(path), network="mpr", stdout=out, stderr=err)
    lines = err.getvalue().splitlines()
    assert [line.split(":")[0].split(",")[0] for line in lines] == [
        "line 2",
        "line 3",
        "line 4",
        "line 5",
    ]
    assert "field nace" in lines[0] and "99.99" in lines[0]
    assert "field country" in lines[1]
    assert "field colour" in lines[2]
    assert "4" in str(raised.value)


@pytest.mark.django_db
def test_re_import_updates_changed_companies_instead_of_duplicating(tmp_path):
    run(str(SCENARIO), "--network", "mpr")
    company = Company.objects.get(listings__external_id="de-werbung-01")
    profiles = scenario_profiles()
    profiles[0] = {
        **profiles[0],
        "employees": 14,
        "city": "Enschede",
        "country": "NL",
        "offers": [{"title": "Neu", "nace": ["73.12"]}],
    }
    out, _err = run(str(write_jsonl(tmp_path / "v2.jsonl", profiles)), "--network", "mpr",
                    "--timing")  # fmt: skip
    timing = json.loads(out.strip().splitlines()[-1])
    assert (timing["created"], timing["updated"], timing["unchanged"]) == (0, 1, 9)
    company.refresh_from_db()
    assert Company.objects.filter(listings__external_id="de-werbung-01").count() == 1
    assert company.employees == 14
    assert company.region == "NL-OV"  # the place was resolved again
    assert list(company.offers.values_list("title", flat=True)) == ["Neu"]
    assert " n:73.12 " in company.facets


@pytest.mark.django_db
def test_dry_run_counts_but_writes_nothing():
    before = counts()
    out, _err = run(str(SCENARIO), "--network", "new-network", "--dry-run", "--timing")
    assert counts() == before
    assert json.loads(out.strip().splitlines()[-1])["created"] == len(scenario_profiles())


@pytest.mark.django_db
def test_an_unknown_place_is_a_warning_and_the_company_is_still_imported(tmp_path):
    path = write_jsonl(
        tmp_path / "place.jsonl",
        [{"external_id": "x", "name": "X GmbH", "country": "DE", "city": "Nirgendwo am See"}],
    )
    out, _err = run(str(path), "--network", "mpr")
    company = Company.objects.get(name="X GmbH")
    assert company.lat is None
    assert "line 1, field city" in out


@pytest.mark.django_db
def test_a_failure_halfway_through_the_commit_writes_nothing(monkeypatch, tmp_path):
    network = Network.objects.create(name="N", slug="n", kind="open")
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
                                 batch_size=3)  # fmt: skip
    assert len(calls) == 2
    assert counts() == before


@pytest.mark.django_db
def test_german_excel_csv_imports_through_the_cli(tmp_path):
    text = (
        "external_id;name;country;city;employees;nace;customers.types.b2b;customers.types.b2c\r\n"
        "de-1;Müller Gießerei GmbH;DE;Münster;12;25.50;0,75;0,25\r\n"
        "de-2;Bäckerei Größe;DE;Osnabrück;;10.71;;\r\n"
    )
    path = tmp_path / "firmen.csv"
    path.write_bytes(text.encode("cp1252"))
    run(str(path), "--network", "csv")
    muller = Company.objects.get(listings__external_id="de-1")
    assert muller.name == "Müller Gießerei GmbH"
    assert muller.customer_types == {"b2b": 0.75, "b2c": 0.25}
    assert Company.objects.get(listings__external_id="de-2").employees is None


@pytest.mark.django_db
def test_csv_errors_name_the_row_and_column(tmp_path):
    path = tmp_path / "firmen.csv"
    path.write_bytes(b"external_id;name;country;offer1.title;offer1.nace\nde-1;A;DE;X;99.99\n")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_profiles", str(path), network="csv", stdout=io.StringIO(), stderr=err)
    assert err.getvalue().startswith("row 2, field offer1.nace")


@pytest.mark.django_db
def test_checking_in_a_helper_process_gives_the_same_result(tmp_path):
    good = scenario_profiles()
    path = write_jsonl(tmp_path / "mixed.jsonl", [*good, {**good[0], "country": "XY"}])
    one = services.import_profiles(network=None, source=path, fmt="jsonl", batch_size=3)
    two = services.import_profiles(network=None, source=path, fmt="jsonl", batch_size=3,
                                   workers=1)  # fmt: skip
    assert one.errors == two.errors
    assert [p.code for p in two.errors] == ["country_unknown", "duplicate_external_id"]
    network = Network.objects.create(name="N", slug="n", kind="open")
    done = services.import_profiles(network=network, source=SCENARIO, fmt="jsonl",
                                    dry_run=False, workers=1, batch_size=4)  # fmt: skip
    assert done.created == len(good)
    assert network.listings.count() == len(good)


@pytest.mark.django_db
def test_a_dry_run_into_a_new_network_says_it_would_create_it_and_names_similar_ones():
    run(str(SCENARIO), "--network", "mpr")
    out, _err = run(str(SCENARIO), "--network", "mpr2", "--dry-run")
    assert "does not exist yet; the import would create it" in out
    assert "Similar networks exist: “mpr”" in out
    assert not Network.objects.filter(slug="mpr2").exists()


@pytest.mark.django_db
def test_the_summary_counts_one_warning_in_the_singular(tmp_path):
    profile = {**scenario_profiles()[0], "city": "Nirgendwo an der Ems"}  # unknown place: a warning
    out, _err = run(str(write_jsonl(tmp_path / "one.jsonl", [profile])), "--network", "mpr")
    assert out.strip().endswith("; 1 warning.")


@pytest.mark.django_db
def test_exporting_into_a_pipe_the_reader_closed_ends_quietly():
    run(str(SCENARIO), "--network", "mpr")
    read_end, write_end = os.pipe()
    os.close(read_end)  # `| head` has read what it wanted
    with os.fdopen(write_end, "w") as closed_pipe:
        call_command("export_profiles", network="mpr", format="jsonl", stdout=closed_pipe)
