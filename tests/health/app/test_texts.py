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
    "debtor_party": "2", "amount_cents": 61_050, "unsettled_days": 120, "before": 4.0, "now": 2.5,
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
