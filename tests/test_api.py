"""The documented Python API: map the per-draft phase anywhere, reduce with the corpus phase."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pytest

from lint.api import load_linter
from lint.engine import DraftResult

DRAFTS = {
    "a.md": "# One\n\nThe board met on Monday, the company said.\n\nShare this article\n",
    "b.md": "# Two\n\nA quiet day at the harbour, officials said.\n",
}


def _map(item: tuple[str, str]) -> DraftResult:
    linter = load_linter(select=["BP"])
    return linter.check_draft(item[1], item[0])


def test_check_draft_is_picklable_and_holds_no_text() -> None:
    linter = load_linter(select=["BP"])
    result = linter.check_draft(DRAFTS["a.md"], "a.md")
    blob = pickle.dumps(result)
    assert b"quiet day" not in blob and b"board met" not in blob
    assert pickle.loads(blob) == result


def test_map_in_other_processes_then_reduce_equals_local_run(tmp_path: Path) -> None:
    with ProcessPoolExecutor(2, mp_context=get_context("spawn")) as pool:
        mapped = list(pool.map(_map, sorted(DRAFTS.items())))
    linter = load_linter(select=["BP"])
    local = [linter.check_draft(t, p) for p, t in sorted(DRAFTS.items())]
    remote_report = linter.collect(mapped)
    local_report = linter.collect(local)
    assert remote_report.findings == local_report.findings
    assert [f.path for f in local_report.findings] == ["a.md"]
    assert local_report.findings[0].category == "boilerplate"


def test_entry_point_scan_matches_importlib_metadata(plugin_site: Path, monkeypatch: object) -> None:
    from importlib.metadata import entry_points

    from lint.plugins import plugin_entry_points

    monkeypatch.syspath_prepend(str(plugin_site))  # type: ignore[attr-defined]
    ours = [(e.name, e.value) for e in plugin_entry_points()]
    theirs = sorted((e.name, e.value) for e in entry_points(group="lint_article"))
    assert ours == theirs
    assert ("testplugin", "lat_testplugin") in ours


class _FakeTimer:
    """A clock and an interval timer the time limit reads instead of the real ones: time
    moves only when the test says, and the timer fires (calls the installed handler, as
    SIGALRM would) when the clock passes its deadline."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import signal
        import time

        self.now = 0.0
        self.deadline: float | None = None
        self.handler: Any = None
        self.sets: list[float] = []
        monkeypatch.setattr(time, "perf_counter", lambda: self.now)
        monkeypatch.setattr(signal, "setitimer", self.setitimer)
        monkeypatch.setattr(signal, "signal", self.signal)

    def signal(self, signum: int, handler: Any) -> Any:
        previous, self.handler = self.handler, handler
        return previous

    def setitimer(self, which: int, seconds: float, interval: float = 0.0) -> tuple[float, float]:
        self.sets.append(seconds)
        self.deadline = self.now + seconds if seconds else None
        return (0.0, 0.0)

    def advance(self, seconds: float) -> None:
        import signal

        end = self.now + seconds
        while self.deadline is not None and self.deadline <= end:
            self.now, self.deadline = self.deadline, None
            self.handler(signal.SIGALRM, None)
        self.now = end


def test_time_limit_charges_each_rule_only_its_own_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rules that each stay under the limit are never stopped, however long the draft takes
    in all; time between rules is charged to nobody; a rule over the limit is stopped when
    it has had its full time; the caller's handler is restored."""
    import signal

    from lint.engine import RuleTimeout, _time_limit

    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timers here")
    timer = _FakeTimer(monkeypatch)
    with _time_limit(0.3) as limit:
        for _ in range(3):  # 0.6 s in all, 0.2 s each
            limit.arm()
            timer.advance(0.2)
            limit.disarm()
        timer.advance(0.4)  # between rules: the timer fires and rests
        limit.arm()
        timer.advance(0.29)  # under the limit: still running
        with pytest.raises(RuleTimeout):
            timer.advance(0.02)
        assert timer.now == pytest.approx(1.3)  # stopped at its own start (1.0) + 0.3
    assert timer.sets[:4] == pytest.approx([0.3, 0.2, 0.2, 0.3])  # set at first arm, on firing, at the next arm
    assert timer.sets[-1] == 0 and timer.handler is None  # cleared, and the handler it found is back


