"""Readers per input format: each turns a file into :class:`RawDocument` items.

A reader never stops a batch: a problem with one item is yielded as a
:class:`ReadFailure` naming the file (and line for JSON Lines and CSV rows),
and the reader goes on with the next item. Formats are chosen by extension:

- ``.txt .text .md`` (and unknown extensions): one plain-text document;
- ``.html .htm``: one web page, main text extracted with trafilatura (title,
  date and canonical URL kept);
- ``.xml .rss .atom .rdf``: an RSS/Atom feed saved to disk, one document per entry;
- ``.jsonl .ndjson``: one object per line ``{id?, url?, title?, text|html, published?, source?}``;
- ``.json``: one such object, or a list of them;
- ``.csv .tsv``: one row per document; see :class:`CsvOptions`.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from marsad.errors import InputError

MAX_FILE_BYTES = 20 * 1024 * 1024  # one report; feeds/JSONL/CSV are streamed and may be larger
TEXT_EXTENSIONS = {".txt", ".text", ".md"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
FEED_EXTENSIONS = {".xml", ".rss", ".atom", ".rdf"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
CSV_EXTENSIONS = {".csv", ".tsv"}


@dataclass
class RawDocument:
    """One document as read, before cleaning. Exactly one of ``text`` and ``html`` is set."""

    origin: str  # "path", "path:line" or "path#entry-N": where to look when something is wrong
    input_format: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    source: str | None = None
    external_id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadFailure:
    origin: str
    error: Exception
    stage: str = "read"


@dataclass
class CsvOptions:
    """Column names for CSV input. ``date_column`` and the others are used
    when present; ``text_column`` must exist (or ``html_column``)."""

    text_column: str = "text"
    date_column: str | None = None
    id_column: str = "id"
    url_column: str = "url"
    title_column: str = "title"
    source_column: str = "source"
    html_column: str = "html"


# ------------------------------------------------------------------- paths


def expand_paths(patterns: Iterable[str]) -> list[Path]:
    """Files named by paths, directories (walked recursively, hidden entries
    skipped) and glob patterns, in a stable order without repeats."""
    seen: dict[Path, None] = {}
    for pattern in patterns:
        path = Path(pattern).expanduser()
        if path.is_dir():
            for found in sorted(_walk(path)):
                seen.setdefault(found, None)
        elif path.is_file():
            seen.setdefault(path, None)
        elif glob.has_magic(pattern):
            matches = sorted(Path(p) for p in glob.glob(os.path.expanduser(pattern), recursive=True))
            files = [p for p in matches if p.is_file()]
            for d in (p for p in matches if p.is_dir()):
                files.extend(sorted(_walk(d)))
            if not files:
                raise InputError(f"No file matches the pattern {pattern!r}.")
            for found in files:
                seen.setdefault(found, None)
        else:
            raise InputError(f"No such file or directory: {pattern}. Check the path (globs like 'reports/*.txt' work too).")
    return list(seen)


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                yield Path(root) / name


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_EXTENSIONS:
        return "html"
    if suffix in FEED_EXTENSIONS:
        return "feed"
    if suffix in JSONL_EXTENSIONS:
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in CSV_EXTENSIONS:
        return "csv"
    return "text"


def read_paths(
    paths: Iterable[Path], *, csv_options: CsvOptions | None = None
) -> Iterator[RawDocument | ReadFailure]:
    """Every document in ``paths`` (see :func:`expand_paths`), in order."""
    readers = {"text": read_text_file, "html": read_html_file, "feed": read_feed,
               "jsonl": read_jsonl, "json": read_json, "csv": read_csv}  # fmt: skip
    for path in paths:
        kind = format_of(path)
        try:
            if kind == "csv":
                yield from read_csv(path, csv_options or CsvOptions())
            else:
                yield from readers[kind](path)
        except (OSError, InputError) as error:
            yield ReadFailure(str(path), error)


# ------------------------------------------------------------------ decoding


def decode_bytes(data: bytes, origin: str) -> str:
    """UTF-8 text, or an InputError that says the file is binary or in another encoding."""
    head = data[:8192]
    if b"\x00" in head:
        raise InputError("looks binary (it contains NUL bytes); marsad reads text, HTML, feeds, JSON Lines and CSV. "
                         "Convert PDFs or Word files to text first.", location=origin)  # fmt: skip
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"is not UTF-8 (invalid byte 0x{data[error.start]:02x} at offset {error.start}); "
            "re-encode it, e.g. `iconv -f WINDOWS-1256 -t UTF-8`.",
            location=origin,
        ) from None


def _read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise InputError(
            f"is {size / 1e6:.0f} MB, larger than one report can be ({limit / 1e6:.0f} MB); "
            "split it, or give many reports as JSON Lines or CSV.",
            location=str(path),
        )
    return path.read_bytes()


def parse_date(value: Any, origin: str) -> date | None:
    """ISO dates and datetimes first (fast), then dateparser for the rest."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        raise InputError(f"cannot read the date {text!r}; write it as YYYY-MM-DD.", location=origin)
    return parsed.date()


# ------------------------------------------------------------------- readers


