"""`verbund send-reminders`: remind about contact requests unanswered for a week (network
setting ``contact_reminder_days``) and about overdue reviews.

Idempotent: every request and review is reminded once, so it can run hourly (``make run`` does)
or from cron once a day (docs/operator-guide.md).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from verbund.partnerships.services import reminders_send


class Command(BaseCommand):
    help = "Send reminders for unanswered contact requests and overdue reviews (idempotent)."

    def handle(self, *args, **options) -> None:
        sent = reminders_send()
        self.stdout.write(
            f"reminded: {sent.contact_requests} contact request(s), {sent.reviews} review(s)"
        )
