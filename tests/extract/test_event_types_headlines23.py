"""Event typing of headline tenses and paraphrases (event rules v48): each case failed before v48.

Written for marsad in our own words; the guards after them check that the new triggers do not reach too far.
"""

from __future__ import annotations

import pytest

from marsad.extract import extract_text
from marsad.extract.event_types import classify_event


@pytest.mark.parametrize(("text", "expected"), [
    # a helicopter in a headline's present tense fires from the air, whatever it fires (rockets included)
    ("Army helicopter fires rockets on hamlet in Chin State, three dead", "Air/drone strike"),
    # a leftover told by its victims ("killed by unexploded ...") is an explosive, not the shelling that once fired it
    ("Two boys wounded by unexploded mortar round near Marib", "Remote explosive/landmine/IED"),
    ("Leftover cluster bomblet kills shepherd in southern Lebanon", "Remote explosive/landmine/IED"),
    # riot-control gas dropped on soldiers in a war is a chemical weapon, not a grenade attack
    ("Kyiv says Russian drones dropped tear gas munitions on its positions near Toretsk", "Chemical weapon"),
    # headline tenses of property destruction and theft
    ("Settlers uproot vineyard near Bethlehem, no one hurt", "Looting/property destruction"),
    ("Militiamen make off with 150 goats from Djugu village, no one hurt", "Looting/property destruction"),
    # a blockade an armed group imposes is a change to its activity, not a protest's road block
    ("Jihadists impose blockade on Djibo, cutting food supplies", "Change to group/activity"),
    # ground taken by a group that overran a post, or that captured a possessive-named base
    ("Insurgents take Tin-Akoff after overrunning gendarmerie post", "Non-state actor overtakes territory"),
    ("Rebels capture the army's regional command headquarters in Lashio", "Non-state actor overtakes territory"),
    # a crowd of residents that beats the police, with no protest told: mob violence
    ("Residents attack police team sent to seize cattle in Turkana", "Mob violence"),
    # armed vigilantes killed by bandits are a battle's side
    ("Bandits kill six vigilantes in Sokoto ambush", "Armed clash"),
    # a car bomber who drives at his target is a suicide bomb
    ("Car bomber rams army checkpoint outside Mogadishu", "Suicide bomb"),
    # someone who goes missing after an arrest is disappeared
    ("Student leader goes missing after arrest in Bujumbura, family says", "Abduction/forced disappearance"),
    # headline tenses of an agreement, a base built and a handover
    ("Kyrgyzstan, Tajikistan agree on border line after clashes", "Agreement"),
    ("Russia building naval base on Sudan's Red Sea coast", "Headquarters or base established"),
    ("Militants pull out of Mocimboa, troops move in", "Non-violent transfer of territory"),
    # stones thrown in a protest make it violent, in the present tense too
    ("Teachers pelt police with stones at pay protest in Kinshasa", "Violent demonstration"),
    ("Protesters attack police station in Karachi over power cuts", "Violent demonstration"),
    # a group's stated course is no attack yet
    ("Rebels announce they will resume attacks on army convoys", "Change to group/activity"),
])
def test_headline_tenses_and_paraphrases_v48(text, expected):
    assert classify_event(text).sub_event_type == expected


@pytest.mark.parametrize(("text", "expected"), [
    # tear gas or rubber bullets fired at protesters are an intervention, not lethal force
    ("Police fired tear gas at protesters outside parliament in Kampala.", "Protest with intervention"),
    ("Riot police fired rubber bullets at demonstrators marching on the presidency in Lima.",
     "Protest with intervention"),
    # unless the report opens with the people they hurt: serious injuries, excessive force
    ("More than thirty people were wounded when police fired tear gas at protesters in Conakry on Thursday.",
     "Excessive force against protesters"),
])
def test_nonlethal_rounds_fired_at_protesters_are_an_intervention(text, expected):
    assert extract_text(text).events[0].sub_event_type == expected


@pytest.mark.parametrize(("text", "expected"), [
    # (guards) live fire at protesters is still excessive force
    ("Police fired live rounds at protesters in Nairobi, killing two.", "Excessive force against protesters"),
    # a protest against a blockade is a protest
    ("Truck drivers rally in Bishkek against the border blockade", "Peaceful protest"),
    # a road blocked by protesters is still a protest
    ("Farmers blockade national highway in protest over fertiliser prices", "Peaceful protest"),
    # police tear gas in a protest names no trenches: no chemical weapon
    ("Police used tear gas on protesters in Tbilisi.", "Protest with intervention"),
    # the bomber arrested is an arrest
    ("Police arrest car bomber in Kabul", "Arrests"),
    # a refusal to agree is no agreement
    ("Government refuses to agree to talks with rebels", None),
])
def test_guards_v48(text, expected):
    events = extract_text(text).events
    assert (events[0].sub_event_type if events else None) == expected
