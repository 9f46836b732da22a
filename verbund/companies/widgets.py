"""Form widgets of the stock-taking."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import get_language

from verbund.lib import nace


def split_codes(value: Any) -> list[str]:
    """'25.62, 73.11;C' or a list -> ['25.62', '73.11', 'C'] as written (not yet normalised)."""
    if value is None:
        return []
    if isinstance(value, str):
        parts: Iterable[str] = value.replace(";", ",").replace("\n", ",").split(",")
    else:
        parts = value
    return [str(part).strip() for part in parts if str(part).strip()]


def chips_for(codes: Iterable[str], language: str) -> list[dict[str, Any]]:
    """One chip per code: canonical code and label, or the raw text marked as unknown."""
    chips, seen = [], set()
    for raw in codes:
        code = nace.normalize(raw)
        key = code or raw
        if key in seen:
            continue
        seen.add(key)
        chips.append(
            {
                "code": key,
                "label": nace.label(code, language) if code else "",
                "known": code is not None,
            }
        )
    return chips


class NacePickerWidget(forms.TextInput):
    """A plain comma-separated codes input, enhanced with a search box and removable chips.

    Without JavaScript the text input is the whole widget (and the form validates it). With htmx
    the search box asks ``companies:nace_search`` for matching codes; picking or removing one asks
    ``companies:nace_pick`` to re-render this widget with the changed codes, so the text input
    stays the single source of truth and the server does all the work.
    """

    template_name = "companies/stocktaking/widgets/nace_picker.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs={"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def format_value(self, value: Any) -> str:
        return ", ".join(split_codes(value))

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget_id = widget["attrs"].get("id") or f"id_{name}"
        widget["picker_id"] = f"picker-{widget_id}"
        widget["chips"] = chips_for(split_codes(value), get_language() or "en")
        widget["search_url"] = reverse("companies:nace_search")
        widget["pick_url"] = reverse("companies:nace_pick")
        return context
