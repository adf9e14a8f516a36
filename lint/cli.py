"""The ``lint-article`` command. Only this module reads argv and decides the exit code:
0 no finding at or above ``--fail-on``, 1 findings, 2 usage, configuration or input errors,
141 when the reader of the report closed the pipe (``lint-article drafts/ | head``), the status
a shell reports for a process that SIGPIPE ended, as ruff and most Unix tools end; nothing is
printed then."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from lint import __version__
from lint.errors import UserError
from lint.model import Severity
from lint.record import Record

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13
"""128 + SIGPIPE: what a shell shows for ``yes | head``; ``pipefail`` scripts still see it."""


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, told the terminal width as ``shutil.get_terminal_size`` would
    (COLUMNS, else the terminal, else 80) without importing shutil. The description and
    epilog keep their line breaks (the epilog is a table of formats)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


_EXIT_STATUS = (
    "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage/config/input errors,\n"
    "141 the reader closed the pipe (as for a process SIGPIPE ends)."
)


class _Parser(argparse.ArgumentParser):
    """The command's parser. Its help lists the output formats of every registered reporter,
    plugins' included, asking the plugins only when the help is shown."""

    def format_help(self) -> str:
        self.epilog = _formats_help() + "\n\n" + _EXIT_STATUS
        return super().format_help()


