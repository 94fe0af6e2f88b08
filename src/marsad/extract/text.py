"""Text normalisation and sentence splitting that keep offsets exact.

:func:`normalise` maps the input character by character (same length), so an
offset found in the normalised text is the same offset in the original input:
non-breaking spaces, curly quotes, dashes and the ellipsis are folded to their
ASCII look-alikes without moving anything.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

_FOLD = {
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2026": ".", "\t": " ", "\u200b": " ", "\ufeff": " ",
}
_FOLDED_CHARS = re.compile("[" + "".join(map(re.escape, _FOLD)) + "]")
_ASCII_VARIANTS = tuple(variant for variant in _FOLD if variant.isascii())


def normalise(text: str) -> str:
    """Fold typographic variants to ASCII; the result has the input's length."""
    # One replace per variant the text holds: str.translate looks every character
    # of a non-ASCII text up in the table (about 1% of a report's extraction).
    folded = text
    if text.isascii():  # (known without reading the text) only the ASCII variants can be there
        for variant in _ASCII_VARIANTS:
            if variant in folded:
                folded = folded.replace(variant, _FOLD[variant])
        return folded
    for variant in set(_FOLDED_CHARS.findall(text)):
        folded = folded.replace(variant, _FOLD[variant])
    assert len(folded) == len(text)
    return folded


# A sentence ends at . ! ? followed by space and an upper-case letter/digit/quote,
# or at a blank line. Abbreviations that commonly precede a capital are kept.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|Sgt|St|Mt|No|Jr|Sr|Prof|Rev|Gov|Sen|Rep|Brig|Cpl|Pvt|Adm|Cmdr|vs|etc|approx|Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.\s*$"
)


#: where a _BOUNDARY can begin: after a sentence's punctuation, or at a line break
_MARKS: Final = ".!?\n"


def split_sentences(norm: str) -> list[tuple[int, int]]:
    """Sentence boundaries as ``(start, end)`` offsets, whitespace trimmed."""
    sentences: list[tuple[int, int]] = []
    start = 0
    for match in _boundaries(norm):
        ends_with_period = "\n" not in match.group(0) or norm[match.start() - 1 : match.start()] == "."
        if ends_with_period and _ABBREVIATIONS.search(norm, max(0, match.start() - 12), match.start()):
            continue
        _append(norm, start, match.start(), sentences)
        start = match.end()
    _append(norm, start, len(norm), sentences)
    return _split_headline_dash(norm, sentences)


#: a news item's headline, then " - " and its lead ("Gunmen kill 7 in Zamfara - Armed bandits stormed …"): a
#: headline has no stop or bracket of its own (:data:`_NOT_IN_HEADLINE`), and its lead opens with a capital or a digit
_HEADLINE_DASH: Final = re.compile(r"\s+-\s+")
_NOT_IN_HEADLINE: Final = re.compile(r"[\n.!?()]")
_LEAD_OPENING: Final = re.compile(r"[\"']?[A-Z0-9]")
#: a full date ("On 16 April 2022, …"): a report's first sentence, whose dashes join places ("Donetsk - Petrovskyi")
_FULL_DATE: Final = re.compile(r"\b(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+)(?:19|20)\d\d\b")
#: a dateline's city in capitals and its comma ("KHARTOUM, May 9 - An army drone …"): no headline
_DATELINE: Final = re.compile(r"[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+)*,")
#: a lead opens a clause: no bracket among its first words (a place's admin area, "North Zone (Rio de Janeiro)")
_LEAD: Final = re.compile(r"\s+(?:[^\s()]+\s+){3}")


