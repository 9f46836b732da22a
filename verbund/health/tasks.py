"""Background work of the health app (django-tasks; inline when TASKS_IMMEDIATE is set)."""

from __future__ import annotations

from django_tasks import task


@task()
def health_recompute_network(network_id: int) -> int:
    """Score a network's partnerships again (after its settings changed); returns how many."""
    from verbund.health.services import health_recompute
    from verbund.tenancy.models import Network

    network = Network.objects.filter(pk=network_id).first()
    if network is None:
        return 0
    return health_recompute(network=network).partnerships
