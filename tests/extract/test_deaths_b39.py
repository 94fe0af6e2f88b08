"""Deaths in agency copy written in English by non-native outlets or translated: a body "found lifeless", a soldier
who "paid the supreme price", "a dozen" opening a coordinated subject (a number, not one more person), and the
Romance order that puts a fronted "died" before its dead ("On Sunday in X died two soldiers") (written for these
tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str) -> int:
    return deaths_in(text, date(2024, 6, 10))


@pytest.mark.parametrize("text, expected", [
    # "found lifeless" is "found dead"
    ("At least a dozen villagers were found lifeless in Mbau, Beni territory, after a night raid blamed on ADF "
     "rebels, local officials said.", 12),
    ("Four herders were found lifeless near a watering point outside Menaka on Thursday, residents said.", 4),
    # "paid the supreme/ultimate price" is a death
    ("Troops repelled an assault on their post near Dikwa on Friday; three attackers were neutralised while two "
     "soldiers paid the supreme price, the army said.", 5),
    ("One gendarme paid the ultimate price when the convoy came under fire near Kantchari on Monday, the ministry "
     "said.", 1),
    # "a dozen … and four …": the article opens a quantity already counted
    ("A dozen insurgents and three policemen were killed in fighting near Mandera on Sunday, officials said.", 15),
    ("A hundred militants and five soldiers were killed in clashes in the Lake Chad islands, the army said.", 105),
    # a fronted "died" with its dead after it
    ("On Saturday in the commune of Djibasso died three soldiers and one civilian during an ambush by armed men, a "
     "security source said.", 4),
    ("Died in the fighting two dissidents of the FARC and one police officer, in a rural zone of Argelia, Cauca, "
     "authorities reported.", 3),
])
def test_translated_agency_copy(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a subject of its own before the fronted verb, and a time after it: no Romance order
    ("A trader was shot in Gao on Monday. In hospital he died two days later, his family said.", 1),
    ("In the town of Kaya, the wounded driver died three hours after the blast, relatives said.", 1),
    # "a man and his four sons" still counts the man
    ("A man and his four sons were killed when gunmen stormed their farm near Bokkos, police said.", 5),
    # no deaths: injured, abducted, burned
    ("Six persons sustained injuries when a grenade exploded at a market in Imphal; no loss of life was reported, "
     "police said.", 0),
    ("Unknown men set ablaze about 25 houses in the village of Bule, Djugu territory, on Tuesday; the residents had "
     "fled.", 0),
])
def test_guards(text: str, expected: int) -> None:
    assert deaths(text) == expected
