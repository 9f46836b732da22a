"""Deterministic synthetic networks for the matching benchmark and tests.

Companies of 24 trades in DE, NL, BE and AT write their offers and needs in German, Dutch or
English from phrase lists with paraphrases and sentence frames. The texts come from a fixed
universe (:func:`all_texts`, a few thousand), so a million companies need only that many
embeddings. Every company is a pure function of (seed, position): chunks can be generated in any
order and the same network comes out every time.

Planted for each probe company: one ideal partner (offers what the probe needs, often in another
language, needs what the probe offers, same customers, nearby, similar size, complementary
strengths), three competitors (offer the same as the probe, otherwise just as attractive) and three
distractors (offer what the probe needs but are far away, speak no shared language, or are private).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from verbund.matching.engine import CompanyVector, Customers, Goal, Item

LANGS = ("de", "nl", "en")

# Per trade: key, NACE code, customer segment; then three paraphrases of its service per language.
_TRADE_DATA = """
advertising 73.11 industry
  de Werbekampagnen und Anzeigen
  de Print- und Onlinewerbung
  de Messeauftritte und Verkaufsförderung
  nl reclamecampagnes en advertenties
  nl print- en onlinereclame
  nl beursstands en verkoopbevordering
  en advertising campaigns and ads
  en print and online advertising
  en trade fair stands and sales promotion
pr 70.21 industry
  de Pressearbeit und Medienkontakte
  de Öffentlichkeitsarbeit und Pressemitteilungen
  de Krisenkommunikation
  nl persberichten en mediarelaties
  nl public relations en perscontacten
  nl crisiscommunicatie
  en press relations and media contacts
  en public relations and press releases
  en crisis communication
web 62.01 retail
  de Webseiten und Onlineshops
  de Entwicklung von Webanwendungen
  de Softwareentwicklung nach Maß
  nl websites en webshops
  nl ontwikkeling van webapplicaties
  nl maatwerksoftware
  en websites and online shops
  en web application development
  en custom software development
translation 74.30 industry
  de Fachübersetzungen
  de Übersetzung technischer Dokumentation
  de Dolmetschen
  nl vertalingen
  nl vertaling van technische documentatie
  nl tolkdiensten
  en specialist translation
  en translation of technical documentation
  en interpreting services
tax 69.20 smes
  de Steuerberatung
  de Jahresabschluss und Buchhaltung
  de Lohnabrechnung
  nl belastingadvies
  nl jaarrekening en boekhouding
  nl salarisadministratie
  en tax advice
  en annual accounts and bookkeeping
  en payroll services
legal 69.10 smes
  de Rechtsberatung im Wirtschaftsrecht
  de Vertragsgestaltung
  de Beratung im Arbeitsrecht
  nl juridisch advies voor bedrijven
  nl opstellen van contracten
  nl advies in arbeidsrecht
  en business law advice
  en contract drafting
  en employment law advice
construction 41.20 property
  de Gewerbebau und Hallenbau
  de Errichtung von Bürogebäuden
  de Rohbauarbeiten
  nl bedrijfshallen en utiliteitsbouw
  nl bouw van kantoorgebouwen
  nl ruwbouw
  en commercial building construction
  en construction of office buildings
  en shell construction
electrical 43.21 property
  de Elektroinstallation
  de Gebäudetechnik und Beleuchtung
  de Montage von Photovoltaikanlagen
  nl elektrotechnische installaties
  nl gebouwinstallaties en verlichting
  nl installatie van zonnepanelen
  en electrical installation
  en building services and lighting
  en solar panel installation
hvac 43.22 property
  de Heizung, Sanitär und Klima
  de Einbau von Wärmepumpen
  de Lüftungsanlagen
  nl verwarming, sanitair en klimaat
  nl plaatsen van warmtepompen
  nl ventilatiesystemen
  en heating, plumbing and air conditioning
  en heat pump installation
  en ventilation systems
machining 25.62 industry
  de CNC-Fräsen und Drehen
  de Lohnfertigung von Metallteilen
  de Präzisionsmechanik
  nl CNC-frezen en draaien
  nl loonbewerking van metalen onderdelen
  nl precisiemechanica
  en CNC milling and turning
  en contract machining of metal parts
  en precision engineering
