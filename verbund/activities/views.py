"""The partnership's working pages: referrals both ways, joint activities (with a calendar feed),
the shared cost ledger, shared contacts, bulk import. Asking a client for feedback on a referral
uses the referrals app's link (``referrals.services.feedback_link_create``).

Access: the parties read and write; the network's coordination reads referrals, activities and
the ledger (403 on every write, on receipts and on contacts beyond counts); anyone else gets 404
(``partnerships.selectors.get_partnership_for``).
"""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from verbund.accounts.calendar import login_or_calendar_key
from verbund.activities import exports, forms, imports, selectors, services
from verbund.activities.ical import activity_calendar
from verbund.companies.imports.formats import EXPORT_CSV_DELIMITER
from verbund.lib.spreadsheet import guard_cell
from verbund.partnerships.forms import apply_errors
from verbund.partnerships.selectors import PartnershipAccess, get_partnership_for
from verbund.referrals import services as referral_services
from verbund.referrals.selectors import get_referral_for
from verbund.referrals.views import feedback_url as referral_feedback_url

INVALID = 400  # a refused form is shown again with its messages, nothing is lost


def _page(request, template: str, access: PartnershipAccess, context: dict, *, invalid=False):
    partnership = access.partnership
    context = {
        "partnership": partnership,
        "access": access,
        "parties": selectors.parties(partnership),
        "party_title": " · ".join(access.names.values()),
        "names": access.names,  # for ``company|party_name:names`` (decision 0003, addendum)
        **context,
    }
    return render(request, template, context, status=INVALID if invalid else 200)


def _companies(access: PartnershipAccess) -> dict:
    return {company.pk: company for company in selectors.parties(access.partnership)}


# --- referrals ---------------------------------------------------------------------------------


def _referrals_context(access: PartnershipAccess, form=None) -> dict:
    partnership = access.partnership
    others = [c for c in selectors.parties(partnership) if c != access.company]
    if access.is_party and form is None:
        form = forms.ReferralForm(receivers=others, names=access.names)
    return {
        "summary": selectors.referral_summary(partnership),
        "referrals": list(selectors.referrals_of(partnership)[:200]),
        "now": timezone.now(),
        "form": form if access.is_party and partnership.is_open else None,
        "section": "referrals",
    }


