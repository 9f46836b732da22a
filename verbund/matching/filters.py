"""The filters of the suggestions page and API, read from a query string and checked.

Bad values are left out and named in the reader's language (the page shows the message, the API
refuses the request), never a crash.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from verbund.lib import catalogues, nace
from verbund.matching.candidates import Filters

MAX_KM = 1000.0
RADIUS_CHOICES = (10, 25, 50, 100, 200, 500)
MAX_TOP = 50


@dataclass(frozen=True)
class SuggestionQuery:
    country: str = ""
    max_km: float | None = None
    min_employees: int | None = None
    max_employees: int | None = None
    form: str = ""
    nace: str = ""
    top: int = 20

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.country or self.max_km or self.form or self.nace
            or self.min_employees is not None or self.max_employees is not None
        )  # fmt: skip

    def engine_filters(self) -> Filters | None:
        if not self.is_filtered:
            return None
        return Filters(
            countries=[self.country] if self.country else None,
            max_km=self.max_km,
            min_employees=self.min_employees,
            max_employees=self.max_employees,
            forms=[self.form] if self.form else None,
            nace=[self.nace] if self.nace else None,
        )


def _whole(value: Any) -> int | None:
    if value in (None, ""):
        return None
    return int(str(value).strip())


def parse_query(
    params: Mapping[str, Any], *, has_location: bool = True
) -> tuple[SuggestionQuery, dict[str, str]]:
    """The valid filters and ``{parameter: message}`` for the others."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}

    def text(name: str, limit: int) -> str:
        value = params.get(name)
        return str(value).strip()[:limit] if value is not None else ""

    if code := text("nace", 20):
        normal = nace.normalize(code)
        if normal is None:
            errors["nace"] = _("Unknown NACE code: %(code)s") % {"code": code}
        else:
            values["nace"] = normal
    if country := text("country", 3).upper():
        if len(country) == 2 and country.isalpha():
            values["country"] = country
        else:
            errors["country"] = _("Use a two-letter country code, such as DE or NL.")
    if form := text("form", 60):
        if form in catalogues.keys("forms"):
            values["form"] = form
        else:
            errors["form"] = _("Unknown choice: %(key)s") % {"key": form}
    for name in ("min_employees", "max_employees"):
        try:
            number = _whole(params.get(name))
        except ValueError:
            errors[name] = _("Enter a whole number.")
            continue
        if number is not None and number < 0:
            errors[name] = _("Enter a number of at least 0.")
        elif number is not None:
            values[name] = number
    if raw_km := text("max_km", 20):
        try:
            km = float(raw_km.replace(",", "."))
        except ValueError:
            errors["max_km"] = _("Enter a distance in kilometres.")
        else:
            if not 0 < km <= MAX_KM:
                errors["max_km"] = _("Enter a distance between 1 and %(max)d km.") % {"max": MAX_KM}
            elif not has_location:
                errors["max_km"] = _(
                    "Distances need your company's location; add its city to the profile."
                )
            else:
                values["max_km"] = km
    if raw_top := text("top", 10):
        try:
            top = int(raw_top)
        except ValueError:
            errors["top"] = _("Enter a whole number.")
        else:
            if 1 <= top <= MAX_TOP:
                values["top"] = top
            else:
                errors["top"] = _("Enter a number between 1 and %(max)d.") % {"max": MAX_TOP}
    return SuggestionQuery(**values), errors
