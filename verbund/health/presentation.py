"""Health in words, in the reader's language: alert titles, evidence sentences, next steps and
the reasons behind a score.

The pure core gives codes with parameters (``codes.py``); the parameters name parties by key
(the company's id as a string) and catalogue entries by key. Here they become company names,
translated labels, local dates and euro amounts. Every code of ``codes.py`` has a text (a test
checks it), so a new code cannot reach a page untranslated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import get_language, ngettext, pgettext
from django.utils.translation import gettext as _

from verbund.lib import catalogues

# KPIs measured in money: the core counts them in cents.
MONEY_KPIS = frozenset({"sourced_revenue", "influenced_revenue"})

Names = Mapping[str, str]


class _Params(dict):
    """%-formatting that shows "…" for a parameter an old row does not have, never a crash."""

    def __missing__(self, key: str) -> str:
        return "…"


def _lang() -> str:
    return get_language() or "de"


def number(value: Any, digits: int = 1) -> str:
    """A figure in the reader's format (1,5 in German, 1.5 in English); whole numbers bare."""
    if value is None:
        return "–"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if number == int(number):
        return formats.number_format(int(number), use_l10n=True, force_grouping=True)
    return formats.number_format(round(number, digits), digits, use_l10n=True)


def euros(cents: Any) -> str:
    try:
        amount = Decimal(int(cents)) / 100
    except (TypeError, ValueError):
        return "–"
    return f"{formats.number_format(amount, 2, use_l10n=True, force_grouping=True)} €"


def day(value: Any) -> str:
    if not value:
        return "–"
    try:
        date = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return formats.date_format(date, "SHORT_DATE_FORMAT")


def months(days: Any) -> str:
    try:
        return number(round(int(days) / 30.4))
    except (TypeError, ValueError):
        return "…"


def party(names: Names, key: Any) -> str:
    if key is None:
        return _("the partnership")
    return names.get(str(key)) or _("a former partner")


def label(catalogue: str, key: Any) -> str:
    """A catalogue entry's label; a custom KPI ("custom:<label>") shows its own label."""
    text = str(key or "")
    if text.startswith("custom:"):
        return text.removeprefix("custom:")
    entry = catalogues.get(catalogue, text)
    return entry.label(_lang()) if entry else text


def stage_label(key: Any) -> str:
    from verbund.partnerships.models import Stage

    return str(Stage(key).label) if key in Stage.values else str(key)


def kpi_value(kpi: Any, value: Any) -> str:
    return euros(round(float(value or 0))) if kpi in MONEY_KPIS else number(value)


def _fill(template: str, **params: Any) -> str:
    return template % _Params(params)


# -- alerts ---------------------------------------------------------------------------------------


def alert_title(kind: str) -> str:
    return label("alerts", kind)


def alert_help(kind: str) -> str:
    entry = catalogues.get("alerts", kind)
    return entry.help(_lang()) if entry else ""


def _one_way(e: Mapping[str, Any], names: Names) -> str:
    given = int(e.get("given") or 0)
    flow = _fill(
        ngettext(
            "%(party)s passed %(given)s referral to %(partner)s and received %(received)s back "
            "in the last %(months)s months.",
            "%(party)s passed %(given)s referrals to %(partner)s and received %(received)s back "
            "in the last %(months)s months.",
            given,
        ),
        party=party(names, e.get("party")),
        partner=party(names, e.get("partner")),
        given=number(given),
        received=number(e.get("received")),
        months=months(e.get("window_days")),
    )
    # The initiative half of the evidence (alerts stored before it existed have no such entry;
    # a run of one says nothing worth a sentence).
    started = int(e.get("others_started") or 0)
    if started < 2:
        return flow
    run = _fill(
        _("%(partner)s started none of the last %(count)s meetings and joint activities."),
        partner=party(names, e.get("partner")),
        count=number(started),
    )
    return f"{flow} {run}"


def _empty(e: Mapping[str, Any], names: Names) -> str:
    if not e.get("last_activity"):
        return _fill(
            _("Nothing has happened in the %(days)s days since the partnership started."),
            days=number(e.get("days_silent")),
        )
    return _fill(
        _(
            "Nothing has happened for %(days)s days (last on %(last)s); at this partnership's "
            "own pace %(usual)s days without anything are already unusual."
        ),
        days=number(e.get("days_silent")),
        last=day(e.get("last_activity")),
        usual=number(e.get("usual_gap_days")),
    )


def _unanswered(what: str) -> Callable[[Mapping[str, Any], Names], str]:
    def render(e: Mapping[str, Any], names: Names) -> str:
        waiting = int(e.get("waiting") or 0)
        if what == "referral":
            template = ngettext(
                "%(party)s has not answered %(waiting)s referral yet; it has waited %(oldest)s "
                "days (first answers usually take %(usual)s days).",
                "%(party)s has not answered %(waiting)s referrals yet; the oldest has waited "
                "%(oldest)s days (first answers usually take %(usual)s days).",
                waiting,
            )
        else:
            template = ngettext(
                "%(party)s has not answered %(waiting)s contact request yet; it has waited "
                "%(oldest)s days.",
                "%(party)s has not answered %(waiting)s contact requests yet; the oldest has "
                "waited %(oldest)s days.",
                waiting,
            )
        return _fill(
            template,
            party=party(names, e.get("party")),
            waiting=number(waiting),
            oldest=number(e.get("oldest_days")),
            usual=number(e.get("usual_days")),
        )

    return render