coating 25.61 industry
  de Pulverbeschichtung
  de Galvanik und Oberflächenveredelung
  de Lackierung von Metallteilen
  nl poedercoaten
  nl galvaniseren en oppervlaktebehandeling
  nl spuiten van metalen onderdelen
  en powder coating
  en electroplating and surface finishing
  en painting of metal parts
haulage 49.41 industry
  de Transport und Spedition
  de Stückgutverkehr
  de internationaler Straßentransport
  nl transport en expeditie
  nl stukgoedvervoer
  nl internationaal wegtransport
  en road haulage and forwarding
  en general cargo transport
  en international road transport
warehousing 52.10 retail
  de Lagerlogistik
  de Kommissionierung und Lagerhaltung
  de Fulfillment für Onlinehändler
  nl opslag en warehousing
  nl orderpicking en voorraadbeheer
  nl fulfilment voor webwinkels
  en warehousing
  en order picking and inventory management
  en fulfilment for online retailers
it 62.02 smes
  de IT-Betreuung und Netzwerke
  de IT-Sicherheit
  de Cloud-Lösungen
  nl IT-beheer en netwerken
  nl IT-beveiliging
  nl cloudoplossingen
  en IT support and networks
  en IT security
  en cloud solutions
design 74.10 retail
  de Grafikdesign und Corporate Design
  de Logo- und Markenentwicklung
  de Gestaltung von Broschüren
  nl grafisch ontwerp en huisstijl
  nl logo- en merkontwikkeling
  nl ontwerp van brochures
  en graphic design and corporate identity
  en logo and brand development
  en brochure design
printing 18.12 retail
  de Offsetdruck und Digitaldruck
  de Druck von Katalogen und Broschüren
  de Verpackungsdruck
  nl offset- en digitaal drukwerk
  nl drukken van catalogi en brochures
  nl verpakkingsdruk
  en offset and digital printing
  en printing of catalogues and brochures
  en packaging printing
consulting 70.22 smes
  de Unternehmensberatung
  de Prozessoptimierung
  de Beratung zur Unternehmensnachfolge
  nl bedrijfsadvies
  nl procesoptimalisatie
  nl advies bij bedrijfsopvolging
  en management consulting
  en process optimisation
  en business succession advice
recruiting 78.10 smes
  de Personalvermittlung
  de Rekrutierung von Fachkräften
  de Headhunting
  nl personeelsbemiddeling
  nl werving van vakmensen
  nl executive search
  en recruitment agency
  en recruiting skilled workers
  en headhunting
events 82.30 hospitality
  de Eventorganisation
  de Planung von Firmenveranstaltungen
  de Organisation von Messen
  nl evenementenorganisatie
  nl organisatie van bedrijfsevenementen
  nl beursorganisatie
  en event management
  en corporate event planning
  en trade fair organisation
catering 56.21 hospitality
  de Catering für Veranstaltungen
  de Firmencatering
  de Buffets und Fingerfood
  nl catering voor evenementen
  nl bedrijfscatering
  nl buffetten en hapjes
  en event catering
  en corporate catering
  en buffets and finger food
engineering 71.12 property
  de Tragwerksplanung und Statik
  de technische Gebäudeplanung
  de Bauleitung
  nl constructieberekeningen
  nl technisch ontwerp van gebouwen
  nl bouwbegeleiding
  en structural engineering
  en technical building design
  en site supervision
architecture 71.11 property
  de Architekturbüro
  de Entwurfsplanung für Gewerbebauten
  de Innenarchitektur
  nl architectenbureau
  nl ontwerp van bedrijfsgebouwen
  nl interieurarchitectuur
  en architecture firm
  en design of commercial buildings
  en interior architecture
insurance 66.22 smes
  de Versicherungsmakler für Gewerbe
  de betriebliche Altersvorsorge
  de Absicherung von Betriebsrisiken
  nl verzekeringsadvies voor bedrijven
  nl bedrijfspensioen
  nl dekking van bedrijfsrisico's
  en commercial insurance broker
  en company pension schemes
  en business risk cover
cleaning 81.22 property
  de Gebäudereinigung
  de Industriereinigung
  de Glasreinigung
  nl schoonmaak van bedrijfspanden
  nl industriële reiniging
  nl glazenwassen
  en commercial cleaning
  en industrial cleaning
  en window cleaning
