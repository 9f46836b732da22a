"""What the stock-taking says about each missing completeness item, and about its steps.

Texts live here rather than in ``completeness`` so that module stays pure (no Django) while the
pages still speak the reader's language. Every item of ``completeness.ITEMS`` has a hint; a test
keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from verbund.companies import completeness


@dataclass(frozen=True)
class Hint:
    title: Promise  # what to add, short
    reason: Promise  # why partner suggestions need it; may hold %(min)s
    params: tuple[tuple[str, int], ...] = ()

    @property
    def why(self) -> str:
        # Interpolated at render time: ``lazy % params`` would fix the language at import.
        return str(self.reason) % dict(self.params) if self.params else str(self.reason)


HINTS: dict[str, Hint] = {
    "place": Hint(
        _("A place we can find"),
        _("Distances and nearby partners need a city that is in our gazetteer."),
    ),
    "activities": Hint(
        _("Your activities (NACE codes)"),
        _("Activity codes tell which partners do related but different work."),
    ),
    "description": Hint(
        _("A short description"),
        _("A sentence or two (at least %(min)s characters) on what you do and for whom."),
        (("min", completeness.MIN_DESCRIPTION),),
    ),
    "languages": Hint(
        _("Languages you work in"),
        _("Partners need at least one language in common with you."),
    ),
    "size": Hint(
        _("Number of employees"),
        _("Partners of a similar size tend to work together more easily."),
    ),
    "offers": Hint(
        _("What you offer"),
        _("Offers are what other companies' needs are matched against."),
    ),
    "offer_texts": Hint(
        _("A text for every offer"),
        _("A few words per offer let us match it across German, Dutch and English."),
    ),
    "needs": Hint(
        _("What you are looking for"),
        _("Needs are the starting point of every partner suggestion."),
    ),
    "customers": Hint(
        _("Customer sectors and sizes"),
        _("Partners who serve similar customers can pass clients to each other."),
    ),
    "customer_types": Hint(
        _("Your mix of B2B, B2C and B2G customers"),
        _("The mix shows whether your customers and a partner's customers are alike."),
    ),
    "strengths": Hint(
        _("Your strengths and weaknesses"),
        _("Rate at least %(min)s areas so that partners can cover your weak spots."),
        (("min", completeness.MIN_RATED_DIMENSIONS),),
    ),
    "readiness": Hint(
        _("Time and people for partnering"),
        _("Hours per month, a sponsor at management level and a contact at working level."),
    ),
    "goals": Hint(
        _("Your partnership goals"),
        _("Goals decide which partners and which forms of cooperation fit you."),
    ),
    "forms": Hint(
        _("Forms of cooperation you are open to"),
        _("A partner must be open to at least one form you are open to."),
    ),
}


STEP_TITLES: dict[str, Promise] = {
    "identity": _("Who we are"),
    "offers": _("What we offer and need"),
    "customers": _("Our customers"),
    "strengths": _("Strengths and weaknesses"),
    "goals": _("Goals and forms of cooperation"),
    "visibility": _("Visibility"),
}

STEP_INTROS: dict[str, Promise] = {
    "identity": _(
        "The basics: who you are, where you are, how big you are and what you do. Partners and "
        "coordinators see this first."
    ),
    "offers": _(
        "What you provide and what you are looking for. Write in German, Dutch or English; "
        "suggestions match across these languages."
    ),
    "customers": _(
        "Whom you serve. Companies with similar customers but different services make good "
        "referral partners."
    ),
    "strengths": _(
        "Where you are strong and where you are weak, and how much time and which people you "
        "can give to partnering. Be honest: a good partner covers your weak spots."
    ),
    "goals": _(
        "What you want to achieve with partners, and which forms of cooperation you are open to."
    ),
    "visibility": _(
        "Who may see your profile, and which parts of it. Your own people and your network's "
        "coordinators always see everything."
    ),
}
