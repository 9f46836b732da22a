"""Shared contact lists in the database: consent per purpose in the campaign export (acceptance
3), one party's contacts never visible to another unless shared, upload errors named per row."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import World
from verbund.activities import imports, selectors, services

HEADER = "email;name;company;consent_source;consent_date;purposes;valid_until;share_with_partners\n"


def upload(world: World, partnership, company, text: str):
    rows, errors = imports.contact_rows((HEADER + text).encode(), "contacts.csv")
    assert errors == []
    return services.contacts_replace(partnership=partnership, company=company, user=None, rows=rows)


MEMBER_CONTACTS = (
    "anna@vos.example;Anna Vos;Vos Bouw;Messe Hannover;2025-01-10;newsletter|event_invitation;;ja\n"
    "piet@jansen.example;Piet Jansen;Jansen BV;Website;2025-01-11;newsletter;;nein\n"
    ";;Müller GmbH;Telefon;2025-01-12;joint_offer;2025-02-01;nein\n"
    "ANNA@vos.example;Anna Vos;;Doppelt;2025-01-10;survey;;nein\n"
)
OTHER_CONTACTS = (
    "anna@vos.example;A. Vos;Vos Bouw B.V.;Beurs Utrecht;2025-02-01;event_invitation;;nee\n"
    "kees@smit.example;Kees Smit;Smit;Website;2025-02-02;survey;;nee\n"
)


def test_counts_overlap_and_what_each_partner_sees(world, partnership):
    a, b = world.member_company, world.other_company
    assert upload(world, partnership, a, MEMBER_CONTACTS) == 3  # the second Anna is kept once
    assert upload(world, partnership, b, OTHER_CONTACTS) == 2
    summary = selectors.contact_summary(partnership)
    assert dict((c.pk, n) for c, n in summary.per_party) == {a.pk: 3, b.pk: 2}
    assert summary.overlap == 1  # anna@vos.example, brought by both
    seen_by_b = {c.email for c in selectors.contacts_visible_to(partnership, b)}
    # b sees its own two and a's Anna (she agreed to be shared), never Piet or Müller.
    assert seen_by_b == {"anna@vos.example", "kees@smit.example"}
    owners = {c.owner_id for c in selectors.contacts_visible_to(partnership, b)}
    assert owners == {a.pk, b.pk}
    assert len(selectors.contacts_visible_to(partnership, a)) == 3


def test_a_campaign_export_holds_only_contacts_whose_consent_covers_it(world, partnership):
    a, b = world.member_company, world.other_company
    upload(world, partnership, a, MEMBER_CONTACTS)
    upload(world, partnership, b, OTHER_CONTACTS)
    on = dt.date(2025, 3, 1)
    for company in (a, b):
        for purpose in ("newsletter", "event_invitation", "joint_offer", "survey"):
            rows = selectors.campaign_export(partnership, company, purpose, on)
            for row in rows:
                assert purpose in row.consent_purposes
                assert row.consent_given_on <= on
                assert row.consent_valid_until is None or on <= row.consent_valid_until
                assert row.owner_id == company.pk or row.share_with_partners
            assert len({r.match_key for r in rows}) == len(rows)
    newsletter_b = selectors.campaign_export(partnership, b, "newsletter", on)
    assert [r.email for r in newsletter_b] == ["anna@vos.example"]  # shared by a; Piet is not
    # Müller's consent for joint offers ran out on 1 February.
    assert selectors.campaign_export(partnership, a, "joint_offer", on) == []
    assert len(selectors.campaign_export(partnership, a, "joint_offer", dt.date(2025, 1, 20))) == 1


def test_a_new_upload_replaces_the_earlier_one(world, partnership):
    a = world.member_company
    upload(world, partnership, a, MEMBER_CONTACTS)
    upload(world, partnership, a, "new@x.example;;;Website;2025-03-01;newsletter;;nein\n")
    assert [c.email for c in selectors.contacts_visible_to(partnership, a)] == ["new@x.example"]


def test_every_bad_contact_row_is_named(world, partnership):
    text = HEADER + (
        "kein-at-zeichen;X;;Messe;2025-01-01;newsletter;;ja\n"
        "ok@x.example;X;;;2025-01-01;newsletter;;ja\n"
        "ok2@x.example;X;;Messe;31.02.2025;newsletter;;ja\n"
        "ok3@x.example;X;;Messe;2025-01-01;telemarketing;;ja\n"
        "ok4@x.example;X;;Messe;2025-01-01;newsletter;;vielleicht\n"
    )
    rows, errors = imports.contact_rows(text.encode(), "c.csv")
    assert [(e.line, e.column) for e in errors] == [
        (2, "email"),
        (3, "consent_source"),
        (4, "consent_date"),
        (5, "purposes"),
        (6, "share_with_partners"),
    ]
    assert rows == []


purposes = st.sets(st.sampled_from(["newsletter", "event_invitation", "joint_offer", "survey"]))
contact_rows = st.lists(
    st.tuples(
        st.integers(0, 1),  # which party brought it
        st.integers(0, 6),  # a small pool of addresses, so that duplicates happen
        purposes,
        st.integers(0, 60),  # consent given this many days before the campaign … or after
        st.booleans(),  # shared with partners
    ),
    max_size=12,
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=contact_rows, purpose=purposes.filter(bool).map(min))
def test_no_campaign_export_holds_a_contact_without_a_matching_consent(
    world, partnership, rows, purpose
):
    """Acceptance 3 over random lists: whoever exports, every row's own consent covers the
    purpose on the campaign's day, and the other party's rows appear only when shared."""
    a, b = world.member_company, world.other_company
    on = dt.date(2025, 6, 30)
    for owner in (a, b):
        services.contacts_replace(
            partnership=partnership,
            company=owner,
            user=None,
            rows=[
                services.ContactRow(
                    email=f"person{n}@x.example",
                    name="",
                    company_name="",
                    consent_source="Formular",
                    consent_given_on=on - dt.timedelta(days=days - 30),
                    consent_purposes=sorted(covered) or ["survey"],
                    consent_valid_until=None,
                    share_with_partners=shared,
                )
                for party, n, covered, days, shared in rows
                if (a, b)[party] == owner
            ],
        )
    for company in (a, b):
        for row in selectors.campaign_export(partnership, company, purpose, on):
            assert purpose in row.consent_purposes and row.consent_given_on <= on
            assert row.owner_id == company.pk or row.share_with_partners
