"""Report streams (s23): victims named by the animals they trade or herd, a week named by its first and last
day in one month, and a toll that names the day of the incident its dead were killed in after the count
(written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text
from tests.extract.deaths import deaths_in


@pytest.mark.parametrize("text, expected", [
    # an animal word before a trade's noun names the people, not a count of animals
    ("Gunmen shot dead two livestock traders at the cattle market in Galkayo on Tuesday, witnesses said.", 2),
    ("Three camel herders were killed when bandits raided their camp near Wajir on Sunday.", 3),
    ("Militiamen killed four cattle rustlers in a village in Jonglei state on Friday.", 4),
    # guards: the animals themselves are still no people
    ("Bandits stole 200 cattle and killed three herders near Dogondaji on Monday.", 3),
    ("Raiders drove off 40 sheep and 12 camels in the attack, but nobody was hurt.", 0),
    # an office holder ACLED counts as a civilian
])
def test_trade_nouns(text, expected):
    assert deaths_in(text, date(2024, 3, 12)) == expected


def test_community_board_president_is_a_civilian():
    extraction = extract_text("The president of a neighbourhood council was shot dead at his home in Jamundi on "
                              "Tuesday night, the ombudsman said.", published=date(2024, 5, 8))
    assert [c.victims for c in extraction.casualties if c.outcome == "killed"] == ["civilians"]


@pytest.mark.parametrize("text", [
    "During the week of 5 to 11 August, the tracker recorded the killing of at least 31 civilians in Lubero territory.",
    "Between 12 and 18 May, monitors documented 44 civilian deaths in the province.",
    "From 1 to 7 March, at least 19 people were killed in attacks across the region, the group said.",
])
def test_day_range_is_a_period(text):
    extraction = extract_text(text, published=date(2024, 8, 20))
    killed = [c for c in extraction.casualties if c.outcome == "killed"]
    assert killed and all(c.is_tally for c in killed)
    assert not extraction.events  # a week's total is a claim, no incident


@pytest.mark.parametrize("text, expected", [
    # a range of people, not days, stays a count
    ("Between five and seven people were killed when gunmen attacked a bus near Kaduna on 9 June.", 5),
    ("Gunmen killed 5 to 7 villagers in Kauru on Sunday, residents said.", 5),
    # a word that begins like a month is no month
    ("Troops killed between 20 and 30 separatists in the hills near Kauru on Sunday.", 20),
    ("Gunmen shot between 10 and 15 market traders dead in Kauru on Sunday, residents said.", 10),
    # the bounds of an uncertain day in brackets are no period: the count is the incident's
    # (with the year, as a coder's note gives it: without the bracket rule this read as a period, 0 dead)
    ("Around 5 April 2022 (between 2 - 9 April), in Kauru district, Kaduna, two herders were killed and their "
     "bodies were found.", 2),
])
def test_range_of_people_still_counts(text, expected):
    assert deaths_in(text, date(2024, 6, 10)) == expected


def test_count_names_its_incident_day_after_it():
    extraction = extract_text(
        "Two more bodies were found in the bush near the village on Wednesday, raising to nine the number of people "
        "killed in Monday's attack, a local official said.", published=date(2024, 4, 25))
    assert [e.event_date for e in extraction.events] == [date(2024, 4, 22)]


def test_other_day_after_count_keeps_its_own():
    # guard: a possessive day that is not the count's own incident ("two days after Monday's strike") dates nothing
    extraction = extract_text("Three people were killed on Wednesday in Kharkiv, two days after Monday's strike on "
                              "the city.", published=date(2024, 4, 25))
    assert [e.event_date for e in extraction.events] == [date(2024, 4, 24)]
