"""Contact requests: write one with substance; the recipient accepts, declines or asks."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from verbund.companies.models import Company
from verbund.companies.selectors import Access, get_company_for, visible_profile
from verbund.lib import catalogues
from verbund.partnerships import services
from verbund.partnerships.forms import ContactRequestForm, DeclineForm, MessageForm, apply_errors
from verbund.partnerships.models import Partnership
from verbund.partnerships.selectors import get_contact_request_for, require_decider
from verbund.partnerships.services.contact import sent_this_week, weekly_limit
from verbund.partnerships.views.common import render_form

ORIGINS = {Partnership.Origin.SUGGESTION, Partnership.Origin.DIRECT}


def _sender(request: HttpRequest):
    """The company the actor writes for: the chosen one, which they may edit."""
    actor = request.actor
    company = actor.company
    if company is None:
        raise PermissionDenied(_("Choose a company you act for first."))
    require_decider(actor, company)
    return company


@login_required
def contact_request_new(request: HttpRequest, company_id: int) -> HttpResponse:
    actor = request.actor
    access = get_company_for(actor, company_id)
    if access.access == Access.MEMBER:
        raise Http404(_("Company not found."))  # nobody writes to their own company
    sender = _sender(request)
    network = actor.network
    if network is None or not access.company.listings.filter(network=network).exists():
        raise Http404(_("Company not found."))
    language = request.LANGUAGE_CODE
    profile = visible_profile(actor, access, language)
    about_choices = [
        (f"offer:{o.pk}", _("Offer: %(title)s") % {"title": o.title}) for o in profile.offers
    ]
    about_choices += [
        (f"need:{n.pk}", _("Need: %(title)s") % {"title": n.title}) for n in profile.needs
    ]
    initial = {"about": request.GET.get("about", ""), "origin": request.GET.get("origin", "")}
    data = request.POST if request.method == "POST" else None
    form = ContactRequestForm(data, initial=initial, about_choices=about_choices, language=language)
    if data is not None and form.is_valid():
        origin = form.cleaned_data["origin"]
        try:
            contact = services.contact_request_send(
                network=network,
                sender=sender,
                recipient=access.company,
                user=request.user,
                about=form.cleaned_data["about"],
                brings=form.cleaned_data["brings"],
                form=form.cleaned_data["form"],
                first_step=form.cleaned_data["first_step"],
                origin=origin if origin in ORIGINS else Partnership.Origin.DIRECT,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Your contact request has been sent."))
            return redirect("partnerships:contact_detail", contact.pk)
    return render_form(
        request,
        "partnerships/contact_new.html",
        {
            "form": form,
            "profile": profile,
            "recipient": access.company,
            "sender": sender,
            "limit": weekly_limit(network),
            "sent": sent_this_week(network, sender),
            "forms_help": [
                (e.label(language), e.help(language)) for e in catalogues.entries("forms")
            ],
        },
        invalid=data is not None,
    )


def _thread_name(access, company) -> str:
    """Who wrote a message, by the page's own rule for the two names above the thread: an
    anonymous recipient stays anonymous to the sender until it accepts, an anonymous sender
    stays anonymous to the recipient (decision 0003)."""
    contact = access.request
    anonymous = company.visibility == Company.Visibility.ANONYMOUS
    if anonymous and not access.is_coordinator:
        if company.pk == contact.recipient_id and access.is_sender and contact.status != "accepted":
            return _("Anonymous company")
        if company.pk == contact.sender_id and access.is_recipient:
            return _("Anonymous company")
    return company.name


def _detail(request: HttpRequest, access, decline_form=None, *, invalid=False) -> HttpResponse:
    contact = access.request
    form_entry = catalogues.get("forms", contact.form)
    return render_form(
        request,
        "partnerships/contact_detail.html",
        {
            "contact": contact,
            "access": access,
            "thread": [
                (m, _thread_name(access, m.company))
                for m in contact.messages.select_related("company", "author")
            ],
            "decline_form": decline_form or DeclineForm(),
            "message_form": MessageForm(),
            "form_label": form_entry.label(request.LANGUAGE_CODE) if form_entry else contact.form,
        },
        invalid=invalid,
    )


@login_required
def contact_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    return _detail(request, get_contact_request_for(request.actor, request_id))


def _answering(request: HttpRequest, request_id: int):
    access = get_contact_request_for(request.actor, request_id)
    if not access.is_recipient:
        raise PermissionDenied(_("Only the recipient can answer this request."))
    require_decider(request.actor, access.company)
    return access


@login_required
@require_POST
def contact_accept(request: HttpRequest, request_id: int) -> HttpResponse:
    access = _answering(request, request_id)
    try:
        partnership = services.contact_request_accept(
            request=access.request, user=request.user, company=access.company
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("partnerships:contact_detail", request_id)
    messages.success(request, _("Accepted. The partnership is now in the stage “contacted”."))
    return redirect("partnerships:detail", partnership.pk)


@login_required
@require_POST
def contact_decline(request: HttpRequest, request_id: int) -> HttpResponse:
    access = _answering(request, request_id)
    form = DeclineForm(request.POST)
    form.is_valid()
    try:
        services.contact_request_decline(
            request=access.request,
            user=request.user,
            company=access.company,
            reason=form.cleaned_data.get("reason", ""),
        )
    except ValidationError as error:
        apply_errors(form, error)
        return _detail(request, access, form, invalid=True)
    messages.success(request, _("Declined. The sender has been told your reason."))
    return redirect("partnerships:contact_detail", request_id)


@login_required
@require_POST
def contact_message(request: HttpRequest, request_id: int) -> HttpResponse:
    access = get_contact_request_for(request.actor, request_id)
    if access.company is None:
        raise PermissionDenied(_("Only the two companies write in this thread."))
    form = MessageForm(request.POST)
    form.is_valid()
    try:
        services.contact_message_add(
            request=access.request,
            user=request.user,
            company=access.company,
            text=form.cleaned_data.get("text", ""),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("partnerships:contact_detail", args=[request_id]) + "#thread")


@login_required
@require_POST
def contact_forward(request: HttpRequest, request_id: int) -> HttpResponse:
    access = get_contact_request_for(request.actor, request_id)
    if not access.is_coordinator:
        raise PermissionDenied(_("Only the network's coordinators can do this."))
    try:
        services.contact_request_forward(request=access.request, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Forwarded to the recipient."))
    return redirect("partnerships:contact_detail", request_id)


urlpatterns = [
    path("partnerships/request/<int:company_id>/", contact_request_new, name="request"),
    path("partnerships/contacts/<int:request_id>/", contact_detail, name="contact_detail"),
    path("partnerships/contacts/<int:request_id>/accept/", contact_accept, name="contact_accept"),
    path(
        "partnerships/contacts/<int:request_id>/decline/", contact_decline, name="contact_decline"
    ),
    path(
        "partnerships/contacts/<int:request_id>/message/", contact_message, name="contact_message"
    ),
    path(
        "partnerships/contacts/<int:request_id>/forward/", contact_forward, name="contact_forward"
    ),
]
