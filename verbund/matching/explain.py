"""Stable codes of the reasons and concerns a suggestion carries, with their parameters.

The codes are an interface: the Django layer, the API and the CLI pass them on and translate them
(German, Dutch, English) from the English templates below; never rename one, add new ones.
Parameters are plain JSON values. Lists (``sectors``, ``languages``, ``goals``, ``forms``) hold
catalogue keys or codes, which the Django layer turns into labels in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass

# Reasons
NEED_COVERED = "need_covered"
GIVES_BACK = "gives_back"
RELATED_ACTIVITY = "related_activity"
CAPACITY_POOLING = "capacity_pooling"
SIMILAR_CUSTOMERS = "similar_customers"
SIMILAR_SIZE = "similar_size"
COMPLEMENTARY_STRENGTHS = "complementary_strengths"
NEARBY = "nearby"
CROSS_BORDER_TARGET_MARKET = "cross_border_target_market"
SHARED_LANGUAGE = "shared_language"
COMPATIBLE_GOALS = "compatible_goals"
COMMON_FORM = "common_form"
REFERENCES = "references"
VERIFIED_PARTNERSHIPS = "verified_partnerships"
PARTNERS_IN_COMMON = "partners_in_common"
SHARED_NETWORK = "shared_network"

# Concerns
POSSIBLE_COMPETITOR = "possible_competitor"
NO_SHARED_LANGUAGE = "no_shared_language"
FAR_AWAY = "far_away"
SIZE_MISMATCH = "size_mismatch"
NO_GIVE_BACK = "no_give_back"
NO_COMMON_FORM = "no_common_form"
NEEDS_NOT_COVERED = "needs_not_covered"
DIFFERENT_CUSTOMERS = "different_customers"


@dataclass(frozen=True)
class Code:
    code: str
    kind: str  # "reason" or "concern"
    params: tuple[str, ...]
    template: str  # English, str.format with the params


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code(NEED_COVERED, "reason", ("need_title", "offer_title"),
             "Covers your need “{need_title}” with “{offer_title}”"),
        Code(GIVES_BACK, "reason", ("need_title", "offer_title"),
             "Your “{offer_title}” covers their need “{need_title}”"),
        Code(RELATED_ACTIVITY, "reason", (), "Related but different activity: complements you"),
        Code(CAPACITY_POOLING, "reason", (),
             "Same trade, and both are open to a project group to pool capacity"),
        Code(SIMILAR_CUSTOMERS, "reason", ("sectors",), "Serves similar customers"),
        Code(SIMILAR_SIZE, "reason", ("employees", "your_employees"),
             "Similar size ({employees} employees)"),
        Code(COMPLEMENTARY_STRENGTHS, "reason", ("dimension", "strong"),
             "Strengths complement each other ({dimension})"),
        Code(NEARBY, "reason", ("km",), "Nearby ({km} km)"),
        Code(CROSS_BORDER_TARGET_MARKET, "reason", ("country",),
             "Based in your target market ({country})"),
        Code(SHARED_LANGUAGE, "reason", ("languages",), "You share a language"),
        Code(COMPATIBLE_GOALS, "reason", ("goals",), "Pursues the same goals"),
        Code(COMMON_FORM, "reason", ("forms",), "Open to the same form of partnership"),
        Code(REFERENCES, "reason", ("count",), "{count} references from partners"),
        Code(VERIFIED_PARTNERSHIPS, "reason", ("count",), "{count} verified partnerships"),
        Code(PARTNERS_IN_COMMON, "reason", ("count",), "{count} partners in common"),
        Code(SHARED_NETWORK, "reason", (), "Member of a network you belong to"),
        Code(POSSIBLE_COMPETITOR, "concern", ("offer_title", "your_offer_title"),
             "Offers the same as you (“{offer_title}”): possible competitor"),
        Code(NO_SHARED_LANGUAGE, "concern", (), "No shared language"),
        Code(FAR_AWAY, "concern", ("km",), "Far away ({km} km)"),
        Code(SIZE_MISMATCH, "concern", ("employees", "your_employees"),
             "Very different size ({employees} employees)"),
        Code(NO_GIVE_BACK, "concern", ("need_title",),
             "You offer little for their need “{need_title}”: a one-way street?"),
        Code(NO_COMMON_FORM, "concern", (), "No form of partnership you are both open to"),
        Code(NEEDS_NOT_COVERED, "concern", ("need_title",),
             "Does not cover your need “{need_title}”"),
        Code(DIFFERENT_CUSTOMERS, "concern", (), "Serves different customers"),
    )
}  # fmt: skip

# Concerns in order of severity (ties in weight are shown in this order).
CONCERN_ORDER = [
    POSSIBLE_COMPETITOR,
    NO_SHARED_LANGUAGE,
    NEEDS_NOT_COVERED,
    NO_GIVE_BACK,
    FAR_AWAY,
    SIZE_MISMATCH,
    NO_COMMON_FORM,
    DIFFERENT_CUSTOMERS,
]


def english(code: str, params: dict[str, object]) -> str:
    """The English text of a code (the Django layer translates the templates instead)."""
    entry = CODES[code]
    return entry.template.format(**{p: params.get(p, "") for p in entry.params})
