"""Attribution rules: who said it, and where a number comes from.

* AT101 ``unattributed-quotation``: direct speech with no speaker.
* AT102 ``unsourced-statistic``: a figure asserted as a finding with no source.
* AT103.. vague or anonymous attribution: a phrase pack, ``rules/data/attribution.yaml``.

Quotations and their speakers come from :mod:`lint.analysis.quotes`; numbers from
:func:`lint.analysis.amounts.parse_amounts`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from lint.analysis.amounts import Amount, is_statistic_like, parse_amounts, sentence_amounts
from lint.analysis.lexicon import CALENDAR_PATTERN, CALENDAR_WORDS, HONORIFICS
from lint.analysis.memo import lazy_pattern
from lint.analysis.names import LOWER, ORG_RUN, UPPER
from lint.analysis.quotes import Attribution, find_quotations, find_speech_cues
from lint.analysis.spans import SpanSet, quote_spans
from lint.document import Block, Document, Sentence
from lint.hookspecs import HookImpls, hookimpl
from lint.model import Finding, Severity
from lint.record import Record
from lint.rule import Rule
from lint.text import CASEFOLD_ODDITIES

PACK = Path(__file__).parent / "data" / "attribution.yaml"

# -- source cues -------------------------------------------------------------------------

# Verbs that credit a figure to whoever is the subject of the sentence ("the firm posted a
# profit of $3bn", "the survey found 40%"). Same sentence only: "The company reported a
# decline. Sales fell 4%." does not say who measured the 4%.
_STAT_VERB = lazy_pattern(
    r"(?<![\w-])(?:reported|reports|reporting|posted|posts|recorded|records|booked|books|announced|announces|"
    r"disclosed|discloses|revealed|reveals|estimated|estimates|estimate|forecast|forecasts|forecasting|unveiled|unveils|"
    r"projected|projects|predicts|predicted|showed|shows|show|shown|found|finds|find|suggests|suggested|suggest|"
    r"published|publishes|released|releases|calculated|calculates|reckons|reckoned|puts|measured|counted|"
    r"registered|registers|logged|cited|cites|quoted|quotes|indicated|indicates|indicate|confirmed|confirms|"
    r"expects|plans|aims|targets|intends|believes|thinks)(?![\w-])"
)
# Nouns that name where a figure comes from ("official figures", "data from the ONS", "a survey
# by YouGov", "its annual report"): they source every figure in their paragraph.
_SOURCE_NOUN = lazy_pattern(
    r"(?<![\w-])(?:"
    r"(?:official|government|company|latest|new|annual|financial|quarterly|earnings|interim|half-year|full-year|"
    r"monthly|weekly|industry|trade|market|provisional|preliminary|published|its|their|the\s+firm's|"
    r"the\s+company's|the\s+group's|the\s+bank's|the\s+government's)\s+"
    r"(?:figures|data|statistics|stats|numbers|estimates|report|reports|results|accounts|survey|study|poll|"
    r"research|filing|filings|census|forecasts?|projections|calculations|statement|outlook|update|release)"
    r"|(?:figures|data|statistics|stats|numbers|estimates|report|survey|study|poll|research|analysis|census|"
    r"index|filing|results|forecast|forecasts|calculations|records|projections|statement|figure)\s+"
    r"(?:from|by|of\s+the|published|released|compiled|issued|commissioned|show|shows|showed|shown|suggest|"
    r"suggests|suggested|found|finds|indicate|indicates|indicated|reveal|reveals|revealed|put|puts|"
    r"collected|gathered|produced)"
    r"|[Aa]ccording\s+to|[Ss]ource:|[Ss]ources:|[Dd]ata\s+source"
    r"|(?:the|a|an|its|their|this|that)\s+(?:[\w-]+\s+){0,2}"
    r"(?:register|poll|survey|census|audit|review|minutes|consultation|study|report|index|ranking|rankings|"
    r"league\s+table|accounts|filing|inquiry|investigation)\s+"
    r"(?:shows|showed|shown|show|found|finds|suggests|suggested|saw|revealed|reveals|puts|put|gave|gives|"
    r"recorded|records|lists|listed|estimated|estimates)"
    r"|(?-i:[A-Z][\w&’'-]*)(?:[’']s)?\s+(?:(?:annual|latest|new|weekly|monthly|official|rich|sales|music|top)\s+)?"
    r"(?:figures|data|statistics|survey|surveys|report|poll|study|census|index|estimates|list|ranking|rankings|"
    r"chart|charts|table|tally)"
    r")(?![\w-])",
    re.I,
)
# Every match of _SOURCE_NOUN holds one of these words (in lower case): a gate that spares
# the pattern, slow to scan, most sentences.
_SOURCE_NOUN_WORDS = (
    "figure data stat number estimate report result account survey study poll research filing census "
    "forecast projection calculation statement outlook update release analysis index record according "
    "source register audit review minutes consultation ranking league inquiry investigation list chart "
    "table tally"
).split()
# Someone named doing the counting ("the bank researched its links", "the council surveyed
# 2,000 homes"): the paragraph says where its figures come from.
_RESEARCH_VERB = re.compile(
    r"(?<=[a-z] )(?:researched|surveyed|polled|audited|analysed|analyzed|studied|counted|measured|compiled|"
    r"tallied|calculated|commissioned|examined)(?![\w-])"
)
# An agency credit: "BEIJING (Reuters) -", "(AP)", "(Reporting by ...)".
_DATELINE = re.compile(
    r"\((?:Reuters|AP|AFP|Bloomberg|PA|PA\s+Media|dpa|DPA|Xinhua|UPI|Kyodo|Yonhap|ANI|PTI|IANS|EFE|ANSA|"
    r"Dow\s+Jones|CNBC|Associated\s+Press|Agence\s+France-Presse)\)|\((?:Reporting|Writing|Additional\s+reporting)\s+by\b"
)
_LINK = re.compile(r"\]\(|\]\[|<https?:|https?://|www\.")
# Vague attribution is AT103's business: the statistic rule does not repeat it.
_VAGUE = lazy_pattern(
    r"(?<![\w-])(?:reportedly|allegedly|it\s+(?:is|was|has\s+been)\s+(?:reported|said|understood|believed|"
    r"thought|claimed|alleged|estimated|rumoured|rumored)|(?:sources|insiders|reports|analysts|experts|"
    r"observers|estimates)\s+(?:say|said|suggest|suggested|believe|claim|claimed|indicate)|"
    r"is\s+(?:said|believed|thought|understood|estimated)\s+to|are\s+(?:said|believed|thought|estimated)\s+to)(?![\w-])",
    re.I,
)

# Verbs of saying that credit everything in their paragraph to their subject ("the firm
# said"). A subset of lint.analysis.quotes.SPEECH_VERB: "continued", "reflects", "highlights" do not.
_CREDIT_VERBS = frozenset(
    """said says say told tells added adds stated states noted notes wrote writes explained explains
    warned warns argued argues insisted insists admitted admits confirmed confirms announced announces
    revealed reveals predicted predicts quoted acknowledged acknowledges claimed claims emphasised emphasized
    emphasises emphasizes stressed stresses praised praises criticised criticized criticises criticizes
    welcomed welcomes urged urges""".split()
    + ["put it", "puts it", "pointed out", "points out", "according to", "quoting", "quoted by", "in the words of"]
)


# -- statistics beyond parse_amounts ------------------------------------------------------

_CHANGE = lazy_pattern(
    r"(?<![\w-])(?:doubled|tripled|trebled|quadrupled|halved|(?:two|three|four|five|ten)fold)(?![\w-])"
    r"(?!\s+(?:down|up|as|back|over)\b)",
    re.I,
)
_ORDINALS = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
_RANK = lazy_pattern(
    rf"(?<![\w-])(?:(?:ranked|ranks)\s+(?:No\.?\s*|number\s+)?(?:\d+|first|{_ORDINALS})(?![\w-])"
    r"|(?:is|was|are|were|become|became|becomes|remain|remains|remained)\s+(?:now\s+|still\s+)?(?:the\s+)?"
    r"(?:[\w-]+[’']s\s+)?"
    rf"{_ORDINALS}[- ](?:largest|biggest|highest|lowest|richest|fastest-growing|best-selling|most\s+popular)"
    r"(?![\w-]))",
    re.I,
)
_ONE_IN = lazy_pattern(
    r"(?<![\w-])(?:one|two|three|four|five|[1-9])\s+in\s+(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|twenty|a\s+hundred|[1-9]\d{0,2})(?![\w-])(?!\s*(?:am|pm|minutes|hours|days|weeks|months|years)\b)",
    re.I,
)
# A share in words: "nearly a quarter of its users", "two-thirds of voters", "half of all
# homes". Not a share of time, distance or a game ("half of the season", "a third of the way").
_FRACTION = lazy_pattern(
    r"(?<![\w-])(?<!first )(?<!second )(?<!other )"
    r"(?:(?:a|one)\s+(?:quarter|third|fifth|tenth)|(?:two|three|four)[- ](?:thirds|quarters|fifths)|half)"
    r"\s+of\s+(?!(?:an?\s+|the\s+|this\s+|that\s+|its\s+|their\s+)?(?:hours?|minutes?|seconds?|miles?|way|match|"
    r"(?:percentage\s+)?points?|"
    r"game|season|century|decade|years?|months?|weeks?|days?|time|term|period|innings|it|them|this|that|those|"
    r"these|what)\b)",
    re.I,
)
_FRACTION_WORDS = ("quarter", "third", "fifth", "tenth", "half")
_DIGIT = re.compile(r"\d")
_COMPOUND_AFTER = re.compile(r"-[A-Za-z]")
# A percentage that starts a title: "the show 100% Homegrown" (a count before a capital is
# still a count: "1,200 Tutsis"). A month or a weekday after it is a date, not a title.
_TITLE_AFTER = re.compile(rf" (?!{CALENDAR_PATTERN}\b)[A-Z][a-z]{{2,}}")

# Gates that spare most sentences the three patterns above: every match of _CHANGE or
# _RANK holds one of these words, every match of _ONE_IN a match of _ONE_IN_GATE, in lower
# case. Lower-casing is how re.IGNORECASE compares letters, except for three characters
# that it equates with "i" or "s": a draft holding one of them is searched without gates.
_CHANGE_RANK_WORDS = (
    "doubled tripled trebled quadrupled halved twofold threefold fourfold fivefold tenfold ranked ranks "
    "largest biggest highest lowest richest fastest-growing best-selling popular"
).split()
_ONE_IN_GATE = re.compile(r"(?:one|two|three|four|five|[1-9])\s+in\s")


def _gate_text(doc: Document) -> str | None:
    """``doc.prose`` in lower case, for gates that look for words in it; None when the
    draft holds a character that re.IGNORECASE and lower-casing treat differently."""
    prose = doc.prose
    return None if any(c in prose for c in CASEFOLD_ODDITIES) else doc.prose_lower


def _word_spans(low: str, words: Iterable[str]) -> SpanSet:
    spans = []
    for w in words:
        i = low.find(w)
        while i >= 0:
            spans.append((i, i + len(w)))
            i = low.find(w, i + 1)
    return SpanSet(spans)


_IN = re.compile(r"\sin\s")
_ONE_IN_WORDS = ("one", "two", "three", "four", "five")


def _one_in_spans(low: str) -> SpanSet:
    """Spans holding every match of _ONE_IN_GATE in ``low``, found through the white space
    and "in" it ends with (a scan three times faster). An "in" whose white space before it
    ends an earlier hit follows "in", not a number, so the hits that finditer skips are
    never needed."""
    spans = []
    for m in _IN.finditer(low):
        j = m.start() + 1  # the white space before "in" ends here
        while j > 0 and low[j - 1].isspace():
            j -= 1
        if j > 0 and low[j - 1] in "123456789":
            spans.append((j - 1, m.end()))
        else:
            for w in _ONE_IN_WORDS:
                if low.endswith(w, 0, j):
                    spans.append((j - len(w), m.end()))
                    break
    return SpanSet(spans)


class _FigureGates:
    """Which of the patterns of figures in words (_CHANGE, _RANK, _ONE_IN, _FRACTION) can match in a
    sentence of one draft: those whose gate (see above) has a hit in the sentence."""

    def __init__(self, low: str | None) -> None:
        self.low = low
        if low is not None:
            self.change_rank = _word_spans(low, _CHANGE_RANK_WORDS)
            self.one_in = _one_in_spans(low)
            self.fraction = _word_spans(low, _FRACTION_WORDS)

    def patterns(self, start: int, end: int) -> tuple[re.Pattern[str], ...]:
        if self.low is None:
            return (_CHANGE(), _RANK(), _ONE_IN(), _FRACTION())
        out: tuple[re.Pattern[str], ...] = ()
        if self.change_rank and self.change_rank.overlaps(start, end):
            out = (_CHANGE(), _RANK())
        if self.one_in and self.one_in.overlaps(start, end):
            out += (_ONE_IN(),)
        if self.fraction and self.fraction.overlaps(start, end):
            out += (_FRACTION(),)
        return out


class _Figure:
    __slots__ = ("start", "end", "raw", "amount")

    def __init__(self, start: int, end: int, raw: str, amount: Amount | None = None) -> None:
        self.start, self.end, self.raw, self.amount = start, end, raw, amount


def _figures(
    prose: str,
    start: int,
    end: int,
    quotes: SpanSet,
    patterns: Sequence[re.Pattern[str]] | None = None,
    doc: Document | None = None,
) -> list[_Figure]:
    """Statistics in ``prose[start:end]``, outside quotations; ``patterns`` are the
    patterns of figures in words to look for (see :class:`_FigureGates`; None: all).
    ``doc``, when given, is the document of ``prose``: its amounts are shared with other
    rules (:func:`sentence_amounts`)."""
    if patterns is None:
        patterns = (_CHANGE(), _RANK(), _ONE_IN(), _FRACTION())
    out: list[_Figure] = []
    amounts: Sequence[Amount] = ()
    if _DIGIT.search(prose, start, end):
        amounts = parse_amounts(prose, start, end) if doc is None else sentence_amounts(doc, start, end)
    for a in amounts:
        if not is_statistic_like(a) or quotes.inside(a.start, a.end):
            continue
        if _COMPOUND_AFTER.match(prose, a.end):
            continue  # "a 3,000-word essay", "a £100,000-a-year job": a description, not a finding
        if a.kind == "percent" and _TITLE_AFTER.match(prose, a.end):
            continue  # "the show 100% Homegrown": part of a name
        out.append(_Figure(a.start, a.end, a.raw, a))
    for pat in patterns:
        for m in pat.finditer(prose, start, end):
            if not quotes.inside(m.start(), m.end()):
                out.append(_Figure(m.start(), m.end(), m.group(0)))
    out.sort(key=lambda f: f.start)
    return out


# -- rules --------------------------------------------------------------------------------


class UnattributedQuotation(Rule):
    """Flags direct speech that nobody is credited with.

    **What it finds**: a quotation in double quotes (straight or curly), of at least
    ``min_words`` words (default 5), that opens its sentence or follows a colon, with no
    speaker: no "said", "told", "added", "according to" and the like with a name, a pronoun or
    an organisation in its own sentence, the sentence before or the sentence after, and no
    speaker in the paragraph before when the quotation opens its paragraph. A quotation that
    runs over several paragraphs counts once; a run of quotation paragraphs after an attributed
    one belongs to the same speaker. Scare quotes, quoted titles ("The Long Road Home") and
    short quoted terms are not speech.

    **Why**: a reader cannot weigh a quotation without knowing whose words they are; an
    unattributed quotation also cannot be checked with the person quoted.

    **Example**: a paragraph that is only `"We expect a record year."`, after a paragraph
    that names nobody.

    **Fix**: name the speaker in the same or the adjacent sentence (`"We expect a record
    year," said Jo Bloggs, the firm's finance chief.`), or turn the quotation into reported
    speech credited to its source.
    """

    code = "AT101"
    name = "unattributed-quotation"
    category = "attribution"
    severity = Severity.WARNING
    default_options = {"min_words": 5}
    examples_bad = (
        "The factory in Leeds has been closed since June.\n\n"
        '"We will reopen it as soon as the new line is ready, probably before winter."\n',
        "Prices at the pump rose again. “Nobody can plan a delivery route with numbers like these.”\n",
    )
    examples_good = (
        '"We will reopen it as soon as the new line is ready," said Jo Bloggs, the plant manager.\n',
        "Jo Bloggs runs the plant. She said the fire was the worst in its history.\n\n"
        '"We will reopen it as soon as the new line is ready."\n',
        'Her second novel, "The Long Road Home", comes out in May.\n',
        'The firm called the offer "disappointing".\n',
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        min_words = int(self.options.get("min_words", 5))
        prose = doc.prose
        for q in find_quotations(doc):
            if q.attributed or q.words < min_words:
                continue
            sent = doc.sentence_at(q.start)
            if sent is None:
                continue
            lead = prose[sent.start : q.start].strip()
            if lead and not lead.endswith(":"):
                continue  # a quoted fragment inside a sentence: partial quote, not a statement
            first_end = q.parts[0][1]
            snippet = _snippet(q.text)
            yield self.finding(
                doc,
                q.start,
                first_end,
                f'quotation without a speaker: “{snippet}” (no "said", "told" or "according to" with a name nearby)',
            )


class UnsourcedStatistic(Rule):
    """Flags a figure stated as a finding with nothing saying where it comes from.

    **What it finds**: a sentence that asserts a percentage, a money amount, a large or scaled
    count ("464,000 subscribers", "3 million cars"), a change ("doubled", "tripled"), a rank
    ("the third-largest", "ranked 5th"), a ratio ("one in four") or a share in words
    ("nearly a quarter of its users"), when neither the sentence nor its paragraph names a
    source: no "according to", no "said"/"told" with a subject, no
    "figures from", "data show", "a survey by", "its annual report", no organisation that
    reported, posted or estimated it in the same sentence, no agency credit such as
    "(Reuters)", no link, and no source listed in the fact base. Years, dates, times, ages,
    model names, small counts, compound modifiers ("a 3,000-word essay") and numbers inside
    quotations (the speaker is their source) are not statistics. Headings are skipped;
    sentences with a vague attribution ("reportedly") are left to AT103.

    **Why**: an unsourced number cannot be checked, and numbers are what readers quote back.
    Editors ask "says who?" of every figure.

    **Example**: `In 2024, global sales fell by 4%.` in a paragraph that credits nobody.

    **Fix**: credit the figure where it stands (`..., the company said in its annual report`,
    `according to the statistics office`) or link to the source. When the fact base knows the
    figure and its source, the message names it.
    """

    code = "AT102"
    name = "unsourced-statistic"
    category = "attribution"
    severity = Severity.WARNING
    examples_bad = (
        "The market is cooling fast. Sales of new vans fell 13% last year, and prices slipped further.\n",
        "Profit at the group plunged by 37% to €2.1bn. The slump came as demand weakened.\n",
    )
    examples_good = (
        "Sales of new vans fell 13% last year, according to the industry association.\n",
        "The carmaker said demand was weak. Sales of new vans fell 13% last year.\n",
        "The plant opened in 2019 and its founder, aged 67, still runs it.\n",
        '"Sales fell 13% and we expect worse," said Jo Bloggs, the finance chief.\n',
        "She hosts the late show 100% Vinyl, which draws a young crowd every Friday.\n",
    )
    example_facts = """
        version: 1
        figures:
          - name: van sales change 2024
            keywords: [van sales]
            value: 13
            unit: "%"
            source: Van Makers Association
        sources: [Van Makers Association]
        """

    def __init__(self, context: Any = None) -> None:
        super().__init__(context)
        self._source_names: _SourceNames | None | bool = False

    def _sources(self) -> _SourceNames | None:
        if self._source_names is False:
            facts = self.context.facts
            names: set[str] = set()
            if facts is not None:
                for s in getattr(facts, "sources", ()) or ():
                    names.add(s)
                    ent = facts.entity_for(s) if hasattr(facts, "entity_for") else None
                    if ent is not None:
                        names.update(ent.forms)
                for fig in getattr(facts, "figures", ()) or ():
                    if getattr(fig, "source", None):
                        names.add(fig.source)
            names = {n for n in names if n.strip()}
            self._source_names = _SourceNames.build(names) if names else None
        return self._source_names  # type: ignore[return-value]

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        if _DATELINE.search(prose):
            return  # agency copy: the agency is the source of the story
        ctx = _StatContext(doc, self._sources())
        blocks = doc.blocks
        first_body = next((b.index for b in blocks if b.kind != "heading"), -1)
        for block in blocks:
            if block.kind == "heading":
                continue
            sents = doc.block_sentences(block)
            chain = _SourcedChain(prose, sents, ctx)
            for k, sent in enumerate(sents):
                figs = ctx.figures(sent)
                if not figs:
                    continue
                if prose[sent.start : sent.end].rstrip(' "”’)').endswith("?"):
                    continue
                if chain.sourced(k) or ctx.paragraph_sourced(block):
                    # "Acme forecasts 2% growth. It also expects rates to fall to 4%."
                    ctx.with_sourced_figures.add(block.index)
                    continue
                if block.kind == "list_item" and _lead_in_sourced(doc, block, ctx.paragraph_sourced):
                    continue
                if ctx.entity_credited(sent, figs[0].start):
                    continue
                prev = _previous_body_block(doc, block)
                if prev is not None and (prev.index in ctx.with_sourced_figures or ctx.names_data_source(prev)):
                    # the figures go on from a paragraph that named their source
                    ctx.with_sourced_figures.add(block.index)
                    continue
                if block.index == first_body and ctx.body_credits(block):
                    continue  # a lede summarises; its sources follow in the next paragraphs
                yield self._finding(doc, figs)

    def _finding(self, doc: Document, figs: Sequence[_Figure]) -> Finding:
        raws = []
        for f in figs:
            r = " ".join(f.raw.split())
            if r not in raws:
                raws.append(r)
        shown = ", ".join(f"'{r}'" for r in raws[:3]) + (", ..." if len(raws) > 3 else "")
        noun = "figure" if len(raws) == 1 else "figures"
        message = f"unsourced {noun} {shown}: no source named in the sentence or its paragraph"
        hint = self._fact_source(figs)
        if hint:
            message += f" (the fact base credits {hint})"
        return self.finding(doc, figs[0].start, figs[-1].end, message)

    def _fact_source(self, figs: Sequence[_Figure]) -> str | None:
        facts = self.context.facts
        if facts is None:
            return None
        for f in figs:
            a = f.amount
            if a is None:
                continue
            for fig in getattr(facts, "figures", ()) or ():
                source = getattr(fig, "source", None)
                if not source or (fig.unit or "") != (a.unit or ""):
                    continue
                if fig.matches(a.value, a.step):
                    where = getattr(fig, "where", "")
                    return f"{source} ({where})" if where else source
        return None


class _SourcedChain:
    """Whether each sentence of a paragraph is sourced, itself or by a chain of anaphoric
    sentences ("It also expects ...") back to a sourced one, worked out lazily: only the
    sentences that state a figure (and the chains behind them) are ever examined."""

    def __init__(self, prose: str, sentences: Sequence[Sentence], ctx: _StatContext) -> None:
        self.prose = prose
        self.sentences = sentences
        self.ctx = ctx
        self._known: dict[int, bool] = {}

    def sourced(self, k: int) -> bool:
        """``sourced(k) = sentence k names a source, or it opens with an anaphor and
        sourced(k - 1)``; ``sourced(-1)`` is False."""
        known = self._known
        chained: list[int] = []
        j = k
        while True:
            if j < 0:
                value = False
                break
            if j in known:
                value = known[j]
                break
            sent = self.sentences[j]
            if self.ctx.sentence_sourced(sent):
                value = known[j] = True
                break
            if _ANAPHOR_START.match(self.prose, sent.start) is None:
                value = known[j] = False
                break
            chained.append(j)  # unsourced itself, but carries on from the sentence before
            j -= 1
        for i in chained:
            known[i] = value
        return known[k]


class _SourceNames(Record):
    """The fact base's sources as one pattern, with the lower-case first word of each name
    as a gate (None when a name is not plain ASCII: then there is no gate)."""

    regex: re.Pattern[str]
    first_words: frozenset[str] | None

    @classmethod
    def build(cls, names: Iterable[str]) -> _SourceNames:
        ordered = sorted(names, key=lambda n: (-len(n), n))
        alt = "|".join(r"\s+".join(map(re.escape, n.split())) for n in ordered)
        firsts = frozenset(n.split()[0].lower() for n in ordered)
        gate = firsts if all(w.isascii() for w in firsts) else None
        return cls(re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I), gate)


class _StatContext:
    """What AT102 works out once per draft.

    The sourcing tests are pure, so they are asked in the order that settles most of them
    cheaply; the costly patterns (_SOURCE_NOUN, the fact base's sources) only run on text
    that holds one of the words their matches need (see :func:`_gate_text`)."""

    def __init__(self, doc: Document, sources: _SourceNames | None) -> None:
        self.doc = doc
        self.prose = doc.prose
        self.quotes = quote_spans(doc)
        self.sources = sources
        self.low = _gate_text(doc)
        self.with_sourced_figures: set[int] = set()
        self.figure_gates = _FigureGates(self.low)
        self._para: dict[int, bool] = {}
        self._cues: dict[tuple[int, int], list[Attribution]] = {}
        self._credited: set[str] | None = None
        self._org_credited = False

    def figures(self, sent: Sentence) -> list[_Figure]:
        """The figures of ``sent`` that need a source (not transactions, market moves...)."""
        s, e = sent.start, sent.end
        figs = _figures(self.prose, s, e, self.quotes, self.figure_gates.patterns(s, e), self.doc)
        if not figs:
            return figs
        found = _SentenceSearch(self.prose, sent, self.low)
        return [f for f in figs if not _routine(self.prose, sent, f, found)]

    def _may_hold(self, start: int, end: int, words: Iterable[str] | None) -> bool:
        if self.low is None or words is None:
            return True
        segment = self.low[start:end]
        return any(w in segment for w in words)

    def _unquoted(self, rx: re.Pattern[str], start: int, end: int) -> bool:
        """A match of ``rx`` in ``prose[start:end]`` outside quotations."""
        return any(not self.quotes.inside(m.start(), m.end()) for m in rx.finditer(self.prose, start, end))

    def credit_cues(self, start: int, end: int) -> list[Attribution]:
        """Speech cues with a verb that credits a source ("said", "according to")."""
        key = (start, end)
        got = self._cues.get(key)
        if got is None:
            got = self._cues[key] = find_speech_cues(self.prose, start, end, self.quotes, verbs=_CREDIT_VERBS)
        return got

    def names_source(self, start: int, end: int) -> bool:
        """A data source named outside quotations ("official figures", "a survey by")."""
        return self._may_hold(start, end, _SOURCE_NOUN_WORDS) and self._unquoted(_SOURCE_NOUN(), start, end)

    def source_credited(self, start: int, end: int) -> bool:
        """A source of the fact base credited (see :func:`_source_credited`)."""
        src = self.sources
        if src is None or not self._may_hold(start, end, src.first_words):
            return False
        return _source_credited(self.prose, start, end, src.regex)

    def sentence_sourced(self, sent: Sentence) -> bool:
        s, e = sent.start, sent.end
        return (
            self._unquoted(_STAT_VERB(), s, e)
            or bool(self.credit_cues(s, e))
            or self._unquoted(_VAGUE(), s, e)
            or self.names_source(s, e)
            or self.source_credited(s, e)
        )

    def paragraph_sourced(self, block: Block) -> bool:
        got = self._para.get(block.index)
        if got is None:
            s, e = block.start, block.end
            got = bool(
                _LINK.search(self.doc.text, s, e)
                or _DATELINE.search(self.prose, s, e)
                or self.credit_cues(s, e)
                or self._unquoted(_RESEARCH_VERB, s, e)
                or self.source_credited(s, e)
                or self.names_source(s, e)
            )
            self._para[block.index] = got
        return got

    def names_data_source(self, block: Block) -> bool:
        """The paragraph names where figures come from ("Rolling Stone's annual list")."""
        return (
            self.names_source(block.start, block.end) or _LINK.search(self.doc.text, block.start, block.end) is not None
        )

    def body_credits(self, block: Block) -> bool:
        """One of the next three paragraphs credits a speaker or names a data source (news
        copy often gives the lede's source in the third or fourth paragraph)."""
        following = [b for b in self.doc.blocks[block.index + 1 :] if b.kind != "heading"][:3]
        return any(self.paragraph_sourced(b) for b in following)

    def entity_credited(self, sent: Sentence, first_figure: int) -> bool:
        """The subject of the sentence (what comes before its first figure) names an
        organisation or person the draft credits elsewhere ("GM said ...", "said Jo Bloggs,
        Acme's chief executive", "Acme has forecast ...")."""
        credited = self._credited_entities()
        lo, hi = sent.start, first_figure
        lead = _LEADING_ADVERBIAL.match(self.prose, lo, hi)
        if lead:
            # "With 25% of users on its phones, the firm ...": the subject follows the comma;
            # "Despite seeing profits rise by 44%, ...": the figure is in the adverbial itself
            comma = self.prose.find(",", lead.end(), hi)
            lo = comma + 1 if comma >= 0 else lead.end()
        if any(_norm_token(m.group(0)) in credited for m in _CAP_TOKEN.finditer(self.prose, lo, hi)):
            return True
        # "General Motors Europe" in a draft that credits "GM"
        for run in ORG_RUN.finditer(self.prose, lo, hi):
            words = run.group(0).split()
            if len(words) < 2:
                continue
            if any(_acronym(words[:k]) in credited for k in range(2, len(words) + 1)):
                return True
        if not self._org_credited:
            return False
        # "its profits fell 46%", "the firm earned $630m": the company the draft credits
        if _ORG_ANAPHOR.search(self.prose, lo, hi):
            return True
        # "Net profit came in at 1.4bn euros": a company's own results, in a story that
        # credits the company, when the sentence names nobody else
        others = [
            m
            for m in _CAP_TOKEN.finditer(self.prose, lo, hi)
            if _norm_token(m.group(0)) not in _GENERIC_CAPS
            and not _RESULTS.fullmatch(m.group(0))
            and not _DESCRIPTOR().fullmatch(m.group(0))
        ]
        return not others and _RESULTS.search(self.prose, lo, hi) is not None

    def _credited_entities(self) -> set[str]:
        if self._credited is None:
            prose = self.prose
            out: set[str] = set()
            for b in self.doc.blocks:
                if b.kind == "heading":
                    continue
                for a in self.credit_cues(b.start, b.end):
                    if a.speaker_start < 0:
                        continue
                    if (
                        _ORG_NOUN.search(prose, a.speaker_start, a.speaker_end)
                        or _OFFICIAL.search(prose, max(b.start, a.speaker_start - 60), min(b.end, a.speaker_end + 80))
                        or (a.speaker and a.speaker[:1].isupper() and not _PERSONISH.match(a.speaker))
                    ):
                        # the company, or one of its officials, speaks on the record
                        self._org_credited = True
                    end = a.speaker_end
                    if prose[end : end + 1] == ",":
                        stop = _APPOSITIVE_END.search(prose, end + 1, min(b.end, end + 100))
                        end = stop.start() if stop else min(b.end, end + 100)
                    out.update(_norm_token(m.group(0)) for m in _CAP_TOKEN.finditer(prose, a.speaker_start, end))
                for sent in self.doc.block_sentences(b):
                    for m in _REPORT_VERB.finditer(prose, sent.start, sent.end):
                        lo = max(sent.start, m.start() - 80)
                        out.update(_norm_token(t.group(0)) for t in _CAP_TOKEN.finditer(prose, lo, m.start()))
            out -= _GENERIC_CAPS
            self._credited = out
        return self._credited


_REPORT_VERB = re.compile(
    r"(?<![\w-])(?:reported|reports|posted|posts|announced|announces|disclosed|discloses|revealed|reveals|"
    r"estimated|estimates|forecast|forecasts|published|publishes|released|releases|confirmed|confirms|"
    r"unveiled|unveils)(?![\w-])"
)
_ORG_WORDS = (
    r"firm|company|group|bank|carmaker|car\s+maker|retailer|airline|operator|maker|giant|insurer|lender|chain|"
    r"manufacturer|business|corporation|studio|label|network|broadcaster|brewer|publisher|conglomerate|supplier|"
    r"club|team|council|charity|trust|union|operator|retailer"
)
_OFFICIAL = re.compile(
    r"(?<![\w-])(?:chief\s+executive|chief\s+financial\s+officer|chairman|chairwoman|spokesman|spokeswoman|"
    r"spokesperson|managing\s+director|finance\s+director|president|boss|CEO|CFO)(?![\w-])",
    re.I,
)
_ORG_NOUN = re.compile(rf"(?<![\w-])(?:{_ORG_WORDS})(?![\w-])", re.I)
_ORG_ANAPHOR = re.compile(rf"(?<![\w-])(?:[Ii]ts|[Tt]heir|[Tt]he\s+(?:[\w-]+\s+){{0,2}}(?:{_ORG_WORDS}))(?![\w-])")
_HONORIFIC_ALTS = "|".join(sorted((h.capitalize() for h in HONORIFICS), key=lambda h: (-len(h), h)))
_PERSONISH = re.compile(rf"(?:{_HONORIFIC_ALTS})\b|[{UPPER}][{LOWER}]+\s+[{UPPER}][{LOWER}]+$|(?:He|She|I|We|They)$")
_RESULTS = re.compile(
    r"(?<![\w-])(?:sales|revenue|revenues|turnover|profit|profits|earnings|loss|losses|debt|debts|margin|margins|"
    r"output|orders|deliveries|dividend|dividends|income|costs|spending|investment|shipments|subscribers|"
    r"customers|bookings|traffic|passengers|cuts|jobs|workforce|staff)(?![\w-])",
    re.I,
)
_LEADING_ADVERBIAL = re.compile(
    r"[\"“(]?(?:With|After|In|As|Despite|Although|Though|While|When|Since|Because|Following|Amid|Before|"
    r"Given|Including|Excluding|Unlike|Like|Compared|For|On|At|By|Over|Under|During|Until|If)\b"
)
_ANAPHOR_START = re.compile(
    r"[\"“]?(?:It|They|He|She|The\s+(?:[\w-]+\s+){0,2}(?:firm|company|group|bank|body|office|agency|"
    r"ministry|department|organisation|organization|report|survey|study|consultancy|institute|association))\b"
)
_CAP_TOKEN = re.compile(r"(?<![\w'’-])[A-Z][\w&’'-]*[A-Za-z0-9]")
_APPOSITIVE_END = re.compile(r"[,.;:!?()]")
_GENERIC_CAPS = (
    frozenset(
        """the a an in on at it he she they we i this that these those but and or so if as for of to by with from
    chief president chairman minister secretary director officer head
    us uk eu un uks usa america american britain british europe european china chinese japan asia
    last next new however meanwhile also overall company firm group government""".split()
    )
    | HONORIFICS
    | CALENDAR_WORDS
)


_DESCRIPTOR = lazy_pattern(
    r"(?:first|second|third|fourth|full|half|quarter|year|annual|quarterly|net|pre|tax|operating|underlying|"
    r"total|gross|overall|global|domestic|international|worldwide|core|like|for|last|this)"
    r"(?:-(?:first|second|third|fourth|full|half|quarter|year|annual|quarterly|net|pre|tax|operating|underlying|"
    r"total|gross|overall|global|domestic|international|worldwide|core|like|for|last|this))*",
    re.I,
)


def _acronym(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words).lower()


def _norm_token(token: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if token.endswith(suffix):
            token = token[: -len(suffix)]
            break
    return token.lower()


def _previous_body_block(doc: Document, block: Block) -> Block | None:
    i = block.index - 1
    while i >= 0 and doc.blocks[i].kind == "heading":
        return None
    return doc.blocks[i] if i >= 0 else None


# Money that is the price of a transaction ("agreed to buy X for $2bn", "a $40bn deal",
# "pledged £76m", "sold at auction for £100,000") is an event reported, not a finding measured.
_TRANSACTION = lazy_pattern(
    r"(?<![\w-])(?:for|worth|valued\s+at|deal|deals|bid|bids|offer|offered|offers|takeover|pay|paid|pays|paying|"
    r"pledge|pledged|pledges|donated|donates|donation|fine|fined|fines|cost|costs|costing|priced|price|sold|"
    r"bought|buy|buys|buying|raise|raised|raising|fund|funding|funds|grant|grants|loan|loans|award|awarded|"
    r"compensation|damages|salary|fee|fees|bonus|prize|spend|spent|spending|invest|invested|investing|"
    r"investment|budget|settle|settled|settlement|auction|tax|charge|charged|charges|ticket|tickets|stake|"
    r"contract|contracts|package|aid|bail-?out|rescue|acquisition|acquire|acquired|merger|sell|selling|"
    r"allowance|lump\s+sum|fetch|fetched|refund|refunds|subsidy|subsidies|wage|wages|pension|pensions|"
    r"benefit|benefits|grossed|banked|took|takes|taking|takings|taken|box\s+office|fortune|donating|donate|"
    r"donations|agreement|claim|claims|earmarked|earmark|opened|opening|put\s+up|puts\s+up)(?![\w-])",
    re.I,
)
# Market moves are public record ("shares fell 5%", "the Dow closed down 1.6%").
_ATTRIBUTIVE = re.compile(r"(?:\b(?:[Tt]he|[Aa]ll|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]hese|[Tt]hose)|[’']s)\s+$")
_OWNERSHIP = re.compile(
    r"\b(?:own|owns|owned|owning|holds|held|holding|stake\s+of|control|controls)\s+(?:about\s+|some\s+)?$"
)
_POLICY = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:target|targets|goal|goals|cap|limit|ceiling|threshold|quota)\b", re.I)
_POLICY_BEFORE = re.compile(
    r"\b(?:target|goal|cap|limit|ceiling|threshold|quota|benchmark|minimum|maximum)\s+of\s+(?:[\w-]+\s+)?$", re.I
)
_RULE_STATEMENT = re.compile(
    r"(?<![\w-])(?:must|shall|provided\s+that|providing\s+that|on\s+condition\s+that|will\s+have\s+to|"
    r"are\s+required\s+to|is\s+required\s+to|are\s+allowed\s+to|is\s+allowed\s+to|entitled\s+to|"
    r"eligible\s+for)(?![\w-])",
    re.I,
)
_CHOSEN_BY = re.compile(
    r"\b(?:voted|chosen|picked|selected|judged|nominated|elected|signed|attended|backed)\s+(?:for\s+)?by\s+"
    r"(?:(?:about|around|some|more\s+than|over|nearly|almost|up\s+to)\s+)?$",
    re.I,
)
_FIRST_PERSON = re.compile(r"(?<![\w'’-])(?:I|I'm|I’m|I've|I’ve|my|we|We|our|Our|My)(?![\w'’-])")
_MARKET = re.compile(
    r"(?<![\w-])(?:shares?|stocks?|index|indices|Dow|Nasdaq|FTSE|Nikkei|Dax|Cac|Hang\s+Seng|bonds?|yields?|"
    r"dollar|euro|sterling|yen|barrel|crude|oil\s+prices?|traded|trading|closed|futures|currency|"
    r"exchange\s+rate)(?![\w-])",
    re.I,
)


class _SentenceSearch:
    """Whether a pattern matches anywhere in a sentence, searched once per pattern; the
    patterns of _SENTENCE_GATES only where the sentence holds one of their words."""

    __slots__ = ("prose", "low", "start", "end", "_found")

    def __init__(self, prose: str, sent: Sentence, low: str | None) -> None:
        self.prose, self.low, self.start, self.end = prose, low, sent.start, sent.end
        self._found: dict[re.Pattern[str], bool] = {}

    def __call__(self, rx: re.Pattern[str]) -> bool:
        got = self._found.get(rx)
        if got is None:
            words = _SENTENCE_GATES.get(rx)
            if words is not None and self.low is not None:
                segment = self.low[self.start : self.end]
                if not any(w in segment for w in words):
                    self._found[rx] = False
                    return False
            got = self._found[rx] = rx.search(self.prose, self.start, self.end) is not None
        return got


# Every match of these patterns holds one of the words (in lower case; see _gate_text).
# A central bank's rate decision is public record: "The Fed lifted borrowing costs to 2.25%",
# "the Bank of England held interest rates at 4.75%".
_RATE_DECISION = re.compile(
    r"(?<![\w-])(?:raised|raises|raise|lifted|lifts|lift|cut|cuts|lowered|lowers|held|holds|kept|keeps|left|"
    r"leaves|set|sets|increased|increases|hiked|hikes)\s+(?:its\s+|their\s+|the\s+)?(?:key\s+|main\s+|benchmark\s+)?"
    r"(?:interest\s+rates?|borrowing\s+costs?|base\s+rate|lending\s+rate|repo\s+rate|rates)(?![\w-])",
    re.I,
)

_SENTENCE_GATES: dict[re.Pattern[str], tuple[str, ...]] = {
    _RATE_DECISION: ("rate", "borrowing"),
    _RULE_STATEMENT: ("must", "shall", "provid", "condition", "have", "required", "allowed", "entitled", "eligible"),
    _MARKET: tuple(
        """share stock index indices dow nasdaq ftse nikkei dax cac hang bond yield dollar euro sterling yen barrel
        crude oil traded trading closed futures currency exchange""".split()
    ),
}


def _routine(prose: str, sent: Sentence, fig: _Figure, found: _SentenceSearch) -> bool:
    """A figure that is not a finding to source: a transaction price or a market move.
    ``found`` searches the sentence (the sentence-wide tests are shared by its figures)."""
    a = fig.amount
    if a is None:
        return found(_MARKET)  # "shares lost a third of their value", "the index doubled"
    if a.kind == "number" and "," not in a.raw and 1000 <= a.value < 2100 and a.value == int(a.value):
        return True  # a year that parse_amounts did not recognise ("the returns from 1642")
    if a.kind == "money" and found(_TRANSACTION()):
        return True
    if a.kind in ("quantity", "number") and _ATTRIBUTIVE.search(prose, max(sent.start, a.start - 20), a.start):
        return True  # "the 5,808 Academy voters", "all 10,000 tickets": a description, not a finding
    if a.kind == "percent" and _OWNERSHIP.search(prose, max(sent.start, a.start - 20), a.start):
        return True  # "owns 30% of the project": a holding, public record
    if a.kind == "percent" and found(_RATE_DECISION):
        return True  # "the Fed lifted borrowing costs to 2.25%": a rate decision, public record
    if _POLICY.match(prose, a.end) or _POLICY_BEFORE.search(prose, max(sent.start, a.start - 30), a.start):
        return True  # "a 7% growth target", "a target of 1.5 million": a rule or goal someone set
    if found(_RULE_STATEMENT):
        return True  # "entries must be under 10,000 words", "provided that 35% of parts ...": a rule
    if a.kind in ("quantity", "number") and _CHOSEN_BY.search(prose, max(sent.start, a.start - 40), a.start):
        return True  # "chosen by 11,000 fans": who took part in an event, not a finding
    if found(_FIRST_PERSON):
        return True  # "I earned £25 a week": the writer's or a speaker's own account
    return found(_MARKET)


# A fact-base source counts when the text credits it ("Reuters reported", "according to
# Reuters", "figures from BMW Group", "BMW Group's annual report"), not when it is only the
# subject of the claim ("BMW's sales fell 4%").
_CREDIT_BEFORE = re.compile(
    r"(?:(?:according\s+to|from|by|via|cited|citing|per|quoting|told|in|source:)\s+(?:the\s+|a\s+)?|\(\s*)$", re.I
)
_CREDIT_AFTER = lazy_pattern(
    r"^(?:[’']s)?\s*(?:(?:latest|new|own|annual|quarterly|official|financial|[\w-]+)\s+)?"
    r"(?:report|reports|reported|figures|data|statistics|survey|study|poll|results|filing|statement|release|"
    r"said|says|told|estimates?|estimated|forecasts?|published|announced|confirmed|disclosed|revealed|showed|"
    r"shows|found|calculated)\b",
    re.I,
)


def _source_credited(prose: str, start: int, end: int, sources: re.Pattern[str] | None) -> bool:
    if sources is None:
        return False
    for m in sources.finditer(prose, start, end):
        if _CREDIT_BEFORE.search(prose[max(start, m.start() - 30) : m.start()]):
            return True
        if _CREDIT_AFTER().match(prose[m.end() : min(end, m.end() + 60)]):
            return True
    return False


def _lead_in_sourced(doc: Document, block: Block, para_sourced: Any) -> bool:
    """A list item takes its source from the paragraph that introduces the list."""
    i = block.index - 1
    while i >= 0 and doc.blocks[i].kind == "list_item":
        i -= 1
    return i >= 0 and doc.blocks[i].kind != "heading" and bool(para_sourced(doc.blocks[i]))


def _snippet(text: str, words: int = 8) -> str:
    ws = text.split()
    out = " ".join(ws[:words])
    return out + ("…" if len(ws) > words else "")


def iter_findings(rules: Sequence[type[Rule]], doc: Document) -> Iterator[Finding]:
    """Run several rule classes over one document (measurement helper)."""
    for r in rules:
        yield from r().check(doc)


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return [UnattributedQuotation, UnsourcedStatistic]


@hookimpl
def lint_article_packs() -> list[Path]:
    return [PACK] if PACK.exists() else []


plugin = HookImpls(lint_article_rules=lint_article_rules, lint_article_packs=lint_article_packs)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""
