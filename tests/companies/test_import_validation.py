"""Every rule of the profile format, checked record by record (pure, no database)."""

from __future__ import annotations

import pytest

from verbund.companies.imports.messages import MESSAGES, render
from verbund.companies.imports.validation import FileValidator, validate_profile

VALID = {
    "external_id": "de-werbung-01",
    "name": "Beispiel Werbeagentur GmbH",
    "legal_form": "GmbH",
    "website": "https://werbung.example",
    "country": "DE",
    "postcode": "48143",
    "city": "Münster",
    "lat": 51.962,
    "lon": 7.626,
    "languages": ["de", "en"],
    "employees": 12,
    "revenue_band": "1m_2m",
    "founded": 2009,
    "nace": ["73.11", "C", "25", "25.6"],
    "description": "Werbung.",
    "offers": [{"title": "Kampagnen", "description": "Print", "nace": ["73.11"],
                "keywords": ["Messe"]}],
    "needs": [{"title": "Presse", "nace": ["70.21"], "keywords": ["PR"], "priority": 1}],
    "customers": {"sectors": ["C", "46"], "types": {"b2b": 0.9, "b2c": 0.1, "b2g": 0.0},
                  "sizes": ["small", "medium"], "regions": ["DE-NW", "NL"], "count": 60},
    "strengths": {"sales": 3, "marketing": 5},
    "strength_notes": {"sales": "Zwei Vertriebler"},
    "goals": [{"goal": "referral_business", "priority": 1, "markets": ["NL-OV"]}],
    "forms": ["referral_partnership"],
    "visibility": "anonymous",
    "readiness": {"hours_per_month": 8, "sponsor": "Anna Meyer",
                  "sponsor_email": "meyer@werbung.example", "contact": "Ben",
                  "contact_email": "ben@werbung.example"},
    "section_visibility": {"contact": "private", "strengths": "partners"},
}  # fmt: skip


def codes(profile) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in validate_profile(profile, 1)]


def test_the_documented_example_is_valid():
    assert codes(VALID) == []


def test_only_the_three_required_keys_are_needed():
    assert codes({"external_id": "x", "name": "X", "country": "nl"}) == []


def test_missing_required_keys_are_each_named():
    assert codes({}) == [
        ("external_id", "required"),
        ("name", "required"),
        ("country", "required"),
    ]


