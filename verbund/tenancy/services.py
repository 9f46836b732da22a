"""Writes for networks and memberships."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from verbund.tenancy.models import Membership, Network


@transaction.atomic
def network_create(
    *,
    name: str,
    kind: str = Network.Kind.OPEN,
    slug: str = "",
    description: str = "",
    languages: list[str] | None = None,
    countries: list[str] | None = None,
    anonymous_contacts: bool = False,
) -> Network:
    """Create a network; the slug is derived from the name when not given."""
    network = Network(
        name=name.strip(),
        kind=kind,
        slug=slug or slugify(name)[:60],
        description=description,
        languages=languages or ["de"],
        countries=countries or [],
        anonymous_contacts=anonymous_contacts,
    )
    network.full_clean()
    network.save()
    return network


@transaction.atomic
def membership_set(*, user, network: Network, role: str = Membership.Role.MEMBER) -> Membership:
    """Make the user a member of the network with the given role (idempotent; updates the role)."""
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    membership, created = Membership.objects.get_or_create(
        user=user, network=network, defaults={"role": role}
    )
    if not created and membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    return membership
