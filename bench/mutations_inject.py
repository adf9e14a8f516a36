"""Drafts and defects for ``bench/mutations.py``: light editing, injection, the fact base.

:class:`Generator` turns real articles (lists of paragraphs, the headline first) into a
:class:`Bench`: defect drafts, fact-base drafts with their fact base, and a control set with
the same light editing and nothing injected. Every injected defect is a :class:`Defect`
naming the text it put in each draft (``needles``); its lines are looked up in the finished
text, so an edit after injection can never leave a recorded line stale. The same seed, split
and articles always give the same bench.
"""

from __future__ import annotations

import datetime as _dt
import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from bench import mutations_data as D
except ImportError:  # run as a script: bench/ is on sys.path
    import mutations_data as D  # type: ignore[no-redef]

Article = tuple[str, list[str]]
MONTHS = "January February March April May June July August September October November December".split()


@dataclass
class Draft:
    """One file of a batch: ``paras[0]`` is the headline; each paragraph is one line."""

    path: str
    paras: list[str]
    source: str = ""
    edits: list[str] = field(default_factory=list)
    batch: int = 0

    @property
    def text(self) -> str:
        return "\n\n".join(self.paras) + "\n"


@dataclass
class Defect:
    """One injected defect: ``needles`` are (path, text) pairs; ``lines`` where each text starts."""

    id: str
    type: str
    subtype: str
    facets: dict[str, str]
    needles: list[tuple[str, str]]
    lines: list[tuple[str, int]] = field(default_factory=list)
    codes: tuple[str, ...] = ()
    clash: str = ""  # groups sharing this text (a quotation) go to different batches


@dataclass
class Bench:
    drafts: list[Draft]
    defects: list[Defect]
    fact_drafts: list[Draft]
    facts: dict[str, list[Any]]
    control: list[Draft]
    true_fact_lines: list[tuple[str, int]]

    def facts_yaml(self) -> str:
        return yaml.safe_dump({"version": 1, **self.facts}, allow_unicode=True, sort_keys=False)


def line_of(text: str, needle: str) -> int:
    """The 1-based line on which ``needle`` starts in ``text`` (ValueError if absent)."""
    pos = text.index(needle)
    return text.count("\n", 0, pos) + 1


def locate(defects: list[Defect], drafts: list[Draft]) -> None:
    """Fill each defect's ``lines`` from where its needles are in the finished drafts."""
    by_path = {d.path: d.text for d in drafts}
    for defect in defects:
        defect.lines = [(p, line_of(by_path[p], n)) for p, n in defect.needles]


_SENTENCE_GAP = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+(?=[A-Z\"“])")


def quiet_spots(paras: list[str], appended: bool) -> list[int]:
    """Where a quotation credited to nobody can go with no speaker nearby: indices ``i`` such
    that no paragraph beside it quotes or cites anyone (before ``paras[i]`` when inserted as a
    paragraph; ``paras[i]`` itself and both neighbours when ``appended`` to it)."""
    cites = [bool(_CITES.search(p)) for p in paras] + [False]
    if appended:
        return [i for i in range(2, len(paras)) if not (cites[i - 1] or cites[i] or cites[i + 1])]
    return [i for i in range(2, len(paras)) if not (cites[i - 1] or cites[i])]


def sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_GAP.split(paragraph) if s]


def possessives(text: str) -> str:
    """House possessives: "Marlow Holdings'", not "Marlow Holdings's"."""
    return re.sub(r"(?<=s)'s\b", "'", text)


def cap(sentence: str) -> str:
    """The sentence with a capital first letter and house possessives."""
    return possessives(sentence[:1].upper() + sentence[1:])


