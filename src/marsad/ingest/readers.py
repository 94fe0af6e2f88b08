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
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
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
    readers: dict[str, Callable[[Path], Iterator[RawDocument | ReadFailure]]] = {
        "text": read_text_file, "html": read_html_file, "feed": read_feed, "jsonl": read_jsonl, "json": read_json,
    }  # fmt: skip
    for path in paths:
        kind = format_of(path)
        try:
            if kind == "csv":
                yield from read_csv(path, csv_options or CsvOptions())
            else:
                yield from readers[kind](path)
        except (OSError, InputError) as error:
            yield ReadFailure(str(path), error)
        except Exception as error:  # noqa: BLE001 - a reader bug must fail one file, not the batch
            yield ReadFailure(str(path), _as_input_error(error, str(path)))


# ------------------------------------------------------------------ decoding

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)  # fmt: skip


def decode_bytes(data: bytes, origin: str) -> str:
    """UTF-8 text (or UTF-16/32 announced by a byte-order mark), or an
    InputError that says the file is binary or in another encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                                 f"(offset {error.start}); re-encode it as UTF-8.", location=origin) from None  # fmt: skip
    head = data[:8192]
    if b"\x00" in head:
        raise InputError("looks binary (it contains NUL bytes); marsad reads text, HTML, feeds, JSON Lines and CSV. "
                         "Convert PDFs or Word files to text first.", location=origin)  # fmt: skip
    try:
        return data.decode("utf-8")
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


#: Publication dates before this year or after next year are typing mistakes, not reports.
EARLIEST_YEAR = 1900
_NUMERIC_DATE = re.compile(r"(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})")
_HAS_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_WRITE_ISO = "write it as YYYY-MM-DD"


def parse_date(value: Any, origin: str) -> date | None:
    """A publication date, read only when the value says which day it is.

    ISO dates and datetimes are read as they are; "14 March 2019", "March 14,
    2019" and RFC 2822 dates ("Thu, 14 Mar 2019 08:00:00 GMT") too. Anything
    that would need a guess is refused with an InputError naming ``origin``:
    a date without a day, month or four-digit year ("1.5", "2019", "March
    2019"), a numeric date that reads both ways ("12/03/2019": 12 March or 3
    December?), or a year before 1900 or after next year. "13/03/2019" can only
    be 13 March and is read so.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _plausible(value.date(), str(value), origin)
    if isinstance(value, date):
        return _plausible(value, str(value), origin)
    if not isinstance(value, str):
        raise InputError(f"has a date that is not text ({type(value).__name__} {value!r}); {_WRITE_ISO}.",
                         location=origin)  # fmt: skip
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        if re.match(r"\d{4}-\d{2}-\d{2}", text):  # fromisoformat also takes "20190314" and week dates
            return _plausible(parsed.date(), text, origin)
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric:
        return _plausible(_numeric_date(*numeric.groups(), text=text, origin=origin), text, origin)
    return _plausible(_worded_date(text, origin), text, origin)


def _numeric_date(a: str, b: str, c: str, *, text: str, origin: str) -> date:
    if len(a) == 4:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4:
        first, second, year = int(a), int(b), int(c)
        if first > 12 >= second or first == second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        elif first > 12 and second > 12:
            raise InputError(f"cannot read the date {text!r}: neither number is a month; {_WRITE_ISO}.",
                             location=origin)  # fmt: skip
        else:
            raise InputError(f"has the ambiguous date {text!r} ({first} {_MONTHS[second]} or {second} "
                             f"{_MONTHS[first]}?); {_WRITE_ISO}.", location=origin)  # fmt: skip
    else:
        raise InputError(f"has the date {text!r} without a four-digit year; {_WRITE_ISO}.", location=origin)
    try:
        return date(year, month, day)
    except ValueError as error:
        raise InputError(f"has the impossible date {text!r} ({error}); {_WRITE_ISO}.", location=origin) from None


_MONTHS = ["", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]  # fmt: skip


def _worded_date(text: str, origin: str) -> date:
    """'14 March 2019', 'March 14, 2019', RFC 2822: day, month and year must all be stated."""
    from email.utils import parsedate_to_datetime

    if not _HAS_YEAR.search(text):
        raise InputError(f"has the date {text!r} without a four-digit year; {_WRITE_ISO}.", location=origin)
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    import dateparser

    try:
        parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True})
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on junk; the message below covers them
        parsed = None
    if parsed is None:
        raise InputError(f"cannot read the date {text!r} (it needs a day, a month and a year); {_WRITE_ISO}.",
                         location=origin)  # fmt: skip
    if str(parsed.year) not in text:
        raise InputError(f"cannot read the year of the date {text!r}; {_WRITE_ISO}.", location=origin)
    return parsed.date()


def _plausible(day: date, text: str, origin: str) -> date:
    latest = date.today().year + 1
    if not EARLIEST_YEAR <= day.year <= latest:
        raise InputError(f"has the date {text!r}, outside {EARLIEST_YEAR}-{latest}; a report's date must be real; "
                         f"{_WRITE_ISO}.", location=origin)  # fmt: skip
    return day


