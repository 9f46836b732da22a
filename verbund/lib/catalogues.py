"""Built-in catalogues (goals, forms, dimensions, factors, KPIs, alerts, bands, kinds, visibility).

The entries live in ``verbund/data/catalogues.toml``, each with a label and a one-sentence help
text in German, Dutch and English, and are referenced by key everywhere else. Networks switch
entries on or off and add their own in the database; this module only knows the shared defaults.

Pure Python (stdlib ``tomllib``), no Django, so forms, the API, the matching engine and the
health scoring all read the same definitions.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "catalogues.toml"
LANGUAGES = ("de", "nl", "en")
FALLBACK_LANGUAGE = "en"
CATALOGUES = (
    "goals",
    "forms",
    "dimensions",
    "factors",
    "kpis",
    "alerts",
    "revenue_bands",
    "customer_sizes",
    "network_kinds",
    "visibility",
    "dismiss_reasons",
)


@dataclass(frozen=True)
class Entry:
    key: str
    # Excluded from hashing/equality: an entry is identified by its key.
    labels: Mapping[str, str] = field(compare=False)
    helps: Mapping[str, str] = field(compare=False, repr=False)

    def label(self, lang: str) -> str:
        return self.labels.get(_language(lang)) or self.labels[FALLBACK_LANGUAGE]

    def help(self, lang: str) -> str:
        return self.helps.get(_language(lang)) or self.helps[FALLBACK_LANGUAGE]


def _language(lang: str) -> str:
    """'de-AT', 'nl_BE', 'EN' -> 'de', 'nl', 'en'; unknown languages fall back to English."""
    short = (lang or "").replace("_", "-").split("-")[0].lower()
    return short if short in LANGUAGES else FALLBACK_LANGUAGE


@functools.cache
def _load() -> Mapping[str, Mapping[str, Entry]]:
    with DATA_FILE.open("rb") as handle:
        raw = tomllib.load(handle)
    catalogues: dict[str, Mapping[str, Entry]] = {}
    for name, table in raw.items():
        entries: dict[str, Entry] = {}
        # tomllib keeps the order of the file, which is the display order.
        for key, values in table.items():
            missing = [
                f"{kind}_{lang}"
                for kind in ("label", "help")
                for lang in LANGUAGES
                if not str(values.get(f"{kind}_{lang}", "")).strip()
            ]
            if missing:
                raise ValueError(f"{DATA_FILE.name}: {name}.{key} lacks {', '.join(missing)}")
            entries[key] = Entry(
                key=key,
                labels=MappingProxyType({lang: values[f"label_{lang}"] for lang in LANGUAGES}),
                helps=MappingProxyType({lang: values[f"help_{lang}"] for lang in LANGUAGES}),
            )
        catalogues[name] = MappingProxyType(entries)
    return MappingProxyType(catalogues)


def _catalogue(catalogue: str) -> Mapping[str, Entry]:
    try:
        return _load()[catalogue]
    except KeyError:
        known = ", ".join(_load())
        raise KeyError(f"unknown catalogue {catalogue!r}; known catalogues: {known}") from None


def names() -> list[str]:
    """The catalogue names, in file order."""
    return list(_load())


def entries(catalogue: str) -> list[Entry]:
    """All entries of a catalogue in display order. KeyError for an unknown catalogue."""
    return list(_catalogue(catalogue).values())


def keys(catalogue: str) -> list[str]:
    return list(_catalogue(catalogue))


def get(catalogue: str, key: str) -> Entry | None:
    """The entry, or None if the catalogue has no such key (networks may store their own keys)."""
    return _catalogue(catalogue).get(key)


def label(catalogue: str, key: str, lang: str) -> str:
    """Label of a built-in entry in `lang` (English if that language is not available).

    KeyError for an unknown catalogue or key.
    """
    entry = get(catalogue, key)
    if entry is None:
        raise KeyError(f"catalogue {catalogue!r} has no entry {key!r}")
    return entry.label(lang)


def choices(catalogue: str, lang: str) -> list[tuple[str, str]]:
    """(key, label) pairs in display order, ready for a form field's choices."""
    return [(entry.key, entry.label(lang)) for entry in entries(catalogue)]
