"""Problem codes of the pure rule modules, worded in the reader's language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from verbund.partnerships import agreement_terms, substance


def _substance_message(problem: substance.Problem, recipient: str) -> str:
    if problem.field == "about":
        return _("Name which offer or need of %(recipient)s your request is about.") % {
            "recipient": recipient
        }
    if problem.field == "form":
        return _("Choose the form of cooperation you propose.")
    if problem.field == "brings":
        if problem.code == "boilerplate":
            return _(
                "Only general phrases: say concretely what your company brings to "
                "%(recipient)s – a service or product, a client group, a number."
            ) % {"recipient": recipient}
        return ngettext(
            "Describe what your company brings to %(recipient)s in at least %(count)d word.",
            "Describe what your company brings to %(recipient)s in at least %(count)d words.",
            problem.minimum,
        ) % {"recipient": recipient, "count": problem.minimum}
    if problem.code == "same_as_brings":
        return _("The first step should be a concrete next action, not a copy of what you bring.")
    if problem.code == "boilerplate":
        return _(
            "Only general phrases: propose a concrete first step – what (a call, a visit, an "
            "offer), who takes part and when."
        )
    return ngettext(
        "Propose a concrete first step (what, who, when) in at least %(count)d word.",
        "Propose a concrete first step (what, who, when) in at least %(count)d words.",
        problem.minimum,
    ) % {"count": problem.minimum}


def substance_error(problems: Iterable[substance.Problem], recipient: str) -> ValidationError:
    errors: dict[str, list[str]] = defaultdict(list)
    for problem in problems:
        errors[problem.field].append(_substance_message(problem, recipient))
    return ValidationError(dict(errors))


def _terms_message(problem: agreement_terms.Problem) -> str:
    params = dict(problem.params)
    messages = {
        "unknown_fields": _("Unknown fields: %(keys)s"),
        "bad_type": _("“%(field)s” has the wrong type."),
        "unknown_form": _("Choose a form of cooperation from the list."),
        "unknown_goal": _("Choose the goals from the list."),
        "required": _("This field is required."),
        "bad_date": _("“%(value)s” is not a date (use YYYY-MM-DD)."),
        "duration_range": _("The duration must be between 1 and 120 months."),
        "cadence": _("Reviews take place every 1, 3, 6 or 12 months."),
        "sponsor_parties": _("Sponsors can only be named for the partners."),
        "unknown_kpi": _("KPI row %(row)s: choose a KPI from the list."),
        "custom_kpi_label": _("KPI row %(row)s: give your own KPI a name."),
        "kpi_target": _("KPI row %(row)s: enter a target of zero or more."),
        "kpi_period": _("KPI row %(row)s: choose the period the target applies to."),
        "kpi_direction": _("KPI row %(row)s: the direction must go from one partner to another."),
        "unknown_factor": _("Choose the influence factors from the list."),
        "factors_required": _("Choose at least one influence factor: the reviews score them."),
        "shares_parties": _("Enter a cost share for every partner."),
        "share_range": _("“%(value)s” is not a share between 0 and 100 %%."),
        "shares_sum": _(
            "The cost shares add up to %(total)s %%; together they must be exactly 100 %%."
        ),
        "contribution_party": _("Contribution row %(row)s: choose the partner who contributes."),
        "contribution_kind": _("Contribution row %(row)s: choose cash or in kind."),
        "contribution_amount": _("Contribution row %(row)s: enter an amount of zero or more."),
        "contribution_status": _("Contribution row %(row)s: unknown status."),
        "unknown_level": _("Choose a data-sharing level from the list."),
    }
    return messages.get(problem.code, _("Not valid.")) % params


def terms_error(
    problems: Iterable[agreement_terms.Problem],
    row_numbers: Mapping[str, Sequence[int]] | None = None,
) -> ValidationError:
    """``row_numbers``: per list field, the row number the reader sees for each row of the terms
    (a form leaves out its empty rows, so "row 2" of the terms may be the page's third)."""
    errors: dict[str, list[str]] = defaultdict(list)
    for problem in problems:
        shown = (row_numbers or {}).get(problem.field)
        if shown and "row" in problem.params:
            row = shown[problem.params["row"] - 1]
            problem = agreement_terms.Problem(
                problem.field, problem.code, {**problem.params, "row": row}
            )
        errors[problem.field].append(_terms_message(problem))
    return ValidationError(dict(errors))
