"""Profile imports over the API: upload (checked, then committed unless ``dry_run``), status,
commit.

Coordinators of the job's network only; other members get 403, everyone else 404.
"""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema
from ninja.errors import HttpError
from ninja.files import UploadedFile

from verbund.companies.imports.messages import render_problem
from verbund.companies.imports.selectors import get_import_job_for
from verbund.companies.imports.services import import_job_create
from verbund.companies.imports.tasks import import_commit_task, import_validate_task
from verbund.companies.models import ImportJob
from verbund.tenancy.selectors import get_network_for

router = Router(tags=["imports"])


class ProblemOut(Schema):
    line: int
    field: str
    code: str
    params: dict
    message: str


class ImportJobOut(Schema):
    id: int
    network: str
    file_name: str
    format: str
    status: str
    total: int
    processed: int
    errors: list[ProblemOut]
    warnings: list[ProblemOut]
    summary: dict
    created_at: datetime
    finished_at: datetime | None


def _job_out(job: ImportJob) -> dict:
    summary = dict(job.summary or {})
    warnings = summary.pop("warnings", [])
    return {
        "id": job.pk,
        "network": job.network.slug,
        "file_name": job.file_name,
        "format": job.format,
        "status": job.status,
        "total": job.total,
        "processed": job.processed,
        "errors": [{**p, "message": render_problem(p)} for p in job.errors],
        "warnings": [{**p, "message": render_problem(p)} for p in warnings],
        "summary": summary,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
    }


@router.post(
    "/networks/{slug}/imports",
    response={201: ImportJobOut},
    summary="Upload a profile file (JSON Lines, CSV, XLSX); checked, then imported unless dry_run",
)
def import_create(
    request,
    slug: str,
    file: UploadedFile = File(...),  # noqa: B008 (how ninja declares a file parameter)
    dry_run: bool = Form(True),
    format: str = Form(""),
):
    network = get_network_for(request.actor, slug, coordinator=True)
    job = import_job_create(network=network, user=request.user, upload=file, fmt=format)
    import_validate_task.enqueue(job.pk, commit=not dry_run)
    job.refresh_from_db()
    return 201, _job_out(job)


@router.get("/imports/{job_id}", response=ImportJobOut, summary="Status of a profile import")
def import_status(request, job_id: int):
    return _job_out(get_import_job_for(request.actor, job_id))


@router.post(
    "/imports/{job_id}/commit",
    response=ImportJobOut,
    summary="Import a checked file without errors (all or nothing)",
)
def import_commit(request, job_id: int):
    job = get_import_job_for(request.actor, job_id)
    if job.status != ImportJob.Status.VALID:
        raise HttpError(409, _("Only a checked import without errors can be imported."))
    import_commit_task.enqueue(job.pk)
    job.refresh_from_db()
    return _job_out(job)
