"""Tenant-scoped reads of networks. Every network is fetched through ``get_network_for``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from verbund.tenancy.actor import Actor
from verbund.tenancy.models import Membership, Network

if TYPE_CHECKING:
    from verbund.accounts.models import User


def get_network_for(actor: Actor, slug: str, *, coordinator: bool = False) -> Network:
    """The network if the actor belongs to it; 404 otherwise; 403 if coordination is required."""
    membership = next((m for m in actor.memberships if m.network.slug == slug), None)
    if membership is None:
        raise Http404(_("Network not found."))
    if coordinator and not membership.is_coordinator:
        raise PermissionDenied(_("Only the network's coordinators can do this."))
    return membership.network


def networks_for(actor: Actor) -> list[Membership]:
    """The actor's memberships, each with its network."""
    return list(actor.memberships)


def network_people(actor: Actor, network: Network) -> QuerySet[Membership]:
    get_network_for(actor, network.slug, coordinator=True)
    return network.memberships.select_related("user").order_by("role", "user__email")


def network_coordinators(actor: Actor, network: Network) -> list[User]:
    """Whom a member asks about the network: its coordinators (members see only these)."""
    get_network_for(actor, network.slug)
    return [
        m.user
        for m in network.memberships.filter(role=Membership.Role.COORDINATOR)
        .select_related("user")
        .order_by("user__last_name", "user__email")
    ]


def network_counts(network: Network) -> dict[str, int]:
    """Headline figures for the coordinator's overview, in one query."""
    counts = Network.objects.filter(pk=network.pk).aggregate(
        companies=Count("listings", distinct=True),
        people=Count("memberships", distinct=True),
    )
    return {key: value or 0 for key, value in counts.items()}


def shared_network_id(actor: Actor, company_id: int) -> int | None:
    """A network the actor belongs to in which the company is listed (the first, if several)."""
    from verbund.companies.models import NetworkCompany

    listed = set(
        NetworkCompany.objects.filter(company_id=company_id).values_list("network_id", flat=True)
    )
    shared = [m.network_id for m in actor.memberships if m.network_id in listed]
    return shared[0] if shared else None
