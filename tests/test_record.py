"""lint.record.Record builds the class typing.NamedTuple builds, without compiling annotations."""

from __future__ import annotations

import pickle
from typing import NamedTuple

import pytest

from lint.record import Record


class Point(Record):
    """A point."""

    x: int
    y: int = 0
    label: str = ""

    @property
    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)

    @classmethod
    def origin(cls) -> Point:
        return cls(0)

    def moved(self, dx: int) -> Point:
        return self._replace(x=self.x + dx)


class PointNT(NamedTuple):
    x: int
    y: int = 0
    label: str = ""


def test_same_shape_as_typing_namedtuple() -> None:
    p = Point(1, 2, "a")
    assert p._fields == PointNT._fields == ("x", "y", "label")
    assert Point._field_defaults == PointNT._field_defaults
    assert tuple(p) == tuple(PointNT(1, 2, "a")) and p == (1, 2, "a")
    assert hash(p) == hash((1, 2, "a"))
    assert repr(p) == "Point(x=1, y=2, label='a')"
    assert Point(3) == (3, 0, "")
    assert Point(x=1, label="b") == (1, 0, "b")
    assert p.norm1 == 3 and Point.origin() == (0, 0, "") and p.moved(2).x == 3
    assert Point.__doc__ == "A point." and Point.__module__ == __name__ and Point.__qualname__ == "Point"
    assert Point.__annotations__ == {"x": "int", "y": "int", "label": "str"}
    assert isinstance(p, tuple)
    with pytest.raises(AttributeError):
        p.x = 5  # type: ignore[misc]


def test_pickles_and_unpickles_to_the_same_class() -> None:
    p = Point(1, 2, "a")
    again = pickle.loads(pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == p and type(again) is Point


def test_refuses_what_namedtuple_refuses() -> None:
    with pytest.raises(TypeError, match="without a default"):

        class Bad(Record):  # noqa: F841 - defined for the error
            a: int = 0
            b: int

    with pytest.raises(AttributeError):

        class Bad2(Record):  # noqa: F841
            a: int

            def _replace(self) -> None:  # type: ignore[override]
                pass
