"""`verbund group-report GROUP_ID [--from DATE] [--to DATE] [--language de|nl|en]`: the group
report as CSV (one row per member, ranked givers first) on standard output."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation

from verbund.groups import export, selectors
from verbund.groups.management.commands._common import group_by_id, parse_date


class Command(BaseCommand):
    help = "Write a referral group's report for a period as CSV (default: the last 90 days)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("group_id", type=int)
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD")
        parser.add_argument("--language", choices=["de", "nl", "en"], default="de")

    def handle(self, *args, **options) -> None:
        group = group_by_id(options["group_id"])
        start, end = selectors.default_period()
        if options["start"]:
            start = parse_date(options["start"], "--from")
        if options["end"]:
            end = parse_date(options["end"], "--to")
        with translation.override(options["language"]):
            report = selectors.group_report(group, start, end)
            labels = {
                s.pk: s.category_label
                for s in selectors.labelled_seats(group, options["language"])
            }
            self.stdout.write(export.report_csv(report, labels), ending="")
