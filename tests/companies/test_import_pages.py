"""The import in the browser and over the API: upload → check → import (tasks run inline)."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.companies.test_import_cli import SCENARIO
from verbund.companies.imports import services
from verbund.companies.imports.services import import_commit, import_job_create, import_validate
from verbund.companies.models import Company, ImportJob, NetworkCompany

BAD = (
    b'{"external_id": "b-1", "name": "Gut GmbH", "country": "DE"}\n'
    b'{"external_id": "b-2", "name": "Schlecht GmbH", "country": "XY", "nace": ["99.99"]}\n'
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client: Client, name: str, data: bytes):
    return client.post(
        reverse("companies:imports", args=["alpha"]),
        {"file": SimpleUploadedFile(name, data), "format": ""},
    )


def test_coordinator_uploads_checks_and_imports_a_file(world):
    client = world.client_for("coordinator")
    response = upload(client, "marketing.jsonl", SCENARIO.read_bytes())
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("companies:import_detail", args=["alpha", job.pk])
    assert job.status == ImportJob.Status.VALID
    assert (job.total, job.processed, job.summary["created"]) == (10, 10, 10)
    assert not NetworkCompany.objects.filter(external_id="de-werbung-01").exists()  # checked only

    page = client.get(response["Location"])
    assert b'data-testid="import-summary"' in page.content
    assert b'data-testid="import-commit"' in page.content
    assert b'hx-trigger="every 1s"' not in page.content  # finished: no more polling

    response = client.post(reverse("companies:import_commit", args=["alpha", job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert job.finished_at is not None
    assert world.alpha.listings.filter(external_id="de-werbung-01").exists()

    listing = client.get(reverse("companies:imports", args=["alpha"]))
    assert b"marketing.jsonl" in listing.content


def test_a_running_job_polls_its_status_with_htmx(world):
    job = import_job_create(network=world.alpha, user=world.users["coordinator"],
                            upload=SimpleUploadedFile("x.jsonl", BAD))  # fmt: skip
    client = world.client_for("coordinator")
    url = reverse("companies:import_detail", args=["alpha", job.pk])
    page = client.get(url)
    assert b'hx-trigger="every 1s"' in page.content
    partial = client.get(url, headers={"HX-Request": "true"})
    assert partial.content.lstrip().startswith(b'<section id="import-status"')


def test_errors_are_listed_with_line_field_and_message_in_the_readers_language(world):
    client = world.client_for("coordinator")
    client.post(reverse("accounts:set_language"), {"language": "en"})
    response = upload(client, "bad.jsonl", BAD)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.INVALID
    assert [(e["line"], e["field"], e["code"]) for e in job.errors] == [
        (2, "country", "country_unknown"),
        (2, "nace", "nace_unknown"),
    ]
    page = client.get(response["Location"])
    assert page.content.count(b'data-testid="import-error"') == 2
    assert b"Unknown NACE code: 99.99." in page.content
    assert b'data-testid="import-commit"' not in page.content
    # An invalid job cannot be committed.
    client.post(reverse("companies:import_commit", args=["alpha", job.pk]))
    assert not Company.objects.filter(name="Gut GmbH").exists()


def test_a_csv_and_an_xlsx_export_download(world):
    client = world.client_for("coordinator")
    csv = client.get(reverse("companies:export", args=["alpha"]), {"format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    assert csv.content.startswith(b"\xef\xbb\xbfexternal_id;")
    xlsx = client.get(reverse("companies:export", args=["alpha"]), {"format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    assert len(rows) == 1 + world.alpha.listings.count()
    assert (
        client.get(reverse("companies:export", args=["alpha"]), {"format": "pdf"}).status_code
        == 404
    )


def test_a_commit_that_fails_halfway_marks_the_job_failed_and_writes_nothing(world, monkeypatch):
    upload = SimpleUploadedFile("m.jsonl", SCENARIO.read_bytes())
    job = import_job_create(network=world.alpha, user=world.users["coordinator"], upload=upload)
    import_validate(job)
    monkeypatch.setattr(services, "BATCH_SIZE", 4)
    calls = []
    original = services._write_batch

    def fail_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("connection lost")
        return original(*args, **kwargs)

    monkeypatch.setattr(services, "_write_batch", fail_second)
    companies = Company.objects.count()
    import_commit(job)
    assert job.status == ImportJob.Status.FAILED
    assert job.errors[0]["code"] == "commit_failed"
    assert Company.objects.count() == companies


def test_the_api_imports_in_one_call_without_dry_run_and_reports_status(world):
    headers = {"Authorization": f"Bearer {world.token_for('coordinator')}"}
    response = Client().post(
        "/api/v1/networks/alpha/imports",
        {"file": SimpleUploadedFile("m.jsonl", SCENARIO.read_bytes()), "dry_run": "false"},
        headers=headers,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "done"
    assert body["summary"]["created"] == 10
    status = Client().get(f"/api/v1/imports/{body['id']}", headers=headers).json()
    assert (status["total"], status["processed"]) == (10, 10)


def test_the_api_dry_run_lists_rendered_errors_and_refuses_to_commit(world):
    headers = {"Authorization": f"Bearer {world.token_for('coordinator')}",
               "Accept-Language": "en"}  # fmt: skip
    body = (
        Client()
        .post(
            "/api/v1/networks/alpha/imports",
            {"file": SimpleUploadedFile("bad.jsonl", BAD)},
            headers=headers,
        )
        .json()
    )
    assert body["status"] == "invalid"
    assert {e["code"] for e in body["errors"]} == {"country_unknown", "nace_unknown"}
    assert all(e["message"] for e in body["errors"])
    response = Client().post(f"/api/v1/imports/{body['id']}/commit", headers=headers)
    assert response.status_code == 409


def test_the_api_commits_a_checked_job(world):
    headers = {"Authorization": f"Bearer {world.token_for('coordinator')}"}
    body = (
        Client()
        .post(
            "/api/v1/networks/alpha/imports",
            {"file": SimpleUploadedFile("m.jsonl", SCENARIO.read_bytes())},
            headers=headers,
        )
        .json()
    )
    assert body["status"] == "valid"
    done = Client().post(f"/api/v1/imports/{body['id']}/commit", headers=headers).json()
    assert done["status"] == "done"
    assert world.alpha.listings.filter(external_id="de-pr-01").exists()
