"""`verbund group-meetings GROUP_ID --from DATE --count N`: plan the next meetings by the group's
rhythm (days already planned are kept)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from verbund.groups import services
from verbund.groups.management.commands._common import group_by_id, parse_date


class Command(BaseCommand):
    help = "Plan a referral group's next meetings by its rhythm."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("group_id", type=int)
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        parser.add_argument("--count", type=int, default=4)

    def handle(self, *args, **options) -> None:
        group = group_by_id(options["group_id"])
        try:
            meetings = services.meetings_schedule(
                group=group, start=parse_date(options["start"], "--from"), count=options["count"]
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        for meeting in meetings:
            self.stdout.write(f"{meeting.pk}\t{meeting.starts_at.isoformat()}")
