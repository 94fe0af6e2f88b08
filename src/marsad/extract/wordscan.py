"""Scans for patterns whose matches can only begin a word, from a literal space.

Event typing scans each document with dozens of large trigger sets
(:class:`~marsad.extract.event_types.TriggerScan`), each of the form
``(?<![\\w])(?=\\w)(?:…)(?![\\w])``. The regex engine tries a pattern that opens
with a look-behind at every position of the text, and that attempt, not the
alternatives, is most of the cost of a scan. Such a pattern can only match at
a word character that follows a space or other non-word character, so
:func:`word_led_spans` searches it from a literal space (which the engine finds
at full speed) and tries it one by one at the few other word starts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from importlib import import_module
from typing import Any

from marsad.extract.casefold import STEM, derived, for_spans
from marsad.regexcache import compile_cached

#: How a pattern opens when its matches can only begin a word (event_types' trigger sets).
WORD_START = r"(?<![\w])(?=\w)"
#: What precedes a word character that follows neither a word character nor a space. Found as the
#: character before it (a class, which the engine skips to at full speed, where ``(?<![ \w])\w`` had the
#: look-behind tried at every position: a thirtieth of the instructions); two never overlap.
_OTHER_BEFORE_WORD = re.compile(r"[^ \w](?=\w)")
_WORD_CHAR = re.compile(r"\w")


def word_led_starts(text: str) -> list[int]:
    """Where ``text`` has a word character that follows neither a space nor a word
    character (after a hyphen, a bracket, a line break; or at offset 0): the
    starts :func:`word_led_spans` tries one by one. Computed once per document."""
    starts = [match.end() for match in _OTHER_BEFORE_WORD.finditer(text)]
    if _WORD_CHAR.match(text):
        starts.insert(0, 0)
    return starts


_SPACE_LED: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}
_RUNS: dict[int, tuple[re.Pattern, list[re.Pattern] | None]] = {}


def space_led(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` (opening with :data:`WORD_START`) with a literal space in place
    of the look-behind, or None for a pattern that does not open so."""
    return derived(pattern, _SPACE_LED, _space_led)


def _space_led(pattern: re.Pattern) -> re.Pattern | None:
    source = pattern.pattern
    if not isinstance(source, str) or not source.startswith(WORD_START):
        return None
    chars = first_chars(pattern)
    # After each space the engine first tests the next character against the few a
    # match can begin with, instead of trying every alternative there.
    guard = "" if chars is None else "(?=[" + "".join(sorted(map(re.escape, chars))) + "])"
    return compile_cached(" " + guard + source[len(r"(?<![\w])") :], pattern.flags)


_FIRST: dict[int, tuple[re.Pattern, frozenset[str] | None]] = {}
#: Class ranges wider than this are not spelled out (the answer is then None).
_WIDEST_RANGE = 64


def first_chars(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters a match of a case-sensitive ``pattern`` can begin with, or
    None when they are not known (``re.I``, a category such as ``\\w``, a negated
    class, a match that may be empty …). Read from the parser's view of the
    pattern: a superset is always safe, so whatever it does not know gives None."""
    return derived(pattern, _FIRST, _first_chars)


def _first_chars(pattern: re.Pattern) -> frozenset[str] | None:
    if not isinstance(pattern.pattern, str) or pattern.flags & re.I:
        return None
    try:
        parser, constants = import_module("re._parser"), import_module("re._constants")
        found = _leading(list(parser.parse(pattern.pattern, pattern.flags)), constants)
    except Exception:  # noqa: BLE001 - another Python's parser: no shortcut, the scan stays exact
        return None
    return None if found is None else frozenset(found)


def _leading(items: list, c: Any) -> set[str] | None:
    """What the parsed sequence ``items`` can begin with (None: not known, or possibly nothing);
    ``c``: the parser's constants."""
    if not items:
        return None  # the match may end here, empty
    op, av = items[0]
    rest = items[1:]
    if op is c.LITERAL:
        return {chr(av)}
    if op is c.IN:
        return _class_chars(av, c)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _leading(rest, c)  # zero width: what follows begins the match
    if op is c.SUBPATTERN:
        return None if av[1] or av[2] else _leading(list(av[3]) + rest, c)  # (inline flags: not known)
    if op is c.BRANCH:
        return _union([_leading(list(branch) + rest, c) for branch in av[1]])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        inside = _leading(list(av[2]) + rest, c)
        return inside if av[0] > 0 else _union([inside, _leading(rest, c)])
    return None


def _class_chars(members: list, c: Any) -> set[str] | None:
    out: set[str] = set()
    for op, av in members:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] <= _WIDEST_RANGE:
            out.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return out


