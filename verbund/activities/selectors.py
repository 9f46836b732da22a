"""Tenant-scoped reads of what a partnership records. Access to the partnership itself is decided
by ``partnerships.selectors.get_partnership_for`` (parties act, the network's coordination reads);
everything here is read for one partnership that has passed that gate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from verbund.activities import contacts as contact_rules
from verbund.activities import kinds, ledger
from verbund.activities.models import CostItem, JointActivity, Settlement, SharedContact
from verbund.companies.models import Company
from verbund.partnerships.models import Partnership
from verbund.referrals import flow
from verbund.referrals.models import Referral
from verbund.referrals.selectors import overdue_q, referral_queryset


def parties(partnership: Partnership) -> list[Company]:
    return [party.company for party in partnership.parties.all()]


# --- referrals ---------------------------------------------------------------------------------


def referrals_of(partnership: Partnership) -> QuerySet[Referral]:
    return referral_queryset().filter(partnership=partnership)


@dataclass(frozen=True)
class PartyReferrals:
    """One party's referrals in the partnership, both directions side by side."""

    company: Company
    given: int
    received: int
    open: int  # either way
    overdue: int  # received and not answered in time
    won_value_credited: Decimal  # business the party referred that was won
    won_value_received: Decimal  # business the party won through the others


def referral_summary(partnership: Partnership) -> list[PartyReferrals]:
    """Per party, in one query (grouped by direction)."""
    now = timezone.now()
    rows = (
        Referral.objects.filter(partnership=partnership)
        .values("referrer_company_id", "receiver_company_id")
        .annotate(
            count=Count("id"),
            open=Count("id", filter=Q(status__in=flow.OPEN_PATH)),
            overdue=Count("id", filter=overdue_q(now)),
            won=Sum("closed_value"),
        )
    )
    totals: dict[int, dict] = {}
    for company in parties(partnership):
        totals[company.pk] = {
            "company": company, "given": 0, "received": 0, "open": 0, "overdue": 0,
            "won_value_credited": Decimal(0), "won_value_received": Decimal(0),
        }  # fmt: skip
    for row in rows:
        won = row["won"] or Decimal(0)
        giver = totals.get(row["referrer_company_id"])
        taker = totals.get(row["receiver_company_id"])
        if giver:
            giver["given"] += row["count"]
            giver["open"] += row["open"]
            giver["won_value_credited"] += won
        if taker:
            taker["received"] += row["count"]
            taker["open"] += row["open"]
            taker["overdue"] += row["overdue"]
            taker["won_value_received"] += won
    return [PartyReferrals(**values) for values in totals.values()]


# --- activities --------------------------------------------------------------------------------


def activities_of(partnership: Partnership) -> QuerySet[JointActivity]:
    return (
        JointActivity.objects.filter(partnership=partnership)
        .select_related("initiator")
        .prefetch_related("participants")
    )


def meetings_of(partnership: Partnership) -> QuerySet[JointActivity]:
    return activities_of(partnership).filter(kind__in=kinds.MEETING_KINDS)


# --- costs -------------------------------------------------------------------------------------


def cost_items_of(partnership: Partnership) -> QuerySet[CostItem]:
    return CostItem.objects.filter(partnership=partnership).select_related("paid_by", "activity")


def settlements_of(partnership: Partnership) -> QuerySet[Settlement]:
    return Settlement.objects.filter(partnership=partnership).select_related("payer", "payee")


def ledger_of(partnership: Partnership) -> ledger.Ledger[int]:
    """The partnership's ledger keyed by company id, in two queries."""
    items = CostItem.objects.filter(partnership=partnership).values_list(
        "paid_by_id", "amount", "shares"
    )
    transfers = Settlement.objects.filter(partnership=partnership).values_list(
        "payer_id", "payee_id", "amount"
    )
    return ledger.Ledger(
        parties=[party.company_id for party in partnership.parties.all()],
        expenses=[
            ledger.Expense(
                paid_by=paid_by,
                amount=amount,
                shares={int(k): Decimal(v) for k, v in shares.items()},
            )
            for paid_by, amount, shares in items
        ],
        settlements=[ledger.Transfer(payer, payee, amount) for payer, payee, amount in transfers],
    )


