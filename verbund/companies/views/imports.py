"""Pages for the profile import (upload, check, import) and the export download.

Coordinators only. An upload becomes an ``ImportJob`` that is checked in the background; the job
page polls its status with htmx until the check (or the import) is finished.
"""

from __future__ import annotations

import io

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from verbund.companies.imports import formats
from verbund.companies.imports.messages import render_problem
from verbund.companies.imports.selectors import get_import_job_for, import_jobs
from verbund.companies.imports.services import export_write, import_job_create
from verbund.companies.imports.tasks import import_commit_task, import_validate_task
from verbund.companies.models import ImportJob
from verbund.tenancy.selectors import get_network_for

CONTENT_TYPES = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SHOWN_PROBLEMS = 500


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"))
    format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[("", gettext_lazy("recognise automatically")), *ImportJob.Format.choices],
        required=False,
    )


@login_required
def imports(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_network_for(request.actor, slug, coordinator=True)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = import_job_create(
            network=network,
            user=request.user,
            upload=form.cleaned_data["file"],
            fmt=form.cleaned_data["format"],
        )
        import_validate_task.enqueue(job.pk)
        return redirect("companies:import_detail", slug=network.slug, job_id=job.pk)
    return render(
        request,
        "companies/imports/list.html",
        {
            "network": network,
            "form": form,
            "jobs": import_jobs(request.actor, network)[:50],
            "export_formats": ImportJob.Format.choices,
        },
    )


def _job_context(job: ImportJob) -> dict:
    tabular = job.format != ImportJob.Format.JSONL
    problems = [{**p, "message": render_problem(p)} for p in job.errors[:SHOWN_PROBLEMS]]
    warnings = [
        {**p, "message": render_problem(p)}
        for p in (job.summary or {}).get("warnings", [])[:SHOWN_PROBLEMS]
    ]
    return {
        "job": job,
        "network": job.network,
        "tabular": tabular,
        "problems": problems,
        "error_count": (job.summary or {}).get("error_count", len(job.errors)),
        "warnings": warnings,
        "summary": job.summary or {},
        "running": job.status
        in (ImportJob.Status.PENDING, ImportJob.Status.VALIDATING, ImportJob.Status.RUNNING),
        "Status": ImportJob.Status,
    }


@login_required
def import_detail(request: HttpRequest, slug: str, job_id: int) -> HttpResponse:
    job = get_import_job_for(request.actor, job_id, slug=slug)
    context = _job_context(job)
    if request.htmx:
        return render(request, "companies/imports/partials/status.html", context)
    return render(request, "companies/imports/detail.html", context)


@login_required
@require_POST
def import_commit(request: HttpRequest, slug: str, job_id: int) -> HttpResponse:
    job = get_import_job_for(request.actor, job_id, slug=slug)
    if job.status != ImportJob.Status.VALID:
        messages.error(request, _("Only a checked import without errors can be imported."))
    else:
        import_commit_task.enqueue(job.pk)
    return redirect("companies:import_detail", slug=slug, job_id=job.pk)


@login_required
def export(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_network_for(request.actor, slug, coordinator=True)
    fmt = request.GET.get("format", "jsonl")
    if fmt not in formats.FORMATS:
        raise Http404(_("Unknown export format."))
    buffer = io.BytesIO()
    export_write(network, fmt, buffer)
    response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{network.slug}-companies.{fmt}"'
    return response


urlpatterns = [
    path("n/<slug:slug>/imports/", imports, name="imports"),
    path("n/<slug:slug>/imports/<int:job_id>/", import_detail, name="import_detail"),
    path("n/<slug:slug>/imports/<int:job_id>/commit/", import_commit, name="import_commit"),
    path("n/<slug:slug>/export/", export, name="export"),
]
