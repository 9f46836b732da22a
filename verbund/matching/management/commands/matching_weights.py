"""`verbund matching-weights --network SLUG [name=value ...] [--reset]`: a network's weights.

Without values it prints the weights in force (defaults with the network's overrides). Names are
the fields of ``verbund.matching.engine.Weights`` (see docs/operator-guide.md).
"""

from __future__ import annotations

from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from verbund.matching import selectors, services
from verbund.tenancy.models import Network


class Command(BaseCommand):
    help = "Show or change the partner-matching weights of a network."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--network", required=True, help="slug of the network")
        parser.add_argument("values", nargs="*", help="name=value pairs, e.g. need_fit=0.4")
        parser.add_argument("--reset", action="store_true", help="back to the defaults")

    def handle(self, *args, **options) -> None:
        network = Network.objects.filter(slug=options["network"]).first()
        if network is None:
            raise CommandError(_("Network not found: %(slug)s") % {"slug": options["network"]})
        if options["reset"] or options["values"]:
            current = (
                {}
                if options["reset"]
                else dict((network.settings or {}).get(selectors.WEIGHTS_SETTING) or {})
            )
            for pair in options["values"]:
                name, sep, value = pair.partition("=")
                if not sep:
                    raise CommandError(_("Write name=value, e.g. need_fit=0.4: %(pair)s") % {
                        "pair": pair})  # fmt: skip
                current[name.strip()] = value.strip()
            try:
                services.network_weights_set(network=network, weights=current)
            except ValidationError as exc:
                raise CommandError("; ".join(exc.messages)) from exc
        overrides = (network.settings or {}).get(selectors.WEIGHTS_SETTING) or {}
        for name, value in asdict(selectors.network_weights(network)).items():
            mark = "  *" if name in overrides else ""
            self.stdout.write(f"{name:28} {value:g}{mark}")
