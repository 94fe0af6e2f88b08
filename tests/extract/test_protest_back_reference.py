"""A sentence that opens on "The protesters" (or "The demonstrators", "The rally") tells more of the protest just
told, not a second one wherever its demands are about ("… protested in Basra. The protesters demanded power for
Zubair" is one protest, in Basra). Guard: a sentence that opens on other people in another town is still read."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text


def _events(text: str) -> list[tuple[str, str | None]]:
    return [(e.sub_event_type, e.location) for e in extract_text(text, published=date(2024, 5, 6)).events]


@pytest.mark.parametrize("opening", ["The protesters", "The demonstrators", "The rally's organisers"])
def test_the_protesters_of_the_next_sentence_are_the_same_protest(opening):
    text = (f"On 4 May 2024, dozens of teachers protested in front of the education directorate in Basra city. "
            f"{opening} demanded that unpaid salaries be settled in Zubair and Abu al-Khasib.")
    if opening.startswith("The rally"):
        text = text.replace("protested in front of", "held a rally in front of")
    assert _events(text) == [("Peaceful protest", "Basrah")]


def test_other_people_protesting_in_another_town_are_another_protest():
    events = _events("On 4 May 2024, dozens of teachers protested in front of the education directorate in Basra "
                     "city. In Nasiriyah, hundreds of graduates protested outside the oil ministry's office.")
    assert [sub for sub, _ in events] == ["Peaceful protest", "Peaceful protest"]
