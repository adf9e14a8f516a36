"""The runner: files -> documents -> per-draft findings and records -> corpus findings ->
suppression and severity -> RunResult.

The per-draft phase (:meth:`Linter.check_draft`) is a pure function of the draft's text, path,
configuration and fact base; the corpus phase (:meth:`Linter.check_corpus`) works only from the
per-draft results' small records. :func:`run` adds file discovery, reading, the cache and
worker processes around them.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint import __version__
from lint.config import Config, env_jobs, selector_matches, validate_selectors
from lint.document import Document
from lint.errors import ConfigError, RuleUnavailable
from lint.files import (  # noqa: F401 - the engine's file handling, importable from here as before
    BINARY_SNIFF,
    Discovery,
    ReadDraft,
    context_files,
    decode,
    discover,
    path_matches,
    read_draft,
    read_regular,
)
from lint.guard import RuleTimeout, contract_breach, rules_running, time_limit
from lint.model import Finding, RuleInfo, RunResult, Severity, Span
from lint.plugins import Registry
from lint.rule import Rule, RunContext
from lint.suppress import ACTIONS, Suppressions
from lint.suppress import parse as parse_suppressions

_time_limit = time_limit  # its name before lint.guard held it

INTERNAL = "internal"
# Engine diagnostics: not rules, but selectable and ignorable by code like rules.
ENGINE_DIAGNOSTICS: Mapping[str, tuple[str, Severity, str]] = {
    "LA001": ("rule-crashed", Severity.ERROR, "A rule raised an exception on this draft; the run went on"),
    "LA002": ("unreadable-draft", Severity.ERROR, "The draft could not be read (binary, encoding, permission)"),
    "LA003": ("empty-draft", Severity.WARNING, "The draft is empty"),
    "LA004": ("invalid-front-matter", Severity.ERROR, "The draft's YAML front matter is malformed"),
    "LA005": ("unknown-suppression", Severity.WARNING, "A suppression directive names no known rule"),
    "LA006": ("rule-timeout", Severity.ERROR, "A rule took longer than the time limit on this draft"),
    "LA007": (
        "unknown-directive",
        Severity.ERROR,
        "A lint-article comment has no known directive word; it disables nothing",
    ),
}


@dataclass(frozen=True)
class DraftResult:
    """The per-draft phase's output for one draft: everything the corpus phase and the report
    need, and nothing else (no document text)."""

    path: str
    findings: tuple[Finding, ...]
    records: Mapping[str, Any] = field(default_factory=dict)
    metrics: Mapping[str, float] = field(default_factory=dict)
    suppressions: Suppressions = field(default_factory=Suppressions)
    unavailable: tuple[tuple[str, str, bool], ...] = ()
    """(rule code, reason, required) for rules that could not run."""


def engine_finding(path: str, code: str, message: str, line: int = 1, column: int = 1, start: int = 0) -> Finding:
    """An engine diagnostic at ``line``; ``start`` is that place's offset, which orders it
    among the rules' findings of the draft."""
    name, severity, _ = ENGINE_DIAGNOSTICS[code]
    return Finding(
        path=path,
        span=Span(start, start, line, column, line, column),
        rule=code,
        name=name,
        category=INTERNAL,
        severity=severity,
        message=message,
    )


def rule_family(cls: type) -> str:
    """A rule's family: the package of the module that defines it (the module itself at
    the top level). Memo keys are module-qualified names (:func:`lint.analysis.memo.memo_key`),
    so a family's analyses are the keys under its name."""
    module = cls.__module__
    package = getattr(sys.modules.get(module), "__package__", None)
    return package or module


def family_ends(rules: Sequence[Rule]) -> dict[int, Callable[[str], bool]]:
    """For the last rule of each family in ``rules`` (in run order): which ``doc.memo`` keys
    the family owns, to be dropped once that rule has run on a draft. A key belongs to the
    longest family name it starts with (``rules.consistency.words.x`` to
    ``rules.consistency``, not to ``rules``); keys of no family (the shared analyses of
    ``lint.analysis``, the packs' gate) stay for the document's life."""
    families = [rule_family(type(rule)) for rule in rules]
    last = {family: i for i, family in enumerate(families)}
    by_length = sorted(set(families), key=len, reverse=True)

    def owner(key: str) -> str | None:
        return next((f for f in by_length if key.startswith(f + ".")), None)

    def owned_by(family: str) -> Callable[[str], bool]:
        return lambda key: owner(key) == family

    return {i: owned_by(family) for family, i in last.items()}