def test_unknown_keys_are_named():
    assert codes({**VALID, "colour": "blue"}) == [("colour", "unknown_key")]
    assert codes({**VALID, "customers": {"typ": {}}}) == [("customers.typ", "unknown_key")]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"name": ""}, ("name", "empty")),
        ({"name": "x" * 201}, ("name", "too_long")),
        ({"name": 5}, ("name", "not_text")),
        ({"country": "XX"}, ("country", "country_unknown")),
        ({"country": "DEU"}, ("country", "country_unknown")),
        ({"nace": ["99.99"]}, ("nace", "nace_unknown")),
        ({"nace": "25.62"}, ("nace", "not_list")),
        ({"revenue_band": "huge"}, ("revenue_band", "revenue_band_unknown")),
        ({"employees": -1}, ("employees", "below_minimum")),
        ({"employees": 1.5}, ("employees", "not_integer")),
        ({"employees": True}, ("employees", "not_integer")),
        ({"founded": 209}, ("founded", "below_minimum")),
        ({"founded": 3000}, ("founded", "above_maximum")),
        ({"lat": 91.0}, ("lat", "coordinate_range")),
        ({"lon": -181}, ("lon", "coordinate_range")),
        ({"lat": None}, ("lat", "coordinates_incomplete")),
        ({"languages": ["deu"]}, ("languages", "language_unknown")),
        ({"website": "werbung.example"}, ("website", "url_invalid")),
        ({"forms": ["merger"]}, ("forms", "form_unknown")),
        ({"visibility": "public"}, ("visibility", "visibility_unknown")),
        ({"offers": [{"description": "no title"}]}, ("offers.1.title", "required")),
        ({"offers": [{"title": "A", "nace": ["00.00"]}]}, ("offers.1.nace", "nace_unknown")),
        ({"needs": [{"title": "A", "priority": 4}]}, ("needs.1.priority", "priority_invalid")),
        ({"needs": [{"title": "A", "colour": 1}]}, ("needs.1.colour", "unknown_key")),
        (
            {"customers": {"types": {"b2b": 0.5, "b2c": 0.2}}},
            ("customers.types", "shares_sum"),
        ),
        ({"customers": {"types": {"b2b": 1.5}}}, ("customers.types.b2b", "share_range")),
        ({"customers": {"sizes": ["huge"]}}, ("customers.sizes", "size_unknown")),
        ({"customers": {"regions": ["Nordrhein"]}}, ("customers.regions", "region_invalid")),
        ({"customers": {"regions": ["XX-NW"]}}, ("customers.regions", "region_invalid")),
        ({"customers": {"count": -3}}, ("customers.count", "below_minimum")),
        ({"strengths": {"sales": 3, "charm": 3}}, ("strengths.charm", "dimension_unknown")),
        ({"strengths": {"sales": 6}}, ("strengths.sales", "score_invalid")),
        ({"strength_notes": {"digital": "x"}}, ("strength_notes.digital", "note_without_score")),
        ({"goals": [{"goal": "world_domination"}]}, ("goals.1.goal", "goal_unknown")),
        ({"goals": [{"goal": "new_markets", "priority": 0}]}, ("goals.1.priority",
                                                                 "priority_invalid")),
        ({"goals": [{"goal": "new_markets", "markets": ["Holland"]}]}, ("goals.1.markets",
                                                                          "region_invalid")),
        ({"readiness": {"sponsor_email": "meyer"}}, ("readiness.sponsor_email",
                                                     "email_invalid")),
        ({"readiness": {"hours_per_month": -1}}, ("readiness.hours_per_month", "below_minimum")),
        ({"section_visibility": {"contact": "world"}}, ("section_visibility.contact",
                                                        "level_unknown")),
        ({"section_visibility": {"hobbies": "private"}}, ("section_visibility.hobbies",
                                                          "section_unknown")),
    ],
)  # fmt: skip
def test_each_rule_reports_the_field_and_a_code(change, expected):
    assert codes({**VALID, **change}) == [expected]


def test_a_goal_listed_twice_is_an_error():
    goals = [{"goal": "new_markets"}, {"goal": "new_markets"}]
    assert codes({**VALID, "goals": goals}) == [("goals.2.goal", "goal_duplicate")]


def test_every_problem_of_a_record_is_reported_not_just_the_first():
    problems = codes({**VALID, "country": "XX", "nace": ["99.99", "88.88"], "colour": 1})
    assert problems == [
        ("colour", "unknown_key"),
        ("country", "country_unknown"),
        ("nace", "nace_unknown"),
        ("nace", "nace_unknown"),
    ]


def test_a_line_that_is_not_an_object_is_an_error():
    assert codes([1, 2]) == [("", "not_an_object")]


def test_external_ids_must_be_unique_within_the_file():
    validator = FileValidator()
    assert validator.check(dict(VALID), 1) == []
    [problem] = validator.check(dict(VALID), 7)
    assert (problem.line, problem.field, problem.code) == (7, "external_id",
                                                           "duplicate_external_id")  # fmt: skip
    assert problem.params["first_line"] == 1


def test_every_problem_code_has_a_message_with_its_parameters(settings):
    from django.utils import translation

    problems = validate_profile({**VALID, "country": "XX", "nace": ["99.99"]}, 3)
    with translation.override("en"):
        for problem in problems:
            assert "%(" not in render(problem.code, problem.params)
        assert render("nace_unknown", {"value": "99.99"}) == "Unknown NACE code: 99.99."
    assert "place_not_found" in MESSAGES
