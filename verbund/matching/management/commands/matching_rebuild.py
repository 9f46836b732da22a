"""`verbund matching-rebuild --network SLUG`: build a network's matching index from scratch.

Texts embedded before come from the embedding cache (var/matching/embeddings), so a rebuild
after an upgrade or a restore embeds only what is new. Profile edits never need this command:
the background worker applies them within seconds.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from tqdm import tqdm

from verbund.matching import index
from verbund.tenancy.models import Network


class Command(BaseCommand):
    help = "Build the partner-matching index of a network (or of all networks) from scratch."

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--network", help="slug of the network")
        group.add_argument("--all", action="store_true", help="every network")

    def handle(self, *args, **options) -> None:
        if options["all"]:
            networks = list(Network.objects.order_by("slug"))
        else:
            networks = list(Network.objects.filter(slug=options["network"]))
            if not networks:
                raise CommandError(_("Network not found: %(slug)s") % {"slug": options["network"]})
        for network in networks:
            encoder = index.get_encoder()
            before = encoder.embedded
            with tqdm(
                unit=" companies", desc=network.slug, disable=None, file=self.stderr._out
            ) as bar:

                def progress(done: int, total: int) -> None:
                    bar.total = total
                    bar.update(done - bar.n)

                state = index.index_rebuild(network, progress=progress)
            if state is None:
                self.stdout.write(
                    _("%(network)s: no companies, nothing to build.") % {"network": network.slug}
                )
                continue
            self.stdout.write(
                _(
                    "%(network)s: %(companies)d companies indexed in %(seconds).1f s "
                    "(%(embedded)d texts embedded, the rest from the cache)."
                )
                % {
                    "network": network.slug,
                    "companies": state.companies,
                    "seconds": state.build_seconds,
                    "embedded": encoder.embedded - before,
                }
            )
