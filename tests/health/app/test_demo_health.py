"""The seeded demo shows its early warnings: the one-way, empty, overdue (unanswered referrals)
and unsettled partnerships each with the matching alert and its evidence; the balanced one none."""

from __future__ import annotations

import pytest
from django.utils import translation

from verbund.health import selectors
from verbund.health.models import HealthAlert, PartnershipHealth
from verbund.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


def alerts_by_partnership() -> dict[int, dict[str, HealthAlert]]:
    out: dict[int, dict[str, HealthAlert]] = {}
    for alert in HealthAlert.objects.filter(status="open"):
        out.setdefault(alert.partnership_id, {})[alert.kind] = alert
    return out


def test_the_demo_shows_the_matching_alerts_with_evidence(demo_summary):
    alerts = alerts_by_partnership()
    forms = dict(Partnership.objects.filter(pk__in=alerts).values_list("pk", "form"))
    found = {(forms[pid], kind) for pid, kinds in alerts.items() for kind in kinds}
    assert ("referral_partnership", "one_way_street") in found
    assert ("referral_partnership", "unanswered_referral") in found
    assert ("trusted_advisory", "empty_partnership") in found
    assert ("marketing_alliance", "unsettled_costs") in found
    one_way = next(a["one_way_street"] for a in alerts.values() if "one_way_street" in a)
    assert one_way.evidence["given"] == 11 and one_way.evidence["received"] == 0
    views = selectors.alert_views([one_way], None)  # read as the coordination
    with translation.override("en"):
        (view,) = selectors.alert_views([one_way], None)
    assert "passed 11 referrals to" in view.evidence and "received 0 back" in view.evidence
    assert views[0].title


def test_the_balanced_demo_partnership_is_healthy_and_quiet(demo_summary):
    from verbund.referrals.models import Referral

    two_way = {
        pid
        for pid in Referral.objects.filter(partnership__isnull=False).values_list(
            "partnership_id", flat=True
        )
        if Referral.objects.filter(partnership_id=pid).values("referrer_company").distinct().count()
        == 2
    }
    assert len(two_way) == 1
    (balanced,) = two_way
    health = PartnershipHealth.objects.get(pk=balanced)
    assert health.light in ("green", "yellow") and health.score >= 50
    assert not HealthAlert.objects.filter(partnership_id=balanced).exists()


def test_the_demo_has_half_a_year_of_weekly_snapshots(demo_summary):
    import datetime as dt

    from django.db.models import Count
    from django.utils import timezone

    from verbund.health.models import HealthSnapshot

    one_way = next(
        a["one_way_street"].partnership for a in alerts_by_partnership().values()
        if "one_way_street" in a
    )  # fmt: skip
    series = list(
        HealthSnapshot.objects.filter(partnership=one_way)
        .order_by("day")
        .values_list("day", "score")
    )
    # created 100 days ago: weekly snapshots from then on, and today's
    assert 14 <= len(series) <= 16
    assert series[0][0] >= one_way.created_at.date()
    assert len({score for _day, score in series}) > 1  # the line moves as the story unfolds
    # every partnership that began more than a week ago has a line, not a single point
    week_ago = timezone.now() - dt.timedelta(days=8)
    older = Partnership.objects.filter(created_at__lt=week_ago)
    counts = dict(
        HealthSnapshot.objects.filter(partnership__in=older)
        .values("partnership")
        .annotate(n=Count("pk"))
        .values_list("partnership", "n")
    )
    assert older.exists() and all(counts.get(p, 0) >= 2 for p in older.values_list("pk", flat=True))


def test_the_demo_warnings_agree_with_the_costs_page_and_the_partnership(demo_summary):
    """The unsettled-costs warning names what the settlement proposal on the costs page names,
    debtor by debtor; no warning is dated before its partnership was created."""
    from decimal import Decimal

    from verbund.activities.selectors import ledger_view

    alerts = alerts_by_partnership()
    unsettled = next(a["unsettled_costs"] for a in alerts.values() if "unsettled_costs" in a)
    proposal = ledger_view(unsettled.partnership).proposal
    assert len(proposal) >= 2  # the demo's alliance has two debtors
    assert unsettled.evidence["transfers"] == [
        [str(payer.pk), str(payee.pk), int(amount * Decimal(100))]
        for payer, payee, amount in proposal
    ]
    for kinds in alerts.values():
        for alert in kinds.values():
            assert alert.since >= alert.partnership.created_at.date(), alert
