"""Files: which drafts a run reads (discovery, within the linted roots) and how they are read
(regular files only, UTF-8 with or without BOM).

Invariants: a symbolic link whose target lies outside the linted roots is never read (nor
written by ``--fix``, which only writes drafts discovery returned); nothing but a regular
file is read, so a pipe or a device cannot stall a run.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from lint.config import Config
from lint.record import Record

BINARY_SNIFF = 8192


def path_matches(path: str, pattern: str, root: Path) -> bool:
    """gitignore-like glob match of ``path`` against ``pattern`` (relative to ``root``)."""
    p = Path(path)
    try:
        rel = p.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        rel = p.as_posix()
    candidates = [rel, p.as_posix()]
    pat = pattern.rstrip("/")
    for c in candidates:
        if fnmatch.fnmatchcase(c, pat) or fnmatch.fnmatchcase(c, pat + "/*"):
            return True
        if "/" not in pat and any(fnmatch.fnmatchcase(part, pat) for part in c.split("/")):
            return True
    return False


class Discovery(Record):
    files: list[str]
    missing: list[str]
    outside: list[str]
    """Symbolic links, found or given, whose target lies outside the linted roots: reported,
    neither read nor written."""


def _within(real: str, roots: Sequence[str]) -> bool:
    return any(real == r or real.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def discover(paths: Sequence[str], config: Config) -> Discovery:
    """Expand files and folders into draft paths (sorted, unique). Folders are walked
    recursively, skipping hidden folders, excluded globs and symbolic-link loops, and, in a
    git work tree with ``config.respect_gitignore``, the untracked files git ignores
    (:func:`git_ignored`); a file given by name is linted even so.

    The linted roots are the project's root (``config.root``) and the folders given, except
    a folder given that is itself a link out of the project (a repository may have replaced
    ``drafts/`` by one). A symbolic link, to a file or a folder, found in a folder or given
    by name, whose target (resolved) lies outside every root goes to ``outside`` instead of
    ``files``: a repository's link must not make lint-article read, or ``--fix`` write, a
    file elsewhere. A file or folder given by name that is not a link is the user's own
    choice, and is linted wherever it is."""
    files: list[str] = []
    missing: list[str] = []
    outside: list[str] = []
    seen: set[str] = set()
    exts = set(config.extensions)
    project = [os.path.realpath(config.root)]
    linked_out = {
        p
        for p in paths
        if p != "-"
        and os.path.isdir(p)
        and os.path.islink(p.rstrip("/\\") or p)
        and not _within(os.path.realpath(p), project)
    }
    roots = project + [os.path.realpath(p) for p in paths if p != "-" and os.path.isdir(p) and p not in linked_out]

    def excluded(p: str) -> bool:
        return any(path_matches(p, pat, config.root) for pat in config.exclude)

    def add(p: str) -> None:
        norm = os.path.normpath(p)
        if norm in seen:
            return
        seen.add(norm)
        if os.path.islink(norm) and not _within(os.path.realpath(norm), roots):
            outside.append(norm)
        else:
            files.append(norm)

    for given in paths:
        if given == "-":
            add("-")
            continue
        if given in linked_out:
            outside.append(os.path.normpath(given))
            continue
        if os.path.isdir(given):
            if excluded(given) and os.path.normpath(given) != ".":
                continue
            visited: set[tuple[int, int]] = set()
            walked: list[str] = []
            for folder, dirs, names in os.walk(given, followlinks=True, onerror=None):
                try:
                    st = os.stat(folder)
                    ident = (st.st_dev, st.st_ino)
                except OSError:
                    dirs[:] = []
                    continue
                if ident in visited:  # a symbolic-link loop
                    dirs[:] = []
                    continue
                visited.add(ident)
                kept = []
                for d in sorted(dirs):
                    full = os.path.join(folder, d)
                    if d.startswith(".") or excluded(full):
                        continue
                    if os.path.islink(full) and not _within(os.path.realpath(full), roots):
                        outside.append(os.path.normpath(full))
                        continue
                    kept.append(d)
                dirs[:] = kept
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    full = os.path.join(folder, name)
                    if os.path.splitext(name)[1].lower() in exts and not excluded(full):
                        walked.append(full)
            ignored = git_ignored(given, walked) if config.respect_gitignore and walked else set()
            for full in walked:
                if full not in ignored:
                    add(full)
        elif os.path.lexists(given):
            if not excluded(given):
                add(given)
        else:
            missing.append(given)
    files.sort(key=lambda f: (f == "-", f))
    return Discovery(files, missing, sorted(outside))


def context_files(config: Config, linted: Sequence[str]) -> Discovery:
    """The context drafts of a run: ``config.context`` (files or folders) discovered as
    :func:`discover` does, less the drafts being linted (a draft is linted or context, never
    both). Paths under the current folder are given relative to it, as the linted drafts
    usually are, so a finding's related place reads ``drafts/a.md``, not an absolute path."""
    if not config.context:
        return Discovery([], [], [])
    here = os.path.realpath(os.getcwd())
    given = [os.path.relpath(p, here) if _within(str(p), [here]) else str(p) for p in config.context]
    found = discover(given, config)
    skip = {os.path.realpath(p) for p in linted if p != "-"}
    files = [f for f in found.files if f != "-" and os.path.realpath(f) not in skip]
    return Discovery(files, found.missing, found.outside)


