"""``--list-rules`` and ``--explain``: what the command says about the registered rules.

A rule's summary here is the first paragraph of its documentation, whitespace joined, so a
first sentence that wraps onto a second docstring or YAML line is shown whole. ``--explain``
builds one Markdown document; at a terminal rich renders it, elsewhere it is printed as
written (plain text that pastes into an issue or a wiki page).
"""

from __future__ import annotations

from typing import Any, TextIO

from lint.engine import ENGINE_DIAGNOSTICS

_COLUMNS = ("code", "name", "category", "severity", "default", "fix", "summary")


def first_paragraph(text: str) -> str:
    """The text up to its first blank line, on one line."""
    lines: list[str] = []
    for line in text.strip().splitlines():
        if not line.strip():
            break
        lines.append(line.strip())
    return " ".join(lines)


def rule_rows(registry: Any) -> list[dict[str, Any]]:
    """One row per registered rule, then the engine's own diagnostics (always on)."""
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "category": r.category,
            "severity": str(r.severity),
            "fixable": r.fixable,
            "enabled_by_default": r.enabled_by_default,
            "summary": first_paragraph(r.documentation()) or r.summary(),
        }
        for r in registry.sorted_rules()
    ]
    for code, (name, sev, summary) in ENGINE_DIAGNOSTICS.items():
        rows.append(
            {
                "code": code,
                "name": name,
                "category": "internal",
                "severity": str(sev),
                "fixable": False,
                "enabled_by_default": True,
                "summary": summary,
            }
        )
    return rows


def list_rules(registry: Any, fmt: str | None, out: TextIO, width: int | None) -> None:
    """A table with a header (``default`` is ``on`` or ``off``: whether the rule runs
    without a ``select``), or JSON with ``--format json``. With ``width`` (a terminal),
    summaries wrap under their column; without, each rule is one line for grep."""
    rows = rule_rows(registry)
    if fmt == "json":
        import json

        out.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    cells = [
        [
            row["code"],
            row["name"],
            row["category"],
            row["severity"],
            "on" if row["enabled_by_default"] else "off",
            "yes" if row["fixable"] else "",
            row["summary"],
        ]
        for row in rows
    ]
    header = [c.upper() for c in _COLUMNS]
    widths = [max(len(r[i]) for r in [header, *cells]) for i in range(len(_COLUMNS) - 1)]
    indent = sum(widths) + 2 * len(widths)
    import textwrap

    for row in [header, *cells]:
        head = "".join(f"{cell:<{w}}  " for cell, w in zip(row, widths, strict=False))
        summary = row[-1]
        if width is not None and width - indent >= 30 and len(summary) > width - indent:
            wrapped = textwrap.wrap(summary, width - indent)
            out.write(head + wrapped[0] + "\n")
            out.writelines(" " * indent + more + "\n" for more in wrapped[1:])
        else:
            out.write(head + summary + "\n")


def explain_markdown(registry: Any, key: str) -> str | None:
    """The documentation of the rule (code or name) or engine diagnostic ``key`` as
    Markdown, or None when nothing has that code or name."""
    code = registry.resolve(key)
    if code is None:
        up = key.upper()
        if up not in ENGINE_DIAGNOSTICS:
            return None
        name, sev, summary = ENGINE_DIAGNOSTICS[up]
        return f"# {up} ({name})\n\nInternal diagnostic, {sev}, always on.\n\n{summary}.\n"
    r = registry.rules[code]
    parts = [f"# {r.code} ({r.name})"]
    facts = f"Category {r.category}, severity {r.severity}" + (", fixable" if r.fixable else "") + "."
    if r.enabled_by_default:
        facts += " On by default."
    else:
        facts += f" Off by default: enable it with `--extend-select {r.code}`."
    parts.append(facts)
    parts.append(r.documentation())
    for title, examples in (("Flagged", r.examples_bad), ("Not flagged", r.examples_good)):
        if examples:
            parts.append(f"## {title}")
            parts.extend(f"```markdown\n{ex.strip()}\n```" for ex in examples)
    if r.default_options:
        parts.append(f"## Options\n\nIn the config: `rules: {{{r.code}: {{...}}}}`.")
        parts.append("\n".join(f"- `{k.replace('_', '-')}` = `{v!r}`" for k, v in r.default_options.items()))
    if r.source:
        parts.append(f"Defined in `{r.source}`.")
    return "\n\n".join(parts) + "\n"


def show_markdown(text: str, out: TextIO, render: bool, color: bool | None) -> None:
    """Write ``text``: rendered by rich when ``render`` (a terminal), else as written."""
    if not render:
        out.write(text)
        return
    from rich.console import Console
    from rich.markdown import Markdown

    Console(file=out, force_terminal=True, no_color=color is False, emoji=False, highlight=False).print(Markdown(text))
