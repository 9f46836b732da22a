"""Seed the demo: the cross-border programme, a second network, the companies and demo logins.

Everything is written through the apps' service functions, in one transaction, so that the demo
exercises the same validation as real use and a failed seed leaves nothing half-written.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import transaction

from verbund.accounts.models import User
from verbund.accounts.services import user_create
from verbund.activities.demo import seed_partnership_work
from verbund.companies.models import Company
from verbund.companies.profile import record_from_profile
from verbund.companies.services import (
    company_create,
    company_list_in_network,
    company_member_set,
    profile_apply,
)
from verbund.demo.groups import seed_groups
from verbund.demo.places import TOWNS
from verbund.demo.profiles import DEFAULT_COUNT, DEFAULT_SEED, generate_profiles
from verbund.tenancy.models import Network
from verbund.tenancy.services import membership_set, network_create

# Printed by `verbund seed-demo` and in the README: a demo database is not a place for secrets.
DEMO_PASSWORD = "verbund-demo"  # noqa: S105
DEMO_DOMAIN = "demo.verbund.example"

PROGRAMME_SLUG = "grenzenlos"
PROGRAMME_SHORT = "Grenzenlos Partner"
PROGRAMME_NAME = f"{PROGRAMME_SHORT} – Münsterland · Osnabrück · Twente · Achterhoek"
PROGRAMME_DESCRIPTION = (
    "Grenzüberschreitendes Partnerschaftsprogramm für kleine und mittlere Unternehmen aus dem "
    "Münsterland, dem Osnabrücker Land, Twente und der Achterhoek: Partner finden, Pilot-"
    "partnerschaften begleiten, Erfolge messen.\n\n"
    "Grensoverschrijdend partnerschapsprogramma voor het MKB uit het Münsterland, Osnabrück, "
    "Twente en de Achterhoek: partners vinden, pilots begeleiden, resultaten meten."
)
ASSOCIATION_SLUG = "unternehmerverband-osnabrueck"
ASSOCIATION_SHORT = "Unternehmerverband"
ASSOCIATION_NAME = f"{ASSOCIATION_SHORT} Osnabrücker Land"
ASSOCIATION_DESCRIPTION = (
    "Regionaler Unternehmerverband für Handwerk, Industrie und Dienstleistung in Stadt und "
    "Landkreis Osnabrück."
)
ASSOCIATION_SIZE = 15  # Osnabrück companies also listed in the association


class DemoLogin(NamedTuple):
    email: str
    password: str
    role: str  # who this is and what they can see


@dataclass(frozen=True)
class DemoSummary:
    created: bool
    network: str = ""  # the programme's name
    networks: dict[str, int] = field(default_factory=dict)  # network name -> companies listed
    counts: dict[str, int] = field(default_factory=dict)
    logins: list[DemoLogin] = field(default_factory=list)


class DemoAlreadySeeded(RuntimeError):
    """The demo network or one of the demo people already exists."""


def _email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def seed_demo(
    *, if_empty: bool = False, seed: int = DEFAULT_SEED, count: int = DEFAULT_COUNT
) -> DemoSummary:
    """Create the demo networks, companies and logins; with ``if_empty`` only on an empty DB."""
    if if_empty and Network.objects.exists():
        return DemoSummary(created=False)
    if Network.objects.filter(slug__in=[PROGRAMME_SLUG, ASSOCIATION_SLUG]).exists() or (
        User.objects.filter(email__endswith="@" + DEMO_DOMAIN).exists()
    ):
        raise DemoAlreadySeeded(
            "The demo is already seeded. Start from an empty database to seed it again."
        )
    profiles = generate_profiles(seed=seed, count=count)
    with transaction.atomic():
        return _seed(profiles, seed)


def _seed(profiles: list[dict], seed: int) -> DemoSummary:
    programme = network_create(
        name=PROGRAMME_NAME,
        kind=Network.Kind.PROGRAMME,
        slug=PROGRAMME_SLUG,
        description=PROGRAMME_DESCRIPTION,
        languages=["de", "nl"],
        countries=["DE", "NL"],
    )
    association = network_create(
        name=ASSOCIATION_NAME,
        kind=Network.Kind.ASSOCIATION,
        slug=ASSOCIATION_SLUG,
        description=ASSOCIATION_DESCRIPTION,
        languages=["de"],
        countries=["DE"],
    )

    personas = _pick_persona_companies(profiles)
    _vary_completeness(profiles, personas, seed)
    companies: dict[str, Company] = {}
    for profile in profiles:
        company = company_create(
            name=profile["name"],
            country=profile["country"],
            network=programme,
            external_id=profile["external_id"],
        )
        companies[profile["external_id"]] = profile_apply(
            company=company, record=record_from_profile(profile)
        )
    listed = _association_members(profiles, personas["both_osnabrueck"], seed)
    for profile in listed:
        company_list_in_network(
            company=companies[profile["external_id"]],
            network=association,
            external_id=profile["external_id"],
        )

    def company(key: str) -> Company:
        return companies[personas[key]["external_id"]]

    logins = _create_people(programme, association, company)
    from verbund.demo.partnerships import seed_partnerships

    partnership_counts = seed_partnerships(
        programme, list(companies.values()), company("german"), company("dutch")
    )
    logins += _seed_groups(programme, companies, {company(key).pk for key in personas}, seed)
    # Partnerships being run: referrals, activities, costs, contacts (verbund.activities.demo).
    before = set(programme.partnerships.values_list("pk", flat=True))
    seed_partnership_work(programme, company)
    # ... and their health: the early warnings of the one-way, empty, overdue and unsettled ones.
    from verbund.health.demo import seed_health

    seed_health(
        programme,
        programme.partnerships.exclude(pk__in=before).prefetch_related("parties__company"),
        company("german"),
        company("dutch"),
    )
    # Both demo modules add partnerships: the summary counts all of them.
    partnership_counts["partnerships"] = programme.partnerships.count()
    # The referral groups add their members' own firms to the generated profiles: count what is
    # listed, not what was generated.
    in_programme = Company.objects.filter(listings__network=programme)
    return DemoSummary(
        created=True,
        network=programme.name,
        networks={programme.name: in_programme.count(), association.name: len(listed)},
        counts={
            "networks": 2,
            "companies": in_programme.count(),
            "companies_de": in_programme.filter(country="DE").count(),
            "companies_nl": in_programme.filter(country="NL").count(),
            "anonymous": sum(p["visibility"] == "anonymous" for p in profiles),
            "private": sum(p["visibility"] == "private" for p in profiles),
            "listed_in_association": len(listed),
            "logins": len(logins),
            **partnership_counts,
        },
        logins=logins,
    )


_SPONSORS = {
    "DE": ["Petra Schulte", "Markus Hölscher", "Anja Terbrack", "Stefan Wessels", "Claudia Rüter"],
    "NL": ["Erik Oude Luttikhuis", "Anouk Nijhuis", "Bart Wolters", "Ilse ten Brinke", "Joost Bos"],
}
_CONTACTS = {
    "DE": ["Lena Brüggemann", "Tobias Eing", "Sarah Kemper", "Jonas Bröker", "Miriam Tenhagen"],
    "NL": [
        "Femke Kuipers",
        "Daan Hofstede",
        "Sanne Roelofs",
        "Thijs Klein Gunnewiek",
        "Lotte Bril",
    ],
}
# Sections a partly finished stock-taking typically still lacks.
_LATER_SECTIONS = ("strengths", "readiness", "goals", "forms", "customers", "needs")


def _vary_completeness(profiles: list[dict], personas: dict[str, dict], seed: int) -> None:
    """Most demo companies finished their stock-taking; about one in eight is still under way,
    and so is the German demo owner's, so that the completeness meter has something to show."""
    rng = random.Random(seed + 1)
    keep_complete = {p["external_id"] for key, p in personas.items() if key != "german"}
    for profile in profiles:
        country = profile["country"]
        profile["readiness"] = {
            "hours_per_month": rng.choice([4, 6, 8, 10, 16]),
            "sponsor": rng.choice(_SPONSORS[country]),
            "contact": rng.choice(_CONTACTS[country]),
        }
        if profile["external_id"] in keep_complete:
            continue
        if profile["external_id"] == personas["german"]["external_id"]:
            for key in ("strengths", "readiness", "goals"):
                profile.pop(key, None)
        elif rng.random() < 0.12:
            for key in rng.sample(_LATER_SECTIONS, k=rng.randint(1, 4)):
                profile.pop(key, None)


