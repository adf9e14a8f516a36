"""Finding a ``.vale.ini`` as Vale does (no imports beyond ``pathlib``: every run looks)."""

from __future__ import annotations

from pathlib import Path

NAMES = (".vale.ini", "_vale.ini")


def find_vale_ini(start: Path) -> Path | None:
    """The first ``.vale.ini`` (or ``_vale.ini``) in ``start`` or a parent folder; a name
    that is not a regular file (a pipe, a folder) is passed over."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        for name in NAMES:
            path = candidate / name
            if path.is_file():
                return path
    return None
