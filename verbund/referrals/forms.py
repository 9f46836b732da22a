from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from verbund.referrals import flow
from verbund.referrals.models import Referral


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    closed_value = forms.DecimalField(
        label=_("Value of the business won (EUR)"), required=False, min_value=0, max_digits=12,
        decimal_places=2,
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, referral: Referral, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Referral.Status.choices)
        self.fields["status"].choices = [
            (status, labels[status]) for status in flow.next_statuses(referral.status)
        ]
