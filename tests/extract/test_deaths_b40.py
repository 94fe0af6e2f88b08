"""Deaths counted once in short news descriptions: companions killed "along with" an object, "N of them and" more
people, a bare ordinal that numbers bombs not victims, an attacker killed after his victims ("before police shot him
dead", "before being shot dead"), an anniversary's background toll, each side's word on its own losses, a state
force's next-sentence word on the same enemy dead, and a roundup's per-place counts in brackets (written for these
tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str) -> int:
    return deaths_in(text, date(2025, 5, 12))


@pytest.mark.parametrize("text, expected", [
    # companions after "along with"/"together with" an active verb's victim are more dead
    ("An air strike on a house in Rafah killed a Hamas field commander along with his two sons and a neighbour, "
     "medics said.", 4),
    ("Gunmen in Kandahar killed a district police chief together with three of his bodyguards on Sunday.", 4),
    # "N of them and …": the share of the group, then one more person
    ("Gunmen ambushed a minibus carrying nine miners near Kalat on Friday, killing six of them and the driver, "
     "officials said.", 7),
    # "the second" numbers the bombs, not a victim
    ("Two explosions hit a market in Bossaso on Friday: the first killed three porters and the second killed five "
     "more, police said.", 8),
    # the attacker killed after his victims, in one sentence
    ("A gunman killed three guests at a wedding in Kunduz on Saturday before security guards shot him dead, "
     "police said.", 4),
    ("A militant wearing a suicide vest shot dead two policemen at a checkpoint in Bannu before being killed by "
     "return fire, officials said.", 3),
    # an anniversary names a past attack's toll: no death of this report
    ("Families gathered in Mubi on Sunday to mark two years since the bombing in which 40 worshippers were killed.", 0),
    # each side's word on its own dead: both sides' losses
    ("Both sides reported dead after a clash near Hpakant on Tuesday: the army said it lost five soldiers, while "
     "the rebels said three of their fighters died.", 8),
    # a state force's word in the next sentence on as many of the enemy: the same dead
    ("A drone strike hit a car near Mir Ali on Friday, killing three members of a militant group, local officials "
     "said. Pakistan's military said three terrorists had been neutralised.", 3),
    # a roundup's counts in brackets after each place
    ("Russian shelling killed civilians in the Kherson (three) and Zaporizhzhia (two) regions on Monday, officials "
     "said.", 5),
])
def test_each_death_once(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "him" in a later sentence may be one of the dead counted before
    ("Gunmen killed three people in Celaya on Sunday. One of the victims, a teacher, was dragged from his car "
     "before they shot him dead.", 3),
    # an arrest after "before being" is no death
    ("A man stabbed two people at a market in Kirkuk on Friday before being arrested by police.", 0),
    # one bracket is an aside, not a list of places
    ("Shelling killed two civilians in Kharkiv (Ukraine's second city) on Monday, the governor said.", 2),
    # cattle killed along with people are no dead
    ("Herders killed two farmers along with 30 of their cattle near Agatu on Sunday, residents said.", 2),
    # a year since the war began: the day's incident still counts
    ("A year since the war began, an air strike killed five people in Idlib on Tuesday, rescuers said.", 5),
    # two sources on the same side's dead: the lower counts
    ("Fighting broke out near Kalaw on Monday; the army said 10 soldiers were killed, while the rebels said 14 "
     "soldiers died.", 10),
    # "three more" terrorists told by the army are more dead
    ("Troops killed three militants near Dikwa on Monday, residents said. The army said three more terrorists were "
     "neutralised in Gwoza.", 6),
])
def test_guards(text: str, expected: int) -> None:
    assert deaths(text) == expected
