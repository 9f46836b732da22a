"""Writes of the health app: the incremental and the full recompute, the alerts' lifecycle, and a
network's health settings.

- ``health_refresh`` (one partnership, after a recorded change): folds the changed rows' new
  events into the stored running state when they come in day order, else rebuilds the state
  from the partnership's rows; then scores, stores today's snapshot and reconciles the alerts.
- ``health_recompute`` (every partnership of a network, daily): reads all rows in a few queries,
  runs the vectorised core once per network, writes scores, snapshots and alerts in bulk.
- ``alert_acknowledge`` / ``alert_resolve``: a person of a party or the network's coordination.

Both paths score with the same pure functions (``scoring.score``, ``alerts.findings``) and store
through the same ``_Result``; a test checks they agree.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from verbund.companies.models import CompanyMember
from verbund.health import aggregates, alerts, notices, scoring, sources, store
from verbund.health import history as h
from verbund.health.models import (
    HealthAlert,
    NetworkHealthSettings,
    PartnershipHealth,
)
from verbund.health.params import HealthSettings
from verbund.notifications.services import notify
from verbund.partnerships.models import Partnership
from verbund.tenancy.actor import Actor
from verbund.tenancy.models import Network

log = logging.getLogger(__name__)
BATCH = 2_000
UNRESOLVED = (HealthAlert.Status.OPEN, HealthAlert.Status.ACKNOWLEDGED)


# ---------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------


def settings_for(network_id: int) -> HealthSettings:
    """The network's health settings: the documented defaults with its overrides."""
    row = NetworkHealthSettings.objects.filter(network_id=network_id).first()
    try:
        return HealthSettings.from_mapping(row.overrides if row else None)
    except ValueError:
        # Overrides are validated when written; a value no longer valid (a setting renamed in
        # an upgrade) must not stop the health of a whole network.
        log.warning("network %s: invalid health settings ignored", network_id)
        return HealthSettings()


def health_settings_update(
    *, network: Network, changes: dict[str, Any], user=None
) -> NetworkHealthSettings:
    """Set (or with value None: reset) some of the network's health settings, validated."""
    from verbund.health.settings_form import validate_overrides

    existing = NetworkHealthSettings.objects.filter(network=network).first()
    merged = dict(existing.overrides) if existing else {}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    cleaned = validate_overrides(merged)  # nothing is written when a value is refused
    row, _created = NetworkHealthSettings.objects.update_or_create(
        network=network, defaults={"overrides": cleaned, "updated_by": user}
    )
    # The stored running states depend on the window and the decay: rebuild on next use.
    PartnershipHealth.objects.filter(partnership__network=network).update(state=None, event_keys={})
    # The coordinator wants to see what the new values do, not wait for the daily run.
    from verbund.health.tasks import health_recompute_network

    network_id = network.pk
    transaction.on_commit(lambda: health_recompute_network.enqueue(network_id))
    return row


# ---------------------------------------------------------------------------------------------
# Results of an evaluation, the same for both paths
# ---------------------------------------------------------------------------------------------


@dataclass
class _Result:
    partnership_id: int
    score: float
    light: str
    components: dict[str, float | None]
    reasons: list[dict[str, Any]]
    counts: dict[str, Any]
    findings: list[alerts.Finding]


def _results(
    ids: Sequence[int],
    partnerships: Sequence[h.Partnership],
    scores: scoring.Scores,
    found: list[alerts.Finding],
) -> list[_Result]:
    cols = scores.columns
    by_row = alerts.by_row(found, len(ids))
    out = []
    for i, pid in enumerate(ids):
        parties = partnerships[i].parties
        k = len(parties)
        components = {
            name: (None if value[i] != value[i] else round(float(value[i]), 4))
            for name, value in scores.components.items()
        }
        reasons = [
            {"component": r.component, "code": r.code, "params": r.params, "effect": r.effect}
            for r in scores.reasons(i)
        ]
        given = cols.win_ref[i, :k, :k].sum(axis=1)
        received = cols.win_ref[i, :k, :k].sum(axis=0)
        counts = {
            "events": int(cols.win_act[i]),
            "referrals_given": {p: int(given[j]) for j, p in enumerate(parties)},
            "referrals_received": {p: int(received[j]) for j, p in enumerate(parties)},
        }
        out.append(
            _Result(
                partnership_id=int(pid),
                score=round(float(scores.score[i]), 1),
                light=str(scores.light[i]),
                components=components,
                reasons=reasons,
                counts=counts,
                findings=by_row[i],
            )
        )
    return out


