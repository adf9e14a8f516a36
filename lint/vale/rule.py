"""``ValeRule``: the rule class every Vale rule becomes, and how each kind finds alerts.

Each kind runs over the text of its scope, one block (or sentence) of ``doc.prose`` at a
time, as Vale runs over its scopes; offsets are offsets in the draft, so the line and
column are the ones Vale reports. Messages fill ``%s`` in Vale's order: the match for most
kinds; the replacement then the match for a substitution; the count for an occurrence."""

from __future__ import annotations

import ast
import dataclasses
import fnmatch
import math
import operator
import re
from collections.abc import Iterator
from typing import Any, ClassVar

from lint.analysis.memo import per_document
from lint.document import Block, Document
from lint.model import Edit, Finding, Fix, Severity
from lint.rule import Rule
from lint.vale.patterns import behind_holds
from lint.vale.styles import LEVELS, ValeSpec

_BLOCK_KINDS = {
    "heading": ("heading",),
    "paragraph": ("paragraph", "blockquote"),
    "list": ("list_item",),
    "blockquote": ("blockquote",),
}
_RANK = {"suggestion": 0, "warning": 1, "error": 2}
_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq}
_WORD = re.compile(r"[^\W_*]*[\w*]+\S*")
_SMALL_WORDS = frozenset(
    "a an and as at but by for if in nor of on or so the to up via vs yet with from into onto per".split()
)


def format_message(message: str, *subs: str) -> str:
    """Vale's message: each ``%s`` in turn takes the next value; extra ``%s`` stay."""
    parts = message.split("%s")
    out = parts[0]
    for i, part in enumerate(parts[1:]):
        out += (subs[i] if i < len(subs) else "%s") + part
    return out


def to_sentence(words: list[str]) -> str:
    """Vale's list of options: ``'a'``, ``'a' or 'b'``, ``'a', 'b', or 'c'``."""
    quoted = [f"'{w}'" for w in words]
    if len(quoted) <= 2:
        return " or ".join(quoted)
    return ", ".join(quoted[:-1]) + ", or " + quoted[-1]


def glob_matches(glob: str, path: str) -> bool:
    """Vale's section globs: ``*`` (any file), ``*.md``, ``*.{md,txt}``, ``dir/*.md``."""
    name = path.replace("\\", "/")
    m = re.search(r"\{([^{}]*)\}", glob)
    if m:
        return any(glob_matches(glob[: m.start()] + alt + glob[m.end() :], path) for alt in m.group(1).split(","))
    base = name.rsplit("/", 1)[-1]
    return fnmatch.fnmatchcase(base, glob) or fnmatch.fnmatchcase(name, glob) or fnmatch.fnmatchcase(name, f"*/{glob}")