_GIT = ("git", "-c", "core.fsmonitor=false")
"""git, told not to run a file-system monitor a repository's local config may name."""


def _git(args: Sequence[str], cwd: str, stdin: bytes | None = None) -> tuple[int, bytes]:
    import subprocess

    try:
        done = subprocess.run(
            [*_GIT, *args], cwd=cwd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False
        )
    except OSError:  # no git: nothing is ignored
        return -1, b""
    return done.returncode, done.stdout


def git_ignored(folder: str, files: Sequence[str]) -> set[str]:
    """The ``files`` (found in ``folder``) that git's ignore rules exclude: ``.gitignore``
    files, ``.git/info/exclude`` and the user's excludes file, as ``git check-ignore --stdin``
    reads them. Empty outside a git work tree or without git. A tracked file is never
    ignored (git does not report it), nor a file whose path passes through a symbolic link
    (git would refuse the whole batch), nor, when git fails, any file."""
    code, out = _git(["rev-parse", "--show-toplevel"], folder)
    if code != 0:
        return set()
    top = os.path.realpath(out.decode("utf-8", "surrogateescape").strip())
    asked: dict[str, str] = {}
    for f in files:
        rel = os.path.relpath(os.path.abspath(f), top)
        if rel.startswith(".." + os.sep) or os.path.realpath(f) != os.path.join(top, rel):
            continue  # outside the work tree, or through a link
        asked[rel] = f
    if not asked:
        return set()
    stdin = b"".join(rel.encode("utf-8", "surrogateescape") + b"\0" for rel in asked)
    code, out = _git(["check-ignore", "--stdin", "-z", "-v", "-n"], top, stdin)
    if code not in (0, 1):
        return set()
    fields = out.split(b"\0")
    ignored = set()
    for i in range(0, len(fields) - 3, 4):  # source, line, pattern, path
        source, pattern, path = fields[i], fields[i + 2], fields[i + 3].decode("utf-8", "surrogateescape")
        if source and not pattern.startswith(b"!") and path in asked:
            ignored.add(asked[path])
    return ignored


class ReadDraft(Record):
    text: str | None
    raw: bytes
    error: str | None = None
    bom: bool = False


def decode(raw: bytes) -> ReadDraft:
    """Bytes to text: UTF-8 with or without BOM; binary data and other encodings are refused
    with a message that says where and what to do."""
    head = raw[:BINARY_SNIFF]
    if b"\x00" in head:
        return ReadDraft(None, raw, "file looks binary (it holds NUL bytes); drafts must be text")
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return ReadDraft(
            None,
            raw,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at line {line}, column {col}); save the draft as UTF-8",
        )
    if "\x00" in text:
        return ReadDraft(None, raw, "file holds NUL characters; drafts must be text")
    return ReadDraft(text, raw, None, bom)


class _NotRegular(OSError):
    pass


def read_regular(path: str) -> bytes:
    """The bytes of ``path``, which must be a regular file: a pipe named ``*.md`` would make a
    read wait for a writer for ever, so the file is opened without waiting and checked
    before it is read. Raises OSError (``_NotRegular`` for anything but a regular file)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):
            raise _NotRegular(path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    finally:
        os.close(fd)


def read_draft(path: str, stdin_text: str | None = None) -> ReadDraft:
    if path == "-":
        text = stdin_text if stdin_text is not None else ""
        return ReadDraft(text, text.encode("utf-8", "surrogateescape"))
    try:
        raw = read_regular(path)
    except _NotRegular:
        return ReadDraft(None, b"", "not a regular file (a pipe, device or socket); not read")
    except FileNotFoundError:
        return ReadDraft(None, b"", "file vanished before it could be read")
    except IsADirectoryError:
        return ReadDraft(None, b"", "is a directory, not a draft")
    except PermissionError:
        return ReadDraft(None, b"", "permission denied")
    except OSError as exc:
        return ReadDraft(None, b"", f"cannot read: {exc.strerror or exc}")
    return decode(raw)
