"""Event typing of ACLED-style notes on who counts as armed (event rules v50): each case failed before v50.

Written for marsad in our own words; the guards after them check that the new triggers do not reach too far.
"""

from __future__ import annotations

import pytest

from marsad.extract.event_types import classify_event
from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize(("text", "expected"), [
    # gangs, cartels, clan and tribal militias are armed: when they clash it is a battle, not a mob's brawl
    ("On 14 February 2024, tribesmen from two families of the Bani Dhabyan tribe clashed in Khawlan (Sanaa) over farmland.",
     "Armed clash"),
    ("On 20 June 2024, in Sinaloa, members of a cartel clashed with a rival criminal group near Culiacan, leaving five dead.",
     "Armed clash"),
    # party cadres, activists and supporters who come to blows are a mob, whatever acronyms name their parties
    ("On 10 May 2024, a clash ensued between cadres of the CPN (Maoist Centre) and the RSP at a polling centre in Birgunj.",
     "Mob violence"),
    ("On 2 March 2024, members of the PML-N and PPP clashed outside a vote counting centre in Larkana (Sindh), throwing chairs.",
     "Mob violence"),
    ("On 6 June 2024, physical clashes erupted between shoppers at a bakery in Tripoli (North Lebanon) over bread rationing.",
     "Mob violence"),
    ("On 18 January 2024, two mobs clashed in a village of Sitapur district (UP) after a dispute over a temple procession.",
     "Mob violence"),
    # a mob told with what it carried, and a victim killed by a mob
    ("On 5 February 2024, a mob of about 50 youths armed with sticks attacked a clinic in Goroka (Eastern Highlands).",
     "Mob violence"),
    ("On 22 April 2024, a suspected car thief was burnt to death by an angry mob in Mthatha (Eastern Cape).",
     "Mob violence"),
    # self-defence volunteers, allied forces, a base, a navy camp and a military helicopter are armed targets
    ("On 13 March 2024, presumed JNIM militants attacked VDP in the village of Tougouri (Namentenga). One VDP was killed.",
     "Armed clash"),
    ("On 7 May 2024, IS militants attacked Peshmerga near a village of Qarachogh (Erbil). No casualties were reported.",
     "Armed clash"),
    ("On 26 January 2024, BLF militants fired at a navy camp near Pasni town (Gwadar). The group claimed casualties.",
     "Armed clash"),
    ("On 30 May 2024, Al Shabaab militants attacked ATMIS troops at a forward operating base in a village of Hiraan.",
     "Armed clash"),
    ("On 15 June 2024, PKK fighters opened fire at a Turkish military helicopter over the Avashin area (Duhok).",
     "Armed clash"),
])
def test_who_counts_as_armed(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # people punished by a crowd stay a mob even when the victims were members of a gang
    ("On 11 March 2024, residents chased and lynched two men said to belong to a gang of robbers in Kisumu.", "Mob violence"),
    # families and villagers with sticks are unarmed: still mob violence
    ("On 27 April 2024, two families clashed with sticks and stones over a boundary wall in Sialkot (Punjab).", "Mob violence"),
    ("On 7 April 2024, residents of two neighbouring villages clashed over a football match in Tamale (Northern).", "Mob violence"),
    # rebels and armed forces in a clash stay a battle, even when the rebels are called members or cadres
    ("On 4 June 2024, suspected members of an ELN front clashed with military forces in a rural area of Arauca.", "Armed clash"),
    ("On 19 March 2024, Maoist cadres clashed with police forces in a forest of Bijapur (Chhattisgarh).", "Armed clash"),
    # civilians and a place of refuge are unarmed
    ("On 16 March 2024, gunmen shot dead two farmers working on their fields near Bokkos (Plateau).", "Attack"),
    ("On 20 May 2024, suspected ADF rebels attacked the village of Mamove (Beni) and killed eleven civilians with machetes.",
     "Attack"),
    ("On 2 April 2024, gunmen fired on a displacement camp near Djibo, killing four residents.", "Attack"),
])
def test_armed_guards(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the rules' verdict (the shipped model still overrules these two at 0.8 and above: a model matter, not a rule's)
    ("On 9 May 2024, in Carrefour (Ouest), members of two rival gangs clashed over a bus station. Three people were killed.",
     "Armed clash"),
    ("On 3 April 2024, members of two sub-clans clashed near Galkayo (Mudug) over a water point, and four died.",
     "Armed clash"),
    ("On 28 March 2024, a clash broke out between supporters of the NPP and the NDC at a polling station in Tamale.",
     "Mob violence"),
])
def test_rules_on_armed_sides(text: str, expected: str) -> None:
    assert classify_event(text).sub_event_type == expected
