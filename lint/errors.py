"""Errors a user can cause (bad config, fact base, pack, path). The CLI prints them as one
message and exits 2; they never surface as tracebacks."""

from __future__ import annotations


class UserError(Exception):
    """Something the user gave us is wrong. ``str()`` is the full one-line message."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        key: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.key = key
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        key = f"{self.key}: " if self.key else ""
        text = f"{where}{key}{self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class ConfigError(UserError):
    """Invalid configuration file or command-line option value."""


class FactBaseError(UserError):
    """Invalid fact base."""


class PackError(UserError):
    """Invalid phrase pack."""


class RuleUnavailable(Exception):
    """Raised by a rule that cannot run in this environment (LanguageTool unreachable...).

    The engine prints ``str(exc)`` once as a warning, skips the rule for the rest of the run,
    and leaves the exit code alone unless the rule's setting says it is required, in which
    case it sets ``required=True`` and the run exits 2.
    """

    def __init__(self, message: str, *, required: bool = False) -> None:
        super().__init__(message)
        self.required = required
