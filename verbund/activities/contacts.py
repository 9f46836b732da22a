"""Shared contact lists for marketing alliances: matching contacts across partners, and consent.

Pure (no Django). A partner contributes contacts with the provenance of each one's consent (source,
date, purposes); a campaign may only use contacts whose consent covers the campaign's purpose and is
still valid on the campaign's date, and the other partners learn counts and the overlap, never the
contacts themselves unless a contact agreed to be shared.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Legal-form words that say nothing about which company it is ("Müller GmbH" = "Müller").
_LEGAL_FORMS = {
    "gmbh", "ag", "kg", "ohg", "gbr", "ug", "ek", "co", "mbh", "haftungsbeschraenkt",
    "bv", "nv", "vof", "cv", "ltd", "limited", "inc", "llc", "plc", "sarl",
}  # fmt: skip
_NON_WORD = re.compile(r"[^\w]+")
# German spelling without umlauts is common in addresses ("Mueller" for "Müller").
_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def normalise_email(email: str) -> str:
    """Lower case and trimmed; the part before the @ is kept as is apart from case (no provider
    tricks such as dropping dots: that would merge people who are different at other providers)."""
    return (email or "").strip().lower()


def normalise_company(name: str) -> str:
    """Company name for duplicate detection: accents folded, punctuation and legal forms dropped."""
    text = unicodedata.normalize("NFC", name or "").lower().translate(_TRANSLITERATE)
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    # Dots go first so that "B.V." and "e.K." become the words "bv" and "ek".
    words = [w for w in _NON_WORD.split(folded.replace(".", "")) if w and w not in _LEGAL_FORMS]
    return " ".join(words)


@dataclass(frozen=True)
class Consent:
    source: str  # where the consent was given (trade fair form, newsletter sign-up, …)
    given_on: dt.date
    purposes: frozenset[str]  # catalogue keys, e.g. "newsletter", "event_invitation"
    share_with_partners: bool = False
    valid_until: dt.date | None = None

    def covers(self, purpose: str, on: dt.date) -> bool:
        if purpose not in self.purposes or on < self.given_on:
            return False
        return self.valid_until is None or on <= self.valid_until


@dataclass(frozen=True)
class Contact:
    owner: object  # the contributing party
    email: str = ""
    company: str = ""
    name: str = ""
    consent: Consent | None = None

    @property
    def key(self) -> str:
        """Who this is for duplicate detection: the e-mail if there is one, else the company."""
        email = normalise_email(self.email)
        return f"email:{email}" if email else f"company:{normalise_company(self.company)}"


@dataclass
class Overlap:
    per_party: dict[object, int] = field(default_factory=dict)
    shared_keys: int = 0  # distinct contacts more than one party brought


def overlap(contacts: Iterable[Contact]) -> Overlap:
    """How many contacts each party brought and how many of them more than one party has."""
    owners: dict[str, set[object]] = {}
    result = Overlap()
    for contact in contacts:
        result.per_party[contact.owner] = result.per_party.get(contact.owner, 0) + 1
        owners.setdefault(contact.key, set()).add(contact.owner)
    result.shared_keys = sum(1 for parties in owners.values() if len(parties) > 1)
    return result


def campaign_contacts(contacts: Iterable[Contact], purpose: str, on: dt.date) -> list[Contact]:
    """The contacts a campaign for ``purpose`` on ``on`` may use: consent covers it, once each.

    A contact several partners brought appears once (the first one whose consent covers the
    purpose); a contact without a covering consent is never in the export, whoever brought it.
    """
    chosen: dict[str, Contact] = {}
    for contact in contacts:
        if contact.consent is None or not contact.consent.covers(purpose, on):
            continue
        chosen.setdefault(contact.key, contact)
    return list(chosen.values())


def visible_to(contacts: Iterable[Contact], party: object) -> list[Contact]:
    """What one partner may see of the shared list: its own contacts and those who agreed to be
    shared with partners; everything else only as counts (see ``overlap``)."""
    return [
        c
        for c in contacts
        if c.owner == party or (c.consent is not None and c.consent.share_with_partners)
    ]


def purposes_count(contacts: Iterable[Contact]) -> Mapping[str, int]:
    counts: dict[str, int] = {}
    for contact in contacts:
        for purpose in contact.consent.purposes if contact.consent else ():
            counts[purpose] = counts.get(purpose, 0) + 1
    return counts
