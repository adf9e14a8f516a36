"""A small stand-in for a LanguageTool server, for tests.

It speaks the part of LanguageTool's documented HTTP API that lint-article uses: ``POST
/v2/check`` (form fields ``text``, ``language``, ``disabledRules``, ``disabledCategories``)
answering ``{"software": ..., "language": ..., "matches": [...]}`` with offsets and lengths in
UTF-16 code units like the real (Java) server, and ``GET /v2/languages``. Its "rules" are a
handful of toy checks, enough to exercise the adapter:

* ``MORFOLOGIK_RULE_EN_US`` (category TYPOS, issue type misspelling): words of ``SPELLING``
  (with their correction) and of ``unknown_words`` (no suggestion);
* ``EN_A_VS_AN`` (GRAMMAR): "a" before a word starting with a vowel letter;
* ``COMMA_PARENTHESIS_WHITESPACE`` (TYPOGRAPHY): a space before a comma;
* ``WHITESPACE_RULE`` (TYPOGRAPHY): two spaces or more.

Modes: ``ok``; ``hang`` (accept and never answer until stopped); ``malformed`` (200 with a
body that is not JSON); ``error`` (HTTP 500); ``wrong-shape`` (JSON without a matches list).

Run as a script it serves on ``--port`` (or ``-p``) until killed, ignoring the other arguments
of a ``java -cp JAR org.languagetool.server.HTTPServer`` command line: tests use it as a fake
``java``. Environment: ``FAKE_LT_PIDFILE`` (write the pid there), ``FAKE_LT_EXIT`` (print an
error and exit with that code at once), ``FAKE_LT_DELAY`` (seconds to wait before listening).
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SPELLING = {"recieve": "receive", "teh": "the", "seperate": "separate", "definately": "definitely"}
SHORT = {"MORFOLOGIK_RULE_EN_US": "Spelling mistake", "EN_A_VS_AN": "Wrong article"}
LANGUAGES = {"en": "English", "en-US": "English (US)", "en-GB": "English (GB)"}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeLanguageTool:
    """Start with ``with FakeLanguageTool() as lt:``; ``lt.url`` is its base URL and
    ``lt.requests`` the decoded form of every POST /v2/check it received."""

    def __init__(self, mode: str = "ok", unknown_words: set[str] | None = None, delay: float = 0.0) -> None:
        self.mode = mode
        self.delay = delay  # seconds each check takes
        self.active = 0
        self.max_active = 0  # most checks in progress at once
        self.unknown_words = {w.lower() for w in unknown_words or ()}
        self.requests: list[dict[str, str]] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self, port: int = 0) -> FakeLanguageTool:
        self._server = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> FakeLanguageTool:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def texts(self) -> list[str]:
        return [r.get("text", "") for r in self.requests]

    # -- checking ----------------------------------------------------------------------------
    def check(self, text: str, disabled_rules: set[str], disabled_categories: set[str]) -> list[dict[str, Any]]:
        found: list[tuple[int, int, str, str, str, str, list[str]]] = []
        for m in re.finditer(r"([A-Za-z]+)(?:['’][a-z]+)?", text):
            word = m.group(1).lower()
            if word in SPELLING:
                found.append(_spelling(m.start(), m.end(1), [SPELLING[word]]))
            elif word in self.unknown_words:
                found.append(_spelling(m.start(), m.end(1), []))
        for m in re.finditer(r"\b([Aa]) (?=[AEIOUaeiou])", text):
            repl = "An" if m.group(1) == "A" else "an"
            found.append(
                (
                    m.start(1),
                    m.end(1),
                    "EN_A_VS_AN",
                    "GRAMMAR",
                    "grammar",
                    "Use “an” instead of ‘a’ if the following word starts with a vowel sound, e.g. "
                    "‘an article’, ‘an hour’.",
                    [repl],
                )
            )
        for m in re.finditer(r" +,", text):
            found.append(
                (
                    m.start(),
                    m.end(),
                    "COMMA_PARENTHESIS_WHITESPACE",
                    "TYPOGRAPHY",
                    "whitespace",
                    "Don’t put a space before the comma.",
                    [","],
                )
            )
        for m in re.finditer(r"  +", text):
            found.append(
                (
                    m.start(),
                    m.end(),
                    "WHITESPACE_RULE",
                    "TYPOGRAPHY",
                    "whitespace",
                    "Possible typo: you repeated a whitespace",
                    [" "],
                )
            )
        out = []
        for start, end, rule_id, category, issue, message, replacements in sorted(found):
            if rule_id in disabled_rules or category in disabled_categories:
                continue
            offset = utf16_len(text[:start])
            length = utf16_len(text[start:end])
            ctx_start = max(0, start - 20)
            out.append(
                {
                    "message": message,
                    "shortMessage": SHORT.get(rule_id, ""),
                    "replacements": [{"value": r} for r in replacements],
                    "offset": offset,
                    "length": length,
                    "context": {
                        "text": text[ctx_start : end + 20],
                        "offset": utf16_len(text[ctx_start:start]),
                        "length": length,
                    },
                    "sentence": text[max(0, text.rfind(". ", 0, start) + 2) : end],
                    "type": {"typeName": "UnknownWord" if category == "TYPOS" else "Other"},
                    "rule": {
                        "id": rule_id,
                        "description": rule_id.replace("_", " ").lower(),
                        "issueType": issue,
                        "category": {"id": category, "name": category.title()},
                    },
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                }
            )
        return out


def _spelling(start: int, end: int, replacements: list[str]) -> tuple[int, int, str, str, str, str, list[str]]:
    return (
        start,
        end,
        "MORFOLOGIK_RULE_EN_US",
        "TYPOS",
        "misspelling",
        "Possible spelling mistake found.",
        replacements,
    )


def _handler(fake: FakeLanguageTool) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
            pass

        def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
            self._done()  # the client may send its next check once it has this answer
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            path = urllib.parse.urlsplit(self.path).path
            if path == "/v2/languages":
                langs = [{"name": n, "code": c.split("-")[0], "longCode": c} for c, n in LANGUAGES.items()]
                self._send(200, json.dumps(langs).encode())
            elif path == "/v2/healthcheck":
                self._send(200, b"OK", "text/plain")
            else:
                self._send(404, b"Error: unknown path", "text/plain")

        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            length = int(self.headers.get("Content-Length") or 0)
            form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True)
            params = {k: v[0] for k, v in form.items()}
            if urllib.parse.urlsplit(self.path).path != "/v2/check":
                self._send(404, b"Error: unknown path", "text/plain")
                return
            with fake._lock:
                fake.requests.append(params)
                fake.active += 1
                fake.max_active = max(fake.max_active, fake.active)
            self._checking = True
            try:
                self._answer(params)
            finally:
                self._done()

        def _done(self) -> None:
            """End this handler's check (once): ``active`` counts checks whose answer is not yet
            on its way, so a client that waits for answers never sees more than it sent."""
            if getattr(self, "_checking", False):
                self._checking = False
                with fake._lock:
                    fake.active -= 1

        def _answer(self, params: dict[str, str]) -> None:
            if fake.delay:
                fake._stop.wait(fake.delay)
            if fake.mode == "hang":
                fake._stop.wait(30)
                return
            if fake.mode == "malformed":
                self._send(200, b"<html><body>Service temporarily unavailable</body></html>", "text/html")
                return
            if fake.mode == "error":
                self._send(500, b"Error: Internal Error: something broke", "text/plain")
                return
            if fake.mode == "wrong-shape":
                self._send(200, json.dumps({"matches": "none"}).encode())
                return
            language = params.get("language", "")
            if language not in LANGUAGES:
                msg = f"Error: '{language}' is not a language code known to LanguageTool."
                self._send(400, msg.encode(), "text/plain")
                return
            disabled = {r for r in params.get("disabledRules", "").split(",") if r}
            categories = {c for c in params.get("disabledCategories", "").split(",") if c}
            matches = fake.check(params.get("text", ""), disabled, categories)
            answer = {
                "software": {"name": "LanguageTool", "version": "fake", "buildDate": "", "apiVersion": 1},
                "warnings": {"incompleteResults": False},
                "language": {"name": LANGUAGES[language], "code": language},
                "matches": matches,
            }
            self._send(200, json.dumps(answer).encode())

    return Handler


def main(argv: list[str]) -> int:
    code = os.environ.get("FAKE_LT_EXIT")
    if code:
        print("Error: Could not find or load main class org.languagetool.server.HTTPServer", file=sys.stderr)
        return int(code)
    port = 8081
    for i, arg in enumerate(argv):
        if arg in ("--port", "-p") and i + 1 < len(argv):
            port = int(argv[i + 1])
    pidfile = os.environ.get("FAKE_LT_PIDFILE")
    if pidfile:
        with open(pidfile, "w") as f:
            f.write(str(os.getpid()))
    time.sleep(float(os.environ.get("FAKE_LT_DELAY") or 0))
    fake = FakeLanguageTool().start(port)
    try:
        while True:
            time.sleep(3600)
    finally:
        fake.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
