from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from verbund.jobs.mail import deserialise, serialise


# The worker closes database connections between tasks, so no wrapping test transaction.
@pytest.mark.django_db(transaction=True)
def test_mail_is_queued_and_the_worker_delivers_it(settings, mailoutbox):
    settings.EMAIL_BACKEND = "verbund.jobs.mail.TaskEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    mail.send_mail("Hallo", "Text", None, ["someone@example.com"])
    assert mailoutbox == []
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "verbund.jobs.tasks.deliver_email"

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [m.to for m in mail.outbox] == [["someone@example.com"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_serialised_mail_round_trips_with_alternatives():
    message = mail.EmailMultiAlternatives(
        "Betreff",
        "Text",
        "a@example.com",
        ["b@example.com"],
        cc=["c@example.com"],
        reply_to=["r@example.com"],
    )
    message.attach_alternative("<p>Text</p>", "text/html")
    again = deserialise(serialise(message))
    assert (again.subject, again.body, again.to, again.cc, again.reply_to) == (
        "Betreff",
        "Text",
        ["b@example.com"],
        ["c@example.com"],
        ["r@example.com"],
    )
    assert again.alternatives[0][1] == "text/html"
