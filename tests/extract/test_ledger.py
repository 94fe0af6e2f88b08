"""The document ledger: every person counted once within one report (issue 9)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from marsad.counting import total
from marsad.extract import extract_text

PUBLISHED = date(2024, 3, 8)
EVAL = Path(__file__).parent / "data" / "deaths_eval.jsonl"


def _extract(text):
    return extract_text(text, published=PUBLISHED)


def _deaths(extraction) -> int:
    return sum(e.fatalities for e in extraction.events)


def _top(extraction, outcome="killed"):
    return [c for c in extraction.casualties if c.outcome == outcome and c.part_of is None
            and not c.alternative_of and not c.derived and not c.is_tally]


@pytest.mark.parametrize(("text", "deaths"), [
    ("Nine people were killed when a bomb exploded in a market in Azaz on Saturday. The attack left nine dead.", 9),
    ("Warplanes struck the province on Thursday, killing seven civilians in the province. At least five of them were "
     "killed in the market of Kafr Nabl. Two more were killed near the hospital of Hass.", 7),
    ("Gunmen killed 16 worshippers in a mosque in Zamfara state. Twelve of the dead were men from the village.", 16),
    ("A roadside bomb killed eight soldiers in Helmand. Three officers were among those killed.", 8),
    ("Militants killed at least 45 people in Borno. At least 30 civilians were among the dead, a leader said.", 45),
    ("Six members of one family, four of them women, were shot dead by gunmen in Celaya.", 6),
    ("More than 50 people were killed in attacks in Ituri. Militiamen killed at least 30 in Djugu and 20 in Mahagi.", 50),
    # a list of parts after "including" whose items carry a short phrase each
    ("Twenty-five people died in two explosions in Afrin, including 15 near the old market and 10 at a bus stop.", 25),
    # a family counted by its size; an attacker who died with his victims
    ("Regime shelling killed a family of six in the town of Ariha on Sunday.", 6),
    ("A bomber detonated his vest at a wedding in Jalalabad, killing himself and seven guests.", 8),
    # parts between dashes or in brackets
    ("Barrel bombs killed six people - four men and two boys - in Tell Rifaat on Monday.", 6),
    ("Shelling killed 9 civilians (5 children and 4 women) in Kafr Zita.", 9),
    # a toll "brought to" a new figure, and a running total beside the day's toll
    ("One more wounded man died on Thursday, bringing the toll of the market bombing in Azaz to four.", 4),
    ("The raid killed 6 people, bringing to 31 the number of civilians killed in the district this month.", 6),
    ("Gunmen killed 4 guards at a checkpoint, raising to 212 the number of guards killed since the start of the year.", 4),
    # a person before "and N" counts too, unless it is a number already or one of an "including" list
    ("A man and two of his daughters died when a shell hit their house in Kansafra.", 3),
    ("One soldier and two militants were killed in the clash near Tadif.", 3),
    ("Nine people, including two policemen, a soldier and three militants, were killed near Bunia.", 9),
    # a part of the dead told with an irregular plural ("were women" is no one more woman)
    ("Seven of the 19 people killed were women, a medic said.", 19),
    ("Most of the 19 people killed were women.", 19),
])
def test_restatements_breakdowns_and_sub_counts_count_once(text, deaths):
    extraction = _extract(text)
    assert _deaths(extraction) == deaths
    assert total(extraction.casualties) == deaths


def test_people_who_die_of_their_wounds_move_into_the_new_toll():
    extraction = _extract("The death toll from Tuesday's airstrike on the village of Maar Shurin has risen to 11 after "
                          "four of the injured died of their wounds, monitors said. The strike had initially killed seven people.")
    assert _deaths(extraction) == 11
    assert not [c for c in extraction.casualties if c.outcome == "injured"]  # the four are dead, not more injured
    toll = next(c for c in _top(extraction) if c.count == 11)
    moved = next(c for c in extraction.casualties if c.count == 4)
    assert moved.part_of == toll.id and moved.outcome == "killed"
    earlier = next(c for c in extraction.casualties if c.count == 7)
    assert earlier.alternative_of == toll.id


@pytest.mark.parametrize(("text", "deaths"), [
    ("A fourth miner injured in the collapse of a shaft at the gold mine near Bambari died in hospital on Monday.", 4),
    ("A bomb hit a minibus in Quetta on Friday, killing two passengers. A third passenger died of his wounds on "
     "Saturday.", 3),
    ("Gunmen shot a trader dead in the market of Kaya on Monday. A second trader was found dead nearby on Tuesday.", 2),
])
def test_one_more_dead_numbered_among_the_incident_s_is_its_new_toll(text, deaths):
    # "a third passenger died": the toll is now three, as "the death toll rose to three" says, not three more
    extraction = _extract(text)
    assert _deaths(extraction) == deaths
    assert [c.count for c in _top(extraction)] == [deaths]


@pytest.mark.parametrize("share", ["A third", "Two-thirds", "One half"])
def test_a_share_of_the_dead_is_no_more_dead(share):
    extraction = _extract(f"An airstrike killed 12 people at a wedding in Saada. {share} of the dead were children.")
    assert _deaths(extraction) == 12


def test_a_headline_and_its_report_are_one_event():
    extraction = _extract("Russian airstrikes kill 7 civilians in Maarrat al-Numan\n"
                          "Russian warplanes struck the town of Maarrat al-Numan in Idlib on Thursday, 7 March 2024, killing "
                          "seven civilians, including two children, and injuring dozens.")
    assert len(extraction.events) == 1
    event = extraction.events[0]
    assert event.fatalities == 7 and event.event_date == date(2024, 3, 7)  # the text's date, not the publication's
    assert event.actor1 == "Russian forces"
    dozens = next(c for c in extraction.casualties if c.outcome == "injured")
    assert dozens.vague == "dozens" and dozens.qualifier != "exact"


def test_a_monthly_toll_is_a_claim_with_its_breakdown_tree_and_no_event():
    extraction = _extract("The Syrian Observatory documented the death of 312 people in February, including 118 civilians, "
                          "while the remaining 194 were combatants: 87 regime soldiers, 41 members of Iranian-backed "
                          "militias, 39 SDF fighters and 27 ISIS members.")
    assert extraction.events == []
    by_count = {c.count: c for c in extraction.casualties}
    whole = by_count[312]
    assert whole.is_tally and whole.victims != "civilians" and whole.period.start == date(2024, 2, 1)
    assert by_count[118].part_of == whole.id and by_count[118].victims == "civilians"
    assert by_count[194].part_of == whole.id and by_count[194].victims == "combatants"
    for count, affiliation in ((87, "Regime forces"), (39, "SDF"), (27, "ISIS")):
        assert by_count[count].part_of == by_count[194].id and by_count[count].affiliation == affiliation
        assert by_count[count].is_tally


@pytest.mark.parametrize("text", [
    "Daily toll, 6 June 2017. The monitor counted 86 deaths across Syria yesterday, including 19 children, in air raids, "
    "shelling and clashes.",
    "At least 37 people were killed nationwide on Tuesday, 14 of them in Deir ez-Zor, the monitor said.",
    "Across Yemen, 52 fighters were killed in several provinces on Friday, including 30 Houthis.",
])
def test_a_day_s_toll_across_a_country_is_a_claim_not_an_incident(text):
    extraction = _extract(text)
    assert extraction.events == []  # many incidents summed: nothing to add to a tally
    tops = [c for c in extraction.casualties if c.part_of is None and c.alternative_of is None]
    assert tops and all(c.is_tally for c in tops)
    assert all(c.is_tally for c in extraction.casualties)


@pytest.mark.parametrize("text", [
    # a month without its year, opening the sentence
    "In January, clashes in Marib governorate killed 180 fighters, the group said in its monthly report.",
    # a week, totalled by someone who counts
    "At least 38 people were killed by gunmen across Zamfara State last week, according to a tally by officials.",
])
def test_a_toll_over_a_month_or_a_week_that_someone_totals_is_a_claim(text):
    extraction = _extract(text)
    assert extraction.events == []
    assert all(c.is_tally for c in extraction.casualties)


@pytest.mark.parametrize("text", [
    "The monitor said it had documented 1,200 civilian deaths since the start of the year.",
    "Since the beginning of 2023, 640 civilians have been killed in the province, the monitor said.",
    "The group has recorded the deaths of 85 aid workers since January.",
    # "this month" is the month so far
    "Shelling around the besieged city has killed more than 90 civilians this month, a UN agency said.",
    "So far this month, 45 soldiers have died in attacks in the region, the ministry said.",
])
def test_a_toll_since_the_start_of_a_year_or_a_month_is_a_claim(text):
    extraction = _extract(text)
    assert extraction.events == []
    assert all(c.is_tally for c in extraction.casualties)


def test_a_day_earlier_this_month_is_an_incident_s():
    extraction = _extract("Gunmen killed five villagers in an attack on Kaya earlier this month, residents said.")
    assert _deaths(extraction) == 5


@pytest.mark.parametrize(("text", "deaths"), [
    ("Gunmen killed 4 people in Gao on Monday, the worst attack since January 2021.", 4),
    ("It was the deadliest day since the start of the year, with 14 people killed in air strikes on Idlib.", 14),
])
def test_the_worst_attack_since_is_a_comparison_not_a_period(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_the_attacker_also_killed_is_one_more_not_a_restatement():
    text = ("Four people, including two police officers, were killed in an attack on a checkpoint in Arish; "
            "the attacker was also killed.")
    assert _deaths(_extract(text)) == 5
    assert _deaths(_extract("A man was killed in the strike on Binnish. The man was killed instantly.")) == 1


def test_a_toll_of_the_regime_shelling_names_the_perpetrator_not_the_victims_side():
    extraction = _extract("The death toll of Wednesday's regime shelling on Kansafra has risen to three, after a woman "
                          "died of her wounds.")
    toll = next(c for c in extraction.casualties if c.count == 3)
    assert toll.perpetrator == ["Regime forces"] and toll.affiliation is None and toll.victims != "combatants"
    assert _deaths(extraction) == 3


@pytest.mark.parametrize(("text", "deaths"), [
    ("Three soldiers were killed in the ambush. The driver of the truck was also killed.", 4),
    ("The roof of the house was destroyed and the owner of the shop was killed.", 1),
])
def test_a_singular_victim_is_the_noun_before_of_in_the_last_clause(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a war's running toll, told as background
    ("An airstrike killed 3 civilians in Idlib on Monday. The war has killed more than 500,000 people since it "
     "began in 2011.", 3),
    ("Four soldiers died in an ambush in Borno on Sunday. The insurgency has killed more than 40,000 people.", 4),
    ("Gunmen have killed 30 people in Zamfara since 2022, officials said.", 0),
    # an earlier incident, told as background
    ("Two people were killed in Kharkiv on Tuesday. Last month, a similar strike on the city killed 12.", 2),
    ("Gunmen killed 4 people in Bunia on Tuesday. Militia violence in Ituri has left more than 2,000 people dead "
     "this year.", 4),
    ("A drone strike killed 2 fighters near Marib. Tens of thousands of people have died in Yemen's war.", 2),
    ("A car bomb killed 7 people in Mogadishu, where a 2017 truck bombing killed more than 500 people.", 7),
    ("Two soldiers were killed in Donetsk on Sunday, the deadliest day since a March attack that killed 11.", 2),
    # today's battle is no background
    ("Fighting in Hays has killed 12 soldiers, officials said.", 12),
    ("Twelve people have been killed in the fighting in Hays since Monday.", 12),
])
def test_a_report_s_background_adds_no_deaths(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_an_attack_last_week_is_still_an_incident():
    extraction = _extract("Gunmen killed 12 villagers in an attack on Kadisau last week, residents said.")
    assert [e.fatalities for e in extraction.events] == [12]


def test_a_toll_in_one_town_beside_a_country_name_is_still_an_incident():
    extraction = _extract("Regime helicopters dropped barrel bombs on Kafr Zita in Syria on 2 May 2016, killing 7 civilians, "
                          "across the road from the hospital.")
    assert [e.fatalities for e in extraction.events] == [7]


def test_per_side_losses_are_per_actor_parts_of_the_total():
    extraction = _extract("Fierce clashes in the Hays district of Hodeidah left 14 fighters dead: 9 Houthis and "
                          "5 government soldiers, military sources said.")
    by_count = {c.count: c for c in extraction.casualties}
    assert by_count[9].part_of == by_count[14].id and by_count[9].affiliation == "Houthis"
    assert by_count[5].part_of == by_count[14].id and by_count[5].affiliation == "Military forces"
    assert _deaths(extraction) == 14


def test_per_side_losses_that_are_their_own_clause_still_break_the_total_down():
    # each side is the subject of "were killed": read twice, as counts and as the total's parts
    extraction = _extract("12 fighters dead near Taiz: 8 Houthis and 4 army soldiers were killed on Monday in clashes "
                          "on the eastern front of the city.")
    by_count = {c.count: c for c in extraction.casualties}
    assert by_count[8].part_of == by_count[12].id and by_count[4].part_of == by_count[12].id
    assert _deaths(extraction) == 12


def test_sides_named_by_where_their_dead_came_from_are_parts_of_the_total():
    extraction = _extract("Clashes near Azaz on Friday left nine fighters dead on both sides: five from the Syrian "
                          "National Army and four from the SDF, a war monitor said.")
    by_count = {c.count: c for c in extraction.casualties}
    assert by_count[5].part_of == by_count[9].id and by_count[4].part_of == by_count[9].id
    assert by_count[4].affiliation == "SDF"
    assert _deaths(extraction) == 9


def test_an_execution_by_a_force_of_its_own_men_is_not_a_battle():
    extraction = _extract("Regime forces executed two defected soldiers in the town of Sanamayn in northern Daraa on "
                          "Thursday, the Syrian Observatory said.")
    event = extraction.events[0]
    assert event.event_type == "Violence against civilians" and event.actor1 == "Regime forces"
    assert event.fatalities == 2


@pytest.mark.parametrize(("text", "deaths"), [
    ("Police said all four attackers were shot dead by security forces in Beledweyne.", 4),
    ("A man and his four children were killed when a shell hit their house in Hodeidah.", 5),
    ("Gunmen killed seven people in Bokkos on Monday and three more in Mangu on Tuesday.", 10),
    ("Two civilians reportedly died after mortar shells landed in the Old City of Taiz on Monday.", 2),
    ("Turkish drones killed 12 people on Friday, including civilians, near Qamishli.", 12),
    ("Residents of Kafr Nabl buried 15 victims of Sunday's Russian airstrike on the town.", 15),
    ("Hundreds of mourners buried 23 people who were killed in the bombing.", 23),
    ("An attack by bandits on a village in Katsina left 11 people dead on Sunday.", 11),
    ("Two brothers were shot dead by Al-Shabaab militants in Afgoye on Monday.", 2),
])
def test_readings_that_used_to_miss_the_count(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_own_news_paragraphs_death_totals():
    """Our wire-style paragraphs and sentences (bench/_deaths_eval.py): the events' deaths
    equal the truth for most and always equal the ledger's total."""
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    exact = 0
    for row in rows:
        extraction = _extract(row["text"])
        assert _deaths(extraction) == total(extraction.casualties), row["text"]
        exact += _deaths(extraction) == row["deaths"]
    assert exact / len(rows) >= 0.9