def _union(parts: list[set[str] | None]) -> set[str] | None:
    out: set[str] = set()
    for part in parts:
        if part is None:
            return None
        out |= part
    return out


def word_led_spans(pattern: re.Pattern, text: str, other_starts: list[int]) -> list[tuple[int, int]]:
    """``[m.span() for m in pattern.finditer(text)]`` for a pattern that opens with
    :data:`WORD_START`, about twice as fast on long texts.

    The engine tries a pattern that opens with a look-behind at every position
    of the text, and that attempt, not the alternatives, is most of the cost of
    a trigger scan. Such a pattern can only match at a word character that
    follows a non-word character: after a space, which :func:`space_led`'s
    literal space finds at the engine's full speed, or at one of
    ``other_starts`` (:func:`word_led_starts`), tried one by one. Going left to
    right from the end of each match gives the same matches as ``finditer``
    (a match is never empty: it begins with a word character)."""
    return spaced_spans(pattern, space_led(pattern), first_chars(pattern), text, other_starts)


def spaced_spans(pattern: re.Pattern, spaced: re.Pattern | None, chars: frozenset[str] | None, text: str,
                 other_starts: list[int]) -> list[tuple[int, int]]:
    """:func:`word_led_spans`, given ``spaced = space_led(pattern)`` and ``chars =
    first_chars(pattern)`` (looked up once per pattern by a caller that scans
    every document with it)."""
    if spaced is None:
        return [match.span() for match in pattern.finditer(text)]
    search, match_at, end = spaced.search, pattern.match, len(text)
    out: list[tuple[int, int]] = []
    pos, spaced_found, spaced_start = 0, None, -1
    while True:
        if spaced_start < pos:  # the next space-led match that starts at or after pos
            spaced_found = search(text, pos - 1 if pos else 0)
            spaced_start = spaced_found.start() + 1 if spaced_found is not None else end + 1
        index, found = bisect_left(other_starts, pos), None
        while index < len(other_starts) and other_starts[index] < spaced_start:
            at = other_starts[index]
            if chars is None or text[at] in chars:  # a match begins with one of them
                found = match_at(text, at)
                if found is not None:
                    break
            index += 1
        if found is not None:
            out.append(found.span())
            pos = found.end()
        elif spaced_found is not None:
            out.append((spaced_start, spaced_found.end()))
            pos = spaced_found.end()
        else:
            return out


def listed_spans(pattern: re.Pattern, text: str, starts: list[int]) -> list[tuple[int, int]]:
    """``[m.span() for m in pattern.finditer(text)]`` for a pattern whose matches can only
    begin at one of ``starts`` (ascending; :func:`first_words` and
    :meth:`~marsad.extract.casefold.WordIndex.led_by` give them): tried there only, each
    after the end of the last match, as the engine's own scan goes."""
    out: list[tuple[int, int]] = []
    match_at, pos = pattern.match, 0
    for at in starts:
        if at >= pos:
            found = match_at(text, at)
            if found is not None:
                pos = found.end()
                out.append((at, pos))
    return out


def opening_words(source: str) -> str:
    """``source`` led by :data:`WORD_START`, for a pattern each of whose matches
    begins a word (a ``\\b`` before a word character on every path; the test of
    each such pattern checks this), so that :func:`word_led_matches` scans it."""
    return WORD_START + "(?:" + source + ")"