def strip_marks(name: str) -> str:
    """``José Łukasz Søren`` -> ``Jose Lukasz Soren``: the form a keyboard without accents gives."""
    table = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ı": "i", "đ": "d", "Đ": "D"})
    decomposed = unicodedata.normalize("NFKD", name.translate(table))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def change_number(text: str, rng: random.Random) -> str:
    """The first number in ``text``, written the same way, 15% to 50% higher or lower.

    Far beyond any rounding or a fact base's default tolerance (0.5%), so the two values
    really disagree: "£4.2bn" may become "£4.8bn", "37%" "31%".
    """
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if m is None:
        raise ValueError(f"no number in {text!r}")
    raw = m.group(0)
    places = len(raw.split(".")[1]) if "." in raw else 0
    value = float(raw.replace(",", ""))
    new_value = value
    for factor in rng.sample([0.5, 0.7, 0.8, 0.85, 1.15, 1.2, 1.3, 1.5], 8):
        new_value = round(value * factor, places)
        if new_value > 0 and abs(new_value - value) >= 0.1 * value:
            break
    else:
        new_value = value * 2 + 1
    new = f"{new_value:,.{places}f}" if "," in raw else f"{new_value:.{places}f}"
    return text[: m.start()] + new + text[m.end() :]


# a figure of each unit in real copy
REAL_FIGURE = {
    "currency-bn": re.compile(r"(?:US\$|[£$€¥])\d+(?:\.\d+)?bn\b|\b\d+(?:\.\d+)?bn (?:euros|dollars|yen)\b"),
    "currency-m": re.compile(r"(?:[£$€¥])\d+(?:\.\d+)?m\b"),
    "percent": re.compile(r"\b\d+(?:\.\d+)?%"),
    "per-cent": re.compile(r"\b\d+(?:\.\d+)? per ?cent\b"),
    "staff": re.compile(r"\b\d{1,3}(?:,\d{3})*\s+(?:staff|workers|employees|jobs)\b"),
}
_CITES = re.compile(r"[\"“”]|\b(?:said|says|told|added|according to)\b")
REAL_QUOTE = re.compile(r'^"([^"]{20,}?),"\s+(?:said [^".]+|[A-Z][^".]{2,60} said)\.$')
_TWO_WORD_NAME = re.compile(r"(?<![\w-])([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})(?![\w-])")
_NOT_NAMES = set("The But And In On At It He She We They This That Its Mr Mrs Ms Dr St For If As".split())
REWORDS = [
    (r"\bHowever, ", "But "),
    (r"\babout\b", "around"),
    (r"\bthe company\b", "the firm"),
    (r"\balso ", ""),
    (r"\bbegan\b", "started"),
    (r"\bbuy\b", "purchase"),
    (r"\bhelp\b", "assist"),
    (r"\bshowed\b", "revealed"),
]