@dataclass(frozen=True)
class LedgerView:
    balances: list[tuple[Company, Decimal]]  # positive: the others owe it
    proposal: list[tuple[Company, Company, Decimal]]
    transfers: list[ledger.Transfer[int]]
    total_spent: Decimal
    paid: dict[int, Decimal]

    @property
    def settled(self) -> bool:
        return not self.proposal


def ledger_view(partnership: Partnership) -> LedgerView:
    book = ledger_of(partnership)
    companies = {company.pk: company for company in parties(partnership)}
    balances = book.balances()
    transfers = ledger.settle(balances)
    paid: dict[int, Decimal] = {pk: Decimal(0) for pk in companies}
    for expense in book.expenses:
        paid[expense.paid_by] += expense.amount
    return LedgerView(
        balances=[(companies[pk], amount) for pk, amount in balances.items()],
        proposal=[(companies[t.payer], companies[t.payee], t.amount) for t in transfers],
        transfers=transfers,
        total_spent=sum(paid.values(), Decimal(0)),
        paid=paid,
    )


# --- shared contacts ---------------------------------------------------------------------------


def _as_contact(row: SharedContact) -> contact_rules.Contact:
    return contact_rules.Contact(
        owner=row.owner_id,
        email=row.email,
        company=row.company_name,
        name=row.name,
        consent=contact_rules.Consent(
            source=row.consent_source,
            given_on=row.consent_given_on,
            purposes=frozenset(row.consent_purposes),
            share_with_partners=row.share_with_partners,
            valid_until=row.consent_valid_until,
        ),
    )


def _contacts(partnership: Partnership) -> list[tuple[SharedContact, contact_rules.Contact]]:
    rows = SharedContact.objects.filter(partnership=partnership).order_by("owner_id", "pk")
    return [(row, _as_contact(row)) for row in rows]


@dataclass(frozen=True)
class ContactSummary:
    per_party: list[tuple[Company, int]]
    overlap: int
    purposes: dict[str, int]


def contact_summary(partnership: Partnership) -> ContactSummary:
    """Counts and the overlap: what every partner (and the coordination) may know."""
    contacts = [contact for _row, contact in _contacts(partnership)]
    result = contact_rules.overlap(contacts)
    return ContactSummary(
        per_party=[(c, result.per_party.get(c.pk, 0)) for c in parties(partnership)],
        overlap=result.shared_keys,
        purposes=dict(contact_rules.purposes_count(contacts)),
    )


def contacts_visible_to(partnership: Partnership, company: Company) -> list[SharedContact]:
    """Own contacts and the others' contacts who agreed to be shared with partners."""
    pairs = _contacts(partnership)
    visible = {id(c) for c in contact_rules.visible_to([c for _r, c in pairs], company.pk)}
    return [row for row, contact in pairs if id(contact) in visible]


def campaign_export(
    partnership: Partnership, company: Company, purpose: str, on: date
) -> list[SharedContact]:
    """The contacts ``company`` may use for a campaign: visible to it, and consent covers the
    purpose on that day (each person once)."""
    pairs = [
        (row, contact)
        for row, contact in _contacts(partnership)
        if row.owner_id == company.pk or row.share_with_partners
    ]
    chosen = {id(c) for c in contact_rules.campaign_contacts([c for _r, c in pairs], purpose, on)}
    return [row for row, contact in pairs if id(contact) in chosen]


# --- KPI actuals -------------------------------------------------------------------------------


def _figures(referrals: QuerySet[Referral], sourced_from: QuerySet[Referral]) -> dict[str, Decimal]:
    won = referrals.filter(status=flow.WON).aggregate(n=Count("id"))
    value = sourced_from.filter(status=flow.WON).aggregate(v=Sum("closed_value"))["v"]
    return {"referrals_won": Decimal(won["n"]), "sourced_revenue": value or Decimal(0)}


