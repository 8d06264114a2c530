"""``python -m citelink.cli``: the ``citelink`` command."""

import sys

from citelink.cli import main

sys.exit(main())
