"""Exceptions the CLI maps to exit codes (kept tiny so the CLI can import it cheaply)."""


class UsageError(Exception):
    """The command was used wrongly (bad option value, existing file...): exit 2."""
