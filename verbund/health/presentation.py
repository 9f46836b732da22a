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
from django.utils.translation import get_language, gettext_lazy, ngettext, pgettext
from django.utils.translation import gettext as _

from verbund.lib import catalogues, money

# KPIs measured in money: the core counts them in cents.
MONEY_KPIS = money.MONEY_KPIS

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
    return money.euros(amount)


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


# Most texts are one sentence whose placeholders are each filled from one parameter: they are
# tables of (text, placeholder -> how to fill it), and only texts with a plural or a choice
# between sentences are functions of their own.
Render = Callable[[Mapping[str, Any], Names], str]
Filler = Callable[[Mapping[str, Any], Names], str]


def _text(template: str, **fillers: Filler) -> Render:
    """A sentence (translated when rendered) with each placeholder filled by its filler."""

    def render(params: Mapping[str, Any], names: Names) -> str:
        return _fill(str(template), **{k: fill(params, names) for k, fill in fillers.items()})

    return render


def _counted(key: str, choose: Callable[[int], str], **fillers: Filler) -> Render:
    """A sentence with a singular and a plural ("1 day", "2 days"), chosen by parameter `key`."""

    def render(params: Mapping[str, Any], names: Names) -> str:
        template = choose(count(params.get(key)))
        return _fill(template, **{k: fill(params, names) for k, fill in fillers.items()})

    return render


