"""Reports for a period: the group's (ranking, traffic lights, trend), one member's, CSV and PDF."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from verbund.groups import export, selectors, services
from verbund.groups.forms import ThresholdsForm
from verbund.partnerships.selectors import open_partnerships_among


class PeriodForm(forms.Form):
    start = forms.DateField(
        label=gettext_lazy("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            self.add_error("end", _("The end of the period lies before its start."))
        return data


def _period(request: HttpRequest) -> tuple[PeriodForm, date, date]:
    start, end = selectors.default_period()
    form = PeriodForm(request.GET or None, initial={"start": start, "end": end})
    if request.GET and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    return form, start, end


def _labels(group, language: str) -> dict[int, str]:
    return {seat.pk: seat.category_label for seat in selectors.labelled_seats(group, language)}


def _label_rows(report: selectors.GroupReport, labels: dict[int, str]) -> None:
    for row in report.rows:
        row.seat.category_label = labels.get(row.seat.pk, row.seat.category)  # type: ignore[attr-defined]


def _trend_context(trend: list[selectors.TrendMonth]) -> dict:
    return {"trend": trend, "trend_max": max([month.referrals for month in trend] + [1])}


@login_required
def group_report(request: HttpRequest, group_id: int) -> HttpResponse:
    access = selectors.get_group_for(request.actor, group_id)
    form, start, end = _period(request)
    report = selectors.group_report(access.group, start, end)
    _label_rows(report, _labels(access.group, request.LANGUAGE_CODE))
    thresholds_form = ThresholdsForm(initial=ThresholdsForm.initial_from(report.thresholds))
    return render(
        request,
        "groups/report.html",
        {
            "access": access,
            "group": access.group,
            "report": report,
            **_trend_context(selectors.trend(access.group)),
            "pairs": _pairs_with_names(access.group, request.actor),
            "period_form": form,
            "thresholds_form": thresholds_form,
            "tab": "report",
        },
        status=422 if request.GET and not form.is_valid() else 200,
    )


def _pairs_with_names(group, actor) -> list[dict]:
    """The steady two-way pairs with their names, the open partnership of the two if there is
    one, and the actor's company in the pair (who may turn it into a partnership)."""
    seats = {seat.company_id: seat.company.name for seat in selectors.active_seats(group)}
    steady = list(selectors.steady_pairs(group))
    involved = {c for pair in steady for c in (pair.company_a_id, pair.company_b_id)}
    partnerships = open_partnerships_among(group.network_id, involved) if steady else {}
    pairs = []
    for pair in steady:
        ids = {pair.company_a_id, pair.company_b_id}
        pairs.append(
            {
                "a": seats.get(pair.company_a_id, "?"), "b": seats.get(pair.company_b_id, "?"),
                "a_to_b": pair.a_to_b, "b_to_a": pair.b_to_a,
                "a_id": pair.company_a_id, "b_id": pair.company_b_id,
                "partnership": partnerships.get(frozenset(ids)),
                "acts_for": bool(ids & actor.company_ids),
            }
        )  # fmt: skip
    return pairs


