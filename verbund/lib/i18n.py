"""Translation catalogues without system gettext.

``python -m verbund.lib.i18n compile`` writes the .mo files with Babel, so a user's machine needs
no gettext tools. ``python -m verbund.lib.i18n check`` fails on any missing or fuzzy translation
(English included: its msgstr must be filled, usually identical to the msgid) and on placeholders
that differ between source and translation, which would crash at run time.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

PACKAGE_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = PACKAGE_DIR / "locale"
LANGUAGES = ("de", "nl", "en")
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}")


@dataclass(frozen=True)
class Problem:
    language: str
    msgid: str
    problem: str

    def __str__(self) -> str:
        return f"{self.language}: {self.problem}: {self.msgid!r}"


def locale_dirs() -> list[Path]:
    """The project catalogue first, then one per app that keeps its own (``verbund/<app>/locale``).

    Apps with their own catalogue keep their strings out of the shared one, so work on separate
    apps does not collide in one large .po file; Django finds app catalogues by itself.
    """
    return [LOCALE_DIR, *sorted(PACKAGE_DIR.glob("*/locale"))]


def po_files(locale_dir: Path | None = None) -> list[Path]:
    dirs = [locale_dir] if locale_dir else locale_dirs()
    return [path for directory in dirs for path in sorted(directory.glob("*/LC_MESSAGES/*.po"))]


def compile_catalogues(locale_dir: Path | None = None) -> list[Path]:
    written = []
    for po_path in po_files(locale_dir):
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo_path)
    return written


def _as_tuple(value: object) -> tuple[object, ...]:
    """Babel gives a str for singular messages and a tuple/list for plural ones."""
    return tuple(value) if isinstance(value, tuple | list) else (value,)


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def check_catalogues(locale_dir: Path | None = None) -> list[Problem]:
    problems: list[Problem] = []
    for directory in [locale_dir] if locale_dir else locale_dirs():
        problems.extend(_check_catalogue_dir(directory))
    return problems


def _check_catalogue_dir(locale_dir: Path) -> list[Problem]:
    problems: list[Problem] = []
    for language in LANGUAGES:
        po_path = locale_dir / language / "LC_MESSAGES" / "django.po"
        if not po_path.is_file():
            problems.append(Problem(language, str(po_path), "catalogue missing"))
            continue
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id:
                continue
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            if message.fuzzy:
                problems.append(Problem(language, msgid, "fuzzy"))
            strings = [str(text or "") for text in _as_tuple(message.string)]
            if not all(strings):
                problems.append(Problem(language, msgid, "untranslated"))
                continue
            expected = _placeholders(msgid)
            for translated in strings:
                if _placeholders(translated) != expected:
                    problems.append(
                        Problem(language, msgid, f"placeholders differ in {translated!r}")
                    )
    return problems


def fill_source_language(locale_dir: Path | None = None, language: str = "en") -> int:
    """Source strings are English: each English msgstr is its msgid."""
    if locale_dir is None:
        return sum(fill_source_language(directory, language) for directory in locale_dirs())
    from babel.messages.pofile import write_po

    po_path = locale_dir / language / "LC_MESSAGES" / "django.po"
    if not po_path.is_file():
        return 0
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        # English is the source language: the translation is the msgid itself, always (a fuzzy
        # guess by msgmerge from a similar string would otherwise survive).
        wanted = (message.id[0], message.id[1]) if isinstance(message.id, tuple) else message.id
        if message.string != wanted or message.fuzzy:
            message.string = wanted
            filled += 1
        message.flags.discard("fuzzy")
    with po_path.open("wb") as handle:
        write_po(handle, catalog, width=100)
    return filled


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "fill-en":
        print(f"filled {fill_source_language()} English entries")
        return 0
    if command == "compile":
        for path in compile_catalogues():
            print(f"compiled {path.relative_to(PACKAGE_DIR.parent)}")
        return 0
    if command == "check":
        problems = check_catalogues()
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} translation problem(s).", file=sys.stderr)
            return 1
        print("Translations complete: " + ", ".join(LANGUAGES))
        return 0
    print("usage: python -m verbund.lib.i18n compile|check|fill-en", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
