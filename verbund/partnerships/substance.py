"""Does a contact request say something? Pure checks, no Django.

A first contact must name the recipient's offer or need it is about, what the sender brings,
a proposed form and a concrete first step, each in enough words to be read as a proposal.
Boilerplate ("we would like to get in touch") is refused like an empty field: it names nothing.
Returns problem codes per field; the services word them in the reader's language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

MIN_BRINGS_WORDS = 12
MIN_FIRST_STEP_WORDS = 6
# Share of distinct words below which a text is padding ("very very very good good good").
MIN_DISTINCT_RATIO = 0.5

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)

# Phrases that carry no proposal in de/nl/en; a text made only of these (and filler words) is
# boilerplate. Folded (lower case, no accents) like the text they are compared with.
_BOILERPLATE = (
    "we would like to get in touch",
    "we would like to cooperate",
    "we are interested in a partnership",
    "please contact me",
    "looking forward to hearing from you",
    "let us talk",
    "lorem ipsum",
    "wir mochten mit ihnen in kontakt treten",
    "wir mochten gerne mit ihnen zusammenarbeiten",
    "wir sind an einer partnerschaft interessiert",
    "bitte kontaktieren sie mich",
    "ich freue mich auf ihre antwort",
    "wir wurden uns gerne vorstellen",
    "wij willen graag contact met u opnemen",
    "wij willen graag samenwerken",
    "wij zijn geinteresseerd in een samenwerking",
    "neem contact met mij op",
    "ik kijk uit naar uw reactie",
)
_FILLER_WORDS = (
    "a an and the to of in on for with we you us our your i me my is are be it this that "
    "und die der das den dem ein eine einen wir sie ihnen ihr uns unser mit zu zur zum fur "
    "gerne gern sehr in auf ist sind es de het een en van voor met wij we u uw ons onze is "
    "zijn graag op te"
)
_FILLER = frozenset(_FILLER_WORDS.split())


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    minimum: int = 0


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def is_boilerplate(text: str) -> bool:
    """Only stock phrases and filler words, or padding that repeats itself."""
    folded = " ".join(words(text))
    for phrase in _BOILERPLATE:
        folded = folded.replace(phrase, " ")
    remaining = [w for w in folded.split() if w not in _FILLER]
    if len(remaining) < 3:
        return True
    all_words = words(text)
    return len(set(all_words)) / len(all_words) < MIN_DISTINCT_RATIO


def _text_problem(field: str, text: str, minimum: int) -> Problem | None:
    found = words(text)
    if not found:
        return Problem(field, "missing", minimum)
    if is_boilerplate(text):
        return Problem(field, "boilerplate", minimum)
    if len(found) < minimum:
        return Problem(field, "too_short", minimum)
    return None


def check(
    *,
    about_given: bool,
    brings: str,
    form: str,
    first_step: str,
    known_forms: Collection[str],
) -> list[Problem]:
    """Every reason why the request is not yet a proposal (empty list: it is one)."""
    problems: list[Problem] = []
    if not about_given:
        problems.append(Problem("about", "missing"))
    for problem in (
        _text_problem("brings", brings, MIN_BRINGS_WORDS),
        None if form in known_forms else Problem("form", "missing"),
        _text_problem("first_step", first_step, MIN_FIRST_STEP_WORDS),
    ):
        if problem is not None:
            problems.append(problem)
    if not problems and fold(brings.strip()) == fold(first_step.strip()):
        problems.append(Problem("first_step", "same_as_brings", MIN_FIRST_STEP_WORDS))
    return problems
