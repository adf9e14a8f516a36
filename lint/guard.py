"""The engine's guard around rule code: the plugin contract, enforced.

While rules run, their ``print()`` goes to stderr; what a rule raises, ``SystemExit`` and its
own ``KeyboardInterrupt`` included, is contained by the caller; each value a rule yields is
checked against the draft (:func:`contract_breach`); and a time limit bounds each rule, and
the reading of each draft's structure (:class:`time_limit`).
"""

from __future__ import annotations

import signal
import sys
import threading
import time

from lint.document import Document
from lint.model import Finding, Span


class RuleTimeout(Exception):
    pass


def contract_breach(f: object, doc: Document, path: str) -> str | None:
    """What is wrong with ``f`` as a finding of a rule's ``check`` on ``doc``, or None: it
    must be a :class:`Finding` of this draft, its span inside the text with the positions
    :meth:`Document.span` gives, its fix's edits inside the text."""
    if not isinstance(f, Finding):
        return f"yielded {type(f).__name__}, not a Finding"
    if f.path != path:
        return f"yielded a finding for another draft ({f.path!r})"
    sp, n = f.span, len(doc.text)
    if not isinstance(sp, Span) or not (type(sp.start) is int and type(sp.end) is int and 0 <= sp.start <= sp.end <= n):
        return f"yielded a span outside the draft ({sp!r}, {n} characters)"
    if (sp.line, sp.column) != doc.position(sp.start) or (sp.end_line, sp.end_column) != doc.position(sp.end):
        return f"yielded a span whose lines and columns are not those of its offsets ({sp!r})"
    if f.fix is not None:
        for e in f.fix.edits:
            if not (type(e.start) is int and type(e.end) is int and 0 <= e.start <= e.end <= n):
                return f"yielded a fix editing outside the draft ({e!r})"
    return None


class rules_running:
    """While rules run: their ``print()`` goes to stderr, so it cannot corrupt a report on
    stdout (``--format json``); and a ``KeyboardInterrupt`` is the user's only when Ctrl-C
    was pressed (SIGINT arrived: the list this yields holds True then), not when a rule
    raised one itself. Handlers can be set only in the main thread; elsewhere every
    ``KeyboardInterrupt`` counts as the user's."""

    def __init__(self) -> None:
        self.interrupted = [not main_thread()]
        self.installed = False

    def __enter__(self) -> list[bool]:
        self.stdout = sys.stdout
        sys.stdout = sys.stderr
        if main_thread():
            self.previous = signal.signal(signal.SIGINT, self._sigint)
            self.installed = True
        return self.interrupted

    def _sigint(self, signum: int, frame: object) -> None:
        self.interrupted[0] = True
        raise KeyboardInterrupt

    def __exit__(self, *exc: object) -> None:
        sys.stdout = self.stdout
        if self.installed:
            signal.signal(signal.SIGINT, self.previous if self.previous is not None else signal.SIG_DFL)


def main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


class time_limit:
    """Raise RuleTimeout in the main thread once a rule has run ``seconds`` since it was
    armed (Unix only; no-op elsewhere).

    Arming and disarming only note the time: the interval timer starts on the first arm and
    is set again only when it fires. Then the handler raises if the rule running has had its
    ``seconds``, sets the timer for what is left of them if a rule is running, and otherwise
    lets it stop until the next arm, so a run makes a few timer calls, not two per rule and
    draft. The handler is installed once per batch."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = float(seconds or 0)
        self.active = (
            bool(seconds) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        )
        self.started: float | None = None  # when the running rule was armed; None between rules
        self.ticking = False

    def __enter__(self) -> time_limit:
        if self.active:
            self.previous = signal.signal(signal.SIGALRM, self._fired)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            self.ticking = False
            signal.signal(signal.SIGALRM, self.previous)

    def arm(self) -> None:
        if self.active:
            self.started = time.perf_counter()
            if not self.ticking:
                self.ticking = True
                signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def disarm(self) -> None:
        self.started = None

    def _fired(self, signum: int, frame: object) -> None:
        started = self.started
        if started is None:  # between rules: the timer rests until the next arm
            self.ticking = False
            return
        left = self.seconds - (time.perf_counter() - started)
        if left <= 0.001:  # the clocks may differ by a little
            self.ticking = False
            self.started = None
            raise RuleTimeout()
        signal.setitimer(signal.ITIMER_REAL, left)
