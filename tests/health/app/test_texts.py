"""Every code of the pure core has its words in German, Dutch and English: alert evidence, next
steps, reasons (a new code without a text would reach a page as nothing)."""

from __future__ import annotations

import pytest
from django.utils import translation

from verbund.health import codes, presentation

NAMES = {"1": "Schulte Metallbau GmbH", "2": "Bakker Installatietechniek B.V."}
SAMPLE = {
    "party": "1", "partner": "2", "given": 9, "received": 1, "window_days": 180,
    "days_silent": 64, "last_activity": "2026-09-01", "usual_gap_days": 45, "waiting": 2,
    "oldest_days": 20, "usual_days": 8.5, "factor": "trust", "gap": 3.0,
    "scores": {"1": 2.0, "2": 5.0}, "kpi": "referrals_given", "actual": 2, "expected": 6.5,
    "percent": 31, "target": 12, "due": "2026-08-01", "days_overdue": 50, "cadence_days": 91,
    "stage": "pilot", "days_in_stage": 250, "limit_days": 240, "owed_party": "1",
    "debtor_party": "2", "amount_cents": 61_050, "transfers": [["2", "1", 61_050]],
    "created": "2026-06-17", "unsettled_days": 120, "before": 4.0, "now": 2.5,
    "ratings": 3, "average": 2.3, "days_since": 12, "events": 14, "given_cents": 500_000,
    "received_cents": 0, "started": 6, "others_started": 0, "days": 3.5, "change": -1.5,
}  # fmt: skip


def sentences(language, table, render):
    with translation.override(language):
        return {
            code: render(code, {p: SAMPLE[p] for p in params}, NAMES)
            for code, params in table.items()
        }


@pytest.mark.parametrize("language", ["de", "nl", "en"])
@pytest.mark.parametrize(
    ("table", "render"),
    [(codes.EVIDENCE, presentation.evidence), (codes.REASONS, presentation.reason)],
    ids=["evidence", "reasons"],
)
def test_every_code_has_a_complete_sentence(language, table, render):
    for code, text in sentences(language, table, render).items():
        assert text and "…" not in text and "%(" not in text, (code, text)


@pytest.mark.parametrize("language", ["de", "nl", "en"])
def test_every_alert_kind_has_a_title_and_a_next_step(language):
    with translation.override(language):
        for kind, step in codes.NEXT_STEPS.items():
            assert presentation.next_step(step) and presentation.alert_title(kind) != kind


def test_the_texts_are_translated_not_copied():
    def evidence(language):
        with translation.override(language):
            return presentation.evidence(
                "one_way_street", {p: SAMPLE[p] for p in codes.EVIDENCE["one_way_street"]}, NAMES
            )

    assert evidence("de") == (
        "Schulte Metallbau GmbH hat in den letzten 6 Monaten 9 Empfehlungen an "
        "Bakker Installatietechniek B.V. gegeben und 1 zurückbekommen."
    )
    assert evidence("en").startswith("Schulte Metallbau GmbH passed 9 referrals to")
    assert "doorverwijzingen" in evidence("nl")
    with translation.override("de"):
        money = presentation.evidence("unsettled_costs", SAMPLE, NAMES)
    assert "610,50 €" in money


def test_a_kpi_shortfall_says_over_which_period_and_old_evidence_still_reads():
    evidence = {p: SAMPLE[p] for p in codes.EVIDENCE["kpi_shortfall"]} | {"days": 195}
    with translation.override("de"):
        text = presentation.evidence("kpi_shortfall", evidence, NAMES)
        stored_before = presentation.evidence(
            "kpi_shortfall", {k: v for k, v in evidence.items() if k != "days"}, NAMES
        )
    assert "Schulte Metallbau GmbH: 2 in den letzten 195 Tagen" in text
    assert "6,5" in text and "31 %" in text
    assert "fällig wären bis heute" in stored_before  # alerts stored without the period


def render(language, kind, **params):
    with translation.override(language):
        return presentation.evidence(kind, params, NAMES)


def test_unsettled_costs_name_every_debtor_with_its_own_amount():
    names = {**NAMES, "3": "Jansen Advies"}
    params = {
        "owed_party": "1", "debtor_party": "2", "amount_cents": 186_791, "unsettled_days": 120,
        "transfers": [["2", "1", 100_619], ["3", "1", 86_172]],
    }  # fmt: skip
    with translation.override("de"):
        text = presentation.evidence("unsettled_costs", params, names)
    assert "Bakker Installatietechniek B.V. schuldet Schulte Metallbau GmbH 1.006,19 €" in text
    assert "Jansen Advies schuldet Schulte Metallbau GmbH 861,72 €" in text
    assert "1.867,91" not in text
    # an alert stored before the transfers still reads
    old = {k: v for k, v in params.items() if k != "transfers"}
    assert "1,867.91 €" in render("en", "unsettled_costs", **old)


@pytest.mark.parametrize(
    ("language", "one", "many"),
    [("de", "vor 1 Tag.", "vor 2 Tagen."), ("nl", "1 dag geleden.", "2 dagen geleden."),
     ("en", "1 day ago.", "2 days ago.")],
)  # fmt: skip
def test_one_day_is_singular(language, one, many):
    with translation.override(language):
        assert presentation.reason("recently_active", {"days_since": 1}, NAMES).endswith(one)
        assert presentation.reason("recently_active", {"days_since": 2}, NAMES).endswith(many)
    overdue = {"due": "2026-08-01", "days_overdue": 1, "cadence_days": 91}
    assert "1 days" not in render(language, "review_overdue", **overdue)
    assert "1 Tagen" not in render(language, "review_overdue", **overdue)


def test_an_unanswered_referral_without_usual_answer_time_claims_none():
    params = {"party": "2", "waiting": 3, "oldest_days": 90}
    for language in ("de", "nl", "en"):
        text = render(language, "unanswered_referral", **params, usual_days=None)
        assert " 0 " not in text and "…" not in text
    assert "within a day" in render("en", "unanswered_referral", **params, usual_days=0.0)
    assert "usually take 8.5 days" in render("en", "unanswered_referral", **params, usual_days=8.5)


def test_an_empty_partnership_names_the_day_it_was_created():
    params = {"days_silent": 160, "last_activity": None, "created": "2026-06-17"}
    assert "17.06.2026" in render("de", "empty_partnership", **params)
    assert "160 dagen" in render("nl", "empty_partnership", **params)
