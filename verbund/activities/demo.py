"""Demo data for running partnerships, called from ``verbund.demo.seed``: a balanced referral
partnership, a one-way street, an empty partnership, overdue referrals, and a marketing alliance
with unsettled costs and shared contacts. Everything goes through the services, like real use.

Which partnership shows what (the demo logins act for the "german" and "dutch" companies):
- german ↔ dutch: agreed, referrals both ways (some won), meetings and a campaign, costs settled
  once and then unsettled again — a healthy, two-way partnership;
- german → a third company: five referrals given, none received, three of them overdue — the
  one-way street the health model must flag;
- dutch ↔ a fourth company: exploring, nothing recorded — the empty partnership;
- german, dutch and the Münsterland company of the two-company owner: a marketing alliance with
  three costs paid by different partners (unsettled) and contact lists with an overlap.

The partnerships start months ago, each step on its day (``verbund.demo.clock``), so that their
history, agreement start and health read like real ones. ``verbund.health.demo`` then adds what
the early warnings need: two older unanswered referrals on the one-way street and an old
unsettled cost in the alliance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from django.utils import timezone

from verbund.activities import selectors, services
from verbund.activities.services import ContactRow
from verbund.companies.models import Company, CompanyMember
from verbund.demo.clock import days_ago
from verbund.demo.partnerships import review_round
from verbund.health.sources import MONEY_KPIS
from verbund.partnerships import services as partnership_services
from verbund.partnerships.models import Partnership, Stage
from verbund.referrals import services as referral_services
from verbund.tenancy.models import Network

CLIENTS = [
    (
        "Hendrik Lammers",
        "Lammers Verpakkingen",
        "h.lammers@lammers.example",
        "Steuerung für eine Kartoniermaschine",
    ),
    (
        "Sabine Overbeck",
        "Overbeck Landtechnik",
        "s.overbeck@overbeck.example",
        "Sondermaschine für die Montage",
    ),
    ("Gert Nijland", "Nijland Food", "g.nijland@nijland.example", "Retrofit einer Abfülllinie"),
    (
        "Ute Schmeing",
        "Schmeing Holzbau",
        "u.schmeing@schmeing.example",
        "Automatisierte Zuschnittanlage",
    ),
    (
        "Wim Hulshof",
        "Hulshof Kunststoffen",
        "w.hulshof@hulshof.example",
        "Roboterzelle zum Entgraten",
    ),
    (
        "Karin Bölling",
        "Bölling Metall",
        "k.boelling@boelling.example",
        "Schaltschrankbau in Kleinserie",
    ),
]


def _owner(company: Company):
    member = CompanyMember.objects.filter(company=company).select_related("user").first()
    return member.user if member else None


def _ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def _give(partnership, referrer, receiver, user, client, days_ago: int, value: int):
    name, company, email, need = client
    return services.referral_give(
        partnership=partnership,
        referrer=referrer,
        user=user,
        receiver=receiver,
        client_name=name,
        client_company=company,
        client_email=email,
        consent=True,
        need=need,
        estimated_value=Decimal(value),
        created_at=_ago(days_ago),
    )


def _agree(partnership: Partnership, companies: list[Company], confirmed: int) -> None:
    """Drafted two days before all confirm it ``confirmed`` days ago, the day it starts: its KPIs
    count from then."""
    terms = partnership_services.initial_terms(partnership)
    terms["scope"] = "Gegenseitige Empfehlungen und gemeinsame Messeauftritte im Grenzgebiet."
    terms["start"] = timezone.localdate(_ago(confirmed)).isoformat()
    for row in terms["kpis"]:
        # Six referrals a quarter; a revenue KPI in euros (6 would be six euros).
        row["target"] = "15000" if row.get("key") in MONEY_KPIS else "6"
    with days_ago(confirmed + 2):
        version = partnership_services.agreement_draft(
            partnership=partnership, terms=terms, user=_owner(companies[0]), company=companies[0]
        )
    with days_ago(confirmed):
        for company in companies:
            partnership_services.agreement_confirm(
                version=version, user=_owner(company), company=company
            )


def seed_partnership_work(network: Network, company: Callable[[str], Company]) -> dict[str, int]:
    german, dutch, muenster = company("german"), company("dutch"), company("both_muensterland")
    german_user, dutch_user = _owner(german), _owner(dutch)
    others = list(
        Company.objects.filter(listings__network=network, members__isnull=True)
        .exclude(pk__in=[german.pk, dutch.pk, muenster.pk])
        .order_by("pk")[:2]
    )

    def create(companies, form, stage, started: int, moved: tuple[str, int] | None = None):
        """Set up by the coordination ``started`` days ago; ``moved`` on to a stage later."""
        with days_ago(started):
            partnership = partnership_services.partnership_create(
                network=network,
                companies=companies,
                form=form,
                origin=Partnership.Origin.COORDINATOR,
                stage=stage,
            )
        if moved is not None:
            to_stage, when = moved
            with days_ago(when):
                partnership_services.partnership_move(
                    partnership=partnership,
                    to_stage=to_stage,
                    user=_owner(companies[0]),
                    company=companies[0],
                )
        return partnership

    balanced = create([german, dutch], "referral_partnership", Stage.PILOT, 130)
    _agree(balanced, [german, dutch], confirmed=126)
    with days_ago(34):  # the first quarterly review, on time
        review_round(balanced, dutch, german)
    for n, client in enumerate(CLIENTS[:3]):
        forward = _give(balanced, german, dutch, german_user, client, 120 - 30 * n, 8000 + n * 1500)
        backward = _give(balanced, dutch, german, dutch_user, CLIENTS[3 + n], 110 - 30 * n, 6000)
        for referral, mover in ((forward, dutch_user), (backward, german_user)):
            referral_services.referral_set_status(
                referral=referral,
                user=mover,
                status="contacted",
                at=referral.created_at + dt.timedelta(days=2),
            )
            if n < 2:
                referral_services.referral_set_status(
                    referral=referral,
                    user=mover,
                    status="won",
                    closed_value=Decimal(7000 + 1000 * n),
                    at=referral.created_at + dt.timedelta(days=20),
                )
    meeting_kinds = ("management_meeting", "working_meeting", "working_meeting")
    for n, kind in enumerate(meeting_kinds):
        services.activity_create(
            partnership=balanced,
            company=german if n % 2 else dutch,
            user=german_user if n % 2 else dutch_user,
            kind=kind,
            title=["Jahresgespräch der Geschäftsführung", "Projektabstimmung", "Technik-Workshop"][
                n
            ],
            starts_at=_ago(100 - 35 * n),
            duration_minutes=90,
            location="Enschede" if n % 2 else "Münster",
            participants=[german, dutch],
            quiet=True,
        )
    fair = services.activity_create(
        partnership=balanced,
        company=german,
        user=german_user,
        kind="trade_fair",
        title="Gemeinschaftsstand Hannover Messe",
        starts_at=_ago(60),
        duration_minutes=480,
        participants=[german, dutch],
        leads=14,
        projects_won=1,
        revenue_sourced=Decimal("18000"),
        revenue_influenced=Decimal("9000"),
        quiet=True,
    )
    for payer, user, amount, text in (
        (german, german_user, "2400.00", "Standmiete"),
        (dutch, dutch_user, "860.00", "Standbau und Grafik"),
    ):
        services.cost_item_create(
            partnership=balanced,
            company=payer,
            user=user,
            paid_by=payer,
            amount=Decimal(amount),
            spent_on=(timezone.localdate() - dt.timedelta(days=65)),
            description=text,
            activity=fair,
            quiet=True,
        )
    services.settlement_proposal_record(
        partnership=balanced,
        company=dutch,
        user=dutch_user,
        transfers=selectors.ledger_view(balanced).transfers,
    )
    services.cost_item_create(
        partnership=balanced,
        company=dutch,
        user=dutch_user,
        paid_by=dutch,
        amount=Decimal("320.00"),
        spent_on=timezone.localdate() - dt.timedelta(days=10),
        description="Anzeige im Branchenblatt",
        quiet=True,
    )

    counts = {"partnerships_with_work": 1}
    if others:
        one_way = create([german, others[0]], "referral_partnership", Stage.EXPLORING, 100)
        for n, client in enumerate(CLIENTS[:5]):
            # Three of them were never answered: overdue after the network's answer time.
            _give(
                one_way,
                german,
                others[0],
                german_user,
                client,
                (30, 20, 12, 3, 1)[n],
                3000 + 500 * n,
            )
        counts["partnerships_with_work"] += 1
    if len(others) > 1:
        create([dutch, others[1]], "trusted_advisory", Stage.CONTACTED, 160, (Stage.EXPLORING, 60))
        counts["empty_partnerships"] = 1

    alliance = create(
        [german, dutch, muenster], "marketing_alliance", Stage.EXPLORING, 150, (Stage.PILOT, 140)
    )
    campaign = services.activity_create(
        partnership=alliance,
        company=german,
        user=german_user,
        kind="mailing",
        title="Herbstmailing an Lebensmittelhersteller",
        starts_at=_ago(20),
        participants=[german, dutch, muenster],
        leads=6,
        quiet=True,
    )
    muenster_user = _owner(muenster)
    for payer, user, amount, text in (
        (german, german_user, "1350.00", "Druck und Porto"),
        (dutch, dutch_user, "420.00", "Adressrecherche"),
        (muenster, muenster_user, "275.50", "Gestaltung"),
    ):
        services.cost_item_create(
            partnership=alliance,
            company=payer,
            user=user,
            paid_by=payer,
            amount=Decimal(amount),
            spent_on=timezone.localdate() - dt.timedelta(days=25),
            description=text,
            activity=campaign,
            quiet=True,
        )
    given_on = timezone.localdate() - dt.timedelta(days=200)
    contact_lists = {
        german: [("Hendrik Lammers", "Lammers Verpakkingen", "h.lammers@lammers.example", True)]
        + [
            (f"Kontakt {n}", f"Firma {n} GmbH", f"kontakt{n}@firma{n}.example", n % 3 == 0)
            for n in range(12)
        ],
        dutch: [("H. Lammers", "Lammers Verpakkingen B.V.", "H.Lammers@lammers.example", False)]
        + [
            (f"Contact {n}", f"Bedrijf {n} BV", f"contact{n}@bedrijf{n}.example", n % 4 == 0)
            for n in range(8)
        ],
    }
    for owner, contacts in contact_lists.items():
        services.contacts_replace(
            partnership=alliance,
            company=owner,
            user=_owner(owner),
            rows=[
                ContactRow(
                    email=email,
                    name=name,
                    company_name=firm,
                    consent_source="Messe-Formular"
                    if owner == german
                    else "Nieuwsbrief-inschrijving",
                    consent_given_on=given_on,
                    consent_purposes=["newsletter", "event_invitation"]
                    if shared
                    else ["newsletter"],
                    consent_valid_until=None,
                    share_with_partners=shared,
                )
                for name, firm, email, shared in contacts
            ],
        )
    counts["partnerships_with_work"] += 1
    return counts
