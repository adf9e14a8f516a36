"""Does a sentence introduce the speaker of a quotation that follows it?

News copy credits a bare quotation to the person the sentence before it sets up as speaking
or as holding a view: ``Jo Bloggs criticised the plan.`` / ``She was confident of a deal.`` /
``Mr Roe defended the decision.`` then ``"We will go ahead."``. A sentence that only mentions a
person introduces nobody: after ``In 1983 he took the seat.``, ``Redford cuts a figure through
the crowd.`` or ``The band have topped a list.`` a quotation has no speaker.

Invariant: :func:`introduced_speaker` returns a span only when the sentence speaks in the
first person ("I" outside quote marks), opens with "he" or "she" as its subject (after "But",
"And" and the like), or has a person ("he", "she", a full name, a title and a name, or the
surname of a full name used earlier) as the subject of a verb of saying, of thinking or of
taking a stance ("believed", "defended"), of any verb with a noun of saying after it ("lays
the blame", "with a soundbite"), or of "is"/"was" with a word of attitude ("was confident").
Pure functions; no state.
"""

from __future__ import annotations

import re
from typing import Protocol

from lint.analysis.lexicon import CALENDAR_WORDS, HONORIFICS, ORG_WORDS, SPEECH_VERBS
from lint.analysis.names import NAME_RUN, UPPER, looks_like_person

__all__ = ["NOT_NAMES", "STOP_TITLES", "answer_label", "credits_back", "introduced_speaker", "strip_titles"]

STOP_TITLES = HONORIFICS | frozenset("president chairman chairwoman chair chief ceo".split())
"""Words before a name that are a title, not part of the name."""

NOT_NAMES = (
    frozenset(
        """the a an this that these those it its they their there here we our he she his her in on at for of
    but and so yet now still meanwhile however when while if as after before since during some many most
    all both each every other others such no not one two three four five""".split()
    )
    | CALENDAR_WORDS
)
"""Capitalised words that open a sentence and are no part of a name."""

_STANCE_VERBS = frozenset(
    """believe believes believed think thinks thought feel feels felt hope hopes hoped fear fears feared
    want wants wanted expect expects expected accept accepts accepted reject rejects rejected deny denies
    denied defend defends defended welcome welcomes welcomed accuse accuses accused blame blames blamed
    apologise apologises apologised apologize apologizes apologized speak speaks spoke react reacts reacted
    dismiss dismisses dismissed express expresses expressed voice voices voiced question questions
    questioned challenge challenges challenged appeal appeals appealed call calls called doubt doubts
    doubted dispute disputes disputed refute refutes refuted praise praises praised attack attacks
    attacked condemn condemns condemned slam slams slammed blast blasts blasted oppose opposes opposed
    agree agrees agreed disagree disagrees disagreed remember remembers remembered regret regrets
    regretted pledge pledges pledged worry worries worried know knows knew hit hits rounded""".split()
)
"""Verbs of thinking and of taking a stance: their subject holds the view a quotation after
the sentence gives in their words."""

_NOT_SPEECH = frozenset("continued continues reported reports pleaded pleads quoted quotes".split())
"""Verbs of :data:`SPEECH_VERBS` that, without a quotation of their own, report an act
("continued to trade", "reported a loss", "pleaded guilty")."""

_INTRODUCING = (_STANCE_VERBS | frozenset(SPEECH_VERBS)) - _NOT_SPEECH

_COPULAS = frozenset("is was were are been remains remained seemed seems sounded sounds appeared appears".split())
_ATTITUDES = frozenset(
    """confident optimistic pessimistic upbeat adamant defiant unrepentant angry furious delighted pleased
    happy unhappy disappointed critical cautious sure certain keen determined sceptical skeptical bullish
    bearish scathing blunt frank candid emphatic dismissive unapologetic proud relieved concerned worried
    clear eager anxious willing reluctant ready evangelical passionate enthusiastic outspoken forthright
    philosophical bitter emotional unequivocal insistent robust realistic modest gracious diplomatic guarded
    reticent""".split()
)
"""Words of attitude after "is"/"was": "She was confident", "He remained upbeat"."""

