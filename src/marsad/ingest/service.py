"""Ingest a batch: read, clean, hash, extract and store, one transaction per document.

Guarantees (issue 4):

- **Idempotent.** A text already stored (same SHA-256) is ``unchanged`` and is
  not extracted again: the hash is checked before extraction, so re-running a
  batch costs little. A new text under a stored URL is a new version.
- **Atomic per document.** A document, its run and all its facts are written in
  one transaction; a crash or Ctrl-C leaves whole documents only, and running
  the same command again finishes the job without duplicates.
- **One bad document never stops the batch.** Read, clean, language and
  extraction errors are recorded in ``ingest_failures`` with the file (and
  line) and listed in the summary; the caller decides the exit code.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from marsad import model as m
from marsad.errors import StorageError
from marsad.ingest.clean import CleanDocument, DocumentRejected, check_language, prepare
from marsad.ingest.readers import CsvOptions, RawDocument, ReadFailure, expand_paths, read_paths
from marsad.store import repository as repo
from marsad.store.bulk import NewDocument, store_documents

CHUNK_SIZE = 32  # documents read, looked up, extracted and committed together

Extractor = Callable[[CleanDocument], m.Extraction]


@dataclass
class IngestOptions:
    source: str | None = None  # default source for documents that name none
    reliability: str | None = None  # Admiralty grade of ``source``
    confidential: bool | None = None
    published: date | None = None  # overrides the documents' own dates
    extract: bool = True
    reextract: bool = False  # extract unchanged documents again (a new pipeline adds a run)
    languages: tuple[str, ...] | None = ("en",)
    keep_json: bool = False  # keep the full Extraction JSON per run (not only the parts without columns)
    batch_size: int = CHUNK_SIZE  # documents per transaction (each document is whole or absent)
    csv: CsvOptions = field(default_factory=CsvOptions)


@dataclass
class Failure:
    origin: str
    stage: str
    message: str


@dataclass
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    reextracted: int = 0
    failed: int = 0
    facts: dict[str, int] = field(default_factory=lambda: {"events": 0, "casualties": 0, "places": 0, "actors": 0})
    failures: list[Failure] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=lambda: {"read": 0.0, "extract": 0.0, "store": 0.0})

    @property
    def documents(self) -> int:
        return self.new + self.unchanged + self.updated + self.reextracted + self.failed

    @property
    def fact_count(self) -> int:
        return sum(self.facts.values())

    def to_dict(self) -> dict:
        return {
            "new": self.new, "unchanged": self.unchanged, "updated": self.updated,
            "reextracted": self.reextracted, "failed": self.failed, "facts": dict(self.facts),
            "failures": [f.__dict__ for f in self.failures], "seconds": dict(self.seconds),
        }  # fmt: skip


class DefaultExtractor:
    """marsad's extraction pipeline (:mod:`marsad.extract`) over a cleaned document.

    An extractor is any callable ``CleanDocument -> Extraction``; one that
    also has a ``pipeline`` attribute (the dict its runs will carry) lets
    ``--reextract`` skip documents whose current run already used it.
    """

    @property
    def pipeline(self) -> dict:
        from marsad.extract.pipeline import default_pipeline

        return default_pipeline().meta

    def __call__(self, document: CleanDocument) -> m.Extraction:
        from marsad.extract import extract_text
        from marsad.ingest.clean import document_label

        raw = document.raw
        return extract_text(
            document.text,
            document_id=document_label(raw),
            published=document.published,
            source=raw.source,
        )


default_extractor = DefaultExtractor()


def ingest_paths(db, paths: Iterable[str], options: IngestOptions | None = None, **kwargs) -> IngestSummary:
    """Ingest files, directories and globs (see :mod:`marsad.ingest.readers`)."""
    options = options or IngestOptions()
    files = expand_paths(paths)
    return ingest_documents(db, read_paths(files, csv_options=options.csv), options, total=len(files), **kwargs)


def ingest_documents(
    db,
    items: Iterable[RawDocument | ReadFailure],
    options: IngestOptions | None = None,
    *,
    extractor: Extractor | None = None,
    progress: bool = False,
    total: int | None = None,
) -> IngestSummary:
    """Ingest raw documents into ``db`` (a :class:`marsad.store.db.Database`).

    Each document is committed on its own, so this function, unlike the
    repository functions, owns its transactions: it is a batch runner.
    """
    batch = _Batch(db, options or IngestOptions(), extractor or default_extractor)
    bar = _progress_bar(progress, total)
    from marsad.batch.work import keep_loaded

    try:
        for index, chunk in enumerate(_chunks(items, batch.options.batch_size)):
            if index == 1:  # the first chunk loaded the pipeline
                keep_loaded()
            batch.run_chunk(chunk)
            bar.update(len(chunk))
            s = batch.summary
            bar.set_postfix(new=s.new, updated=s.updated, unchanged=s.unchanged, failed=s.failed, refresh=False)
    finally:
        bar.close()
    return batch.summary


def _progress_bar(enabled: bool, total: int | None):
    from tqdm import tqdm

    # ``total`` counts files; a JSONL or CSV file holds many documents, so show a rate, not an ETA.
    return tqdm(total=None, disable=not enabled, unit="doc", file=sys.stderr, dynamic_ncols=True,
                desc=f"ingest ({total} files)" if total else "ingest", smoothing=0.1)  # fmt: skip


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _Batch:
    def __init__(self, db, options: IngestOptions, extractor: Extractor):
        self.db, self.options, self.extractor = db, options, extractor
        self.summary = IngestSummary()
        self.sources: dict[str, object] = {}
        self.seen: set[str] = set()  # hashes stored (or found stored) in this batch
        pipeline = getattr(extractor, "pipeline", None) if options.reextract else None
        self.pipeline_hash = repo.pipeline_hash(pipeline) if pipeline is not None else None
        with db.transaction() as session:
            self.open_failures = {f.origin for f in repo.list_failures(session)}
            if options.source:
                self._source(options.source, session, reliability=options.reliability,
                             confidential=options.confidential)  # fmt: skip

    def _source(self, name: str | None, session=None, **grades):
        if not name:
            return None
        if name not in self.sources or grades:
            if session is None:
                with self.db.transaction() as own:
                    self.sources[name] = repo.get_or_create_source(own, name, **grades)
            else:
                self.sources[name] = repo.get_or_create_source(session, name, **grades)
        return self.sources[name]

    # -- one chunk -------------------------------------------------------------

    def run_chunk(self, chunk: list[RawDocument | ReadFailure]) -> None:
        started = time.perf_counter()
        prepared: list[CleanDocument] = []
        for item in chunk:
            if isinstance(item, ReadFailure):
                self._fail(item.origin, item.stage, item.error)
                continue
            try:
                prepared.append(prepare(item, detect=False))
            except DocumentRejected as error:
                self._fail(item.origin, error.stage, error)
            except Exception as error:  # noqa: BLE001 - a cleaning bug fails one document, not the batch
                self._fail(item.origin, "clean", error)
        with self.db.transaction() as session:
            known = repo.known_documents(session, [d.content_hash for d in prepared])
        self.summary.seconds["read"] += time.perf_counter() - started
        pending = []
        for document in prepared:
            extraction = self._extract(document, known.get(document.content_hash))
            if extraction is not False:
                pending.append(self._new_document(document, extraction))
        if pending:
            started = time.perf_counter()
            self._store(pending)
            self.summary.seconds["store"] += time.perf_counter() - started

    def _extract(self, document: CleanDocument, known: tuple[int, set[str]] | None):
        """The document's extraction; None to archive without one; False when
        there is nothing to do (already stored) or it failed (recorded)."""
        digest = document.content_hash
        if digest in self.seen or (known and self._up_to_date(known[1])):
            self.summary.unchanged += 1
            self._resolve_if_failed(document.raw.origin)
            return False
        started = time.perf_counter()
        try:
            check_language(document, self.options.languages)
        except DocumentRejected as error:
            self._fail(document.raw.origin, error.stage, error, digest)
            return False
        finally:
            self.summary.seconds["read"] += time.perf_counter() - started
        self.seen.add(digest)
        if self.options.published:
            document.published = self.options.published
        if document.raw.source is None:
            document.raw.source = self.options.source or document.raw.metadata.get("feed_title")
        if not self.options.extract:
            return None
        started = time.perf_counter()
        try:
            return self.extractor(document)
        except Exception as error:  # noqa: BLE001 - any extractor bug must fail one document, not the batch
            self.seen.discard(digest)
            self._fail(document.raw.origin, "extract", error, digest)
            return False
        finally:
            self.summary.seconds["extract"] += time.perf_counter() - started

    def _up_to_date(self, run_hashes: set[str]) -> bool:
        """Whether a stored document needs no extraction in this batch."""
        if not self.options.extract:
            return True
        if not self.options.reextract:
            return bool(run_hashes)
        return self.pipeline_hash is not None and self.pipeline_hash in run_hashes

    def _new_document(self, document: CleanDocument, extraction: m.Extraction | None) -> NewDocument:
        raw = document.raw
        source = self._source(raw.source)
        published, inferred = document.published, False
        if published is None and extraction is not None and extraction.published is not None:
            published, inferred = extraction.published, True
        item = NewDocument(
            text=document.text, content_hash=document.content_hash, extraction=extraction,
            source_id=source.id if source else None, source_name=source.name if source else None,
            url=document.url, external_id=raw.external_id, title=document.title, published=published,
            published_inferred=inferred, language=document.language, input_format=raw.input_format,
            origin=raw.origin,
        )  # fmt: skip
        return item

    def _store(self, items: list[NewDocument]) -> None:
        """All documents of a chunk in one transaction (few statements); if the
        database refuses it, each document alone, so one bad row fails alone."""
        try:
            with self.db.transaction() as session:
                statuses = store_documents(session, items, keep_json=self.options.keep_json)
                self._resolve(session, items)
        except (StorageError, OverflowError, ValueError) as error:
            # OverflowError: SQLite's driver refuses integers beyond 64 bits before SQL runs.
            if len(items) == 1:
                self._fail(items[0].origin or "", "store", error, items[0].content_hash)
                return
            for item in items:
                self._store([item])
            return
        for item, status in zip(items, statuses):
            setattr(self.summary, status, getattr(self.summary, status) + 1)
            if item.extraction is not None and status != "unchanged":
                for kind in ("events", "casualties", "places", "actors"):
                    self.summary.facts[kind] += len(getattr(item.extraction, kind))

    def _resolve(self, session, items: list[NewDocument]) -> None:
        for item in items:
            if item.origin in self.open_failures:
                repo.resolve_failures(session, item.origin)

    def _resolve_if_failed(self, origin: str) -> None:
        if origin in self.open_failures:
            with self.db.transaction() as session:
                repo.resolve_failures(session, origin)
            self.open_failures.discard(origin)

    def _fail(self, origin: str, stage: str, error: BaseException, digest: str | None = None) -> None:
        self.summary.failed += 1
        message = str(error)
        if origin and not message.startswith(origin):
            message = f"{origin}: {message}"
        self.summary.failures.append(Failure(origin, stage, message))
        with self.db.transaction() as session:
            repo.record_failure(session, origin=origin, stage=stage, error=error, content_hash=digest)
