"""A set gathered by first letter (``wordscan.by_first_letter``) matches as the set it comes from."""

from __future__ import annotations

import random
import re

import pytest

from marsad.extract import casefold, casualties
from marsad.extract.casefold import lowered_pattern
from marsad.extract.pipeline import LEADING_MIN_CHARS, DocContext
from marsad.extract.wordscan import by_first_letter

# Trigger words and near misses, in the cases and spacings the notes have them, with what may end or follow one.
_PIECES = ["shot", "Shot", "SHOT", "shooting", "dead", "Dead", "to", "death", "dead.", "stabbed", "beaten", "beat",
           "burned", "burnt", "alive", "buried", "killed", "Killed", "kill", "kills", "killing", "kidnapped", "die",
           "die-", "died", "dies", "lost", "their", "lives", "life", "his", "passed", "away", "wounds", "of", "from",
           "shelling", "ascended", "the", "heavens", "as", "martyrs", "martyrdom", "turned", "gun", "on", "himself",
           "neutralised", "neutralized", "missing", "went", "gone", "executed", "hurt", "hurts", "injured", "arrested",
           "taken", "prisoner", "sent", "hell", "succumbed", "strangled", "ſhot", "Kill", "killedx", "x", "7", "_",
           "a", "people", "were", " ", " ", " ", "  ", "\n", "-", ",", ".", "(", ";", "\u00a0"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) + rng.choice(["", " ", " ", " ", "-", "\n"]) for _ in range(rng.randint(1, 14)))


@pytest.mark.parametrize("lowered", [False, True])
def test_the_trigger_spans_match_where_the_triggers_match(lowered):
    old, new = casualties.TRIGGER_RE, casualties.TRIGGER_SPANS
    if lowered:
        old, new = lowered_pattern(old), lowered_pattern(new)
        assert old is not None and new is not None
    rng = random.Random(11)
    matched = 0
    for _ in range(4000):
        text = _text(rng)
        if lowered:
            text = text.lower()
        for at in range(len(text)):
            found = old.match(text, at)
            again = new.match(text, at)
            assert (found and found.span()) == (again and again.span()), (text, at)
            matched += found is not None
    assert matched > 2000  # the pieces make matches


@pytest.mark.parametrize("lowered", [True, False])
def test_a_scan_with_the_spans_finds_the_triggers_and_their_outcomes(lowered, monkeypatch):
    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS)
    if not lowered:
        monkeypatch.setattr(casefold, "WARM_UP_CHARS", 10**12)
    rng = random.Random(12)
    found_some = from_words = 0
    for length in (0, LEADING_MIN_CHARS):  # scanned from the spaces, and from the word index
        for _ in range(200):
            text = " ".join(_text(rng) for _ in range(max(1, length // 40)))
            # (a long text without the long s, which no lower-cased text has: read from the word index)
            ctx = DocContext(text=text.replace("ſ", "s") if length else text)
            from_words += ctx._leading_starts(casualties.TRIGGER_RE) is not None
            expected = [(match.span(), match.lastgroup) for match in casualties.TRIGGER_RE.finditer(ctx.norm)]
            found = [(match.span(), match.lastgroup) for match in
                     ctx.scan(casualties.TRIGGER_RE, spans=casualties.TRIGGER_SPANS)]
            assert found == expected, ctx.text
            found_some += len(found)
    assert found_some > 1000
    assert from_words > 100 if lowered else from_words == 0


def test_alternatives_are_gathered_by_letter_in_their_order():
    assert by_first_letter(["ba", "ab", "bc", "(?:bd|ae)x"]) == "(?:(?:ab|aex)|(?:ba|bc|bdx))"
    pattern = re.compile(by_first_letter(["shot", "(?:stabbed|shot)\\s+dead", "shot\\s+dead"]) or "")
    assert pattern.match("shot dead").group(0) == "shot"  # the first alternative that matches, as before


@pytest.mark.parametrize("alternatives", [["a", "b?c"], ["[ab]c"], ["(?:a|b)?c"], ["(?P<x>a)"], ["\\w+"], ["7"]])
def test_alternatives_without_a_letter_of_their_own_are_not_gathered(alternatives):
    assert by_first_letter(alternatives) is None


def test_each_trigger_set_gathered_by_letter_matches_where_the_set_matches():
    """wordscan.grouped, what a trigger scan tries at each place: each set's runs (lowered where they
    can be) match at every position of texts of the sets' own words as the runs themselves do."""
    from marsad.extract.event_types import load_rules
    from marsad.extract.scan_plans import lowered_runs
    from marsad.extract.wordscan import grouped

    words = sorted({word for pattern in load_rules().triggers.values()
                    for word in re.findall(r"[A-Za-z]{2,}", pattern.pattern)})
    rng = random.Random(13)
    texts = [" ".join(rng.choice(words) + rng.choice(["", "s", "-", ",", "ed"]) for _ in range(60)) for _ in range(12)]
    gathered = matched = 0
    for pattern in load_rules().triggers.values():
        for run, lowered in lowered_runs(pattern):
            scanned = grouped(run)
            gathered += scanned is not run
            for text in texts:
                text = text.lower() if lowered else text
                for at in range(len(text)):
                    found, again = run.match(text, at), scanned.match(text, at)
                    assert (found and found.span()) == (again and again.span()), (run.pattern[:60], text, at)
                    matched += found is not None
    assert gathered > 30 and matched > 100
