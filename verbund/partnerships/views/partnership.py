"""The partnership pages: my partnerships and requests, one partnership with its path."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from verbund.health.selectors import partnership_health
from verbund.lib import catalogues
from verbund.partnerships import form_templates, services, stages
from verbund.partnerships.forms import StageForm, apply_errors, checklist_rows
from verbund.partnerships.models import ChecklistItem, Stage
from verbund.partnerships.selectors import (
    Viewer,
    addable_companies,
    contact_requests_for,
    get_partnership_for,
    partnership_detail_data,
    partnerships_for,
    party_names,
    reference_requests_for,
    shown_parties,
)
from verbund.partnerships.services.partnership import paused_from, strategic_missing
from verbund.partnerships.views.common import render_form


@login_required
def partnership_list(request: HttpRequest) -> HttpResponse:
    actor = request.actor
    partnerships = list(partnerships_for(actor)[:200])
    language = request.LANGUAGE_CODE
    rows = []
    for partnership in partnerships:
        parties = list(partnership.parties.all())
        own = [p for p in parties if p.company_id in actor.company_ids]
        names = party_names(partnership, Viewer.of(actor, partnership))
        rows.append(
            {
                "partnership": partnership,
                "partners": [
                    names[p.company_id]
                    for p in parties
                    if not own or p.company_id not in actor.company_ids
                ],
                "form": _form_label(partnership.form, language),
            }
        )
    return render(
        request,
        "partnerships/list.html",
        {
            "rows": rows,
            "requests": contact_requests_for(actor),
            "references": reference_requests_for(actor),
        },
    )


def _form_label(key: str, language: str) -> str:
    entry = catalogues.get("forms", key)
    return entry.label(language) if entry else key


def _editable_roles(access) -> set[int]:
    """Party ids whose role the actor may set: all for the leader, else only their own."""
    if not access.can_manage:
        return set()
    parties = list(access.partnership.parties.all())
    leader = next((p for p in parties if p.is_leader), None)
    if leader is not None:
        return {p.pk for p in parties} if leader.company_id == access.company.pk else set()
    return {p.pk for p in parties if p.company_id == access.company.pk}


def _addable(access) -> list:
    """Companies the actor may add to this project group (empty when they may not add any)."""
    partnership = access.partnership
    if partnership.form != "project_group" or not partnership.is_open or not access.can_manage:
        return []
    leader = next((p for p in partnership.parties.all() if p.is_leader), None)
    if leader is not None and leader.company_id != access.company.pk:
        return []
    return list(addable_companies(access)[:500])


def _changed_by(change, names: dict[int, str]) -> str:
    """Who made a change, as the viewer may read it: a hidden party's person stays unnamed."""
    if change.company_id is None:
        person = change.changed_by
        return (person.get_full_name() or person.email) if person else ""
    name = names.get(change.company_id, change.company.name)
    if name != change.company.name or change.changed_by is None:
        return name
    return f"{name} ({change.changed_by.get_full_name() or change.changed_by.email})"


def _detail_context(request: HttpRequest, access, stage_form=None) -> dict:
    partnership = access.partnership
    language = request.LANGUAGE_CODE
    data = partnership_detail_data(partnership)
    template = form_templates.template(partnership.form)
    targets = stages.allowed_targets(partnership.stage, paused_from=paused_from(partnership))
    by_stage: dict[str, list] = {}
    for item, label in checklist_rows(data["checklist"], language):
        by_stage.setdefault(item.stage, []).append((item, label))
    labels = {item.key: label for item, label in checklist_rows(data["checklist"], language)}
    names = access.names
    changes = [
        (change, [labels.get(key, key) for key in change.open_items], _changed_by(change, names))
        for change in data["changes"]
    ]
    versions = data["versions"]
    return {
        "partnership": partnership,
        "access": access,
        "parties": shown_parties(partnership, access.viewer),
        "title": " · ".join(names.values()),
        "version_authors": [(v, names.get(v.created_by_company_id, "")) for v in versions],
        "editable_roles": _editable_roles(access),
        "addable": _addable(access),
        "leader": next((p for p in partnership.parties.all() if p.is_leader), None),
        "form_label": _form_label(partnership.form, language),
        "success": template.success_text(language),
        "risks": [
            (risk.label(language), risk.help(language))
            for risk in map(form_templates.risk, template.risks)
            if risk is not None
        ],
        "language": language,
        "checklist": [
            (Stage(stage).label, stage, by_stage.get(stage, []))
            for stage in form_templates.STAGES_WITH_CHECKLISTS
        ],
        "changes": changes,
        "stage_form": stage_form or StageForm(targets=targets),
        "can_move": bool(targets) and access.can_manage,
        "strategic_missing": strategic_missing(partnership)
        if partnership.stage == Stage.AGREED
        else [],
        "versions": versions,
        "active_version": next((v for v in versions if v.status == "active"), None),
        "latest_version": versions[0] if versions else None,
        "reviews": data["reviews"],
        "references": [
            (ref, names.get(ref.candidate_id, ref.candidate.name))
            for ref in partnership.reference_requests.select_related(
                "referee", "candidate", "requester"
            )
        ]
        if access.is_party
        else [],
        "stage_index": stages.PATH.index(partnership.stage)
        if partnership.stage in stages.PATH
        else -1,
        "path": [(s, Stage(s).label) for s in stages.PATH],
        "health": partnership_health(access),
    }


