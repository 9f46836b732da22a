from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from verbund.accounts import selectors as account_selectors
from verbund.accounts import services as account_services
from verbund.accounts.forms import InvitationForm
from verbund.companies.selectors import network_companies
from verbund.tenancy.actor import SESSION_COMPANY_KEY, SESSION_NETWORK_KEY
from verbund.tenancy.selectors import (
    get_network_for,
    network_counts,
    network_people,
    shared_network_id,
)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The start page for the role in the chosen network: overview or my company."""
    actor = request.actor
    if actor.network is not None and actor.is_coordinator:
        return redirect("tenancy:network", slug=actor.network.slug)
    if actor.company is not None:
        return redirect("companies:detail", company_id=actor.company.pk)
    return render(request, "tenancy/no_membership.html")


@login_required
@require_POST
def switch(request: HttpRequest) -> HttpResponse:
    """Choose the network or company to act in; only one's own can be chosen."""
    actor = request.actor
    network_id = request.POST.get("network")
    company_id = request.POST.get("company")
    if network_id:
        membership = actor.membership_in(int(network_id)) if network_id.isdigit() else None
        if membership is None:
            raise Http404(_("Network not found."))
        request.session[SESSION_NETWORK_KEY] = membership.network_id
    if company_id:
        member = actor.company_membership_in(int(company_id)) if company_id.isdigit() else None
        if member is None:
            raise Http404(_("Company not found."))
        request.session[SESSION_COMPANY_KEY] = member.company_id
        if network_id is None:
            # Picking a company also picks a network it is listed in, when one is shared.
            shared = shared_network_id(actor, member.company_id)
            if shared is not None:
                request.session[SESSION_NETWORK_KEY] = shared
    return redirect("home")


@login_required
def network_overview(request: HttpRequest, slug: str) -> HttpResponse:
    network = get_network_for(request.actor, slug, coordinator=True)
    companies = Paginator(network_companies(request.actor, network), 25).get_page(
        request.GET.get("page")
    )
    if request.htmx:
        # Paging swaps only the company table; the address bar still gets ?page=N.
        return render(request, "tenancy/partials/network_companies.html", {"companies": companies})
    return render(
        request,
        "tenancy/network_overview.html",
        {
            "network": network,
            "counts": network_counts(network),
            "companies": companies,
            "people": network_people(request.actor, network)[:10],
        },
    )


@login_required
def invitations(request: HttpRequest, slug: str) -> HttpResponse:
    actor = request.actor
    network = get_network_for(actor, slug, coordinator=True)
    form = InvitationForm(
        request.POST or None,
        companies=network_companies(actor, network),
        language=request.LANGUAGE_CODE,
    )
    if request.method == "POST" and form.is_valid():
        try:
            issued = account_services.invitation_create(
                actor=actor,
                network=network,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                company=form.cleaned_data["company"],
                company_role=form.cleaned_data["company_role"],
                language=form.cleaned_data["language"] or None,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            email = {"email": issued.invitation.email}
            if issued.resent:
                sent = _(
                    "An invitation to %(email)s was still open: it has been sent again, with a "
                    "new link (the earlier link no longer works)."
                )
            else:
                sent = _("Invitation sent to %(email)s.")
            messages.success(request, sent % email)
            return redirect("tenancy:invitations", slug=network.slug)
    return render(
        request,
        "tenancy/invitations.html",
        {
            "network": network,
            "form": form,
            "invitations": account_selectors.invitations_for(actor, network)[:100],
            "valid_days": settings.INVITATION_VALID_DAYS,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def invitation_withdraw(request: HttpRequest, slug: str, invitation_id: int) -> HttpResponse:
    network = get_network_for(request.actor, slug, coordinator=True)
    invitation = account_selectors.get_invitation_for(request.actor, network, invitation_id)
    account_services.invitation_withdraw(actor=request.actor, invitation=invitation)
    messages.success(request, _("Invitation withdrawn."))
    return redirect("tenancy:invitations", slug=network.slug)