# ------------------------------------------------------------------- readers


def read_text_file(path: Path) -> Iterator[RawDocument]:
    origin = str(path)
    yield RawDocument(origin=origin, input_format="text", text=decode_bytes(_read_bytes(path), origin))


def read_html_file(path: Path) -> Iterator[RawDocument]:
    origin = str(path)
    yield RawDocument(origin=origin, input_format="html", html=decode_bytes(_read_bytes(path), origin))


def read_feed(path: Path) -> Iterator[RawDocument | ReadFailure]:
    """One document per RSS/Atom entry: its full content if the feed has it,
    else its summary; title, link and date kept.

    The feed is streamed (lxml iterparse) and each entry is freed once read,
    so memory stays flat however large the feed is.
    """
    from lxml import etree

    feed_title: str | None = None
    number = 0
    parser = etree.iterparse(str(path), events=("end",), recover=True, huge_tree=True, resolve_entities=False,
                             no_network=True, remove_comments=True)  # fmt: skip
    try:
        for _event, element in parser:
            tag = _local(element.tag)
            if tag == "title" and feed_title is None and _local(element.getparent().tag) in ("channel", "feed"):
                feed_title = (element.text or "").strip() or None
            if tag not in ("item", "entry"):
                continue
            number += 1
            origin = f"{path}#entry-{number}"
            try:
                yield _feed_entry(element, origin, feed_title)
            except Exception as error:  # noqa: BLE001 - one odd entry fails alone
                yield ReadFailure(origin, _as_input_error(error, origin))
            _free(element)
    except etree.XMLSyntaxError as error:
        if number == 0:
            raise InputError(f"is not a readable RSS/Atom feed: {error}", location=str(path)) from None
        yield ReadFailure(f"{path}#entry-{number + 1}",
                          InputError(f"the feed breaks off after entry {number}: {error}", location=str(path)))  # fmt: skip
    if number == 0:
        raise InputError("is not a readable RSS/Atom feed: it has no <item> or <entry>.", location=str(path))


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _free(element: Any) -> None:
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _feed_entry(element: Any, origin: str, feed_title: str | None) -> RawDocument | ReadFailure:
    fields: dict[str, Any] = {}
    for child in element:
        name = _local(child.tag)
        if name == "link":
            href = child.get("href")
            if href and child.get("rel", "alternate") == "alternate":
                fields.setdefault("link", href.strip())
            elif child.text and child.text.strip():
                fields.setdefault("link", child.text.strip())
        elif name in ("encoded", "content"):
            fields.setdefault("content", _element_text(child))
        else:
            fields.setdefault(name, _element_text(child))
    body = fields.get("content") or fields.get("description") or fields.get("summary") or ""
    if not body.strip():
        return ReadFailure(origin, InputError("has no content or summary.", location=origin))
    stamp = fields.get("pubdate") or fields.get("published") or fields.get("date") or fields.get("updated")
    is_html = "<" in body
    return RawDocument(
        origin=origin,
        input_format="feed",
        html=body if is_html else None,
        text=None if is_html else body,
        url=fields.get("link") or None,
        title=(fields.get("title") or "").strip() or None,
        published=_feed_date(stamp, origin),
        external_id=(fields.get("guid") or fields.get("id") or "").strip() or None,
        metadata={"feed_title": feed_title},
    )


def _element_text(element: Any) -> str:
    """An element's text; Atom's type="xhtml" content is markup, kept as HTML."""
    from lxml import etree

    if element.get("type") == "xhtml" or len(element):
        inner = "".join(etree.tostring(child, encoding="unicode", with_tail=True) for child in element)
        return (element.text or "") + inner
    return element.text or ""


def _feed_date(stamp: str | None, origin: str) -> date | None:
    """A feed's own date is a hint: a malformed one is dropped, not a failure."""
    if not stamp or not stamp.strip():
        return None
    try:
        return parse_date(stamp.strip(), origin)
    except InputError:
        return None


def _as_input_error(error: Exception, origin: str) -> InputError:
    if isinstance(error, InputError):
        return error
    return InputError(f"cannot be read ({type(error).__name__}: {error}).", location=origin)


_STRING_FIELDS = ("url", "title", "source")


def _record_document(obj: Any, origin: str, input_format: str) -> RawDocument:
    if not isinstance(obj, dict):
        raise InputError("must be a JSON object with a 'text' or 'html' field.", location=origin)
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputError("has no 'text' or 'html' string field.", location=origin)
    for name in _STRING_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"has a {name!r} that is a {_json_kind(value)}, not a string; write it as text, "
                             f'e.g. "{name}": "...".', location=origin)  # fmt: skip
    external_id = obj.get("id")
    if isinstance(external_id, bool) or not isinstance(external_id, str | int | None):
        raise InputError(f"has an 'id' that is a {_json_kind(external_id)}; use a string or a number.",
                         location=origin)  # fmt: skip
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


def _json_kind(value: Any) -> str:
    return {dict: "object", list: "list", bool: "true/false", int: "number", float: "number"}.get(
        type(value), type(value).__name__)


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
    except Exception as error:  # noqa: BLE001 - one bad record fails alone
        return ReadFailure(origin, _as_input_error(error, origin))


