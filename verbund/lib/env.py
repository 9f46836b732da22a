"""Read settings from the environment and fail loudly, naming the variable, on malformed values.

A typo in production configuration (``DEBUG=maybe``) must stop start-up rather than silently fall
back to a default that may be unsafe.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}

DATABASE_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql"}


class EnvError(ImproperlyConfigured):
    """A malformed environment variable. The message always starts with the variable's name."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        super().__init__(f"{name}: {problem}")


def _raw(name: str, environ: Mapping[str, str] | None) -> str | None:
    source = os.environ if environ is None else environ
    value = source.get(name)
    return None if value is None else value.strip()


def env_str(name: str, default: str = "", environ: Mapping[str, str] | None = None) -> str:
    value = _raw(name, environ)
    return default if value is None else value


def env_bool(name: str, default: bool, environ: Mapping[str, str] | None = None) -> bool:
    value = _raw(name, environ)
    if value is None or value == "":
        return default
    lowered = value.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise EnvError(name, f"expected true/false (1/0, yes/no, on/off), got {value!r}")


def env_int(
    name: str, default: int, environ: Mapping[str, str] | None = None, minimum: int | None = None
) -> int:
    value = _raw(name, environ)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise EnvError(name, f"expected a whole number, got {value!r}") from None
    if minimum is not None and number < minimum:
        raise EnvError(name, f"must be at least {minimum}, got {number}")
    return number


def env_list(name: str, default: list[str], environ: Mapping[str, str] | None = None) -> list[str]:
    value = _raw(name, environ)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(
    name: str, default: str, choices: set[str], environ: Mapping[str, str] | None = None
) -> str:
    value = _raw(name, environ)
    if value is None or value == "":
        return default
    if value not in choices:
        raise EnvError(name, f"expected one of {', '.join(sorted(choices))}, got {value!r}")
    return value


def env_database(
    name: str, default_sqlite_path: str, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Parse ``DATABASE_URL`` into Django's DATABASES entry; SQLite gets WAL and a busy timeout."""
    import dj_database_url

    value = _raw(name, environ)
    url = value or f"sqlite:///{default_sqlite_path}"
    parts = urlsplit(url)
    if parts.scheme not in DATABASE_SCHEMES:
        raise EnvError(
            name,
            f"unsupported or missing scheme in {url!r}; use sqlite:///path/to/db.sqlite3 "
            "or postgres://user:password@host:5432/name",
        )
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=0))
        if parts.scheme != "sqlite":
            # Accessing .port validates it; dj-database-url would otherwise pass garbage on.
            _ = parts.port
            if not parts.hostname or not parts.path.strip("/"):
                raise ValueError("host and database name are required")
    except (ValueError, KeyError) as exc:
        raise EnvError(name, f"malformed database URL {url!r} ({exc})") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the web server and the worker read while the other writes; IMMEDIATE
        # transactions plus a busy timeout turn write contention into waiting, not errors.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config
