from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from verbund.accounts import services
from verbund.companies.models import Company, CompanyMember
from verbund.tenancy.models import Membership


class ThrottledLoginForm(AuthenticationForm):
    """Django's login form, locked for a while after repeated failures for one address."""

    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Email address or password is wrong."),
        "locked": _(
            "Too many failed attempts for this address. Please wait %(minutes)s minutes "
            "or reset your password."
        ),
    }

    def clean(self):
        email = self.cleaned_data.get("username") or ""
        if email and services.login_is_locked(email=email):
            raise forms.ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": max(1, settings.LOGIN_LOCKOUT_SECONDS // 60)},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if email:
                services.login_failed(email=email)
            raise
        services.login_succeeded(email=email)
        return cleaned


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “CRM sync”."),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Role in the network"), choices=Membership.Role.choices, initial="member"
    )
    company = forms.ModelChoiceField(
        label=_("Acts for company"),
        queryset=Company.objects.none(),
        required=False,
        help_text=_("Optional: the company this person will represent."),
    )
    company_role = forms.ChoiceField(
        label=_("Role in the company"),
        choices=CompanyMember.Role.choices,
        initial="owner",
        required=False,
    )

    # Not required: a form sent without it (an older page) writes in the sender's language.
    language = forms.ChoiceField(
        label=_("Language of the invitation email"), choices=settings.LANGUAGES, required=False
    )

    def __init__(self, *args, companies=None, language: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if companies is not None:
            self.fields["company"].queryset = companies
        # The sender's language unless they choose the one the invited person reads.
        self.fields["language"].initial = language or settings.LANGUAGE_CODE


class AcceptInvitationForm(forms.Form):
    """For a person new to Verbund: their name and a password."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(first)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned
