"""Deaths counted once in short news descriptions (batch 49): dead and wounded told as one count ("killed or
wounded 14"), a number word echoed in digits ("Twenty-one (21) persons"), a pair shot dead ("shot both attackers
dead"), one more dead numbered after a fronted time ("The next day a third man … died"), the dead told by kind
("The dead include five soldiers and a police officer") and a toll that names the attacker among its dead ("four
people dead, including the gunman"); guards where the same words add no one (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str) -> int:
    return deaths_in(text, date(2025, 6, 20))


@pytest.mark.parametrize("text, expected", [
    # "killed or wounded N": nobody's death is known from it; the attackers are no dead subject
    ("Militants killed or wounded 22 villagers in a night raid on a hamlet near Djibo, a local official said.", 0),
    ("The mine blast killed or injured 11 soldiers on the road to Boni on Monday, sources said.", 0),
    ("The mine blast killed or injured 11 soldiers on the road to Boni on Monday. Four of them died, an officer said.", 4),
])
def test_killed_or_wounded_is_no_count_of_the_dead(text: str, expected: int) -> None:
    assert deaths(text) == expected


def test_a_subject_killed_alone_is_still_one_dead() -> None:
    # guard: a reduced passive headline still counts its one dead
    assert deaths("Journalist killed in Mogadishu blast") == 1


@pytest.mark.parametrize("text, expected", [
    ("Fourteen (14) persons were killed when gunmen attacked Dogo community in Plateau State on Sunday, "
     "police said.", 14),
    ("Gunmen killed 9 (nine) farmers in Guma on Saturday, the state government said.", 9),
])
def test_a_number_repeated_in_brackets_is_one_count(text: str, expected: int) -> None:
    assert deaths(text) == expected


def test_a_bracketed_other_number_is_not_echo() -> None:
    # guard: a different figure in brackets is no repeat of the first
    assert deaths("Seven people were killed in the attack on Bassa (12 according to residents), police said.") == 7


@pytest.mark.parametrize("text, expected", [
    ("Two gunmen killed a shopkeeper in Karachi on Sunday before police shot both attackers dead, officials said.", 3),
    ("Soldiers shot both suspects dead at a checkpoint near Maiduguri on Friday.", 2),
])
def test_both_shot_dead_is_two(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen shot dead two farmers near Gao on Friday. The next day a third man, a herder who had been wounded in "
     "the attack, died in hospital, relatives said.", 3),
    ("A bomb killed two soldiers near Kidal on Monday. Hours later, a third soldier died of his wounds.", 3),
])
def test_a_numbered_dead_after_a_fronted_time_states_the_new_toll(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The dead include four soldiers and a gendarme, the army said after militants struck a post near Arbinda "
     "on Saturday.", 5),
    ("Those killed included three teachers and a guard, the governor said after gunmen stormed a school in Lamu.", 4),
    # guard: after a total the list is its breakdown, not more dead
    ("Jihadists killed seven people near Tera on Sunday. The dead included six soldiers and a police officer.", 7),
    # guard: "the victims" may be the wounded
    ("A grenade wounded five people in Bujumbura. The victims included two children and a woman.", 0),
])
def test_the_dead_told_by_kind(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("A man opened fire in a bar in Cape Town on Saturday, killing two patrons, before shooting himself. The shooting "
     "left three people dead, including the gunman, police said.", 3),
    ("A man opened fire in a bar in Cape Town on Saturday, killing two patrons. The shooting left three people dead, "
     "including the gunman, police said.", 3),
])
def test_a_toll_including_the_gunman_tells_his_victims_and_him(text: str, expected: int) -> None:
    assert deaths(text) == expected


def test_a_toll_including_the_gunman_as_the_only_count() -> None:
    # guard: told only once, the toll counts as it stands
    assert deaths("Five people, including the gunman, were killed in a shooting at a wedding in Peshawar.") == 5


@pytest.mark.parametrize("text, expected", [
    # the pluperfect passive of a singular subject is one dead, as "was shot dead" is
    ("Police said a farmer had been shot dead by suspected militants near Moirang on Tuesday.", 1),
    ("A shopkeeper had been killed in the market of Gao before the soldiers arrived, residents said.", 1),
    # guard: the active pluperfect's subject is the killer, not a victim
    ("A gunman had killed a farmer near Moirang on Tuesday, police said.", 1),
])
def test_pluperfect_passive_of_one(text: str, expected: int) -> None:
    assert deaths(text) == expected
