"""The ``lint-article`` command. Only this module reads argv and decides the exit code:
0 no finding at or above ``--fail-on``, 1 findings, 2 usage, configuration or input errors."""

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


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, told the terminal width as ``shutil.get_terminal_size`` would
    (COLUMNS, else the terminal, else 80): argparse makes one per option it adds, and left to
    itself imports shutil (with zlib, bz2 and lzma) to ask, milliseconds a hook run does not need."""

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


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="lint-article",
        description="Editorial consistency linter and style checker for article drafts.",
        epilog="Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage/config/input errors.",
        formatter_class=_HelpFormatter,
    )
    p.add_argument("paths", nargs="*", help="drafts or folders (default: .); '-' reads standard input")
    out = p.add_argument_group("output")
    out.add_argument("--format", "-f", help="rich (terminal default), text, json, sarif, github")
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
    cfg.add_argument("--facts", action="append", metavar="FILE", help="fact base YAML (repeatable)")
    cfg.add_argument("--languagetool", metavar="off|local|URL", help="grammar checking backend (default off)")
    cfg.add_argument("--stdin-filename", metavar="NAME", help="path to report for '-' (suffix picks the format)")
    fix = p.add_argument_group("fixes")
    fix.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fix.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply unsafe fixes")
    fix.add_argument("--diff", action="store_true", help="show the fixes as a diff; write nothing")
    perf = p.add_argument_group("performance and adoption")
    perf.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: number of cores)")
    perf.add_argument("--no-cache", action="store_true", help="do not read or write the cache folder")
    perf.add_argument("--cache-dir", metavar="DIR", help="cache folder (default .lint-article-cache)")
    perf.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in FILE")
    perf.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE")
    perf.add_argument("--rule-timeout", type=float, metavar="SECONDS", default=60.0, help="per rule and draft")
    info = p.add_argument_group("information")
    info.add_argument("--list-rules", action="store_true", help="list every rule")
    info.add_argument("--explain", metavar="RULE", help="show a rule's documentation")
    info.add_argument("--check-facts", nargs="+", metavar="FILE", help="validate fact base files and summarise them")
    info.add_argument("--version", action="version", version=f"lint-article {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    import gc

    # Start-up (importing the rule families, loading packs and the fact base) allocates
    # hundreds of thousands of objects that live as long as the run; the cyclic collector
    # would walk them again and again (~25 ms of a one-draft run). It is off until they are
    # loaded, then they are frozen out of its way (:func:`_startup_done`).
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
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's flush
        except OSError:
            pass
        return EXIT_ERROR
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
        if collecting:
            gc.enable()
        else:
            gc.disable()


def _startup_done(drafts: int) -> None:
    """The long-lived objects are loaded. For more than one draft, move them out of the
    collector's way and let it collect what each draft leaves behind; one draft's garbage
    goes with the process (a pre-commit run on one file saves the collector's passes)."""
    import gc

    if drafts > 1:
        gc.freeze()
        # A draft's objects die young and seldom in cycles. Collecting after every 700 new
        # objects (the default) took 3% of a run over the BBC corpus. Each young collection
        # also walks the batch's big lists of words (Linter.check_drafts holds 64 drafts):
        # after every 10,000 new objects that still took 0.12 s; after every 50,000, 0.02 s
        # (gc callbacks), with the same peak memory.
        gc.set_threshold(50_000, 10, 10)
        gc.enable()


def _split(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _load_config(args: argparse.Namespace) -> Any:
    from lint.config import Config, find_config, load_config, parse_languagetool

    if args.isolated:
        config = Config()
    elif args.config:
        path = Path(args.config)
        if not path.is_file():
            raise UserError("config file not found", path=args.config)
        config = load_config(path)
    else:
        config = load_config(find_config(_search_start(args.paths)))
    changes: dict[str, Any] = {}
    if args.select is not None:
        changes["select"] = _split(args.select)
    if args.extend_select:
        changes["extend_select"] = config.extend_select + (_split(args.extend_select) or ())
    if args.ignore:
        changes["ignore"] = config.ignore + (_split(args.ignore) or ())
    if args.fail_on:
        changes["fail_on"] = Severity.parse(args.fail_on)
    if args.facts:
        # The same file named in the config and on the command line is loaded once.
        changes["facts"] = tuple(dict.fromkeys(config.facts + tuple(Path(f).resolve() for f in args.facts)))
    if args.languagetool:
        changes["languagetool"] = parse_languagetool(args.languagetool)
    if args.cache_dir:
        changes["cache_dir"] = Path(args.cache_dir).resolve()
    if args.no_cache:
        changes["cache"] = False
    if args.jobs is not None:
        if args.jobs < 1:
            raise UserError("--jobs must be at least 1")
        changes["jobs"] = args.jobs
    return config.with_overrides(**changes)


def _search_start(paths: Sequence[str]) -> Path:
    """Where to look for a config file: the folder that holds every given path (so
    ``lint-article drafts/`` finds ``drafts/.lint-article.yaml``), else the current folder."""
    real = [os.path.abspath(p) for p in paths if p != "-" and os.path.exists(p)]
    if not real:
        return Path.cwd()
    common = os.path.commonpath(real)
    return Path(common if os.path.isdir(common) else os.path.dirname(common))


def _load_facts(paths: Sequence[Path]) -> Any:
    if not paths:
        return None
    from lint.facts import load_factbase

    for p in paths:
        if not Path(p).is_file():
            raise UserError("fact base file not found", path=str(p), hint="check --facts or 'facts:' in the config")
    return load_factbase(list(paths))


def _registry(config: Any) -> Any:
    from lint import recache

    plugins = recache.import_marked("lint.plugins")
    with recache.installed_code():  # what importing the plugins' modules compiles
        pm = plugins.make_plugin_manager()
    return plugins.build_registry(pm, config.packs, config.effective_cache_dir if config.cache else None)


def _open_output(args: argparse.Namespace) -> TextIO:
    if args.output_file:
        try:
            return open(args.output_file, "w", encoding="utf-8")  # noqa: SIM115 - closed by caller
        except OSError as exc:
            raise UserError(f"cannot write report: {exc.strerror}", path=args.output_file) from None
    return sys.stdout


def _main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.check_facts:
        from lint.facts import load_factbase

        for f in args.check_facts:
            if not Path(f).is_file():
                raise UserError("fact base file not found", path=f)
        facts = load_factbase([Path(f) for f in args.check_facts])
        print(facts.describe())
        return EXIT_OK
    config = _load_config(args)
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


def _run(args: argparse.Namespace, config: Any) -> int:
    registry = _registry(config)
    if args.list_rules:
        return _list_rules(registry, args.format)
    if args.explain:
        return _explain(registry, args.explain)
    if args.fix and args.diff:
        raise UserError("--fix and --diff cannot be combined", hint="--diff shows what --fix would write")

    from lint import engine

    facts = _load_facts(config.facts)
    linter = engine.Linter(registry, config, facts, rule_timeout=args.rule_timeout or None)
    paths = args.paths or ["."]
    discovery = engine.discover(paths, config)
    for missing in discovery.missing:
        print(f"lint-article: error: {missing}: no such file or directory", file=sys.stderr)
    for link in discovery.outside:
        print(f"lint-article: warning: {link}: a link to outside the linted folders; not read", file=sys.stderr)
    stdin_text = None
    files = list(discovery.files)
    _startup_done(len(files))
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
    results = _lint(engine, linter, files, jobs, cache, stdin_text, args.stdin_filename)
    result, required = engine.collect(linter, results, files, fail_on=config.fail_on)

    if args.fix or args.diff:
        outcome = _apply_fixes(engine, linter, result, args, stdin_text)
        if args.diff:
            return EXIT_FINDINGS if outcome.changed else EXIT_OK
        # Report what is left after fixing, as ruff does.
        results = _lint(engine, linter, files, 1, None, outcome.stdin_text, args.stdin_filename)
        result, required = engine.collect(linter, results, files, fail_on=config.fail_on)
        from dataclasses import replace

        result = replace(result, fixed=outcome.applied)

    baseline_path = Path(args.baseline) if args.baseline else config.baseline
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
    if args.quiet and fmt in ("text", "rich") and not result.findings and not result.warnings:
        return  # machine formats always write their document
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


def _list_rules(registry: Any, fmt: str | None) -> int:
    rules = registry.sorted_rules()
    if fmt == "json":
        import json

        data = [
            {
                "code": r.code,
                "name": r.name,
                "category": r.category,
                "severity": str(r.severity),
                "fixable": r.fixable,
                "enabled_by_default": r.enabled_by_default,
                "summary": r.summary(),
            }
            for r in rules
        ]
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    width = max((len(r.name) for r in rules), default=10)
    for r in rules:
        flags = ("fix " if r.fixable else "    ") + ("" if r.enabled_by_default else "(off) ")
        print(f"{r.code}  {r.name:<{width}}  {r.category:<12} {str(r.severity):<8} {flags}{r.summary()}")
    from lint.engine import ENGINE_DIAGNOSTICS

    for code, (name, sev, summary) in ENGINE_DIAGNOSTICS.items():
        print(f"{code}  {name:<{width}}  {'internal':<12} {str(sev):<8}     {summary}")
    return EXIT_OK


def _explain(registry: Any, key: str) -> int:
    from lint.engine import ENGINE_DIAGNOSTICS

    code = registry.resolve(key)
    if code is None:
        up = key.upper()
        if up in ENGINE_DIAGNOSTICS:
            name, sev, summary = ENGINE_DIAGNOSTICS[up]
            print(f"{up} ({name}) [internal, {sev}]\n\n{summary}.")
            return EXIT_OK
        import difflib

        close = difflib.get_close_matches(key, list(registry.rules) + list(registry.names), n=1)
        raise UserError(f"no rule {key!r}", hint=(f"did you mean {close[0]!r}? " if close else "") + "see --list-rules")
    r = registry.rules[code]
    print(f"{r.code} ({r.name}) [{r.category}, {r.severity}{', fixable' if r.fixable else ''}]")
    if not r.enabled_by_default:
        print("Off by default: enable with --extend-select " + r.code)
    print()
    print(r.documentation())
    if r.examples_bad:
        print("\nFlagged:")
        for ex in r.examples_bad:
            print("    " + ex.strip().replace("\n", "\n    "))
    if r.examples_good:
        print("\nNot flagged:")
        for ex in r.examples_good:
            print("    " + ex.strip().replace("\n", "\n    "))
    if r.default_options:
        print("\nOptions (config: [tool.lint-article.rules." + r.code + "]):")
        for k, v in r.default_options.items():
            print(f"    {k.replace('_', '-')} = {v!r}")
    if r.source:
        print(f"\nDefined in {r.source}")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
