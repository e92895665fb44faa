"""What every subcommand shares: the program's name and exit codes, one-line errors on stderr, the
library config and batch options the command-line options ask for."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from .. import batch
from ..api import cached_cleaner
from ..config import CleanerConfig
from ..errors import ConfigError, RulePackError
from ..pipeline import Cleaner
from ..rules import load_rule_pack

PROG = "cleaner"
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

#: The library points to its Python API for the list of rule packs; the command line has its own.
LIBRARY_PACKS_HINT = "see cleaner.available_rule_packs()"
PACKS_HINT = "run `cleaner rules list` to see the built-in packs"


def error(message: str) -> None:
    """One line on stderr, above the progress bar if one is showing.

    Library messages that send the reader to the Python API are pointed to the command line instead.
    """
    line = f"{PROG}: error: {message.replace(LIBRARY_PACKS_HINT, PACKS_HINT)}"
    if PROGRESS is not None:
        PROGRESS.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr, flush=True)


#: the progress bar while ``clean`` shows one (error lines are written above it)
PROGRESS: Any = None


def isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def cleaner_for(args: argparse.Namespace) -> tuple[CleanerConfig, Cleaner]:
    """The config the options ask for and a Cleaner built from it (which checks every pack once).

    Built in this process before any output is opened, so that a configuration the library refuses
    (a bad option value, an unknown ``--disable`` name, a broken pack) is a usage error up front,
    never a failure in the workers, which build their own Cleaner from the same config.
    """
    config = config_for(args)
    try:
        return config, cached_cleaner(config)
    except (ConfigError, RulePackError) as exc:
        raise batch.UsageError(str(exc)) from None


def config_for(args: argparse.Namespace) -> CleanerConfig:
    """The library config the options ask for; a bad value is a usage error."""
    languages = tuple(code.strip() for value in args.lang for code in value.split(",") if code.strip())
    try:
        for pack in args.rules:
            load_rule_pack(pack)
        return CleanerConfig(
            profile=args.profile,
            languages=languages,
            rule_packs=tuple(args.rules),
            builtin_rules=not args.no_builtin_rules,
            disable=frozenset(args.disable),
            time_limit=args.time_limit,
            engine=args.engine,
        )
    except (ConfigError, RulePackError) as exc:
        raise batch.UsageError(str(exc)) from None


def options_for(args: argparse.Namespace, **extra: Any) -> batch.Options:
    return batch.Options(
        text_field=args.text_field, id_field=args.id_field, encoding_errors=args.encoding_errors, **extra
    )


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two names reach the same file (the same resolved path when one does not exist yet)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def hint_terminal_stdin(sources: list[batch.Source]) -> None:
    """Say on stderr that stdin is being read when it is a terminal, rather than wait in silence."""
    if any(s.is_stdin for s in sources) and isatty(sys.stdin):
        print(f"{PROG}: reading stdin; end with Ctrl-D, or give a FILE", file=sys.stderr, flush=True)
