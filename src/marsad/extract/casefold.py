"""Case-insensitive scans of a whole document, about twice as fast, same matches.

Python's regex engine is much slower on a ``re.I`` alternation than on a
case-sensitive one: with case folding it cannot skip an alternative on its
first letter. Event typing scans every document with dozens of large ``re.I``
trigger sets, so :class:`~marsad.extract.event_types.TriggerScan` instead
scans the lower-cased document with a lower-cased, case-sensitive copy of the
pattern (:func:`lowered_pattern`). The spans are the same when:

* the pattern is ASCII and lower-casing it changes only letters the engine
  reads as literals (not an escape such as ``\\W``, not an inline flag, not a
  class range across cases); otherwise :func:`lowered_pattern` returns None;
* the text holds none of the few characters whose case mapping meets ASCII
  (the long s, the Kelvin sign, the dotted and dotless i, ligatures such as
  "ﬁ", …: ``re.I`` matches "ſ" to "s", lower() does not; "İ".lower() is two
  characters, which would shift offsets); otherwise :func:`folded_text`
  returns None. Every other character lower-cases to one character, keeps
  its ``\\w``/``\\s``/``\\d`` class, and is case-equivalent to no ASCII letter
  (``tests/extract/test_casefold.py`` checks this for all of Unicode).

Only spans are read from such a scan; a group's text would be lower-cased.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from importlib import import_module
from typing import Any

from marsad.regexcache import compile_cached

#: Non-ASCII characters whose lower or upper case contains an ASCII character,
#: or whose lower case is not one character (see the module docstring).
ASCII_CASE_PARTNERS = ("\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u212a"
                       "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06")
_UNSAFE_TEXT = re.compile(f"[{ASCII_CASE_PARTNERS}]")


def folded_text(text: str) -> str | None:
    """``text.lower()``, offset for offset, or None when a lowered scan could differ."""
    if text.isascii():  # (known without reading the text) none of the partners, all non-ASCII
        return text.lower()
    return None if _UNSAFE_TEXT.search(text) else text.lower()


#: The lowered patterns cost about a quarter of a second to compile, more than
#: a short run scans with them: a process scans with the original patterns
#: until it has read this much text, then with the lowered ones. The matches
#: are the same either way; only the speed differs.
WARM_UP_CHARS = 20_000
_scanned = 0


def folded_for_scan(text: str) -> str | None:
    """:func:`folded_text` once the process has scanned ``WARM_UP_CHARS``
    characters, None before (a one-line ``marsad extract`` never compiles the
    lowered patterns)."""
    global _scanned
    if _scanned < WARM_UP_CHARS:
        _scanned += len(text)
        return None
    return folded_text(text)


def warm_up_now() -> None:
    """Scan with the lowered patterns from the next document on, however little text the
    process has read: for a process about to read a lot (a worker, before its first shard),
    which would otherwise compile them in the middle of its first shard."""
    global _scanned
    _scanned = max(_scanned, WARM_UP_CHARS)


def warmed_up() -> bool:
    """Whether the process has scanned :data:`WARM_UP_CHARS` characters (:func:`folded_for_scan`): the
    lowered patterns are then used, for a short phrase too."""
    return _scanned >= WARM_UP_CHARS


#: The size at which a cache of :func:`derived` patterns is emptied (patterns are
#: module constants and rules files, so this bounds only pathological use).
DERIVED_SIZE = 512


def derived(pattern: re.Pattern, cache: dict[int, tuple[re.Pattern, Any]], build: Callable[[re.Pattern], Any]) -> Any:
    """``build(pattern)``, remembered in ``cache`` by the pattern object's identity.

    Not an lru_cache: hashing a compiled pattern hashes its whole compiled code
    (microseconds for a large trigger set), and a document asks for each pattern
    dozens of times."""
    cached = cache.get(id(pattern))
    if cached is not None and cached[0] is pattern:  # the entry keeps its pattern alive, so the id is not reused
        return cached[1]
    made = build(pattern)
    if len(cache) >= DERIVED_SIZE:
        cache.clear()
    cache[id(pattern)] = (pattern, made)
    return made


_LOWERED: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}


def lowered_pattern(pattern: re.Pattern) -> re.Pattern | None:
    """A case-sensitive pattern that finds on ``folded_text(t)`` the spans
    ``pattern`` (``re.I``) finds on ``t``, or None when it cannot be built safely."""
    return derived(pattern, _LOWERED, _lowered)


def _lowered(pattern: re.Pattern) -> re.Pattern | None:
    source = pattern.pattern
    if not isinstance(source, str) or not pattern.flags & re.I or not source.isascii():
        return None
    lowered = _lower_literals(source)
    if lowered is None:
        return None
    try:
        compiled = compile_cached(lowered, pattern.flags & ~re.I)
    except re.error:  # two group names that differ only in case
        return None
    same_groups = compiled.groups == pattern.groups and compiled.groupindex == pattern.groupindex
    return compiled if same_groups else None  # a group name with a capital would read differently


def finditer(pattern: re.Pattern, text: str, folded: str | None, pos: int = 0,
             endpos: int | None = None, *, starts: re.Pattern | list[int] | None = None,
             spans: re.Pattern | None = None) -> Iterator[re.Match]:
    """``pattern.finditer(text, pos, endpos)``, the matches found on ``folded``
    (``folded_text(text)``, or None) when the pattern can be lowered.

    Each match is ``pattern`` itself matched where the lowered scan found one, so
    its groups hold the original text. ``starts``: where ``pattern`` can begin
    (see :class:`WindowScan`; a pattern, or positions from a :class:`WordIndex`),
    so that it is tried only there; ``spans``: a pattern with the same matches at every
    position, cheaper to try, tried there in its place."""
    end = len(text) if endpos is None else endpos
    if starts is not None:
        scan = WindowScan(pattern if spans is None else spans, starts, text, folded)
        found_on = scan.finditer(pos, end)
        if scan.text is text and spans is None:
            yield from found_on
            return
    else:
        lowered = lowered_pattern(pattern) if folded is not None else None
        if lowered is None or folded is None:
            yield from pattern.finditer(text, pos, end)
            return
        found_on = lowered.finditer(folded, pos, end)
    for match in found_on:
        found = pattern.match(text, match.start(), end)
        assert found is not None and found.end() == match.end(), "a lowered pattern must match where its original does"
        yield found


def last_word_ends(folded: str, endings: tuple[str, ...], *optional: tuple[str, ...]) -> bool:
    """Whether the last word of ``folded`` (lower-cased; words parted by what ``\\s``
    matches, as ``str.split`` parts them) ends with one of ``endings``, once each of
    ``optional`` is dropped in turn where the last word is one of its words.

    A test before a ``$``-anchored search (which tries every offset of the text): for
    ``\\b(?:by|from)\\s+(?:the\\s+)?$``, ``last_word_ends(text, ("by", "from"), ("the",))``
    is False where it cannot match. Only where no ending is one of the optional words,
    which are then dropped only where the pattern's are."""
    words = folded.rsplit(None, len(optional) + 1)
    for skipped in optional:
        if words and words[-1] in skipped:
            words.pop()
    return bool(words) and words[-1].endswith(endings)


