"""The Django side of health: rows become the pure core's events, the incremental path (one
partnership after each recorded change) and the full recompute agree, and a state that missed
events or saw an edit is rebuilt from the rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from tests.health.app.django_world import (
    agree,
    cost,
    lively_history,
    meeting,
    referral,
    review_both,
)
from verbund.activities.models import CostItem
from verbund.health import aggregates, sources
from verbund.health import history as h
from verbund.health.models import HealthSnapshot, PartnershipHealth
from verbund.health.services import health_recompute, health_refresh


def recorded(world, partnership, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        lively_history(world, partnership)
        agree(world, partnership)
        review_both(world, partnership, 2, 4)
    return PartnershipHealth.objects.get(pk=partnership.pk)


def test_rows_become_the_events_of_the_pure_core(
    world, partnership, django_capture_on_commit_callbacks
):
    recorded(world, partnership, django_capture_on_commit_callbacks)
    loaded = sources.load(partnership_ids=[partnership.pk])
    ship = loaded.partnerships[0]
    member, other = str(world.member_company.pk), str(world.other_company.pk)
    assert ship.parties == (member, other)
    assert ship.stage == "agreed" and ship.agreement is not None
    assert ship.agreement.review_every_days == 91  # quarterly
    events = [e for _key, _fp, e in loaded.history(0)]
    kinds = [e.kind for e in events]
    assert kinds.count(h.REFERRAL_GIVEN) == 13  # 9 given, 4 back
    assert kinds.count(h.REFERRAL_ANSWERED) == 13
    won = [e for e in events if e.kind == h.REFERRAL_WON]
    assert [e.amount_cents for e in won] == [150_000] * 3 and {e.by for e in won} == {other}
    assert kinds.count(h.MEETING) == 4 and kinds.count(h.JOINT_ACTIVITY) == 0
    assert [e.ref for e in events if e.kind == h.KPI_REPORTED] == ["leads"] * 4
    costs = [e for e in events if e.kind == h.COST_ITEM]
    assert sorted(e.amount_cents for e in costs) == [12_050, 30_000]
    settlement = next(e for e in events if e.kind == h.SETTLEMENT)
    assert (settlement.by, settlement.to, settlement.amount_cents) == (other, member, 15_000)
    reviews = [e for e in events if e.kind == h.REVIEW]
    assert {e.by: set(e.scores.values()) for e in reviews} == {member: {2}, other: {4}}
    assert events == sorted(events, key=lambda e: e.day)


def test_review_scores_count_only_once_every_party_submitted(
    world, partnership, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        lively_history(world, partnership)
        agree(world, partnership)
    review = partnership.reviews.get()
    from verbund.partnerships import services as partnership_services

    factors = review.agreement_version.terms["factors"]
    with django_capture_on_commit_callbacks(execute=True):
        partnership_services.review_submit(
            review=review, company=world.member_company, user=world.users["member"],
            scores={f: {"score": 1} for f in factors},
        )  # fmt: skip
    loaded = sources.load(partnership_ids=[partnership.pk])
    assert not [e for _k, _f, e in loaded.history(0) if e.kind == h.REVIEW]
    assert PartnershipHealth.objects.get(pk=partnership.pk).components["factors"] is None


def test_the_incremental_path_gives_the_same_health_as_the_full_recompute(
    world, partnership, django_capture_on_commit_callbacks
):
    incremental = recorded(world, partnership, django_capture_on_commit_callbacks)
    assert incremental.state is not None and incremental.event_count == len(incremental.event_keys)
    stored = (incremental.score, incremental.light, incremental.components, incremental.reasons)
    loaded = sources.load(partnership_ids=[partnership.pk])
    rebuilt = aggregates.State.build(
        loaded.partnerships[0], [e for _k, _f, e in loaded.history(0)], incremental_settings()
    )
    assert incremental.state == rebuilt.to_json()

    summary = health_recompute(network=world.alpha)
    full = PartnershipHealth.objects.get(pk=partnership.pk)
    assert summary.partnerships == 1 and summary.stale_states == 0
    assert (full.score, full.light, full.components, full.reasons) == stored
    assert full.state == incremental.state  # in step: kept for the next change
    assert HealthSnapshot.objects.filter(partnership=partnership).count() == 1


def incremental_settings():
    from verbund.health.params import HealthSettings

    return HealthSettings()


def test_a_back_dated_or_edited_row_rebuilds_the_state_from_the_rows(
    world, partnership, django_capture_on_commit_callbacks
):
    recorded(world, partnership, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        referral(world, partnership, 150, back=True)  # long before the last event
        item = cost(world, partnership, 5)
    with django_capture_on_commit_callbacks(execute=True):
        CostItem.objects.filter(pk=item.pk).update(amount=Decimal("999.00"))
        item.refresh_from_db()
        item.save()  # an edit: the fingerprint changed
    row = PartnershipHealth.objects.get(pk=partnership.pk)
    loaded = sources.load(partnership_ids=[partnership.pk])
    rebuilt = aggregates.State.build(loaded.partnerships[0], [e for _k, _f, e in loaded.history(0)])
    assert row.state == rebuilt.to_json()
    assert "|99900|" in row.event_keys[f"co:{item.pk}"]

    with django_capture_on_commit_callbacks(execute=True):
        item.delete()
    row.refresh_from_db()
    assert f"co:{item.pk}" not in row.event_keys


def test_a_state_stored_before_the_kpi_runs_is_rebuilt_on_the_next_change(
    world, partnership, django_capture_on_commit_callbacks
):
    row = recorded(world, partnership, django_capture_on_commit_callbacks)
    assert row.state["kpi_targets"]  # the agreement's KPIs, each with its kpi_shortfall run
    stored_before = {k: v for k, v in row.state.items() if k not in ("kpi_targets", "kpi_runs")}
    PartnershipHealth.objects.filter(pk=row.pk).update(state=stored_before)
    with django_capture_on_commit_callbacks(execute=True):
        cost(world, partnership, 0)  # today, in day order: would be folded into the stored state
    row.refresh_from_db()
    loaded = sources.load(partnership_ids=[partnership.pk])
    rebuilt = aggregates.State.build(loaded.partnerships[0], [e for _k, _f, e in loaded.history(0)])
    assert row.state == rebuilt.to_json()


def test_the_full_recompute_drops_a_state_that_missed_events(
    world, partnership, django_capture_on_commit_callbacks
):
    recorded(world, partnership, django_capture_on_commit_callbacks)
    cost(world, partnership, 3)  # written without the commit hook running: missed
    summary = health_recompute(network=world.alpha)
    row = PartnershipHealth.objects.get(pk=partnership.pk)
    assert summary.stale_states == 1 and row.state is None
    health_refresh(partnership_id=partnership.pk)  # the next change rebuilds it
    row.refresh_from_db()
    assert row.state is not None and row.event_count == summary.events


def test_a_planned_activity_counts_once_its_day_has_come(
    world, partnership, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting(world, partnership, -10)  # in ten days

    def meetings(until=None):
        loaded = sources.load(partnership_ids=[partnership.pk], until=until)
        return [e for _k, _f, e in loaded.history(0) if e.kind == h.MEETING]

    assert not meetings()
    assert len(meetings(timezone.localdate() + dt.timedelta(days=11))) == 1


def test_the_command_recomputes_a_network_and_reports(world, partnership, capsys):
    lively_history(world, partnership)
    call_command("health_recompute", "--network", "alpha")
    out = capsys.readouterr().out
    assert "alpha: 1 Partnerschaften aus" in out
    assert PartnershipHealth.objects.filter(pk=partnership.pk).exists()


def test_history_writes_weekly_snapshots_from_the_rows_of_those_days(world, partnership, capsys):
    from verbund.health.models import HealthAlert, HealthSnapshot

    lively_history(world, partnership)  # began 200 days ago
    HealthSnapshot.objects.all().delete()
    alerts_before = HealthAlert.objects.count()
    call_command("health_recompute", "--network", "alpha", "--history", "70")
    days = list(
        HealthSnapshot.objects.filter(partnership=partnership)
        .order_by("day")
        .values_list("day", flat=True)
    )
    today = timezone.localdate()
    assert days == [
        today - dt.timedelta(days=d) for d in (70, 63, 56, 49, 42, 35, 28, 21, 14, 7, 0)
    ]
    assert "alpha: 10 " in capsys.readouterr().out  # past snapshots written, today's apart
    # each day is scored from the rows as they stood then: the line moves
    assert len({str(c) for c in HealthSnapshot.objects.values_list("counts", flat=True)}) > 1
    # nothing before the partnership began (200 days ago)
    call_command("health_recompute", "--network", "alpha", "--history", "280")
    first = HealthSnapshot.objects.filter(partnership=partnership).order_by("day").first()
    assert first is not None and first.day >= today - dt.timedelta(days=200)
    assert HealthAlert.objects.count() >= alerts_before  # only today's run touches alerts


def test_history_refuses_negative_days(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--history"):
        call_command("health_recompute", "--history", "-1")


@pytest.mark.parametrize("vendor_day", [dt.date(2024, 2, 29), dt.date(2026, 12, 31)])
def test_days_are_counted_by_the_database_like_python(world, partnership, vendor_day):
    from verbund.partnerships.models import Partnership

    moment = timezone.make_aware(dt.datetime.combine(vendor_day, dt.time(23, 30)))
    Partnership.objects.filter(pk=partnership.pk).update(created_at=moment)
    _ids, _networks, ships = sources.facts(partnership_ids=[partnership.pk])
    assert ships[0].created == vendor_day  # local day, not the UTC one


def test_a_state_stored_before_the_initiative_counters_is_rebuilt_on_the_next_change(
    world, partnership, django_capture_on_commit_callbacks
):
    row = recorded(world, partnership, django_capture_on_commit_callbacks)
    old = {k: v for k, v in row.state.items() if k not in ("init_total", "last_init", "init_run")}
    PartnershipHealth.objects.filter(pk=row.pk).update(state=old)
    with django_capture_on_commit_callbacks(execute=True):
        meeting(world, partnership, 0, by_other=True)
    row.refresh_from_db()
    loaded = sources.load(partnership_ids=[partnership.pk])
    rebuilt = aggregates.State.build(loaded.partnerships[0], [e for _k, _f, e in loaded.history(0)])
    assert row.state == rebuilt.to_json() and row.state["init_run"]


def test_history_reads_once_and_gives_what_a_read_per_day_gives(
    world, partnership, django_capture_on_commit_callbacks
):
    """`health_history` reads the rows once and lets the recompute cut them at each past day;
    that must be what reading the rows as they stood on each day gives."""
    from verbund.health import scoring
    from verbund.health.services import health_history, settings_for

    recorded(world, partnership, django_capture_on_commit_callbacks)
    today = timezone.localdate()
    written = health_history(network=partnership.network, days=84, every_days=7, today=today)
    snapshots = {
        s.day: s for s in HealthSnapshot.objects.filter(partnership=partnership).order_by("day")
    }
    days = [today - dt.timedelta(days=back) for back in range(84, 0, -7)]
    assert written == len(days) and sorted(d for d in snapshots if d < today) == days
    s = settings_for(partnership.network_id)
    for day in days:
        loaded = sources.load(partnership_ids=[partnership.pk], until=day)
        facts = aggregates.Facts.from_partnerships(loaded.partnerships)
        scores = scoring.score(facts, aggregates.compute(facts, loaded.table(), day, s), s)
        # stored to one decimal
        assert snapshots[day].score == pytest.approx(float(scores.score[0]), abs=0.05)
        assert snapshots[day].light == str(scores.light[0])
    # the history is not flat: the recorded past moves the score
    assert len({round(snapshots[day].score, 3) for day in days}) > 1


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the fast read path is PostgreSQL's"
)


@postgresql_only
def test_postgresql_reads_every_source_as_the_orm_does(
    world, partnership, django_capture_on_commit_callbacks, monkeypatch
):
    """The binary array read gives, source by source, the rows (and order) of ``values_list``."""
    recorded(world, partnership, django_capture_on_commit_callbacks)
    compared = []
    fast = sources._rows

    def both(queryset, *columns):
        rows = fast(queryset, *columns)
        portable = np.array(list(queryset.values_list(*columns)), dtype=np.int64)
        assert np.array_equal(rows, portable.reshape(-1, len(columns)))
        compared.append(len(rows))
        return rows

    monkeypatch.setattr(sources, "_rows", both)
    sources.read(network_ids=[world.alpha.pk])
    assert len(compared) == 12 and sum(1 for n in compared if n) >= 9  # all queries, most with rows


def loaded_arrays(loaded):
    raw = loaded.raw
    return [loaded.ids, loaded.networks, loaded.row_of_event, loaded.by_index, loaded.to_index,
            raw.source, raw.partnership, raw.pk, raw.day, raw.kind, raw.by, raw.to, raw.ref,
            raw.amount, raw.rating]  # fmt: skip


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_parallel_read_loads_what_the_sequential_read_loads(
    world, partnership, django_capture_on_commit_callbacks
):
    """Outside a transaction the sources are read on two more connections while the facts are
    read here; inside one (other connections cannot see its rows) everything is read here."""
    recorded(world, partnership, django_capture_on_commit_callbacks)
    assert sources._parallel()
    parallel = sources.load(network_ids=[world.alpha.pk])
    with transaction.atomic():
        assert not sources._parallel()
        sequential = sources.load(network_ids=[world.alpha.pk])
    assert parallel.raw.size > 40
    for mine, theirs in zip(loaded_arrays(parallel), loaded_arrays(sequential), strict=True):
        assert np.array_equal(mine, theirs)
    assert parallel.partnerships == sequential.partnerships
    assert parallel.raw.scores == sequential.raw.scores and parallel.raw.scores
    assert parallel.raw.shares == sequential.raw.shares
    assert parallel.raw.kpi_names == sequential.raw.kpi_names
    assert parallel.history(0) == sequential.history(0)
