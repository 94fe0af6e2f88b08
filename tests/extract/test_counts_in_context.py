"""Counts read in their sentence: where a victim phrase ends, who "no one" is, what a relative
clause or a trailing "days after" tells, and when two figures are two sources' words."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text

PUBLISHED = date(2024, 6, 12)


def _deaths(text: str) -> int:
    return sum(event.fatalities for event in extract_text(text, published=PUBLISHED).events)


@pytest.mark.parametrize(("text", "deaths"), [
    # a participle opening the victims' own clause ends their noun phrase: the victims are still counted
    ("Militants killed 15 civilians fleeing the town on foot.", 15),
    ("Gunmen killed 12 guests attending a wedding in the village.", 12),
    # (before the noun it is the noun's adjective: the same count)
    ("Militants killed 15 fleeing civilians near the town.", 15),
])
def test_a_participle_after_the_victims_opens_their_own_clause(text, deaths):
    assert _deaths(text) == deaths


def test_a_participles_clause_is_not_the_victims_head_noun():
    extraction = extract_text("Soldiers killed 15 civilians fleeing the town.", published=PUBLISHED)
    (casualty,) = extraction.casualties
    assert casualty.span.text == "killed 15 civilians"
    assert casualty.victims == "civilians"


@pytest.mark.parametrize(("text", "deaths"), [
    # a relative's noun needs no determiner of its own
    ("A father and son were shot dead by gunmen at a car wash in Celaya.", 2),
    ("A mother and daughter were killed when a shell hit their home in Kharkiv.", 2),
    ("A man and his son were shot dead in Celaya.", 2),
])
def test_a_pair_of_relatives_is_two_dead(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("A grenade thrown into a bar in Goma killed no one but wounded eight customers.", 0),
    ("A grenade thrown into a bar in Goma killed nobody, police said.", 0),
    # (an object after the verb is still its dead)
    ("A grenade thrown into a bar in Goma killed two customers.", 2),
])
def test_what_killed_no_one_is_no_victim(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # "of them" before a verb of the troops' own: their losses, not a part of the enemy dead
    ("Troops killed 16 of them and lost two soldiers.", 18),
    # (a list after "of them" is still its parts)
    ("Thirteen people, nine of them civilians and four soldiers, were killed in an attack on a village.", 13),
])
def test_of_them_then_and_is_no_part(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # an earlier incident named with its toll in a relative clause: background
    ("Security forces said they had killed the mastermind of last month's train hijacking, in which 26 hostages "
     "died, in a raid near Turbat.", 1),
    # an incident days back, after the report's own news: background
    ("Unidentified assailants killed four herders near the village of Kaigama, a local leader said, days after "
     "herders killed nine farmers in the same area.", 4),
    # (its own sentence's opening is the report's news: both counted)
    ("Two days after gunmen killed five villagers, they returned and killed three more.", 8),
])
def test_an_earlier_incident_told_with_its_toll_is_background(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # the first source's word after its figure, then "though": the lower figure counts
    ("A drone strike on a bus killed at least 30 passengers, witnesses said, though the regional government "
     "put the toll at 12.", 12),
    ("A drone strike on a bus killed at least 30 passengers, witnesses said, while the regional government said "
     "12 people had died.", 12),
    # "also" after the contrast: more dead
    ("Security forces opened fire on protesters, killing at least seven, witnesses said; the junta said two "
     "soldiers were also killed.", 9),
])
def test_two_sources_figures_set_against_each_other(text, deaths):
    assert _deaths(text) == deaths


def test_a_provinces_toll_over_the_week_is_a_running_total():
    text = ("At least 15 people were murdered in Guanajuato this week, among them the 10 victims of the attack on a "
            "bar in Irapuato and the five men whose bodies were found in Celaya.")
    assert _deaths(text) == 0  # (no incident of its own: its incidents are told by their own reports)
    # (an incident told with the week is still one, and so is a town's toll over the week)
    assert _deaths("Nine people were killed in Ariha this week.") == 9
    assert _deaths("Three people were killed in an attack on a bar in Irapuato this week, police said.") == 3


def test_a_funeral_of_those_killed_in_an_attack_is_no_incident():
    text = "Hundreds of mourners attended the funeral in Baghdad on Tuesday of the three soldiers killed in the Tarmiyah bombing."
    assert extract_text(text, published=PUBLISHED).events == []


@pytest.mark.parametrize(("text", "deaths"), [
    # a monitor's count of attacks and their dead: a running total, not an incident
    ("Gunmen assassinated a former opposition fighter in Al-Sanamayn city; so far in 2024, SOHR has documented "
     "211 attacks of this kind in Daraa, killing 179 people.", 1),
    ("Gunmen assassinated a former opposition fighter in Al-Sanamayn city. So far this year, SOHR has documented "
     "211 attacks of this kind in Daraa, killing 179 people.", 1),
    # (attacks the report tells are its incidents)
    ("Two attacks killed five people in Kano on Sunday.", 5),
])
def test_a_monitors_count_of_attacks_is_a_running_total(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a force's claim on the enemy beside its own losses: other dead
    ("The Kenyan military said it had killed 12 al-Shabaab militants in an airstrike in Lamu county, while losing "
     "one soldier in a separate roadside bomb attack.", 13),
    # the toll of an earlier round, its month told inside it: neither this report's toll nor its period
    ("Sixteen people have been killed in fighting between two clans in central Somalia since Saturday, elders said "
     "on Monday, putting the death toll from the previous round of fighting in June at 22.", 16),
    # the killing a revenge attack answered: its motive
    ("Police said a teenager was killed and three others wounded in a drive-by shooting in Port Moresby, in what "
     "appeared to be a revenge attack for the killing of a gang member last week.", 1),
    ("Gunmen killed four villagers in retaliation for the killing of two herders.", 4),
])
def test_other_incidents_and_sides_told_beside_the_report_s_own(text, deaths):
    assert _deaths(text) == deaths