def kpi_actuals(
    partnership: Partnership,
    start: datetime,
    end: datetime,
    *,
    company_id: int | None = None,
    direction: tuple[int, int] | None = None,
) -> dict[str, Decimal]:
    """The outcome KPIs as recorded in ``[start, end)``, keyed like the ``kpis`` catalogue.

    Seen from ``company_id`` (referrals it gave / received, business it won through the others),
    for one ``direction`` (referrals from the first company to the second: every referral KPI
    counts those), or for the whole partnership when neither is given.
    """
    referrals = Referral.objects.filter(
        partnership=partnership, created_at__gte=start, created_at__lt=end
    )
    if direction is not None:
        given = received = referrals.filter(
            referrer_company_id=direction[0], receiver_company_id=direction[1]
        )
        figures = _figures(given, given)
    elif company_id is not None:
        given = referrals.filter(referrer_company_id=company_id)
        received = referrals.filter(receiver_company_id=company_id)
        figures = _figures(given, received)
    else:
        given = received = referrals
        figures = _figures(referrals, referrals)
    activities = JointActivity.objects.filter(
        partnership=partnership, starts_at__gte=start, starts_at__lt=end
    ).aggregate(
        campaigns=Count("id", filter=Q(kind__in=kinds.CAMPAIGN_KINDS)),
        meetings=Count("id", filter=Q(kind__in=kinds.MEETING_KINDS)),
        leads=Sum("leads"),
        projects=Sum("projects_won"),
        sourced=Sum("revenue_sourced"),
        influenced=Sum("revenue_influenced"),
    )
    return {
        "referrals_given": Decimal(given.count()),
        "referrals_received": Decimal(received.count()),
        "referrals_won": figures["referrals_won"],
        # Business won through referrals counts as sourced, as does what activities sourced.
        "sourced_revenue": figures["sourced_revenue"] + (activities["sourced"] or Decimal(0)),
        "influenced_revenue": activities["influenced"] or Decimal(0),
        "joint_campaigns": Decimal(activities["campaigns"]),
        "projects_won": Decimal(activities["projects"] or 0),
        "leads": Decimal(activities["leads"] or 0),
        "meetings": Decimal(activities["meetings"]),
    }


def review_period(review) -> tuple[datetime, datetime]:
    """From the previous review's due date (or the agreement's start) to this one's, inclusive."""
    previous = (
        review.partnership.reviews.filter(number__lt=review.number).order_by("-number").first()
    )
    version = review.agreement_version
    if previous is not None:
        first_day = previous.due_date + timedelta(days=1)
    elif version.activated_at is not None:
        first_day = timezone.localdate(version.activated_at)
    else:
        first_day = review.due_date - timedelta(days=365)
    start = timezone.make_aware(datetime.combine(first_day, time.min))
    end = timezone.make_aware(datetime.combine(review.due_date + timedelta(days=1), time.min))
    return start, end


def review_kpi_prefill(review) -> dict[int, Decimal]:
    """KPI number → what the recorded activity says for the review's period (``custom`` KPIs
    have no recorded source and are left to the partners)."""
    start, end = review_period(review)
    prefill: dict[int, Decimal] = {}
    cache: dict[tuple[int, int] | None, dict[str, Decimal]] = {}
    for position, row in enumerate(review.agreement_version.terms.get("kpis") or []):
        direction_row = row.get("direction") or {}
        direction = (
            (int(direction_row["from"]), int(direction_row["to"]))
            if direction_row.get("from") and direction_row.get("to")
            else None
        )
        if direction not in cache:
            cache[direction] = kpi_actuals(review.partnership, start, end, direction=direction)
        value = cache[direction].get(row.get("key"))
        if value is not None:
            prefill[position] = value
    return prefill
