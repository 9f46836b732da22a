"""Reasons and concerns in the reader's language.

The engine returns stable codes with parameters (``explain.py``); this module gives each code its
text in German, Dutch or English (the gettext catalogue of this app) and turns parameter values
that are keys (NACE sections, languages, goals, forms, dimensions, countries) into labels.

What a reason may say depends on what the reader may see of the candidate: a parameter taken
from a section the candidate hides from the reader (offers, needs, size, customers, strengths,
goals) is left out and a text without it is used; titles of an anonymous candidate lose the
words of its name, like everything else it shows.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from babel import Locale
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from verbund.companies import profile as profile_data
from verbund.lib import catalogues, nace
from verbund.matching import explain as codes


@dataclass(frozen=True)
class Text:
    """A code's text with all parameters, and the one used when `section` is hidden."""

    full: Any
    section: str | None = None  # the candidate's profile section the parameters come from
    hidden: Any = None


TEXTS: dict[str, Text] = {
    codes.NEED_COVERED: Text(
        _("Covers your need “%(need_title)s” with “%(offer_title)s”"),
        "offers",
        _("Covers your need “%(need_title)s”"),
    ),
    codes.GIVES_BACK: Text(
        _("Your offer “%(offer_title)s” covers their need “%(need_title)s”"),
        "needs",
        _("Your offer “%(offer_title)s” covers one of their needs"),
    ),
    codes.RELATED_ACTIVITY: Text(_("Related but different activity: complements you")),
    codes.CAPACITY_POOLING: Text(
        _("Same trade, and both are open to a project group to pool capacity")
    ),
    codes.SIMILAR_CUSTOMERS: Text(
        _("Serves similar customers (%(sectors)s)"), "customers", _("Serves similar customers")
    ),
    codes.SIMILAR_SIZE: Text(
        _("Similar size (%(employees)s employees, you %(your_employees)s)"),
        "size",
        _("Similar size"),
    ),
    codes.COMPLEMENTARY_STRENGTHS: Text(
        _("Strong where you are weak: %(dimension)s"),
        "strengths",
        _("Strengths complement each other"),
    ),
    codes.NEARBY: Text(_("Nearby (%(km)s km)")),
    codes.CROSS_BORDER_TARGET_MARKET: Text(_("Based in your target market %(country)s")),
    codes.SHARED_LANGUAGE: Text(_("You share a language: %(languages)s")),
    codes.COMPATIBLE_GOALS: Text(
        _("Pursues the same goals: %(goals)s"), "goals", _("Pursues compatible goals")
    ),
    codes.COMMON_FORM: Text(
        _("Open to the same form of partnership: %(forms)s"),
        "goals",
        _("Open to the same form of partnership"),
    ),
    codes.REFERENCES: Text(_("References from partners: %(count)s")),
    codes.VERIFIED_PARTNERSHIPS: Text(_("Verified partnerships: %(count)s")),
    codes.PARTNERS_IN_COMMON: Text(_("Partners in common: %(count)s")),
    codes.SHARED_NETWORK: Text(_("Member of a network you belong to")),
    codes.POSSIBLE_COMPETITOR: Text(
        _(
            "Offers the same as your “%(your_offer_title)s” (“%(offer_title)s”): "
            "possible competitor"
        ),
        "offers",
        _("Offers the same as your “%(your_offer_title)s”: possible competitor"),
    ),
    codes.NO_SHARED_LANGUAGE: Text(_("No shared language")),
    codes.FAR_AWAY: Text(_("Far away (%(km)s km)")),
    codes.SIZE_MISMATCH: Text(
        _("Very different size (%(employees)s employees, you %(your_employees)s)"),
        "size",
        _("Very different size"),
    ),
    codes.NO_GIVE_BACK: Text(
        _("You offer little for their need “%(need_title)s”: a one-way street?"),
        "needs",
        _("You offer little for their needs: a one-way street?"),
    ),
    codes.NO_COMMON_FORM: Text(_("No form of partnership you are both open to")),
    codes.NEEDS_NOT_COVERED: Text(_("Does not cover your need “%(need_title)s”")),
    codes.DIFFERENT_CUSTOMERS: Text(_("Serves different customers")),
}
# The reverse direction of complementary strengths ("you are strong where they are weak").
YOU_STRONG = _("You are strong where they are weak: %(dimension)s")
# Parameters that name the candidate's own items (scrubbed for anonymous candidates).
CANDIDATE_TITLES = {
    codes.NEED_COVERED: ("offer_title",),
    codes.GIVES_BACK: ("need_title",),
    codes.POSSIBLE_COMPETITOR: ("offer_title",),
    codes.NO_GIVE_BACK: ("need_title",),
}


def _join(values: list[str]) -> str:
    return ", ".join(v for v in values if v)


def _labels(catalogue: str, keys: list[str], language: str) -> str:
    return _join([catalogues.label(catalogue, k, language) if catalogues.get(catalogue, k) else k
                  for k in keys])  # fmt: skip


@functools.lru_cache(maxsize=8)
def _formatters(language: str) -> dict[str, Callable[[Any], str]]:
    locale = Locale.parse(language.replace("-", "_").split("_")[0] or "en")

    def sectors(values: list[str]) -> str:
        return _join([nace.label(v, language) if nace.get(v) else v for v in values])

    def languages(values: list[str]) -> str:
        return _join([locale.languages.get(v, v) for v in values])

    return {
        "sectors": sectors,
        "languages": languages,
        "goals": lambda v: _labels("goals", list(v), language),
        "forms": lambda v: _labels("forms", list(v), language),
        "dimension": lambda v: _labels("dimensions", [v], language),
        "country": lambda v: locale.territories.get(v, v),
    }


def render(
    code: str,
    params: Mapping[str, Any],
    language: str,
    *,
    hidden_sections: Collection[str] = (),
    name_words: set[str] | None = None,
) -> str:
    """The text of one reason or concern for a reader (see the module docstring)."""
    spec = TEXTS.get(code)
    if spec is None:  # a code newer than this catalogue: English rather than nothing
        return codes.english(code, dict(params))
    values = dict(params)
    if name_words:
        for key in CANDIDATE_TITLES.get(code, ()):
            if isinstance(values.get(key), str):
                values[key] = profile_data.scrub(values[key], name_words)
    formatters = _formatters(language)
    for key, value in values.items():
        if key in formatters and value not in (None, "", []):
            values[key] = formatters[key](value)
        elif value is None:
            values[key] = "–"
    template = spec.full
    if spec.section is not None and spec.section in hidden_sections:
        template = spec.hidden
    elif code == codes.COMPLEMENTARY_STRENGTHS and params.get("strong") == "you":
        template = YOU_STRONG
    if code == codes.SIMILAR_CUSTOMERS and not params.get("sectors"):
        template = spec.hidden
    with translation.override(language):
        return str(template) % values


def render_all(
    entries, language: str, **options: Any
) -> list[dict[str, str]]:  # entries: engine.Explanation
    return [
        {"code": e.code, "text": render(e.code, e.params, language, **options)} for e in entries
    ]
