"""Every notifications route, every persona: each person reaches only their own."""

from __future__ import annotations

from django.urls import reverse

from tests.access import Route, access_tests, everyone

ROUTES = [
    Route("notifications:inbox", lambda w: reverse("notifications:inbox"), everyone(200)),
    Route(
        # A notification that belongs to nobody in the table: everyone gets 404, never 403.
        "notifications:open",
        lambda w: reverse("notifications:open", args=[999999]),
        everyone(404),
    ),
    Route(
        "notifications:mark_all_read",
        lambda w: reverse("notifications:mark_all_read"),
        everyone(302),
        method="post",
    ),
    Route("api:list_notifications", lambda w: "/api/v1/notifications", everyone(200), api=True),
    Route(
        "api:read_notification",
        lambda w: "/api/v1/notifications/999999/read",
        everyone(404),
        method="post",
        api=True,
    ),
    Route(
        "api:read_all_notifications",
        lambda w: "/api/v1/notifications/read-all",
        everyone(200),
        method="post",
        api=True,
    ),
]

(
    test_persona_gets_the_agreed_status,
    test_anonymous_visitor_is_sent_to_login_or_refused,
) = access_tests(ROUTES)
