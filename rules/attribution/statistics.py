"""AT102 ``unsourced-statistic``: a figure asserted as a finding with no source."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from lint.document import Block, Document
from lint.model import Finding, Severity
from lint.rule import Rule
from rules.attribution.context import (
    _lead_in_sourced,
    _previous_body_block,
    _SourcedChain,
    _SourceNames,
    _StatContext,
    continues,
)
from rules.attribution.cues import _DATELINE, _Figure

_STORY_BEFORE = 3
"""How many paragraphs before a figure's paragraph :func:`continues` reads."""


def _story_before(doc: Document, block: Block) -> list[Block]:
    """Up to _STORY_BEFORE body paragraphs right before ``block``, nearest first, stopping
    at a heading."""
    out: list[Block] = []
    for b in reversed(doc.blocks[: block.index]):
        if b.kind == "heading" or len(out) == _STORY_BEFORE:
            break
        out.append(b)
    return out


def _unit_of(fig: _Figure) -> str:
    """What a figure measures in: a currency, "%", a counted noun, or its kind."""
    a = fig.amount
    return "words" if a is None else a.unit or a.kind


class UnsourcedStatistic(Rule):
    """Flags a figure stated as a finding with nothing saying where it comes from.

    **What it finds**: a sentence that asserts a percentage, a money amount, a large or scaled
    count ("464,000 subscribers", "3 million cars"), a change ("doubled", "tripled"), a rank
    ("the third-largest", "ranked 5th"), a ratio ("one in four") or a share in words
    ("nearly a quarter of its users"), when neither the sentence nor its paragraph names a
    source: no "according to", no "said"/"told" with a subject, no
    "figures from", "data show", "a survey by", "its annual report", no organisation that
    reported, posted or estimated it in the same sentence, no agency credit such as
    "(Reuters)", no link, and no source listed in the fact base. Years, dates, times, ages,
    model names, small counts, compound modifiers ("a 3,000-word essay") and numbers inside
    quotations (the speaker is their source) are not statistics. Headings are skipped;
    sentences with a vague attribution ("reportedly") are left to AT103.

    **Why**: an unsourced number cannot be checked, and numbers are what readers quote back.
    Editors ask "says who?" of every figure.

    **Example**: `In 2024, global sales fell by 4%.` in a paragraph that credits nobody.

    **Fix**: credit the figure where it stands (`..., the company said in its annual report`,
    `according to the statistics office`) or link to the source. When the fact base knows the
    figure and its source, the message names it.
    """

    code = "AT102"
    name = "unsourced-statistic"
    category = "attribution"
    severity = Severity.WARNING
    examples_bad = (
        "The market is cooling fast. Sales of new vans fell 13% last year, and prices slipped further.\n",
        "Profit at the group plunged by 37% to €2.1bn. The slump came as demand weakened.\n",
    )
    examples_good = (
        "Sales of new vans fell 13% last year, according to the industry association.\n",
        "The carmaker said demand was weak. Sales of new vans fell 13% last year.\n",
        "The plant opened in 2019 and its founder, aged 67, still runs it.\n",
        '"Sales fell 13% and we expect worse," said Jo Bloggs, the finance chief.\n',
        "She hosts the late show 100% Vinyl, which draws a young crowd every Friday.\n",
    )
    example_facts = """
        version: 1
        figures:
          - name: van sales change 2024
            keywords: [van sales]
            value: 13
            unit: "%"
            source: Van Makers Association
        sources: [Van Makers Association]
        """

    def __init__(self, context: Any = None) -> None:
        super().__init__(context)
        self._source_names: _SourceNames | None | bool = False

    def _sources(self) -> _SourceNames | None:
        if self._source_names is False:
            facts = self.context.facts
            names: set[str] = set()
            if facts is not None:
                for s in getattr(facts, "sources", ()) or ():
                    names.add(s)
                    ent = facts.entity_for(s) if hasattr(facts, "entity_for") else None
                    if ent is not None:
                        names.update(ent.forms)
                for fig in getattr(facts, "figures", ()) or ():
                    if getattr(fig, "source", None):
                        names.add(fig.source)
            names = {n for n in names if n.strip()}
            self._source_names = _SourceNames.build(names) if names else None
        return self._source_names  # type: ignore[return-value]

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        if _DATELINE.search(prose):
            return  # agency copy: the agency is the source of the story
        ctx = _StatContext(doc, self._sources())
        blocks = doc.blocks
        first_body = next((b.index for b in blocks if b.kind != "heading"), -1)
        for block in blocks:
            if block.kind == "heading":
                continue
            sents = doc.block_sentences(block)
            chain = _SourcedChain(prose, sents, ctx)
            for k, sent in enumerate(sents):
                figs = ctx.figures(sent)
                if not figs:
                    continue
                if prose[sent.start : sent.end].rstrip(' "”’)').endswith("?"):
                    continue
                if chain.sourced(k) or ctx.paragraph_sourced(block):
                    # "Acme forecasts 2% growth. It also expects rates to fall to 4%."
                    ctx.with_sourced_figures.add(block.index)
                    continue
                if block.kind == "list_item" and _lead_in_sourced(doc, block, ctx.paragraph_sourced):
                    continue
                if ctx.entity_credited(sent, figs[0].start):
                    continue
                prev = _previous_body_block(doc, block)
                if (
                    prev is not None
                    and (prev.index in ctx.with_sourced_figures or ctx.names_data_source(prev))
                    and self._goes_on(doc, ctx, block, figs)
                ):
                    # the figures go on from a paragraph that named their source
                    ctx.with_sourced_figures.add(block.index)
                    continue
                if block.index == first_body and ctx.body_credits(block):
                    continue  # a lede summarises; its sources follow in the next paragraphs
                yield self._finding(doc, figs)

    @staticmethod
    def _goes_on(doc: Document, ctx: _StatContext, block: Block, figs: Sequence[_Figure]) -> bool:
        """The paragraph goes on from the story before it (see :func:`continues`), or gives
        figures of a kind the paragraph before it gave ("fell 9%" after "dropped 12.5%")."""
        before = _story_before(doc, block)
        if continues(doc.prose, block, before):
            return True
        earlier = (
            {_unit_of(f) for sent in doc.block_sentences(before[0]) for f in ctx.figures(sent)} if before else set()
        )
        return any(_unit_of(f) in earlier for f in figs)

    def _finding(self, doc: Document, figs: Sequence[_Figure]) -> Finding:
        raws = []
        for f in figs:
            r = " ".join(f.raw.split())
            if r not in raws:
                raws.append(r)
        shown = ", ".join(f"'{r}'" for r in raws[:3]) + (", ..." if len(raws) > 3 else "")
        noun = "figure" if len(raws) == 1 else "figures"
        message = f"unsourced {noun} {shown}: no source named in the sentence or its paragraph"
        hint = self._fact_source(figs)
        if hint:
            message += f" (the fact base credits {hint})"
        return self.finding(doc, figs[0].start, figs[-1].end, message)

    def _fact_source(self, figs: Sequence[_Figure]) -> str | None:
        facts = self.context.facts
        if facts is None:
            return None
        for f in figs:
            a = f.amount
            if a is None:
                continue
            for fig in getattr(facts, "figures", ()) or ():
                source = getattr(fig, "source", None)
                if not source or (fig.unit or "") != (a.unit or ""):
                    continue
                if fig.matches(a.value, a.step):
                    where = getattr(fig, "where", "")
                    return f"{source} ({where})" if where else source
        return None
