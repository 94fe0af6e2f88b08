"""Report streams (s25, hs28): a toll "of" an incident revised down to a figure, a source correcting a figure ("three
soldiers, not four"), a noun count whose modifiers are joined by "and", and a side's own losses told as "lost N of
their own" (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.counting import is_toll_revised_down
from marsad.extract import extract_text
from tests.extract.deaths import deaths_in


@pytest.mark.parametrize("text, expected", [
    # the toll of a named incident revised down to a figure (before: no count at all, the toll's noun was not read)
    ("The doctors' union revised the toll of Friday's drone strike on the Kosti clinic down to seven, saying two of "
     "the victims had been listed twice.", 7),
    ("Health officials revised the toll from Sunday's shelling of the market downwards to 14.", 14),
    # guards: a toll of an incident that rose, and one whose figure is not a toll revised down
    ("The toll of Saturday's car bombing in Baidoa has risen to 12, police said.", 12),
    ("The toll of the flood damage came down to roads and bridges, the governor said.", 0),
])
def test_toll_of_an_incident_revised_down(text, expected):
    assert deaths_in(text, date(2024, 10, 7)) == expected


@pytest.mark.parametrize("text, corrected", [
    # a source's correction replaces the figures before it, as a toll revised down does
    ("The army corrected its earlier figure on Wednesday, saying five soldiers were killed in the ambush.", True),
    ("The interior ministry corrected initial reports, saying two policemen, not three, died in the blast.", True),
    ("Police said 9 people, not 11, were killed when gunmen opened fire on the bus.", True),
    # guards: a "not" that sets no figure against another, and a correction of no figure
    ("Four soldiers were killed, not in Monday's ambush but in a raid the next day.", False),
    ("Three civilians were killed in the shelling; not one soldier was hurt.", False),
    ("The death toll rose to 11 on Tuesday, the governor said.", False),
])
def test_a_correction_replaces_the_figures_before_it(text, corrected):
    assert is_toll_revised_down(text) is corrected


def test_noun_count_with_modifiers_joined_by_and():
    extraction = extract_text("The monitoring group recorded 41 civilian and police deaths from violence across Diyala "
                              "province in March 2024.", published=date(2024, 4, 3))
    assert [(c.count, c.is_tally) for c in extraction.casualties] == [(41, True)]
    # guard: the noun after "and" belongs to the second number, not the first
    assert deaths_in("Doctors in Baquba reported six injuries and two deaths after the bombing on Monday.",
                     date(2024, 4, 3)) == 2
    # guard: "and" that opens another verb's phrase joins no modifiers ("… and set their bodies on fire")
    assert deaths_in("A column of 80 soldiers shot dead three herders and set their bodies alight near Gao.",
                     date(2024, 4, 3)) == 3


@pytest.mark.parametrize("text, victims", [
    # the side that lost its own people is the clause's subject, or the sentence's when the clause leaves it out
    ("ISWAP fighters stormed an army post near Dikwa on Friday, killing three soldiers, but lost eleven of their own "
     "men in the fighting, a security source said.", ["combatants", "combatants"]),
    ("Villagers in Mafa fought off the raiders on Sunday but lost four of their own.", ["civilians"]),
    ("Troops repelled the raid near Dikwa and the jihadists lost six of their own fighters, residents said.",
     ["combatants"]),
])
def test_own_losses_are_the_losing_side(text, victims):
    extraction = extract_text(text, published=date(2024, 9, 9))
    assert [c.victims for c in extraction.casualties if c.outcome == "killed"] == victims


def test_lost_things_of_their_own_are_no_dead():
    # guard: "of their own vehicles" names things
    assert deaths_in("The militants lost two of their own vehicles when troops shelled their camp near Dikwa on "
                     "Friday.", date(2024, 9, 9)) == 0
