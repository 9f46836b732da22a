"""`verbund demo-logins`: list the demo logins that exist, with what each may do.

Read from the database rather than from the seed script, so the list is true even after
someone changed roles in the admin.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from verbund.accounts.models import User
from verbund.demo.seed import DEMO_PASSWORD

DEMO_DOMAIN = "@demo.verbund.example"


class Command(BaseCommand):
    help = "List the demo logins (password, networks and companies of each)."

    def handle(self, *args, **options) -> None:
        people = (
            User.objects.filter(email__endswith=DEMO_DOMAIN)
            .prefetch_related("memberships__network", "company_memberships__company")
            .order_by("date_joined", "pk")
        )
        # The referral groups' other members have no password (they fill the groups' seats).
        people = [person for person in people if person.has_usable_password()]
        if not people:
            self.stdout.write("No demo logins in this database.")
            return
        width = max(len(person.email) for person in people)
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD})")
        for person in people:
            # Each person's roles in that person's own language (what they will see on logging in).
            with translation.override(person.language or settings.LANGUAGE_CODE):
                roles = [
                    f"{m.get_role_display()} · {m.network.name}" for m in person.memberships.all()
                ]
                roles += [
                    f"{m.get_role_display()} · {m.company.name}"
                    for m in person.company_memberships.all()
                ]
            if person.is_superuser:
                roles.append("administrator (/admin/)")
            self.stdout.write(f"  {person.email:<{width}}  {'; '.join(roles)}")
