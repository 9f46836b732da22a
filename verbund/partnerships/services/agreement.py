"""Writes for agreements: each change a new version; active once every partner confirmed."""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.companies.models import Company
from verbund.lib import catalogues
from verbund.notifications.services import notify
from verbund.partnerships import agreement_terms, form_templates, notices, stages
from verbund.partnerships.models import (
    AgreementConfirmation,
    AgreementVersion,
    Partnership,
    Review,
    Stage,
    StageChange,
)
from verbund.partnerships.services.messages import terms_error
from verbund.partnerships.services.partnership import display_name, partnership_url


def party_ids(partnership: Partnership) -> list[int]:
    return sorted(partnership.parties.values_list("company_id", flat=True))


def initial_terms(partnership: Partnership) -> dict[str, Any]:
    """A first draft from the form's template: its goals, factors and KPIs (targets to fill in)."""
    template = form_templates.template(partnership.form)
    terms = agreement_terms.empty_terms(partnership.form, party_ids(partnership))
    terms["goals"] = list(template.goals)
    terms["factors"] = list(template.factors)
    terms["kpis"] = [
        {"key": key, "label": "", "target": "", "period": "quarter", "direction": {}}
        for key in template.kpis
        if key != "custom"
    ]
    return terms


def validate_terms(
    terms: dict[str, Any],
    party_ids_: list[int],
    row_numbers: Mapping[str, Sequence[int]] | None = None,
) -> None:
    problems = agreement_terms.terms_problems(
        terms,
        party_ids_,
        forms=catalogues.keys("forms"),
        factors=catalogues.keys("factors"),
        kpis=catalogues.keys("kpis"),
        goals=catalogues.keys("goals"),
    )
    if problems:
        raise terms_error(problems, row_numbers)


def agreement_terms_check(
    *,
    partnership: Partnership,
    terms: dict[str, Any],
    row_numbers: Mapping[str, Sequence[int]] | None = None,
) -> None:
    """The rules' verdict on terms without writing anything, so that a form can show every
    problem together with its own errors (``agreement_draft`` checks again when it writes).
    ``row_numbers``: the page's number of each KPI and contribution row (``terms_error``)."""
    validate_terms(terms, party_ids(partnership), row_numbers)


def _normalise(terms: dict[str, Any]) -> dict[str, Any]:
    """Store numbers as canonical strings so that equal terms compare equal in a diff."""
    terms = {key: terms.get(key) for key in agreement_terms.FIELDS if key in terms}
    shares = terms.get("cost_shares") or {}
    terms["cost_shares"] = {
        str(k): f"{agreement_terms.parse_decimal(v):f}" for k, v in shares.items()
    }
    for row in terms.get("kpis") or []:
        row["target"] = f"{agreement_terms.parse_decimal(row['target']):f}"
    for row in terms.get("contributions") or []:
        row["amount"] = f"{agreement_terms.parse_decimal(row['amount']):f}"
        row["company"] = str(row["company"])
        row.setdefault("status", "pledged")
    terms["custom_factors"] = [
        str(f).strip() for f in terms.get("custom_factors") or [] if str(f).strip()
    ]
    return terms


