"""Writes for partnerships: creation, the stage path, checklists, roles."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.companies.models import Company, NetworkCompany
from verbund.lib import catalogues
from verbund.notifications.services import notify
from verbund.partnerships import form_templates, notices, stages
from verbund.partnerships.models import (
    AgreementVersion,
    ChecklistItem,
    Partnership,
    PartnershipParty,
    Review,
    Stage,
    StageChange,
)
from verbund.partnerships.selectors import display_name, open_partnership_between
from verbund.tenancy.models import Network


def partnership_url(partnership: Partnership) -> str:
    return reverse("partnerships:detail", args=[partnership.pk])


def network_setting(network: Network, key: str, default: int) -> int:
    """An integer network setting (``Network.settings``), the default when unset or malformed."""
    value = (network.settings or {}).get(key, default)
    return (
        value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default
    )


def _check_companies(network: Network, companies: list[Company]) -> None:
    if len({c.pk for c in companies}) != len(companies) or len(companies) < 2:
        raise ValidationError(
            {"companies": _("A partnership needs at least two different companies.")}
        )
    listed = set(
        NetworkCompany.objects.filter(network=network, company__in=companies).values_list(
            "company_id", flat=True
        )
    )
    if listed != {c.pk for c in companies}:
        raise ValidationError({"companies": _("Every partner must be listed in the network.")})


@transaction.atomic
def partnership_create(
    *,
    network: Network,
    companies: Iterable[Company],
    form: str,
    origin: str,
    stage: str = Stage.IDENTIFIED,
    user=None,
    company: Company | None = None,
    reason: str = "",
    leader: Company | None = None,
) -> Partnership:
    """Create a partnership of the companies with the form's checklists and its first step."""
    companies = list(companies)
    _check_companies(network, companies)
    if form not in catalogues.keys("forms"):
        raise ValidationError({"form": _("Choose a form of cooperation from the list.")})
    now = timezone.now()
    partnership = Partnership.objects.create(
        network=network, form=form, stage=stage, origin=origin, stage_changed_at=now
    )
    PartnershipParty.objects.bulk_create(
        PartnershipParty(
            partnership=partnership, company=c, is_leader=leader is not None and c.pk == leader.pk
        )
        for c in companies
    )
    template = form_templates.template(form)
    ChecklistItem.objects.bulk_create(
        ChecklistItem(partnership=partnership, stage=stage_key, key=key, position=position)
        for stage_key, keys in template.checklists.items()
        for position, key in enumerate(keys)
    )
    StageChange.objects.create(
        partnership=partnership,
        from_stage="",
        to_stage=stage,
        changed_by=user,
        company=company,
        reason=reason,
    )
    return partnership


def partnership_create_from_mutual_interest(
    *, network: Network, companies: Iterable[Company], tell: bool = True
) -> Partnership:
    """Matching found interest on both sides: a partnership in `identified`, both told (unless
    the caller already told them: ``tell=False``).

    Idempotent: an open partnership of the same companies is returned as it is."""
    companies = list(companies)
    existing = open_partnership_between(network.pk, {c.pk for c in companies})
    if existing is not None:
        return existing
    shared_forms = set(companies[0].forms or [])
    for other in companies[1:]:
        shared_forms &= set(other.forms or [])
    form = next((f for f in catalogues.keys("forms") if f in shared_forms), "referral_partnership")
    with transaction.atomic():
        partnership = partnership_create(
            network=network,
            companies=companies,
            form=form,
            origin=Partnership.Origin.MUTUAL_INTEREST,
            reason=_("Both companies marked each other as interesting."),
        )
        for company in companies if tell else ():
            partner = next(c for c in companies if c.pk != company.pk)
            notify(
                kind=notices.PARTNERSHIP_IDENTIFIED,
                company=company,
                network=network,
                params={"partner": display_name(partner)},
                url=partnership_url(partnership),
            )
    return partnership


def open_items(partnership: Partnership, stage_keys: Iterable[str]) -> list[str]:
    keys = list(stage_keys)
    return list(
        ChecklistItem.objects.filter(
            partnership=partnership, stage__in=keys, done_at__isnull=True
        ).values_list("key", flat=True)
    )


def paused_from(partnership: Partnership) -> str | None:
    """The stage a paused partnership resumes to."""
    change = (
        partnership.stage_changes.filter(to_stage=Stage.PAUSED)
        .order_by("-created_at", "-pk")
        .first()
    )
    return change.from_stage if change else None


def completed_reviews(partnership: Partnership) -> int:
    return Review.objects.filter(partnership=partnership, status=Review.Status.COMPLETED).count()


def strategic_min_health(network: Network) -> int:
    """Health a partnership needs for `strategic`: the network's setting, by default the score
    from which its health is green (issue 7)."""
    from verbund.health.services import settings_for

    green_from = int(settings_for(network.pk).green_from)
    return network_setting(network, "strategic_min_health", green_from)


def strategic_missing(partnership: Partnership) -> list[str]:
    from verbund.health.selectors import strategic_health

    network = partnership.network
    health = strategic_health(partnership)
    return stages.strategic_missing(
        agreed_at=partnership.agreed_at,
        now=timezone.now(),
        completed_reviews=completed_reviews(partnership),
        min_months=network_setting(network, "strategic_min_months", stages.STRATEGIC_MIN_MONTHS),
        min_reviews=network_setting(network, "strategic_min_reviews", stages.STRATEGIC_MIN_REVIEWS),
        health_score=health.score if health is not None and health.light != "grey" else None,
        min_health=strategic_min_health(network),
    )


