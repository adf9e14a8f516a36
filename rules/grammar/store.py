"""LanguageTool's answers per paragraph, kept between runs in the run's cache folder."""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.cache import blake2b
from rules.grammar.client import Match

if TYPE_CHECKING:
    pass


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
