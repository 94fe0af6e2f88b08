"""A figure told after a colon, its label opening the sentence (s28, written in our own words): "Civilians killed
since the beginning of the year: 191." is a running total of civilians, "Death toll: 12" a toll. Guards: a clock time
after "killed" is no label; a time after the verb names no one killed ("killed this week: 14" counted one more,
"died of his wounds the next day" one wounded)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text

PUBLISHED = date(2024, 3, 11)


@pytest.mark.parametrize("text, count, victims, tally", [
    ("Shelling hit a market in the east on Monday, killing two women. Civilians killed since the beginning of the "
     "year: 204.", 204, "civilians", True),
    ("A car bomb went off near the port on Monday. Death toll: 12.", 12, None, False),
    ("Clashes went on along the front on Monday. Soldiers killed since January: at least 1,150.", 1150, "combatants",
     True),
])
def test_a_colon_headed_figure_is_a_toll(text, count, victims, tally):
    found = [c for c in extract_text(text, published=PUBLISHED).casualties if c.count == count]
    assert found and found[0].outcome == "killed" and found[0].victims == victims
    assert found[0].is_tally is tally


def test_the_label_opens_its_sentence():
    text = "Two farmers were killed at 10:30 on Monday when a shell hit their field."
    counts = sorted(c.count for c in extract_text(text, published=PUBLISHED).casualties)
    assert counts == [2]


@pytest.mark.parametrize("text, counts", [
    ("A mortar round hit the square on Monday. Total killed this week: 14.", [14]),
    ("A shell hit a house in the hills, killing a shepherd. His brother died of his wounds the next day.", [1, 1]),
])
def test_a_time_after_the_verb_is_no_victim(text, counts):
    extraction = extract_text(text, published=PUBLISHED)
    assert sorted(c.count for c in extraction.casualties if c.outcome in ("killed", "injured")) == counts
    assert not [c for c in extraction.casualties if c.outcome == "injured"]
