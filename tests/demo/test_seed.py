"""Seeding the demo: networks, companies and logins, written once, through the services."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from verbund.accounts.models import User
from verbund.companies.models import Company, CompanyMember, NetworkCompany
from verbund.demo.groups import GROUP_FIRM, PROFESSION_NACE, SIZE
from verbund.demo.seed import (
    ASSOCIATION_SLUG,
    DEMO_PASSWORD,
    PROGRAMME_SLUG,
    DemoAlreadySeeded,
    seed_demo,
)
from verbund.groups.models import Seat
from verbund.tenancy.models import Membership, Network

pytestmark = pytest.mark.django_db

EMAILS = [
    "koordination@demo.verbund.example",
    "coordinatie@demo.verbund.example",
    "inhaber@demo.verbund.example",
    "mitarbeiterin@demo.verbund.example",
    "eigenaar@demo.verbund.example",
    "verband@demo.verbund.example",
    "beide@demo.verbund.example",
    "admin@demo.verbund.example",
    "gruppenmitglied@demo.verbund.example",
    "sekretariat@demo.verbund.example",
]


@pytest.fixture
def summary(demo_summary, db):
    return demo_summary


def _roles(email: str) -> dict[str, str]:
    return {
        m.network.slug: m.role
        for m in Membership.objects.filter(user__email=email).select_related("network")
    }


def _companies(email: str) -> dict[str, str]:
    return {
        m.company.name: m.role
        for m in CompanyMember.objects.filter(user__email=email).select_related("company")
    }


def test_seeding_creates_the_programme_and_the_association(summary):
    programme = Network.objects.get(slug=PROGRAMME_SLUG)
    association = Network.objects.get(slug=ASSOCIATION_SLUG)
    assert programme.kind == Network.Kind.PROGRAMME
    assert programme.languages == ["de", "nl"] and programme.countries == ["DE", "NL"]
    assert association.kind == Network.Kind.ASSOCIATION
    assert summary.created and summary.network == programme.name
    firms = _group_firms().count()
    assert summary.networks == {programme.name: 300 + firms, association.name: 15}


def _group_firms():
    """Referral group members' own firms, for professions no generated company does."""
    return Company.objects.filter(listings__external_id__contains=GROUP_FIRM)


def test_every_company_is_listed_in_the_programme_with_its_external_id(summary):
    firms = _group_firms()
    assert 0 < firms.count() <= 2 * SIZE
    assert Company.objects.count() == 300 + firms.count()
    listings = NetworkCompany.objects.filter(network__slug=PROGRAMME_SLUG)
    assert listings.count() == Company.objects.count()
    assert listings.exclude(external_id="").count() == listings.count()
    generated = Company.objects.exclude(pk__in=firms)
    assert generated.filter(country="DE").count() == 180
    assert generated.filter(country="NL").count() == 120
    assert summary.counts["companies_de"] == 180 + firms.filter(country="DE").count()
    assert summary.counts["companies_nl"] == 120 + firms.filter(country="NL").count()


def test_each_referral_group_seat_is_held_by_a_company_of_its_profession(summary):
    for seat in Seat.objects.select_related("company"):
        assert seat.company.nace_codes[0] in PROFESSION_NACE[seat.category], seat


def test_every_company_has_a_resolved_place_in_the_programme_area(summary):
    regions = set(Company.objects.values_list("region", flat=True))
    assert regions == {"DE-NW", "DE-NI", "NL-OV", "NL-GE"}
    assert not Company.objects.filter(lat__isnull=True).exists()


def test_the_association_lists_only_osnabrueck_companies(summary):
    listed = Company.objects.filter(listings__network__slug=ASSOCIATION_SLUG)
    assert listed.count() == 15
    assert set(listed.values_list("region", flat=True)) == {"DE-NI"}


def test_every_demo_login_authenticates_with_the_demo_password(summary):
    assert [login.email for login in summary.logins] == EMAILS
    for login in summary.logins:
        assert login.password == DEMO_PASSWORD
        assert authenticate(username=login.email, password=login.password) is not None, login
    assert authenticate(username=EMAILS[0], password="wrong") is None


def test_the_personas_have_the_roles_the_login_table_promises(summary):
    assert _roles("koordination@demo.verbund.example") == {PROGRAMME_SLUG: "coordinator"}
    assert _roles("coordinatie@demo.verbund.example") == {PROGRAMME_SLUG: "coordinator"}
    assert _roles("verband@demo.verbund.example") == {ASSOCIATION_SLUG: "coordinator"}
    assert _roles("beide@demo.verbund.example") == {
        PROGRAMME_SLUG: "member",
        ASSOCIATION_SLUG: "member",
    }
    for email in ("inhaber", "mitarbeiterin", "eigenaar"):
        assert _roles(f"{email}@demo.verbund.example") == {PROGRAMME_SLUG: "member"}

    owner = _companies("inhaber@demo.verbund.example")
    staff = _companies("mitarbeiterin@demo.verbund.example")
    assert list(owner.values()) == ["owner"] and list(staff.values()) == ["staff"]
    assert owner.keys() == staff.keys()
    assert Company.objects.get(name=next(iter(owner))).country == "DE"
    dutch = _companies("eigenaar@demo.verbund.example")
    assert list(dutch.values()) == ["owner"]
    assert Company.objects.get(name=next(iter(dutch))).country == "NL"
    both = _companies("beide@demo.verbund.example")
    assert list(both.values()) == ["owner", "owner"]
    # One of the two companies is in the association, the other only in the programme.
    in_association = Company.objects.filter(name__in=both, listings__network__slug=ASSOCIATION_SLUG)
    assert in_association.count() == 1


def test_the_dutch_personas_use_dutch_and_the_admin_is_a_superuser(summary):
    languages = dict(User.objects.values_list("email", "language"))
    assert languages["coordinatie@demo.verbund.example"] == "nl"
    assert languages["eigenaar@demo.verbund.example"] == "nl"
    assert languages["koordination@demo.verbund.example"] == "de"
    admin = User.objects.get(email="admin@demo.verbund.example")
    assert admin.is_staff and admin.is_superuser


def test_persona_companies_are_visible_in_the_network(summary):
    # The demo logins' companies; the referral groups' members (verbund/demo/groups.py) aside.
    member_companies = Company.objects.filter(
        members__isnull=False, members__user__group_seats__isnull=True
    ).distinct()
    assert member_companies.count() == 4
    assert set(member_companies.values_list("visibility", flat=True)) == {"network"}


def test_if_empty_makes_a_second_run_a_no_op(summary):
    again = seed_demo(if_empty=True)
    assert not again.created and again.logins == []
    assert Network.objects.count() == 2
    assert Company.objects.count() == 300 + _group_firms().count()


def test_seeding_again_without_if_empty_is_refused_and_changes_nothing(summary):
    with pytest.raises(DemoAlreadySeeded):
        seed_demo()
    assert Company.objects.count() == 300 + _group_firms().count()
    assert User.objects.count() == 8 + 50  # logins and the two referral groups' members


def test_the_command_with_if_empty_says_it_did_nothing(summary):
    out = StringIO()
    call_command("seed_demo", "--if-empty", stdout=out)
    assert "not seeded" in out.getvalue()


def test_the_command_refuses_a_second_seed_with_a_clear_error(summary):
    with pytest.raises(CommandError, match="already seeded"):
        call_command("seed_demo", stdout=StringIO())
