"""What a worker does with one shard: read, clean, check and extract its
documents, and send back results (never write to the database).

The functions here are pure per shard: the same shard always gives the same
result, so a shard that a dead worker did not finish is simply run again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from marsad.batch.shards import Shard, read_shard

if TYPE_CHECKING:
    from marsad.ingest.service import IngestOptions


def warm_up() -> None:
    """Load the pipeline, its vocabularies and models and the language model
    once per worker, before the first shard."""
    from marsad.extract import events
    from marsad.extract.pipeline import extract_text
    from marsad.ingest.clean import detect_language

    sample = "Two civilians were killed on 3 March 2019 in shelling on Idlib by regime forces."
    detect_language(sample)
    extract_text(sample)
    events.configured_model()
    getattr(events, "_shipped_model", lambda: None)()  # the fallback model most texts need sooner or later


@dataclass(frozen=True)
class ExtractJob:
    """``marsad extract`` options that shape a document's result."""

    published: date | None = None
    source: str | None = None
    any_language: bool = False
    model: str | None = None  # an event-type model from `marsad train` (read from the same path)

    def __call__(self, shard: Shard) -> list:
        from marsad.extract.batch import extract_raw

        if self.model:
            from marsad.extract.events import use_event_model

            use_event_model(self.model)  # cached per process after the first shard

        return [extract_raw(raw.origin, raw, published=self.published, source=self.source,
                            any_language=self.any_language) for raw in read_shard(shard)]  # fmt: skip


@dataclass
class Rejected:
    """A document a worker could not archive; the writer records it as a failure."""

    origin: str
    stage: str
    message: str
    error_type: str
    content_hash: str | None = None

    def error(self) -> Exception:
        # The writer records the original exception's class name.
        return type(self.error_type, (Exception,), {})(self.message)


@dataclass
class IngestJob:
    """``marsad ingest`` options a worker needs (an :class:`IngestOptions`)."""

    options: IngestOptions

    def __call__(self, shard: Shard) -> list:
        return [self._one(raw) for raw in read_shard(shard, self.options.csv)]

    def _one(self, raw):
        from marsad.ingest.clean import DocumentRejected, check_language, prepare
        from marsad.ingest.readers import ReadFailure
        from marsad.ingest.service import default_extractor

        options = self.options
        if isinstance(raw, ReadFailure):
            return _rejected(raw.origin, raw.stage, raw.error)
        try:
            document = prepare(raw, detect=False)
        except DocumentRejected as error:
            return _rejected(raw.origin, error.stage, error)
        try:
            check_language(document, options.languages)
        except DocumentRejected as error:
            return _rejected(raw.origin, error.stage, error, document.content_hash)
        if options.published:
            document.published = options.published
        if document.raw.source is None:
            document.raw.source = options.source or raw.metadata.get("feed_title")
        extraction = None
        if options.extract:
            try:
                extraction = default_extractor(document)
            except Exception as error:  # noqa: BLE001 - an extractor bug fails one document, not the shard
                return _rejected(raw.origin, "extract", error, document.content_hash)
        document.raw.html = None  # the cleaned text is what is stored; do not ship the page back
        return document, extraction


def _rejected(origin: str, stage: str, error: BaseException, digest: str | None = None) -> Rejected:
    return Rejected(origin, stage, str(error), type(error).__name__, digest)
