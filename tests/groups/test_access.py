"""Every referral-group and referral route, every persona (acceptance 4: a member of one group
cannot see another group's slips or reports — 404).

Personas here: ``coordinator`` coordinates alpha (sees every group of it, may manage), ``member``
holds a seat in group A (no leader-team role), ``other_company`` holds a seat in group B only,
``other_network`` and ``outsider`` are in neither.
"""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from tests.access import COORDINATOR_ONLY, Route, access_tests, everyone
from tests.conftest import World
from tests.groups.conftest import group_world, steady_pair
from verbund.groups.services import referral_slip_create, visitor_apply, visitor_record

IN_A = everyone(404, coordinator=200, member=200)
IN_B = everyone(404, coordinator=200, other_company=200)
MEMBER_OF_A_ONLY = everyone(404, coordinator=403, member=200)
LEADERS_OF_A = everyone(404, coordinator=200, member=403)


def a(w: World) -> int:
    return group_world(w).a.pk


def b(w: World) -> int:
    return group_world(w).b.pk


def meeting(w: World) -> int:
    return group_world(w).meeting.pk


def member_seat(w: World) -> int:
    return group_world(w).seats["member"].pk


def _referral_to_member(w: World) -> int:
    """A slip from the secretary to the member: the member is the receiver."""
    g = group_world(w)
    return referral_slip_create(
        group=g.a, giver=g.seats["secretary"], receiver=g.seats["member"],
        client_name="Herr Lammers", client_email="lammers@example.com", consent=True,
        need="Neue Elektroinstallation im Büro",
    ).pk  # fmt: skip


def _referral_from_member(w: World) -> int:
    g = group_world(w)
    return referral_slip_create(
        group=g.a, giver=g.seats["member"], receiver=g.seats["secretary"],
        client_seat=g.seats["colleague"], need="Jahresabschluss",
    ).pk  # fmt: skip


def _applicant(w: World) -> int:
    g = group_world(w)
    visitor = visitor_record(
        group=g.a, name="Frau Berning", category="lawyer", visited_on=date.today()
    )
    return visitor_apply(visitor=visitor).pk


def _referral_slip(w: World) -> dict:
    g = group_world(w)
    return {
        "receiver": g.seats["secretary"].pk, "kind": "outside", "client_name": "Frau Kötter",
        "client_phone": "0251 4711", "consent": "on", "need": "Lohnbuchhaltung",
    }  # fmt: skip


def _steady_pair(w: World) -> str:
    """Member's and secretary's companies refer to each other steadily in group A."""
    g = group_world(w)
    steady_pair(g)
    return reverse(
        "groups:pair_partnership",
        args=[g.a.pk, w.member_company.pk, g.companies["secretary"].pk],
    )


def _new_seat(w: World) -> dict:
    return {"user_email": w.users["other_company"].email, "company": w.other_company.pk,
            "category": "lawyer"}  # fmt: skip


def _attendance(w: World) -> dict:
    return {f"state-{member_seat(w)}": "present"}


def _thresholds(w: World) -> dict:
    return {
        "attendance_green": "0.8", "attendance_yellow": "0.6", "referrals_green": "2",
        "referrals_yellow": "1", "one_to_ones_green": "1", "one_to_ones_yellow": "0.5",
    }  # fmt: skip


FOUND_REDIRECT = {"coordinator": 302}
# A new group goes into the network the person has chosen: other_network coordinates beta and
# may found a group there; members of alpha may not (403); the outsider has no network (404).
NEW_GROUP = {**COORDINATOR_ONLY, "other_network": 200}


def _new_group(w: World) -> dict:
    return {"name": "Empfehlungsgruppe Gronau", "rhythm": "weekly", "weekday": "1",
            "meeting_time": "07:30", "location": "Hotel Driland", "leader": ""}  # fmt: skip


