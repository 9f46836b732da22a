"""Deterministic generator of the demo network's company profiles.

``generate_profiles(seed, count)`` returns dicts in exactly the JSON Lines profile format of
docs ``profile-format.md``: a cross-border chamber programme with about 60 % German companies in
Münsterland and Osnabrück and 40 % Dutch companies in Twente and the Achterhoek, built from the
hand-written archetypes in :mod:`verbund.demo.archetypes`.

Pure Python (no Django) so that the benchmark harness and tests can use it directly. The same seed
always gives the same output: one ``random.Random(seed)`` drives every choice, nothing iterates a
set, and nothing reads the clock.
"""

from __future__ import annotations

import random
import re
import unicodedata
from typing import Any

from verbund.demo.archetypes import Archetype, Item, Texts, archetypes
from verbund.demo.places import AREAS, Town, towns_in
from verbund.lib import geo

DEFAULT_SEED = 2026
DEFAULT_COUNT = 300

GERMAN_SHARE = 0.6
OSNABRUECK_SHARE_OF_GERMAN = 1 / 3
TWENTE_SHARE_OF_DUTCH = 0.58

# Westphalian / Osnabrück and Twente / Achterhoek family names. Names of well-known firms of the
# region (machine builders, food groups, builders, retailers) are left out on purpose.
SURNAMES_DE = (
    "Schulte", "Brüggemann", "Terhorst", "Tenbrock", "Wenning", "Overbeck", "Hüsing", "Bußmann",
    "Lammers", "Niehues", "Rengers", "Böckmann", "Kösters", "Hessing", "Wielers", "Tebbe",
    "Stegemann", "Reckers", "Große Kleimann", "Vennemann", "Hüttermann", "Menke", "Kuhlmann",
    "Strotmann", "Wiewel", "Eilers", "Heemann", "Beckmann", "Rottmann", "Lütke Wöstmann",
    "Schwietering", "Terwey", "Frieling", "Berning", "Sundermann", "Wessendorf", "Wolking",
    "Pohlmann", "Dieckmann", "Spieker", "Hörnemann", "Osterkamp", "Meyer zu Bexten", "Uphoff",
    "Averbeck", "Kottmann", "Roling", "Schräder",
)  # fmt: skip
SURNAMES_NL = (
    "Bakker", "Jansen", "De Vries", "Kuipers", "Oude Luttikhuis", "Wolters", "Huisman",
    "Lammerink", "Groot Nibbelink", "Bruggink", "Ter Horst", "Klein Gunnewiek", "Wissink",
    "Veldhuis", "Rouwhorst", "Eppink", "Lansink", "Kamphuis", "Mensink", "Schuurman", "Harbers",
    "Tijhuis", "Hendriks", "Meijer", "Brinkman", "Geerdink", "Stegeman", "Gerritsen", "Reinders",
    "Wienk", "Elferink", "Nijenhuis", "Oosterveld", "Te Lintelo", "Hofstede", "Dijkhuis",
    "Smeenk", "Heijink", "Leferink", "Wiggers", "Pierik", "Kroeze", "Lenferink", "Vrielink",
)  # fmt: skip

LEGAL_SUFFIX = {
    "GmbH": " GmbH",
    "GmbH & Co. KG": " GmbH & Co. KG",
    "e.K.": " e.K.",
    "B.V.": " B.V.",
    "V.O.F.": " V.O.F.",
    "eenmanszaak": "",  # a sole proprietorship carries no suffix in its name
}

# A second sentence some descriptions get, so that companies of one archetype read differently.
EXTRA_SENTENCES = {
    "de": (
        "Gegründet {founded}, heute mit {employees} Beschäftigten.",
        "Wir suchen Partner auf beiden Seiten der Grenze.",
        "Kurze Wege, feste Ansprechpartner und ehrliche Beratung sind uns wichtig.",
        "Als Ausbildungsbetrieb setzen wir auf Nachwuchs aus der Region.",
        "Viele unserer Kunden kommen auf Empfehlung zu uns.",
    ),
    "nl": (
        "Opgericht in {founded}, nu met {employees} medewerkers.",
        "Wij zoeken partners aan beide kanten van de grens.",
        "Korte lijnen, vaste aanspreekpunten en eerlijk advies vinden wij belangrijk.",
        "Als erkend leerbedrijf investeren wij in jong talent uit de regio.",
        "Veel van onze klanten komen via aanbevelingen bij ons.",
    ),
}

