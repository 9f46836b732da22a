"""The stock-taking forms: validation that names the field and never loses the other input."""

from __future__ import annotations

import pytest
from django.utils import translation

from tests.conftest import World
from verbund.companies import completeness
from verbund.companies.forms import (
    CustomersForm,
    GoalsForm,
    IdentityForm,
    NeedFormSet,
    OfferFormSet,
    StrengthsForm,
    VisibilityForm,
)
from verbund.companies.hints import HINTS, STEP_TITLES
from verbund.lib import catalogues

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # Assertions read English source strings; German needs the lead's translations first.
    with translation.override("en"):
        yield


def _identity(world: World, **data) -> IdentityForm:
    base = {"name": "Schulte Metallbau GmbH", "country": "DE", "city": "Münster"}
    return IdentityForm(base | data, company=world.member_company, language="en")


def _customers(world: World, **data) -> CustomersForm:
    return CustomersForm(data, company=world.member_company, language="en")


def _formset(cls, prefix: str, rows: list[dict], initial: int = 0):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
    }
    for index, row in enumerate(rows):
        data |= {f"{prefix}-{index}-{key}": value for key, value in row.items()}
    return cls(data, prefix=prefix)


# --- identity ---------------------------------------------------------------------------------


def test_identity_form_starts_from_the_stored_company(world: World):
    form = IdentityForm(company=world.member_company, language="en")
    assert form["name"].value() == "Schulte Metallbau GmbH"
    assert form["nace_codes"].value() == ["25.62"]
    assert 'value="25.62"' in str(form["nace_codes"])


def test_nace_codes_are_normalised_and_deduplicated(world: World):
    form = _identity(world, nace_codes="2562, 25.62,c, 73.11")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["nace_codes"] == ["25.62", "C", "73.11"]


def test_an_unknown_nace_code_is_named_in_the_error(world: World):
    form = _identity(world, nace_codes="25.62, 99.99", description="Kept text")
    assert not form.is_valid()
    assert "99.99" in form.errors["nace_codes"][0]
    assert "Unknown NACE code" in form.errors["nace_codes"][0]
    # The rest of the input is still there to be shown again.
    assert form["description"].value() == "Kept text"
    assert form["nace_codes"].value() == "25.62, 99.99"


def test_a_website_without_scheme_gets_https(world: World):
    form = _identity(world, website="schulte.example")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["website"] == "https://schulte.example"


@pytest.mark.parametrize("country", ["XX", "IT", ""])
def test_only_the_gazetteers_countries_can_be_chosen(world: World, country: str):
    form = _identity(world, country=country)
    assert not form.is_valid()
    assert "country" in form.errors


def test_a_founding_year_in_the_future_is_refused(world: World):
    form = _identity(world, founded="2999")
    assert not form.is_valid()
    assert "founded" in form.errors


def test_identity_form_hands_the_service_plain_values(world: World):
    form = _identity(world, languages=["de", "nl"], employees="12", legal_form=" GmbH ")
    assert form.is_valid(), form.errors
    fields = form.to_fields()
    assert fields["languages"] == ["de", "nl"]
    assert fields["employees"] == 12
    assert fields["legal_form"] == "GmbH"


# --- offers and needs -------------------------------------------------------------------------


def test_offer_rows_become_service_items_and_empty_rows_are_dropped():
    formset = _formset(
        OfferFormSet,
        "offers",
        [
            {"title": "Laser cutting", "description": "Up to 25 mm steel", "nace_codes": "25.62",
             "keywords": "laser, steel, laser"},
            {"title": "", "description": "", "nace_codes": "", "keywords": ""},
        ],
    )  # fmt: skip
    assert formset.is_valid(), formset.errors
    assert formset.items() == [
        {
            "title": "Laser cutting",
            "description": "Up to 25 mm steel",
            "nace_codes": ["25.62"],
            "keywords": ["laser", "steel"],
        }
    ]


def test_an_offer_with_text_but_no_title_asks_for_a_title():
    formset = _formset(OfferFormSet, "offers", [{"title": "", "description": "Welding"}])
    assert not formset.is_valid()
    assert "title" in formset.errors[0]