class Linter:
    """A configured set of rule instances. Picklable-free by design: build one per process."""

    def __init__(
        self,
        registry: Registry,
        config: Config,
        facts: Any = None,
        today: _dt.date | None = None,
        rule_timeout: float | None = 60.0,
    ) -> None:
        self.registry = registry
        self.config = config
        self.facts = facts
        self.today = today or _dt.date.today()
        self.rule_timeout = rule_timeout
        self.enabled = self._select()
        settings = config.settings()
        self.rules: list[Rule] = []
        for cls in self.enabled:
            options = self._options_for(cls)
            ctx = RunContext(options=options, facts=facts, today=self.today, settings=settings)
            try:
                self.rules.append(cls(ctx))
            except ConfigError as exc:  # a rule refused an option's value
                raise self._located(cls, exc) from None
        self._unavailable: dict[str, tuple[str, bool]] = {}
        self._family_ends = family_ends(self.rules)

    # -- selection -------------------------------------------------------------------
    def _select(self) -> list[type[Rule]]:
        cfg = self.config
        rules = self.registry.rules

        def in_lists(*lists: tuple[str, ...]) -> Any:
            return lambda s: cfg.place_of_selector(lists, s)

        for where, sels, locate in (
            ("--select", cfg.select or (), in_lists(("select",))),
            ("--extend-select", cfg.extend_select, in_lists(("extend_select",))),
            ("--ignore", cfg.ignore, in_lists(("ignore",), ("extend_ignore",))),
            ("severity", tuple(cfg.severity), lambda s: cfg.place("severity", s)),
            ("rules", tuple(cfg.rule_options), lambda s: cfg.place("rules", s)),
        ):
            validate_selectors(sels, rules, where, locate, cfg.source)
        for glob, sels in cfg.per_file_ignores.items():
            where = f"per-file-ignores {glob!r}"
            validate_selectors(sels, rules, where, in_lists(("per_file_ignores", glob)), cfg.source)
        chosen = []
        for code in sorted(rules):
            cls = rules[code]
            if cfg.select is None:
                on = cls.enabled_by_default
            else:
                on = any(selector_matches(s, code, cls.name, cls.category) for s in cfg.select)
            if any(selector_matches(s, code, cls.name, cls.category) for s in cfg.extend_select):
                on = True
            if any(selector_matches(s, code, cls.name, cls.category) for s in cfg.ignore):
                on = False
            if on:
                chosen.append(cls)
        return chosen

    def _options_for(self, cls: type[Rule]) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        known_keys = {k.replace("-", "_") for k in cls.default_options}
        unknown: set[str] = set()
        for sel, opts in self.config.rule_options.items():
            if not selector_matches(sel, cls.code, cls.name, cls.category):
                continue
            exact = sel.upper() == cls.code or sel.lower() == cls.name
            for key, value in opts.items():
                if key in known_keys:
                    merged[key] = value
                elif exact:
                    unknown.add(key)
        if unknown:
            key = sorted(unknown)[0]
            sel = next(s for s, opts in self.config.rule_options.items() if key in opts and _exactly(s, cls))
            found = self.config.place("rules", sel, key)
            spelt = found[0].rsplit(".", 1)[-1] if found else key
            known = ", ".join(sorted(_spelt_like(k, spelt) for k in cls.default_options)) or "none"
            raise ConfigError(
                f"rule {cls.code} ({cls.name}) has no option {spelt!r}",
                path=self.config.source,
                line=found[1] if found else None,
                key=found[0] if found else f"rules.{sel}",
                hint=f"its options are: {known}",
            )
        return merged

    def _located(self, cls: type[Rule], exc: ConfigError) -> ConfigError:
        """``exc`` (a rule's complaint about ``rules.<code>.<option>``) at the file, line and
        key where the config file set that option, spelt as the user spelt it."""
        option = (exc.key or "").rsplit(".", 1)[-1].replace("-", "_")
        for sel, opts in self.config.rule_options.items():
            if option in opts and selector_matches(sel, cls.code, cls.name, cls.category):
                found = self.config.place("rules", sel, option)
                if found is not None:
                    return ConfigError(exc.message, path=self.config.source, line=found[1], key=found[0], hint=exc.hint)
        return exc

    def rule_infos(self) -> dict[str, RuleInfo]:
        infos = {
            cls.code: RuleInfo(
                cls.code, cls.name, cls.category, cls.severity, cls.summary(), cls.documentation(), cls.fixable
            )
            for cls in self.enabled
        }
        for code, (name, sev, summary) in ENGINE_DIAGNOSTICS.items():
            infos[code] = RuleInfo(code, name, INTERNAL, sev, summary, summary, False)
        return infos

    # -- per-draft phase ---------------------------------------------------------------
    def check_draft(self, text: str, path: str) -> DraftResult:
        """Lint one draft: a pure function of (text, path, configuration, fact base)."""
        return self.check_drafts([(text, path)])[0]

    def check_drafts(self, drafts: Sequence[tuple[str, str]]) -> list[DraftResult]:
        """:meth:`check_draft` of each ``(text, path)``, with the same results, in order.

        The drafts go through the rules one rule at a time, not one draft at a time: a rule's
        code and tables then stay in the processor's caches from one draft to the next, which
        took 13-15% off the CPU time of the BBC corpus (batches of 64). All the drafts'
        documents are held at once, so callers pass batches, not archives."""
        states = [_DraftState.open(self, text, path) for text, path in drafts]
        live = [st for st in states if st.result is None]
        if live:
            with time_limit(self.rule_timeout) as limit, rules_running() as interrupted:
                for st in live:
                    self._read_structure(st, limit)
                live = [st for st in live if st.result is None]
                for i, rule in enumerate(self.rules):
                    for st in live:
                        if rule.code not in self._unavailable:
                            self._apply(rule, st, limit, interrupted)
                    owned = self._family_ends.get(i)
                    if owned is not None:  # the family's last rule: its analyses are no longer needed
                        for st in live:
                            st.doc.forget(owned)
        return [st.close() for st in states]

    def _read_structure(self, st: _DraftState, limit: time_limit) -> None:
        """Work out the draft's blocks and prose (Markdown or plain text) under the rules'
        time limit, before any rule asks for them: a draft whose structure takes longer,
        or cannot be read, is reported (LA006, LA001) and not linted."""
        try:
            limit.arm()
            try:
                st.doc.blocks  # noqa: B018 - computed once, kept by the document
            finally:
                limit.disarm()
        except RuleTimeout:
            message = f"reading the draft's structure took over {self.rule_timeout:g}s; not linted"
            st.findings.append(engine_finding(st.path, "LA006", message))
        except Exception as exc:  # noqa: BLE001 - a parser's bug must not stop the run
            st.findings.append(
                engine_finding(st.path, "LA001", f"reading the draft crashed: {type(exc).__name__}: {exc}")
            )
        else:
            return
        st.result = DraftResult(st.path, tuple(st.findings), {}, {}, st.suppressions)

    def _apply(self, rule: Rule, st: _DraftState, limit: time_limit, interrupted: list[bool]) -> None:
        """Run ``rule`` on one draft, holding it to the plugin contract: whatever it raises
        (``SystemExit`` and ``KeyboardInterrupt`` too, unless the user pressed Ctrl-C)
        becomes an LA001, and so does each thing it yields that is not a :class:`Finding`
        of this draft with a span inside it (:func:`contract_breach`)."""
        doc, path = st.doc, st.path
        cls = type(rule)
        try:
            limit.arm()
            try:
                for f in rule.check(doc):
                    breach = contract_breach(f, doc, path)
                    st.findings.append(f if breach is None else _breach(path, rule, breach))
                if cls.record is not Rule.record:  # most rules keep no record and no metrics
                    rec = rule.record(doc)
                    if rec is not None:
                        st.records[rule.code] = rec
                if cls.metrics is not Rule.metrics:
                    m = rule.metrics(doc)
                    if m:
                        st.metrics.update(m)
            finally:
                limit.disarm()
        except RuleUnavailable as exc:
            self._unavailable[rule.code] = (str(exc), exc.required)
            st.unavailable.append((rule.code, str(exc), exc.required))
        except RuleTimeout:
            st.findings.append(
                engine_finding(
                    path, "LA006", f"rule {rule.code} ({rule.name}) took over {self.rule_timeout:g}s; skipped"
                )
            )
        except KeyboardInterrupt:
            if interrupted[0]:
                raise  # the user's own Ctrl-C
            st.findings.append(_crash(path, rule, KeyboardInterrupt("raised by the rule")))
        except (Exception, SystemExit, GeneratorExit) as exc:
            st.findings.append(_crash(path, rule, exc))

    # -- corpus phase ------------------------------------------------------------------
    def check_corpus(
        self, results: Sequence[DraftResult], context: Sequence[DraftResult] = ()
    ) -> tuple[list[Finding], list[tuple[str, str, bool]]]:
        """Cross-draft findings from the per-draft results' records.

        ``context`` holds the results of context drafts: their records take part, and come
        first (each group in path order), so a rule that breaks a tie by taking the earlier
        draft as the reference takes an established (context) draft over a linted one.
        Findings on context drafts are dropped by :func:`collect`, not here."""
        findings: list[Finding] = []
        unavailable: list[tuple[str, str, bool]] = []
        ordered = sorted(context, key=lambda r: r.path) + sorted(results, key=lambda r: r.path)
        for rule in self.rules:
            if not rule.has_corpus_phase() or rule.code in self._unavailable:
                continue
            records = [(r.path, r.records[rule.code]) for r in ordered if rule.code in r.records]
            try:
                with rules_running() as interrupted:
                    try:
                        for f in rule.check_corpus(records):
                            ok = isinstance(f, Finding) and isinstance(f.span, Span)
                            findings.append(f if ok else _breach("<corpus>", rule, f"yielded {type(f).__name__}"))
                    except KeyboardInterrupt:
                        if interrupted[0]:
                            raise
                        findings.append(_crash("<corpus>", rule, KeyboardInterrupt("raised by the rule")))
            except RuleUnavailable as exc:
                unavailable.append((rule.code, str(exc), exc.required))
            except (Exception, SystemExit, GeneratorExit) as exc:
                findings.append(_crash("<corpus>", rule, exc))
        return findings, unavailable

    def collect(self, results: Sequence[DraftResult]) -> RunResult:
        """Corpus phase plus suppression and severities over per-draft results (the reduce
        step of the Python API)."""
        return collect(self, results, sorted(r.path for r in results), fail_on=self.config.fail_on)[0]

    # -- final pass --------------------------------------------------------------------
    def finalize(self, findings: Iterable[Finding], suppressions: Mapping[str, Suppressions]) -> list[Finding]:
        """Apply per-file ignores, in-draft suppressions and configured severities."""
        cfg = self.config
        out = []
        for f in findings:
            sup = suppressions.get(f.path)
            if sup is not None and sup.suppresses(f.line, f.rule, f.name, f.category):
                continue
            if self._file_ignored(f):
                continue
            if f.category == INTERNAL and any(selector_matches(s, f.rule, f.name, f.category) for s in cfg.ignore):
                continue
            sev = None
            for sel, level in cfg.severity.items():
                if selector_matches(sel, f.rule, f.name, f.category):
                    sev = level
            if sev is not None and sev != f.severity:
                f = _with_severity(f, sev)
            out.append(f)
        out.sort(key=Finding.sort_key)
        return out

    def _file_ignored(self, f: Finding) -> bool:
        if not self.config.per_file_ignores:
            return False
        for glob, sels in self.config.per_file_ignores.items():
            if path_matches(f.path, glob, self.config.root) and any(
                selector_matches(s, f.rule, f.name, f.category) for s in sels
            ):
                return True
        return False