def _score_state(
    state: aggregates.State, partnership: h.Partnership, today: dt.date, s: HealthSettings
) -> tuple[scoring.Scores, list[alerts.Finding]]:
    facts = aggregates.Facts.from_partnerships([partnership])
    scores = scoring.score(facts, state.columns(today, facts), s)
    return scores, alerts.findings(scores)


# ---------------------------------------------------------------------------------------------
# The incremental path: one partnership after a change
# ---------------------------------------------------------------------------------------------

Change = tuple[type, int]  # (model, pk) of a row that was saved or deleted


def health_refresh(
    *,
    partnership_id: int,
    changes: Iterable[Change] = (),
    today: dt.date | None = None,
    send_notifications: bool = True,
) -> PartnershipHealth | None:
    """Bring one partnership's health up to date after ``changes`` (rows saved or deleted)."""
    today = today or timezone.localdate()
    ids, networks, partnerships = sources.facts(partnership_ids=[partnership_id])
    if not len(ids):
        return None  # not (yet) a partnership of two or more
    ship, network_id = partnerships[0], int(networks[0])
    s = settings_for(network_id)
    with transaction.atomic():
        row = PartnershipHealth.objects.select_for_update().filter(pk=partnership_id).first()
        state, keys = _current_state(row, ship, s, list(changes), today)
        scores, found = _score_state(state, ship, today, s)
        result = _results([partnership_id], [ship], scores, found)[0]
        stored = _store_one(row, result, state, keys, today)
        opened = _reconcile({partnership_id: result.findings}, today)
    if send_notifications:
        _notify_opened(opened)
    return stored


def _current_state(
    row: PartnershipHealth | None,
    ship: h.Partnership,
    s: HealthSettings,
    changes: list[Change],
    today: dt.date,
) -> tuple[aggregates.State, dict[str, str]]:
    """The running state with the changes folded in, rebuilt from the rows when it must be."""
    state = None
    if row is not None and row.state is not None:
        state = aggregates.State.from_json(row.state, s)
        agreement_start = (
            aggregates.day_number(ship.agreement.start) if ship.agreement else aggregates.NONE
        )
        if state.parties != ship.parties or state.agreement_start != agreement_start:
            state = None  # a party joined or a new agreement started: rebuild
        elif state.kpi_targets != aggregates.kpi_targets(ship):
            # other KPI targets, or a state stored before it kept the kpi_shortfall runs
            state = None
        elif state.needs_rebuild:
            state = None  # stored before a counter it needs existed
    if state is None:
        return _rebuild(ship, s, today)
    keys = dict(row.event_keys) if row is not None else {}
    ids = np.array([int(ship.id)], dtype=np.int64)
    new: list[tuple[str, str, h.Event]] = []
    for model, pk in changes:
        if model not in sources.READER_OF_MODEL:
            continue
        possible, raw = sources.row_events(model, pk, until=today)
        loaded = sources.join(ids, np.zeros(1, dtype=np.int64), [ship], raw)
        now = {key: (fp, event) for key, fp, event in loaded.history(0)}
        for key in possible:
            if key in keys and (key not in now or now[key][0] != keys[key]):
                return _rebuild(ship, s, today)  # edited or deleted: the state cannot unfold
        new += [(key, fp, event) for key, (fp, event) in now.items() if key not in keys]
    new.sort(key=lambda e: (e[2].day, e[0]))
    for key, fp, event in new:
        if not state.apply(event):
            return _rebuild(ship, s, today)  # back-dated: exact only from the rows
        keys[key] = fp
    return state, keys


