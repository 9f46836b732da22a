"""NACE Rev. 2, the EU's classification of economic activities, with labels in de, nl and en.

The data file ``verbund/data/nace_rev2.csv`` (996 codes: 21 sections, 88 divisions, 272 groups,
615 classes) is produced by ``scripts/build_nace.py``; see ``verbund/data/SOURCES.md``.

Pure Python on purpose (no Django): the matching engine and the importers use it outside requests.
Codes are canonical as Eurostat writes them: ``C`` (section), ``25`` (division), ``25.6`` (group),
``25.62`` (class). :func:`normalize` turns user and import input into that form.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "nace_rev2.csv"
LANGUAGES = ("de", "nl", "en")
FALLBACK_LANGUAGE = "en"

# Proximity of two different codes by the level of their lowest common ancestor: sharing only the
# section says little, sharing the group (e.g. 25.61 / 25.62) is nearly the same trade.
_PROXIMITY_BY_COMMON_LEVEL = {1: 0.25, 2: 0.5, 3: 0.75}
# Parentheses in NACE labels mostly hold exclusions ("(ohne Möbel)", "(except rice)"): a match only
# there is ranked after real matches.
_PARENTHESES = re.compile(r"\([^)]*\)")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@dataclass(frozen=True)
class NaceCode:
    code: str
    level: int  # 1 section, 2 division, 3 group, 4 class
    parent: str | None
    section: str
    # Excluded from hashing/equality: a code is identified by its code alone.
    labels: Mapping[str, str] = field(compare=False, repr=False)

    def label(self, lang: str) -> str:
        return self.labels.get(_language(lang)) or self.labels[FALLBACK_LANGUAGE]


@dataclass(frozen=True)
class _Table:
    codes: Mapping[str, NaceCode]  # in classification order
    children: Mapping[str, tuple[str, ...]]
    # lang -> (code, folded label without its parentheses, folded full label) per code, for search
    folded: Mapping[str, tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]]


@functools.cache
def _table() -> _Table:
    codes: dict[str, NaceCode] = {}
    children: dict[str, list[str]] = {}
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            labels = {lang: row[f"label_{lang}"] for lang in LANGUAGES}
            entry = NaceCode(
                code=row["code"],
                level=int(row["level"]),
                parent=row["parent"] or None,
                section=row["section"],
                labels=MappingProxyType(labels),
            )
            codes[entry.code] = entry
            children.setdefault(entry.code, [])
            if entry.parent:
                children.setdefault(entry.parent, []).append(entry.code)
    folded = {
        lang: tuple(
            (
                c.code,
                _fold_variants(_PARENTHESES.sub(" ", c.labels[lang])),
                _fold_variants(c.labels[lang]),
            )
            for c in codes.values()
        )
        for lang in LANGUAGES
    }
    return _Table(
        codes=MappingProxyType(codes),
        children=MappingProxyType({k: tuple(v) for k, v in children.items()}),
        folded=MappingProxyType(folded),
    )


def _language(lang: str) -> str:
    """'de-AT', 'nl_BE', 'EN' -> 'de', 'nl', 'en'; unknown languages fall back to English."""
    short = (lang or "").replace("_", "-").split("-")[0].lower()
    return short if short in LANGUAGES else FALLBACK_LANGUAGE


def _fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Möbel' -> 'mobel', 'Straße' -> 'strasse'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _fold_variants(text: str) -> tuple[str, ...]:
    """Folded text, plus the German transliteration so that 'Moebel' finds 'Möbel'."""
    plain = _fold(text)
    expanded = _fold(text.translate(_UMLAUTS))
    return (plain,) if expanded == plain else (plain, expanded)


def all_codes() -> list[NaceCode]:
    """Every code in classification order (A, 01, 01.1, 01.11, ...)."""
    return list(_table().codes.values())


@functools.lru_cache(maxsize=8192)
def normalize(code: str) -> str | None:
    """Canonical form of a NACE code, or None if it is not one.

    Accepts what people and registers write: ' 25.62 ', '2562', '25 62', '256' (-> '25.6'),
    'c' (-> 'C'), 'C25.62' (section letter in front), and the five- or six-digit national
    subclasses built on NACE (German WZ 2008 '25.62.0', Dutch SBI '25621'), which are cut back to
    the NACE class they refine.
    """
    text = re.sub(r"\s+", "", code or "").upper()
    if not text:
        return None
    if re.fullmatch(r"[A-U]", text):
        return text
    section = None
    if re.fullmatch(r"[A-U]\d.*", text):
        section, text = text[0], text[1:]
    if not re.fullmatch(r"\d{2}(\.?\d){0,4}", text):
        return None
    digits = text.replace(".", "")[:4]
    canonical = digits if len(digits) == 2 else f"{digits[:2]}.{digits[2:]}"
    found = _table().codes.get(canonical)
    if found is None or (section is not None and found.section != section):
        return None
    return canonical


def is_valid(code: str) -> bool:
    return normalize(code) is not None


def get(code: str) -> NaceCode | None:
    canonical = normalize(code)
    return _table().codes[canonical] if canonical else None


def _require(code: str) -> NaceCode:
    found = get(code)
    if found is None:
        raise KeyError(f"not a NACE Rev. 2 code: {code!r}")
    return found


def label(code: str, lang: str) -> str:
    """Label in `lang` (de, nl, en; regional variants like 'de-AT' work), English otherwise."""
    return _require(code).label(lang)


def children(code: str) -> list[NaceCode]:
    """Direct children: divisions of a section, groups of a division, classes of a group."""
    table = _table()
    return [table.codes[c] for c in table.children[_require(code).code]]


def descendants(code: str, *, include_self: bool = False) -> list[NaceCode]:
    """All codes below `code`, depth first in classification order ('NACE incl. children')."""
    table = _table()
    start = _require(code)

    def walk(current: str) -> Iterator[NaceCode]:
        for child in table.children[current]:
            yield table.codes[child]
            yield from walk(child)

    found = list(walk(start.code))
    return [start, *found] if include_self else found


def ancestors(code: str) -> list[NaceCode]:
    """Codes above `code`, nearest first: ancestors('25.62') -> [25.6, 25, C]."""
    table = _table()
    result = []
    current = _require(code)
    while current.parent:
        current = table.codes[current.parent]
        result.append(current)
    return result


def search(query: str, lang: str = FALLBACK_LANGUAGE, limit: int = 20) -> list[NaceCode]:
    """Codes whose code or label (in `lang`) contains the query, best first.

    Case- and accent-insensitive ('moebel', 'Möbel' and 'mobel' all find 'Herstellung von Möbeln').
    Ranking: exact code, then codes starting with the query (so '25' lists 25, 25.1, 25.11 ...),
    then labels starting with the query, then labels with a word starting with it, then any other
    label containing all words of the query, and last matches only inside parentheses (mostly
    exclusions such as "(ohne Möbel)"); broader codes first within each rank.
    """
    text = (query or "").strip()
    if not text or limit <= 0:
        return []
    table = _table()
    lang = _language(lang)
    ranked: list[tuple[int, int, int, str]] = []
    position = {code: i for i, code in enumerate(table.codes)}

    exact = normalize(text)
    code_prefix = re.sub(r"[\s.]", "", text).upper()
    if not re.fullmatch(r"[A-U]|\d{1,4}", code_prefix):
        code_prefix = ""

    needles = _fold_variants(text)
    words = [w for w in re.split(r"\W+", needles[0]) if w]
    for code, main, full in table.folded[lang]:
        entry = table.codes[code]
        rank: int | None
        if code == exact:
            rank = 0
        elif code_prefix and entry.level > 1 and code.replace(".", "").startswith(code_prefix):
            rank = 1
        else:
            rank = _label_rank(main, needles, words)
            if rank is None:
                rank = _label_rank(full, needles, words)
                rank = None if rank is None else rank + 4
        if rank is not None:
            ranked.append((rank, entry.level, position[code], code))
    ranked.sort()
    return [table.codes[code] for *_, code in ranked[:limit]]


def _label_rank(
    variants: tuple[str, ...], needles: tuple[str, ...], words: list[str]
) -> int | None:
    best = None
    for label_text in variants:
        for needle in needles:
            if label_text.startswith(needle):
                rank = 2
            elif re.search(r"(?<!\w)" + re.escape(needle), label_text):
                rank = 3
            elif needle in label_text:
                rank = 4
            else:
                continue
            best = rank if best is None else min(best, rank)
    if best is None and len(words) > 1 and any(all(w in v for w in words) for v in variants):
        best = 5
    return best


def proximity(a: str, b: str) -> float:
    """How related two activities are, 0..1, from where they meet in the hierarchy.

    1.0 for the same code; 0.75 when they share the group (25.61 / 25.62), 0.5 the division,
    0.25 only the section; 0.0 for different sections. A code and its own ancestor meet at the
    ancestor ('25' / '25.62' -> 0.5). Raises KeyError for something that is not a NACE code.
    """
    first, second = _require(a), _require(b)
    if first.code == second.code:
        return 1.0
    if first.section != second.section:
        return 0.0
    lineage = {first.code, *(c.code for c in ancestors(first.code))}
    for candidate in [second, *ancestors(second.code)]:
        if candidate.code in lineage:
            return _PROXIMITY_BY_COMMON_LEVEL[candidate.level]
    return 0.0  # unreachable: both share the section