@transaction.atomic
def partnership_move(
    *, partnership: Partnership, to_stage: str, user, company: Company, reason: str = ""
) -> Partnership:
    """Move to another stage; open checklist items of the stages left behind are recorded."""
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    current = partnership.stage
    allowed = stages.allowed_targets(current, paused_from=paused_from(partnership))
    if to_stage not in allowed:
        raise ValidationError(
            {
                "stage": _("The partnership cannot move from “%(current)s” to “%(target)s”.")
                % {
                    "current": Stage(current).label,
                    "target": Stage(to_stage).label if to_stage in Stage.values else to_stage,
                }
            }
        )
    reason = reason.strip()
    if to_stage in (Stage.ENDED, Stage.PAUSED) and not reason:
        raise ValidationError({"reason": _("Say why: the other partners will read it.")})
    if (
        to_stage == Stage.AGREED
        and not partnership.agreement_versions.filter(
            status=AgreementVersion.Status.ACTIVE
        ).exists()
    ):
        raise ValidationError(
            {"stage": _("“Agreed” needs an agreement confirmed by every partner.")}
        )
    if to_stage == Stage.STRATEGIC:
        missing = strategic_missing(partnership)
        if missing:
            texts = {
                "months": _("at least %(months)s months since the agreement")
                % {
                    "months": network_setting(
                        partnership.network, "strategic_min_months", stages.STRATEGIC_MIN_MONTHS
                    )
                },
                "reviews": _("at least %(reviews)s completed reviews")
                % {
                    "reviews": network_setting(
                        partnership.network, "strategic_min_reviews", stages.STRATEGIC_MIN_REVIEWS
                    )
                },
                "health": _("a health score of at least %(score)s")
                % {"score": strategic_min_health(partnership.network)},
            }
            raise ValidationError(
                {
                    "stage": _("“Strategic” is earned, not declared. Still missing: %(missing)s.")
                    % {"missing": "; ".join(texts[m] for m in missing)}
                }
            )
    left_behind = []
    if current in stages.PATH and to_stage in stages.PATH:
        left_behind = list(stages.PATH[stages.PATH.index(current) : stages.PATH.index(to_stage)])
    now = timezone.now()
    StageChange.objects.create(
        partnership=partnership,
        from_stage=current,
        to_stage=to_stage,
        changed_by=user,
        company=company,
        reason=reason,
        open_items=open_items(partnership, left_behind),
    )
    partnership.stage = to_stage
    partnership.stage_changed_at = now
    fields = ["stage", "stage_changed_at"]
    if to_stage == Stage.AGREED and partnership.agreed_at is None:
        partnership.agreed_at = now
        fields.append("agreed_at")
    if to_stage == Stage.ENDED:
        partnership.ended_reason = reason
        fields.append("ended_reason")
    partnership.save(update_fields=fields)
    for party in partnership.parties.select_related("company"):
        if party.company_id == company.pk:
            continue
        notify(
            kind=notices.STAGE_CHANGED,
            company=party.company,
            network=partnership.network,
            params={
                "partner": display_name(company),
                "stage": str(Stage(to_stage).label),
                "reason": reason,
            },
            url=partnership_url(partnership),
        )
    return partnership


def checklist_item_set(*, item: ChecklistItem, done: bool, user) -> ChecklistItem:
    """Tick an item off, or open it again."""
    item.done_at = timezone.now() if done else None
    item.done_by = user if done else None
    item.save(update_fields=["done_at", "done_by"])
    return item


def party_set_role(*, party: PartnershipParty, role: str, by_company: Company) -> PartnershipParty:
    """Set what a partner does; in a group with a leader only the leader assigns roles."""
    leader = party.partnership.parties.filter(is_leader=True).first()
    if leader is not None and leader.company_id != by_company.pk:
        raise ValidationError({"role": _("In a project group the leader assigns the roles.")})
    if leader is None and party.company_id != by_company.pk:
        raise ValidationError({"role": _("Each partner names its own role.")})
    party.role = role.strip()[:120]
    party.full_clean()
    party.save(update_fields=["role"])
    return party


@transaction.atomic
def party_take_lead(*, partnership: Partnership, company: Company, user) -> PartnershipParty:
    """A partner takes the lead of a group that has none yet (then it assigns the roles)."""
    if partnership.parties.filter(is_leader=True).exists():
        raise ValidationError({"role": _("This group already has a leader.")})
    party = partnership.parties.get(company=company)
    party.is_leader = True
    party.save(update_fields=["is_leader"])
    _record_event(
        partnership, user, company, _("%(company)s leads the group.") % {"company": company.name}
    )
    return party


@transaction.atomic
def party_add(
    *, partnership: Partnership, company: Company, by_company: Company, user
) -> PartnershipParty:
    """A further company joins (project groups); the leader, or any partner if none, adds it."""
    leader = partnership.parties.filter(is_leader=True).first()
    if leader is not None and leader.company_id != by_company.pk:
        raise ValidationError({"company": _("Only the group's leader adds partners.")})
    if partnership.parties.filter(company=company).exists():
        raise ValidationError({"company": _("This company is already a partner.")})
    if not NetworkCompany.objects.filter(network=partnership.network, company=company).exists():
        raise ValidationError({"company": _("Every partner must be listed in the network.")})
    party = PartnershipParty.objects.create(partnership=partnership, company=company)
    reason = _("%(company)s joined the partnership.") % {"company": company.name}
    _record_event(partnership, user, by_company, reason)
    return party


def _record_event(partnership: Partnership, user, company: Company, reason: str) -> None:
    """A change of the partnership that is not a stage change, kept in the same history."""
    StageChange.objects.create(
        partnership=partnership,
        from_stage=partnership.stage,
        to_stage=partnership.stage,
        changed_by=user,
        company=company,
        reason=reason,
    )