class ValeRule(Rule):
    """Base of the rules a Vale style provides (one subclass per rule file)."""

    category = "style"
    spec: ClassVar[ValeSpec]
    sections: ClassVar[tuple[tuple[str, str], ...]] = ()
    """``(glob, level)`` in .vale.ini order: ``NO`` turns the rule off for matching files,
    ``YES`` turns it on at its own level, a level overrides it. The last match wins."""
    min_level: ClassVar[str] = "suggestion"

    # -- where and how severe ----------------------------------------------------------
    def level_for(self, path: str) -> str | None:
        level: str | None = None
        for glob, state in self.sections:
            if glob_matches(glob, path):
                level = None if state == "NO" else (self.spec.level if state == "YES" else state)
        if level is None or _RANK[level] < _RANK[self.min_level]:
            return None
        return level

    def check(self, doc: Document) -> Iterator[Finding]:
        level = self.level_for(doc.path)
        if level is None:
            return
        severity = LEVELS[level]
        kind = self.spec.kind
        comments = vale_comments(doc)
        for start, end, message, fix in getattr(self, f"_{kind}")(doc):
            if comments and not self.switched_on(comments, start):
                continue
            yield self.alert(doc, start, end, message, severity, fix)

    def switched_on(self, comments: tuple[tuple[int, str, bool], ...], at: int) -> bool:
        """Whether the last of Vale's comments before ``at`` that names everything, this
        rule's style or this rule leaves it on."""
        on = True
        for offset, target, state in comments:
            if offset > at:
                break
            if target in ("", self.spec.style, self.spec.name):
                on = state
        return on

    def alert(self, doc: Document, start: int, end: int, message: str, severity: Severity, fix: Fix | None) -> Finding:
        finding = self.finding(doc, start, end, message, severity=severity, fix=fix)
        return dataclasses.replace(finding, name=self.spec.name)

    # -- scopes --------------------------------------------------------------------------
    def scopes(self, doc: Document) -> Iterator[tuple[int, str]]:
        """``(offset, text)`` of each piece of the rule's scope, in draft order."""
        prose = doc.prose
        scopes = self.spec.scopes
        if "raw" in scopes:
            yield 0, doc.text
            return
        if "sentence" in scopes:
            for s in doc.sentences:
                yield from _trimmed(s.start, prose[s.start : s.end])
            return
        wanted = [sc for sc in scopes if not sc.startswith("~")]
        unwanted = [sc[1:] for sc in scopes if sc.startswith("~")]
        for b in doc.blocks:
            if wanted and not any(_in_scope(b, sc) for sc in wanted):
                continue
            if any(_in_scope(b, sc) for sc in unwanted):
                continue
            yield from _trimmed(b.start, prose[b.start : b.end])

    def compiled(self, source: str) -> re.Pattern[str]:
        flags = re.MULTILINE | (re.IGNORECASE if self.spec.ignorecase else 0)
        cache = type(self).__dict__.get("_patterns")
        if cache is None:
            cache = {}
            type.__setattr__(type(self), "_patterns", cache)
        if source not in cache:
            cache[source] = re.compile(source, flags)
        return cache[source]  # type: ignore[no-any-return]

    def excepted(self, observed: str) -> bool:
        return bool(self.spec.exceptions) and self.compiled(self.spec.exceptions).search(observed) is not None

    def action_fix(self, start: int, end: int, options: list[str]) -> Fix | None:
        if self.spec.action == "remove":
            return Fix((Edit(start, end, ""),), f"remove ({self.spec.name})", safe=False)
        if self.spec.action == "replace" and options:
            return Fix((Edit(start, end, options[0]),), f"replace with '{options[0]}' ({self.spec.name})", safe=False)
        return None

    # -- kinds ---------------------------------------------------------------------------
    def _existence(self, doc: Document) -> Iterator[tuple[int, int, str, Fix | None]]:
        pattern = self.compiled(self.spec.pattern)
        for offset, text in self.scopes(doc):
            for m in pattern.finditer(text):
                if m.end() == m.start() or self.excepted(m.group().strip()):
                    continue
                if self.spec.behind and behind_holds(self.compiled(self.spec.behind), text, m.start()) == (
                    self.spec.behind_negative
                ):
                    continue
                options = list(self.spec.params)
                if self.spec.action == "replace" and options:
                    repl = options[0] if len(options) == 1 else to_sentence(options)
                    message = format_message(self.spec.message, m.group(), repl)
                else:
                    message = format_message(self.spec.message, m.group())
                start, end = offset + m.start(), offset + m.end()
                yield start, end, message, self.action_fix(start, end, options)

    def _substitution(self, doc: Document) -> Iterator[tuple[int, int, str, Fix | None]]:
        pattern = self.compiled(self.spec.pattern)
        repl = self.spec.replacements
        for offset, text in self.scopes(doc):
            for m in pattern.finditer(text):
                group = next((i for i in range(1, len(repl) + 1) if m.start(i) != -1), None)
                if group is None:
                    continue
                observed = m.group(group).strip()
                expected = repl[group - 1]
                capital = observed[:1].isupper()
                if self.spec.capitalize and capital:
                    expected = expected[:1].upper() + expected[1:]
                if _same(expected, observed) or self.excepted(observed):
                    continue
                message = self.spec.message
                options: list[str] = []
                if self.spec.action == "replace" and not self.spec.params:
                    options = expected.split("|")
                    if capital and (self.spec.capitalize or self.spec.ignorecase):
                        # Vale before 3.4 capitalised the options of an ``ignorecase``
                        # rule; the public packages' expected output relies on it.
                        options = [o[:1].upper() + o[1:] for o in options]
                    expected = to_sentence(options)
                    for quoted in ("'%s'", '"%s"'):
                        if message.count(quoted) == 2:
                            message = message.replace(quoted, "%s", 1)
                start, end = offset + m.start(group), offset + m.end(group)
                fix = self.action_fix(start, end, options)
                yield start, end, format_message(message, expected, observed), fix

    def _occurrence(self, doc: Document) -> Iterator[tuple[int, int, str, Fix | None]]:
        pattern = self.compiled(self.spec.pattern)
        for offset, text in self.scopes(doc):
            found = [m for m in pattern.finditer(text) if m.group().strip()]
            n = len(found)
            if (self.spec.max and n > self.spec.max) or (self.spec.min and n < self.spec.min):
                start, end = (found[0].start(), found[0].end()) if found else (0, 0)
                yield offset + start, offset + end, format_message(self.spec.message, str(n)), None

    def _repetition(self, doc: Document) -> Iterator[tuple[int, int, str, Fix | None]]:
        pattern = self.compiled(self.spec.pattern)
        for offset, text in self.scopes(doc):
            prev, prev_start, prev_end, count = "", 0, 0, 0
            for m in pattern.finditer(text):
                curr = m.group().strip()
                hit = curr != "" and (curr.lower() == prev.lower() if self.spec.ignorecase else curr == prev)
                hit = hit and (not self.spec.alpha or curr.isalpha())
                if hit:
                    count += 1
                if hit and count > self.spec.max:
                    span = text[prev_start : m.end()]
                    between = doc.text[offset + prev_end : offset + m.start()]
                    if between.strip():  # code or markup between the two: not a repeat
                        prev, prev_start, prev_end, count = curr, m.start(), m.end(), 0
                        continue
                    if "\n" not in span and not self.excepted(span):
                        fix = None
                        if self.spec.action == "edit" and self.spec.params[:1] == ("truncate",):
                            fix = Fix((Edit(offset + prev_start, offset + m.start(), ""),), "remove the repeat", False)
                        message = format_message(self.spec.message, curr)
                        yield offset + prev_start, offset + m.end(), message, fix
                        count = 0
                prev, prev_start, prev_end = curr, m.start(), m.end()

    def _conditional(self, doc: Document) -> Iterator[tuple[int, int, str, Fix | None]]:
        first, second = self.compiled(self.spec.pattern), self.compiled(self.spec.second)
        defined: set[str] = set()
        for offset, text in self.scopes(doc):
            for m in second.finditer(text):
                defined.update(g for g in m.groups() if g)
            for m in first.finditer(text):
                if m.group() in defined or self.excepted(m.group()):
                    continue
                yield offset + m.start(), offset + m.end(), format_message(self.spec.message, m.group()), None

    def _consistency(self, doc: Document) -> Iterator[tuple[int, int, str, Fix | None]]:
        forms = self.spec.replacements
        for i in range(0, len(forms), 2):
            a, b = self.compiled(wrap_word(forms[i])), self.compiled(wrap_word(forms[i + 1]))
            hits = [
                (offset + m.start(), offset + m.end(), m.group(), w)
                for offset, text in self.scopes(doc)
                for w, p in ((0, a), (1, b))
                for m in p.finditer(text)
            ]
            if len({w for *_, w in hits}) < 2:
                continue
            hits.sort()
            chosen = hits[0][3]
            for start, end, observed, which in hits:
                if which != chosen:
                    yield start, end, format_message(self.spec.message, observed), None

    def _capitalization(self, doc: Document) -> Iterator[tuple[int, int, str, Fix | None]]:
        for offset, text in self.scopes(doc):
            if not text or self.capitalized(text):
                continue
            yield offset, offset + len(text), format_message(self.spec.message, text), None

    def capitalized(self, text: str) -> bool:
        match = self.spec.match
        words = text.split()
        if match == "$upper":
            return text == text.upper()
        if match == "$lower":
            return text == text.lower()
        if match == "$title":
            return all(
                i == 0 and w[:1].isupper() or i > 0 and (w.lower() in _SMALL_WORDS or not w[:1].islower())
                for i, w in enumerate(words)
            ) and bool(words)
        if match == "$sentence":
            return self.sentence_case(text)
        return self.compiled(self.spec.pattern).fullmatch(text) is not None if self.spec.pattern else True

    def sentence_case(self, text: str) -> bool:
        """Vale's ``$sentence``: the text's words against their sentence-case forms (the
        first word with a letter and a word after an indicator capitalised, exceptions
        kept, the rest lower case); at least ``threshold`` (0.8) of them must agree, and a
        wrong first word fails at once."""
        words = _WORD.findall(text)
        if not words:
            return True
        stops = tuple(self.spec.indicators)
        agree = 0
        first = next((i for i, w in enumerate(words) if any(c.isalpha() for c in w)), 0)
        for i, word in enumerate(words):
            if self.excepted(word) or i < first:
                expected = word
            elif i == first:
                expected = word[:1].upper() + word[1:].lower()
            elif words[i - 1].endswith(stops):
                expected = word[:1].upper() + word[1:]
            else:
                expected = word.lower()
            if word == expected:
                agree += 1
            elif i == first and word != word[:1].upper() + word[1:].lower():
                return False
        return agree / len(words) >= self.spec.threshold

    def _metric(self, doc: Document) -> Iterator[tuple[int, int, str, Fix | None]]:
        assert self.spec.condition is not None
        values = metric_values(doc)
        value = _evaluate(ast.parse(self.spec.pattern, mode="eval").body, values)
        op, limit = self.spec.condition
        if value is not None and _COMPARE.get(op, operator.ne)(value, limit):
            yield 0, 0, format_message(self.spec.message, f"{value:.2f}"), None