def test_a_removed_offer_is_not_saved():
    formset = _formset(OfferFormSet, "offers", [{"title": "Old offer", "DELETE": "on"}], initial=1)
    assert formset.is_valid(), formset.errors
    assert formset.items() == []


@pytest.mark.parametrize("priority", ["0", "4", "high"])
def test_a_need_priority_outside_1_to_3_is_refused(priority: str):
    formset = _formset(NeedFormSet, "needs", [{"title": "Coating", "priority": priority}])
    assert not formset.is_valid()
    assert "priority" in formset.errors[0]


def test_a_need_keeps_its_priority():
    formset = _formset(NeedFormSet, "needs", [{"title": "Coating", "priority": "1"}])
    assert formset.is_valid(), formset.errors
    assert formset.items()[0]["priority"] == 1


def test_an_unknown_nace_code_in_an_offer_is_named():
    formset = _formset(OfferFormSet, "offers", [{"title": "Cutting", "nace_codes": "25.62, 12345"}])
    assert not formset.is_valid()
    assert "12345" in formset.errors[0]["nace_codes"][0]


# --- customers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("b2b", "b2c", "b2g"), [("80", "10", "5"), ("90", "20", ""), ("50", "", "")]
)
def test_customer_shares_must_sum_to_100(world: World, b2b: str, b2c: str, b2g: str):
    form = _customers(world, b2b=b2b, b2c=b2c, b2g=b2g)
    assert not form.is_valid()
    assert "100" in form.non_field_errors()[0]
    assert "B2B" in form.non_field_errors()[0]


def test_customer_shares_are_stored_as_fractions(world: World):
    form = _customers(world, b2b="70", b2c="", b2g="30", customer_sizes=["small", "medium"])
    assert form.is_valid(), form.errors
    fields = form.to_fields()
    assert fields["customer_types"] == {"b2b": 0.7, "b2c": 0.0, "b2g": 0.3}
    assert fields["customer_sizes"] == ["small", "medium"]


def test_no_customer_shares_mean_not_stated(world: World):
    form = _customers(world)
    assert form.is_valid(), form.errors
    assert form.to_fields()["customer_types"] is None


def test_a_share_above_100_is_refused_on_its_field(world: World):
    form = _customers(world, b2b="120", b2c="0", b2g="0")
    assert not form.is_valid()
    assert "b2b" in form.errors


def test_customer_sizes_come_from_the_catalogue(world: World):
    form = _customers(world, customer_sizes=["gigantic"])
    assert not form.is_valid()
    assert "customer_sizes" in form.errors


def test_regions_are_upper_cased_and_bad_ones_named(world: World):
    good = _customers(world, customer_regions="de-nw, NL, nl-ov")
    assert good.is_valid(), good.errors
    assert good.to_fields()["customer_regions"] == ["DE-NW", "NL", "NL-OV"]
    bad = _customers(world, customer_regions="DE-NW, Westfalen")
    assert not bad.is_valid()
    assert "Westfalen" in bad.errors["customer_regions"][0]


def test_customer_sectors_use_the_nace_picker(world: World):
    form = _customers(world, customer_sectors="C, 43, ZZ")
    assert not form.is_valid()
    assert "ZZ" in form.errors["customer_sectors"][0]


# --- strengths and readiness ------------------------------------------------------------------


def _strengths(world: World, **data) -> StrengthsForm:
    return StrengthsForm(data, company=world.member_company, language="en")


def test_strengths_form_has_a_score_and_note_for_every_dimension(world: World):
    form = StrengthsForm(company=world.member_company, language="en")
    assert form.dimensions == catalogues.keys("dimensions")
    score, _note = form.dimension_rows()[0]
    assert score.help_text == catalogues.get("dimensions", "sales").help("en")


@pytest.mark.parametrize("score", ["0", "6", "9", "x"])
def test_a_score_outside_1_to_5_is_refused(world: World, score: str):
    form = _strengths(world, score_sales=score)
    assert not form.is_valid()
    assert "score_sales" in form.errors


