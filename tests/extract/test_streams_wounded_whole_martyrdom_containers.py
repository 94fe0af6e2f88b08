"""Report streams 160-167 (s25, hs29): the wounded a death came from ("one of the two policemen wounded … died"), a
toll told as "the number killed … to two", the Pakistani military's "embraced shahadat", shop trades as civilians,
and a town "in eastern Congo" whose container the gazetteer only knows as a village abroad (written for these
tests)."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text
from tests.extract.deaths import deaths_in

DAY = date(2024, 8, 8)


@pytest.mark.parametrize("text, expected", [
    # the count after "of" is the whole of the wounded, only the one (or two) before it died (before: 3 and 7)
    ("Doctors said one of the two policemen wounded in Monday's attack south of Kirkuk died of his injuries on "
     "Wednesday.", 1),
    ("Two of the five soldiers wounded in the ambush later died in hospital, an officer said.", 2),
    # guard: wounded who then died, with no whole named, are the dead
    ("Three soldiers wounded in the ambush later died in hospital, an officer said.", 3),
    ("Two of the injured later died, raising the toll to six, medics said.", 6),
])
def test_the_wounded_a_death_came_from_are_not_all_dead(text, expected):
    assert deaths_in(text, DAY) == expected


@pytest.mark.parametrize("toll", ["the number killed in the attack", "the death toll"])
def test_the_number_killed_brought_to_a_figure_is_a_toll(toll):
    # "the number killed" without "of …" reads as "the death toll" does (before: no count, one dead)
    text = (f"Doctors said one of the two policemen wounded in Monday's attack died of his injuries on Wednesday, "
            f"bringing {toll} to two.")
    assert deaths_in(text, DAY) == 2
    extraction = extract_text(text, published=DAY)
    assert any(c.rule == "casualties.toll" and c.count == 2 for c in extraction.casualties)


@pytest.mark.parametrize("text, expected", [
    ("Own troops responded and three terrorists were killed, while four soldiers embraced shahadat during the "
     "exchange of fire.", 7),
    ("Two soldiers embraced martyrdom when militants opened fire on a checkpost near Tank on Monday.", 2),
    # guard: embracing anything else is no death
    ("The elders embraced the ceasefire proposal on Monday and no one was hurt.", 0),
])
def test_embraced_shahadat_is_a_death(text, expected):
    assert deaths_in(text, DAY) == expected


@pytest.mark.parametrize("text", [
    "A shopkeeper was killed when a bomb went off in a bazaar in Tank on Sunday, police said.",
    "Two passers-by were killed by stray bullets in the market on Sunday, police said.",
])
def test_shop_trades_and_passers_by_are_civilians(text):
    extraction = extract_text(text, published=DAY)
    assert [c.victims for c in extraction.casualties if c.outcome == "killed"] == ["civilians"]


@pytest.mark.parametrize("text, admin1", [
    # "Congo" alone is no country name in the index; its namesake village in Mexico neither contains Mangina nor
    # is the scene (before: the event was coded to El Congo, Tabasco)
    ("The toll from Tuesday's attack near Mangina in eastern Congo has risen to 12, a local administrator said.",
     "Nord Kivu"),
    ("Rebels killed 12 villagers in Mangina in Congo on Tuesday.", "Nord Kivu"),
    # guard: a container in the town's own country still places it
    ("Gunmen killed four men at a bar in Celaya in Guanajuato on Saturday.", "Guanajuato"),
])
def test_a_village_abroad_is_no_container(text, admin1):
    events = extract_text(text, published=date(2024, 11, 14)).events
    assert events and events[0].admin1 == admin1


@pytest.mark.parametrize("text, sub_event", [
    # Syria's Air Force Intelligence is an agency, not aircraft (before: an air strike)
    ("Gunmen opened fire on a checkpoint of the Air Force Intelligence near Talbiseh on Monday night, killing two of "
     "its members.", "Armed clash"),
    # guard: the air force that strikes
    ("The air force struck rebel positions near Talbiseh on Monday, killing two fighters.", "Air/drone strike"),
])
def test_air_force_intelligence_is_no_air_strike(text, sub_event):
    events = extract_text(text, published=date(2024, 5, 28)).events
    assert [e.sub_event_type for e in events] == [sub_event]


@pytest.mark.parametrize("text, events", [
    # the massacre an anniversary marks is long past: no event (before: an Attack with no dead, exported)
    ("On the twelfth anniversary of the Houla massacre, the rights network said that none of those responsible for "
     "the killing of 108 civilians in May 2012 had been held to account.", 0),
    # guards: a march to mark it is a protest, and an attack on those marking it is an attack
    ("Hundreds marched in Idlib on Saturday to mark the anniversary of the Houla massacre.", 1),
    ("Gunmen attacked mourners marking the anniversary of the Houla massacre on Saturday, wounding three.", 1),
])
def test_the_massacre_an_anniversary_marks_is_no_event(text, events):
    assert len(extract_text(text, published=date(2024, 5, 25)).events) == events


def test_victims_of_homicide_in_a_month_are_a_claim():
    extraction = extract_text("The state again led the country in homicides in September, with 291 victims of "
                              "intentional homicide according to preliminary figures.", published=date(2024, 10, 3))
    assert [(c.count, c.is_tally) for c in extraction.casualties] == [(291, True)]
    assert extraction.events == []
    # guards: homicide victims of one weekend count; ", with" after a day's incident scopes nothing
    assert deaths_in("Police said 14 homicide victims were recorded in the city over the weekend.", DAY) == 14
    assert deaths_in("Fighting flared in the town on Monday, with four people killed.", DAY) == 4


@pytest.mark.parametrize("text, actor", [
    # the office a report quotes is no party to the bombing (before: Police Forces of Syria, so the army's own
    # report of the blast shared no actor with it)
    ("An explosive device targeted a military vehicle near Jasim yesterday, killing one soldier, a source in the "
     "Daraa police command said.", "Unidentified Armed Group (Syria)"),
    # guard: police who act are still the actor
    ("Police killed two gunmen in a shootout near Jasim on Monday, the provincial police command said.",
     "Police Forces of Syria"),
])
def test_a_quoted_command_is_no_actor(text, actor):
    events = extract_text(text, published=date(2024, 3, 14)).events
    assert events and events[0].actor1 == actor
