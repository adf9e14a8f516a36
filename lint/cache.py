"""Cache files: per-draft results and derived tables, which nothing but this user's own
runs can have written.

A cache folder may sit in a repository that anyone who opens a pull request can change,
so nothing read from it is trusted as it stands:

- every entry carries a keyed BLAKE2b tag (:func:`seal`) made with this user's secret
  (:func:`secret`, a random key in the user's own folder, :func:`user_folder`, outside
  any repository); an entry whose tag does not match is a miss, and is never unpickled;
- files are opened without following symbolic links, only regular files are read, and
  none over :data:`MAX_ENTRY` bytes;
- folders are written only when they are real folders (not links), and files are created
  beside their target and renamed over it, never written through a link.

Any file that fails a check is ignored, and the value is built again and written anew. The
installation folder (:func:`installation_folder`) is trusted as Python trusts
its bytecode beside it, but only a regular file that this user or the folder's owner owns,
and that no one else may write.

What installed code derives (compiled patterns, derived tables) is kept in the installation
folder; when that may not be written (a read-only or another user's installation,
``PYTHONDONTWRITEBYTECODE``), in this user's stand-in for it (:func:`user_installed_folder`),
inside the user's own folder, which no repository holds. Entries there are sealed like the
cache folder's, and read only from regular files of this user's (:func:`read_installed`).

Per-draft results: one sealed pickle per draft under ``<cache-dir>/<k[:2]>/<k>.pickle``,
keyed on the draft's path and bytes plus everything that can change its result
(configuration, fact base, rule set and version).
"""

from __future__ import annotations

import os
import pickle
import stat
import sys
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

CACHE_FORMAT = 2
MAX_ENTRY = 256 * 1024 * 1024
"""The largest cache file read or written, in bytes: a file over it is a miss, and a value
over it is not kept."""
MAX_PATTERNS = 16 * 1024 * 1024
"""The largest file of stored regular expressions (:mod:`lint.recache`) read, in bytes."""
USER_ENV = "LINT_ARTICLE_USER_CACHE"
"""Environment variable: this user's lint-article folder, instead of the platform's."""
_MAGIC = b"LAC\x02"
_TAG = 32
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


# -- the user's own folder and secret ------------------------------------------------------


def user_folder() -> Path | None:
    """This user's own lint-article folder, outside any repository: ``LINT_ARTICLE_USER_CACHE``
    when set (empty or ``off``: none), else ``%LOCALAPPDATA%\\lint-article`` on Windows,
    ``~/Library/Caches/lint-article`` on macOS, ``$XDG_CACHE_HOME/lint-article`` or
    ``~/.cache/lint-article`` elsewhere; None when there is no home folder."""
    chosen = os.environ.get(USER_ENV)
    if chosen is not None:
        return Path(chosen) if chosen.strip() and chosen.strip().lower() != "off" else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "lint-article" if base else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "lint-article"
    home = os.path.expanduser("~")
    if home == "~" or not os.path.isabs(home):
        return None
    if sys.platform == "darwin":
        return Path(home) / "Library" / "Caches" / "lint-article"
    return Path(home) / ".cache" / "lint-article"


_secrets: dict[Path, bytes | None] = {}


def secret() -> bytes | None:
    """This user's key for :func:`seal`: 32 random bytes in ``<user folder>/secret``, created
    on first use (mode 0600, in a folder of mode 0700). None, and so no cache, when there is
    no user folder, or the file is a link, not a regular file, not this user's, readable by
    others, or not 32 bytes long. Read once per process and folder."""
    folder = user_folder()
    if folder is None:
        return None
    if folder not in _secrets:
        _secrets[folder] = _read_secret(folder)
    return _secrets[folder]


def _read_secret(folder: Path) -> bytes | None:
    path = folder / "secret"
    for _ in range(2):
        try:
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
        except FileNotFoundError:
            if not _create_secret(folder, path):
                return None
            continue
        except OSError:
            return None
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or not _owned_private(st):
                return None
            key = fh.read(_TAG + 1)
        return key if len(key) == _TAG else None
    return None