def _perception(e: Mapping[str, Any], names: Names) -> str:
    scores = e.get("scores") or {}
    listed = ", ".join(f"{party(names, key)}: {number(value)}" for key, value in scores.items())
    return _fill(
        _("The partners score “%(factor)s” %(gap)s points apart (%(scores)s, scale 1–5)."),
        factor=label("factors", e.get("factor")),
        gap=number(e.get("gap")),
        scores=listed,
    )


def _kpi(e: Mapping[str, Any], names: Names) -> str:
    kpi = e.get("kpi")
    template = (
        _(
            "“%(kpi)s” of %(party)s: %(actual)s reached where %(expected)s were due by now "
            "(%(percent)s %% of the pro-rated target)."
        )
        if e.get("party")
        else _(
            "“%(kpi)s”: %(actual)s reached where %(expected)s were due by now (%(percent)s %% of "
            "the pro-rated target)."
        )
    )
    return _fill(
        template,
        kpi=label("kpis", kpi),
        party=party(names, e.get("party")),
        actual=kpi_value(kpi, e.get("actual")),
        expected=kpi_value(kpi, e.get("expected")),
        percent=number(e.get("percent")),
    )


def _review(e: Mapping[str, Any], names: Names) -> str:
    return _fill(
        _(
            "The joint review was due on %(due)s and is %(days)s days overdue (agreed: every "
            "%(months)s months)."
        ),
        due=day(e.get("due")),
        days=number(e.get("days_overdue")),
        months=months(e.get("cadence_days")),
    )


def _stalled(e: Mapping[str, Any], names: Names) -> str:
    return _fill(
        _(
            "The partnership has been in the stage “%(stage)s” for %(days)s days "
            "(usual: up to %(limit)s)."
        ),
        stage=stage_label(e.get("stage")),
        days=number(e.get("days_in_stage")),
        limit=number(e.get("limit_days")),
    )


def _unsettled(e: Mapping[str, Any], names: Names) -> str:
    return _fill(
        _(
            "%(debtor)s owes %(owed)s %(amount)s of shared costs; the balances have not been even "
            "for %(days)s days."
        ),
        debtor=party(names, e.get("debtor_party")),
        owed=party(names, e.get("owed_party")),
        amount=euros(e.get("amount_cents")),
        days=number(e.get("unsettled_days")),
    )


def _trust(e: Mapping[str, Any], names: Names) -> str:
    return _fill(
        _("Trust in the reviews fell from %(before)s to %(now)s (scale 1–5)."),
        before=number(e.get("before")),
        now=number(e.get("now")),
    )


def _service(e: Mapping[str, Any], names: Names) -> str:
    ratings = int(e.get("ratings") or 0)
    return _fill(
        ngettext(
            "Clients rated the service of %(party)s %(average)s of 5 in the latest "
            "%(ratings)s rating.",
            "Clients rated the service of %(party)s %(average)s of 5 on average in the latest "
            "%(ratings)s ratings.",
            ratings,
        ),
        party=party(names, e.get("party")),
        average=number(e.get("average")),
        ratings=number(ratings),
    )


EVIDENCE: dict[str, Callable[[Mapping[str, Any], Names], str]] = {
    "one_way_street": _one_way,
    "empty_partnership": _empty,
    "unanswered_referral": _unanswered("referral"),
    "unanswered_contact_request": _unanswered("contact"),
    "perception_gap": _perception,
    "kpi_shortfall": _kpi,
    "review_overdue": _review,
    "stalled_stage": _stalled,
    "unsettled_costs": _unsettled,
    "declining_trust": _trust,
    "poor_service_feedback": _service,
}


def evidence(kind: str, params: Mapping[str, Any], names: Names) -> str:
    render = EVIDENCE.get(kind)
    return render(params, names) if render else ""


def next_step(code: str) -> str:
    texts = {
        "discuss_balance": _(
            "Talk about the balance together: which clients or leads could flow the other way?"
        ),
        "plan_joint_activity": _(
            "Plan the next joint activity or meeting and put it in the diary."
        ),
        "remind_to_answer_referral": _(
            "Ask for a first answer to the waiting referrals: the clients are waiting."
        ),
        "discuss_factor_together": _(
            "Discuss this factor together: where do your views differ, and why?"
        ),
        "adjust_plan_or_target": _(
            "Agree what it takes to reach the target, or agree a realistic target."
        ),
        "schedule_review": _("Schedule the joint review and both submit your scores."),
        "decide_next_stage": _("Decide together: move on to the next stage, pause or end."),
        "settle_costs": _("Settle the shared costs (see the cost ledger's proposal)."),
        "management_meeting": _("Arrange a meeting of the management of both sides."),
        "discuss_service_quality": _(
            "Talk about the service the referred clients received and how to improve it."
        ),
        "answer_contact_request": _("Answer the contact request, even with a short “no”."),
    }
    return texts.get(code, "")


