"""Reading a Vale style folder: each ``Rule.yml`` checked against :data:`RULE` (through
:mod:`lint.schema`, the one YAML validator) and compiled to a :class:`ValeSpec`.

Vale's semantics, kept here: ``ignorecase`` and ``nonword`` default to false; tokens are
wrapped in ``\\b(?:...)\\b`` unless ``nonword``; ``raw`` is joined and put before the
tokens (after them with ``append``); an existence rule's one token that starts with a
look-behind of variable width matches without it and checks it before each match; a
substitution tries its ``swap`` keys longest first, each its own group; exceptions are
whole words, case-sensitive unless they start with ``(?i)``. The kinds ``spelling``,
``sequence`` and ``script`` are not run: a rule of one of them becomes a note, said once,
never an error. A pattern Python's ``re`` cannot run is refused with the file, the rule and
the reason."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from lint.errors import PackError
from lint.model import Severity
from lint.record import Record as Value
from lint.schema import AnyValue, Bool, Enum, Field, Float, Int, ListOf, MapOf, Record, Text, Where, validate
from lint.vale.patterns import Untranslatable, leading_lookbehind, token, translate
from lint.yamlload import load

KINDS = (
    "existence",
    "substitution",
    "occurrence",
    "repetition",
    "capitalization",
    "conditional",
    "consistency",
    "metric",
)
UNSUPPORTED_KINDS = ("spelling", "sequence", "script", "readability")
LEVELS = {"suggestion": Severity.INFO, "warning": Severity.WARNING, "error": Severity.ERROR}
SCOPES = ("text", "heading", "paragraph", "list", "sentence", "raw", "title", "summary", "blockquote")

_TEXTS = ListOf(Text(numbers=True), single=True)
RULE = Record(
    {
        "extends": Field(Enum(KINDS + UNSUPPORTED_KINDS), required=True),
        "message": Field(Text(), required=True),
        "description": Field(Text(), default=""),
        "link": Field(Text(), default=""),
        "level": Field(Enum(tuple(LEVELS)), default="warning"),
        "scope": Field(_TEXTS, default=["text"]),
        "ignorecase": Field(Bool(), default=False),
        "nonword": Field(Bool(), default=False),
        "raw": Field(_TEXTS, default=[]),
        "tokens": Field(_TEXTS, default=[]),
        "token": Field(Text(), default=""),
        "append": Field(Bool(), default=False),
        "exceptions": Field(_TEXTS, default=[]),
        "swap": Field(MapOf(Text(numbers=True)), default={}),
        "action": Field(
            Record({"name": Field(Text(), default=""), "params": Field(_TEXTS, default=[])}),
            default={"name": "", "params": []},
        ),
        "vocab": Field(Bool(), default=True),
        "capitalize": Field(Bool(), default=False),
        "max": Field(Int(low=0), default=0),
        "min": Field(Int(low=0), default=0),
        "alpha": Field(Bool(), default=False),
        "first": Field(Text(), default=""),
        "second": Field(Text(), default=""),
        "match": Field(Text(), default=""),
        "style": Field(Text(), default=""),
        "indicators": Field(_TEXTS, default=[]),
        "threshold": Field(Float(low=0.0), default=0.8),
        "either": Field(MapOf(Text(numbers=True)), default={}),
        "formula": Field(Text(), default=""),
        "condition": Field(Text(), default=""),
        # Read but not used: keys of the kinds lint-article does not run.
        "dictionaries": Field(AnyValue()),
        "dicpath": Field(AnyValue()),
        "filters": Field(AnyValue()),
        "ignore": Field(AnyValue()),
        "custom": Field(AnyValue()),
        "append_dictionaries": Field(AnyValue()),
        "tag": Field(AnyValue()),
        "pos": Field(AnyValue()),
        "metrics": Field(AnyValue()),
        "grade": Field(AnyValue()),
    },
)
"""One Vale rule file (the keys of every kind Vale documents)."""

METRIC_VARIABLES = (
    "words",
    "sentences",
    "characters",
    "syllables",
    "paragraphs",
    "complex_words",
    "long_words",
    "polysyllabic_words",
    "pre",
    "list",
    "blockquote",
    "heading_h1",
    "heading_h2",
    "heading_h3",
    "heading_h4",
    "heading_h5",
    "heading_h6",
)
_ARITHMETIC = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Load)
_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.USub, ast.UAdd, ast.Pow)
_CONDITION = re.compile(r"^\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$")


class ValeSpec(Value):
    """One Vale rule, checked and compiled to Python patterns (picklable, no I/O left)."""

    style: str
    rule: str
    kind: str
    path: str
    message: str
    description: str
    link: str
    level: str
    scopes: tuple[str, ...]
    ignorecase: bool
    pattern: str  # the main pattern (existence, substitution, occurrence, repetition, metric: formula)
    second: str  # conditional: the definitions; consistency: unused
    exceptions: str  # one pattern, or "" for none
    replacements: tuple[str, ...]  # substitution: per swap group; consistency: group pairs
    action: str
    params: tuple[str, ...]
    max: int
    min: int
    alpha: bool
    match: str  # capitalization
    indicators: tuple[str, ...]
    condition: tuple[str, float] | None  # metric
    capitalize: bool
    threshold: float  # capitalization: the share of words that must agree
    behind: str  # existence: a leading look-behind of variable width, checked after matching
    behind_negative: bool

    @property
    def name(self) -> str:
        """Vale's name of the rule: ``Style.Rule``."""
        return f"{self.style}.{self.rule}"


