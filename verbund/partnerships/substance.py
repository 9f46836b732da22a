"""Does a contact request say something? Pure checks, no Django.

A first contact must name the recipient's offer or need it is about, what the sender brings,
a proposed form and a concrete first step, each in enough words to be read as a proposal.
Boilerplate ("we would like to get in touch") is refused like an empty field: it names nothing;
a text counts as boilerplate when, without its stock words, too little is left.
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
_NUMBER = re.compile(r"\d+")

# Words that carry no proposal in de/nl/en: function words and the vocabulary of stock phrases
# ("we would like to get in touch", "wir freuen uns auf eine gute Zusammenarbeit", "wij kijken
# uit naar uw reactie"). Judging by single words, not whole phrases, means a stock sentence with
# one word changed is still recognised. What is left must name something: a service, a client
# group, a number, a date. Folded (lower case, no accents, ß as ss) like the text.
_STOCK_WORDS = {
    "de": (
        "wir ich sie ihnen ihr ihre ihren ihrem ihrer uns unser unsere unseren unserem unserer "
        "mich mir du dich man es das der die den dem des ein eine einen einem einer eines "
        "und oder aber mit zu zur zum fur in im ins auf an am aus bei von vom uber als auch "
        "noch schon so wie was wenn dass da hier sich diese dieser dieses diesem diesen "
        "ist sind sein war waren wird werden wurde wurden mochte mochten mochtest konnen "
        "konnten kann will wollen gerne gern sehr gut gute guten guter gutes nachste naheren "
        "kontakt kontakte treten aufnehmen aufzunehmen freuen freue freut zusammenarbeit "
        "zusammenarbeiten zusammen gemeinsam gemeinsame gemeinsamen partnerschaft partner "
        "kooperation kooperieren zukunft zukunftig zukunftige zukunftigen kunftig kunftige "
        "ruckmeldung antwort antworten austausch austauschen gesprach gesprache treffen "
        "melden interesse interessiert interessieren moglich moglichkeit moglichkeiten "
        "kennenlernen vorstellen vorzustellen weitere weiteren weiteres neue neuen idee ideen "
        "chance chancen potenzial potential synergie synergien erfolgreich erfolgreiche "
        "erfolgreichen langfristig langfristige langfristigen beiderseitig beiderseitigen "
        "vorteil vorteile hallo guten tag geehrte geehrter damen herren liebe lieber vielen "
        "dank danke gruss grusse freundlichen besten bitte kontaktieren nachricht horen bald "
        "baldige baldigen unternehmen firma betrieb thema themen"
    ),
    "nl": (
        "wij we ik u uw jullie ons onze mij me je het de een en of maar met te tot in op aan "
        "bij van voor uit naar om over dat die dit deze er hier ook nog al zich hoe wat als "
        "is zijn was waren wordt worden zou zouden willen wil kunnen kan graag heel erg goed "
        "goede contact opnemen samenwerking samenwerken samen gezamenlijk gezamenlijke "
        "partnerschap partner toekomst toekomstige reactie antwoord terugkoppeling "
        "uitwisseling kennismaken kennismaking gesprek ontmoeting interesse geinteresseerd "
        "kijk kijken horen hoor spoedig binnenkort mogelijk mogelijkheid mogelijkheden "
        "verder nieuwe ideeen kans kansen succesvol succesvolle lange termijn wederzijds "
        "voordeel voordelen hallo beste geachte dames heren groet groeten vriendelijke "
        "dank bedankt alvast neem mee leuk fijn verheugen bedrijf onderneming"
    ),
    "en": (
        "a an and or but the to of in on at for with from by about as we you us our your i "
        "me my it its this that these there here also so is are be been was were will would "
        "could should can like love get touch contact cooperate cooperation collaborate "
        "collaboration together partnership partner partners interested interest future "
        "hearing hear forward look looking soon reply response answer feedback exchange talk "
        "discuss discussion possibilities possibility opportunity opportunities great good "
        "very much new ideas synergy synergies mutual mutually benefit benefits beneficial "
        "long term successful hello hi dear sir madam regards kind best thanks thank please "
        "do company business meet meeting"
    ),
    # Placeholder text is no language but says as little.
    "placeholder": "lorem ipsum dolor sit amet consectetur adipiscing elit",
}
_STOCK = frozenset(word for words in _STOCK_WORDS.values() for word in words.split())
# Content words a text must name beyond the stock vocabulary.
MIN_CONTENT_WORDS = 3


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


def content_words(text: str) -> list[str]:
    """The words of a text that are not stock, and its numbers: what it actually names."""
    return [word for word in words(text) if word not in _STOCK] + _NUMBER.findall(text)


def is_boilerplate(text: str) -> bool:
    """Fewer than three words beyond stock phrases and filler, or padding that repeats itself."""
    if len(set(content_words(text))) < MIN_CONTENT_WORDS:
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