def _split_headline_dash(norm: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The text's first sentence cut after its headline (the lead restates the headline's dead, and only two
    sentences are told apart). A headline has 3 to 25 words and no full date or brackets; dashes in pairs
    ("five people - a couple and their children - died") and a dateline ("MOGADISHU - A bomb …", "KHARTOUM, May 9 -
    An army drone …") are none."""
    if not sentences or sentences[0][0] != 0:
        return sentences
    first_end = sentences[0][1]
    match = _headline_dash(norm, first_end)
    if match is None or not 3 <= len(norm[:match.end()].split()) - 1 <= 25 or " - " in norm[match.end():first_end] \
            or _FULL_DATE.search(norm, 0, match.end()) or not _LEAD.match(norm, match.end() - 1, first_end) \
            or _DATELINE.match(norm):
        return sentences
    dash = norm.rindex("-", 0, match.end())
    head: list[tuple[int, int]] = []
    _append(norm, 0, dash, head)
    _append(norm, dash + 1, first_end, head)
    return head + sentences[1:]


def _headline_dash(norm: str, first_end: int) -> re.Match | None:
    """The first " - " of the first sentence that a lead follows, where the words before it are a headline's
    (some word, no stop or bracket); found dash by dash, each test a single pass (a pattern for the whole headline
    tried every split of it: a long first sentence cost more than the rest of its reading)."""
    for dash in _HEADLINE_DASH.finditer(norm, 0, first_end):
        if _NOT_IN_HEADLINE.search(norm, 0, dash.start()):
            return None
        if _LEAD_OPENING.match(norm, dash.end()):
            return dash if any(c.isalnum() or c == "_" for c in norm[:dash.start()]) else None
    return None


def _boundaries(norm: str) -> list[re.Match]:
    """``_BOUNDARY.finditer(norm)``, tried only where a match can begin (the
    engine tries its look-behind at every position: a fifth of a report's set-up)."""
    found: list[re.Match] = []
    after = 0  # where the last match ended: the next may not begin before
    for mark in _boundary_marks(norm):
        position = mark if norm[mark] == "\n" else mark + 1
        if position < after:
            continue
        match = _BOUNDARY.match(norm, position)
        if match is not None:
            found.append(match)
            after = match.end()
    return found


def _boundary_marks(norm: str) -> list[int]:
    """Where one of :data:`_MARKS` is, in order: each found with ``str.find`` (a scan for the class
    ``[.!?\\n]`` tests every character of the text against it and makes a match object for each
    mark: about as many instructions as the boundaries' own matches)."""
    marks: list[int] = []
    for mark in _MARKS:
        at = norm.find(mark)
        while at != -1:
            marks.append(at)
            at = norm.find(mark, at + 1)
    marks.sort()
    return marks


def _append(norm: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


_COMMON_ZIPF = 3.8


@lru_cache(maxsize=50_000)
def common_word(word: str) -> bool:
    """A frequent English word ("Battle", "More", "Valley"): a place name only
    when a cue says so (``wordfreq``'s small English list, Zipf ≥ 3.8)."""
    lowered = word.lower()
    if lowered.isascii() and lowered.isalpha():  # one token: its frequency is the list's own
        return lowered in _common_plain_words()
    return _common_by_wordfreq(lowered)


@lru_cache(maxsize=4096)
def _common_by_wordfreq(lowered: str) -> bool:
    # Remembered: wordfreq tokenizes the word with regular expressions each time it is
    # asked, and a place's name ("al-Bab", "Deir ez-Zor") is asked again in every report.
    from wordfreq import zipf_frequency

    return zipf_frequency(lowered, "en", wordlist="small") >= _COMMON_ZIPF


@lru_cache(maxsize=1)
def _common_plain_words() -> frozenset[str]:
    """The plain ASCII words of wordfreq's small English list at Zipf ≥ 3.8,
    kept in the data directory per wordfreq release: reading wordfreq's list
    costs about 0.3 s of CPU, a third of a one-line extraction."""
    import os
    from importlib.metadata import version

    from marsad.config import data_dir

    cache = data_dir() / "cache" / f"common-words-wordfreq{version('wordfreq')}-zipf{_COMMON_ZIPF}.txt"
    try:
        return frozenset(cache.read_text(encoding="utf-8").split())
    except OSError:
        pass
    from wordfreq import get_frequency_dict, zipf_frequency

    words = frozenset(w for w in get_frequency_dict("en", "small") if w.isascii() and w.isalpha()
                      and zipf_frequency(w, "en", wordlist="small") >= _COMMON_ZIPF)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
        partial.write_text("\n".join(sorted(words)), encoding="utf-8")
        partial.replace(cache)  # whole or not at all: another process may read it at the same time
    except OSError:
        pass  # a read-only data directory: the words stay in this process only
    return words
