"""`verbund match EXTERNAL_ID --network SLUG [--top N] [--json]`: partner suggestions for scripts.

Candidates are shown as a fellow member of the network sees them (anonymous ones without their
name, ``name`` null in JSON); the external ids are the network's own keys, for evaluation.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from verbund.companies.models import NetworkCompany
from verbund.matching import selectors, services
from verbund.tenancy.actor import Actor
from verbund.tenancy.models import Membership, Network


class Command(BaseCommand):
    help = "Partner suggestions for one company of a network, best first (text or JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("external_id", help="the company's external_id in the network")
        parser.add_argument("--network", required=True, help="slug of the network")
        parser.add_argument("--top", type=int, default=10, help="how many (default 10, max 50)")
        parser.add_argument("--json", action="store_true", help="print JSON instead of text")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="language of the reasons and concerns",
        )

    def handle(self, *args, **options) -> None:
        network = Network.objects.filter(slug=options["network"]).first()
        if network is None:
            raise CommandError(_("Network not found: %(slug)s") % {"slug": options["network"]})
        listing = (
            NetworkCompany.objects.filter(network=network, external_id=options["external_id"])
            .select_related("company")
            .first()
        )
        if listing is None:
            raise CommandError(
                _("No company with external_id %(id)s in %(network)s")
                % {"id": options["external_id"], "network": network.slug}
            )
        if not 1 <= options["top"] <= 50:
            raise CommandError(_("--top must be between 1 and 50."))
        # An operator's view through a fellow member's eyes: the visibility rules apply.
        reader = Actor(
            user=AnonymousUser(),
            memberships=[Membership(network=network, role=Membership.Role.MEMBER)],
        )
        seeker = selectors.Seeker(network, listing.company, acts_for=False, coordinator=False)
        language = options["language"]
        with translation.override(language):
            result = services.suggestions_ready(reader, seeker, language, top=options["top"])
        rows = [
            {
                "external_id": card.listing_external_id or None,
                "name": card.name,
                "score": round(card.score, 1),
                "reasons": card.reasons,
                "concerns": card.concerns,
            }
            for card in result.cards
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for rank, row in enumerate(rows, 1):
            name = row["name"] or _("(anonymous)")
            self.stdout.write(f"{rank:>2}. {row['score']:5.1f}  {row['external_id']}  {name}")
            for entry in row["reasons"]:
                self.stdout.write(f"        + {entry['text']}")
            for entry in row["concerns"]:
                self.stdout.write(f"        ! {entry['text']}")
