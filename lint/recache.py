"""Compiled regular expressions kept in the cache folder between runs.

A one-draft run spends about half of its time compiling regular expressions: Python's ``re``
parses and assembles every pattern in Python, and the rules and phrase packs hold several
hundred. ``re.compile`` looks in ``re._cache`` before compiling, so this module fills that
cache at start-up with patterns built directly from their stored SRE code (``_sre.compile``,
which validates the code), and after a run stores the code of patterns it compiled anew.

It is CPython's internal API, so it is guarded: the stored file carries the interpreter's
version and SRE magic number and is ignored when they differ; on another implementation, a
Python whose ``re`` keeps no such cache, or any error reading or building an entry, nothing
is loaded and every pattern compiles as usual. A loaded pattern is the one ``re.compile``
would build: :func:`save` checks that the stored code builds a pattern equal in pattern,
flags and groups to the one compiled, and skips it otherwise.
"""

from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path
from typing import Any

try:  # Python 3.11+
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

try:
    import _sre
except ImportError:  # pragma: no cover - not CPython
    _sre = None  # type: ignore[assignment]

FILE = "regex.marshal"
_stored: dict[tuple[Any, ...], tuple[int, tuple[Any, ...]]] = {}
"""Entries loaded or saved in this process: ``re._cache`` key -> (flags asked, SRE arguments)."""


def _tag() -> str:
    return f"{sys.implementation.cache_tag} {sys.version} {getattr(_compiler, 'MAGIC', None)}"


def supported() -> bool:
    return (
        sys.implementation.name == "cpython"
        and _sre is not None
        and isinstance(getattr(re, "_cache", None), dict)
        and hasattr(_compiler, "_code")
        and hasattr(_parser, "parse")
    )


def preload(folder: Path) -> int:
    """Put the patterns stored in ``folder`` into ``re``'s cache; how many were loaded."""
    if not supported():
        return 0
    try:
        tag, entries = marshal.loads((folder / FILE).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return 0  # missing, damaged or not ours: patterns compile as usual
    if tag != _tag() or not isinstance(entries, list):
        return 0
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    room = getattr(re, "_MAXCACHE", 512) - len(cache)
    loaded = 0
    for entry in entries:
        if loaded >= room:
            break
        try:
            flags, args = entry
            key = (type(args[0]), args[0], flags)
            if key not in cache:
                cache[key] = _sre.compile(*args)
                loaded += 1
            _stored[key] = (flags, args)
        except Exception:  # noqa: BLE001 - a stale or damaged entry is only a miss
            continue
    return loaded


def _arguments(pattern: str | bytes, flags: int) -> tuple[Any, ...]:
    """What ``re``'s compiler hands ``_sre.compile`` for ``pattern`` (its ``compile``)."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # Plain ints: the compiler's opcodes are an int subclass, which marshal does not store.
    return (
        pattern,
        int(flags | p.state.flags),
        [int(c) for c in code],
        int(p.state.groups - 1),
        {str(k): int(v) for k, v in groupindex.items()},
        tuple(indexgroup),
    )


def save(folder: Path) -> int:
    """Store the code of the patterns this run holds, when some are new; how many were new.

    Only patterns something still refers to at the end of the run are stored (a module's or
    a rule's compiled pattern): a pattern compiled for one call, like those ``argparse`` and
    ``markdown-it`` build afresh in every process, is left out, so the file does not grow
    run after run. Writing replaces the file with this run's patterns, which also drops
    the ones no longer used."""
    if not supported():
        return 0
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    live = [key for key in list(cache) if sys.getrefcount(cache.get(key)) > 2]  # held beyond re's cache
    fresh = [key for key in live if key not in _stored]
    new = 0
    for key in fresh:
        kind, pattern, flags = key
        compiled = cache[key]
        if kind not in (str, bytes) or flags & re.DEBUG:
            continue
        try:
            args = _arguments(pattern, flags)
            made = _sre.compile(*args)
        except Exception:  # noqa: BLE001 - a pattern we cannot reproduce is not stored
            continue
        if (made.pattern, made.flags, made.groups, made.groupindex) != (
            compiled.pattern,
            compiled.flags,
            compiled.groups,
            compiled.groupindex,
        ):
            continue
        _stored[key] = (flags, args)
        new += 1
    if not new:
        return 0
    from lint.cache import write_file

    try:
        data = marshal.dumps((_tag(), [list(_stored[key]) for key in live if key in _stored]))
    except ValueError:
        return 0
    return new if write_file(folder / FILE, data) else 0
