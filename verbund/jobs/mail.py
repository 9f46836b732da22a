"""All outgoing email goes through the background worker.

Django code everywhere (password reset, invitations) simply sends mail; this backend turns each
message into a task, and the worker delivers it with ``EMAIL_DELIVERY_BACKEND``. A slow or
unreachable mail server therefore never blocks a page.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from verbund.jobs.tasks import deliver_email


def serialise(message: EmailMessage) -> dict:
    alternatives = [
        [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
    ]
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "alternatives": alternatives,
    }


def deserialise(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


class TaskEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            deliver_email.enqueue(serialise(message))
        return len(email_messages)


def deliver_now(data: dict) -> int:
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND)
    return connection.send_messages([deserialise(data)]) or 0
