"""Reads for import jobs: every job is fetched through ``get_import_job_for``."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from verbund.companies.models import ImportJob
from verbund.tenancy.actor import Actor
from verbund.tenancy.models import Network
from verbund.tenancy.selectors import get_network_for


def get_import_job_for(actor: Actor, job_id: int, *, slug: str | None = None) -> ImportJob:
    """The job if the actor coordinates its network (404 outsiders, 403 plain members).

    With ``slug``, the job must also belong to that network (404 otherwise).
    """
    job = ImportJob.objects.select_related("network").filter(pk=job_id).first()
    if slug is not None:
        network = get_network_for(actor, slug, coordinator=True)
        if job is None or job.network_id != network.pk:
            raise Http404(_("Import not found."))
        return job
    if job is None:
        raise Http404(_("Import not found."))
    get_network_for(actor, job.network.slug, coordinator=True)
    return job


def import_jobs(actor: Actor, network: Network) -> QuerySet[ImportJob]:
    get_network_for(actor, network.slug, coordinator=True)
    return network.import_jobs.select_related("created_by").order_by("-created_at")
