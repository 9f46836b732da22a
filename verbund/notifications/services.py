from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from verbund.companies.models import CompanyMember
from verbund.notifications.kinds import NotificationKind
from verbund.notifications.models import Notification


def _recipients(company, users: Iterable) -> list:
    recipients = {user.pk: user for user in users if user.is_active}
    if company is not None:
        members = CompanyMember.objects.filter(company=company, user__is_active=True)
        for member in members.select_related("user"):
            recipients.setdefault(member.user_id, member.user)
    return list(recipients.values())


def _safe_path(url: str) -> str:
    # Only paths inside the site: a link in a notification must never lead elsewhere.
    return url if url.startswith("/") and not url.startswith("//") else ""


def notify(
    *,
    kind: NotificationKind,
    company=None,
    users: Iterable = (),
    network=None,
    params: Mapping[str, Any] | None = None,
    url: str = "",
) -> list[Notification]:
    """Tell every member of ``company`` and every one of ``users`` (each person once).

    One in-app notification per person; an email each (if the kind asks for it) in the person's
    own language, sent by the background worker. Params must be JSON-serialisable strings/numbers.
    """
    params = dict(params or {})
    path = _safe_path(url)
    recipients = _recipients(company, users)
    created = Notification.objects.bulk_create(
        Notification(recipient=user, network=network, kind=kind.key, params=params, url=path)
        for user in recipients
    )
    if kind.email:
        for user in recipients:
            _email(user, kind, params, path)
    return created


def _email(user, kind: NotificationKind, params: Mapping[str, Any], path: str) -> None:
    if not user.email:
        return
    with translation.override(getattr(user, "language", None) or settings.LANGUAGE_CODE):
        title, body = kind.render(params)
        context = {
            "user": user,
            "title": title,
            "body": body,
            "url": settings.SITE_URL + path if path else "",
            "settings_url": settings.SITE_URL + "/notifications/",
        }
        send_mail(
            subject=title,
            message=render_to_string("notifications/email/notification.txt", context),
            from_email=None,
            recipient_list=[user.email],
        )


def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
