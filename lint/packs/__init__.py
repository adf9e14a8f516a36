"""Phrase packs: rules written as YAML data.

A pack is a YAML file with ``version: 1`` and a list of ``rules``. Each entry becomes a
:class:`PhraseRule` subclass. The keys follow Vale's simple rule kinds where they overlap
(``extends: existence | substitution``, ``tokens``, ``swap``, ``ignorecase``, ``nonword``,
``scope``, ``level``), so that Vale styles can be read later::

    version: 1
    rules:
      - code: ST101
        name: cliche
        extends: existence          # existence: flag the phrase; substitution: suggest swap
        category: style
        level: warning              # error | warning | info (Vale's "suggestion" = info)
        message: "'{match}' is a cliche"
        description: What it finds and why (shown by --explain).
        phrases: [at the end of the day]      # literal phrases (white space is flexible)
        tokens: ['game[- ]changer']           # regular-expression fragments, as in Vale
        swap: {utilise: use}                  # substitution: phrase -> replacement
        ignorecase: true
        nonword: false              # true: do not add word boundaries around tokens
        scope: text                 # text | block | heading | paragraph | list | sentence
        whole: false                # true: the match must be the whole block
        quotes: skip                # skip (default) | include: matches inside quotations
        fix: none                   # none | replace (substitution) | remove-block
        fix_safe: true
        examples: {bad: ["..."], good: ["..."]}

``message`` may use ``{match}`` and ``{replacement}`` (Vale's ``%s`` also works).
"""

from __future__ import annotations

from lint.packs.loader import load_pack, pack_rules
from lint.packs.rule import PhraseRule, remove_block_fix

__all__ = ["PhraseRule", "load_pack", "pack_rules", "remove_block_fix"]
