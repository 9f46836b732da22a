"""Tenant-scoped reads of companies. Every company is fetched through ``get_company_for``, and
every profile is shown through ``visible_profile`` — the one place that applies visibility."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from verbund.companies import profile as profile_data
from verbund.companies import visibility
from verbund.companies.models import AssessmentScore, Company, CompanyMember, Goal, Need, Offer
from verbund.lib import geo, nace
from verbund.tenancy.actor import Actor
from verbund.tenancy.models import Network


class Access(StrEnum):
    """How much of a company the actor may see, from most to least."""

    MEMBER = "member"  # acts for the company
    COORDINATOR = "coordinator"  # coordinates a network the company is listed in
    NETWORK = "network"  # a fellow member: sees what the company shows the network
    ANONYMOUS = "anonymous"  # a fellow member of an anonymous company: nothing that identifies it


INSIDE = (Access.MEMBER, Access.COORDINATOR)


@dataclass(frozen=True)
class CompanyAccess:
    company: Company
    access: Access
    # A coordinator's right to edit costs a query (does the company have people of its own?),
    # so it comes as a check that runs only when asked: directory cards and suggestions never do.
    edit_right: bool | Callable[[], bool]

    @cached_property
    def can_edit(self) -> bool:
        return self.edit_right() if callable(self.edit_right) else self.edit_right

    @property
    def is_insider(self) -> bool:
        return self.access in INSIDE


def coordinator_may_edit(actor: Actor, company: Company, listed_in: set[int]) -> bool:
    """Whether a coordinator may change the company's profile (decision 0002, addendum).

    Only while the coordination looks after the company alone: no person of its own can edit it
    (an imported company nobody has claimed yet) and every network it is listed in is one the
    actor coordinates. Otherwise the profile is the company's (or shared with another network's
    coordination) and the coordinator reads it in full without changing it.
    """
    if not listed_in or not listed_in <= actor.coordinated_network_ids:
        return False
    editors = company.members.filter(role__in=CompanyMember.EDITING_ROLES, user__is_active=True)
    return not editors.exists()


def profile_queryset() -> QuerySet[Company]:
    """Companies with everything a profile page shows, in a fixed number of queries."""
    return Company.objects.prefetch_related(
        "listings",
        Prefetch("offers", queryset=Offer.objects.order_by("position", "pk")),
        Prefetch("needs", queryset=Need.objects.order_by("position", "pk")),
        Prefetch("goals", queryset=Goal.objects.order_by("priority", "pk")),
        Prefetch("assessment", queryset=AssessmentScore.objects.order_by("pk")),
    )


def access_to(actor: Actor, company: Company) -> CompanyAccess | None:
    """The actor's access to an already loaded company (with ``listings`` prefetched)."""
    listed_in = {listing.network_id for listing in company.listings.all()}
    company_membership = actor.company_membership_in(company)
    if company_membership is not None:
        return CompanyAccess(company, Access.MEMBER, company_membership.can_edit)
    if listed_in & actor.coordinated_network_ids:
        return CompanyAccess(
            company,
            Access.COORDINATOR,
            lambda: coordinator_may_edit(actor, company, listed_in),
        )
    if listed_in & actor.network_ids:
        if company.visibility == Company.Visibility.NETWORK:
            return CompanyAccess(company, Access.NETWORK, False)
        if company.visibility == Company.Visibility.ANONYMOUS:
            return CompanyAccess(company, Access.ANONYMOUS, False)
    return None


def get_company_for(actor: Actor, company_id: int, *, write: bool = False) -> CompanyAccess:
    """The company as the actor may see it; 404 when it is none of their business.

    With ``write=True``, read-only access raises PermissionDenied instead of returning.
    """
    if not actor.is_authenticated:
        raise Http404(_("Company not found."))
    company = profile_queryset().filter(pk=company_id).first()
    result = access_to(actor, company) if company is not None else None
    if result is None:
        raise Http404(_("Company not found."))
    if write and not result.can_edit:
        if result.access == Access.COORDINATOR:
            raise PermissionDenied(
                _(
                    "This company keeps its own profile, or is also listed in a network you do "
                    "not coordinate: as coordinator you may read it but not change it."
                )
            )
        raise PermissionDenied(_("You may view this company but not change it."))
    return result


def partner_company_ids(company_ids: set[int]) -> set[int]:
    """Companies in a partnership with any of ``company_ids`` (for "partners only" sections):
    recorded partnerships from the first accepted contact on, until they end."""
    # Imported here: partnerships builds on companies, not the other way round.
    from verbund.partnerships.selectors import partner_ids_of

    return partner_ids_of(set(company_ids))


