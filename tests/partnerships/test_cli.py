"""The command-line verbs: reminders (idempotent), listing, showing, PDF export."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.conftest import World
from tests.partnerships.conftest import Items, send_request
from verbund.partnerships.models import ContactRequest


def _run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_send_reminders_reminds_once(world: World, items: Items):
    request = send_request(world, items)
    ContactRequest.objects.filter(pk=request.pk).update(
        created_at=timezone.now() - timedelta(days=8)
    )
    assert "1 contact request(s)" in _run("send_reminders")
    assert "0 contact request(s)" in _run("send_reminders")


def test_list_show_and_requests(world: World, active_partnership):
    listing = _run("partnerships", "list", "--network", "alpha")
    assert f"{active_partnership.pk}\tagreed" in listing
    assert "Schulte Metallbau GmbH" in listing
    shown = _run("partnerships", "show", str(active_partnership.pk))
    assert "v1 active" in shown and "review 1" in shown
    assert "accepted" in _run("partnerships", "requests", "--network", "alpha")


def test_agreement_pdf_is_written(world: World, active_partnership, tmp_path):
    target = tmp_path / "agreement.pdf"
    _run(
        "partnerships", "agreement-pdf", str(active_partnership.pk), "1",
        "--language", "nl", "--output", str(target),
    )  # fmt: skip
    assert target.read_bytes().startswith(b"%PDF")


def test_an_unknown_network_is_a_clear_error(world: World):
    with pytest.raises(CommandError, match="nowhere"):
        _run("partnerships", "list", "--network", "nowhere")
