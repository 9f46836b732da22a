"""One test per alert kind (it fires with its evidence; the healthy case stays quiet), and the
open / keep / resolve lifecycle."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.health.conftest import balanced_year, day, partnership, referral, review
from verbund.health import alerts, codes, engine
from verbund.health import history as h
from verbund.lib import catalogues


def found(ship, events, as_of, kind=None):
    result = engine.evaluate(ship, events, as_of)
    return [f for f in result.findings if kind is None or f.kind == kind]


def only(findings):
    assert len(findings) == 1, findings
    return findings[0]


def test_every_catalogue_alert_kind_has_a_rule_a_next_step_and_evidence():
    assert set(alerts.KINDS) == set(catalogues.keys("alerts"))
    assert set(codes.NEXT_STEPS) == set(alerts.KINDS) == set(codes.EVIDENCE)


def test_a_healthy_partnership_raises_no_alert():
    assert found(partnership(), balanced_year(), day(360)) == []


def test_one_way_street_names_who_gives_and_who_does_not():
    events = balanced_year(150)
    for n in range(150, 240, 7):  # b stops passing referrals, a goes on
        events += referral(n, "a", "b", f"late{n}")
        events.append(h.Event(day(n + 2), h.MEETING, "a"))
    finding = only(found(partnership(), events, day(240), "one_way_street"))
    assert finding.subject == "a>b"
    assert finding.evidence["party"] == "a" and finding.evidence["partner"] == "b"
    # the evidence counts the whole window (6 months), the rule the recent months
    assert finding.evidence["given"] > 2 * finding.evidence["received"]
    assert finding.since == day(143)  # b's last referral to a
    assert finding.next_step == "discuss_balance"


def test_one_way_street_since_never_precedes_the_partnership():
    """A partner that never referred back is silent since the partnership began, not since the
    start of a window reaching back before it."""
    events = [h.Event(day(n + 2), h.MEETING, "a") for n in range(0, 120, 10)]
    for n in range(0, 120, 8):
        events += referral(n, "a", "b", f"r{n}")
    finding = only(found(partnership(), events, day(120), "one_way_street"))
    assert finding.since == day(0)


def test_unanswered_referral_of_a_partner_that_never_answered_has_no_usual_time():
    events = [h.Event(day(n), h.MEETING, "a") for n in range(0, 60, 10)]
    events += referral(5, "a", "b", "waiting", answer_after=None)
    finding = only(found(partnership(), events, day(60), "unanswered_referral"))
    assert finding.evidence["usual_days"] is None
    events += referral(0, "b", "a", "answered", answer_after=2)
    events += referral(1, "a", "b", "quick", answer_after=0)
    finding = only(found(partnership(), events, day(60), "unanswered_referral"))
    assert finding.evidence["usual_days"] == 0.0


def test_empty_partnership_after_a_long_silence_for_its_pace():
    events = balanced_year(150)
    assert found(partnership(), events, day(170), "empty_partnership") == []
    finding = only(found(partnership(), events, day(250), "empty_partnership"))
    assert finding.evidence["days_silent"] >= 45
    assert finding.evidence["last_activity"] == day(145).isoformat()
    assert finding.since == day(145)


def test_a_kick_off_burst_is_not_a_young_partnerships_pace():
    events = [e for n in range(0, 15, 3) for e in referral(n, "a", "b", f"r{n}")]
    # Five referrals in the first two weeks, measured over two months: ten events take 120 days.
    assert found(partnership(), events, day(60), "empty_partnership") == []
    assert found(partnership(), events, day(131), "empty_partnership") == []
    finding = only(found(partnership(), events, day(132), "empty_partnership"))
    assert finding.evidence["usual_gap_days"] == 120


def test_a_paused_partnership_is_not_empty():
    events = balanced_year(150)
    assert found(partnership(stage="paused"), events, day(300), "empty_partnership") == []


def test_unanswered_referral_waits_longer_for_a_quick_partner():
    events = balanced_year(100) + referral(101, "a", "b", "waiting", answer_after=None)
    assert found(partnership(), events, day(120), "unanswered_referral")[0].opens is False
    assert found(partnership(), events, day(142), "unanswered_referral")[0].opens is False
    finding = only(found(partnership(), events, day(143), "unanswered_referral"))
    assert finding.opens
    assert finding.subject == "b"
    assert finding.evidence["oldest_days"] == 42
    assert finding.since == day(115)


def test_unanswered_referral_opens_after_two_weeks_for_a_slow_partner():
    events = []
    for n in range(0, 100, 10):
        events += referral(n, "a", "b", f"r{n}", answer_after=9)
    events += referral(101, "a", "b", "waiting", answer_after=None)
    finding = only(found(partnership(), events, day(116), "unanswered_referral"))
    assert finding.opens and finding.evidence["usual_days"] >= 7


def test_one_late_answer_among_quick_ones_does_not_make_a_partner_usually_slow():
    events = []
    for n in (0, 10, 20):
        events += referral(n, "a", "b", f"r{n}", answer_after=1)
    events += referral(30, "a", "b", "late", answer_after=25)  # holiday
    events += referral(60, "a", "b", "waiting", answer_after=None)
    finding = only(found(partnership(), events, day(74), "unanswered_referral"))
    assert not finding.opens  # typical answer about 5 days: wait for the six weeks
    assert finding.evidence["usual_days"] < 7
    assert only(found(partnership(), events, day(102), "unanswered_referral")).opens


def test_a_single_slow_answer_months_ago_is_not_a_habit():
    events = referral(0, "a", "b", "old", answer_after=9)
    events += referral(150, "a", "b", "waiting", answer_after=None)
    assert not only(found(partnership(), events, day(164), "unanswered_referral")).opens


def test_perception_gap_only_when_both_have_scored():
    events = [*balanced_year(100), review(100, "a", trust=5, commitment=4)]
    assert found(partnership(), events, day(101), "perception_gap") == []
    events.append(review(102, "b", trust=3, commitment=4))
    finding = only(found(partnership(), events, day(103), "perception_gap"))
    assert finding.subject == "trust"
    assert finding.evidence == {"factor": "trust", "gap": 2.0, "scores": {"a": 5.0, "b": 3.0}}


def test_perception_gap_below_two_points_is_no_alert():
    events = [*balanced_year(100), review(100, "a", trust=5), review(102, "b", trust=4)]
    assert found(partnership(), events, day(103), "perception_gap") == []


def test_kpi_shortfall_against_the_pro_rated_target():
    kpis = (h.KpiTarget("referrals_given", 48, party="a"),)  # 4 a month
    events = balanced_year(180, every=30)  # 1 a month
    finding = only(found(partnership(kpis=kpis), events, day(180), "kpi_shortfall"))
    assert finding.subject == "referrals_given:a"
    assert finding.opens
    # behind since its first referral (day 0): 5 more in 180 days where 23.7 were due
    assert finding.since == day(1)
    assert finding.evidence["days"] == 180
    assert finding.evidence["actual"] == 5
    assert finding.evidence["expected"] == pytest.approx(48 * 180 / 365, abs=0.01)
    assert finding.evidence["percent"] == 21
    met = (h.KpiTarget("referrals_given", 12, party="a"),)
    assert found(partnership(kpis=met), events, day(180), "kpi_shortfall") == []


def test_kpi_shortfall_counts_from_when_the_kpi_was_last_on_track():
    kpis = (h.KpiTarget("referrals_given", 24, party="a"),)  # 2 a month
    events = [h.Event(day(n), h.MEETING, "b") for n in range(0, 541, 20)]
    for n in range(0, 120, 15):  # on track for four months, then a stops passing referrals
        events += referral(n, "a", "b", f"a{n}")
    ship = partnership(kpis=kpis)
    # four months later: 6.6 behind 85 % of the pace, not yet the 8 that rule out a long gap
    early = only(found(ship, events, day(240), "kpi_shortfall"))
    assert not early.opens
    late = only(found(ship, events, day(300), "kpi_shortfall"))
    assert late.opens and late.since == day(106)  # the day after the last referral
    assert (late.evidence["actual"], late.evidence["days"]) == (0, 195)
    # a passes referrals again, ahead of the target: kept while still 4 short, then resolved
    for n in range(300, 541, 7):
        events += referral(n, "a", "b", f"again{n}")
    assert only(found(ship, events, day(310), "kpi_shortfall")).opens
    assert found(ship, events, day(400), "kpi_shortfall") == []


def test_review_overdue_counts_from_the_last_complete_round():
    events = balanced_year(200)  # reviews on days 80/82 and 170/172
    assert found(partnership(), events, day(280), "review_overdue") == []
    assert found(partnership(), events, day(300), "review_overdue") == []  # 40 days: grace
    finding = only(found(partnership(), events, day(310), "review_overdue"))
    assert finding.evidence["due"] == day(260).isoformat()
    assert finding.evidence["days_overdue"] == 50
    assert found(partnership(review_every=None), events, day(310), "review_overdue") == []


def test_stalled_stage():
    ship = partnership(stage="exploring", stage_since=10)
    assert found(ship, balanced_year(120), day(120), "stalled_stage") == []
    finding = only(found(ship, balanced_year(140), day(140), "stalled_stage"))
    assert finding.evidence == {"stage": "exploring", "days_in_stage": 130, "limit_days": 120}
    assert found(partnership(stage="agreed"), balanced_year(), day(360), "stalled_stage") == []


def test_unsettled_costs_name_who_is_owed():
    events = [*balanced_year(200), h.Event(day(20), h.COST_ITEM, "a", amount_cents=40000)]
    finding = only(found(partnership(), events, day(120), "unsettled_costs"))
    assert finding.evidence["owed_party"] == "a" and finding.evidence["debtor_party"] == "b"
    assert finding.evidence["amount_cents"] == 20_000
    assert finding.evidence["transfers"] == [["b", "a", 20_000]]
    assert finding.since == day(20)
    events.append(h.Event(day(121), h.SETTLEMENT, "b", "a", amount_cents=20_000))
    assert found(partnership(), events, day(200), "unsettled_costs") == []


def test_costs_settled_in_their_usual_time_are_not_unsettled_even_when_they_overlap():
    events = balanced_year(360)
    for n in range(0, 330, 30):  # a campaign every month, each settled six weeks later
        events.append(h.Event(day(n), h.COST_ITEM, "a", amount_cents=40_000))
        events.append(h.Event(day(n + 42), h.SETTLEMENT, "b", "a", amount_cents=20_000))
    assert found(partnership(), events, day(360), "unsettled_costs") == []


def test_declining_trust_over_reviews():
    events = balanced_year(100)
    events += [review(180, "a", trust=4), review(181, "b", trust=4)]
    events += [review(270, "a", trust=2), review(272, "b", trust=2)]
    finding = only(found(partnership(), events, day(273), "declining_trust"))
    assert finding.evidence["now"] < finding.evidence["before"]


def test_poor_service_feedback_from_the_latest_ratings():
    events = balanced_year(150)
    for n, rating in ((40, 5), (100, 2), (120, 1), (140, 2)):
        events.append(h.Event(day(n), h.SERVICE_RATED, "b", rating=rating, ref=f"a{n}"))
    finding = only(found(partnership(), events, day(150), "poor_service_feedback"))
    assert finding.subject == "b"
    assert finding.evidence == {"party": "b", "ratings": 3, "average": 1.7}


def test_unanswered_contact_request():
    ship = partnership(stage="contacted", agreement=False)
    events = [h.Event(day(0), h.CONTACT_REQUEST_SENT, "a", "b", ref="cr1")]
    assert found(ship, events, day(10), "unanswered_contact_request") == []
    finding = only(found(ship, events, day(20), "unanswered_contact_request"))
    assert finding.subject == "b" and finding.evidence["oldest_days"] == 20
    events.append(h.Event(day(21), h.CONTACT_REQUEST_ANSWERED, "b", ref="cr1"))
    assert found(ship, events, day(22), "unanswered_contact_request") == []


def test_evidence_carries_the_documented_parameters():
    events = [
        *balanced_year(100),
        review(100, "a", trust=5),
        review(101, "b", trust=2),
        h.Event(day(5), h.COST_ITEM, "a", amount_cents=90000),
        h.Event(day(0), h.CONTACT_REQUEST_SENT, "b", "a", ref="cr"),
    ]
    kinds = set()
    for finding in found(partnership(stage="exploring"), events, day(260)):
        kinds.add(finding.kind)
        assert tuple(finding.evidence) == codes.EVIDENCE[finding.kind], finding.kind
    assert len(kinds) >= 5


# -- lifecycle ---------------------------------------------------------------------------------


def finding(kind="empty_partnership", subject="", opens=True):
    return alerts.Finding(0, kind, subject, dt.date(2026, 3, 1), {}, opens)


def test_reconcile_opens_keeps_and_resolves():
    kept = alerts.OpenAlert("one_way_street", "a>b", dt.date(2026, 1, 1), acknowledged=True)
    gone = alerts.OpenAlert("review_overdue", "", dt.date(2026, 2, 1))
    result = alerts.reconcile(
        [kept, gone], [finding("one_way_street", "a>b"), finding("empty_partnership")]
    )
    assert [f.kind for f in result.opened] == ["empty_partnership"]
    assert [a for a, _ in result.kept] == [kept]
    assert result.resolved == [gone]


def test_a_finding_that_only_keeps_does_not_open():
    result = alerts.reconcile([], [finding(opens=False)])
    assert result.opened == []
    alert = alerts.OpenAlert("empty_partnership", "", dt.date(2026, 1, 1))
    assert alerts.reconcile([alert], [finding(opens=False)]).kept[0][0] == alert


def test_one_way_alert_stays_open_until_the_flow_is_clearly_two_way_again():
    events = balanced_year(150)
    for n in range(150, 270, 5):
        events += referral(n, "a", "b", f"late{n}")
    events += [h.Event(day(n), h.MEETING, "a") for n in range(152, 270, 14)]  # a carries it
    assert only(found(partnership(), events, day(270), "one_way_street")).opens
    events += referral(271, "b", "a", "back1")
    still = found(partnership(), events, day(272), "one_way_street")
    assert still and not still[0].opens  # within the hysteresis band: kept, not re-opened


def test_a_count_shortfall_that_chance_explains_does_not_open():
    kpis = (h.KpiTarget("referrals_given", 12, party="a"),)  # ~6 expected in the window
    events = []
    for n in (20, 120):
        events += referral(n, "a", "b", f"a{n}")
    events += [h.Event(day(n), h.MEETING, "b") for n in range(0, 181, 15)]
    # 2 where 5.9 were due in the window (P(2 or fewer) is about 7 %), but the KPI was on track
    # after the second referral: two months behind is no shortfall yet
    assert found(partnership(kpis=kpis), events, day(180), "kpi_shortfall") == []


def test_declining_trust_needs_two_earlier_rounds_to_measure_a_decline_against():
    events = balanced_year(100)
    events += [review(180, "a", trust=4, communication=4), review(181, "b", trust=4)]
    events += [review(270, "a", trust=2, communication=2), review(272, "b", trust=2)]
    # one earlier round (and the balanced year's first round) is the baseline: enough here
    assert found(partnership(), events, day(273), "declining_trust")
    only_one_round = [review(90, "a", trust=4), review(91, "b", trust=4)]
    only_one_round += [review(180, "a", trust=2), review(181, "b", trust=2)]
    assert found(partnership(), only_one_round, day(182), "declining_trust") == []


def test_a_lull_that_quiets_both_sides_is_not_a_one_way_street():
    events = balanced_year(150)
    # nobody does anything for two months (holidays), then both sides go on as before
    for n in range(210, 300, 10):
        events += referral(n, "a", "b", f"a{n}") + referral(n + 3, "b", "a", f"b{n}")
    assert found(partnership(), events, day(209), "one_way_street") == []
    assert found(partnership(), events, day(300), "one_way_street") == []


def test_a_partner_that_never_referred_back_is_a_one_way_street_after_enough_referrals():
    # b calls every meeting (it carries its part), so only the referral silence counts: 0.5 per
    # referral not returned, against the combined threshold (0.001 %), i.e. 17 referrals
    events = [h.Event(day(n), h.MEETING, "b") for n in range(0, 200, 14)]
    for n in range(0, 200, 10):
        events += referral(n, "a", "b", f"a{n}")
    finding = only(found(partnership(), events, day(200), "one_way_street"))
    assert finding.subject == "a>b" and finding.opens
    few = [e for e in events if e.day <= day(100)]
    assert not any(f.opens for f in found(partnership(), few, day(100), "one_way_street"))


def _first_opening(events, days):
    for n in days:
        upto = [e for e in events if e.day <= day(n)]
        if any(f.opens for f in found(partnership(), upto, day(n), "one_way_street")):
            return n
    return None


def _taker(carried_by_a: bool) -> list[h.Event]:
    """Half a year of two-way partnership, then b stops referring; a goes on referring weekly,
    and the fortnightly meetings are called either by a alone or, as before, in turn."""
    events = balanced_year(150)
    for n in range(150, 400, 7):
        events += referral(n, "a", "b", f"late{n}")
    for i, n in enumerate(range(155, 400, 14)):
        events.append(h.Event(day(n), h.MEETING, "a" if carried_by_a or i % 2 else "b"))
    return events


def test_a_taker_that_also_stops_starting_things_is_found_sooner():
    days = range(160, 400, 3)
    referrals_only = _first_opening(_taker(carried_by_a=False), days)
    both = _first_opening(_taker(carried_by_a=True), days)
    assert referrals_only is not None  # the referral silence alone still opens it, later
    assert both is not None and both < referrals_only


def test_a_partner_that_lets_the_other_start_things_but_keeps_referring_is_no_one_way_street():
    events = balanced_year(150)
    for n in range(150, 400, 10):
        events += referral(n, "a", "b", f"a{n}") + referral(n + 4, "b", "a", f"b{n}")
    events += [h.Event(day(n), h.MEETING, "a") for n in range(152, 400, 7)]  # a starts all
    for n in range(160, 400, 20):
        assert found(partnership(), [e for e in events if e.day <= day(n)], day(n),
                     "one_way_street") == [], n  # fmt: skip


def test_the_one_way_evidence_counts_the_partners_run_without_starting_anything():
    finding = only(found(partnership(), _taker(carried_by_a=True), day(399), "one_way_street"))
    assert finding.evidence["others_started"] == len(range(155, 400, 14))


def test_unsettled_costs_name_every_debtor_with_its_own_amount_as_the_ledger_proposes():
    """Two debtors: the evidence is the cost ledger's settlement proposal, one transfer each,
    not the whole debt put on the largest debtor."""
    from decimal import Decimal

    from verbund.activities import ledger

    ship = partnership(parties=("a", "b", "c"))
    events = [
        *balanced_year(200),
        h.Event(day(20), h.COST_ITEM, "a", amount_cents=90_000),
        h.Event(day(30), h.COST_ITEM, "b", amount_cents=30_000),
    ]
    finding = only(found(ship, events, day(140), "unsettled_costs"))
    balances = {"a": Decimal("500.00"), "b": Decimal("-100.00"), "c": Decimal("-400.00")}
    proposal = [[t.payer, t.payee, int(t.amount * 100)] for t in ledger.settle(balances)]
    assert finding.evidence["transfers"] == proposal == [["c", "a", 40_000], ["b", "a", 10_000]]
