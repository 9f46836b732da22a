"""A 403 is logged as one line, not with a traceback (every stray click on a coordinator page
would otherwise fill the log with stack traces)."""

from __future__ import annotations

import logging

from django.urls import reverse


def test_a_forbidden_page_logs_one_line_without_traceback(world, caplog):
    client = world.client_for("member")  # a member, not the coordination
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(reverse("health:settings", args=["alpha"]))
    assert response.status_code == 403
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage().startswith("Forbidden")
    assert record.exc_info is None
    assert "Traceback" not in caplog.text
