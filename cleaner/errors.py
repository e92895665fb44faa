"""Exceptions raised by cleaner.

    CleanerError                 base of everything cleaner raises on purpose
    ├── RulePackError (ValueError)   a rule pack failed to load: names file, rule id and field
    ├── ConfigError (ValueError)     an invalid configuration value
    ├── InputError (ValueError)      input that cannot be cleaned (wrong type, undecodable bytes)
    ├── TimeLimitError               a document took longer than the configured time limit
    └── MissingDependencyError (ImportError)  an optional dependency is not installed
"""

from __future__ import annotations


class CleanerError(Exception):
    """Base class of every error cleaner raises on purpose."""


class RulePackError(CleanerError, ValueError):
    """A rule pack is malformed. The message names the file, the rule id and the field."""

    def __init__(self, source: str, message: str, rule_id: str | None = None, field: str | None = None):
        self.source = source
        self.rule_id = rule_id
        self.field = field
        where = source
        if rule_id:
            where += f": rule {rule_id}"
        if field:
            where += f": field {field!r}"
        self.message = message
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type, tuple[str, str, str | None, str | None]]:
        # Keeps the error picklable, so it can cross from a worker process to the parent.
        return (type(self), (self.source, self.message, self.rule_id, self.field))


class ConfigError(CleanerError, ValueError):
    """A configuration value is invalid."""


class InputError(CleanerError, ValueError):
    """The input cannot be cleaned as given."""


class TimeLimitError(CleanerError):
    """Cleaning one document took longer than ``CleanerConfig.time_limit`` seconds."""


class MissingDependencyError(CleanerError, ImportError):
    """An optional dependency is missing; the message gives the command that installs it."""
