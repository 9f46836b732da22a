"""`verbund health-settings --network SLUG [--set NAME=VALUE ...] [--reset NAME ...]`: show or
change a network's health thresholds and weights (defaults: docs/decisions/0005-health-model.md).
``stalled_days`` is set per stage: ``--set stalled_days.pilot=200``."""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from verbund.health.models import NetworkHealthSettings
from verbund.health.services import health_settings_update
from verbund.health.settings_form import defaults
from verbund.tenancy.models import Network


class Command(BaseCommand):
    help = "Show or change a network's health settings (thresholds and weights)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--network", required=True, help="slug of the network")
        parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
        parser.add_argument("--reset", action="append", default=[], metavar="NAME")

    def handle(self, *args, **options) -> None:
        network = Network.objects.filter(slug=options["network"]).first()
        if network is None:
            raise CommandError(_("Network not found: %(slug)s") % {"slug": options["network"]})
        row = NetworkHealthSettings.objects.filter(network=network).first()
        current = dict(row.overrides) if row else {}
        changes: dict[str, object] = {name: None for name in options["reset"]}
        for item in options["set"]:
            name, sep, value = item.partition("=")
            if not sep:
                raise CommandError(_("Write NAME=VALUE, not “%(item)s”.") % {"item": item})
            if name.startswith("stalled_days."):
                stages = dict(changes.get("stalled_days") or current.get("stalled_days") or {})
                stages[name.removeprefix("stalled_days.")] = value
                changes["stalled_days"] = stages
            else:
                changes[name.strip()] = value.strip()
        if changes:
            try:
                row = health_settings_update(network=network, changes=changes)
            except ValidationError as error:
                lines = [f"{k}: {' '.join(v)}" for k, v in error.message_dict.items()]
                raise CommandError("\n".join(lines)) from None
            current = dict(row.overrides)
            self.stdout.write(
                _("Saved. Run “verbund health-recompute --network %(slug)s” to apply it now.")
                % {"slug": network.slug}
            )
        for name, default in defaults().items():
            value = current.get(name, default)
            mark = "*" if name in current else " "
            shown = json.dumps(value) if isinstance(value, dict) else value
            default_shown = json.dumps(default) if isinstance(default, dict) else default
            self.stdout.write(f"{mark} {name} = {shown}  ({_('default')}: {default_shown})")
