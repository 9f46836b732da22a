"""References as a partner: ask a third company about a candidate; the answer comes back."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _

from verbund.companies.models import Company
from verbund.partnerships import services
from verbund.partnerships.forms import ReferenceAnswerForm, ReferenceAskForm, apply_errors
from verbund.partnerships.selectors import get_partnership_for, get_reference_request_for
from verbund.partnerships.views.common import render_form


def _referees(partnership) -> list[Company]:
    """Companies of the network that could be asked: listed, not private, not a party."""
    party_ids = [p.company_id for p in partnership.parties.all()]
    return list(
        Company.objects.filter(listings__network=partnership.network)
        .exclude(pk__in=party_ids)
        .exclude(visibility__in=[Company.Visibility.PRIVATE, Company.Visibility.ANONYMOUS])
        .order_by("name")[:500]
    )


@login_required
def reference_ask(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    company = access.require_party()
    partnership = access.partnership
    candidates = [p.company for p in partnership.parties.all() if p.company_id != company.pk]
    referees = _referees(partnership)
    data = request.POST if request.method == "POST" else None
    form = ReferenceAskForm(data, referees=referees, candidates=candidates, names=access.names)
    if data is not None and form.is_valid():
        try:
            services.reference_request_create(
                partnership=partnership,
                requester=company,
                candidate=next(c for c in candidates if c.pk == form.cleaned_data["candidate"]),
                referee=next(c for c in referees if c.pk == form.cleaned_data["referee"]),
                question=form.cleaned_data["question"],
                user=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Your question has been sent."))
            return redirect("partnerships:detail", partnership.pk)
    return render_form(
        request,
        "partnerships/reference_ask.html",
        {"partnership": partnership, "form": form},
        invalid=data is not None,
    )


@login_required
def reference_detail(request: HttpRequest, reference_id: int) -> HttpResponse:
    reference, company = get_reference_request_for(request.actor, reference_id)
    is_referee = company is not None and company.pk == reference.referee_id
    data = request.POST if request.method == "POST" else None
    form = ReferenceAnswerForm(data)
    if data is not None:
        if not is_referee:
            raise PermissionDenied(_("Only the company asked can answer."))
        if form.is_valid():
            try:
                if data.get("decline"):
                    services.reference_decline(
                        reference=reference, company=company, user=request.user
                    )
                else:
                    services.reference_answer(
                        reference=reference,
                        company=company,
                        user=request.user,
                        answer=form.cleaned_data["answer"],
                        rating=form.cleaned_data["rating"],
                    )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Thank you. Your answer has been passed on."))
                return redirect("partnerships:reference", reference.pk)
    return render_form(
        request,
        "partnerships/reference.html",
        {"reference": reference, "form": form, "is_referee": is_referee},
        invalid=data is not None,
    )


urlpatterns = [
    path("partnerships/<int:partnership_id>/references/ask/", reference_ask, name="reference_ask"),
    path("partnerships/references/<int:reference_id>/", reference_detail, name="reference"),
]