def word_led_matches(pattern: re.Pattern, text: str, folded: str | None, other_starts: list[int],
                     spans: re.Pattern | None = None) -> Iterator[re.Match]:
    """``casefold.finditer(pattern, text, folded)`` for a pattern that opens with
    :data:`WORD_START` (``other_starts``: :func:`word_led_starts` of either text,
    which have the same word characters and spaces): each match found by
    :func:`word_led_spans` (of ``spans`` when given: a pattern of the same form with
    the same matches at every position), matched again on ``text`` for its groups."""
    scanned, on = for_spans(pattern if spans is None else spans, text, folded)
    match_at = pattern.match
    for start, end in word_led_spans(scanned, on, other_starts):
        found = match_at(text, start)
        assert found is not None and found.end() == end, "a match must be found again where it was found"
        yield found


def next_span(pattern: re.Pattern, text: str, other_starts: list[int], pos: int) -> tuple[int, int] | None:
    """The span of ``pattern.search(text, pos)`` for a pattern that opens with :data:`WORD_START`."""
    spaced = space_led(pattern)
    if spaced is None:
        found = pattern.search(text, pos)
        return found.span() if found is not None else None
    spaced_found = spaced.search(text, pos - 1 if pos else 0)
    spaced_start = spaced_found.start() + 1 if spaced_found is not None else len(text) + 1
    for index in range(bisect_left(other_starts, pos), len(other_starts)):
        if other_starts[index] >= spaced_start:
            break
        found = pattern.match(text, other_starts[index])
        if found is not None:
            return found.span()
    return (spaced_start, spaced_found.end()) if spaced_found is not None else None


def alternative_runs(pattern: re.Pattern) -> list[re.Pattern] | None:
    """``WORD_START(?:a|b|…)(?![\\w])`` cut into patterns of the same form over
    consecutive runs of its alternatives, a new run wherever a case-sensitive part
    (``(?-i:…)``) begins or ends; None when there is only one run. Scanned with
    :func:`merged_spans`, the runs without one can then be lowered
    (:func:`~marsad.extract.casefold.lowered_pattern`) although the whole cannot."""
    return derived(pattern, _RUNS, _alternative_runs)


_HEAD, _TAIL = WORD_START + "(?:", r")(?![\w])"


def _alternative_runs(pattern: re.Pattern) -> list[re.Pattern] | None:
    source = pattern.pattern
    if not isinstance(source, str) or not source.startswith(_HEAD) or not source.endswith(_TAIL):
        return None
    alternatives = top_level_alternatives(source[len(_HEAD) : -len(_TAIL)])
    if alternatives is None:
        return None
    runs: list[list[str]] = []
    for alternative in alternatives:
        sensitive = "(?-i" in alternative
        if runs and ("(?-i" in runs[-1][0]) == sensitive:
            runs[-1].append(alternative)
        else:
            runs.append([alternative])
    if len(runs) < 2:
        return None
    return [compile_cached(_HEAD + "|".join(run) + _TAIL, pattern.flags) for run in runs]


_GROUPED: dict[int, tuple[re.Pattern, re.Pattern]] = {}


def grouped(pattern: re.Pattern) -> re.Pattern:
    """``WORD_START(?:a|b|…)(?![\\w])`` with its alternatives gathered by the letter they
    begin with (:func:`by_first_letter`): the same matches at every position, and a
    match tried at a position skips the other letters' alternatives at once, where
    the engine otherwise steps past each of a large set's hundreds. ``pattern``
    itself where they cannot be gathered."""
    return derived(pattern, _GROUPED, _grouped)


def _grouped(pattern: re.Pattern) -> re.Pattern:
    source = pattern.pattern
    if not isinstance(source, str) or not source.startswith(_HEAD) or not source.endswith(_TAIL):
        return pattern
    alternatives = top_level_alternatives(source[len(_HEAD) : -len(_TAIL)])
    body = by_first_letter(alternatives) if alternatives is not None and len(alternatives) > 1 else None
    if body is None:
        return pattern
    try:
        return compile_cached(WORD_START + body + _TAIL[1:], pattern.flags)
    except re.error:  # (a group that spreading the alternatives would repeat): as it is
        return pattern


