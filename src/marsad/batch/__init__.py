"""Large batches: input cut into shards, extracted by workers, stored by one writer.

* :mod:`marsad.batch.executors`: where tasks run (serial, or Dask via ``marsad[dask]``).
* :mod:`marsad.batch.shards`: files cut into keyed shards.
* :mod:`marsad.batch.work`: what a worker does with a shard.
* :mod:`marsad.batch.run`: ``extract_sharded`` and ``ingest_sharded``.

Example::

    from marsad.batch import make_executor, extract_sharded
    with make_executor(workers=2) as executor:
        for document in extract_sharded(["big.jsonl"], executor):
            ...
"""

from marsad.batch.executors import BatchError, Executor, SerialExecutor, make_executor
from marsad.batch.run import extract_sharded, ingest_sharded

__all__ = ["BatchError", "Executor", "SerialExecutor", "extract_sharded", "ingest_sharded", "make_executor"]