def read_json(path: Path) -> Iterator[RawDocument | ReadFailure]:
    origin = str(path)
    try:
        data = json.loads(decode_bytes(_read_bytes(path, 50 * MAX_FILE_BYTES), origin))
    except (json.JSONDecodeError, RecursionError) as error:
        detail = f"{error.msg} (line {error.lineno})" if isinstance(error, json.JSONDecodeError) else "nested too deeply"
        raise InputError(f"is not valid JSON: {detail}.", location=origin) from None
    items = data if isinstance(data, list) else [data]
    for number, obj in enumerate(items, start=1):
        item_origin = f"{path}#{number}" if isinstance(data, list) else origin
        try:
            yield _record_document(obj, item_origin, "json")
        except Exception as error:  # noqa: BLE001 - one bad record fails alone
            yield ReadFailure(item_origin, _as_input_error(error, item_origin))


#: Fields up to this size are read and refused one row at a time; a larger one stops the file.
CSV_FIELD_LIMIT = 4 * MAX_FILE_BYTES


def read_csv(path: Path, options: CsvOptions) -> Iterator[RawDocument | ReadFailure]:
    """One document per row. Rows are decoded line by line, so one line that
    is not UTF-8 or one oversized field fails its own row only; a quote that is
    never closed stops the file with a failure naming the row where it opened
    (the rows after it cannot be told apart from the quoted text)."""
    csv.field_size_limit(CSV_FIELD_LIMIT)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    bad_lines: dict[int, str] = {}
    with path.open("rb") as handle:
        reader = csv.reader(_decoded_lines(handle, bad_lines), delimiter=delimiter, strict=True)
        try:
            columns = next(reader, [])
        except csv.Error as error:
            raise InputError(f"has a header that cannot be read as CSV: {error}.", location=str(path)) from None
        if 1 in bad_lines:
            raise InputError(f"has a header that {bad_lines[1]}", location=f"{path}:1")
        _check_csv_columns(path, columns, options)
        date_column = options.date_column or next((c for c in ("published", "date") if c in columns), None)
        last = reader.line_num
        while True:
            first = last + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield ReadFailure(f"{path}:{first}", _csv_error(path, first, reader.line_num, error))
                return
            last = reader.line_num
            if not row:
                continue
            origin = f"{path}:{first}"
            bad = next((n for n in range(first, last + 1) if n in bad_lines), None)
            if bad is not None:
                yield ReadFailure(origin, InputError(f"line {bad} {bad_lines[bad]}", location=origin))
                continue
            size = max(len(value) for value in row)
            if size > MAX_FILE_BYTES:
                yield ReadFailure(origin, InputError(
                    f"has a field of {size / 1e6:.0f} MB, larger than one report can be "
                    f"({MAX_FILE_BYTES / 1e6:.0f} MB); split it.", location=origin))  # fmt: skip
                continue
            record = dict(zip(columns, row))
            yield _csv_row(path, first, record, options, date_column)


def _decoded_lines(handle: Any, bad_lines: dict[int, str]) -> Iterator[str]:
    """The file's lines as text; a line that is not UTF-8 is noted in ``bad_lines``
    and passed on with replacement characters, so the CSV parser keeps its place."""
    for number, line in enumerate(handle, start=1):
        try:
            yield line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            bad_lines[number] = (f"is not UTF-8 (invalid byte 0x{line[error.start]:02x} at column {error.start + 1}); "
                                 "re-encode the file, e.g. `iconv -f WINDOWS-1256 -t UTF-8`.")  # fmt: skip
            yield line.decode("utf-8", errors="replace")


def _csv_error(path: Path, first: int, line: int, error: csv.Error) -> InputError:
    message = str(error)
    if "field larger than field limit" in message:
        return InputError(f"has a field larger than {CSV_FIELD_LIMIT / 1e6:.0f} MB in the row starting at line "
                          f"{first}; the rest of the file is not read. Split it.", location=str(path))  # fmt: skip
    return InputError(
        f"cannot be read as CSV from the row starting at line {first} ({message} at line {line}); most often a "
        'quote (") that is opened and never closed. Fix the quoting; the rows after it are not read.',
        location=str(path),
    )


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


def read_stream(handle: Any, origin: str = "<stdin>") -> Iterator[RawDocument | ReadFailure]:
    """One plain-text document from a stream; bytes are decoded as a file's are
    (UTF-8, or UTF-16/32 with a byte-order mark), never by the terminal's locale."""
    binary = getattr(handle, "buffer", handle)
    data = binary.read(MAX_FILE_BYTES + 1)
    if isinstance(data, str):
        yield RawDocument(origin=origin, input_format="text", text=data)
        return
    if len(data) > MAX_FILE_BYTES:
        yield ReadFailure(origin, InputError(f"is larger than one report can be ({MAX_FILE_BYTES / 1e6:.0f} MB); "
                                             "split it.", location=origin))  # fmt: skip
        return
    try:
        yield RawDocument(origin=origin, input_format="text", text=decode_bytes(data, origin))
    except InputError as error:
        yield ReadFailure(origin, error)