def top_level_alternatives(body: str) -> list[str] | None:
    """``body`` cut at each ``|`` outside groups and classes (None if unbalanced)."""
    out, depth, last, index = [], 0, 0, 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":  # to the class's end; a "]" first in a class is literal
            index += 2 if body[index + 1 : index + 2] == "^" else 1
            index += 1 if body[index : index + 1] == "]" else 0
            while index < len(body) and body[index] != "]":
                index += 2 if body[index] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None
        elif char == "|" and depth == 0:
            out.append(body[last:index])
            last = index + 1
        index += 1
    if depth != 0 or index > len(body):
        return None
    out.append(body[last:])
    return out


def by_first_letter(alternatives: list[str]) -> str | None:
    """``(?:a|b|…)`` over ``alternatives`` (regex sources, in order, without groups that
    capture) with the same matches at every position, the alternatives gathered by the
    letter they begin with, each letter's under one group; None when some alternative
    does not begin with a letter of its own (a class, an optional letter …).

    The engine skips an alternative that begins with a literal unlike the next character
    without trying it, but tries each that begins with a group (a named one, as the
    outcome groups of a trigger set): gathered, each letter's alternatives are skipped at
    once. Alternatives that begin with different letters never match at the same position
    (case-folded too), so only their order among one letter's, kept, decides which
    matches; a leading ``(?:a|b)c`` is read as ``ac|bc``, which tries the same in the
    same order."""
    spread: list[str] = []
    for alternative in alternatives:
        parts = _spread(alternative)
        if parts is None:
            return None
        spread.extend(parts)
    by_letter: dict[str, list[str]] = {}
    for alternative in spread:
        by_letter.setdefault(alternative[0].lower(), []).append(alternative)
    # (the letters that begin most words first: each letter's group is tried after those before it)
    letters = sorted(by_letter, key=lambda letter: (_WORD_INITIAL.find(letter) % 27, letter))
    return "(?:" + "|".join("(?:" + "|".join(by_letter[letter]) + ")" for letter in letters) + ")"


#: English letters by how many words begin with each, most first.
_WORD_INITIAL = "taoiswcbphfmdrelngukvyjqxz"


def _spread(alternative: str) -> list[str] | None:
    """``alternative`` as alternatives that each begin with an ASCII letter that is not
    optional (a leading non-capturing group spread over what follows it), else None."""
    if alternative[:1].isascii() and alternative[:1].isalpha():
        return None if alternative[1:2] in ("?", "*", "{") else [alternative]
    if not alternative.startswith("(?:"):
        return None
    end = _group_end(alternative)
    if end is None or alternative[end + 1 : end + 2] in ("?", "*", "+", "{"):
        return None
    inner = top_level_alternatives(alternative[3:end])
    if inner is None:
        return None
    out: list[str] = []
    for part in inner:
        spread = _spread(part + alternative[end + 1 :])
        if spread is None:
            return None
        out.extend(spread)
    return out


def _group_end(source: str) -> int | None:
    """Where the group that opens ``source`` closes (None if it does not)."""
    depth, index = 0, 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            return None  # (classes are not read here: no group is spread over one)
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None


def merged_spans(runs: list[tuple[re.Pattern, str, list[int], bool]]) -> list[tuple[int, int]]:
    """The spans ``finditer`` gives for the alternation of the runs' alternatives,
    in order (each run: its pattern, the text to scan, and either that text's
    :func:`word_led_starts`, or, where the last is True, every place a match of the run
    may begin: :func:`listed_spans`' starts; the texts have the same offsets): at each
    position the first run that matches there decides, and each match starts after the
    last. A run's next match is searched again only once the scan has passed its start."""
    out: list[tuple[int, int]] = []
    pos = 0
    ahead: list[tuple[int, int] | None] = [(-1, -1)] * len(runs)  # (-1, -1): to be searched
    while True:
        best: tuple[int, int] | None = None
        for index, (pattern, text, starts, listed) in enumerate(runs):
            found = ahead[index]
            if found is not None and found[0] < pos:
                found = ahead[index] = (next_listed(pattern, text, starts, pos) if listed
                                        else next_span(pattern, text, starts, pos))
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        if best is None:
            return out
        out.append(best)
        pos = best[1]


