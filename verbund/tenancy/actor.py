"""Who is acting: the signed-in person with their network and company memberships.

The actor is resolved once per request (lazily, two queries) and every access gate takes it as
its first argument. It also carries the network and company the person has currently chosen in
the switcher.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from verbund.tenancy.models import Membership, Network

if TYPE_CHECKING:
    from verbund.companies.models import Company, CompanyMember

SESSION_NETWORK_KEY = "verbund.network_id"
SESSION_COMPANY_KEY = "verbund.company_id"


@dataclass
class Actor:
    user: Any
    memberships: list[Membership] = field(default_factory=list)
    company_memberships: list[CompanyMember] = field(default_factory=list)
    network: Network | None = None
    company: Company | None = None

    @property
    def is_authenticated(self) -> bool:
        return bool(getattr(self.user, "is_authenticated", False))

    @property
    def network_ids(self) -> set[int]:
        return {m.network_id for m in self.memberships}

    @property
    def coordinated_network_ids(self) -> set[int]:
        return {m.network_id for m in self.memberships if m.is_coordinator}

    @property
    def company_ids(self) -> set[int]:
        return {m.company_id for m in self.company_memberships}

    def membership_in(self, network: Network | int | None) -> Membership | None:
        network_id = network.pk if isinstance(network, Network) else network
        return next((m for m in self.memberships if m.network_id == network_id), None)

    def company_membership_in(self, company: Company | int | None) -> CompanyMember | None:
        company_id = getattr(company, "pk", company)
        return next((m for m in self.company_memberships if m.company_id == company_id), None)

    def is_coordinator_of(self, network: Network | int | None) -> bool:
        membership = self.membership_in(network)
        return membership is not None and membership.is_coordinator

    @property
    def is_coordinator(self) -> bool:
        """Whether the person coordinates the network currently chosen."""
        return self.network is not None and self.is_coordinator_of(self.network)


def load_actor(user: Any, session: Any) -> Actor:
    """Build the actor for a user; the chosen network/company come from the session if valid."""
    # Company membership is the other half of "who may act where"; Company lives in its own app
    # because its profile grows there (docs/decisions/0002-tenancy-and-companies.md).
    from verbund.companies.models import CompanyMember

    if not getattr(user, "is_authenticated", False):
        return Actor(user=user)
    memberships = list(
        Membership.objects.filter(user=user).select_related("network").order_by("network__name")
    )
    company_memberships = list(
        CompanyMember.objects.filter(user=user).select_related("company").order_by("company__name")
    )
    actor = Actor(user=user, memberships=memberships, company_memberships=company_memberships)

    network_id = session.get(SESSION_NETWORK_KEY) if session is not None else None
    chosen = actor.membership_in(network_id) or (memberships[0] if memberships else None)
    actor.network = chosen.network if chosen else None

    company_id = session.get(SESSION_COMPANY_KEY) if session is not None else None
    chosen_company = actor.company_membership_in(company_id) or (
        company_memberships[0] if company_memberships else None
    )
    actor.company = chosen_company.company if chosen_company else None
    return actor
