"""Run extraction over input files: text, HTML, JSON Lines, JSON, CSV, feeds or stdin.

:func:`extract_inputs` yields, in input order, one :class:`ExtractedDocument`
or one :class:`FailedDocument` per document. A bad document (empty, binary,
not UTF-8, too large, not English, a malformed JSON line) becomes a failure
naming its file and line; the other documents are still processed.

Offsets: plain-text input is extracted exactly as given (after UTF-8
decoding), so every span indexes the file's text; for HTML the spans index
the main text that trafilatura extracted from the page.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from marsad.errors import InputError
from marsad.model import Extraction

MIN_LETTERS = 20


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
    for origin, raw in _raw_documents(inputs):
        if isinstance(raw, FailedDocument):
            yield raw
            continue
        yield extract_raw(origin, raw, published=published, source=source, any_language=any_language)


def extract_raw(origin: str, raw, *, published: date | None = None, source: str | None = None,
                any_language: bool = False) -> ExtractedDocument | FailedDocument:
    """One read document (or its read failure) extracted: pure, so shard workers call it too."""
    from marsad.extract.pipeline import extract_text
    from marsad.ingest.readers import ReadFailure

    if isinstance(raw, ReadFailure):
        return FailedDocument(raw.origin, _message(raw.origin, raw.error))
    try:
        text, doc_published, doc_source, doc_id = _prepare(raw, any_language)
    except InputError as error:
        return FailedDocument(origin, str(error))
    extraction = extract_text(text, document_id=doc_id, published=published or doc_published,
                              source=source or doc_source)
    return ExtractedDocument(origin, text, extraction)


def _raw_documents(inputs: Iterable[str]):
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
        if not paths:
            yield item, FailedDocument(item, f"{item}: no such file")
            continue
        for raw in read_paths(paths):
            yield raw.origin, raw


def _message(origin: str, error: Exception) -> str:
    text = str(error)
    return text if origin in text else f"{origin}: {text}"


def _prepare(raw, any_language: bool) -> tuple[str, date | None, str | None, str]:
    """The text to extract from, its date, source and id; InputError for unusable documents."""
    from marsad.ingest.clean import detect_language, html_to_text

    published = raw.published
    if raw.text is not None:
        text = raw.text
    elif raw.html is not None:
        text, meta = html_to_text(raw.html, raw.url)
        if published is None and meta.get("date"):
            published = _iso_date(meta["date"])
    else:
        raise InputError("is empty (no text).", location=raw.origin)
    if "\x00" in text:
        raise InputError("looks binary (it contains NUL characters).", location=raw.origin)
    if sum(ch.isalpha() for ch in text[:5000]) < MIN_LETTERS:
        raise InputError(f"is empty or too short to be a report ({len(text.strip())} characters).", location=raw.origin)
    if not any_language:
        language = detect_language(text)
        if language != "en":
            raise InputError(f"is not in English (detected language: {language}); marsad's extraction reads English "
                             "reports. Translate it first, or pass --any-language to try anyway.", location=raw.origin)
    doc_id = raw.external_id or Path(raw.origin.split(":")[0].split("#")[0]).stem or "doc"
    if raw.input_format in ("jsonl", "json", "csv", "feed") and not raw.external_id:
        doc_id = raw.origin
    return text, published, raw.source, doc_id


def _iso_date(value: str) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
