"""What a bulletin may carry from the documents into its readers' browsers.

Titles, source names, quotes and URLs come from the documents, that is from
whoever wrote them. In HTML they are escaped by Jinja; in Markdown (which
renderers turn into HTML) :func:`markdown_text` escapes them; a link is made
only to an ``http`` or ``https`` URL (:func:`safe_url`): never
``javascript:``, ``data:`` or ``file:``.

>>> safe_url("javascript:alert(1)") is None
True
>>> safe_url(" https://example.org/a b?q=<x> ")
'https://example.org/a%20b?q=%3Cx%3E'
>>> markdown_text('<img src=x onerror=alert(1)> [x](javascript:y) *a*')
'&lt;img src=x onerror=alert(1)&gt; \\\\[x\\\\](javascript:y) \\\\*a\\\\*'
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup

LINK_SCHEMES = ("http", "https")
# Characters a URL keeps as they are; everything else (spaces, quotes, angle
# brackets, control characters) is percent-encoded, so the URL cannot end an
# HTML attribute or a Markdown autolink early.
_URL_SAFE = "/:?#[]@!$&()*+,;=%~-._"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#!])")


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL with a host (percent-encoded where it
    must be), else None: the bulletin shows no link rather than a dangerous one."""
    if not url:
        return None
    url = "".join(ch for ch in url.strip() if ch >= " " and ch != "\x7f")
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return quote(url, safe=_URL_SAFE)


def markdown_text(value: Any) -> Any:
    """Plain text made inert in Markdown: HTML special characters become
    entities, Markdown punctuation is backslash-escaped (no links, images,
    emphasis or table cells can be opened), and line breaks become spaces (a
    quote cannot start a heading or an HTML block). Markup (what marsad's own
    template helpers build) passes unchanged."""
    if value is None or isinstance(value, Markup):
        return value
    if not isinstance(value, str):
        return value
    text = " ".join(value.splitlines())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
