"""Forms of the partnership pages. They collect input; the services decide what is valid."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from verbund.lib import catalogues
from verbund.partnerships import form_templates
from verbund.partnerships.models import Stage


def apply_errors(form: forms.Form, error: ValidationError, *, besides_own: bool = False) -> None:
    """Put a service's ValidationError onto the form: known fields by name, the rest on top.

    ``besides_own``: the service checked what an invalid form could read, so a field the form
    already refused (an invalid email read as empty) keeps only the form's own message."""
    refused = set(form.errors) if besides_own else set()
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            if field in refused:
                continue
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


class ContactRequestForm(forms.Form):
    about = forms.ChoiceField(
        label=_("Which offer or need of the company is your request about?"),
        widget=forms.RadioSelect,
        required=False,
    )
    brings = forms.CharField(
        label=_("What does your company bring?"),
        help_text=_("Concretely: which service, capacity or customers, and why it helps them."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    form = forms.ChoiceField(label=_("Proposed form of cooperation"), required=False)
    first_step = forms.CharField(
        label=_("Concrete first step"),
        help_text=_(
            "What, who, when – e.g. “a 30-minute call next week about two open enquiries”."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    origin = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, about_choices=(), language="de", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["about"].choices = list(about_choices)
        self.fields["form"].choices = [("", "—"), *catalogues.choices("forms", language)]


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Question or answer"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Move to"), choices=Stage.choices)
    reason = forms.CharField(
        label=_("Why?"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [(t, Stage(t).label) for t in targets]


PERIOD_CHOICES = [
    ("month", _("per month")),
    ("quarter", _("per quarter")),
    ("year", _("per year")),
]
CADENCE_CHOICES = [
    (1, _("monthly")),
    (3, _("quarterly")),
    (6, _("every six months")),
    (12, _("yearly")),
]
DATA_SHARING_CHOICES = [
    ("none", _("No data shared")),
    ("aggregated", _("Aggregated figures only")),
    ("contacts_with_consent", _("Customer contacts with their consent")),
    ("full", _("Full exchange of customer and project data")),
]
CONTRIBUTION_KIND_CHOICES = [("cash", _("Cash")), ("in_kind", _("In kind"))]
CONTRIBUTION_STATUS_CHOICES = [
    ("pledged", _("Pledged")),
    ("delivered", _("Delivered")),
    ("overdue", _("Overdue")),
]
EXTRA_KPI_ROWS = 2
EXTRA_CONTRIBUTION_ROWS = 1


class AgreementForm(forms.Form):
    """The terms as one form: fixed fields plus numbered rows per party, KPI and contribution.

    Field names are flat (``share_<company id>``, ``kpi_<n>_target``) so that the page works
    without JavaScript and each error points at its field."""

    form = forms.ChoiceField(label=_("Form of cooperation"))
    goals = forms.MultipleChoiceField(
        label=_("Joint goals"), widget=forms.CheckboxSelectMultiple, required=False
    )
    scope = forms.CharField(
        label=_("Scope"),
        help_text=_("What the partnership covers: services, customers, regions."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    start = forms.DateField(
        label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    duration_months = forms.IntegerField(label=_("Duration (months)"), min_value=1, max_value=120)
    review_cadence_months = forms.TypedChoiceField(
        label=_("Reviews"), choices=CADENCE_CHOICES, coerce=int
    )
    factors = forms.MultipleChoiceField(
        label=_("Influence factors scored in the reviews"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    custom_factors = forms.CharField(
        label=_("Own influence factors (one per line)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    data_sharing = forms.ChoiceField(label=_("Data sharing"), choices=DATA_SHARING_CHOICES)
    exit_terms = forms.CharField(
        label=_("Exit terms"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    change_note = forms.CharField(
        label=_("What did you change, and why?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args, parties=(), terms=None, language="de", names=None, **kwargs):
        self.parties = list(parties)  # Company objects
        # The parties as the writer may read them (``PartnershipAccess.names``).
        shown = {c.pk: (names or {}).get(c.pk, c.name) for c in self.parties}
        terms = terms or {}
        self.kpi_rows = len(terms.get("kpis") or []) + EXTRA_KPI_ROWS
        self.contribution_rows = len(terms.get("contributions") or []) + EXTRA_CONTRIBUTION_ROWS
        if not args and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(terms)
        super().__init__(*args, **kwargs)
        self.fields["form"].choices = catalogues.choices("forms", language)
        self.fields["goals"].choices = catalogues.choices("goals", language)
        self.fields["factors"].choices = catalogues.choices("factors", language)
        kpi_choices = [("", "—"), *catalogues.choices("kpis", language)]
        direction_choices = [("", _("both / not directed"))] + [
            (f"{a.pk}>{b.pk}", f"{shown[a.pk]} → {shown[b.pk]}")
            for a in self.parties
            for b in self.parties
            if a.pk != b.pk
        ]
        party_choices = [("", "—")] + [(str(c.pk), shown[c.pk]) for c in self.parties]
        for company in self.parties:
            name = shown[company.pk]
            self.fields[f"share_{company.pk}"] = forms.DecimalField(
                label=_("Cost share of %(company)s (%%)") % {"company": name},
                required=False,
            )
            self.fields[f"sponsor_{company.pk}"] = forms.CharField(
                label=_("Sponsor at management level (%(company)s)") % {"company": name},
                required=False,
            )
            self.fields[f"contact_{company.pk}"] = forms.CharField(
                label=_("Contact at working level (%(company)s)") % {"company": name},
                required=False,
            )
        for n in range(self.kpi_rows):
            self.fields[f"kpi_{n}_key"] = forms.ChoiceField(
                label=_("KPI"), choices=kpi_choices, required=False
            )
            self.fields[f"kpi_{n}_label"] = forms.CharField(label=_("Own name"), required=False)
            self.fields[f"kpi_{n}_target"] = forms.CharField(label=_("Target"), required=False)
            self.fields[f"kpi_{n}_period"] = forms.ChoiceField(
                label=_("Period"), choices=PERIOD_CHOICES, initial="quarter", required=False
            )
            self.fields[f"kpi_{n}_direction"] = forms.ChoiceField(
                label=_("Direction"), choices=direction_choices, required=False
            )
        for n in range(self.contribution_rows):
            self.fields[f"contribution_{n}_company"] = forms.ChoiceField(
                label=_("Partner"), choices=party_choices, required=False
            )
            self.fields[f"contribution_{n}_kind"] = forms.ChoiceField(
                label=_("Kind"), choices=CONTRIBUTION_KIND_CHOICES, required=False
            )
            self.fields[f"contribution_{n}_description"] = forms.CharField(
                label=_("What"), required=False
            )
            self.fields[f"contribution_{n}_amount"] = forms.CharField(
                label=_("Amount (EUR)"), required=False
            )
            self.fields[f"contribution_{n}_due"] = forms.DateField(
                label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
            )
            self.fields[f"contribution_{n}_status"] = forms.ChoiceField(
                label=_("Status"), choices=CONTRIBUTION_STATUS_CHOICES, required=False
            )

    @staticmethod
    def initial_from(terms: dict) -> dict:
        initial = {
            key: terms.get(key)
            for key in (
                "form", "goals", "scope", "duration_months", "review_cadence_months",
                "factors", "data_sharing", "exit_terms",
            )
        }  # fmt: skip
        initial["start"] = terms.get("start") or None
        initial["custom_factors"] = "\n".join(terms.get("custom_factors") or [])
        for pk, share in (terms.get("cost_shares") or {}).items():
            initial[f"share_{pk}"] = share
        for pk, people in (terms.get("sponsors") or {}).items():
            initial[f"sponsor_{pk}"] = people.get("management", "")
            initial[f"contact_{pk}"] = people.get("working", "")
        for n, row in enumerate(terms.get("kpis") or []):
            direction = row.get("direction") or {}
            initial.update(
                {
                    f"kpi_{n}_key": row.get("key"),
                    f"kpi_{n}_label": row.get("label", ""),
                    f"kpi_{n}_target": row.get("target", ""),
                    f"kpi_{n}_period": row.get("period", "quarter"),
                    f"kpi_{n}_direction": (
                        f"{direction['from']}>{direction['to']}" if direction else ""
                    ),
                }
            )
        for n, row in enumerate(terms.get("contributions") or []):
            initial.update({f"contribution_{n}_{key}": row.get(key) for key in (
                "company", "kind", "description", "amount", "due", "status"
            )})  # fmt: skip
        return initial

    def terms(self) -> dict:
        """The cleaned form as terms for ``agreement_draft`` (which validates them).

        Also for a form with errors: the fields it refused are left empty, so that the rules
        can still report everything else at the same time (``add_term_errors``)."""
        data = self.cleaned_data
        # The page's number of every row taken, for messages that name a row.
        self.row_numbers: dict[str, list[int]] = {"kpis": [], "contributions": []}
        kpis = []
        for n in range(self.kpi_rows):
            label = (data.get(f"kpi_{n}_label") or "").strip()
            target = (data.get(f"kpi_{n}_target") or "").strip()
            # A row without target or own name is empty, even with a KPI chosen: the template's
            # suggestions are pre-filled, and a suggestion nobody filled in is not a term.
            if not target and not label:
                continue
            self.row_numbers["kpis"].append(n + 1)
            direction = data.get(f"kpi_{n}_direction") or ""
            source, _sep, to = direction.partition(">")
            kpis.append(
                {
                    "key": data.get(f"kpi_{n}_key") or "",
                    "label": label,
                    "target": target,
                    "period": data.get(f"kpi_{n}_period") or "quarter",
                    "direction": {"from": source, "to": to} if to else {},
                }
            )
        contributions = []
        for n in range(self.contribution_rows):
            due = data.get(f"contribution_{n}_due")
            description = (data.get(f"contribution_{n}_description") or "").strip()
            amount = (data.get(f"contribution_{n}_amount") or "").strip()
            company = data.get(f"contribution_{n}_company") or ""
            if not (company or description or amount or due):
                continue
            self.row_numbers["contributions"].append(n + 1)
            contributions.append(
                {
                    "company": company,
                    "kind": data.get(f"contribution_{n}_kind") or "",
                    "description": description,
                    "amount": amount,
                    "due": due.isoformat() if due else "",
                    "status": data.get(f"contribution_{n}_status") or "pledged",
                }
            )
        return {
            "form": data.get("form") or "",
            "goals": list(data.get("goals") or []),
            "scope": data.get("scope", "").strip(),
            "start": data["start"].isoformat() if data.get("start") else "",
            "duration_months": data.get("duration_months"),
            "review_cadence_months": data.get("review_cadence_months"),
            "sponsors": {
                str(c.pk): {
                    "management": (data.get(f"sponsor_{c.pk}") or "").strip(),
                    "working": (data.get(f"contact_{c.pk}") or "").strip(),
                }
                for c in self.parties
            },
            "kpis": kpis,
            "factors": list(data.get("factors") or []),
            "custom_factors": [
                line.strip()
                for line in (data.get("custom_factors") or "").splitlines()
                if line.strip()
            ],
            "cost_shares": {
                str(c.pk): "" if data.get(f"share_{c.pk}") is None else str(data[f"share_{c.pk}"])
                for c in self.parties
            },
            "contributions": contributions,
            "data_sharing": data.get("data_sharing") or "",
            "exit_terms": (data.get("exit_terms") or "").strip(),
        }

    def add_term_errors(self, error: ValidationError) -> None:
        """The rules' problems next to the form's own, so every error shows at once; a term
        whose inputs the form already refused (a duration of 999999) is not reported twice."""
        refused = set(self.errors)
        for term, messages in error.message_dict.items():
            inputs = _TERM_INPUTS.get(term, (term,))
            if any(name == term or name.startswith(inputs) for name in refused):
                continue
            for message in messages:
                self.add_error(term if term in self.fields else None, message)


# The terms that the form splits into numbered or per-party inputs, by input name prefix.
_TERM_INPUTS = {
    "cost_shares": ("share_",),
    "sponsors": ("sponsor_", "contact_"),
    "kpis": ("kpi_",),
    "contributions": ("contribution_",),
}


def factor_label(key: str, language: str) -> str:
    if key.startswith("custom:"):
        return key.removeprefix("custom:")
    entry = catalogues.get("factors", key)
    return entry.label(language) if entry else key


class ReviewForm(forms.Form):
    """A score 1–5 and a comment for every factor of the agreement."""

    def __init__(self, *args, factors=(), language="de", **kwargs):
        super().__init__(*args, **kwargs)
        self.factor_keys = list(factors)
        choices = [(str(n), str(n)) for n in range(1, 6)]
        for n, key in enumerate(self.factor_keys):
            self.fields[f"score_{n}"] = forms.ChoiceField(
                label=factor_label(key, language),
                choices=choices,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"comment_{n}"] = forms.CharField(
                label=_("Comment"), widget=forms.Textarea(attrs={"rows": 1}), required=False
            )

    def scores(self) -> dict:
        return {
            key: {
                "score": self.cleaned_data.get(f"score_{n}"),
                "comment": self.cleaned_data.get(f"comment_{n}", ""),
            }
            for n, key in enumerate(self.factor_keys)
        }

    def rows(self):
        return [(self[f"score_{n}"], self[f"comment_{n}"]) for n in range(len(self.factor_keys))]


class ActionItemForm(forms.Form):
    text = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.ChoiceField(label=_("Responsible partner"))
    due_date = forms.DateField(label=_("Due"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [(str(c.pk), c.name) for c in parties]


class ReferenceAskForm(forms.Form):
    referee = forms.TypedChoiceField(label=_("Company to ask"), coerce=int)
    candidate = forms.TypedChoiceField(label=_("About which partner?"), coerce=int)
    question = forms.CharField(
        label=_("Your question"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, referees=(), candidates=(), names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referee"].choices = [(c.pk, c.name) for c in referees]
        self.fields["candidate"].choices = [
            (c.pk, (names or {}).get(c.pk, c.name)) for c in candidates
        ]


class ReferenceAnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your reference"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    rating = forms.TypedChoiceField(
        label=_("Overall, as a partner (1–5)"),
        choices=[("", "—")] + [(n, str(n)) for n in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
    )


def checklist_rows(items, language: str):
    return [(item, form_templates.checklist_label(item.key, language)) for item in items]