_COMMENT = re.compile(r"<!--\s*vale\s+(off|on|([\w-]+(?:\.[\w-]+)?)\s*=\s*(YES|NO))\s*-->", re.IGNORECASE)


@per_document
def vale_comments(doc: Document) -> tuple[tuple[int, str, bool], ...]:
    """Vale's comments in the draft, in order: ``(offset, target, on)``; the target is ""
    for ``<!-- vale off -->`` / ``<!-- vale on -->``, else ``Style`` or ``Style.Rule``
    from ``<!-- vale Style.Rule = NO -->``."""
    if "vale" not in doc.text:
        return ()
    out = []
    for m in _COMMENT.finditer(doc.text):
        if m.group(2):
            out.append((m.start(), m.group(2), m.group(3).upper() == "YES"))
        else:
            out.append((m.start(), "", m.group(1).lower() == "on"))
    return tuple(out)


def _in_scope(block: Block, scope: str) -> bool:
    """Whether ``block`` belongs to Vale's ``scope`` (``text``, ``heading.h2``, ``list``...)."""
    base, _, sub = scope.partition(".")
    if base in ("text", "summary"):
        return True
    if base == "title":
        return block.kind == "heading" and block.level == 1
    if base == "heading" and sub:
        return block.kind == "heading" and f"h{block.level}" == sub
    return block.kind in _BLOCK_KINDS.get(base, ())


