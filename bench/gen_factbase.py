"""Write a large, deterministic fact base for measuring the facts rules on a corpus.

Most entries are invented (names built from syllables with a fixed seed), so that the fact
base is big, like a newsroom's, without being tuned to any corpus. A few dozen real
entries of 2004-2005 (the time of the BBC news corpus) are added, so that some rules do
meet their entities in real copy: people and titles as they were then, brand spellings,
two figures, two events, and claims. No entry is derived from the corpus text.

Usage::

    .venv/bin/python bench/gen_factbase.py --out /tmp/gen_facts.yaml [--entities 300] [--seed 7]
    .venv/bin/python bench/gen_factbase.py --out /tmp/gen_facts.yaml --measure ../shared/corpus/bbc

``--measure`` runs the facts rules (in this process, one core) over every ``*.txt`` under the
folder, byte-identical files counted once, and prints time, MB/s and every finding.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

SYLLABLES = "ka lo ven tra mir sol dan rek vi nor ast bel quo zan fir tel oru mek sa lin dov ar".split()
ORG_SUFFIX = ["Holdings", "Industries", "Systems", "Motors", "Bank", "Group", "Labs", "Airways", "Energy", "Media"]
PRODUCT_SUFFIX = ["OS", "Pad", "Link", "One", "Drive", "Cloud", "Play", "Max"]
TITLES = ["chief executive", "chairman", "president", "managing director", "chief financial officer"]

REAL = """\
  # -- real entries, as they stood in 2004-2005 ------------------------------------------
  - name: Microsoft
    type: organization
    aliases: [Microsoft Corp, Microsoft Corporation]
    avoid: [Micro soft, Mircosoft]
  - name: Bill Gates
    type: person
  - name: Steve Ballmer
    type: person
  - name: Apple
    type: organization
    aliases: [Apple Computer]
  - name: Steve Jobs
    type: person
  - name: Google
    type: organization
    avoid: [Goggle]
  - name: Tony Blair
    type: person
  - name: Gordon Brown
    type: person
  - name: United Kingdom
    type: place
    aliases: [UK, Britain, Great Britain]
  - name: PlayStation
    type: product
    aliases: [PlayStation 2, PlayStation Portable, PS2, PSP]
    avoid: [Playstation, Play Station, Play-Station]
  - name: iPod
    type: product
    avoid: [IPod, I-Pod, Ipod]
  - name: eBay
    type: organization
    avoid: [Ebay, E-bay, E-Bay]
  - name: Xbox
    type: product
    aliases: [Xbox Live, Xbox 360]
    avoid: [X-box, XBox, X-Box]
  - name: BlackBerry
    type: product
    avoid: [Blackberry, Black Berry]
  - name: Wal-Mart
    type: organization
    avoid: [Walmart, Wal Mart]
  - name: Liberal Democrats
    type: organization
    aliases: [Lib Dems, Liberal Democrat]
  - name: Charles Kennedy
    type: person
  - name: Bank of England
    type: organization
    aliases: [the Bank]
  - name: Mervyn King
    type: person
  - name: Federal Reserve
    type: organization
    aliases: [US Federal Reserve, the Fed, Fed]
  - name: Alan Greenspan
    type: person
  - name: Sony
    type: organization
    aliases: [Sony Corp, Sony Corporation]
  - name: Nobuyuki Idei
    type: person
  - name: Howard Stringer
    type: person
    aliases: [Sir Howard Stringer]
  - name: WorldCom
    type: organization
    aliases: [MCI WorldCom]
  - name: Bernard Ebbers
    type: person
    aliases: [Bernie Ebbers]