@pytest.mark.parametrize(("text", "deaths"), [
    # a riot is no protest whose background is a killing: "left N dead" is what it did
    ("A riot in the central prison of Kandahar left 14 detainees dead, officials said.", 14),
    # a continuation of the victims' list that is the source of the report, not another victim
    ("The militants executed five hostages, a video posted by the group showed.", 5),
    ("Rebels shot dead three rangers, a statement by the park claimed.", 3),
    # ages set off after the victims are not counts
    ("Yusuf Adamu, 34, was shot dead by bandits on the road to Gusau.", 1),
    ("Two sisters, 9 and 13, were killed when a shell hit their home.", 2),
    ("A shepherd (61) died after stepping on a landmine near Quneitra.", 1),
    ("A farmer in his 50s and his son were killed by a landmine near Quneitra.", 2),
    # a victim named without an article, with what describes them
    ("Gunmen shot dead Abdi Nur, 30, and his brother, 27, in Beledweyne.", 2),
    ("Unknown assailants killed Jean Baptiste, a local chief, in Kalehe.", 1),
    ("Warplanes struck Maarat Misrin, killing Khaled Hamdo and his wife.", 2),
    ("Troops killed Boko Haram fighters in an ambush near Gwoza.", 0),
    ("Yousef and his cousin Karim were killed by a sniper near the border fence.", 2),
    # of a group, the part the verb is about
    ("Four of the 11 miners were killed when the tunnel was shelled.", 4),
    ("Of the 11 miners, four were killed when the tunnel was shelled.", 4),
    ("Of the 11 miners killed in the shelling, four were from Dohuk.", 11),
    # "one of N killed": the N were killed, one of them is named
    ("He was one of 4 people killed in the attack on the market, police said.", 4),
    ("Mahmoud, 17, was one of at least six people who were killed in the raid on Jenin.", 6),
    ("One of the four people killed in the shelling of Kramatorsk was a child.", 4),
    ("One of the two soldiers died in hospital in Kramatorsk.", 1),
    ("One of five children in the car was killed when it hit a mine near Kramatorsk.", 1),
    # a relative clause without commas before "died"; a participle after a partitive
    ("Gunmen killed three passengers near Garissa. A fourth passenger who was wounded in the attack died later.", 4),
    ("Two of the five hostages freed in Sunday's raid near Gao later died of their injuries.", 2),
    # a list of names counts its names; "the dead were identified as …" restates a count that came first
    ("Ali Musa, Hassan Idris and Omar Bello were killed when gunmen stormed their village near Gusau.", 3),
    ("Ali Musa, 25, and Omar Bello, 30, were shot dead in Maiduguri.", 2),
    ("Gunmen killed Ali Musa and Omar Bello in Maiduguri.", 2),
    ("Gunmen shot dead Ali Musa, 25, and Omar Bello, 30, in Maiduguri.", 2),
    ("Robbers attacked a warehouse in Nairobi. The dead were named by police as Peter Otieno, 41, "
     "James Kariuki, 29, and Samuel Mutua, 35.", 3),
    ("Three men were killed in Maiduguri. The dead were identified as Ali Musa, Hassan Idris and Omar Bello.", 3),
    # a qualified count after a singular victim; a part of a herd is no victim
    ("The attack killed the imam of the mosque and at least 15 worshippers in Kano.", 16),
    ("A landmine blast killed a shepherd and 40 of his sheep near Tel Tamr.", 1),
    ("Two women and a child from the same family were killed when a rocket hit their home in Sderot.", 3),
    # "since the attack" is one incident's toll, not a running total; bodies recovered raise the same toll
    ("A total of 27 bodies have been brought to the morgue in Bunia since the attack on the camp on Thursday night.", 27),
    ("Rescue teams pulled nine bodies from the rubble in Kharkiv, raising the death toll to 23.", 23),
    # two sources' figures set against each other: the lower counts; other victims are no other figure
    ("Residents said dozens were killed in Gao, but officials put the number of dead at nine.", 9),
    ("Residents said 20 people were killed in Gao, while the governor said nine people died.", 9),
    ("Police said three gunmen were killed in Gao, while residents said two civilians died.", 5),
    # a relative clause between the victims and the verb
    ("Three informants who were accused of helping the army in the village were killed by militiamen near Tamu.", 3),
    ("Near Tumaco, a community leader, who was also a member of a farmers' union, was killed in her house.", 1),
    # the same person abducted, then found dead
    ("A trader was abducted by gunmen near the village of Kuje and later found dead.", 1),
    ("A trader was abducted by gunmen near the village of Kuje and two others were later found dead.", 2),
    # claims with no figure of the report's own: the lowest of the same victims, told in the next sentence
    ("The group claimed killing two soldiers near Waajid. Two other sources reported one soldier was killed.", 1),
    ("The group claimed that it shot dead one soldier and one policeman in Monywa.", 2),
    # "bringing the number of people killed in … to 14": the toll, which the bodies found raise
    ("Two more bodies were pulled from the rubble in Kharkiv, bringing the number of people killed in Saturday's "
     "strike to 14.", 14),
    ("An airstrike killed 12 people in Idlib, bringing the number of people killed in the province to 240.", 12),
    # a participle after the subject; a passive is no such participle
    ("A soldier wounded in Tuesday's ambush near Gao died of his injuries on Thursday.", 1),
    ("A man was shot dead by police in Kulu. One of the three men inside the car was shot in the head and "
     "later died.", 1),
    # a death among the injured just told is one more dead
    ("Police said one suspect was killed in the shootout in Gao and two officers were injured, one of whom later died.", 2),
    # a claim before a semicolon is its clause's; a claim of other dead is no statement of the report's
    ("The rebels said they had killed 50 soldiers near Gao; the government said only 10 soldiers died and "
     "30 rebels were killed.", 40),
    ("Jihadists killed 12 villagers near Gao, according to local sources, while the army said it killed 20 jihadists.", 32),
    ("Seven people were killed in an attack on a checkpoint in Kirkuk. Islamic State claimed the attack, saying it had "
     "killed 15 members of the security forces.", 7),
    # an appositive between the subject and its verb
    ("Gunmen shot dead four farmers in Dogon Daji. A fifth victim, a woman, was killed when they burned her house.", 5),
    # a call to investigate a killing is no report of it; in a protest report, why people gathered is its background
    ("Human Rights Watch called on the authorities to investigate the killing of 14 protesters by security forces.", 0),
    ("Villagers blocked the railway near Urumita after a child, a member of the community, died of hunger.", 0),
    # ", who were killed": the subject is what the relative pronoun stands for
    ("The victims included a boy and his grandmother, who were killed when a shell hit their home in Avdiivka.", 2),
    ("Three men, who were killed in the attack on Gao, were buried on Monday.", 3),
    # a toll set against another source's figure is no update of it: the lower counts
    ("Police said seven people had been killed in clashes in Adamawa, while local leaders put the number of dead at 12.", 7),
    # "putting the toll at": the toll
    ("Rescuers pulled more bodies from the rubble, putting the overall toll of the strike on the market at 21.", 21),
])
def test_what_is_said_around_the_victims_adds_no_one(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_a_toll_update_and_its_first_figure_are_one_event():
    extraction = _extract("A bomb killed five people at a market in Maiduguri on Saturday. Two more bodies were recovered "
                          "on Sunday, bringing the death toll to seven.")
    assert len(extraction.events) == 1
    assert extraction.events[0].fatalities == 7 and extraction.events[0].location == "Maiduguri"


def test_the_source_after_a_list_of_victims_is_not_one_more_victim():
    text = "A roadside bomb killed the deputy mayor of Kandahar and his bodyguard, a provincial official said."
    assert _deaths(_extract(text)) == 2
    assert _deaths(_extract("Gunmen shot dead a judge and his driver, and a passer-by, police said.")) == 3


def test_an_earlier_counts_period_is_not_the_next_clauses():
    text = ("Officials said 900 people had been killed in the region since June, while a shell that hit a bakery in "
            "Kadugli on Sunday killed five.")
    assert _deaths(_extract(text)) == 5
    text = ("Gunmen killed four farmers near Bankass, officials said, in the latest violence in an area where attacks "
            "by armed groups have killed hundreds since 2019.")
    assert _deaths(_extract(text)) == 4
    # a period after both counts is still theirs
    assert _deaths(_extract("Twelve people were killed and 20 injured in fighting in Hays since Monday.")) == 12


@pytest.mark.parametrize(("text", "deaths"), [
    ("The army said it had neutralised 23 terrorists in an operation near Mopti.", 23),
    ("Nine assailants were neutralized during the counter-attack, the general staff said.", 9),
    ("Engineers neutralised two explosive devices planted on the road to Gao.", 0),
    ("Police said the threat had been neutralised within minutes.", 0),
])
def test_neutralised_people_are_dead_neutralised_devices_are_not(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # the raised toll adds earlier deaths to the strike's own: a running total
    ("A drone strike on a car near Marib killed four people, raising the death toll to 3,150.", 4),
    ("Shelling killed 9 civilians in Kherson on Friday, bringing the overall toll in the region to 1,840.", 9),
    # more deaths of the same toll: the raised toll is the incident's
    ("Three more people died of their wounds on Monday, raising the death toll from the market bombing to 23.", 23),
])
def test_a_toll_raised_past_the_reports_own_count_is_a_running_total(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("The army said it had lost nine soldiers in an attack on its base near Kaya on Saturday.", 9),
    ("Police lost two vehicles in the ambush, but nobody was hurt.", 0),
    ("Fourteen civilians lost their lives in the shelling of Avdiivka.", 14),
])
def test_lost_soldiers_are_dead_lost_vehicles_are_not(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # an earlier incident the report recalls
    ("Three policemen were killed in an ambush in Tank on Monday. The attack came a week after nine soldiers were "
     "killed in North Waziristan.", 3),
    # a toll over recent months
    ("Gunmen killed four people in Bokkos on Friday. Attacks in the area in recent months have left more than 200 "
     "people dead.", 4),
])
def test_a_recalled_incident_or_a_toll_of_recent_months_adds_no_deaths(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_the_other_sides_share_with_verb_and_noun_left_out_is_a_part():
    text = ("Fighting between the army and the rebels near Kismayo killed 20 fighters on Monday. The army lost twelve "
            "soldiers and the rebels eight.")
    extraction = _extract(text)
    assert _deaths(extraction) == 20
    assert sorted(c.count for c in extraction.casualties if c.part_of) == [8, 12]


def test_an_armed_groups_word_on_its_own_kills_is_a_claim_beside_the_reports_figure():
    text = ("Gunmen attacked a military post near Menaka on Sunday, killing six soldiers, officials said. "
            "The group said its fighters had killed 40 soldiers.")
    assert _deaths(_extract(text)) == 6
    # the army's own communiqué is the report's figure
    assert _deaths(_extract("The army said its men killed 20 militants near Mopti. Three soldiers were killed.")) == 23


def test_a_toll_across_a_region_is_a_claim_not_an_incident():
    extraction = _extract("Over the past day, Russian attacks killed seven civilians across Donetsk region, the "
                          "regional governor said.")
    assert _deaths(extraction) == 0
    assert [c.count for c in extraction.casualties if c.is_tally] == [7]


@pytest.mark.parametrize(("text", "deaths"), [
    # state media and military press releases
    ("Two soldiers were martyred in a terrorist attack on a checkpoint in Daraa countryside.", 2),
    ("Four terrorists were sent to hell in the exchange of fire in North Waziristan, the ISPR said.", 4),
    # what the subject's count is told between commas does not end the subject
    ("Seven farmers, all from the village of Gidan Bawa, were killed by bandits on Monday.", 7),
])
def test_state_media_wording_and_told_subjects(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_a_separate_incident_after_a_toll_update_is_not_the_same_dead():
    text = ("The death toll from Saturday's bombing of the market rose to 31 on Monday. Separately, gunmen "
            "killed nine shepherds in the desert.")
    assert _deaths(_extract(text)) == 40
    # a death that raises the toll is the toll's
    assert _deaths(_extract("The toll of the shelling of Tafas has risen to 4, after a wounded boy died.")) == 4


@pytest.mark.parametrize(("text", "deaths"), [
    # a colon opens the total's parts, each with its own verb
    ("Eleven people were killed in two raids on Sunday: seven herders died near Kauru and four traders were shot dead "
     "in Lere.", 11),
    # a month or a year gone by, told after the report's news
    ("Gunmen killed three farmers near Bokkos on Saturday. It was the third attack this year; in March, more than "
     "20 villagers were killed in Mangu.", 3),
    ("Militants killed two soldiers in Kurram on Friday. Last year, an attack on the same post killed nine.", 2),
    # an earlier incident named by its own noun, and a war's running toll after its object
    ("A court jailed the commander for his part in the 2015 massacre of dozens of prisoners.", 0),
    ("A drone hit a bus in Kharkiv, killing two. Moscow's forces have killed thousands of civilians since the "
     "invasion began.", 2),
    # a death sentence is no death; a subject with a participle runs longer
    ("A military court sentenced four rebels to death on Monday.", 0),
    ("Two boys collecting firewood near their village outside Kupwara were killed by a mine.", 2),
])
def test_background_breakdowns_and_long_subjects(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("Raiders stormed the farm and killed him and his three sons, neighbours said.", 4),
    ("Bandits stopped the car and killed the couple inside it.", 2),
    ("The ministry said 31 people had died. An earlier toll had put the number of dead at 24.", 31),
])
def test_possessive_counts_couples_and_an_earlier_toll(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # the day a statement was made tells no incident apart: the same 9 dead told again
    ("A bomb killed nine people at the bus station on Friday. The governor, speaking on Saturday, said nine people had "
     "died in the blast.", 9),
    # one verb's list after "The toll:" is its parts, not successive figures
    ("The toll: two soldiers, four police officers and one civilian killed, the army said.", 7),
])
def test_a_statements_day_and_a_listed_toll(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # two sources' figures set against each other: the lower one (also after a semicolon, and when the
    # first source's word is the count's own verb)
    ("Residents put the number of dead at 25, while the police said 17 people were killed.", 17),
    ("Marchers said troops shot dead six protesters; the governor said three people died.", 3),
    # a week in the possessive names an incident, not the period of a running total
    ("Officials said the toll from last week's mortar attack on the camp had risen to 14.", 14),
    # a possessive body part is no victim
    ("The bodies of three farmers, their eyes blindfolded, were found in a ditch.", 3),
])
def test_contrasted_sources_an_incidents_week_and_body_parts(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a running number "has reached", "stood at"; "the total killed … to"; "put the figure at"
    ("The number of people killed in the three-day battle for the port has reached 38, a doctor said.", 38),
    ("The number of dead in the flooding of the camp stood at 17 on Friday.", 17),
    ("Rescuers said the dead included two teachers and a cook, bringing the total killed in the raid on the school to "
     "five.", 5),
    ("Troops said they killed 40 fighters, but a tribal elder put the figure at 15.", 15),
    ("Officials put the figure of wounded at 30.", 0),
    # a person described after the name is a victim even where a namesake place was found
    ("A strike on a car killed Abu Bakr, a local commander, and his driver.", 2),
    # "the wounded officer died": one of the wounded, now one more dead
    ("One guard was killed and another was badly hurt. The injured guard died in hospital on Friday.", 2),
])
def test_running_numbers_figures_named_victims_and_the_wounded_who_died(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a relative clause between the subject and its verb
    ("Police said four guards were killed, and that a fifth guard, who had been shot in the chest, died on Tuesday.", 5),
    # a year's running total and a fortnight's toll told before the count are claims
    ("The monitor said it was the fourth massacre this year, in which a total of 19 people have died.", 0),
    ("In the first two weeks of May, at least 60 people were killed in attacks in the state, the group said.", 0),
    # a count followed by a comparison with the past fortnight stays the incident's
    ("Gunmen killed six people on Monday, the second attack in the past two weeks, police said.", 6),
])
def test_relative_clauses_and_running_totals(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize("text", [
    "The monitor has documented the death of at least 16 civilians in the pocket since 10 September, including 2 "
    "children killed by shelling, the rest in airstrikes.",
    "Warplanes struck Hajin again on Wednesday. The number of civilians killed in strikes on the area since "
    "10 September thus rises to 14.",
])
def test_a_monitor_s_total_since_a_few_days_back_is_a_claim(text):
    extraction = extract_text(text, published=date(2018, 9, 15))
    tops = [c for c in extraction.casualties if c.part_of is None]
    assert tops and all(c.is_tally for c in tops)
    assert sum(e.fatalities or 0 for e in extraction.events) == 0


def test_a_killing_told_as_background_makes_no_incident_of_its_own():
    funerals = _extract("Funerals were held in Aden on Saturday for the 12 guards killed in Thursday's attack on the port.")
    assert funerals.events == [] and _deaths(funerals) == 0
    # the report's own act stays its event
    protest = _extract("Students protested in Kano against the killing of a classmate by police last month.")
    assert [e.sub_event_type for e in protest.events] == ["Peaceful protest"]
    arrest = _extract("Police arrested a man suspected of killing a driver in Kano on Monday.")
    assert [e.sub_event_type for e in arrest.events] == ["Arrests"]


def test_a_toll_update_is_dated_by_the_incident_it_names():
    extraction = extract_text("Rescuers pulled another body from the rubble of the dormitory in Kharkiv on Thursday morning, "
                              "bringing the death toll from Wednesday's strike to eight.", published=date(2022, 8, 18))
    (event,) = extraction.events
    assert event.event_date == date(2022, 8, 17) and event.fatalities == 8
    assert event.event_type != "Protests"  # "strike to eight" is no strike action


@pytest.mark.parametrize(("text", "deaths"), [
    ("At least 57 civilians were killed in attacks by armed groups in the territory over the past week, the UN said.", 0),
    ("Nine civilians were killed by rebel attacks in the district this week, six of them in an ambush on a bus.", 0),
    ("Six people were killed in clashes in Tripoli on Monday, the worst violence in the past month.", 6),
    ("Gunmen killed six people in an attack on a market on Monday, the second such attack in the past week.", 6),
])
def test_a_week_of_attacks_is_a_claim_a_day_compared_with_it_is_not(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a short sentence with its own subject and verb is no summary of the toll before it
    ("Six soldiers were killed when jihadists attacked a base. Troops killed 13 attackers.", 19),
    ("Eighteen people drowned when their boat capsized as they fled the fighting.", 18),
    # an appositive says who the counted were; a coordinated singular is one more
    ("Two people, a nurse and her brother, were killed by stray bullets in the market.", 2),
    ("Two police officers and a nurse were killed in the market.", 3),
])
def test_short_clauses_of_their_own_and_drownings(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a toll that "stands at"; bodies found set against another source's figure; weeks of fighting are a tally
    ("The toll from Tuesday's blast at the depot stands at 16, the governor said.", 16),
    ("Witnesses said gunmen killed eight people, but police said four bodies were recovered.", 4),
    ("Two months of clashes in the valley have killed more than 300 people, aid groups said. On Monday a mortar "
     "round killed two children.", 2),
])
def test_standing_tolls_bodies_against_a_claim_and_weeks_of_fighting(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_a_monitors_week_its_parts_and_the_rest_in_another_strike():
    extraction = _extract("The monitor documented the death of 14 civilians in the governorate during the past week, six "
                          "of them in shelling on a market and the rest in an air strike on a farm on Tuesday.")
    counts = [(c.count, c.is_tally, bool(c.part_of), c.derived is not None) for c in extraction.casualties]
    assert counts == [(14, True, False, False), (6, True, True, False), (8, True, True, True)]
    assert _deaths(extraction) == 0  # a claim: the incidents are counted from their own reports


@pytest.mark.parametrize(("text", "deaths"), [
    # a funeral that is the attack's scene is no commemoration; a funeral's dead named in its clause still are
    ("A bomb went off at the funeral of a local elder in the hills, killing nine mourners.", 9),
    ("Gunmen attacked a funeral procession near the river, killing six people.", 6),
    ("Thousands attended the funeral of four guards killed in last week's ambush.", 0),
    # the report's own count told as more in the sentence of a party's claim adds to it
    ("Troops said they shot dead three gunmen at the checkpoint; a soldier also died.", 4),
    # "on Tuesday alone": a part of the toll over several days before it
    ("Shelling of the district killed 30 people over the weekend, medics said. On Sunday alone, 12 died.", 30),
    # an incident a week or more before the news is its background
    ("Bandits killed four traders on the highway on Monday, two weeks after 20 travellers were killed nearby.", 4),
    # "lost three of its own men"; a named person in apposition inside a list of victims
    ("The rebels overran the depot, and their spokesman said they lost three of their own men.", 3),
    ("The raid killed a district chief, Haji Rahim Khan, and two of his guards.", 3),
    # a victim who is the subject of a verb of their own is not one more object of the first verb
    ("Soldiers fired on the crowd, killing five, and a sixth man died later in hospital.", 6),
    # "its crew of three"; "whether anyone died" counts nobody; a second source's figure after ", with"
    ("The drone hit a pickup, killing its crew of three.", 3),
    ("The shell hit an empty school, and officials did not say whether anyone died.", 0),
    ("Fighting near the dam killed at least 20 fighters, with local sources putting the toll at 26.", 20),
])
def test_funerals_claims_with_more_parts_alone_and_lists_with_names(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a timeline's or headline's present tense counts; an infinitive, a modal or a negation does not
    ("14 May – Gunmen kill six traders at a market in the north; four others are wounded.", 6),
    ("Armed men abduct 12 passengers from a minibus and kill its driver.", 1),
    ("Two soldiers and three rebels die in a gunfight near the border.", 5),
    ("The group threatened to kill the hostages if its demands were not met.", 0),
    ("Aid workers warned that many more could die without food.", 0),
    # the attacker named first in the subject is one of the dead; "and then himself"
    ("The bomber and four guards were killed at the gate.", 5),
    ("The man killed his wife and then himself.", 2),
    # one person's appositive is who the one was; a list ends with "and"
    ("A sniper killed its commander, a retired colonel, near the bridge.", 1),
    ("Gunmen killed a teacher, a nurse and a driver.", 3),
    # a headline's place covers the town the body names in it
    ("Bandits kill 4 in attack on village in Katsina. Four farmers were killed when bandits raided Kankara on Sunday.", 4),
    # a party's quoted vague word with no figure given counts nobody; a monitor's "dozens" is 12
    ("The army said its jets had killed 'scores' of militants, but gave no figure.", 0),
    ("Clashes between two clans killed 'dozens', according to elders; no exact figure was available.", 12),
])
def test_timelines_present_tense_subjects_with_the_attacker_appositives_and_vague_claims(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # "lost N of its members" names a side's own dead; "of its vehicles" does not
    ("The militia lost 3 of its fighters in the ambush.", 3),
    ("The army lost 3 of its vehicles in the ambush.", 0),
    # ", the 37th assassination … since January" numbers a run: the count is the day's own
    ("Gunmen killed a tribal leader in Tafas, the 12th such killing in the province since the start of the year.", 1),
    # "since early 2024" opens a monitor's running total
    ("A shepherd was killed by a mine near Sukhnah. Since early 2024, mines have killed 60 people in the area.", 1),
])
def test_own_members_ordinal_runs_and_early_year_totals(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # headlines: a victim without an article, a bare singular subject, a present "behead", a vague headline the body counts
    ("Niger: Jihadists kill village teacher near Tillaberi", 1),
    ("Drone strike kills militia commander, three bodyguards in Deir Ezzor", 4),
    ("Journalist killed in Mogadishu blast, union says", 1),
    ("Gunmen behead three farmers in Cabo Delgado", 3),
    ("Police killed in attack, officials say", 0),
    ("Afghan teen shot dead by border guards near Herat", 1),
    ("Reporter stabbed to death in Tegucigalpa, union says", 1),
    ("Village chief beheaded by militants in Cabo Delgado", 1),
    ("Boat capsizes while fleeing attack, 12 drown", 12),
    ("Scores killed in attack on market. At least 31 people were killed when gunmen stormed the market, officials said.", 31),
])
def test_headlines_bare_victims_and_a_vague_headline_the_body_counts(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a rolling window opening the sentence scopes its counts; a calendar "last week" or a day inside it does not
    ("Over the past two weeks, shelling has killed 35 people in the district, medics said.", 0),
    ("Last week, gunmen killed 12 villagers in the hills, police said on Monday.", 12),
])
def test_a_rolling_period_opening_the_sentence_scopes_its_counts(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a state force's word on the enemy it killed beside its own losses: other dead
    ("Two policemen died in the raid, and police said they shot dead five of the gunmen.", 7),
    # an armed group's word on the soldiers it killed beside the soldiers' own toll: the same dead, the lower counts
    ("Four soldiers were killed at the post. The rebels said they had killed 15 soldiers.", 4),
])
def test_a_state_forces_word_on_the_enemy_beside_its_own_losses(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a count over this year or a part of it is a running total, not an incident
    ("A roadside bomb killed two officers on Sunday. The group has carried out similar attacks this year, killing 20.", 2),
    ("The mission documented 1,100 civilian casualties, 410 killed and 690 injured, in the first quarter of the year.", 0),
    # a breakdown of casualties: the casualties are the whole, not more dead
    ("The clashes left 45 casualties, 12 killed and 33 wounded, hospital sources said.", 12),
    # an earlier word of the same speaker is the earlier figure of the same dead
    ("Rescuers pulled seven bodies from the rubble, the governor said. Earlier he had said five people were confirmed dead.", 7),
    # a relative of someone counted before is one more
    ("A shell hit a house in the village, killing a woman. Her husband died of his wounds the next day.", 2),
    ("A man shot dead his brother and their parents at the family farm, police said.", 3),
])
def test_running_totals_breakdowns_earlier_words_and_relatives(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a "respectively" list: each number its own dead, the shared noun after the last
    ("Militias attacked three hamlets overnight, killing 14, 8 and 3 people respectively, officials said.", 25),
    ("Strikes hit two markets, killing five and two shoppers respectively.", 7),
    # and a range is still one count, a number with its scale one number
    ("Between six and eight people died in the fire.", 6),
    ("One hundred and five people died in the floods.", 105),
])
def test_a_respectively_list_adds_each_number(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_people_most_of_them_civilians_are_the_same_dead_as_a_group_s_claim_on_soldiers():
    text = ("The group claimed the bombing, saying it had killed 20 soldiers. Officials said seven people, most of them "
            "civilians, died.")
    assert _deaths(_extract(text)) == 7


def test_both_are_the_pair_the_sentence_named_before():
    extraction = _extract("A mine went off as a shepherd and his son crossed the field near the village, killing both.")
    assert [(c.count, c.victims) for c in extraction.casualties] == [(2, "civilians")]


@pytest.mark.parametrize(("text", "deaths"), [
    # the words of translated agency reports: "passed away" of wounds, "ascended as martyrs", "the martyrdom of"
    ("A young man passed away on Sunday from wounds he sustained in the shelling of his village last week.", 1),
    ("Three soldiers ascended to the heavens as martyrs when a mine exploded under their vehicle near the town.", 3),
    ("The ministry announced the martyrdom of two citizens by occupation fire in the camp.", 2),
    # and a natural death is none
    ("The former governor passed away on Monday at the age of 84.", 0),
])
def test_translated_agency_words_for_dying(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # "shot them dead": the people the sentence counted before; "shot him dead": one; a pronoun for things: no one
    ("Masked men pulled three cousins out of the car and shot them dead by the roadside, a relative said.", 3),
    ("Gunmen stopped the minibus and shot him dead.", 1),
    ("The attackers stopped two lorries and shot them dead.", 0),
])
def test_a_pronoun_shot_dead_stands_for_the_people_counted_before(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # background told after the count: an earlier similar attack, a toll since a coup, the past year
    ("Four guards were killed in the raid. The group killed more than 60 people in a similar attack in May.", 4),
    ("Two protesters died on Thursday, medics said. At least 90 protesters have been killed since the coup.", 2),
    ("Five miners were killed on Friday. The militia has been blamed for hundreds of deaths over the past year.", 5),
    # a year after the count that numbers a run is no period of it
    ("A reporter was shot dead on Tuesday, making him the fourth journalist killed in the country this year.", 1),
])
def test_background_after_the_count_and_a_run_numbered_by_the_year(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # "its two riders": a thing's people counted after its possessive
    ("A drone hit a motorcycle on the road, killing its two riders, both civilians, local sources said.", 2),
    # several incidents' sum, after the one the report tells, adds no one
    ("The strike on the market killed eight people. It was the deadliest of four strikes on the town that month, "
     "which together killed 15 people.", 8),
])
def test_a_thing_s_people_and_several_incidents_together(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # another source's toll on the same dead: the lower counts, in the next sentence or after "while"
    ("Villagers said about 30 people died in the attack on the market. Police put the toll at 11.", 11),
    ("Eleven people were killed in the attack, the governor said. Doctors put the death toll at more than 20.", 11),
    ("Some 40 people were killed in the raid, elders said, while the police put the toll at 16.", 16),
    # an update of the toll is no second source: the risen figure counts
    ("Seven people were killed in the bombing. The ministry later put the toll at nine after two of the injured died.", 9),
])
def test_a_second_source_s_toll_is_the_same_dead(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # parts between dashes or brackets break down the count before them
    ("A family of three - a fisherman and his two sons - died when the shell hit their boat.", 3),
    ("Three people - a nurse and two patients - were killed when the clinic was bombed.", 3),
    # a headline's country or landmark town holds the body's village: the same dead told again
    ("Three killed as shell hits school in northern Syria. Shelling of a school in the village of Kafr Batikh "
     "killed three children on Sunday, rescuers said.", 3),
    ("Gunmen kill eight near Maiduguri. Suspected insurgents shot dead eight farmers in the village of "
     "Konduga on Tuesday, residents said.", 8),
])
def test_parts_after_a_dash_and_a_headline_s_wider_place(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a headline's bare singular victim, then the body's "a …": one person
    ("Aid worker shot dead in Sudan. A nurse with a medical charity was shot dead at a checkpoint outside "
     "the town of Kutum, her employer said.", 1),
    # "also" and an opening that is no headline's subject still add one
    ("Policeman killed in Kirkuk. A soldier was also killed in a separate attack, officials said.", 2),
    # a village the gazetteer does not know, after an opening that placed the dead: the same dead
    ("Gunmen kill seven in Sokoto raid. The attackers stormed a market near Kwanar Maje on Sunday, "
     "killing seven traders, police said.", 7),
    # the body names the country that holds the headline's province: the same dead, not a second place
    ("Drone strike kills 4 in Marib. A drone hit a car in the Sirwah district of Yemen's Marib province on "
     "Friday, killing four men, tribal sources said.", 4),
    # (a count at a province the headline does not name is still more dead)
    ("Drone strike kills 4 in Marib. A second strike in Yemen's Hodeidah province killed two fishermen.", 6),
])
def test_a_headline_told_again_by_the_body(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a headline's office holder, his place after "of", "found dead days after …"
    ("Mayor of Tixtla found dead days after his election", 1),
    ("Judge found dead in Sinaloa, prosecutors say", 1),
    # a country label before the headline's bare singular, then the body's "a …": one person
    ("Yemen: Fisherman killed in Houthi shelling of Hodeidah. A fisherman was killed when shells hit a boat "
     "off the coast of Hodeidah on Monday, local officials said.", 1),
])
def test_headline_office_holders_and_labels(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_an_armed_escort_is_no_civilian_and_a_blogger_is():
    escort = _top(_extract("A bodyguard of the district governor was shot dead in a clash with police."))
    blogger = _top(_extract("Police beat a blogger to death in custody, his family said."))
    assert [c.victims for c in escort] == ["combatants"]
    assert [c.victims for c in blogger] == ["civilians"]


@pytest.mark.parametrize(("text", "deaths"), [
    ("Two guards wounded in the raid on the depot later died in hospital.", 2),
    ("A nurse injured in the shelling of the clinic in Maarat died on Friday.", 1),
    # the gap holds a clause of its own: only the one who died is dead
    ("Three guards wounded in the raid were taken to hospital, where one died.", 1),
])
def test_people_wounded_in_an_incident_who_died_are_its_dead(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize("text", [
    "Thus, the number of fighters killed since the start of the offensive in the area of Jubb rises to 312.",
    "The number of civilians killed since the beginning of the military operation in the north has reached 88.",
    "The monitor has documented the death of 64 people since the start of the escalation on 2 May.",
    "With these losses, the number of guards killed in the offensive rises to 140.",
])
def test_a_campaigns_running_toll_is_no_incidents(text):
    extraction = _extract(text)
    assert _deaths(extraction) == 0 and [c for c in extraction.casualties if c.is_tally]


@pytest.mark.parametrize(("text", "deaths"), [
    ("The number of people killed in the two-day siege of the school has reached 31, officials said.", 31),
    ("Shelling killed six soldiers on Monday, bringing to 210 the number killed since the start of the offensive.", 6),
])
def test_one_incidents_toll_beside_a_campaigns_is_still_counted(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_an_undated_incident_after_a_dated_one_in_a_paragraph_takes_its_day():
    extraction = extract_text("Warplanes struck the village of Sarmin on Sunday, killing two farmers. Near Kabani, "
                              "a sniper shot dead a soldier.", published=date(2024, 3, 5))
    assert [e.event_date for e in extraction.events] == [date(2024, 3, 3), date(2024, 3, 3)]


def test_a_force_s_claim_on_the_attackers_is_not_the_civilians_they_killed():
    # the army's 15 are the assailants, not its account of the six miners the assailants killed
    extraction = _extract("At least six diggers were killed when gunmen raided an artisanal mine near Djibo. The army "
                          "said it had killed 15 of the attackers in an operation the next day.")
    assert _deaths(extraction) == 21
    assert not [c for c in extraction.casualties if c.alternative_of]


def test_an_attackers_statement_of_the_same_dead_is_an_alternative():
    extraction = _extract("Insurgents overran an army outpost near Kidal at dawn, killing five soldiers, officials said. "
                          "The insurgents said in a statement that they had killed 19 soldiers and seized two vehicles.")
    assert _deaths(extraction) == 5


def test_a_rising_number_of_bodies_recovered_is_the_toll():
    extraction = _extract("The number of bodies recovered from the mass grave near Izium has risen to 22, "
                          "prosecutors said.")
    assert _deaths(extraction) == 22


@pytest.mark.parametrize(("text", "deaths"), [
    # a force's word on its own strike ("its drones had struck …, killing several fighters") tells of the strike
    # that killed the eleven: its account of them, no enemy beside them
    ("A drone strike on a farm outside Saraqib killed eleven people, rescuers said. The military said its drones "
     "had struck a rocket launch site at the farm, killing several fighters.", 11),
    # a similar attack a day earlier is news the report tells too
    ("On 9 May, three policemen were killed in an attack on a patrol near Dori; a day earlier, a similar attack "
     "killed two vigilantes.", 5),
])
def test_a_forces_own_strike_and_a_similar_attack_a_day_earlier(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_the_items_a_colon_lists_after_a_total_are_its_parts_though_one_gives_no_count():
    extraction = _extract("Police in Guerrero reported nine killings on Sunday: two men found shot on a road near "
                          "Iguala, a taxi driver killed in Chilpancingo and six members of a family shot dead in Taxco.")
    assert _deaths(extraction) == 9
    assert total(extraction.casualties) == 9


@pytest.mark.parametrize(("text", "deaths"), [
    # a second source's lower bound, a few sentences on, that the report's figure satisfies: no lower toll, no more dead
    ("Gunmen killed at least 87 people in an attack on a village in Plateau state, residents said on Sunday. The "
     "attackers arrived on motorbikes at dusk. Houses were burned. The state government put the toll at more than 60.",
     87),
    # a second source's exact lower figure is still the conservative one
    ("Gunmen killed 87 people in an attack on a village in Plateau state, residents said. The attackers arrived at "
     "dusk. The state government put the toll at 60.", 60),
    # another incident's toll a few sentences on is more dead
    ("Gunmen killed 12 people in an attack on a village in Plateau state, residents said. The attackers arrived at "
     "dusk. In a separate attack in Benue, police put the toll at eight.", 20),
])
def test_another_sources_toll_a_few_sentences_on(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a unit's ordinal name is no numbered victim
    ("Four fighters of the Fifth Corps were killed in clashes near Tafas on Monday.", 4),
    # the toll's risen figure is not the count of the bodies told after it
    ("The death toll from the raid on the village has climbed to 19 after the bodies of six more victims were "
     "found on Tuesday.", 19),
])
def test_a_units_ordinal_name_and_a_tolls_risen_figure(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # the killed and the injured joined by "and" share the country-wide month the words after them give
    ("The monitoring mission said at least 96 civilians were killed and 410 injured across the country in March.", 0),
    ("Two people were killed and five injured in Kharkiv on Monday.", 2),
])
def test_counts_joined_by_and_share_their_scope(text, deaths):
    assert _deaths(_extract(text)) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a war told with its length is the whole war's toll, whatever the tense
    ("More than 2,000 people were killed in the region during the 11-month war. On Monday a drone strike killed two "
     "farmers near Tyre.", 2),
    # "a member of … and wounding two soldiers": the victim's phrase ends before the next outcome
    ("A roadside bomb hit a patrol near Tuz Khurmatu, killing a member of the Peshmerga and wounding two soldiers.", 1),
    # the others killed at the scene are inside the toll just raised
    ("A third policeman died in hospital on Sunday, raising the death toll from the ambush to three. Two other "
     "policemen had been killed on the spot on Saturday.", 3),
    # a river is no place of its own: the toll told where bodies were recovered from it is the incident's
    ("Gunmen killed 12 villagers in Djugu territory on Friday. Two bodies were recovered from the Shari river on "
     "Sunday, bringing the toll to 14.", 14),
    # a dateline's country is the country, not a small town named after it
    ("Five killed in Cabo Delgado attack. PEMBA, Mozambique - Insurgents killed five villagers near Macomia on "
     "Tuesday, officials said.", 5),
])
def test_a_wars_toll_a_phrase_before_another_outcome_a_river_and_a_dateline(text, deaths):
    assert _deaths(_extract(text)) == deaths


def test_a_lower_toll_a_second_source_puts_after_confirming_the_attack_counts():
    extraction = _extract("Armed men stormed the village of Tungar Daji in Sokoto on Tuesday, killing 31 people, "
                          "residents said. A police spokesman confirmed the attack but put the death toll at 26.")
    assert _deaths(extraction) == 26
    higher = next(c for c in extraction.casualties if c.count == 31)
    assert higher.alternative_of is not None  # (the higher kept as its alternative)
