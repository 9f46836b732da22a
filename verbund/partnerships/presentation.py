"""Agreement terms as readable lines in the reader's language (pages, diff and PDF alike)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from babel.numbers import format_decimal
from django.utils import formats, translation
from django.utils.translation import gettext as _

from verbund.lib import catalogues, money
from verbund.partnerships import agreement_terms
from verbund.partnerships.forms import CADENCE_CHOICES, DATA_SHARING_CHOICES, PERIOD_CHOICES


def field_labels() -> dict[str, str]:
    return {
        "form": _("Form of cooperation"),
        "goals": _("Joint goals"),
        "scope": _("Scope"),
        "start": _("Start date"),
        "duration_months": _("Duration"),
        "review_cadence_months": _("Reviews"),
        "sponsors": _("Sponsors and contacts"),
        "kpis": _("Outcome KPIs"),
        "factors": _("Influence factors"),
        "custom_factors": _("Own influence factors"),
        "cost_shares": _("Cost sharing"),
        "contributions": _("Contributions"),
        "data_sharing": _("Data sharing"),
        "exit_terms": _("Exit terms"),
    }


def _label(catalogue: str, key: str, language: str) -> str:
    entry = catalogues.get(catalogue, key)
    return entry.label(language) if entry else key


def _number(value: Any, language: str) -> str:
    number = agreement_terms.parse_decimal(value)
    return format_decimal(number, locale=language) if number is not None else str(value)


def _date(value: str) -> str:
    try:
        return formats.date_format(date.fromisoformat(value), "DATE_FORMAT")
    except (TypeError, ValueError):
        return value or "—"


def describe(
    name: str, terms: Mapping[str, Any], names: Mapping[str, str], language: str
) -> list[str]:
    """One field of the terms as lines of text ("—" when empty)."""
    value = terms.get(name)
    lines: list[str]
    if name == "form":
        lines = [_label("forms", value, language)] if value else []
    elif name == "goals":
        lines = [_label("goals", key, language) for key in value or []]
    elif name == "factors":
        lines = [_label("factors", key, language) for key in value or []]
    elif name == "custom_factors":
        lines = list(value or [])
    elif name in ("scope", "exit_terms"):
        lines = [value] if value else []
    elif name == "start":
        lines = [_date(value)] if value else []
    elif name == "duration_months":
        lines = [_("%(months)s months") % {"months": value}] if value else []
    elif name == "review_cadence_months":
        lines = [str(dict(CADENCE_CHOICES).get(value, value))]
    elif name == "data_sharing":
        lines = [str(dict(DATA_SHARING_CHOICES).get(value, value))]
    elif name == "sponsors":
        lines = [
            _("%(company)s: management %(management)s, working level %(working)s")
            % {
                "company": names.get(pk, pk),
                "management": people.get("management") or "—",
                "working": people.get("working") or "—",
            }
            for pk, people in (value or {}).items()
        ]
    elif name == "cost_shares":
        lines = [
            f"{names.get(pk, pk)}: {_number(share, language)} %"
            for pk, share in (value or {}).items()
        ]
    elif name == "kpis":
        periods = dict(PERIOD_CHOICES)
        lines = []
        for row in value or []:
            label = row.get("label") or _label("kpis", row.get("key", ""), language)
            target = _number(row.get("target"), language)
            if row.get("key") in money.MONEY_KPIS:
                # A revenue target is an amount: "50.000,00 €", not a bare "50.000".
                number = agreement_terms.parse_decimal(row.get("target"))
                if number is not None:
                    with translation.override(language):
                        target = money.euros(number)
            text = f"{label}: {target} {periods.get(row.get('period'), '')}"
            direction = row.get("direction") or {}
            if direction:
                source = names.get(str(direction["from"]), "?")
                text += f" ({source} → {names.get(str(direction['to']), '?')})"
            lines.append(text)
    elif name == "contributions":
        kinds = {"cash": _("cash"), "in_kind": _("in kind")}
        statuses = {"pledged": _("pledged"), "delivered": _("delivered"), "overdue": _("overdue")}
        lines = [
            _("%(company)s: %(description)s, %(amount)s EUR %(kind)s, due %(due)s, %(status)s")
            % {
                "company": names.get(str(row.get("company")), "?"),
                "description": row.get("description") or "—",
                "amount": _number(row.get("amount"), language),
                "kind": kinds.get(row.get("kind"), row.get("kind")),
                "due": _date(row.get("due")),
                "status": statuses.get(row.get("status"), row.get("status")),
            }
            for row in value or []
        ]
    else:
        lines = [str(value)] if value not in (None, "") else []
    return lines or ["—"]


def terms_table(terms: Mapping[str, Any], names: Mapping[str, str], language: str):
    labels = field_labels()
    return [
        (labels[name], describe(name, terms, names, language)) for name in agreement_terms.FIELDS
    ]


def diff_table(before: Mapping[str, Any], after: Mapping[str, Any], names, language: str):
    labels = field_labels()
    return [
        (
            labels[change.field],
            describe(change.field, before, names, language),
            describe(change.field, after, names, language),
        )
        for change in agreement_terms.diff(before, after)
    ]