# After the subject: an optional appositive, up to three auxiliaries or adverbs, the verb and the
# word after it ("Jo Bloggs, the mayor, has strongly criticised", "He was confident").
_AFTER_SUBJECT = re.compile(
    r"(?:\s*,[^,.;:!?\"“”]{1,90},)?\s+"
    r"(?:(?:has|had|have|also|still|now|already|again|later|then|would|will|did|does|do|not|never|[a-z]+ly)\s+){0,3}"
    r"(?P<verb>[a-z]+)\b(?:\s+(?:almost|very|so|quite|rather|fairly|particularly|[a-z]+ly))?(?:\s+(?P<next>[a-z]+))?"
)
_SPEECH_NOUN = re.compile(
    r"\b(?:soundbites?|remarks?|comments?|words|statement|message|verdict|assessment|warning|slogan|"
    r"explanation|answer|reply|response|view|views|opinion|blame|swipe|tribute|call|speech|appeal|plea|"
    r"argument|case|defence|defense|criticism|attack|rebuke)\b"
)
"""Nouns of saying or judging: "X despatches him with a soundbite", "Y lays the blame on one
issue", "Z gave her verdict" set X, Y and Z up as speakers."""
_IRREGULAR = frozenset("went gave made took spoke began".split())
"""Past tenses that do not end in "ed", before a noun of saying ("went on to issue a call")."""
_CONNECTIVES = frozenset("but and so yet still now then however meanwhile instead indeed".split())
_PRONOUN = re.compile(r"(?<![\w'’-])(?:[Hh]e|[Ss]he|I)(?![\w'’-])")


class FullNames(Protocol):
    """What :func:`introduced_speaker` asks of a draft's names (``quotes._NameIndex``)."""

    def full_name(self, surname: str) -> tuple[str, int] | None: ...


def introduced_speaker(prose: str, lo: int, hi: int, names: FullNames | None = None) -> tuple[int, int] | None:
    """The span of the person the sentence ``prose[lo:hi]`` sets up as a speaker (see the
    module's invariant), or None when it only mentions people or none."""
    found = None
    for m in _PRONOUN.finditer(prose, lo, hi):
        if m.group(0) == "I" or _opens(prose, lo, m.start()) or _introduces(prose, m.end(), hi):
            found = (m.start(), m.end())  # the last one: the nearest to the quotation after it
    if found is not None:
        return found
    for m in NAME_RUN.finditer(prose, lo, min(hi, lo + 160)):
        words = m.group(0).split()
        start = m.start()
        while words and words[0].lower() in NOT_NAMES:
            start = prose.index(words[1], start + len(words[0])) if len(words) > 1 else m.end()
            words = words[1:]
        if not words or any(w.lower() in NOT_NAMES or w.lower() in ORG_WORDS for w in words):
            continue
        titled = words[0].lower().rstrip(".") in STOP_TITLES
        if not titled and not looks_like_person(" ".join(words)) and not _known_surname(words, lo, names):
            continue  # "Prices rose", "Bafta awards": a capitalised word is not a person
        if _introduces(prose, m.end(), hi):
            return start, m.end()
    return None


def _opens(prose: str, lo: int, at: int) -> bool:
    """True when only connectives ("But", "And", "However,") stand between the sentence's
    start ``lo`` and ``at``: the word at ``at`` is the sentence's subject."""
    return all(w.strip(",").lower() in _CONNECTIVES for w in prose[lo:at].split())


def _introduces(prose: str, at: int, hi: int) -> bool:
    """True when the words from ``at`` (right after a subject) are a verb that introduces a
    speaker, or "is"/"was" and a word of attitude."""
    m = _AFTER_SUBJECT.match(prose, at, hi)
    if m is None:
        return False
    verb, after = m.group("verb"), m.group("next")
    if verb in _COPULAS:
        return after in _ATTITUDES
    if verb in ("hit", "hits", "rounded"):
        return after in ("out", "back", "on")
    if verb in _INTRODUCING:
        return True
    # any verb with a noun of saying after it: "despatches him with a soundbite"
    return (verb.endswith(("s", "ed")) or verb in _IRREGULAR) and _SPEECH_NOUN.search(
        prose, m.end("verb"), hi
    ) is not None


