"""NACE Rev. 2: the shipped classification and its helpers (verbund.lib.nace)."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from verbund.lib import nace


def test_the_classification_has_996_codes_with_21_88_272_615_per_level() -> None:
    codes = nace.all_codes()
    assert len(codes) == 996
    assert Counter(c.level for c in codes) == {1: 21, 2: 88, 3: 272, 4: 615}
    assert [c.code for c in codes if c.level == 1] == list("ABCDEFGHIJKLMNOPQRSTU")


def test_the_data_file_has_the_documented_columns_and_unique_codes() -> None:
    with nace.DATA_FILE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames == [
        "code",
        "level",
        "parent",
        "section",
        "label_de",
        "label_nl",
        "label_en",
    ]
    assert len({row["code"] for row in rows}) == len(rows) == 996


def test_every_code_has_a_clean_label_in_german_dutch_and_english() -> None:
    for code in nace.all_codes():
        for lang in ("de", "nl", "en"):
            text = code.labels[lang]
            assert text and text == text.strip() and "  " not in text, (code.code, lang)


def test_labels_are_translations_not_copies_of_the_english() -> None:
    for code in nace.all_codes():
        assert code.labels["de"] != code.labels["en"], code.code
        assert code.labels["nl"] != code.labels["en"], code.code


def test_section_titles_are_in_mixed_case_with_german_nouns_capitalised() -> None:
    assert nace.label("A", "en") == "Agriculture, forestry and fishing"
    assert nace.label("A", "de") == "Land- und Forstwirtschaft, Fischerei"
    assert nace.label("A", "nl") == "Landbouw, bosbouw en visserij"
    assert nace.label("M", "de") == (
        "Erbringung von freiberuflichen, wissenschaftlichen und technischen Dienstleistungen"
    )


def test_known_source_defects_are_corrected() -> None:
    assert "U0NDIFFERENTIATED".lower() not in nace.label("T", "en").lower()
    assert nace.label("25.21", "de") == (
        "Herstellung von Heizkörpern und -kesseln für Zentralheizungen"
    )


def test_the_hierarchy_is_consistent() -> None:
    codes = {c.code: c for c in nace.all_codes()}
    for code in codes.values():
        if code.level == 1:
            assert code.parent is None and code.section == code.code
            continue
        parent = codes[code.parent]
        assert parent.level == code.level - 1
        assert parent.section == code.section
        if code.level > 2:
            assert code.code.startswith(parent.code)
    # Every class sits below exactly one chain section > division > group.
    assert all(len(nace.ancestors(c.code)) == c.level - 1 for c in codes.values())


def test_children_are_the_direct_subcodes() -> None:
    assert [c.code for c in nace.children("25.6")] == ["25.61", "25.62"]
    assert [c.code for c in nace.children("C")][:3] == ["10", "11", "12"]
    assert len(nace.children("C")) == 24
    assert nace.children("25.62") == []


def test_descendants_cover_the_whole_subtree_for_a_search_including_children() -> None:
    below_c = nace.descendants("C")
    assert {c.section for c in below_c} == {"C"}
    assert len(below_c) == 24 + sum(len(nace.descendants(d.code)) for d in nace.children("C"))
    assert [c.code for c in nace.descendants("25.6")] == ["25.61", "25.62"]
    assert nace.descendants("25.6", include_self=True)[0].code == "25.6"
    assert sum(len(nace.descendants(s)) + 1 for s in "ABCDEFGHIJKLMNOPQRSTU") == 996


def test_ancestors_run_from_the_parent_up_to_the_section() -> None:
    assert [c.code for c in nace.ancestors("25.62")] == ["25.6", "25", "C"]
    assert nace.ancestors("C") == []


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("25.62", "25.62"),
        (" 25.62 ", "25.62"),
        ("2562", "25.62"),
        ("25 62", "25.62"),
        ("256", "25.6"),
        ("25", "25"),
        ("c", "C"),
        ("C25.62", "25.62"),
        ("25.62.0", "25.62"),  # German WZ 2008 subclass
        ("62011", "62.01"),  # Dutch SBI subclass
    ],
)
def test_normalize_accepts_what_people_and_registers_write(raw: str, canonical: str) -> None:
    assert nace.normalize(raw) == canonical
    assert nace.is_valid(raw)


@pytest.mark.parametrize("raw", ["", "Z", "99.99", "2", "D25.62", "abc", "25..62x"])
def test_normalize_rejects_what_is_not_a_nace_code(raw: str) -> None:
    assert nace.normalize(raw) is None
    assert not nace.is_valid(raw)
    assert nace.get(raw) is None


def test_get_returns_a_frozen_code_with_labels() -> None:
    code = nace.get("2562")
    assert code is not None
    assert (code.code, code.level, code.parent, code.section) == ("25.62", 4, "25.6", "C")
    assert code.label("en") == "Machining"
    with pytest.raises(AttributeError):
        code.code = "x"  # type: ignore[misc]
    assert hash(code) == hash(nace.get("25.62"))


def test_label_falls_back_to_english_and_understands_regional_language_tags() -> None:
    assert nace.label("62.01", "fr") == nace.label("62.01", "en")
    assert nace.label("62.01", "de-AT") == nace.label("62.01", "de")
    assert nace.label("62.01", "nl_BE") == "Schrijven van computerprogramma's"
    with pytest.raises(KeyError):
        nace.label("99.99", "en")


def test_search_finds_labels_in_german_ignoring_case_and_umlauts() -> None:
    for query in ("Möbel", "möbel", "moebel", "MOBEL"):
        found = [c.code for c in nace.search(query, "de")]
        assert found[0] == "31", query
        assert "31.01" in found


def test_search_finds_labels_in_dutch_and_english() -> None:
    assert nace.search("bouwnijverheid", "nl")[0].code == "F"
    assert "10.71" in [c.code for c in nace.search("brood", "nl")]
    assert nace.search("software publishing", "en")[0].code == "58.2"
    assert [c.code for c in nace.search("computer programming", "en")][:2] == ["62", "62.0"]


def test_search_ranks_an_exact_code_and_code_prefixes_first() -> None:
    found = [c.code for c in nace.search("25", "de", limit=5)]
    assert found[0] == "25"
    assert all(code.startswith("25") for code in found)
    assert nace.search("2562", "en")[0].code == "25.62"
    assert nace.search("c", "en")[0].code == "C"


def test_search_puts_matches_inside_exclusions_last() -> None:
    found = [c.code for c in nace.search("rice", "en")]
    assert found == ["01.12", "01.11"]  # 01.11 is "cereals (except rice)"


def test_search_respects_the_limit_and_ignores_empty_queries() -> None:
    assert len(nace.search("e", "en", limit=7)) == 7
    assert nace.search("", "en") == []
    assert nace.search("   ", "de") == []


def test_proximity_is_one_for_the_same_code_and_zero_across_sections() -> None:
    assert nace.proximity("25.62", "2562") == 1.0
    assert nace.proximity("C", "C") == 1.0
    assert nace.proximity("25.62", "62.01") == 0.0
    assert nace.proximity("C", "J") == 0.0


def test_proximity_decreases_as_the_common_ancestor_gets_broader() -> None:
    same_group = nace.proximity("25.61", "25.62")
    same_division = nace.proximity("25.11", "25.62")
    same_section = nace.proximity("28.11", "25.62")
    assert 1.0 > same_group > same_division > same_section > 0.0
    assert nace.proximity("25", "25.62") == same_division  # they meet at division 25


def test_proximity_is_symmetric_and_bounded() -> None:
    sample = ["C", "25", "25.6", "25.62", "25.61", "28.1", "62.01", "01.11", "J"]
    for a in sample:
        for b in sample:
            value = nace.proximity(a, b)
            assert 0.0 <= value <= 1.0
            assert value == nace.proximity(b, a)


def test_proximity_rejects_unknown_codes() -> None:
    with pytest.raises(KeyError):
        nace.proximity("25.62", "99.99")
