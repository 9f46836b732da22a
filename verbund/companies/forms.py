"""Forms of the guided stock-taking and the profile pages.

Plain forms, not ModelForms: a ModelForm would change the company in memory while validating,
and ``services.company_update`` needs the old values to see whether the place changed. Each form
takes its initial values from the company (``initial_from``) and hands the service cleaned keyword
arguments (``to_fields``); catalogue labels and help texts come in the reader's language.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from verbund.companies import completeness, visibility
from verbund.companies import profile as profile_data
from verbund.companies.models import Company, Need
from verbund.companies.widgets import NacePickerWidget, split_codes
from verbund.lib import catalogues, geo, nace

# Country names for the gazetteer's countries, the only ones whose places can be resolved.
COUNTRY_NAMES: dict[str, Any] = {
    "DE": _("Germany"),
    "NL": _("Netherlands"),
    "BE": _("Belgium"),
    "LU": _("Luxembourg"),
    "AT": _("Austria"),
    "CH": _("Switzerland"),
    "FR": _("France"),
    "DK": _("Denmark"),
    "PL": _("Poland"),
}
assert set(COUNTRY_NAMES) == set(geo.COUNTRIES)

LANGUAGE_NAMES: dict[str, Any] = {
    "de": _("German"),
    "nl": _("Dutch"),
    "en": _("English"),
    "fr": _("French"),
    "da": _("Danish"),
    "pl": _("Polish"),
    "it": _("Italian"),
    "es": _("Spanish"),
}

PRIORITY_CHOICES = Need.Priority.choices  # 1 high, 2 medium, 3 low
SCORE_CHOICES = [("", "–")] + [(str(i), str(i)) for i in range(1, 6)]

# Field groups of the visibility page (keys from visibility.GROUPS).
GROUP_LABELS: dict[str, Any] = {
    "contact": _("Contact details (website, registry number, postcode)"),
    "size": _("Size (employees, revenue, founding year)"),
    "offers": _("What we offer"),
    "needs": _("What we are looking for"),
    "customers": _("Our customers"),
    "strengths": _("Strengths and weaknesses"),
    "readiness": _("Readiness (time, sponsor and contact)"),
    "goals": _("Goals and forms of cooperation"),
}
assert set(GROUP_LABELS) == set(visibility.GROUP_KEYS)

LEVEL_CHOICES = [
    (visibility.NETWORK, _("Network")),
    (visibility.PARTNERS, _("Partners only")),
    (visibility.PRIVATE, _("Private")),
]
LEVEL_HELP: dict[str, Any] = {
    visibility.NETWORK: _("Every member company of your networks can see it."),
    visibility.PARTNERS: _("Only companies you are in a partnership with can see it."),
    visibility.PRIVATE: _("Only your own people and your network's coordinators can see it."),
}

_REGION = re.compile(r"[A-Z]{2}(-[A-Z0-9]{1,3})?")


def _choices_with(choices: list[tuple[str, Any]], keep: Iterable[str]) -> list[tuple[str, Any]]:
    """Choices plus any stored values they lack, so that saving a form never drops data."""
    known = {key for key, _label in choices}
    return choices + [(value, value) for value in keep if value and value not in known]


# --- fields ---------------------------------------------------------------------------------


class NaceCodesField(forms.Field):
    """NACE codes as a list; typed as '25.62, 73.11' or picked in the searchable picker."""

    widget = NacePickerWidget
    default_error_messages = {
        "unknown": _("Unknown NACE code: %(codes)s. Use codes such as C, 25, 25.6 or 25.62."),
        "too_many": _("Choose at most %(max)s codes."),
    }

    def __init__(self, *, max_codes: int = 20, **kwargs: Any) -> None:
        self.max_codes = max_codes
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[str]:
        codes: list[str] = []
        bad: list[str] = []
        for raw in split_codes(value):
            code = nace.normalize(raw)
            if code is None:
                bad.append(raw)
            elif code not in codes:
                codes.append(code)
        if bad:
            raise forms.ValidationError(
                self.error_messages["unknown"], code="unknown", params={"codes": ", ".join(bad)}
            )
        if len(codes) > self.max_codes:
            raise forms.ValidationError(
                self.error_messages["too_many"], code="too_many", params={"max": self.max_codes}
            )
        return codes


class _CommaListField(forms.CharField):
    """A list stored as JSON, edited as comma-separated text."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 500)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value