def _formats_help() -> str:
    """One line per registered format: name, audience and the reporter's description."""
    from lint.plugins import make_plugin_manager, plugin_reporters

    try:
        reporters = plugin_reporters(make_plugin_manager())
    except UserError as exc:
        return f"output formats: cannot list them: {exc}"
    import textwrap

    width = max((len(name) for name in reporters), default=0)
    lines = ["output formats (--format):"]
    for name, cls in sorted(reporters.items(), key=lambda item: (not item[1].for_people, item[0])):
        audience = "for people" if cls.for_people else "for tools"
        head = f"  {name:<{width}}  {audience:<10}  "
        lines += textwrap.wrap(
            cls.description,
            width=max(len(head) + 20, _terminal_columns() - 2),
            initial_indent=head,
            subsequent_indent=" " * len(head),
        )
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="lint-article",
        description="Editorial consistency linter and style checker for article drafts.",
        epilog=_EXIT_STATUS,
        formatter_class=_HelpFormatter,
    )
    p.add_argument(
        "paths",
        nargs="*",
        help="drafts or folders (default: .); '-' reads standard input; "
        "'init [FOLDER]' writes a starter config and fact base; 'schema config|facts' prints a JSON Schema; "
        "'suggest-facts DRAFTS...' proposes a fact base",
    )
    out = p.add_argument_group("output")
    out.add_argument(
        "--format", "-f", metavar="NAME", help="output format, listed below (default: rich on a terminal, else text)"
    )
    out.add_argument("--output-file", "-o", metavar="FILE", help="write the report to FILE")
    out.add_argument("--statistics", action="store_true", help="show counts per rule")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    out.add_argument("--quiet", "-q", action="store_true", help="print nothing when there are no findings")
    sel = p.add_argument_group("rule selection")
    sel.add_argument("--select", metavar="RULES", help="comma-separated codes, prefixes, names or categories")
    sel.add_argument("--extend-select", metavar="RULES", help="add to the selected rules")
    sel.add_argument("--ignore", metavar="RULES", help="rules to turn off")
    sel.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that fails the run")
    sel.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    cfg = p.add_argument_group("configuration")
    cfg.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    cfg.add_argument("--isolated", action="store_true", help="ignore config files")
    cfg.add_argument(
        "--show-settings", action="store_true", help="print the resolved settings and where each came from"
    )
    cfg.add_argument("--facts", action="append", metavar="FILE", help="fact base YAML (repeatable)")
    cfg.add_argument(
        "--context",
        action="append",
        metavar="PATH",
        help="drafts or folders that take part in the cross-draft checks without being reported on (repeatable)",
    )
    cfg.add_argument("--vale-config", metavar="FILE", help="run the Vale styles this .vale.ini names")
    cfg.add_argument("--languagetool", metavar="off|local|URL", help="grammar checking backend (default off)")
    cfg.add_argument("--stdin-filename", metavar="NAME", help="path to report for '-' (suffix picks the format)")
    fix = p.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fix.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply unsafe fixes")
    fix.add_argument("--diff", action="store_true", help="show the fixes as a diff; write nothing")
    perf = p.add_argument_group("performance and adoption")
    perf.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: number of cores)")
    perf.add_argument("--no-cache", action="store_true", help="do not read or write the cache folder")
    perf.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        help="also lint files that .gitignore excludes, when walking folders",
    )
    perf.add_argument("--cache-dir", metavar="DIR", help="cache folder (default .lint-article-cache)")
    perf.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    perf.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE")
    perf.add_argument("--rule-timeout", type=float, metavar="SECONDS", default=60.0, help="per rule and draft")
    info = p.add_argument_group("information")
    info.add_argument("--list-rules", action="store_true", help="list every rule, on or off by default")
    info.add_argument("--explain", metavar="RULE", help="show a rule's documentation (Markdown)")
    info.add_argument(
        "--check-facts",
        nargs="+",
        metavar="FILE",
        help="validate fact base files (.yaml, .yml, .json) and summarise them; with drafts after them, "
        "also name the figures and events no sentence of the drafts could be checked against",
    )
    info.add_argument("--version", action="version", version=f"lint-article {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status.

    This is the one place that sets the cyclic garbage collector's policy: off while the
    long-lived objects of the run (rule modules, packs, fact base) are loaded, then, for more
    than one draft, those objects frozen out of its reach and young collections made rarer
    (:func:`_startup_done`). Whatever the collector's state was, it is restored on return,
    so an in-process caller gets back the interpreter it had."""
    import gc

    collecting, thresholds = gc.isenabled(), gc.get_threshold()
    gc.disable()
    try:
        return _main(list(sys.argv[1:] if argv is None else argv))
    except UserError as exc:
        print(f"lint-article: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("lint-article: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _discard_closed_pipes()
        return EXIT_BROKEN_PIPE
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
        if collecting:
            gc.enable()
        else:
            gc.disable()


def _discard_closed_pipes() -> None:
    """Point standard output at the null device, so what is still buffered for the reader
    that went away is dropped quietly, at exit too (the recipe of Python's signal docs)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(null, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass  # not a real file (an in-process caller's buffer): nothing to flush at exit
    finally:
        os.close(null)


_YOUNG_THRESHOLD = 50_000
"""Allocations between young collections during a multi-draft run (CPython's default: 700).
A draft's objects die young and seldom form cycles."""


def _startup_done(drafts: int) -> None:
    """The long-lived objects are loaded. For more than one draft, freeze them out of the
    collector's way and turn it on with :data:`_YOUNG_THRESHOLD`; for one draft it stays off
    and the draft's garbage goes with the process."""
    import gc

    if drafts > 1:
        gc.freeze()
        gc.set_threshold(_YOUNG_THRESHOLD, 10, 10)
        gc.enable()


def _split(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(v.strip() for v in value.split(",") if v.strip())


class Loaded(Record):
    """The run's configuration, what the config file alone gave, the file (or None) and,
    per field, the command-line option that set it (for ``--show-settings``)."""

    config: Any
    from_file: Any
    path: Path | None
    flags: dict[str, str]


def _load_config(args: argparse.Namespace) -> Loaded:
    from lint.config import Config, find_config, load_config, parse_languagetool

    path: Path | None = None
    if args.isolated:
        config = Config()
    elif args.config:
        path = Path(args.config)
        if not path.is_file():
            raise UserError("config file not found", path=args.config)
        config = load_config(path)
    else:
        path = find_config(_search_start(args.paths))
        config = load_config(path)
        if path is not None:
            from lint.settings import precedence_note

            note = precedence_note(path)
            if note:
                print(f"lint-article: note: {note}", file=sys.stderr)
    changes: dict[str, Any] = {}
    flags: dict[str, str] = {}
    if args.select is not None:
        changes["select"], flags["select"] = _split(args.select), "--select"
    if args.extend_select:
        changes["extend_select"] = config.extend_select + (_split(args.extend_select) or ())
        flags["extend_select"] = "--extend-select"
    if args.ignore:
        changes["ignore"], flags["ignore"] = config.ignore + (_split(args.ignore) or ()), "--ignore"
    if args.fail_on:
        changes["fail_on"], flags["fail_on"] = Severity.parse(args.fail_on), "--fail-on"
    if args.facts:
        # The same file named in the config and on the command line is loaded once.
        changes["facts"] = tuple(dict.fromkeys(config.facts + tuple(Path(f).resolve() for f in args.facts)))
        flags["facts"] = "--facts"
    if args.context:
        changes["context"] = tuple(dict.fromkeys(config.context + tuple(Path(c).resolve() for c in args.context)))
        flags["context"] = "--context"
    if args.languagetool:
        changes["languagetool"], flags["languagetool"] = parse_languagetool(args.languagetool), "--languagetool"
    if args.cache_dir:
        changes["cache_dir"], flags["cache_dir"] = Path(args.cache_dir).resolve(), "--cache-dir"
    if args.no_cache:
        changes["cache"], flags["cache"] = False, "--no-cache"
    if not args.respect_gitignore:
        changes["respect_gitignore"], flags["respect_gitignore"] = False, "--no-respect-gitignore"
    if args.vale_config:
        if not Path(args.vale_config).is_file():
            raise UserError("Vale configuration not found", path=args.vale_config)
        changes["vale"], flags["vale"] = Path(args.vale_config).resolve(), "--vale-config"
    elif config.vale is None and not args.isolated:
        from lint.vale.find import find_vale_ini

        changes["vale"] = find_vale_ini(_search_start(args.paths))
    if args.jobs is not None:
        if args.jobs < 1:
            raise UserError("--jobs must be at least 1")
        changes["jobs"], flags["jobs"] = args.jobs, "--jobs"
    return Loaded(config.with_overrides(**changes), config, path, flags)


def _show_settings(loaded: Loaded, fmt: str | None) -> int:
    """Every resolved setting with where it came from (``lint.settings.describe``)."""
    from lint.settings import describe, file_keys

    rows = describe(loaded.config, loaded.from_file, file_keys(loaded.path) if loaded.path else {}, loaded.flags)
    import json

    if fmt == "json":
        data = {
            "config_file": str(loaded.path) if loaded.path else None,
            "settings": {name: {"value": value, "from": origin} for name, value, origin in rows},
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"config file: {loaded.path if loaded.path else 'none'}")
    width = max(len(name) for name, _, _ in rows)
    for name, value, origin in rows:
        print(f"{name:<{width}} = {json.dumps(value, ensure_ascii=False)}  # {origin}")
    return EXIT_OK


def _search_start(paths: Sequence[str]) -> Path:
    """Where to look for a config file: the folder that holds every given path (so
    ``lint-article drafts/`` finds ``drafts/.lint-article.yaml``), else the current folder."""
    real = [os.path.abspath(p) for p in paths if p != "-" and os.path.exists(p)]
    if not real:
        return Path.cwd()
    common = os.path.commonpath(real)
    return Path(common if os.path.isdir(common) else os.path.dirname(common))


def _load_facts(config: Any) -> Any:
    if not config.facts:
        return None
    from lint.facts import load_factbase

    _check_named_files(config, "facts", "fact base file", "check --facts or 'facts:' in the config")
    return load_factbase(list(config.facts))


def _check_named_files(config: Any, key: str, what: str, hint: str) -> None:
    """Each file the setting ``key`` names must exist. One the config file named is reported
    at its line and key as written there; one from the command line by its path."""
    value = getattr(config, key)
    for i, path in enumerate(value if isinstance(value, tuple) else (value,)):
        if path is None or Path(path).is_file():
            continue
        found = config.place(key, i) or (config.place(key) if i == 0 else None)
        if found is None:
            raise UserError(f"{what} not found", path=str(path), hint=hint)
        raise UserError(f"{what} not found: {path}", path=config.source, line=found[1], key=found[0], hint=hint)


def _registry(config: Any) -> Any:
    from lint import recache

    plugins = recache.import_marked("lint.plugins")
    extra = []
    if getattr(config, "vale", None) is not None:
        from lint.vale.ini import load_vale_ini, vale_plugin

        setup = load_vale_ini(config.vale)
        for note in setup.notes:
            print(f"lint-article: note: {note}", file=sys.stderr)
        extra.append(vale_plugin(setup))
    with recache.installed_code():  # what importing the plugins' modules compiles
        pm = plugins.make_plugin_manager(extra)
    return plugins.build_registry(pm, config.packs, config.effective_cache_dir if config.cache else None)


def _open_output(args: argparse.Namespace) -> TextIO:
    if args.output_file:
        try:
            return open(args.output_file, "w", encoding="utf-8")  # noqa: SIM115 - closed by caller
        except OSError as exc:
            raise UserError(f"cannot write report: {exc.strerror}", path=args.output_file) from None
    return sys.stdout


def _main(argv: list[str]) -> int:
    if argv[:1] == ["init"]:  # subcommands; a draft folder named init or schema is ./init, ./schema
        return _init(argv[1:])
    if argv[:1] == ["schema"]:
        return _schema(argv[1:])
    if argv[:1] == ["suggest-facts"]:
        return _suggest_facts(argv[1:])
    args = _parser().parse_args(argv)
    if args.check_facts:
        return _check_facts(args)
    loaded = _load_config(args)
    if args.show_settings:
        return _show_settings(loaded, args.format)
    config = loaded.config
    from lint import recache
    from lint.cache import use_derived_folder

    recache.preload_installed()
    use_derived_folder(config.effective_cache_dir if config.cache else None)
    try:
        status = _run(args, config)
    finally:
        use_derived_folder(None)
    recache.save_installed()
    return status


_FACT_SUFFIXES = (".yaml", ".yml", ".json")
_COVERAGE_RULES = ("FA104", "FA105")
"""The rules that report, with the option ``report_checked``, which figures and events a
draft's sentences were compared with (as per-draft metrics ``checked <file:line>``)."""


def _check_facts(args: argparse.Namespace) -> int:
    """``--check-facts FILE... [DRAFTS...]``: validate and summarise the fact base; with
    drafts (any argument that is no .yaml, .yml or .json file, and the paths), also name
    the figures and events no sentence of the drafts could be checked against."""
    from lint.facts import load_factbase

    files = [f for f in args.check_facts if Path(f).suffix.lower() in _FACT_SUFFIXES]
    drafts = [f for f in args.check_facts if f not in files] + list(args.paths or [])
    if not files:
        raise UserError("no fact base file given", hint="--check-facts FACTS.yaml [DRAFTS...]")
    for f in files:
        if not Path(f).is_file():
            raise UserError("fact base file not found", path=f)
    facts = load_factbase([Path(f) for f in files])
    print(facts.describe())
    if not drafts:
        return EXIT_OK
    from lint import engine

    config = _load_config(args).config.with_overrides(
        select=_COVERAGE_RULES,
        extend_select=(),
        ignore=(),
        rule_options={code: {"report_checked": True} for code in _COVERAGE_RULES},
    )
    linter = engine.Linter(_registry(config), config, facts)
    discovery = engine.discover(drafts, config)
    for missing in discovery.missing:
        raise UserError("no such file or directory", path=missing)
    results = engine.lint_paths(linter, list(discovery.files), jobs=1, cache=None)
    checked = {key for r in results for key in r.metrics}
    entries: list[Any] = [*facts.figures, *facts.events]
    never = [e for e in entries if f"checked {e.where}" not in checked]
    n, hit = len(discovery.files), len(entries) - len(never)
    print(f"checked against {n} draft{'s' if n != 1 else ''}: {hit} of {len(entries)} figures and events")
    if never:
        print("no sentence of the drafts could be checked against:")
        for e in never:
            print(f"  {e.name} ({e.where})")
    return EXIT_OK


def _init(argv: list[str]) -> int:
    p = argparse.ArgumentParser(
        prog="lint-article init",
        description="Write a commented .lint-article.yaml and a starter fact base (facts/story.yaml) "
        "for a new story. Never overwrites a file.",
        formatter_class=_HelpFormatter,
    )
    p.add_argument("folder", nargs="?", default=".", help="the story's folder (default: .)")
    args = p.parse_args(argv)
    from lint.starter import init

    for path in init(Path(args.folder)):
        print(f"lint-article: wrote {path}", file=sys.stderr)
    return EXIT_OK


def _schema(argv: list[str]) -> int:
    p = argparse.ArgumentParser(
        prog="lint-article schema",
        description="Print the JSON Schema of the configuration or of a fact base, for editors' YAML tooling "
        "(completion and checks of keys).",
        formatter_class=_HelpFormatter,
    )
    p.add_argument("kind", choices=("config", "facts"))
    args = p.parse_args(argv)
    import json

    if args.kind == "config":
        from lint.config import config_json_schema

        schema = config_json_schema()
    else:
        from lint.facts import factbase_json_schema

        schema = factbase_json_schema()
    sys.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _suggest_facts(argv: list[str]) -> int:
    p = argparse.ArgumentParser(
        prog="lint-article suggest-facts",
        description="Propose a fact base from a story's drafts: entities and their wrong forms, roles, figures "
        "and dated events, each with its evidence; disagreements between drafts are marked '# CHECK:'.",
        formatter_class=_HelpFormatter,
    )
    p.add_argument("drafts", nargs="+", help="drafts or folders")
    p.add_argument("-o", "--output", metavar="FILE", help="write the fact base to FILE (default: standard output)")
    p.add_argument(
        "--facts",
        action="append",
        metavar="FILE",
        help="an existing fact base: propose only what is new or contradicts it (repeatable)",
    )
    args = p.parse_args(argv)
    from lint.suggest import draft_paths, suggest_files

    paths = draft_paths(args.drafts)
    for path in paths:
        if not path.is_file():
            raise UserError("no such file or directory", path=str(path))
    existing = None
    if args.facts:
        from lint.facts import load_factbase

        existing = load_factbase([Path(f) for f in args.facts])
    text = suggest_files(paths, existing)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot write the fact base: {exc.strerror}", path=args.output) from None
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _run(args: argparse.Namespace, config: Any) -> int:
    _check_named_files(config, "packs", "phrase pack", "check 'packs:' in the config")
    registry = _registry(config)
    if args.list_rules:
        return _list_rules(registry, args)
    if args.explain:
        return _explain(registry, args)
    if args.fix and args.diff:
        raise UserError("--fix and --diff cannot be combined", hint="--diff shows what --fix would write")

    from lint import engine

    facts = _load_facts(config)
    linter = engine.Linter(registry, config, facts, rule_timeout=args.rule_timeout or None)
    paths = args.paths or ["."]
    discovery = engine.discover(paths, config)
    for missing in discovery.missing:
        print(f"lint-article: error: {missing}: no such file or directory", file=sys.stderr)
    for link in discovery.outside:
        print(f"lint-article: warning: {link}: a link to outside the linted folders; not read", file=sys.stderr)
    stdin_text = None
    files = list(discovery.files)
    context = engine.context_files(config, files)
    for missing in context.missing:
        print(f"lint-article: warning: context {missing}: no such file or directory", file=sys.stderr)
    _startup_done(len(files) + len(context.files))
    if "-" in files:
        stdin_text = sys.stdin.buffer.read().decode("utf-8", "replace")
        if stdin_text.startswith("\ufeff"):
            stdin_text = stdin_text[1:]
        if args.stdin_filename:
            files[files.index("-")] = args.stdin_filename
    if not files and not discovery.missing:
        exts = " ".join(config.extensions)
        print(f"lint-article: warning: no drafts found in {' '.join(paths)} (looking for {exts})", file=sys.stderr)
    cache = None
    if config.cache and not args.fix:
        from lint.cache import Cache

        cache = Cache(config.effective_cache_dir, engine.run_key(linter, config.facts))
    jobs = engine.default_jobs(config, args.jobs)
    from lint import progress

    # Context drafts go through the per-draft phase with the linted ones (and the same cache),
    # then only their records are used.
    every = files + context.files
    if progress.wanted(sys.stderr, args.quiet):
        with progress.Progress(len(every), sys.stderr.fileno(), cache) as counting:
            results = _lint(engine, linter, every, jobs, counting, stdin_text, args.stdin_filename)
    else:
        results = _lint(engine, linter, every, jobs, cache, stdin_text, args.stdin_filename)
    linted = set(files)
    ctx_results = [r for r in results if r.path not in linted]
    results = [r for r in results if r.path in linted]
    result, required = engine.collect(linter, results, files, fail_on=config.fail_on, context=ctx_results)

    if args.fix or args.diff:
        outcome = _apply_fixes(engine, linter, result, args, stdin_text)
        if args.diff:
            return EXIT_FINDINGS if outcome.changed else EXIT_OK
        # Report what is left after fixing, as ruff does.
        results = _lint(engine, linter, files, 1, None, outcome.stdin_text, args.stdin_filename)
        result, required = engine.collect(linter, results, files, fail_on=config.fail_on, context=ctx_results)
        from dataclasses import replace

        result = replace(result, fixed=outcome.applied)

    baseline_path = Path(args.baseline) if args.baseline else config.baseline
    if not args.baseline and not args.write_baseline:
        _check_named_files(config, "baseline", "baseline file", "create it with --write-baseline")
    if args.write_baseline:
        from lint import baseline

        n = baseline.write(Path(args.write_baseline), result.findings)
        print(f"lint-article: recorded {n} findings in {args.write_baseline}", file=sys.stderr)
        return EXIT_OK
    if baseline_path is not None:
        from dataclasses import replace

        from lint import baseline

        known = baseline.load(Path(baseline_path))
        result = replace(result, findings=tuple(baseline.filter_new(result.findings, known)))

    stream = sys.stderr if (args.fix and "-" in paths) else None
    _report(registry, result, args, stdin_text, stream)
    for reason in required:
        print(f"lint-article: error: {reason}", file=sys.stderr)
    if discovery.missing or required:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if result.failing() else EXIT_OK


def _lint(
    engine: Any,
    linter: Any,
    files: list[str],
    jobs: int,
    cache: Any,
    stdin_text: str | None,
    stdin_name: str | None,
) -> list[Any]:
    if stdin_name and stdin_name in files and stdin_text is not None:
        others = [f for f in files if f != stdin_name]
        res = engine.lint_paths(linter, others, jobs=jobs, cache=cache)
        res.append(linter.check_draft(stdin_text, stdin_name))
        return sorted(res, key=lambda r: r.path)
    return engine.lint_paths(linter, files, jobs=jobs, cache=cache, stdin_text=stdin_text)  # type: ignore[no-any-return]


class FixOutcome(Record):
    applied: int
    changed: bool
    stdin_text: str | None


def _apply_fixes(engine: Any, linter: Any, result: Any, args: argparse.Namespace, stdin_text: str | None) -> FixOutcome:
    from lint.fixes import ChangedOnDisk, apply_fixes, fixes_to_apply, remove_leftovers, write_atomic

    if args.fix:  # what an interrupted --fix left behind
        for folder in sorted({Path(p).parent for p in result.files if p != "-"}):
            remove_leftovers(folder)

    by_path: dict[str, list[Any]] = {}
    for f in result.findings:
        if f.fix is not None and (f.fix.safe or args.unsafe_fixes):
            by_path.setdefault(f.path, []).append(f)
    stdin_name = args.stdin_filename or "-"
    total = 0
    changed = False
    new_stdin = stdin_text
    for path in sorted(by_path):
        is_stdin = path == stdin_name and stdin_text is not None
        if is_stdin:
            original, raw, bom = stdin_text or "", b"", False
        else:
            draft = engine.read_draft(path)
            if draft.text is None:
                continue
            original, raw, bom = draft.text, draft.raw, draft.bom
        text = original
        findings = by_path[path]
        for _ in range(10):  # re-lint after each pass: fixes may uncover or shift others
            text, applied = apply_fixes(text, fixes_to_apply(findings, args.unsafe_fixes))
            if not applied:
                break
            total += applied
            again = linter.check_draft(text, path)
            findings = linter.finalize(again.findings, {path: again.suppressions})
        if text == original:
            continue
        changed = True
        if args.diff:
            import difflib

            sys.stdout.writelines(
                difflib.unified_diff(
                    original.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    fromfile=f"a/{path}",
                    tofile=f"b/{path}",
                )
            )
        elif is_stdin:
            new_stdin = text
            sys.stdout.write(text)
        else:
            data = (("\ufeff" if bom else "") + text).encode("utf-8")
            try:
                write_atomic(Path(path), data, raw)
            except ChangedOnDisk as exc:
                print(f"lint-article: warning: {path}: {exc}", file=sys.stderr)
            except OSError as exc:
                print(f"lint-article: error: {path}: cannot write fixes: {exc.strerror or exc}", file=sys.stderr)
    return FixOutcome(total, changed, new_stdin)


def _report(registry: Any, result: Any, args: argparse.Namespace, stdin_text: str | None, stream: Any) -> None:
    fmt = args.format
    out = stream or _open_output(args)
    if fmt is None:
        fmt = "rich" if (out.isatty() and not args.output_file) else "text"
    reporters = registry.reporters
    if fmt not in reporters:
        raise UserError(f"unknown --format {fmt!r}", hint="choose one of: " + ", ".join(sorted(reporters)))
    if args.quiet and reporters[fmt].for_people and not result.findings and not result.warnings:
        return  # formats for tools always write their document
    color: bool | None
    if args.color == "always":
        color = True
    elif args.color == "never" or os.environ.get("NO_COLOR"):
        color = False
    else:
        color = None
    lines_cache: dict[str, list[str]] = {}

    def source_line(path: str, line: int) -> str | None:
        if path not in lines_cache:
            if stdin_text is not None and path in ("-", args.stdin_filename):
                text = stdin_text
            else:
                from lint.engine import read_regular

                try:  # a regular file only: a pipe would stall the report
                    text = read_regular(path).decode("utf-8-sig", errors="replace")
                except OSError:
                    text = ""
            from lint.text import editor_lines

            lines_cache[path] = editor_lines(text).split("\n")  # the lines findings count
        lines = lines_cache[path]
        if 1 <= line <= len(lines):
            return lines[line - 1].rstrip("\r")
        return None

    reporter = reporters[fmt](out, source_line=source_line, statistics=args.statistics, color=color, root=".")
    try:
        reporter.render(result)
        out.flush()
    finally:
        if out is not sys.stdout and out is not sys.stderr:
            out.close()


def _list_rules(registry: Any, args: argparse.Namespace) -> int:
    from lint import rulehelp

    width = _terminal_columns() if sys.stdout.isatty() else None
    rulehelp.list_rules(registry, args.format, sys.stdout, width)
    return EXIT_OK


def _explain(registry: Any, args: argparse.Namespace) -> int:
    """The rule's documentation as Markdown: rendered at a terminal (or with ``--color
    always``), as written when piped (or with ``--color never``)."""
    from lint import rulehelp

    key = args.explain
    text = rulehelp.explain_markdown(registry, key)
    if text is None:
        import difflib

        close = difflib.get_close_matches(key, list(registry.rules) + list(registry.names), n=1)
        raise UserError(f"no rule {key!r}", hint=(f"did you mean {close[0]!r}? " if close else "") + "see --list-rules")
    render = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    rulehelp.show_markdown(text, sys.stdout, render, False if os.environ.get("NO_COLOR") else None)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
