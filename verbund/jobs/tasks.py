from __future__ import annotations

from django_tasks import task


@task()
def deliver_email(message: dict) -> int:
    """Deliver one serialised email with the configured delivery backend."""
    from verbund.jobs.mail import deliver_now

    return deliver_now(message)
