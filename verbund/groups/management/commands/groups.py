"""`verbund groups [--network SLUG]`: list referral groups with their IDs and member counts."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Count, Q

from verbund.groups.models import Group


class Command(BaseCommand):
    help = "List referral groups (ID, network, name, members)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--network", help="only the groups of this network (slug)")

    def handle(self, *args, **options) -> None:
        groups = Group.objects.select_related("network").annotate(
            members=Count("seats", filter=Q(seats__active=True))
        )
        if options["network"]:
            groups = groups.filter(network__slug=options["network"])
        for group in groups.order_by("network__slug", "name"):
            self.stdout.write(f"{group.pk}\t{group.network.slug}\t{group.name}\t{group.members}")
