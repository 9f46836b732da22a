"""Background work for import jobs (django-tasks; inline when TASKS_IMMEDIATE is set)."""

from __future__ import annotations

from django_tasks import task


@task()
def import_validate_task(job_id: int, commit: bool = False) -> str:
    """Check a job's file; with ``commit``, import it right away when it has no errors."""
    from verbund.companies.imports.services import import_commit, import_validate
    from verbund.companies.models import ImportJob

    job = ImportJob.objects.select_related("network").get(pk=job_id)
    import_validate(job)
    if commit and job.status == ImportJob.Status.VALID:
        import_commit(job)
    return job.status


@task()
def import_commit_task(job_id: int) -> str:
    """Import a checked job's file into its network, all or nothing."""
    from verbund.companies.imports.services import import_commit
    from verbund.companies.models import ImportJob

    job = ImportJob.objects.select_related("network").get(pk=job_id)
    import_commit(job)
    return job.status