@login_required
def referrals(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    if request.method != "POST":
        return _page(request, "activities/referrals.html", access, _referrals_context(access))
    company = access.require_party()
    others = [c for c in selectors.parties(access.partnership) if c != company]
    form = forms.ReferralForm(request.POST, receivers=others, names=access.names)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.referral_give(
                partnership=access.partnership,
                referrer=company,
                user=request.user,
                receiver=_companies(access)[data["receiver"]],
                need=data["need"],
                client_name=data["client_name"],
                client_company=data["client_company"],
                client_email=data["client_email"],
                client_phone=data["client_phone"],
                consent=data["consent"],
                estimated_value=data["estimated_value"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Referral passed on; the partner has been told."))
            return redirect("activities:referrals", partnership_id)
    else:
        # The fields the form refused are missing here and keep only the form's own message.
        problems = referral_services.referral_client_problems(form.cleaned_data, in_network=False)
        if problems:  # every error at once, not only the form's own
            apply_errors(form, ValidationError(problems), besides_own=True)
    return _page(
        request, "activities/referrals.html", access, _referrals_context(access, form), invalid=True
    )


@login_required
@require_POST
def feedback_link(request: HttpRequest, partnership_id: int, referral_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    access.require_party()
    referral = get_referral_for(request.actor, referral_id)
    if referral.partnership_id != access.partnership.pk:
        raise Http404(_("Referral not found."))
    context = _referrals_context(access)
    try:
        secret = referral_services.feedback_link_create(referral=referral, user=request.user)
    except ValidationError as error:
        context["feedback_error"] = " ".join(error.messages)
        return _page(request, "activities/referrals.html", access, context, invalid=True)
    context["feedback_url"] = referral_feedback_url(request, secret)
    context["feedback_referral"] = referral
    return _page(request, "activities/referrals.html", access, context)


# --- activities --------------------------------------------------------------------------------


def _activities_context(access: PartnershipAccess, form=None) -> dict:
    companies = selectors.parties(access.partnership)
    if access.is_party and form is None:
        form = forms.ActivityForm(
            companies=companies,
            names=access.names,
            initial={"initiator": access.company.pk, "participants": [c.pk for c in companies]},
        )
    return {
        "activities": list(selectors.activities_of(access.partnership)[:200]),
        "form": form if access.is_party and access.partnership.is_open else None,
        "section": "activities",
    }


@login_required
def activities(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    if request.method != "POST":
        return _page(request, "activities/activities.html", access, _activities_context(access))
    company = access.require_party()
    companies = _companies(access)
    form = forms.ActivityForm(request.POST, companies=companies.values(), names=access.names)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.activity_create(
                partnership=access.partnership,
                company=company,
                user=request.user,
                kind=data["kind"],
                title=data["title"],
                starts_at=data["starts_at"],
                duration_minutes=data["duration_minutes"],
                location=data["location"],
                initiator=companies[data["initiator"]],
                participants=[companies[pk] for pk in data["participants"]],
                people=data["people"],
                leads=data["leads"] or 0,
                projects_won=data["projects_won"] or 0,
                revenue_sourced=data["revenue_sourced"] or 0,
                revenue_influenced=data["revenue_influenced"] or 0,
                notes=data["notes"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Activity recorded."))
            return redirect("activities:activities", partnership_id)
    return _page(
        request,
        "activities/activities.html",
        access,
        _activities_context(access, form),
        invalid=True,
    )


@login_or_calendar_key
def calendar(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    text = activity_calendar(
        access.partnership,
        selectors.meetings_of(access.partnership),
        site=request.build_absolute_uri("/"),
        names=access.names,
    )
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="partnership-{partnership_id}.ics"'
    return response


# --- costs -------------------------------------------------------------------------------------


def _costs_context(access: PartnershipAccess, form=None, settle_form=None) -> dict:
    partnership = access.partnership
    companies = selectors.parties(partnership)
    if access.is_party:
        form = form or forms.CostForm(
            companies=companies,
            names=access.names,
            activities=selectors.activities_of(partnership)[:100],
            initial={"paid_by": access.company.pk, "spent_on": timezone.localdate()},
        )
        settle_form = settle_form or forms.SettlementForm(companies=companies, names=access.names)
    shares = services.shares_for(partnership)
    return {
        "ledger": selectors.ledger_view(partnership),
        "items": list(selectors.cost_items_of(partnership)[:500]),
        "settlements": list(selectors.settlements_of(partnership)[:200]),
        "rule": [(c, shares.get(c.pk)) for c in companies],
        "rule_from_agreement": services.active_cost_shares(partnership) is not None,
        "form": form if access.is_party else None,
        "settle_form": settle_form if access.is_party else None,
        "section": "costs",
    }


@login_required
def costs(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    if request.method != "POST":
        return _page(request, "activities/costs.html", access, _costs_context(access))
    company = access.require_party()
    companies = _companies(access)
    activities_ = list(selectors.activities_of(access.partnership)[:100])
    form = forms.CostForm(
        request.POST,
        request.FILES,
        companies=companies.values(),
        activities=activities_,
        names=access.names,
    )
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.cost_item_create(
                partnership=access.partnership,
                company=company,
                user=request.user,
                paid_by=companies[data["paid_by"]],
                amount=data["amount"],
                spent_on=data["spent_on"],
                description=data["description"],
                activity=next((a for a in activities_ if a.pk == data["activity"]), None),
                shares=form.shares(),
                receipt=data["receipt"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Cost recorded; the partners have been told."))
            return redirect("activities:costs", partnership_id)
    return _page(
        request, "activities/costs.html", access, _costs_context(access, form=form), invalid=True
    )


@login_required
@require_POST
def settle(request: HttpRequest, partnership_id: int) -> HttpResponse:
    """Record one settlement, or (``proposal=1``) every transfer the ledger proposes."""
    access = get_partnership_for(request.actor, partnership_id)
    company = access.require_party()
    if request.POST.get("proposal") == "1":
        transfers = selectors.ledger_view(access.partnership).transfers
        services.settlement_proposal_record(
            partnership=access.partnership, company=company, user=request.user, transfers=transfers
        )
        messages.success(request, _("Settlement recorded; every balance is now zero."))
        return redirect("activities:costs", partnership_id)
    companies = _companies(access)
    form = forms.SettlementForm(request.POST, companies=companies.values(), names=access.names)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.settlement_record(
                partnership=access.partnership,
                company=company,
                user=request.user,
                payer=companies[data["payer"]],
                payee=companies[data["payee"]],
                amount=data["amount"],
                paid_on=data["paid_on"],
                note=data["note"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Settlement recorded."))
            return redirect("activities:costs", partnership_id)
    return _page(
        request,
        "activities/costs.html",
        access,
        _costs_context(access, settle_form=form),
        invalid=True,
    )


@login_required
def costs_csv(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    # Names as the reader may read them (decision 0003, addendum).
    body = exports.costs_csv(access.partnership, access.names)
    response = HttpResponse("\ufeff" + body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="costs-{partnership_id}.csv"'
    return response


@login_required
def receipt(request: HttpRequest, partnership_id: int, item_id: int) -> FileResponse:
    access = get_partnership_for(request.actor, partnership_id)
    access.require_party()
    item = selectors.cost_items_of(access.partnership).filter(pk=item_id).first()
    if item is None or not item.receipt:
        raise Http404(_("Receipt not found."))
    return FileResponse(
        item.receipt.open("rb"), as_attachment=True, filename=item.receipt.name.rsplit("/", 1)[-1]
    )


# --- contacts ----------------------------------------------------------------------------------


def _contacts_context(access: PartnershipAccess, form=None, errors=()) -> dict:
    partnership = access.partnership
    return {
        "summary": selectors.contact_summary(partnership),
        # The coordination and the partners see counts; rows only the owner or shared ones.
        "contacts": selectors.contacts_visible_to(partnership, access.company)
        if access.is_party
        else [],
        "form": (form or forms.UploadForm()) if access.is_party else None,
        "campaign_form": forms.CampaignForm(initial={"on": timezone.localdate()})
        if access.is_party
        else None,
        "errors": list(errors),
        "section": "contacts",
    }


@login_required
def contacts(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    if request.method != "POST":
        return _page(request, "activities/contacts.html", access, _contacts_context(access))
    company = access.require_party()
    form = forms.UploadForm(request.POST, request.FILES)
    errors: list = []
    if form.is_valid():
        upload = form.cleaned_data["file"]
        rows, errors = imports.contact_rows(upload.read(), upload.name)
        if not errors:
            count = services.contacts_replace(
                partnership=access.partnership, company=company, user=request.user, rows=rows
            )
            messages.success(request, _("%(count)s contacts saved.") % {"count": count})
            return redirect("activities:contacts", partnership_id)
    return _page(
        request,
        "activities/contacts.html",
        access,
        _contacts_context(access, form, errors),
        invalid=True,
    )


@login_required
def campaign_export(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    company = access.require_party()
    form = forms.CampaignForm(request.GET)
    if not form.is_valid():
        return _page(
            request, "activities/contacts.html", access, _contacts_context(access), invalid=True
        )
    on = form.cleaned_data["on"] or timezone.localdate()
    rows = selectors.campaign_export(access.partnership, company, form.cleaned_data["purpose"], on)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=EXPORT_CSV_DELIMITER)
    writer.writerow(["email", "name", "company", "consent_source", "consent_date", "purposes"])
    for row in rows:
        writer.writerow(
            [
                guard_cell(c)
                for c in [
                    row.email,
                    row.name,
                    row.company_name,
                    row.consent_source,
                    row.consent_given_on.isoformat(),
                    "|".join(row.consent_purposes),
                ]
            ]
        )
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="campaign-{form.cleaned_data["purpose"]}-{on.isoformat()}.csv"'
    )
    return response


# --- bulk import -------------------------------------------------------------------------------


@login_required
def bulk_import(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    company = access.require_party()
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = imports.import_rows(
            partnership=access.partnership,
            company=company,
            user=request.user,
            what=form.cleaned_data["what"],
            data=upload.read(),
            filename=upload.name,
            dry_run=form.cleaned_data["dry_run"],
        )
    invalid = bool(form.errors) or bool(result and result.errors)
    return _page(
        request,
        "activities/import.html",
        access,
        {"form": form, "result": result, "columns": imports.COLUMNS, "section": "import"},
        invalid=invalid,
    )


def _pattern(route: str, view, name: str):
    return path(f"partnerships/<int:partnership_id>/{route}", view, name=name)


urlpatterns = [
    _pattern("referrals/", referrals, "referrals"),
    _pattern("referrals/<int:referral_id>/feedback-link/", feedback_link, "feedback_link"),
    _pattern("activities/", activities, "activities"),
    _pattern("activities/calendar.ics", calendar, "calendar"),
    _pattern("costs/", costs, "costs"),
    _pattern("costs/settle/", settle, "settle"),
    _pattern("costs.csv", costs_csv, "costs_csv"),
    _pattern("costs/<int:item_id>/receipt/", receipt, "receipt"),
    _pattern("contacts/", contacts, "contacts"),
    _pattern("contacts/campaign.csv", campaign_export, "campaign_export"),
    _pattern("import/", bulk_import, "import"),
]