class Unsupported(Value):
    """A rule lint-article does not run (its kind, or a pattern it refused), said once."""

    name: str
    path: str
    reason: str


class Refused(PackError):
    """A rule whose pattern Python's ``re`` cannot run; the message names file, rule, reason."""

    reason = ""


def wrap(body: str, nonword: bool) -> str:
    """Vale's templates: word boundaries around the alternatives unless ``nonword``."""
    return f"(?:{body})" if nonword else rf"\b(?:{body})\b"


def exceptions_pattern(exceptions: list[str]) -> str:
    """Vale's exceptions: whole words, longest first, case-sensitive unless ``(?i)``."""
    if not exceptions:
        return ""
    terms = sorted(exceptions, key=len, reverse=True)
    parts = [token(t) if t.startswith("(?i)") else f"(?-i:{translate(t)})" for t in terms]
    return wrap("|".join(parts), False)


def _capture_free(pattern: str) -> str:
    """Vale's swap keys: capture groups become non-capturing, so each key is one group."""
    return re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)


def load_rule(path: Path, style: str, accepted: tuple[str, ...] = ()) -> ValeSpec | Unsupported:
    """One rule file, checked and compiled; :class:`PackError` names file, line, key.
    ``accepted``: the terms of the configuration's vocabularies, exceptions of every
    existence and substitution rule that keeps ``vocab: true`` (Vale's default)."""
    shown = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read Vale rule: {exc}", path=shown) from None
    data, lines = load(text, shown, PackError)
    where = Where(shown, lines.line, PackError)
    name = f"{style}.{path.stem}"
    kind = data.get("extends") if isinstance(data, dict) else None
    if kind in UNSUPPORTED_KINDS:  # before the keys are checked: a sequence's tokens are tables
        return Unsupported(name, shown, f"kind '{kind}' is not supported; the rule does not run")
    v = validate(RULE, data, where)

    def refuse(key: str, reason: str, what: str = "pattern cannot run in Python: ") -> PackError:
        refused = Refused(f"Vale rule {name}: {what}{reason}", path=shown, line=lines.line(key), key=key)
        refused.reason = f"{what}{reason}"
        return refused

    kind = v["extends"]
    scopes = tuple(str(s) for s in v["scope"])
    for s in scopes:
        base, _, sub = s.lstrip("~").partition(".")
        if base not in SCOPES or (sub and not (base == "heading" and re.fullmatch("h[1-6]", sub))):
            raise refuse("scope", f"scope {s!r} is not supported (supported: {', '.join(SCOPES)})", "")
    pattern = second = ""
    replacements: tuple[str, ...] = ()
    condition = None
    key = "tokens"
    try:
        raw = "".join(str(r) for r in v["raw"])
        behind, behind_negative = "", False
        split = leading_lookbehind(str(v["tokens"][0])) if len(v["tokens"]) == 1 and not raw else None
        if split is not None and kind == "existence" and not _fixed_width(split[0]):
            behind, behind_negative = translate(rf"(?:{split[0]})\Z"), split[1]
            tokens = [token(split[2])]
        else:
            tokens = [token(str(t)) for t in v["tokens"]]
        if raw:
            key = "raw"
            translate(raw)
        if kind in ("existence", "repetition"):
            body = wrap("|".join(tokens), v["nonword"]) if tokens else ""
            if kind == "existence" and not tokens and not raw:
                raise where.error(f"Vale rule {name}: an existence rule needs 'tokens' or 'raw'", ("tokens",))
            pattern = body + raw if v["append"] else raw + body
        elif kind == "substitution":
            key = "swap"
            if not v["swap"]:
                raise where.error(f"Vale rule {name}: a substitution needs 'swap'", ("swap",))
            terms = sorted(v["swap"], key=len, reverse=True)
            pattern = wrap("|".join(f"({_capture_free(token(t))})" for t in terms), v["nonword"])
            replacements = tuple(str(v["swap"][t]) for t in terms)
        elif kind == "occurrence":
            key = "token"
            pattern = token(v["token"] or "|".join(str(t) for t in v["tokens"]))
        elif kind == "conditional":
            key = "first"
            pattern = translate(v["first"])
            key = "second"
            second = translate(v["second"])
        elif kind == "consistency":
            key = "either"
            pairs = [(token(a), token(str(b))) for a, b in v["either"].items()]
            replacements = tuple(x for pair in pairs for x in pair)
        elif kind == "capitalization":
            key = "match"
            if not v["match"].startswith("$"):
                pattern = translate(v["match"])
        elif kind == "metric":
            pattern = _formula(v["formula"], where, name)
            m = _CONDITION.match(v["condition"])
            if m is None:
                raise where.error(f"Vale rule {name}: expected a condition such as '> 8'", ("condition",))
            condition = (m.group(1), float(m.group(2)))
        key = "exceptions"
        vocab = list(accepted) if v["vocab"] and kind in ("existence", "substitution") else []
        exceptions = exceptions_pattern([str(e) for e in v["exceptions"]] + vocab)
        if pattern and kind not in ("metric", "capitalization"):
            key = {"substitution": "swap", "occurrence": "token", "conditional": "first"}.get(kind, "tokens")
            translate(pattern)
    except Untranslatable as exc:
        raise refuse(key, str(exc)) from None
    action = v["action"] or {"name": "", "params": []}
    return ValeSpec(
        style=style,
        rule=path.stem,
        kind=kind,
        path=shown,
        message=v["message"],
        description=v["description"],
        link=v["link"],
        level=v["level"],
        scopes=scopes,
        ignorecase=v["ignorecase"],
        pattern=pattern,
        second=second,
        exceptions=exceptions,
        replacements=replacements,
        action=str(action["name"]),
        params=tuple(str(p) for p in action["params"]),
        max=v["max"],
        min=v["min"],
        alpha=v["alpha"],
        match=v["match"],
        indicators=tuple(str(i) for i in v["indicators"]),
        condition=condition,
        capitalize=v["capitalize"],
        threshold=v["threshold"],
        behind=behind,
        behind_negative=behind_negative,
    )


