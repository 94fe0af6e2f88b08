"""The Dask (``distributed``) executor. Imported only through
:func:`marsad.batch.executors.make_executor`, after Dask was found.

Each worker loads marsad's pipeline once (:class:`PipelinePlugin`) and then
runs shard tasks. A task is submitted under its shard's content key, so a
shard is one task however often it is asked for; a worker that dies loses its
running task to the scheduler, which runs it again elsewhere (up to
``retries`` extra times for errors, and Dask's ``allowed-failures`` for dead
workers). Only the caller's process writes results, so a retried shard is
still stored once.
"""

from __future__ import annotations

import logging
import os

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from marsad.batch.executors import BatchError, Executor

IN_FLIGHT_PER_WORKER = 3  # shards queued per worker: keeps workers busy, bounds driver memory

# A local cluster shares the machine's cores with this process, so its own
# housekeeping is CPU taken from extraction. Dask's defaults suit interactive
# work: every worker samples its task thread's stack every 10 ms for the
# dashboard's profile (a few % of a worker's CPU), and the workers, the
# nannies and the scheduler (in this process) poll memory and system load
# every 0.1-0.5 s. Long batches need none of that at that rate.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "500ms",
}


class PipelinePlugin(WorkerPlugin):
    """Loads the extraction pipeline and language model when a worker starts."""

    name = "marsad-pipeline"

    def setup(self, worker) -> None:
        from marsad.batch.work import keep_loaded, warm_up

        warm_up()
        keep_loaded()  # a worker's share of CPU in the garbage collector: 1.4% -> 0.2%


class DaskExecutor(Executor):
    def __init__(self, workers: int | None = None, scheduler: str | None = None, *, retries: int = 2):
        self.retries = retries
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="30s")
            else:
                with dask.config.set(LOCAL_CLUSTER_CONFIG):  # read as the scheduler, nannies and workers start
                    self._cluster = LocalCluster(
                        n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                        dashboard_address=None, silence_logs=logging.CRITICAL,
                    )  # fmt: skip
                # Results come straight from the workers; by default the scheduler (in this process too) relays them.
                self.client = Client(self._cluster, direct_to_workers=True)
        except OSError as error:
            self.close()
            where = scheduler or "a local cluster"
            raise BatchError(f"could not reach the Dask scheduler at {where}: {error}. "
                             "Start one with `dask scheduler` and `dask worker`, or use --workers N.") from None  # fmt: skip
        self.client.register_plugin(PipelinePlugin())
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def worker_pids(self) -> dict[str, int]:
        """Process id of every worker (the benchmark and tests kill one)."""
        return self.client.run(os.getpid)

    def imap_unordered(self, func, tasks):
        queue = iter(tasks)
        by_key = {}
        completed = as_completed()

        def submit_next() -> bool:
            task = next(queue, None)
            if task is None:
                return False
            key = f"marsad-{getattr(func, '__name__', type(func).__name__)}-{task.key}"
            future = self.client.submit(func, task, key=key, retries=self.retries, pure=False)
            by_key[future.key] = task
            completed.add(future)
            return True

        for _ in range(max(1, self.workers) * IN_FLIGHT_PER_WORKER):
            if not submit_next():
                break
        for future in completed:
            task = by_key.pop(future.key)
            try:
                result = future.result()
            except Exception as error:
                raise BatchError(f"shard {getattr(task, 'origin', task.key)} could not be processed: "
                                 f"{type(error).__name__}: {error}") from error  # fmt: skip
            finally:
                future.release()
            submit_next()
            yield task, result

    def close(self) -> None:
        client, cluster = getattr(self, "client", None), self._cluster
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
