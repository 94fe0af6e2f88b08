"""Report streams (s23, hs24): a correction told as "N, not M as first reported", a toll revised down that names
"the number of people killed", people listed as dead who were alive, a noun count whose adjective names the dead,
and several incidents as the subject of a month's count (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.counting import is_toll_revised_down, is_toll_update
from marsad.extract import extract_text
from tests.extract.deaths import deaths_in


@pytest.mark.parametrize("text, expected", [
    # the figure a correction replaces is no second subject (before: none counted, "not nine" negated the clause)
    ("The provincial governor said on Thursday that five villagers, not eight as first reported, were killed in "
     "Tuesday's raid on Gwoza.", 5),
    ("Police said 12 people, not 15, died when the bus was ambushed near Garissa on Sunday.", 12),
    # a toll revised down through "the number of people killed"
    ("Police on Monday revised the number of people killed in Sunday's shooting in Culiacan down to six.", 6),
    # people listed as dead who were alive were never dead
    ("Officials revised the toll down to three, saying one of the women first reported dead had survived.", 3),
    ("Officials lowered the death toll to four, saying a man listed among the dead was alive in hospital.", 4),
    # guards: a plain "not" before a count is still a negation; the dead who died stay dead
    ("No civilians were killed in the strike on the depot, not one, the army said.", 0),
    ("Two men first reported wounded had died of their injuries by Monday evening, raising the toll to seven.", 7),
])
def test_corrections(text, expected):
    assert deaths_in(text, date(2024, 9, 9)) == expected


def test_revised_down_and_toll_update_phrases():
    assert is_toll_revised_down("police revised the number of people killed in Saturday's violence down to four")
    assert is_toll_revised_down("officials revised the number of dead from the attack down to 12")
    assert not is_toll_revised_down("the number of people killed rose to 9")
    # a toll update whose noun phrase runs long before its verb
    assert is_toll_update("The death toll from fighting that erupted in the Libyan capital Tripoli on Monday night "
                          "between two armed factions has risen to 55, the centre said")


def test_noun_count_adjective_names_the_dead():
    extraction = extract_text("The monitoring project recorded 23 civilian deaths in Hodeidah governorate in April.",
                              published=date(2024, 5, 10))
    assert [(c.count, c.victims) for c in extraction.casualties] == [(23, "civilians")]
    # guard: no adjective, no victims
    extraction = extract_text("Officials reported 12 deaths after the strike on Monday.", published=date(2024, 5, 10))
    assert [(c.count, c.victims) for c in extraction.casualties] == [(12, None)]


@pytest.mark.parametrize("text, tally", [
    # several incidents as the subject of a whole month's count: a total over the month
    ("Bandit attacks killed at least 88 people in Katsina State in May, a rights group said.", True),
    ("Air strikes killed 40 civilians in Idlib in March, according to local medics.", True),
    # guards: one incident's killers, a day's attacks
    ("In March 2019, gunmen killed 3 people in the village of Koro.", False),
    ("Attacks killed three people in Kano on Monday.", False),
])
def test_several_incidents_over_a_month_are_a_total(text, tally):
    extraction = extract_text(text, published=date(2024, 6, 3))
    assert [c.is_tally for c in extraction.casualties] == [tally]
    assert (not extraction.events) == tally
