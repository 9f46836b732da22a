"""The pure rules: substance of a first contact, the stage path, the form templates."""

from __future__ import annotations

from datetime import UTC, datetime

from verbund.lib import catalogues
from verbund.partnerships import form_templates, stages, substance

FORMS = catalogues.keys("forms")
BRINGS = (
    "Wir fertigen Blechgehäuse und Gestelle in Kleinserien und bauen Ihre Steuerungen direkt "
    "ein, damit Ihre Kunden alles aus einer Hand bekommen."
)
STEP = "Ein Telefonat am Dienstag mit unserem Vertriebsleiter über zwei Anfragen."


def _check(**overrides):
    values = {
        "about_given": True,
        "brings": BRINGS,
        "form": "supplier_partnership",
        "first_step": STEP,
        "known_forms": FORMS,
    }
    values.update(overrides)
    return {(p.field, p.code) for p in substance.check(**values)}


def test_a_proposal_with_substance_passes():
    assert _check() == set()


def test_an_empty_request_names_every_missing_part():
    assert _check(about_given=False, brings="", form="", first_step="") == {
        ("about", "missing"),
        ("brings", "missing"),
        ("form", "missing"),
        ("first_step", "missing"),
    }


def test_stock_phrases_in_any_language_are_boilerplate():
    for text in (
        "We would like to get in touch. Looking forward to hearing from you!",
        "Wir möchten gerne mit Ihnen zusammenarbeiten. Ich freue mich auf Ihre Antwort.",
        "Wij willen graag samenwerken. Ik kijk uit naar uw reactie.",
        "gut gut gut gut gut gut gut gut gut gut gut gut gut gut",
    ):
        assert substance.is_boilerplate(text), text
    assert not substance.is_boilerplate(BRINGS)


def test_stock_phrases_with_a_word_changed_are_still_boilerplate():
    """Judged by what is left without stock words, not by exact phrases."""
    assert _check(
        brings="Wir würden gerne mit Ihnen in Kontakt treten und freuen uns sehr auf eine gute "
        "Zusammenarbeit mit Ihnen in der Zukunft.",
        first_step="Wir freuen uns auf Ihre Rückmeldung und einen Austausch.",
    ) == {("brings", "boilerplate"), ("first_step", "boilerplate")}
    for text in (
        "We would love to get in touch and are looking forward to a great cooperation.",
        "Wij willen graag contact met u opnemen en kijken uit naar een goede samenwerking.",
        "Wir möchten sehr gerne mit Ihnen in Kontakt treten.",
    ):
        assert substance.is_boilerplate(text), text


def test_short_but_concrete_texts_pass_in_every_language():
    for text in (
        STEP,
        "A call on Tuesday with our sales lead about two open enquiries.",
        "Een bezoek op 12 maart aan onze werkplaats in Enschede.",
        "Wir bringen Wartung ein und kennen Kunden in der Region, die genau diese Leistung "
        "regelmäßig nachfragen; gemeinsam können wir ihnen mehr aus einer Hand anbieten.",
    ):
        assert not substance.is_boilerplate(text), text


def test_too_short_texts_are_refused_with_the_minimum():
    problems = substance.check(
        about_given=True,
        brings="Wir liefern schnelle Blechteile für Schaltschränke.",
        form="supplier_partnership",
        first_step=STEP,
        known_forms=FORMS,
    )
    assert [(p.field, p.code, p.minimum) for p in problems] == [
        ("brings", "too_short", substance.MIN_BRINGS_WORDS)
    ]


def test_the_first_step_is_not_a_copy_of_what_the_sender_brings():
    assert _check(first_step=BRINGS) == {("first_step", "same_as_brings")}


def test_the_path_goes_forward_and_pilot_may_be_skipped():
    assert stages.allowed_targets("exploring") == [
        "pilot",
        "agreed",
        "strategic",
        "paused",
        "ended",
    ]
    assert stages.allowed_targets("ended") == []
    assert stages.allowed_targets("paused", paused_from="pilot") == ["pilot", "ended"]


def test_strategic_needs_twelve_months_and_two_reviews():
    agreed = datetime(2025, 3, 15, tzinfo=UTC)
    assert stages.strategic_missing(
        agreed_at=agreed, now=datetime(2026, 3, 14, tzinfo=UTC), completed_reviews=4
    ) == ["months"]
    assert stages.strategic_missing(
        agreed_at=agreed, now=datetime(2026, 3, 15, tzinfo=UTC), completed_reviews=1
    ) == ["reviews"]
    assert (
        stages.strategic_missing(
            agreed_at=agreed, now=datetime(2026, 3, 15, tzinfo=UTC), completed_reviews=2
        )
        == []
    )
    assert stages.strategic_missing(agreed_at=None, now=agreed, completed_reviews=9) == ["months"]


def test_every_form_has_a_complete_template_in_three_languages():
    loaded = form_templates.load()
    assert set(loaded.templates) == set(FORMS)
    for template in loaded.templates.values():
        assert template.goals and template.kpis and template.factors and template.risks
        assert any(template.checklists.values())
        for lang in ("de", "nl", "en"):
            assert template.success_text(lang)
    for text in [*loaded.checklist.values(), *loaded.risks.values()]:
        assert {text.label(lang) for lang in ("de", "nl", "en")}


def test_outsourcing_is_grounded_in_what_makes_it_succeed():
    outsourcing = form_templates.template("outsourcing")
    assert outsourcing.factors[0] == "top_management_anchoring"
    assert "provider_cannot_deliver" in outsourcing.risks
    assert "provider_track_record" in outsourcing.checklists["exploring"]
    group = form_templates.template("project_group")
    assert "appoint_leader" in group.checklists["contacted"]
    assert "assign_roles" in group.checklists["exploring"]


def test_strategic_needs_a_known_health_above_the_threshold():
    agreed = datetime(2025, 1, 15, tzinfo=UTC)
    now = datetime(2026, 3, 1, tzinfo=UTC)
    earned = {"agreed_at": agreed, "now": now, "completed_reviews": 2, "min_health": 70}
    assert stages.strategic_missing(**earned, health_score=64.5) == ["health"]
    assert stages.strategic_missing(**earned, health_score=70) == []
    assert stages.strategic_missing(**earned, health_score=None) == []  # not known yet


def test_every_faulty_kpi_and_contribution_row_is_reported_at_once():
    from verbund.partnerships import agreement_terms

    kpi = {"key": "meetings", "label": "", "target": "", "period": "quarter", "direction": {}}
    contribution = {"company": "1", "kind": "cash", "amount": "x", "due": "2026-01-01"}
    rows = [kpi, {**kpi, "target": "3"}, kpi]
    problems = agreement_terms._kpi_problems(rows, {"1"}, {"meetings"})
    assert [p.params["row"] for p in problems] == [1, 3]
    problems = agreement_terms._contribution_problems([contribution, contribution], {"1"})
    assert [p.params["row"] for p in problems] == [1, 2]
