"""The line view of a draft that the structural boilerplate rules read, and the tests on
single lines they share (labels, headline-like lines, lines the phrase pack would flag).
"""

from __future__ import annotations

import functools
import itertools
import re
from pathlib import Path

from lint.analysis.names import NAME_RUN
from lint.document import Block, Document
from lint.packs import PhraseRule, load_pack
from lint.record import Record
from lint.text import WORD, words

PACK = Path(__file__).resolve().parent.parent / "data" / "boilerplate.yaml"

# -- shared vocabulary ------------------------------------------------------------------

_TRIM = " \t\r\n.:;,!?-–—|•·*#>»›→←▶►▸<«‹\"'“”‘’()[]"
CLOSERS = "\"”’')]*_"
_TERMINAL = ".!?…"
BULLETS = "•·▪◦‣●■–"
WORDISH = re.compile(r"[^\W\d_][\w.&'’ -]*")  # a name or a phrase: starts with a letter, no markup
_MARKUP = re.compile(r"[`\[\]{}<>|=]")
SENTENCE_BREAK = re.compile(r"[a-z0-9%)][.!?][\"”’)]*\s+[\"“‘(]*[A-Z]")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
)
_TIME = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|UTC|GMT)(?:\s*[+-]\s*\d{1,2})?)?"
DATE_LINE = re.compile(
    rf"(?i)(?:{_DATE}(?:\s*(?:,|\||•|·|-|–|—|at)?\s*{_TIME})?"
    rf"|{_TIME}\s*(?:,|\||•|·|-|–|—|on)?\s*{_DATE}"
    r"|\d{1,3}\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago)"
)

LINK_LABEL = re.compile(
    r"(?i)(?:related|similar)(?:\s+(?:posts?|articles?|stories|news|content|reading|reads|coverage|links|videos?|topics|tags|searches))?"
    r"|more\s+from\s+(?P<more>(?:the\s+)?[^\s].{0,40}?)"
    r"|explore\s+more(?:\s+(?:articles|stories|news|posts|videos))?"
    r"(?:\s+(?:in|from|on|about)\s+(?:the\s+)?(?P<explore>[^\s].{0,40}?)(?:\s+(?:category|section|hub))?)?"
    r"|more\s+(?:stories|articles|news|posts|videos|on\s+this\s+(?:story|topic)|like\s+this|to\s+read|for\s+you)"
    r"|read\s+(?:more|next|also)(?:\s+(?:articles|stories|news|posts|on\s+this(?:\s+(?:story|topic))?))?"
    r"|also\s+read|must\s+reads?|don[’']?t\s+miss|keep\s+reading|what\s+to\s+read\s+next"
    r"|you\s+(?:may|might|could|will)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)"
    r"|recommended(?:\s+(?:for\s+you|reading|articles|stories|posts|videos))?"
    r"|(?:most|top)\s+(?:read|popular|viewed|shared|stories)(?:\s+(?:stories|articles|news|now|this\s+week|today))?"
    r"|trending(?:\s+(?:now|stories|articles|news|today|topics))?"
    r"|popular\s+(?:posts|stories|articles|now|today)"
    r"|latest\s+(?:news|stories|articles|posts|headlines|videos)"
    r"|editor[’']?s[’']?\s+picks?|around\s+the\s+web|from\s+the\s+web"
    r"|(?:sponsored|promoted)\s+(?:stories|links|content)|up\s+next|watch\s+next|more\s+videos"
)
# "Read more: <headline>" on one line: the label and its single link.
INLINE_LINK = re.compile(
    r"(?i)(?:read\s+more|read\s+also|also\s+read|read\s+next|related(?:\s+(?:article|story|post))?|see\s+also"
    r"|recommended|trending|must\s+read|don[’']?t\s+miss)\s*[:|»›→>–—-]\s*(?P<title>\S.*)"
)
SUMMARY_LABEL = re.compile(
    r"(?i)key\s+takeaways?|(?:the\s+)?takeaways?|tl;?\s?dr|(?:ai[- ]generated|ai|article|quick)\s+summary"
    r"|summary\s+(?:generated\s+)?by\s+ai|in\s+this\s+(?:article|story|post)|table\s+of\s+contents|contents"
    r"|jump\s+to|on\s+this\s+page|quick\s+links"
)
FAQ_LABEL = re.compile(
    r"(?i)(?:frequently\s+asked\s+questions|faqs?|people\s+also\s+ask|common\s+questions)"
    r"(?:\s*\(faqs?\))?(?:\s+(?:about|on)\s+.{1,60})?"
)
BREADCRUMB = re.compile(r"(?i)home\s*(?:[>»›/|]\s*[^>»›/|]{1,40}){1,6}")
SECTION_WORDS = frozenset(
    """news headlines latest breaking top-stories business technology tech science markets world
    autos automotive cars motoring mobility finance economy politics lifestyle
    entertainment sport sports""".split()
)