#: The most words :func:`required_words` gives: each is looked for in the whole document.
MOST_REQUIRED = 8
_REQUIRED: dict[int, tuple[re.Pattern, frozenset[str] | None]] = {}


def required_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of ``pattern`` holds: where the
    lower-cased text (:func:`folded_text`) holds none of them, the pattern matches
    nowhere in the text, nor in any part of it. None when that is not known (a
    match without a literal run of ASCII characters on some path) or when there
    are more than :data:`MOST_REQUIRED` (a test would cost more than it saves).

    Read from the parser's view of the pattern: each literal character a match
    must hold, in or out of ``re.I`` (its lower case is in the lower-cased text,
    see the module docstring); a branch holds one of its alternatives' strings;
    what may be skipped (an optional part, a negative look-around) holds none."""
    return derived(pattern, _REQUIRED, _required_words)


def _required_words(pattern: re.Pattern) -> frozenset[str] | None:
    if not isinstance(pattern.pattern, str):
        return None
    return _parsed_required(pattern, MOST_REQUIRED)


#: The most words :func:`words_within` gives: each is looked for in a window of a few hundred characters.
MOST_WITHIN = 16
_WITHIN: dict[int, tuple[re.Pattern, frozenset[str] | None]] = {}


def words_within(pattern: re.Pattern) -> frozenset[str] | None:
    """:func:`required_words` for a search between two offsets of a text (``pattern.search(text,
    start, end)``): one of them is in that part of the lower-cased text wherever it matches
    there. Up to :data:`MOST_WITHIN`, as a window is short; None also for a pattern with a
    look-behind, whose words may lie before the window."""
    return derived(pattern, _WITHIN, _words_within)


def _words_within(pattern: re.Pattern) -> frozenset[str] | None:
    if not isinstance(pattern.pattern, str) or "(?<" in pattern.pattern:
        return None
    return _parsed_required(pattern, MOST_WITHIN)


def _parsed_required(pattern: re.Pattern, most: int) -> frozenset[str] | None:
    try:
        parser, constants = import_module("re._parser"), import_module("re._constants")
        found = _required(list(parser.parse(pattern.pattern, pattern.flags)), constants, most)
    except Exception:  # noqa: BLE001 - another Python's parser: no test, the pattern is always tried
        return None
    return found if found is not None and len(found) <= most else None


def _required(items: list, c: Any, most: int) -> frozenset[str] | None:
    """The most selective set of strings one of which a match of the parsed sequence
    ``items`` holds (its shortest string longest, then the fewest), of the sets of at
    most ``most`` (a larger one is never tested: "to death" after one of sixteen verbs
    is tested for "dea"), or None."""
    best: frozenset[str] | None = None

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and len(found) <= most and (
                best is None or (min(map(len, found)), -len(found)) > (min(map(len, best)), -len(best))):
            best = found

    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        consider(frozenset(["".join(run)]) if run else None)
        run = []
        if op is c.SUBPATTERN:
            consider(_required(list(av[3]), c, most))
        elif op is c.BRANCH:
            branches = [_required(list(branch), c, most) for branch in av[1]]
            if all(branches):
                consider(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_required(list(av[2]), c, most))
        elif op is c.ASSERT:  # a look-ahead or look-behind that must hold: its text is in the document too
            consider(_required(list(av[1]), c, most))
    consider(frozenset(["".join(run)]) if run else None)
    return best


def _lower_literals(source: str) -> str | None:
    """``source`` with its literal letters lower-cased, escapes kept; None for
    the constructs whose meaning lower-casing could change."""
    out: list[str] = []
    index, in_class, class_open = 0, False, 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            escaped = source[index + 1 : index + 2]
            if escaped in ("x", "u", "U", "N", ""):
                return None  # a code point written by number: its case is not visible here
            out.append(source[index : index + 2])
            index += 2
            continue
        if in_class:
            if char == "]" and index > class_open:
                in_class = False
            elif char == "-" and not _same_case_range(source, index, class_open):
                return None
        elif char == "[":
            in_class = True
            class_open = index + (2 if source[index + 1 : index + 2] == "^" else 1)  # a "]" here is literal
        elif char == "(" and source[index + 1 : index + 2] == "?":
            # Group names are lower-cased everywhere alike; inline flags and comments are refused.
            if source[index + 2 : index + 3] not in (":", "=", "!", "<", "P", "("):
                return None
            if source[index + 2 : index + 3] == "<" and source[index + 3 : index + 4] not in ("=", "!"):
                return None  # "(?<name>…)"
            if source[index + 2 : index + 3] == "P":  # "(?P<name>", "(?P=name)": the P stays
                out.append("(?P")
                index += 3
                continue
        out.append(char.lower())
        index += 1
    return "".join(out)


def _same_case_range(source: str, index: int, class_open: int) -> bool:
    """Whether the ``-`` at ``index`` (inside a class) is literal, or a range
    between two letters of one case or two non-letters."""
    if index <= class_open or source[index + 1 : index + 2] in ("]", ""):
        return True  # "[-a]", "[a-]": a literal hyphen
    before, after = source[index - 1], source[index + 1]
    if after == "\\" or (index - 2 >= class_open and source[index - 2] == "\\"):
        return False  # an escape at either end: not worth telling apart
    if before.isalpha() or after.isalpha():
        return before.isalpha() and after.isalpha() and before.isupper() == after.isupper()
    return True


def for_spans(pattern: re.Pattern, text: str, folded: str | None) -> tuple[re.Pattern, str]:
    """The pattern and the text to scan when only match offsets are read: the
    lowered pair when ``pattern`` can be lowered, else ``pattern`` and ``text``."""
    lowered = lowered_pattern(pattern) if folded is not None else None
    return (lowered, folded) if lowered is not None and folded is not None else (pattern, text)


class WindowScan:
    """``pattern.finditer``/``search`` inside many windows of one document, each
    answered by matching only where ``pattern`` can start.

    Casualty rules look for a clause break in a few hundred characters around
    each count, dozens of times per report, and the regex engine tries every
    position of every window. ``starts`` is a pattern that finds (at least)
    every position where ``pattern`` can begin a match, without overlapping one
    such position (for ``\\bwhile\\b|[;:]``: ``\\b(?:while)|[;:]``); it runs once
    over the document. A window's matches are then ``pattern.match`` at the start
    positions in the window, in order, each after the end of the last, which is
    exactly what the engine's own scan finds there (the end of the window is the
    end of the text for both). Matches are on the lowered text when the pattern
    can be lowered (see :func:`for_spans`): read spans and ``lastgroup`` only.
    """

    def __init__(self, pattern: re.Pattern, starts: re.Pattern | list[int], text: str, folded: str | None):
        self.pattern, self.text = for_spans(pattern, text, folded)
        if isinstance(starts, list):  # positions, found by the caller (a WordIndex)
            self.starts = starts
            return
        scan, scanned = for_spans(starts, text, folded)
        if scanned is not self.text:  # both lowered, or neither
            scan, scanned = starts, text
            self.pattern, self.text = pattern, text
        self.starts = [match.start() for match in scan.finditer(scanned)]

    def finditer(self, pos: int, endpos: int) -> Iterator[re.Match]:
        match_at, text, starts = self.pattern.match, self.text, self.starts
        after = pos
        for index in range(bisect_left(starts, pos), len(starts)):
            start = starts[index]
            if start >= endpos:
                return
            if start < after:
                continue
            found = match_at(text, start, endpos)
            if found is not None:
                yield found
                after = max(found.end(), start + 1)

    def last(self, pos: int, endpos: int) -> re.Match | None:
        """The last of :meth:`finditer`'s matches (found without a generator: asked per count)."""
        match_at, text, starts = self.pattern.match, self.text, self.starts
        after, last = pos, None
        for index in range(bisect_left(starts, pos), len(starts)):
            start = starts[index]
            if start >= endpos:
                break
            if start < after:
                continue
            found = match_at(text, start, endpos)
            if found is not None:
                last = found
                after = max(found.end(), start + 1)
        return last

    def search(self, pos: int, endpos: int) -> re.Match | None:
        """The first of :meth:`finditer`'s matches (found without a generator: asked per count)."""
        match_at, text, starts = self.pattern.match, self.text, self.starts
        for index in range(bisect_left(starts, pos), len(starts)):
            start = starts[index]
            if start >= endpos:
                return None
            found = match_at(text, start, endpos)
            if found is not None:
                return found
        return None