def test_scores_and_notes_go_to_the_service(world: World):
    form = _strengths(
        world,
        score_sales="4",
        note_sales="Two field sales people",
        score_digital="2",
        partnering_hours_per_month="8",
        sponsor_name="Anna Schulte",
        sponsor_email="anna@schulte.example",
        contact_name="Jan Peters",
    )
    assert form.is_valid(), form.errors
    assert form.scores() == ({"sales": 4, "digital": 2}, {"sales": "Two field sales people"})
    assert form.to_fields()["partnering_hours_per_month"] == 8
    assert form.to_fields()["sponsor_email"] == "anna@schulte.example"


def test_a_note_without_a_score_asks_for_the_score(world: World):
    form = _strengths(world, note_sales="We sell well")
    assert not form.is_valid()
    assert "score_sales" in form.errors


def test_a_bad_sponsor_email_is_refused(world: World):
    form = _strengths(world, sponsor_email="not-an-address")
    assert not form.is_valid()
    assert "sponsor_email" in form.errors


# --- goals, forms, visibility -----------------------------------------------------------------


def _goals(world: World, **data) -> GoalsForm:
    return GoalsForm(data, company=world.member_company, language="en")


def test_goals_with_priority_and_target_markets(world: World):
    form = _goals(
        world,
        goal_new_markets="on",
        priority_new_markets="1",
        markets_new_markets="nl, BE",
        goal_reduce_costs="on",
        forms=["referral_partnership", "project_group"],
    )
    assert form.is_valid(), form.errors
    assert form.goals() == [
        {"goal": "new_markets", "priority": 1, "markets": ["NL", "BE"]},
        {"goal": "reduce_costs", "priority": 2, "markets": []},
    ]
    assert form.to_fields() == {"forms": ["referral_partnership", "project_group"]}


@pytest.mark.parametrize("priority", ["0", "5"])
def test_a_goal_priority_outside_1_to_3_is_refused(world: World, priority: str):
    form = _goals(world, goal_reduce_costs="on", priority_reduce_costs=priority)
    assert not form.is_valid()
    assert "priority_reduce_costs" in form.errors


def test_an_unknown_form_of_cooperation_is_refused(world: World):
    form = _goals(world, forms=["merger"])
    assert not form.is_valid()
    assert "forms" in form.errors


def test_goals_form_shows_catalogue_help_texts(world: World):
    form = GoalsForm(company=world.member_company, language="nl")
    assert form["goal_new_markets"].help_text == catalogues.get("goals", "new_markets").help("nl")
    assert form.fields["forms"].entries[0]["help"] == catalogues.entries("forms")[0].help("nl")


def test_visibility_form_offers_every_section_and_level(world: World):
    form = VisibilityForm(
        {"visibility": "anonymous"}
        | {f"level_{g}": "private" for g in ("contact", "size", "offers", "needs", "customers",
                                             "strengths", "readiness", "goals")},
        company=world.member_company,
        language="en",
    )  # fmt: skip
    assert form.is_valid(), form.errors
    fields = form.to_fields()
    assert fields["visibility"] == "anonymous"
    assert set(fields["field_visibility"].values()) == {"private"}


def test_visibility_form_refuses_unknown_levels(world: World):
    form = VisibilityForm(
        {"visibility": "public", "level_contact": "everyone"},
        company=world.member_company,
        language="en",
    )
    assert not form.is_valid()
    assert {"visibility", "level_contact"} <= set(form.errors)


# --- hints --------------------------------------------------------------------------------------


def test_every_completeness_item_has_a_hint_and_every_step_a_title():
    assert set(HINTS) == {item.key for item in completeness.ITEMS}
    assert {item.step for item in completeness.ITEMS} <= set(STEP_TITLES)
    assert str(HINTS["description"].why).count(str(completeness.MIN_DESCRIPTION)) == 1


def test_hints_are_translated_when_read():
    with translation.override("de"):
        german = HINTS["strengths"].why
    assert str(completeness.MIN_RATED_DIMENSIONS) in german
