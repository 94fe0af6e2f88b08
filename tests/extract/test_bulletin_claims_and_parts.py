"""A bulletin's running totals, parties' claims against its latest item, and the parts of its totals (written for these
tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


# 1. dates.SINCE: "since the outbreak/onset of <fighting noun> on <day>" opens a period (a monitor's running total)
@pytest.mark.parametrize(("text", "deaths"), [
    ("Shelling killed three farmers near Hajin on Monday. Since the outbreak of fighting on 2 June, the monitor has "
     "documented 140 deaths in the district.", 3),
    ("A sniper shot dead a boy in Tawila on Sunday. Since the onset of the clashes on 1 March, the group has recorded "
     "75 deaths.", 1),
])
def test_since_the_outbreak_of_clashes_on_a_day_is_a_running_total(text, deaths):
    assert deaths_in(text, date(2024, 6, 20) if "June" in text else date(2024, 3, 20)) == deaths


# 2. restatements: a party's claim told after the bulletin's next incident is set against that incident's count,
#    not the bulletin's first one
def test_party_claim_after_another_incident_is_not_the_first_incident_s_dead():
    text = ("A drone strike on a boat near Sittwe on 3 May killed dozens of people; volunteers later recovered 22 "
            "bodies. Shelling on Kyauktaw the next day killed a further five civilians. Clashes went on near the "
            "airport; the rebels said they killed more than 30 government soldiers.")
    assert deaths_in(text, date(2024, 5, 6)) == 57


# 3. restatements: a state force's word on the enemy it killed, beside one soldier killed (no force named), adds
def test_troops_word_on_the_enemy_beside_a_soldier_killed_adds():
    text = ("A roadside bomb killed a soldier near Bama on Tuesday. Troops of the operation said they killed nine "
            "insurgents in the forest the same day.")
    assert deaths_in(text, date(2024, 2, 8)) == 10


# 4. restatements: a state force's word on the "terrorists" it killed, beside the civilians its own forces are
#    reported to have killed in that raid, is its account of those dead
def test_army_word_on_its_raid_beside_the_civilians_its_forces_killed_is_the_same_dead():
    text = ("Soldiers killed at least 18 civilians during a raid on a village near Djibo, a rights group said, while "
            "the army said it had killed several terrorists in the operation.")
    assert deaths_in(text, date(2024, 2, 8)) == 18


# 5. ledger._places_differ: a toll update naming a village the report already placed its incident in (unknown to
#    the gazetteer) does not supersede a count told before it in another town
def test_toll_naming_the_report_s_own_village_does_not_swallow_another_town_s_dead():
    text = ("Gunmen stormed the village of Umm Sawra on Friday and killed 40 people, activists said. On Saturday, the "
            "same fighters killed six more villagers in nearby Rufaa. Two of the wounded from Umm Sawra died on "
            "Saturday, raising the toll of that attack to 42.")
    assert deaths_in(text, date(2024, 10, 26)) == 48


# 6. ledger._attach_breakdowns: a sentence that tells no dead ("… are missing") does not part a lead total from
#    its places
def test_missing_persons_sentence_does_not_break_a_lead_total_s_parts():
    text = ("Army raids killed at least 11 civilians in two districts on 3 and 4 March. On 3 March, soldiers shot dead "
            "five men in Tamu. The next day, troops burned a village near Kalay, killing four people. Three other "
            "villagers are missing. In Mawlaik, a shell killed two children.")
    assert deaths_in(text, date(2024, 3, 6)) == 11


# 7. ledger._attach_breakdowns: a count dated after every day of an earlier total is no part of it
def test_a_later_day_s_count_is_no_part_of_an_earlier_day_s_total():
    text = ("Regional bulletin, 10 May 2023. Two farmers were killed on Sunday when a mine exploded near the village of "
            "Qasr, west of Sinjar. On Monday, gunmen shot at a minibus near Tal Afar, killing a teacher and his son.")
    assert deaths_in(text, date(2023, 5, 10)) == 4


# 8. ledger.introduces_new: an indefinite victim ("shot dead a local official") is someone new, even when the
#    victims' words were read without the article
def test_indefinite_singular_victim_in_another_town_is_one_more():
    text = ("On Monday, gunmen fired on a car near Tal Afar, killing the driver. In Mosul, unknown gunmen shot dead a "
            "local official outside his home.")
    assert deaths_in(text, date(2023, 5, 22)) == 2