def next_listed(pattern: re.Pattern, text: str, starts: list[int], pos: int) -> tuple[int, int] | None:
    """The span of ``pattern.search(text, pos)`` for a pattern whose matches can only begin at
    one of ``starts`` (ascending, as :func:`listed_spans` reads them)."""
    match_at = pattern.match
    for index in range(bisect_left(starts, pos), len(starts)):
        found = match_at(text, starts[index])
        if found is not None:
            return found.span()
    return None


_FIRST_WORD_RUNS: dict[int, tuple[re.Pattern, list[re.Pattern] | None]] = {}


def first_word_runs(pattern: re.Pattern) -> list[re.Pattern] | None:
    """``WORD_START(?:a|b|…)(?![\\w])`` cut, as :func:`alternative_runs` cuts it, into runs of
    consecutive alternatives, a new run wherever an alternative whose :func:`first_words` are
    known follows one whose are not or the reverse; None when there is only one run. Scanned
    with :func:`merged_spans`, the runs that have first words are then tried only where one
    begins, although the whole set has none ("\\w+ of them …": any word)."""
    return derived(pattern, _FIRST_WORD_RUNS, _first_word_runs)


def _first_word_runs(pattern: re.Pattern) -> list[re.Pattern] | None:
    alternatives = _word_led_alternatives(pattern)
    if alternatives is None:
        return None
    runs: list[tuple[bool, list[str]]] = []
    try:
        parser, c = import_module("re._parser"), import_module("re._constants")
        for alternative in alternatives:
            heads = _heads(list(parser.parse(alternative, pattern.flags)), "", c, digits=True)
            known = all(word for word, _ in heads)
            if runs and runs[-1][0] == known:
                runs[-1][1].append(alternative)
            else:
                runs.append((known, [alternative]))
    except Exception:  # noqa: BLE001 - another Python's parser: not known, the set is scanned whole
        return None
    if len(runs) < 2:
        return None
    return [compile_cached(_HEAD + "|".join(run) + _TAIL, pattern.flags) for _, run in runs]


#: Words a text must hold: whole words, and the stems of words whose end the pattern leaves open.
Keys = tuple[frozenset[str], frozenset[str]]
#: Each alternative's parts' keys (the most selective part first), and the alternatives with none.
AlternativeKeys = tuple[list[list[Keys]], list[str]]
_KEYS: dict[int, tuple[re.Pattern, AlternativeKeys | None]] = {}
#: Alternatives whose first words outnumber this are not spelled out (the set is then always scanned).
_MOST_HEADS = 512
#: A class of more characters than this ends a key word open ("[sz]" is spelled out).
_MOST_SPELLED = 8


def key_words(pattern: re.Pattern) -> Keys | None:
    """Words a text must hold for ``WORD_START(?:a|b|…)(?![\\w])`` (``re.I``) to match in it:
    ``(words, stems)``, lower-cased; a text without any of the ``words`` as a whole word
    (a run of ``\\w``) and without a word whose first :data:`STEM` characters are one of the
    ``stems`` holds no match. None when that is not known for some alternative (a digit, a
    class of unknown letters, a case-folding pattern that is not ASCII …).

    Each alternative gives the first words of the most selective of its parts that begin a
    word (see :func:`alternative_keys`)."""
    keys = alternative_keys(pattern)
    if keys is None or keys[1]:
        return None
    return (frozenset(word for parts in keys[0] for word in parts[0][0]),
            frozenset(stem for parts in keys[0] for stem in parts[0][1]))


_LEADING: dict[int, tuple[re.Pattern, Keys | None]] = {}


def leading_words(pattern: re.Pattern) -> Keys | None:
    """``(words, stems)``, lower-cased, for a pattern that opens with :data:`WORD_START`:
    the word (a run of ``\\w``) a match begins with is one of the ``words``, or begins with
    one of the ``stems``. None when that is not known for some path (a digit, a class of
    unknown letters …) or when the pattern does not open so.

    Read from the parser's view of the pattern, as :func:`key_words` (whose words may come
    later in a match: these are the first)."""
    return derived(pattern, _LEADING, _leading_words)


