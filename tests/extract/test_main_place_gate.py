"""``main_place._LOCATED_FIRST``, the characters after which a place's container may be told, is written by
hand beside the three expressions it spares: it must hold the first character of every opening those
expressions can match, whatever words they are given."""

from __future__ import annotations

import re
import string

from marsad.extract import main_place

_EXPRESSIONS = (main_place._LOCATED, main_place._COMMA, main_place._IN_GOVERNORATE)


def _words_of(pattern: re.Pattern) -> set[str]:
    source = re.sub(r"\\.", " ", pattern.pattern)  # (escapes: \s, \(, not letters of words)
    return set(re.findall(r"[a-z]+", source))


def test_every_opening_the_expressions_match_begins_with_a_listed_character():
    words = set().union(*map(_words_of, _EXPRESSIONS))
    # each word with its first letter swapped for every character, then what may follow it in the expressions
    tails = {word[1:] for word in words} | {""}
    followers = ["", " in Idlib", " of Idlib", " (Idlib)", ", Idlib", "hood (Idlib)", "-district in Idlib"]
    for character in set(string.printable) - set(string.whitespace):
        if character in main_place._LOCATED_FIRST:
            continue
        for tail in tails:
            for follower in followers:
                text = " " + character + tail + follower
                assert not any(pattern.match(text) for pattern in _EXPRESSIONS), (character, text)


def test_the_gate_answers_as_the_expressions_would():
    # (a name followed by a word that opens none of them: no container told)
    assert all(pattern.match(" killed 3") is None for pattern in _EXPRESSIONS)
    assert main_place._COMMA.match(" town, Idlib") is not None and "t" in main_place._LOCATED_FIRST