@login_required
@require_POST
def pair_partnership(request: HttpRequest, group_id: int, company_id: int, partner_id: int):
    """Only a member of one of the two companies may do it: a partnership binds companies, so
    neither the group's leader team nor the coordination decides it for them."""
    access = selectors.get_group_for(request.actor, group_id)
    seated = {s.company_id: s.company for s in selectors.active_seats(access.group)}
    if company_id not in seated or partner_id not in seated:
        raise Http404(_("Member not found."))
    actor = request.actor
    if actor.company_membership_in(company_id) is None:
        company_id, partner_id = partner_id, company_id
    if actor.company_membership_in(company_id) is None:
        raise PermissionDenied(_("Only a member of one of the two companies can do this."))
    try:
        partnership, created = services.pair_partnership_create(
            group=access.group,
            company=seated[company_id],
            partner=seated[partner_id],
            user=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("groups:report", access.group.pk)
    if created:
        messages.success(request, _("The partnership was created; the other company was told."))
    else:
        messages.info(request, _("The two companies already have a partnership."))
    return redirect("partnerships:detail", partnership.pk)


def _member(request: HttpRequest, group_id: int, seat_id: int):
    """The group as the actor may see it and one of its active seats (404 otherwise)."""
    access = selectors.get_group_for(request.actor, group_id)
    seat = selectors.get_seat(access.group, seat_id)
    if seat is None:
        raise Http404(_("Member not found."))
    return access, seat


@login_required
def member_report(request: HttpRequest, group_id: int, seat_id: int) -> HttpResponse:
    access, seat = _member(request, group_id, seat_id)
    form, start, end = _period(request)
    report = selectors.group_report(access.group, start, end, seat=seat)
    return render(
        request,
        "groups/member_report.html",
        {
            "access": access,
            "group": access.group,
            "seat": seat,
            "row": report.rows[0],
            "report": report,
            "label": _labels(access.group, request.LANGUAGE_CODE).get(seat.pk, seat.category),
            **_trend_context(selectors.trend(access.group, seat=seat)),
            "period_form": form,
            "tab": "report",
        },
    )


@login_required
def report_csv(request: HttpRequest, group_id: int) -> HttpResponse:
    access = selectors.get_group_for(request.actor, group_id)
    _form, start, end = _period(request)
    report = selectors.group_report(access.group, start, end)
    body = export.report_csv(report, _labels(access.group, request.LANGUAGE_CODE))
    # A byte-order mark so that spreadsheet programs read umlauts as UTF-8.
    response = HttpResponse("\ufeff" + body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="group-{access.group.pk}-{start:%Y%m%d}-{end:%Y%m%d}.csv"'
    )
    return response


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def report_pdf(request: HttpRequest, group_id: int) -> HttpResponse:
    access = selectors.get_group_for(request.actor, group_id)
    _form, start, end = _period(request)
    report = selectors.group_report(access.group, start, end)
    language = request.LANGUAGE_CODE
    content = export.report_pdf(
        report, _labels(access.group, language), selectors.trend(access.group), language
    )
    return _pdf_response(content, f"group-{access.group.pk}-{start:%Y%m%d}-{end:%Y%m%d}.pdf")


@login_required
def member_report_pdf(request: HttpRequest, group_id: int, seat_id: int) -> HttpResponse:
    access, seat = _member(request, group_id, seat_id)
    _form, start, end = _period(request)
    report = selectors.group_report(access.group, start, end, seat=seat)
    language = request.LANGUAGE_CODE
    content = export.report_pdf(
        report,
        _labels(access.group, language),
        selectors.trend(access.group, seat=seat),
        language,
        member=seat.holder_name,
    )
    return _pdf_response(
        content, f"group-{access.group.pk}-member-{seat.pk}-{start:%Y%m%d}-{end:%Y%m%d}.pdf"
    )


@login_required
@require_POST
def thresholds(request: HttpRequest, group_id: int) -> HttpResponse:
    access = selectors.get_group_for(request.actor, group_id, need="can_manage")
    form = ThresholdsForm(request.POST)
    if form.is_valid():
        try:
            services.thresholds_set(group=access.group, thresholds=form.thresholds())
        except ValidationError as error:
            form.add_service_errors(error)
    if form.errors:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
    else:
        messages.success(request, _("Thresholds saved."))
    return redirect("groups:report", access.group.pk)


urlpatterns = [
    path("groups/<int:group_id>/report/", group_report, name="report"),
    path("groups/<int:group_id>/report.csv", report_csv, name="report_csv"),
    path("groups/<int:group_id>/report.pdf", report_pdf, name="report_pdf"),
    path("groups/<int:group_id>/members/<int:seat_id>/", member_report, name="member_report"),
    path(
        "groups/<int:group_id>/members/<int:seat_id>/report.pdf",
        member_report_pdf,
        name="member_report_pdf",
    ),
    path("groups/<int:group_id>/thresholds/", thresholds, name="thresholds"),
    path(
        "groups/<int:group_id>/pairs/<int:company_id>-<int:partner_id>/partnership/",
        pair_partnership,
        name="pair_partnership",
    ),
]