@transaction.atomic
def agreement_draft(
    *,
    partnership: Partnership,
    terms: dict[str, Any],
    user,
    company: Company,
    change_note: str = "",
) -> AgreementVersion:
    """Write a new version (the first draft or a change); it needs every partner's confirmation.

    Earlier unconfirmed drafts are replaced; an active version stays active until this one is
    confirmed by all."""
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    if partnership.stage == Stage.ENDED:
        raise ValidationError(_("This partnership has ended."))
    ids = party_ids(partnership)
    validate_terms(terms, ids)
    terms = _normalise(terms)
    latest = partnership.agreement_versions.order_by("-number").first()
    if latest is not None and latest.terms == terms:
        raise ValidationError(
            _("Nothing changed compared with version %(number)s.") % {"number": latest.number}
        )
    partnership.agreement_versions.filter(status=AgreementVersion.Status.DRAFT).update(
        status=AgreementVersion.Status.SUPERSEDED
    )
    number = (partnership.agreement_versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = AgreementVersion.objects.create(
        partnership=partnership,
        number=number,
        status=AgreementVersion.Status.DRAFT,
        terms=terms,
        change_note=change_note.strip(),
        created_by=user,
        created_by_company=company,
    )
    for party in partnership.parties.select_related("company"):
        if party.company_id != company.pk:
            notify(
                kind=notices.AGREEMENT_TO_CONFIRM,
                company=party.company,
                network=partnership.network,
                params={"number": number, "author": display_name(company)},
                url=reverse("partnerships:agreement", args=[partnership.pk, number]),
            )
    return version


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_open_next(*, partnership: Partnership) -> Review | None:
    """Open the next review at the active agreement's cadence (none while one is open)."""
    version = partnership.agreement_versions.filter(status=AgreementVersion.Status.ACTIVE).first()
    if version is None or partnership.reviews.filter(status=Review.Status.OPEN).exists():
        return None
    number = (partnership.reviews.aggregate(n=Max("number"))["n"] or 0) + 1
    cadence = version.terms.get("review_cadence_months") or agreement_terms.DEFAULT_CADENCE
    last = partnership.reviews.order_by("-number").first()
    if last is None:
        today = timezone.localdate()
        start = version.terms.get("start")
        due = add_months(max(date.fromisoformat(start), today) if start else today, cadence)
    else:
        due = add_months(last.due_date, cadence)
    return Review.objects.create(
        partnership=partnership,
        agreement_version=version,
        number=number,
        due_date=due,
        status=Review.Status.OPEN,
    )


@transaction.atomic
def agreement_confirm(*, version: AgreementVersion, user, company: Company) -> AgreementVersion:
    """Confirm a draft for one partner; the last confirmation makes it active."""
    version = AgreementVersion.objects.select_for_update().get(pk=version.pk)
    partnership = Partnership.objects.select_for_update().get(pk=version.partnership_id)
    if version.status != AgreementVersion.Status.DRAFT:
        raise ValidationError(
            _("Only the current draft can be confirmed; this version is “%(status)s”.")
            % {"status": version.get_status_display()}
        )
    ids = party_ids(partnership)
    if company.pk not in ids:
        raise ValidationError(_("Only the partners can confirm the agreement."))
    AgreementConfirmation.objects.get_or_create(
        version=version, company=company, defaults={"confirmed_by": user}
    )
    confirmed = set(version.confirmations.values_list("company_id", flat=True))
    if not agreement_terms.confirmed_by_all(confirmed, ids):
        return version
    now = timezone.now()
    partnership.agreement_versions.filter(status=AgreementVersion.Status.ACTIVE).update(
        status=AgreementVersion.Status.SUPERSEDED
    )
    version.status = AgreementVersion.Status.ACTIVE
    version.activated_at = now
    version.save(update_fields=["status", "activated_at"])
    if partnership.stage in stages.PATH and stages.PATH.index(
        partnership.stage
    ) < stages.PATH.index(Stage.AGREED):
        # Confirmed by all is what "agreed" means: the stage follows by itself, recorded.
        StageChange.objects.create(
            partnership=partnership,
            from_stage=partnership.stage,
            to_stage=Stage.AGREED,
            changed_by=user,
            company=company,
            reason=_("Agreement version %(number)s confirmed by every partner.")
            % {"number": version.number},
            open_items=list(
                partnership.checklist.filter(
                    stage__in=stages.PATH[
                        stages.PATH.index(partnership.stage) : stages.PATH.index(Stage.AGREED)
                    ],
                    done_at__isnull=True,
                ).values_list("key", flat=True)
            ),
        )
        partnership.stage = Stage.AGREED
        partnership.stage_changed_at = now
    if partnership.agreed_at is None:
        partnership.agreed_at = now
    partnership.save(update_fields=["stage", "stage_changed_at", "agreed_at"])
    review = review_open_next(partnership=partnership)
    due = (
        review.due_date
        if review
        else partnership.reviews.filter(status=Review.Status.OPEN).first().due_date
    )
    for party in partnership.parties.select_related("company"):
        notify(
            kind=notices.AGREEMENT_ACTIVE,
            company=party.company,
            network=partnership.network,
            params={"number": version.number, "due": due.isoformat()},
            url=partnership_url(partnership),
        )
    return version
