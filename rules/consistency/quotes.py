"""CS112 ``quote-speaker-conflict``: one quotation attributed to different speakers."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from lint.analysis.lexicon import HONORIFICS
from lint.analysis.names import looks_like_person, name_words, same_person, strip_marks
from lint.analysis.quotes import find_quotations
from lint.document import Document
from lint.model import Finding, Related, Severity, Span
from lint.record import Record
from lint.rule import Rule

# --------------------------------------------------------------------------------------
# CS112

_QUOTE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SHINGLE = 4
_MIN_QUOTE_WORDS = 8
_MAX_BUCKET = 60


_WORD_AFTER = re.compile(r"\s+([a-z]+)")
_TITLE_NOUNS = frozenset(
    """chairman chairwoman chair leader spokesman spokeswoman spokesperson chief boss president
    secretary minister director head member mp candidate official officials executive manager
    founder analyst economist adviser advisor spokespeople""".split()
)
_SLOGAN = re.compile(r"\b(?:slogans?|mottos?|headlines?|catchphrases?|banners?|posters?|placards?|campaign)\b", re.I)


def _clean_speaker(speaker: str) -> str | None:
    """The person's name in a speaker phrase ("Labour's Paul Flynn" -> "Paul Flynn"), or None
    when it does not read as a person's name (an organisation, a title, a parse slip)."""
    tokens = speaker.split()
    for i, t in enumerate(tokens):
        if t.endswith(("'s", "’s")):
            tokens = tokens[i + 1 :]
            break
    while tokens and (tokens[0].lower() in HONORIFICS or tokens[0].lower().rstrip(".") in HONORIFICS):
        tokens = tokens[1:]
    name = " ".join(tokens)
    return name if looks_like_person(name) else None


def quote_words(text: str) -> tuple[str, ...]:
    """A quotation as lower-case words without punctuation or diacritics (for comparing)."""
    return tuple(w.replace("’", "'") for w in _QUOTE_WORD.findall(strip_marks(text).casefold()))