_AREA_OF_CITY = {(t.country, t.city): t.area for t in TOWNS}


def _area(profile: dict) -> str:
    return _AREA_OF_CITY[(profile["country"], profile["city"])]


def _first(profiles: list[dict], prefixes: tuple[str, ...], areas: tuple[str, ...]) -> dict:
    """The first visible company (by external id) of the preferred archetypes and areas."""
    candidates = sorted(
        (p for p in profiles if p["visibility"] == "network" and _area(p) in areas),
        key=lambda p: p["external_id"],
    )
    for prefix in prefixes:
        for profile in candidates:
            if profile["external_id"].startswith(prefix):
                return profile
    if not candidates:
        raise ValueError(f"no visible demo company in {areas}")
    return candidates[0]


def _pick_persona_companies(profiles: list[dict]) -> dict[str, dict]:
    # A Münsterland machine builder and a Twente automation firm: the builder needs control
    # software, the automation firm needs machine builders — the demo's showcase match.
    return {
        "german": _first(
            profiles, ("de-machine-building-", "de-cnc-machining-"), ("muensterland",)
        ),
        "dutch": _first(profiles, ("nl-automation-", "nl-switchgear-"), ("twente", "achterhoek")),
        # The owner of two companies: one in Osnabrück (also in the association), one in the
        # Münsterland (programme only), so that switching networks changes what they see.
        "both_osnabrueck": _first(profiles, ("de-it-services-", "de-software-"), ("osnabrueck",)),
        "both_muensterland": _first(
            profiles, ("de-software-", "de-advertising-"), ("muensterland",)
        ),
    }


