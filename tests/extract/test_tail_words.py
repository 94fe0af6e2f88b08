"""The tests of a window's last word that stand before a search ending in ``\\s+$`` never refuse a window
where the search finds a match (casualties.ends_with_word)."""

from __future__ import annotations

import random

import pytest

from marsad.extract import casefold, casualty_verbs, tallies
from marsad.extract.casualties import ends_with_word

_WORDS = ["was", "were", "been", "being", "is", "are", "be", "got", "had", "has", "have", "and", "or", "later", "then",
          "shot", "badly", "to", "said", "the", "men", "saw", "band", "x", "ly", ",", "\n", " ", "  ", "\t",
          "was", "and", ","]


@pytest.mark.parametrize("pattern, endings", [
    (casualty_verbs._PASSIVE_BEFORE, casualty_verbs._PASSIVE_BEFORE_ENDS),
    (casualty_verbs._PASSIVE_CHAIN, casualty_verbs._CHAIN_ENDS),
    (casualty_verbs._AUX, casualty_verbs._AUX_ENDS),
    (tallies._PERFECT_BEFORE, tallies._PERFECT_ENDS),
])
def test_a_window_whose_last_word_is_none_of_the_endings_holds_no_match(pattern, endings):
    lowered = casefold.lowered_pattern(pattern)
    assert lowered is not None
    rng = random.Random(3)
    matched = 0
    for _ in range(3000):
        text = "".join(rng.choice(_WORDS) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        for end in range(start, len(text) + 1):  # (each end: a match must end at the window's)
            found = lowered.search(text, start, end) is not None
            matched += found
            assert not found or ends_with_word(text, start, end, endings), (text, start, end)
    assert matched > 30  # (the windows do hold matches)
