"""Writes for companies: identity, profile sections, people and network listings.

Every write ends with ``company_refresh_derived`` (search text, facets, completeness), so the
directory and the completeness meter never lag behind the profile.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from verbund.companies import profile as profile_data
from verbund.companies import signals
from verbund.companies.models import (
    AssessmentScore,
    Company,
    CompanyMember,
    Goal,
    Need,
    NetworkCompany,
    Offer,
)
from verbund.companies.visibility import clean_field_visibility
from verbund.lib import catalogues, geo, nace
from verbund.tenancy.models import Network

EDITABLE_FIELDS = set(profile_data.EMPTY) | {"name", "country"}
_PLACE_FIELDS = {"city", "country", "postcode", "lat", "lon"}


def resolve_place(fields: dict[str, Any]) -> geo.Place | None:
    """Fill coordinates and region from the offline gazetteer (in place).

    Coordinates given explicitly are kept; an unknown place leaves them empty so the profile can
    show "place not found" instead of a silent blank.
    """
    city = (fields.get("city") or "").strip()
    place = geo.resolve(city, fields.get("country"), fields.get("postcode")) if city else None
    if place is not None:
        if fields.get("lat") is None or fields.get("lon") is None:
            fields["lat"], fields["lon"] = place.lat, place.lon
        fields["region"] = place.region
    else:
        fields["region"] = ""
    return place


_LANGUAGE_CODE = re.compile(r"^[a-z]{2}$")
_REGION_CODE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")


def validate_fields(fields: Mapping[str, Any]) -> None:
    """Domain rules for profile values that the model fields can't express; raises a
    ValidationError naming each bad field, in the user's language."""
    errors: dict[str, str] = {}
    if (codes := fields.get("nace_codes")) is not None:
        unknown = [code for code in codes if nace.normalize(code) is None]
        if unknown:
            errors["nace_codes"] = _("Unknown NACE code: %(code)s") % {"code": ", ".join(unknown)}
    for key, catalogue in (("forms", "forms"), ("customer_sizes", "customer_sizes")):
        values = fields.get(key)
        unknown = sorted(set(values or []) - set(catalogues.keys(catalogue)))
        if unknown:
            errors[key] = _("Unknown entries: %(keys)s") % {"keys": ", ".join(unknown)}
    band = fields.get("revenue_band")
    if band and band not in catalogues.keys("revenue_bands"):
        errors["revenue_band"] = _("Unknown revenue band.")
    if any(not _LANGUAGE_CODE.match(str(code)) for code in fields.get("languages") or []):
        errors["languages"] = _("Use two-letter language codes such as de, nl, en.")
    if any(not _REGION_CODE.match(str(code)) for code in fields.get("customer_regions") or []):
        errors["customer_regions"] = _("Use country codes (DE) or region codes (DE-NW).")
    if (sectors := fields.get("customer_sectors")) is not None:
        unknown = [code for code in sectors if nace.normalize(code) is None]
        if unknown:
            errors["customer_sectors"] = _("Unknown NACE code: %(code)s") % {
                "code": ", ".join(unknown)
            }
    types = fields.get("customer_types")
    if types:
        if set(types) - {"b2b", "b2c", "b2g"} or any(
            not isinstance(v, int | float) or not 0 <= v <= 1 for v in types.values()
        ):
            errors["customer_types"] = _("Give shares between 0 and 1 for b2b, b2c and b2g.")
        elif abs(sum(types.values()) - 1) > 0.01:
            errors["customer_types"] = _("The shares of B2B, B2C and B2G must add up to 100 %.")
    if errors:
        raise ValidationError(errors)


def _snapshot(company: Company) -> dict[str, Any]:
    return {name: getattr(company, name) for name in EDITABLE_FIELDS}


def company_refresh_derived(*, company: Company) -> Company:
    """Recompute search text, facets and completeness from the stored profile."""
    offers = list(company.offers.values("title", "description", "nace_codes", "keywords"))
    needs = list(company.needs.values("title", "description", "nace_codes", "keywords"))
    goals = list(company.goals.values("goal", "priority", "markets"))
    scores = dict(company.assessment.values_list("dimension", "score"))
    derived = profile_data.derive(_snapshot(company), offers, needs, goals, scores)
    values = {name: getattr(derived, name) for name in profile_data.DERIVED_FIELDS}
    Company.objects.filter(pk=company.pk).update(**values)
    for name, value in values.items():
        setattr(company, name, value)
    signals.profile_changed.send(sender=Company, company=company)
    return company


