"""What AT102 reads beside the layer's amounts: source cues (verbs and nouns of sourcing,
vague attribution), statistics in words (changes, ranks, "one in five", fractions) and the
figures of a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lint.analysis.amounts import Amount, is_statistic_like, parse_amounts, sentence_amounts
from lint.analysis.lexicon import CALENDAR_PATTERN
from lint.analysis.memo import lazy_pattern
from lint.analysis.spans import SpanSet
from lint.document import Document
from lint.text import CASEFOLD_ODDITIES

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
    and "in" it ends with. An "in" whose white space before it
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
