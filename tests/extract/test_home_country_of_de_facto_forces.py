"""A de facto authority's forces that UCDP counts as a rebel side tell the report's country where it names none
(s28, written in our own words): "shells fired by Houthi militiamen landed on houses in Hays" is Hays in Yemen, not
Hays in Kansas. A state's own forces still say nothing ("Turkish forces shelled …" is often abroad)."""

from __future__ import annotations

from marsad.extract.actors import home_countries
from marsad.model import ActorMention


def _mention(name: str, inter: int) -> ActorMention:
    return ActorMention(id="A1", name=name, text=name, inter=inter, span=None)


def test_de_facto_forces_tell_their_country():
    assert home_countries([_mention("Houthis", 1)]) == {"YE"}


def test_a_state_s_forces_say_nothing():
    assert home_countries([_mention("Turkish forces", 1)]) == set()


def test_the_place_follows():
    from datetime import date

    from marsad.extract import extract_text

    text = ("Two children were killed on Monday when shells fired by Houthi militiamen hit their house in a residential "
            "neighbourhood of Hays, a medic said.")
    events = extract_text(text, published=date(2024, 2, 6)).events
    assert events and events[0].country == "Yemen"
