"""A review: score every factor (hidden from the others until all submitted), KPI actuals beside
targets, action items."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from verbund.activities.selectors import review_kpi_prefill
from verbund.lib import catalogues
from verbund.partnerships import services
from verbund.partnerships.forms import ActionItemForm, ReviewForm, apply_errors, factor_label
from verbund.partnerships.models import ActionItem
from verbund.partnerships.selectors import get_review_for, visible_submissions
from verbund.partnerships.services.review import review_factors
from verbund.partnerships.views.common import render_form


def _context(request, access, review, form=None, action_form=None) -> dict:
    language = request.LANGUAGE_CODE
    partnership = access.partnership
    parties = [p.company for p in partnership.parties.all()]
    party_ids = {c.pk for c in parties}
    viewer = access.company.pk if access.company else None
    submissions, revealed = visible_submissions(review, party_ids, viewer)
    factors = review_factors(review)
    submitted_ids = {s.company_id for s in review.submissions.all()}
    by_company = {s.company_id: s for s in submissions}
    score_rows = [
        (
            factor_label(key, language),
            [
                (c, by_company[c.pk].scores.get(key) if c.pk in by_company else None)
                for c in parties
            ],
        )
        for key in factors
    ]
    actuals = {a.position: a for a in review.kpi_actuals.all()}
    recorded = review_kpi_prefill(review)  # pre-filled from recorded activity (activities app)
    kpis = [
        {
            "position": n,
            "label": row.get("label")
            or (
                catalogues.get("kpis", row["key"]).label(language)
                if catalogues.get("kpis", row["key"])
                else row["key"]
            ),
            "target": row.get("target"),
            "period": row.get("period"),
            "actual": actuals.get(n),
            "recorded": recorded.get(n),
        }
        for n, row in enumerate(review.agreement_version.terms.get("kpis") or [])
    ]
    own_submitted = viewer in submitted_ids
    return {
        "partnership": partnership,
        "access": access,
        "review": review,
        "parties": parties,
        "submitted": [c for c in parties if c.pk in submitted_ids],
        "waiting_for": [c for c in parties if c.pk not in submitted_ids],
        "revealed": revealed,
        "score_rows": score_rows,
        "own_submitted": own_submitted,
        "form": form
        or (
            ReviewForm(factors=factors, language=language)
            if access.is_party and not own_submitted
            else None
        ),
        "kpis": kpis,
        "action_form": action_form or ActionItemForm(parties=parties),
        "actions": review.action_items.all(),
    }


@login_required
def review_detail(request: HttpRequest, partnership_id: int, number: int) -> HttpResponse:
    access, review = get_review_for(request.actor, partnership_id, number)
    if request.method != "POST":
        return render_form(
            request, "partnerships/review.html", _context(request, access, review), invalid=False
        )
    company = access.require_party()
    form = ReviewForm(request.POST, factors=review_factors(review), language=request.LANGUAGE_CODE)
    if form.is_valid():
        try:
            services.review_submit(
                review=review, company=company, user=request.user, scores=form.scores()
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                keys = form.factor_keys
                for key, texts in error.message_dict.items():
                    field = f"score_{keys.index(key)}" if key in keys else None
                    for text in texts:
                        form.add_error(field, text)
            else:
                apply_errors(form, error)
        else:
            messages.success(request, _("Your scores are saved."))
            return redirect("partnerships:review", partnership_id, number)
    return render_form(
        request,
        "partnerships/review.html",
        _context(request, access, review, form=form),
        invalid=True,
    )


@login_required
@require_POST
def review_kpis(request: HttpRequest, partnership_id: int, number: int) -> HttpResponse:
    access, review = get_review_for(request.actor, partnership_id, number)
    access.require_party()
    errors = []
    for n, _row in enumerate(review.agreement_version.terms.get("kpis") or []):
        value = request.POST.get(f"actual_{n}", "").strip()
        if not value:
            continue
        try:
            services.kpi_actual_set(review=review, position=n, actual=value, user=request.user)
        except ValidationError as error:
            errors += error.messages
    if errors:
        messages.error(request, " ".join(errors))
    else:
        messages.success(request, _("KPI actuals saved."))
    return redirect("partnerships:review", partnership_id, number)


@login_required
@require_POST
def review_action(request: HttpRequest, partnership_id: int, number: int) -> HttpResponse:
    access, review = get_review_for(request.actor, partnership_id, number)
    access.require_party()
    parties = [p.company for p in access.partnership.parties.all()]
    done_id = request.POST.get("done")
    if done_id:
        item = ActionItem.objects.filter(
            review=review, pk=done_id if done_id.isdigit() else 0
        ).first()
        if item is None:
            raise Http404(_("Action item not found."))
        services.action_item_set_done(item=item, done=item.done_at is None)
        return redirect("partnerships:review", partnership_id, number)
    form = ActionItemForm(request.POST, parties=parties)
    if form.is_valid():
        owner = next(c for c in parties if str(c.pk) == form.cleaned_data["owner"])
        try:
            services.action_item_add(
                review=review,
                text=form.cleaned_data["text"],
                owner=owner,
                due_date=form.cleaned_data["due_date"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Action added."))
            return redirect("partnerships:review", partnership_id, number)
    return render_form(
        request,
        "partnerships/review.html",
        _context(request, access, review, action_form=form),
        invalid=True,
    )


urlpatterns = [
    path("partnerships/<int:partnership_id>/reviews/<int:number>/", review_detail, name="review"),
    path(
        "partnerships/<int:partnership_id>/reviews/<int:number>/kpis/",
        review_kpis,
        name="review_kpis",
    ),
    path(
        "partnerships/<int:partnership_id>/reviews/<int:number>/actions/",
        review_action,
        name="review_action",
    ),
]
