"""``python -m lint``: the ``lint-article`` command, for an interpreter whose scripts folder
is not on the path."""

import sys

from lint._console import main

sys.exit(main())
