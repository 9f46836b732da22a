"""Forms of the partnership's working pages. They collect input; the services decide what is
valid (and say so per field)."""

from __future__ import annotations

from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from verbund.activities import kinds

MONEY = {"max_digits": 12, "decimal_places": 2, "required": False}


def _company_choices(companies, names=None) -> list[tuple[int, str]]:
    """``names``: the parties as the reader may read them (``PartnershipAccess.names``)."""
    return [(company.pk, (names or {}).get(company.pk, company.name)) for company in companies]


class ReferralForm(forms.Form):
    receiver = forms.TypedChoiceField(label=_("Pass the client to"), coerce=int)
    client_name = forms.CharField(
        label=_("Client: name of the person"), max_length=200, required=False
    )
    client_company = forms.CharField(label=_("Client: company"), max_length=200, required=False)
    client_email = forms.EmailField(label=_("Client: email"), required=False)
    client_phone = forms.CharField(label=_("Client: phone"), max_length=50, required=False)
    consent = forms.BooleanField(
        label=_("The client agreed to be contacted by the partner."), required=False
    )
    need = forms.CharField(
        label=_("What the client needs"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    estimated_value = forms.DecimalField(label=_("Estimated value (EUR)"), **MONEY)

    def __init__(self, *args, receivers=(), names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiver"].choices = _company_choices(receivers, names)


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=kinds.activity_kind_choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    starts_at = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), initial=60, min_value=1)
    location = forms.CharField(label=_("Place"), max_length=200, required=False)
    initiator = forms.TypedChoiceField(label=_("Initiated by"), coerce=int)
    participants = forms.TypedMultipleChoiceField(
        label=_("Companies taking part"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    people = forms.CharField(label=_("People taking part"), max_length=500, required=False)
    leads = forms.IntegerField(label=_("Leads"), min_value=0, initial=0, required=False)
    projects_won = forms.IntegerField(
        label=_("Projects won"), min_value=0, initial=0, required=False
    )
    revenue_sourced = forms.DecimalField(label=_("Revenue sourced (EUR)"), min_value=0, **MONEY)
    revenue_influenced = forms.DecimalField(
        label=_("Revenue influenced (EUR)"), min_value=0, **MONEY
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, companies=(), names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiator"].choices = _company_choices(companies, names)
        self.fields["participants"].choices = _company_choices(companies, names)


class CostForm(forms.Form):
    description = forms.CharField(label=_("What for"), max_length=200, required=False)
    amount = forms.DecimalField(label=_("Amount (EUR)"), **MONEY)
    spent_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    paid_by = forms.TypedChoiceField(label=_("Paid by"), coerce=int)
    activity = forms.TypedChoiceField(
        label=_("Activity"), coerce=int, required=False, empty_value=None
    )
    override = forms.BooleanField(label=_("Own split for this item"), required=False)
    receipt = forms.FileField(label=_("Receipt (PDF, PNG or JPEG, at most 5 MB)"), required=False)

    def __init__(self, *args, companies=(), activities=(), names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.companies = list(companies)
        self.fields["paid_by"].choices = _company_choices(self.companies, names)
        # Titles repeat ("Jour fixe" every month): the date tells the activities apart.
        self.fields["activity"].choices = [("", "—")] + [
            (a.pk, f"{a.title} ({date_format(localtime(a.starts_at), 'SHORT_DATE_FORMAT')})")
            for a in activities
        ]
        for company in self.companies:
            self.fields[f"share_{company.pk}"] = forms.DecimalField(
                label=_("Share of %(company)s (%%)")
                % {"company": (names or {}).get(company.pk, company.name)},
                max_digits=5,
                decimal_places=2,
                required=False,
            )

    def share_fields(self):
        return [self[f"share_{company.pk}"] for company in self.companies]

    def split_open(self) -> bool:
        """Show the own split unfolded when it was used or refused, so the error is seen."""
        if not self.is_bound:
            return False
        names = ["override", *(f"share_{company.pk}" for company in self.companies)]
        return any(self.data.get(name) or name in self.errors for name in names)

    def receipt_lost(self) -> bool:
        """A refused form cannot hand a chosen file back to the browser: it must be chosen
        again."""
        return self.is_bound and bool(self.errors) and bool(self.files.get("receipt"))

    def shares(self):
        """The override, {company id: percent}, or None when the agreement's split applies."""
        if not self.cleaned_data.get("override"):
            return None
        return {
            company.pk: self.cleaned_data.get(f"share_{company.pk}") or 0
            for company in self.companies
        }


class SettlementForm(forms.Form):
    payer = forms.TypedChoiceField(label=_("Paid by"), coerce=int)
    payee = forms.TypedChoiceField(label=_("Paid to"), coerce=int)
    amount = forms.DecimalField(label=_("Amount (EUR)"), **MONEY)
    paid_on = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        required=False,
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, companies=(), names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["payer"].choices = _company_choices(companies, names)
        self.fields["payee"].choices = _company_choices(companies, names)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"))


class ImportForm(UploadForm):
    what = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[("referrals", _("Referrals")), ("activities", _("Joint activities"))],
    )
    dry_run = forms.BooleanField(label=_("Check only, write nothing"), required=False, initial=True)


class CampaignForm(forms.Form):
    purpose = forms.ChoiceField(label=_("Purpose of the campaign"), choices=kinds.purpose_choices)
    on = forms.DateField(
        label=_("Campaign date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        required=False,
    )
