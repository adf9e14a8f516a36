"""Compiled regular expressions of installed code kept with the installation between runs
(never in a cache folder a repository can hold), and the one door to CPython's regex
internals: :func:`parse` gives any module the parse tree of a pattern as plain tuples, and
no other module imports ``re._parser``, ``re._compiler``, ``re._constants`` (``sre_*``
before 3.11) or reads ``re._cache``.

A one-draft run spends about half of its time compiling regular expressions: Python's ``re``
parses and assembles every pattern in Python, and the rules and phrase packs hold several
hundred. ``re.compile`` looks in ``re._cache`` before compiling, so this module fills that
cache at start-up with patterns built directly from their stored SRE code (``_sre.compile``,
which validates the code), and after a run stores the code of patterns it compiled anew.

It is CPython's internal API, so it is guarded: the stored file carries the interpreter's
version and SRE magic number and is ignored when they differ; on another implementation, a
Python whose ``re`` keeps no such cache, or any error reading or building an entry, nothing
is loaded and every pattern compiles as usual. A loaded pattern is the one ``re.compile``
would build: saving checks that the stored code builds a pattern equal in pattern,
flags and groups to the one compiled, and skips it otherwise.

Only the installation folder (:func:`installation_folder`, beside the package's bytecode)
keeps patterns, and only those of installed code: the modules of lint-article and its
plugins, the installed phrase packs and :func:`lint.analysis.memo.lazy_pattern`. Like Python's
bytecode, it serves every run, ``--no-cache`` ones too, is written only where the package
folder can be written, and not when Python is told not to write bytecode
(``PYTHONDONTWRITEBYTECODE``); this user's stand-in for it then keeps them instead, sealed,
in the user's own folder (:func:`lint.cache.read_installed`). The installation's file is
read only when it is a regular file owned by this user or the folder's owner that no one
else may write (:func:`lint.cache.read_file`). No draft,
fact base or configuration ever reaches it, and no cache folder keeps patterns: a folder a
repository can hold must not decide what a rule matches (a stored code is not checked
against its pattern text when loaded, which is what makes loading fast). Patterns built
from a fact base or a configuration compile in each run; they cost a one-draft run
nothing measurable.
"""

from __future__ import annotations

import contextlib
import marshal
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lint.cache import MAX_PATTERNS, installation_folder, installed_writable, read_installed, write_installed

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
Item = tuple[str, Any]
"""One item of a parsed pattern (:func:`parse`): ``(operation, argument)``."""
Key = tuple[Any, ...]
Entry = tuple[int, tuple[Any, ...]]
_installed: dict[Key, Entry] = {}
"""Entries loaded from or saved to the installation folder: ``re._cache`` key -> (flags asked, SRE arguments)."""
_marked: set[Key] = set()
"""``re._cache`` keys of patterns that installed code compiled (:func:`mark`)."""


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


_preloaded = False


def preload_installed() -> int:
    """Put the installation folder's patterns into ``re``'s cache, once per process; how
    many were loaded."""
    global _preloaded
    if _preloaded or not supported():
        return 0
    _preloaded = True
    folder = installation_folder()
    return _load(folder, _installed) if folder is not None else 0


def _load(folder: Path, into: dict[Key, Entry]) -> int:
    if not supported():
        return 0
    data = read_installed(folder, FILE, MAX_PATTERNS)  # or from this user's stand-in for the folder
    if data is None:
        return 0  # missing, a link, too large, or not the installation's: patterns compile as usual
    try:
        tag, entries = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return 0  # damaged or not ours
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
            into[key] = (flags, args)
        except Exception:  # noqa: BLE001 - a stale or damaged entry is only a miss
            continue
    return loaded


def mark(pattern: str | bytes, flags: int = 0) -> None:
    """Record that installed code compiled ``pattern`` with ``flags``: it may be kept in the
    installation folder. Only for patterns whose text comes from installed code, never from
    a draft, a fact base or a configuration."""
    _marked.add((type(pattern), pattern, int(flags)))


def _compiled_keys() -> set[Key]:
    cache = getattr(re, "_cache", None)
    return set(cache) if isinstance(cache, dict) else set()


@contextlib.contextmanager
def installed_code() -> Iterator[None]:
    """:func:`mark` every pattern compiled inside the block: for a step that runs only
    installed code, such as importing the plugins' modules."""
    before = _compiled_keys()
    try:
        yield
    finally:
        _marked.update(_compiled_keys() - before)


def import_marked(name: str) -> Any:
    """Import module ``name`` (installed code); the patterns its import compiles are marked."""
    module = sys.modules.get(name)
    if module is None:
        import importlib

        with installed_code():
            module = importlib.import_module(name)
    return module


def mark_compiled() -> None:
    """:func:`mark` every pattern in ``re``'s cache: for a process that has run only
    installed code so far (the console script, once its modules are imported)."""
    _marked.update(_compiled_keys())


