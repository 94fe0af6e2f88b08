"""One exception hierarchy. Messages say what went wrong *and what to do next*;
the CLI turns any :class:`MarsadError` into a message and a non-zero exit."""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""

    exit_code = 1


class InputError(MarsadError):
    """A file or document cannot be read or parsed.

    ``location`` names the file (and line or column when known) so that the
    message always points at the problem.
    """

    exit_code = 2

    def __init__(self, message: str, *, location: str | None = None):
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


class ConfigError(MarsadError):
    """Bad configuration: a database URL, an option combination."""

    exit_code = 2


class MissingExtraError(MarsadError):
    """An optional dependency is not installed; the message names the extra."""

    def __init__(self, module: str, extra: str):
        super().__init__(
            f"This needs the optional package {module!r}. "
            f"Install it with: pip install 'marsad[{extra}]'"
        )


class BatchError(MarsadError):
    """A batch engine (a Dask cluster) could not start, or a shard could not be run."""


class StorageError(MarsadError):
    """The database refused an operation; wraps the driver's error."""


class NotFoundError(MarsadError):
    """A requested record does not exist."""