def _partner_ids_of_actor(actor: Actor) -> set[int]:
    """The actor's partners, looked up once per request (a directory page shows many cards)."""
    cached = getattr(actor, "_partner_company_ids", None)
    if cached is None:
        cached = partner_company_ids(actor.company_ids) if actor.company_ids else set()
        actor._partner_company_ids = cached  # type: ignore[attr-defined]
    return cached


@dataclass
class ProfileView:
    """A profile as one reader may see it. Hidden sections are absent, not empty."""

    company_id: int
    access: Access
    anonymous: bool
    name: str
    sections: set[str]
    fields: dict[str, Any]
    offers: list[Offer] = field(default_factory=list)
    needs: list[Need] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    assessment: list[AssessmentScore] = field(default_factory=list)

    def shows(self, section: str) -> bool:
        return section in self.sections

    @property
    def visible(self) -> dict[str, bool]:
        """For templates: ``profile.visible.customers``."""
        return {key: key in self.sections for key in visibility.GROUP_KEYS}

    @property
    def hidden_sections(self) -> list[str]:
        return [key for key in visibility.GROUP_KEYS if key not in self.sections]


def anonymous_name(company: Company, language: str) -> str:
    activity = nace.label(company.nace_codes[0], language) if company.nace_codes else ""
    place = geo.area_name(company.region or company.country, language)
    if activity:
        return _("Anonymous company: %(activity)s, %(place)s") % {
            "activity": activity,
            "place": place,
        }
    return _("Anonymous company in %(place)s") % {"place": place}


def visible_profile(
    actor: Actor, access: CompanyAccess, language: str, *, partner: bool | None = None
) -> ProfileView:
    """Apply the visibility rules once, for pages, API and directory alike."""
    company = access.company
    insider = access.is_insider
    if partner is None:
        partner = not insider and company.pk in _partner_ids_of_actor(actor)
    sections = visibility.visible_groups(company.field_visibility, insider=insider, partner=partner)
    anonymous = access.access == Access.ANONYMOUS
    hidden_fields = {f for g in visibility.GROUPS if g.key not in sections for f in g.fields}
    if anonymous:
        hidden_fields |= set(visibility.IDENTIFYING)
    plain = [
        "name", "legal_form", "registry_id", "website", "country", "postcode", "city", "region",
        "lat", "lon", "languages", "employees", "revenue_band", "founded", "nace_codes",
        "description", "visibility", "customer_sectors", "customer_types", "customer_sizes",
        "customer_regions", "customer_count", "partnering_hours_per_month", "sponsor_name",
        "sponsor_email", "contact_name", "contact_email", "forms", "completeness",
    ]  # fmt: skip
    fields = {name: getattr(company, name) for name in plain if name not in hidden_fields}
    if not insider:
        fields.pop("visibility", None)
        fields.pop("completeness", None)
    if anonymous:
        # Coordinates would point at the company; the region is enough for fellow members.
        fields.pop("lat", None)
        fields.pop("lon", None)
    words = profile_data.name_words(company.name) if anonymous else set()

    def clean(items):
        if not anonymous:
            return list(items)
        for item in items:
            item.title = profile_data.scrub(item.title, words)
            item.description = profile_data.scrub(item.description, words)
        return list(items)

    if anonymous and fields.get("description"):
        fields["description"] = profile_data.scrub(fields["description"], words)
    return ProfileView(
        company_id=company.pk,
        access=access.access,
        anonymous=anonymous,
        name=anonymous_name(company, language) if anonymous else company.name,
        sections=sections,
        fields=fields,
        offers=clean(company.offers.all()) if "offers" in sections else [],
        needs=clean(company.needs.all()) if "needs" in sections else [],
        goals=list(company.goals.all()) if "goals" in sections else [],
        assessment=list(company.assessment.all()) if "strengths" in sections else [],
    )


def companies_for(actor: Actor) -> list[CompanyMember]:
    """The companies the actor acts for, with their role in each."""
    return list(actor.company_memberships)


def network_companies(actor: Actor, network: Network) -> QuerySet[Company]:
    """Companies listed in a network, as its coordinator sees them."""
    if not actor.is_coordinator_of(network):
        raise PermissionDenied(_("Only the network's coordinators can do this."))
    return (
        Company.objects.filter(listings__network=network)
        .annotate(member_count=Count("members", distinct=True))
        .order_by("name")
    )


def company_people(company: Company) -> QuerySet[CompanyMember]:
    return company.members.select_related("user").order_by("role", "user__email")
