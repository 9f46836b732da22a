"""The filters of the suggestions page and API, read from a query string and checked.

Bad values are left out and named in the reader's language (the page shows the message, the API
refuses the request), never a crash.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from verbund.lib import filters as filter_params
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


def parse_query(
    params: Mapping[str, Any], *, has_location: bool = True
) -> tuple[SuggestionQuery, dict[str, str]]:
    """The valid filters and ``{parameter: message}`` for the others."""
    errors: dict[str, str] = {}
    values = filter_params.read_common(
        params, errors, has_location=has_location, max_km=MAX_KM,
        catalogue_keys={"form": "forms"},
    )  # fmt: skip
    if raw_top := filter_params.text(params, "top", 10):
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