def _fixed_width(behind: str) -> bool:
    """Whether Python's ``re`` takes ``behind`` as a look-behind as it is."""
    try:
        re.compile(f"(?<={behind})")
    except re.error:
        return False
    return True


MATH_FUNCTIONS = ("sqrt", "abs", "ceil", "floor", "log", "log10", "log2", "pow", "exp")
"""The functions of Vale's ``math`` module a formula may call (``math.sqrt(...)``)."""


def _math_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "math"
        and node.func.attr in MATH_FUNCTIONS
        and not node.keywords
    )


def _formula(formula: str, where: Where, name: str) -> str:
    """A metric's formula, checked to be arithmetic over Vale's variables and ``math``
    functions; ``heading.h1`` is Vale's other spelling of ``heading_h1``."""
    formula = re.sub(r"heading\.(h[1-6])", r"heading_\1", formula)
    try:
        tree = ast.parse(formula, mode="eval")
    except SyntaxError:
        raise where.error(f"Vale rule {name}: formula is not arithmetic", ("formula",)) from None
    calls = [n for n in ast.walk(tree) if _math_call(n)]
    skip = {id(c.func) for c in calls} | {id(c.func.value) for c in calls}  # type: ignore[attr-defined]
    for node in ast.walk(tree):
        if id(node) in skip or node in calls:
            continue
        if isinstance(node, ast.Name) and node.id not in METRIC_VARIABLES:
            raise where.error(f"Vale rule {name}: unknown variable {node.id!r} in formula", ("formula",))
        if not isinstance(node, _ARITHMETIC + _OPERATORS + (ast.operator, ast.unaryop)):
            raise where.error(f"Vale rule {name}: formula is not arithmetic", ("formula",))
    return formula


def load_style(folder: Path, accepted: tuple[str, ...] = ()) -> tuple[list[ValeSpec], list[Unsupported]]:
    """Every rule of the style folder (``*.yml``, ``*.yaml``), sorted by name; a rule file
    that is refused or fails its checks is returned as :class:`Unsupported`, with the
    reason, and the other rules still load."""
    specs: list[ValeSpec] = []
    unsupported: list[Unsupported] = []
    files = sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
    for path in files:
        try:
            got: ValeSpec | Unsupported = load_rule(path, folder.name, accepted)
        except Refused as exc:
            got = Unsupported(
                f"{folder.name}.{path.stem}", str(path), f"refused at line {exc.line} ({exc.key}): {exc.reason}"
            )
        except PackError as exc:  # one broken rule file must not stop the style's other rules
            got = Unsupported(f"{folder.name}.{path.stem}", str(path), f"not loaded: {exc}")
        if isinstance(got, ValeSpec):
            specs.append(got)
        else:
            unsupported.append(got)
    return specs, unsupported
