"""Writes for companies, their people and their network listings."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from verbund.companies.models import Company, CompanyMember, NetworkCompany
from verbund.lib import geo
from verbund.tenancy.models import Network

_COMPANY_FIELDS = {
    "legal_form",
    "registry_id",
    "website",
    "postcode",
    "city",
    "languages",
    "employees",
    "revenue_band",
    "founded",
    "nace_codes",
    "description",
    "visibility",
    "lat",
    "lon",
}


def _resolve_place(company: Company) -> None:
    """Fill coordinates and region from the offline gazetteer when they were not given."""
    place = geo.resolve(company.city, company.country, company.postcode) if company.city else None
    if place is None:
        if company.lat is None or company.lon is None:
            company.lat = company.lon = None
            company.region = ""
        return
    if company.lat is None or company.lon is None:
        company.lat, company.lon = place.lat, place.lon
    company.region = place.region


@transaction.atomic
def company_create(
    *, name: str, country: str, network: Network | None = None, external_id: str = "", **fields
) -> Company:
    """Create a company, resolve its place offline, and list it in ``network`` if given."""
    unknown = set(fields) - _COMPANY_FIELDS
    if unknown:
        raise TypeError(f"unknown company fields: {', '.join(sorted(unknown))}")
    company = Company(name=name.strip(), country=country.upper(), **fields)
    _resolve_place(company)
    company.full_clean()
    company.save()
    if network is not None:
        company_list_in_network(company=company, network=network, external_id=external_id)
    return company


@transaction.atomic
def company_list_in_network(
    *, company: Company, network: Network, external_id: str = ""
) -> NetworkCompany:
    """List the company in a network (idempotent)."""
    listing, _created = NetworkCompany.objects.get_or_create(
        network=network, company=company, defaults={"external_id": external_id}
    )
    return listing


@transaction.atomic
def company_member_set(
    *, user, company: Company, role: str = CompanyMember.Role.STAFF
) -> CompanyMember:
    """Let the user act for the company with the given role (idempotent; updates the role)."""
    if role not in CompanyMember.Role.values:
        raise ValidationError({"role": _("Unknown role.")})
    member, created = CompanyMember.objects.get_or_create(
        user=user, company=company, defaults={"role": role}
    )
    if not created and member.role != role:
        member.role = role
        member.save(update_fields=["role"])
    return member
