"""Deaths counted once where the body tells the headline's dead again in other words (batch 50): a headline's list
by kind told again kind by kind ("… also killed", "… and two other people"); a bare "both" after a pair; a headline
total over the body's list of one verb; a toll update whose place is the governorate of the first figure's; a
state force's word, told by a pronoun, on the raid's dead; a month's total marked by "alone"; a perfect "has killed
thousands" as background. Guards where the same words tell more dead (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str, published: date = date(2024, 9, 12)) -> int:
    return deaths_in(text, published)


@pytest.mark.parametrize("text, expected", [
    ("Four rebels, one policeman killed in gunfight in Manipur's Ukhrul\nIMPHAL: Four rebels were killed in a gunfight "
     "with security forces in a forest in Ukhrul district on Tuesday, police said. A policeman was also killed in the "
     "firing, a senior officer of the Manipur Police (Imphal East range) said.", 5),
    ("Air strike in north Syria kills ISIS leader, two others\nBEIRUT - A coalition drone struck a motorcycle near the "
     "town of Jarablus on Monday, killing an Islamic State leader and two other men riding with him, a monitor said.", 3),
    # guard: "two more" after the list says more dead than the headline's
    ("Air strike in north Syria kills ISIS leader, two others\nBEIRUT - A coalition drone struck a motorcycle near the "
     "town of Jarablus on Monday, killing an Islamic State leader and two other men riding with him, a monitor said. "
     "Two more militants were killed when a second strike hit a house in Al-Bab on Tuesday.", 5),
])
def test_headline_list_told_again_by_kind(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Shopkeeper and nephew shot dead in Sindh\nLARKANA: Gunmen shot dead a shopkeeper and his nephew outside their shop "
     "in Larkana on Monday night, police said. The two men, Ghulam Rasool and Imran, were closing the shop when the "
     "attackers opened fire from a car, killing both on the spot.", 2),
    ("Couple, three children shot dead in Zacatecas\nFRESNILLO, Mexico - Gunmen shot dead a farmer, his wife and their "
     "three children at their ranch outside Fresnillo on Saturday, state prosecutors said.", 5),
    ("Family of four killed in Sonora attack\nHERMOSILLO, Mexico - Armed men shot dead a man, his wife and their two "
     "daughters at their home in Cajeme on Friday night, state officials said.", 4),
    # guard: the body's first verb names the headline's dead by number; a later pair is another incident's
    ("Bomb kills two soldiers in Salahuddin\nTIKRIT - A roadside bomb killed two soldiers near Tuz Khurmatu on Sunday. "
     "In a separate incident, gunmen shot dead a shepherd and his brother in Daquq, police said.", 4),
])
def test_pair_and_list_told_again(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Suicide bombing kills 21 in Nigeria's Yobe; gunmen kill four in Niger state\nDAMATURU - A suicide bomber struck "
     "a crowded cattle market in the town of Gujba in Yobe state on Tuesday, killing nine people, officials said. On "
     "Wednesday the state emergency agency said the death toll had risen to 21, and that 30 wounded were being treated "
     "in Damaturu. In a separate attack, gunmen killed four farmers in Rafi district of Niger state, police said.", 25),
    ("Strike on Yemen fuel station: toll rises to 17\nSANAA - The death toll from a strike on a fuel station in the "
     "Hodeidah governorate rose to 17 on Thursday, officials said. The strike hit the station in Bajil district on "
     "Wednesday evening, killing eight people, medics said. The health office in Hodeidah said on Thursday that the "
     "number of dead had risen to 17.", 17),
    # guard: another state's town in the next sentence is another incident's place
    ("BAMAKO - Jihadists attacked a convoy near the town of Boni in Mali's Mopti region on Tuesday, killing nine "
     "soldiers, the army said. In Burkina Faso, the toll of an attack on a market in Djibo has risen to 21.", 30),
])
def test_toll_update_in_the_same_governorate(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Troops kill 7 in raid on Nablus, ministry says\nRAMALLAH - Israeli troops killed seven Palestinians during a raid "
     "on the old city of Nablus on Tuesday, the Palestinian health ministry said. The Israeli army said its forces had "
     "surrounded a building where armed men were hiding. It said five militants had been killed in the operation.", 7),
    # guard: the force's word on other dead than the raid's enemy ("also", civilians) adds
    ("Troops kill 7 in raid on Nablus, ministry says\nRAMALLAH - Israeli troops killed seven Palestinians during a raid "
     "on the old city of Nablus on Tuesday, the Palestinian health ministry said. The Israeli army said its forces had "
     "surrounded a building where armed men were hiding. It said an Israeli soldier was also killed in the operation.", 8),
])
def test_state_word_told_by_pronoun(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen kill eight traders on Cameroon highway\nBAMENDA - Separatist gunmen stopped a bus on the road to Bamenda "
     "on Sunday and shot dead eight traders, a local official said. In the month of August alone, more than 90 "
     "civilians were killed in the country's Anglophone regions, according to a rights group.", 8),
    # guard: a month that dates one attack, with no "alone", stays that attack's date
    ("Gunmen kill 14 in Kaduna village\nKADUNA - Gunmen killed 14 villagers in an attack on a village in Kauru in "
     "August, residents said, in an account police confirmed this week.", 14),
    ("Rebels kill six villagers in Ituri\nBUNIA, DR Congo - CODECO militiamen killed six villagers with machetes in "
     "the village of Largu on Saturday, a local chief said. The militia has killed thousands of people in Ituri over "
     "the past decade.", 6),
])
def test_period_total_and_perfect_background(text: str, expected: int) -> None:
    assert deaths(text) == expected