KV = re.compile(r"(?P<key>[A-Z][A-Za-z&/.'’ -]{0,40}?)\s*:\s*(?P<value>\S.*)")
SIDEBAR_KEYS = frozenset(
    k.strip()
    for k in """
    location, locations, headquarters, hq, head office, registered office, address, founded,
    founded date, founding date, founded in, year founded, founder, founders, co-founders, employees,
    number of employees, employee count, staff, company size, size, industry, industries, sector,
    sectors, website, web site, revenue, annual revenue, turnover, type, company type, ownership, owner,
    owners, parent, parent company, subsidiaries, ceo, chairman, key people, products, services,
    specialties, specialities, ticker, stock symbol, traded as, exchange, isin, legal name,
    operating status, funding, total funding, last funding type, funding stage, investors, valuation,
    area served, markets served, phone, company number
    """.split(",")
)
SIDEBAR_TITLE = re.compile(
    r"(?i)(?:company|organi[sz]ation)\s+(?:info(?:rmation)?|profile|details|overview|facts)|fast\s+facts|key\s+facts"
)
DOMAIN = re.compile(
    r"(?i)(?:www\.)?[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9-]{1,63})*"
    r"\.(?:com|net|org|info|biz|io|co|ai|app|news|tv|me|de|fr|cn|jp|uk|eu|us|ca|au|in|it|es|nl|ch|se|no|dk"
    r"|ru|kr|tech|media|online|site|blog|auto|cars|xyz|press|today|world|global)"
)
CAPTION = re.compile(
    r"(?i)(?:image|photo|picture|video|media|graphic)s?\s*(?:(?:credit|source|caption|courtesy)\s*[:,]|:)\s*\S.{0,200}"
    r"|(?:photo(?:graph)?|image|picture|illustration)\s+(?:by|courtesy\s+of|via|credit)\s+\S.{0,80}"
    r"|getty\s+images|shutterstock|unsplash|alamy|ap\s+photo|pa\s+media|pa\s+wire"
    r"|.{1,60}?\s*/\s*(?:getty\s+images|shutterstock|reuters|afp|ap|epa|alamy|pa)"
    r"|.{1,60}?\s+via\s+getty\s+images"
    r"|(?:reuters|afp|ap|epa|getty\s+images|pa|bloomberg|anadolu|xinhua)\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
)
EMBED = re.compile(
    r"(?P<who>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+(?:on\s+)?"
    r"(?i:weibo|wechat|twitter|x|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky)"
    r"(?:\s+(?i:post|account|page|video))?\s*:\s*\S.{2,200}"
)
IMAGE_SOURCE = re.compile(r"!\[|<img\b|<figure\b", re.I)