# -- reasons --------------------------------------------------------------------------------------


def reason(code: str, params: Mapping[str, Any], names: Names) -> str:
    p = params
    window = months(p.get("window_days"))
    texts: dict[str, Callable[[], str]] = {
        "recently_active": lambda: _fill(
            _("Last activity %(days)s days ago."), days=number(p.get("days_since"))
        ),
        "silent": lambda: _fill(
            _("Nothing has happened for %(days)s days (unusual after %(usual)s)."),
            days=number(p.get("days_since")),
            usual=number(p.get("usual_gap_days")),
        ),
        "busy": lambda: _fill(
            _("%(events)s referrals, activities, meetings or reviews in %(months)s months."),
            events=number(p.get("events")),
            months=window,
        ),
        "few_events": lambda: _fill(
            _("Only %(events)s referrals, activities, meetings or reviews in %(months)s months."),
            events=number(p.get("events")),
            months=window,
        ),
        "referrals_balanced": lambda: _fill(
            _(
                "Referrals flow both ways: %(party)s passed %(given)s to %(partner)s and "
                "received %(received)s."
            ),
            party=party(names, p.get("party")),
            partner=party(names, p.get("partner")),
            given=number(p.get("given")),
            received=number(p.get("received")),
        ),
        "referrals_one_sided": lambda: _fill(
            _(
                "Referrals flow one way: %(party)s passed %(given)s to %(partner)s and "
                "received %(received)s."
            ),
            party=party(names, p.get("party")),
            partner=party(names, p.get("partner")),
            given=number(p.get("given")),
            received=number(p.get("received")),
        ),
        "value_one_sided": lambda: _fill(
            _(
                "Business won flows one way: %(party)s brought %(partner)s %(given)s and "
                "received %(received)s."
            ),
            party=party(names, p.get("party")),
            partner=party(names, p.get("partner")),
            given=euros(p.get("given_cents")),
            received=euros(p.get("received_cents")),
        ),
        "initiative_one_sided": lambda: _fill(
            _(
                "%(party)s started %(started)s joint activities and meetings, "
                "the others %(others)s."
            ),
            party=party(names, p.get("party")),
            started=number(p.get("started")),
            others=number(p.get("others_started")),
        ),
        "quick_answers": lambda: _fill(
            _("Referrals and requests get a first answer within %(days)s days."),
            days=number(p.get("days")),
        ),
        "slow_answers": lambda: _fill(
            _("%(party)s takes %(days)s days to give a first answer."),
            party=party(names, p.get("party")),
            days=number(p.get("days")),
        ),
        "kpis_on_track": lambda: _fill(
            _("The agreed KPIs are on track (%(percent)s %%)."), percent=number(p.get("percent"))
        ),
        "kpi_behind": lambda: _fill(
            _("“%(kpi)s” is at %(percent)s %% of the pro-rated target."),
            kpi=label("kpis", p.get("kpi")),
            percent=number(p.get("percent")),
        ),
        "factors_strong": lambda: _fill(
            _("The success factors are scored well (%(average)s of 5)."),
            average=number(p.get("average")),
        ),
        "factors_weak": lambda: _fill(
            _("The success factors are scored low (%(average)s of 5)."),
            average=number(p.get("average")),
        ),
        "perception_gap": lambda: _fill(
            _("The partners see “%(factor)s” %(gap)s points apart."),
            factor=label("factors", p.get("factor")),
            gap=number(p.get("gap")),
        ),
        "factor_falling": lambda: _fill(
            _("“%(factor)s” fell by %(change)s points since the review before."),
            factor=label("factors", p.get("factor")),
            change=number(abs(float(p.get("change") or 0))),
        ),
        "trust_rising": lambda: _fill(
            _("Trust is growing: from %(before)s to %(now)s of 5."),
            before=number(p.get("before")),
            now=number(p.get("now")),
        ),
        "trust_falling": lambda: _fill(
            _("Trust is falling: from %(before)s to %(now)s of 5."),
            before=number(p.get("before")),
            now=number(p.get("now")),
        ),
        "trust_level": lambda: _fill(_("Trust stands at %(now)s of 5."), now=number(p.get("now"))),
    }
    text = texts.get(code)
    return text() if text else ""


def component_label(name: str) -> str:
    labels = {
        "activity": pgettext("health component", "Activity"),
        "reciprocity": pgettext("health component", "Reciprocity"),
        "responsiveness": pgettext("health component", "Responsiveness"),
        "outcomes": pgettext("health component", "Outcomes (KPIs)"),
        "factors": pgettext("health component", "Success factors"),
        "trust": pgettext("health component", "Trust"),
    }
    return labels.get(name, name)


def light_label(light: str) -> str:
    from verbund.health.models import Light

    return str(Light(light).label) if light in Light.values else light
