"""Every whole number of the stock-taking has a documented maximum, and a value beyond it is
refused with a message that names the field, in the reader's language, also in the summary."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from tests.companies.test_stocktaking_views import CUSTOMERS, IDENTITY, STRENGTHS
from tests.conftest import World
from verbund.companies import forms as profile_forms
from verbund.companies import profile as profile_data
from verbund.companies.imports.validation import validate_profile

pytestmark = pytest.mark.django_db

STEP_FORMS = (
    profile_forms.IdentityForm,
    profile_forms.CustomersForm,
    profile_forms.StrengthsForm,
    profile_forms.GoalsForm,
    profile_forms.VisibilityForm,
    profile_forms.OfferForm,
    profile_forms.NeedForm,
)


def test_every_whole_number_field_has_a_maximum_that_names_the_field(world: World):
    found = []
    for cls in STEP_FORMS:
        kwargs = {"company": world.member_company, "language": "de"}
        form = cls(**kwargs) if issubclass(cls, profile_forms.StepForm) else cls()
        for name, field in form.fields.items():
            if isinstance(field, forms.IntegerField):
                assert isinstance(field, profile_forms.BoundedIntegerField), (cls, name)
                assert field.max_value is not None, (cls, name)
                found.append(name)
    assert set(found) == {
        "employees", "founded", "b2b", "b2c", "b2g", "customer_count",
        "partnering_hours_per_month",
    }  # fmt: skip


def _summary(response) -> str:
    assert response.status_code == 422
    found = re.search(r'data-testid="error-summary".*?</div>', response.content.decode(), re.S)
    assert found is not None
    return found.group(0)


@pytest.mark.parametrize(
    ("step", "data", "expected"),
    [
        (
            "identity",
            IDENTITY | {"employees": "99999999999999999999"},
            "<strong>Beschäftigte:</strong> „Beschäftigte“ darf höchstens 1.000.000 sein.",
        ),
        (
            "customers",
            CUSTOMERS | {"customer_count": "9223372036854775808"},
            "<strong>Anzahl aktiver Kunden:</strong> „Anzahl aktiver Kunden“ darf höchstens "
            "100.000.000 sein.",
        ),
        (
            "strengths",
            STRENGTHS | {"partnering_hours_per_month": "745"},
            "„Zeit für Partnerschaften (Stunden pro Monat)“ darf höchstens 744 sein.",
        ),
        (
            "identity",
            IDENTITY | {"founded": "999"},
            "„Gegründet (Jahr)“ muss mindestens 1000 sein.",
        ),
    ],
)
def test_too_large_a_number_is_named_in_german(world: World, step, data, expected):
    url = reverse("companies:stocktaking_step", args=[world.member_company.pk, step])
    summary = _summary(world.client_for("member").post(url, data))
    assert expected in summary
    assert "9223372036854775807" not in summary


def test_too_large_a_number_is_named_in_dutch(world: World):
    member = world.users["member"]
    member.language = "nl"
    member.save(update_fields=["language"])
    url = reverse("companies:stocktaking_step", args=[world.member_company.pk, "customers"])
    response = world.client_for("member").post(url, CUSTOMERS | {"customer_count": "10" * 12})
    summary = _summary(response)
    assert "„Aantal actieve klanten” mag hoogstens 100.000.000 zijn." in summary
    world.member_company.refresh_from_db()
    assert world.member_company.customer_count is None


def test_a_services_field_error_is_named_by_the_forms_label(world: World):
    form = profile_forms.CustomersForm(company=world.member_company, language="de")
    error = ValidationError({"customer_count": ["zu groß"], "__all__": ["allgemein"]})
    with translation.override("de"):
        found = profile_forms.service_errors(error, {"form": form})
    assert ("Anzahl aktiver Kunden", "zu groß") in found
    assert ("", "allgemein") in found


def test_the_import_uses_the_same_maximum():
    record = {"external_id": "x", "name": "X GmbH", "country": "DE"}
    problems = validate_profile(record | {"employees": profile_data.MAX_EMPLOYEES + 1}, 1)
    assert [(p.field, p.code, p.params["max"]) for p in problems] == [
        ("employees", "above_maximum", profile_data.MAX_EMPLOYEES)
    ]
    assert validate_profile(record | {"employees": profile_data.MAX_EMPLOYEES}, 1) == []