def _known_surname(words: list[str], before: int, names: FullNames | None) -> bool:
    """True when ``words`` is one word, the last word of a person's full name used before
    ``before`` (the sentence's start)."""
    if names is None or len(words) != 1:
        return False
    got = names.full_name(words[0])
    return got is not None and got[1] < before and got[0].split()[0].lower() not in NOT_NAMES


def strip_titles(words: list[str]) -> list[str]:
    """``words`` without the titles that open them ("Mr", "President", "chief")."""
    while words and words[0].lower().rstrip(".") in STOP_TITLES:
        words = words[1:]
    return words


# -- the sentence after a quotation, and interview answers ----------------------------------

_GOES_ON = frozenset("added adds continued continues went goes".split())
_BACK_REFERENCE = re.compile(r"(?:\w+\s+)?(?:this|so|these words|those words)\b")
"""The object of a credit that points back at the quotation: "told us this", "said so"."""


def credits_back(prose: str, verb: str, verb_start: int, speaker: str | None, speaker_end: int, end: int) -> bool:
    """Whether the speech cue (``verb`` at ``verb_start``, its speaker ending at
    ``speaker_end``) of the sentence after a quotation, which ends at ``end``, credits the
    quotation: the sentence is only the credit ("Ada Lind said.", "she told us this", "Jo Roe,
    the mayor, said so") or goes on from it ("He added that ..."). A sentence that reports a
    claim of its own ("He insisted that the deal was fair.", "The firm said sales rose.") is the
    speaker's next point, not the credit, unless its speaker is a person ("He suggested ...",
    "Mr Roe said ..."): a reader takes the quotation as theirs."""
    if verb.split()[0] in _GOES_ON:
        return True
    words = strip_titles((speaker or "").split())
    if len(words) == 1 and words[0].lower() in ("he", "she", "i"):
        return True
    titled = bool(words) and (speaker or "").split()[:1] != words[:1]
    if titled or looks_like_person(" ".join(words)):
        return True  # a title and a name ("Mr Roe"), or a person's full name
    rest = prose[max(verb_start + len(verb), speaker_end) : end].strip(" \t\r\n.!?")
    if len(rest.split()) <= 3 or rest.startswith(",") or _BACK_REFERENCE.match(rest):
        return True
    # "..., said the harbour master, Jo Roe.": the rest is a speaker and their name
    name = rest.rsplit(",", 1)[-1].strip()
    return "," in rest and len(rest.split()) <= 8 and NAME_RUN.fullmatch(name) is not None


_ANSWER_LABEL = re.compile(rf"[ \t]*((?:[{UPPER}][\w.'’-]*[ \t]+){{0,3}}[{UPPER}][\w.'’-]*)?[ \t]*:(?=\s)")


def answer_label(prose: str, lo: int, hi: int, names: FullNames | None) -> tuple[str | None, int, int, int] | None:
    """The answer label that opens the paragraph starting at ``lo`` (before ``hi``), as
    (the person, or None; their span, or -1, -1; the colon's offset): a bare colon (what a
    stripped label leaves), "A", a person's name, or the surname of a full name used before.
    None for no label or another one ("Update:", "Note:")."""
    m = _ANSWER_LABEL.match(prose, lo, hi)
    if m is None:
        return None
    label, colon = m.group(1), m.end() - 1
    if not label or label == "A":
        return None, -1, -1, colon
    words = strip_titles(label.split())
    got = names.full_name(words[0]) if names is not None and len(words) == 1 else None
    if looks_like_person(" ".join(words)) or (got is not None and got[1] < lo):
        return label, m.start(1), m.end(1), colon
    return None