def _owned_private(st: os.stat_result, others: int = 0o077) -> bool:
    """Whether a file or folder is this user's and no one else has the ``others`` permissions
    on it (by default none: neither read nor write)."""
    if not hasattr(os, "getuid"):
        return True  # pragma: no cover - Windows: the user's folder is private by default
    return st.st_uid == os.getuid() and not st.st_mode & others


def _create_secret(folder: Path, path: Path) -> bool:
    """Write a new key, all at once (a private file linked into place, so a run that reads it
    meanwhile finds the whole key or none); False when the folder is not this user's own,
    or others may write in it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(folder)
        if not stat.S_ISDIR(st.st_mode) or not _owned_private(st, 0o022):  # others may look, not write
            return False
        tmp = folder / f".secret.{os.getpid()}.{os.urandom(4).hex()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(os.urandom(_TAG))
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass  # another run made one first: use that
        finally:
            os.unlink(tmp)
    except OSError:
        return False
    return True


def seal(name: str, payload: bytes, key: bytes) -> bytes:
    """``payload`` with a tag that only the holder of ``key`` can make, bound to ``name`` (the
    entry's file name), so a sealed entry cannot stand in for another."""
    return _MAGIC + _tag(name, payload, key) + payload


def unseal(name: str, data: bytes | None, key: bytes) -> bytes | None:
    """The payload of :func:`seal`, or None when ``data`` was not sealed with ``key`` for ``name``.

    The tags are compared with ``==``: a run reports no more than hit or miss, too coarse
    for anyone to learn a tag from its timing."""
    if data is None or len(data) < len(_MAGIC) + _TAG or not data.startswith(_MAGIC):
        return None
    head = len(_MAGIC) + _TAG
    payload = data[head:]
    return payload if data[len(_MAGIC) : head] == _tag(name, payload, key) else None


def _tag(name: str, payload: bytes, key: bytes) -> bytes:
    h = blake2b(key=key, digest_size=_TAG, person=b"lint-article")
    h.update(name.encode("utf-8", "surrogateescape"))
    h.update(b"\0")
    h.update(payload)
    return h.digest()


# -- reading and writing files --------------------------------------------------------------


def read_file(path: Path, limit: int = MAX_ENTRY, trusted_owner: int | None = None) -> bytes | None:
    """The bytes of ``path`` when it is a regular file (not a link, a pipe or a device) of at
    most ``limit`` bytes; else None. With ``trusted_owner`` (a user id), also None unless the
    file is owned by this user or that one, and no one else may write it."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        if trusted_owner is not None and hasattr(os, "getuid"):
            if st.st_uid not in (os.getuid(), trusted_owner) or st.st_mode & 0o022:
                return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


def real_folder(folder: Path) -> bool:
    """Create ``folder`` if needed; True when it is a real folder (not a link to one)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return stat.S_ISDIR(os.lstat(folder).st_mode)
    except OSError:
        return False


def write_file(target: Path, data: bytes, mode: int = 0o600) -> bool:
    """Write a cache file atomically (a temporary file beside it, then a rename, which
    replaces a link rather than writing through it), so runs that share the folder never
    read half a file. False when it cannot or must not be written (its folder is a link,
    or ``data`` is over :data:`MAX_ENTRY`): a cache that cannot be written is only slower.
    (No ``tempfile``: it imports ``shutil`` and ``random``, milliseconds a pre-commit run
    does not need.) ``mode``: 0o644 for the installation folder, which every user of the
    installation reads, as they read its bytecode."""
    if len(data) > MAX_ENTRY or not real_folder(target.parent):
        return False
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, mode)
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
    """Create the cache folder, with a .gitignore that keeps it out of version control.
    Raises OSError when the folder is a link (a repository's link must not take the
    cache's writes elsewhere); the .gitignore is created only where nothing, not even a
    dangling link, stands."""
    if not real_folder(folder):
        raise OSError(f"not a real folder: {folder}")
    try:
        fd = os.open(folder / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o644)
    except OSError:
        return  # there already, or cannot be written: only the .gitignore is missing
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("# Created by lint-article: the cache is not for version control\n*\n")


