"""Deaths in news items as news APIs deliver them: a headline, then " - " or a line break, then a lead that restates
its dead (a headline's dash is a sentence's end; the body's place told inside the headline's; a possessive is no
victim's head noun; a singular victim told with "a" before an age; a run's year dates no incident; a longer
background attack tied to suspects) (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract.text import split_sentences
from tests.extract.deaths import deaths_in


def deaths(text: str) -> int:
    return deaths_in(text, date(2024, 6, 10))


@pytest.mark.parametrize("text, expected", [
    # a headline, " - ", and a lead telling the same dead again: one count
    ("Militants kill 6 herders in Benue - Armed men attacked a grazing camp in Agatu on Sunday, killing six herders, "
     "police said.", 6),
    ("Drone strike kills three in Sumy - Three civilians died when a Russian drone hit a bus stop in Sumy on Monday, "
     "officials said.", 3),
    ("Suicide attack on checkpoint kills 11 soldiers - A suicide bomber drove a truck into an army checkpoint near "
     "Gao on Friday, killing 11 soldiers, the army said.", 11),
    # the body names the headline's place again beside the place it adds
    ("Landmine kills two soldiers in South Waziristan\nTwo soldiers died when their vehicle hit a landmine in the "
     "Wana area of South Waziristan on Tuesday, the military said.", 2),
    ("Shelling of Zaporizhzhia kills woman, 64\nA 64-year-old woman was killed by Russian shelling of Zaporizhzhia's "
     "Oleksandrivskyi district on Sunday, the governor said.", 1),
    # an age ending a headline's line is no count ("kills woman, 64")
    ("Shelling of Zaporizhzhia kills woman, 64\nA woman was killed by Russian shelling of Zaporizhzhia on Sunday, "
     "the governor said.", 1),
    # a possessive is no head noun: "New People's Army guerrillas" are combatants, as the headline's rebels
    ("Army kills 2 NPA rebels in Negros clash\nTwo suspected New People's Army guerrillas died in a gunfight with "
     "soldiers in Negros Occidental on Friday, the army said.", 2),
    # the body's article before an age: "a 41-year-old farmer" is the headline's farmer
    ("Bandits kill farmer in Sokoto\nBandits killed a 41-year-old farmer in Sokoto State on Saturday after he refused "
     "to pay a levy, residents said.", 1),
    # a year that numbers a run ("the 4th this year") gives the headline no day of its own
    ("Activist killed in Cauca, the 12th this year\nGunmen shot dead an Indigenous activist in Toribio, Cauca, on "
     "Thursday, according to Indepaz.", 1),
    ("Journalist shot dead in Guerrero, the 4th this year\nGunmen shot dead a radio journalist in Taxco, Guerrero, "
     "on Tuesday, the 4th journalist killed in Mexico this year, press groups said.", 1),
    # suspects tied to an earlier attack named with its place and its toll: background
    ("Police arrest 4 over Bokkos killings\nPolice have arrested four men suspected of involvement in last month's "
     "raid on a farming village in Bokkos that killed 23 people.", 0),
])
def test_deaths_b38(text, expected):
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # guards: dashes in pairs break down the total before them
    ("Five people - a couple and their three children - died when a shell hit their home in Kherson on Monday.", 5),
    # a dateline's dash is no headline
    ("MOGADISHU - A car bomb killed four people near a checkpoint on Sunday, police said.", 4),
    # the body's other place, not the headline's, is another incident
    ("Gunmen kill 3 in Zamfara - Three villagers were killed in Gusau on Monday. In a separate attack, gunmen killed "
     "three traders in Katsina on Tuesday.", 6),
    # a possessor's noun as victim: "a soldier's widow" is a civilian, still one dead
    ("A soldier's widow was shot dead in Kidal on Sunday.", 1),
])
def test_deaths_b38_guards(text, expected):
    assert deaths(text) == expected


@pytest.mark.parametrize("text, sentences", [
    ("Gunmen kill 7 in Zamfara mosque attack - Armed bandits stormed a mosque on Friday.", 2),
    # a full date opens a report whose dashes join places
    ("On 16 April 2022, forces fired artillery at positions near Donetsk - Petrovskyi and other villages.", 1),
    # a place's admin area in brackets after the dash
    ("Shoot-outs broke out in Rio de Janeiro - North Zone (Rio de Janeiro), killing two.", 1),
    # a dateline with its day is no headline
    ("KHARTOUM, May 9 - An army drone slammed into a convoy north of El Obeid on Thursday, witnesses said.", 1),
])
def test_headline_dash_ends_a_sentence(text, sentences):
    assert len(split_sentences(text)) == sentences
