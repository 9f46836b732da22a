"""Hand-written company archetypes for the demo network: trades, industry, services, supply.

Each archetype carries real NACE Rev. 2 codes and natural texts in German (for companies in
Münsterland and Osnabrück) and Dutch (Twente, Achterhoek). The needs of one archetype are written
against the offers of others (an installer needs an electrician for joint bids, a machine builder
needs a control-software partner), so that partner matching has real material to work on.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """An offer or a need; a need's ``nace`` names the activity of the partner it is looking for."""

    title: str
    description: str
    keywords: tuple[str, ...]
    nace: tuple[str, ...] = ()


@dataclass(frozen=True)
class Texts:
    # Name patterns with {surname} and/or {place}; the legal form's suffix is appended.
    names: tuple[str, ...]
    # Description patterns with {city} and {region} ("im Münsterland", "in Twente", ...).
    descriptions: tuple[str, ...]
    offers: tuple[Item, ...]
    needs: tuple[Item, ...]


@dataclass(frozen=True)
class Archetype:
    key: str
    nace: tuple[str, ...]
    weight: int  # relative frequency in the network (crafts are more common than agencies)
    employees: tuple[int, int]
    revenue_per_head: tuple[int, int]  # thousand EUR per employee and year
    founded: tuple[int, int]
    legal_forms_de: tuple[str, ...]  # repeated entries weight the choice
    legal_forms_nl: tuple[str, ...]
    sectors: tuple[str, ...]  # NACE sections/divisions of the customers served
    types: tuple[float, float, float]  # typical b2b, b2c, b2g shares
    sizes: tuple[str, ...]
    customer_count: tuple[int, int]
    strengths: tuple[tuple[str, int], ...]  # typical self-assessment, jittered per company
    goals: tuple[str, ...]  # most typical first
    forms: tuple[str, ...]
    de: Texts
    nl: Texts


def item(title: str, description: str, keywords: str, nace: str = "") -> Item:
    """Compact constructor: keywords and NACE codes as comma-separated strings."""
    return Item(
        title=title,
        description=description,
        keywords=tuple(k.strip() for k in keywords.split(",") if k.strip()),
        nace=tuple(c.strip() for c in nace.split(",") if c.strip()),
    )


@functools.cache
def archetypes() -> tuple[Archetype, ...]:
    """All archetypes in a fixed order (the order is part of the generator's determinism)."""
    # Imported here: the data modules import Item and Archetype from this module.
    from verbund.demo.archetypes import services, supply, trades

    return trades.ARCHETYPES + services.ARCHETYPES + supply.ARCHETYPES