def _unknown_directive(word: str) -> str:
    """LA007's message: the word as written, the nearest directive, and the known ones."""
    if not word:
        return f"lint-article comment without a directive; it disables nothing (use one of: {', '.join(ACTIONS)})"
    import difflib

    close = difflib.get_close_matches(word.lower(), ACTIONS, n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"use one of: {', '.join(ACTIONS)}"
    return f"unknown directive {word!r}; it disables nothing ({hint})"


def _exactly(selector: str, cls: type[Rule]) -> bool:
    return selector.upper() == cls.code or selector.lower() == cls.name


def _spelt_like(option: str, written: str) -> str:
    """An option's name in the style the user wrote another in: ``max-words`` or ``max_words``."""
    return option.replace("-", "_") if "_" in written else option.replace("_", "-")


def _with_severity(f: Finding, sev: Severity) -> Finding:
    from dataclasses import replace

    return replace(f, severity=sev)


def _crash(path: str, rule: Rule, exc: BaseException) -> Finding:
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else ""
    return engine_finding(
        path,
        "LA001",
        f"rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc}{where}",
    )


def _breach(path: str, rule: Rule, what: str) -> Finding:
    return engine_finding(path, "LA001", f"rule {rule.code} ({rule.name}) broke the rule contract: {what}")


class _DraftState:
    """One draft on its way through :meth:`Linter.check_drafts`."""

    __slots__ = ("doc", "path", "findings", "records", "metrics", "unavailable", "suppressions", "result")

    def __init__(self, doc: Document, path: str, suppressions: Suppressions) -> None:
        self.doc = doc
        self.path = path
        self.suppressions = suppressions
        self.findings: list[Finding] = []
        self.records: dict[str, Any] = {}
        self.metrics: dict[str, float] = {}
        self.unavailable: list[tuple[str, str, bool]] = []
        self.result: DraftResult | None = None
        """Set when the draft is done before any rule runs (an empty draft)."""

    @classmethod
    def open(cls, linter: Linter, text: str, path: str) -> _DraftState:
        """The document and the engine's own diagnostics (suppressions naming no rule,
        malformed front matter, an empty draft)."""
        doc = Document.from_text(path, text)
        rules = linter.registry.rules

        def rules_of(selector: str) -> frozenset[str]:
            return frozenset(c for c, r in rules.items() if selector_matches(selector, c, r.name, r.category))

        st = cls(doc, path, parse_suppressions(doc.text, doc.kind == "markdown", rules_of))
        for d in st.suppressions.unknown:
            where = doc.line_start(d.line)
            st.findings.append(engine_finding(path, "LA007", _unknown_directive(d.action), d.line, start=where))
        for d in st.suppressions.directives:
            for sel in d.selectors:
                if sel.upper().startswith("LA"):
                    continue
                if not any(selector_matches(sel, c, r.name, r.category) for c, r in rules.items()):
                    message = f"suppression names no known rule: {sel!r}"
                    st.findings.append(engine_finding(path, "LA005", message, d.line, start=doc.line_start(d.line)))
        if doc.front_matter_error is not None:
            st.findings.append(engine_finding(path, "LA004", str(doc.front_matter_error), doc.front_matter_error.line))
        if not doc.text.strip():
            st.findings.append(engine_finding(path, "LA003", "draft is empty"))
            st.result = DraftResult(path, tuple(st.findings), {}, {}, st.suppressions)
        return st

    def close(self) -> DraftResult:
        if self.result is not None:
            return self.result
        return DraftResult(
            self.path, tuple(self.findings), self.records, self.metrics, self.suppressions, tuple(self.unavailable)
        )


# -- orchestration ------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}
"""Per-process state for worker processes (set before fork; never shared across runs)."""


BATCH_DRAFTS = 64
BATCH_CHARS = 2_000_000
"""How many drafts, and how much text, :func:`_lint_many` hands to :meth:`Linter.check_drafts`
at a time: enough for each rule's code to stay warm across drafts, with memory that does not
grow with the number of drafts."""


def _lint_path(linter: Linter, path: str, cache: Any, stdin_text: str | None) -> DraftResult:
    return _lint_many(linter, [path], cache, stdin_text)[0]


def _lint_many(linter: Linter, paths: Sequence[str], cache: Any, stdin_text: str | None) -> list[DraftResult]:
    """Read, look up in the cache and lint ``paths``, in batches; results in path order."""
    out: list[DraftResult | None] = []
    pending: list[tuple[int, str, str, str | None]] = []  # (slot, text, path, cache key)
    size = 0

    def flush() -> None:
        results = linter.check_drafts([(text, path) for _i, text, path, _k in pending])
        for (i, _t, _p, key), result in zip(pending, results, strict=True):
            if key is not None and not result.unavailable:
                cache.put(key, result)
            out[i] = result
        pending.clear()

    for path in paths:
        draft = read_draft(path, stdin_text)
        if draft.text is None:
            out.append(DraftResult(path, (engine_finding(path, "LA002", draft.error or "cannot read"),)))
            continue
        key = None
        if cache is not None and path != "-":
            key = cache.key(path, draft.raw)
            hit = cache.get(key)
            if hit is not None:
                out.append(hit)
                continue
        out.append(None)
        pending.append((len(out) - 1, draft.text, path, key))
        size += len(draft.text)
        if len(pending) >= BATCH_DRAFTS or size >= BATCH_CHARS:
            flush()
            size = 0
    if pending:
        flush()
    return [r for r in out if r is not None]  # every slot is filled by now


def _worker_batch(paths: list[str]) -> list[DraftResult]:
    return _lint_many(_WORKER["linter"], paths, _WORKER["cache"], None)


def _batches(order: Sequence[int], jobs: int, largest: int = BATCH_DRAFTS, smallest: int = 8) -> Iterator[list[int]]:
    """Guided scheduling: batches shrink as the work left shrinks, so that the last ones
    are small and no worker sits idle while another finishes a long batch. Not below
    ``smallest`` drafts: a worker lints its batch rule by rule (:meth:`Linter.check_drafts`),
    which gains little on a handful of drafts."""
    i = 0
    while i < len(order):
        size = max(smallest, min(largest, (len(order) - i) // (jobs * 2)))
        yield list(order[i : i + size])
        i += size


def _by_size(files: Sequence[str]) -> list[int]:
    """Indices of files, largest first (a file that cannot be read counts as empty)."""
    sizes = []
    for p in files:
        try:
            sizes.append(os.stat(p).st_size)
        except OSError:
            sizes.append(0)
    return sorted(range(len(files)), key=lambda i: -sizes[i])


def lint_paths(
    linter: Linter,
    files: Sequence[str],
    *,
    jobs: int = 1,
    cache: Any = None,
    stdin_text: str | None = None,
) -> list[DraftResult]:
    """The per-draft phase over files, in parallel when worth it; results in path order."""
    jobs = max(1, jobs)
    if jobs == 1 or len(files) < 16 or "-" in files or sys.platform == "win32":
        return _lint_many(linter, files, cache, stdin_text)
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Lint the first draft here, before forking: the workers then inherit the patterns,
    # tables and imports that rules build on first use instead of each building them again.
    out = [_lint_path(linter, files[0], cache, None)]
    _WORKER["linter"] = linter
    _WORKER["cache"] = cache
    rest = files[1:]
    # Largest drafts first, then ever smaller batches: the tail, when one worker may wait
    # for the other, is then a few small drafts. Results go back in path order.
    order = _by_size(rest)
    slots: list[DraftResult | None] = [None] * len(rest)
    gc.freeze()  # keep the collector from touching (and so copying) the inherited objects
    try:
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            batches = list(_batches(order, jobs))
            done = pool.map(_worker_batch, [[rest[i] for i in b] for b in batches])
            for idx, batch in zip(batches, done, strict=True):
                for i, r in zip(idx, batch, strict=True):
                    slots[i] = r
        return out + [r for r in slots if r is not None]  # every slot is filled (strict zips)
    finally:
        gc.unfreeze()
        _WORKER.clear()


def run_key(linter: Linter, fact_files: Sequence[Path]) -> str:
    """Everything besides the draft that can change a per-draft result."""
    from lint.cache import fingerprint

    rule_sources: list[tuple[Any, ...]] = []
    for cls in linter.enabled:
        mod = sys.modules.get(cls.__module__)
        fname = getattr(mod, "__file__", None) or ""
        try:
            st = os.stat(fname) if fname else None
            rule_sources.append((cls.code, cls.source, fname, st.st_mtime_ns if st else 0, st.st_size if st else 0))
        except OSError:
            rule_sources.append((cls.code, cls.source, fname, 0, 0))
        if cls.source:
            src = cls.source.rsplit(":", 1)[0]
            try:
                rule_sources.append((src, os.stat(src).st_mtime_ns))
            except OSError:
                pass
    # Every loaded module of the engine and the built-in rules (shared extractors included):
    # an upgrade or a local edit must not serve stale results.
    engine_files = []
    for name, mod in sorted(sys.modules.items()):
        if not name.startswith(("lint.", "rules.")) or mod is None:
            continue
        f = getattr(mod, "__file__", None)
        if f:
            try:
                st = os.stat(f)
                engine_files.append((name, st.st_mtime_ns, st.st_size))
            except OSError:
                pass
    facts = []
    for p in fact_files:
        try:
            facts.append((str(p), Path(p).read_bytes()))
        except OSError:
            facts.append((str(p), b""))
    cfg = linter.config
    return fingerprint(
        __version__,
        sys.version_info[:2],
        rule_sources,
        engine_files,
        facts,
        sorted((k, sorted(v.items())) for k, v in {c.code: dict(c.options) for c in linter.rules}.items()),
        cfg.settings(),
        linter.today.isoformat(),
        linter.rule_timeout,
    )


def collect(
    linter: Linter,
    results: Sequence[DraftResult],
    files: Sequence[str],
    *,
    fail_on: Severity = Severity.WARNING,
    context: Sequence[DraftResult] = (),
) -> tuple[RunResult, list[str]]:
    """Corpus phase, suppression and severity: the RunResult a reporter renders, and the
    reasons of rules that could not run although configured as required (exit 2).

    ``context`` results (context drafts) take part in the corpus phase only: no finding on a
    context draft is reported, and their own findings, metrics and warnings are not read."""
    corpus, unavailable = linter.check_corpus(results, context)
    if context:
        hidden = {r.path for r in context} - {r.path for r in results}
        corpus = [f for f in corpus if f.path not in hidden]
    findings: list[Finding] = []
    suppressions: dict[str, Suppressions] = {}
    metrics: dict[str, Mapping[str, float]] = {}
    warnings: list[str] = []
    seen_unavailable: set[str] = set()
    required = sorted({reason for r in results for _c, reason, req in r.unavailable if req})
    required += sorted({reason for _c, reason, req in unavailable if req} - set(required))
    for r in results:
        findings.extend(r.findings)
        suppressions[r.path] = r.suppressions
        if r.metrics:
            metrics[r.path] = dict(r.metrics)
        for code, reason, _req in r.unavailable:
            if code not in seen_unavailable:
                seen_unavailable.add(code)
                warnings.append(f"{code} skipped: {reason}")
    for code, reason, _req in unavailable:
        if code not in seen_unavailable:
            seen_unavailable.add(code)
            warnings.append(f"{code} skipped: {reason}")
    findings.extend(corpus)
    final = linter.finalize(findings, suppressions)
    result = RunResult(
        findings=tuple(final),
        files=tuple(files),
        rules=linter.rule_infos(),
        metrics=metrics,
        warnings=tuple(warnings),
        fail_on=fail_on,
        version=__version__,
    )
    return result, required


def default_jobs(config: Config, override: int | None) -> int:
    if override:
        return override
    if config.jobs:
        return config.jobs
    return env_jobs()
