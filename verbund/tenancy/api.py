from __future__ import annotations

from ninja import Router, Schema

from verbund.tenancy.selectors import get_network_for, network_counts, networks_for

router = Router(tags=["networks"])


class NetworkOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    languages: list[str]
    countries: list[str]
    role: str


class NetworkDetailOut(NetworkOut):
    companies: int | None = None
    people: int | None = None


def _network_out(membership) -> dict:
    network = membership.network
    return {
        "id": network.pk,
        "slug": network.slug,
        "name": network.name,
        "kind": network.kind,
        "languages": network.languages,
        "countries": network.countries,
        "role": membership.role,
    }


@router.get("", response=list[NetworkOut], summary="My networks, with my role in each")
def my_networks(request):
    return [_network_out(m) for m in networks_for(request.actor)]


@router.get("/{slug}", response=NetworkDetailOut, summary="One of my networks")
def network_detail(request, slug: str):
    network = get_network_for(request.actor, slug)
    membership = request.actor.membership_in(network)
    data = _network_out(membership)
    if membership.is_coordinator:
        data.update(network_counts(network))
    return data
