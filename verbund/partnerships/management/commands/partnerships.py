"""`verbund partnerships`: partnerships, contact requests and agreements from the command line.

    verbund partnerships list --network SLUG [--stage STAGE]
    verbund partnerships show ID
    verbund partnerships requests --network SLUG [--status STATUS]
    verbund partnerships agreement-pdf ID NUMBER --language de|nl|en --output FILE

For operators: it reads the database directly (no person's access rules apply), like the
import and export commands.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from verbund.partnerships import pdf
from verbund.partnerships.models import ContactRequest, Partnership, Stage
from verbund.partnerships.selectors import partnership_detail_data, partnership_queryset
from verbund.tenancy.models import Network


class Command(BaseCommand):
    help = "List and show partnerships, contact requests and agreements."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        listing = verbs.add_parser("list", help="partnerships of a network")
        listing.add_argument("--network", required=True)
        listing.add_argument("--stage", choices=Stage.values)
        listing.add_argument("--json", action="store_true", help="one JSON object per line")
        show = verbs.add_parser("show", help="one partnership with history and agreements")
        show.add_argument("id", type=int)
        requests = verbs.add_parser("requests", help="contact requests of a network")
        requests.add_argument("--network", required=True)
        requests.add_argument("--status", choices=ContactRequest.Status.values)
        export = verbs.add_parser("agreement-pdf", help="write an agreement version as PDF")
        export.add_argument("id", type=int)
        export.add_argument("number", type=int)
        export.add_argument("--language", choices=["de", "nl", "en"], default="de")
        export.add_argument("--output", required=True)

    def _network(self, slug: str) -> Network:
        network = Network.objects.filter(slug=slug).first()
        if network is None:
            raise CommandError(_("No network “%(slug)s”.") % {"slug": slug})
        return network

    def _partnership(self, pk: int) -> Partnership:
        partnership = partnership_queryset().filter(pk=pk).first()
        if partnership is None:
            raise CommandError(_("Partnership not found."))
        return partnership

    def handle(self, *args, **options) -> None:
        getattr(self, "_" + options["verb"].replace("-", "_"))(options)

    def _list(self, options) -> None:
        partnerships = partnership_queryset().filter(network=self._network(options["network"]))
        if options["stage"]:
            partnerships = partnerships.filter(stage=options["stage"])
        for p in partnerships.order_by("pk"):
            parties = [party.company.name for party in p.parties.all()]
            if options["json"]:
                row = {"id": p.pk, "form": p.form, "stage": p.stage, "parties": parties}
                self.stdout.write(json.dumps(row, ensure_ascii=False))
            else:
                self.stdout.write(f"{p.pk}\t{p.stage}\t{p.form}\t{' · '.join(parties)}")

    def _show(self, options) -> None:
        p = self._partnership(options["id"])
        data = partnership_detail_data(p)
        self.stdout.write(f"{_('Partnership')} {p.pk}: {p.get_stage_display()} · {p.form}")
        for party in p.parties.all():
            self.stdout.write(f"  {party.company.name}{' (leader)' if party.is_leader else ''}")
        for change in data["changes"]:
            opened = f" [open: {', '.join(change.open_items)}]" if change.open_items else ""
            self.stdout.write(
                f"  {change.created_at:%Y-%m-%d} {change.from_stage or '-'} → {change.to_stage}"
                f" {change.reason}{opened}"
            )
        for version in data["versions"]:
            confirmed = ", ".join(c.company.name for c in version.confirmations.all())
            self.stdout.write(f"  v{version.number} {version.status} ({confirmed or '-'})")
        for review in data["reviews"]:
            self.stdout.write(f"  review {review.number} due {review.due_date} {review.status}")

    def _requests(self, options) -> None:
        requests = ContactRequest.objects.filter(
            network=self._network(options["network"])
        ).select_related("sender", "recipient")
        if options["status"]:
            requests = requests.filter(status=options["status"])
        for r in requests.order_by("pk"):
            self.stdout.write(
                f"{r.pk}\t{r.status}\t{r.created_at:%Y-%m-%d}\t{r.sender.name} → "
                f"{r.recipient.name}\t{r.about_title}"
            )

    def _agreement_pdf(self, options) -> None:
        p = self._partnership(options["id"])
        version = p.agreement_versions.filter(number=options["number"]).first()
        if version is None:
            raise CommandError(_("Agreement version not found."))
        Path(options["output"]).write_bytes(pdf.agreement_pdf(version, p, options["language"]))
        self.stdout.write(options["output"])
