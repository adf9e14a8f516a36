"""The rule GR101: paragraphs recorded per draft, sent in batches to one LanguageTool for
the run in the corpus phase, matches turned into findings.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from lint.cache import blake2b
from lint.errors import RuleUnavailable
from lint.model import Edit, Finding, Fix, Severity
from lint.rule import Rule, RunContext
from lint.text import WORD
from rules.grammar.client import Client, Match, Unavailable, is_loopback, parse_matches
from rules.grammar.paragraphs import Paragraph, paragraphs_of
from rules.grammar.server import DEFAULT_START_TIMEOUT, find_local_languagetool, local_server
from rules.grammar.store import ResultStore

if TYPE_CHECKING:
    from lint.document import Document


# LanguageTool rules whose result depends on text around the paragraph (several paragraphs go
# in one request, and results are cached per paragraph) or on whitespace we collapse. They are
# always disabled; users add their own ids through the ``disabled_rules`` option.
CONTEXT_RULES: tuple[str, ...] = (
    "WHITESPACE_RULE",
    "PUNCTUATION_PARAGRAPH_END",
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE",
)
SPELLING_CATEGORIES = frozenset({"TYPOS"})
SEPARATOR = "\n\n"  # between paragraphs of one request: LanguageTool reads a paragraph break
DEFAULT_TIMEOUT = 10.0


_SUGGESTION = re.compile(r"</?suggestion>")
_CLAUSE_END = re.compile(r"[.;]\s|,\s(?:e\.g\.|for example|as in)\b")


# -- the rule ----------------------------------------------------------------------------------
def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _clean_message(m: Match) -> str:
    text = " ".join(_SUGGESTION.sub("'", m.message).split())
    if len(text) > 90:
        if m.short_message.strip():
            text = " ".join(m.short_message.split())
        else:
            cut = _CLAUSE_END.search(text, 20)
            text = text[: cut.start()] if cut else text
    text = text.rstrip(". ")
    if text.endswith(" found"):
        text = text[: -len(" found")]
    if len(text) > 100:
        text = text[:99].rsplit(" ", 1)[0] + "…"
    return text or "Possible problem"


def _quoted(text: str, limit: int = 40) -> str:
    return "'" + (text if len(text) <= limit else text[: limit - 1] + "…") + "'"


def _fact_terms(facts: Any) -> tuple[frozenset[str], frozenset[str]]:
    """Folded names/aliases of the fact base, and the words they are made of."""
    entities = getattr(facts, "entities", None) or ()
    if isinstance(entities, Mapping):
        entities = entities.values()
    names: set[str] = set()
    words: set[str] = set()
    for e in entities:
        forms = [getattr(e, "name", None), *(getattr(e, "aliases", None) or ())]
        for form in forms:
            if isinstance(form, str) and form.strip():
                names.add(" ".join(form.casefold().split()))
                words.update(w.casefold() for w in WORD.findall(form))
    return frozenset(names), frozenset(words)


def _is_known_term(matched: str, names: frozenset[str], words: frozenset[str]) -> bool:
    folded = " ".join(matched.casefold().split())
    if not folded:
        return False
    if folded in names:
        return True
    found = WORD.findall(folded)
    if not found:
        return False
    return all(w in words or re.sub(r"['’]s$", "", w) in words for w in found)


class LanguageToolRule(Rule):
    """Grammar and spelling mistakes found by LanguageTool.

    **What it finds**: what a LanguageTool server reports in the prose of the drafts:
    misspellings, agreement and article errors, confused words. Code, URLs and front matter
    are never sent. Each finding keeps LanguageTool's rule id in the message, for example
    ``Possible spelling mistake: 'recieve' -> 'receive' (LanguageTool MORFOLOGIK_RULE_EN_US)``.

    **Why**: typos and broken grammar are the first thing readers and editors notice, and a
    dictionary-based checker is better at them than phrase rules.

    **How to turn it on**: the rule needs a LanguageTool server and is off until the setting
    ``languagetool`` names one: ``local`` (an unpacked LanguageTool found through
    ``LTP_JAR_DIR_PATH`` or language_tool_python's cache folder, started with Java 17+ for the
    run; nothing is ever downloaded) or ``http://host:port`` (a self-hosted server; the public
    API only if you write its URL). When the server can't be reached the run prints one warning
    and goes on without this rule, unless ``languagetool_required`` is true (then exit 2).
    Names and terms of the fact base are never reported as misspellings. Grammar matches inside
    quoted speech are left alone (spelling is still checked). Options: ``language`` (default
    ``en-US``), ``disabled_rules`` (LanguageTool rule ids to skip), ``disabled_categories``
    (LanguageTool category ids, e.g. ``TYPOGRAPHY``), ``batch_chars`` (characters per request),
    ``parallel_requests`` (requests in flight; default 2 for a server on this machine, else 1).

    **Example**: ``We will recieve the parcel tomorrow.``

    **Fix**: the first suggestion is offered as an unsafe fix (``--unsafe-fixes``): read it
    before applying, LanguageTool does not know your house style. To silence a LanguageTool
    rule for the whole run, add its id to ``disabled_rules``.
    """

    code = "GR101"
    name = "languagetool"
    category = "grammar"
    severity = Severity.WARNING
    fixable = True
    default_options: ClassVar[Mapping[str, Any]] = {
        "language": "en-US",
        "disabled_rules": (),
        "disabled_categories": (),
        "batch_chars": 8000,
        "parallel_requests": None,
    }
    examples_bad = ("We will recieve the parcel tomorrow.\n",)
    examples_good = ("We will receive the parcel tomorrow.\n",)
    examples_need_service = True
    """Examples need a LanguageTool server: the shared examples test only checks they exist."""

    def __init__(self, context: RunContext | None = None) -> None:
        super().__init__(context)
        self._cache: dict[bytes, list[Match]] = {}
        self.requests = 0  # sent in the last check_corpus (for tests and --statistics)

    # -- settings ----------------------------------------------------------------------------
    def backend(self) -> str | None:
        """``local``, a URL, or None when the rule is off."""
        value = self.context.settings.get("languagetool", "off")
        if value is None or value is False:
            return None
        text = str(value).strip()
        if text.lower() in ("", "off", "false", "no", "none"):
            return None
        return text

    def _required(self) -> bool:
        return bool(self.context.settings.get("languagetool_required", False))

    def _seconds(self, key: str, default: float) -> float:
        try:
            value = float(self.context.settings.get(key) or default)
        except (TypeError, ValueError):
            return default
        return value if value > 0 else default

    def disabled_rules(self) -> list[str]:
        out = list(CONTEXT_RULES)
        for rid in _as_list(self.options.get("disabled_rules")):
            if rid not in out:
                out.append(rid)
        return out

    def request_params(self) -> dict[str, str]:
        params = {
            "language": str(self.options.get("language") or "en-US"),
            "disabledRules": ",".join(self.disabled_rules()),
        }
        categories = _as_list(self.options.get("disabled_categories"))
        if categories:
            params["disabledCategories"] = ",".join(categories)
        return params

    # -- phases ------------------------------------------------------------------------------
    def record(self, doc: Document) -> list[Paragraph] | None:
        if self.backend() is None:
            return None
        return paragraphs_of(doc) or None

    def check_corpus(self, records: Sequence[tuple[str, Any]]) -> list[Finding]:
        backend = self.backend()
        self.requests = 0
        if backend is None or not records:
            return []
        try:
            return self._check(backend, records)
        except Unavailable as exc:
            raise RuleUnavailable(str(exc), required=self._required()) from None

    def _check(self, backend: str, records: Sequence[tuple[str, Any]]) -> list[Finding]:
        if backend != "local" and not backend.startswith(("http://", "https://")):
            raise Unavailable(
                f"languagetool = {backend!r} is not off, local or an http(s) URL: "
                "write e.g. languagetool = http://localhost:8081"
            )
        jar = find_local_languagetool() if backend == "local" else None
        store = self._store(f"local:{jar}" if jar else backend)
        used: set[bytes] = set()
        todo: dict[bytes, str] = {}
        for _path, pars in records:
            for par in pars:
                key = _key(par.text)
                used.add(key)
                if key not in self._cache and (store is None or not store.fill(key, self._cache)):
                    todo.setdefault(key, par.text)
        try:
            if todo and jar is not None:
                start_timeout = self._seconds("languagetool_start_timeout", DEFAULT_START_TIMEOUT)
                with local_server(str(self.options.get("language") or "en-US"), start_timeout, jar=jar) as url:
                    self._query(url, todo)
            elif todo:
                self._query(backend, todo)
        finally:
            if store is not None:
                store.save(self._cache, used)
        return self._findings(records)

    def _store(self, server: str) -> ResultStore | None:
        folder = self.context.settings.get("cache_dir")
        if not folder:
            return None
        identity = json.dumps([server, sorted(self.request_params().items())])
        return ResultStore(Path(folder), identity)

    def _query(self, url: str, todo: Mapping[bytes, str]) -> None:
        from concurrent.futures import ThreadPoolExecutor

        timeout = self._seconds("languagetool_timeout", DEFAULT_TIMEOUT)
        client = Client(url, timeout=timeout, params=self.request_params())
        limit = self._int_option("batch_chars", 8000)
        workers = self._int_option("parallel_requests", 2 if is_loopback(url) else 1)
        groups = list(batches(list(todo.items()), limit))
        try:
            if workers <= 1 or len(groups) <= 1:
                for batch in groups:
                    self._cache.update(check_batch(client, batch))
                return
            pool = ThreadPoolExecutor(max_workers=min(workers, len(groups)), thread_name_prefix="languagetool")
            try:
                for answer in pool.map(check_batch, [client] * len(groups), groups):
                    self._cache.update(answer)
            except BaseException:
                # Requests in flight end by themselves within the timeout; queued ones never start.
                pool.shutdown(wait=False, cancel_futures=True)
                raise
            pool.shutdown()
        finally:
            self.requests = client.requests

    def _int_option(self, name: str, default: int) -> int:
        value = self.options.get(name)
        if value is None:
            return default
        try:
            return max(1, int(value))
        except (TypeError, ValueError):
            return default

    def _findings(self, records: Sequence[tuple[str, Any]]) -> list[Finding]:
        names, words = _fact_terms(self.context.facts)
        disabled = set(self.disabled_rules())
        out: list[Finding] = []
        for path, pars in records:
            for par in pars:
                for m in self._cache.get(_key(par.text), ()):
                    f = self._finding(path, par, m, disabled, names, words)
                    if f is not None:
                        out.append(f)
        return sorted(out, key=Finding.sort_key)

    def _finding(
        self,
        path: str,
        par: Paragraph,
        m: Match,
        disabled: set[str],
        names: frozenset[str],
        words: frozenset[str],
    ) -> Finding | None:
        if m.rule_id in disabled:
            return None
        s, e = m.offset, m.offset + m.length
        if any(s <= h < max(e, s + 1) for h in par.holes):
            return None  # the match covers removed code or a URL: an artefact of masking
        matched = par.text[s:e]
        spelling = (
            m.category in SPELLING_CATEGORIES or m.issue_type == "misspelling" or m.rule_id.startswith("MORFOLOGIK_")
        )
        if spelling and _is_known_term(matched, names, words):
            return None
        if not spelling and par.in_quote(s, e):
            return None
        rel_s = par.rel(s)
        rel_e = par.rel(e - 1) + 1 if e > s else rel_s
        evidence = _quoted(matched)
        fix = None
        if m.replacement is not None:
            evidence += " -> " + _quoted(m.replacement)
            contiguous = rel_e - rel_s == e - s and not any(s <= k < e for k in par.masked)
            if contiguous and m.replacement != matched:
                fix = Fix(
                    (Edit(par.start + rel_s, par.start + rel_e, m.replacement),),
                    f"replace {_quoted(matched)} with {_quoted(m.replacement)}",
                    safe=False,
                )
        text = _clean_message(m)
        sep = " " if text.endswith(("?", "!", ":")) else ": "
        message = f"{text}{sep}{evidence} (LanguageTool {m.rule_id})"
        return self.finding_at(path, par.span(rel_s, rel_e), message, context=par.sentence_at(s), fix=fix)


def check_batch(client: Client, batch: list[tuple[bytes, str]]) -> list[tuple[bytes, list[Match]]]:
    """Send the paragraphs of ``batch`` in one request; the matches of each, by key."""
    text = SEPARATOR.join(t for _k, t in batch)
    starts: list[int] = []
    pos = 0
    for _k, t in batch:
        starts.append(pos)
        pos += len(t) + len(SEPARATOR)
    per: list[list[Match]] = [[] for _ in batch]
    for start, end, m in parse_matches(client.check(text), text, f"LanguageTool at {client.shown}"):
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or end > starts[i] + len(batch[i][1]):
            continue  # spans the separator: not about one paragraph
        per[i].append(m._replace(offset=start - starts[i]))
    return [(key, found) for (key, _t), found in zip(batch, per, strict=True)]


def _key(text: str) -> bytes:
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def batches(items: list[tuple[bytes, str]], limit: int) -> Iterable[list[tuple[bytes, str]]]:
    """Group paragraphs into requests of at most ``limit`` characters (a longer paragraph
    goes alone)."""
    batch: list[tuple[bytes, str]] = []
    size = 0
    for item in items:
        add = len(item[1]) + (len(SEPARATOR) if batch else 0)
        if batch and size + add > limit:
            yield batch
            batch, size = [], 0
            add = len(item[1])
        batch.append(item)
        size += add
    if batch:
        yield batch