"""


def _parse_trades(text: str) -> list[tuple[str, str, dict[str, tuple[str, ...]], str]]:
    trades: list[tuple[str, str, dict[str, tuple[str, ...]], str]] = []
    for line in text.strip().splitlines():
        if not line.startswith(" "):
            key, code, segment = line.split()
            trades.append((key, code, {lang: () for lang in LANGS}, segment))
        else:
            lang, phrase = line.strip().split(" ", 1)
            phrases = trades[-1][2]
            phrases[lang] = (*phrases[lang], phrase)
    return trades


TRADES = _parse_trades(_TRADE_DATA)
TRADE_KEYS = [t[0] for t in TRADES]
# Whom a trade looks for: partners whose work comes before/after its own at the same client.
COMPLEMENTS = {
    "advertising": ("pr", "design", "printing"), "pr": ("advertising", "events"),
    "web": ("design", "it"), "translation": ("legal", "events"), "tax": ("legal", "insurance"),
    "legal": ("tax", "consulting"), "construction": ("electrical", "hvac", "architecture"),
    "electrical": ("hvac", "construction"), "hvac": ("electrical", "construction"),
    "machining": ("coating", "haulage"), "coating": ("machining",),
    "haulage": ("warehousing",), "warehousing": ("haulage", "web"), "it": ("web", "consulting"),
    "design": ("printing", "web", "advertising"), "printing": ("design", "advertising"),
    "consulting": ("tax", "recruiting"), "recruiting": ("consulting",),
    "events": ("catering", "advertising"), "catering": ("events",),
    "engineering": ("architecture", "construction"),
    "architecture": ("engineering", "construction"),
    "insurance": ("tax", "legal"), "cleaning": ("construction", "hvac"),
}  # fmt: skip
# Customer segments: pool of customer sectors (NACE) and the typical B2B share.
SEGMENTS = {
    "industry": (("C", "25", "28", "29", "46", "22", "27"), 0.9),
    "retail": (("G", "47", "46", "I", "56", "C"), 0.6),
    "smes": (("C", "F", "G", "M", "69", "70", "43"), 0.85),
    "property": (("F", "L", "41", "68", "C", "O"), 0.7),
    "hospitality": (("I", "N", "M", "82", "C", "G"), 0.6),
}
OFFER_FRAMES = {
    "de": ("{p}", "{p} für {c}", "Wir bieten {p} für {c}"),
    "nl": ("{p}", "{p} voor {c}", "Wij bieden {p} voor {c}"),
    "en": ("{p}", "{p} for {c}", "We offer {p} for {c}"),
}
NEED_FRAMES = {
    "de": ("Partner für {p} gesucht", "Wir suchen einen Partner für {p}", "{p} für unsere Kunden"),
    "nl": ("Partner gezocht voor {p}", "Wij zoeken een partner voor {p}", "{p} voor onze klanten"),
    "en": ("Looking for a partner for {p}", "We need a partner for {p}", "{p} for our clients"),
}
CLIENTS = {
    "de": ("mittelständische Unternehmen", "Industrie und Handel"),
    "nl": ("het mkb", "industrie en handel"),
    "en": ("small and medium-sized firms", "industry and trade"),
}
# Seats: (country, region, lat, lon, weight).
CITIES = [
    ("DE", "DE-NW", 51.96, 7.63, 3),
    ("DE", "DE-NW", 51.51, 7.47, 4),
    ("DE", "DE-NW", 50.94, 6.96, 6),
    ("DE", "DE-NW", 51.23, 6.78, 4),
    ("DE", "DE-NI", 52.28, 8.05, 2),
    ("DE", "DE-NI", 52.37, 9.74, 4),
    ("DE", "DE-HH", 53.55, 9.99, 6),
    ("DE", "DE-BE", 52.52, 13.40, 8),
    ("DE", "DE-BY", 48.14, 11.58, 7),
    ("DE", "DE-BW", 48.78, 9.18, 5),
    ("DE", "DE-HE", 50.11, 8.68, 5),
    ("DE", "DE-SN", 51.34, 12.37, 3),
    ("NL", "NL-OV", 52.22, 6.89, 2),
    ("NL", "NL-NH", 52.37, 4.90, 6),
    ("NL", "NL-ZH", 51.92, 4.48, 5),
    ("NL", "NL-UT", 52.09, 5.12, 4),
    ("NL", "NL-NB", 51.44, 5.47, 3),
    ("NL", "NL-GE", 51.98, 5.91, 2),
    ("NL", "NL-GR", 53.22, 6.57, 2),
    ("BE", "BE-VLG", 51.22, 4.40, 3),
    ("BE", "BE-BRU", 50.85, 4.35, 3),
    ("AT", "AT-9", 48.21, 16.37, 4),
]  # fmt: skip
COUNTRY_LANGS = {"DE": "de", "AT": "de", "NL": "nl", "BE": "nl"}
FORMS = (
    "referral_partnership", "marketing_alliance", "project_group", "joint_venture", "outsourcing",
    "distribution", "supplier_partnership", "development_partnership", "trusted_advisory",
    "cross_border_partnership",
)  # fmt: skip
GOALS = (
    "referral_business", "expand_customer_base", "broaden_portfolio", "reduce_costs",
    "know_how_exchange", "joint_marketing", "pool_resources", "share_risk",
)  # fmt: skip
DIMENSIONS = (
    "sales", "marketing", "production_capacity", "technical_know_how", "international",
    "financing", "digital", "skilled_staff", "quality_management", "customer_service",
)  # fmt: skip
CHUNK = 10_000


def _trade(key: str) -> tuple[str, str, dict[str, tuple[str, ...]], str]:
    return TRADES[TRADE_KEYS.index(key)]


def offer_item(trade: str, lang: str, phrase: int, frame: int, client: int) -> Item:
    _, code, phrases, _ = _trade(trade)
    p = phrases[lang][phrase]
    text = OFFER_FRAMES[lang][frame].format(p=p, c=CLIENTS[lang][client])
    return Item(title=p[0].upper() + p[1:], description=text, nace=(code,))


def need_item(trade: str, lang: str, phrase: int, frame: int, priority: int) -> Item:
    _, code, phrases, _ = _trade(trade)
    p = phrases[lang][phrase]
    text = NEED_FRAMES[lang][frame].format(p=p)
    return Item(title=text[0].upper() + text[1:], description="", nace=(code,), priority=priority)


def all_texts() -> list[str]:
    """Every offer and need text the generator can produce (what needs embedding)."""
    texts = set()
    for trade in TRADE_KEYS:
        for lang in LANGS:
            for p in range(3):
                for f in range(3):
                    texts.add(need_item(trade, lang, p, f, 1).text())
                    for c in range(2):
                        texts.add(offer_item(trade, lang, p, f, c).text())
    return sorted(texts)


@dataclass
class Plant:
    probe: str
    partner: str
    competitors: tuple[str, ...]
    distractors: tuple[str, ...]


class Network:
    """A synthetic network of `size` companies with `probes` planted probe groups."""

    GROUP = 8  # probe, partner, 3 competitors, 3 distractors

    def __init__(self, size: int, probes: int = 100, seed: int = 1) -> None:
        self.size = size
        self.probes = min(probes, size // (self.GROUP * 4))
        self.seed = seed
        self._city_p = np.array([c[4] for c in CITIES], dtype=float)
        self._city_p /= self._city_p.sum()

    def plants(self) -> list[Plant]:
        return [
            Plant(
                f"probe-{j}",
                f"partner-{j}",
                tuple(f"competitor-{j}-{k}" for k in range(3)),
                tuple(f"distractor-{j}-{k}" for k in range(3)),
            )
            for j in range(self.probes)
        ]

    def chunks(self, size: int = CHUNK) -> Iterator[list[CompanyVector]]:
        for start in range(0, self.size, size):
            yield [self.company(i) for i in range(start, min(self.size, start + size))]

    def companies(self) -> list[CompanyVector]:
        return [c for chunk in self.chunks() for c in chunk]

    # ------------------------------------------------------------------ random companies

    def _rng(self, i: int) -> np.random.Generator:
        return np.random.default_rng([self.seed, i])

    def company(self, i: int) -> CompanyVector:
        planted = self.probes * self.GROUP
        if i < planted:
            return self._planted(i // self.GROUP, i % self.GROUP)
        return self._random(f"c{i:07d}", self._rng(i))

    def _place(self, rng: np.random.Generator, city: int | None = None, spread: float = 0.15):
        city = int(rng.choice(len(CITIES), p=self._city_p)) if city is None else city
        country, region, lat, lon, _ = CITIES[city]
        return city, country, region, lat + rng.normal(0, spread), lon + rng.normal(0, spread)

    def _languages(self, rng: np.random.Generator, country: str) -> list[str]:
        own = COUNTRY_LANGS[country]
        langs = [own]
        if rng.random() < (0.7 if own == "nl" else 0.4):
            langs.append("en")
        if own == "nl" and rng.random() < 0.3:
            langs.append("de")
        return langs

    def _customers(self, rng: np.random.Generator, trade: str, region: str) -> Customers:
        pool, b2b = SEGMENTS[_trade(trade)[3]]
        k = int(rng.integers(1, 4))
        sectors = sorted(rng.choice(pool, size=k, replace=False).tolist())
        share = float(np.clip(b2b + rng.normal(0, 0.12), 0, 1))
        sizes = sorted(
            rng.choice(
                ("micro", "small", "medium", "large"), size=int(rng.integers(1, 3)), replace=False
            ).tolist()
        )
        regions = [region] + ([region[:2]] if rng.random() < 0.3 else [])
        return Customers(
            sectors=sectors,
            types={"b2b": round(share, 2), "b2c": round(1 - share, 2), "b2g": 0.0},
            sizes=sizes,
            regions=regions,
            count=int(rng.integers(5, 300)),
        )

    def _random(
        self, cid: str, rng: np.random.Generator, trade: str | None = None
    ) -> CompanyVector:
        trade = trade or TRADE_KEYS[int(rng.integers(len(TRADE_KEYS)))]
        _, country, region, lat, lon = self._place(rng)
        langs = self._languages(rng, country)
        lang = langs[0] if rng.random() < 0.8 else langs[-1]
        offers = [
            offer_item(trade, lang, int(p), int(rng.integers(3)), int(rng.integers(2)))
            for p in rng.choice(3, size=int(rng.integers(1, 3)), replace=False)
        ]
        needs = []
        for k in range(int(rng.integers(0, 3))):
            wanted = COMPLEMENTS[trade]
            other = (
                wanted[int(rng.integers(len(wanted)))]
                if rng.random() < 0.7
                else TRADE_KEYS[int(rng.integers(len(TRADE_KEYS)))]
            )
            needs.append(need_item(other, lang, int(rng.integers(3)), int(rng.integers(3)), 1 + k))
        dims = rng.choice(DIMENSIONS, size=int(rng.integers(3, 7)), replace=False)
        goals = [
            Goal(str(g), 1 + k)
            for k, g in enumerate(rng.choice(GOALS, size=int(rng.integers(1, 3)), replace=False))
        ]
        if rng.random() < 0.1:
            target = "NL" if country != "NL" else "DE"
            goals.append(Goal("new_markets", 1, (target,)))
        forms = {"referral_partnership"} if rng.random() < 0.7 else set()
        forms |= set(rng.choice(FORMS, size=int(rng.integers(1, 3)), replace=False).tolist())
        roll = rng.random()
        visibility = "private" if roll < 0.02 else "anonymous" if roll < 0.07 else "network"
        return CompanyVector(
            id=cid,
            country=country,
            lat=float(lat),
            lon=float(lon),
            region=region,
            languages=langs,
            employees=int(np.clip(np.exp(rng.normal(2.3, 1.1)), 1, 5000)),
            nace=(_trade(trade)[1],),
            offers=offers,
            needs=needs,
            customers=self._customers(rng, trade, region),
            strengths={str(d): int(rng.integers(1, 6)) for d in dims},
            goals=goals,
            forms=sorted(forms),
            visibility=visibility,
        )

    # ------------------------------------------------------------------ planted groups

    def _probe_spec(self, j: int) -> dict:
        rng = self._rng(10_000_000 + j)
        trade = TRADE_KEYS[j % len(TRADE_KEYS)]
        wanted = COMPLEMENTS[trade][int(rng.integers(len(COMPLEMENTS[trade])))]
        city = int(rng.choice(len(CITIES), p=self._city_p))
        return {
            "trade": trade,
            "wanted": wanted,
            "city": city,
            "phrase": int(rng.integers(3)),
            "wanted_phrase": int(rng.integers(3)),
            "employees": int(np.clip(np.exp(rng.normal(2.3, 0.8)), 2, 500)),
            "cross_lingual": j % 3 == 0,
        }

    def _planted(self, j: int, role: int) -> CompanyVector:
        spec = self._probe_spec(j)
        rng = self._rng(20_000_000 + j * self.GROUP + role)
        probe_rng = self._rng(30_000_000 + j)
        _, country, region, lat, lon = self._place(probe_rng, spec["city"], 0.05)
        lang = COUNTRY_LANGS[country]
        customers = self._customers(probe_rng, spec["trade"], region)
        probe_strengths = {str(d): int(probe_rng.integers(1, 6)) for d in DIMENSIONS[:6]}
        base = dict(
            country=country, region=region, customers=customers,
            nace=(_trade(spec["trade"])[1],), goals=[Goal("referral_business", 1)],
            forms=["referral_partnership", "marketing_alliance"],
        )  # fmt: skip
        near = (float(lat + rng.normal(0, 0.04)), float(lon + rng.normal(0, 0.04)))
        size = int(max(1, spec["employees"] * rng.uniform(0.8, 1.25)))
        own_offer = offer_item(spec["trade"], lang, spec["phrase"], 0, 0)
        need = need_item(spec["wanted"], lang, spec["wanted_phrase"], 1, 1)
        if role == 0:  # the probe
            return CompanyVector(
                id=f"probe-{j}", lat=float(lat), lon=float(lon), languages=[lang, "en"],
                employees=spec["employees"], offers=[own_offer], needs=[need],
                strengths=probe_strengths, **base,
            )  # fmt: skip
        other_lang = {"de": "nl", "nl": "de"}[lang] if spec["cross_lingual"] else lang
        if role == 1:  # the partner: covers the need, needs what the probe offers
            mirrored = {d: 6 - v for d, v in probe_strengths.items()}
            return CompanyVector(
                id=f"partner-{j}", lat=near[0], lon=near[1], languages=[other_lang, lang],
                employees=size,
                offers=[offer_item(spec["wanted"], other_lang, spec["wanted_phrase"], 1, 1)],
                needs=[need_item(spec["trade"], other_lang, spec["phrase"], 0, 1)],
                strengths=mirrored,
                **{**base, "nace": (_trade(spec["wanted"])[1],)},
            )  # fmt: skip
        if role in (2, 3, 4):  # competitors: the probe's own trade, same customers, nearby
            return CompanyVector(
                id=f"competitor-{j}-{role - 2}", lat=near[0], lon=near[1], languages=[lang, "en"],
                employees=size,
                offers=[offer_item(spec["trade"], lang, (spec["phrase"] + role) % 3, 2, 0)],
                needs=[need_item(spec["wanted"], lang, int(rng.integers(3)), 2, 1)],
                strengths={d: int(rng.integers(1, 6)) for d in probe_strengths},
                **base,
            )  # fmt: skip
        # Distractors offer the wanted trade but fail elsewhere.
        offer = offer_item(spec["wanted"], lang, spec["wanted_phrase"], 2, 0)
        far_city = (spec["city"] + 11) % len(CITIES)
        _, f_country, f_region, f_lat, f_lon = self._place(rng, far_city)
        common = dict(
            offers=[offer], nace=(_trade(spec["wanted"])[1],), needs=[],
            customers=Customers(sectors=("Q",), types={"b2b": 0.0, "b2c": 1.0, "b2g": 0.0},
                                sizes=("large",), regions=(f_region,)),
        )  # fmt: skip
        if role == 5:  # far away, other customers, huge
            return CompanyVector(
                id=f"distractor-{j}-0", country=f_country, region=f_region, lat=float(f_lat),
                lon=float(f_lon), languages=[COUNTRY_LANGS[f_country]], employees=3000,
                forms=["franchise"], **common,
            )  # fmt: skip
        if role == 6:  # nearby but no shared language
            return CompanyVector(
                id=f"distractor-{j}-1", country=country, region=region, lat=near[0], lon=near[1],
                languages=["fr"], employees=size, forms=["distribution"], **common,
            )  # fmt: skip
        return CompanyVector(  # a perfect fit, but private: must never be suggested
            id=f"distractor-{j}-2", country=country, region=region, lat=near[0], lon=near[1],
            languages=[lang], employees=size, visibility="private",
            **{**common, "customers": customers, "needs": [need_item(spec["trade"], lang, 0, 0, 1)]},  # noqa: E501
        )  # fmt: skip