@transaction.atomic
def company_create(
    *, name: str, country: str, network: Network | None = None, external_id: str = "", **fields
) -> Company:
    """Create a company, resolve its place offline, and list it in ``network`` if given."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown company fields: {', '.join(sorted(unknown))}")
    values = {**fields, "name": name.strip(), "country": country.upper()}
    validate_fields(values)
    resolve_place(values)
    if "field_visibility" in values:
        values["field_visibility"] = clean_field_visibility(values["field_visibility"])
    company = Company(**values)
    company.full_clean()
    company.save()
    if network is not None:
        company_list_in_network(company=company, network=network, external_id=external_id)
    return company_refresh_derived(company=company)


@transaction.atomic
def company_update(*, company: Company, **fields) -> Company:
    """Change identity/profile fields of a company; re-resolves the place when it changed."""
    _write_fields(company, fields)
    return company_refresh_derived(company=company)


def _write_fields(company: Company, fields: dict[str, Any]) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"unknown company fields: {', '.join(sorted(unknown))}")
    validate_fields(fields)
    if "field_visibility" in fields:
        fields["field_visibility"] = clean_field_visibility(fields["field_visibility"])
    if "country" in fields:
        fields["country"] = fields["country"].upper()
    place_changed = any(
        key in fields and fields[key] != getattr(company, key) for key in _PLACE_FIELDS
    )
    for key, value in fields.items():
        setattr(company, key, value)
    if place_changed:
        values = {key: getattr(company, key) for key in _PLACE_FIELDS}
        if not ({"lat", "lon"} & set(fields)):
            values["lat"] = values["lon"] = None  # the old coordinates belong to the old place
        resolve_place(values)
        company.lat, company.lon, company.region = values["lat"], values["lon"], values["region"]
    company.full_clean()
    company.save()


def _check_nace(codes: Iterable[str], field: str) -> list[str]:
    cleaned = []
    for code in codes:
        normal = nace.normalize(code)
        if normal is None:
            raise ValidationError({field: _("Unknown NACE code: %(code)s") % {"code": code}})
        cleaned.append(normal)
    return cleaned


@transaction.atomic
def offers_replace(*, company: Company, items: Iterable[Mapping[str, Any]]) -> list[Offer]:
    """Replace the company's offers with ``items`` (title, description, nace_codes, keywords)."""
    rows = _write_offers(company, items)
    company_refresh_derived(company=company)
    return rows


def _item_values(item: Mapping[str, Any], position: int, field: str) -> dict[str, Any]:
    """The columns an offer and a need share, cleaned and checked."""
    return {
        "position": position,
        "title": item["title"].strip(),
        "description": (item.get("description") or "").strip(),
        "nace_codes": _check_nace(item.get("nace_codes") or [], field),
        "keywords": list(item.get("keywords") or []),
    }


def _titled(items: Iterable[Mapping[str, Any]]) -> list[tuple[int, Mapping[str, Any]]]:
    # Rows left without a title are empty form rows, not items.
    return [(pos, item) for pos, item in enumerate(items) if (item.get("title") or "").strip()]


def _write_offers(company: Company, items: Iterable[Mapping[str, Any]]) -> list[Offer]:
    rows = [
        Offer(company=company, **_item_values(item, position, "offers"))
        for position, item in _titled(items)
    ]
    company.offers.all().delete()
    Offer.objects.bulk_create(rows)
    return rows


@transaction.atomic
def needs_replace(*, company: Company, items: Iterable[Mapping[str, Any]]) -> list[Need]:
    """Replace the company's needs (as offers, plus ``priority`` 1 high – 3 low)."""
    rows = _write_needs(company, items)
    company_refresh_derived(company=company)
    return rows


def _write_needs(company: Company, items: Iterable[Mapping[str, Any]]) -> list[Need]:
    rows = []
    for position, item in _titled(items):
        priority = int(item.get("priority") or 2)
        if priority not in (1, 2, 3):
            raise ValidationError({"needs": _("Priority must be 1 (high), 2 or 3 (low).")})
        rows.append(
            Need(company=company, priority=priority, **_item_values(item, position, "needs"))
        )
    company.needs.all().delete()
    Need.objects.bulk_create(rows)
    return rows


@transaction.atomic
def goals_replace(*, company: Company, goals: Iterable[Mapping[str, Any]]) -> list[Goal]:
    """Replace the company's goals: ``{goal, priority, markets}`` with goal from the catalogue."""
    rows = _write_goals(company, goals)
    company_refresh_derived(company=company)
    return rows


def _write_goals(company: Company, goals: Iterable[Mapping[str, Any]]) -> list[Goal]:
    known = set(catalogues.keys("goals"))
    rows, seen = [], set()
    for goal in goals:
        key = goal["goal"]
        if key not in known:
            raise ValidationError({"goals": _("Unknown goal: %(goal)s") % {"goal": key}})
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            Goal(
                company=company,
                goal=key,
                priority=int(goal.get("priority") or 2),
                markets=list(goal.get("markets") or []),
            )
        )
    company.goals.all().delete()
    Goal.objects.bulk_create(rows)
    return rows


@transaction.atomic
def assessment_replace(
    *, company: Company, scores: Mapping[str, int], notes: Mapping[str, str] | None = None
) -> list[AssessmentScore]:
    """Replace the self-assessment: a 1–5 score (and optional note) per catalogue dimension."""
    rows = _write_assessment(company, scores, notes or {})
    company_refresh_derived(company=company)
    return rows


def _write_assessment(
    company: Company, scores: Mapping[str, int], notes: Mapping[str, str]
) -> list[AssessmentScore]:
    known = set(catalogues.keys("dimensions"))
    rows = []
    for dimension, score in scores.items():
        if dimension not in known:
            raise ValidationError(
                {"strengths": _("Unknown dimension: %(key)s") % {"key": dimension}}
            )
        if score is None:
            continue
        if not 1 <= int(score) <= 5:
            raise ValidationError({"strengths": _("Scores go from 1 (weak) to 5 (strong).")})
        rows.append(
            AssessmentScore(
                company=company,
                dimension=dimension,
                score=int(score),
                note=(notes.get(dimension) or "")[:300],
            )
        )
    company.assessment.all().delete()
    AssessmentScore.objects.bulk_create(rows)
    return rows


@transaction.atomic
def profile_apply(*, company: Company, record: profile_data.ProfileRecord) -> Company:
    """Make the stored profile equal to ``record`` (validated interchange data)."""
    _write_fields(company, dict(record.fields))
    _write_offers(company, record.offers)
    _write_needs(company, record.needs)
    _write_goals(company, record.goals)
    _write_assessment(company, record.scores, record.notes)
    return company_refresh_derived(company=company)


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
