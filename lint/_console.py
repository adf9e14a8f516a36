"""The ``lint-article`` console script's entry point (also ``python -m lint``).

The installation folder's compiled patterns (:mod:`lint.recache`) go into ``re``'s cache
before the modules that compile them are imported; what those modules compiled anew is
marked as installed code's. :func:`main` returns the exit status; the interpreter then
exits normally, so plugins' and coverage's ``atexit`` handlers run.
"""

from lint import recache

recache.preload_installed()
from lint.cli import main as _main  # noqa: E402 - after the patterns are in re's cache

recache.mark_compiled()

__all__ = ["main"]


def main() -> int:
    """Run the command and return its exit status (the console script passes it to ``sys.exit``)."""
    return _main()
