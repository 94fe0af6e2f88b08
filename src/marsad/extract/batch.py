"""Run extraction over input files: text, HTML, JSON Lines, JSON, CSV, feeds or stdin.

:func:`extract_inputs` yields, in input order, one :class:`ExtractedDocument`
or one :class:`FailedDocument` per document. A bad document (empty, binary,
not UTF-8, too large, not English, a malformed JSON line) becomes a failure
naming its file and line; the other documents are still processed.

Documents are prepared exactly as ``marsad ingest`` prepares them
(:func:`marsad.ingest.clean.prepare`): the same cleaning, checks and document
id, so both commands give the same spans for the same file. Spans index that
cleaned text: the file's text with line endings made ``\\n``, a byte-order
mark and invisible control characters removed and surrounding blank space
trimmed; for HTML, the main text extracted from the page.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from marsad.errors import InputError
from marsad.model import Extraction


@dataclass
class ExtractedDocument:
    origin: str
    text: str
    extraction: Extraction


@dataclass
class FailedDocument:
    origin: str
    message: str


def extract_inputs(inputs: Iterable[str], *, published: date | None = None, source: str | None = None,
                   any_language: bool = False) -> Iterator[ExtractedDocument | FailedDocument]:
    """Extract every document of ``inputs`` (paths, globs or ``-`` for stdin), in order."""
    from marsad.batch.work import keep_loaded

    for index, (origin, raw) in enumerate(_raw_documents(inputs)):
        if index == 1:  # the first document loaded the pipeline; a one-document run skips the collection
            keep_loaded()
        yield extract_raw(origin, raw, published=published, source=source, any_language=any_language)


def extract_raw(origin: str, raw: Any, *, published: date | None = None, source: str | None = None,
                any_language: bool = False) -> ExtractedDocument | FailedDocument:
    """One read document (or its read failure) extracted: pure, so shard workers call it too."""
    from marsad.extract.pipeline import extract_text
    from marsad.ingest.clean import DocumentRejected, document_label, prepare
    from marsad.ingest.readers import ReadFailure

    if isinstance(raw, FailedDocument):
        return raw
    if isinstance(raw, ReadFailure):
        return FailedDocument(raw.origin, _message(raw.origin, raw.error))
    try:
        document = prepare(raw, languages=None if any_language else ("en",))
    except DocumentRejected as error:
        return FailedDocument(origin, _message(origin, error))
    try:
        extraction = extract_text(document.text, document_id=document_label(raw),
                                  published=published or document.published, source=source or raw.source)
    except Exception as error:  # noqa: BLE001 - one document's failure must not stop the others
        return FailedDocument(origin, f"{origin}: extraction failed ({type(error).__name__}: {error})")
    return ExtractedDocument(origin, document.text, extraction)


def _raw_documents(inputs: Iterable[str]) -> Iterator[tuple[str, Any]]:
    from marsad.ingest.readers import expand_paths, read_paths, read_stream

    for item in inputs:
        if item == "-":
            for raw in read_stream(sys.stdin, "<stdin>"):
                yield raw.origin, raw
            continue
        try:
            paths = expand_paths([item])
        except InputError as error:
            yield item, FailedDocument(item, str(error))
            continue
        for raw in read_paths(paths):
            yield raw.origin, raw


def _message(origin: str, error: Exception) -> str:
    text = str(error)
    return text if origin in text else f"{origin}: {text}"
