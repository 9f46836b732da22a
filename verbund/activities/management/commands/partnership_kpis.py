"""`verbund partnership-kpis PARTNERSHIP_ID [--from DATE] [--to DATE] [--company ID]`: the outcome
KPIs as recorded (referrals, revenue, activities), one ``key<TAB>value`` line each."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from verbund.activities import selectors
from verbund.activities.management.commands._common import parse_date, partnership_by_id


class Command(BaseCommand):
    help = "Print a partnership's recorded KPIs for a period (default: the last 365 days)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership_id", type=int)
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD")
        parser.add_argument("--company", type=int, help="seen from this party")

    def handle(self, *args, **options) -> None:
        partnership = partnership_by_id(options["partnership_id"])
        end = parse_date(options["end"], "--to") if options["end"] else timezone.localdate()
        start = (
            parse_date(options["start"], "--from")
            if options["start"]
            else end - dt.timedelta(days=365)
        )
        figures = selectors.kpi_actuals(
            partnership,
            timezone.make_aware(dt.datetime.combine(start, dt.time.min)),
            timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min)),
            company_id=options["company"],
        )
        for key, value in figures.items():
            self.stdout.write(f"{key}\t{value}")
