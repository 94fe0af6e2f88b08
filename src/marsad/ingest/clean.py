"""From a raw document to the text marsad archives: main text of web pages,
light cleaning, checks (empty, binary, language) and the content hash.

Cleaning is deliberately light because every extracted fact points into the
stored text by character offsets: line endings are normalised, a byte-order
mark and invisible control characters are removed, surrounding blank space is
trimmed, and nothing else changes (curly quotes, non-breaking spaces and
typos stay as the monitor wrote them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from marsad.hashing import content_hash
from marsad.ingest.readers import RawDocument, parse_date

MIN_CHARS = 20  # fewer letters than this is not a report
# C0/C1 control characters except tab and newline; they are invisible and break exports.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class DocumentRejected(Exception):
    """A document that cannot be archived; ``stage`` says which check refused it."""

    def __init__(self, message: str, stage: str):
        super().__init__(message)
        self.stage = stage


@dataclass
class CleanDocument:
    raw: RawDocument
    text: str
    content_hash: str
    language: str | None
    title: str | None
    url: str | None
    published: date | None


def clean_text(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise DocumentRejected("looks binary (it contains NUL characters).", "clean")
    surrogate = _SURROGATE.search(text)
    if surrogate:  # JSON can escape half a UTF-16 pair ("\ud800"); no UTF-8 text can hold it
        raise DocumentRejected(f"contains an unpaired surrogate (U+{ord(surrogate.group()):04X}) at character "
                               f"{surrogate.start()}; fix the JSON escape or re-export the text.", "clean")
    cleaned, controls = _CONTROL.subn("", text)  # a count without a list of every match (20 MB inputs)
    if controls > max(10, len(text) // 100):
        raise DocumentRejected(f"looks binary ({controls} control characters).", "clean")
    return cleaned.strip()


def html_to_text(html: str, url: str | None = None) -> tuple[str, dict]:
    """Main text of a news page (trafilatura), with its title, date and URL.

    HTML nested deeper than lxml's parser allows (about 255 levels) loses the
    text below that depth without an error; such a page is read with the
    standard library's parser instead, whole, so no text goes missing.
    """
    head = html[:5000].lower()
    if "<html" not in head and "<body" not in head:
        return fragment_to_text(html), {}
    if _parser_loses_text(html):
        return plain_html_text(html), {}
    import trafilatura

    extracted: Any = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
    )
    if extracted is None or not (extracted.text or "").strip():
        return fragment_to_text(html), {}
    meta = {"title": extracted.title, "date": extracted.date, "url": extracted.url}
    return extracted.text, meta


_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article")


def fragment_to_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content): every element kept,
    one line per block. Boilerplate removal makes no sense on a fragment."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several types on junk; the text is what matters
        return plain_html_text(html)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    text = _tidy_lines(root.text_content())
    if _letters(text) < 0.8 * _letters(_rough_text(html)):
        return plain_html_text(html)  # the parser dropped text (too deep); see html_to_text
    return text


def _tidy_lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


_TAG = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)


def _rough_text(html: str) -> str:
    return _TAG.sub(" ", _SCRIPT.sub(" ", html))


def _letters(text: str) -> int:
    return _LETTER.subn("", text)[1]


def _parser_loses_text(html: str) -> bool:
    """Whether lxml, which trafilatura parses with, would drop part of the page's text."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - unparsable: let the tolerant path decide
        return True
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    return _letters(root.text_content()) < 0.8 * _letters(_rough_text(html))


def plain_html_text(html: str) -> str:
    """All text of an HTML document, one line per block, with the standard
    library's parser (no depth limit, no boilerplate removal)."""
    from html.parser import HTMLParser

    parts: list[str] = []
    skipping = [0]

    class _Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style", "title"):
                skipping[0] += 1
            elif tag in _BLOCKS:
                parts.append("\n")

        def handle_endtag(self, tag):
            if tag in ("script", "style", "title"):
                skipping[0] = max(0, skipping[0] - 1)
            elif tag in _BLOCKS:
                parts.append("\n")

        def handle_data(self, data):
            if not skipping[0]:
                parts.append(data)

    collector = _Collector(convert_charrefs=True)
    collector.feed(html)
    collector.close()
    return _tidy_lines("".join(parts))


def document_label(raw: RawDocument) -> str:
    """The id an extraction gives a document, the same for ``extract`` and
    ``ingest``: its own id if the record has one, else the file name without
    extension for a one-document file, else where it was read (``file:line``,
    ``file#entry-N``) for a record of a multi-document file."""
    if raw.external_id:
        return raw.external_id
    if raw.input_format in ("jsonl", "json", "csv", "feed"):
        return raw.origin
    return Path(raw.origin).stem or raw.origin or "doc"


def prepare(raw: RawDocument, *, languages: tuple[str, ...] | None = ("en",), detect: bool = True) -> CleanDocument:
    """Clean, check and hash one raw document; raises :class:`DocumentRejected`.

    The one way in for documents: ``marsad extract`` and ``marsad ingest`` both
    call it, so both extract from the same text (same spans) under the same id
    (:func:`document_label`). ``detect=False`` leaves the language check to :func:`check_language`, so a
    batch can skip it for texts it already stored (re-ingest stays cheap).
    """
    title, url, published = raw.title, raw.url, raw.published
    if raw.text is not None:
        text = raw.text
    elif raw.html is not None:
        try:
            text, meta = html_to_text(raw.html, raw.url)
        except Exception as error:  # noqa: BLE001 - a parser crash on one page fails that page only
            raise DocumentRejected(f"cannot be read as HTML ({type(error).__name__}: {error}).", "clean") from error
        title = title or meta.get("title")
        url = url or meta.get("url")
        if published is None and meta.get("date"):
            try:
                published = parse_date(meta["date"], raw.origin)
            except Exception:  # a page's own date is a hint; a bad one must not reject the page
                published = None
    else:
        raise DocumentRejected("is empty (no text).", "clean")
    text = clean_text(text)
    if len(_LETTER.findall(text[:400])) < MIN_CHARS and len(_LETTER.findall(text[:5000])) < MIN_CHARS:
        raise DocumentRejected(f"is empty or too short to be a report ({len(text)} characters).", "clean")
    document = CleanDocument(raw, text, content_hash(text), None, title, url, published)
    if detect:
        check_language(document, languages)
    return document


_LETTER = re.compile(r"[^\W\d_]")


def check_language(document: CleanDocument, languages: tuple[str, ...] | None = ("en",)) -> None:
    """Set ``document.language``; reject it if ``languages`` does not include it."""
    document.language = language = detect_language(document.text)
    if languages and language not in languages:
        raise DocumentRejected(
            f"is not in {'/'.join(languages)} (detected language: {language}); "
            "marsad's extraction reads English reports. Translate it first, or pass --any-language to archive it.",
            "language",
        )


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language: ``"en"`` unless the language gate
    (:mod:`marsad.ingest.language`) clearly finds another language."""
    from marsad.ingest.language import detect_language as gate

    return gate(text)
