"""``python -m cleaner``: the same command line as the ``cleaner`` console script."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
