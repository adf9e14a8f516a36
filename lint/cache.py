"""Content cache: per-draft results keyed on the draft's path and bytes plus everything that
can change them (configuration, fact base, rule set and version).

One pickle per draft under ``<cache-dir>/<k[:2]>/<k>.pickle``, written atomically, so two runs
may share the folder. A corrupt or foreign entry is treated as a miss.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

CACHE_FORMAT = 1


class Cache:
    def __init__(self, folder: Path, run_key: str) -> None:
        self.folder = folder
        self.run_key = run_key
        self._ready = False

    def key(self, path: str, data: bytes) -> str:
        h = hashlib.blake2b(digest_size=20)
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


def write_file(target: Path, data: bytes) -> bool:
    """Write a cache file atomically (a temporary file beside it, then a rename), so runs that
    share the folder never read half a file. False when it cannot be written: a cache that
    cannot be written is only slower. (No ``tempfile``: it imports ``shutil`` and ``random``,
    milliseconds a pre-commit run does not need.)"""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
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
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        h.update(repr(p).encode("utf-8", "surrogateescape"))
        h.update(b"\x1f")
    return h.hexdigest()
