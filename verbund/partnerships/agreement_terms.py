"""The rules of an agreement's terms, without Django: validation, activation, diff.

Terms are one plain dict (stored as JSON on each version). Problems come back as codes with
parameters; the services turn them into messages in the reader's language. Pure so that the
invariants can be tested exhaustively with hypothesis.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

HUNDRED = Decimal(100)
CADENCES = (1, 3, 6, 12)  # months between reviews; quarterly is the default
DEFAULT_CADENCE = 3
PERIODS = ("month", "quarter", "year")
DATA_SHARING = ("none", "aggregated", "contacts_with_consent", "full")
CONTRIBUTION_KINDS = ("cash", "in_kind")
CONTRIBUTION_STATUSES = ("pledged", "delivered", "overdue")

# Every field of the terms, in display order (also the order of a diff).
FIELDS = (
    "form",
    "goals",
    "scope",
    "start",
    "duration_months",
    "review_cadence_months",
    "sponsors",
    "kpis",
    "factors",
    "custom_factors",
    "cost_shares",
    "contributions",
    "data_sharing",
    "exit_terms",
)


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    params: Mapping[str, Any] = dataclass_field(default_factory=dict)


def empty_terms(form: str, party_ids: Iterable[int]) -> dict[str, Any]:
    """A first draft: equal cost shares that sum to exactly 100 (the first party takes the
    rounding remainder), quarterly reviews."""
    ids = [str(pk) for pk in party_ids]
    shares = equal_shares(len(ids))
    return {
        "form": form,
        "goals": [],
        "scope": "",
        "start": "",
        "duration_months": 12,
        "review_cadence_months": DEFAULT_CADENCE,
        "sponsors": {pk: {"management": "", "working": ""} for pk in ids},
        "kpis": [],
        "factors": [],
        "custom_factors": [],
        "cost_shares": {pk: str(share) for pk, share in zip(ids, shares, strict=True)},
        "contributions": [],
        "data_sharing": "aggregated",
        "exit_terms": "",
    }


def equal_shares(count: int) -> list[Decimal]:
    if count <= 0:
        return []
    base = (HUNDRED / count).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    return [HUNDRED - base * (count - 1)] + [base] * (count - 1)


def parse_decimal(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def cost_share_problems(shares: Mapping[str, Any], party_ids: Collection[int]) -> list[Problem]:
    """Every party has a share between 0 and 100; together they are exactly 100 %."""
    problems: list[Problem] = []
    expected = {str(pk) for pk in party_ids}
    if set(shares) != expected:
        return [Problem("cost_shares", "shares_parties")]
    total = Decimal(0)
    for value in shares.values():
        number = parse_decimal(value)
        if number is None or number < 0 or number > HUNDRED:
            return [Problem("cost_shares", "share_range", {"value": str(value)})]
        total += number
    if total != HUNDRED:
        problems.append(Problem("cost_shares", "shares_sum", {"total": f"{total.normalize():f}"}))
    return problems


def terms_problems(
    terms: Mapping[str, Any],
    party_ids: Collection[int],
    *,
    forms: Collection[str],
    factors: Collection[str],
    kpis: Collection[str],
    goals: Collection[str],
) -> list[Problem]:
    """Everything wrong with a set of terms, field by field (empty list when they are fine)."""
    shape = _shape_problems(terms)
    if shape:
        return shape
    problems: list[Problem] = []
    unknown_fields = set(terms) - set(FIELDS)
    if unknown_fields:
        problems.append(
            Problem("terms", "unknown_fields", {"keys": ", ".join(sorted(unknown_fields))})
        )
    if terms.get("form") not in forms:
        problems.append(Problem("form", "unknown_form"))
    if set(terms.get("goals") or []) - set(goals):
        problems.append(Problem("goals", "unknown_goal"))
    if not str(terms.get("scope") or "").strip():
        problems.append(Problem("scope", "required"))
    start = terms.get("start") or ""
    if start:
        try:
            date.fromisoformat(str(start))
        except ValueError:
            problems.append(Problem("start", "bad_date", {"value": str(start)}))
    duration = terms.get("duration_months")
    if not isinstance(duration, int) or isinstance(duration, bool) or not 1 <= duration <= 120:
        problems.append(Problem("duration_months", "duration_range"))
    if terms.get("review_cadence_months") not in CADENCES:
        problems.append(Problem("review_cadence_months", "cadence"))
    ids = {str(pk) for pk in party_ids}
    sponsors = terms.get("sponsors") or {}
    if not isinstance(sponsors, Mapping) or set(sponsors) - ids:
        problems.append(Problem("sponsors", "sponsor_parties"))
    problems += _kpi_problems(terms.get("kpis") or [], ids, kpis)
    chosen_factors = terms.get("factors") or []
    if set(chosen_factors) - set(factors):
        problems.append(Problem("factors", "unknown_factor"))
    if not chosen_factors and not [f for f in terms.get("custom_factors") or [] if str(f).strip()]:
        problems.append(Problem("factors", "factors_required"))
    problems += cost_share_problems(terms.get("cost_shares") or {}, party_ids)
    problems += _contribution_problems(terms.get("contributions") or [], ids)
    if terms.get("data_sharing") not in DATA_SHARING:
        problems.append(Problem("data_sharing", "unknown_level"))
    return problems


_LISTS_OF_TEXT = ("goals", "factors", "custom_factors")
_LISTS_OF_ROWS = ("kpis", "contributions")
_MAPPINGS = ("sponsors", "cost_shares")


def _shape_problems(terms: Any) -> list[Problem]:
    """Wrong JSON types (from the API) are refused before any rule looks at the values."""
    if not isinstance(terms, Mapping):
        return [Problem("terms", "bad_type", {"field": "terms"})]
    for name in _LISTS_OF_TEXT:
        value = terms.get(name) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return [Problem(name, "bad_type", {"field": name})]
    for name in _LISTS_OF_ROWS:
        value = terms.get(name) or []
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            return [Problem(name, "bad_type", {"field": name})]
    for name in _MAPPINGS:
        if not isinstance(terms.get(name) or {}, Mapping):
            return [Problem(name, "bad_type", {"field": name})]
    for name in ("form", "scope", "start", "data_sharing", "exit_terms"):
        if not isinstance(terms.get(name) or "", str):
            return [Problem(name, "bad_type", {"field": name})]
    for row in terms.get("kpis") or []:
        if not isinstance(row.get("direction") or {}, Mapping):
            return [Problem("kpis", "bad_type", {"field": "kpis"})]
    return []


def _kpi_problems(rows: list, ids: set[str], known: Collection[str]) -> list[Problem]:
    """The first problem of every KPI row, so that all rows are reported at once."""
    found = (_kpi_row_problem(number, row, ids, known) for number, row in enumerate(rows, 1))
    return [problem for problem in found if problem is not None]


def _kpi_row_problem(
    number: int, row: Any, ids: set[str], known: Collection[str]
) -> Problem | None:
    if not isinstance(row, Mapping) or row.get("key") not in known:
        return Problem("kpis", "unknown_kpi", {"row": number})
    if row.get("key") == "custom" and not str(row.get("label") or "").strip():
        return Problem("kpis", "custom_kpi_label", {"row": number})
    target = parse_decimal(row.get("target"))
    if target is None or target < 0:
        return Problem("kpis", "kpi_target", {"row": number})
    if row.get("period") not in PERIODS:
        return Problem("kpis", "kpi_period", {"row": number})
    direction = row.get("direction") or {}
    if direction and (
        {str(direction.get("from")), str(direction.get("to"))} - ids
        or direction.get("from") == direction.get("to")
    ):
        return Problem("kpis", "kpi_direction", {"row": number})
    return None


def _contribution_problems(rows: list, ids: set[str]) -> list[Problem]:
    """The first problem of every contribution row, all rows at once."""
    found = (_contribution_row_problem(number, row, ids) for number, row in enumerate(rows, 1))
    return [problem for problem in found if problem is not None]


def _contribution_row_problem(number: int, row: Any, ids: set[str]) -> Problem | None:
    if not isinstance(row, Mapping) or str(row.get("company")) not in ids:
        return Problem("contributions", "contribution_party", {"row": number})
    if row.get("kind") not in CONTRIBUTION_KINDS:
        return Problem("contributions", "contribution_kind", {"row": number})
    amount = parse_decimal(row.get("amount"))
    if amount is None or amount < 0:
        return Problem("contributions", "contribution_amount", {"row": number})
    if row.get("status", "pledged") not in CONTRIBUTION_STATUSES:
        return Problem("contributions", "contribution_status", {"row": number})
    try:
        date.fromisoformat(str(row.get("due") or ""))
    except ValueError:
        return Problem("contributions", "bad_date", {"value": str(row.get("due") or "")})
    return None


def confirmed_by_all(confirmed_ids: Collection[int], party_ids: Collection[int]) -> bool:
    """A version becomes active only when every party (and at least one) has confirmed it."""
    return bool(party_ids) and set(party_ids) <= set(confirmed_ids)


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[Change]:
    """The fields whose value differs between two versions, in display order."""
    return [
        Change(name, before.get(name), after.get(name))
        for name in FIELDS
        if before.get(name) != after.get(name)
    ]
