"""Every partnership page, every persona: the partners act, the network's coordination reads
(403 on writes), a company outside the partnership and everyone else get 404."""

from __future__ import annotations

from django.urls import reverse

from tests.access import Route, access_tests, everyone
from tests.partnerships import worlds

# A partnership of the member company with the anonymous company.
READ = everyone(404, coordinator=200, member=200)
WRITE = everyone(404, coordinator=403, member=302)
PARTY_PAGE = everyone(404, coordinator=403, member=200)


def _p(name: str, *extra):
    return lambda w: reverse(name, args=[worlds.outside_partnership(w).pk, *extra])


def _version(name: str):
    return lambda w: reverse(
        name, args=[worlds.outside_partnership(w).pk, worlds.draft_version(w).number]
    )


def _review(name: str):
    return lambda w: reverse(
        name, args=[worlds.outside_partnership(w).pk, worlds.open_review(w).number]
    )


ROUTES = [
    Route("partnerships:list", lambda w: reverse("partnerships:list"), everyone(200)),
    Route("partnerships:detail", _p("partnerships:detail"), READ),
    Route(
        "partnerships:move",
        _p("partnerships:move"),
        WRITE,
        method="post",
        data=lambda w: {"stage": "pilot", "reason": "Pilot mit zwei Kunden"},
    ),
    Route(
        "partnerships:roles",
        _p("partnerships:roles"),
        WRITE,
        method="post",
        data=lambda w: {"role_1": "Empfehlungen im Münsterland"},
    ),
    Route(
        # The outside partnership is no project group: the member is sent back with a message.
        "partnerships:party_add",
        _p("partnerships:party_add"),
        WRITE,
        method="post",
        data=lambda w: {"company": str(w.other_company.pk)},
    ),
    Route(
        "partnerships:checklist",
        lambda w: reverse(
            "partnerships:checklist",
            args=[worlds.outside_partnership(w).pk, worlds.checklist_item(w).pk],
        ),
        WRITE,
        method="post",
        data=lambda w: {"done": "1"},
    ),
    Route("partnerships:agreement_edit", _p("partnerships:agreement_edit"), PARTY_PAGE),
    Route("partnerships:agreement", _version("partnerships:agreement"), READ),
    Route(
        "partnerships:agreement_confirm",
        _version("partnerships:agreement_confirm"),
        WRITE,
        method="post",
    ),
    Route("partnerships:agreement_pdf", _version("partnerships:agreement_pdf"), READ),
    Route("partnerships:review", _review("partnerships:review"), READ),
    Route(
        "partnerships:review (submit)",
        _review("partnerships:review"),
        WRITE,
        method="post",
        data=lambda w: {f"score_{n}": "4" for n in range(5)},
    ),
    Route(
        "partnerships:review_kpis",
        _review("partnerships:review_kpis"),
        WRITE,
        method="post",
        data=lambda w: {"actual_0": "2"},
    ),
    Route(
        "partnerships:review_action",
        _review("partnerships:review_action"),
        WRITE,
        method="post",
        data=lambda w: {
            "text": "Gemeinsamen Flyer entwerfen",
            "owner": str(w.member_company.pk),
            "due_date": "2030-01-31",
        },
    ),
    Route("partnerships:reference_ask", _p("partnerships:reference_ask"), PARTY_PAGE),
    Route(
        "partnerships:reference",
        lambda w: reverse("partnerships:reference", args=[worlds.reference(w).pk]),
        everyone(200, other_network=404, outsider=404),
    ),
    Route(
        "partnerships:reference (answer)",
        lambda w: reverse("partnerships:reference", args=[worlds.reference(w).pk]),
        everyone(404, coordinator=403, member=403, other_company=302),
        method="post",
        data=lambda w: {
            "answer": "Termine und Budgets immer eingehalten, gern wieder.",
            "rating": "5",
        },
    ),
    # Contact requests
    Route(
        "partnerships:request",
        lambda w: reverse("partnerships:request", args=[w.other_company.pk]),
        everyone(404, coordinator=403, member=200),
    ),
    Route(
        "partnerships:request (private company)",
        lambda w: reverse("partnerships:request", args=[w.private_company.pk]),
        everyone(404, coordinator=403),
    ),
    Route(
        "partnerships:contact_detail",
        lambda w: reverse("partnerships:contact_detail", args=[worlds.mediated_request(w).pk]),
        everyone(404, coordinator=200, member=200),
    ),
    Route(
        "partnerships:contact_detail (recipient)",
        lambda w: reverse("partnerships:contact_detail", args=[worlds.pending_request(w).pk]),
        everyone(404, coordinator=200, member=200, other_company=200),
    ),
    Route(
        "partnerships:contact_accept",
        lambda w: reverse("partnerships:contact_accept", args=[worlds.pending_request(w).pk]),
        everyone(404, coordinator=403, member=403, other_company=302),
        method="post",
    ),
    Route(
        "partnerships:contact_decline",
        lambda w: reverse("partnerships:contact_decline", args=[worlds.pending_request(w).pk]),
        everyone(404, coordinator=403, member=403, other_company=302),
        method="post",
        data=lambda w: {"reason": "Wij hebben al een vaste partner."},
    ),
    Route(
        "partnerships:contact_message",
        lambda w: reverse("partnerships:contact_message", args=[worlds.pending_request(w).pk]),
        everyone(404, coordinator=403, member=302, other_company=302),
        method="post",
        data=lambda w: {"text": "Welke plaatdiktes?"},
    ),
    Route(
        "partnerships:contact_forward",
        lambda w: reverse("partnerships:contact_forward", args=[worlds.mediated_request(w).pk]),
        everyone(404, coordinator=302, member=403),
        method="post",
    ),
]

(
    test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused,
) = access_tests(ROUTES)
