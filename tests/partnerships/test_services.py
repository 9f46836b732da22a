"""The partnership path through the services: contact with substance, stages, agreements,
reviews, references, reminders."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.conftest import World
from tests.partnerships.conftest import BRINGS, FIRST_STEP, Items, send_request, valid_terms
from verbund.companies.selectors import partner_company_ids
from verbund.companies.services import company_create
from verbund.notifications.models import Notification
from verbund.partnerships import services
from verbund.partnerships.models import (
    AgreementVersion,
    ContactRequest,
    Partnership,
    Review,
    Stage,
)


def _kinds(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_an_empty_request_is_refused_naming_every_missing_part(world: World, items: Items):
    with pytest.raises(ValidationError) as error:
        send_request(world, items, about="", brings="", form="", first_step="")
    assert set(error.value.message_dict) == {"about", "brings", "form", "first_step"}
    assert not ContactRequest.objects.exists()


def test_a_boilerplate_request_is_refused_as_saying_nothing(world: World, items: Items):
    with pytest.raises(ValidationError) as error:
        send_request(
            world,
            items,
            brings="Wir möchten gerne mit Ihnen zusammenarbeiten. Wir möchten gerne mit Ihnen "
            "zusammenarbeiten. Wir möchten gerne mit Ihnen zusammenarbeiten.",
        )
    assert list(error.value.message_dict) == ["brings"]


def test_a_request_must_name_an_item_of_the_recipient(world: World, items: Items):
    with pytest.raises(ValidationError) as error:
        send_request(world, items, about=f"offer:{items.member_offer.pk}")  # the sender's own
    assert list(error.value.message_dict) == ["about"]


def test_a_request_with_substance_reaches_the_recipient(world: World, items: Items):
    request = send_request(world, items)
    assert request.status == ContactRequest.Status.PENDING
    assert request.about_title == "Behuizingen van plaatstaal"
    assert "partnerships.contact_received" in _kinds(world.users["other_company"])


def test_the_weekly_limit_is_a_network_setting(world: World, items: Items):
    world.alpha.settings = {"contact_requests_per_week": 1}
    world.alpha.save()
    send_request(world, items)
    ContactRequest.objects.update(status=ContactRequest.Status.DECLINED)
    with pytest.raises(ValidationError) as error:
        send_request(world, items, about=f"offer:{items.other_offer.pk}")
    assert "1" in error.value.messages[0]
    assert ContactRequest.objects.count() == 1


def test_accepting_starts_a_partnership_in_contacted(world: World, partnership: Partnership):
    assert partnership.stage == Stage.CONTACTED
    assert {p.company_id for p in partnership.parties.all()} == {
        world.member_company.pk,
        world.other_company.pk,
    }
    assert partnership.checklist.filter(stage="exploring").exists()
    assert "partnerships.contact_accepted" in _kinds(world.users["member"])
    assert partner_company_ids({world.member_company.pk}) == {world.other_company.pk}


def test_declining_needs_a_reason(world: World, items: Items):
    request = send_request(world, items)
    with pytest.raises(ValidationError):
        services.contact_request_decline(
            request=request,
            user=world.users["other_company"],
            company=world.other_company,
            reason="",
        )
    services.contact_request_decline(
        request=request,
        user=world.users["other_company"],
        company=world.other_company,
        reason="Wij hebben al een vaste leverancier voor behuizingen.",
    )
    request.refresh_from_db()
    assert request.status == ContactRequest.Status.DECLINED
    assert "partnerships.contact_declined" in _kinds(world.users["member"])


def test_a_question_thread_tells_the_other_side(world: World, items: Items):
    request = send_request(world, items)
    services.contact_message_add(
        request=request,
        user=world.users["other_company"],
        company=world.other_company,
        text="Welke plaatdiktes kunt u verwerken?",
    )
    assert "partnerships.contact_message" in _kinds(world.users["member"])


def test_an_anonymous_recipient_is_reached_through_the_coordinator(world: World, items: Items):
    from verbund.companies.services import offers_replace

    offer = offers_replace(company=world.anonymous_company, items=[{"title": "Kampagnen"}])[0]
    request = send_request(
        world, items, recipient=world.anonymous_company, about=f"offer:{offer.pk}"
    )
    assert request.status == ContactRequest.Status.MEDIATION
    assert "partnerships.contact_mediation" in _kinds(world.users["coordinator"])
    services.contact_request_forward(request=request, user=world.users["coordinator"])
    request.refresh_from_db()
    assert request.status == ContactRequest.Status.PENDING


def test_moving_on_with_open_items_is_allowed_and_recorded(world: World, partnership):
    services.partnership_move(
        partnership=partnership,
        to_stage=Stage.EXPLORING,
        user=world.users["member"],
        company=world.member_company,
        reason="Erstes Gespräch war gut.",
    )
    change = partnership.stage_changes.order_by("-pk").first()
    assert change.to_stage == Stage.EXPLORING
    assert change.changed_by == world.users["member"]
    assert set(change.open_items) == {"first_conversation"}
    assert "partnerships.stage_changed" in _kinds(world.users["other_company"])


def test_no_move_backwards_and_ending_needs_a_reason(world: World, partnership):
    with pytest.raises(ValidationError):
        services.partnership_move(
            partnership=partnership,
            to_stage=Stage.IDENTIFIED,
            user=world.users["member"],
            company=world.member_company,
        )
    with pytest.raises(ValidationError):
        services.partnership_move(
            partnership=partnership,
            to_stage=Stage.ENDED,
            user=world.users["member"],
            company=world.member_company,
        )


def test_agreed_needs_an_active_agreement(world: World, partnership):
    with pytest.raises(ValidationError):
        services.partnership_move(
            partnership=partnership,
            to_stage=Stage.AGREED,
            user=world.users["member"],
            company=world.member_company,
        )


def test_a_version_is_active_only_after_every_confirmation(world: World, partnership):
    version = services.agreement_draft(
        partnership=partnership,
        terms=valid_terms(partnership),
        user=world.users["member"],
        company=world.member_company,
    )
    services.agreement_confirm(
        version=version, user=world.users["member"], company=world.member_company
    )
    version.refresh_from_db()
    assert version.status == AgreementVersion.Status.DRAFT
    services.agreement_confirm(
        version=version, user=world.users["other_company"], company=world.other_company
    )
    version.refresh_from_db()
    partnership.refresh_from_db()
    assert version.status == AgreementVersion.Status.ACTIVE
    assert partnership.stage == Stage.AGREED
    assert partnership.agreed_at is not None
    assert partnership.reviews.filter(status=Review.Status.OPEN).count() == 1


def test_a_change_needs_every_confirmation_again(world: World, active_partnership):
    terms = valid_terms(active_partnership, exit_terms="Drei Monate Kündigungsfrist.")
    v2 = services.agreement_draft(
        partnership=active_partnership,
        terms=terms,
        user=world.users["other_company"],
        company=world.other_company,
    )
    assert v2.number == 2 and v2.status == AgreementVersion.Status.DRAFT
    active = active_partnership.agreement_versions.get(status=AgreementVersion.Status.ACTIVE)
    assert active.number == 1
    services.agreement_confirm(version=v2, user=world.users["member"], company=world.member_company)
    services.agreement_confirm(
        version=v2, user=world.users["other_company"], company=world.other_company
    )
    statuses = dict(active_partnership.agreement_versions.values_list("number", "status"))
    assert statuses == {1: "superseded", 2: "active"}


def test_cost_shares_not_summing_to_100_are_refused_with_the_sum(world: World, partnership):
    ids = [str(p.company_id) for p in partnership.parties.all()]
    terms = valid_terms(partnership, cost_shares={ids[0]: "60", ids[1]: "30"})
    with pytest.raises(ValidationError) as error:
        services.agreement_draft(
            partnership=partnership,
            terms=terms,
            user=world.users["member"],
            company=world.member_company,
        )
    message = error.value.message_dict["cost_shares"][0]
    assert "90" in message and "100" in message
    assert not partnership.agreement_versions.exists()


def test_scores_stay_hidden_until_every_partner_submitted(world: World, active_partnership):
    from verbund.partnerships.selectors import visible_submissions
    from verbund.partnerships.services.review import review_factors

    review = active_partnership.reviews.get()
    scores = {factor: {"score": 4, "comment": "gut"} for factor in review_factors(review)}
    services.review_submit(
        review=review, company=world.member_company, user=world.users["member"], scores=scores
    )
    parties = {world.member_company.pk, world.other_company.pk}
    seen, revealed = visible_submissions(review, parties, world.other_company.pk)
    assert seen == [] and not revealed
    assert "partnerships.review_waiting" in _kinds(world.users["other_company"])
    services.review_submit(
        review=review, company=world.other_company, user=world.users["other_company"], scores=scores
    )
    seen, revealed = visible_submissions(review, parties, world.other_company.pk)
    assert len(seen) == 2 and revealed
    review.refresh_from_db()
    assert review.status == Review.Status.COMPLETED
    assert active_partnership.reviews.filter(status=Review.Status.OPEN, number=2).exists()


def test_every_factor_needs_a_score_from_1_to_5(world: World, active_partnership):
    review = active_partnership.reviews.get()
    with pytest.raises(ValidationError):
        services.review_submit(
            review=review, company=world.member_company, user=world.users["member"], scores={}
        )


def test_strategic_is_earned_after_12_months_and_two_reviews(world: World, active_partnership):
    with pytest.raises(ValidationError, match="12"):
        services.partnership_move(
            partnership=active_partnership,
            to_stage=Stage.STRATEGIC,
            user=world.users["member"],
            company=world.member_company,
        )
    Partnership.objects.filter(pk=active_partnership.pk).update(
        agreed_at=timezone.now() - timedelta(days=400)
    )
    Review.objects.filter(partnership=active_partnership).update(status=Review.Status.COMPLETED)
    review = active_partnership.reviews.get()
    Review.objects.create(
        partnership=active_partnership,
        agreement_version=review.agreement_version,
        number=2,
        due_date=review.due_date,
        status=Review.Status.COMPLETED,
    )
    active_partnership.refresh_from_db()
    services.partnership_move(
        partnership=active_partnership,
        to_stage=Stage.STRATEGIC,
        user=world.users["member"],
        company=world.member_company,
    )
    active_partnership.refresh_from_db()
    assert active_partnership.stage == Stage.STRATEGIC


def test_a_reference_is_verified_by_a_recorded_partnership(world: World, partnership, items):
    from verbund.companies.services import company_create

    third = company_create(name="Dritte GmbH", country="DE", city="Münster", network=world.alpha)
    # The third company worked with the other company before (a recorded partnership).
    services.partnership_create(
        network=world.alpha,
        companies=[third, world.other_company],
        form="project_group",
        origin=Partnership.Origin.DIRECT,
        stage=Stage.PILOT,
    )
    reference = services.reference_request_create(
        partnership=partnership,
        requester=world.member_company,
        candidate=world.other_company,
        referee=third,
        question="Wie zuverlässig hat Bakker bei Ihnen Termine gehalten?",
        user=world.users["member"],
    )
    answered = services.reference_answer(
        reference=reference,
        company=third,
        user=None,
        answer="Immer pünktlich geliefert und sehr gut erreichbar gewesen.",
        rating=5,
    )
    assert answered.verified


def test_reminders_go_out_once_after_seven_days(world: World, items: Items):
    request = send_request(world, items)
    ContactRequest.objects.filter(pk=request.pk).update(
        created_at=timezone.now() - timedelta(days=8)
    )
    first = services.reminders_send()
    second = services.reminders_send()
    assert (first.contact_requests, second.contact_requests) == (1, 0)
    assert _kinds(world.users["other_company"]).count("partnerships.contact_reminder") == 1


def test_overdue_reviews_are_reminded_once(world: World, active_partnership):
    Review.objects.filter(partnership=active_partnership).update(
        due_date=timezone.localdate() - timedelta(days=1)
    )
    assert services.reminders_send().reviews == 1
    assert services.reminders_send().reviews == 0
    assert "partnerships.review_overdue" in _kinds(world.users["member"])


def test_mutual_interest_creates_an_identified_partnership_and_tells_both(world: World):
    from verbund.matching.signals import mutual_interest

    mutual_interest.send(
        sender=None, network=world.alpha, companies=(world.member_company, world.other_company)
    )
    mutual_interest.send(
        sender=None, network=world.alpha, companies=(world.member_company, world.other_company)
    )
    partnership = Partnership.objects.get()
    assert partnership.stage == Stage.IDENTIFIED
    assert partnership.origin == Partnership.Origin.MUTUAL_INTEREST
    # Matching tells both companies when it sends the signal; we do not repeat it.
    assert "partnerships.identified" not in _kinds(world.users["member"])


def test_mutual_interest_from_elsewhere_tells_both(world: World):
    services.partnership_create_from_mutual_interest(
        network=world.alpha, companies=[world.member_company, world.other_company]
    )
    assert "partnerships.identified" in _kinds(world.users["member"])
    assert "partnerships.identified" in _kinds(world.users["other_company"])


def test_a_contact_request_moves_an_identified_partnership_on(world: World, items: Items):
    from verbund.matching.signals import mutual_interest

    mutual_interest.send(
        sender=None, network=world.alpha, companies=(world.member_company, world.other_company)
    )
    request = send_request(world, items, brings=BRINGS, first_step=FIRST_STEP)
    # the request belongs to the identified partnership from the start (its health sees the wait)
    assert request.partnership == Partnership.objects.get()
    partnership = services.contact_request_accept(
        request=request, user=world.users["other_company"], company=world.other_company
    )
    assert Partnership.objects.count() == 1
    assert partnership.stage == Stage.CONTACTED


def test_in_a_project_group_the_leader_assigns_the_roles(world: World):
    group = services.partnership_create(
        network=world.alpha,
        companies=[world.member_company, world.other_company],
        form="project_group",
        origin=Partnership.Origin.DIRECT,
        stage=Stage.CONTACTED,
    )
    other_party = group.parties.get(company=world.other_company)
    # Without a leader each partner names its own role only.
    with pytest.raises(ValidationError):
        services.party_set_role(party=other_party, role="Elektrik", by_company=world.member_company)
    services.party_take_lead(partnership=group, company=world.member_company, user=None)
    services.party_set_role(party=other_party, role="Elektrik", by_company=world.member_company)
    other_party.refresh_from_db()
    assert other_party.role == "Elektrik"
    with pytest.raises(ValidationError):
        services.party_set_role(
            party=group.parties.get(company=world.member_company),
            role="Alles",
            by_company=world.other_company,
        )
    with pytest.raises(ValidationError):
        services.party_take_lead(partnership=group, company=world.other_company, user=None)


def test_the_leader_adds_a_company_to_the_group_and_the_history_says_so(world: World):
    group = services.partnership_create(
        network=world.alpha,
        companies=[world.member_company, world.other_company],
        form="project_group",
        origin=Partnership.Origin.DIRECT,
        stage=Stage.EXPLORING,
        leader=world.member_company,
    )
    with pytest.raises(ValidationError):
        services.party_add(
            partnership=group, company=world.anonymous_company,
            by_company=world.other_company, user=None,
        )  # fmt: skip
    with pytest.raises(ValidationError):  # not listed in this network
        services.party_add(
            partnership=group, company=world.beta_company,
            by_company=world.member_company, user=None,
        )  # fmt: skip
    services.party_add(
        partnership=group, company=world.anonymous_company,
        by_company=world.member_company, user=world.users["member"],
    )  # fmt: skip
    assert group.parties.count() == 3
    assert group.stage_changes.order_by("-pk").first().company == world.member_company


def test_the_leader_adds_a_partner_on_the_page_and_others_cannot(world: World):
    from django.urls import reverse

    group = services.partnership_create(
        network=world.alpha,
        companies=[world.member_company, world.other_company],
        form="project_group",
        origin=Partnership.Origin.DIRECT,
        stage=Stage.EXPLORING,
        leader=world.member_company,
    )
    third = company_create(
        name="Dritte Elektro GmbH", country="DE", city="Münster", network=world.alpha
    )
    url = reverse("partnerships:party_add", args=[group.pk])
    leader_page = world.client_for("member").get(reverse("partnerships:detail", args=[group.pk]))
    form = leader_page.content.decode()
    assert 'data-testid="party-add-form"' in form and "Dritte Elektro GmbH" in form
    # Anonymous and private companies are never offered: that would reveal them.
    assert world.anonymous_company.name not in form and world.private_company.name not in form
    other_page = world.client_for("other_company").get(
        reverse("partnerships:detail", args=[group.pk])
    )
    assert 'data-testid="party-add-form"' not in other_page.content.decode()
    world.client_for("other_company").post(url, {"company": third.pk})
    assert group.parties.count() == 2  # only the leader adds
    world.client_for("member").post(url, {"company": world.private_company.pk})
    assert group.parties.count() == 2  # not offered, not accepted
    response = world.client_for("member").post(url, {"company": third.pk})
    assert response.status_code == 302 and group.parties.filter(company=third).exists()
