"""One way to compute an analysis at most once per document, and a pattern at most once.

:func:`per_document` turns ``build(doc)`` into a function that keeps its result in
``doc.memo`` under the function's qualified name, so every rule (built-in or a plugin's) that
asks for the same analysis of the same document gets the same object. A result that depends
on the fact base too is built by :func:`per_document_and_facts`, kept with the fact base it
was built for and rebuilt when another is given. Results are shared: callers must treat them
as read-only (analyses return records and tuples, or new lists from shared ones).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from lint import recache

if TYPE_CHECKING:
    from lint.document import Document

T = TypeVar("T")
F = TypeVar("F")


def memo_key(build: Callable[..., Any]) -> str:
    """The ``doc.memo`` key of an analysis: its module and qualified name."""
    return f"{build.__module__}.{build.__qualname__}"


def per_document(build: Callable[[Document], T]) -> Callable[[Document], T]:
    """``build(doc)``, computed once per document and kept in ``doc.memo``."""
    key = memo_key(build)

    @functools.wraps(build)
    def analysed(doc: Document) -> T:
        memo = doc.memo
        if key in memo:
            got: T = memo[key]
            return got
        value = memo[key] = build(doc)
        return value

    return analysed


def per_document_and_facts(build: Callable[[Document, F], T]) -> Callable[[Document, F], T]:
    """``build(doc, facts)``, computed once per document and fact base (or None): the
    result is kept with the fact base it was built for, and built again for another one (a
    document is normally checked against one)."""
    key = memo_key(build)

    @functools.wraps(build)
    def analysed(doc: Document, facts: F) -> T:
        got: tuple[F, T] | None = doc.memo.get(key)
        if got is None or got[0] is not facts:
            got = doc.memo[key] = (facts, build(doc, facts))
        return got[1]

    return analysed


def lazy_pattern(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function that returns ``re.compile(pattern, flags)``, compiled on its first call:
    a big pattern that not every draft needs costs nothing at import. For patterns written
    in the code only, never built from a fact base, configuration or draft: they are kept in
    the installation folder (:mod:`lint.recache`)."""

    def compiled() -> re.Pattern[str]:
        recache.mark(pattern, flags)
        return re.compile(pattern, flags)

    return functools.cache(compiled)