class Generator:
    """Builds a :class:`Bench` from articles, deterministically from ``seed`` and ``split``."""

    def __init__(self, articles: list[Article], seed: int, split: str = "heldout") -> None:
        self.rng = random.Random(seed)
        self.split = split
        self.articles = [a for a in articles if len(a[1]) >= 5]
        self.rng.shuffle(self.articles)
        self.next = 0
        self.reused = 0
        self.used_names: set[str] = set()
        self.used_orgs: set[str] = set()
        self.pools: dict[str, Any] = {}

    # -- pools and picking -------------------------------------------------------------

    def pool(self, name: str, items: Any) -> list[Any]:
        if name not in self.pools:
            self.pools[name] = D.half(items, self.split)
        return list(self.pools[name])

    def pick(self, name: str, items: Any) -> Any:
        return self.rng.choice(self.pool(name, items))

    def take(self, want: Any = None, tries: int = 60) -> Article:
        """The next unused article (the first of the next ``tries`` that ``want`` accepts)."""
        if self.next >= len(self.articles):  # more drafts in one run than articles: start again
            self.next = 0
            self.reused += 1
        if want is not None:
            for j in range(self.next, min(len(self.articles), self.next + tries)):
                if want(self.articles[j]):
                    self.articles[self.next], self.articles[j] = self.articles[j], self.articles[self.next]
                    break
        art = self.articles[self.next]
        self.next += 1
        return art[0], list(art[1])

    def name(self, cls: str | None = None, unique: bool = True, other: str = "") -> tuple[str, str]:
        """A person's name (not ``other``; new in this bench if ``unique``) and its class."""
        for _ in range(200):
            c = cls or self.rng.choice(sorted(D.NAME_CLASSES))
            firsts, lasts = D.NAME_CLASSES[c]
            full = f"{self.pick('first-' + c, firsts)} {self.pick('last-' + c, lasts)}"
            if full.split()[-1] in other:
                continue
            if not unique:
                return full, c
            if full not in self.used_names:
                self.used_names.add(full)
                return full, c
        raise RuntimeError("name pools exhausted")

    def stem(self) -> str:
        """An organisation stem: one of the named ones, or two parts joined ("Silvermere")."""
        if self.rng.random() < 0.4:
            return str(self.pick("org-stem", D.ORG_STEMS))
        return f"{self.pick('stem-head', D.STEM_HEADS)}{self.pick('stem-tail', D.STEM_TAILS)}"

    def org(self, kind: str = "company", unique: bool = True) -> tuple[str, bool, str]:
        """An organisation of ``kind`` (new in this bench if ``unique``), whether it takes "the", its stem."""
        for _ in range(400):
            stem = self.stem()
            if kind == "company":
                org, the = f"{stem} {self.pick('company', D.COMPANY_SUFFIXES)}", False
            elif kind == "club":
                org, the = f"{stem} {self.pick('club', D.CLUB_SUFFIXES)}", False
            elif kind == "union":
                org, the = self.pick("union", D.UNION_FORMS).format(stem=stem), True
            else:
                org, the = self.pick("bank", D.BANK_FORMS).format(stem=stem), True
            if not unique:
                return org, the, stem
            if org not in self.used_orgs:
                self.used_orgs.add(org)
                return org, the, stem
        raise RuntimeError("organisation pools exhausted")

    def money(self, scale: str) -> str:
        if scale == "bn":
            value = f"{self.rng.randint(1, 40)}.{self.rng.randint(1, 9)}"
        else:
            value = str(self.rng.choice([self.rng.randint(12, 900), self.rng.randint(2, 99)]))
        if self.rng.random() < 0.75:
            return f"{self.rng.choice(D.CURRENCIES)[0]}{value}{scale}"
        return f"{value}{scale} {self.rng.choice(D.CURRENCY_WORDS)[0]}"

    def fill(self, template: str, **extra: str) -> str:
        values = {
            "pct": f"{self.rng.randint(3, 64)}%",
            "pc": f"{self.rng.randint(2, 30)}.{self.rng.randint(1, 9)} per cent",
            "staff": f"{self.rng.choice([self.rng.randint(120, 950), self.rng.randint(1, 40) * 1000]):,} "
            + self.rng.choice(D.STAFF_NOUNS),
            "count": f"{self.rng.randint(12, 900) * 1000:,}",
        }
        if "{money}" in template:
            values["money"] = self.money(extra.get("scale", "bn"))
        values.update(extra)
        return template.format(**values)

    def insert(self, paras: list[str], text: str, where: str = "mid") -> int:
        """Insert ``text`` as a paragraph; returns its index."""
        if where == "top":
            i = 0
        elif where == "head":
            i = 1
        elif where == "end":
            i = len(paras)
        else:
            i = self.rng.randint(2, len(paras) - 1)
        paras.insert(i, text)
        return i

    # -- light editing -----------------------------------------------------------------

    def light_edit(self, paras: list[str], keep: set[str]) -> tuple[list[str], list[str]]:
        """A lightly edited copy: a paragraph dropped, two swapped or a sentence reworded.

        Paragraphs holding any text in ``keep`` are never dropped or reworded.
        """
        out = list(paras)
        log: list[str] = []
        for op in self.rng.sample(["drop", "swap", "reword"], self.rng.choice([1, 2])):
            free = [i for i in range(1, len(out)) if not any(k in out[i] for k in keep)]
            if op == "drop" and len(free) >= 4:
                i = self.rng.choice(free)
                log.append(f"drop:{out[i][:40]}")
                del out[i]
            elif op == "swap" and len(out) >= 4:
                i = self.rng.randint(1, len(out) - 2)
                out[i], out[i + 1] = out[i + 1], out[i]
                log.append(f"swap:{i}")
            elif op == "reword":
                for i in self.rng.sample(free, len(free)):
                    for pattern, repl in self.rng.sample(REWORDS, len(REWORDS)):
                        new = re.sub(pattern, repl, out[i], count=1)
                        if new != out[i]:
                            log.append(f"reword:{i}:{new}")
                            out[i] = new
                            break
                    else:
                        continue
                    break
        return out, log

    def group(
        self, key: str, paras_a: list[str], paras_b: list[str], needles: tuple[str, str], src: str
    ) -> list[Draft]:
        """Drafts a (as injected), b (lightly edited, conflicting) and sometimes c (edited, as a)."""
        a = Draft(f"{key}a.txt", paras_a, src)
        b_paras, b_log = self.light_edit(paras_b, {needles[1]})
        drafts = [a, Draft(f"{key}b.txt", b_paras, src, b_log)]
        if self.rng.random() < 0.5:
            c_paras, c_log = self.light_edit(paras_a, {needles[0]})
            drafts.append(Draft(f"{key}c.txt", c_paras, src, c_log))
        return drafts

    # -- the bench ---------------------------------------------------------------------

    def build(self, n: int) -> Bench:
        drafts: list[Draft] = []
        defects: list[Defect] = []
        makers = [
            ("quote-speaker", list(D.QUOTE_FORMS), self.quote_speaker),
            ("post-holder", list(D.POST_ORDERS), self.post_holder),
            ("figure-changed", list(D.FIGURE_TEMPLATES), self.figure_changed),
            ("speaker-removed", ["standalone", "appended", "real-stripped"], self.speaker_removed),
            ("source-removed", list(D.STATISTICS), self.source_removed),
            ("vague-sourcing", list(D.VAGUE_FORMS), self.vague_sourcing),
            ("name-variant", ["case", "hyphen", "diacritics", "spacing"], self.name_variant),
            ("spelling-mixed", list(D.SPELLING_PAIRS), self.spelling_mixed),
            ("web-clutter", list(D.CLUTTER), self.web_clutter),
        ]
        batches: list[set[str]] = [set()]
        for dtype, subtypes, make in makers:
            for i in range(n):
                key = f"{dtype}/{i:03d}"
                new_drafts, defect = make(key, subtypes[i % len(subtypes)])
                defect.id, defect.type = key, dtype
                if defect.clash:
                    # one batch holds each quotation once, so only its own group can conflict
                    k = next((k for k, used in enumerate(batches) if defect.clash not in used), len(batches))
                    if k == len(batches):
                        batches.append(set())
                    batches[k].add(defect.clash)
                    for d in new_drafts:
                        d.batch = k
                drafts += new_drafts
                defects.append(defect)
        locate(defects, drafts)
        # the fact-base drafts: a separate run, so its articles may be the defect run's again
        self.next = 0
        self.facts: dict[str, list[Any]] = {"entities": [], "roles": [], "figures": [], "events": []}
        self.true_needles: list[tuple[str, str]] = []
        fact_drafts: list[Draft] = []
        fact_defects: list[Defect] = []
        subtypes = list(FACT_SUBTYPES)
        for i in range(n):
            key = f"fact-contradiction/{i:03d}"
            draft, defect = self.fact_contradiction(key, subtypes[i % len(subtypes)])
            defect.id, defect.type = key, "fact-contradiction"
            fact_drafts.append(draft)
            fact_defects.append(defect)
        locate(fact_defects, fact_drafts)
        texts = {d.path: d.text for d in fact_drafts}
        true_lines = [(p, line_of(texts[p], t)) for p, t in self.true_needles]
        # the control set: a run of its own, from the start of the shuffled articles again
        self.next = 0
        control: list[Draft] = []
        for i in range(n):
            path, paras = self.take()
            edited, log = self.light_edit(paras, set())
            control.append(Draft(f"single/{i:03d}.txt", edited, path, log))
            path, paras = self.take()
            control.append(Draft(f"group/{i:03d}a.txt", paras, path))
            for suffix in "bc"[: self.rng.choice([1, 2])]:
                edited, log = self.light_edit(paras, set())
                control.append(Draft(f"group/{i:03d}{suffix}.txt", edited, path, log))
        return Bench(drafts, defects + fact_defects, fact_drafts, self.facts, control, true_lines)

    # -- cross-draft defects -------------------------------------------------------------

    def speaker_role(self) -> str:
        org = self.org("company", unique=False)[0]
        return possessives(self.pick("speaker-role", D.SPEAKER_ROLES).format(org=org))

    def quote_speaker(self, key: str, subtype: str) -> tuple[list[Draft], Defect]:
        src, paras = self.take()
        name_a, cls = self.name(unique=False)
        name_b = self.name(unique=False, other=name_a)[0]
        form = self.pick("quote-form-" + subtype, D.QUOTE_FORMS[subtype])
        q = self.pick("quote", D.QUOTES)
        role = self.speaker_role()
        line_a = form.format(q=q, speaker=name_a, role=role)
        line_b = form.format(q=q, speaker=name_b, role=role)
        pa, pb = list(paras), list(paras)
        i = self.insert(pa, line_a)
        pb.insert(i, line_b)
        drafts = self.group(key, pa, pb, (line_a, line_b), src)
        needles = [(d.path, line_b if d.path.endswith("b.txt") else line_a) for d in drafts]
        defect = Defect("", "", subtype, {"names": cls, "drafts": str(len(drafts))}, needles, clash=q)
        return drafts, defect

    def post_sentence(self, order: str, name: str, title: str, org: str, the: bool, verb: str) -> str:
        """One sentence naming ``name`` as ``title`` of ``org`` in the word order ``order``."""
        return cap(
            D.POST_ORDERS[order].format(
                name=name,
                title=title,
                Title=cap(title),
                the_org=f"the {org}" if the else org,
                Org_attr=org,
                The_org_attr=f"The {org}",
                verb=verb,
            )
        )

    def post_holder(self, key: str, subtype: str) -> tuple[list[Draft], Defect]:
        src, paras = self.take()
        post = self.rng.choice(sorted(D.POSTS))
        org, the, _ = self.org(D.POSTS[post])
        name_a, cls = self.name(unique=False)
        name_b = self.name(unique=False, other=name_a)[0]
        verb = self.pick("post-verb", D.POST_VERBS)
        line_a = self.post_sentence(subtype, name_a, post, org, the, verb)
        line_b = self.post_sentence(subtype, name_b, post, org, the, verb)
        pa, pb = list(paras), list(paras)
        i = self.insert(pa, line_a)
        pb.insert(i, line_b)
        drafts = self.group(key, pa, pb, (line_a, line_b), src)
        needles = [(d.path, line_b if d.path.endswith("b.txt") else line_a) for d in drafts]
        facets = {"names": cls, "post": post, "drafts": str(len(drafts))}
        return drafts, Defect("", "", subtype, facets, needles)

    def figure_changed(self, key: str, subtype: str) -> tuple[list[Draft], Defect]:
        pattern = REAL_FIGURE[subtype]

        def real(article: Article) -> bool:
            return any(pattern.search(s) for p in article[1][1:] for s in sentences(p))

        src, paras = self.take(real if self.rng.random() < 0.7 else None)
        candidates = [(i, s) for i, p in enumerate(paras) if i for s in sentences(p) if pattern.search(s)]
        candidates = [(i, s) for i, s in candidates if sum(p.count(s) for p in paras) == 1]
        pa = list(paras)
        if candidates:
            i, old = self.rng.choice(candidates)
            m = pattern.search(old)
            assert m is not None
            new = old[: m.start()] + change_number(m.group(0), self.rng) + old[m.end() :]
            pb = list(pa)
            pb[i] = pb[i].replace(old, new)
            origin = "real"
        else:
            org = self.org("company")[0]
            template = self.pick("figure-" + subtype, D.FIGURE_TEMPLATES[subtype])
            scale = "m" if subtype == "currency-m" else "bn"
            old = self.fill(template, org=org, scale=scale)
            new = change_number(old, self.rng)  # organisation names hold no digits
            i = self.insert(pa, old)
            pb = list(pa)
            pb[i] = new
            origin = "template"
        drafts = self.group(key, pa, pb, (old, new), src)
        needles = [(d.path, new if d.path.endswith("b.txt") else old) for d in drafts]
        return drafts, Defect("", "", subtype, {"figure": origin, "drafts": str(len(drafts))}, needles)

    # -- single-draft defects ------------------------------------------------------------

    def one(
        self, key: str, paras: list[str], src: str, subtype: str, needle: str, facets: dict[str, str]
    ) -> tuple[list[Draft], Defect]:
        draft = Draft(f"{key}.txt", paras, src)
        return [draft], Defect("", "", subtype, facets, [(draft.path, needle)])

    def speaker_removed(self, key: str, subtype: str) -> tuple[list[Draft], Defect]:
        def real(article: Article) -> bool:
            return any(REAL_QUOTE.match(s) for p in article[1][1:] for s in sentences(p))

        def has_quiet(article: Article) -> bool:
            return bool(quiet_spots(article[1], subtype == "appended"))

        src, paras = self.take(real if subtype == "real-stripped" else has_quiet)
        q = self.pick("quote", D.QUOTES)
        if subtype == "real-stripped":
            for i in range(1, len(paras)):
                for s in sentences(paras[i]):
                    m = REAL_QUOTE.match(s)
                    if m:
                        needle = f'"{m.group(1)}."'
                        paras[i] = paras[i].replace(s, needle, 1)
                        return self.one(key, paras, src, subtype, needle, {"quote": "real"})
            subtype = "standalone"
        needle = f'"{q}."'
        quiet = quiet_spots(paras, subtype == "appended")
        i = self.rng.choice(quiet) if quiet else self.rng.randint(2, len(paras) - 1)
        if subtype == "standalone":
            paras.insert(i, needle)
        else:
            paras[i] = f"{paras[i]} {needle}"
        return self.one(key, paras, src, subtype, needle, {"quote": "ours", "nearby": "quiet" if quiet else "quotes"})

    def source_removed(self, key: str, subtype: str) -> tuple[list[Draft], Defect]:
        src, paras = self.take()
        scale = self.rng.choice(["m", "bn"])
        needle = self.fill(self.pick("stat-" + subtype, D.STATISTICS[subtype]), scale=scale)
        self.insert(paras, needle)
        return self.one(key, paras, src, subtype, needle, {})

    def vague_sourcing(self, key: str, subtype: str) -> tuple[list[Draft], Defect]:
        src, paras = self.take()
        clause = self.pick("clause", D.CLAUSES)
        needle = self.pick("vague-" + subtype, D.VAGUE_FORMS[subtype]).format(
            c=clause, C=clause[0].upper() + clause[1:]
        )
        i = self.rng.randint(2, len(paras) - 1)
        if self.rng.random() < 0.5:
            paras[i] = f"{paras[i]} {needle}"
        else:
            paras.insert(i, needle)
        return self.one(key, paras, src, subtype, needle, {})

    def real_variant(self, paras: list[str], subtype: str) -> str | None:
        """Vary the last use of a two-word name the article itself repeats ("Time Warner");
        returns the sentence now holding the variant, or None if the article has no such name."""
        body = "\n".join(paras[1:])
        counts = Counter(m.group(0) for m in _TWO_WORD_NAME.finditer(body) if m.group(1) not in _NOT_NAMES)
        names = sorted(n for n, k in counts.items() if k >= 2)
        if not names:
            return None
        name = self.rng.choice(names)
        first, second = name.split()
        variant = {"case": f"{first} {second.lower()}", "hyphen": f"{first}-{second}", "spacing": first + second}
        i = max(i for i in range(1, len(paras)) if name in paras[i])
        at = paras[i].rindex(name)
        paras[i] = paras[i][:at] + variant[subtype] + paras[i][at + len(name) :]
        sentence = next(x for x in sentences(paras[i]) if variant[subtype] in x)
        return sentence if "\n\n".join(paras).count(sentence) == 1 else None

    def name_variant(self, key: str, subtype: str) -> tuple[list[Draft], Defect]:
        src, paras = self.take()
        stem = self.stem()
        facets: dict[str, str] = {}
        if subtype != "diacritics" and self.rng.random() < 0.5:
            edited = list(paras)
            needle = self.real_variant(edited, subtype)
            if needle is not None:
                return self.one(key, edited, src, subtype, needle, {"term": "real"})
        if subtype == "diacritics":
            canonical = self.name("diacritics")[0]
            variant = strip_marks(canonical)
            frames = self.pool("person-frames", D.PERSON_SENTENCES)
        else:
            if subtype == "hyphen":
                canonical = f"{stem} {self.pick('hyphen-term', D.HYPHEN_TERMS)}"
                variant = canonical.replace("-", "" if self.rng.random() < 0.5 else " ")
            else:
                term = self.pick("term", D.TERMS)
                canonical = f"{stem}{term}" if self.rng.random() < 0.5 else term
                parts = re.findall(r"[A-Z][a-z]*", canonical)
                if subtype == "case":
                    variant = parts[0] + "".join(p.lower() for p in parts[1:])
                else:
                    variant = " ".join(parts)
            frames = self.pool("term-frames", D.TERM_SENTENCES)
            facets["term"] = "ours"
        s1, s2, s3 = self.rng.sample(frames, 3)
        first, second, odd = s1.format(e=canonical), s2.format(e=canonical), s3.format(e=variant)
        for text in (first, second):
            paras.insert(self.rng.randint(1, len(paras)), text)
        j = max(paras.index(first), paras.index(second)) + 1
        paras.insert(self.rng.randint(j, len(paras)), odd)
        return self.one(key, paras, src, subtype, odd, facets)

    def spelling_mixed(self, key: str, subtype: str) -> tuple[list[Draft], Defect]:
        src, paras = self.take()
        pairs = self.pool("spelling-" + subtype, D.SPELLING_PAIRS[subtype])
        (_, us), (uk, _) = self.rng.sample(pairs, 2)  # a UK spelling of the same kind, elsewhere
        paras.insert(self.rng.randint(1, len(paras)), uk)
        self.insert(paras, us)
        return self.one(key, paras, src, subtype, us, {})

    def web_clutter(self, key: str, subtype: str) -> tuple[list[Draft], Defect]:
        src, paras = self.take()
        form = self.pick("clutter-" + subtype, D.CLUTTER[subtype])
        name = self.name(unique=False)[0]
        name2 = self.name(unique=False, other=name)[0]
        lines = form if isinstance(form, list) else [form]
        block = "\n".join(line.format(name=name, name2=name2) for line in lines)
        self.insert(paras, block, D.CLUTTER_PLACES[subtype])
        draft = Draft(f"{key}.txt", paras, src)
        needles = [(draft.path, line) for line in block.split("\n")]
        return [draft], Defect("", "", subtype, {}, needles)

    # -- fact-base contradictions --------------------------------------------------------

    def fact_contradiction(self, key: str, subtype: str) -> tuple[Draft, Defect]:
        src, paras = self.take()
        path = f"{key}.txt"
        post = self.rng.choice(sorted(D.POSTS))
        kind = D.POSTS[post]
        org, the, stem = self.org(kind)
        # figures, launches and products belong to a company: the post's own, or another
        firm, firm_the, stem = (org, the, stem) if kind == "company" else self.org("company")
        (person, cls), (former, _) = self.name(), self.name()
        product = f"{stem}{self.pick('product', D.PRODUCTS)}"
        while product in self.used_orgs:
            product = f"{self.stem()}{self.pick('product', D.PRODUCTS)}"
        self.used_orgs.add(product)
        self.facts["entities"] += [
            {"name": person, "type": "person"},
            {"name": former, "type": "person"},
            *([{"name": org, "type": "organization"}] + ([{"name": firm, "type": "organization"}] * (firm != org))),
            {"name": product, "type": "product", "avoid": [re.sub(r"(?<=[a-z])(?=[A-Z])", " ", product)]},
        ]
        self.facts["roles"] += [
            {"person": person, "title": post, "org": org, "since": "2020-01-06"},
            {"person": former, "title": post, "org": org, "until": "2019-12-31"},
        ]
        year = 2025
        unit_kind = (
            subtype[len("figure-") :] if subtype.startswith("figure-") else self.rng.choice(sorted(D.FACT_FIGURE_FORMS))
        )
        ref = f"the {firm}" if firm_the else firm
        fig_text, fig_wrong, fig_fact = self.fact_figure(firm, ref, unit_kind, year)
        self.facts["figures"].append(fig_fact)
        day, month = self.rng.randint(3, 22), self.rng.randrange(12)
        ev_name = f"{product} unveiled"
        self.facts["events"].append(
            {"name": ev_name, "date": f"{year}-{month + 1:02d}-{day:02d}", "keywords": ["unveiled"], "entities": [firm]}
        )
        kinds = D.PRODUCT_KINDS
        ev_form = self.pick("event-form", D.EVENT_FORMS)
        date_form = self.pick("date-form", D.DATE_FORMATS)

        def ev_sentence(d: int) -> str:
            weekday = _dt.date(year, month + 1, d).strftime("%A")
            date = date_form.format(d=d, month=MONTHS[month], y=year, weekday=weekday)
            return cap(
                ev_form.format(
                    org=ref, product=product, kind=kinds[day % len(kinds)], city=self.pick("city", D.CITIES), date=date
                )
            )

        verb = self.pick("post-verb", D.POST_VERBS)
        order = self.rng.choice(sorted(D.POST_ORDERS))
        true = {
            "role": self.post_sentence(order, person, post, org, the, verb),
            "figure": fig_text,
            "event": ev_sentence(day),
            "product": f"Customers of {product} will see the change first.",
        }
        facets = {"names": cls}
        if subtype in ("wrong-title", "former-holder"):
            holder, title = (person, D.OTHER_POST[kind]) if subtype == "wrong-title" else (former, post)
            needle = self.post_sentence(order, holder, title, org, the, verb)
            del true["role"]
            facets["order"] = order
        elif subtype == "wrong-title-minister":
            country = self.pick("country", D.COUNTRIES)
            right, wrong = self.rng.sample(D.MINISTRIES, 2)
            minister, facets["names"] = self.name()
            self.facts["entities"].append({"name": minister, "type": "person"})
            self.facts["roles"].append({"person": minister, "title": f"{right} minister", "org": country})
            needle = f"{country}'s {wrong} minister, {minister}, {verb}."
        elif subtype.startswith("figure-"):
            needle = fig_wrong
            del true["figure"]
        elif subtype == "event-date":
            needle = ev_sentence(day + self.rng.choice([-2, 3, 5]))
            del true["event"]
        else:  # avoided-name
            needle = f"Customers of {re.sub(r'(?<=[a-z])(?=[A-Z])', ' ', product)} will see the change first."
            del true["product"]
        for text in [*true.values(), needle]:
            self.insert(paras, text)
        self.true_needles += [(path, t) for t in true.values()]
        draft = Draft(path, paras, src)
        return draft, Defect("", "", subtype, facets, [(path, needle)])

    def fact_figure(self, org: str, ref: str, unit_kind: str, year: int) -> tuple[str, str, dict[str, Any]]:
        """A sentence stating one of ``org``'s figures (naming it ``ref``), the same with another value, the fact."""
        form = self.pick("fact-figure-" + unit_kind, D.FACT_FIGURE_FORMS[unit_kind])
        what = {"currency": "revenue", "percent": "market share", "per-cent": "turnover growth", "staff": "staff"}
        fact: dict[str, Any] = {"name": f"{org} {what[unit_kind]} in {year}", "entity": org}
        if unit_kind == "currency":
            symbol, code = self.rng.choice(D.CURRENCIES)
            value = f"{self.rng.randint(2, 60)}.{self.rng.randint(1, 9)}"
            fact.update(keywords=["revenue"], value=f"{value} billion", unit=code)

            def say(v: str) -> str:
                return form.format(org=ref, y=year, money=f"{symbol}{v}bn")

        elif unit_kind in ("percent", "per-cent"):
            value = str(self.rng.randint(8, 70)) if unit_kind == "percent" else f"{self.rng.randint(2, 25)}.5"
            keyword = "market" if unit_kind == "percent" else "turnover"
            fact.update(keywords=[keyword], value=value, unit="%")

            def say(v: str) -> str:
                return form.format(org=ref, y=year, pct=f"{v}%", pc=f"{v} per cent")

        else:
            value = str(self.rng.randint(2, 90) * 100)
            fact.update(keywords=["employed"], value=value, unit="staff")

            def say(v: str) -> str:
                return form.format(org=ref, y=year, staff=f"{int(v):,} staff")

        return cap(say(value)), cap(say(change_number(value, self.rng))), fact


FACT_SUBTYPES = (
    "wrong-title",
    "wrong-title-minister",
    "former-holder",
    "figure-currency",
    "figure-percent",
    "figure-per-cent",
    "figure-staff",
    "event-date",
    "avoided-name",
)
