"""`verbund seed-demo`: fill an empty installation with the demo network and its logins."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from verbund.demo.seed import ASSOCIATION_SLUG, PROGRAMME_SLUG, DemoAlreadySeeded, seed_demo
from verbund.matching.index import index_rebuild
from verbund.tenancy.models import Network

DEMO_SLUGS = (PROGRAMME_SLUG, ASSOCIATION_SLUG)


class Command(BaseCommand):
    help = (
        "Create the demo: a cross-border programme (Münsterland, Osnabrück, Twente, Achterhoek) "
        "with about 300 companies, a second network, and demo logins (password: verbund-demo)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the database already holds a network (safe for start scripts).",
        )
        parser.add_argument(
            "--no-logins",
            action="store_true",
            help="Leave out the table of logins (`make run` lists them once the server starts).",
        )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        try:
            summary = seed_demo(if_empty=options["if_empty"])
        except DemoAlreadySeeded as error:
            raise CommandError(str(error)) from error
        if not summary.created:
            self.stdout.write("The database already holds networks; demo not seeded (--if-empty).")
            return

        out = self.stdout.write
        out(self.style.SUCCESS(f"Demo seeded in {time.monotonic() - started:.1f} s."))
        # Partner suggestions are ready at the first visit: build each demo network's index now
        # (the embeddings are cached under var/, so a later rebuild costs no model time).
        indexed = time.monotonic()
        for network in Network.objects.filter(slug__in=DEMO_SLUGS):
            index_rebuild(network)
        out(f"Partner-matching index built in {time.monotonic() - indexed:.1f} s.")
        out("")
        out("Networks / Netzwerke:")
        for name, companies in summary.networks.items():
            out(f"  {name}: {companies} companies")
        counts = summary.counts
        out(
            f"Companies / Unternehmen: {counts['companies']} "
            f"({counts['companies_de']} DE, {counts['companies_nl']} NL; "
            f"{counts['anonymous']} anonymous, {counts['private']} private)"
        )
        if options["no_logins"]:
            return
        out("")
        out("Logins / Zugänge (same password for all / gleiches Passwort für alle):")
        width = max(len(login.email) for login in summary.logins)
        pwidth = max(len(login.password) for login in summary.logins)
        out(f"  {'email':<{width}}  {'password':<{pwidth}}  role and what they see")
        out(f"  {'-' * width}  {'-' * pwidth}  {'-' * 40}")
        for login in summary.logins:
            out(f"  {login.email:<{width}}  {login.password:<{pwidth}}  {login.role}")
