"""Writes for running a partnership: referrals between its parties, joint activities, shared costs
and settlements, shared contacts. (The client's feedback on a referral: ``referrals.services``.)

The acting company must be a party of the partnership (views and the API check it first through
``partnerships.selectors.get_partnership_for``; the checks here keep the CLI and imports honest).
Every refusal is a ValidationError naming the field, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.activities import contacts as contact_rules
from verbund.activities import kinds, ledger
from verbund.activities.models import (
    CostItem,
    JointActivity,
    Settlement,
    SharedContact,
)
from verbund.activities.notifications import (
    ACTIVITY_RECORDED,
    COST_RECORDED,
    SETTLEMENT_RECORDED,
)
from verbund.companies.models import Company
from verbund.notifications.services import notify
from verbund.partnerships.models import AgreementVersion, Partnership
from verbund.partnerships.selectors import Viewer, party_hidden, party_name
from verbund.referrals import services as referral_services
from verbund.referrals.models import Referral

RECEIPT_MAX_BYTES = 5 * 1024 * 1024
# Receipts are recognised by their first bytes, not by the name or the browser's claim.
RECEIPT_TYPES = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}


def party_ids(partnership: Partnership) -> list[int]:
    return [party.company_id for party in partnership.parties.all()]


def _require_party(partnership: Partnership, company: Company, field: str) -> None:
    if company is None or company.pk not in party_ids(partnership):
        raise ValidationError({field: _("This company is not a partner in this partnership.")})


def _notify_others(partnership: Partnership, acting: Company, **kwargs) -> None:
    for party in partnership.parties.all():
        if party.company_id != acting.pk:
            notify(company=party.company, network=partnership.network, **kwargs)


def _named_to_others(partnership: Partnership, company: Company) -> str:
    """A party's name in a notice to the other parties (decision 0003, addendum): its anonymous
    label while it is hidden from them."""
    return party_name(partnership, company, Viewer(frozenset(), coordinator=False))


def url_of(partnership: Partnership, section: str) -> str:
    return reverse(f"activities:{section}", args=[partnership.pk])


# --- referrals ---------------------------------------------------------------------------------


@transaction.atomic
def referral_give(
    *, partnership: Partnership, referrer: Company, user, receiver: Company, **client
) -> Referral:
    """Pass a client from one party to another; the referral counts for this partnership.

    ``client`` holds referrals.services.referral_create's client fields (name, company, email,
    phone, consent, need, estimated_value, created_at); the consent rule is applied there.
    """
    _require_party(partnership, referrer, "referrer_company")
    _require_party(partnership, receiver, "receiver_company")
    if not partnership.is_open:
        raise ValidationError({"partnership": _("This partnership has ended.")})
    # A referral names both companies to each other and to the client (referrals app, notices):
    # not before a first contact while one of them is hidden from the other (decision 0003).
    if party_hidden(partnership, receiver, Viewer(frozenset({referrer.pk}), False)) or (
        party_hidden(partnership, referrer, Viewer(frozenset({receiver.pk}), False))
    ):
        raise ValidationError(
            {
                "receiver_company": _(
                    "Clients can be passed in this partnership once a first contact has been "
                    "accepted: until then the partners stay anonymous to each other."
                )
            }
        )
    referral = referral_services.referral_create(
        network=partnership.network,
        referrer_company=referrer,
        referrer_user=user,
        receiver_company=receiver,
        url=url_of(partnership, "referrals"),
        **client,
    )
    referral.partnership = partnership
    referral.save(update_fields=["partnership"])
    return referral


# --- joint activities --------------------------------------------------------------------------


def _not_negative(errors: dict, values: Mapping[str, Decimal | int | None]) -> None:
    for field, value in values.items():
        if value is not None and value < 0:
            errors[field] = _("Enter zero or more.")


@transaction.atomic
def activity_create(
    *,
    partnership: Partnership,
    company: Company,
    user,
    kind: str,
    title: str,
    starts_at: datetime,
    initiator: Company | None = None,
    participants: Iterable[Company] = (),
    duration_minutes: int = 60,
    location: str = "",
    people: str = "",
    leads: int = 0,
    projects_won: int = 0,
    revenue_sourced: Decimal = Decimal(0),
    revenue_influenced: Decimal = Decimal(0),
    notes: str = "",
    quiet: bool = False,
) -> JointActivity:
    """Record what the partners did together; the other parties are told (unless ``quiet``:
    bulk imports tell nobody row by row)."""
    _require_party(partnership, company, "company")
    initiator = initiator or company
    participants = list(participants) or [company]
    ids = set(party_ids(partnership))
    errors: dict[str, str] = {}
    if kind not in kinds.ACTIVITY_KINDS:
        errors["kind"] = _("Choose a kind of activity from the list.")
    if not title.strip():
        errors["title"] = _("Give the activity a title.")
    if initiator.pk not in ids:
        errors["initiator"] = _("This company is not a partner in this partnership.")
    if any(p.pk not in ids for p in participants):
        errors["participants"] = _("Only partners of this partnership can take part.")
    if duration_minutes <= 0:
        errors["duration_minutes"] = _("Enter a duration of at least one minute.")
    _not_negative(
        errors,
        {
            "leads": leads,
            "projects_won": projects_won,
            "revenue_sourced": revenue_sourced,
            "revenue_influenced": revenue_influenced,
        },
    )
    if errors:
        raise ValidationError(errors)
    activity = JointActivity.objects.create(
        partnership=partnership,
        kind=kind,
        title=title.strip()[:200],
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        location=location.strip()[:200],
        initiator=initiator,
        people=people.strip()[:500],
        leads=leads,
        projects_won=projects_won,
        revenue_sourced=revenue_sourced,
        revenue_influenced=revenue_influenced,
        notes=notes.strip(),
        created_by=user,
    )
    activity.participants.set(participants)
    if not quiet:
        _notify_others(
            partnership,
            company,
            kind=ACTIVITY_RECORDED,
            params={
                "company": _named_to_others(partnership, company),
                "title": activity.title,
                "kind": kind,
                "date": starts_at.date().isoformat(),
            },
            url=url_of(partnership, "activities"),
        )
    return activity


# --- costs -------------------------------------------------------------------------------------


def active_cost_shares(partnership: Partnership) -> dict[int, Decimal] | None:
    """The cost-sharing rule of the active agreement, {company id: percent}, or None."""
    version = AgreementVersion.objects.filter(
        partnership=partnership, status=AgreementVersion.Status.ACTIVE
    ).first()
    shares = (version.terms.get("cost_shares") if version else None) or {}
    if not shares:
        return None
    return {int(company_id): Decimal(str(share)) for company_id, share in shares.items()}


def equal_shares(ids: list[int]) -> dict[int, Decimal]:
    """Equal percentages summing to exactly 100 (the first party takes the rounding rest)."""
    base = (Decimal(100) / len(ids)).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    shares = {company_id: base for company_id in ids}
    shares[ids[0]] += Decimal(100) - base * len(ids)
    return shares


def shares_for(partnership: Partnership) -> dict[int, Decimal]:
    """The split that applies without an override: the active agreement's rule; equal shares
    while no agreement is active (documented in the user guide)."""
    return active_cost_shares(partnership) or equal_shares(party_ids(partnership))


def _check_receipt(receipt: UploadedFile) -> None:
    if receipt.size > RECEIPT_MAX_BYTES:
        raise ValidationError(
            {"receipt": _("The receipt is larger than %(size)s MB.") % {"size": 5}}
        )
    head = receipt.read(16)
    receipt.seek(0)
    if not any(head.startswith(magic) for magic in RECEIPT_TYPES):
        raise ValidationError({"receipt": _("A receipt must be a PDF, PNG or JPEG file.")})


def shares_error(problem: ledger.LedgerError) -> str:
    messages = {
        "no_shares": _("Enter a share for each partner."),
        "unknown_party": _("A share belongs to a company that is not a partner."),
        "negative_share": _("A share cannot be negative."),
        "shares_not_100": _("The shares must add up to 100 %% (they add up to %(total)s %%)."),
    }
    message = messages.get(problem.code, _("The split is not valid."))
    return message % {"total": problem.params.get("total", "")} if "%(" in message else message


@transaction.atomic
def cost_item_create(
    *,
    partnership: Partnership,
    company: Company,
    user,
    paid_by: Company,
    amount: Decimal | None,
    spent_on: date | None,
    description: str,
    activity: JointActivity | None = None,
    shares: Mapping[int, Decimal] | None = None,
    receipt: UploadedFile | None = None,
    quiet: bool = False,
) -> CostItem:
    """Record a shared cost; ``shares`` overrides the agreement's split for this item only."""
    _require_party(partnership, company, "company")
    errors: dict[str, str] = {}
    ids = party_ids(partnership)
    if paid_by is None or paid_by.pk not in ids:
        errors["paid_by"] = _("This company is not a partner in this partnership.")
    if amount is None or amount <= 0:
        errors["amount"] = _("Enter an amount greater than zero.")
    elif amount != ledger.cents(amount):
        errors["amount"] = _("Enter the amount in euros and cents.")
    if spent_on is None:
        errors["spent_on"] = _("Enter the date of the expense.")
    if not description.strip():
        errors["description"] = _("Say what the money was spent on.")
    if activity is not None and activity.partnership_id != partnership.pk:
        errors["activity"] = _("This activity belongs to another partnership.")
    applied = dict(shares) if shares else shares_for(partnership)
    try:
        ledger.check_shares(applied, ids)
    except ledger.LedgerError as problem:
        errors["shares"] = shares_error(problem)
    if receipt is not None:
        try:
            _check_receipt(receipt)
        except ValidationError as error:
            errors.update({k: v[0] for k, v in error.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    item = CostItem(
        partnership=partnership,
        activity=activity,
        paid_by=paid_by,
        amount=amount,
        spent_on=spent_on,
        description=description.strip()[:200],
        shares={str(k): str(v) for k, v in applied.items()},
        shares_overridden=bool(shares),
        created_by=user,
    )
    if receipt is not None:
        item.receipt.save(receipt.name.rsplit("/", 1)[-1][-80:], receipt, save=False)
    item.save()
    if not quiet:
        parts = ledger.split(amount, applied)
        for party in partnership.parties.all():
            if party.company_id == company.pk:
                continue
            notify(
                kind=COST_RECORDED,
                company=party.company,
                network=partnership.network,
                params={
                    "payer": party_name(
                        partnership, paid_by, Viewer(frozenset({party.company_id}), False)
                    ),
                    "amount": f"{amount:.2f} EUR",
                    "description": item.description,
                    "share": f"{parts.get(party.company_id, Decimal(0)):.2f} EUR",
                },
                url=url_of(partnership, "costs"),
            )
    return item


@transaction.atomic
def settlement_record(
    *,
    partnership: Partnership,
    company: Company,
    user,
    payer: Company,
    payee: Company,
    amount: Decimal | None,
    paid_on: date | None = None,
    note: str = "",
) -> Settlement:
    _require_party(partnership, company, "company")
    ids = party_ids(partnership)
    errors: dict[str, str] = {}
    if payer is None or payer.pk not in ids:
        errors["payer"] = _("This company is not a partner in this partnership.")
    if payee is None or payee.pk not in ids:
        errors["payee"] = _("This company is not a partner in this partnership.")
    elif payer is not None and payer.pk == payee.pk:
        errors["payee"] = _("A company cannot pay itself.")
    if amount is None or amount <= 0:
        errors["amount"] = _("Enter an amount greater than zero.")
    elif amount != ledger.cents(amount):
        errors["amount"] = _("Enter the amount in euros and cents.")
    if errors:
        raise ValidationError(errors)
    settlement = Settlement.objects.create(
        partnership=partnership,
        payer=payer,
        payee=payee,
        amount=amount,
        paid_on=paid_on or timezone.localdate(),
        note=note.strip()[:200],
        recorded_by=user,
    )
    _notify_others(
        partnership,
        company,
        kind=SETTLEMENT_RECORDED,
        params={
            "payer": _named_to_others(partnership, payer),
            "payee": _named_to_others(partnership, payee),
            "amount": f"{amount:.2f} EUR",
        },
        url=url_of(partnership, "costs"),
    )
    return settlement


@transaction.atomic
def settlement_proposal_record(
    *, partnership: Partnership, company: Company, user, transfers: Iterable[ledger.Transfer]
) -> list[Settlement]:
    """Record every transfer of a settlement proposal at once (all balances go to zero)."""
    companies = {party.company_id: party.company for party in partnership.parties.all()}
    return [
        settlement_record(
            partnership=partnership,
            company=company,
            user=user,
            payer=companies[transfer.payer],
            payee=companies[transfer.payee],
            amount=transfer.amount,
        )
        for transfer in transfers
    ]


# --- shared contacts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactRow:
    email: str
    name: str
    company_name: str
    consent_source: str
    consent_given_on: date
    consent_purposes: list[str]
    consent_valid_until: date | None
    share_with_partners: bool


@transaction.atomic
def contacts_replace(
    *, partnership: Partnership, company: Company, user, rows: Iterable[ContactRow]
) -> int:
    """The company's contribution to the shared list becomes ``rows`` (an upload replaces the
    earlier one: withdrawn consent disappears with the next upload). Duplicates within one upload
    are kept once."""
    _require_party(partnership, company, "company")
    SharedContact.objects.filter(partnership=partnership, owner=company).delete()
    seen: set[str] = set()
    objects = []
    for row in rows:
        key = contact_rules.Contact(owner=company.pk, email=row.email, company=row.company_name).key
        if key in seen:
            continue
        seen.add(key)
        objects.append(
            SharedContact(
                partnership=partnership,
                owner=company,
                email=row.email,
                name=row.name,
                company_name=row.company_name,
                consent_source=row.consent_source,
                consent_given_on=row.consent_given_on,
                consent_purposes=sorted(set(row.consent_purposes)),
                consent_valid_until=row.consent_valid_until,
                share_with_partners=row.share_with_partners,
                match_key=key[:300],
                uploaded_by=user,
            )
        )
    SharedContact.objects.bulk_create(objects)
    return len(objects)
