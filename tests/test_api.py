"""The documented Python API: map the per-draft phase anywhere, reduce with the corpus phase."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

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


def test_time_limit_counts_from_each_rules_own_start() -> None:
    """Rules that each stay under the limit are never stopped, however long the draft takes
    in all; a rule over it is stopped about ``seconds`` after its own start; the caller's
    handler and timer are restored."""
    import signal
    import time

    import pytest

    from lint.engine import RuleTimeout, _time_limit

    if not hasattr(signal, "setitimer"):
        pytest.skip("no interval timers here")

    def busy(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pass

    before = signal.getsignal(signal.SIGALRM)
    with _time_limit(0.3) as limit:
        for _ in range(3):  # 0.6 s in all, 0.2 s each
            limit.arm()
            try:
                busy(0.2)
            finally:
                limit.disarm()
        busy(0.4)  # between rules: no rule is charged
        limit.arm()
        started = time.monotonic()
        with pytest.raises(RuleTimeout):
            try:
                busy(5)
            finally:
                limit.disarm()
        stopped_after = time.monotonic() - started
    assert 0.25 <= stopped_after < 1.0, stopped_after
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
