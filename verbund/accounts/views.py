from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from verbund.accounts import forms, selectors, services


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = forms.ThrottledLoginForm
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


def _safe_next(request: HttpRequest, fallback: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or fallback
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Switch the interface language; saved on the person's account when signed in."""
    form = forms.LanguageForm(request.POST)
    response = HttpResponseRedirect(_safe_next(request))
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            services.user_set_language(user=request.user, language=language)
        from django.conf import settings

        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600, samesite="Lax"
        )
    return response


@login_required
def account(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/account.html",
        {
            "language_form": forms.LanguageForm(initial={"language": request.user.language}),
            "token_form": forms.ApiTokenForm(),
            "tokens": selectors.api_tokens_for(request.user),
        },
    )


@login_required
@require_POST
def api_token_create(request: HttpRequest) -> HttpResponse:
    form = forms.ApiTokenForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "accounts/account.html",
            {
                "language_form": forms.LanguageForm(initial={"language": request.user.language}),
                "token_form": form,
                "tokens": selectors.api_tokens_for(request.user),
            },
            status=400,
        )
    issued = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
    return render(
        request,
        "accounts/token_created.html",
        {"token": issued.token, "secret": issued.secret},
    )


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = services.api_token_revoke(user=request.user, token_id=token_id)
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("accounts:account")


@login_required
@require_POST
def calendar_key_reset(request: HttpRequest) -> HttpResponse:
    services.calendar_key_reset(user=request.user)
    messages.success(
        request,
        _("New calendar links made. Calendar apps subscribed with the old ones get nothing more."),
    )
    return redirect("accounts:account")


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.invitation_for_token(token)
    if invitation is None or not invitation.is_usable:
        return render(
            request,
            "accounts/invitation_invalid.html",
            {"invitation": invitation},
            status=410 if invitation else 404,
        )
    if request.user.is_authenticated:
        if request.method == "POST":
            services.invitation_accept(invitation=invitation, user=request.user)
            messages.success(
                request, _("Welcome to %(network)s.") % {"network": invitation.network.name}
            )
            return redirect("home")
        return render(request, "accounts/invitation_join.html", {"invitation": invitation})
    if selectors.account_exists(invitation.email):
        # They already have an account: log in first, then come back to this link.
        messages.info(request, _("Please log in to accept the invitation."))
        return redirect(f"{reverse_lazy('accounts:login')}?next={request.path}")
    form = forms.AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_create(
                email=invitation.email,
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                language=request.LANGUAGE_CODE,
            )
            services.invitation_accept(invitation=invitation, user=user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            login(request, user, backend="verbund.accounts.backends.EmailBackend")
            messages.success(
                request, _("Welcome to %(network)s.") % {"network": invitation.network.name}
            )
            return redirect("home")
    return render(
        request, "accounts/invitation_signup.html", {"invitation": invitation, "form": form}
    )