def matches_at(pattern: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """``list(pattern.finditer(text))`` for a pattern whose matches can begin only at
    ``starts`` (ascending): ``pattern.match`` there only, each after the end of the
    last, as :meth:`WindowScan.finditer` over the whole text (without its set-up,
    for a scan that has its pattern and text in hand)."""
    found: list[re.Match] = []
    match_at, after = pattern.match, 0
    for start in starts:
        if start >= after:
            match = match_at(text, start)
            if match is not None:
                found.append(match)
                after = max(match.end(), start + 1)
    return found


_WORD_RUN = re.compile(r"\w+")
#: How many first characters of a word a key keeps when the pattern leaves the word's end open ("inghimasi\w*"):
#: the stems of wordscan's keys and first words, and those :meth:`WordIndex.stemmed` gives by default.
STEM = 4


def following_words(phrases: Iterable[str], alone: Iterable[str] = ()) -> dict[str, frozenset[str]]:
    """The next-word table :meth:`WordIndex.starts_followed` reads: for each first word of
    the ``phrases`` (their runs of word characters, lower-cased: "approx." is one word)
    that begins a match only as a phrase's first word, the second words a match goes on
    to. A one-word phrase, or a word of ``alone``, begins a match by itself: not listed."""
    after: dict[str, set[str]] = {}
    ends = set(alone)
    for phrase in phrases:
        runs = _WORD_RUN.findall(phrase.lower())
        if len(runs) > 1:
            after.setdefault(runs[0], set()).add(runs[1])
        elif runs:
            ends.add(runs[0])
    return {word: frozenset(words) for word, words in after.items() if word not in ends}


#: A first word's following words are looked for in the whole document first when they are this few (a test
#: that costs about what reading the next word at one start does).
_FEW_FOLLOWING = 8
#: a text's runs of word characters and what parts them (``split`` gives both: the runs at odd places)
_WORD_PIECES = re.compile(r"(\w+)")
#: the next run of word characters, and what comes before it
_NEXT_RUN = re.compile(r"\W*(\w+)")


#: A document with more words than this has :meth:`WordIndex.led_by` look its sets' words up by its stems and
#: sorted words (set up once per document); one with fewer is read in one pass per set (measured compiled:
#: 2,000-character reports, 107 to 197 words, 10.0 -> 4.1 M instructions in led_by over 10; notes of 250
#: characters, 14 to 71, 5.9 -> 8.1 M over 100 with the look-ups, and more with them for the two of over 64)
_FEW_WORDS = 100
#: Non-word characters that often lead or end a word that spaces part (stripped before str.isalnum).
_PUNCTUATION = ".,;:()[]\"'!?-/\n"


def _add_word(index: dict[str, list[int]], digit_led: list[int], word: str, start: int) -> None:
    positions = index.get(word)
    if positions is None:
        index[word] = [start]
    else:
        positions.append(start)
    # what \d matches (str.isdecimal): told by the character's code for ASCII, where the compiled code
    # reads it in place (ord of an index), not through a call of the method
    code = ord(word[0])
    if 48 <= code <= 57 or (code > 127 and word[0].isdecimal()):
        digit_led.append(start)


def _add_split(index: dict[str, list[int]], digit_led: list[int], text: str, start: int) -> None:
    """Each word of ``text`` (which begins at ``start``). The words and what parts them, alternately
    (a split makes no match object per word: measured pure, half the cost of a finditer); a word
    begins where the pieces before it end."""
    pieces: list[str] = _WORD_PIECES.split(text)
    start += len(pieces[0])
    for at in range(1, len(pieces), 2):
        word = pieces[at]
        _add_word(index, digit_led, word, start)
        start += len(word) + len(pieces[at + 1])


class WordIndex:
    """Where the words of a lower-cased document begin, by word: one scan for
    every pattern that can only begin a whole word from a list (``\\bthe\\s+``,
    ``\\b(?:may|june)\\b``) or a run of word characters led by a digit (``\\b\\d``).

    A word is a maximal run of ``\\w`` characters: ``\\bthe\\b`` matches at a
    position exactly when the word that begins there is "the"."""

    def __init__(self, folded: str):
        index: dict[str, list[int]] = {}
        digit_led: list[int] = []
        # Most of what spaces part is a word, or a word in punctuation ("(oyam,"): told by str.isalnum, which
        # is what \w is but "_", without the regex engine, which tries \w+ at every character. The rest
        # ("2022.\non", "al-bab") is split by the engine.
        start = 0
        for token in folded.split(" "):
            if token.isalnum():
                _add_word(index, digit_led, token, start)
            else:
                core = token.lstrip(_PUNCTUATION)
                lead = len(token) - len(core)
                core = core.rstrip(_PUNCTUATION)
                if core.isalnum():
                    _add_word(index, digit_led, core, start + lead)
                elif token:
                    _add_split(index, digit_led, token, start)
            start += len(token) + 1
        self._index, self._digit_led, self._folded = index, digit_led, folded
        self._sorted: list[str] | None = None
        self._stemmed: dict[int, list[tuple[str, str, list[int]]]] = {}  # by length: see stemmed
        self._by_stem: dict[int, dict[str, list[tuple[str, list[int]]]]] = {}  # by length: see _words_by_stem
        self._words: frozenset[str] | None = None
        self._stems: dict[int, frozenset[str]] = {}  # by length: see stems

    def words(self) -> frozenset[str]:
        """The document's words (built once: the trigger keys and a scan plan's keys both read them)."""
        words = self._words
        if words is None:
            words = self._words = frozenset(self._index)
        return words

    def led_by(self, whole: frozenset[str], by_stem: dict[str, tuple[str, ...]], short: tuple[str, ...],
               digit_led: bool = False) -> list[int]:
        """Where a word begins that is one of ``whole`` or begins with one of the
        beginnings ``by_stem`` holds under their first characters (keys all of one
        length) or one of ``short``, or (``digit_led``) with a digit, in order
        (:func:`~marsad.extract.wordscan.first_words`)."""
        found: list[int] = list(self._digit_led) if digit_led else []
        if not whole and not by_stem and not short:
            return found  # led by a digit only ("122mm"): no pass over the words (the starts are in order)
        index = self._index
        length = len(next(iter(by_stem))) if by_stem else STEM
        if len(index) <= _FEW_WORDS:
            # One pass over the document's few words, each with its stem (a set's first words are many more).
            # (The beginnings of first_words begin none of each other or of ``whole``: a word is taken once.)
            for word, stem, starts in self.stemmed(length):
                if word in whole:
                    found.extend(starts)
                    continue
                begun = by_stem.get(stem)
                if (begun is not None and word.startswith(begun)) or (short and word.startswith(short)):
                    found.extend(starts)
            found.sort()
            return found
        # Many words (a report holds hundreds): each part from the built-in loops over the fewer side (a set's
        # first words and stems, or the document's words and stems), not a pass over every word per set. A
        # word is taken once, as the first of whole, a stem's beginning, a short beginning that it is.
        for word in self.common(whole):
            found.extend(index[word])
        if by_stem:
            by_stem_of = self._words_by_stem(length)
            for stem in by_stem_of.keys() & by_stem.keys():
                begun = by_stem[stem]
                for word, starts in by_stem_of[stem]:
                    if word.startswith(begun) and word not in whole:
                        found.extend(starts)
        if short:
            for word in self._begun_by(short):
                if word in whole:
                    continue
                begun_of = by_stem.get(word[:length])
                if begun_of is None or not word.startswith(begun_of):
                    found.extend(index[word])
        found.sort()
        return found

    def _words_by_stem(self, length: int) -> dict[str, list[tuple[str, list[int]]]]:
        """The document's words and where each begins, by their first ``length`` characters (once per length)."""
        by_stem = self._by_stem.get(length)
        if by_stem is None:
            by_stem = self._by_stem[length] = {}
            for word, stem, starts in self.stemmed(length):
                words = by_stem.get(stem)  # (not setdefault: compiled, that is a method call with a new list)
                if words is None:
                    by_stem[stem] = [(word, starts)]
                else:
                    words.append((word, starts))
        return by_stem

    def _begun_by(self, beginnings: tuple[str, ...]) -> set[str]:
        """The document's words that begin with one of ``beginnings``, found in its sorted words."""
        if self._sorted is None:
            self._sorted = sorted(self._index)
        words, out = self._sorted, set()
        for beginning in beginnings:
            at = bisect_left(words, beginning)
            while at < len(words) and words[at].startswith(beginning):
                out.add(words[at])
                at += 1
        return out

    def stemmed(self, length: int) -> list[tuple[str, str, list[int]]]:
        """Each of the document's words with its first ``length`` characters and where it
        begins (once per length)."""
        stemmed = self._stemmed.get(length)
        if stemmed is None:
            stemmed = self._stemmed[length] = [(word, word[:length], starts) for word, starts in self._index.items()]
        return stemmed

    def stems(self, length: int) -> frozenset[str]:
        """The first ``length`` characters of the document's words (once per length)."""
        stems = self._stems.get(length)
        if stems is None:
            stems = self._stems[length] = frozenset([stem for _, stem, _ in self.stemmed(length)])
        return stems

    def common(self, words: frozenset[str] | set[str]) -> set[str] | frozenset[str]:
        """Those of ``words`` (lower-cased) that are words of the document, found by
        the built-in loop over the smaller of the two (a pattern may begin with
        hundreds of words, a note has a few dozen)."""
        index = self._index
        return index.keys() & words if len(words) <= len(index) else words.intersection(index)

    def starts_followed(self, words: frozenset[str] | set[str], following: dict[str, frozenset[str]],
                        digit_led: bool = False) -> list[int]:
        """:meth:`starts` of ``words`` (and ``digit_led``), less where one of ``following``'s words begins and
        the next word (the next run of word characters) is none of the words it maps to:
        for a pattern that begins such a word only as the first of a phrase whose words are
        parted by characters that are no word characters ("the" of "the army", "in" of
        "in excess of"), tried where the phrase may go on only (a note's sentences hold
        "the" far more often than "the army")."""
        present = self.common(words)
        found = self.starts(present.difference(following), digit_led)
        index, folded = self._index, self._folded
        for word in following.keys() & present:  # (a loop over the document's few, not over the pattern's)
            after, starts = following[word], index[word]
            if len(after) <= _FEW_FOLLOWING and index.keys().isdisjoint(after):
                continue  # none of the words it may go on to is in the document ("in" of "in excess of")
            # Where the words it may go on to begin, for a word the document often holds: a start is then
            # told by a look-up where one character parts the two words, not by a search for the next word.
            begins = {at for later in self.common(after) for at in index[later]} if len(starts) > 3 else None
            for start in starts:
                following_at = start + len(word) + 1  # after one character that is none (the word ends before it)
                if begins is not None:
                    if following_at in begins:
                        found.append(start)
                        continue
                    char = folded[following_at : following_at + 1]
                    if not char or char.isalnum() or char == "_":  # (what \w is) the next word begins there, or none
                        continue
                run = _NEXT_RUN.match(folded, following_at - 1)
                if run is not None and run.group(1) in after:
                    found.append(start)
        found.sort()
        return found

    def begins_any(self, whole: frozenset[str], by_stem: dict[str, tuple[str, ...]], short: tuple[str, ...]) -> bool:
        """Whether a word of the document is one of ``whole`` or begins with one of the stems that ``by_stem``
        holds under their first :data:`STEM` characters or one of ``short``
        (:func:`~marsad.extract.wordscan.leading_keys`): where none does, a pattern whose matches begin
        with such a word matches nowhere. Told first by the built-in loops of set operations (the words;
        the words' stems, :meth:`stems`, which event typing reads too), then where a short stem occurs
        in the text at all: most documents hold none of a pattern's words (measured compiled: a third
        of the instructions of one pass over the words)."""
        if not self._index.keys().isdisjoint(whole):
            return True
        if by_stem and not self.stems(STEM).isdisjoint(by_stem):
            for word, stem, _ in self.stemmed(STEM):  # (a word's stem is a key: is it one of the key's stems?)
                begun = by_stem.get(stem)
                if begun is not None and word.startswith(begun):
                    return True
        for stem in short:
            if stem in self._folded:  # (a word that begins with it is in the text)
                for word in self._index:
                    if word.startswith(stem):
                        return True
        return False

    def starts(self, words: frozenset[str] | set[str], digit_led: bool = False) -> list[int]:
        """The positions where one of ``words`` (lower-cased) begins, or (``digit_led``)
        any word whose first character is a digit, in order."""
        found = list(self._digit_led) if digit_led else []
        index = self._index
        for word in self.common(words):
            found.extend(index[word])
        found.sort()
        return found

    def spaced(self, words: frozenset[str] | set[str]) -> list[int]:
        """The positions where one of ``words`` (lower-cased) begins and whitespace (``\\s``) follows it,
        in no order: where ``\\b(?:words)(?=\\s)`` matches."""
        index, folded = self._index, self._folded
        found: list[int] = []
        for word in self.common(words):
            size = len(word)
            found.extend(start for start in index[word] if folded[start + size : start + size + 1].isspace())
        return found

    def prefixed(self, stems: frozenset[str]) -> list[int]:
        """The positions where a word that begins with one of ``stems`` (lower-cased)
        begins, in no order and possibly twice (a word may begin with two stems)."""
        if self._sorted is None:
            self._sorted = sorted(self._index)
        words, index, found = self._sorted, self._index, []
        for stem in stems:
            at = bisect_left(words, stem)
            while at < len(words) and words[at].startswith(stem):
                found.extend(index[words[at]])
                at += 1
        return found
