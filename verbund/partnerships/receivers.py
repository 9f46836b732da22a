"""Signal receivers: they only hand over to a service (no business logic in signals)."""

from __future__ import annotations


def on_mutual_interest(sender, network, companies, **kwargs) -> None:
    from verbund.partnerships.services import partnership_create_from_mutual_interest

    partnership_create_from_mutual_interest(network=network, companies=companies)
