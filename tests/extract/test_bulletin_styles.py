"""Monitors' daily bulletins, humanitarian flash updates and translated agency copy:
each death counted once, running totals since a date kept apart from the day's dead."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.counting import total
from marsad.extract import extract_text
from marsad.extract.event_types import classify_event

PUBLISHED = date(2024, 3, 8)


def _deaths(text: str) -> int:
    extraction = extract_text(text, published=PUBLISHED)
    events = sum(e.fatalities for e in extraction.events)
    assert events == total(extraction.casualties)
    return events


@pytest.mark.parametrize(("text", "deaths"), [
    # a running total since the start of the month, told after the day's incidents
    ("The network counted five deaths in Homs province on Monday: three farmers killed by a mine near Talbiseh and two "
     "men shot dead in Rastan. It has recorded 57 deaths in the province since the start of the month.", 5),
    # since the start of an escalation, dated: a running total before the day's news
    ("Since the start of the hostilities on 2 November, more than 300 people have been killed in the district, the "
     "health office said. On Wednesday, a shell killed two women in the market of Kadugli.", 2),
    ("Since the start of the escalation on 14 January, at least 61 civilians have been killed in the governorate. "
     "On Tuesday, a drone strike on a car killed three people near Marib.", 3),
    # an interval between two months: a running total
    ("A rights group documented 40 killings by soldiers between August and December. On Monday, soldiers shot dead "
     "two farmers near Kidal.", 2),
    # an interval between two stated days, weeks long: a running total; the day before it is the day's
    ("Between 12 December and 6 March, at least 1,900 people were killed in the region, according to the ministry. "
     "Gunmen killed four traders on the Bunia road on Wednesday.", 4),
])
def test_running_totals_in_bulletins_and_flash_updates_are_not_the_day_s_dead(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # across a province, then place by place with each item's cause and an aside: the report's own incidents
    ("The monitor documented on Monday the death of eight civilians across Hama province: three in Kafr Zita, among "
     "them a girl, killed by artillery; two in Morek by a drone; and the rest in Latamna by a landmine.", 8),
    ("Insurgents killed eleven villagers in Cabo Delgado on Sunday: six in Mocimboa, including two women who could "
     "not run, and five in Macomia.", 11),
    # the same across-province toll with no breakdown is still a region's sum, not an incident
    ("Attacks killed seven civilians across Zaporizhzhia region on Monday, the governor said.", 0),
    # "among them" a list whose items have their own verbs: each item is a part of the total
    ("The monitor recorded ten deaths in Raqqa on Friday, among them four women killed by a drone near Tabqa and "
     "three fighters killed in clashes; the others were farmers.", 10),
])
def test_a_province_s_day_told_place_by_place_counts_each_place(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # "neutralising N of them": the people the sentence named before
    ("Fighter jets struck a convoy of terrorist elements near Menaka, neutralising about twenty of them, the army said.", 20),
    # drones are no people
    ("Air defences engaged four drones over the base, neutralising three of them.", 0),
    # "the loss of" soldiers is their death; of vehicles, none
    ("The general staff regrets the loss of three soldiers in an ambush near Boni on Tuesday.", 3),
    ("The convoy suffered the loss of two vehicles in the ambush, but no one was hurt.", 0),
    # a lead with air strikes is no protest report, though the militants "gathered"
    ("Air strikes hit militants gathered near Ansongo, neutralising nine of them, the army said in a communique. The "
     "army regrets the loss of one soldier the same day.", 10),
    # "ascended to martyrdom"
    ("Three soldiers ascended to martyrdom when their vehicle hit a mine near Palmyra, a military source said.", 3),
    # a count of murders or killings is the day's dead; "homicide investigations" count no one
    ("Police reported six murders in the city on Sunday night.", 6),
    ("Prosecutors have opened 90 homicide investigations this year.", 0),
])
def test_translated_agency_words(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "expected"), [
    ("About 200 teachers gathered outside the ministry to demand their salaries; the crowd dispersed peacefully at noon.",
     "Peaceful protest"),
    ("Gunmen ambushed an aid convoy near Kaga-Bandoro, killing one of its drivers.", "Attack"),
    ("Jihadists ambushed a military convoy near Ansongo, killing two soldiers.", "Armed clash"),
    ("Bandits raided the village overnight and carried away 14 villagers, most of them children.",
     "Abduction/forced disappearance"),
    ("Soldiers raided a hideout containing 40 homemade bombs in the Bouira forest.", "Disrupted weapons use"),
    ("Troops uncovered a depot with hundreds of mines and rockets near the border.", "Disrupted weapons use"),
    ("Army units restored security and stability to the towns of Tal Rifaat and Maskan after fierce battles.",
     "Government regains territory"),
    ("Settlers cut down 30 olive trees and set fire to a tractor near Burin.", "Looting/property destruction"),
])
def test_bulletin_and_agency_event_types(text, expected):
    events = extract_text(text, published=PUBLISHED).events
    assert events and events[0].sub_event_type == expected


def test_a_demonstrator_killed_by_a_live_bullet_is_excessive_force():
    text = "A marcher was hit by a live bullet in the chest as police confronted the march towards parliament."
    assert classify_event(text).sub_event_type == "Excessive force against protesters"


def test_national_armies_under_their_acronyms_are_the_state_s():
    events = extract_text("The FAMa retook control of the town of Lere after heavy fighting with jihadists.",
                          published=PUBLISHED).events
    assert events and events[0].sub_event_type == "Government regains territory"
    assert events[0].actor1.startswith("Military Forces")