_NAMES = rf"{NAME_RUN.pattern}(?:\s*(?:,|\band\b|&)\s*{NAME_RUN.pattern})*"
BYLINE = re.compile(
    r"(?i:(?:words|reporting|written|text|story|interview|report|analysis|photos?|pictures?|video)\s+)?(?i:by)\s+"
    rf"(?P<names>{_NAMES})(?:\s*[,|–—-]\s*(?P<role>[^\n.!?|,;:]{{1,60}}))?"
)
"""A credit line: "By Name", "Words by Name and Name", "By Name, Role"; the names are checked
as person names by the caller (name words in any cased script, particles inside)."""
BYLINE_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
BIO_LEAD = re.compile(
    rf"(?i:about)\s+(?:(?i:the)\s+(?i:author|writer|reporter|contributor|columnist)s?|(?P<about>{NAME_RUN.pattern}))\s*:"
)
"""The head of an author box: "About the author:", "About Name:"."""
BIO_SUBJECT = re.compile(
    rf"(?P<name>{NAME_RUN.pattern})\s+(?:"
    r"(?:is|was) (?:also )?(?:a|an|our|the|[\w’'-]+['’]s) (?:[\w-]+ ){0,4}?"
    r"(?:correspondent|reporter|journalist|editor|writer|columnist|contributor|photographer|presenter|blogger)s?\b"
    r"|covers\b|writes (?:about|for|on)\b|reports (?:on|for|from)\b"
    r"|has (?:reported|covered|written) (?:on|about|for)\b)"
)
"""The opening of an author box: a person's name, then their trade or beat ("Name is our
transport correspondent", "Name covers technology", "Name has reported on ...")."""


# -- the line view ----------------------------------------------------------------------


class Line(Record):
    """One line of the draft as prose: ``text`` is what a reader sees (stripped)."""

    no: int
    text: str
    blank: bool  # the source line holds nothing (a paragraph gap)
    block: Block | None


class Region(Record):
    """A run of whole lines of clutter, of one kind, with the message to report."""

    kind: str
    first: int
    last: int
    message: str


def count_words(text: str, cap: int = 64) -> int:
    """Number of words in ``text``, counted up to ``cap`` (thresholds only need that much)."""
    return len(list(itertools.islice(words(text), cap)))


def more_words_than(text: str, n: int) -> bool:
    """``count_words(text) > n``, counting no further than needed."""
    return count_words(text, n + 1) > n


def word_tokens(text: str) -> list[str]:
    return [w.group(0).casefold() for w in WORD.finditer(text.replace("’", "'"))]


def ends_sentence(text: str) -> bool:
    t = text.rstrip(CLOSERS + " ")
    return bool(t) and t[-1] in _TERMINAL


def trim(text: str) -> str:
    return text.strip(_TRIM)


def norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold().replace("’", "'")).split())


def quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class View:
    """Lines of a draft with their blocks, body paragraphs and header/trailer zones."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        n = doc.line_count
        owner: list[Block | None] = [None] * (n + 2)
        for b in doc.blocks:
            for ln in range(b.first_line, b.last_line + 1):
                owner[ln] = b
        self.lines: list[Line] = [Line(0, "", True, None)]
        # prose and text have the same length and line breaks: their lines pair up.
        for ln, (visible, source) in enumerate(zip(doc.prose.split("\n"), doc.text.split("\n"), strict=False), 1):
            visible = visible.strip()
            self.lines.append(Line(ln, visible, not source.strip(), owner[ln] if visible else None))
        self.n = n
        self._wrapped: dict[int, bool] = {}
        self._text: dict[int, str] = {}
        self.markdown = doc.kind == "markdown"
        first_body = next((b for b in doc.blocks if self.is_body(b)), None)
        self.header_end = n + 1
        self.trailer_start = n + 1
        if first_body is not None:
            # The first prose line of the first paragraph (a Markdown paragraph may start with
            # clutter lines that were pasted without blank lines).
            b = first_body
            self.header_end = next(
                (x for x in range(b.first_line, b.last_line + 1) if count_words(self.lines[x].text, 8) >= 8),
                b.first_line,
            )
            last_body = next(b for b in reversed(doc.blocks) if self.is_body(b))
            self.trailer_start = last_body.last_line

    def block_text(self, b: Block) -> str:
        got = self._text.get(b.index)
        if got is None:
            got = self._text[b.index] = " ".join(self.doc.block_text(b).split())
        return got

    def is_body(self, b: Block) -> bool:
        if b.kind not in ("paragraph", "blockquote"):
            return False
        t = self.block_text(b)
        return ends_sentence(t) and count_words(t, 8) >= 8

    def next_content(self, ln: int) -> tuple[Line | None, int]:
        """The next line after ``ln`` with something in the source, and the blank lines between."""
        gap = 0
        ln += 1
        while ln <= self.n:
            line = self.lines[ln]
            if not line.blank:
                return line, gap
            gap += 1
            ln += 1
        return None, gap

    def prev_content(self, ln: int) -> tuple[Line | None, int]:
        gap = 0
        ln -= 1
        while ln >= 1:
            line = self.lines[ln]
            if not line.blank:
                return line, gap
            gap += 1
            ln -= 1
        return None, gap

    def standalone(self, line: Line) -> bool:
        """True unless ``line`` is a wrapped piece of a longer prose paragraph."""
        b = line.block
        if b is None or not line.text:
            return False
        if b.first_line == b.last_line:
            return True
        if line.no > b.first_line and self.wrapped(b):
            prev = self.lines[line.no - 1].text
            # Hard-wrapped prose fills its lines: a long open line before this one means this
            # one finishes its sentence.
            if len(prev) >= 55 and not ends_sentence(prev) and prev[-1:] != ":":
                return False
        if line.no < b.last_line:
            nxt = self.lines[line.no + 1].text
            if nxt[:1].islower():
                return False
        return True

    def wrapped(self, b: Block) -> bool:
        """True when ``b`` looks like hard-wrapped prose: all lines but the last of similar width."""
        got = self._wrapped.get(b.index)
        if got is None:
            widths = [len(self.lines[x].text) for x in range(b.first_line, b.last_line)]
            widest = max(widths, default=0)
            got = bool(widths) and all(w >= max(40, widest * 0.6) for w in widths)
            self._wrapped[b.index] = got
        return got

    def plain(self, line: Line) -> bool:
        """True when ``line`` is ordinary text: not a list item, no code, link or markup in it."""
        if line.block is None or line.block.kind == "list_item":
            return False
        return not _MARKUP.search(self.doc.line_text(line.no))

    def is_heading(self, line: Line) -> bool:
        return line.block is not None and line.block.kind == "heading"


# -- helpers on lines ---------------------------------------------------------------------


def headline_like(text: str, list_item: bool) -> bool:
    """A linked headline: a short line that is not a sentence of running prose."""
    n = count_words(text, 26)
    if not 2 <= n <= 25 or SENTENCE_BREAK.search(text):
        return False
    if text[-1:] in ":;,":
        return False
    if text.rstrip(CLOSERS)[-1:] == "." and not list_item:
        return False
    first = text.lstrip("\"“‘'([")[:1]
    return first.isupper() or first.isdigit() or any(c.isupper() for c in text.split()[0])


def _is_label(text: str) -> bool:
    t = trim(text)
    return bool(
        LINK_LABEL.fullmatch(t) or SUMMARY_LABEL.fullmatch(t) or FAQ_LABEL.fullmatch(t) or INLINE_LINK.fullmatch(t)
    )


@functools.cache
def _pack_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple((cls.code, cls.name, cls.pattern) for cls in _pack_classes())


def _pack_classes() -> list[type[PhraseRule]]:
    """The pack's rule classes: those the run's registry built from it, when it did (reading
    the pack again would parse its YAML, and import yaml, which a run served by the pack
    cache never needs), else the pack loaded now. In the pack's order either way."""
    prefix = f"{PACK}:"
    built = {cls.code: cls for cls in PhraseRule.__subclasses__() if cls.source.startswith(prefix)}
    if built:
        return sorted(built.values(), key=lambda cls: int(cls.source.rsplit(":", 1)[1]))
    return load_pack(PACK)


def pack_match(text: str) -> tuple[str, str] | None:
    """(code, name) of the pack rule that would flag ``text`` as a whole block, or None."""
    start = len(text) - len(text.lstrip(_TRIM))
    for code, name, pattern in _pack_patterns():
        m = pattern.match(text, start)
        if m and not trim(text[m.end() :]):
            return code, name
    return None


def is_pack_clutter(text: str) -> bool:
    return pack_match(text) is not None


def is_clutter_line(text: str) -> bool:
    return _is_label(text) or is_pack_clutter(text)


# -- the analysis -------------------------------------------------------------------------
