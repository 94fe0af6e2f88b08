"""The wounded who died inside a toll, a new death after them, a state force's word on its own strike, documented
months and seasons, a village head (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text

PUBLISHED = date(2024, 3, 8)


def _extract(text, published=PUBLISHED):
    return extract_text(text, published=published)


def _deaths(extraction) -> int:
    return sum(e.fatalities for e in extraction.events)


# "left N dead after M of the wounded died": the M are inside the N
@pytest.mark.parametrize(("text", "deaths"), [
    ("The bombing of the bus station on Friday left nine people dead after three of the injured died in hospital, "
     "officials said.", 9),
    ("The raid on the market killed seven traders after two of the wounded succumbed overnight.", 7),
    # told apart by "and": more dead ("…, and after …" is no reason for the count before)
    ("Gunmen killed four people in the village, and two of the wounded later died in hospital.", 6),
])
def test_wounded_who_died_after_a_toll_are_inside_it(text, deaths):
    assert _deaths(_extract(text)) == deaths


# a new sentence's definite-less victim is no restatement of the wounded who died before it,
# and "by the explosion of a mine" introduces its own incident, not "the incident" just told
@pytest.mark.parametrize(("text", "deaths"), [
    ("The toll of Monday's shelling of the market in Ariha rose to six after two wounded women died. Meanwhile, "
     "a boy was killed today by the explosion of a mine in the town of Sarmin.", 7),
    ("The toll of Sunday's strike on the bakery in Maarat al-Numan has risen to five after one wounded man died. "
     "A shepherd was killed today by the blast of an old shell near Saraqib.", 6),
])
def test_a_new_death_told_after_the_wounded_who_died_adds(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_the_wounded_who_died_in_the_same_sentence_are_still_one():
    # (the rule the first test narrows: "the injured died" right after them, in their own sentence)
    ex = _extract("A policeman wounded in the ambush near Gao on Sunday died in hospital on Monday.")
    assert _deaths(ex) == 1


# a state force named with a possessive, or its air force, acting as the subject, with the
# enemy it killed and its own word after the count, is a party's claim (joins the incident it answers)
@pytest.mark.parametrize("text", [
    "Nigeria's air force bombed a hideout of bandits near Tsafe on Sunday, killing 30 bandits, the defence "
    "headquarters said.",
    "The Tatmadaw's troops raided a rebel base near Kale on Monday, killing 12 terrorists, a military spokesman said.",
])
def test_a_state_forces_word_on_its_own_strike_is_a_party_claim(text):
    ex = _extract(text)
    assert [c.party_claim for c in ex.casualties if c.outcome == "killed"] == [True]


# a month's count "according to data compiled by" a group, and a count since the start of a
# season in a month, are running totals (claims), so no event
@pytest.mark.parametrize(("text", "published"), [
    ("At least 60 civilians were killed in shelling in Idlib in January, according to data compiled by a local "
     "monitoring network.", date(2024, 2, 10)),
    ("Since the start of the harvest season in June, landmines have killed at least 14 farmers in the province, "
     "a rights group said.", date(2024, 7, 20)),
])
def test_documented_months_and_seasons_are_running_totals(text, published):
    ex = _extract(text, published)
    assert _deaths(ex) == 0
    assert all(c.is_tally for c in ex.casualties if c.outcome == "killed")


# a village head ("mukhtar") is a civilian; as the object of a new killing after a soldier's death
# he is not a restatement of the soldier, and with "and his son" two more dead
@pytest.mark.parametrize(("text", "deaths"), [
    ("A sniper shot dead a policeman near Hawija on Monday. Later, gunmen killed the mukhtar of a nearby village and "
     "his brother outside their home.", 3),
    ("Unknown gunmen killed a mukhtar in Tuz Khurmatu on Sunday.", 1),
])
def test_a_village_head_is_a_civilian_victim_of_his_own(text, deaths):
    ex = _extract(text)
    assert _deaths(ex) == deaths
    assert any(c.victims == "civilians" for c in ex.casualties if "mukhtar" in (c.span.text if c.span else ""))


def test_a_second_sources_toll_risen_by_its_wounded_keeps_them_inside():
    # the later source's toll "after N of the injured died" is an update that holds the N
    ex = _extract("Five people died in the shelling of the camp. Medics later put the toll at eight after three of "
                  "the wounded died.")
    assert _deaths(ex) == 8
    three = next(c for c in ex.casualties if c.count == 3)
    eight = next(c for c in ex.casualties if c.count == 8)
    assert three.part_of == eight.id and not eight.alternative_of