@login_required
def partnership_detail(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    return render(request, "partnerships/detail.html", _detail_context(request, access))


@login_required
@require_POST
def partnership_move(request: HttpRequest, partnership_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    company = access.require_manager()
    partnership = access.partnership
    targets = stages.allowed_targets(partnership.stage, paused_from=paused_from(partnership))
    form = StageForm(request.POST, targets=targets)
    if form.is_valid():
        try:
            services.partnership_move(
                partnership=partnership,
                to_stage=form.cleaned_data["stage"],
                user=request.user,
                company=company,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Stage changed."))
            return redirect("partnerships:detail", partnership.pk)
    return render_form(
        request, "partnerships/detail.html", _detail_context(request, access, form), invalid=True
    )


@login_required
@require_POST
def checklist_toggle(request: HttpRequest, partnership_id: int, item_id: int) -> HttpResponse:
    access = get_partnership_for(request.actor, partnership_id)
    access.require_party()
    item = ChecklistItem.objects.filter(partnership=access.partnership, pk=item_id).first()
    if item is None:
        raise Http404(_("Checklist item not found."))
    services.checklist_item_set(item=item, done=request.POST.get("done") == "1", user=request.user)
    if request.htmx:
        label = form_templates.checklist_label(item.key, request.LANGUAGE_CODE)
        return render(
            request,
            "partnerships/partials/checklist_item.html",
            {"item": item, "label": label, "partnership": access.partnership, "access": access},
        )
    return redirect("partnerships:detail", partnership_id)


@login_required
@require_POST
def party_roles(request: HttpRequest, partnership_id: int) -> HttpResponse:
    """Take the lead of a group, or set roles (the leader for all, otherwise each its own)."""
    access = get_partnership_for(request.actor, partnership_id)
    company = access.require_manager()
    partnership = access.partnership
    try:
        if request.POST.get("lead"):
            services.party_take_lead(partnership=partnership, company=company, user=request.user)
        for party in partnership.parties.all():
            role = request.POST.get(f"role_{party.pk}")
            if role is not None and role.strip() != party.role:
                services.party_set_role(party=party, role=role, by_company=company)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Roles saved."))
    return redirect("partnerships:detail", partnership.pk)


@login_required
@require_POST
def party_add(request: HttpRequest, partnership_id: int) -> HttpResponse:
    """A project group's leader (or any partner while there is none) adds a further company."""
    access = get_partnership_for(request.actor, partnership_id)
    company = access.require_manager()
    partnership = access.partnership
    chosen = request.POST.get("company", "")
    candidate = (
        addable_companies(access).filter(pk=int(chosen)).first() if chosen.isdigit() else None
    )
    if candidate is None:
        messages.error(request, _("Choose a company of the network to add."))
        return redirect("partnerships:detail", partnership.pk)
    try:
        services.party_add(
            partnership=partnership, company=candidate, by_company=company, user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(company)s is now a partner.") % {"company": candidate.name})
    return redirect("partnerships:detail", partnership.pk)


urlpatterns = [
    path("partnerships/", partnership_list, name="list"),
    path("partnerships/<int:partnership_id>/", partnership_detail, name="detail"),
    path("partnerships/<int:partnership_id>/stage/", partnership_move, name="move"),
    path("partnerships/<int:partnership_id>/roles/", party_roles, name="roles"),
    path("partnerships/<int:partnership_id>/partners/", party_add, name="party_add"),
    path(
        "partnerships/<int:partnership_id>/checklist/<int:item_id>/",
        checklist_toggle,
        name="checklist",
    ),
]
