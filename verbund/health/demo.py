"""Health for the demo, called from ``verbund.demo.seed`` after the partnerships are run
(``verbund.activities.demo``, where they started months ago): the few rows each pattern needs to
be a real pattern are recorded through the services, and health is computed for the network, so
the demo shows its early warnings with evidence:

- the one-way street (german → a third company): eleven referrals given over three months, none
  back, and every meeting since the kick-off called by german — ``one_way_street`` (a partner
  that never referred back is judged on how many it received, 0.5 ** 11, times the chance of its
  run of ten meetings without calling one, about 1.1 %: below the rule's 0.001 %); the two oldest
  unanswered for six weeks — ``unanswered_referral``;
- the empty partnership (dutch ↔ a fourth company): started five months ago, nothing since —
  ``empty_partnership``;
- the marketing alliance: a trade-fair cost from four months ago never settled —
  ``unsettled_costs``;
- the balanced partnership stays free of warnings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.utils import timezone

from verbund.activities import services as activities
from verbund.companies.models import Company, CompanyMember
from verbund.health.services import RecomputeSummary, health_history, health_recompute
from verbund.partnerships.models import Partnership
from verbund.tenancy.models import Network

CLIENTS = (
    ("Bernd Rottmann", "Rottmann Fördertechnik", "b.rottmann@rottmann.example",
     "Steuerung für eine Förderstrecke"),
    ("Marieke Scholten", "Scholten Zuivel", "m.scholten@scholten.example",
     "Umbau einer Abfüllanlage"),
    ("Joost Lammers", "Lammers Kozijnen", "j.lammers@lammers.example", "Wartungsvertrag"),
    ("Petra Hülsmann", "Hülsmann Bäckereien", "p.huelsmann@huelsmann.example",
     "Schaltschrank für eine Backstraße"),
    ("Daan Wolters", "Wolters Logistiek", "d.wolters@wolters.example", "Torsteuerung"),
    ("Frank Terhorst", "Terhorst Holz", "f.terhorst@terhorst.example", "Absauganlage"),
)  # fmt: skip


def _ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def _owner(company: Company):
    member = CompanyMember.objects.filter(company=company).select_related("user").first()
    return member.user if member else None


def seed_health(
    network: Network, partnerships: Iterable[Partnership], german: Company, dutch: Company
) -> RecomputeSummary:
    """Add what each pattern of the running demo partnerships needs, compute health."""
    for partnership in partnerships:
        companies = {party.company_id: party.company for party in partnership.parties.all()}
        if partnership.form == "marketing_alliance":
            payer = companies[german.pk]
            activities.cost_item_create(
                partnership=partnership, company=payer, user=_owner(payer), paid_by=payer,
                amount=Decimal("1800.00"), spent_on=timezone.localdate() - dt.timedelta(days=120),
                description="Messebeteiligung Frühjahr", quiet=True,
            )  # fmt: skip
        elif partnership.form == "referral_partnership" and dutch.pk not in companies:
            receiver = next(c for pk, c in companies.items() if pk != german.pk)
            # The partner hosted the kick-off; since then german has called every meeting.
            for days, host in ((98, receiver), *((d, german) for d in range(92, 0, -10))):
                activities.activity_create(
                    partnership=partnership, company=host, user=_owner(host),
                    kind="working_meeting", title="Abstimmung", starts_at=_ago(days),
                    participants=list(companies.values()), quiet=True,
                )  # fmt: skip
            for days, (name, company, email, need) in zip(
                (90, 80, 70, 60, 52, 45), CLIENTS, strict=True
            ):
                activities.referral_give(
                    partnership=partnership, referrer=german, user=_owner(german),
                    receiver=receiver, client_name=name, client_company=company,
                    client_email=email, consent=True, need=need, created_at=_ago(days),
                )  # fmt: skip
    # Half a year of weekly snapshots, so the charts show how each partnership got where it is.
    health_history(network=network, days=182)
    return health_recompute(network=network)
