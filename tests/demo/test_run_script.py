"""What `make run` leaves in the terminal: the demo logins once, each person's roles in that
person's language, after the start-up output; worker output (the demo e-mails) in var/log/; and
e-mailed links pointing at the port the server really runs on."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from verbund.accounts.services import user_create
from verbund.tenancy.services import membership_set, network_create

ROOT = Path(__file__).resolve().parents[2]

# Stand-ins for .venv/bin/verbund and gunicorn: they say what they were asked and with which
# SITE_URL, the worker as noisily as the console e-mail backend.
VERBUND = """#!/usr/bin/env bash
case "$1" in
  db_worker) for i in $(seq 50); do echo "WORKER NOISE $i"; done; sleep 30 ;;
  demo-logins) echo "DEMO LOGINS" ;;
  *) echo "COMMAND $1" ;;
esac
"""
GUNICORN = """#!/usr/bin/env bash
for i in $(seq 50); do grep -qs "NOISE 50" "$VERBUND_VAR_DIR/log/worker.log" && break
  sleep 0.1; done
echo "GUNICORN SITE_URL=$SITE_URL ARGS=$*"
"""


def _run(env: dict[str, str]) -> subprocess.CompletedProcess:
    """run.sh until the stand-in server returns; then end what it left (the loops' sleeps)."""
    process = subprocess.Popen(
        ["bash", str(ROOT / "scripts" / "run.sh")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _stub(directory: Path, name: str, text: str) -> None:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)


def test_run_prints_the_logins_once_keeps_the_worker_in_a_log_and_links_to_its_port(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _stub(bin_dir, "verbund", VERBUND)
    _stub(bin_dir, "gunicorn", GUNICORN)
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env |= {"VERBUND_BIN": str(bin_dir), "VERBUND_VAR_DIR": str(tmp_path / "var"), "PORT": "8123"}
    done = _run(env)
    out = done.stdout
    assert out.count("DEMO LOGINS") == 1
    assert "WORKER NOISE" not in out + done.stderr
    assert "GUNICORN SITE_URL=http://127.0.0.1:8123 " in out
    assert out.index("DEMO LOGINS") < out.index("Verbund runs on http://127.0.0.1:8123/")
    assert "--access-logfile -" not in out  # requests do not push the logins away either
    assert "WORKER NOISE 50" in (tmp_path / "var" / "log" / "worker.log").read_text()


def test_an_explicit_site_url_is_kept(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _stub(bin_dir, "verbund", VERBUND.replace("sleep 30", "true"))
    _stub(bin_dir, "gunicorn", GUNICORN)
    env = dict(os.environ) | {
        "VERBUND_BIN": str(bin_dir),
        "VERBUND_VAR_DIR": str(tmp_path / "var"),
        "SITE_URL": "https://verbund.example.org",
    }
    done = _run(env)
    assert "GUNICORN SITE_URL=https://verbund.example.org " in done.stdout


@pytest.mark.django_db
def test_demo_logins_show_each_persons_roles_in_their_language():
    network = network_create(name="Grenzenlos")
    dutch = user_create(
        email="coordinatie@demo.verbund.example", password="x", first_name="C", language="nl"
    )
    german = user_create(
        email="koordination@demo.verbund.example", password="x", first_name="K", language="de"
    )
    seat_only = user_create(email="gruppe-nl-05@demo.verbund.example", password=None)
    for person in (dutch, german, seat_only):
        membership_set(user=person, network=network, role="coordinator")
    out = StringIO()
    call_command("demo_logins", stdout=out)
    lines = {line.split()[0]: line for line in out.getvalue().splitlines()[1:]}
    assert "Coördinator · Grenzenlos" in lines["coordinatie@demo.verbund.example"]
    assert "Koordination · Grenzenlos" in lines["koordination@demo.verbund.example"]
    assert "gruppe-nl-05@demo.verbund.example" not in lines  # no password: cannot log in
