"""``.vale.ini``: finding it as Vale does, reading what lint-article supports, and turning
the styles it names into rule classes.

Supported: ``StylesPath``, ``MinAlertLevel``, ``Vocab`` (its ``accept.txt``: exceptions of
existence and substitution rules), and in the global part or a ``[glob]`` section
``BasedOnStyles`` and ``Style.Rule = YES | NO | suggestion | warning | error``.
Anything else (``TokenIgnores``, ``BlockIgnores``, ``Packages``, the built-in
``Vale`` style...) is named once in :attr:`ValeSetup.notes` and ignored; the run goes on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lint.errors import ConfigError
from lint.hookspecs import HookImpls, hookimpl
from lint.rule import Rule
from lint.vale.rule import ValeRule
from lint.vale.styles import LEVELS, ValeSpec, load_style

_STATES = ("YES", "NO", *LEVELS)
_RULE_KEY = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")


@dataclass
class ValeSetup:
    """What a .vale.ini asks for: the rule classes, and the notes to show once."""

    path: Path
    rules: list[type[Rule]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _sections(path: Path) -> list[tuple[str, list[tuple[int, str, str]]]]:
    """``(section, [(line, key, value)])`` in file order; the global part is ``""``."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read Vale configuration: {exc}", path=str(path)) from None
    sections: list[tuple[str, list[tuple[int, str, str]]]] = [("", [])]
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            sections.append((line[1:-1].strip(), []))
            continue
        key, eq, value = line.partition("=")
        if not eq:
            raise ConfigError("expected 'key = value'", path=str(path), line=number)
        sections[-1][1].append((number, key.strip(), value.strip()))
    return sections


def load_vale_ini(path: Path) -> ValeSetup:
    """Rule classes for every rule the configuration turns on (:class:`ConfigError` for a
    file that cannot be read or a style that is not there)."""
    setup = ValeSetup(path)
    shown = str(path)
    styles_path = path.parent
    min_level = "suggestion"
    said: set[str] = set()

    def note(text: str) -> None:
        if text not in said:
            said.add(text)
            setup.notes.append(f"{shown}: {text}")

    sections = _sections(path)
    events: list[tuple[str, str, str]] = []  # (glob, Style or Style.Rule, state), in file order
    vocabularies: list[str] = []
    for name, entries in sections:
        glob = name or "*"
        for line, key, value in entries:
            if not name and key == "StylesPath":
                styles_path = (path.parent / value).resolve()
            elif not name and key == "Vocab":
                vocabularies.extend(v.strip() for v in value.split(",") if v.strip())
            elif not name and key == "MinAlertLevel":
                if value not in LEVELS:
                    raise ConfigError(
                        f"MinAlertLevel must be one of {', '.join(LEVELS)}", path=shown, line=line, key=key
                    )
                min_level = value
            elif key == "BasedOnStyles":
                events.extend((glob, s.strip(), "YES") for s in value.split(",") if s.strip())
            elif _RULE_KEY.match(key):
                state = value if value in LEVELS else value.upper()
                if state not in _STATES:
                    raise ConfigError(
                        f"expected YES, NO or a level for {key}, got {value!r}", path=shown, line=line, key=key
                    )
                events.append((glob, key, state))
            else:
                note(f"unsupported .vale.ini setting {key!r} ignored")
    accepted: list[str] = []
    for vocabulary in vocabularies:
        terms = _vocabulary(styles_path, vocabulary)
        if terms is None:
            note(f"vocabulary {vocabulary!r} not found in {styles_path}; ignored")
            continue
        accepted.extend(terms)
        note(f"vocabulary {vocabulary!r}: accept.txt is read, reject.txt is not supported")
    loaded: dict[str, list[ValeSpec]] = {}
    for _, named, _ in events:
        style = named.split(".")[0]
        if style in loaded:
            continue
        if style == "Vale":
            note("the built-in style 'Vale' is not supported; ignored")
            loaded[style] = []
            continue
        folder = styles_path / style
        if not folder.is_dir():
            raise ConfigError(f"Vale style {style!r} not found in {styles_path}", path=shown, key="BasedOnStyles")
        specs, unsupported = load_style(folder, tuple(accepted))
        loaded[style] = specs
        for u in unsupported:
            if [st for _, named, st in events if named in (style, u.name)][-1:] not in ([], ["NO"]):
                note(f"Vale rule {u.name}: {u.reason}")
    number = 1
    for style in sorted(loaded):
        for spec in loaded[style]:
            sections_of = [(g, st) for g, named, st in events if named in (style, spec.name)]
            if not any(st != "NO" for _, st in sections_of):
                continue
            setup.rules.append(rule_class(spec, tuple(sections_of), min_level, number))
            number += 1
    return setup


def _vocabulary(styles_path: Path, name: str) -> list[str] | None:
    """The terms of a vocabulary's ``accept.txt`` (Vale 3: ``config/vocabularies/NAME``,
    Vale 2: ``Vocab/NAME``), one a line, ``#`` for comments; None when there is none."""
    for folder in (styles_path / "config" / "vocabularies" / name, styles_path / "Vocab" / name):
        path = folder / "accept.txt"
        if path.is_file():
            try:
                lines = path.read_text(encoding="utf-8-sig").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"cannot read vocabulary: {exc}", path=str(path)) from None
            return [t.strip() for t in lines if t.strip() and not t.strip().startswith("#")]
    return None


def rule_class(spec: ValeSpec, sections: tuple[tuple[str, str], ...], min_level: str, number: int) -> type[Rule]:
    """The lint-article rule for one Vale rule: code ``VL`` + its number, a kebab-case
    name from ``Style.Rule``; findings carry Vale's ``Style.Rule`` as their name."""
    kebab = re.sub(r"[^a-z0-9]+", "-", f"vale-{spec.style}-{spec.rule}".lower()).strip("-")
    doc = (
        f"Vale rule {spec.name} ({spec.kind}): {spec.message}\n\n"
        f"**What it finds**: what the Vale style's rule {spec.name} finds ({spec.path}).\n"
        f"**Why**: {spec.description or 'the style asks for it'}.\n" + (f"**Link**: {spec.link}\n" if spec.link else "")
    )
    attrs = {
        "__doc__": doc,
        "code": f"VL{number:03d}",
        "name": kebab,
        "severity": LEVELS[spec.level],
        "fixable": spec.action in ("replace", "remove"),
        "spec": spec,
        # The compiled rule (vocabulary terms included) and what the .vale.ini says about it
        # are part of its options, so that a cached result is not served after any of those
        # files changes (``lint.engine.run_key``).
        "default_options": {"vale": (spec, sections, min_level)},
        "sections": sections,
        "min_level": min_level,
        "source": f"{spec.path}:1",
    }
    return type(f"Vale{spec.style}{spec.rule}".replace("-", "_"), (ValeRule,), attrs)


def vale_plugin(setup: ValeSetup) -> HookImpls:
    """A plugin providing the setup's rules through the ``lint_article_rules`` hook, the
    path every other rule takes into the registry."""

    @hookimpl
    def lint_article_rules() -> list[type[Rule]]:
        return list(setup.rules)

    return HookImpls(lint_article_rules=lint_article_rules)
