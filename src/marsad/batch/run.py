"""Batches over shards: ``marsad extract`` and ``marsad ingest`` on any executor.

Workers (:mod:`marsad.batch.work`) extract; this process is the one writer.
``extract_sharded`` yields documents in input order, whatever order shards
finish in, so its output is byte for byte a serial run's. ``ingest_sharded``
stores each finished shard through the serial ingest's own writer
(:class:`marsad.ingest.service._Batch`): the same checks, the same summary,
batched transactions; then it lists the shard in the ledger
(:mod:`marsad.batch.ledger`) so that a re-run skips it.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from marsad.batch.executors import BatchError, Executor
from marsad.batch.progress import Progress
from marsad.batch.shards import Shard, plan_shards
from marsad.batch.work import ExtractJob, IngestJob, Rejected

if TYPE_CHECKING:
    from marsad.model import Extraction


def _context(kind: str, **options) -> str:
    """What besides the bytes decides a shard's result: the job, its options, the pipeline."""
    from marsad.extract.pipeline import default_pipeline

    return json.dumps({"job": kind, "pipeline": default_pipeline().meta, **options}, sort_keys=True, default=str)


# ------------------------------------------------------------------ extract


def extract_sharded(inputs: Iterable[str], executor: Executor, *, published: date | None = None,
                    source: str | None = None, any_language: bool = False, model: str | None = None,
                    progress: bool = False, shard_bytes: int | None = None,
                    render: Callable[[Extraction], str] | None = None) -> Iterator:  # fmt: skip
    """Like :func:`marsad.extract.batch.extract_inputs`, with the work spread over ``executor``.

    With ``render`` (a module-level function, such as
    :func:`marsad.batch.work.jsonl_line`), workers render each extraction and
    this yields strings (the output of one or more consecutive documents) and
    :class:`~marsad.extract.batch.FailedDocument`, still in input order."""
    from marsad.errors import InputError
    from marsad.extract.batch import FailedDocument
    from marsad.ingest.readers import expand_paths

    context = _context("extract", published=published, source=source, any_language=any_language, model=model)
    slots: list = []  # FailedDocument or Shard, in input order
    for item in inputs:
        if item == "-":
            raise BatchError("standard input cannot be shared out to workers; write it to a file, or drop --workers.")
        try:
            paths = expand_paths([item])
        except InputError as error:
            slots.append(FailedDocument(item, str(error)))
            continue
        if not paths:
            slots.append(FailedDocument(item, f"{item}: no such file"))
        slots.extend(plan_shards(paths, context=context, shard_bytes=shard_bytes))
    shards = list({s.key: s for s in slots if isinstance(s, Shard)}.values())
    job = ExtractJob(published=published, source=source, any_language=any_language, model=model, render=render)
    bar = Progress(sum(s.size for s in shards), enabled=progress)
    results: dict[str, list] = {}
    uses = Counter(s.key for s in slots if isinstance(s, Shard))
    running = executor.imap_unordered(job, shards)
    try:
        for slot in slots:
            if not isinstance(slot, Shard):
                yield slot
                continue
            while slot.key not in results:
                shard, output = next(running)
                results[shard.key] = output.items
                bar.update(documents=output.documents, failures=output.failures, size=shard.size)
            yield from results[slot.key]
            uses[slot.key] -= 1
            if not uses[slot.key]:
                del results[slot.key]  # emitted for the last time (an input can be named twice)
    finally:
        bar.close()


# ------------------------------------------------------------------ ingest


def ingest_sharded(db, paths: Iterable[str], options=None, executor: Executor | None = None, *,
                   progress: bool = False, shard_bytes: int | None = None):  # fmt: skip
    """Like :func:`marsad.ingest.service.ingest_paths`, with extraction spread over ``executor``."""
    from marsad.batch import ledger
    from marsad.batch.executors import SerialExecutor
    from marsad.ingest.readers import expand_paths
    from marsad.ingest.service import IngestOptions, _Batch, default_extractor

    options = options or IngestOptions()
    if options.reextract:
        raise BatchError("--reextract runs in one process; drop --workers/--scheduler for it.")
    context = _context("ingest", source=options.source, published=options.published, extract=options.extract,
                       languages=options.languages, csv=options.csv.__dict__)  # fmt: skip
    shards = plan_shards(expand_paths(paths), context=context, shard_bytes=shard_bytes)
    batch = _Batch(db, options, default_extractor)
    stored = ledger.stored_shards(db, [s.key for s in shards])
    batch.summary.unchanged += sum(stored.values())
    todo = list({s.key: s for s in shards if s.key not in stored}.values())  # a file named twice is one task
    bar = Progress(sum(s.size for s in todo), enabled=progress)
    seconds = batch.summary.seconds
    waited = time.perf_counter()
    try:
        for shard, items in (executor or SerialExecutor()).imap_unordered(IngestJob(options), todo):
            started = time.perf_counter()
            seconds["extract"] += started - waited  # waiting for workers (read, clean and extract run there)
            before = len(batch.summary.failures)
            _store_shard(batch, items)
            waited = time.perf_counter()
            seconds["store"] += waited - started
            failures = batch.summary.failures[before:]
            if not any(f.stage in ("extract", "store") for f in failures):
                ledger.record_shard(db, shard.key, shard.origin, len(items))  # a bug or a refused row: retry next time
            bar.update(documents=len(items), failures=len(failures), size=shard.size)
    finally:
        bar.close()
    return batch.summary


def _store_shard(batch, items: list) -> None:
    """One shard's worker results, through the serial writer, in transactions of ``batch_size``."""
    from marsad.store import repository as repo

    documents = [item for item in items if not isinstance(item, Rejected)]
    with batch.db.transaction() as session:
        known = repo.known_documents(session, [d.content_hash for d, _ in documents])
    pending = []
    for item in items:
        if isinstance(item, Rejected):
            batch._fail(item.origin, item.stage, item.error(), item.content_hash)
            continue
        document, extraction = item
        digest = document.content_hash
        stored = known.get(digest)
        if digest in batch.seen or (stored and batch._up_to_date(stored[1])):
            batch.summary.unchanged += 1
            batch._resolve_if_failed(document.raw.origin)
            continue
        batch.seen.add(digest)
        pending.append(batch._new_document(document, extraction))
    size = batch.options.batch_size
    for start in range(0, len(pending), size):
        batch._store(pending[start : start + size])