"""

REAL_ROLES = """\
  - person: Steve Ballmer
    title: chief executive
    org: Microsoft
    since: 2000-01-13
  - person: Bill Gates
    title: chairman and chief software architect
    title_aliases: [founder, co-founder]
    org: Microsoft
    since: 2000-01-13
  - person: Steve Jobs
    title: chief executive
    title_aliases: [co-founder, founder]
    org: Apple
    since: 2000-01-05
  - person: Tony Blair
    title: Prime Minister
    org: United Kingdom
    since: 1997-05-02
  - person: Charles Kennedy
    title: leader
    org: Liberal Democrats
    since: 1999-08-09
  - person: Mervyn King
    title: Governor
    org: Bank of England
    since: 2003-07-01
  - person: Alan Greenspan
    title: chairman
    org: Federal Reserve
    since: 1987-08-11
  - person: Nobuyuki Idei
    title: chairman and chief executive
    org: Sony
    since: 2000-06-01
    until: 2005-06-21
  - person: Howard Stringer
    title: chairman and chief executive
    org: Sony
    since: 2005-06-22
  - person: Bernard Ebbers
    title: chief executive
    title_aliases: [founder, co-founder]
    org: WorldCom
    since: 1985-04-01
    until: 2002-04-30
  - person: Gordon Brown
    title: Chancellor of the Exchequer
    title_aliases: [Chancellor]
    org: United Kingdom
    since: 1997-05-02
"""

REAL_FIGURES = """\
  - name: Microsoft revenue in fiscal 2004
    entity: Microsoft
    keywords: [annual revenue, annual sales]
    value: 36.84 billion
    unit: USD
    tolerance: 1%
    source: Microsoft annual report 2004
    year: 2004
  - name: Google revenue in 2004
    entity: Google
    keywords: [revenue, revenues]
    value: 3.19 billion
    unit: USD
    tolerance: 1%
    source: Google 10-K 2004
"""

REAL_EVENTS = """\
  - name: Google stock market flotation
    date: 2004-08-19
    keywords: [flotation, floated, IPO, initial public offering]
    entities: [Google]
  - name: UK general election 2005
    date: 2005-05-05
    keywords: [general election]
    entities: [United Kingdom]
"""

REAL_CLAIMS = """\
  - pattern: '\\bApple\\b[^.]*\\b(?:bought|acquired|took over)\\s+Microsoft\\b'
    message: Apple has never bought Microsoft
  - pattern: '\\biPod\\b[^.]*\\bmade by (?:Microsoft|Sony)\\b'
    message: the iPod is made by Apple
