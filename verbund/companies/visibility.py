"""Who sees which part of a company profile.

Whole profile (``Company.visibility``): ``network`` (fellow members see it), ``anonymous``
(fellow members see it without anything that identifies the company; the coordinator mediates
contact) or ``private`` (only the company's own people and its coordinators; not matchable).

Per field group (``Company.field_visibility``): ``network``, ``partners`` (only companies in a
partnership with this one) or ``private``. Name, place, description and activities are the core
of a profile and follow the whole-profile setting only.

Pure Python: the rules are data plus one function, shared by pages, API and directory.
"""

from __future__ import annotations

from dataclasses import dataclass

NETWORK, PARTNERS, PRIVATE = "network", "partners", "private"
LEVELS = (NETWORK, PARTNERS, PRIVATE)


@dataclass(frozen=True)
class Group:
    key: str
    fields: tuple[str, ...]
    default: str


GROUPS: tuple[Group, ...] = (
    Group("contact", ("website", "registry_id", "postcode"), PARTNERS),
    Group("size", ("employees", "revenue_band", "founded"), NETWORK),
    Group("offers", ("offers",), NETWORK),
    Group("needs", ("needs",), NETWORK),
    Group("customers", ("customer_sectors", "customer_types", "customer_sizes",
                        "customer_regions", "customer_count"), NETWORK),
    Group("strengths", ("assessment",), PARTNERS),
    Group("readiness", ("partnering_hours_per_month", "sponsor_name", "sponsor_email",
                        "contact_name", "contact_email"), PARTNERS),
    Group("goals", ("goals", "forms"), NETWORK),
)  # fmt: skip
GROUP_KEYS = tuple(group.key for group in GROUPS)
_BY_KEY = {group.key: group for group in GROUPS}

# Fields that identify a company; an anonymous profile never shows them to fellow members.
IDENTIFYING = ("name", "legal_form", "registry_id", "website", "postcode", "city",
               "sponsor_name", "sponsor_email", "contact_name", "contact_email")  # fmt: skip


def level_of(field_visibility: dict[str, str] | None, group: str) -> str:
    chosen = (field_visibility or {}).get(group)
    return chosen if chosen in LEVELS else _BY_KEY[group].default


def visible_groups(
    field_visibility: dict[str, str] | None, *, insider: bool, partner: bool
) -> set[str]:
    """The field groups a reader may see.

    ``insider``: acts for the company or coordinates one of its networks (sees everything);
    ``partner``: the reader's company is in a partnership with this one.
    """
    if insider:
        return set(GROUP_KEYS)
    allowed = {NETWORK, PARTNERS} if partner else {NETWORK}
    return {g.key for g in GROUPS if level_of(field_visibility, g.key) in allowed}


def clean_field_visibility(value: dict[str, str]) -> dict[str, str]:
    """Keep only known groups with known levels (imports and forms share this)."""
    return {k: v for k, v in (value or {}).items() if k in _BY_KEY and v in LEVELS}