ROUTES = [
    Route("groups:list", lambda w: reverse("groups:list"), everyone(200)),
    Route("groups:new", lambda w: reverse("groups:new"), NEW_GROUP),
    Route("groups:new (create)", lambda w: reverse("groups:new"),
          {**NEW_GROUP, "coordinator": 302, "other_network": 302}, method="post",
          data=_new_group),
    Route("groups:detail", lambda w: reverse("groups:detail", args=[a(w)]), IN_A),
    Route("groups:detail (group B)", lambda w: reverse("groups:detail", args=[b(w)]), IN_B),
    Route("groups:detail (unknown)", lambda w: reverse("groups:detail", args=[999999]),
          everyone(404)),
    Route("groups:slips", lambda w: reverse("groups:slips", args=[a(w)]), IN_A),
    Route("groups:slips (group B)", lambda w: reverse("groups:slips", args=[b(w)]), IN_B),
    Route("groups:slip", lambda w: reverse("groups:slip", args=[a(w), "referral"]),
          MEMBER_OF_A_ONLY),
    Route("groups:slip (thanks)", lambda w: reverse("groups:slip", args=[a(w), "thanks"]),
          MEMBER_OF_A_ONLY),
    Route("groups:slip (save a referral)",
          lambda w: reverse("groups:slip", args=[a(w), "referral"]),
          everyone(404, coordinator=403, member=302), method="post", data=_referral_slip),
    Route("groups:slip (unknown kind)", lambda w: reverse("groups:slip", args=[a(w), "gift"]),
          everyone(404)),
    Route("groups:meetings", lambda w: reverse("groups:meetings", args=[a(w)]), IN_A),
    Route("groups:meetings (plan)", lambda w: reverse("groups:meetings", args=[a(w)]),
          {**LEADERS_OF_A, **FOUND_REDIRECT}, method="post",
          data=lambda w: {"start": "2026-01-05", "count": "2"}),
    Route("groups:meeting", lambda w: reverse("groups:meeting", args=[a(w), meeting(w)]), IN_A),
    Route("groups:meeting (record attendance)",
          lambda w: reverse("groups:meeting", args=[a(w), meeting(w)]),
          {**LEADERS_OF_A, **FOUND_REDIRECT}, method="post", data=_attendance),
    Route("groups:meeting (through group B)",
          lambda w: reverse("groups:meeting", args=[b(w), meeting(w)]),
          everyone(404)),
    Route("groups:meeting_sheet",
          lambda w: reverse("groups:meeting_sheet", args=[a(w), meeting(w)]), IN_A),
    Route("groups:calendar", lambda w: reverse("groups:calendar", args=[a(w)]), IN_A),
    Route("groups:report", lambda w: reverse("groups:report", args=[a(w)]), IN_A),
    Route("groups:report (group B)", lambda w: reverse("groups:report", args=[b(w)]), IN_B),
    Route("groups:report_csv", lambda w: reverse("groups:report_csv", args=[a(w)]), IN_A),
    Route("groups:report_csv (group B)", lambda w: reverse("groups:report_csv", args=[b(w)]),
          IN_B),
    Route("groups:report_pdf", lambda w: reverse("groups:report_pdf", args=[a(w)]), IN_A),
    Route("groups:report_pdf (group B)", lambda w: reverse("groups:report_pdf", args=[b(w)]),
          IN_B),
    Route("groups:member_report_pdf",
          lambda w: reverse("groups:member_report_pdf", args=[a(w), member_seat(w)]), IN_A),
    Route("groups:member_report_pdf (seat of group A through group B)",
          lambda w: reverse("groups:member_report_pdf", args=[b(w), member_seat(w)]),
          everyone(404)),
    Route("groups:member_report",
          lambda w: reverse("groups:member_report", args=[a(w), member_seat(w)]), IN_A),
    Route("groups:member_report (seat of group A through group B)",
          lambda w: reverse("groups:member_report", args=[b(w), member_seat(w)]),
          everyone(404)),
    Route("groups:thresholds", lambda w: reverse("groups:thresholds", args=[a(w)]),
          {**LEADERS_OF_A, **FOUND_REDIRECT}, method="post", data=_thresholds),
    # Only a member of one of the two companies; the coordinator is in neither (403).
    Route("groups:pair_partnership", _steady_pair,
          everyone(404, coordinator=403, member=302), method="post"),
    Route("groups:pair_partnership (through group B)",
          lambda w: _steady_pair(w).replace(f"/groups/{a(w)}/", f"/groups/{b(w)}/"),
          everyone(404), method="post"),
    Route("groups:seats", lambda w: reverse("groups:seats", args=[a(w)]), IN_A),
    Route("groups:seats (add a seat)", lambda w: reverse("groups:seats", args=[a(w)]),
          {**LEADERS_OF_A, **FOUND_REDIRECT}, method="post", data=_new_seat),
    Route("groups:seat_category",
          lambda w: reverse("groups:seat_category", args=[a(w), member_seat(w)]),
          {**LEADERS_OF_A, **FOUND_REDIRECT}, method="post",
          data=lambda w: {"category": "lawyer"}),
    Route("groups:category_add", lambda w: reverse("groups:category_add", args=[a(w)]),
          {**LEADERS_OF_A, **FOUND_REDIRECT}, method="post",
          data=lambda w: {"label": "Hufschmied"}),
    Route("groups:visitors", lambda w: reverse("groups:visitors", args=[a(w)]), LEADERS_OF_A),
    Route("groups:visitor_decide",
          lambda w: reverse("groups:visitor_decide", args=[a(w), _applicant(w)]),
          {**LEADERS_OF_A, **FOUND_REDIRECT}, method="post",
          data=lambda w: {"accept": "1", "note": ""}),
    Route("referrals:list", lambda w: reverse("referrals:list"), everyone(200)),
    Route("referrals:detail",
          lambda w: reverse("referrals:detail", args=[_referral_from_member(w)]),
          everyone(404, coordinator=200, member=200)),
    Route("referrals:detail (receiver moves the status)",
          lambda w: reverse("referrals:detail", args=[_referral_to_member(w)]),
          everyone(404, coordinator=403, member=302), method="post",
          data=lambda w: {"status": "contacted", "note": "Angerufen"}),
    # The slip is still new: the member is told to wait for the first contact (422, on the page).
    Route("referrals:feedback_link",
          lambda w: reverse("referrals:feedback_link", args=[_referral_from_member(w)]),
          everyone(404, coordinator=403, member=422), method="post"),
    # API
    Route("api:my_groups", lambda w: "/api/v1/groups", everyone(200), api=True),
    Route("api:group_create", lambda w: "/api/v1/groups",
          {**COORDINATOR_ONLY, "coordinator": 201}, method="post", api=True, json=True,
          data=lambda w: {"network": "alpha", "name": "Empfehlungsgruppe Gronau",
                          "weekday": 1, "meeting_time": "07:30",
                          "leader_email": w.users["member"].email}),
    Route("api:group_detail", lambda w: f"/api/v1/groups/{a(w)}", IN_A, api=True),
    Route("api:group_detail (group B)", lambda w: f"/api/v1/groups/{b(w)}", IN_B, api=True),
    Route("api:group_slips", lambda w: f"/api/v1/groups/{a(w)}/slips", IN_A, api=True),
    Route("api:group_slips (group B)", lambda w: f"/api/v1/groups/{b(w)}/slips", IN_B,
          api=True),
    Route("api:group_report", lambda w: f"/api/v1/groups/{a(w)}/report", IN_A, api=True),
    Route("api:group_report (group B)", lambda w: f"/api/v1/groups/{b(w)}/report", IN_B,
          api=True),
    Route("api:referral_slip_create", lambda w: f"/api/v1/groups/{a(w)}/referrals",
          everyone(404, coordinator=403, member=201), method="post", api=True, json=True,
          data=lambda w: {"receiver_seat": group_world(w).seats["secretary"].pk,
                          "client_seat": group_world(w).seats["colleague"].pk,
                          "need": "Jahresabschluss"}),
    Route("api:thanks_create", lambda w: f"/api/v1/groups/{a(w)}/thanks",
          everyone(404, coordinator=403, member=201), method="post", api=True, json=True,
          data=lambda w: {"referral_id": _referral_to_member(w), "amount": "2400.00"}),
    Route("api:one_to_one_create", lambda w: f"/api/v1/groups/{a(w)}/one-to-ones",
          everyone(404, coordinator=403, member=201), method="post", api=True, json=True,
          data=lambda w: {"other_seat": group_world(w).seats["colleague"].pk,
                          "met_on": str(date.today())}),
    Route("api:testimonial_create", lambda w: f"/api/v1/groups/{a(w)}/testimonials",
          everyone(404, coordinator=403, member=201), method="post", api=True, json=True,
          data=lambda w: {"about_seat": group_world(w).seats["secretary"].pk,
                          "text": "Schnell, gründlich und freundlich."}),
    Route("api:attendance_put",
          lambda w: f"/api/v1/groups/{a(w)}/meetings/{meeting(w)}/attendance",
          LEADERS_OF_A, method="put", api=True,
          data=lambda w: [{"seat": member_seat(w), "state": "late"}]),
    Route("api:seat_create", lambda w: f"/api/v1/groups/{a(w)}/seats",
          {**LEADERS_OF_A, "coordinator": 201}, method="post", api=True, json=True,
          data=lambda w: {"user_email": w.users["other_company"].email,
                          "company_id": w.other_company.pk, "category": "lawyer"}),
    Route("api:company_referrals",
          lambda w: f"/api/v1/referrals/companies/{w.member_company.pk}",
          everyone(404, member=200), api=True),
    Route("api:referral_detail",
          lambda w: f"/api/v1/referrals/{_referral_from_member(w)}",
          everyone(404, coordinator=200, member=200), api=True),
    Route("api:referral_status",
          lambda w: f"/api/v1/referrals/{_referral_to_member(w)}/status",
          everyone(404, coordinator=403, member=200), method="post", api=True, json=True,
          data=lambda w: {"status": "won", "closed_value": "900"}),
]  # fmt: skip

(
    test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused,
) = access_tests(ROUTES)
