"""Notifications over the API: a person's own list, unread count, and marking read."""

from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema

from verbund.notifications import selectors, services

router = Router(tags=["notifications"])

LIMIT = 100


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str
    network: str | None
    created_at: datetime
    read: bool


class NotificationList(Schema):
    unread: int
    items: list[NotificationOut]


def _out(notification) -> NotificationOut:
    return NotificationOut(
        id=notification.pk,
        kind=notification.kind,
        title=notification.title,
        body=notification.body,
        url=notification.url,
        network=notification.network.slug if notification.network else None,
        created_at=notification.created_at,
        read=notification.is_read,
    )


@router.get("", response=NotificationList, summary="My notifications, newest first")
def list_notifications(request, unread: bool = False):
    queryset = selectors.notifications_for(request.user)
    if unread:
        queryset = queryset.filter(read_at__isnull=True)
    return NotificationList(
        unread=selectors.unread_count(request.user),
        items=[_out(n) for n in queryset[:LIMIT]],
    )


@router.post("/{notification_id}/read", response=NotificationOut, summary="Mark one read")
def read_notification(request, notification_id: int):
    notification = selectors.get_notification_for(request.user, notification_id)
    return _out(services.notification_mark_read(notification=notification))


@router.post("/read-all", response=dict[str, int], summary="Mark all read")
def read_all_notifications(request):
    return {"marked": services.notifications_mark_all_read(user=request.user)}
