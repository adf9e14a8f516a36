"""Content cache: per-draft results keyed on the draft's path and bytes plus everything that
can change them (configuration, fact base, rule set and version).

One pickle per draft under ``<cache-dir>/<k[:2]>/<k>.pickle``, written atomically, so two runs
may share the folder. A corrupt or foreign entry is treated as a miss.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

# The built-in modules hashlib takes these from: importing hashlib also loads OpenSSL, ~4 ms
# of every run. The digests are the same.
try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without the built-in module
    from hashlib import blake2b
try:
    from _sha256 import sha256  # noqa: F401 - for lint.report; Python 3.10, 3.11
except ImportError:  # pragma: no cover - depends on the Python
    try:
        from _sha2 import sha256  # type: ignore[import-not-found,no-redef]  # noqa: F401 - Python 3.12+
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment]  # noqa: F401

T = TypeVar("T")

CACHE_FORMAT = 1


class Cache:
    def __init__(self, folder: Path, run_key: str) -> None:
        self.folder = folder
        self.run_key = run_key
        self._ready = False

    def key(self, path: str, data: bytes) -> str:
        h = blake2b(digest_size=20)
        h.update(self.run_key.encode())
        h.update(b"\0")
        h.update(path.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        h.update(data)
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any:
        try:
            with open(self._file(key), "rb") as fh:
                fmt, value = pickle.load(fh)
        except Exception:  # missing, truncated, or from another version: a miss
            return None
        return value if fmt == CACHE_FORMAT else None

    def put(self, key: str, value: Any) -> None:
        if not self._ready:
            try:
                self._prepare()
            except OSError:
                return  # a cache that cannot be written is only slower
        write_file(self._file(key), pickle.dumps((CACHE_FORMAT, value), protocol=pickle.HIGHEST_PROTOCOL))

    def _prepare(self) -> None:
        prepare_folder(self.folder)
        self._ready = True


def write_file(target: Path, data: bytes, mode: int = 0o600) -> bool:
    """Write a cache file atomically (a temporary file beside it, then a rename), so runs that
    share the folder never read half a file. False when it cannot be written: a cache that
    cannot be written is only slower. (No ``tempfile``: it imports ``shutil`` and ``random``,
    milliseconds a pre-commit run does not need.) ``mode``: 0o644 for the installation
    folder, which every user of the installation reads, as they read its bytecode."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
    return True


def prepare_folder(folder: Path) -> None:
    """Create the cache folder, with a .gitignore that keeps it out of version control."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        try:
            ignore.write_text("# Created by lint-article: the cache is not for version control\n*\n")
        except OSError:
            pass


def fingerprint(*parts: Any) -> str:
    h = blake2b(digest_size=16)
    for p in parts:
        h.update(repr(p).encode("utf-8", "surrogateescape"))
        h.update(b"\x1f")
    return h.hexdigest()


_derived_folder: Path | None = None
"""Where :func:`derived` keeps its values; set by the command line when the cache is on."""


def use_derived_folder(folder: Path | None) -> None:
    global _derived_folder
    _derived_folder = folder


def derived_folder() -> Path | None:
    """The folder :func:`derived` keeps values in, or None: values are then derived each run."""
    return _derived_folder


def derived(
    name: str, source: bytes, build: Callable[[], T], code: str, folder: Path | None = None, installed: bool = False
) -> T:
    """``build()``, a value computed only from ``source`` (a data file's bytes) by the code in
    the file ``code``, kept between runs where there is a place to keep it.

    Start-up of a one-draft run: the phrase packs, the spelling table and the hyphenation
    patterns take tens of milliseconds to derive from their files, and a pickle of the
    result loads in a few. The key holds the data, the deriving file's size and time of
    change, and the versions of lint-article and Python, so an edit or upgrade derives anew.
    A missing or damaged entry is only a miss.

    The places: for ``installed`` data (files that come with lint-article or a package it
    uses, never a user's file), the installation folder
    (:func:`lint.recache.installation_folder`) first, as for bytecode, so that ``--no-cache``
    runs and new projects find it too; then the cache folder in use (``folder``, or the one
    the command line set), if any."""
    places = _places(folder, installed)
    if not places:
        return build()
    import sys

    from lint import __version__

    try:
        st = os.stat(code)
        stamp = f"{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        return build()
    h = blake2b(digest_size=16)
    h.update(
        f"{DERIVED_FORMAT}\0{name}\0{__version__}\0{sys.version}\0{code}\0{stamp}\0".encode("utf-8", "surrogateescape")
    )
    h.update(source)
    entry = f"{name}-{h.hexdigest()}.pickle"
    for place, _ in places:
        try:
            with open(place / "derived" / entry, "rb") as fh:
                return pickle.load(fh)  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001 - missing, truncated or foreign: look on, or derive again
            pass
    value = build()
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a value that cannot be stored is only derived each run
        return value
    for place, is_installation in places:
        if is_installation and not installation_writable(place):
            continue
        try:
            if not is_installation:
                prepare_folder(place)
        except OSError:
            continue
        if write_file(place / "derived" / entry, data, 0o644 if is_installation else 0o600):
            break
    return value


def keeps_derived(installed: bool = False) -> bool:
    """Whether :func:`derived` has a place it can write values to (else each run derives
    them, and a caller may prefer a way that needs no derived value)."""
    return any(not inst or installation_writable(place) for place, inst in _places(None, installed))


def _places(folder: Path | None, installed: bool) -> list[tuple[Path, bool]]:
    """Where :func:`derived` looks and writes, in order: (folder, is the installation folder).
    The installation folder is a place when it may be written or already holds values (one
    a read-only installation came with)."""
    places: list[tuple[Path, bool]] = []
    if installed:
        from lint.recache import installation_folder

        install = installation_folder()
        if install is not None and (installation_writable(install) or (install / "derived").is_dir()):
            places.append((install, True))
    folder = folder or _derived_folder
    if folder is not None:
        places.append((folder, False))
    return places


_writable: dict[Path, bool] = {}


def installation_writable(folder: Path) -> bool:
    """Whether the installation folder may be written (:func:`lint.recache.may_write_installation`)
    and can be: it, or the nearest folder above it that exists, is writable by this process
    (a package installed by another user, or on a read-only system, is not). Asked once per
    process and folder."""
    from lint.recache import may_write_installation

    if not may_write_installation():
        return False
    got = _writable.get(folder)
    if got is None:
        existing = folder
        while not existing.exists() and existing.parent != existing:
            existing = existing.parent
        got = _writable[folder] = os.access(existing, os.W_OK)
    return got


DERIVED_FORMAT = 1