#: :func:`leading_words` as :meth:`~marsad.extract.casefold.WordIndex.begins_any` reads them: the words, the
#: stems of :data:`STEM` characters or more by their first :data:`STEM`, and the shorter stems
LeadingKeys = tuple[frozenset[str], dict[str, tuple[str, ...]], tuple[str, ...]]
_LEADING_KEYS: dict[int, tuple[re.Pattern, LeadingKeys | None]] = {}


def leading_keys(pattern: re.Pattern) -> LeadingKeys | None:
    """:func:`leading_words` of ``pattern`` grouped for a test of a short document's words
    (:meth:`~marsad.extract.casefold.WordIndex.begins_any`), or None when not known."""
    return derived(pattern, _LEADING_KEYS, _leading_keys)


def _leading_keys(pattern: re.Pattern) -> LeadingKeys | None:
    keys = leading_words(pattern)
    if keys is None:
        return None
    by_stem: dict[str, list[str]] = {}
    for stem in sorted(keys[1]):
        if len(stem) >= STEM:
            by_stem.setdefault(stem[:STEM], []).append(stem)
    short = tuple(sorted(stem for stem in keys[1] if len(stem) < STEM))
    return keys[0], {first: tuple(stems) for first, stems in by_stem.items()}, short


def _leading_words(pattern: re.Pattern) -> Keys | None:
    source = pattern.pattern
    if not isinstance(source, str) or not source.isascii() or not source.startswith(WORD_START):
        return None
    try:
        parser, c = import_module("re._parser"), import_module("re._constants")
        heads = _heads(list(parser.parse(source, pattern.flags)), "", c)
    except Exception:  # noqa: BLE001 - another Python's parser: not known, the pattern is scanned as before
        return None
    if not heads or any(not word for word, _ in heads):
        return None
    return (frozenset(word for word, whole in heads if whole), frozenset(word for word, whole in heads if not whole))


def alternative_keys(pattern: re.Pattern) -> AlternativeKeys | None:
    """For each alternative of ``WORD_START(?:a|b|…)(?![\\w])`` (``re.I``), the keys of each of
    its parts that begin a word (after a literal space or hyphen, or after optional words such
    as ``(?:\\w+ ){0,3}``): the lower-cased words the part can begin with, a text holding
    none of which holds no match of the alternative. The part whose shortest word is longest
    comes first. Alternatives without such a part (a digit, a class of unknown letters …) are
    given by their source. None when the pattern is not of that form or not ASCII.

    Read from the parser's view of the pattern: what it does not know ends the word open,
    never a word too few."""
    return derived(pattern, _KEYS, _alternative_keys)


def _word_led_alternatives(pattern: re.Pattern) -> list[str] | None:
    """The top-level alternatives of an ASCII ``WORD_START(?:a|b|…)(?![\\w])``, else None."""
    source = pattern.pattern
    if (not isinstance(source, str) or not source.isascii() or not source.startswith(_HEAD)
            or not source.endswith(_TAIL)):
        return None
    return top_level_alternatives(source[len(_HEAD) : -len(_TAIL)])


def _alternative_keys(pattern: re.Pattern) -> AlternativeKeys | None:
    alternatives = _word_led_alternatives(pattern)
    if alternatives is None:
        return None
    keyed: list[list[Keys]] = []
    keyless: list[str] = []
    try:
        parser, c = import_module("re._parser"), import_module("re._constants")
        for alternative in alternatives:
            scored: list[tuple[int, int, Keys]] = []
            for part in _word_parts(list(parser.parse(alternative, pattern.flags)), c):
                heads = _heads(part, "", c)
                score = _selectivity(heads)
                if score > 0:
                    scored.append((-score, len(scored), (frozenset(word for word, whole in heads if whole),
                                                         frozenset(word[:STEM] for word, whole in heads if not whole))))
            if scored:
                keyed.append([keys for _, _, keys in sorted(scored)])
            else:
                keyless.append(alternative)
    except Exception:  # noqa: BLE001 - another Python's parser: no keys, the set is always scanned
        return None
    return keyed, keyless


