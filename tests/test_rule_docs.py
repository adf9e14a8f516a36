"""Every registered rule is documented and its documented examples behave.

Runs over the real registry (entry points), so a new rule or pack entry that lacks docs or
examples, or whose examples do not do what they say, fails here.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from lint import hookspecs
from lint.plugins import build_registry, make_plugin_manager
from lint.rule import Rule
from tests.spans import corpus_findings, example_context, findings_of

REGISTRY = build_registry(make_plugin_manager())
RULES = REGISTRY.sorted_rules()
BUILTIN = [r for r in RULES if r.__module__.startswith(("rules.", "lint.")) or r.source]


def test_there_are_rules_in_every_category() -> None:
    cats = {r.category for r in BUILTIN}
    assert {"facts", "consistency", "boilerplate", "readability", "attribution", "style", "grammar"} <= cats


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_rule_is_documented(rule: type[Rule]) -> None:
    doc = rule.documentation()
    assert len(doc.split()) >= 8, f"{rule.code} needs documentation (its docstring or pack description)"
    assert rule.summary()
    assert not rule.summary().endswith(" ")


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_rule_has_examples(rule: type[Rule]) -> None:
    corpus = getattr(rule, "examples_corpus", ())
    assert rule.examples_bad or corpus, f"{rule.code} has no flagged example"
    assert rule.examples_good, f"{rule.code} has no passing example (near miss)"


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_examples_behave(rule: type[Rule]) -> None:
    """Bad examples are flagged (with well-formed messages; which text, tests/test_rule_spans.py
    states), near misses are not."""
    if getattr(rule, "examples_need_service", False):
        pytest.skip(f"{rule.code} needs an external service for its examples (tested with a fake one)")
    ctx = example_context(rule)
    for example in rule.examples_bad:
        found = findings_of(rule, example, ctx)
        assert found, f"{rule.code} does not flag its example:\n{example}"
        for f in found:
            assert f.message and not f.message.endswith("."), f"{rule.code}: message should not end with '.'"
    for example in rule.examples_good:
        found = findings_of(rule, example, ctx)
        assert not found, f"{rule.code} flags its passing example:\n{example}\n{found}"
    for drafts in getattr(rule, "examples_corpus", ()):
        found = [f for f in corpus_findings(rule, drafts, ctx) if f.rule == rule.code]
        assert found, f"{rule.code} does not flag its corpus example {sorted(drafts)}"


def test_codes_and_names_unique_and_well_formed() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


def test_category_prefixes_are_consistent() -> None:
    prefixes: dict[str, set[str]] = {}
    for r in BUILTIN:
        prefixes.setdefault(r.code[:2], set()).add(r.category)
    assert all(len(cats) == 1 for cats in prefixes.values()), prefixes


def test_every_hook_is_documented() -> None:
    for name, fn in inspect.getmembers(hookspecs, inspect.isfunction):
        if name.startswith("lint_article_"):
            assert fn.__doc__ and len(fn.__doc__.split()) > 10, f"hook {name} has no documentation"


def test_unknown_hook_in_plugin_fails_at_registration() -> None:
    from lint.errors import ConfigError

    class Bad:
        @hookspecs.hookimpl
        def lint_article_rulez(self) -> list[Any]:
            return []

    with pytest.raises(ConfigError, match="lint_article_rulez"):
        make_plugin_manager([Bad()], entry_points=False)


def test_builtin_families_register_only_their_hooks() -> None:
    """Each built-in entry point names a HookImpls object (pluggy then inspects 1-2
    attributes, not the hundreds of a rule module) that provides the module's hooks."""
    import importlib

    from lint.plugins import plugin_entry_points

    eps = {ep.name: ep.value for ep in plugin_entry_points()}
    for family in ("boilerplate", "facts", "consistency", "attribution", "readability", "style", "grammar"):
        assert eps[family] == f"rules.{family}:plugin"
        module = importlib.import_module(f"rules.{family}")
        names = dir(module.plugin)
        assert names and all(n.startswith("lint_article_") for n in names)
        assert all(getattr(module.plugin, n) is getattr(module, n) for n in names)
    pm = make_plugin_manager()
    owners = {pm.get_name(impl.plugin) for impl in pm.hook.lint_article_rules.get_hookimpls()}
    assert {"boilerplate", "facts", "consistency", "attribution", "readability", "style", "grammar"} <= owners
    assert pm.hook.lint_article_reporters()  # lint.report:plugin