def test_time_limit_sets_the_timer_only_when_it_fires(monkeypatch: pytest.MonkeyPatch) -> None:
    """Arming and disarming for each rule and draft set no timer; a rule armed just before
    the timer fires is still given its full time."""
    import signal

    from lint.engine import RuleTimeout, _time_limit

    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timers here")
    timer = _FakeTimer(monkeypatch)
    with _time_limit(0.3) as limit:
        for _ in range(1000):
            limit.arm()
            limit.disarm()
        assert timer.sets == [0.3]  # set once, by the first arm
        timer.advance(0.25)
        limit.arm()  # 0.05 s before the timer fires: this rule still gets 0.3 s
        timer.advance(0.29)
        limit.disarm()
        assert timer.sets[1:] == pytest.approx([0.25])  # fired once, set again for the time left
        limit.arm()
        with pytest.raises(RuleTimeout):
            timer.advance(1.0)
        assert timer.now == pytest.approx(0.84)  # armed at 0.54, stopped 0.3 later


def test_time_limit_stops_a_hanging_rule_with_the_real_timer() -> None:
    """The real interval timer interrupts a rule that never returns; the caller's handler
    and timer are restored."""
    import signal
    import time

    from lint.engine import RuleTimeout, _time_limit

    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timers here")
    before = signal.getsignal(signal.SIGALRM)
    give_up = time.monotonic() + 30  # only so that a broken timer fails the test instead of hanging it
    with _time_limit(0.1) as limit:
        limit.arm()
        with pytest.raises(RuleTimeout):
            try:
                while time.monotonic() < give_up:
                    pass
            finally:
                limit.disarm()
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


class _BatchPlugin:
    """Rules that make drafts differ in the engine's eyes: one needs a service that goes away
    after the second draft it sees, one crashes on a word."""

    @staticmethod
    def rules() -> list[type]:
        from lint.errors import RuleUnavailable
        from lint.model import Severity
        from lint.rule import Rule

        class Fading(Rule):
            """Flags 'harbour' until its service goes away."""

            code = "TB101"
            name = "fading-service"
            category = "style"
            severity = Severity.WARNING
            examples_good = ("Calm text.\n",)
            seen = 0

            def check(self, doc):  # type: ignore[no-untyped-def]
                type(self).seen += 1
                if type(self).seen > 2:
                    raise RuleUnavailable("the service went away")
                i = doc.prose.find("harbour")
                return [self.finding(doc, i, i + 7, "harbour")] if i >= 0 else []

        class Fragile(Rule):
            """Crashes on the word 'storm'."""

            code = "TB102"
            name = "fragile"
            category = "style"
            examples_good = ("Calm text.\n",)

            def check(self, doc):  # type: ignore[no-untyped-def]
                if "storm" in doc.prose:
                    raise ValueError("storm")
                return []

        return [Fading, Fragile]


def test_check_drafts_equals_check_draft_one_at_a_time() -> None:
    """Rule by rule over a batch gives each draft what one draft at a time gives it: the same
    findings in the same order, records, suppressions, and the same draft told that a rule
    became unavailable."""
    from lint import hookimpl

    class Plugin:
        @hookimpl
        def lint_article_rules(self) -> list[type]:
            return _BatchPlugin.rules()

    drafts = [
        ("# Harbour\n\nA quiet day at the harbour, officials said. Share this article\n", "a.md"),
        ("", "empty.md"),
        ("A storm hit the harbour on Monday, the council said.\n\nShare this article\n", "b.md"),
        ("<!-- lint-article: disable=BP -->\nThe harbour reopened, the council said.\n\nShare this\n", "c.md"),
        ("Time Warner said TimeWarner would grow.\n\nThe harbour master said so.\n", "d.md"),
    ]
    select = ["TB", "BP", "CS", "AT"]
    one = load_linter(select=select, plugins=[Plugin()])
    singly = [one.check_draft(text, path) for text, path in drafts]
    many = load_linter(select=select, plugins=[Plugin()])
    batched = many.check_drafts(drafts)
    assert batched == singly
    assert [r.path for r in batched] == ["a.md", "empty.md", "b.md", "c.md", "d.md"]
    assert [bool(r.unavailable) for r in batched] == [False, False, False, True, False]
    rules = [[f.rule for f in r.findings] for r in batched]
    assert "TB101" in rules[0] and "LA003" in rules[1] and "LA001" in rules[2] and "CS101" in rules[4]
