"""``Record``: a base for immutable value types, ``typing.NamedTuple`` without its type checks.

``class Span(Record)`` with annotated fields builds the same class ``class Span(NamedTuple)``
builds: a ``collections.namedtuple`` with the body's defaults, methods and docstring. Type
checkers see ``typing.NamedTuple`` itself. Unlike ``typing.NamedTuple``, defining a class
compiles none of its annotations: with ``from __future__ import annotations`` each stays the
string it is (``typing.get_type_hints`` still resolves them).
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    # What typing.NamedTuple refuses in a class body, and what it leaves to namedtuple.
    _PROHIBITED = frozenset(
        {
            "__new__",
            "__init__",
            "__slots__",
            "__getnewargs__",
            "_fields",
            "_field_defaults",
            "_make",
            "_replace",
            "_asdict",
            "_source",
        }
    )
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__", "__qualname__", "__orig_bases__"})

    class _RecordMeta(type):
        def __new__(mcls, name: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
            if ns.get("_record_base"):
                return super().__new__(mcls, name, bases, ns)
            if bases != (Record,):
                raise TypeError("a Record derives from Record alone")
            fields = list(ns.get("__annotations__", {}))
            defaults = []
            for field in fields:
                if field in ns:
                    defaults.append(ns[field])
                elif defaults:
                    raise TypeError(f"{name}: field {field!r} without a default follows one with a default")
            cls = collections.namedtuple(name, fields, defaults=defaults, module=ns.get("__module__"))
            cls.__annotations__ = dict(ns.get("__annotations__", {}))
            for key, value in ns.items():
                if key in _PROHIBITED:
                    raise AttributeError(f"{name}: cannot set {key!r} on a Record")
                if key not in _SPECIAL and key not in cls._fields:
                    setattr(cls, key, value)
            cls.__qualname__ = ns.get("__qualname__", name)
            return cls

    class Record(metaclass=_RecordMeta):
        _record_base = True


__all__ = ["Record"]
