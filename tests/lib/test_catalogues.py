"""Built-in catalogues (verbund.lib.catalogues)."""

from __future__ import annotations

import pytest

from verbund.lib import catalogues

# The keys that the design (shared/design/domain.md, "Catalogues") defines, in that order.
EXPECTED = {
    "goals": [
        "new_markets", "expand_customer_base", "broaden_portfolio", "reduce_costs",
        "know_how_exchange", "referral_business", "joint_marketing", "pool_resources",
        "overcome_entry_barriers", "share_risk",
    ],
    "forms": [
        "referral_partnership", "marketing_alliance", "project_group", "joint_venture",
        "outsourcing", "franchise", "distribution", "supplier_partnership",
        "development_partnership", "trusted_advisory", "cross_border_partnership",
    ],
    "dimensions": [
        "sales", "marketing", "production_capacity", "technical_know_how", "international",
        "financing", "digital", "skilled_staff", "quality_management", "customer_service",
    ],
    "factors": [
        "top_management_anchoring", "working_level_anchoring", "pace_alignment",
        "investment_willingness", "commitment", "trust", "communication",
        "joint_problem_solving",
    ],
    "kpis": [
        "referrals_given", "referrals_received", "referrals_won", "sourced_revenue",
        "influenced_revenue", "joint_campaigns", "projects_won", "leads", "meetings", "custom",
    ],
    "alerts": [
        "one_way_street", "empty_partnership", "unanswered_referral", "perception_gap",
        "kpi_shortfall", "review_overdue", "stalled_stage", "unsettled_costs",
        "declining_trust", "poor_service_feedback", "unanswered_contact_request",
    ],
    "revenue_bands": ["lt_250k", "250k_1m", "1m_2m", "2m_10m", "10m_50m", "gt_50m"],
    "customer_sizes": ["micro", "small", "medium", "large"],
    "network_kinds": [
        "chamber", "association", "cluster", "programme", "referral_group_organisation", "open",
    ],
    "visibility": ["network", "anonymous", "private"],
    "dismiss_reasons": [
        "competitor", "offer_not_needed", "too_far", "size_mismatch", "language",
        "already_known", "not_now", "other",
    ],
}  # fmt: skip


def test_the_file_holds_exactly_the_catalogues_of_the_domain() -> None:
    assert catalogues.names() == list(EXPECTED)
    assert list(catalogues.CATALOGUES) == list(EXPECTED)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_catalogue_has_exactly_the_domain_keys_in_order(name: str) -> None:
    assert catalogues.keys(name) == EXPECTED[name]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_every_entry_has_a_label_and_a_one_sentence_help_in_three_languages(name: str) -> None:
    for entry in catalogues.entries(name):
        for lang in ("de", "nl", "en"):
            label = entry.labels[lang]
            text = entry.helps[lang]
            assert label.strip() == label and label, (name, entry.key, lang)
            assert text.endswith("."), (name, entry.key, lang)
            assert text.count(". ") == 0, (name, entry.key, lang)  # one sentence
            assert len(text) <= 160, (name, entry.key, lang)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_labels_are_unique_within_a_catalogue_per_language(name: str) -> None:
    for lang in ("de", "nl", "en"):
        labels = [label for _, label in catalogues.choices(name, lang)]
        assert len(set(labels)) == len(labels), (name, lang)


def test_german_and_dutch_helps_are_written_in_their_own_language() -> None:
    for name in EXPECTED:
        for entry in catalogues.entries(name):
            assert entry.helps["de"] != entry.helps["en"]
            assert entry.helps["nl"] != entry.helps["en"]
            assert entry.helps["de"] != entry.helps["nl"]


def test_get_and_label_read_one_entry() -> None:
    entry = catalogues.get("factors", "trust")
    assert entry is not None
    assert entry.label("de") == "Vertrauen"
    assert entry.label("nl") == "Vertrouwen"
    assert catalogues.label("alerts", "one_way_street", "nl") == "Eenrichtingsverkeer"
    assert catalogues.label("alerts", "one_way_street", "de-DE") == "Einbahnstraße"
    assert catalogues.get("factors", "network_specific_key") is None


def test_unknown_languages_fall_back_to_english() -> None:
    assert catalogues.label("goals", "reduce_costs", "fr") == "Reduce costs"
    entry = catalogues.get("goals", "reduce_costs")
    assert entry is not None and entry.help("pl") == entry.helps["en"]


def test_choices_are_key_label_pairs_in_file_order() -> None:
    assert catalogues.choices("visibility", "de") == [
        ("network", "Im Netzwerk sichtbar"),
        ("anonymous", "Anonym"),
        ("private", "Privat"),
    ]


def test_an_unknown_catalogue_raises_a_key_error_that_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"unknown catalogue 'colours'.*goals"):
        catalogues.entries("colours")
    with pytest.raises(KeyError):
        catalogues.choices("colours", "de")


def test_an_unknown_key_in_a_known_catalogue_raises_on_label() -> None:
    with pytest.raises(KeyError, match="no entry 'nope'"):
        catalogues.label("goals", "nope", "de")


def test_entries_are_frozen_and_identified_by_key() -> None:
    entry = catalogues.entries("goals")[0]
    with pytest.raises(AttributeError):
        entry.key = "other"  # type: ignore[misc]
    assert entry == catalogues.get("goals", "new_markets")
    assert hash(entry) == hash(catalogues.get("goals", "new_markets"))
