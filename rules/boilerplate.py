"""Boilerplate: web-page clutter left in a draft copied from a browser (category ``boilerplate``).

Two halves:

* phrase rules (``rules/data/boilerplate.yaml``, BP101-BP119): single lines such as "Share this
  article", "5 min read", "Advertisement", "Posted on March 17, 2025", each matched as a whole
  block;
* structural rules (this module, BP120-BP199): clutter recognised by its shape, such as a
  "Related posts" heading *with* the headline lines under it, a run of ``Key: value`` sidebar
  lines, a headline repeated in the body or a teaser cut off mid-sentence and repeated in full.

The structural rules share one linear pass over the draft (:func:`analyse`, cached on the
document), which works line by line on ``doc.prose`` so that Markdown markers, URLs and code
are never seen. Every finding spans whole lines and offers a safe fix that deletes exactly
those lines and nothing else, so applying the fixes again once they are applied changes nothing.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from lint.document import Block, Document
from lint.hookspecs import HookImpls, hookimpl
from lint.model import Finding, Severity
from lint.packs import PhraseRule, load_pack, remove_block_fix
from lint.record import Record
from lint.rule import Rule
from lint.text import WORD, words

PACK = Path(__file__).resolve().parent / "data" / "boilerplate.yaml"

# -- shared vocabulary ------------------------------------------------------------------

_TRIM = " \t\r\n.:;,!?-–—|•·*#>»›→←▶►▸<«‹\"'“”‘’()[]"
_CLOSERS = "\"”’')]*_"
_TERMINAL = ".!?…"
_BULLETS = "•·▪◦‣●■–"
_WORDISH = re.compile(r"[^\W\d_][\w.&'’ -]*")  # a name or a phrase: starts with a letter, no markup
_MARKUP = re.compile(r"[`\[\]{}<>|=]")
_SENTENCE_BREAK = re.compile(r"[a-z0-9%)][.!?][\"”’)]*\s+[\"“‘(]*[A-Z]")

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
_DATE_LINE = re.compile(
    rf"(?i)(?:{_DATE}(?:\s*(?:,|\||•|·|-|–|—|at)?\s*{_TIME})?"
    rf"|{_TIME}\s*(?:,|\||•|·|-|–|—|on)?\s*{_DATE}"
    r"|\d{1,3}\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago)"
)

_LINK_LABEL = re.compile(
    r"(?i)(?:related|similar)(?:\s+(?:posts?|articles?|stories|news|content|reading|reads|coverage|links|videos?))?"
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
_INLINE_LINK = re.compile(
    r"(?i)(?:read\s+more|read\s+also|also\s+read|read\s+next|related(?:\s+(?:article|story|post))?|see\s+also"
    r"|recommended|trending|must\s+read|don[’']?t\s+miss)\s*[:|»›→>–—-]\s*(?P<title>\S.*)"
)
_SUMMARY_LABEL = re.compile(
    r"(?i)key\s+takeaways?|(?:the\s+)?takeaways?|tl;?\s?dr|(?:ai[- ]generated|ai|article|quick)\s+summary"
    r"|summary\s+(?:generated\s+)?by\s+ai|in\s+this\s+(?:article|story|post)|table\s+of\s+contents|contents"
    r"|jump\s+to|on\s+this\s+page|quick\s+links"
)
_FAQ_LABEL = re.compile(
    r"(?i)(?:frequently\s+asked\s+questions|faqs?|people\s+also\s+ask|common\s+questions)"
    r"(?:\s*\(faqs?\))?(?:\s+(?:about|on)\s+.{1,60})?"
)
_BREADCRUMB = re.compile(r"(?i)home\s*(?:[>»›/|]\s*[^>»›/|]{1,40}){1,6}")
_SECTION_WORDS = frozenset(
    """news headlines latest breaking top-stories business technology tech science markets world
    autos automotive cars motoring mobility finance economy politics lifestyle
    entertainment sport sports""".split()
)

_KV = re.compile(r"(?P<key>[A-Z][A-Za-z&/.'’ -]{0,40}?)\s*:\s*(?P<value>\S.*)")
_SIDEBAR_KEYS = frozenset(
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
_SIDEBAR_TITLE = re.compile(
    r"(?i)(?:company|organi[sz]ation)\s+(?:info(?:rmation)?|profile|details|overview|facts)|fast\s+facts|key\s+facts"
)
_DOMAIN = re.compile(
    r"(?i)(?:www\.)?[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9-]{1,63})*"
    r"\.(?:com|net|org|info|biz|io|co|ai|app|news|tv|me|de|fr|cn|jp|uk|eu|us|ca|au|in|it|es|nl|ch|se|no|dk"
    r"|ru|kr|tech|media|online|site|blog|auto|cars|xyz|press|today|world|global)"
)
_CAPTION = re.compile(
    r"(?i)(?:image|photo|picture|video|media|graphic)s?\s*(?:(?:credit|source|caption|courtesy)\s*[:,]|:)\s*\S.{0,200}"
    r"|(?:photo(?:graph)?|image|picture|illustration)\s+(?:by|courtesy\s+of|via|credit)\s+\S.{0,80}"
    r"|getty\s+images|shutterstock|unsplash|alamy|ap\s+photo|pa\s+media|pa\s+wire"
    r"|.{1,60}?\s*/\s*(?:getty\s+images|shutterstock|reuters|afp|ap|epa|alamy|pa)"
    r"|.{1,60}?\s+via\s+getty\s+images"
    r"|(?:reuters|afp|ap|epa|getty\s+images|pa|bloomberg|anadolu|xinhua)\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
)
_EMBED = re.compile(
    r"(?P<who>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4})\s+(?:on\s+)?"
    r"(?i:weibo|wechat|twitter|x|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky)"
    r"(?:\s+(?i:post|account|page|video))?\s*:\s*\S.{2,200}"
)
_IMAGE_SOURCE = re.compile(r"!\[|<img\b|<figure\b", re.I)


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


def _words(text: str, cap: int = 64) -> int:
    """Number of words in ``text``, counted up to ``cap`` (thresholds only need that much)."""
    return len(list(itertools.islice(words(text), cap)))


def _more_words_than(text: str, n: int) -> bool:
    """``_words(text) > n``, counting no further than needed."""
    return _words(text, n + 1) > n


def _tokens(text: str) -> list[str]:
    return [w.group(0).casefold() for w in WORD.finditer(text.replace("’", "'"))]


def _ends_sentence(text: str) -> bool:
    t = text.rstrip(_CLOSERS + " ")
    return bool(t) and t[-1] in _TERMINAL


def _trim(text: str) -> str:
    return text.strip(_TRIM)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold().replace("’", "'")).split())


def _quote(text: str, limit: int = 60) -> str:
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
                (x for x in range(b.first_line, b.last_line + 1) if _words(self.lines[x].text, 8) >= 8), b.first_line
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
        return _ends_sentence(t) and _words(t, 8) >= 8

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
            if len(prev) >= 55 and not _ends_sentence(prev) and prev[-1:] != ":":
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


def _headline_like(text: str, list_item: bool) -> bool:
    """A linked headline: a short line that is not a sentence of running prose."""
    n = _words(text, 26)
    if not 2 <= n <= 25 or _SENTENCE_BREAK.search(text):
        return False
    if text[-1:] in ":;,":
        return False
    if text.rstrip(_CLOSERS)[-1:] == "." and not list_item:
        return False
    first = text.lstrip("\"“‘'([")[:1]
    return first.isupper() or first.isdigit() or any(c.isupper() for c in text.split()[0])


def _is_label(text: str) -> bool:
    t = _trim(text)
    return bool(
        _LINK_LABEL.fullmatch(t) or _SUMMARY_LABEL.fullmatch(t) or _FAQ_LABEL.fullmatch(t) or _INLINE_LINK.fullmatch(t)
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


def _pack_match(text: str) -> tuple[str, str] | None:
    """(code, name) of the pack rule that would flag ``text`` as a whole block, or None."""
    start = len(text) - len(text.lstrip(_TRIM))
    for code, name, pattern in _pack_patterns():
        m = pattern.match(text, start)
        if m and not _trim(text[m.end() :]):
            return code, name
    return None


def _is_pack_clutter(text: str) -> bool:
    return _pack_match(text) is not None


def _is_clutter_line(text: str) -> bool:
    return _is_label(text) or _is_pack_clutter(text)


# -- the analysis -------------------------------------------------------------------------


class _Analysis:
    def __init__(self, doc: Document) -> None:
        self.v = View(doc)
        self.taken: set[int] = set()
        self.regions: list[Region] = []
        self.section_names: dict[str, int] = {}

    def add(self, kind: str, first: int, last: int, message: str) -> None:
        self.regions.append(Region(kind, first, last, message))
        self.taken.update(range(first, last + 1))

    def free(self, line: Line) -> bool:
        return line.no not in self.taken and bool(line.text)

    def run(self) -> tuple[Region, ...]:
        self.labelled_blocks()
        self.sidebars()
        self.repeated_headlines()
        self.site_names()
        self.page_dates()
        self.section_labels()
        self.teasers()
        self.captions()
        self.pasted_lines()
        return tuple(sorted(self.regions, key=lambda r: (r.first, r.last, r.kind)))

    # .. headings with their items ......................................................
    def labelled_blocks(self) -> None:
        v = self.v
        for line in v.lines[1:]:
            if not self.free(line) or not v.standalone(line):
                continue
            b = line.block
            assert b is not None
            if b.first_line != line.no and b.kind != "heading" and v.wrapped(b):
                continue  # a label starts its block, unless the block is lines pasted together
            label = _trim(line.text)
            if not label or len(label) > 120:
                continue
            m = _INLINE_LINK.fullmatch(label)
            if m and _headline_like(_trim(m.group("title")), True):
                self.add("related-links", line.no, line.no, f"'read more' link from a web page: '{_quote(label)}'")
                continue
            if _FAQ_LABEL.fullmatch(label):
                last, count = self.faq_items(line)
                what = f" with {count} question{'s' if count != 1 else ''}" if count else ""
                self.add("faq-block", line.no, last, f"SEO FAQ block '{_quote(label, 40)}'{what}")
                continue
            if _SUMMARY_LABEL.fullmatch(label):
                last, count = self.items(line, "summary")
                what = f" with {count} item{'s' if count != 1 else ''}" if count else ""
                self.add("seo-summary", line.no, last, f"SEO summary block '{_quote(label, 40)}'{what}")
                continue
            m = _LINK_LABEL.fullmatch(label)
            if m:
                name = m.group("more") or m.group("explore")
                if name and _more_words_than(name, 5):
                    continue
                if name:
                    self.section_names.setdefault(_norm(name), line.no)
                last, count = self.items(line, "links")
                what = f" with {count} linked headline{'s' if count != 1 else ''}" if count else ""
                self.add("related-links", line.no, last, f"link block '{_quote(label, 40)}'{what} from a web page")

    def unit_after(self, after: int) -> tuple[Line, int, str, bool, int] | None:
        """The item after line ``after``: (first line, last line number, text, is list item, gap)."""
        v = self.v
        nxt, gap = v.next_content(after)
        if nxt is None or gap > 1 or not self.free(nxt):
            return None
        nb = nxt.block
        assert nb is not None
        if nb.kind == "list_item":
            if nb.first_line != nxt.no or any(n in self.taken for n in range(nb.first_line, nb.last_line + 1)):
                return None
            return nxt, nb.last_line, v.block_text(nb), True, gap
        return nxt, nxt.no, nxt.text, nxt.text[:1] in _BULLETS, gap

    def items(self, label: Line, mode: str) -> tuple[int, int]:
        """Extent of the items under a link or summary label: (last line, item count)."""
        v = self.v
        last, count, list_mode = label.no, 0, False
        while count < 15:
            unit = self.unit_after(last)
            if unit is None:
                break
            first, end, text, is_list, gap = unit
            if _is_clutter_line(text) or (v.markdown and v.is_heading(first)):
                break
            if mode == "links":
                if not _headline_like(text, is_list):
                    break
                if not is_list and gap:
                    # A short line after a blank line, followed by running prose, is a subheading.
                    after, _ = v.next_content(end)
                    if after is not None and after.block is not None and v.is_body(after.block):
                        break
            else:
                if count == 0:
                    list_mode = is_list
                if is_list != list_mode:
                    break
                if is_list and _more_words_than(text, 60):
                    break
                if not is_list and ((gap and count) or _more_words_than(text, 40)):
                    break
            last, count = end, count + 1
        return last, count

    def faq_items(self, label: Line) -> tuple[int, int]:
        """Extent of the questions and answers under an FAQ label: (last line, questions)."""
        v = self.v
        last, questions, answers = label.no, 0, 0
        while questions < 30:
            unit = self.unit_after(last)
            if unit is None:
                break
            first, end, text, _is_list, _gap = unit
            if _is_clutter_line(text):
                break
            if not _more_words_than(text, 30) and text.rstrip(_CLOSERS)[-1:] == "?":
                questions, answers = questions + 1, 0
            elif questions and answers < 3 and not _more_words_than(text, 150) and not v.is_heading(first):
                answers += 1
            else:
                break
            last = end
        return last, questions

    # .. company sidebars ................................................................
    def sidebars(self) -> None:
        v = self.v
        ln = 1
        while ln <= v.n:
            line = v.lines[ln]
            if not (self.free(line) and self._kv(line)):
                ln += 1
                continue
            run = [line]
            while True:
                nxt, gap = v.next_content(run[-1].no)
                if nxt is None or gap > 1 or not self.free(nxt) or not self._kv(nxt):
                    break
                run.append(nxt)
            keys = [self._kv(x) for x in run]
            known = [k for k in keys if k and k.casefold() in _SIDEBAR_KEYS]
            if len(run) >= 2 and len(known) >= 2 and len(known) * 2 >= len(run):
                first = run[0].no
                for _ in range(3):
                    prev, gap = v.prev_content(first)
                    if prev is None or gap > 1 or not self.free(prev) or not self._sidebar_debris(prev):
                        break
                    first = prev.no
                names = ", ".join(dict.fromkeys(k for k in keys if k))
                self.add("company-sidebar", first, run[-1].no, f"company information sidebar ({_quote(names, 60)})")
            ln = run[-1].no + 1

    def _kv(self, line: Line) -> str | None:
        if not line.text or not self.v.standalone(line):
            return None
        m = _KV.fullmatch(_trim(line.text) if line.text[:1] in "·•" else line.text)
        if not m:
            return None
        key, value = m.group("key").strip(), m.group("value").strip()
        if _more_words_than(key, 4) or _more_words_than(value, 12) or _SENTENCE_BREAK.search(value):
            return None
        if value.rstrip(_CLOSERS)[-1:] in "!?" or (value.endswith(".") and _more_words_than(value, 3)):
            return None
        return key

    def _sidebar_debris(self, line: Line) -> bool:
        t = _trim(line.text)
        if _SIDEBAR_TITLE.fullmatch(t):
            return True
        return bool(t) and " " not in t and len(t) <= 40 and not _DOMAIN.fullmatch(t) and not _ends_sentence(line.text)

    # .. headline repeated .................................................................
    def repeated_headlines(self) -> None:
        v = self.v
        doc = v.doc
        seen: dict[str, int] = {}
        fm_title = doc.front_matter.get("title")
        if isinstance(fm_title, str) and len(_norm(fm_title).split()) >= 4:
            seen[_norm(fm_title)] = 0
        for i, (first, last, text, kind) in enumerate(self.headline_units()):
            if len(text) > 300:
                continue  # a paragraph, not a headline
            if not seen and (first >= v.header_end or i > 5):
                continue  # it can neither repeat a headline nor be one
            key = _norm(text)
            if len(key.split()) < 4 or first in self.taken:
                continue
            if key in seen:
                if seen[key] == 0 and i == 0 and kind == "heading":
                    seen[key] = first  # the rendered front-matter title itself
                elif v.standalone(v.lines[first]):
                    where = f" (first at line {seen[key]})" if seen[key] else " (front matter title)"
                    self.add("repeated-headline", first, last, f"headline repeated in the body{where}")
                continue
            if first >= v.header_end or i > 5 or _ends_sentence(text) or _more_words_than(text, 30):
                continue  # headlines are among the first blocks, above the story
            if (
                i == 0
                or kind == "heading"
                or (first == last and kind == "paragraph" and not _more_words_than(text, 20))
            ):
                seen[key] = first

    def headline_units(self) -> list[tuple[int, int, str, str]]:
        """Blocks as (first line, last line, text, kind); lines of a block that is not
        wrapped prose (clutter pasted without blank lines) count one by one."""
        v = self.v
        units = []
        for b in v.doc.blocks:
            if b.first_line == b.last_line or v.wrapped(b):
                units.append((b.first_line, b.last_line, v.block_text(b), b.kind))
            else:
                units.extend((ln, ln, v.lines[ln].text, b.kind) for ln in range(b.first_line, b.last_line + 1))
        return units

    # .. lone site names and repeated lines ...............................................
    def site_names(self) -> None:
        v = self.v
        ln = 1
        while ln <= v.n:
            line = v.lines[ln]
            if (
                not self.free(line)
                or not v.standalone(line)
                or _more_words_than(line.text, 6)
                or not v.plain(line)
                or _is_pack_clutter(line.text)  # "Menu" twice: the phrase rule flags each line
            ):
                ln += 1
                continue
            text = _trim(line.text)
            copies = [line]
            while True:
                nxt, gap = v.next_content(copies[-1].no)
                if nxt is None or gap > 1 or not self.free(nxt) or _trim(nxt.text) != text:
                    break
                copies.append(nxt)
            if _DOMAIN.fullmatch(text):
                times = f" repeated {len(copies)} times" if len(copies) > 1 else ""
                self.add("site-name", line.no, copies[-1].no, f"lone site name '{_quote(text)}'{times}")
            elif len(copies) > 1 and _WORDISH.fullmatch(text) and not _ends_sentence(line.text):
                if " " not in text:
                    self.add("site-name", line.no, copies[-1].no, f"site name '{_quote(text)}' repeated on its own")
                else:
                    self.add(
                        "repeated-line",
                        copies[1].no,
                        copies[-1].no,
                        f"line '{_quote(text)}' repeated (first at line {line.no})",
                    )
            ln = copies[-1].no + 1

    # .. dates alone on a line ..............................................................
    def page_dates(self) -> None:
        v = self.v
        # The last line of prose: a date below it is page furniture, a date above it may head
        # a section of a timeline.
        last_prose = next(
            (
                x.no
                for x in reversed(v.lines[1:])
                if self.free(x) and _ends_sentence(x.text) and not _is_pack_clutter(x.text)
            ),
            0,
        )
        for line in v.lines[1:]:
            if not self.free(line) or not v.standalone(line):
                continue
            if not (line.no < v.header_end or line.no > max(v.trailer_start, last_prose)):
                continue
            t = _trim(line.text)
            if t and _DATE_LINE.fullmatch(t):
                self.add("page-date", line.no, line.no, f"page date from a web page: '{_quote(t)}'")

    # .. section labels and breadcrumbs .....................................................
    def section_labels(self) -> None:
        v = self.v
        first_text = next((x.no for x in v.lines[1:] if x.text and x.no not in self.taken), 0)
        for line in v.lines[1:]:
            if not self.free(line) or not v.standalone(line):
                continue
            t = _trim(line.text)
            if _BREADCRUMB.fullmatch(t):
                self.add("section-label", line.no, line.no, f"breadcrumb trail from a web page: '{_quote(t)}'")
                continue
            b = line.block
            if b is None or b.first_line != b.last_line or line.no >= v.header_end or _more_words_than(t, 4):
                continue
            key = _norm(t)
            if key in self.section_names:
                ref = self.section_names[key]
                self.add("section-label", line.no, line.no, f"site section label '{t}' (as in line {ref})")
            elif line.no == first_text and key.replace(" ", "-") in _SECTION_WORDS:
                if v.markdown and v.is_heading(line):
                    continue
                nxt, _ = v.next_content(line.no)
                if nxt is not None and v.is_heading(nxt):
                    self.add("section-label", line.no, line.no, f"site section label '{t}' above the headline")

    # .. truncated teaser ...................................................................
    def teasers(self) -> None:
        v = self.v
        blocks = v.doc.blocks
        wanted: dict[tuple[str, ...], list[int]] = {}
        for i, b in enumerate(blocks):
            if b.kind not in ("paragraph", "blockquote") or b.first_line in self.taken:
                continue
            text = v.block_text(b).rstrip()
            for ell in ("…", "..."):
                if text.endswith(ell):
                    text = text[: -len(ell)].rstrip()
            if (
                (i == 0 and not v.markdown)
                or b.kind == "heading"
                or not text
                or not (text[-1].isalnum() or text[-1] == ",")
            ):
                continue  # a plain-text draft's first line is its title, not a teaser
            last_word = text.split()[-1]
            if not (text != v.block_text(b).rstrip() or last_word[:1].islower() or text[-1] == ","):
                continue  # a cut mid-sentence ends on a lower-case word, a comma or an ellipsis
            if b.first_line >= v.header_end and i > 5:
                continue  # a teaser sits above the story, among the first blocks
            toks = _tokens(v.doc.block_text(b))
            if len(toks) >= 12:
                wanted.setdefault(tuple(toks[-8:]), []).append(i)
        if not wanted:
            return
        tokens = [_tokens(v.doc.block_text(b)) for b in blocks]
        starts = {gram[0] for gram in wanted}
        done: set[int] = set()
        for j, toks in enumerate(tokens):
            for k in range(0, len(toks) - 8):  # the gram must be followed by more words
                if toks[k] not in starts:
                    continue
                gram = tuple(toks[k : k + 8])
                for i in wanted.get(gram, ()):
                    # The teaser is the start of the full paragraph: it stops where the gram ends.
                    n = len(tokens[i])
                    if i < j and i not in done and abs(k + 8 - n) <= max(6, n // 4):
                        done.add(i)
                        b = blocks[i]
                        self.add(
                            "truncated-teaser",
                            b.first_line,
                            b.last_line,
                            f"truncated teaser: cut off mid-sentence, repeated in full at line {blocks[j].first_line}",
                        )

    # .. captions of media that is gone ....................................................
    def captions(self) -> None:
        v = self.v
        for line in v.lines[1:]:
            if not self.free(line) or not v.standalone(line):
                continue
            t = _trim(line.text)
            if not t:
                continue
            embed = _EMBED.fullmatch(t) is not None and not _ends_sentence(line.text)
            caption = embed or _CAPTION.fullmatch(t) is not None
            if not caption or _more_words_than(t, 40):  # the patterns first: they rule out most lines
                continue
            embed = embed and not _more_words_than(t, 30)
            if not (embed or _CAPTION.fullmatch(t)):
                continue
            prev, _ = v.prev_content(line.no)
            if prev is not None and _IMAGE_SOURCE.search(v.doc.line_text(prev.no)):
                continue  # the image is still there: its caption is legitimate
            what = "embedded post caption" if embed else "image caption or credit"
            self.add("media-caption", line.no, line.no, f"{what} without its media: '{_quote(t)}'")

    # .. pack phrases on a line of a longer block ...........................................
    def pasted_lines(self) -> None:
        """Lines the pack's whole-block rules would flag, pasted without blank lines into a
        longer Markdown paragraph (the pack matches whole blocks only)."""
        v = self.v
        for b in v.doc.blocks:
            if b.first_line == b.last_line:
                continue
            if _is_pack_clutter(v.block_text(b)):
                continue  # the pack rule flags the block itself
            for ln in range(b.first_line, b.last_line + 1):
                line = v.lines[ln]
                if not self.free(line) or not v.standalone(line) or _more_words_than(line.text, 25):
                    continue
                hit = _pack_match(line.text)
                if hit:
                    code, name = hit
                    self.add("pasted-line", ln, ln, f"{name} line ({code}) inside a paragraph: '{_quote(line.text)}'")


def analyse(doc: Document) -> tuple[Region, ...]:
    """All structural clutter of ``doc`` (computed once per document)."""
    cached = doc.__dict__.get("_boilerplate_regions")
    if cached is None:
        cached = _Analysis(doc).run()
        doc.__dict__["_boilerplate_regions"] = cached
    return cached


# -- rules --------------------------------------------------------------------------------


class _StructuralRule(Rule):
    category = "boilerplate"
    severity = Severity.WARNING
    fixable = True
    kind: ClassVar[str] = ""

    def check(self, doc: Document) -> Iterable[Finding]:
        for region in analyse(doc):
            if region.kind == self.kind:
                yield self._finding(doc, region)

    def _finding(self, doc: Document, r: Region) -> Finding:
        start, end = doc.line_start(r.first), doc.line_end(r.last)
        while start < end and doc.text[start].isspace():
            start += 1
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        block = Block(-1, "paragraph", start, end, r.first, r.last)
        fix = remove_block_fix(doc, block, True, last_line=r.last)
        return self.finding(doc, start, end, r.message, fix=fix)


class RelatedLinks(_StructuralRule):
    """Flags "Related posts", "More from ...", "Read more" blocks with their linked headlines.

    **What it finds**: a line that is the label of a web page's link block ("Related Post",
    "Related Articles", "More from Autos", "Explore more articles in the Autos category",
    "You may also like", "Most read", "Read more: <headline>") together with the headline lines
    that follow it (short, title-like lines, without a full stop, or list items). The finding
    spans the label and all its headlines.

    **Why**: the links pointed at other articles of the site the text was copied from; without
    the links they are stray headlines that would be published as text.

    **Example**::

        Related Posts
        Carmaker opens plant in Hungary
        New battery factory hires 2,000 staff

    **Fix**: removing the lines is safe; running prose after the block is never included.
    """

    code = "BP120"
    name = "related-links"
    kind = "related-links"
    examples_bad = (
        "The plant opens next year.\n\nRelated Posts\n\nCarmaker opens plant in Hungary\n\n"
        "New battery factory hires 2,000 staff\n",
        "The plant opens next year.\n\n## You may also like\n\n- [Carmaker opens plant](https://example.com/a)\n"
        "- [Battery maker expands](https://example.com/b)\n",
        "The plant opens next year.\n\nRead more: Carmaker opens plant in Hungary\n\nThe site will employ 400.\n",
    )
    examples_good = (
        "Analysts expect the firm to read more into the data before it decides on a second plant.\n",
        "# New plant\n\nThe plant opens next year.\n\n## Related risks\n\nSuppliers warned that costs could rise.\n",
    )


class SeoSummary(_StructuralRule):
    """Flags SEO summary blocks: "Key Takeaways", "TL;DR", "In this article" and their items.

    **What it finds**: a "Key Takeaways" (or "TL;DR", "AI summary", "Table of contents", "In
    this article") line and the list items or short lines that follow it.

    **Why**: the page generated these summaries and menus; they repeat the article and would be
    published twice.

    **Example**::

        Key Takeaways
        - The plant opens next year.
        - It will employ 400 people.

    **Fix**: removing the lines is safe.
    """

    code = "BP121"
    name = "seo-summary"
    kind = "seo-summary"
    examples_bad = (
        "The plant opens next year.\n\n## Key Takeaways\n\n- The plant opens next year.\n- It will employ 400.\n",
    )
    examples_good = ("The main takeaways from the meeting were that costs will rise and hiring will slow.\n",)


class FaqBlock(_StructuralRule):
    """Flags "Frequently Asked Questions" blocks with their questions and answers.

    **What it finds**: a "Frequently Asked Questions" / "FAQ" / "People also ask" line and the
    question lines (ending in "?") and short answers that follow it.

    **Why**: search-engine FAQ blocks are generated around the article; they repeat it in
    question form and are not part of the story.

    **Example**::

        Frequently Asked Questions
        When does the plant open?
        The plant opens next year.

    **Fix**: removing the lines is safe.
    """

    code = "BP122"
    name = "faq-block"
    kind = "faq-block"
    examples_bad = (
        "The plant opens next year.\n\n## Frequently Asked Questions\n\n### When does it open?\n\n"
        "It opens next year.\n\n### How many jobs?\n\nAbout 400.\n",
    )
    examples_good = ("The company published a list of frequently asked questions for suppliers on Monday.\n",)


class CompanySidebar(_StructuralRule):
    """Flags company information sidebars: runs of ``Key: value`` lines.

    **What it finds**: two or more consecutive short ``Key: value`` lines, at least two of them
    with a company-profile key (Location, Headquarters, Employees, Founded date, Industry,
    Website, Revenue, CEO...), plus stray one-word lines glued to the run. The run is the
    finding.

    **Why**: the source page showed a profile box next to the article; copied into a draft it
    is a list of facts out of context, often stale.

    **Example**::

        Location: Hamburg, Germany
        Employees: 5001-10000
        Founded date: 1952

    **Fix**: removing the lines is safe. A single "Note: ..." line or quoted dialogue
    ("Smith: We will see.") is not a sidebar.
    """

    code = "BP123"
    name = "company-sidebar"
    kind = "company-sidebar"
    examples_bad = ("Location: Hamburg, Germany\nEmployees: 5001-10000\nFounded: 1952\n\nThe plant opens next year.\n",)
    examples_good = (
        "Note: figures are in euros.\n\nThe plant opens next year.\n",
        "Host: Where will the plant be?\n\nChief executive: In Hungary, next to the old one.\n",
    )


class SiteName(_StructuralRule):
    """Flags a lone site or domain name on a line ("Example.com"), or a site name repeated.

    **What it finds**: a block that is only a domain name, or a one-word line (a site or brand
    name) repeated on the following line(s).

    **Why**: the page's logo, source label or watermark text came along with the article.

    **Example**: two lines "Motorwire.com" under the headline.

    **Fix**: removing the lines is safe. Domains in running prose are never flagged.
    """

    code = "BP124"
    name = "site-name"
    kind = "site-name"
    examples_bad = ("# Plant opens\n\nMotorwire.com\n\nThe plant opens next year.\n",)
    examples_good = ("The company sells its cars through Motorwire.com and its own shops.\n",)


class PageDate(_StructuralRule):
    """Flags a date (and time) alone on a line above or below the article.

    **What it finds**: a line that is only a date, with an optional weekday and time ("March
    19, 2025, 9:45 am", "2 hours ago"), placed before the first paragraph or after the last.
    Dates between paragraphs (a timeline's section headings) are left alone.

    **Why**: the page printed its publication time; the draft's date belongs in front matter.

    **Example**: "March 19, 2025, 9:45 am" under the headline.

    **Fix**: removing the line is safe.
    """

    code = "BP125"
    name = "page-date"
    kind = "page-date"
    examples_bad = (
        "# Plant opens\n\nMarch 19, 2025, 9:45 am\n\nThe carmaker said the plant would open next year and hire 400.\n",
    )
    examples_good = (
        "# Timeline\n\nThe carmaker said the plant would open next year and hire 400 people.\n\n## 3 March 2025\n\n"
        "The site was chosen after a long search.\n\nThe first cars will be built in the spring of next year.\n",
    )


class SectionLabel(_StructuralRule):
    """Flags a site section label or breadcrumb above the headline ("Autos", "Home > News").

    **What it finds**: a short line at the top that names a section of the source site: a name
    that a "More from <section>" line of the draft also names, a common section word (News,
    Headlines, Business...) alone above the headline, or a breadcrumb trail.

    **Why**: it is the site's navigation, not the article's headline or kicker.

    **Example**: "Headlines" on the first line, with "More from Headlines" at the end.

    **Fix**: removing the line is safe.
    """

    code = "BP126"
    name = "section-label"
    kind = "section-label"
    examples_bad = (
        "Autos\n\n# Plant opens\n\nThe plant opens next year.\n\nMore from Autos\n",
        "Home > News > Autos\n\n# Plant opens\n\nThe plant opens next year.\n",
    )
    examples_good = ("# Autos\n\nThe car market grew by 4% last year, the industry body said on Monday.\n",)


class RepeatedHeadline(_StructuralRule):
    """Flags the headline repeated as a standalone block later in the draft.

    **What it finds**: a block whose whole text is the title (front-matter ``title``, the
    first heading, or the first line of a plain-text draft) or another heading of the
    header, appearing again further down. Titles shorter than four words are ignored.

    **Why**: web pages print the headline twice (page title and article title, or a share
    card); the copy is noise.

    **Example**: the headline on line 1 and again on line 9.

    **Fix**: removing the repeated lines is safe; the first occurrence stays.
    """

    code = "BP127"
    name = "repeated-headline"
    kind = "repeated-headline"
    examples_bad = (
        "# Carmaker picks Hungary for new plant\n\nCarmaker picks Hungary for new plant\n\nIt opens soon.\n",
    )
    examples_good = (
        "# Carmaker picks Hungary for new plant\n\nThe carmaker picks Hungary for new plant sites, it said.\n",
    )


class TruncatedTeaser(_StructuralRule):
    """Flags a teaser paragraph cut off mid-sentence whose full text follows later.

    **What it finds**: a paragraph of twelve words or more that stops in the middle of a
    sentence (no final punctuation, or an ellipsis), when its last eight words reappear,
    followed by more words, in a later paragraph.

    **Why**: listing pages show the first characters of a story as a teaser; copied with the
    story, the lead is there twice, once broken.

    **Example**: "BERLIN - The carmaker will build a plant in Hungary to supply its new
    electric models from" followed later by the full sentence.

    **Fix**: removing the teaser is safe: the complete text stays.
    """

    code = "BP128"
    name = "truncated-teaser"
    kind = "truncated-teaser"
    examples_bad = (
        "The carmaker will build a new plant in Hungary to supply its electric models from\n\n"
        "The carmaker will build a new plant in Hungary to supply its electric models from 2027, it said.\n",
    )
    examples_good = (
        "The carmaker will build a new plant in Hungary to supply its electric models from 2027, it said.\n\n"
        "The plant in Hungary will supply its electric models from 2027 onwards.\n",
    )


class MediaCaption(_StructuralRule):
    """Flags image captions, photo credits and embedded-post captions whose media is gone.

    **What it finds**: a line that is only a photo credit ("Photo: Jane Doe", "Image source,
    Getty Images", "Reuters/Getty Images") or the caption of an embedded social post ("Example
    Motors Weibo: New plant opens"), with no image right above it.

    **Why**: the image or post did not survive the copy; its caption reads as a stray line.

    **Example**: "Image credit: Example Motors" between two paragraphs of a plain-text draft.

    **Fix**: removing the line is safe. Captions under a Markdown image are left alone.
    """

    code = "BP129"
    name = "media-caption"
    kind = "media-caption"
    examples_bad = (
        "The plant opens next year.\n\nImage credit: Example Motors\n\nIt will employ 400.\n",
        "The plant opens next year.\n\nExample Motors Weibo: New plant opens in Hungary\n\nIt will employ 400.\n",
    )
    examples_good = (
        "The plant opens next year.\n\n![The new plant](plant.jpg)\nPhoto: Example Motors\n\nIt will employ 400.\n",
        "The chief executive wrote on X: the plant opens next year.\n",
    )


class RepeatedLine(_StructuralRule):
    """Flags a short line repeated on the next line(s).

    **What it finds**: a short line (six words or fewer, not a sentence) immediately repeated,
    typically a site name or a button label copied twice. The copies are the finding.

    **Why**: a double paste or a page element rendered twice.

    **Example**: "Electric cars" twice in a row.

    **Fix**: removing the copies is safe; the first line stays.
    """

    code = "BP130"
    name = "repeated-line"
    kind = "repeated-line"
    examples_bad = ("The plant opens next year.\n\nElectric cars\n\nElectric cars\n\nIt will employ 400.\n",)
    examples_good = ("# Plan\n\nElectric cars sell well.\n\nElectric cars sell well in Norway too.\n",)


class PastedClutterLine(_StructuralRule):
    """Flags a line of web clutter pasted inside a longer paragraph.

    **What it finds**: a line that one of the phrase rules BP101-BP109 would flag ("Share this
    article", "5 min read", "Posted on March 17, 2025"...) when it sits inside a Markdown
    paragraph of several lines, because it was pasted without a blank line around it. The
    phrase rules only match whole blocks; this rule covers the lines of longer blocks. The
    message names the phrase rule.

    **Why**: the same as the phrase rule's; in Markdown such a line is also run into the
    paragraph when rendered.

    **Example**::

        # Plant opens
        By Team Motorwire April 2, 2025
        4 min read

    **Fix**: removing the line is safe; the rest of the paragraph stays.
    """

    code = "BP131"
    name = "pasted-clutter-line"
    kind = "pasted-line"
    examples_bad = ("# Plant opens\n\nPosted on April 2, 2025\n4 min read\n\nThe plant opens next year.\n",)
    examples_good = ("The plant opens next year.\nIt will employ 400 people.\n\n4 min read\n",)


RULES: tuple[type[Rule], ...] = (
    RelatedLinks,
    SeoSummary,
    FaqBlock,
    CompanySidebar,
    SiteName,
    PageDate,
    SectionLabel,
    RepeatedHeadline,
    TruncatedTeaser,
    MediaCaption,
    RepeatedLine,
    PastedClutterLine,
)


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return list(RULES)


@hookimpl
def lint_article_packs() -> list[Path]:
    return [PACK]


plugin = HookImpls(lint_article_rules=lint_article_rules, lint_article_packs=lint_article_packs)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""