#: The words a match can begin with (:func:`first_words`): whole words (the match's first run of ``\\w``
#: is one of them), and beginnings (it begins with one), those of :data:`STEM` characters or more by
#: their first :data:`STEM` characters, the shorter ones apart; and whether a match can begin with a digit
#: (``\\d``: it then begins a word whose first character is one, tried at each).
FirstWords = tuple[frozenset[str], dict[str, tuple[str, ...]], tuple[str, ...], bool]
_FIRST_WORDS: dict[int, tuple[re.Pattern, FirstWords | None]] = {}


def first_words(pattern: re.Pattern) -> FirstWords | None:
    """The lower-cased words a match of ``WORD_START(?:a|b|…)(?![\\w])`` can begin with
    (the first word of each alternative, read as :func:`alternative_keys` reads its parts),
    so that it is tried only where the lower-cased text has one, or where a word led by a
    digit begins for an alternative that begins with ``\\d``; None when that is not
    known for some alternative (one that can begin with any letter …) or the
    pattern is not of that form or not ASCII. A superset: what the parser's view does
    not tell ends the word open, never a word too few."""
    return derived(pattern, _FIRST_WORDS, _first_words)


def _first_words(pattern: re.Pattern) -> FirstWords | None:
    alternatives = _word_led_alternatives(pattern)
    if alternatives is None:
        return None
    whole: set[str] = set()
    begun: set[str] = set()
    digit_led = False
    try:
        parser, c = import_module("re._parser"), import_module("re._constants")
        for alternative in alternatives:
            for word, ends in _heads(list(parser.parse(alternative, pattern.flags)), "", c, digits=True):
                if word == _DIGIT_LED:
                    digit_led = True
                    continue
                if not word:
                    return None
                (whole if ends else begun).add(word)
    except Exception:  # noqa: BLE001 - another Python's parser: not known, the set is scanned whole
        return None
    # (a beginning that another begins, or a whole word one begins, adds no place to try)
    kept = [word for word in sorted(begun) if not any(word.startswith(other) for other in begun if other != word)]
    whole = {word for word in whole if not word.startswith(tuple(kept))}
    by_stem: dict[str, list[str]] = {}
    for word in kept:
        if len(word) >= STEM:
            by_stem.setdefault(word[:STEM], []).append(word)
    short = tuple(word for word in kept if len(word) < STEM)
    return frozenset(whole), {stem: tuple(words) for stem, words in by_stem.items()}, short, digit_led


#: Closes a part of an alternative: the word read so far ends there (a separator or the pattern's end follows).
#: Compared with ==, never by identity: compiled, a tuple is rebuilt and has no identity of its own.
_WORD_END = ("word end", None)


def _word_parts(items: list, c: Any) -> list[list]:
    """The parts of a parsed alternative that begin a word, each closed by :data:`_WORD_END`
    when a separator (or the alternative's end, before ``(?![\\w])``) follows it."""
    out: list[list] = []
    part: list = []
    begins = True  # the part starts the match, or follows a non-word character
    for op, av in items:
        if _separator(op, av, c):
            if begins:
                out.append([*part, _WORD_END])
            part, begins = [], True
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and _filler(list(av[2]), c):
            if begins and part:
                out.append(part)  # open: the filler may go on with the word
            begins = (begins and not part) if av[0] == 0 else True
            part = []
        else:
            part.append((op, av))
    if begins:
        out.append([*part, _WORD_END])
    return out


def _separator(op: Any, av: Any, c: Any) -> bool:
    """A literal non-word character, or a class of them only."""
    if op is c.LITERAL:
        return not _is_word_char(chr(av))
    if op is c.IN:
        return all(o is c.LITERAL and not _is_word_char(chr(a)) for o, a in av)
    return False


def _filler(items: list, c: Any) -> bool:
    """Words that end in a separator on every path (``\\w+ ``, ``(?:an? |the )``), not separators alone."""
    return _ends_in_separator(items, c) and not all(_separator(op, av, c) for op, av in items)


def _ends_in_separator(items: list, c: Any) -> bool:
    if not items:
        return False
    op, av = items[-1]
    if op is c.SUBPATTERN:
        return _ends_in_separator(list(av[3]), c)
    if op is c.BRANCH:
        return all(_ends_in_separator(list(branch), c) for branch in av[1])
    return _separator(op, av, c)




