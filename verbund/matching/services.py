"""Writes of the matching app: what was shown, feedback, mutual interest, network weights."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verbund.lib import catalogues
from verbund.matching import engine, signals
from verbund.matching.models import IndexState, Suggestion
from verbund.matching.selectors import (
    WEIGHTS_SETTING,
    Result,
    Seeker,
    require_feedback_right,
    suggestions_for,
)
from verbund.tenancy.models import Network

BUILD_REQUEST_INTERVAL = timedelta(minutes=10)


def index_request_build(*, network: Network) -> bool:
    """Ask the worker for a network's first index build (at most once per interval, however
    many people open the page meanwhile). Returns whether a build was queued."""
    from verbund.matching.tasks import matching_rebuild

    now = timezone.now()
    with transaction.atomic():
        state, _ = IndexState.objects.select_for_update().get_or_create(network=network)
        if state.generation or (
            state.requested_at and now - state.requested_at < BUILD_REQUEST_INTERVAL
        ):
            return False
        state.requested_at = now
        state.save(update_fields=["requested_at"])
    matching_rebuild.enqueue(network.pk)  # inline without a worker: built when this returns
    return True


def suggestions_ready(
    actor, seeker: Seeker, language: str, *, filters=None, top: int = 20
) -> Result:
    """``suggestions_for``, first asking for the network's index if it has none yet."""
    result = suggestions_for(actor, seeker, language, filters=filters, top=top)
    if not result.ready and index_request_build(network=seeker.network):
        result = suggestions_for(actor, seeker, language, filters=filters, top=top)
    return result


def suggestions_record_shown(*, seeker: Seeker, shown: Iterable[tuple[int, float]]) -> None:
    """Remember which candidates the company was shown (for feedback and statistics).

    Only when the company's own people look: a coordinator's preview is not "shown". One query.
    """
    if not seeker.acts_for:
        return
    now = timezone.now()
    rows = [
        Suggestion(
            network=seeker.network,
            company=seeker.company,
            candidate_id=candidate_id,
            score=score,
            first_shown_at=now,
            last_shown_at=now,
        )
        for candidate_id, score in shown
    ]
    if rows:
        Suggestion.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["network", "company", "candidate"],
            update_fields=["score", "last_shown_at"],
        )


@transaction.atomic
def suggestion_feedback(
    *,
    seeker: Seeker,
    candidate_id: int,
    verdict: str,
    reason: str = "",
    note: str = "",
    user=None,
) -> Suggestion:
    """Record ``interested`` or ``not_relevant`` (+ reason from the dismiss_reasons catalogue)
    for a candidate that was shown to the company; detects mutual interest."""
    require_feedback_right(seeker)
    row = (
        Suggestion.objects.select_for_update()
        .filter(network=seeker.network, company=seeker.company, candidate_id=candidate_id)
        .first()
    )
    if row is None:
        # Feedback is about a suggestion; anything else would let one probe for companies.
        from django.http import Http404

        raise Http404(_("This company was not suggested to you."))
    errors = {}
    if verdict not in (Suggestion.Feedback.INTERESTED, Suggestion.Feedback.NOT_RELEVANT):
        errors["verdict"] = _("Choose “interested” or “not relevant”.")
    elif verdict == Suggestion.Feedback.NOT_RELEVANT:
        if not reason:
            errors["reason"] = _("Please tell us why the suggestion is not relevant.")
        elif catalogues.get("dismiss_reasons", reason) is None:
            errors["reason"] = _("Unknown reason: %(reason)s") % {"reason": reason}
    if len(note) > 300:
        errors["note"] = _("The note may be at most 300 characters long.")
    if errors:
        raise ValidationError(errors)
    row.feedback = verdict
    row.reason = reason if verdict == Suggestion.Feedback.NOT_RELEVANT else ""
    row.note = note.strip()
    row.feedback_by = user
    row.feedback_at = timezone.now()
    row.save(update_fields=["feedback", "reason", "note", "feedback_by", "feedback_at"])
    if verdict == Suggestion.Feedback.INTERESTED and row.mutual_at is None:
        _detect_mutual(row)
    return row


def _detect_mutual(row: Suggestion) -> None:
    other = (
        Suggestion.objects.select_for_update()
        .filter(
            network_id=row.network_id,
            company_id=row.candidate_id,
            candidate_id=row.company_id,
            feedback=Suggestion.Feedback.INTERESTED,
        )
        .first()
    )
    if other is None:
        return
    now = timezone.now()
    Suggestion.objects.filter(pk__in=[row.pk, other.pk]).update(mutual_at=now)
    row.mutual_at = now
    transaction.on_commit(lambda: _announce_mutual(row.pk))


def _announce_mutual(suggestion_id: int) -> None:
    row = Suggestion.objects.select_related("network", "company", "candidate").get(pk=suggestion_id)
    from verbund.matching import notifications

    notifications.tell_mutual_interest(row)
    signals.mutual_interest.send(
        sender=Suggestion, network=row.network, companies=(row.company, row.candidate)
    )


def network_weights_set(*, network: Network, weights: Mapping[str, float]) -> Network:
    """Override engine weights for a network (keys of ``engine.Weights``); {} resets them."""
    known = {f.name for f in fields(engine.Weights)}
    errors = []
    cleaned: dict[str, float] = {}
    for key, value in weights.items():
        if key not in known:
            errors.append(_("Unknown weight: %(key)s") % {"key": key})
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            errors.append(_("%(key)s must be a number.") % {"key": key})
            continue
        if not 0 <= number <= 1000:
            errors.append(_("%(key)s must be between 0 and 1000.") % {"key": key})
            continue
        cleaned[key] = number
    if errors:
        raise ValidationError(errors)
    settings = dict(network.settings or {})
    if cleaned:
        settings[WEIGHTS_SETTING] = cleaned
    else:
        settings.pop(WEIGHTS_SETTING, None)
    network.settings = settings
    network.save(update_fields=["settings"])
    return network