# Upper bounds (exclusive) of the revenue bands in EUR.
REVENUE_BANDS = (
    (250_000, "lt_250k"),
    (1_000_000, "250k_1m"),
    (2_000_000, "1m_2m"),
    (10_000_000, "2m_10m"),
    (50_000_000, "10m_50m"),
)

# Letters Dutch postcodes use (F, I, O, Q, U, Y are not issued; SA, SD and SS are avoided).
_NL_POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
_NL_POSTCODE_AVOIDED = ("SA", "SD", "SS")

_SLUG_SPECIAL = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "&": " "})


def generate_profiles(seed: int = DEFAULT_SEED, count: int = DEFAULT_COUNT) -> list[dict]:
    """``count`` company profiles in the profile interchange format; same seed, same output."""
    rng = random.Random(seed)
    n_german = round(count * GERMAN_SHARE)
    n_osnabrueck = round(n_german * OSNABRUECK_SHARE_OF_GERMAN)
    n_dutch = count - n_german
    n_twente = round(n_dutch * TWENTE_SHARE_OF_DUTCH)
    slots = (
        ["muensterland"] * (n_german - n_osnabrueck)
        + ["osnabrueck"] * n_osnabrueck
        + ["twente"] * n_twente
        + ["achterhoek"] * (n_dutch - n_twente)
    )
    kinds = _archetype_mix(rng, n_german) + _archetype_mix(rng, n_dutch)
    order = list(range(count))
    # Interleave countries so that the first companies of the list already show the mix.
    rng.shuffle(order)

    state = _State()
    profiles: list[dict] = []
    for index in order:
        profiles.append(_profile(rng, state, slots[index], kinds[index]))
    _assign_visibility(rng, profiles)
    return profiles


