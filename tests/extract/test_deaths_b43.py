"""Deaths counted once in short news descriptions (batch 43): a subject's relative clause with an infinitive ("who
tried to flee were shot dead"), a comma list of single people before the last of a subject ("A teacher, a nurse and
a driver"), and a count whose victims belong to a long capitalised name ("six members of the Volunteers for the
Defence of the Homeland"); guards where the same words are a threat, a place or a second group (written for these
tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str) -> int:
    return deaths_in(text, date(2025, 8, 10))


@pytest.mark.parametrize("text, expected", [
    # a relative clause with an infinitive between the count and its passive: the count's own verb
    ("Bandits stopped a lorry near Gusau on Monday. Three traders who tried to flee were shot dead, police said.", 3),
    ("Four detainees who attempted to escape from the prison in Goma were killed by guards on Friday.", 4),
])
def test_relative_infinitive_before_passive(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # guards: the infinitive itself is the killing that was only tried, threatened or planned
    ("Militants tried to kill the district governor in an ambush near Jalalabad on Sunday, but he escaped unhurt.", 0),
    ("The gang threatened to kill the hostages unless a ransom was paid, relatives said.", 0),
])
def test_infinitive_killing_not_reported(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # single people listed with commas before the last conjuncts of one subject: each one counts
    ("A trader, a nurse and a teacher were killed when a mortar round landed in the market of Bakool's "
     "Hudur on Wednesday.", 3),
    ("An elderly man, his daughter and her three children were killed when a shell hit their home in Kostiantynivka "
     "on Tuesday, officials said.", 5),
    ("Police said a farmer, a herder and a trader died in the attack on the village near Bokkos.", 3),
])
def test_comma_list_of_single_people(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # guards: a place or a time before the comma is no victim; people the list's first count itemises are no more
    ("Near the house of a local chief, a soldier and a policeman were killed by a roadside bomb on Monday.", 2),
    ("On Thursday evening, a driver and a passenger died when their car hit a landmine near Kidal.", 2),
    ("A day later, a nurse and a guard were shot dead at the clinic in Kajuru, residents said.", 2),
    ("Two people, a woman and her son, were killed when a drone hit their car near Nikopol.", 2),
])
def test_comma_list_guards(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the count's victims belong to a long capitalised name: the name is one word of the subject
    ("Separately, six members of the Volunteers for the Defence of the Homeland died when their vehicle hit a mine "
     "near Arbinda.", 6),
    ("Seven fighters of the Democratic Forces for the Liberation of Rwanda were killed in clashes in Rutshuru on "
     "Saturday.", 7),
    # guard: a second group named after the first, in capitals, is no one more
    ("Four fighters of the Syrian Democratic Forces and the Manbij Military Council were killed in shelling near "
     "Deir Hafer on Monday.", 4),
])
def test_count_of_members_of_a_named_group(text: str, expected: int) -> None:
    assert deaths(text) == expected
