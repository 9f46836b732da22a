"""Signal receivers: they only hand over to a service (no business logic in signals)."""

from __future__ import annotations


def on_mutual_interest(sender, network, companies, **kwargs) -> None:
    from verbund.partnerships.services import partnership_create_from_mutual_interest

    # Matching tells both companies itself ("matching.mutual_interest") right before it sends
    # this signal; a second notification of ours would say the same thing twice.
    partnership_create_from_mutual_interest(network=network, companies=companies, tell=False)