def _rebuild(
    ship: h.Partnership, s: HealthSettings, today: dt.date
) -> tuple[aggregates.State, dict[str, str]]:
    ids = np.array([int(ship.id)], dtype=np.int64)
    raw = sources.read(partnership_ids=[int(ship.id)], until=today)
    loaded = sources.join(ids, np.zeros(1, dtype=np.int64), [ship], raw)
    history = loaded.history(0)
    state = aggregates.State.build(ship, [e for _k, _f, e in history], s)
    return state, {key: fp for key, fp, _e in history}


def _store_one(
    row: PartnershipHealth | None,
    result: _Result,
    state: aggregates.State,
    keys: dict[str, str],
    today: dt.date,
) -> PartnershipHealth:
    now = timezone.now()
    values = {
        "state": state.to_json(),
        "event_keys": keys,
        "event_count": len(keys),
        "as_of": today,
        "score": result.score,
        "light": result.light,
        "components": result.components,
        "reasons": result.reasons,
        "computed_at": now,
    }
    if row is None:
        row = PartnershipHealth.objects.create(partnership_id=result.partnership_id, **values)
    else:
        for name, value in values.items():
            setattr(row, name, value)
        row.save()
    _snapshots([result], today)
    return row


def _snapshots(results: Sequence[_Result], today: dt.date) -> None:
    store.snapshots(
        [
            {
                "partnership_id": r.partnership_id,
                "day": today,
                "score": r.score,
                "light": r.light,
                "components": r.components,
                "counts": {**r.counts, "open_alerts": sum(1 for f in r.findings if f.opens)},
            }
            for r in results
        ]
    )


# ---------------------------------------------------------------------------------------------
# Alerts: open, keep, resolve by themselves
# ---------------------------------------------------------------------------------------------


class Opened(NamedTuple):
    partnership_id: int
    kind: str