"""


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def _misspell(rng: random.Random, word: str) -> str:
    """A spelling variant: double a consonant or swap two inner letters (never the word itself)."""
    while True:
        i = rng.randrange(1, max(2, len(word) - 1))
        if word[i] not in "aeiou":
            variant = word[: i + 1] + word[i] + word[i + 1 :]
        else:
            j = min(i + 1, len(word) - 1)
            variant = word[:i] + word[j] + word[i] + word[j + 1 :]
        if variant.lower() != word.lower():
            return variant


def generate(n_entities: int = 300, seed: int = 7) -> str:
    rng = random.Random(seed)
    used: set[str] = set()

    def fresh(make: object) -> str:
        while True:
            name = make()  # type: ignore[operator]
            if name.lower() not in used:
                used.add(name.lower())
                return name

    n_org = n_entities // 4
    n_person = n_entities // 2
    n_product = n_entities - n_org - n_person
    orgs = [f"{fresh(lambda: _word(rng, 2))} {rng.choice(ORG_SUFFIX)}" for _ in range(n_org)]
    people = [fresh(lambda: f"{_word(rng, 2)} {_word(rng, 3)}") for _ in range(n_person)]
    products = [f"{fresh(lambda: _word(rng, 2))} {rng.choice(PRODUCT_SUFFIX)}" for _ in range(n_product)]

    out = ["# Generated by bench/gen_factbase.py: invented entries plus a few real ones of 2004-2005.", "version: 1"]
    out.append("entities:")
    for org in orgs:
        head = org.split()[0]
        variant = fresh(lambda head=head: _misspell(rng, head))
        out += [
            f"  - name: {org}",
            "    type: organization",
            f"    aliases: [{head}]",
            f"    avoid: [{variant} {org.split()[1]}]",
        ]
    for person in people:
        out += [f"  - name: {person}", "    type: person"]
    for product in products:
        head, tail = product.split()
        out += [
            f"  - name: {product}",
            "    type: product",
            f"    avoid: ['{head}-{tail}', '{fresh(lambda head=head: _misspell(rng, head))} {tail}']",
        ]
    out.append(REAL.rstrip())
    out.append("roles:")
    for i, person in enumerate(people):
        org = orgs[i % len(orgs)]
        title = TITLES[(i // len(orgs)) % len(TITLES)]
        since = f"{2015 + i % 9}-{1 + i % 12:02d}-01"
        out += [f"  - person: {person}", f"    title: {title}", f"    org: {org}", f"    since: {since}"]
    out.append(REAL_ROLES.rstrip())
    out.append("figures:")
    for i, org in enumerate(orgs):
        year = 2015 + i % 9
        value = round(rng.uniform(1, 900), 2)
        out += [
            f"  - name: {org} revenue in {year}",
            f"    entity: {org}",
            "    keywords: [revenue, sales]",
            f"    value: {value} billion",
            f"    unit: {rng.choice(['USD', 'EUR', 'GBP'])}",
            f"    source: {org} annual report {year}",
        ]
    out.append(REAL_FIGURES.rstrip())
    out.append("events:")
    for i, product in enumerate(products):
        org = orgs[i % len(orgs)]
        out += [
            f"  - name: {product} launch",
            f"    date: {2016 + i % 8}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "    keywords: [launched, unveiled]",
            f"    entities: [{org}]",
        ]
    out.append(REAL_EVENTS.rstrip())
    out.append("claims:")
    for product in products[:20]:
        head = product.split()[0]
        out += [f"  - pattern: '\\b{head}\\b[^.]*\\bdiscontinued\\b'", f"    message: {product} is still on sale"]
    out.append(REAL_CLAIMS.rstrip())
    out.append("sources: [Reuters, Associated Press, AFP, Bloomberg, BBC]")
    return "\n".join(out) + "\n"


def measure(facts_path: Path, corpus: Path) -> int:
    from lint.document import Document
    from lint.facts import load_factbase
    from lint.rule import RunContext
    from rules.facts import FACT_RULES

    t0 = time.perf_counter()
    facts = load_factbase([facts_path])
    facts.find_entities("warm up")
    load_s = time.perf_counter() - t0
    seen: set[str] = set()
    docs: list[tuple[str, str]] = []
    for p in sorted(corpus.rglob("*.txt")):
        data = p.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        docs.append((str(p), data.decode("utf-8", errors="replace")))
    total = sum(len(t.encode("utf-8")) for _, t in docs)
    ctx = RunContext(facts=facts)
    rules = [r(ctx) for r in FACT_RULES]
    parse_s = check_s = cpu_s = 0.0
    findings = []
    for path, text in docs:
        t1 = time.perf_counter()
        doc = Document.from_text(path, text)
        doc.sentences  # noqa: B018 - parse outside the rules' timing
        t2 = time.perf_counter()
        c2 = time.process_time()
        for r in rules:
            findings.extend(r.check(doc))
        t3 = time.perf_counter()
        cpu_s += time.process_time() - c2
        parse_s += t2 - t1
        check_s += t3 - t2
    mb = total / 1e6
    n = (len(facts.entities), len(facts.roles), len(facts.figures))
    print(f"fact base: {n[0]} entities, {n[1]} roles, {n[2]} figures, ", end="")
    print(f"{len(facts.events)} events, {len(facts.claims)} claims; loaded in {load_s:.2f}s")
    print(f"corpus: {len(docs)} unique drafts, {mb:.2f} MB")
    print(f"document parsing: {parse_s:.2f}s; facts rules: {check_s:.2f}s = {mb / check_s:.2f} MB/s", end="")
    print(f" (CPU {cpu_s:.2f}s = {mb / cpu_s:.2f} MB/s)")
    by_rule: dict[str, int] = {}
    for f in findings:
        by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
    print(f"findings: {len(findings)} {dict(sorted(by_rule.items()))}")
    for f in sorted(findings, key=lambda f: f.sort_key()):
        print(f"  {Path(f.path).parent.name}/{Path(f.path).name}:{f.line}:{f.column}: {f.rule} {f.message}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True, help="where to write the fact base YAML")
    ap.add_argument("--entities", type=int, default=300, help="number of invented entities (default 300)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--measure", type=Path, metavar="CORPUS", help="run the facts rules over CORPUS/**/*.txt")
    args = ap.parse_args(argv)
    args.out.write_text(generate(args.entities, args.seed), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    if args.measure:
        return measure(args.out, args.measure)
    return 0


if __name__ == "__main__":
    sys.exit(main())
