"""The ``lint-article`` console script's entry point.

It switches the cyclic garbage collector off before anything else is imported: start-up
allocates hundreds of thousands of objects that live as long as the run, and the collector
would walk them over and over while the modules load (~25 ms of a one-draft run).
:func:`lint.cli.main` turns it back on once they are loaded, when the run has more than one
draft. Only the console script (and ``python -m lint``) imports this module; ``lint.cli.main``
is the API, which returns the exit status and leaves the interpreter as it found it.
"""

import gc

gc.disable()

import os  # noqa: E402 - after the collector is off
import sys  # noqa: E402
from typing import NoReturn  # noqa: E402

from lint import recache  # noqa: E402

# The installation folder's patterns go into re's cache before the modules that compile
# them are imported; whatever those modules compiled anew is theirs, installed code's.
recache.preload_installed()
from lint.cli import main as _main  # noqa: E402

recache.mark_compiled()

__all__ = ["main"]


def main() -> NoReturn:
    """Run the command, flush its output and leave without tearing the interpreter down.

    By then the report is written and flushed, an output file is closed, cache entries are
    renamed into place and the worker processes are joined; lint-article registers no exit
    handlers. Freeing every object of a run over the BBC corpus one by one at exit took
    about 60 ms (as mypy does, the process just ends)."""
    code = _main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream: nothing more can be written
        pass
    os._exit(code)
