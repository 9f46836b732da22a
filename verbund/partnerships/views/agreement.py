"""Agreement pages: write a version, read it with its diff, confirm it, download the PDF."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from verbund.partnerships import pdf, presentation, services
from verbund.partnerships.forms import AgreementForm, apply_errors
from verbund.partnerships.models import AgreementVersion
from verbund.partnerships.selectors import get_partnership_for, get_version_for, latest_agreement
from verbund.partnerships.views.common import render_form


@login_required
def agreement_edit(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    company = access.require_party()
    partnership = access.partnership
    latest = latest_agreement(partnership)
    terms = latest.terms if latest else services.initial_terms(partnership)
    parties = [p.company for p in partnership.parties.all()]
    language = request.LANGUAGE_CODE
    if request.method == "POST":
        form = AgreementForm(
            request.POST, parties=parties, terms=terms, language=language, names=access.names
        )
        form.is_valid()  # the form's own checks, then the rules on what it could read
        try:
            terms_read = form.terms()
            services.agreement_terms_check(
                partnership=partnership, terms=terms_read, row_numbers=form.row_numbers
            )
        except ValidationError as error:
            form.add_term_errors(error)
        if form.is_valid():
            try:
                version = services.agreement_draft(
                    partnership=partnership,
                    terms=form.terms(),
                    user=request.user,
                    company=company,
                    change_note=form.cleaned_data.get("change_note", ""),
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Version %(number)s saved. It becomes active once every partner confirmed "
                        "it."
                    )
                    % {"number": version.number},
                )
                return redirect("partnerships:agreement", partnership.pk, version.number)
    else:
        form = AgreementForm(parties=parties, terms=terms, language=language, names=access.names)
    return render_form(
        request,
        "partnerships/agreement_edit.html",
        {
            "partnership": partnership,
            "form": form,
            "latest": latest,
            "parties": parties,
            "kpi_rows": [
                [
                    form[f"kpi_{n}_{key}"]
                    for key in ("key", "label", "target", "period", "direction")
                ]
                for n in range(form.kpi_rows)
            ],
            "contribution_rows": [
                [
                    form[f"contribution_{n}_{key}"]
                    for key in ("company", "kind", "description", "amount", "due", "status")
                ]
                for n in range(form.contribution_rows)
            ],
            "party_rows": [
                (
                    c,
                    access.names.get(c.pk, c.name),
                    form[f"share_{c.pk}"],
                    form[f"sponsor_{c.pk}"],
                    form[f"contact_{c.pk}"],
                )
                for c in parties
            ],
        },
        invalid=request.method == "POST",
    )


@login_required
def agreement_version(request: HttpRequest, partnership_id: int, number: int) -> HttpResponse:
    access, version = get_version_for(request.actor, partnership_id, number)
    partnership = access.partnership
    language = request.LANGUAGE_CODE
    shown = access.names
    names = {str(company_id): name for company_id, name in shown.items()}
    previous = (
        AgreementVersion.objects.filter(partnership=partnership, number__lt=number)
        .order_by("-number")
        .first()
    )
    confirmed = {c.company_id: c for c in version.confirmations.all()}
    return render(
        request,
        "partnerships/agreement.html",
        {
            "partnership": partnership,
            "access": access,
            "version": version,
            "terms": presentation.terms_table(version.terms, names, language),
            "previous": previous,
            "diff": presentation.diff_table(previous.terms, version.terms, names, language)
            if previous
            else [],
            "parties": [
                (shown[p.company_id], confirmed.get(p.company_id))
                for p in partnership.parties.all()
            ],
            "author": shown.get(version.created_by_company_id, ""),
            "can_confirm": (
                access.can_manage
                and version.status == AgreementVersion.Status.DRAFT
                and access.company is not None
                and access.company.pk not in confirmed
            ),
            "versions": partnership.agreement_versions.order_by("-number"),
        },
    )


@login_required
@require_POST
def agreement_confirm(request: HttpRequest, partnership_id: int, number: int) -> HttpResponse:
    access, version = get_version_for(request.actor, partnership_id, number)
    company = access.require_manager()
    try:
        version = services.agreement_confirm(version=version, user=request.user, company=company)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if version.status == AgreementVersion.Status.ACTIVE:
            messages.success(request, _("Confirmed by every partner: this version is now active."))
        else:
            messages.success(request, _("Confirmed. Waiting for the other partners."))
    return redirect("partnerships:agreement", partnership_id, number)


@login_required
def agreement_pdf(request: HttpRequest, partnership_id: int, number: int) -> HttpResponse:
    access, version = get_version_for(request.actor, partnership_id, number)
    content = pdf.agreement_pdf(version, access.partnership, request.LANGUAGE_CODE, access.names)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="agreement-{partnership_id}-v{number}-{request.LANGUAGE_CODE}.pdf"'
    )
    return response


urlpatterns = [
    path("partnerships/<int:partnership_id>/agreement/", agreement_edit, name="agreement_edit"),
    path(
        "partnerships/<int:partnership_id>/agreement/<int:number>/",
        agreement_version,
        name="agreement",
    ),
    path(
        "partnerships/<int:partnership_id>/agreement/<int:number>/confirm/",
        agreement_confirm,
        name="agreement_confirm",
    ),
    path(
        "partnerships/<int:partnership_id>/agreement/<int:number>/pdf/",
        agreement_pdf,
        name="agreement_pdf",
    ),
]
