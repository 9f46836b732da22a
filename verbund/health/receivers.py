"""Signal receivers: they only hand a recorded change over to the health service, which
refreshes the partnership after the commit (no business logic in signals)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save


def on_row_saved(sender, instance, **kwargs) -> None:
    from verbund.health.services import health_note_change, partnership_ids_of

    for partnership_id in partnership_ids_of(sender, instance):
        health_note_change(partnership_id, (sender, instance.pk))


def on_facts_saved(sender, instance, **kwargs) -> None:
    """Stage, parties or agreement changed: score again (a new party or agreement rebuilds)."""
    from verbund.health.services import health_note_change, partnership_ids_of

    for partnership_id in partnership_ids_of(sender, instance):
        health_note_change(partnership_id)


def on_review_saved(sender, instance, **kwargs) -> None:
    """A review completed: every submission of it now counts (scores show once all are in)."""
    from verbund.health.services import health_note_change
    from verbund.partnerships.models import ReviewSubmission

    for pk in ReviewSubmission.objects.filter(review_id=instance.pk).values_list("pk", flat=True):
        health_note_change(instance.partnership_id, (ReviewSubmission, pk))
    health_note_change(instance.partnership_id)


def connect() -> None:
    from verbund.health.sources import MODELS
    from verbund.partnerships.models import (
        AgreementVersion,
        Partnership,
        PartnershipParty,
        Review,
        StageChange,
    )

    for model in MODELS:
        uid = f"health.{model.__name__}"
        post_save.connect(on_row_saved, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(on_row_saved, sender=model, dispatch_uid=f"{uid}.delete")
    post_save.connect(on_review_saved, sender=Review, dispatch_uid="health.Review.save")
    for model in (Partnership, PartnershipParty, AgreementVersion, StageChange):
        uid = f"health.{model.__name__}"
        post_save.connect(on_facts_saved, sender=model, dispatch_uid=f"{uid}.save")
