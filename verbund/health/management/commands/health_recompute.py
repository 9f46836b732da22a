"""`verbund health-recompute [--network SLUG]`: score every partnership again, write today's
snapshot of each and reconcile the early warnings (opened ones notify the partners).

Run daily (scripts/run.sh does; servers use cron): health changes with time alone — a
partnership goes quiet without anything being recorded. Recorded changes update a partnership
at once; this command also repairs what was written around the services (imports, restores).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from tqdm import tqdm

from verbund.health.services import health_history, health_recompute
from verbund.tenancy.models import Network


class Command(BaseCommand):
    help = "Score every partnership again, write today's health snapshots, reconcile alerts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--network", help="slug of one network (default: every network)")
        parser.add_argument(
            "--quiet-alerts",
            action="store_true",
            help="open alerts without notifying anyone (e.g. the first run after an import)",
        )
        parser.add_argument(
            "--history",
            type=int,
            metavar="DAYS",
            default=0,
            help="also write weekly snapshots of the past DAYS from the recorded rows "
            "(after importing a partnership's past)",
        )

    def handle(self, *args, **options) -> None:
        if options["network"]:
            networks = list(Network.objects.filter(slug=options["network"]))
            if not networks:
                raise CommandError(_("Network not found: %(slug)s") % {"slug": options["network"]})
        else:
            networks = list(Network.objects.order_by("slug"))
        if options["history"] < 0:
            raise CommandError(_("--history needs a number of days, 0 or more."))
        for network in networks:
            if options["history"]:
                written = health_history(network=network, days=options["history"])
                self.stdout.write(
                    _("%(network)s: %(snapshots)d snapshots of past weeks written.")
                    % {"network": network.slug, "snapshots": written}
                )
            with tqdm(
                unit=" partnerships", desc=network.slug, disable=None, file=self.stderr._out
            ) as bar:

                def progress(done: int, total: int) -> None:
                    bar.total = total
                    bar.update(done - bar.n)

                summary = health_recompute(
                    network=network,
                    progress=progress,
                    send_notifications=not options["quiet_alerts"],
                )
            self.stdout.write(
                _(
                    "%(network)s: %(partnerships)d partnerships scored from %(events)d events; "
                    "%(opened)d new early warnings."
                )
                % {
                    "network": network.slug,
                    "partnerships": summary.partnerships,
                    "events": summary.events,
                    "opened": summary.opened,
                }
            )
