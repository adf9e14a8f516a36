"""A local LanguageTool for the run: found where language_tool_python keeps it (never
downloaded), started with Java on a free port and stopped afterwards.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rules.grammar.client import Client, Unavailable, describe_reason

if TYPE_CHECKING:
    import subprocess


DEFAULT_START_TIMEOUT = 60.0


SERVER_CLASS = "org.languagetool.server.HTTPServer"
JAR_NAME = "languagetool-server.jar"


# -- a local LanguageTool for the run ----------------------------------------------------------
def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path.name)) or (0,)


def find_local_languagetool(environ: Mapping[str, str] | None = None) -> Path:
    """The ``languagetool-server.jar`` of an unpacked LanguageTool, found as language_tool_python
    documents it (``LTP_JAR_DIR_PATH``; else ``LanguageTool-*`` in ``$LTP_PATH`` or
    ``~/.cache/language_tool_python``). Never downloads. Raises :class:`Unavailable`."""
    env = os.environ if environ is None else environ
    jar_dir = env.get("LTP_JAR_DIR_PATH")
    if jar_dir:
        p = Path(jar_dir).expanduser()
        jar = p if p.is_file() else p / JAR_NAME
        if jar.is_file():
            return jar
        raise Unavailable(
            f"languagetool = local: LTP_JAR_DIR_PATH={jar_dir} holds no {JAR_NAME}: point it at an unpacked "
            "LanguageTool folder, or set languagetool = http://host:port or off"
        )
    if env.get("LTP_PATH"):
        base = Path(env["LTP_PATH"]).expanduser()
    else:
        try:
            base = Path.home() / ".cache" / "language_tool_python"
        except RuntimeError:
            base = Path(".cache") / "language_tool_python"
    found = sorted(
        (d for d in (base.glob("LanguageTool*") if base.is_dir() else ()) if (d / JAR_NAME).is_file()),
        key=_version_key,
    )
    if found:
        return found[-1] / JAR_NAME
    raise Unavailable(
        f"languagetool = local: LanguageTool is not installed (no LanguageTool-*/{JAR_NAME} in {base}; "
        "lint-article never downloads it): unpack LanguageTool there or set LTP_JAR_DIR_PATH, "
        "or set languagetool = http://host:port or off"
    )


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stop(proc: subprocess.Popen[bytes]) -> None:
    import subprocess

    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def _tail(log: Any) -> str:
    try:
        log.seek(0)
        lines = [ln.strip() for ln in log.read().decode("utf-8", "replace").splitlines() if ln.strip()]
    except Exception:
        return ""
    return lines[-1][:160] if lines else ""


@contextmanager
def local_server(
    language: str, start_timeout: float, environ: Mapping[str, str] | None = None, *, jar: Path | None = None
) -> Iterator[str]:
    """Start the local LanguageTool for the duration of the block; yields its base URL."""
    import shutil
    import subprocess
    import tempfile

    jar = jar or find_local_languagetool(environ)
    java = shutil.which("java", path=(environ or os.environ).get("PATH"))
    if not java:
        raise Unavailable(
            "languagetool = local needs Java 17+ on PATH (java not found): install Java, "
            "or set languagetool = http://host:port or off"
        )
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [java, "-cp", str(jar), SERVER_CLASS, "--port", str(port)]
    with tempfile.TemporaryFile() as log:
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log)
        except OSError as exc:
            raise Unavailable(
                f"languagetool = local: could not run {java} ({describe_reason(exc)}): check Java 17+"
            ) from None
        try:
            _wait_ready(proc, url, language, start_timeout, log)
            yield url
        finally:
            _stop(proc)


def _wait_ready(proc: subprocess.Popen[bytes], url: str, language: str, budget: float, log: Any) -> None:
    """Wait until the server accepts connections, then send one small check in ``language``
    (LanguageTool loads a language on its first check) with what is left of ``budget``."""
    import socket
    import urllib.parse

    deadline = time.monotonic() + budget
    port = int(urllib.parse.urlsplit(url).port or 0)
    while True:
        code = proc.poll()
        if code is not None:
            why = _tail(log)
            raise Unavailable(
                f"the local LanguageTool server exited with code {code} at start-up"
                + (f" ({why})" if why else "")
                + ": check Java 17+ and the LanguageTool folder, or set languagetool = off"
            )
        left = deadline - time.monotonic()
        if left <= 0:
            raise Unavailable(
                f"the local LanguageTool server did not start within {budget:g}s: "
                "raise languagetool_start_timeout, or set languagetool = off"
            )
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=min(left, 1.0)):
                pass
        except OSError:
            time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))
            continue
        Client(url, timeout=max(0.1, deadline - time.monotonic()), params={"language": language}).check("Hello.")
        return
