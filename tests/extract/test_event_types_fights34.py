"""Event typing of fights told in other words: an "encounter" with the forces, militants "neutralised" beside hostages
freed, a state's strike in a headline's present tense, a border clash between two armies, a raid whose troops met
fire, rival gangs in a jail riot, and a speaker named after the people attacked: the fix cases failed before.

Written for marsad in our own words; the guards after them check that the new readings do not reach too far.
"""

from __future__ import annotations

import pytest

from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an "encounter" (South Asian usage) is a gunfight with the forces: both sides armed
        ("Three militants were killed in an encounter with police in Kupwara district on Saturday.", "Armed clash"),
        ("Two men wanted for extortion were killed in an encounter with police in Nagaon district on Saturday night.",
         "Armed clash"),
        ("A Naxal commander was killed in a fierce encounter with DRG personnel in the forests of Bijapur on Sunday.",
         "Armed clash"),
        # "neutralised" is killed: hostages freed beside it make no bare abduction
        ("Soldiers neutralise five bandits, rescue 12 kidnapped passengers in Zamfara", "Armed clash"),
        ("Troops neutralised three bandits and rescued two abducted farmers in Kaduna state on Sunday.", "Armed clash"),
        # (the rules say so; the shipped model still gives "freed … abducted" an abduction at 0.8 or more)
        pytest.param("Troops neutralised three kidnappers and freed two abducted farmers in Kaduna state on Sunday.",
                     "Armed clash", marks=pytest.mark.xfail(reason="shipped model overrules the rules' clash")),
        # a state's strike in a headline's present tense flies from the air
        ("Israeli strike kills three in Gaza's Khan Younis", "Air/drone strike"),
        ("Turkish strike targets PKK commander's car in northern Iraq", "Air/drone strike"),
        # a border clash is fought by the two states' forces, not by a crowd
        ("India, Pakistan trade accusations after deadly border clash in Kashmir", "Armed clash"),
        ("Thailand and Cambodia trade blame over border fighting near ancient temple", "Armed clash"),
        # a raid whose troops exchanged fire with gunmen is a battle, though the lead tells only the dead
        ("Israeli troops killed four Palestinians during a raid on Tulkarem on Thursday. The army said soldiers "
         "exchanged fire with gunmen in the camp.", "Armed clash"),
        ("Security forces killed six suspects in a counter-terrorism operation in Mandera on Monday. Police said the "
         "officers traded fire with the group for two hours.", "Armed clash"),
        # rival gangs fighting, in a jail too, are armed sides
        ("Six inmates died in a riot between rival gangs at a jail in Tegucigalpa on Saturday.", "Armed clash"),
        ("Violence between rival gangs left eight people dead in Port-au-Prince on Tuesday.", "Armed clash"),
        # the police named as the speaker after the people attacked are no target
        ("Gunmen attacked a village in Zamfara state on Friday night, police said, killing nine people.", "Attack"),
        ("Suspected herders attacked a farming settlement in Plateau state, the police command said, leaving 14 dead.",
         "Attack"),
    ],
)
def test_fights34_fixed(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "fake encounter" is a killing by the forces, no gunfight
        ("Rights groups said the youth was killed in a fake encounter staged by the police in Manipur.", "Attack"),
        # a kidnapping with no one killed stays an abduction
        ("Gunmen kidnapped 15 passengers on the Abuja-Kaduna highway on Friday.", "Abduction/forced disappearance"),
        # missiles named with the strike stay shelling
        ("Russian strike hits Odesa port as missiles rain on the city, killing two.",
         "Shelling/artillery/missile attack"),
        # villagers clashing with no border named stay a mob
        ("Villagers from two communities clashed over farmland near Bawku on Tuesday, leaving three dead.",
         "Mob violence"),
        # a raid on villagers stays an attack though vigilantes fired back; one with no fire told stays one too
        ("Gunmen killed 12 villagers in a raid on Kauran Namoda on Sunday. Residents said the attackers exchanged "
         "fire with local hunters.", "Attack"),
        ("Israeli forces killed a Palestinian teenager during a raid on Nablus on Monday, the health ministry said.",
         "Attack"),
        # inmates rioting with no gangs named stay a violent demonstration
        ("Inmates rioted at a prison in Guayas on Sunday, setting mattresses on fire.", "Violent demonstration"),
        # an armed target told before the speaker stays armed
        ("Militants attacked an army post in Borno on Monday, the military said.", "Armed clash"),
    ],
)
def test_fights34_guards(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected
