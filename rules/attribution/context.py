"""What AT102 knows of a draft to tell a sourced figure: the sources it credits, the
paragraphs and sentences they cover, and the routine figures (transactions, policies,
markets) that need no source."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from lint.analysis.lexicon import CALENDAR_WORDS, FUNCTION_CAPS, HONORIFICS
from lint.analysis.memo import lazy_pattern
from lint.analysis.names import LOWER, ORG_RUN, UPPER
from lint.analysis.quotes import Attribution, find_speech_cues
from lint.analysis.spans import quote_spans
from lint.document import Block, Document, Sentence
from lint.record import Record
from rules.attribution.cues import (
    _CREDIT_VERBS,
    _DATELINE,
    _LINK,
    _RESEARCH_VERB,
    _SOURCE_NOUN,
    _SOURCE_NOUN_WORDS,
    _STAT_VERB,
    _VAGUE,
    _Figure,
    _FigureGates,
    _figures,
    _gate_text,
)


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
        results = _RESULTS.search(self.prose, lo, hi)
        if results is None or others:
            return False
        # "Spending on takeaway food", "spending by households": a market's, not the company's
        return _RESULTS_OF_OTHERS.match(self.prose, results.end(), hi) is None

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
_RESULTS_OF_OTHERS = re.compile(r"\s+(?:on|by|among|across)\s")
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


_CONTINUES_OPENER = re.compile(
    r"\s*[\"“‘']?(?:It|Its|They|Their|This|That|These|Those|He|She|His|Her|We|Our|I|My|But|And|Also|Of\s+these|"
    r"The\s+(?:[\w-]+\s+)?(?:figures?|data|numbers?|survey|report|study|research|poll|analysis|statistics|same))\b"
)
_CONTENT_WORD = re.compile(r"[^\W\d_]{5,}")
_COMMON_WORDS = frozenset(
    """about above after again against along already although among another around because been before being
    below between could during every first found further great having however including into itself later
    least little might months never other others their there these thing things think those though three
    through under until using where whether which while would years still since often people place point
    right small large since world today year's including according""".split()
)


def continues(prose: str, block: Block, before: Sequence[Block]) -> bool:
    """``block`` goes on from the paragraphs ``before`` it (nearest first, the story so far
    since a heading): it opens with a word that refers back ("It", "The figures", "But",
    "We") or shares a content word (five letters or more, not a common one) with them. An
    unrelated paragraph after a sourced one does not borrow its source."""
    if _CONTINUES_OPENER.match(prose, block.start, block.end):
        return True
    here = {w.lower() for w in _CONTENT_WORD.findall(prose, block.start, block.end)} - _COMMON_WORDS
    return bool(here) and any(w.lower() in here for b in before for w in _CONTENT_WORD.findall(prose, b.start, b.end))


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


_VERBS_IN_S = frozenset(
    "does goes says gets makes takes pays sees comes looks seems sounds means needs keeps gives puts runs".split()
)
_NOT_POPULATION = frozenset("these those some many most all both each every such other its".split())
_POPULATION = re.compile(
    r"([A-Z][a-z]+)(?:\s+[a-z][a-z-]*){0,2}?(?:\s+([a-z][a-z-]*))?\s+(?:now\s+|have\s+|had\s+)?[a-z]+\s"
)


def _population_subject(prose: str, sent: Sentence, first_figure: int) -> bool:
    """The sentence's subject is a population, a plural common noun with up to two words
    before it ("Shoppers spent...", "Unpaid parking fines now add up to..."): money it
    spends or pays is an aggregate someone measured, not one party's transaction. A
    capitalised word the draft also writes mid-sentence ("Barclays") is a name, not one."""
    m = _POPULATION.match(prose, sent.start, first_figure)
    if m is None:
        return False
    head = m.group(2) or m.group(1)
    if len(head) < 4 or not head.endswith("s") or head.endswith(("ss", "us", "is")) or head in _VERBS_IN_S:
        return False
    first = m.group(1)
    if first.lower() in FUNCTION_CAPS or first.lower() in _NOT_POPULATION:
        return False  # "His donations included...", "These days...", "If you..."
    if re.search(r"[A-Z]", prose[m.end(1) : first_figure]):
        return False  # a name before the figure: a party
    return re.search(r"[a-z,;] " + re.escape(first) + r"\b", prose) is None


def _routine(prose: str, sent: Sentence, fig: _Figure, found: _SentenceSearch) -> bool:
    """A figure that is not a finding to source: a transaction price or a market move.
    ``found`` searches the sentence (the sentence-wide tests are shared by its figures)."""
    a = fig.amount
    if a is None:
        return found(_MARKET)  # "shares lost a third of their value", "the index doubled"
    if a.kind == "number" and "," not in a.raw and 1000 <= a.value < 2100 and a.value == int(a.value):
        return True  # a year that parse_amounts did not recognise ("the returns from 1642")
    if a.kind == "money" and found(_TRANSACTION()) and not _population_subject(prose, sent, a.start):
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