def _association_members(profiles: list[dict], required: dict, seed: int) -> list[dict]:
    """About fifteen Osnabrück companies, always including the two-network owner's company."""
    pool = sorted(
        (p for p in profiles if _area(p) == "osnabrueck" and p is not required),
        key=lambda p: p["external_id"],
    )
    rng = random.Random(seed)
    chosen = rng.sample(pool, k=min(ASSOCIATION_SIZE - 1, len(pool)))
    return sorted([required, *chosen], key=lambda p: p["external_id"])


def _create_people(
    programme: Network, association: Network, company: Callable[[str], Company]
) -> list[DemoLogin]:
    def person(local: str, first: str, last: str, language: str = "de") -> User:
        return user_create(
            email=_email(local),
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            language=language,
        )

    coordinator = person("koordination", "Katrin", "Vorholt")
    membership_set(user=coordinator, network=programme, role="coordinator")

    coordinator_nl = person("coordinatie", "Marloes", "Oude Wesselink", language="nl")
    membership_set(user=coordinator_nl, network=programme, role="coordinator")

    owner = person("inhaber", "Thomas", "Brüning")
    membership_set(user=owner, network=programme, role="member")
    company_member_set(user=owner, company=company("german"), role="owner")

    staff = person("mitarbeiterin", "Julia", "Wenker")
    membership_set(user=staff, network=programme, role="member")
    company_member_set(user=staff, company=company("german"), role="staff")

    owner_nl = person("eigenaar", "Ruud", "Kamphuis", language="nl")
    membership_set(user=owner_nl, network=programme, role="member")
    company_member_set(user=owner_nl, company=company("dutch"), role="owner")

    association_coordinator = person("verband", "Birgit", "Sandkühler")
    membership_set(user=association_coordinator, network=association, role="coordinator")

    both = person("beide", "Martin", "Kösters")
    membership_set(user=both, network=programme, role="member")
    membership_set(user=both, network=association, role="member")
    company_member_set(user=both, company=company("both_osnabrueck"), role="owner")
    company_member_set(user=both, company=company("both_muensterland"), role="owner")

    # The accounts app's own manager: a superuser is not a domain row any service creates.
    User.objects.create_superuser(email=_email("admin"), password=DEMO_PASSWORD)

    # Short names keep the login table of `verbund seed-demo` readable.
    p, a = PROGRAMME_SHORT, ASSOCIATION_SHORT
    return [
        DemoLogin(coordinator.email, DEMO_PASSWORD,
                  f"Koordinatorin (de) of {p}: every company of the programme, mediates "
                  "anonymous contacts"),
        DemoLogin(coordinator_nl.email, DEMO_PASSWORD,
                  f"Coördinator (nl) of {p}: same view as the German coordinator, in Dutch"),
        DemoLogin(owner.email, DEMO_PASSWORD,
                  f"Owner of {company('german').name} ({company('german').city}), member of "
                  f"{p}: own profile, the programme's visible companies"),
        DemoLogin(staff.email, DEMO_PASSWORD,
                  f"Staff at {company('german').name}: reads the company and the programme; "
                  "cannot edit the profile"),
        DemoLogin(owner_nl.email, DEMO_PASSWORD,
                  f"Eigenaar (nl) of {company('dutch').name} ({company('dutch').city}), member "
                  f"of {p}"),
        DemoLogin(association_coordinator.email, DEMO_PASSWORD,
                  f"Coordinator of {a} only: sees the association's companies, nothing of "
                  "the programme (the 'other network')"),
        DemoLogin(both.email, DEMO_PASSWORD,
                  f"Owner of {company('both_osnabrueck').name} and "
                  f"{company('both_muensterland').name}, member of both networks: "
                  "demonstrates the network/company switcher"),
        DemoLogin(_email("admin"), DEMO_PASSWORD, "Django superuser: /admin/, no network role"),
    ]  # fmt: skip


def _seed_groups(
    programme: Network, companies: dict[str, Company], used: set[int], seed: int
) -> list[DemoLogin]:
    """Two referral groups in the programme (verbund/demo/groups.py), from visible companies
    that no demo login acts for."""
    free = [c for c in companies.values() if c.visibility == "network" and c.pk not in used]
    seeded = seed_groups(
        network=programme, companies=free, email=_email, password=DEMO_PASSWORD, seed=seed
    )
    german = seeded.groups[0].name
    return [
        DemoLogin(seeded.member.email, DEMO_PASSWORD,
                  f"Member of the referral group {german}: passes slips on the phone, sees the "
                  "group's report (the planted taker is the estate agent)"),
        DemoLogin(seeded.secretary.email, DEMO_PASSWORD,
                  f"Secretary of {german}: records attendance and visitors, sets thresholds"),
    ]  # fmt: skip
