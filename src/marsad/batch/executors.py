"""Where batch tasks run: in this process (the default) or on a Dask cluster.

The interface is one method, :meth:`Executor.imap_unordered`: give it a
function and tasks (each with a ``key``), get ``(task, result)`` pairs back as
tasks finish. Dask (``distributed``) is imported only when a Dask executor is
made, so marsad runs without it; a missing install is named in the error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

from marsad.errors import BatchError, MissingExtraError

__all__ = ["BatchError", "Executor", "SerialExecutor", "make_executor", "require_dask"]


class Task(Protocol):
    @property
    def key(self) -> str: ...


T = TypeVar("T", bound=Task)


class Executor:
    """Runs ``func(task)`` for every task; results come back in completion order."""

    workers: int = 1

    def imap_unordered(self, func: Callable[[T], Any], tasks: Iterable[T]) -> Iterator[tuple[T, Any]]:
        raise NotImplementedError

    def close(self) -> None:
        """Release the engine (a local cluster is shut down)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class SerialExecutor(Executor):
    """Every task in this process, in order: the default, and the reference a cluster run must match."""

    def imap_unordered(self, func, tasks):
        for task in tasks:
            yield task, func(task)


def make_executor(workers: int | None = None, scheduler: str | None = None) -> Executor:
    """Serial without ``workers``/``scheduler``; otherwise Dask: a local cluster
    of ``workers`` processes, or the existing cluster at ``scheduler``."""
    if workers is None and scheduler is None:
        return SerialExecutor()
    require_dask()
    from marsad.batch.dask_backend import DaskExecutor

    return DaskExecutor(workers=workers, scheduler=scheduler)


def require_dask() -> None:
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise MissingExtraError("distributed (Dask), to run on several workers", "dask") from None