def _shingles(words: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


class _QuoteRecord(Record):
    words: tuple[str, ...]
    speaker: str
    speaker_words: tuple[str, ...]
    span: Span  # the quotation
    context: str


class QuoteSpeakerConflict(Rule):
    """One quotation attributed to different people in different drafts.

    **What it finds**: the same words of direct speech (at least eight words; the same after
    ignoring case, punctuation and diacritics, or one draft quoting most of the other's
    quotation) given to two different named speakers. Quotations are matched through shared
    runs of four words, so the check scales to thousands of drafts. The speaker named in
    fewer drafts is reported (on a tie, the later file), naming the other draft and line.

    **Why**: a quotation put in the wrong mouth is one of the most damaging errors a
    publication can make.

    **Example**: draft A: "We will open ten stores next year in the north," said Jo Smith.
    Draft B: the same sentence, said Alan Jones. B is reported.

    **Fix**: check the source and correct the attribution.

    **Not reported**: the same person named two ways ("Mr Smith"/"Jo Smith"); quotations
    without a named speaker ("a spokesman said"), or whose speaker is only inferred (from
    "he said", or from a neighbouring sentence), or named as an organisation ("Lib Dem
    chairman ..." read as said by "Lib Dem"); slogans and headlines, which many people
    quote; short phrases that many people say. When the fact base says the two names are
    one person, the mixed naming is reported as information.
    """

    code = "CS112"
    name = "quote-speaker-conflict"
    category = "consistency"
    severity = Severity.WARNING
    examples_bad = ()
    examples_good = (
        '"We will open ten stores in the north next year," said Jo Smith. '
        '"We will open ten stores in the north next year," Ms Smith repeated.\n',
    )
    examples_corpus: ClassVar[Sequence[Mapping[str, str]]] = (
        {
            "a.md": '"We will open ten new stores in the north next year," said Jo Smith.\n',
            "b.md": 'Alan Jones said: "We will open ten new stores in the north next year."\n',
        },
    )

    def record(self, doc: Document) -> list[_QuoteRecord] | None:
        out = []
        for q in find_quotations(doc):
            if not q.named or not q.speaker or q.how != "sentence" or q.speaker_start < 0:
                continue
            # The name must be written in the quotation's sentence, not resolved from "he".
            written = doc.text[q.speaker_start : q.speaker_end]
            speaker = _clean_speaker(q.speaker)
            if speaker is None or not set(name_words(written)) & set(name_words(speaker)):
                continue
            after = _WORD_AFTER.match(doc.prose, q.speaker_end)
            if after and after.group(1).lower() in _TITLE_NOUNS:
                continue  # "Lib Dem chairman Matthew Taylor": the "speaker" is the party
            sent = doc.sentence_at(q.start)
            if sent is not None and _SLOGAN.search(doc.prose, sent.start, q.start):
                continue  # a slogan or headline is quoted by many people
            words = quote_words(q.text)
            if len(words) < _MIN_QUOTE_WORDS:
                continue
            context = " ".join(doc.prose[sent.start : sent.end].split())[:200] if sent else q.text[:200]
            out.append(_QuoteRecord(words[:200], q.speaker, name_words(q.speaker), doc.span(q.start, q.end), context))
        return out or None

    def check_corpus(self, records: Sequence[tuple[str, Any]]) -> Iterable[Finding]:
        quotes: list[tuple[str, _QuoteRecord]] = [(path, r) for path, recs in records for r in recs]
        order = {path: i for i, (path, _) in enumerate(records)}
        shingles = [_shingles(r.words) for _, r in quotes]
        index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, sh in enumerate(shingles):
            for x in sh:
                index[x].append(i)
        parent = list(range(len(quotes)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, sh in enumerate(shingles):
            shared: dict[int, int] = defaultdict(int)
            for x in sh:
                bucket = index[x]
                if len(bucket) > _MAX_BUCKET:
                    continue  # a stock phrase, not evidence
                for j in bucket:
                    if j > i:
                        shared[j] += 1
            for j, n in shared.items():
                if n >= 0.8 * min(len(sh), len(shingles[j])):
                    parent[root(j)] = root(i)
        clusters: dict[int, list[int]] = defaultdict(list)
        for i in range(len(quotes)):
            clusters[root(i)].append(i)
        for members in clusters.values():
            if len({quotes[i][0] for i in members}) < 2:
                continue
            yield from self._conflicts([quotes[i] for i in members], order)

    def _conflicts(self, members: list[tuple[str, _QuoteRecord]], order: dict[str, int]) -> Iterator[Finding]:
        people: list[list[tuple[str, _QuoteRecord]]] = []
        for path, r in members:
            for c in people:
                if any(same_person(r.speaker_words, x.speaker_words, unknown=True) for _, x in c):
                    c.append((path, r))
                    break
            else:
                people.append([(path, r)])
        if len(people) < 2:
            return
        # A tie goes to the earlier draft in the engine's order (context drafts first).
        ranked = sorted(people, key=lambda c: (-len({p for p, _ in c}), order[c[0][0]]))
        ref_path, ref = ranked[0][0]
        facts = self.context.facts
        for group in ranked[1:]:
            for path, r in group:
                if path == ref_path:
                    continue
                where = f"{Path(ref_path).name}:{ref.span.line}"
                snippet = " ".join(r.words[:6])
                related = [Related(ref_path, ref.span.line, f"said by '{ref.speaker}'")]
                if facts is not None and facts.same_entity(r.speaker, ref.speaker):
                    msg = f"'{r.speaker}' is called '{ref.speaker}' for the same quotation in {where}"
                    yield self.finding_at(path, r.span, msg, severity=Severity.INFO, related=related, context=r.context)
                    continue
                msg = f"quotation '{snippet}...' is given to '{r.speaker}' here but to '{ref.speaker}' in {where}"
                yield self.finding_at(path, r.span, msg, related=related, context=r.context)
