"""Report streams (s24, hs26): a force's weekly figures, "neutralised N and arrested M … across the country in the
past week", where the second count's verb stands between the two counts (written for these tests, in our own
words). Both counts share the scope the words after the second give, as "were killed and 856 injured" does.
The guards check that a day's raid and an attack's abductions stay one incident's counts."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text
from tests.extract.deaths import deaths_in


def _killed_is_tally(text: str) -> bool:
    extraction = extract_text(text, published=date(2024, 7, 12))
    killed = [c for c in extraction.casualties if c.outcome == "killed"]
    return killed[0].is_tally


@pytest.mark.parametrize("text, tally", [
    # the week across the country, told after the arrests: a sum of operations for both counts (before: the
    # killed count alone stayed an incident of 52 dead)
    ("Troops neutralised 52 insurgents and arrested 80 suspects in operations across the country in the past "
     "week, the army spokesman said.", True),
    ("Security forces killed 14 gunmen and detained 60 suspects across Nigeria over the past week, a police "
     "spokesman said on Friday.", True),
    # guards: one day's raid in a state, an attack's abductions, and killings told before arrests in a clause
    # of their own stay incidents
    ("Soldiers killed 12 militants and arrested 30 suspects in raids across Borno state on Tuesday.", False),
    ("Gunmen killed five villagers and abducted 20 others in Zamfara on Sunday, police said.", False),
    ("Troops killed three gunmen in Damboa on Sunday, while police arrested 40 suspects across the country in "
     "the past week.", False),
])
def test_coordinated_counts_share_the_week(text, tally):
    assert _killed_is_tally(text) is tally


def test_the_weekly_sum_adds_no_dead():
    text = ("Troops repelled an attack on their base in Damboa on Sunday, killing six of the attackers. Troops "
            "neutralised 40 terrorists and arrested 75 suspects across the country in the past week, the army said.")
    assert deaths_in(text, date(2024, 7, 12)) == 6


def _event_deaths(text: str) -> list[int]:
    return [e.fatalities for e in extract_text(text, published=date(2024, 6, 12)).events]


@pytest.mark.parametrize("text, expected", [
    # a bulletin's items headed by their place, each with its own toll: one incident each, though the first
    # item's road names the second's town (before: the driver joined the ambush, one event of 3)
    ("Incidents recorded on Tuesday 11 June. Butembo-Lubero road: two soldiers killed when militiamen ambushed "
     "their vehicle. Lubero: a motorcycle-taxi driver shot dead by unknown gunmen in the town centre.", [2, 1]),
    # guards: an item with no toll of its own after its heading stays with the incident; a heading after a lead
    # with no count is that lead's incident
    ("Incidents recorded on Tuesday 11 June. Butembo-Lubero road: two soldiers killed when militiamen ambushed "
     "their vehicle. Lubero: the army sent reinforcements to the road after the ambush.", [2]),
    ("Clashes were reported on Tuesday 11 June around Lubero. Lubero: three militiamen killed when the army "
     "retook the hills.", [3]),
])
def test_headed_items_are_incidents(text, expected):
    assert [n for n in _event_deaths(text) if n] == expected


def test_people_among_them_soldiers_are_no_civilians():
    # (before: the five were taken for civilians beside their two soldiers, and a second report's three civilians
    # and two soldiers then made the incident seven)
    extraction = extract_text("Five people, among them two soldiers, were killed when separatists attacked a checkpoint "
                              "in Bamenda on Saturday night, a military source said.", published=date(2024, 5, 20))
    total = next(c for c in extraction.casualties if c.count == 5)
    soldiers = next(c for c in extraction.casualties if c.count == 2)
    assert soldiers.part_of == total.id and soldiers.victims == "combatants"
    assert total.victims is None
