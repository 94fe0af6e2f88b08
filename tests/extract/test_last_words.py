"""The last-word tests before ``$``-anchored searches never skip a text the search matches."""

from __future__ import annotations

import random

import pytest

from marsad.extract import events, main_place
from marsad.extract.casefold import folded_text, last_word_ends

_PIECES = ["by", "BY", "from", "From", "the", "The", "last", "former", "of", "to", "towards", "killed", "backed",
           "took", "retook", "the town", "positions", "countryside", "on", "x", "-", "(", ",", " ", "  ", "\n",
           "\u00a0", "\t", "ſ", "K", "İ", "against", "standby", "onto", "Aleppo", "supported", "by ", "from ", "of ",
           "the ", "captured ", " on ", "retook the town ", " from the "]


@pytest.mark.parametrize("pattern", [events._AGENT_BEFORE, events._TAKEN_FROM, events._OBJECT_BEFORE])
def test_a_text_a_pattern_matches_has_the_last_words_it_ends_with(pattern):
    endings, optional = events._LAST_WORDS[pattern.pattern]
    rng = random.Random(5)
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 9)))
        folded = folded_text(text)
        if folded is None:
            continue
        found = pattern.search(text) is not None
        matched += found
        assert last_word_ends(folded, endings, *optional) or not found, repr(text)
    assert matched > 5  # the pieces make matches


def test_the_optional_words_are_dropped_in_turn():
    assert last_word_ends("attacks on the last ", ("on",), ("last", "former"), ("the",))
    assert last_word_ends("killed by\n", ("by",), ("the",))
    assert not last_word_ends("the town of the ", ("by",), ("the",))
    assert not last_word_ends("by the the ", ("by",), ("the",))
    assert not last_word_ends("   ", ("by",), ("the",))


def test_an_origins_window_has_the_last_words_its_pattern_ends_with():
    rng = random.Random(7)
    pieces = _PIECES + ["rural ", "city of ", "town of ", "village of ", "City Of ", "RURAL", "proof "]
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 9)))
        found = main_place._ORIGIN.search(text) is not None
        matched += found
        assert last_word_ends(text.lower(), main_place.ORIGIN_ENDS) or not found, repr(text)
    assert matched > 5