# -- per-draft results ---------------------------------------------------------------------


class Cache:
    """Per-draft results, sealed with this user's :func:`secret` (no secret: no cache)."""

    def __init__(self, folder: Path, run_key: str) -> None:
        self.folder = folder
        self.run_key = run_key
        self._ready = False
        self._secret = secret()

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
        if self._secret is None:
            return None
        payload = unseal(f"{key}.pickle", read_file(self._file(key)), self._secret)
        if payload is None:
            return None  # missing, too large, a link, or not sealed by this user: a miss
        try:
            fmt, value = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - from another version: a miss
            return None
        return value if fmt == CACHE_FORMAT else None

    def put(self, key: str, value: Any) -> None:
        if self._secret is None:
            return
        if not self._ready:
            try:
                self._prepare()
            except OSError:
                return  # a cache that cannot be written is only slower
        payload = pickle.dumps((CACHE_FORMAT, value), protocol=pickle.HIGHEST_PROTOCOL)
        write_file(self._file(key), seal(f"{key}.pickle", payload, self._secret))

    def _prepare(self) -> None:
        prepare_folder(self.folder)
        self._ready = True


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
    A missing or damaged entry is only a miss; so is one in the cache folder that is not
    sealed with this user's :func:`secret`, and one in the installation folder that is
    owned by anyone but this user and the folder's owner, or that others may write.

    The places: for ``installed`` data (files that come with lint-article or a package it
    uses, never a user's file), the installation folder
    (:func:`installation_folder`) first, as for bytecode, so that ``--no-cache``
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
    key = secret()
    for place, is_installation in places:
        if is_installation:
            payload = read_installed(place, f"derived/{entry}")
        else:
            payload = unseal(entry, read_file(place / "derived" / entry), key) if key is not None else None
        if payload is None:
            continue  # missing, a link, too large, or not written by this user: look on, or derive
        try:
            return pickle.loads(payload)  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001 - truncated or from another version: look on, or derive
            pass
    value = build()
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a value that cannot be stored is only derived each run
        return value
    for place, is_installation in places:
        if is_installation:
            if write_installed(place, f"derived/{entry}", data):
                break
            continue
        try:
            prepare_folder(place)
        except OSError:
            continue
        if write_file(place / "derived" / entry, seal(entry, data, key), 0o600):  # type: ignore[arg-type]
            break
    return value


def folder_owner(folder: Path) -> int | None:
    """The user id that owns the installation folder (or the nearest folder above it)."""
    while True:
        try:
            return os.stat(folder).st_uid
        except OSError:
            if folder.parent == folder:
                return None
            folder = folder.parent


INSTALL_ENV = "LINT_ARTICLE_INSTALL_CACHE"
"""Environment variable: the installation folder to use instead, or empty (or ``off``) for none."""


def installation_folder() -> Path | None:
    """Where the patterns (and :func:`lint.cache.derived` values) of installed code are kept:
    ``__pycache__/lint-article`` in the package's folder, under ``sys.pycache_prefix`` when
    Python has one, as bytecode would be; the ``LINT_ARTICLE_INSTALL_CACHE`` folder when that
    is set, and None when it is empty or ``off``."""
    chosen = os.environ.get(INSTALL_ENV)
    if chosen is not None:
        return Path(chosen) if chosen.strip() and chosen.strip().lower() != "off" else None
    here = Path(__file__).resolve().parent  # the package's folder
    prefix = getattr(sys, "pycache_prefix", None)
    if prefix:
        return Path(prefix, *here.parts[1:]) / "lint-article"
    return here / "__pycache__" / "lint-article"


def may_write_installation() -> bool:
    """Whether the installation folder may be written: one named by ``LINT_ARTICLE_INSTALL_CACHE``
    always; the one beside the package not when Python writes no bytecode."""
    return bool(os.environ.get(INSTALL_ENV)) or not sys.dont_write_bytecode


def user_installed_folder() -> Path | None:
    """This user's stand-in for the installation folder, used when that may not be written:
    ``<user folder>/installed/<digest>``, one per installation folder and Python (so two
    virtual environments never share one). None without an installation folder (it is
    ``off``), a user folder or this user's secret: nothing could be sealed."""
    install = installation_folder()
    user = user_folder()
    if install is None or user is None or secret() is None:
        return None
    h = blake2b(digest_size=10)
    h.update(f"{install}\0{sys.version}".encode("utf-8", "surrogateescape"))
    return user / "installed" / h.hexdigest()


def _installed_places(install: Path) -> list[tuple[Path, bool]]:
    """Where what installed code derives is read, in order: (folder, sealed). The installation
    folder when it may be written or holds values; when it may not be written, the stand-in
    first (it holds all the installation's values and what was derived since)."""
    writable = installation_writable(install)
    places = [(install, False)] if writable or install.is_dir() else []
    if not writable:
        standin = user_installed_folder()
        if standin is not None:
            places.insert(0, (standin, True))
    return places


def read_installed(install: Path, name: str, limit: int = MAX_ENTRY) -> bytes | None:
    """The file ``name`` of what installed code derives (``install``: the installation
    folder), from the first place that holds a valid one: in the installation folder, a
    regular file owned by this user or the folder's owner that no one else may write; in the
    stand-in, a regular file of this user's that no one else may write, sealed with this
    user's secret. Links are never followed to the file."""
    for place, sealed in _installed_places(install):
        if not sealed:
            data = read_file(place / name, limit, trusted_owner=folder_owner(place))
        else:
            key = secret()
            raw = read_file(place / name, limit, trusted_owner=os.getuid() if hasattr(os, "getuid") else None)
            data = unseal(name, raw, key) if key is not None else None
        if data is not None:
            return data
    return None


def installed_writable(install: Path) -> bool:
    """Whether :func:`write_installed` has a place to write: the installation folder or the stand-in."""
    return installation_writable(install) or user_installed_folder() is not None


def write_installed(install: Path, name: str, data: bytes) -> bool:
    """Write the file ``name`` of what installed code derives: in the installation folder
    (mode 0644, read by every user of the installation, as bytecode is) when it may be
    written, else sealed in this user's stand-in (mode 0600, in a real folder)."""
    if installation_writable(install):
        return write_file(install / name, data, 0o644)
    standin, key = user_installed_folder(), secret()
    if standin is None or key is None:
        return False
    return write_file(standin / name, seal(name, data, key), 0o600)


def keeps_derived(installed: bool = False) -> bool:
    """Whether :func:`derived` has a place it can write values to (else each run derives
    them, and a caller may prefer a way that needs no derived value)."""
    return any(not inst or installed_writable(place) for place, inst in _places(None, installed))


def _places(folder: Path | None, installed: bool) -> list[tuple[Path, bool]]:
    """Where :func:`derived` looks and writes, in order: (folder, is the installation folder).
    The installation folder is a place when it may be written or already holds values (one
    a read-only installation came with)."""
    places: list[tuple[Path, bool]] = []
    if installed:
        install = installation_folder()
        if install is not None and (installed_writable(install) or (install / "derived").is_dir()):
            places.append((install, True))  # the installation folder, or its stand-in (read_installed)
    folder = folder or _derived_folder
    if folder is not None and secret() is not None:  # no key, nothing sealed: no cache folder
        places.append((folder, False))
    return places


_writable: dict[Path, bool] = {}


def installation_writable(folder: Path) -> bool:
    """Whether the installation folder may be written (:func:`may_write_installation`)
    and can be: it, or the nearest folder above it that exists, is writable by this process
    (a package installed by another user, or on a read-only system, is not). Asked once per
    process and folder."""
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
