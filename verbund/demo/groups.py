"""Demo referral groups: two groups of about 25 members with six months of weekly meetings,
slips, one-to-ones and visitors — and one planted taker, who receives a lot and gives nothing.

Seats and meetings go through the groups services (the same checks as real use). The six months
of past activity are written in bulk and without notifications: nobody should get hundreds of
emails about last spring's referrals, and the seed must stay fast.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from itertools import pairwise

from django.utils import timezone

from verbund.accounts.models import User
from verbund.accounts.services import user_create
from verbund.companies.models import Company
from verbund.companies.services import company_create, company_member_set
from verbund.groups import professions, services
from verbund.groups.models import Attendance, Group, Officer, OneToOne, Seat, Testimonial, Visitor
from verbund.referrals import flow
from verbund.referrals.models import Referral, ReferralStatusChange
from verbund.tenancy.models import Network
from verbund.tenancy.services import membership_set

# A seat's company does the seat's profession: a demo company whose first NACE code is one of
# these takes the seat; a profession no demo company does gets the member's own small firm
# (referral groups are people, many of them on their own), with the first code here.
PROFESSION_NACE = {
    "accountant": ("69.20",), "lawyer": ("69.10",), "notary": ("69.10",),
    "insurance": ("66.22",), "financial_advisor": ("66.19",), "bank": ("64.19",),
    "real_estate": ("68.31",), "architect": ("71.11",), "builder": ("41.20",),
    "electrician": ("43.21",), "plumber": ("43.22",), "painter": ("43.34",),
    "roofer": ("43.91",), "carpenter": ("43.32", "16.23"), "gardener": ("81.30",),
    "cleaning": ("81.21", "81.22"), "it_services": ("62.02", "62.09", "62.01"),
    "web_design": ("74.10",), "marketing": ("73.11", "70.21"), "photographer": ("74.20", "59.11"),
    "printing": ("18.12",), "coach": ("85.59",), "hr_consulting": ("78.10", "78.20"),
    "translation": ("74.30",), "travel": ("79.11",), "catering": ("56.21",),
    "car_dealer": ("45.11",), "physiotherapy": ("86.90",), "optician": ("47.78",),
    "florist": ("47.76",), "security": ("80.10",), "solar": ("35.11",),
    "event_management": ("82.30",), "logistics": ("49.41", "52.10", "52.29"),
}  # fmt: skip

GROUP_FIRM = "group-firm"  # in the external id of a member's own firm

WEEKS = 26  # six months of weekly meetings
UPCOMING = 4
SIZE = 25

GROUPS = [
    {
        "name": "Empfehlungsgruppe Münster Mitte",
        "description": "Unternehmerinnen und Unternehmer aus Münster empfehlen sich gegenseitig "
        "Kunden – eine Person pro Branche, jeden Mittwoch um 7 Uhr.",
        "weekday": 2,
        "location": "Hotel am Aasee, Münster",
        "city": "Münster",
        "country": "DE",
        # The planted taker: an estate agent who receives much and gives nothing.
        "taker": "real_estate",
    },
    {
        "name": "Ondernemerskring Twente",
        "description": "Ondernemers uit Twente die elkaar klanten aanbevelen – één lid per "
        "beroep, elke donderdag om 7.30 uur.",
        "weekday": 3,
        "location": "Grand Café De Kiepe, Enschede",
        "city": "Enschede",
        "country": "NL",
        "taker": None,
    },
]
FIRST_NAMES = {
    "DE": ["Anna", "Bernd", "Christina", "Dirk", "Eva", "Frank", "Gabi", "Heiko", "Ines", "Jörg",
           "Katja", "Lars", "Monika", "Nils", "Olga", "Peter", "Rita", "Sven", "Tanja", "Uwe",
           "Vera", "Werner", "Yvonne", "Zoe", "Holger"],
    "NL": ["Anke", "Bas", "Carlijn", "Dennis", "Esther", "Freek", "Greetje", "Hans", "Iris",
           "Jeroen", "Kim", "Luuk", "Marieke", "Niels", "Olga", "Pieter", "Rianne", "Sjoerd",
           "Tessa", "Udo", "Vera", "Wim", "Yara", "Zeger", "Henk"],
}  # fmt: skip
LAST_NAMES = {
    "DE": ["Ahlers", "Borgmann", "Coesfeld", "Düsing", "Everding", "Frieling", "Gausepohl",
           "Heitkamp", "Iding", "Janning", "Kortmann", "Lütke", "Mersmann", "Niehues", "Overmann",
           "Pötter", "Rengers", "Schründer", "Terhorst", "Uphoff", "Vennemann", "Wiewel",
           "Ypersiel", "Zumbusch", "Hölscher"],
    "NL": ["Assink", "Bruggink", "Dijkhuis", "Eshuis", "Geerdink", "Hofman", "Jansink",
           "Kampman", "Lansink", "Meijerink", "Nijhof", "Oude Booijink", "Pleijsier", "Reimink",
           "Scholten", "Tijhuis", "Velthuis", "Wessel", "Zwiers", "Brinkhuis", "Haverkate",
           "Kleinsman", "Morsink", "Rouwhorst", "Slot"],
}  # fmt: skip
NEEDS = {
    "DE": ["Neue Heizung für ein Einfamilienhaus", "Jahresabschluss für eine GmbH",
           "Webseite für einen Handwerksbetrieb", "Wohnung zum Verkauf", "Dach neu decken",
           "Büroreinigung für 400 m²", "Firmenfeier mit 80 Gästen", "Versicherung für Fuhrpark",
           "Fotos für den Katalog", "Beratung zur Nachfolge", "Garten neu anlegen",
           "IT-Umstellung auf Cloud"],
    "NL": ["Nieuwe cv-ketel voor een woonhuis", "Jaarrekening voor een bv",
           "Website voor een installatiebedrijf", "Woning te koop", "Dak vervangen",
           "Kantoorschoonmaak 400 m²", "Bedrijfsfeest met 80 gasten", "Verzekering wagenpark",
           "Foto's voor de catalogus", "Advies over bedrijfsopvolging", "Tuin opnieuw aanleggen",
           "IT-migratie naar de cloud"],
}  # fmt: skip
CLIENTS = {
    "DE": ["Familie Brockmann", "Herr Terbeck", "Frau Schulze Pellengahr", "Praxis Dr. Kötter",
           "Bäckerei Lammers", "Kanzlei Hüwe", "Autohaus Breuer", "Frau Wienker"],
    "NL": ["Familie Nijenhuis", "Dhr. Oosterveld", "Mevr. Ter Haar", "Huisartsenpraktijk Lok",
           "Bakkerij Wolters", "Advocatenkantoor Bos", "Garage Hulshof", "Mevr. Kroeze"],
}  # fmt: skip
STATES = [("present", 0.82), ("late", 0.05), ("absent", 0.04), ("medical", 0.03),
          ("substitute", 0.06)]  # fmt: skip
PATH = [flow.NEW, flow.CONTACTED, flow.MEETING, flow.OFFER]

MEMBER_EMAIL = "gruppenmitglied"
SECRETARY_EMAIL = "sekretariat"


@dataclass(frozen=True)
class GroupsSeeded:
    groups: list[Group]
    member: User  # a plain member of the German group (demo login)
    secretary: User  # the German group's secretary (demo login)
    taker: Seat
    counts: dict[str, int]


def seed_groups(
    *, network: Network, companies: list[Company], email, password: str, seed: int
) -> GroupsSeeded:
    """Two groups in ``network`` from ``companies`` (visible, nobody's yet): 25 seats each."""
    rng = random.Random(seed + 8)
    today = timezone.localdate()
    start = today - timedelta(weeks=WEEKS)
    pool = list(companies)
    rng.shuffle(pool)
    by_country = {c: [x for x in pool if x.country == c] for c in ("DE", "NL")}
    groups, counts = [], {"seats": 0, "meetings": 0, "referrals": 0, "one_to_ones": 0}
    member = secretary = taker = None
    for spec in GROUPS:
        country = spec["country"]
        group = services.group_create(
            network=network, name=spec["name"], description=spec["description"],
            weekday=spec["weekday"], location=spec["location"],
            meeting_time="07:00" if country == "DE" else "07:30",
        )  # fmt: skip
        categories = _categories(rng)
        seats = []
        for index, category in enumerate(categories):
            first, last = FIRST_NAMES[country][index], LAST_NAMES[country][index]
            login = None
            if country == "DE" and index == 0:
                login = SECRETARY_EMAIL
            elif country == "DE" and index == 1:
                login = MEMBER_EMAIL
            person = user_create(
                email=email(login or f"gruppe-{country.lower()}-{index + 1:02d}"),
                password=password if login else None,
                first_name=first, last_name=last, language=country.lower(),
            )  # fmt: skip
            company = _company_for(category, by_country[country], network, spec, last)
            membership_set(user=person, network=network, role="member")
            company_member_set(user=person, company=company, role="owner")
            seat = services.seat_create(
                group=group, user=person, company=company, category=category,
                joined_on=start - timedelta(days=rng.randint(30, 900)),
            )  # fmt: skip
            seats.append(seat)
            if login == SECRETARY_EMAIL:
                secretary = person
                services.officer_set(group=group, user=person, role=Officer.Role.SECRETARY)
            elif login == MEMBER_EMAIL:
                member = person
        services.officer_set(group=group, user=seats[2].user, role=Officer.Role.LEADER)
        services.officer_set(
            group=group, user=seats[3].user, role=Officer.Role.MEMBERSHIP_COMMITTEE
        )
        if country == "NL":
            services.officer_set(group=group, user=seats[0].user, role=Officer.Role.SECRETARY)
        planted = next((s for s in seats if s.category == spec["taker"]), None)
        if planted is not None:
            taker = planted
        meetings = services.meetings_schedule(group=group, start=start, count=WEEKS + UPCOMING)
        past = [m for m in meetings if m.starts_at.date() < today]
        counts["seats"] += len(seats)
        counts["meetings"] += len(meetings)
        _attendance(rng, past, seats, weak=seats[-1] if country == "NL" else None)
        counts["referrals"] += _referrals(rng, group, network, past, seats, planted, country)
        counts["one_to_ones"] += _one_to_ones(rng, group, past, seats, planted)
        _visitors_and_testimonials(rng, group, past, seats, country)
        groups.append(group)
    assert member and secretary and taker  # the spec above guarantees all three
    return GroupsSeeded(groups, member, secretary, taker, counts)


def _company_for(
    category: str, pool: list[Company], network: Network, spec: dict, surname: str
) -> Company:
    """A company of the pool doing the seat's profession, else the member's own firm."""
    codes = PROFESSION_NACE[category]
    fitting = next((c for c in pool if c.nace_codes and c.nace_codes[0] in codes), None)
    if fitting is not None:
        pool.remove(fitting)
        return fitting
    language = spec["country"].lower()
    return company_create(
        name=f"{professions.label(category, language)} {surname}",
        country=spec["country"],
        network=network,
        external_id=f"{language}-{GROUP_FIRM}-{category}",
        city=spec["city"],
        nace_codes=[codes[0]],
        employees=1,
        visibility=Company.Visibility.NETWORK,
    )


def _categories(rng: random.Random) -> list[str]:
    from verbund.groups import professions

    keys = [k for k in professions.category_keys() if k != "real_estate"]
    # The estate agent's seat is in every group; in the German one it is the taker's.
    return ["accountant", "electrician", *rng.sample([k for k in keys if k not in
            ("accountant", "electrician")], SIZE - 3), "real_estate"]  # fmt: skip


def _attendance(rng, meetings, seats, *, weak: Seat | None) -> None:
    states, weights = zip(*STATES, strict=True)
    rows = []
    for meeting in meetings:
        for seat in seats:
            if seat is weak and rng.random() < 0.45:
                state = "absent"
            else:
                state = rng.choices(states, weights)[0]
            rows.append(Attendance(
                meeting=meeting, seat=seat, state=state,
                substitute_name=rng.choice(["Jana Vos", "Tim Berg", "Lea Roth"])
                if state == "substitute" else "",
            ))  # fmt: skip
    Attendance.objects.bulk_create(rows)


def _referrals(rng, group, network, meetings, seats, taker, country) -> int:
    now = timezone.now()
    answer = timedelta(days=5)
    referrals: list[Referral] = []
    walks: list[list[str]] = []
    for meeting in meetings:
        for giver in seats:
            if giver is taker:
                # The taker gives once in six months.
                count = 1 if meeting is meetings[len(meetings) // 2] else 0
            else:
                # Members give steadily, so that only the planted taker stands out.
                count = rng.choices([0, 1, 2], [0.2, 0.7, 0.1])[0]
            for _i in range(count):
                others = [s for s in seats if s is not giver]
                weights = [7 if s is taker else 1 for s in others]
                receiver = rng.choices(others, weights)[0]
                created = meeting.starts_at + timedelta(minutes=rng.randint(30, 80))
                inside = rng.random() < 0.3
                client_seat = rng.choice([s for s in seats if s not in (giver, receiver)])
                referral = Referral(
                    network=network, group=group,
                    referrer_company=giver.company, referrer_user=giver.user,
                    receiver_company=receiver.company, receiver_user=receiver.user,
                    client_in_network=client_seat.company if inside else None,
                    client_name="" if inside else rng.choice(CLIENTS[country]),
                    client_phone="" if inside else _phone(rng, country),
                    consent_recorded_by=None if inside else giver.user,
                    consent_recorded_at=None if inside else created,
                    need=rng.choice(NEEDS[country]),
                    estimated_value=Decimal(rng.randrange(500, 25000, 250)),
                    created_by=giver.user, created_at=created, answer_due_at=created + answer,
                )  # fmt: skip
                walks.append(_walk(rng, now - created))
                referrals.append(referral)
    Referral.objects.bulk_create(referrals)
    changes = []
    for referral, walk in zip(referrals, walks, strict=True):
        at = referral.created_at
        for previous, status in pairwise(walk):
            at = at + timedelta(days=rng.randint(1, 9))
            at = min(at, now)
            changes.append(ReferralStatusChange(
                referral=referral, from_status=previous, to_status=status,
                changed_by=referral.receiver_user, changed_at=at,
            ))  # fmt: skip
            if previous == flow.NEW:
                referral.first_answer_at = at
            if status in flow.CLOSED:
                referral.closed_at = at
        referral.status = walk[-1]
        if referral.status == flow.WON:
            estimate = referral.estimated_value or Decimal("1000")
            referral.closed_value = (estimate * Decimal(rng.uniform(0.6, 1.3))).quantize(
                Decimal("1")
            )
    ReferralStatusChange.objects.bulk_create(changes)
    Referral.objects.bulk_update(
        referrals, ["status", "first_answer_at", "closed_at", "closed_value"]
    )
    return len(referrals)


def _phone(rng: random.Random, country: str) -> str:
    prefix = "+49 251" if country == "DE" else "+31 53"
    return f"{prefix} {rng.randint(100000, 999999)}"


def _walk(rng: random.Random, age: timedelta) -> list[str]:
    """A plausible path for a referral of this age: recent ones are still early in the flow
    (a few unanswered and overdue), older ones mostly closed."""
    if age < timedelta(days=3):
        return [flow.NEW]
    if age < timedelta(days=21):
        return PATH[: rng.choice([1, 2, 2, 3])] if rng.random() < 0.9 else [flow.NEW]
    outcome = rng.choices([flow.WON, flow.LOST, flow.NO_FIT, None], [0.4, 0.25, 0.1, 0.25])[0]
    if outcome is None:
        return PATH[: rng.randint(2, 4)]
    return [*PATH[: rng.randint(2, 4)], outcome]


def _one_to_ones(rng, group, meetings, seats, taker) -> int:
    rows = []
    for meeting in meetings:
        for _i in range(rng.randint(4, 8)):
            seat, other = rng.sample(seats, 2)
            if taker is not None and taker in (seat, other) and rng.random() < 0.8:
                continue  # the taker rarely makes time for one-to-ones
            rows.append(OneToOne(
                group=group, seat=seat, other=other, created_by=seat.user,
                met_on=meeting.starts_at.date() + timedelta(days=rng.randint(1, 5)),
            ))  # fmt: skip
    today = timezone.localdate()
    rows = [row for row in rows if row.met_on <= today]
    OneToOne.objects.bulk_create(rows)
    return len(rows)


def _visitors_and_testimonials(rng, group, meetings, seats, country) -> None:
    taken = {seat.category for seat in seats}
    from verbund.groups import professions

    free = [k for k in professions.category_keys() if k not in taken]
    visitors, testimonials = [], []
    for meeting in meetings:
        for _i in range(rng.choices([0, 1, 2], [0.5, 0.35, 0.15])[0]):
            host = rng.choice(seats)
            # Now and then a visitor from a profession the group already has: the conflict
            # the membership committee has to decide on.
            category = rng.choice(free) if rng.random() < 0.8 else rng.choice(sorted(taken))
            status = rng.choices(["visited", "applied", "accepted", "declined"],
                                 [0.6, 0.1, 0.15, 0.15])[0]  # fmt: skip
            if status == "accepted" and category in taken:
                status = "declined"
            visitors.append(Visitor(
                group=group, meeting=meeting, invited_by=host,
                name=f"{rng.choice(FIRST_NAMES[country])} {rng.choice(LAST_NAMES[country])}",
                category=category, status=status, visited_on=meeting.starts_at.date(),
                applied_at=meeting.starts_at if status != "visited" else None,
                decided_at=meeting.starts_at + timedelta(days=7)
                if status in ("accepted", "declined") else None,
                decision_note="Kategorie besetzt" if status == "declined" else "",
            ))  # fmt: skip
        if rng.random() < 0.6:
            author, about = rng.sample(seats, 2)
            testimonials.append(Testimonial(
                group=group, author=author, about=about, given_on=meeting.starts_at.date(),
                text="Zuverlässig, schnell und sehr freundlich – klare Empfehlung."
                if country == "DE" else "Betrouwbaar, snel en heel vriendelijk – een aanrader.",
            ))  # fmt: skip
    Visitor.objects.bulk_create(visitors)
    Testimonial.objects.bulk_create(testimonials)
