"""FA101 ``avoided-name``: a known-wrong form of a name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from lint.analysis.spans import quote_spans
from lint.document import Document
from lint.model import Edit, Finding, Fix, Related, Severity
from lint.rule import Rule
from rules.facts.common import _block_entities, _finding

if TYPE_CHECKING:
    from lint.facts import FactBase

# ======================================================================================
# FA101


class AvoidedName(Rule):
    """Flags a known-wrong form of a name listed under ``avoid`` in the fact base.

    **What it finds**: any form an entity's ``avoid`` list names, in any case, at word
    boundaries ("Harmony OS", "HarmonyOS Next" when the fact base says ``HarmonyOS NEXT``).
    Accepted forms (the name and its ``aliases``) are never flagged, nor is an accepted form
    written in capitals only (a headline). Code, URLs and front matter are not prose and are
    never searched.

    **Why**: product, company and people's names are the first thing readers and the people
    named notice; a fact sheet lists the forms that keep creeping in.

    **Example**: with ``avoid: [Harmony OS]`` for ``HarmonyOS NEXT``, "runs Harmony OS" is
    flagged: ``'Harmony OS' should be 'HarmonyOS NEXT' (facts.yaml:3)``.

    **Fix**: replacing the form with the canonical name is safe in the running text. Inside a
    quotation the misspelling is still flagged (a quotation's words are the speaker's, its
    spelling is ours), but the fix is marked unsafe so that ``--fix`` leaves quotes alone.
    """

    code = "FA101"
    name = "avoided-name"
    category = "facts"
    severity = Severity.ERROR
    fixable = True
    example_facts: ClassVar[str] = """
        version: 1
        entities:
          - name: HarmonyOS NEXT
            type: product
            aliases: [HarmonyOS]
            avoid: [HarmonyOS Next, Harmony OS]
        """
    examples_bad = (
        "The cars will run Harmony OS in China.\n",
        "Huawei's HarmonyOS Next ships this year.\n",
    )
    examples_good = (
        "The cars will run HarmonyOS NEXT, the successor of HarmonyOS.\n",
        "# HUAWEI BRINGS HARMONYOS NEXT TO BMW\n",
        "See `harmony os` in the code and https://example.com/Harmony-OS for details.\n",
    )

    def check(self, doc: Document) -> Iterable[Finding]:
        facts: FactBase | None = self.context.facts
        if facts is None or not any(e.avoid for e in facts.entities):
            return
        for found in _block_entities(doc, facts):
            for m in found:
                if m.kind != "avoid":
                    continue
                written = doc.text[m.start : m.end]
                ent = m.entity
                replacement = ent.name
                if written.isupper() and not ent.name.isupper() and written not in ent.avoid:
                    replacement = ent.name.upper()
                if written == replacement:
                    continue
                quoted = quote_spans(doc).inside(m.start, m.end)
                fix = Fix(
                    (Edit(m.start, m.end, replacement),),
                    f"replace with '{replacement}'",
                    safe=not quoted,
                )
                yield _finding(
                    self,
                    doc,
                    m.start,
                    m.end,
                    f"'{written}' should be '{replacement}' ({ent.where})",
                    fix=fix,
                    related=(Related(ent.path, ent.line, f"canonical form '{ent.name}'"),),
                )
