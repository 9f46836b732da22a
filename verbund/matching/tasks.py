"""Background work of the matching index (django-tasks; inline when TASKS_IMMEDIATE is set)."""

from __future__ import annotations

from django_tasks import task


@task()
def matching_profiles_changed(network_id: int, company_ids: list[int], changed_at: str) -> str:
    """Embed changed profiles and log them for every process (or rebuild when many changed)."""
    from django.utils.dateparse import parse_datetime

    from verbund.matching import index
    from verbund.tenancy.models import Network

    network = Network.objects.filter(pk=network_id).first()
    if network is None:
        return "gone"
    return index.index_note_changes(network, company_ids, parse_datetime(changed_at))


@task()
def matching_rebuild(network_id: int) -> int:
    """Full rebuild of a network's index; returns the number of companies in it."""
    from verbund.matching import index
    from verbund.tenancy.models import Network

    network = Network.objects.filter(pk=network_id).first()
    state = index.index_rebuild(network) if network is not None else None
    return state.companies if state else 0
