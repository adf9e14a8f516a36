"""CS101 ``term-forms``: one name or term written in two forms in one draft."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, combinations, compress, count, islice
from operator import ne
from typing import Any, TypeVar

from lint.analysis.lexicon import HONORIFICS
from lint.document import Document
from lint.model import Edit, Finding, Fix, Related, Severity
from lint.rule import Rule
from rules.consistency.forms import (
    _NO_CONTEXT,
    FormInfo,
    Variance,
    _evidence_count,
    _is_evidence,
    _recase,
    _sub_pairs,
    _times,
    compare_forms,
    known_to_facts,
)
from rules.consistency.words import (
    _CAPISH,
    _EDGE,
    _KEY,
    _MARKED,
    _MAX_N,
    _MIN_KEY,
    _NO_WORD,
    _ONE,
    _after_run,
    _after_word,
    _is_all_caps,
    _is_mixed,
    _is_title,
    _Occ,
    _Words,
    _words,
)

# --------------------------------------------------------------------------------------
# Term occurrences


def _term_groups(doc: Document) -> dict[str, dict[str, list[_Occ]]]:
    """Occurrences by key and form of the draft's one-, two- and three-word n-grams (within
    runs), keeping only keys written in two or more forms that :func:`compare_forms` may
    tell apart (:func:`_reportable`).

    Most n-grams have one form, so the keys written two ways are found from the words'
    facts alone (n-grams whose first or last word is a lower-case function word wherever it
    stands are left out: no key can use them); only the occurrences of those keys are
    then looked at closely."""
    ws = _words(doc)
    words = ws.words
    vocabulary = ws.distinct_words()
    ones = list(compress(vocabulary, map(_ONE, vocabulary)))  # single words that are terms
    one_keys = list(map(_KEY, ones))
    seen: dict[str, int] = dict.fromkeys(one_keys, 1)  # key -> its first longer n-gram (1: a single word)
    # keys written as two single words, one of them marked (two unmarked ones differ in case
    # only, and never in a way compare_forms reports)
    marked = set(map(_KEY, filter(_MARKED, ones)))
    shared = list(compress(ones, map(marked.__contains__, one_keys)))
    multi = {k for k, n in Counter(map(_KEY, shared)).items() if n > 1}  # keys written two ways
    longer: dict[str, list[int]] = {}  # key -> its longer n-grams (4 * first token + words), once seen twice

    def again(key: str, first: int, ref: int, n: int) -> None:
        refs = longer.get(key)
        if refs is None:
            refs = longer[key] = [] if first == 1 else [first]
        refs.append(ref)
        i = ref >> 2
        if first == 1 or first & 3 != n or words[first >> 2 : (first >> 2) + n] != words[i : i + n]:
            multi.add(key)

    setdefault = seen.setdefault
    after = islice(words, 1, None)  # the words after each, without copying the draft's word list
    after2 = chain(islice(words, 2, None), (_NO_WORD,))
    for i, a, b, c in compress(zip(count(), words, after, after2), map(_EDGE, words)):
        if b.edge:
            key = a.key + b.key
            if len(key) >= _MIN_KEY:
                ref = 4 * i + 2
                first = setdefault(key, ref)
                if first != ref:
                    again(key, first, ref, 2)
            if c.edge:  # three words with letters: _MIN_KEY letters or more
                key += c.key
                ref = 4 * i + 3
                first = setdefault(key, ref)
                if first != ref:
                    again(key, first, ref, 3)
        elif b.real and c.edge:
            key = a.key + b.key + c.key
            if len(key) >= _MIN_KEY:
                ref = 4 * i + 3
                first = setdefault(key, ref)
                if first != ref:
                    again(key, first, ref, 3)
    if not multi:
        return {}
    # The forms of each such key: keep the keys whose forms compare_forms may tell apart.
    forms_of: dict[str, set[str]] = defaultdict(set)
    for w in compress(ones, map(multi.__contains__, one_keys)):
        forms_of[w.key].add(w.text)
    refs_of: dict[str, list[int]] = {}
    for key in multi:
        refs = longer.get(key)
        if refs is None:
            first = seen[key]
            refs = [] if first == 1 else [first]
        refs_of[key] = refs
        for ref in refs:
            forms_of[key].add(" ".join(w.text for w in words[ref >> 2 : (ref >> 2) + (ref & 3)]))
    kept = {key for key in multi if any(_reportable(x, y) for x, y in combinations(forms_of[key], 2))}
    if not kept:
        return {}
    singles = set(map(id, compress(ones, map(kept.__contains__, one_keys))))
    candidates = [4 * j + 1 for j in compress(count(), map(singles.__contains__, map(id, words)))] if singles else []
    for key in kept:
        candidates.extend(refs_of[key])
    candidates.sort()
    # Group the occurrences by key and form (refs and sentence starts only), merge the
    # sentence-opening capitals, and look closely at the keys still written two ways.
    by_key: dict[str, dict[str, list[int]]] = {}
    initial: dict[int, bool] = {}
    runs: dict[int, int] = {}
    for ref in candidates:
        i, n = divmod(ref, 4)
        r = ws.run_of(i)
        last = i + n - 1
        if n > 1 and (ws.plain_stop(i, r) or ws.plain_stop(last, r)):
            continue
        mine = words[i : last + 1]
        by_key.setdefault("".join(w.key for w in mine), {}).setdefault(" ".join(w.text for w in mine), []).append(ref)
        initial[ref] = ws.initial(i, r)
        runs[ref] = r
    out: dict[str, dict[str, list[_Occ]]] = {}
    for key, forms in by_key.items():
        if len(forms) > 1:
            forms = _merge_initial_capitals(forms, initial.__getitem__, int)
        if len(forms) > 1:
            out[key] = {
                form: [occ for ref in group if (occ := ws.occurrence(ref // 4, ref % 4, runs[ref])) is not None]
                for form, group in forms.items()
            }
    return out


def _reportable(a: str, b: str) -> bool:
    """Whether :func:`compare_forms` may report forms ``a`` and ``b`` of one key at all: two
    forms that differ only in case never are, unless inner capitals or capitals beside title
    case are involved (one word), or both start with a capital (several words). "The"/"the"
    and "Analysts said"/"analysts said" are never compared."""
    if a.lower() != b.lower() or "." in a or "." in b:
        return True  # separators, diacritics, full stops
    if " " in a or "-" in a:
        return a[:1].isupper() and b[:1].isupper()
    return _is_mixed(a) or _is_mixed(b) or (_is_all_caps(a) and _is_title(b)) or (_is_all_caps(b) and _is_title(a))


_NameOcc = tuple[int, int, bool, bool, bool, str, tuple[str, str], int]
"""A CS110 name occurrence, lean: first token, words, initial, case_ok, first_proper,
next_kind, context (the fields of :class:`_Occ`; proper is always true, stops false), and
the run."""


def _name_forms(ws: _Words) -> tuple[dict[str, _NameOcc | list[_NameOcc]], dict[str, list[str]]]:
    """Every n-gram that CS110 records: its occurrences by form, in document order (a form
    written once: the occurrence alone), and the forms of each key written in two or more
    forms. Such an n-gram has every word capitalised or with inner capitals ("Time Warner",
    "HarmonyOS NEXT", "U.S."), some word a name, no lower-case function word inside. The
    same tests as :meth:`_Words.occurrence`, with each word's facts worked out once per
    stretch of such words."""
    words, run_first = ws.words, ws.run_first
    out: dict[str, _NameOcc | list[_NameOcc]] = {}  # a form seen once: the occurrence alone
    first_form: dict[str, str] = {}  # key -> its first form
    forms_of: dict[str, list[str]] = {}  # key -> its forms, when two or more
    caps = list(compress(count(), map(_CAPISH, words)))
    if not caps:
        return out, forms_of
    after_caps = list(map((1).__add__, caps))
    firsts = [caps[0], *compress(caps[1:], map(ne, caps[1:], after_caps))]
    lasts = [*compress(caps, map(ne, after_caps, caps[1:])), caps[-1]]

    def add(key: str, form: str, occ: _NameOcc) -> None:
        group = out.get(form)
        if group is not None:
            if isinstance(group, list):
                group.append(occ)
            else:
                out[form] = [group, occ]
            return
        out[form] = occ
        other = first_form.setdefault(key, form)
        if other != form:
            forms_of.setdefault(key, [other]).append(form)

    for first, last in zip(firsts, lasts, strict=True):  # stretches of such words (within a run)
        if first == last:  # one word (often a sentence's first): its neighbours are no names
            w = words[first]
            if not (w.one and w.name_mid):
                continue
            r = -1
            initial1 = False
            if not words[first - 1].real or not first:
                r = ws.run_of(first)
                initial1 = ws.run_initial(r)
            elif words[first - 1].text[-1] == ".":
                r = ws.run_of(first)
                initial1 = ws.initial(first, r)
            if initial1 and not w.name_initial:
                continue  # a capital the sentence start explains
            if r < 0:
                r = ws.run_of(first)
            if words[first + 1].real:
                kind, next_name = _after_word(words[first + 1], False)
            else:
                kind, next_name = _after_run(ws, r), ""
            context = ("", next_name) if next_name else _NO_CONTEXT
            add(w.key, w.text, (first, 1, initial1, ws.case_ok(first, r), True, kind, context, r))
            continue
        r = ws.run_of(first)
        rf = run_first[r]
        sentence = ws.run_sentence[r]
        # the stretch and the word either side of it in the run (name contexts)
        lo = first - 1 if first > rf else first
        hi = last + 1 if words[last + 1].real else last
        near = words[lo : hi + 1]
        # only a run's first word, or a word after "U.S.", may open a sentence
        initial = [(j == rf or words[j - 1].text[-1] == ".") and ws.initial(j, r) for j in range(lo, hi + 1)]
        names = [w.name_mid and (w.name_initial or not x) for w, x in zip(near, initial, strict=True)]
        stops = [w.stop and not x for w, x in zip(near, names, strict=True)]
        cases = [ws.case_ok(j, r) for j in range(lo, hi + 1)] if ws.sentence_titled[sentence] else None
        case_ok = bool(ws.sentence_case[sentence])
        # what follows an n-gram ending at each word of the stretch
        afters = [_after_word(near[b + 1], names[b + 1]) for b in range(first - lo, last - lo + (hi > last))]
        if hi == last:
            afters.append((_after_run(ws, r), ""))
        for i in range(first, last + 1):
            wi = words[i]
            if not wi.alpha:
                continue
            a = i - lo
            prev_name = ""
            if a and names[a - 1]:
                prev_name = near[a - 1].fold
                if prev_name.rstrip(".") in HONORIFICS:
                    prev_name = ""  # "Mr Kilroy-Silk" and "Robert Kilroy Silk" are one name
            first_name, stop_first = names[a], stops[a]
            for b in range(a, min(a + _MAX_N, last - lo + 1)):
                if b == a:
                    if not (wi.one and first_name):
                        continue
                    key, form = wi.key, wi.text
                else:
                    wj = near[b]
                    if not wj.alpha or stop_first or stops[b]:
                        continue
                    if b == a + 1:
                        if not (first_name or names[b]):
                            continue
                        key = wi.key + wj.key
                        if len(key) < _MIN_KEY:
                            continue
                        form = f"{wi.text} {wj.text}"
                    else:
                        mid = near[a + 1]
                        if stops[a + 1] or not (first_name or names[a + 1] or names[b]):
                            continue
                        key = wi.key + mid.key + wj.key
                        form = f"{wi.text} {mid.text} {wj.text}"
                kind, next_name = afters[b - first + lo]
                add(
                    key,
                    form,
                    (
                        i,
                        b - a + 1,
                        initial[a],
                        case_ok if cases is None else all(cases[a : b + 1]),
                        first_name,
                        kind,
                        (prev_name, next_name) if prev_name or next_name else _NO_CONTEXT,
                        r,
                    ),
                )
    return out, forms_of


_T = TypeVar("_T")


def _merge_initial_capitals(
    forms: dict[str, list[_T]], initial: Callable[[_T], bool], order: Callable[[_T], int]
) -> dict[str, list[_T]]:
    """ "Healthcare" opening a sentence is the "healthcare" of the rest of the draft.
    ``initial(o)``: the occurrence opens a sentence; ``order(o)``: its place in the draft."""
    merged = dict(forms)
    for form, occs in forms.items():
        lowered = form[:1].lower() + form[1:]
        if lowered != form and lowered in merged and all(map(initial, occs)):
            merged[lowered] = sorted(merged[lowered] + occs, key=order)
            del merged[form]
    return merged


# --------------------------------------------------------------------------------------
# CS101


class TermForms(Rule):
    """One name or term written in two forms in the same draft.

    **What it finds**: a word or a name of up to three words that the draft writes two ways:
    with a hyphen, a space or closed up ("grid-scale"/"grid scale", "e-mail"/"email",
    "TimeWarner"/"Time Warner", "per cent"/"percent"), with and without full stops
    ("U.S."/"US"), with and without diacritics ("Tomás"/"Tomas"), or with a different case
    ("HarmonyOS NEXT"/"HarmonyOS Next", "Atacama Desert"/"Atacama desert"). The less common
    form is reported (on a tie, the one that comes later), naming the other form and its
    line. Of a short and a long report at one place the short one is kept ("Harmony OS",
    not "Harmony OS users"), unless the long one names the thing ("HarmonyOS Next", not
    "Next").

    **Why**: readers take two spellings for two things, and a draft that cannot make up its
    mind about a name looks unedited.

    **Example**: "The grid-scale batteries ... Two grid scale batteries ..." is reported at
    "grid scale": it is written "grid-scale" on line 1.

    **Fix**: pick one form (the fact base, if it names the entity, says which) and use it
    everywhere. The suggested replacement (the majority form) is not applied by ``--fix``.

    **Not reported** (precision first):

    * capitals that sentence position or title case explains: the first word of a sentence,
      headings, all-capital lines, quoted titles;
    * case differences of a single ordinary word ("Apple"/"apple", "May"/"may",
      "Labour"/"labour", "US"/"us"): a one-word case variant must involve inner capitals
      ("HarmonyOS", "iPhone") or all capitals beside title case ("NASA"/"Nasa");
    * case differences of several words unless the first word is a name in both forms and
      the differing word is not a small word ("of", "the"...), and both forms are used the
      same way ("US President George Bush" beside "the US president said" is house style);
    * "a long-term plan" beside "in the long term" or "the fourth quarter rose", "sell-off"
      beside "sell off" (a compound modifier and a phrase; a noun and a phrasal verb); "re-sign" beside "resign";
      "a part"/"apart", "every day"/"everyday" and other open forms with a function word;
    * a name beside the ordinary word ("Co-operation" in an organisation's name beside
      "cooperation"): separator variants are compared between two names or two ordinary
      words only;
    * two names that share words but not their neighbours ("Delta Air Lines"/"American
      Airlines", "Stop Stansted Expansion"/"the Stansted expansion"), or that close up
      into another word ("South West"/"Southwest", "Cast Away"/"Castaway": a closed-up
      name must keep its capitals, as in "TimeWarner");
    * title case in list items and labels ("- Full HarmonyOS Ecosystem");
    * different words that share a prefix ("co-operate" beside "coordinate"): only two
      spellings of one word are compared, never a house rule for a prefix.

    Quotations count: the spelling inside a quotation is the publication's, not the
    speaker's, so "e-mail" in a quote and "email" in the copy are reported.

    With a fact base, a form it settles is left to it: an accepted form (name or alias) is
    not reported, and an avoided form is reported by the facts rules with the right name.
    """

    code = "CS101"
    name = "term-forms"
    category = "consistency"
    severity = Severity.WARNING
    fixable = True
    examples_bad = (
        "Utilities are buying grid-scale batteries this year.\n\n"
        "The cost of grid scale storage has fallen, and grid-scale projects are growing.\n",
        "The phone runs HarmonyOS NEXT. Buyers of the car get HarmonyOS NEXT apps, "
        "and HarmonyOS Next updates arrive monthly.\n",
        "Tomás Ruiz runs the plant. Engineers say Tomas Ruiz expects more orders.\n",
        "The Atacama Desert is dry. Few plants grow in the Atacama desert.\n",
        "Fourth quarter profits rose. A fourth-quarter charge hurt the bank.\n",
    )
    examples_good = (
        "# The Atacama Desert Project\n\nMines in the Atacama desert use little water.\n",
        "The long-term plan is clear. In the long term, costs will fall.\n",
        "Profits in the fourth quarter rose. A fourth-quarter charge hurt the bank.\n",
        "Apple sells phones. She ate an apple at lunch.\n",
        "Investors sell off shares. The sell-off lasted a week.\n",
        "May was warm. Prices may rise.\n",
        "He will resign on Friday. The club wants to re-sign the striker.\n",
        "US President Jo Smith spoke. The US president said little.\n",
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        groups = _term_groups(doc)
        if not groups:
            return
        verdicts: list[tuple[str, str, int, Variance, dict[str, list[_Occ]]]] = []
        for forms in groups.values():
            infos = {}
            for form, occs in forms.items():
                info = FormInfo(form)
                for o in occs:
                    info.add(o)
                infos[form] = info
            ranked = sorted(forms, key=lambda f: (-infos[f].count, forms[f][0].at))
            top = ranked[0]
            for other in ranked[1:]:
                v = compare_forms(infos[top], infos[other])
                if v is None:
                    continue
                if v.uses:  # only the uses both forms have count
                    n_top = sum(_is_evidence(o, v) for o in forms[top])
                    n_other = sum(_is_evidence(o, v) for o in forms[other])
                else:
                    n_top = _evidence_count(infos[top], v)
                    n_other = _evidence_count(infos[other], v)
                if n_top == 0 or n_other == 0:
                    continue
                first_top = next(o for o in forms[top] if _is_evidence(o, v)).at
                first_other = next(o for o in forms[other] if _is_evidence(o, v)).at
                if n_other == n_top and v.uses:
                    # On a tie, the style guides' form wins: hyphenated before a noun ("a
                    # fourth-quarter charge"), open elsewhere ("in the three months to May").
                    first_top, first_other = (0, 1) if ("-" in top) == (v.uses == "attr") else (1, 0)
                if n_other > n_top or (n_other == n_top and first_top > first_other):
                    minor, major, n_major = top, other, n_other
                else:
                    minor, major, n_major = other, top, n_top
                if known_to_facts(self.context.facts, minor, major):
                    continue
                verdicts.append((minor, major, n_major, v, forms))
        # A longer n-gram must not point the other way from a shorter one inside it: "US
        # economy"/"U.S. economy" on a tie, when "U.S." is the minority form on its own.
        directed = {(minor, major) for minor, major, _, v, _ in verdicts if not v.weak}
        ws = _words(doc)
        candidates: list[tuple[_Occ, str, str, int, Related, bool]] = []
        for minor, major, n_major, v, forms in verdicts:
            if any((sub_major, sub_minor) in directed for sub_minor, sub_major in _sub_pairs(minor, major)):
                continue
            ref = next(o for o in forms[major] if _is_evidence(o, v))
            line = doc.position(ws.span(ref.at, ref.size)[0])[0]
            related = Related(doc.path, line, f"written '{major}'")
            for o in forms[minor]:
                if _is_evidence(o, v):
                    candidates.append((o, minor, major, n_major, related, v.weak or bool(o.context[0])))
        settled = _settled_spans(self.context.facts, doc) if candidates else []
        if settled:
            spans = [ws.span(c[0].at, c[0].size) for c in candidates]
            candidates = [
                c
                for c, (cs, ce) in zip(candidates, spans, strict=True)
                if not any(s < ce and cs < e for s, e in settled)
            ]
        # Nesting and order of n-grams are those of their first and last tokens.
        for o, minor, major, n_major, related, _ in _one_per_place(
            candidates, lambda c: (None, c[0].at, c[0].at + c[0].size - 1, c[5])
        ):
            start, end = ws.span(o.at, o.size)
            msg = f"'{minor}' is written '{major}' on line {related.line}"
            if n_major > 1:
                msg += f" ({_times(n_major)} in this draft)"
            fix = None
            if doc.text[start:end] == doc.prose[start:end]:
                repl = _recase(doc.text[start:end], major) if o.initial else major
                fix = Fix((Edit(start, end, repl),), f"write '{major}'", safe=False)
            yield self.finding(doc, start, end, msg, fix=fix, related=[related])


def _settled_spans(facts: Any, doc: Document) -> list[tuple[int, int]]:
    """Places where the fact base settles the form: an avoided form (the facts rules report
    it) or an accepted form written exactly."""
    if facts is None:
        return []
    return [(m.start, m.end) for m in facts.find_entities(doc.prose) if m.kind == "avoid" or m.exact]


def _one_per_place(candidates: list[Any], where: Any) -> list[Any]:
    """One finding per place. ``where(c)`` gives ``(owner, start, end, weak)``. Of two nested
    candidates the inner one is kept ("Harmony OS" rather than "Harmony OS users"), unless
    it is weak ("Next" inside "HarmonyOS Next", or "Way group" that starts inside the name
    "Middle Way group"): then the shortest outer one is."""
    items = sorted(((where(c), c) for c in candidates), key=lambda x: x[0][:3])
    # Per owner, the spans of its strong candidates by start, and the longest of them: the
    # spans nested in or around one candidate are found by binary search, not by a scan of
    # all candidates (which grew with the square of a long draft's findings).
    strong: dict[Any, list[tuple[int, int]]] = defaultdict(list)
    for (owner, s, e, weak), _ in items:
        if not weak:
            strong[owner].append((s, e))
    longest = {owner: max(e - s for s, e in spans) for owner, spans in strong.items()}
    out = []
    seen: set[Any] = set()
    for (owner, s, e, weak), c in items:
        if (owner, s, e) in seen:
            continue
        spans = strong.get(owner, [])
        if any(x1 <= e and (x0, x1) != (s, e) for x0, x1 in _starting_in(spans, s, e)):
            continue  # a strong span inside this one
        if weak and spans:
            around = _starting_in(spans, s - longest[owner], s)
            if any(e <= x1 and (x0, x1) != (s, e) for x0, x1 in around):
                continue  # a weak span inside a strong one
        seen.add((owner, s, e))
        out.append(c)
    return out


def _starting_in(spans: list[tuple[int, int]], lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """The spans of sorted ``spans`` that start in ``[lo, hi]``."""
    i = bisect_left(spans, (lo, -1))
    while i < len(spans) and spans[i][0] <= hi:
        yield spans[i]
        i += 1