def count(value: Any) -> int:
    """The number that picks the plural form: 1 only for exactly one ("1,5 Tage", "0 days")."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 2
    return int(number) if number == int(number) else 2


def _number(key: str) -> Filler:
    return lambda p, names: number(p.get(key))


def _party(key: str) -> Filler:
    return lambda p, names: party(names, p.get(key))


def _euros(key: str) -> Filler:
    return lambda p, names: euros(p.get(key))


def _day(key: str) -> Filler:
    return lambda p, names: day(p.get(key))


def _months(key: str) -> Filler:
    return lambda p, names: months(p.get(key))


def _label(catalogue: str, key: str) -> Filler:
    return lambda p, names: label(catalogue, p.get(key))


def _stage(key: str) -> Filler:
    return lambda p, names: stage_label(p.get(key))


# Fillers several texts share.
_EVENTS = {"events": _number("events"), "months": _months("window_days")}
_REFERRALS = {
    "party": _party("party"),
    "partner": _party("partner"),
    "given": _number("given"),
    "received": _number("received"),
}
_TRUST = {"before": _number("before"), "now": _number("now")}
# Who starts the joint activities and meetings: the same words whether one partner starts
# (almost) all of them or they take turns.
_STARTED = gettext_lazy(
    "%(party)s started %(started)s joint activities and meetings, the others %(others)s."
)
_STARTERS = {
    "party": _party("party"),
    "started": _number("started"),
    "others": _number("others_started"),
}


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
    n = count(e.get("days_silent"))
    if e.get("last_activity"):
        template = ngettext(
            "Nothing has happened for %(days)s day (last on %(last)s); at this partnership's "
            "own pace %(usual)s days without anything are already unusual.",
            "Nothing has happened for %(days)s days (last on %(last)s); at this partnership's "
            "own pace %(usual)s days without anything are already unusual.",
            n,
        )
    elif e.get("created"):
        # Named, because it is the alert's "since" too, and not the day the partnership entered
        # its current stage (which the partnership list shows).
        template = ngettext(
            "Nothing has happened in the %(days)s day since the partnership was created on "
            "%(created)s.",
            "Nothing has happened in the %(days)s days since the partnership was created on "
            "%(created)s.",
            n,
        )
    else:  # alerts stored before the evidence named the day
        template = ngettext(
            "Nothing has happened in the %(days)s day since the partnership started.",
            "Nothing has happened in the %(days)s days since the partnership started.",
            n,
        )
    return _fill(
        template,
        days=number(e.get("days_silent")),
        last=day(e.get("last_activity")),
        created=day(e.get("created")),
        usual=number(e.get("usual_gap_days")),
    )


def _unanswered(what: str) -> Callable[[Mapping[str, Any], Names], str]:
    def render(e: Mapping[str, Any], names: Names) -> str:
        waiting = int(e.get("waiting") or 0)
        if what == "referral":
            template = ngettext(
                "%(party)s has not answered %(waiting)s referral yet; it has waited %(oldest)s "
                "days.",
                "%(party)s has not answered %(waiting)s referrals yet; the oldest has waited "
                "%(oldest)s days.",
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
        text = _fill(
            template,
            party=party(names, e.get("party")),
            waiting=number(waiting),
            oldest=number(e.get("oldest_days")),
        )
        usual = _usual_answer(e.get("usual_days")) if what == "referral" else ""
        return f"{text} {usual}" if usual else text

    return render


def _usual_answer(days: Any) -> str:
    """How long the party's first answers usually take; nothing when it has not answered
    anything yet (the core then gives no figure: "usually 0 days" would be no usual at all)."""
    if days is None:
        return ""
    if float(days) < 1:
        return _("Its first answers usually come within a day.")
    return _fill(
        ngettext(
            "Its first answers usually take %(usual)s day.",
            "Its first answers usually take %(usual)s days.",
            count(days),
        ),
        usual=number(days),
    )


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
    # "days": the period the shortfall is measured over (since the KPI was last on track, or the
    # window); alerts stored before it existed keep the older text.
    if e.get("days") is not None:
        template = (
            ngettext(
                "“%(kpi)s” of %(party)s: %(actual)s in the last %(days)s day, where the "
                "agreement expects %(expected)s (%(percent)s %% of the pro-rated target).",
                "“%(kpi)s” of %(party)s: %(actual)s in the last %(days)s days, where the "
                "agreement expects %(expected)s (%(percent)s %% of the pro-rated target).",
                count(e.get("days")),
            )
            if e.get("party")
            else ngettext(
                "“%(kpi)s”: %(actual)s in the last %(days)s day, where the agreement expects "
                "%(expected)s (%(percent)s %% of the pro-rated target).",
                "“%(kpi)s”: %(actual)s in the last %(days)s days, where the agreement expects "
                "%(expected)s (%(percent)s %% of the pro-rated target).",
                count(e.get("days")),
            )
        )
    elif e.get("party"):
        template = _(
            "“%(kpi)s” of %(party)s: %(actual)s reached where %(expected)s were due by now "
            "(%(percent)s %% of the pro-rated target)."
        )
    else:
        template = _(
            "“%(kpi)s”: %(actual)s reached where %(expected)s were due by now (%(percent)s %% of "
            "the pro-rated target)."
        )
    return _fill(
        template,
        kpi=label("kpis", kpi),
        party=party(names, e.get("party")),
        actual=kpi_value(kpi, e.get("actual")),
        expected=kpi_value(kpi, e.get("expected")),
        percent=number(e.get("percent")),
        days=number(e.get("days")),
    )


def _unsettled(e: Mapping[str, Any], names: Names) -> str:
    # Every debtor with its own amount, as the settlement proposal on the costs page (alerts
    # stored before `transfers` existed name the largest debtor and creditor only).
    transfers = e.get("transfers")
    if transfers is None:
        transfers = [[e.get("debtor_party"), e.get("owed_party"), e.get("amount_cents")]]
    debts = [
        _fill(
            _("%(debtor)s owes %(owed)s %(amount)s"),
            debtor=party(names, debtor),
            owed=party(names, owed),
            amount=euros(cents),
        )
        for debtor, owed, cents in transfers
    ]
    days = e.get("unsettled_days")
    return _fill(
        ngettext(
            "The shared costs have not been even for %(days)s day: %(debts)s.",
            "The shared costs have not been even for %(days)s days: %(debts)s.",
            count(days),
        ),
        days=number(days),
        debts="; ".join(debts) or "–",
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


EVIDENCE: dict[str, Render] = {
    "one_way_street": _one_way,
    "empty_partnership": _empty,
    "unanswered_referral": _unanswered("referral"),
    "unanswered_contact_request": _unanswered("contact"),
    "perception_gap": _perception,
    "kpi_shortfall": _kpi,
    "review_overdue": _counted(
        "days_overdue",
        lambda n: ngettext(
            "The joint review was due on %(due)s and is %(days)s day overdue (agreed: every "
            "%(months)s months).",
            "The joint review was due on %(due)s and is %(days)s days overdue (agreed: every "
            "%(months)s months).",
            n,
        ),
        due=_day("due"),
        days=_number("days_overdue"),
        months=_months("cadence_days"),
    ),
    "stalled_stage": _text(
        gettext_lazy(
            "The partnership has been in the stage “%(stage)s” for %(days)s days "
            "(usual: up to %(limit)s)."
        ),
        stage=_stage("stage"),
        days=_number("days_in_stage"),
        limit=_number("limit_days"),
    ),
    "unsettled_costs": _unsettled,
    "declining_trust": _text(
        gettext_lazy("Trust in the reviews fell from %(before)s to %(now)s (scale 1–5)."),
        **_TRUST,
    ),
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


REASONS: dict[str, Render] = {
    "recently_active": _counted(
        "days_since",
        lambda n: ngettext(
            "Last activity %(days)s day ago.", "Last activity %(days)s days ago.", n
        ),
        days=_number("days_since"),
    ),
    "silent": _text(
        gettext_lazy("Nothing has happened for %(days)s days (unusual after %(usual)s)."),
        days=_number("days_since"),
        usual=_number("usual_gap_days"),
    ),
    "busy": _text(
        gettext_lazy("%(events)s referrals, activities, meetings or reviews in %(months)s months."),
        **_EVENTS,
    ),
    "few_events": _text(
        gettext_lazy(
            "Only %(events)s referrals, activities, meetings or reviews in %(months)s months."
        ),
        **_EVENTS,
    ),
    "referrals_balanced": _text(
        gettext_lazy(
            "Referrals flow both ways: %(party)s passed %(given)s to %(partner)s and "
            "received %(received)s."
        ),
        **_REFERRALS,
    ),
    "referrals_one_sided": _text(
        gettext_lazy(
            "Referrals flow one way: %(party)s passed %(given)s to %(partner)s and "
            "received %(received)s."
        ),
        **_REFERRALS,
    ),
    "value_one_sided": _text(
        gettext_lazy(
            "Business won flows one way: %(party)s brought %(partner)s %(given)s and "
            "received %(received)s."
        ),
        party=_party("party"),
        partner=_party("partner"),
        given=_euros("given_cents"),
        received=_euros("received_cents"),
    ),
    "initiative_one_sided": _text(_STARTED, **_STARTERS),
    "initiative_spread": _text(_STARTED, **_STARTERS),
    "quick_answers": _counted(
        "days",
        lambda n: ngettext(
            "Referrals and requests get a first answer within %(days)s day.",
            "Referrals and requests get a first answer within %(days)s days.",
            n,
        ),
        days=_number("days"),
    ),
    "slow_answers": _counted(
        "days",
        lambda n: ngettext(
            "%(party)s takes %(days)s day to give a first answer.",
            "%(party)s takes %(days)s days to give a first answer.",
            n,
        ),
        party=_party("party"),
        days=_number("days"),
    ),
    "kpis_on_track": _text(
        gettext_lazy("The agreed KPIs are on track (%(percent)s %%)."),
        percent=_number("percent"),
    ),
    "kpi_behind": _text(
        gettext_lazy("“%(kpi)s” is at %(percent)s %% of the pro-rated target."),
        kpi=_label("kpis", "kpi"),
        percent=_number("percent"),
    ),
    "factors_strong": _text(
        gettext_lazy("The success factors are scored well (%(average)s of 5)."),
        average=_number("average"),
    ),
    "factors_weak": _text(
        gettext_lazy("The success factors are scored low (%(average)s of 5)."),
        average=_number("average"),
    ),
    "perception_gap": _text(
        gettext_lazy("The partners see “%(factor)s” %(gap)s points apart."),
        factor=_label("factors", "factor"),
        gap=_number("gap"),
    ),
    "factor_falling": _text(
        gettext_lazy("“%(factor)s” fell by %(change)s points since the review before."),
        factor=_label("factors", "factor"),
        change=lambda p, names: number(abs(float(p.get("change") or 0))),
    ),
    "trust_rising": _text(
        gettext_lazy("Trust is growing: from %(before)s to %(now)s of 5."),
        **_TRUST,
    ),
    "trust_falling": _text(
        gettext_lazy("Trust is falling: from %(before)s to %(now)s of 5."),
        **_TRUST,
    ),
    "trust_level": _text(gettext_lazy("Trust stands at %(now)s of 5."), now=_number("now")),
}


def reason(code: str, params: Mapping[str, Any], names: Names) -> str:
    render = REASONS.get(code)
    return render(params, names) if render else ""


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
