"""LanguageTool's answers (:class:`Match`) and the HTTP client that asks for them; every
failure becomes :class:`Unavailable` with a one-line reason and fix.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from lint.record import Record

if TYPE_CHECKING:
    import urllib.error


MAX_RESPONSE_BYTES = 32 * 1024 * 1024


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


# -- LanguageTool answers ----------------------------------------------------------------------
class Match(Record):
    """One LanguageTool match, in code points of the paragraph's sent text."""

    offset: int
    length: int
    message: str
    short_message: str
    rule_id: str
    category: str
    issue_type: str
    replacement: str | None


class Unavailable(Exception):
    """LanguageTool can't be used; ``str()`` is the one-line reason and fix."""


class Unreachable(Unavailable):
    """No HTTP answer at all (refused, unknown host, timed out)."""


def _utf16_to_index(text: str) -> list[int] | None:
    """Map UTF-16 code unit offsets (what LanguageTool, a Java program, counts) to Python
    string indices; None when they are the same (no character beyond the BMP)."""
    if not _ASTRAL.search(text):
        return None
    table: list[int] = []
    for i, c in enumerate(text):
        table.append(i)
        if ord(c) > 0xFFFF:
            table.append(i)  # the low surrogate: a match can't start there, but be lenient
    table.append(len(text))
    return table


def parse_matches(payload: Any, text: str, where: str) -> list[tuple[int, int, Match]]:
    """``(start, end, match)`` in Python indices of ``text`` from a /v2/check JSON answer."""
    if not isinstance(payload, dict) or not isinstance(payload.get("matches"), list):
        raise Unavailable(f"{where} answered JSON without a 'matches' list: is it a LanguageTool server?")
    table = _utf16_to_index(text)
    limit = len(table) - 1 if table else len(text)
    out: list[tuple[int, int, Match]] = []
    for raw in payload["matches"]:
        if not isinstance(raw, dict):
            raise Unavailable(f"{where} answered a match that is not an object: is it a LanguageTool server?")
        offset, length = raw.get("offset"), raw.get("length")
        if not isinstance(offset, int) or not isinstance(length, int):
            raise Unavailable(f"{where} answered a match without integer offset/length: is it a LanguageTool server?")
        if offset < 0 or length < 0 or offset + length > limit:
            continue
        start, end = (table[offset], table[offset + length]) if table else (offset, offset + length)
        rule_raw = raw.get("rule")
        rule: dict[str, Any] = rule_raw if isinstance(rule_raw, dict) else {}
        category_raw = rule.get("category")
        category: dict[str, Any] = category_raw if isinstance(category_raw, dict) else {}
        replacement = None
        reps = raw.get("replacements")
        if isinstance(reps, list) and reps and isinstance(reps[0], dict) and isinstance(reps[0].get("value"), str):
            replacement = reps[0]["value"]
        out.append(
            (
                start,
                end,
                Match(
                    start,
                    end - start,
                    str(raw.get("message") or ""),
                    str(raw.get("shortMessage") or ""),
                    str(rule.get("id") or "UNKNOWN"),
                    str(category.get("id") or ""),
                    str(rule.get("issueType") or ""),
                    replacement,
                ),
            )
        )
    return out


# -- HTTP client -------------------------------------------------------------------------------
def check_url(base: str) -> str:
    """The /v2/check endpoint of a server URL given as ``http://host:port`` (or ``.../v2``)."""
    base = base.strip().rstrip("/")
    if base.endswith("/v2/check"):
        return base
    if base.endswith("/v2"):
        return base + "/check"
    return base + "/v2/check"


def is_loopback(url: str) -> bool:
    import urllib.parse

    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.")


class Client:
    """Talks to one LanguageTool server over its documented HTTP API (POST /v2/check)."""

    def __init__(self, url: str, *, timeout: float, params: Mapping[str, str]) -> None:
        import urllib.request  # imported on use: the rule is off by default and start-up counts

        self.url = check_url(url)
        self.shown = url.strip().rstrip("/")
        self.timeout = timeout
        self.params = dict(params)
        self.requests = 0
        self._lock = threading.Lock()
        # A proxy from the environment must not intercept a server on this machine.
        handlers = [urllib.request.ProxyHandler({})] if is_loopback(self.url) else []
        self._opener = urllib.request.build_opener(*handlers)

    def check(self, text: str, *, timeout: float | None = None) -> Any:
        """POST ``text``; the decoded JSON answer. Raises :class:`Unavailable`."""
        import http.client
        import urllib.error
        import urllib.parse
        import urllib.request

        limit = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        # errors="replace": a lone surrogate (undecodable byte) becomes one "?", so offsets hold.
        body = urllib.parse.urlencode({**self.params, "text": text}, errors="replace").encode("ascii")
        req = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
        )
        with self._lock:
            self.requests += 1
        where = f"LanguageTool at {self.shown}"
        try:
            with self._opener.open(req, timeout=limit) as resp:
                data = _read_bounded(resp, deadline)
        except urllib.error.HTTPError as exc:
            detail = _http_error_detail(exc)
            raise Unavailable(
                f"{where} answered HTTP {exc.code}{detail}: check the server and the language option, "
                "or set languagetool = off"
            ) from None
        except urllib.error.URLError as exc:
            raise Unreachable(f"{where} is unreachable ({describe_reason(exc.reason)}): {_hint(self.shown)}") from None
        except TimeoutError:
            raise Unreachable(
                f"{where} did not answer within {limit:g}s: raise languagetool_timeout, check the server, "
                "or set languagetool = off"
            ) from None
        except (OSError, http.client.HTTPException) as exc:
            raise Unreachable(f"{where} failed ({describe_reason(exc)}): {_hint(self.shown)}") from None
        try:
            return json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            snippet = " ".join(data[:60].decode("utf-8", "replace").split())
            raise Unavailable(
                f"{where} answered something that is not JSON ({snippet!r}): is it a LanguageTool server?"
            ) from None


def _read_bounded(resp: Any, deadline: float) -> bytes:
    """Read the whole body, but give up at ``deadline`` even if bytes keep trickling in."""
    import http.client

    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError("deadline")
        chunk = resp.read1(65536) if hasattr(resp, "read1") else resp.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise http.client.HTTPException("answer too large")
        chunks.append(chunk)


def _http_error_detail(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read(300).decode("utf-8", "replace")
    except Exception:
        text = ""
    text = " ".join(text.split()).removeprefix("Error: ")
    return f" ({text[:160]})" if text else ""


def describe_reason(reason: object) -> str:
    import socket

    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    if isinstance(reason, TimeoutError):
        return "timed out"
    text = str(getattr(reason, "strerror", None) or reason)
    return " ".join(text.split())[:120] or type(reason).__name__


def _hint(url: str) -> str:
    if is_loopback(url):
        return "start the server or set languagetool = off"
    return "check the URL and the network, or set languagetool = off"