def _reconcile(
    findings: dict[int, list[alerts.Finding]], today: dt.date, network_id: int | None = None
) -> list[Opened]:
    """Apply today's findings to the stored alerts of these partnerships (all of the network's
    when ``network_id`` is given); the opened ones."""
    now = timezone.now()
    previous: dict[int, list[tuple[alerts.OpenAlert, int, bool]]] = {}
    scopes = (
        [Q(partnership__network_id=network_id)]
        if network_id is not None
        else [Q(partnership_id__in=chunk) for chunk in _chunks(list(findings), 20_000)]
    )
    for scope in scopes:
        rows = HealthAlert.objects.filter(scope).filter(Q(status__in=UNRESOLVED) | Q(holds=True))
        for pk, pid, kind, subject, since, status, holds in rows.values_list(
            "pk", "partnership_id", "kind", "subject", "since", "status", "holds"
        ):
            alert = alerts.OpenAlert(
                kind, subject, since, acknowledged=status == HealthAlert.Status.ACKNOWLEDGED
            )
            previous.setdefault(pid, []).append((alert, pk, holds))
    created: list[tuple] = []
    refreshed: list[tuple[int, dict]] = []
    auto_resolved: list[int] = []
    released: list[int] = []
    for pid, found in findings.items():
        known = previous.get(pid)
        if not known and not found:
            continue
        known = known or []
        pk_of = {a.key: (pk, holds) for a, pk, holds in known}
        outcome = alerts.reconcile([a for a, _pk, _holds in known], found)
        for f in outcome.opened:
            created.append(
                (pid, f.kind, f.subject[:200], f.since, f.evidence, f.next_step,
                 HealthAlert.Status.OPEN, now, now, "", False)
            )  # fmt: skip
        for alert, finding in outcome.kept:
            pk, holds = pk_of[alert.key]
            if not holds:
                refreshed.append((pk, finding.evidence))
        for alert in outcome.resolved:
            pk, holds = pk_of[alert.key]
            (released if holds else auto_resolved).append(pk)
    store.insert_alerts(created)
    store.refresh_evidence(refreshed, now)
    for chunk in _chunks(auto_resolved, 20_000):
        HealthAlert.objects.filter(pk__in=chunk, status__in=UNRESOLVED).update(
            status=HealthAlert.Status.RESOLVED,
            resolved_at=now,
            resolved_how=HealthAlert.ResolvedHow.AUTO,
        )
    for chunk in _chunks(released, 20_000):
        HealthAlert.objects.filter(pk__in=chunk).update(holds=False)
    return [Opened(row[0], row[1]) for row in created]


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _notify_opened(opened: Sequence[Opened]) -> None:
    """Tell the owners and managers of every party about each newly opened alert, in their
    own language (the kind's title and next step are translated when shown)."""
    if not opened:
        return
    from verbund.partnerships.models import PartnershipParty
    from verbund.partnerships.services.partnership import display_name

    pids = {a.partnership_id for a in opened}
    parties: dict[int, list] = {}
    for party in PartnershipParty.objects.filter(partnership_id__in=pids).select_related(
        "company", "partnership__network"
    ):
        parties.setdefault(party.partnership_id, []).append(party)
    deciders: dict[int, list] = {}
    companies = {p.company_id for group in parties.values() for p in group}
    for member in CompanyMember.objects.filter(
        company_id__in=companies,
        role__in=(CompanyMember.Role.OWNER, CompanyMember.Role.MANAGER),
        user__is_active=True,
    ).select_related("user"):
        deciders.setdefault(member.company_id, []).append(member.user)
    for alert in opened:
        group = parties.get(alert.partnership_id, [])
        url = reverse("partnerships:detail", args=[alert.partnership_id]) + "#health"
        for party in group:
            others = [p.company for p in group if p.company_id != party.company_id]
            notify(
                kind=notices.ALERT_OPENED[alert.kind],
                users=deciders.get(party.company_id, []),
                network=party.partnership.network,
                params={"partner": ", ".join(display_name(c) for c in others)},
                url=url,
            )


# ---------------------------------------------------------------------------------------------
# Acknowledge and resolve
# ---------------------------------------------------------------------------------------------


def _check_may_act(actor: Actor, alert: HealthAlert) -> None:
    from verbund.partnerships.selectors import get_partnership_for

    access = get_partnership_for(actor, alert.partnership_id)
    if not (access.is_party or access.is_coordinator):
        raise PermissionDenied(_("Only the partners and the coordination can do this."))


@transaction.atomic
def alert_acknowledge(*, actor: Actor, alert: HealthAlert) -> HealthAlert:
    """Seen and taken up: the alert stays until its cause goes away (or someone resolves it)."""
    _check_may_act(actor, alert)
    alert = HealthAlert.objects.select_for_update().get(pk=alert.pk)
    if alert.status != HealthAlert.Status.OPEN:
        raise ValidationError(
            {
                "status": _(
                    "Only an open early warning can be acknowledged; this one is “%(status)s”."
                )
                % {"status": alert.get_status_display()}
            }
        )
    alert.status = HealthAlert.Status.ACKNOWLEDGED
    alert.acknowledged_by = actor.user
    alert.acknowledged_at = timezone.now()
    alert.save(update_fields=["status", "acknowledged_by", "acknowledged_at"])
    return alert


@transaction.atomic
def alert_resolve(*, actor: Actor, alert: HealthAlert) -> HealthAlert:
    """Dealt with. While the rule still sees the cause no new alert of the kind opens; once the
    cause has gone away, a new occurrence opens a new alert."""
    _check_may_act(actor, alert)
    alert = HealthAlert.objects.select_for_update().get(pk=alert.pk)
    if alert.status == HealthAlert.Status.RESOLVED:
        raise ValidationError({"status": _("This early warning is already resolved.")})
    alert.status = HealthAlert.Status.RESOLVED
    alert.resolved_at = timezone.now()
    alert.resolved_how = HealthAlert.ResolvedHow.USER
    alert.resolved_by = actor.user
    alert.holds = True
    alert.save(update_fields=["status", "resolved_at", "resolved_how", "resolved_by", "holds"])
    return alert