def parse(pattern: str, flags: int = 0) -> tuple[Item, ...]:
    """The parse tree of ``pattern`` under ``flags`` as ``re`` reads it, in plain tuples
    (no object of ``re``'s internals escapes); raises ``re.error`` as ``re.compile`` would.

    A sequence is a tuple of ``(operation, argument)`` items. Operations are the names of
    CPython's parser; their arguments:

    - ``LITERAL``, ``NOT_LITERAL``: the code point; ``ANY``: None
    - ``IN`` (a class): a tuple of items: ``LITERAL`` (code point), ``RANGE`` ((low, high)),
      ``CATEGORY`` (a name such as ``CATEGORY_DIGIT``), ``NEGATE`` (None) and the like
    - ``AT`` (an anchor, ``\\b``...): its name, such as ``AT_BOUNDARY``
    - ``SUBPATTERN`` (a group): ``(number or None, flags added, flags removed, sequence)``
    - ``ATOMIC_GROUP``: the sequence
    - ``BRANCH``: a tuple of sequences, one per alternative
    - ``MAX_REPEAT``, ``MIN_REPEAT``, ``POSSESSIVE_REPEAT``: ``(min, max, sequence)``, max
      None when unbounded
    - ``ASSERT``, ``ASSERT_NOT``: ``(direction, sequence)``, direction 1 ahead, -1 behind
    - ``GROUPREF``: the group number; ``GROUPREF_EXISTS``: ``(group, yes, no or None)``

    An operation a later Python adds comes with its argument as plain values.
    """
    return _sequence(_parser.parse(pattern, flags))


def _sequence(items: Any) -> tuple[Item, ...]:
    return tuple(_item(op, av) for op, av in items)


def _plain(value: Any) -> Any:
    """A parser constant by its name, a sequence as one, anything else as it is."""
    if isinstance(value, int) and type(value) is not int:
        return str(getattr(value, "name", int(value)))
    if isinstance(value, _parser.SubPattern):
        return _sequence(value)
    if isinstance(value, list | tuple):
        return tuple(_plain(v) for v in value)
    return value


_UNBOUNDED = int(getattr(_parser, "MAXREPEAT", -1))


def _item(op: Any, av: Any) -> Item:
    name = str(getattr(op, "name", op))
    if name == "SUBPATTERN":
        group, add, remove, sub = av
        return name, (group, int(add), int(remove), _sequence(sub))
    if name == "BRANCH":
        return name, tuple(_sequence(branch) for branch in av[1])
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, sub = av
        return name, (int(low), None if int(high) == _UNBOUNDED else int(high), _sequence(sub))
    if name in ("ASSERT", "ASSERT_NOT"):
        return name, (int(av[0]), _sequence(av[1]))
    if name == "GROUPREF_EXISTS":
        group, yes, no = av
        return name, (group, _sequence(yes), None if no is None else _sequence(no))
    if name == "IN":
        return name, tuple(_item(o, a) for o, a in av)
    return name, _plain(av)


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


def save_installed() -> int:
    """Store the installation folder's patterns: those installed code compiled (:func:`mark`)
    that this run still holds, when some are new and the folder may be written; how many
    were new.

    Only patterns something still refers to at the end of the run are stored (a module's or
    a rule's compiled pattern): a pattern compiled for one call, like those ``argparse`` and
    ``markdown-it`` build afresh in every process, is left out, so the file does not grow
    run after run. Writing replaces the file with this run's patterns, which also drops
    the ones no longer used."""
    folder = installation_folder()
    if not supported() or folder is None:
        return 0
    if not installed_writable(folder):  # not even worth working out what to write
        return 0
    live = [key for key in _live() if key in _marked or key in _installed]
    return _save(folder, live, _installed)


def _live() -> list[Key]:
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    return [key for key in list(cache) if sys.getrefcount(cache.get(key)) > 2]  # held beyond re's cache


def _save(folder: Path, live: list[Key], kept: dict[Key, Entry]) -> int:
    """Write ``folder``'s file with the ``live`` patterns, when some are not yet in ``kept``
    (the entries the file holds); on success, ``kept`` holds them too."""
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    fresh: dict[Key, Entry] = {}
    for key in live:
        if key in kept:
            continue
        kind, pattern, flags = key
        compiled = cache.get(key)
        if compiled is None or kind not in (str, bytes) or flags & re.DEBUG:
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
        fresh[key] = (flags, args)
    if not fresh:
        return 0
    entries = [list(kept.get(key) or fresh[key]) for key in live if key in kept or key in fresh]
    try:
        data = marshal.dumps((_tag(), entries))
    except ValueError:
        return 0
    if not write_installed(folder, FILE, data):
        return 0
    kept.update(fresh)
    return len(fresh)
