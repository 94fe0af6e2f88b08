"""Deaths in short conflict descriptions: an ordinal victim inside a source's reported clause, the found body of a
person told before (an abducted man), and attackers counted by "killing themselves" (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str) -> int:
    return deaths_in(text, date(2025, 6, 1))


@pytest.mark.parametrize("text, expected", [
    # "the governor said a fifth victim … had died": the ordinal states the new toll, as at a clause's start
    ("A guided bomb hit a shopping centre in Kharkiv on Tuesday, killing three people, the mayor said. On Wednesday "
     "the regional governor said a fourth victim, a 30-year-old man, had died in hospital.", 4),
    # a known person's body found: one dead where the report counted him only as abducted
    ("Kidnappers seized a schoolteacher on the road to Kaduna on Saturday. His body was found in a bush on Monday, "
     "a police spokesman said.", 1),
    ("Gunmen abducted a village head and his driver near Funtua on Friday. Police recovered the driver's body the "
     "following day; the village head is still being held.", 1),
    # one body of the dead told before, found on a later day, is one of them ("the body of the youngest victim")
    ("Bandits killed three farmers in Kankara on Friday. The body of the youngest victim was found in a river on "
     "Sunday.", 3),
    # attackers the sentence counted, "killing themselves and …": they are dead too
    ("Three suicide bombers blew themselves up at the gate of a camp near Dikwa on Sunday, killing themselves and "
     "four soldiers, security sources said.", 7),
    ("Two assailants detonated explosive vests outside a police station in Bannu, killing two officers and "
     "themselves, officials said.", 4),
    # "killing themselves" with no count of the attackers: the counted victims still count
    ("Suicide bombers blew themselves up at a market in Konduga, killing themselves and five traders.", 5),
])
def test_deaths_b36(text, expected):
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the ordinal after a source's word at a clause's start, as before
    ("Gunmen shot dead two guards at a bank in Peshawar on Friday. Police said a third guard had died of his wounds "
     "overnight.", 3),
    # the same person's body, found after the killing, is no second death
    ("Unknown gunmen shot dead a journalist in Mogadishu on Sunday. Police found his body near the market.", 1),
    ("Gunmen killed a tax collector in Beledweyne on Saturday. The tax collector's body was taken to the city "
     "hospital.", 1),
    # nor is one body of the dead counted before, found on a later day
    ("Bandits killed three farmers in Kankara on Friday. The youngest victim's body was found in a river on Sunday.", 3),
    # a body told otherwise is no death
    ("A shell hit the house and shrapnel tore into his body, but he survived, medics said.", 0),
    # another person's body found elsewhere still adds
    ("Bandits killed three farmers in Kankara on Friday. On Sunday police found a trader's body in Funtua.", 4),
    # a reflexive after a count of victims, not attackers, counts nobody more
    ("Three gunmen stormed a church in Owo and opened fire, killing 12 worshippers.", 12),
])
def test_deaths_b36_guards(text, expected):
    assert deaths(text) == expected
