"""How complete a profile is for good partner suggestions, and what is still missing.

Pure Python. Each item has a weight; the meter shows the weighted share that is done, and the
missing items say, in the reader's language, what to add and why it matters for matching.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

MIN_DESCRIPTION = 80  # characters: a sentence or two that says what the company does
MIN_RATED_DIMENSIONS = 5


@dataclass(frozen=True)
class Item:
    key: str
    step: str  # the stock-taking step where it is filled in
    weight: int


ITEMS: tuple[Item, ...] = (
    Item("place", "identity", 1),
    Item("activities", "identity", 2),
    Item("description", "identity", 1),
    Item("languages", "identity", 1),
    Item("size", "identity", 1),
    Item("offers", "offers", 3),
    Item("offer_texts", "offers", 1),
    Item("needs", "offers", 3),
    Item("customers", "customers", 2),
    Item("customer_types", "customers", 1),
    Item("strengths", "strengths", 2),
    Item("readiness", "strengths", 1),
    Item("goals", "goals", 2),
    Item("forms", "goals", 1),
)
TOTAL_WEIGHT = sum(item.weight for item in ITEMS)


@dataclass(frozen=True)
class Completeness:
    percent: int
    missing: tuple[Item, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def _done(
    key: str,
    company: Mapping[str, Any],
    offers: Sequence[Mapping[str, Any]],
    needs: Sequence[Mapping[str, Any]],
    goals: Sequence[Any],
    scores: Mapping[str, int],
) -> bool:
    match key:
        case "place":
            return bool(company.get("city")) and company.get("lat") is not None
        case "activities":
            return bool(company.get("nace_codes"))
        case "description":
            return len((company.get("description") or "").strip()) >= MIN_DESCRIPTION
        case "languages":
            return bool(company.get("languages"))
        case "size":
            return company.get("employees") is not None
        case "offers":
            return bool(offers)
        case "offer_texts":
            return bool(offers) and all((o.get("description") or "").strip() for o in offers)
        case "needs":
            return bool(needs)
        case "customers":
            return bool(company.get("customer_sectors")) and bool(company.get("customer_sizes"))
        case "customer_types":
            return bool(company.get("customer_types"))
        case "strengths":
            return len(scores) >= MIN_RATED_DIMENSIONS
        case "readiness":
            return (
                company.get("partnering_hours_per_month") is not None
                and bool(company.get("sponsor_name"))
                and bool(company.get("contact_name"))
            )
        case "goals":
            return bool(goals)
        case "forms":
            return bool(company.get("forms"))
    raise KeyError(key)


def assess(
    company: Mapping[str, Any],
    offers: Sequence[Mapping[str, Any]],
    needs: Sequence[Mapping[str, Any]],
    goals: Sequence[Any],
    scores: Mapping[str, int],
) -> Completeness:
    missing = tuple(
        item for item in ITEMS if not _done(item.key, company, offers, needs, goals, scores)
    )
    done = TOTAL_WEIGHT - sum(item.weight for item in missing)
    return Completeness(percent=round(100 * done / TOTAL_WEIGHT), missing=missing)