# ---------------------------------------------------------------------------------------------
# The full recompute
# ---------------------------------------------------------------------------------------------


@dataclass
class RecomputeSummary:
    partnerships: int = 0
    events: int = 0
    opened: int = 0
    stale_states: int = 0
    timings: dict[str, float] = field(default_factory=dict)


def health_recompute(
    *,
    network: Network | None = None,
    today: dt.date | None = None,
    progress: Callable[[int], Any] | None = None,
    send_notifications: bool = True,
) -> RecomputeSummary:
    """Score every partnership (of one network, or of all), write today's snapshots and
    reconcile the alerts. ``progress(done, total)`` is called as partnerships are written."""
    today = today or timezone.localdate()
    networks = (
        [network.pk]
        if network is not None
        else list(Network.objects.order_by("pk").values_list("pk", flat=True))
    )
    summary = RecomputeSummary()
    for network_id in networks:
        _recompute_network(network_id, today, progress, send_notifications, summary)
    return summary


def _recompute_network(
    network_id: int,
    today: dt.date,
    progress: Callable[[int], Any] | None,
    send_notifications: bool,
    summary: RecomputeSummary,
) -> None:
    import time

    clock = time.perf_counter()
    loaded = sources.load(network_ids=[network_id], until=today)
    summary.timings["read"] = summary.timings.get("read", 0) + time.perf_counter() - clock
    if not loaded.size:
        return
    clock = time.perf_counter()
    s = settings_for(network_id)
    facts = aggregates.Facts.from_partnerships(loaded.partnerships)
    table = loaded.table()
    cols = aggregates.compute(facts, table, today, s)
    scores = scoring.score(facts, cols, s)
    found = alerts.findings(scores)
    results = _results([int(x) for x in loaded.ids], loaded.partnerships, scores, found)
    summary.timings["score"] = summary.timings.get("score", 0) + time.perf_counter() - clock
    clock = time.perf_counter()
    counts = loaded.event_counts()
    summary.partnerships += loaded.size
    summary.events += int(counts.sum())
    summary.stale_states += _store_many(results, counts, today, progress)
    opened = _reconcile({r.partnership_id: r.findings for r in results}, today, network_id)
    summary.opened += len(opened)
    summary.timings["write"] = summary.timings.get("write", 0) + time.perf_counter() - clock
    if send_notifications:
        _notify_opened(opened)


def _store_many(
    results: Sequence[_Result],
    counts: np.ndarray,
    today: dt.date,
    progress: Callable[[int], Any] | None,
) -> int:
    """Current scores and snapshots in batches; stored states that missed events are dropped
    (the next change rebuilds them). Returns how many were dropped."""
    now = timezone.now()
    stale = 0
    size = 10 * BATCH
    for start in range(0, len(results), size):
        batch = results[start : start + size]
        batch_counts = counts[start : start + size]
        # The results come sorted by partnership id: a range, not 20,000 parameters (rows of
        # other networks in the range are not looked up).
        known = dict(
            PartnershipHealth.objects.filter(
                pk__gte=batch[0].partnership_id, pk__lte=batch[-1].partnership_id
            ).values_list("pk", "event_count")
        )
        missed = [
            r.partnership_id
            for r, n in zip(batch, batch_counts, strict=True)
            if r.partnership_id in known and known[r.partnership_id] != int(n)
        ]
        with transaction.atomic():
            store.current(
                [
                    {
                        "partnership_id": r.partnership_id,
                        "state": None,
                        "event_keys": {},
                        "event_count": n,
                        "as_of": today,
                        "score": r.score,
                        "light": r.light,
                        "components": r.components,
                        "reasons": r.reasons,
                        "computed_at": now,
                    }
                    for r, n in zip(batch, batch_counts.tolist(), strict=True)
                ]
            )
            if missed:
                PartnershipHealth.objects.filter(pk__in=missed).update(state=None, event_keys={})
            _snapshots(batch, today)
        stale += len(missed)
        if progress is not None:
            progress(start + len(batch), len(results))
    return stale


