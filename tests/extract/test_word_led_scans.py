"""Whole-document scans searched from the spaces (DocContext.scan with
wordscan.opening_words) find exactly what the patterns' own finditer finds."""

from __future__ import annotations

import random
import re
from re import _constants as sre_constants
from re import _parser as sre_parser

import pytest

from marsad.extract import casefold, casualties, casualty_facts, casualty_nouns, dates, subcounts, tallies
from marsad.extract.pipeline import LEADING_MIN_CHARS, DocContext
from marsad.extract.wordscan import WORD_START, leading_words, opening_words, word_led_starts

_HEAD = WORD_START + "(?:"
_WORD_CATEGORIES = {sre_constants.CATEGORY_WORD, sre_constants.CATEGORY_DIGIT, sre_constants.CATEGORY_UNI_WORD,
                    sre_constants.CATEGORY_UNI_DIGIT}


def _word_char(code: int) -> bool:
    return chr(code).isalnum() or chr(code) == "_"


def _opens_a_word(items, bounded: bool = False) -> bool | None:
    """Whether every match of a parsed sequence begins with ``\\b`` and then a word
    character, that is at a word's start (None: it can be empty so far)."""
    c = sre_constants
    for op, av in items:
        if op is c.AT:
            bounded = bounded or av is c.AT_BOUNDARY
            continue
        if op in (c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the next item decides
        if op is c.LITERAL:
            return bounded and _word_char(av)
        if op is c.IN:
            return bounded and all((o is c.LITERAL and _word_char(a)) or (o is c.CATEGORY and a in _WORD_CATEGORIES)
                                   or (o is c.RANGE and all(map(_word_char, range(a[0], a[1] + 1)))) for o, a in av)
        if op is c.SUBPATTERN:
            inner = _opens_a_word(av[3].data, bounded)
            if inner is not None:
                return inner
            continue
        if op is c.BRANCH:
            return all(_opens_a_word(branch.data, bounded) is True for branch in av[1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            inner = _opens_a_word(av[2].data, bounded)
            if inner is False or (inner is True and av[0] > 0):
                return inner
            if inner is None:
                continue
            return False  # optional and not empty: what follows could begin a match without the \b
        return False
    return None


def _word_led_patterns() -> dict[str, re.Pattern]:
    found = {}
    for module in (casualties, casualty_facts, casualty_nouns, dates, subcounts, tallies):
        for name, value in vars(module).items():
            for index, pattern in enumerate(value if isinstance(value, tuple) else (value,)):  # a window scan's starts
                if isinstance(pattern, re.Pattern) and pattern.pattern.startswith(_HEAD):
                    found[f"{module.__name__}.{name}[{index}]"] = pattern
    return found


def test_every_pattern_scanned_from_the_spaces_opens_a_word():
    patterns = _word_led_patterns()
    assert len(patterns) >= 12
    for name, pattern in patterns.items():
        body = pattern.pattern[len(_HEAD) : -1]
        assert pattern.pattern == opening_words(body)
        assert _opens_a_word(sre_parser.parse(body, pattern.flags).data) is True, name


@pytest.mark.parametrize("source", [r"\b(?:-\d|x)", r"(?:a|\bb)", r"x", r"\b(?:a\s+)?-", r"\b\w*"])
def test_the_check_refuses_a_pattern_that_can_begin_elsewhere(source):
    assert _opens_a_word(sre_parser.parse(source, re.I).data) is not True


def test_a_pattern_that_does_not_open_a_word_scans_differently_when_so_led():
    text = "a-1 and x"
    plain = re.compile(r"\b(?:-\d|x)")
    led = re.compile(opening_words(plain.pattern))
    assert [m.span() for m in plain.finditer(text)] != [m.span() for m in DocContext(text=text).scan(led)]


# The start of the text, brackets, hyphens, quotes, slashes, line breaks, tabs, a no-break
# space, several spaces, capitals, words glued to digits: where a search from the spaces could
# go wrong; and phrases each pattern matches.
_EDGES = ("Killed 3 (killed) 'shot dead' x/killed\nkilled\tkilled\u00a0killed  KILLED al-killed killed2 2killed. "
          "The deaths of 4 men, the bodies of two women; one man's body and 3 children's lifeless bodies were found. "
          "Gunmen stabbed the old man to death. The death toll rose to 9, bringing the toll to 12; including a child, "
          "among them a woman. The remaining 3 were buried; burying the bodies of 5. Since January, since 2019 and "
          "since the start of the year, the rest of them fled and the remainder died.\n(Since March) -- "
          "INCLUDING A BOY; THE REMAINING TWO; the\u00a0rest;the rest")


@pytest.mark.parametrize("lowered", [True, False])
def test_scans_from_the_spaces_find_what_the_patterns_find(lowered, monkeypatch):
    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS)
    if not lowered:
        monkeypatch.setattr(casefold, "WARM_UP_CHARS", 10**12)
    total = 0
    long = _EDGES * (LEADING_MIN_CHARS // len(_EDGES) + 1)  # scanned from the words the patterns begin with
    for text in (_EDGES, _EDGES.upper(), _EDGES.lower(), "killed", " killed", "x", long, long.upper()):
        for name, pattern in _word_led_patterns().items():
            ctx = DocContext(text=text)
            expected = [(m.span(), m.groupdict()) for m in pattern.finditer(ctx.norm)]
            assert [(m.span(), m.groupdict()) for m in ctx.scan(pattern)] == expected, name
            assert ctx.match_starts((pattern,)) == [start for (start, _), _ in expected], name
            total += len(expected)
    assert total > 60


def test_a_long_text_is_scanned_from_the_words_its_patterns_begin_with(monkeypatch):
    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS)
    words, stems = leading_words(casualty_nouns.NOUN_OF_RE) or (frozenset(), frozenset())
    assert "deaths" in stems and not words  # ("deaths of": the word goes on to a space the parser does not spell out)
    assert leading_words(casualty_nouns.BODY_RE) is None  # (a count in digits begins some matches)
    ctx = DocContext(text=_EDGES * (LEADING_MIN_CHARS // len(_EDGES) + 1))
    begins = re.compile(r"\b(?:" + "|".join(sorted(stems)) + ")")  # the words that begin with a stem, where they begin
    assert ctx._leading_starts(casualty_nouns.NOUN_OF_RE) == [m.start() for m in begins.finditer(ctx.folded() or "")]
    assert DocContext(text=_EDGES)._leading_starts(casualty_nouns.NOUN_OF_RE) is None  # a short text: from the spaces


def test_the_word_index_finds_the_words_a_stem_begins():
    index = casefold.WordIndex("kill killed skill killing x kil")
    assert sorted(index.prefixed(frozenset({"kill", "killi"}))) == [0, 5, 18, 18]


def test_the_rest_is_found_from_the_word_index(monkeypatch):
    from marsad.counting import REST_RE

    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS)
    ctx = DocContext(text=_EDGES)
    starts = ctx.word_starts(subcounts._THE)
    assert starts is not None
    found = [(m.span(), m.group()) for m in casefold.finditer(REST_RE, ctx.norm, ctx.folded(), starts=starts)]
    assert found == [(m.span(), m.group()) for m in REST_RE.finditer(ctx.norm)] and len(found) >= 4


def test_the_other_word_starts_are_where_the_look_behind_finds_them():
    # word_led_starts finds the character before each start, and the first character apart
    pieces = ["a", "B", "7", "_", "é", "ا", " ", "  ", "-", "(", "\n", "\t", ".", "'", "\u00a0", "x-y", "(a)"]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert word_led_starts(text) == [m.start() for m in re.finditer(r"(?<![ \w])\w", text)], repr(text)


def test_the_word_index_tells_whether_a_word_begins_with_a_key():
    index = casefold.WordIndex("the army shelled al-bab, killing 3 (tolls)")
    by_stem = {"kill": ("killi",)}
    assert index.begins_any(frozenset({"bab"}), {}, ())  # a whole word
    assert not index.begins_any(frozenset({"kill", "toll"}), {}, ())  # (only words that begin so: not whole)
    assert index.begins_any(frozenset(), by_stem, ())  # "killing" begins with "killi"
    assert not index.begins_any(frozenset(), {"kill": ("killed",)}, ())
    assert index.begins_any(frozenset(), {}, ("to",))  # a stem shorter than the stems' keys: "tolls"
    assert not index.begins_any(frozenset({"al-bab", "kill"}), {"shel": ("shells",)}, ("x", "ik"))


def test_a_short_text_without_the_words_a_pattern_begins_with_is_not_searched(monkeypatch):
    # (the decision itself, asked directly: compiled, scan calls the search past any patch of it)
    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS)
    quiet = DocContext(text="Protesters gathered in front of the governor's office on Monday.")
    assert not quiet._may_begin(casualty_nouns.TOLL_RE)
    assert list(quiet.scan(casualty_nouns.TOLL_RE)) == []
    told = DocContext(text="The death toll rose to 9 on Monday.")
    assert told._may_begin(casualty_nouns.TOLL_RE)
    assert [m.group(0) for m in told.scan(casualty_nouns.TOLL_RE)] != []
