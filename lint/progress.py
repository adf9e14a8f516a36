"""A progress line on standard error for runs that take more than a moment.

Shown only where a person watches: standard error is a terminal, ``--quiet`` is off, no
``CI`` variable is set (CI services set it, and their logs keep every redrawn line) and the
terminal is not ``dumb``. It appears once the run has taken :data:`DELAY` seconds, is
redrawn in place (drafts done of the total, a bar, findings so far) and is wiped before the
report is written, so it never mixes with the report.

How drafts are counted: the engine's per-draft phase takes a result cache (``get``, ``put``,
``key``) and hands every draft's result to it, in the worker processes too.
:class:`Progress` is such a cache: it passes every call on to the real cache (or stands in
for none, remembering nothing) and counts each result in shared memory. A thread of the
main process redraws the line from those counts; it writes with ``os.write`` and holds no
lock a forked worker could inherit.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from time import monotonic
from typing import Any, TextIO

DELAY = 0.5
"""Seconds a run goes without a progress line (most single drafts finish sooner)."""
INTERVAL = 0.1
"""Seconds between redraws."""
_BAR = 24


def wanted(stream: TextIO, quiet: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether a person is watching ``stream``: see the module's docstring."""
    if quiet or environ.get("CI") or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty() and stream.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        return False


def line(done: int, total: int, findings: int) -> str:
    filled = _BAR * min(done, total) // max(1, total)
    return f"linting {done}/{total} drafts [{'━' * filled}{' ' * (_BAR - filled)}] {findings} findings so far"


class Progress:
    """The cache the engine sees while the line is shown (a context manager: entering
    starts the redrawing thread, leaving stops it and wipes the line)."""

    def __init__(self, total: int, fd: int, inner: Any = None) -> None:
        import multiprocessing

        self.total = total
        self.fd = fd
        self.inner = inner
        self.drafts = multiprocessing.Value("q", 0)  # shared with forked workers
        self.findings = multiprocessing.Value("q", 0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._redraw, name="lint-article progress", daemon=True)
        self._drawn = 0

    # -- the cache the engine calls ------------------------------------------------------
    def key(self, path: str, data: bytes) -> str:
        return str(self.inner.key(path, data)) if self.inner is not None else ""

    def get(self, key: str) -> Any:
        hit = self.inner.get(key) if self.inner is not None and key else None
        if hit is not None:
            self._count(hit)
        return hit

    def put(self, key: str, value: Any) -> None:
        self._count(value)
        if self.inner is not None:
            self.inner.put(key, value)

    def _count(self, result: Any) -> None:
        with self.drafts.get_lock():
            self.drafts.value += 1
        with self.findings.get_lock():
            self.findings.value += len(getattr(result, "findings", ()))

    # -- the line ----------------------------------------------------------------------
    def __enter__(self) -> Progress:
        self._started = monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        if self._drawn:
            self._write("\r" + " " * self._drawn + "\r")

    def _redraw(self) -> None:
        while True:
            if monotonic() - self._started >= DELAY:
                text = line(self.drafts.value, self.total, self.findings.value)
                self._write("\r" + text.ljust(self._drawn))
                self._drawn = max(self._drawn, len(text))
            if self._stop.wait(INTERVAL):
                return

    def _write(self, text: str) -> None:
        try:
            os.write(self.fd, text.encode("utf-8", "replace"))
        except OSError:
            self._stop.set()  # the terminal went away: stop drawing, lint on
