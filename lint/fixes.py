"""Applying fixes: non-overlapping edits, atomic writes, never losing data."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from lint.model import Edit, Finding, Fix


def fixes_to_apply(findings: Iterable[Finding], unsafe: bool = False) -> list[Fix]:
    return [f.fix for f in findings if f.fix is not None and (f.fix.safe or unsafe)]


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply every fix whose edits overlap no edit already taken; return (text, applied).

    Fixes that overlap are left for the next pass (the caller re-lints and repeats).
    """
    taken: list[Edit] = []
    applied = 0
    for fix in sorted(fixes, key=lambda f: min((e.start for e in f.edits), default=0)):
        edits = sorted(fix.edits, key=lambda e: e.start)
        if not edits or any(_overlaps(e, t) for e in edits for t in taken):
            continue
        if any(e.start < 0 or e.end > len(text) or e.start > e.end for e in edits):
            continue
        taken.extend(edits)
        applied += 1
    if not taken:
        return text, 0
    taken.sort(key=lambda e: e.start)
    out: list[str] = []
    joins: list[int] = []  # where a removal closed up the text, in output offsets
    pos = 0
    length = 0
    for e in taken:
        piece = text[pos : e.start]
        out.append(piece)
        length += len(piece)
        out.append(e.replacement)
        length += len(e.replacement)
        if not e.replacement and e.end > e.start:
            joins.append(length)
        pos = e.end
    out.append(text[pos:])
    result = "".join(out)
    if joins:
        result = _tidy_blank_lines(result, joins, removed_to_end=bool(taken) and taken[-1].end == len(text))
    return result, applied


def _tidy_blank_lines(text: str, joins: list[int], removed_to_end: bool) -> str:
    """Where removals meet, leave at most one blank line; at the end of the file, none.

    Removing adjacent clutter blocks one by one would otherwise leave their separating blank
    lines piled up. Only the white space around a removal is touched."""
    out: list[str] = []
    pos = 0
    for j in joins:
        if j < pos:
            continue
        a = j
        while a > pos and text[a - 1] in "\r\n":
            a -= 1
        b = j
        while b < len(text) and text[b] in "\r\n":
            b += 1
        run = text[a:b]
        newline = "\r\n" if "\r\n" in run else "\n"
        breaks = run.count("\n")
        out.append(text[pos:a])
        if b == len(text):
            out.append(newline if breaks and a > 0 else "")
        elif a == 0:
            out.append("")
        else:
            out.append(newline * min(breaks, 2))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start < b.end and b.start < a.end or a.start == b.start
    return a.start < b.end and b.start < a.end


class ChangedOnDisk(Exception):
    """The draft changed between reading and writing; it was not overwritten."""


def write_atomic(path: Path, data: bytes, expected: bytes) -> None:
    """Replace ``path`` with ``data`` via a temporary file and rename, keeping its mode.

    Refuses (``ChangedOnDisk``) when the file no longer holds ``expected``.
    """
    try:
        current = path.read_bytes()
    except OSError as exc:
        raise ChangedOnDisk(f"cannot re-read before writing: {exc}") from None
    if current != expected:
        raise ChangedOnDisk("the draft changed on disk while it was being linted; not overwritten")
    st = path.stat()
    real = path.resolve()
    remove_leftovers(real.parent)
    tmp = real.with_name(f".{real.name}.{os.getpid()}.{os.urandom(4).hex()}{_LEFTOVER}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, st.st_mode & 0o7777)
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


_LEFTOVER = ".lint-article-fix.tmp"
"""How the temporary file of :func:`write_atomic` ends: ``.<draft name>.<process id>.<random><_LEFTOVER>``."""


def remove_leftovers(folder: Path) -> int:
    """Delete the temporary files an interrupted ``--fix`` left in ``folder`` (those of
    processes no longer running on this machine); how many were deleted."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        if not (name.startswith(".") and name.endswith(_LEFTOVER)):
            continue
        parts = name[: -len(_LEFTOVER)].rsplit(".", 2)  # ".<draft name>", pid, random
        if len(parts) != 3 or not parts[1].isdigit() or _running(int(parts[1])):
            continue
        try:
            os.unlink(folder / name)
            removed += 1
        except OSError:
            pass
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this run writes no file before it has looked for leftovers
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True