class RegionsField(_CommaListField):
    """Countries (ISO 3166-1, 'NL') or regions (ISO 3166-2, 'DE-NW'), comma-separated."""

    default_error_messages = {
        "invalid_region": _(
            "Not a country or region code: %(codes)s. Use codes such as NL, DE or DE-NW."
        ),
    }

    def clean(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().clean(value) or ""
        codes: list[str] = []
        bad: list[str] = []
        for raw in re.split(r"[,;\s]+", text):
            code = raw.strip().upper()
            if not code:
                continue
            if not _REGION.fullmatch(code):
                bad.append(raw.strip())
            elif code not in codes:
                codes.append(code)
        if bad:
            raise forms.ValidationError(
                self.error_messages["invalid_region"],
                code="invalid_region",
                params={"codes": ", ".join(bad)},
            )
        return codes


class KeywordsField(_CommaListField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Keywords"))
        kwargs.setdefault("help_text", _("Comma-separated, e.g. “laser cutting, stainless steel”."))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().clean(value) or ""
        words: list[str] = []
        for part in text.split(","):
            word = part.strip()
            if word and word not in words:
                words.append(word[:60])
        return words


def _readable(number: int | None) -> str:
    """1000000 as '1.000.000' (de, nl) or '1,000,000' (en); years and other short numbers plain."""
    if number is None:
        return ""
    return number_format(number, force_grouping=abs(number) >= 10_000)


class BoundedIntegerField(forms.IntegerField):
    """A whole number between documented bounds (``profile.MAX_…``) whose error names the field.

    Django's own message ("Ensure this value is less than or equal to …") names no field, and
    the error summary above the form lists messages far from their inputs; a field without a
    maximum would let a slip of the keyboard through to the database column's limit.
    """

    default_error_messages = {
        "max_value": _("“%(field)s” can be at most %(max)s."),
        "min_value": _("“%(field)s” must be at least %(min)s."),
    }

    def __init__(self, *, min_value: int = 0, max_value: int, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(min_value=min_value, max_value=max_value, **kwargs)

    def set_bounds(self, min_value: int, max_value: int) -> None:
        """For bounds known only when the form is built (the current year)."""
        self.min_value, self.max_value = min_value, max_value
        self.validators = [
            v for v in self.validators if not isinstance(v, MinValueValidator | MaxValueValidator)
        ] + [MinValueValidator(min_value), MaxValueValidator(max_value)]
        self.widget.attrs.update({"min": min_value, "max": max_value})

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is None:
            return
        params = {
            "field": str(self.label),
            "min": _readable(self.min_value),
            "max": _readable(self.max_value),
        }
        if self.max_value is not None and value > self.max_value:
            raise forms.ValidationError(
                self.error_messages["max_value"], code="max_value", params=params
            )
        if self.min_value is not None and value < self.min_value:
            raise forms.ValidationError(
                self.error_messages["min_value"], code="min_value", params=params
            )


class CatalogueChoiceField(forms.MultipleChoiceField):
    """Checkboxes for catalogue entries; ``entries`` carries label and help for the template."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, catalogue: str, language: str, **kwargs: Any) -> None:
        self.entries = [
            {"key": e.key, "label": e.label(language), "help": e.help(language)}
            for e in catalogues.entries(catalogue)
        ]
        kwargs.setdefault("required", False)
        super().__init__(choices=[(e["key"], e["label"]) for e in self.entries], **kwargs)


# --- steps ----------------------------------------------------------------------------------


class StepForm(forms.Form):
    """A form of one stock-taking step: built in the reader's language, from a company."""

    def __init__(self, *args: Any, company: Company, language: str, **kwargs: Any) -> None:
        self.company = company
        self.language = language
        kwargs.setdefault("initial", self.initial_from(company))
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def initial_from(self, company: Company) -> dict[str, Any]:
        return {}

    def to_fields(self) -> dict[str, Any]:
        """Keyword arguments for ``services.company_update``."""
        return {}


IDENTITY_FIELDS = (
    "name", "legal_form", "registry_id", "website", "country", "postcode", "city", "languages",
    "employees", "revenue_band", "founded", "nace_codes", "description",
)  # fmt: skip


class IdentityForm(StepForm):
    name = forms.CharField(label=_("Company name"), max_length=200)
    legal_form = forms.CharField(
        label=_("Legal form"),
        max_length=60,
        required=False,
        help_text=_("e.g. GmbH, B.V., e.K."),
    )
    registry_id = forms.CharField(
        label=_("Registry number"),
        max_length=100,
        required=False,
        help_text=_("e.g. Handelsregister (HRB 1234 Münster) or KvK number"),
    )
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", max_length=200
    )
    country = forms.ChoiceField(label=_("Country"))
    postcode = forms.CharField(label=_("Postcode"), max_length=20, required=False)
    city = forms.CharField(
        label=_("City"),
        max_length=120,
        required=False,
        help_text=_("The town or city as it is usually written; we look it up offline."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    employees = BoundedIntegerField(
        label=_("Employees"),
        max_value=profile_data.MAX_EMPLOYEES,
        help_text=_("Head count including the owners."),
    )
    revenue_band = forms.ChoiceField(label=_("Annual revenue"), required=False)
    founded = BoundedIntegerField(
        label=_("Founded (year)"),
        min_value=profile_data.EARLIEST_FOUNDED,
        max_value=datetime.date.today().year,
    )
    nace_codes = NaceCodesField(
        label=_("Activities (NACE codes)"),
        help_text=_(
            "Search by word or code and pick the activities that describe your business, "
            "or type codes separated by commas, e.g. 25.62, 33.12."
        ),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        company = self.company
        self.fields["country"].choices = _choices_with(
            [(code, COUNTRY_NAMES[code]) for code in geo.COUNTRIES], [company.country]
        )
        self.fields["languages"].choices = _choices_with(
            list(LANGUAGE_NAMES.items()), company.languages or []
        )
        self.fields["revenue_band"].choices = [("", _("not stated"))] + [
            (key, label) for key, label in Company.RevenueBand.choices
        ]
        # The year changes while the process runs; the class attribute holds the start year.
        self.fields["founded"].set_bounds(profile_data.EARLIEST_FOUNDED, datetime.date.today().year)
        self.fields["description"].help_text = _(
            "What you do and for whom, in a few sentences (at least %(min)s characters). "
            "German, Dutch or English."
        ) % {"min": completeness.MIN_DESCRIPTION}

    def initial_from(self, company: Company) -> dict[str, Any]:
        return {name: getattr(company, name) for name in IDENTITY_FIELDS}

    def clean_name(self) -> str:
        return self.cleaned_data["name"].strip()

    def to_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields = {name: data[name] for name in IDENTITY_FIELDS}
        for name in ("legal_form", "registry_id", "postcode", "city", "description"):
            fields[name] = (fields[name] or "").strip()
        return fields


class ProfileItemForm(forms.Form):
    """One offer (or need). A row left completely empty is simply not saved."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("In German, Dutch or English."),
    )
    nace_codes = NaceCodesField(label=_("Activities (NACE codes)"), max_codes=10)
    keywords = KeywordsField()

    missing_title = _("Give it a short title.")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        filled = (
            any(data.get(name) for name in ("description", "nace_codes", "keywords")) or self.errors
        )
        if not (data.get("title") or "").strip() and filled and not self._deleting():
            self.add_error("title", self.missing_title)
        return data

    def _deleting(self) -> bool:
        return bool(self.cleaned_data.get("DELETE"))

    def item(self) -> dict[str, Any] | None:
        """The row as a service item, or None when it is empty or marked for removal."""
        data = self.cleaned_data
        if not data or data.get("DELETE") or not (data.get("title") or "").strip():
            return None
        return {
            "title": data["title"].strip(),
            "description": (data.get("description") or "").strip(),
            "nace_codes": data.get("nace_codes") or [],
            "keywords": data.get("keywords") or [],
        }


class OfferForm(ProfileItemForm):
    title = forms.CharField(
        label=_("What we offer"),
        max_length=200,
        required=False,
        help_text=_("A short title, e.g. “Laser cutting of sheet metal”."),
    )


class NeedForm(ProfileItemForm):
    title = forms.CharField(
        label=_("What we are looking for"),
        max_length=200,
        required=False,
        help_text=_("A short title, e.g. “Partner for surface coating”."),
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"),
        choices=PRIORITY_CHOICES,
        coerce=int,
        initial=2,
        required=False,
        empty_value=2,
    )

    field_order = ["title", "priority", "description", "nace_codes", "keywords"]

    def item(self) -> dict[str, Any] | None:
        item = super().item()
        if item is not None:
            item["priority"] = self.cleaned_data.get("priority") or 2
        return item


class _ItemFormSet(forms.BaseFormSet):
    noun: Any = ""  # names a row in the error summary: "Offer 2 – Title: …"

    def items(self) -> list[dict[str, Any]]:
        return [item for form in self.forms if (item := form.item()) is not None]


class _OfferFormSet(_ItemFormSet):
    noun = _("Offer")


class _NeedFormSet(_ItemFormSet):
    noun = _("Need")


MAX_ITEMS = 30
OfferFormSet = forms.formset_factory(
    OfferForm, formset=_OfferFormSet, extra=1, can_delete=True, max_num=MAX_ITEMS,
    validate_max=True,
)  # fmt: skip
NeedFormSet = forms.formset_factory(
    NeedForm, formset=_NeedFormSet, extra=1, can_delete=True, max_num=MAX_ITEMS,
    validate_max=True,
)  # fmt: skip


def item_initial(items: Iterable[Any], *, need: bool) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        row = {
            "title": item.title,
            "description": item.description,
            "nace_codes": list(item.nace_codes),
            "keywords": list(item.keywords),
        }
        if need:
            row["priority"] = item.priority
        rows.append(row)
    return rows


class CustomersForm(StepForm):
    customer_sectors = NaceCodesField(
        label=_("Sectors of your customers"),
        help_text=_(
            "The industries you sell to, as NACE sections or codes: e.g. C for manufacturing, "
            "43 for specialised construction."
        ),
    )
    b2b = BoundedIntegerField(label=_("Businesses (B2B) %"), max_value=100)
    b2c = BoundedIntegerField(label=_("Consumers (B2C) %"), max_value=100)
    b2g = BoundedIntegerField(label=_("Public sector (B2G) %"), max_value=100)
    customer_regions = RegionsField(
        label=_("Regions served"),
        help_text=_("Countries or regions, comma-separated, e.g. DE-NW, NL-OV, BE."),
    )
    customer_count = BoundedIntegerField(
        label=_("Number of active customers"), max_value=profile_data.MAX_CUSTOMER_COUNT
    )

    share_names = ("b2b", "b2c", "b2g")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sizes = CatalogueChoiceField(
            "customer_sizes", self.language, label=_("Size of your customers")
        )
        sizes.choices = _choices_with(sizes.choices, self.company.customer_sizes or [])
        self.fields["customer_sizes"] = sizes
        self.order_fields(["customer_sectors", "customer_sizes", *self.share_names])

    def initial_from(self, company: Company) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "customer_sectors": list(company.customer_sectors or []),
            "customer_sizes": list(company.customer_sizes or []),
            "customer_regions": list(company.customer_regions or []),
            "customer_count": company.customer_count,
        }
        for name, share in (company.customer_types or {}).items():
            if name in self.share_names and share is not None:
                initial[name] = round(float(share) * 100)
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        shares = [data.get(name) for name in self.share_names]
        if any(name in self.errors for name in self.share_names):
            return data
        if any(share is not None for share in shares):
            total = sum(share or 0 for share in shares)
            if total != 100:
                raise forms.ValidationError(
                    _(
                        "The shares of businesses (B2B), consumers (B2C) and the public sector "
                        "(B2G) must add up to 100 %%; now they add up to %(total)s %%."
                    ),
                    code="shares_sum",
                    params={"total": total},
                )
        return data

    def to_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        shares = [data.get(name) for name in self.share_names]
        types = None
        if any(share is not None for share in shares):
            pairs = zip(self.share_names, shares, strict=True)
            types = {name: (share or 0) / 100 for name, share in pairs}
        return {
            "customer_sectors": data["customer_sectors"],
            "customer_types": types,
            "customer_sizes": data["customer_sizes"],
            "customer_regions": data["customer_regions"],
            "customer_count": data["customer_count"],
        }


READINESS_FIELDS = (
    "partnering_hours_per_month", "sponsor_name", "sponsor_email", "contact_name", "contact_email",
)  # fmt: skip


class StrengthsForm(StepForm):
    """A 1–5 score and an optional note per catalogue dimension, plus readiness."""

    partnering_hours_per_month = BoundedIntegerField(
        label=_("Time for partnering (hours per month)"),
        max_value=profile_data.MAX_HOURS_PER_MONTH,
        help_text=_("How many hours a month your company can give to partnerships."),
    )
    sponsor_name = forms.CharField(
        label=_("Sponsor at management level"),
        max_length=150,
        required=False,
        help_text=_("The person in management who backs partnering and decides."),
    )
    sponsor_email = forms.EmailField(label=_("Sponsor's email"), required=False)
    contact_name = forms.CharField(
        label=_("Contact at working level"),
        max_length=150,
        required=False,
        help_text=_("The person who does the day-to-day work with partners."),
    )
    contact_email = forms.EmailField(label=_("Contact's email"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dimensions = []
        for entry in catalogues.entries("dimensions"):
            label = entry.label(self.language)
            score = forms.TypedChoiceField(
                label=label,
                choices=SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                help_text=entry.help(self.language),
            )
            note = forms.CharField(
                label=_("Note on “%(dimension)s”") % {"dimension": label},
                max_length=300,
                required=False,
            )
            self.fields[f"score_{entry.key}"] = score
            self.fields[f"note_{entry.key}"] = note
            self.dimensions.append(entry.key)

    def initial_from(self, company: Company) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(company, name) for name in READINESS_FIELDS}
        for row in company.assessment.all():
            initial[f"score_{row.dimension}"] = str(row.score)
            initial[f"note_{row.dimension}"] = row.note
        return initial

    def dimension_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"score_{key}"], self[f"note_{key}"]) for key in self.dimensions]

    def readiness_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in READINESS_FIELDS]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for key in self.dimensions:
            noted = (data.get(f"note_{key}") or "").strip()
            unscored = data.get(f"score_{key}") is None and f"score_{key}" not in self.errors
            if noted and unscored:
                self.add_error(f"score_{key}", _("Give a score to keep the note."))
        return data

    def scores(self) -> tuple[dict[str, int], dict[str, str]]:
        data = self.cleaned_data
        scores = {
            key: data[f"score_{key}"]
            for key in self.dimensions
            if data.get(f"score_{key}") is not None
        }
        notes = {
            key: (data.get(f"note_{key}") or "").strip()
            for key in scores
            if (data.get(f"note_{key}") or "").strip()
        }
        return scores, notes

    def to_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields = {name: data[name] for name in READINESS_FIELDS}
        for name in ("sponsor_name", "sponsor_email", "contact_name", "contact_email"):
            fields[name] = (fields[name] or "").strip()
        return fields


class GoalsForm(StepForm):
    """Goals from the catalogue (each with a priority; target markets for ``new_markets``) and
    the forms of cooperation the company is open to."""

    MARKETS_GOAL = "new_markets"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.goal_entries = []
        for entry in catalogues.entries("goals"):
            label = entry.label(self.language)
            self.fields[f"goal_{entry.key}"] = forms.BooleanField(
                label=label, required=False, help_text=entry.help(self.language)
            )
            self.fields[f"priority_{entry.key}"] = forms.TypedChoiceField(
                label=_("Priority of “%(goal)s”") % {"goal": label},
                choices=PRIORITY_CHOICES,
                coerce=int,
                initial=2,
                required=False,
                empty_value=2,
            )
            self.goal_entries.append(entry.key)
        self.fields[f"markets_{self.MARKETS_GOAL}"] = RegionsField(
            label=_("Target markets"),
            help_text=_("Countries or regions you want to enter, e.g. NL, BE, DE-NI."),
        )
        forms_field = CatalogueChoiceField(
            "forms", self.language, label=_("Forms of cooperation you are open to")
        )
        forms_field.choices = _choices_with(forms_field.choices, self.company.forms or [])
        self.fields["forms"] = forms_field

    def initial_from(self, company: Company) -> dict[str, Any]:
        initial: dict[str, Any] = {"forms": list(company.forms or [])}
        for goal in company.goals.all():
            initial[f"goal_{goal.goal}"] = True
            initial[f"priority_{goal.goal}"] = goal.priority
            if goal.goal == self.MARKETS_GOAL:
                initial[f"markets_{goal.goal}"] = list(goal.markets)
        return initial

    def goal_rows(self) -> list[dict[str, Any]]:
        rows = []
        for key in self.goal_entries:
            markets = f"markets_{key}"
            rows.append(
                {
                    "key": key,
                    "chosen": self[f"goal_{key}"],
                    "priority": self[f"priority_{key}"],
                    "markets": self[markets] if markets in self.fields else None,
                }
            )
        return rows

    def goals(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        chosen = []
        for key in self.goal_entries:
            if data.get(f"goal_{key}"):
                chosen.append(
                    {
                        "goal": key,
                        "priority": data.get(f"priority_{key}") or 2,
                        "markets": data.get(f"markets_{key}") or [],
                    }
                )
        return chosen

    def to_fields(self) -> dict[str, Any]:
        return {"forms": self.cleaned_data["forms"]}


class VisibilityForm(StepForm):
    visibility = forms.ChoiceField(label=_("Who may see your profile"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.visibility_entries = [
            {"key": e.key, "label": e.label(self.language), "help": e.help(self.language)}
            for e in catalogues.entries("visibility")
        ]
        self.fields["visibility"].choices = Company.Visibility.choices
        for group in visibility.GROUPS:
            self.fields[f"level_{group.key}"] = forms.ChoiceField(
                label=GROUP_LABELS[group.key],
                choices=LEVEL_CHOICES,
                widget=forms.RadioSelect,
            )

    def initial_from(self, company: Company) -> dict[str, Any]:
        initial: dict[str, Any] = {"visibility": company.visibility}
        for group in visibility.GROUPS:
            initial[f"level_{group.key}"] = visibility.level_of(company.field_visibility, group.key)
        return initial

    def level_fields(self) -> list[forms.BoundField]:
        return [self[f"level_{group.key}"] for group in visibility.GROUPS]

    def to_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "visibility": data["visibility"],
            "field_visibility": {g.key: data[f"level_{g.key}"] for g in visibility.GROUPS},
        }


def level_help() -> list[tuple[str, Any, Any]]:
    return [(key, label, LEVEL_HELP[key]) for key, label in LEVEL_CHOICES]


def errors_of(named: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every error of the given forms and formsets as (where, message), for a summary on top."""
    found: list[tuple[str, str]] = []

    def collect(form: forms.BaseForm, prefix: str = "") -> None:
        for name, errors in form.errors.items():
            label = "" if name == NON_FIELD_ERRORS else str(form.fields[name].label)
            where = f"{prefix} – {label}" if prefix and label else (prefix or label)
            found.extend((where, str(message)) for message in errors)

    for item in named.values():
        if isinstance(item, forms.BaseFormSet):
            noun = str(getattr(item, "noun", ""))
            for index, form in enumerate(item.forms, start=1):
                collect(form, f"{noun} {index}")
            found.extend(("", str(message)) for message in item.non_form_errors())
        else:
            collect(item)
    return found


def service_errors(error: ValidationError, named: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A service's ValidationError as (where, message) for the summary: a field it names is shown
    with that field's label in the forms, so the reader knows which input to correct."""
    if not hasattr(error, "error_dict"):
        return [("", str(message)) for message in error.messages]
    labels: dict[str, str] = {}
    for form in named.values():
        if isinstance(form, forms.BaseForm):
            labels.update({name: str(field.label) for name, field in form.fields.items()})
    found: list[tuple[str, str]] = []
    for name, messages in error.message_dict.items():
        where = "" if name == NON_FIELD_ERRORS else labels.get(name, "")
        found.extend((where, str(message)) for message in messages)
    return found
