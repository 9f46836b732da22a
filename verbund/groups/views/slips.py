"""The group pages members use most: my groups, a group's start page, its slips, and the four
slips entered on a phone (referral, thank-you, one-to-one, testimonial)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from verbund.groups import selectors, services
from verbund.groups.forms import (
    GroupForm,
    OneToOneForm,
    ReferralSlipForm,
    TestimonialForm,
    ThanksForm,
    apply_errors,
)
from verbund.groups.models import Group
from verbund.tenancy.selectors import get_network_for, network_people

SLIP_KINDS = ("referral", "thanks", "one_to_one", "testimonial")


@login_required
def group_list(request: HttpRequest) -> HttpResponse:
    return render(request, "groups/list.html", {"groups": selectors.groups_for(request.actor)})


@login_required
def group_new(request: HttpRequest) -> HttpResponse:
    """A new group in the network currently chosen, set up by its coordination."""
    if request.actor.network is None:
        raise Http404(_("Network not found."))
    network = get_network_for(request.actor, request.actor.network.slug, coordinator=True)
    people = {m.user.pk: m.user for m in network_people(request.actor, network)}
    form = GroupForm(
        request.POST or None,
        rhythms=Group.Rhythm.choices,
        people=people.values(),
        initial={"rhythm": Group.Rhythm.WEEKLY, "weekday": "2", "meeting_time": "07:00"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            group = services.group_create(
                network=network, name=data["name"], rhythm=data["rhythm"],
                weekday=data["weekday"], meeting_time=data["meeting_time"],
                location=data["location"],
                leader=people.get(int(data["leader"])) if data["leader"] else None,
            )  # fmt: skip
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The group %(name)s was created.") % {"name": group.name})
            return redirect("groups:detail", group.pk)
    return render(
        request,
        "groups/new.html",
        {"form": form, "network": network},
        status=422 if form.errors else 200,
    )


@login_required
def group_detail(request: HttpRequest, group_id: int) -> HttpResponse:
    access = selectors.get_group_for(request.actor, group_id)
    group = access.group
    return render(
        request,
        "groups/detail.html",
        {
            "access": access,
            "group": group,
            "seats": selectors.labelled_seats(group, request.LANGUAGE_CODE),
            "upcoming": selectors.upcoming_meetings(group, limit=3),
            "slips": selectors.recent_slips(group, limit=10),
            "tab": "overview",
        },
    )


@login_required
def group_slips(request: HttpRequest, group_id: int) -> HttpResponse:
    access = selectors.get_group_for(request.actor, group_id)
    return render(
        request,
        "groups/slips.html",
        {
            "access": access,
            "group": access.group,
            "slips": selectors.recent_slips(access.group, 100),
            "tab": "slips",
        },
    )


@login_required
def slip_new(request: HttpRequest, group_id: int, kind: str) -> HttpResponse:
    """One form per slip kind; only a member with a seat passes slips."""
    if kind not in SLIP_KINDS:
        raise Http404(_("Unknown slip."))
    access = selectors.get_group_for(request.actor, group_id)
    if access.seat is None:
        raise PermissionDenied(_("Only members with a seat pass slips."))
    group, me = access.group, access.seat
    seats = selectors.labelled_seats(group, request.LANGUAGE_CODE)
    data = request.POST if request.method == "POST" else None
    if kind == "referral":
        form = ReferralSlipForm(data, seats=seats, me=me)
    elif kind == "thanks":
        form = ThanksForm(data, referrals=selectors.open_referrals_received(group, me))
    elif kind == "one_to_one":
        form = OneToOneForm(data, seats=seats, me=me)
    else:
        form = TestimonialForm(data, seats=seats, me=me)
    if data is not None and form.is_valid():
        try:
            _save_slip(request, kind, access, form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Slip saved."))
            return redirect("groups:detail", group.pk)
    return render(
        request,
        "groups/slip_form.html",
        {"access": access, "group": group, "form": form, "kind": kind, "tab": "slips"},
        status=422 if data is not None else 200,
    )


def _save_slip(request: HttpRequest, kind: str, access, data: dict) -> None:
    group, me = access.group, access.seat
    if kind == "referral":
        inside = data["kind"] == ReferralSlipForm.INSIDE
        client_seat = selectors.get_seat(group, data["client_seat"]) if inside else None
        if inside and client_seat is None:
            raise ValidationError({"client_seat": _("Choose the member who is the client.")})
        services.referral_slip_create(
            group=group,
            giver=me,
            receiver=selectors.get_seat(group, data["receiver"]),
            client_seat=client_seat,
            client_name=data["client_name"],
            client_company=data["client_company"],
            client_email=data["client_email"],
            client_phone=data["client_phone"],
            consent=data["consent"],
            need=data["need"],
            estimated_value=data["estimated_value"],
        )
    elif kind == "thanks":
        referral = selectors.get_group_referral(group, int(data["referral"]))
        services.thank_you_record(
            referral=referral, user=request.user, amount=data["amount"], note=data["note"]
        )
    elif kind == "one_to_one":
        services.one_to_one_create(
            group=group,
            seat=me,
            other=selectors.get_seat(group, data["other"]),
            met_on=data["met_on"],
            note=data["note"],
            user=request.user,
        )
    else:
        services.testimonial_create(
            group=group, author=me, about=selectors.get_seat(group, data["other"]),
            text=data["text"],
        )  # fmt: skip


urlpatterns = [
    path("groups/", group_list, name="list"),
    path("groups/new/", group_new, name="new"),
    path("groups/<int:group_id>/", group_detail, name="detail"),
    path("groups/<int:group_id>/slips/", group_slips, name="slips"),
    path("groups/<int:group_id>/slips/<str:kind>/", slip_new, name="slip"),
]
