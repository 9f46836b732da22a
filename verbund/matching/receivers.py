"""The index follows profile writes: changes are collected per transaction and handed to one
background task per network once the transaction commits (a rolled-back write sends nothing)."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.utils import timezone

from verbund.companies import signals


class _Batch:
    """Company and network ids changed in one transaction; runs once, on commit."""

    def __init__(self) -> None:
        self.company_ids: set[int] = set()
        self.rebuild_network_ids: set[int] = set()
        self.done = False

    def __call__(self) -> None:
        self.done = True
        from verbund.companies.models import NetworkCompany
        from verbund.matching.tasks import matching_profiles_changed, matching_rebuild

        changed_at = timezone.now().isoformat()
        for network_id in sorted(self.rebuild_network_ids):
            matching_rebuild.enqueue(network_id)
        by_network: dict[int, list[int]] = defaultdict(list)
        listings = NetworkCompany.objects.filter(company_id__in=self.company_ids).exclude(
            network_id__in=self.rebuild_network_ids
        )
        for network_id, company_id in listings.values_list("network_id", "company_id"):
            by_network[network_id].append(company_id)
        for network_id, company_ids in sorted(by_network.items()):
            matching_profiles_changed.enqueue(network_id, sorted(company_ids), changed_at)


def _batch() -> tuple[_Batch, bool]:
    """The batch of the current transaction (registered on first use) and whether it is new."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        # Hundreds of writes in one transaction (a demo seed, a stock-taking step) become one
        # task: find the batch registered earlier in this transaction (the latest one; a batch
        # that already ran, as tests run callbacks early, takes no more ids).
        for entry in reversed(connection.run_on_commit):
            if isinstance(entry[1], _Batch):
                if not entry[1].done:
                    return entry[1], False
                break
    return _Batch(), True


def _schedule(batch: _Batch, new: bool) -> None:
    if new:
        transaction.on_commit(batch)  # outside a transaction: runs at once


def on_profile_changed(sender, company, **kwargs) -> None:
    batch, new = _batch()
    batch.company_ids.add(company.pk)
    _schedule(batch, new)


def on_profiles_imported(sender, network, **kwargs) -> None:
    batch, new = _batch()
    batch.rebuild_network_ids.add(network.pk)
    _schedule(batch, new)


def connect() -> None:
    signals.profile_changed.connect(on_profile_changed, dispatch_uid="matching.profile_changed")
    signals.profiles_imported.connect(
        on_profiles_imported, dispatch_uid="matching.profiles_imported"
    )
