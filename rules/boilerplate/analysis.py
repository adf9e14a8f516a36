"""One linear pass over a draft that finds every structural clutter region
(:func:`analyse`, computed once per document); each region names its kind, whole lines
and the message to report.
"""

from __future__ import annotations

from lint.analysis.names import looks_like_person
from lint.document import Document
from rules.boilerplate.lines import (
    BIO_LEAD,
    BIO_SUBJECT,
    BREADCRUMB,
    BULLETS,
    BYLINE,
    BYLINE_SPLIT,
    CAPTION,
    CLOSERS,
    DATE_LINE,
    DOMAIN,
    EMBED,
    FAQ_LABEL,
    IMAGE_SOURCE,
    INLINE_LINK,
    KV,
    LINK_LABEL,
    SECTION_WORDS,
    SENTENCE_BREAK,
    SIDEBAR_KEYS,
    SIDEBAR_TITLE,
    SUMMARY_LABEL,
    WORDISH,
    Line,
    Region,
    View,
    ends_sentence,
    headline_like,
    is_clutter_line,
    is_pack_clutter,
    more_words_than,
    norm,
    pack_match,
    quote,
    trim,
    word_tokens,
)


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
        self.credits()
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
            label = trim(line.text)
            if not label or len(label) > 120:
                continue
            m = INLINE_LINK.fullmatch(label)
            if m and headline_like(trim(m.group("title")), True):
                self.add("related-links", line.no, line.no, f"'read more' link from a web page: '{quote(label)}'")
                continue
            if FAQ_LABEL.fullmatch(label):
                last, count = self.faq_items(line)
                what = f" with {count} question{'s' if count != 1 else ''}" if count else ""
                self.add("faq-block", line.no, last, f"SEO FAQ block '{quote(label, 40)}'{what}")
                continue
            if SUMMARY_LABEL.fullmatch(label):
                last, count = self.items(line, "summary")
                what = f" with {count} item{'s' if count != 1 else ''}" if count else ""
                self.add("seo-summary", line.no, last, f"SEO summary block '{quote(label, 40)}'{what}")
                continue
            m = LINK_LABEL.fullmatch(label)
            if m:
                name = m.group("more") or m.group("explore")
                if name and more_words_than(name, 5):
                    continue
                if name:
                    self.section_names.setdefault(norm(name), line.no)
                last, count = self.items(line, "links")
                what = f" with {count} linked headline{'s' if count != 1 else ''}" if count else ""
                self.add("related-links", line.no, last, f"link block '{quote(label, 40)}'{what} from a web page")

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
        return nxt, nxt.no, nxt.text, nxt.text[:1] in BULLETS, gap

    def items(self, label: Line, mode: str) -> tuple[int, int]:
        """Extent of the items under a link or summary label: (last line, item count)."""
        v = self.v
        last, count, list_mode = label.no, 0, False
        while count < 15:
            unit = self.unit_after(last)
            if unit is None:
                break
            first, end, text, is_list, gap = unit
            if is_clutter_line(text) or (v.markdown and v.is_heading(first)):
                break
            if mode == "links":
                if not headline_like(text, is_list):
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
                if is_list and more_words_than(text, 60):
                    break
                if not is_list and ((gap and count) or more_words_than(text, 40)):
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
            if is_clutter_line(text):
                break
            if not more_words_than(text, 30) and text.rstrip(CLOSERS)[-1:] == "?":
                questions, answers = questions + 1, 0
            elif questions and answers < 3 and not more_words_than(text, 150) and not v.is_heading(first):
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
            known = [k for k in keys if k and k.casefold() in SIDEBAR_KEYS]
            if len(run) >= 2 and len(known) >= 2 and len(known) * 2 >= len(run):
                first = run[0].no
                for _ in range(3):
                    prev, gap = v.prev_content(first)
                    if prev is None or gap > 1 or not self.free(prev) or not self._sidebar_debris(prev):
                        break
                    first = prev.no
                names = ", ".join(dict.fromkeys(k for k in keys if k))
                self.add("company-sidebar", first, run[-1].no, f"company information sidebar ({quote(names, 60)})")
            ln = run[-1].no + 1

    def _kv(self, line: Line) -> str | None:
        if not line.text or not self.v.standalone(line):
            return None
        m = KV.fullmatch(trim(line.text) if line.text[:1] in "·•" else line.text)
        if not m:
            return None
        key, value = m.group("key").strip(), m.group("value").strip()
        if more_words_than(key, 4) or more_words_than(value, 12) or SENTENCE_BREAK.search(value):
            return None
        if value.rstrip(CLOSERS)[-1:] in "!?" or (value.endswith(".") and more_words_than(value, 3)):
            return None
        return key

    def _sidebar_debris(self, line: Line) -> bool:
        t = trim(line.text)
        if SIDEBAR_TITLE.fullmatch(t):
            return True
        return bool(t) and " " not in t and len(t) <= 40 and not DOMAIN.fullmatch(t) and not ends_sentence(line.text)

    # .. headline repeated .................................................................
    def repeated_headlines(self) -> None:
        v = self.v
        doc = v.doc
        seen: dict[str, int] = {}
        fm_title = doc.front_matter.get("title")
        if isinstance(fm_title, str) and len(norm(fm_title).split()) >= 4:
            seen[norm(fm_title)] = 0
        for i, (first, last, text, kind) in enumerate(self.headline_units()):
            if len(text) > 300:
                continue  # a paragraph, not a headline
            if not seen and (first >= v.header_end or i > 5):
                continue  # it can neither repeat a headline nor be one
            key = norm(text)
            if len(key.split()) < 4 or first in self.taken:
                continue
            if key in seen:
                if seen[key] == 0 and i == 0 and kind == "heading":
                    seen[key] = first  # the rendered front-matter title itself
                elif v.standalone(v.lines[first]):
                    where = f" (first at line {seen[key]})" if seen[key] else " (front matter title)"
                    self.add("repeated-headline", first, last, f"headline repeated in the body{where}")
                continue
            if first >= v.header_end or i > 5 or ends_sentence(text) or more_words_than(text, 30):
                continue  # headlines are among the first blocks, above the story
            if i == 0 or kind == "heading" or (first == last and kind == "paragraph" and not more_words_than(text, 20)):
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
                or more_words_than(line.text, 6)
                or not v.plain(line)
                or is_pack_clutter(line.text)  # "Menu" twice: the phrase rule flags each line
            ):
                ln += 1
                continue
            text = trim(line.text)
            copies = [line]
            while True:
                nxt, gap = v.next_content(copies[-1].no)
                if nxt is None or gap > 1 or not self.free(nxt) or trim(nxt.text) != text:
                    break
                copies.append(nxt)
            if DOMAIN.fullmatch(text):
                times = f" repeated {len(copies)} times" if len(copies) > 1 else ""
                self.add("site-name", line.no, copies[-1].no, f"lone site name '{quote(text)}'{times}")
            elif len(copies) > 1 and WORDISH.fullmatch(text) and not ends_sentence(line.text):
                if " " not in text:
                    self.add("site-name", line.no, copies[-1].no, f"site name '{quote(text)}' repeated on its own")
                else:
                    self.add(
                        "repeated-line",
                        copies[1].no,
                        copies[-1].no,
                        f"line '{quote(text)}' repeated (first at line {line.no})",
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
                if self.free(x) and ends_sentence(x.text) and not is_pack_clutter(x.text)
            ),
            0,
        )
        for line in v.lines[1:]:
            if not self.free(line) or not v.standalone(line):
                continue
            if not (line.no < v.header_end or line.no > max(v.trailer_start, last_prose)):
                continue
            t = trim(line.text)
            if t and DATE_LINE.fullmatch(t):
                self.add("page-date", line.no, line.no, f"page date from a web page: '{quote(t)}'")

    # .. section labels and breadcrumbs .....................................................
    def section_labels(self) -> None:
        v = self.v
        first_text = next((x.no for x in v.lines[1:] if x.text and x.no not in self.taken), 0)
        for line in v.lines[1:]:
            if not self.free(line) or not v.standalone(line):
                continue
            t = trim(line.text)
            if BREADCRUMB.fullmatch(t):
                self.add("section-label", line.no, line.no, f"breadcrumb trail from a web page: '{quote(t)}'")
                continue
            b = line.block
            if b is None or b.first_line != b.last_line or line.no >= v.header_end or more_words_than(t, 4):
                continue
            key = norm(t)
            if key in self.section_names:
                ref = self.section_names[key]
                self.add("section-label", line.no, line.no, f"site section label '{t}' (as in line {ref})")
            elif line.no == first_text and key.replace(" ", "-") in SECTION_WORDS:
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
            toks = word_tokens(v.doc.block_text(b))
            if len(toks) >= 12:
                wanted.setdefault(tuple(toks[-8:]), []).append(i)
        if not wanted:
            return
        tokens = [word_tokens(v.doc.block_text(b)) for b in blocks]
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
            t = trim(line.text)
            if not t:
                continue
            embed = EMBED.fullmatch(t) is not None and not ends_sentence(line.text)
            caption = embed or CAPTION.fullmatch(t) is not None
            if not caption or more_words_than(t, 40):  # the patterns first: they rule out most lines
                continue
            embed = embed and not more_words_than(t, 30)
            if not (embed or CAPTION.fullmatch(t)):
                continue
            prev, _ = v.prev_content(line.no)
            if prev is not None and IMAGE_SOURCE.search(v.doc.line_text(prev.no)):
                continue  # the image is still there: its caption is legitimate
            what = "embedded post caption" if embed else "image caption or credit"
            self.add("media-caption", line.no, line.no, f"{what} without its media: '{quote(t)}'")

    # .. pack phrases on a line of a longer block ...........................................
    def pasted_lines(self) -> None:
        """Lines the pack's whole-block rules would flag, pasted without blank lines into a
        longer Markdown paragraph (the pack matches whole blocks only)."""
        v = self.v
        for b in v.doc.blocks:
            if b.first_line == b.last_line:
                continue
            if is_pack_clutter(v.block_text(b)):
                continue  # the pack rule flags the block itself
            for ln in range(b.first_line, b.last_line + 1):
                line = v.lines[ln]
                if not self.free(line) or not v.standalone(line) or more_words_than(line.text, 25):
                    continue
                hit = pack_match(line.text)
                if hit:
                    code, name = hit
                    self.add("pasted-line", ln, ln, f"{name} line ({code}) inside a paragraph: '{quote(line.text)}'")

    # .. bylines and author boxes ..........................................................
    def credits(self) -> None:
        """A line that only credits writers ("By Name, Role"), anywhere; and an author box
        among the last two blocks, about a person the story never mentions."""
        v = self.v
        for line in v.lines[1:]:
            if not self.free(line) or not v.standalone(line) or more_words_than(line.text, 16):
                continue
            if v.markdown and v.is_heading(line):
                continue  # "## By Popular Demand" titles a section; a pasted credit is a plain line
            t = trim(line.text)
            m = BYLINE.fullmatch(t)
            if m is None or (m.group("role") and more_words_than(m.group("role"), 6)):
                continue
            names = [n for n in BYLINE_SPLIT.split(m.group("names")) if n]
            if names and all(looks_like_person(n) for n in names):
                self.add("byline", line.no, line.no, f"byline from a web page: '{quote(t)}'")
        blocks = [b for b in v.doc.blocks if b.kind == "paragraph"]
        for b in blocks[-2:]:
            if b.first_line in self.taken or b.first_line < v.header_end:
                continue
            text = v.block_text(b)
            if more_words_than(text, 70):
                continue
            lead = BIO_LEAD.match(text)
            if lead is None:
                subject = BIO_SUBJECT.match(text)
                if subject is None or not looks_like_person(subject.group("name")):
                    continue
                surname = subject.group("name").split()[-1]
                if any(surname in v.block_text(o) for o in v.doc.blocks if o is not b):
                    continue  # a person of the story, not its writer
            self.add("author-bio", b.first_line, b.last_line, f"author box from a web page: '{quote(text, 50)}'")


def analyse(doc: Document) -> tuple[Region, ...]:
    """All structural clutter of ``doc`` (computed once per document)."""
    cached = doc.__dict__.get("_boilerplate_regions")
    if cached is None:
        cached = _Analysis(doc).run()
        doc.__dict__["_boilerplate_regions"] = cached
    return cached