def _is_word_char(char: str) -> bool:
    """``\\w`` for one character (a letter, digit or number in Unicode's sense, or "_")."""
    return char.isalnum() or char == "_"


def _selectivity(heads: set[tuple[str, bool]]) -> int:
    """The length of the shortest key (0: some path gives none)."""
    shortest = 0
    for word, whole in heads:
        length = len(word) if whole else (STEM if len(word) >= STEM else 0)
        if length == 0:
            return 0
        shortest = length if shortest == 0 else min(shortest, length)
    return shortest


#: What :func:`_heads` gives (asked to) for a match that begins with ``\\d``: no run of ``\\w``, so never a word.
_DIGIT_LED = "\\d"


def _heads(items: list, read: str, c: Any, digits: bool = False) -> set[tuple[str, bool]]:
    """The first words a match of ``items`` (after ``read``) can begin with: (word, whole), whole
    when the word ends there, else only its beginning is known. A superset: "" when not known;
    with ``digits``, :data:`_DIGIT_LED` for a match that begins with ``\\d``."""
    if len(read) > 40 or not items:
        return {(read, False)}
    op, av = items[0]
    rest = items[1:]
    if items[0] == _WORD_END:
        return {(read, bool(read))}
    if op is c.LITERAL:
        char = chr(av).lower()
        if not _is_word_char(char):
            return {(read, bool(read))}
        return _heads(rest, read + char, c)
    if op is c.IN:
        if digits and not read and len(av) == 1 and av[0] == (c.CATEGORY, c.CATEGORY_DIGIT):
            return {(_DIGIT_LED, False)}
        return _class_heads(av, rest, read, c)
    if _word_end_assertion(op, av, c) and read:
        return {(read, True)}
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _heads(rest, read, c, digits)  # zero width: leaving it out finds more, never fewer
    if op is c.SUBPATTERN:
        return _heads(list(av[3]) + rest, read, c, digits)
    if op is c.BRANCH:
        return _bounded(set().union(*(_heads(list(branch) + rest, read, c, digits) for branch in av[1])), read)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, item = av[0], av[1], list(av[2])
        if high <= 3:
            return _bounded(set().union(*(_heads(item * n + rest, read, c, digits) for n in range(low, high + 1))),
                            read)
        # more than ``low`` repeats: the first ``low + 1`` of them, then anything
        return _bounded(_heads(item * low + rest, read, c, digits) | _heads(item * (low + 1), read, c, digits),
                        read)
    return {(read, False)}


def _class_heads(members: list, rest: list, read: str, c: Any) -> set[tuple[str, bool]]:
    chars: set[str] = set()
    for op, av in members:
        if op is c.LITERAL:
            chars.add(chr(av).lower())
        elif op is c.RANGE and av[1] - av[0] < _MOST_SPELLED:
            chars.update(chr(code).lower() for code in range(av[0], av[1] + 1))
        else:
            return {(read, False)}
    if len(chars) > _MOST_SPELLED:
        return {(read, False)}  # ("[a-z]+": each letter's words would be read on, for keys no more selective)
    out: set[tuple[str, bool]] = set()
    for char in chars:
        out |= _heads(rest, read + char, c) if _is_word_char(char) else {(read, bool(read))}
    return _bounded(out, read)


def _word_end_assertion(op: Any, av: Any, c: Any) -> bool:
    """``\\b`` or ``(?![\\w])``: after a word character, the word ends here."""
    if op is c.AT:
        return av is c.AT_BOUNDARY
    if op is not c.ASSERT_NOT or av[0] != 1 or len(av[1]) != 1:
        return False
    inner_op, inner = list(av[1])[0]
    if inner_op is c.IN:
        return len(inner) == 1 and inner[0] == (c.CATEGORY, c.CATEGORY_WORD)
    return bool(inner_op is c.CATEGORY and inner is c.CATEGORY_WORD)


def _bounded(heads: set[tuple[str, bool]], read: str) -> set[tuple[str, bool]]:
    return heads if len(heads) <= _MOST_HEADS else {(read, False)}
