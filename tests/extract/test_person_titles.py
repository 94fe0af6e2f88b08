"""A person's title or rank before capitalised words makes them a person's name, not a place
(``person_titles`` in ``data/gazetteer/place_words.yaml``)."""

from __future__ import annotations

import pytest

from marsad.extract import extract_text


def _places(text: str) -> list[str]:
    return [place.text for place in extract_text(text).places]


@pytest.mark.parametrize("text", [
    "The soldiers were named as Lieutenant Ali Hassan, Private Karim Jabbar and Private Mustafa Adel.",
    "Dr. Karim Jabbar said the clinic had run out of blood.",
    "Sgt Karim Jabbar was among the wounded.",
])
def test_a_name_after_a_title_is_no_place(text):
    assert "Karim" not in " ".join(_places(text))


def test_a_place_after_a_preposition_keeps_its_title_word():
    assert _places("Fighting erupted in General Santos on Sunday.") == ["General Santos"]
    # (without a title, the village is read as before)
    assert "Karim" in _places("Shelling hit the village of Karim on Sunday.")
