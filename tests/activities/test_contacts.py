"""Shared contact lists: duplicates across partners, consent per purpose, what a partner sees."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from verbund.activities.contacts import (
    Consent,
    Contact,
    campaign_contacts,
    normalise_company,
    overlap,
    visible_to,
)

DAY = dt.date(2026, 6, 1)
NEWSLETTER = Consent("Messe 2026", dt.date(2026, 3, 1), frozenset({"newsletter"}))
EVENTS = Consent("Website", dt.date(2026, 1, 1), frozenset({"event_invitation"}), True)


def test_company_names_match_across_legal_forms_umlauts_and_case():
    assert normalise_company("Müller Gießerei GmbH & Co. KG") == "mueller giesserei"
    assert normalise_company("MUELLER GIESSEREI GMBH") == "mueller giesserei"
    assert normalise_company("Bakker B.V.") == normalise_company("bakker") == "bakker"
    assert normalise_company("Jansen Installatie V.O.F.") == "jansen installatie"
    assert normalise_company("Hüsing e.K.") == "huesing"


def test_duplicates_are_found_on_email_and_counted_not_shown():
    contacts = [
        Contact("A", email="Info@Schulte.de ", consent=NEWSLETTER),
        Contact("B", email="info@schulte.de", consent=EVENTS),
        Contact("B", email="kontakt@huesing.de", consent=EVENTS),
        Contact("A", company="Bakker B.V."),
        Contact("B", company="Bakker"),
    ]
    result = overlap(contacts)
    assert result.per_party == {"A": 2, "B": 3}
    assert result.shared_keys == 2


def test_a_campaign_export_holds_only_contacts_whose_consent_covers_the_purpose():
    contacts = [
        Contact("A", email="a@x.de", consent=NEWSLETTER),
        Contact("B", email="b@x.de", consent=EVENTS),
        Contact("B", email="c@x.de"),  # no consent recorded
        Contact(
            "A",
            email="d@x.de",
            consent=Consent("Alt", dt.date(2027, 1, 1), frozenset({"newsletter"})),
        ),
        Contact("B", email="A@X.DE", consent=NEWSLETTER),  # same person as the first
    ]
    assert [c.email for c in campaign_contacts(contacts, "newsletter", DAY)] == ["a@x.de"]
    assert [c.email for c in campaign_contacts(contacts, "event_invitation", DAY)] == ["b@x.de"]


def test_expired_consent_does_not_count():
    expired = Consent(
        "Alt", dt.date(2025, 1, 1), frozenset({"newsletter"}), valid_until=dt.date(2026, 1, 1)
    )
    assert (
        campaign_contacts([Contact("A", email="a@x.de", consent=expired)], "newsletter", DAY) == []
    )


def test_a_partner_sees_its_own_contacts_and_those_who_agreed_to_be_shared():
    mine = Contact("A", email="a@x.de", consent=NEWSLETTER)
    theirs_private = Contact("B", email="b@x.de", consent=NEWSLETTER)
    theirs_shared = Contact("B", email="c@x.de", consent=EVENTS)
    assert visible_to([mine, theirs_private, theirs_shared], "A") == [mine, theirs_shared]


purposes = st.frozensets(st.sampled_from(["newsletter", "event_invitation", "phone"]), max_size=3)
consents = st.one_of(
    st.none(),
    st.builds(
        Consent,
        st.just("s"),
        st.dates(dt.date(2025, 1, 1), dt.date(2027, 1, 1)),
        purposes,
        st.booleans(),
    ),
)
contact_lists = st.lists(
    st.builds(
        Contact,
        st.sampled_from("ABC"),
        st.sampled_from(["a@x", "b@x", "c@x", ""]),
        st.sampled_from(["X GmbH", "Y"]),
        st.just(""),
        consents,
    ),
    max_size=20,
)


@given(contact_lists, st.sampled_from(["newsletter", "event_invitation", "phone"]))
def test_no_export_ever_contains_a_contact_without_covering_consent(contacts, purpose):
    exported = campaign_contacts(contacts, purpose, DAY)
    assert all(c.consent is not None and c.consent.covers(purpose, DAY) for c in exported)
    assert len({c.key for c in exported}) == len(exported)


@given(contact_lists)
def test_a_partner_never_sees_anothers_unshared_contact(contacts):
    for contact in visible_to(contacts, "A"):
        assert contact.owner == "A" or (contact.consent and contact.consent.share_with_partners)
