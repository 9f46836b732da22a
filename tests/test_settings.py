"""Start-up refuses malformed settings and names the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from verbund.lib.env import env_bool, env_database, env_int, env_list

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEBUG", "maybe"),
        ("DATABASE_URL", "mysql-ish://nothing"),
        ("DATABASE_URL", "postgres://user@host:notaport/db"),
        ("DATABASE_URL", "postgres://"),
        ("EMAIL_PORT", "twenty-five"),
        ("LOGIN_FAILURE_LIMIT", "0"),
        ("CACHE_URL", "memcached://x"),
    ],
)
def test_malformed_setting_stops_start_up_naming_the_variable(variable, value, tmp_path):
    env = {**os.environ, variable: value, "VERBUND_VAR_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "verbund", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"Configuration error: {variable}:")
    assert "Traceback" not in result.stderr


def test_booleans_accept_the_usual_spellings():
    assert env_bool("X", False, {"X": "Yes"}) is True
    assert env_bool("X", True, {"X": "off"}) is False
    assert env_bool("X", True, {"X": ""}) is True  # empty means "not set"
    with pytest.raises(ImproperlyConfigured, match=r"^X: "):
        env_bool("X", False, {"X": "maybe"})


def test_numbers_and_lists():
    assert env_int("N", 3, {}) == 3
    assert env_int("N", 3, {"N": "7"}) == 7
    assert env_list("L", ["a"], {"L": "x, y,,z"}) == ["x", "y", "z"]


def test_sqlite_is_the_default_and_gets_wal_and_a_busy_timeout(tmp_path):
    config = env_database("DATABASE_URL", str(tmp_path / "db.sqlite3"), {})
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["timeout"] >= 5


def test_postgres_url_selects_postgresql():
    config = env_database("DATABASE_URL", "", {"DATABASE_URL": "postgres://u:p@db:5432/verbund"})
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db", 5432, "verbund")


def test_secret_key_is_generated_once_into_the_var_directory(tmp_path):
    env = {**os.environ, "VERBUND_VAR_DIR": str(tmp_path)}
    env.pop("SECRET_KEY", None)
    code = "from django.conf import settings; print(settings.SECRET_KEY)"
    run = [
        sys.executable,
        "-c",
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE',"
        "'verbund.settings'); django.setup(); " + code,
    ]
    first = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    second = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert first.stdout == second.stdout
    assert len(first.stdout.strip()) > 40
    assert (tmp_path / "secret_key").read_text().strip() == first.stdout.strip()


def test_env_example_lists_every_variable_the_settings_read():
    import re

    settings_source = (ROOT / "verbund" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', settings_source))
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read, "no settings found: the pattern above is out of date"
    assert read - listed == set()
