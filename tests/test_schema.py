"""lint.schema: one validator for config, fact base and packs, and the JSON Schemas it exports."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from lint.config import config_json_schema, load_config
from lint.errors import ConfigError, FactBaseError, PackError, UserError
from lint.facts import SECTIONS, factbase_json_schema, parse_factbase
from lint.packs import load_pack
from lint.packs.loader import pack_json_schema
from lint.schema import (
    Bool,
    Date,
    Enum,
    Field,
    Int,
    ListOf,
    MapOf,
    OneOf,
    Record,
    Text,
    Where,
    validate,
)
from lint.yamlload import load

REPO = Path(__file__).resolve().parent.parent
DATE_HINT = "write dates as YYYY-MM-DD, e.g. 2025-03-17"

SETTINGS = Record(
    {
        "max_words": Field(Int(low=1), default=25),
        "mode": Field(Enum(("strict", "lenient"), {"loose": "lenient"}), default="strict"),
        "names": Field(ListOf(Text(blank="error"), single=True), default=[]),
        "since": Field(Date()),
        "title": Field(Text(), required=True, hint="a short title"),
        "limits": Field(MapOf(Int()), default={}),
        "target": Field(OneOf((Text(), Record({"url": Field(Text(), required=True), "active": Field(Bool())})))),
    },
    normalise=lambda k: str(k).replace("-", "_"),
    spell=lambda n: n.replace("_", "-"),
    aliases={"maximum": "max_words"},
)


def check(text: str) -> dict[str, Any]:
    data, lines = load(textwrap.dedent(text), "s.yaml")
    return validate(SETTINGS, data, Where("s.yaml", lines.line))  # type: ignore[no-any-return]


def error(text: str) -> UserError:
    with pytest.raises(UserError) as info:
        check(text)
    return info.value


def test_valid_values_are_converted_and_defaults_filled() -> None:
    got = check(
        """\
        title: Notes
        max-words: 30
        mode: Loose
        names: Ada
        since: 2024-02-29
        limits: {a: 1}
        target: {url: http://x}
        """
    )
    assert got == {
        "max_words": 30,
        "mode": "lenient",
        "names": ["Ada"],
        "since": dt.date(2024, 2, 29),
        "title": "Notes",
        "limits": {"a": 1},
        "target": {"url": "http://x", "active": None},
    }
    assert check("title: T\nmax_words: 3\n")["max_words"] == 3  # both spellings of a key
    assert check("title: T\nmaximum: 4\n")["max_words"] == 4  # an alias
    assert check("title: T\nsince: '2023-1-5'\n")["since"] == dt.date(2023, 1, 5)


@pytest.mark.parametrize(
    ("text", "line", "key", "message", "hint"),
    [
        ("title: T\nmax-wrds: 3\n", 2, "max-wrds", "unknown key", "did you mean 'max-words'?"),
        ("title: T\nmax-words: 0\n", 2, "max-words", "expected a whole number of at least 1, got 0", None),
        ("title: T\nmax-words: yes\n", 2, "max-words", "expected a whole number of at least 1, got true/false", None),
        (
            "title: T\nmode: strct\n",
            2,
            "mode",
            "expected one of strict, lenient, got 'strct'",
            "did you mean 'strict'?",
        ),
        ("title: T\nnames: [Ada, '  ']\n", 2, "names[1]", "must not be empty", None),
        ("title: T\nnames: {a: 1}\n", 2, "names", "expected a list (each a string), got a mapping", None),
        ("title: T\nsince: soon\n", 2, "since", "expected a date (YYYY-MM-DD), got 'soon'", DATE_HINT),
        (
            "title: T\nsince: '2023-02-30'\n",
            2,
            "since",
            "bad date '2023-02-30': day is out of range for month",
            DATE_HINT,
        ),
        ("max-words: 3\n", 1, "title", "is required", "a short title"),
        ("title: [T]\n", 1, "title", "expected a string, got a list", "a short title"),
        ("title: T\nlimits:\n  a: 1\n  b: x\n", 4, "limits.b", "expected a whole number, got text", None),
        ("title: T\ntarget: {active: true}\n", 2, "target.url", "is required", None),
        ("title: T\ntarget: 3\n", 2, "target", "expected a string or a mapping of keys, got a number", None),
        ("title: T\nmax_words: 3\nmax-words: 4\n", 3, "max-words", "given twice (also as 'max_words')", None),
        ("- title\n", 1, None, "expected a mapping of keys, got a list", None),
    ],
)
def test_errors_name_line_key_expected_and_suggest(
    text: str, line: int, key: str | None, message: str, hint: str | None
) -> None:
    err = error(text)
    assert (err.path, err.line, err.key, err.message, err.hint) == ("s.yaml", line, key, message, hint)


def test_error_text_reads_file_line_key_message() -> None:
    assert str(error("title: T\nmode: strct\n")) == (
        "s.yaml:2: mode: expected one of strict, lenient, got 'strct'\n  hint: did you mean 'strict'?"
    )


def test_each_loader_raises_its_own_error_class_through_the_schema(tmp_path: Path) -> None:
    config = tmp_path / ".lint-article.yaml"
    config.write_text("select: [ST]\nfail-onn: error\n", encoding="utf-8")
    with pytest.raises(ConfigError) as c:
        load_config(config)
    assert (c.value.line, c.value.key, c.value.hint) == (2, "fail-onn", "did you mean 'fail-on'?")
    with pytest.raises(FactBaseError) as f:
        parse_factbase("version: 1\nroles:\n  - person: Ada Quill\n    titel: editor\n")
    assert (f.value.line, f.value.key, f.value.hint) == (4, "roles[0].titel", "did you mean 'title'?")
    pack = tmp_path / "p.yaml"
    pack.write_text("version: 1\nrules:\n  - code: HS101\n    nam: x\n", encoding="utf-8")
    with pytest.raises(PackError) as p:
        load_pack(pack)
    assert (p.value.line, p.value.key, p.value.hint) == (4, "rules[0].nam", "did you mean 'name'?")


def test_config_accepts_both_spellings_and_severity_in_any_case(tmp_path: Path) -> None:
    config = tmp_path / ".lint-article.yaml"
    config.write_text("fail_on: ERROR\nextend-select: RD101\nseverity: {ST101: Info}\n", encoding="utf-8")
    got = load_config(config)
    assert (str(got.fail_on), got.extend_select, {k: str(v) for k, v in got.severity.items()}) == (
        "error",
        ("RD101",),
        {"ST101": "info"},
    )


def test_every_fact_base_section_is_a_key_of_the_file_schema() -> None:
    props = factbase_json_schema()["properties"]
    assert [s.name for s in SECTIONS] == [k for k in props if k != "version"]
    assert props["entities"]["type"] == "array"


# -- JSON Schemas -------------------------------------------------------------------------


def as_json(data: Any) -> Any:
    """What a JSON tool sees of a YAML file: dates as their ISO text."""
    return json.loads(json.dumps(data, default=lambda v: v.isoformat()))


def yaml_file(path: Path) -> Any:
    return as_json(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_example_fact_base_and_built_in_packs_validate_against_their_json_schemas() -> None:
    jsonschema.Draft202012Validator.check_schema(factbase_json_schema())
    jsonschema.validate(yaml_file(REPO / "examples" / "facts.yaml"), factbase_json_schema())
    for pack in [REPO / "rules" / "data" / f"{name}.yaml" for name in ("attribution", "boilerplate", "style")]:
        jsonschema.validate(yaml_file(pack), pack_json_schema())


def test_config_examples_validate_against_the_config_json_schema() -> None:
    schema = config_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    good = {
        "select": ["BP", "facts"],
        "extend-select": "RD102",
        "fail-on": "Warning",
        "severity": {"ST101": "info"},
        "jobs": 2,
        "languagetool": {"url": "http://localhost:8081", "required": True, "timeout": 10},
        "per-file-ignores": {"press/*.md": ["BP"]},
        "rules": {"RD101": {"max-grade": 12}},
    }
    jsonschema.validate(good, schema)


@pytest.mark.parametrize(
    ("which", "text"),
    [
        ("facts", "version: 1\nentities:\n  - name: Ada\n    aliass: [A]\n"),
        ("facts", "version: 1\nentities:\n  - name: Ada\n    type: robot\n"),
        ("facts", "version: 2\n"),
        ("facts", "version: 1\nevents:\n  - name: Launch\n    keywords: [launched]\n"),
        ("facts", "version: 1\nfigures:\n  - name: Sales\n    keywords: [sales]\n    value: 3\n    year: 1200\n"),
        ("config", "jobs: 0\n"),
        ("config", "fail-on: loud\n"),
        ("config", "selekt: [ST]\n"),
        ("pack", "version: 1\nrules:\n  - {code: H-1, name: x, category: style, message: m, phrases: [a b]}\n"),
        ("pack", "version: 1\nrules:\n  - {code: HS101, name: x, category: style, message: m, quotes: maybe}\n"),
    ],
)
def test_loader_and_json_schema_reject_the_same_mistakes(tmp_path: Path, which: str, text: str) -> None:
    schema = {"facts": factbase_json_schema, "config": config_json_schema, "pack": pack_json_schema}[which]()
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(as_json(yaml.safe_load(text)), schema)
    path = tmp_path / ("f.yaml" if which != "config" else ".lint-article.yaml")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError):
        if which == "facts":
            parse_factbase(text)
        elif which == "config":
            load_config(path)
        else:
            load_pack(path)
