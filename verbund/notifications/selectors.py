from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from verbund.notifications.models import Notification


def notifications_for(user) -> QuerySet[Notification]:
    """A person's own notifications, newest first: nobody reads anyone else's."""
    return Notification.objects.filter(recipient=user).select_related("network")


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def get_notification_for(user, notification_id: int) -> Notification:
    """The user's own notification or 404 (someone else's looks exactly like a missing one)."""
    notification = notifications_for(user).filter(pk=notification_id).first()
    if notification is None:
        raise Http404(_("Notification not found."))
    return notification
