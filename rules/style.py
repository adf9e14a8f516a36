"""Built-in style rules.

* ST101-ST108: phrase pack ``rules/data/style.yaml`` (cliches, hype, wordy phrases, buzzwords,
  filler, weasel words, hedges).
* ST110 ``contrast-framing``: the "not just X; it's Y" device used more than once in a draft.
* ST111 ``repeated-sentence``: the same sentence twice in a draft.

Style rules stay silent inside quotations: the words are the speaker's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from lint.document import Document, Sentence
from lint.errors import ConfigError
from lint.hookspecs import HookImpls, hookimpl
from lint.model import Edit, Finding, Fix, Related, Severity
from lint.rule import Rule, RunContext
from lint.text import WORD

PACK = Path(__file__).parent / "data" / "style.yaml"

_OWN_KINDS = frozenset({"paragraph", "list_item"})
"""Blocks in the writer's own words: headings are titles, block quotes someone else's."""


def _int_option(rule: Rule, key: str, minimum: int) -> int:
    value = rule.options.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(
            f"expected a whole number of at least {minimum}, got {value!r}", key=f"rules.{rule.code}.{key}"
        )
    return value


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# -- contrast framing ----------------------------------------------------------------------

_COPULA = r"(?:it|this|that|they|he|she|we|you)(?:['’](?:s|re)\b|\s+(?:is|are|was|were)\b)"
_LIMITER = r"(?:\b(?:not|never)|\b\w+n['’]t)\s+(?:just|merely|simply|only)\b|\bmore\s+than\s+(?:just|merely|simply)\b"
_FRAMING = re.compile(
    rf"(?P<limiter>{_LIMITER})"
    # X: a short stretch without a sentence end or a strong break
    r"(?P<x>[^;:—–.!?\n]{1,120}?)"
    # the pivot: a break and a pronoun with a copula ("; it's", ", it is", " — they're")
    rf"(?:[;:,—–]|\s-\s)\s*(?P<pivot>{_COPULA})",
    re.IGNORECASE,
)
_LIMITER_AT_END = re.compile(rf"(?:{_LIMITER})[^;:—–!?\n]{{1,120}}[.!?][\"”’')]*$", re.IGNORECASE)
_PIVOT_START = re.compile(rf"[\"“‘']?{_COPULA}", re.IGNORECASE)
_LIMITER_WORDS = ("just", "merely", "simply", "only")
"""Every limiter holds one of these: sentences without any are skipped unscanned."""


class ContrastFraming(Rule):
    """Reports the "not just X; it's Y" framing when a draft uses it more than once.

    **What it finds**: the rhetorical device that denies a modest description to assert a
    grander one: "is not just X; it's Y", "isn't just X, it's Y", "is not merely X; it is
    Y", "not only X; it is about Y", "is more than just X; it is Y", including across two
    sentences ("This is not just a phone. It is a statement."). The first use in a draft is
    allowed; each later one is reported with the line of the first. "Not only ... but also"
    is ordinary English and is not this pattern. Quotations are skipped.

    **Why**: once, the device can work; repeated, it is a tic of promotional and
    machine-generated copy, and every use inflates a fact into a slogan.

    **Options**: ``max_uses`` (1): uses allowed per draft before the rest are reported.

    **Example**: a draft where the partnership "is not just a deal; it's a revolution" and,
    three paragraphs later, the app "is not merely a tool; it's a companion".

    **Fix**: state the fact plainly: "The partnership gives owners a digital key."
    """

    code = "ST110"
    name = "contrast-framing"
    category = "style"
    severity = Severity.WARNING
    default_options = {"max_uses": 1}
    examples_bad = (
        (
            "The merger is not just a deal; it's a statement of intent.\n\n"
            "Shoppers will notice changes quickly. The new app isn't just a tool, it's a companion.\n"
        ),
        (
            "This is not merely a phone. It is a way of life.\n\n"
            "The launch was not just about hardware; it was about trust.\n"
        ),
    )
    examples_good = (
        (
            "The merger is not just a deal; it's a statement of intent.\n\n"
            "The company not only cut prices but also extended opening hours.\n"
        ),
        (
            'The chief executive said: "It is not just a deal, it is a statement."\n\n'
            "Analysts said the app was more than just a tool; it was a platform.\n"
        ),
        "It is not just expensive. Prices rose again in May, and sales fell.\n",
    )

    def __init__(self, context: RunContext | None = None) -> None:
        super().__init__(context)
        self.max_uses = _int_option(self, "max_uses", 0)

    def occurrences(self, doc: Document) -> list[tuple[int, int]]:
        """Spans (limiter start, pivot end) of every use outside quotations."""
        prose = doc.prose
        lower = doc.prose_lower
        out: list[tuple[int, int]] = []
        if not any(w in lower for w in _LIMITER_WORDS):
            return out  # every use holds one of these words: most drafts hold none
        sentences = doc.sentences
        for i, s in enumerate(sentences):
            if doc.blocks[s.block].kind not in _OWN_KINDS:
                continue
            if not any(lower.find(w, s.start, s.end) >= 0 for w in _LIMITER_WORDS):
                continue
            found = False
            for m in _FRAMING.finditer(prose, s.start, s.end):
                if not doc.in_quote(m.start("limiter")) and not doc.in_quote(m.start("pivot")):
                    out.append((m.start("limiter"), m.end("pivot")))
                    found = True
            if found or i + 1 >= len(sentences):
                continue
            # "This is not just a phone. It is a statement." across two sentences.
            tail = _LIMITER_AT_END.search(prose, s.start, s.end)
            nxt = sentences[i + 1]
            if tail is None or nxt.block != s.block or doc.in_quote(tail.start()):
                continue
            pivot = _PIVOT_START.match(prose, nxt.start, nxt.end)
            if pivot is not None and not doc.in_quote(pivot.start()):
                out.append((tail.start(), pivot.end()))
        return out

    def check(self, doc: Document) -> Iterable[Finding]:
        uses = self.occurrences(doc)
        if len(uses) <= self.max_uses:
            return
        first_line = doc.position(uses[0][0])[0]
        total = len(uses)
        for n, (start, end) in enumerate(uses[self.max_uses :], start=self.max_uses + 1):
            snippet = " ".join(doc.text[start:end].split())
            if len(snippet) > 60:
                snippet = snippet[:28] + "…" + snippet[-28:]
            message = (
                f"'{snippet}' repeats the 'not just X, it's Y' framing "
                f"({_ordinal(n)} use of {total}; first at line {first_line})"
            )
            yield self.finding(doc, start, end, message, related=(Related(doc.path, first_line, "first use"),))


# -- repeated sentences --------------------------------------------------------------------


def _normalise(words: list[str], lower: str, s: Sentence) -> str:
    """The sentence as lower-case words joined by single spaces (``words``: its words as
    written; ``lower``: the draft's prose in lower case). Lower-casing the joined words is
    finding the words in ``lower``: a character whose lower case is one character is a word
    character exactly when that is. Two cases differ and take the longer way: a character
    whose lower case is longer (``prose_lower`` keeps it) and a capital sigma, whose lower
    case depends on the characters after it."""
    joined = " ".join(words)
    low = joined.lower()
    if len(low) != len(joined) or "Σ" in joined:
        low = " ".join(WORD.findall(lower, s.start, s.end))
    return low.replace("’", "'")


class RepeatedSentence(Rule):
    """Reports a sentence that appears twice in a draft.

    **What it finds**: a sentence of at least ``min_words`` words (default 8) whose words
    repeat an earlier sentence of the same draft, ignoring case, punctuation and markup.
    Headings (a repeated headline is a boilerplate finding), block quotes and sentences inside
    quotations are left out.

    **Why**: a repeated sentence is a copy-and-paste slip or padding; either way the reader
    notices and trusts the draft less.

    **Options**: ``min_words`` (8): shorter sentences are often repeated on purpose (a
    refrain, a question put by several people).

    **Example**: a closing paragraph that repeats, word for word, a sentence of the
    introduction.

    **Fix**: delete the repeat or rewrite one of them; the offered fix deletes the later one
    and is marked unsafe, because the paragraph around it may need a new link.
    """

    code = "ST111"
    name = "repeated-sentence"
    category = "style"
    severity = Severity.WARNING
    fixable = True
    default_options = {"min_words": 8}
    examples_bad = (
        (
            "The new bridge will open to traffic in the spring of next year. Work started in 2022.\n\n"
            "Engineers finished the last section on Friday. "
            "The new bridge will open to traffic in the spring of next year.\n"
        ),
    )
    examples_good = (
        (
            "The new bridge will open to traffic in the spring of next year.\n\n"
            "The old bridge will close to traffic in the spring of next year.\n"
        ),
        "Prices rose. Prices rose again.\n\nThey said no. They said no.\n",
        (
            'She said: "We will not give up on this town."\n\n'
            'Later, at the rally, she told supporters: "We will not give up on this town."\n'
        ),
    )

    def __init__(self, context: RunContext | None = None) -> None:
        super().__init__(context)
        self.min_words = _int_option(self, "min_words", 1)

    def check(self, doc: Document) -> Iterable[Finding]:
        lower = doc.prose_lower
        first: dict[str, Sentence] = {}
        sentences = doc.sentences
        sentence_words = doc.sentence_words
        for i, s in enumerate(sentences):
            words = sentence_words[i]
            if len(words) < self.min_words:
                continue
            if doc.blocks[s.block].kind not in _OWN_KINDS or doc.in_quote(s.start, s.end):
                continue
            key = _normalise(words, lower, s)
            earlier = first.get(key)
            if earlier is None:
                first[key] = s
                continue
            line = doc.position(earlier.start)[0]
            fix = _remove_sentence(doc, sentences, i)
            yield self.finding(
                doc,
                s.start,
                s.end,
                f"sentence repeated from line {line}",
                fix=fix,
                related=(Related(doc.path, line, "first occurrence"),),
            )


def _remove_sentence(doc: Document, sentences: tuple[Sentence, ...], i: int) -> Fix | None:
    s = sentences[i]
    nxt = sentences[i + 1] if i + 1 < len(sentences) else None
    prev = sentences[i - 1] if i > 0 else None
    if nxt is not None and nxt.block == s.block:
        edit = Edit(s.start, nxt.start, "")
    elif prev is not None and prev.block == s.block:
        edit = Edit(prev.end, s.end, "")
    else:
        return None  # the sentence is a whole paragraph: leave the layout to the writer
    return Fix((edit,), "delete the repeated sentence", safe=False)


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return [ContrastFraming, RepeatedSentence]


@hookimpl
def lint_article_packs() -> list[Path]:
    return [PACK]


plugin = HookImpls(lint_article_rules=lint_article_rules, lint_article_packs=lint_article_packs)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""
