"""Grammar and spelling through LanguageTool (GR101).

The rule is an adapter: the per-draft phase (``record``) cuts each draft into prose paragraphs
with everything needed to map LanguageTool's offsets back to the file; the corpus phase
(``check_corpus``) contacts or starts ONE LanguageTool server for the run, sends the distinct
paragraphs in batches and turns the matches into findings.

Nothing happens unless the run-wide setting ``languagetool`` names a backend:

* ``off`` (default): ``record`` returns None at once, no network, no process;
* ``local``: a LanguageTool already unpacked on this machine, found the way
  language_tool_python finds it (``LTP_JAR_DIR_PATH``, else ``$LTP_PATH`` or
  ``~/.cache/language_tool_python``, folders ``LanguageTool-*``). It is started with Java for
  the run and stopped afterwards. Nothing is ever downloaded;
* ``http://host:port`` (or https): a LanguageTool server, self-hosted or the public API when
  the user names its URL.

The modules that reach LanguageTool (socket, subprocess, urllib, shutil, tempfile) are
imported inside the functions that use them, so loading the family, whose rule is off by
default, loads none of them. Modules: ``paragraphs`` (what a draft records), ``client``
(HTTP and LanguageTool's answers), ``server`` (a local LanguageTool), ``store`` (answers
kept between runs), ``languagetool`` (the rule).
"""

from __future__ import annotations

from lint.hookspecs import HookImpls, hookimpl
from lint.rule import Rule
from rules.grammar.client import Client, Match, Unavailable, Unreachable, check_url, parse_matches
from rules.grammar.languagetool import CONTEXT_RULES, LanguageToolRule, batches, check_batch
from rules.grammar.paragraphs import Paragraph, paragraphs_of
from rules.grammar.server import find_local_languagetool, local_server
from rules.grammar.store import ResultStore


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return [LanguageToolRule]


plugin = HookImpls(lint_article_rules=lint_article_rules)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""

__all__ = [
    "CONTEXT_RULES",
    "Client",
    "LanguageToolRule",
    "Match",
    "Paragraph",
    "ResultStore",
    "Unavailable",
    "Unreachable",
    "batches",
    "check_batch",
    "check_url",
    "find_local_languagetool",
    "lint_article_rules",
    "local_server",
    "paragraphs_of",
    "parse_matches",
    "plugin",
]
