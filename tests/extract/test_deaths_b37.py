"""Deaths in monitors' short items: a place list closed by "the rest" after a comma, a colon after a toll's digits,
a side's "and four among …" after "N dead among …", a run of assassinations told in the perfect, "in what … was the
98th assassination", the death "of" a person told again by "who died", a side's toll set beside the other side's
losses after "while", and a place before a coordinated subject (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str) -> int:
    return deaths_in(text, date(2024, 6, 10))


@pytest.mark.parametrize("text, expected", [
    # a day's toll across a province told place by place after a comma, the last place taking "the rest"
    ("Police sources in Nineveh said five people were killed on Sunday in attacks across the province, two in "
     "Sinjar, one in Tal Afar and the rest in Mosul.", 5),
    ("Three people were killed in shootings across Kirkuk province on Saturday, one in Hawija and the rest in Daquq, "
     "police said.", 3),
    # a colon right after a toll's digits opens its list (no clock time): the toll counts
    ("The toll of the dead on both sides rose to 17: 10 of the factions and 7 of the SDF, the monitor said.", 17),
    ("Clashes on the Ain Issa front killed 9: five soldiers and four fighters.", 9),
    # "N dead among X and M among Y": the other side's dead, its noun and verb left out (and no part of the first)
    ("The fighting near Jarablus left five dead among the factions and three among the SDF, the monitor said.", 8),
    ("The clashes left six dead among the regime forces and two dead among the rebels.", 8),
    # a run of incidents told in the perfect after the report's own killing: the run's sum is background
    ("A car bomb killed a police colonel in Tikrit on Tuesday, the latest in a wave of assassinations which has killed "
     "at least 25 officers in the province.", 1),
    # "in what the monitor said was the 98th assassination … since the start of 2024": the period numbers a run
    ("Unknown gunmen killed a former rebel commander in Nawa on Friday, in what the Observatory said was the 57th "
     "assassination in Daraa since the start of 2024.", 1),
    # "documented the death of a detainee who died under torture": one person, told twice in one phrase
    ("The Observatory documented the death of a young man who died under torture in a regime prison in Damascus.", 1),
    ("The monitor documented the death of two detainees who died under torture in a faction prison in Afrin.", 2),
    # "four among them were commanders": a part of the ten told after its number, as "four of them"
    ("Clashes killed ten fighters, and four among them were commanders.", 10),
    # a side's toll beside the other side's losses after "while": both sides' dead
    ("The death toll among the regime forces rose to 11, while the factions lost 5 fighters in the clashes near Kabani.",
     16),
    # "… in the Badia and a man shot dead": the Badia is a place, the man one victim
    ("The Observatory documented the death of 6 people across Syria on Friday: 3 civilians killed by shelling in "
     "Atarib, 2 soldiers killed by ISIS in the Badia and a man shot dead by unknown gunmen in Inkhil.", 6),
])
def test_deaths_b37(text, expected):
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # guards: an elliptical sibling at a place still adds
    ("Shelling killed seven people in Ariha and four in Sarmin.", 11),
    # a clock time is no count
    ("Gunmen killed two farmers near Baquba at 14:30 on Monday.", 2),
    # "the killing of" in an earlier clause ends before another victim's own verb
    ("The killing of a journalist last week sparked protests in Basra, and on Monday a student was shot dead.", 1),
    # two sources' tolls after "while" stay set against each other when the toll names no side
    ("Residents said 20 were killed, while officials put the death toll at 12.", 12),
    # a coordinated subject with no place before it keeps both; a day's toll across a country with one part stays a tally
    ("A woman and her son were killed in Idlib on Sunday.", 2),
    ("At least 40 people were killed across Syria on Monday, 12 of them in Idlib.", 0),
])
def test_deaths_b37_guards(text, expected):
    assert deaths(text) == expected
