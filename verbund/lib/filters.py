"""The filter parameters the directory and the partner suggestions share (query string or API):
read, checked, and each bad one named in the reader's language instead of a crash."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from verbund.lib import catalogues, nace


def whole_or_none(value: Any) -> int | None:
    """An optional whole number from a parameter; ValueError when it is not one."""
    if value is None or value == "":
        return None
    return int(str(value).strip())


def text(params: Mapping[str, Any], name: str, limit: int = 200) -> str:
    value = params.get(name)
    return str(value).strip()[:limit] if value is not None else ""


def read_common(
    params: Mapping[str, Any],
    errors: dict[str, str],
    *,
    has_location: bool,
    max_km: float,
    catalogue_keys: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """``nace``, ``country``, ``min_employees``, ``max_employees``, ``max_km`` and the catalogue
    keys named in ``catalogue_keys`` (parameter -> catalogue); problems go into ``errors``."""
    values: dict[str, Any] = {}
    code = text(params, "nace", 20)
    if code:
        normal = nace.normalize(code)
        if normal is None:
            errors["nace"] = _("Unknown NACE code: %(code)s") % {"code": code}
        else:
            values["nace"] = normal
    country = text(params, "country", 2).upper()
    if country:
        if len(country) == 2 and country.isalpha():
            values["country"] = country
        else:
            errors["country"] = _("Use a two-letter country code, such as DE or NL.")
    for name, catalogue in (catalogue_keys or {}).items():
        key = text(params, name, 60)
        if key:
            if key in catalogues.keys(catalogue):
                values[name] = key
            else:
                errors[name] = _("Unknown choice: %(key)s") % {"key": key}
    for name in ("min_employees", "max_employees"):
        try:
            number = whole_or_none(params.get(name))
        except ValueError:
            errors[name] = _("Enter a whole number.")
            continue
        if number is not None and number < 0:
            errors[name] = _("Enter a number of at least 0.")
        elif number is not None:
            values[name] = number
    raw_km = text(params, "max_km", 20)
    if raw_km:
        try:
            km = float(raw_km.replace(",", "."))
        except ValueError:
            errors["max_km"] = _("Enter a distance in kilometres.")
        else:
            if not 0 < km <= max_km:
                errors["max_km"] = _("Enter a distance between 1 and %(max)d km.") % {"max": max_km}
            elif not has_location:
                errors["max_km"] = _(
                    "Distances need your company's location; add its city to the profile."
                )
            else:
                values["max_km"] = km
    return values
