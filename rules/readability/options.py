"""Numeric rule options, checked with the config key in the error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lint.errors import ConfigError
from lint.rule import Rule

if TYPE_CHECKING:
    pass


def number_option(rule: Rule, key: str, *, allow_none: bool = False, minimum: float | None = None) -> float | None:
    value = rule.options.get(key)
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"expected a number, got {value!r}", key=f"rules.{rule.code}.{key}")
    if minimum is not None and value < minimum:
        raise ConfigError(f"must be at least {minimum:g}, got {value!r}", key=f"rules.{rule.code}.{key}")
    return float(value)
