"""Safe YAML loading that keeps line numbers, for error messages that point at the key.

``load(text, path)`` returns plain Python data plus a ``LineMap`` from key paths
(``("rules", 3, "message")``) to 1-based lines. Only the safe loader is used; aliases
are refused (they allow "billion laughs" expansion and editors never need them).
"""

from __future__ import annotations

from typing import Any

from lint.errors import UserError

KeyPath = tuple[Any, ...]


class LineMap(dict[KeyPath, int]):
    def line(self, *path: Any) -> int | None:
        p: KeyPath = tuple(path)
        while p:
            if p in self:
                return self[p]
            p = p[:-1]
        return self.get((), None)


def load(text: str, path: str, error: type[UserError] = UserError) -> tuple[Any, LineMap]:
    """Parse ``text`` (from ``path``, for messages)."""
    from lint import recache

    yaml = recache.import_marked("yaml")  # its resolver's patterns are kept with the installation

    lines = LineMap()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"not valid YAML: {problem}", path=path, line=line) from None
    if node is None:
        return None, lines
    constructor = yaml.SafeLoader("")
    seen: set[int] = set()

    def walk(n: Any, key: KeyPath, depth: int) -> Any:
        if depth > 50:
            raise error("YAML nested too deeply", path=path, line=n.start_mark.line + 1)
        if id(n) in seen:
            # The composer hands back the anchored node again for every alias (*name):
            # refuse them, they allow "billion laughs" expansion and editors never need them.
            raise error(
                "YAML aliases (*name) are not allowed",
                path=path,
                line=n.start_mark.line + 1,
                hint="write the value out in full instead of using &anchor and *alias",
            )
        seen.add(id(n))
        lines.setdefault(key, n.start_mark.line + 1)
        if isinstance(n, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for kn, vn in n.value:
                k = constructor.construct_object(kn, deep=True)
                if isinstance(k, (list, dict)):
                    raise error("mapping keys must be plain values", path=path, line=kn.start_mark.line + 1)
                if k in out:
                    raise error(f"duplicate key {k!r}", path=path, line=kn.start_mark.line + 1)
                lines[key + (k,)] = kn.start_mark.line + 1
                out[k] = walk(vn, key + (k,), depth + 1)
            return out
        if isinstance(n, yaml.SequenceNode):
            return [walk(v, key + (i,), depth + 1) for i, v in enumerate(n.value)]
        try:
            return constructor.construct_object(n, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError) as exc:  # e.g. a date like 2023-13-01
            raise error(f"cannot read {n.value!r}: {exc}", path=path, line=n.start_mark.line + 1) from None

    return walk(node, (), 0), lines
