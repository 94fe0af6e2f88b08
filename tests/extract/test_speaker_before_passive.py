"""A speaker told before a passive's subject is no victim (s28, written in our own words): in "Police said a farmer
had been shot dead by suspected militants" the farmer was shot, not the police, so it is an attack on a civilian,
not a fight. Guards: armed people after the speaker are still the victims."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text


@pytest.mark.parametrize("text, sub_event_type", [
    ("Police said a shepherd had been shot dead by suspected rustlers near Lafia on Monday.", "Attack"),
    ("The army said a trader was shot dead by gunmen near Beni on Sunday.", "Attack"),
    ("Residents said two soldiers were killed in an ambush near Lafia on Monday.", "Armed clash"),
    ("The governor said three policemen were shot dead at a checkpoint near Lafia on Monday.", "Armed clash"),
])
def test_the_speaker_is_not_the_passive_s_subject(text, sub_event_type):
    events = extract_text(text, published=date(2024, 5, 7)).events
    assert events and events[0].sub_event_type == sub_event_type
