"""Reading fact base files: each file is checked against :data:`~lint.facts.sections.FILE`
and built section by section; several files are merged section by section. Nothing here
names a section: what differs between sections is in their table entries.

Invariants: any mistake raises :class:`lint.errors.FactBaseError` naming the file, line and
key; a name, figure, event or claim declared twice, even across files, is an error naming
both places; entities that roles, figures and events name but no file declares become
implicit entities (matched as written)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from lint.errors import FactBaseError
from lint.facts.base import FactBase
from lint.facts.records import Entity, entity_forms
from lint.facts.sections import ENTITIES, FILE, SECTIONS, Site
from lint.facts.values import fold
from lint.schema import Where, json_schema, validate
from lint.yamlload import load

assert SECTIONS[0] is ENTITIES, "the other sections resolve names through the entities"


def load_factbase(paths: str | Path | Iterable[str | Path]) -> FactBase:
    """Read and merge fact base files. Raises FactBaseError on any mistake."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    parts: list[FactBase] = []
    for p in paths:
        path = str(p)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise FactBaseError("fact base file not found", path=path) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise FactBaseError(f"cannot read fact base: {exc}", path=path) from None
        parts.append(_parse_file(text, path))
    return merge(parts)


def parse_factbase(text: str, path: str = "facts.yaml") -> FactBase:
    """Parse and validate one fact base file's text."""
    return merge([_parse_file(text, path)])


def _resolver(entities: Sequence[Entity]) -> Any:
    index: dict[str, Entity] = {}
    for e in entities:
        for _, f in entity_forms(e):
            index.setdefault(fold(f), e)
    return lambda name: index.get(fold(" ".join(name.split())))


def _parse_file(text: str, path: str) -> FactBase:
    data, lines = load(text, path, FactBaseError)
    if data is None:
        raise FactBaseError("fact base is empty", path=path, hint="start the file with 'version: 1'")
    where = Where(path, lines.line, FactBaseError)
    values = validate(FILE, data, where)
    built: dict[str, Any] = {}
    entities: tuple[Entity, ...] = ()
    resolve = _resolver(())
    for section in SECTIONS:
        built[section.name] = tuple(
            section.build(v, Site(where, (section.name, i), entities, resolve))
            for i, v in enumerate(values[section.name])
        )
        if section is ENTITIES:
            entities = built[section.name]
            resolve = _resolver(entities)
    return FactBase(**built, paths=(path,))


def merge(parts: Sequence[FactBase]) -> FactBase:
    """Merge parsed files section by section (see the module's invariants)."""
    merged: dict[str, list[Any]] = {}
    resolve = _resolver(())
    for section in SECTIONS:
        records: list[Any] = []
        seen: dict[Any, Any] = {}
        for part in parts:
            for rec in getattr(part, section.name):
                clash = None
                keys = list(section.keys(rec, resolve))
                for key, label in keys:
                    other = seen.get(key)
                    if other is not None and other != rec:
                        clash = (other, label)
                        break
                if clash is not None and section.duplicates == "error":
                    other, label = clash
                    raise FactBaseError(
                        f"{label} is declared twice: here and at {other.path}:{other.line}",
                        path=rec.path,
                        line=rec.line,
                        key=section.name,
                        hint=section.duplicate_hint,
                    )
                if clash is not None or any(seen.get(k) == rec for k, _ in keys):
                    continue  # dropped: a repeated source, or one file listed twice
                for key, _ in keys:
                    seen[key] = rec
                records.append(rec)
        merged[section.name] = records
        if section is ENTITIES:
            resolve = _resolver(records)
    implicit: dict[str, Entity] = {}
    for section in SECTIONS:
        for rec in merged[section.name]:
            for name, etype in section.implies(rec):
                if name and resolve(name) is None and fold(name) not in implicit:
                    implicit[fold(name)] = Entity(name, etype, (), (), rec.path, rec.line)
    merged[ENTITIES.name].extend(implicit.values())
    paths = tuple(p for part in parts for p in part.paths)
    sections: dict[str, Any] = {name: tuple(records) for name, records in merged.items()}
    return FactBase(**sections, paths=paths)


def factbase_json_schema() -> dict[str, Any]:
    """A JSON Schema for fact base files, from the same declarations the loader checks
    against (editors can point their YAML plugin at it)."""
    return json_schema(FILE, "lint-article fact base (version 1)")
