"""``python -m symbolic_minima``: the same command line as ``symbolic-minima``."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
