"""Tenant-scoped reads of companies. Every company is fetched through ``get_company_for``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from verbund.companies.models import Company, CompanyMember
from verbund.tenancy.actor import Actor
from verbund.tenancy.models import Network


class Access(StrEnum):
    """How much of a company the actor may see, from most to least."""

    MEMBER = "member"  # acts for the company
    COORDINATOR = "coordinator"  # coordinates a network the company is listed in
    NETWORK = "network"  # a fellow member of a network: sees what the company shows the network


@dataclass(frozen=True)
class CompanyAccess:
    company: Company
    access: Access
    can_edit: bool


def get_company_for(actor: Actor, company_id: int, *, write: bool = False) -> CompanyAccess:
    """The company as the actor may see it; 404 when it is none of their business.

    With ``write=True``, read-only access raises PermissionDenied instead of returning.
    """
    if not actor.is_authenticated:
        raise Http404(_("Company not found."))
    company = Company.objects.filter(pk=company_id).prefetch_related("listings").first()
    if company is None:
        raise Http404(_("Company not found."))
    listed_in = {listing.network_id for listing in company.listings.all()}

    company_membership = actor.company_membership_in(company)
    if company_membership is not None:
        result = CompanyAccess(company, Access.MEMBER, company_membership.can_edit)
    elif listed_in & actor.coordinated_network_ids:
        result = CompanyAccess(company, Access.COORDINATOR, True)
    elif listed_in & actor.network_ids and company.visibility == Company.Visibility.NETWORK:
        result = CompanyAccess(company, Access.NETWORK, False)
    else:
        raise Http404(_("Company not found."))
    if write and not result.can_edit:
        raise PermissionDenied(_("You may view this company but not change it."))
    return result


def companies_for(actor: Actor) -> list[CompanyMember]:
    """The companies the actor acts for, with their role in each."""
    return list(actor.company_memberships)


def network_companies(actor: Actor, network: Network) -> QuerySet[Company]:
    """Companies listed in a network, as its coordinator sees them (caller checked the role)."""
    if not actor.is_coordinator_of(network):
        raise PermissionDenied(_("Only the network's coordinators can do this."))
    return (
        Company.objects.filter(listings__network=network)
        .annotate(member_count=Count("members", distinct=True))
        .order_by("name")
    )


def company_people(company: Company) -> QuerySet[CompanyMember]:
    return company.members.select_related("user").order_by("role", "user__email")
