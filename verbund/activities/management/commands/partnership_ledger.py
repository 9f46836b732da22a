"""`verbund partnership-ledger PARTNERSHIP_ID [--settle]`: balances per party and the settlement
proposal; ``--settle`` records the proposal as paid (every balance becomes zero)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser

from verbund.activities import selectors, services
from verbund.activities.management.commands._common import partnership_by_id


class Command(BaseCommand):
    help = "Show a partnership's cost balances and settlement proposal; --settle records it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("partnership_id", type=int)
        parser.add_argument("--settle", action="store_true", help="record the proposal as paid")

    def handle(self, *args, **options) -> None:
        partnership = partnership_by_id(options["partnership_id"])
        view = selectors.ledger_view(partnership)
        for company, amount in view.balances:
            self.stdout.write(
                f"{company.name}\tpaid {view.paid[company.pk]:.2f}\tbalance {amount:+.2f}"
            )
        for payer, payee, amount in view.proposal:
            self.stdout.write(f"proposal: {payer.name} -> {payee.name} {amount:.2f} EUR")
        if options["settle"] and view.transfers:
            first = next(iter(selectors.parties(partnership)))
            services.settlement_proposal_record(
                partnership=partnership, company=first, user=None, transfers=view.transfers
            )
            self.stdout.write(
                f"recorded {len(view.transfers)} settlement(s); all balances are zero"
            )
