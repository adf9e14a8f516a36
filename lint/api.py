"""The Python API: lint drafts without the command line.

The per-draft phase is a pure function of (text, path, configuration, fact base), and the
corpus phase works from the per-draft results alone, so the two can be split across machines::

    from lint.api import load_linter

    linter = load_linter(config_path="pyproject.toml", facts=["facts.yaml"])
    results = [linter.check_draft(text, path) for path, text in drafts]   # map
    report = linter.collect(results)                                      # reduce

``linter.check_drafts([(text, path), ...])`` gives the same results as ``check_draft`` on each,
faster (rule by rule over the batch); pass batches of tens of drafts.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from lint.config import Config, load_config
from lint.engine import DraftResult, Linter
from lint.model import Finding, RunResult

__all__ = ["DraftResult", "Finding", "Linter", "RunResult", "load_linter"]


def load_linter(
    config_path: str | Path | None = None,
    *,
    facts: Sequence[str | Path] = (),
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    today: _dt.date | None = None,
    plugins: Iterable[Any] = (),
    config: Config | None = None,
) -> Linter:
    """Build a :class:`~lint.engine.Linter` from a config file (or ``config``) plus overrides.

    ``plugins`` are extra plugin objects registered next to the installed entry points.
    Raises :class:`lint.errors.UserError` for invalid configuration or fact bases.
    """
    from lint.plugins import build_registry, make_plugin_manager

    cfg = config or load_config(Path(config_path) if config_path else None)
    cfg = cfg.with_overrides(
        select=tuple(select) if select is not None else None,
        ignore=cfg.ignore + tuple(ignore),
        facts=tuple(dict.fromkeys(cfg.facts + tuple(Path(f).resolve() for f in facts))),
    )
    registry = build_registry(make_plugin_manager(plugins), cfg.packs)
    fact_base = None
    if cfg.facts:
        from lint.facts import load_factbase

        fact_base = load_factbase(list(cfg.facts))
    return Linter(registry, cfg, fact_base, today=today)
