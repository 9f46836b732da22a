"""A steady two-way referral flow between two members' companies becomes a company partnership
in one step: prefilled, the other company told, never twice."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.groups.conftest import GroupWorld, client_for, steady_pair
from verbund.groups import services
from verbund.notifications.models import Notification
from verbund.partnerships.models import Partnership, Stage


def _url(groups: GroupWorld) -> str:
    return reverse(
        "groups:pair_partnership",
        args=[groups.a.pk, groups.world.member_company.pk, groups.companies["secretary"].pk],
    )


def test_the_report_offers_the_step_to_a_member_of_the_pair_only(groups: GroupWorld):
    steady_pair(groups)
    report = reverse("groups:report", args=[groups.a.pk])
    page = client_for(groups, "member").get(report).content.decode()
    assert 'data-testid="pair-partnership"' in page
    assert _url(groups) in page
    # The colleague sees the pair but is in neither company.
    page = client_for(groups, "colleague").get(report).content.decode()
    assert "Sekretariat Steuerberatung GmbH" in page
    assert 'data-testid="pair-partnership"' not in page


def test_one_click_creates_the_partnership_prefilled_and_tells_the_other_company(
    groups: GroupWorld,
):
    steady_pair(groups)
    secretary = groups.users["secretary"]
    kind = "groups.partnership_from_referrals"
    response = client_for(groups, "member").post(_url(groups))
    partnership = Partnership.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerships:detail", args=[partnership.pk])
    assert partnership.form == "referral_partnership"
    assert partnership.stage == Stage.CONTACTED
    assert partnership.origin == Partnership.Origin.REFERRAL_GROUP
    assert partnership.network_id == groups.a.network_id
    assert {p.company_id for p in partnership.parties.all()} == {
        groups.world.member_company.pk, groups.companies["secretary"].pk,
    }  # fmt: skip
    first_step = partnership.stage_changes.get()
    assert first_step.company_id == groups.world.member_company.pk
    assert "Empfehlungsgruppe Münster" in first_step.reason
    told = Notification.objects.get(recipient=secretary, kind=kind)
    assert told.params["company"] == groups.world.member_company.name
    assert told.url == reverse("partnerships:detail", args=[partnership.pk])
    # The acting company is not told about its own step.
    assert not Notification.objects.filter(recipient=groups.users["member"], kind=kind).exists()

    page = client_for(groups, "member").get(reverse("groups:report", args=[groups.a.pk]))
    html = page.content.decode()
    assert 'data-testid="pair-partnership-exists"' in html
    assert reverse("partnerships:detail", args=[partnership.pk]) in html
    assert 'data-testid="pair-partnership"' not in html


def test_a_second_click_from_either_side_creates_no_duplicate(groups: GroupWorld):
    steady_pair(groups)
    client_for(groups, "member").post(_url(groups))
    again = client_for(groups, "secretary").post(_url(groups))  # the other company, same pair
    assert again.status_code == 302
    assert Partnership.objects.count() == 1
    assert again["Location"] == reverse("partnerships:detail", args=[Partnership.objects.get().pk])


def test_a_pair_without_a_steady_flow_is_refused_with_a_reason(groups: GroupWorld):
    steady_pair(groups)
    with pytest.raises(ValidationError, match="nicht regelmäßig"):
        services.pair_partnership_create(
            group=groups.a, company=groups.world.member_company,
            partner=groups.companies["colleague"], user=groups.users["member"],
        )  # fmt: skip
    colleague = groups.companies["colleague"].pk
    url = reverse(
        "groups:pair_partnership", args=[groups.a.pk, groups.world.member_company.pk, colleague]
    )
    response = client_for(groups, "member").post(url, follow=True)
    assert response.status_code == 200
    assert "nicht regelmäßig" in response.content.decode()
    assert Partnership.objects.count() == 0


def test_the_leader_team_cannot_decide_for_the_companies(groups: GroupWorld):
    steady_pair(groups, "member", "committee")
    url = reverse(
        "groups:pair_partnership",
        args=[groups.a.pk, groups.world.member_company.pk, groups.companies["committee"].pk],
    )
    # The secretary leads the meetings but is in neither company.
    assert client_for(groups, "secretary").post(url).status_code == 403
    assert Partnership.objects.count() == 0
