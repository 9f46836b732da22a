"""``{{ company|party_name:names }}``: a party's name as the reader may read it.

``names`` is ``PartnershipAccess.names`` (company id -> name, decision 0003's addendum); the rule
itself lives in ``partnerships.selectors.party_hidden``, never in a template."""

from __future__ import annotations

from collections.abc import Mapping

from django import template

from verbund.companies.models import Company

register = template.Library()


@register.filter
def party_name(company: Company | None, names: Mapping[int, str] | None) -> str:
    if company is None:
        return ""
    return (names or {}).get(company.pk, company.name)
