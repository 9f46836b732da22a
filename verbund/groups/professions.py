"""The built-in profession categories of referral groups (``verbund/data/professions.toml``).

Pure Python (no Django). Groups add their own categories in the database (``GroupCategory``);
``label`` falls back to the key for a category that is in neither, so old data still shows.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "professions.toml"
LANGUAGES = ("de", "nl", "en")


@functools.cache
def _load() -> dict[str, dict[str, str]]:
    with DATA_FILE.open("rb") as handle:
        table = tomllib.load(handle)["professions"]
    entries: dict[str, dict[str, str]] = {}
    for key, values in table.items():
        missing = [lang for lang in LANGUAGES if not str(values.get(f"label_{lang}", "")).strip()]
        if missing:
            raise ValueError(f"{DATA_FILE.name}: professions.{key} lacks {', '.join(missing)}")
        entries[key] = {lang: values[f"label_{lang}"] for lang in LANGUAGES}
    return entries


def _language(lang: str) -> str:
    short = (lang or "").replace("_", "-").split("-")[0].lower()
    return short if short in LANGUAGES else "en"


def keys() -> list[str]:
    return list(_load())


def label(key: str, lang: str, own: Mapping[str, str] | None = None) -> str:
    """The category's label: a group's own entry first, then the built-in one, else the key."""
    if own and key in own:
        return own[key]
    entry = _load().get(key)
    return entry[_language(lang)] if entry else key


def choices(lang: str, own: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """(key, label) pairs, built-in and the group's own, sorted by label in ``lang``."""
    merged = {key: label(key, lang) for key in _load()}
    merged.update(own or {})
    return sorted(merged.items(), key=lambda item: item[1].casefold())
