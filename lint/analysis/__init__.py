"""The shared text analysis: what every rule family (built-in or a plugin's) reads.

Each analysis of a document is computed at most once, through :mod:`lint.analysis.memo`, and
shared; results are records and tuples, read-only. Modules (import the one you need; this
package imports none of them, so a rule pays only for what it uses):

* :mod:`~lint.analysis.lexicon`: every shared word list (honorifics, name particles,
  organisation words, legal forms, months and days, verbs of saying).
* :mod:`~lint.analysis.memo`: ``per_document``, ``per_document_and_facts``, ``lazy_pattern``.
* :mod:`~lint.analysis.spans`: ``SpanSet``; quote marks paired into quotations
  (``quotation_groups``, ``quote_spans``).
* :mod:`~lint.analysis.names`: name words and runs in any cased script, ``same_person``,
  ``looks_like_person``, ``org_key``.
* :mod:`~lint.analysis.quotes`: direct speech and its speakers (``find_quotations``),
  speech cues (``find_speech_cues``), quoted titles (``is_title_like``).
* :mod:`~lint.analysis.amounts`, :mod:`~lint.analysis.dates`: numbers with units and kinds,
  calendar dates.
* :mod:`~lint.analysis.titles`, :mod:`~lint.analysis.roles`: job titles and "person holds
  title at organisation" mentions.
* :mod:`~lint.analysis.keywords`: many keyword lists and fact base entities in one pass.

The layer depends on :mod:`lint.document`, :mod:`lint.text`, :mod:`lint.facts` and
:mod:`lint.record` only; it never imports ``rules``.
"""