def wrap_word(pattern: str) -> str:
    return rf"\b(?:{pattern})\b"


def _same(expected: str, observed: str) -> bool:
    """Vale skips a swap whose match already is the replacement (``matchToken``)."""
    if all(c.isalnum() or c in " -" for c in expected):
        return expected == observed
    try:
        return re.fullmatch(f"(?:{expected})", observed) is not None
    except re.error:
        return expected == observed


def _trimmed(offset: int, text: str) -> Iterator[tuple[int, str]]:
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    yield offset + lead, stripped.rstrip()


def _syllables(word: str) -> int:
    groups = re.findall(r"[aeiouy]+", word.lower())
    n = len(groups) - (1 if word.lower().endswith("e") and len(groups) > 1 else 0)
    return max(1, n)


def metric_values(doc: Document) -> dict[str, float]:
    """Vale's metric variables, counted over the draft's prose."""
    words = re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", doc.prose)
    syllables = [_syllables(w) for w in words]
    values: dict[str, float] = {
        "words": len(words),
        "sentences": len(doc.sentences),
        "characters": sum(len(w) for w in words),
        "syllables": sum(syllables),
        "paragraphs": sum(1 for b in doc.blocks if b.kind == "paragraph"),
        "complex_words": sum(1 for s in syllables if s >= 3),
        "polysyllabic_words": sum(1 for s in syllables if s >= 3),
        "long_words": sum(1 for w in words if len(w) > 6),
        "pre": 0,
        "list": sum(1 for b in doc.blocks if b.kind == "list_item"),
        "blockquote": sum(1 for b in doc.blocks if b.kind == "blockquote"),
    }
    for level in range(1, 7):
        values[f"heading_h{level}"] = sum(1 for b in doc.blocks if b.kind == "heading" and b.level == level)
    return values


def _evaluate(node: ast.AST, values: dict[str, float]) -> float | None:
    """The formula's value, or None when it divides by zero (an empty draft)."""
    ops: dict[type, Any] = {
        ast.Add: operator.add,
        ast.Sub: operator.sub,
        ast.Mult: operator.mul,
        ast.Div: operator.truediv,
        ast.Pow: operator.pow,
    }
    try:
        if isinstance(node, ast.Constant):
            return float(node.value) if isinstance(node.value, (int, float)) else None
        if isinstance(node, ast.Name):
            return float(values[node.id])
        if isinstance(node, ast.UnaryOp):
            inner = _evaluate(node.operand, values)
            return None if inner is None else (-inner if isinstance(node.op, ast.USub) else inner)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):  # math.sqrt(...), checked at load
            found = [_evaluate(a, values) for a in node.args]
            args = [a for a in found if a is not None]
            if len(args) < len(found):
                return None
            function: Any = abs if node.func.attr == "abs" else getattr(math, node.func.attr)
            return float(function(*args))
        if isinstance(node, ast.BinOp) and type(node.op) in ops:
            left, right = _evaluate(node.left, values), _evaluate(node.right, values)
            if left is None or right is None:
                return None
            return float(ops[type(node.op)](left, right))
    except (ZeroDivisionError, OverflowError, ValueError, TypeError):
        return None
    return None
