"""A bulletin's running totals, parties' claims against its latest item, and the parts of its totals (written for these
tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


@pytest.mark.parametrize(("text", "published", "deaths"), [
    # "since the outbreak (or onset) of clashes on a day" opens a period: a monitor's running total
    ("Shelling killed three farmers near Hajin on Monday. Since the outbreak of fighting on 2 June, the monitor has "
     "documented 140 deaths in the district.", date(2024, 6, 20), 3),
    ("A sniper shot dead a boy in Tawila on Sunday. Since the onset of the clashes on 1 March, the group has recorded "
     "75 deaths.", date(2024, 3, 20), 1),
    # a party's claim told after the bulletin's next incident is set against that incident's count, not the first's
    ("A drone strike on a boat near Sittwe on 3 May killed dozens of people; volunteers later recovered 22 "
     "bodies. Shelling on Kyauktaw the next day killed a further five civilians. Clashes went on near the "
     "airport; the rebels said they killed more than 30 government soldiers.", date(2024, 5, 6), 57),
    # a state force's word on the enemy it killed, beside one soldier killed (no force named), adds
    ("A roadside bomb killed a soldier near Bama on Tuesday. Troops of the operation said they killed nine "
     "insurgents in the forest the same day.", date(2024, 2, 8), 10),
    # its word on the "terrorists" its raid killed, beside the civilians its own forces are said to have killed there,
    # is its account of those dead
    ("Soldiers killed at least 18 civilians during a raid on a village near Djibo, a rights group said, while "
     "the army said it had killed several terrorists in the operation.", date(2024, 2, 8), 18),
    # a toll update naming the village the report placed its incident in (unknown to the gazetteer) does not
    # supersede a count told before it in another town
    ("Gunmen stormed the village of Umm Sawra on Friday and killed 40 people, activists said. On Saturday, the "
     "same fighters killed six more villagers in nearby Rufaa. Two of the wounded from Umm Sawra died on "
     "Saturday, raising the toll of that attack to 42.", date(2024, 10, 26), 48),
    # a sentence that tells no dead ("… are missing") does not part a lead total from its places
    ("Army raids killed at least 11 civilians in two districts on 3 and 4 March. On 3 March, soldiers shot dead "
     "five men in Tamu. The next day, troops burned a village near Kalay, killing four people. Three other "
     "villagers are missing. In Mawlaik, a shell killed two children.", date(2024, 3, 6), 11),
    # a count dated after every day of an earlier total is no part of it
    ("Regional bulletin, 10 May 2023. Two farmers were killed on Sunday when a mine exploded near the village of "
     "Qasr, west of Sinjar. On Monday, gunmen shot at a minibus near Tal Afar, killing a teacher and his son.",
     date(2023, 5, 10), 4),
    # an indefinite victim ("shot dead a local official") is someone new, even when read without its article
    ("On Monday, gunmen fired on a car near Tal Afar, killing the driver. In Mosul, unknown gunmen shot dead a "
     "local official outside his home.", date(2023, 5, 22), 2),
])
def test_a_bulletins_running_totals_claims_and_parts(text, published, deaths):
    assert deaths_in(text, published) == deaths
