"""CS110 ``term-forms-across-drafts``: one name written in different forms in different drafts."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, ClassVar

from lint.document import Document
from lint.model import Finding, Related, Severity, Span
from lint.record import Record
from lint.rule import Rule
from rules.consistency.forms import _NO_CONTEXT, FormInfo, Variance, _sub_pairs, compare_forms, known_to_facts
from rules.consistency.terms import _merge_initial_capitals, _name_forms, _NameOcc, _one_per_place
from rules.consistency.words import _MAX_CONTEXTS, _NEWLINE, _is_all_caps, _is_mixed, _key, _Words, _words

# --------------------------------------------------------------------------------------
# CS110


class _Place(Record):
    """Where a form is written: its offsets, a few words around it (for the report), and
    whether it opens a sentence and may be case evidence."""

    start: int
    end: int
    context: str
    initial: bool
    case_ok: bool


class _FormRecord(Record):
    """One name form of a draft: its key (:func:`_key`), what :class:`FormInfo` sums over
    its occurrences, and its places (the first occurrence, and the first usable as case
    evidence when that is another)."""

    key: str
    form: str
    uses: int
    case_count: int
    case_mid: int
    first_proper: bool
    next_kinds: frozenset[str]
    contexts: tuple[tuple[str, str], ...]
    places: tuple[_Place, ...]

    def info(self) -> FormInfo:
        """What the comparison knows of the form (a name form: proper, with a capital)."""
        return FormInfo(
            self.form,
            self.uses,
            self.case_count,
            self.case_mid,
            proper=True,
            first_proper=self.first_proper,
            next_kinds=set(self.next_kinds),
            contexts=set(self.contexts),
        )

    @property
    def vote(self) -> tuple[int, int]:
        """A draft votes with its most used form of a key; on a tie, the one it uses first."""
        return self.uses, -self.places[0].start


class _NameRecords(Record):
    """CS110's record of a draft: where its lines start (for the spans of the few places
    reported) and its name forms."""

    lines: tuple[int, ...]
    forms: tuple[_FormRecord, ...]


class TermFormsAcrossDrafts(Rule):
    """One name written in different forms in different drafts of the run.

    **What it finds**: a name (a word with capitals that sentence position does not explain,
    or a run of up to three such words) that one draft writes differently from the others,
    with the same tests as ``term-forms`` (CS101): hyphen, space or closed ("Harmony OS"/
    "HarmonyOS"), case ("HarmonyOS Next"/"HarmonyOS NEXT"), diacritics ("Tomas"/"Tomás").
    Each draft votes with the form it uses most; the drafts with the less common form are
    reported (on a tie, the form first seen in the later file), naming a draft with the
    other form and its line.

    **Why**: drafts published side by side should spell a product or a person the same way.

    **Example**: three drafts write "HarmonyOS NEXT" and one writes "HarmonyOS Next": the
    fourth is reported, naming the first draft and line.

    **Fix**: use the form of the other drafts (or the fact base's name).

    **Not reported**: ordinary words (house style across independent drafts is the business
    of a style rule, not a consistency one); a draft that itself uses both forms (CS101
    reports it); case differences of a trailing ordinary word ("BMW Group"/"BMW group")
    unless inner or all capitals are involved, because independent stories differ there
    by house style far more often than by mistake; one word in capitals beside title case
    ("WHO"/"Who", "AIDS"/"Aids"), often two different words; a minority form the fact base
    settles (an accepted form is right; an avoided form is reported by the facts rules).

    **Scale**: each draft records its names as small tuples (form, counts, one or two
    places: offsets and the sentence text around them) and its line offsets; the corpus
    phase groups them by a letters-only key, so it is linear in the number of drafts.
    """

    code = "CS110"
    name = "term-forms-across-drafts"
    category = "consistency"
    severity = Severity.WARNING
    # A single draft cannot show a difference between drafts: the flagged examples are
    # ``examples_corpus``; a single draft, whatever it says, is never flagged.
    examples_bad = ()
    examples_good = ("The phone runs HarmonyOS Next, and HarmonyOS Next apps are on sale.\n",)
    examples_corpus: ClassVar[Sequence[Mapping[str, str]]] = (
        {
            "a.md": "Huawei ships HarmonyOS NEXT this spring.\n",
            "b.md": "Carmakers adopt HarmonyOS NEXT for their apps.\n",
            "c.md": "Drivers will see HarmonyOS Next in new cars.\n",
        },
        {
            "a.md": "Shares in Time Warner rose on Monday.\n",
            "b.md": "Analysts expect TimeWarner to cut jobs.\n",
            "c.md": "The board of Time Warner met on Friday.\n",
        },
    )

    def record(self, doc: Document) -> _NameRecords | None:
        ws = _words(doc)
        occs_of, forms_of = _name_forms(ws)
        for forms in forms_of.values():
            groups = {f: g if isinstance(g := occs_of[f], list) else [g] for f in forms}
            merged = _merge_initial_capitals(groups, _INITIAL_OF, _AT_OF)
            for f in forms:
                if f in merged:
                    occs_of[f] = merged[f]
                else:
                    del occs_of[f]  # merged into the form in lower case
        out = tuple(rec for form, occs in occs_of.items() if (rec := _name_record(ws, form, occs)) is not None)
        if not out:
            return None
        return _NameRecords((0, *(m.end() for m in _NEWLINE.finditer(doc.text))), out)

    def check_corpus(self, records: Sequence[tuple[str, Any]]) -> Iterable[Finding]:
        # Group the drafts' names by key, for the keys that can be voted for in two forms: in
        # two drafts or more, and written in two forms or more (most names are written one way
        # everywhere: "BBC").
        forms = Counter(key for key, _ in {(r.key, r.form) for _, recs in records for r in recs.forms})
        in_drafts = Counter(chain.from_iterable({r.key for r in recs.forms} for _, recs in records))
        shared = {key for key, n in in_drafts.items() if n > 1 and forms[key] > 1}
        by_key: dict[str, dict[str, list[_FormRecord]]] = {}  # key -> path -> its forms there
        lines_of: dict[str, tuple[int, ...]] = {}
        order = {path: i for i, (path, _) in enumerate(records)}
        for path, recs in records:
            lines_of[path] = recs.lines
            for r in recs.forms:
                if r.key in shared:
                    by_key.setdefault(r.key, {}).setdefault(path, []).append(r)
        facts = self.context.facts
        found: list[tuple[str, Span, str, Related, str, bool]] = []
        accepted: set[frozenset[str]] = set()
        groups = []
        for per_path in by_key.values():
            votes_by_form: dict[str, list[tuple[str, _FormRecord]]] = {}
            for path, recs in per_path.items():
                best = max(recs, key=_VOTE)
                votes_by_form.setdefault(best.form, []).append((path, best))
            if len(votes_by_form) > 1:
                named = {path: [r.form for r in recs] for path, recs in per_path.items()}
                groups.append((max(len(f.split()) for f in votes_by_form), named, votes_by_form))
        # Shortest names first: a longer n-gram is not reported when a shorter one inside it
        # carries the same difference ("Vice President" inside "Vice President Dick").
        groups.sort(key=lambda g: g[0])
        for _, names_in, votes in groups:
            merged: dict[str, FormInfo] = {}
            for form, drafts in votes.items():
                info = FormInfo(form)
                for _, r in drafts:
                    info.merge(r.info())
                merged[form] = info
            # A tie goes to the earlier draft in the engine's order (context drafts first).
            ranked = sorted(votes, key=lambda f: (-len(votes[f]), order[votes[f][0][0]]))
            top = ranked[0]
            for other in ranked[1:]:
                v = compare_forms(merged[top], merged[other], across=True)
                if v is None or not _corpus_worthy(top, other, v):
                    continue
                if any(frozenset(pair) in accepted for pair in _sub_pairs(top, other)):
                    continue
                accepted.add(frozenset((top, other)))
                major, minor = top, other
                if len(votes[other]) == len(votes[top]) and order[votes[other][0][0]] < order[votes[top][0][0]]:
                    major, minor = other, top
                if known_to_facts(facts, minor, major):
                    continue
                ref_path, ref = votes[major][0]
                ref_place = _record_place(ref, v)
                if ref_place is None:
                    continue
                ref_span = _span(lines_of[ref_path], ref_place)
                n_major = len(votes[major])
                related = Related(ref_path, ref_span.line, f"written '{major}'")
                for path, r in votes[minor]:
                    if major in names_in[path]:
                        continue  # the draft uses both: CS101 reports it
                    place = _record_place(r, v)
                    if place is None:
                        continue
                    others = "another draft" if n_major == 1 else f"{n_major} other drafts"
                    msg = f"'{minor}' is written '{major}' in {others} ({Path(ref_path).name}:{ref_span.line})"
                    found.append((path, _span(lines_of[path], place), msg, related, place.context, v.weak))
        for path, span, msg, related, context, _ in _one_per_place(found, lambda f: (f[0], f[1].start, f[1].end, f[5])):
            yield self.finding_at(path, span, msg, related=[related], context=context)


_VOTE = attrgetter("vote")
_NO_CONTEXTS = (_NO_CONTEXT,)
_AT_OF = itemgetter(0)
_INITIAL_OF = itemgetter(2)


def _name_record(ws: _Words, form: str, occs: _NameOcc | list[_NameOcc]) -> _FormRecord | None:
    """The record of a name form written at ``occs``: what :class:`FormInfo` sums over them,
    and the places of the first occurrence and of the first usable as case evidence. None
    when no occurrence is case evidence (FormInfo.proper: every occurrence is a name). A name
    form always holds a capital (FormInfo.lower)."""
    if not isinstance(occs, list):  # written once
        if not occs[3]:
            return None
        one = _NO_CONTEXTS if occs[6] is _NO_CONTEXT else (occs[6],)
        return _FormRecord(
            _key(form), form, 1, 1, int(not occs[2]), occs[4], frozenset((occs[5],)), one, (_place(ws, occs),)
        )
    first = occs[0]
    case = [o for o in occs if o[3]]
    if not case:
        return None
    contexts: set[tuple[str, str]] = set()
    for o in occs:
        if len(contexts) < _MAX_CONTEXTS:
            contexts.add(o[6])
    places = [_place(ws, first)]
    if not (first[3] and not first[2]):
        pick = next((o for o in case if not o[2]), None) or case[0]
        if pick is not first:
            places.append(_place(ws, pick))
    return _FormRecord(
        _key(form),
        form,
        len(occs),
        len(case),
        sum(1 for o in case if not o[2]),
        any(o[4] for o in case),
        frozenset(o[5] for o in occs),
        tuple(contexts),
        tuple(places),
    )


def _place(ws: _Words, occ: _NameOcc, width: int = 30) -> _Place:
    """Where a name occurrence is, with a context: the sentence's text up to ``width``
    characters either side of it, without a word cut at either end, in single spaces."""
    at, size, r = occ[0], occ[1], occ[7]
    starts = ws.starts.get(r)
    if starts is None:
        ws.start_of(at, r)
        starts = ws.starts[r]
    first = ws.run_first[r]
    start = starts[at - first]
    last = at + size - 1
    end = starts[last - first] + len(ws.words[last].text)
    sentence = ws.run_sentence[r]
    lo, hi = ws.sentence_start[sentence], ws.sentence_end[sentence]
    a, b = max(lo, start - width), min(hi, end + width)
    if a > lo:  # a word cut at the left: drop it
        space = ws.prose.find(" ", a, start)
        a = space + 1 if space >= 0 else start
    if b < hi:
        space = ws.prose.rfind(" ", end, b)
        b = space if space >= 0 else end
    return _Place(start, end, " ".join(ws.prose[a:b].split()), bool(occ[2]), bool(occ[3]))


def _span(lines: Sequence[int], place: _Place) -> Span:
    """The span of ``place`` in a draft whose lines start at ``lines``."""
    line = bisect_right(lines, place.start)
    end_line = bisect_right(lines, place.end)
    return Span(
        place.start, place.end, line, place.start - lines[line - 1] + 1, end_line, place.end - lines[end_line - 1] + 1
    )


def _record_place(r: _FormRecord, v: Variance) -> _Place | None:
    if v.kind != "case":
        return r.places[0]
    for p in r.places:
        if p.case_ok and not (v.case_initial_only and p.initial):
            return p
    return None


def _corpus_worthy(a: str, b: str, v: Variance) -> bool:
    """Across independent drafts only names count, and a case difference only when inner or
    all capitals are involved (brand styling: "HarmonyOS Next"/"HarmonyOS NEXT"); title case
    against lower case ("BMW Group"/"BMW group") is house style, and one word in capitals
    against title case ("WHO"/"Who") is more often two different words."""
    if not v.name or v.weak:
        return False
    if v.kind != "case":
        return True
    for x, y in zip(a.replace("-", " ").split(), b.replace("-", " ").split(), strict=False):
        if x == y:
            continue
        if not (_is_mixed(x) or _is_mixed(y) or _is_all_caps(x) or _is_all_caps(y)):
            return False
    return True