def read_text_file(path: Path) -> Iterator[RawDocument]:
    origin = str(path)
    yield RawDocument(origin=origin, input_format="text", text=decode_bytes(_read_bytes(path), origin))


def read_html_file(path: Path) -> Iterator[RawDocument]:
    origin = str(path)
    yield RawDocument(origin=origin, input_format="html", html=decode_bytes(_read_bytes(path), origin))


def read_feed(path: Path) -> Iterator[RawDocument | ReadFailure]:
    """One document per RSS/Atom entry: its full content if the feed has it,
    else its summary; title, link and date kept."""
    import feedparser

    data = path.read_bytes()
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        raise InputError(f"is not a readable RSS/Atom feed: {feed.get('bozo_exception')}", location=str(path))
    feed_title = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        origin = f"{path}#entry-{number}"
        contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
        body = "\n".join(contents) or entry.get("summary", "")
        if not body.strip():
            yield ReadFailure(origin, InputError("has no content or summary.", location=origin))
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        yield RawDocument(
            origin=origin,
            input_format="feed",
            html=body if "<" in body else None,
            text=None if "<" in body else body,
            url=entry.get("link"),
            title=entry.get("title"),
            published=date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None,
            external_id=entry.get("id"),
            metadata={"feed_title": feed_title},
        )


def _record_document(obj: Any, origin: str, input_format: str) -> RawDocument:
    if not isinstance(obj, dict):
        raise InputError("must be a JSON object with a 'text' or 'html' field.", location=origin)
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputError("has no 'text' or 'html' string field.", location=origin)
    external_id = obj.get("id")
    return RawDocument(
        origin=origin,
        input_format=input_format,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        url=obj.get("url") or None,
        title=obj.get("title") or None,
        published=parse_date(obj.get("published"), origin),
        source=obj.get("source") or None,
        external_id=str(external_id) if external_id not in (None, "") else None,
    )


def read_jsonl(path: Path) -> Iterator[RawDocument | ReadFailure]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield jsonl_document(line, f"{path}:{number}")


def jsonl_document(line: bytes, origin: str) -> RawDocument | ReadFailure:
    """One non-blank JSON Lines line (also read by byte range in :mod:`marsad.batch.shards`)."""
    try:
        obj = json.loads(decode_bytes(line, origin))
        return _record_document(obj, origin, "jsonl")
    except json.JSONDecodeError as error:
        return ReadFailure(origin, InputError(f"is not valid JSON: {error.msg} (column {error.colno}).",
                                              location=origin))  # fmt: skip
    except InputError as error:
        return ReadFailure(origin, error)


def read_json(path: Path) -> Iterator[RawDocument | ReadFailure]:
    origin = str(path)
    try:
        data = json.loads(decode_bytes(_read_bytes(path, 50 * MAX_FILE_BYTES), origin))
    except json.JSONDecodeError as error:
        raise InputError(f"is not valid JSON: {error.msg} (line {error.lineno}).", location=origin) from None
    items = data if isinstance(data, list) else [data]
    for number, obj in enumerate(items, start=1):
        item_origin = f"{path}#{number}" if isinstance(data, list) else origin
        try:
            yield _record_document(obj, item_origin, "json")
        except InputError as error:
            yield ReadFailure(item_origin, error)


def read_csv(path: Path, options: CsvOptions) -> Iterator[RawDocument | ReadFailure]:
    csv.field_size_limit(MAX_FILE_BYTES)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with path.open("r", encoding="utf-8-sig", newline="", errors="strict") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        columns = reader.fieldnames or []
        _check_csv_columns(path, columns, options)
        date_column = options.date_column or next((c for c in ("published", "date") if c in columns), None)
        rows = iter(reader)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except (UnicodeDecodeError, csv.Error) as error:
                raise InputError(f"cannot be read as CSV after line {reader.line_num}: {error}",
                                 location=str(path)) from None  # fmt: skip
            yield _csv_row(path, reader.line_num, row, options, date_column)


def _check_csv_columns(path: Path, columns: list[str], options: CsvOptions) -> None:
    if options.text_column not in columns and options.html_column not in columns:
        raise InputError(
            f"has no text column {options.text_column!r} (columns: {', '.join(columns) or 'none'}); "
            "name it with --text-column.",
            location=str(path),
        )
    if options.date_column and options.date_column not in columns:
        raise InputError(f"has no date column {options.date_column!r} (columns: {', '.join(columns)}).",
                         location=str(path))  # fmt: skip


def _csv_row(path: Path, line: int, row: dict, options: CsvOptions, date_column: str | None):
    origin = f"{path}:{line}"
    try:
        text = row.get(options.text_column)
        html = row.get(options.html_column) if not text else None
        return RawDocument(
            origin=origin,
            input_format="csv",
            text=text if text else None,
            html=html or None,
            url=row.get(options.url_column) or None,
            title=row.get(options.title_column) or None,
            published=parse_date(row.get(date_column), origin) if date_column else None,
            source=row.get(options.source_column) or None,
            external_id=row.get(options.id_column) or None,
        )
    except InputError as error:
        return ReadFailure(origin, error)


def read_stream(handle: io.TextIOBase, origin: str = "<stdin>") -> Iterator[RawDocument]:
    yield RawDocument(origin=origin, input_format="text", text=handle.read())
