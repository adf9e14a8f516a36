"""The ``lint-article`` console script's entry point.

It switches the cyclic garbage collector off before anything else is imported: start-up
allocates hundreds of thousands of objects that live as long as the run, and the collector
would walk them over and over while the modules load (~25 ms of a one-draft run).
:func:`lint.cli.main` turns it back on once they are loaded, when the run has more than one
draft. Only the console script imports this module; ``lint.cli.main`` is the API.
"""

import gc

gc.disable()

from lint.cli import main  # noqa: E402 - after the collector is off

__all__ = ["main"]
