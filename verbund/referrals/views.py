"""Referral pages: the company's referrals both ways, and one referral with its history, where
the receiving company moves the status."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from verbund.partnerships.forms import apply_errors
from verbund.referrals import selectors, services
from verbund.referrals.forms import FeedbackForm, StatusForm

LIST_LIMIT = 50


@login_required
def referral_list(request: HttpRequest) -> HttpResponse:
    """The chosen company's referrals: given and received side by side, with the summary."""
    company = request.actor.company
    context = {"company": company}
    if company is not None:
        context |= {
            "summary": selectors.company_referral_summary(company.pk),
            "given": selectors.referrals_of_company(company.pk, "given")[:LIST_LIMIT],
            "received": selectors.referrals_of_company(company.pk, "received")[:LIST_LIMIT],
            "overdue": selectors.referrals_of_company(company.pk, "overdue")[:LIST_LIMIT],
        }
    return render(request, "referrals/list.html", context)


@login_required
def referral_detail(request: HttpRequest, referral_id: int) -> HttpResponse:
    referral = selectors.get_referral_for(request.actor, referral_id)
    form = _status_form(request, referral, request.POST or None)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only the receiving company can change a referral's status."))
        if form.is_valid():
            try:
                services.referral_set_status(
                    referral=referral,
                    user=request.user,
                    status=form.cleaned_data["status"],
                    closed_value=form.cleaned_data["closed_value"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Status saved; the referrer has been told."))
                return redirect("referrals:detail", referral.pk)
    return _detail_page(request, referral, form)


def _status_form(request: HttpRequest, referral, data=None) -> StatusForm | None:
    """The receiver's form to move the referral on; None for anyone else or once closed."""
    if referral.is_open and services.may_move_status(request.user, referral):
        return StatusForm(data, referral=referral)
    return None


def _detail_page(request: HttpRequest, referral, form, **extra) -> HttpResponse:
    invalid = (form is not None and bool(form.errors)) or "feedback_error" in extra
    return render(
        request,
        "referrals/detail.html",
        {
            "referral": referral,
            "history": referral.history.select_related("changed_by"),
            "form": form,
            "overdue": referral.status == "new" and referral.answer_due_at < timezone.now(),
            "feedback": selectors.latest_feedback(referral),
            "now": timezone.now(),
            "is_party": bool(
                {referral.referrer_company_id, referral.receiver_company_id}
                & request.actor.company_ids
            ),
            **extra,
        },
        status=422 if invalid else 200,
    )


def feedback_url(request: HttpRequest, secret: str) -> str:
    """The client's link, in full, to copy into an email; shown once, never stored."""
    return request.build_absolute_uri(reverse("referrals:feedback", args=[secret]))


@login_required
@require_POST
def feedback_link(request: HttpRequest, referral_id: int) -> HttpResponse:
    """Create the client's single-use feedback link; it is shown once, on this page."""
    referral = selectors.get_referral_for(request.actor, referral_id)
    status_form = _status_form(request, referral)
    try:
        secret = services.feedback_link_create(referral=referral, user=request.user)
    except ValidationError as error:
        return _detail_page(request, referral, status_form, feedback_error=" ".join(error.messages))
    return _detail_page(
        request, referral, status_form, feedback_url=feedback_url(request, secret),
        feedback_referral=referral,
    )  # fmt: skip


def feedback(request: HttpRequest, token: str) -> HttpResponse:
    """The client's page: no account; it names only the two companies. A used, expired or
    unknown link gets a page saying so (410/410/404), never a form."""
    link = services.feedback_link_open(token)
    if link.state != services.FeedbackLink.OPEN:
        return render(
            request,
            "referrals/feedback.html",
            {"refusal": services.feedback_link_refusal(link.state), "state": link.state},
            status=404 if link.state == services.FeedbackLink.UNKNOWN else 410,
        )
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_give(
                secret=token,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return render(request, "referrals/feedback.html", {"thanks": True})
    return render(
        request,
        "referrals/feedback.html",
        {"referral": link.feedback.referral, "form": form},
        status=422 if form.errors else 200,
    )


urlpatterns = [
    path("referrals/", referral_list, name="list"),
    path("referrals/<int:referral_id>/", referral_detail, name="detail"),
    path("referrals/<int:referral_id>/feedback-link/", feedback_link, name="feedback_link"),
    # Public: the client has no account; the long random token is the key.
    path("feedback/<str:token>/", feedback, name="feedback"),
]
