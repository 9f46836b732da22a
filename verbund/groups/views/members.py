"""Seats, the group's categories, visitors and applications (the leader team's pages)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from verbund.companies.models import Company
from verbund.groups import selectors, services
from verbund.groups.forms import (
    CategoryAddForm,
    CategoryChangeForm,
    DecisionForm,
    SeatForm,
    VisitorForm,
    apply_errors,
)
from verbund.groups.models import Visitor


@login_required
def seats(request: HttpRequest, group_id: int) -> HttpResponse:
    """Everyone in the group sees who holds which seat; the leader team adds seats here."""
    access = selectors.get_group_for(request.actor, group_id)
    group = access.group
    categories = selectors.category_choices(group, request.LANGUAGE_CODE)
    form = SeatForm(request.POST or None, categories=categories)
    if request.method == "POST":
        access = selectors.get_group_for(request.actor, group_id, need="can_manage")
        if form.is_valid():
            try:
                _seat_create(group, form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Seat added."))
                return redirect("groups:seats", group.pk)
    taken = {seat.category for seat in selectors.active_seats(group)}
    return render(
        request,
        "groups/seats.html",
        {
            "access": access,
            "group": group,
            "seats": selectors.labelled_seats(group, request.LANGUAGE_CODE),
            "officers": group.officers.select_related("user").order_by("role"),
            "free_categories": [(k, label) for k, label in categories if k not in taken],
            "form": form,
            "change_form": CategoryChangeForm(categories=categories),
            "category_form": CategoryAddForm(),
            "tab": "seats",
        },
        status=422 if form.errors else 200,
    )


def _seat_create(group, data: dict) -> None:
    user = get_user_model().objects.filter(email__iexact=data["user_email"]).first()
    company = Company.objects.filter(pk=data["company"]).first()
    if user is None:
        raise ValidationError({"user_email": _("No Verbund account has this email address.")})
    if company is None:
        raise ValidationError({"company": _("No company has this ID.")})
    services.seat_create(group=group, user=user, company=company, category=data["category"])


@login_required
@require_POST
def seat_category(request: HttpRequest, group_id: int, seat_id: int) -> HttpResponse:
    access = selectors.get_group_for(request.actor, group_id, need="can_manage")
    seat = selectors.get_seat(access.group, seat_id)
    if seat is None:
        raise Http404(_("Member not found."))
    form = CategoryChangeForm(
        request.POST, categories=selectors.category_choices(access.group, request.LANGUAGE_CODE)
    )
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose a category."))
        services.seat_change_category(seat=seat, category=form.cleaned_data["category"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Category changed."))
    return redirect("groups:seats", access.group.pk)


@login_required
@require_POST
def category_add(request: HttpRequest, group_id: int) -> HttpResponse:
    access = selectors.get_group_for(request.actor, group_id, need="can_manage")
    form = CategoryAddForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Name the profession."))
        services.category_add(group=access.group, label=form.cleaned_data["label"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Category added."))
    return redirect("groups:seats", access.group.pk)


@login_required
def visitors(request: HttpRequest, group_id: int) -> HttpResponse:
    """Visitors and applicants with the funnel; contact details are for the leader team only."""
    access = selectors.get_group_for(request.actor, group_id, need="can_record_meetings")
    group = access.group
    seats_list = selectors.labelled_seats(group, request.LANGUAGE_CODE)
    form = VisitorForm(
        request.POST or None,
        categories=selectors.category_choices(group, request.LANGUAGE_CODE),
        seats=seats_list,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = selectors.past_meetings(group, limit=1).first()
            visitor = services.visitor_record(
                group=group, name=data["name"], company_name=data["company_name"],
                email=data["email"], category=data["category"], meeting=meeting,
                invited_by=selectors.get_seat(group, data["invited_by"]),
            )  # fmt: skip
            if data["applies"]:
                services.visitor_apply(visitor=visitor)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Visitor recorded."))
            return redirect("groups:visitors", group.pk)
    labels = dict(selectors.category_choices(group, request.LANGUAGE_CODE))
    return render(
        request,
        "groups/visitors.html",
        {
            "access": access,
            "group": group,
            "visitors": selectors.visitors_with_conflicts(group),
            "labels": labels,
            "funnel": selectors.funnel(group),
            "form": form,
            "decision_form": DecisionForm(),
            "tab": "visitors",
        },
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def visitor_decide(request: HttpRequest, group_id: int, visitor_id: int) -> HttpResponse:
    access = selectors.get_group_for(request.actor, group_id, need="can_decide_applications")
    visitor = Visitor.objects.filter(group=access.group, pk=visitor_id).first()
    if visitor is None:
        raise Http404(_("Visitor not found."))
    form = DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose accept or decline."))
        services.visitor_decide(
            visitor=visitor, user=request.user, accept=form.cleaned_data["accept"],
            note=form.cleaned_data["note"],
        )  # fmt: skip
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Decision recorded."))
    return redirect("groups:visitors", access.group.pk)


urlpatterns = [
    path("groups/<int:group_id>/seats/", seats, name="seats"),
    path("groups/<int:group_id>/seats/<int:seat_id>/category/", seat_category, name="seat_category"),
    path("groups/<int:group_id>/categories/", category_add, name="category_add"),
    path("groups/<int:group_id>/visitors/", visitors, name="visitors"),
    path(
        "groups/<int:group_id>/visitors/<int:visitor_id>/decide/",
        visitor_decide,
        name="visitor_decide",
    ),
]
