"""Who may use the profile import and export: coordinators of the network only."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.access import COORDINATOR_ONLY, Route, access_tests, everyone
from tests.conftest import World
from verbund.companies.imports.services import import_job_create

LINE = b'{"external_id": "acc-1", "name": "Zugriff GmbH", "country": "DE"}\n'


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _job(world: World, network=None):
    """A checked job waiting to be imported."""
    job = import_job_create(
        network=network or world.alpha,
        user=world.users["coordinator"],
        upload=SimpleUploadedFile("acc.jsonl", LINE),
    )
    job.status = "valid"
    job.save()
    return job


def _upload(world: World) -> dict:
    return {"file": SimpleUploadedFile("acc.jsonl", LINE)}


REDIRECT_FOR_COORDINATOR = {**COORDINATOR_ONLY, "coordinator": 302}

ROUTES = [
    Route("companies:imports", lambda w: reverse("companies:imports", args=["alpha"]),
          COORDINATOR_ONLY),
    Route("companies:imports (upload)", lambda w: reverse("companies:imports", args=["alpha"]),
          REDIRECT_FOR_COORDINATOR, method="post", data=_upload),
    Route("companies:import_detail",
          lambda w: reverse("companies:import_detail", args=["alpha", _job(w).pk]),
          COORDINATOR_ONLY),
    Route("companies:import_detail (other network's job)",
          lambda w: reverse("companies:import_detail", args=["alpha", _job(w, w.beta).pk]),
          {**COORDINATOR_ONLY, "coordinator": 404}),
    Route("companies:import_commit",
          lambda w: reverse("companies:import_commit", args=["alpha", _job(w).pk]),
          REDIRECT_FOR_COORDINATOR, method="post"),
    Route("companies:export", lambda w: reverse("companies:export", args=["alpha"]) + "?format=csv",
          COORDINATOR_ONLY),
    # API
    Route("api:import_create", lambda w: "/api/v1/networks/alpha/imports",
          {**COORDINATOR_ONLY, "coordinator": 201}, method="post", data=_upload, api=True),
    Route("api:import_status", lambda w: f"/api/v1/imports/{_job(w).pk}", COORDINATOR_ONLY,
          api=True),
    Route("api:import_status (other network's job)",
          lambda w: f"/api/v1/imports/{_job(w, w.beta).pk}",
          everyone(404, other_network=200), api=True),
    Route("api:import_commit", lambda w: f"/api/v1/imports/{_job(w).pk}/commit",
          COORDINATOR_ONLY, method="post", api=True),
]  # fmt: skip

(
    test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused,
) = access_tests(ROUTES)
