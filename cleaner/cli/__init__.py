"""The ``cleaner`` command line: ``clean``, ``explain``, ``rules list`` and ``rules test``.

A thin shell over the library: options become a :class:`~cleaner.CleanerConfig`, files are read
and written by :mod:`cleaner.batch`, and every library error is turned into one line on stderr
(``cleaner: error: FILE:LINE: message``) at one boundary, :func:`main`.

Exit status: 0 success, 1 some inputs or records failed, 2 usage error or an output that cannot be written
(``cleaner: error: cannot write PATH: reason``), 130 interrupted.

Modules: :mod:`.parser` (the options), :mod:`.clean`, :mod:`.explain`, :mod:`.rules` (one per
subcommand) and :mod:`.shell` (what they share: errors, exit codes, config from options).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

from .. import batch
from ..errors import CleanerError
from . import shell
from .parser import build_parser

ENGINE_DEFAULT: str | None = None  # None: the library picks (hyperscan when installed)

__all__ = ["build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    parser = build_parser(ENGINE_DEFAULT)
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:  # inputs after options (clean a.txt -o out/ b.txt) are inputs too
            if not hasattr(args, "inputs") or any(item.startswith("-") and item != "-" for item in extra):
                parser.error(f"unrecognized arguments: {' '.join(extra)}")
            args.inputs = [*(args.inputs or []), *extra]
    except SystemExit as exc:  # --help, --version and usage errors (argparse prints them)
        return exc.code if isinstance(exc.code, int) else shell.EXIT_USAGE
    if getattr(args, "inputs", None) == []:
        args.inputs = ["-"]  # stdin
    try:
        return args.handler(args)
    except (batch.UsageError, batch.OutputError) as exc:
        shell.error(str(exc))
        return shell.EXIT_USAGE
    except KeyboardInterrupt:
        print(f"\n{shell.PROG}: interrupted", file=sys.stderr)
        return shell.EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as other Unix tools do.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return shell.EXIT_FAILED
    except CleanerError as exc:
        shell.error(str(exc))
        return shell.EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 -- the contract is one line, never a traceback
        if os.environ.get("CLEANER_DEBUG"):
            raise
        shell.error(f"internal error: {type(exc).__name__}: {exc} (set CLEANER_DEBUG=1 for the traceback)")
        return shell.EXIT_FAILED
