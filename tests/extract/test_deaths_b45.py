"""Deaths counted once in wire news descriptions (batch 45): an attacker who turns the weapon on himself after his
victims ("before turning the gun on himself", a headline's "turns gun on himself"), an attacker told by a subject
pronoun after the victims of his own sentence ("killing four soldiers before he was shot dead"), and the body of one
more victim numbered in turn ("the body of a second victim"); guards where the same words tell no death, the same
person or one of the dead already counted (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str) -> int:
    return deaths_in(text, date(2025, 8, 10))


@pytest.mark.parametrize("text, expected", [
    # the shooter's own death, told with the weapon turned on himself in any tense
    ("A police officer shot dead two colleagues at a station in Lahore before turning his pistol on himself, "
     "officials said.", 3),
    ("Soldier kills four comrades, turns gun on himself", 5),
    ("A guard opened fire on fellow guards at an oil field near Kirkuk on Sunday, killing three, then turned the "
     "rifle on himself.", 4),
])
def test_a_weapon_turned_on_himself_is_one_more_dead(text: str, expected: int) -> None:
    assert deaths(text) == expected


def test_a_weapon_turned_on_others_kills_no_one_more() -> None:
    # guard: turned on the guards, who were wounded, not killed
    assert deaths("A gunman killed two worshippers in Kano and turned his rifle on the guards, wounding one, "
                  "police said.") == 2


@pytest.mark.parametrize("text, expected", [
    # "he"/"she" after "before" is the sentence's attacker, not one of the victims it counted
    ("An assailant stabbed three passers-by to death in the market in Kandahar before he was shot dead by police.", 4),
    ("A militant threw a grenade into a crowd in Mogadishu, killing two people, before she was killed by guards.", 3),
])
def test_the_attacker_told_by_a_pronoun_after_his_victims_adds(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # guards: "he" in a later sentence, or after "one of whom", is one of the dead already counted
    ("Gunmen killed a shopkeeper in Kano on Monday. He was shot dead as he closed his store.", 1),
    ("Gunmen killed two brothers in Tame on Sunday, one of whom was a police officer; he was shot dead at his door.", 2),
])
def test_a_pronoun_that_is_one_of_the_dead_adds_no_one(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "a second/third victim" whose body is found later is one more of the dead
    ("A mortar bomb killed a boy in Ariha on Saturday. Civil defence workers recovered the body of a second victim "
     "on Sunday.", 2),
    ("Shelling killed two farmers in Kafr Nabl on Friday. Rescuers found the body of a third victim under the "
     "rubble.", 3),
])
def test_the_body_of_one_more_numbered_victim_adds(text: str, expected: int) -> None:
    assert deaths(text) == expected


def test_the_body_of_the_numbered_victim_already_counted_adds_no_one() -> None:
    # guard: "the second victim" is one of the two already counted
    assert deaths("Shelling killed two farmers in Kafr Nabl on Friday. Rescuers found the body of the second victim "
                  "under the rubble on Saturday.") == 2
