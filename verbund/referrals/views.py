"""Referral pages: the company's referrals both ways, and one referral with its history, where
the receiving company moves the status."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.referrals import selectors, services
from verbund.referrals.forms import StatusForm

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
    can_move = referral.is_open and services.may_move_status(request.user, referral)
    form = StatusForm(request.POST or None, referral=referral) if can_move else None
    if request.method == "POST":
        if not can_move or form is None:
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
                for field, errors in error.message_dict.items():
                    for message in errors:
                        form.add_error(field if field in form.fields else None, message)
            else:
                messages.success(request, _("Status saved; the referrer has been told."))
                return redirect("referrals:detail", referral.pk)
    return render(
        request,
        "referrals/detail.html",
        {
            "referral": referral,
            "history": referral.history.select_related("changed_by"),
            "form": form,
            "overdue": referral.status == "new" and referral.answer_due_at < timezone.now(),
        },
        status=422 if form is not None and form.errors else 200,
    )


urlpatterns = [
    path("referrals/", referral_list, name="list"),
    path("referrals/<int:referral_id>/", referral_detail, name="detail"),
]
