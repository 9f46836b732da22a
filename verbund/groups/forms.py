"""Forms for referral groups, made for a phone: few fields, big choices, the member's own seat
already filled in. Domain rules stay in the services; ``apply_errors`` puts their messages on
the fields they name."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _


def apply_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the named field, else on top."""
    if hasattr(error, "error_dict"):
        for field_name, messages in error.message_dict.items():
            target = field_name if field_name in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def seat_choices(seats, *, exclude=None, blank: str = "") -> list[tuple[str, str]]:
    choices = [("", blank)] if blank else []
    for seat in seats:
        if exclude is not None and seat.pk == exclude.pk:
            continue
        choices.append((str(seat.pk), f"{seat.holder_name} · {seat.category_label}"))
    return choices


class ReferralSlipForm(forms.Form):
    INSIDE, OUTSIDE = "inside", "outside"
    receiver = forms.ChoiceField(label=_("For"))
    kind = forms.ChoiceField(
        label=_("Client"),
        choices=[(INSIDE, _("a fellow member")), (OUTSIDE, _("someone outside the group"))],
        widget=forms.RadioSelect,
        initial=OUTSIDE,
    )
    client_seat = forms.ChoiceField(label=_("Which member"), required=False)
    client_name = forms.CharField(label=_("Client's name"), max_length=200, required=False)
    client_company = forms.CharField(label=_("Client's company"), max_length=200, required=False)
    client_email = forms.EmailField(label=_("Client's email"), required=False)
    client_phone = forms.CharField(label=_("Client's phone"), max_length=50, required=False)
    consent = forms.BooleanField(label=_("The client agreed to be contacted."), required=False)
    need = forms.CharField(
        label=_("What does the client need?"), widget=forms.Textarea(attrs={"rows": 3})
    )
    estimated_value = forms.DecimalField(
        label=_("Estimated value (EUR)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
    )

    def __init__(self, *args, seats, me, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receiver"].choices = seat_choices(seats, exclude=me, blank="—")
        self.fields["client_seat"].choices = seat_choices(seats, exclude=None, blank="—")


class ThanksForm(forms.Form):
    referral = forms.ChoiceField(
        label=_("Which referral brought the business?"),
        error_messages={"required": _("Choose the referral that brought the business.")},
    )
    amount = forms.DecimalField(
        label=_("Value of the business (EUR)"), min_value=0, max_digits=12, decimal_places=2
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, referrals, **kwargs):
        super().__init__(*args, **kwargs)
        # No referral is pre-selected: thanking for the wrong one credits the wrong member.
        self.fields["referral"].choices = [("", "—")] + [
            (str(r.pk), f"{r.referrer_company.name}: {r.client_label}") for r in referrals
        ]


class OneToOneForm(forms.Form):
    other = forms.ChoiceField(label=_("Met with"))
    met_on = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, seats, me, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].choices = seat_choices(seats, exclude=me, blank="—")


class TestimonialForm(forms.Form):
    other = forms.ChoiceField(label=_("About"))
    text = forms.CharField(label=_("Testimonial"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, seats, me, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].choices = seat_choices(seats, exclude=me, blank="—")


class SeatForm(forms.Form):
    user_email = forms.EmailField(label=_("Member's email (their Verbund account)"))
    company = forms.IntegerField(label=_("Company ID"), min_value=1)
    category = forms.ChoiceField(label=_("Profession category"))

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = categories


class CategoryChangeForm(forms.Form):
    category = forms.ChoiceField(
        label=_("New category"), widget=forms.Select(attrs={"aria-label": _("New category")})
    )

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = categories


class CategoryAddForm(forms.Form):
    label = forms.CharField(label=_("New profession category"), max_length=120)


class VisitorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    company_name = forms.CharField(label=_("Company"), max_length=200, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    category = forms.ChoiceField(label=_("Profession category"))
    invited_by = forms.ChoiceField(label=_("Invited by"), required=False)
    applies = forms.BooleanField(label=_("Applies for a seat"), required=False)

    def __init__(self, *args, categories, seats, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = categories
        self.fields["invited_by"].choices = seat_choices(seats, blank="—")


class DecisionForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("accept")), ("0", _("decline"))],
        coerce=lambda value: value == "1",
    )
    note = forms.CharField(label=_("Reason"), max_length=500, required=False)


class ScheduleForm(forms.Form):
    start = forms.DateField(
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        initial=timezone.localdate,
    )
    count = forms.IntegerField(label=_("Number of meetings"), min_value=1, max_value=60, initial=4)


class AgendaForm(forms.Form):
    agenda = forms.CharField(
        label=_("Agenda"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )


class ThresholdsForm(forms.Form):
    attendance_green = forms.FloatField(
        label=_("Attendance: green from (share)"), min_value=0, max_value=1
    )
    attendance_yellow = forms.FloatField(
        label=_("Attendance: yellow from (share)"), min_value=0, max_value=1
    )
    referrals_green = forms.FloatField(
        label=_("Referrals given per month: green from"), min_value=0
    )
    referrals_yellow = forms.FloatField(
        label=_("Referrals given per month: yellow from"), min_value=0
    )
    one_to_ones_green = forms.FloatField(label=_("One-to-ones per month: green from"), min_value=0)
    one_to_ones_yellow = forms.FloatField(
        label=_("One-to-ones per month: yellow from"), min_value=0
    )

    PAIRS = {
        "attendance_rate": ("attendance_green", "attendance_yellow"),
        "referrals_given_per_month": ("referrals_green", "referrals_yellow"),
        "one_to_ones_per_month": ("one_to_ones_green", "one_to_ones_yellow"),
    }

    @classmethod
    def initial_from(cls, thresholds: dict) -> dict:
        return {
            field: thresholds[metric][index]
            for metric, fields in cls.PAIRS.items()
            for index, field in enumerate(fields)
        }

    def thresholds(self) -> dict:
        return {
            metric: [self.cleaned_data[green], self.cleaned_data[yellow]]
            for metric, (green, yellow) in self.PAIRS.items()
        }

    def add_service_errors(self, error: ValidationError) -> None:
        for metric, messages in error.message_dict.items():
            for message in messages:
                self.add_error(self.PAIRS.get(metric, (None,))[0], message)


class GroupForm(forms.Form):
    """A new group, as the network's coordination sets it up."""

    name = forms.CharField(label=_("Name"), max_length=200)
    rhythm = forms.ChoiceField(label=_("Meeting rhythm"))
    weekday = forms.TypedChoiceField(
        label=_("Weekday"), coerce=int, choices=[(str(k), v) for k, v in WEEKDAYS.items()]
    )
    meeting_time = forms.TimeField(
        label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    location = forms.CharField(label=_("Meeting place"), max_length=200, required=False)
    leader = forms.ChoiceField(label=_("Leader"), required=False)

    def __init__(self, *args, rhythms, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rhythm"].choices = rhythms
        self.fields["leader"].choices = [("", _("— name one later —"))] + [
            (str(user.pk), f"{user.get_full_name() or user.email} · {user.email}")
            for user in people
        ]
