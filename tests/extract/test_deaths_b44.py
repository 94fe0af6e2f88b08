"""Deaths counted once in monitors' bulletins and situation reports (batch 44): companions told as a share of the
victim's own ("killed along with two of his guards"), "N of them" after the attackers a clause names ("pursued the
attackers and killed five of them"), an opening's vague count of the attackers beside a later count of soldiers, a
group's word on the soldiers it killed beside its own fighters' losses, an attacker numbered in turn ("a second
bomber"), and a source's toll put on one side's deaths ("put militant deaths at nine"); guards where the same words
tell a share of the victims, the same dead or a toll of the same side (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str) -> int:
    return deaths_in(text, date(2025, 8, 10))


@pytest.mark.parametrize("text, expected", [
    # the companions killed with someone, told as a share of his own people: more dead
    ("The district governor was killed along with three of his guards when gunmen ambushed his convoy near Gardez "
     "on Thursday.", 4),
    ("A tribal elder died together with two of his nephews when a mortar round hit his house in Marib on Monday.", 3),
])
def test_along_with_a_share_of_the_victims_own(text: str, expected: int) -> None:
    assert deaths(text) == expected


def test_along_with_a_share_of_things_adds_no_one() -> None:
    # guard: a share of his animals is no person
    assert deaths("A herder was shot dead along with 30 of his cattle near Bor on Sunday, officials said.") == 1


@pytest.mark.parametrize("text, expected", [
    # "them" are the attackers the clause just named, not a share of their victims
    ("Militiamen raided the village of Tche in Djugu on Sunday, killing nine civilians. Soldiers chased the "
     "attackers into the forest and killed four of them, the army said.", 13),
    ("Bandits shot dead six farmers near Maru on Friday. Vigilantes tracked down the bandits, killing two of them.", 8),
])
def test_of_them_after_the_attackers(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # guards: "them" are the victims named before ("passengers"), or "of them" shares out the dead counted before
    ("Gunmen stopped a bus carrying 20 passengers near Kankara on Monday and shot dead seven of them, police said.", 7),
    ("Eleven villagers were killed in the raid on Tche on Sunday, four of them children.", 11),
])
def test_of_them_that_shares_out_the_victims(text: str, expected: int) -> None:
    assert deaths(text) == expected


def test_opening_vague_count_of_attackers_beside_soldiers() -> None:
    text = ("The army said its troops repelled an attack on a base near Tessit on Friday, killing dozens of the "
            "assailants. Two soldiers were killed and five wounded, a military source said.")
    assert deaths(text) == 14


def test_vague_headline_of_the_same_attackers_still_settled_by_the_figure() -> None:
    # guard: a vague headline of militants and the body's figure of militants are the same dead
    assert deaths("Dozens of militants killed in army raid - At least 30 militants were killed in an army raid "
                  "near Gwoza on Sunday, the army said.") == 30


@pytest.mark.parametrize("text, expected", [
    # a group's word on the soldiers it killed, and its own fighters' losses: both sides' dead
    ("The rebels said they overran an army post near Hpakant on Monday, killing nine soldiers. Three rebel fighters "
     "were killed in the assault, the group said.", 12),
])
def test_group_claim_on_soldiers_beside_its_own_losses(text: str, expected: int) -> None:
    assert deaths(text) == expected


def test_group_claim_on_soldiers_beside_the_soldiers_own_toll() -> None:
    # guard: where the report counts the soldiers itself, the group's figure on them is the same dead
    text = ("Insurgents stormed a base in Lower Juba on Friday. The government said four soldiers and 11 militants "
            "died, while the group claimed to have killed 25 soldiers.")
    assert deaths(text) == 15


@pytest.mark.parametrize("text, expected", [
    # an attacker numbered in turn: one more dead, not a toll of two
    ("A suicide bomber blew himself up at the gate of a police station in Bannu on Sunday, killing three officers. "
     "A second bomber was shot dead by guards.", 4),
    ("Police shot dead two gunmen who attacked a church in Kaduna on Sunday. A third gunman was killed later.", 3),
])
def test_attacker_numbered_in_turn(text: str, expected: int) -> None:
    assert deaths(text) == expected


def test_ordinal_victim_still_states_the_new_toll() -> None:
    # guard: a third soldier among two already counted: the toll is now three
    assert deaths("Two soldiers were killed when a bomb hit their patrol near Rutba on Sunday. A third soldier "
                  "wounded in the blast died in hospital.") == 3


@pytest.mark.parametrize("text, expected", [
    # a source's toll on one side's deaths, beside the other side's count: other dead
    ("Fighting broke out near Jowhar on Monday; the army reported two soldiers killed, while elders put militant "
     "deaths at seven.", 9),
    ("Local sources put rebel deaths at five after the clash near Kiwanja on Tuesday.", 5),
])
def test_toll_put_on_one_sides_deaths(text: str, expected: int) -> None:
    assert deaths(text) == expected


def test_toll_put_on_the_same_dead_is_set_against_them() -> None:
    # guard: another source's lower toll on the same civilians: the lower counts
    assert deaths("Soldiers killed 12 civilians in a raid on a village near Sabiid on Sunday, residents said. The "
                  "army put civilian deaths at four.") == 4