# ---------------------------------------------------------------------------------------------
# Changes recorded elsewhere (receivers hand them over here, after the commit)
# ---------------------------------------------------------------------------------------------

_pending = threading.local()


def health_note_change(partnership_id: int | None, change: Change | None = None) -> None:
    """Remember a change of a partnership; its health is refreshed once the transaction
    commits (immediately outside a transaction). A failed refresh never breaks the write that
    caused it: the daily recompute catches up."""
    if partnership_id is None:
        return
    pending: dict[int, set[Change]] = getattr(_pending, "items", None) or {}
    _pending.items = pending
    pending.setdefault(partnership_id, set())
    if change is not None:
        pending[partnership_id].add(change)
    transaction.on_commit(_flush)


def _flush() -> None:
    pending: dict[int, set[Change]] = getattr(_pending, "items", None) or {}
    _pending.items = {}
    for partnership_id, changes in pending.items():
        try:
            with translation.override(None):
                health_refresh(
                    partnership_id=partnership_id,
                    changes=sorted(changes, key=lambda c: (c[0].__name__, c[1])),
                )
        except Exception:
            log.exception("health refresh of partnership %s failed", partnership_id)


def partnership_ids_of(model: type, instance: Any) -> list[int]:
    """The partnership a saved or deleted row belongs to (none for rows outside partnerships).

    Looked up by id, never through the related object: during a cascading delete the related
    row may already be gone."""
    from verbund.partnerships.models import Review
    from verbund.referrals.models import Referral

    if isinstance(instance, Partnership):
        return [instance.pk]
    if getattr(instance, "partnership_id", None) is not None:
        return [instance.partnership_id]
    if getattr(instance, "review_id", None) is not None:
        return list(
            Review.objects.filter(pk=instance.review_id).values_list("partnership_id", flat=True)
        )
    if getattr(instance, "referral_id", None) is not None:
        return [
            pid
            for pid in Referral.objects.filter(pk=instance.referral_id).values_list(
                "partnership_id", flat=True
            )
            if pid is not None
        ]
    return []


def health_history(
    *, network: Network, days: int = 182, every_days: int = 7, today: dt.date | None = None
) -> int:
    """Snapshots of past days (every ``every_days`` back to ``days`` ago) computed from the
    rows as they stood then, for partnerships whose history arrived at once — a network that
    starts with an import of its past, the demo — so "health over time" has a line to draw.
    Today's scores and the alerts are left alone (they belong to today's recompute); a
    partnership is scored only from the day it was created, at its current stage. Returns the
    snapshots written (existing ones of those days are replaced)."""
    today = today or timezone.localdate()
    s = settings_for(network.pk)
    written = 0
    # One read for every past day: the full recompute looks only at events up to its day, and
    # every source dates an event by the same column it is read up to, so the rows as they stood
    # on a past day are exactly today's rows up to that day (a test checks it against a read per
    # day). Before, the rows were read again for each of the 26 weeks.
    loaded = sources.load(network_ids=[network.pk], until=today)
    if not loaded.size:
        return 0
    facts = aggregates.Facts.from_partnerships(loaded.partnerships)
    table = loaded.table()
    for back in range(days - days % every_days, 0, -every_days):  # oldest first
        day = today - dt.timedelta(days=back)
        scores = scoring.score(facts, aggregates.compute(facts, table, day, s), s)
        results = _results(
            [int(x) for x in loaded.ids], loaded.partnerships, scores, alerts.findings(scores)
        )
        existing = [
            r for r, p in zip(results, loaded.partnerships, strict=True) if p.created <= day
        ]
        with transaction.atomic():
            _snapshots(existing, day)
        written += len(existing)
    return written
