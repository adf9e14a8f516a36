"""Grammar and spelling through LanguageTool (GR101).

The rule is an adapter: the per-draft phase (``record``) cuts each draft into prose paragraphs
with everything needed to map LanguageTool's offsets back to the file; the corpus phase
(``check_corpus``) contacts or starts ONE LanguageTool server for the run, sends the distinct
paragraphs in batches and turns the matches into findings.

Nothing happens unless the run-wide setting ``languagetool`` names a backend:

* ``off`` (default): ``record`` returns None at once, no network, no process;
* ``local``: a LanguageTool already unpacked on this machine, found the way
  language_tool_python finds it (``LTP_JAR_DIR_PATH``, else ``$LTP_PATH`` or
  ``~/.cache/language_tool_python``, folders ``LanguageTool-*``). It is started with Java for
  the run and stopped afterwards. Nothing is ever downloaded;
* ``http://host:port`` (or https): a LanguageTool server, self-hosted or the public API when
  the user names its URL.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from lint.cache import blake2b
from lint.errors import RuleUnavailable
from lint.hookspecs import HookImpls, hookimpl
from lint.model import Edit, Finding, Fix, Severity, Span
from lint.record import Record
from lint.rule import Rule, RunContext
from lint.text import WORD

# socket, subprocess, shutil and tempfile are imported where LanguageTool is used: the
# rule is off by default, and they cost a pre-commit run milliseconds for nothing.
if TYPE_CHECKING:
    import subprocess
    import urllib.error

    from lint.document import Block, Document

# LanguageTool rules whose result depends on text around the paragraph (several paragraphs go
# in one request, and results are cached per paragraph) or on whitespace we collapse. They are
# always disabled; users add their own ids through the ``disabled_rules`` option.
CONTEXT_RULES: tuple[str, ...] = (
    "WHITESPACE_RULE",
    "PUNCTUATION_PARAGRAPH_END",
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE",
)
SPELLING_CATEGORIES = frozenset({"TYPOS"})
SEPARATOR = "\n\n"  # between paragraphs of one request: LanguageTool reads a paragraph break
DEFAULT_TIMEOUT = 10.0
DEFAULT_START_TIMEOUT = 60.0
MAX_RESPONSE_BYTES = 32 * 1024 * 1024
SERVER_CLASS = "org.languagetool.server.HTTPServer"
JAR_NAME = "languagetool-server.jar"

_WS = re.compile(r"\s+")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SUGGESTION = re.compile(r"</?suggestion>")
_CLAUSE_END = re.compile(r"[.;]\s|,\s(?:e\.g\.|for example|as in)\b")


# -- records ---------------------------------------------------------------------------------
class Paragraph(Record):
    """One prose block as sent to LanguageTool, with what maps its offsets back to the file.

    ``text`` is the block's prose (code, URLs and markup already blanked by the document
    model) with every run of white space collapsed to one space, and blanked markup glued to
    a word (``**now**,``) dropped. Positions in ``text`` are "sent" positions; ``rel``
    positions are offsets from ``start`` in the file.
    """

    text: str
    start: int  # offset of the block in the file
    line: int  # 1-based line of ``start``
    column: int  # 1-based column of ``start``
    line_starts: tuple[int, ...]  # rel offsets where the block's 2nd, 3rd... lines start
    map_sent: tuple[int, ...]  # sent positions where the sent -> rel mapping jumps (first: 0)
    map_rel: tuple[int, ...]  # ... and the rel offset each of them maps to
    masked: tuple[int, ...]  # sent positions of a space that stands for blanked markup
    holes: tuple[int, ...]  # sent positions of a space that stands for removed content (code, URL)
    sentences: tuple[int, ...]  # flattened (start, end) sent positions of the block's sentences
    quotes: tuple[int, ...]  # flattened (start, end) sent positions of quoted speech

    def rel(self, pos: int) -> int:
        """Offset from ``start`` of the character at sent position ``pos``."""
        i = bisect.bisect_right(self.map_sent, pos) - 1
        return self.map_rel[i] + (pos - self.map_sent[i])

    def sent(self, rel: int) -> int:
        """Sent position of the character at ``rel`` (a collapsed run maps to its one space)."""
        i = bisect.bisect_right(self.map_rel, rel) - 1
        pos = self.map_sent[i] + (rel - self.map_rel[i])
        if i + 1 < len(self.map_sent):
            pos = min(pos, self.map_sent[i + 1] - 1)
        return max(0, min(pos, len(self.text)))

    def span(self, rel_start: int, rel_end: int) -> Span:
        line, col = self._position(rel_start)
        end_line, end_col = self._position(rel_end)
        return Span(self.start + rel_start, self.start + rel_end, line, col, end_line, end_col)

    def _position(self, rel: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.line_starts, rel)
        if k == 0:
            return self.line, self.column + rel
        return self.line + k, rel - self.line_starts[k - 1] + 1

    def sentence_at(self, pos: int) -> str:
        s = self.sentences
        for i in range(0, len(s), 2):
            if s[i] <= pos < max(s[i + 1], s[i] + 1):
                return self.text[s[i] : s[i + 1]].strip()[:300]
        return self.text.strip()[:300]

    def in_quote(self, start: int, end: int) -> bool:
        q = self.quotes
        return any(q[i] <= start and end <= q[i + 1] for i in range(0, len(q), 2))


def paragraphs_of(doc: Document) -> list[Paragraph]:
    """Cut ``doc`` into the paragraphs LanguageTool sees (blocks without a letter or digit are
    left out)."""
    out = []
    for block in doc.blocks:
        par = _paragraph(doc, block)
        if par is not None:
            out.append(par)
    return out


def _paragraph(doc: Document, block: Block) -> Paragraph | None:
    b0 = block.start
    p = doc.prose[b0 : block.end]
    t = doc.text[b0 : block.end]
    parts: list[str] = []
    map_sent: list[int] = [0]
    map_rel: list[int] = [0]
    masked: list[int] = []
    holes: list[int] = []
    pos = 0  # sent position
    last = 0  # rel offset

    def keep(rel: int, chunk: str) -> None:
        nonlocal pos
        if map_rel[-1] + (pos - map_sent[-1]) != rel:
            map_sent.append(pos)
            map_rel.append(rel)
        parts.append(chunk)
        pos += len(chunk)

    for m in _WS.finditer(p):
        if m.start() > last:
            keep(last, p[last : m.start()])
        original = t[m.start() : m.end()]
        content = any(c.isalnum() for c in original)
        if not content and not any(c.isspace() for c in original):
            last = m.end()  # markup glued to words ("**now**,", "\\*"): the reader sees no space
            continue
        if not original.isspace():
            masked.append(pos)
            if content:
                holes.append(pos)
        keep(m.start(), " ")
        last = m.end()
    if last < len(p):
        keep(last, p[last:])
    text = "".join(parts)
    if not any(c.isalnum() for c in text):
        return None
    line, column = doc.position(b0)
    line_starts = tuple(doc.line_start(n) - b0 for n in range(line + 1, block.last_line + 1))
    par = Paragraph(
        text, b0, line, column, line_starts, tuple(map_sent), tuple(map_rel), tuple(masked), tuple(holes), (), ()
    )
    sentences: list[int] = []
    for s in doc.block_sentences(block):
        sentences += (par.sent(s.start - b0), par.sent(s.end - 1 - b0) + 1)
    quotes: list[int] = []
    for qs, qe in doc.quotes:
        if b0 <= qs < block.end:
            quotes += (par.sent(qs - b0), par.sent(max(qs, qe - 1) - b0) + 1)
    return par._replace(sentences=tuple(sentences), quotes=tuple(quotes))


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


def _is_loopback(url: str) -> bool:
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
        handlers = [urllib.request.ProxyHandler({})] if _is_loopback(self.url) else []
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
            raise Unreachable(f"{where} is unreachable ({_reason(exc.reason)}): {_hint(self.shown)}") from None
        except TimeoutError:
            raise Unreachable(
                f"{where} did not answer within {limit:g}s: raise languagetool_timeout, check the server, "
                "or set languagetool = off"
            ) from None
        except (OSError, http.client.HTTPException) as exc:
            raise Unreachable(f"{where} failed ({_reason(exc)}): {_hint(self.shown)}") from None
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


def _reason(reason: object) -> str:
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
    if _is_loopback(url):
        return "start the server or set languagetool = off"
    return "check the URL and the network, or set languagetool = off"


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
            raise Unavailable(f"languagetool = local: could not run {java} ({_reason(exc)}): check Java 17+") from None
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


# -- results kept between runs ----------------------------------------------------------------
class ResultStore:
    """LanguageTool's answers per paragraph, kept between runs in the run's cache folder.

    One JSON file per server and request settings (language, disabled rules), so that a
    change of either starts afresh. Entries unused for ``MAX_AGE_DAYS`` are dropped. Best
    effort: an unreadable file is a miss, a failed write is ignored.
    """

    FORMAT = 1
    MAX_AGE_DAYS = 60

    def __init__(self, folder: Path, identity: str) -> None:
        digest = blake2b(identity.encode("utf-8"), digest_size=8).hexdigest()
        self.file = folder / f"languagetool-{digest}.json"
        self.today = int(time.time() // 86400)
        self.entries: dict[str, list[Any]] = {}
        self.changed = False
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("format") == self.FORMAT and isinstance(data.get("entries"), dict):
                self.entries = data["entries"]
        except (OSError, ValueError):
            pass

    def fill(self, key: bytes, cache: dict[bytes, list[Match]]) -> bool:
        """Copy the stored answer for ``key`` into ``cache``; False when there is none."""
        entry = self.entries.get(key.hex())
        try:
            matches = [Match(*m) for m in entry[1]] if entry else None
        except (TypeError, IndexError):
            matches = None
        if matches is None:
            return False
        cache[key] = matches
        return True

    def save(self, cache: Mapping[bytes, list[Match]], used: set[bytes]) -> None:
        for key in used:
            if key not in cache:
                continue
            hexkey = key.hex()
            entry = self.entries.get(hexkey)
            if entry is None or entry[0] != self.today:
                self.entries[hexkey] = [self.today, [list(m) for m in cache[key]]]
                self.changed = True
        oldest = self.today - self.MAX_AGE_DAYS
        for hexkey in [k for k, e in self.entries.items() if not isinstance(e, list) or not e or e[0] < oldest]:
            del self.entries[hexkey]
            self.changed = True
        if not self.changed:
            return
        from lint.cache import write_file

        data = json.dumps({"format": self.FORMAT, "entries": self.entries}, separators=(",", ":"))
        write_file(self.file, data.encode("utf-8"))


# -- the rule ----------------------------------------------------------------------------------
def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _clean_message(m: Match) -> str:
    text = " ".join(_SUGGESTION.sub("'", m.message).split())
    if len(text) > 90:
        if m.short_message.strip():
            text = " ".join(m.short_message.split())
        else:
            cut = _CLAUSE_END.search(text, 20)
            text = text[: cut.start()] if cut else text
    text = text.rstrip(". ")
    if text.endswith(" found"):
        text = text[: -len(" found")]
    if len(text) > 100:
        text = text[:99].rsplit(" ", 1)[0] + "…"
    return text or "Possible problem"


def _quoted(text: str, limit: int = 40) -> str:
    return "'" + (text if len(text) <= limit else text[: limit - 1] + "…") + "'"


def _fact_terms(facts: Any) -> tuple[frozenset[str], frozenset[str]]:
    """Folded names/aliases of the fact base, and the words they are made of."""
    entities = getattr(facts, "entities", None) or ()
    if isinstance(entities, Mapping):
        entities = entities.values()
    names: set[str] = set()
    words: set[str] = set()
    for e in entities:
        forms = [getattr(e, "name", None), *(getattr(e, "aliases", None) or ())]
        for form in forms:
            if isinstance(form, str) and form.strip():
                names.add(" ".join(form.casefold().split()))
                words.update(w.casefold() for w in WORD.findall(form))
    return frozenset(names), frozenset(words)


def _is_known_term(matched: str, names: frozenset[str], words: frozenset[str]) -> bool:
    folded = " ".join(matched.casefold().split())
    if not folded:
        return False
    if folded in names:
        return True
    found = WORD.findall(folded)
    if not found:
        return False
    return all(w in words or re.sub(r"['’]s$", "", w) in words for w in found)


class LanguageToolRule(Rule):
    """Grammar and spelling mistakes found by LanguageTool.

    **What it finds**: what a LanguageTool server reports in the prose of the drafts:
    misspellings, agreement and article errors, confused words. Code, URLs and front matter
    are never sent. Each finding keeps LanguageTool's rule id in the message, for example
    ``Possible spelling mistake: 'recieve' -> 'receive' (LanguageTool MORFOLOGIK_RULE_EN_US)``.

    **Why**: typos and broken grammar are the first thing readers and editors notice, and a
    dictionary-based checker is better at them than phrase rules.

    **How to turn it on**: the rule needs a LanguageTool server and is off until the setting
    ``languagetool`` names one: ``local`` (an unpacked LanguageTool found through
    ``LTP_JAR_DIR_PATH`` or language_tool_python's cache folder, started with Java 17+ for the
    run; nothing is ever downloaded) or ``http://host:port`` (a self-hosted server; the public
    API only if you write its URL). When the server can't be reached the run prints one warning
    and goes on without this rule, unless ``languagetool_required`` is true (then exit 2).
    Names and terms of the fact base are never reported as misspellings. Grammar matches inside
    quoted speech are left alone (spelling is still checked). Options: ``language`` (default
    ``en-US``), ``disabled_rules`` (LanguageTool rule ids to skip), ``disabled_categories``
    (LanguageTool category ids, e.g. ``TYPOGRAPHY``), ``batch_chars`` (characters per request),
    ``parallel_requests`` (requests in flight; default 2 for a server on this machine, else 1).

    **Example**: ``We will recieve the parcel tomorrow.``

    **Fix**: the first suggestion is offered as an unsafe fix (``--unsafe-fixes``): read it
    before applying, LanguageTool does not know your house style. To silence a LanguageTool
    rule for the whole run, add its id to ``disabled_rules``.
    """

    code = "GR101"
    name = "languagetool"
    category = "grammar"
    severity = Severity.WARNING
    fixable = True
    default_options: ClassVar[Mapping[str, Any]] = {
        "language": "en-US",
        "disabled_rules": (),
        "disabled_categories": (),
        "batch_chars": 8000,
        "parallel_requests": None,
    }
    examples_bad = ("We will recieve the parcel tomorrow.\n",)
    examples_good = ("We will receive the parcel tomorrow.\n",)
    examples_need_service = True
    """Examples need a LanguageTool server: the shared examples test only checks they exist."""

    def __init__(self, context: RunContext | None = None) -> None:
        super().__init__(context)
        self._cache: dict[bytes, list[Match]] = {}
        self.requests = 0  # sent in the last check_corpus (for tests and --statistics)

    # -- settings ----------------------------------------------------------------------------
    def backend(self) -> str | None:
        """``local``, a URL, or None when the rule is off."""
        value = self.context.settings.get("languagetool", "off")
        if value is None or value is False:
            return None
        text = str(value).strip()
        if text.lower() in ("", "off", "false", "no", "none"):
            return None
        return text

    def _required(self) -> bool:
        return bool(self.context.settings.get("languagetool_required", False))

    def _seconds(self, key: str, default: float) -> float:
        try:
            value = float(self.context.settings.get(key) or default)
        except (TypeError, ValueError):
            return default
        return value if value > 0 else default

    def disabled_rules(self) -> list[str]:
        out = list(CONTEXT_RULES)
        for rid in _as_list(self.options.get("disabled_rules")):
            if rid not in out:
                out.append(rid)
        return out

    def request_params(self) -> dict[str, str]:
        params = {
            "language": str(self.options.get("language") or "en-US"),
            "disabledRules": ",".join(self.disabled_rules()),
        }
        categories = _as_list(self.options.get("disabled_categories"))
        if categories:
            params["disabledCategories"] = ",".join(categories)
        return params

    # -- phases ------------------------------------------------------------------------------
    def record(self, doc: Document) -> list[Paragraph] | None:
        if self.backend() is None:
            return None
        return paragraphs_of(doc) or None

    def check_corpus(self, records: Sequence[tuple[str, Any]]) -> list[Finding]:
        backend = self.backend()
        self.requests = 0
        if backend is None or not records:
            return []
        try:
            return self._check(backend, records)
        except Unavailable as exc:
            raise RuleUnavailable(str(exc), required=self._required()) from None

    def _check(self, backend: str, records: Sequence[tuple[str, Any]]) -> list[Finding]:
        if backend != "local" and not backend.startswith(("http://", "https://")):
            raise Unavailable(
                f"languagetool = {backend!r} is not off, local or an http(s) URL: "
                "write e.g. languagetool = http://localhost:8081"
            )
        jar = find_local_languagetool() if backend == "local" else None
        store = self._store(f"local:{jar}" if jar else backend)
        used: set[bytes] = set()
        todo: dict[bytes, str] = {}
        for _path, pars in records:
            for par in pars:
                key = _key(par.text)
                used.add(key)
                if key not in self._cache and (store is None or not store.fill(key, self._cache)):
                    todo.setdefault(key, par.text)
        try:
            if todo and jar is not None:
                start_timeout = self._seconds("languagetool_start_timeout", DEFAULT_START_TIMEOUT)
                with local_server(str(self.options.get("language") or "en-US"), start_timeout, jar=jar) as url:
                    self._query(url, todo)
            elif todo:
                self._query(backend, todo)
        finally:
            if store is not None:
                store.save(self._cache, used)
        return self._findings(records)

    def _store(self, server: str) -> ResultStore | None:
        folder = self.context.settings.get("cache_dir")
        if not folder:
            return None
        identity = json.dumps([server, sorted(self.request_params().items())])
        return ResultStore(Path(folder), identity)

    def _query(self, url: str, todo: Mapping[bytes, str]) -> None:
        from concurrent.futures import ThreadPoolExecutor

        timeout = self._seconds("languagetool_timeout", DEFAULT_TIMEOUT)
        client = Client(url, timeout=timeout, params=self.request_params())
        limit = self._int_option("batch_chars", 8000)
        workers = self._int_option("parallel_requests", 2 if _is_loopback(url) else 1)
        groups = list(batches(list(todo.items()), limit))
        try:
            if workers <= 1 or len(groups) <= 1:
                for batch in groups:
                    self._cache.update(check_batch(client, batch))
                return
            pool = ThreadPoolExecutor(max_workers=min(workers, len(groups)), thread_name_prefix="languagetool")
            try:
                for answer in pool.map(check_batch, [client] * len(groups), groups):
                    self._cache.update(answer)
            except BaseException:
                # Requests in flight end by themselves within the timeout; queued ones never start.
                pool.shutdown(wait=False, cancel_futures=True)
                raise
            pool.shutdown()
        finally:
            self.requests = client.requests

    def _int_option(self, name: str, default: int) -> int:
        value = self.options.get(name)
        if value is None:
            return default
        try:
            return max(1, int(value))
        except (TypeError, ValueError):
            return default

    def _findings(self, records: Sequence[tuple[str, Any]]) -> list[Finding]:
        names, words = _fact_terms(self.context.facts)
        disabled = set(self.disabled_rules())
        out: list[Finding] = []
        for path, pars in records:
            for par in pars:
                for m in self._cache.get(_key(par.text), ()):
                    f = self._finding(path, par, m, disabled, names, words)
                    if f is not None:
                        out.append(f)
        return sorted(out, key=Finding.sort_key)

    def _finding(
        self,
        path: str,
        par: Paragraph,
        m: Match,
        disabled: set[str],
        names: frozenset[str],
        words: frozenset[str],
    ) -> Finding | None:
        if m.rule_id in disabled:
            return None
        s, e = m.offset, m.offset + m.length
        if any(s <= h < max(e, s + 1) for h in par.holes):
            return None  # the match covers removed code or a URL: an artefact of masking
        matched = par.text[s:e]
        spelling = (
            m.category in SPELLING_CATEGORIES or m.issue_type == "misspelling" or m.rule_id.startswith("MORFOLOGIK_")
        )
        if spelling and _is_known_term(matched, names, words):
            return None
        if not spelling and par.in_quote(s, e):
            return None
        rel_s = par.rel(s)
        rel_e = par.rel(e - 1) + 1 if e > s else rel_s
        evidence = _quoted(matched)
        fix = None
        if m.replacement is not None:
            evidence += " -> " + _quoted(m.replacement)
            contiguous = rel_e - rel_s == e - s and not any(s <= k < e for k in par.masked)
            if contiguous and m.replacement != matched:
                fix = Fix(
                    (Edit(par.start + rel_s, par.start + rel_e, m.replacement),),
                    f"replace {_quoted(matched)} with {_quoted(m.replacement)}",
                    safe=False,
                )
        text = _clean_message(m)
        sep = " " if text.endswith(("?", "!", ":")) else ": "
        message = f"{text}{sep}{evidence} (LanguageTool {m.rule_id})"
        return self.finding_at(path, par.span(rel_s, rel_e), message, context=par.sentence_at(s), fix=fix)


def check_batch(client: Client, batch: list[tuple[bytes, str]]) -> list[tuple[bytes, list[Match]]]:
    """Send the paragraphs of ``batch`` in one request; the matches of each, by key."""
    text = SEPARATOR.join(t for _k, t in batch)
    starts: list[int] = []
    pos = 0
    for _k, t in batch:
        starts.append(pos)
        pos += len(t) + len(SEPARATOR)
    per: list[list[Match]] = [[] for _ in batch]
    for start, end, m in parse_matches(client.check(text), text, f"LanguageTool at {client.shown}"):
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or end > starts[i] + len(batch[i][1]):
            continue  # spans the separator: not about one paragraph
        per[i].append(m._replace(offset=start - starts[i]))
    return [(key, found) for (key, _t), found in zip(batch, per, strict=True)]


def _key(text: str) -> bytes:
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def batches(items: list[tuple[bytes, str]], limit: int) -> Iterable[list[tuple[bytes, str]]]:
    """Group paragraphs into requests of at most ``limit`` characters (a longer paragraph
    goes alone)."""
    batch: list[tuple[bytes, str]] = []
    size = 0
    for item in items:
        add = len(item[1]) + (len(SEPARATOR) if batch else 0)
        if batch and size + add > limit:
            yield batch
            batch, size = [], 0
            add = len(item[1])
        batch.append(item)
        size += add
    if batch:
        yield batch


@hookimpl
def lint_article_rules() -> list[type[Rule]]:
    return [LanguageToolRule]


plugin = HookImpls(lint_article_rules=lint_article_rules)
"""What this family's entry point registers (see :class:`lint.hookspecs.HookImpls`)."""