class _State:
    """What must stay unique across the generated companies."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.slugs: set[str] = set()
        self.registry_ids: set[str] = set()
        self.serials: dict[tuple[str, str], int] = {}


def _archetype_mix(rng: random.Random, n: int) -> list[Archetype]:
    """Every archetype once (when there is room), the rest drawn by weight, then shuffled."""
    kinds = archetypes()
    mix = list(kinds) if n >= len(kinds) else []
    mix += rng.choices(kinds, weights=[k.weight for k in kinds], k=n - len(mix))
    rng.shuffle(mix)
    return mix


def _profile(rng: random.Random, state: _State, area_key: str, kind: Archetype) -> dict:
    area = AREAS[area_key]
    country = area.country
    lang = "de" if country == "DE" else "nl"
    texts: Texts = kind.de if lang == "de" else kind.nl
    towns = towns_in(area_key)
    town = rng.choices(towns, weights=[t.weight for t in towns], k=1)[0]
    place = geo.resolve(town.city, country)
    if place is None:  # a data error in places.py, caught by the tests
        raise ValueError(f"demo town not in the gazetteer: {town.city} ({country})")

    serial = state.serials.get((country, kind.key), 0) + 1
    state.serials[(country, kind.key)] = serial
    legal_form = rng.choice(kind.legal_forms_de if lang == "de" else kind.legal_forms_nl)
    base_name = _unique_name(rng, state, texts, lang, town, area.name)
    name = base_name + _suffix(base_name, legal_form)
    employees = _employees(rng, kind, legal_form)
    founded = rng.randint(*kind.founded)

    description = rng.choice(texts.descriptions).format(city=town.city, region=area.phrase)
    if rng.random() < 0.6:
        extras = EXTRA_SENTENCES[lang]
        # The head-count sentence reads oddly for one-person businesses.
        extra = rng.choice(extras if employees >= 3 else extras[1:])
        description += " " + extra.format(founded=founded, employees=employees)

    return {
        "external_id": f"{country.lower()}-{kind.key}-{serial:02d}",
        "name": name,
        "legal_form": legal_form,
        "registry_id": _registry_id(rng, state, country, legal_form, town),
        "website": f"https://{_unique_slug(state, base_name)}.example",
        "country": country,
        "postcode": _postcode(rng, town),
        "city": town.city,
        # Spread companies a little around the town centre so that a map does not stack them.
        "lat": round(place.lat + rng.uniform(-0.008, 0.008), 5),
        "lon": round(place.lon + rng.uniform(-0.012, 0.012), 5),
        "languages": _languages(rng, lang, kind),
        "employees": employees,
        "revenue_band": _revenue_band(employees * rng.randint(*kind.revenue_per_head) * 1000),
        "founded": founded,
        "nace": list(kind.nace),
        "description": description,
        "offers": _offers(rng, kind, texts),
        "needs": _needs(rng, texts),
        "customers": _customers(rng, kind, place.region),
        "strengths": _strengths(rng, kind),
        "goals": _goals(rng, kind, country),
        "forms": _forms(rng, kind),
        "visibility": "network",
    }


def _unique_name(
    rng: random.Random, state: _State, texts: Texts, lang: str, town: Town, area_name: str
) -> str:
    surnames = SURNAMES_DE if lang == "de" else SURNAMES_NL
    for _attempt in range(50):
        pattern = rng.choice(texts.names)
        place_name = town.city if rng.random() < 0.5 else area_name
        name = pattern.format(surname=rng.choice(surnames), place=place_name)
        if name not in state.names:
            state.names.add(name)
            return name
    # Every pattern and surname taken (only with far more companies than the demo needs).
    name = f"{pattern.format(surname=rng.choice(surnames), place=town.city)} {town.city}"
    while name in state.names:
        name += " II"
    state.names.add(name)
    return name


def _suffix(base_name: str, legal_form: str) -> str:
    # "Schulte Steuerberatungsgesellschaft mbH" is how such a firm writes its name.
    if legal_form == "GmbH" and base_name.endswith("gesellschaft"):
        return " mbH"
    return LEGAL_SUFFIX[legal_form]


def _slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower().translate(_SLUG_SPECIAL))
    text = text.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _unique_slug(state: _State, base_name: str) -> str:
    slug = _slugify(base_name)
    candidate, n = slug, 1
    while candidate in state.slugs:
        n += 1
        candidate = f"{slug}-{n}"
    state.slugs.add(candidate)
    return candidate


def _registry_id(
    rng: random.Random, state: _State, country: str, legal_form: str, town: Town
) -> str:
    while True:
        if country == "NL":
            registry_id = f"KvK {rng.randint(10_000_000, 99_999_999)}"
        elif legal_form == "GmbH":
            registry_id = f"HRB {rng.randint(1_000, 22_999)} {town.court}"
        else:  # partnerships with a GmbH as general partner and sole traders: section A
            registry_id = f"HRA {rng.randint(100, 9_999)} {town.court}"
        if registry_id not in state.registry_ids:
            state.registry_ids.add(registry_id)
            return registry_id


def _postcode(rng: random.Random, town: Town) -> str:
    digits = rng.choice(town.postcodes)
    if town.country == "DE":
        return digits
    while True:
        letters = rng.choice(_NL_POSTCODE_LETTERS) + rng.choice(_NL_POSTCODE_LETTERS)
        if letters not in _NL_POSTCODE_AVOIDED:
            return f"{digits} {letters}"


def _employees(rng: random.Random, kind: Archetype, legal_form: str) -> int:
    low, high = kind.employees
    if legal_form in ("e.K.", "eenmanszaak"):
        high = max(low, min(high, 9))  # sole traders stay small
    # Skewed towards the small end: most SMEs are small.
    return low + int((high - low) * rng.random() ** 1.8)


def _revenue_band(revenue: int) -> str:
    for upper, band in REVENUE_BANDS:
        if revenue < upper:
            return band
    return "gt_50m"


def _languages(rng: random.Random, lang: str, kind: Archetype) -> list[str]:
    bilingual = kind.key == "translation"
    if lang == "de":
        # German firms near the border speak Dutch less often than Dutch firms speak German.
        languages = ["de"]
        if bilingual or rng.random() < 0.3:
            languages.append("nl")
        if bilingual or rng.random() < 0.6:
            languages.append("en")
    else:
        languages = ["nl"]
        if bilingual or rng.random() < 0.6:
            languages.append("de")
        if bilingual or rng.random() < 0.7:
            languages.append("en")
    return languages


def _item(entry: Item, nace: tuple[str, ...]) -> dict:
    return {
        "title": entry.title,
        "description": entry.description,
        "nace": list(entry.nace or nace),
        "keywords": list(entry.keywords),
    }


def _offers(rng: random.Random, kind: Archetype, texts: Texts) -> list[dict]:
    n = len(texts.offers)
    chosen = sorted(rng.sample(range(n), k=rng.randint(max(1, n - 1), n)))
    return [_item(texts.offers[i], kind.nace) for i in chosen]


def _needs(rng: random.Random, texts: Texts) -> list[dict]:
    n = len(texts.needs)
    chosen = rng.sample(range(n), k=rng.randint(2, min(3, n)))
    needs = []
    for priority, i in enumerate(chosen, start=1):
        need = _item(texts.needs[i], ())
        need["priority"] = priority
        needs.append(need)
    return needs


def _customers(rng: random.Random, kind: Archetype, region: str) -> dict:
    sectors = [s for s in kind.sectors if rng.random() < 0.75] or [kind.sectors[0]]
    sizes = [s for s in kind.sizes if rng.random() < 0.8] or [kind.sizes[0]]
    regions = [region]
    neighbours = {
        "DE-NW": ("DE-NI", "NL-OV", "NL-GE"),
        "DE-NI": ("DE-NW", "NL-OV"),
        "NL-OV": ("NL-GE", "DE-NW", "DE-NI"),
        "NL-GE": ("NL-OV", "DE-NW"),
    }[region]
    regions += [r for r in neighbours if rng.random() < 0.35]
    if rng.random() < 0.15:
        regions.append("DE" if region.startswith("NL") else "NL")
    low, high = kind.customer_count
    return {
        "sectors": sectors,
        "types": _types(rng, kind.types),
        "sizes": sizes,
        "regions": regions,
        "count": rng.randint(low, high),
    }


def _types(rng: random.Random, typical: tuple[float, float, float]) -> dict[str, float]:
    """Jittered b2b/b2c/b2g shares in whole percent that add up to exactly 100."""
    percents = [
        max(0, round(share * 100) + (rng.randint(-8, 8) if 0 < share < 1 else 0))
        for share in typical
    ]
    total = sum(percents) or 1
    scaled = [p * 100 // total for p in percents]
    scaled[scaled.index(max(scaled))] += 100 - sum(scaled)
    b2b, b2c, b2g = scaled
    return {"b2b": b2b / 100, "b2c": b2c / 100, "b2g": b2g / 100}


def _strengths(rng: random.Random, kind: Archetype) -> dict[str, int]:
    return {
        dimension: min(5, max(1, typical + rng.choice((-1, 0, 0, 1))))
        for dimension, typical in kind.strengths
    }


def _goals(rng: random.Random, kind: Archetype, country: str) -> list[dict]:
    # The archetype's most typical goal always, one or two of the others after it.
    picked = [kind.goals[0], *rng.sample(kind.goals[1:], k=rng.randint(1, 2))]
    goals: list[dict] = []
    for priority, goal in enumerate(picked, start=1):
        entry: dict[str, Any] = {"goal": goal, "priority": priority}
        if goal == "new_markets":
            entry["markets"] = list(
                rng.choice((["NL"], ["NL-OV", "NL-GE"], ["NL-OV"]))
                if country == "DE"
                else rng.choice((["DE"], ["DE-NW", "DE-NI"], ["DE-NW"]))
            )
        goals.append(entry)
    return goals


def _forms(rng: random.Random, kind: Archetype) -> list[str]:
    forms = [f for f in kind.forms if rng.random() < 0.7] or [kind.forms[0]]
    # The programme is about crossing the border; many members say so.
    if "cross_border_partnership" not in forms and rng.random() < 0.35:
        forms.append("cross_border_partnership")
    return forms


def _assign_visibility(rng: random.Random, profiles: list[dict]) -> None:
    """Mostly visible in the network; a few want anonymity, a couple are not matchable."""
    if len(profiles) < 10:
        return
    n_anonymous = max(1, len(profiles) // 25)
    n_private = max(1, len(profiles) // 120)
    chosen = rng.sample(range(len(profiles)), k=n_anonymous + n_private)
    for position, index in enumerate(chosen):
        profiles[index]["visibility"] = "anonymous" if position < n_anonymous else "private"
