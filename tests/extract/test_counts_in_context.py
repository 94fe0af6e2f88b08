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


@pytest.mark.parametrize(("text", "deaths"), [
    # one victim told as a woman, then one as a man: two people, not a restatement
    ("Russian shelling of Kherson killed a 67-year-old woman and wounded her husband. Earlier in the day, a drone "
     "strike on a bus in the same city killed one man.", 2),
    # (the same one victim told twice is still one)
    ("Russian shelling of Kherson killed one woman. The woman, 67, died at the scene, officials said.", 1),
])
def test_victims_of_the_other_sex_are_other_people(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a force's word for the enemy it killed
    ('Eleven police officers were killed in an attack in Dagestan. Five gunmen were "eliminated", the governor added.', 16),
    ("The army said it eliminated 12 terrorists near Mopti.", 12),
    # (what is eliminated is not always people)
    ("Their team was eliminated from the cup in Mopti.", 0),
    ("The budget eliminated two posts in Mopti.", 0),
])
def test_eliminated_people_are_dead(text, deaths):
    assert _deaths(text) == deaths


def test_a_national_armys_claim_on_the_enemy_beside_its_own_losses_is_other_dead():
    # the victims' force is named by its country ("Turkish soldiers"), as ACLED names it: Military Forces of Turkey
    text = ("Two Turkish soldiers died and three were wounded in a PKK attack in northern Iraq, the defence ministry "
            'said. The army said it "neutralised" 11 militants in response.')
    assert _deaths(text) == 13


def test_bodies_found_after_a_running_total_are_an_incident_of_their_own():
    text = ("Violence in Mexico's Sinaloa state has killed more than 400 people since September, according to the state "
            "prosecutor. On Sunday, five bodies were found dumped on a highway near Culiacan.")
    extraction = extract_text(text, published=PUBLISHED)
    assert _deaths(text) == 5
    (bodies,) = [c for c in extraction.casualties if c.count == 5]
    assert bodies.alternative_of is None


@pytest.mark.parametrize(("text", "deaths"), [
    # a total's places told after it, one of them its own "including" restated with "the"
    ("Israeli airstrikes on southern Lebanon killed five people on Monday, including two paramedics. One strike hit a "
     "civil defence centre in Derdghaya, killing the two paramedics, while another strike on a car near Nabatieh "
     "killed three people.", 5),
    # … or "the rest" of it told after its last stated place
    ("Israeli strikes killed at least 40 people across the Gaza Strip on Thursday. A strike on a house in Nuseirat "
     "killed 11 members of one family. Another strike killed six people in Mawasi, and the rest were killed in "
     "Gaza City.", 40),
    # (a count in another country is no part of the total, even where the numbers add up)
    ("Russian guided bombs struck Kharkiv on Friday, killing three people, including a girl. Later, a second strike "
     "hit the city, killing two more. Meanwhile, in the Russian region of Belgorod, Ukrainian shelling killed one "
     "civilian.", 6),
])
def test_a_totals_breakdown_told_in_the_sentences_after_it(text, deaths):
    assert _deaths(text) == deaths


def test_a_bulletins_list_whose_items_semicolons_separate_breaks_down_its_total():
    text = ("The Observatory documented the death of 11 people in Syria on Saturday: 5 civilians, among them a woman and "
            "two children; 4 members of regime forces, who were killed by ISIS cells in the Badia; and 2 fighters of "
            "the SDF killed by Turkish shelling near Ain Issa.")
    extraction = extract_text(text, published=PUBLISHED)
    assert _deaths(text) == 11
    parts = sorted(c.count for c in extraction.casualties if c.rule == "casualties.bare_part")
    assert parts == [2, 4, 5]


@pytest.mark.parametrize("origin", ["the Hebron area", "the Hebron area in the occupied West Bank"])
def test_the_victims_origin_between_commas_neither_hides_them_nor_places_them(origin):
    text = (f"Gunmen opened fire at a bus stop in Tel Aviv, killing seven people. The two attackers, from {origin}, "
            "were shot dead at the scene.")
    events = extract_text(text, published=PUBLISHED).events
    assert [(e.fatalities, e.location) for e in events] == [(9, "Tel Aviv")]


def test_a_toll_over_the_past_months_is_a_running_total_beside_the_incident():
    text = ("The UN human rights office said it had verified the deaths of 1,100 civilians in Ukraine over the past three "
            "months. In the latest incident, a Russian strike on the village of Hroza killed 59 people.")
    assert _deaths(text) == 59


@pytest.mark.parametrize(("text", "deaths"), [
    # "the dead" is a noun: whoever buried them is no one more
    ("An airstrike killed at least 30 people in Letyetkone. A resident who helped bury the dead said four people were "
     "still missing.", 30),
    # an earlier attack that the news is the second of
    ("A car bomb killed at least 20 people in Manbij on Saturday. It was the second car bomb to hit Manbij in three "
     "days, after a blast on Thursday killed four people.", 20),
])
def test_words_that_name_no_more_dead(text, deaths):
    assert _deaths(text) == deaths


def test_the_rest_is_no_one_more():
    text = "At least 11 people were killed in Dhaka on Thursday. The rest died in clashes in other towns."
    assert _deaths(text) == 11
    assert [c.count for c in extract_text(text, published=PUBLISHED).casualties] == [11]  # (no "one" for "the rest")


def test_the_islamic_states_own_word_is_a_claim():
    extraction = extract_text("Soldiers of the caliphate killed 11 members of the Hashd in an attack in Tuz Khurmatu, "
                              "Amaq said.", published=PUBLISHED)
    (casualty,) = extraction.casualties
    assert casualty.party_claim


@pytest.mark.parametrize(("text", "deaths"), [
    ("At least two dozen people were killed in clashes in Catatumbo over the weekend.", 24),
    ("Three dozen people died when the boat capsized near Goma.", 36),
    # (one dozen, half a dozen and "dozens" as before)
    ("A dozen soldiers were killed near Djibo.", 12),
    ("Half a dozen civilians died in Ariha.", 6),
])
def test_a_number_of_dozens_is_that_many_dozen(text, deaths):
    assert _deaths(text) == deaths


def test_a_toll_a_second_source_gives_is_set_against_the_first():
    text = ("Gunmen killed 15 people in an attack on a village in Plateau state on Tuesday, a local official said. Police "
            "confirmed the attack but gave a toll of 12.")
    assert _deaths(text) == 12  # (the lower, as ACLED takes the most conservative report)


@pytest.mark.parametrize("text", [
    "Twelve PKK/YPG terrorists were neutralised in northern Syria in operations carried out by our heroic commandos, "
    "the ministry said.",
    "Eleven members of the Hashd were killed in an attack in Tuz Khurmatu, Amaq said.",
])
def test_a_partys_own_word_told_after_the_count_is_a_claim(text):
    (casualty,) = extract_text(text, published=PUBLISHED).casualties
    assert casualty.party_claim


@pytest.mark.parametrize(("text", "deaths"), [
    # the people just counted, named one by one in the next sentence
    ("Gunmen killed two people in Kano on Monday. A man and a woman were shot dead outside a mosque, police said.", 2),
    ("A Russian drone attack on Odesa killed two people overnight. A man, 68, and a woman, 62, died when a drone hit "
     "a residential building.", 2),
    # (with a word of more, or of other victims, they are more)
    ("Gunmen killed two people in Kano on Monday. A man and a woman were also shot dead outside a mosque.", 4),
    ("Two soldiers were killed in an ambush in Kano. A man and a woman were shot dead at a checkpoint.", 4),
])
def test_the_counted_named_one_by_one(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a headline's present: "shoot dead", "guns down"
    ("Police shoot dead protester in Nairobi", 1),
    ("Troops shoot dead two militants in Kashmir", 2),
    ("Gunman guns down two in Chicago bar", 2),
    # a people's name for one of them
    ("Israeli troops kill Palestinian in Jenin raid", 1),
    ("Russian strike kills Ukrainian in Kherson", 1),
])
def test_a_headlines_present_shoot_dead(text, deaths):
    assert _deaths(text) == deaths


def test_a_regions_count_over_the_past_week_is_a_running_total():
    text = ("A Turkish drone strike on a vehicle in Sulaymaniyah province killed three members of the PKK. Turkey's defence "
            'ministry said separately that it had "neutralised" 13 PKK militants in northern Iraq over the past week.')
    assert _deaths(text) == 3
    # (a town's toll over the week is still one incident's)
    assert _deaths("Nine people were killed in Ariha over the past week.") == 9


@pytest.mark.parametrize(("text", "deaths"), [
    # two sources' estimates in one sentence ("one source …, while another said …"): the lower counts
    ("Gunmen killed dozens of villagers in an attack on Tanwalbougou, residents said. One source put the number of "
     "dead at about 80, while another said more than 120 had been killed.", 80),
    # "the number of dead" is the toll's noun: "Two witnesses" are no two dead
    # a second source's "number of dead", as its "toll": the same dead, the lower counts
    ("Bandits killed dozens of traders at a market near Gusau. 'We buried 40 bodies,' a village head said. A police "
     "officer put the number of dead at between 28 and 33.", 28),
])
def test_another_source_is_no_other_dead(text, deaths):
    assert _deaths(text) == deaths


def test_the_number_of_dead_is_the_tolls_noun_not_a_verb_of_its_subject():
    casualties = extract_text("Two witnesses put the number of dead at 30.", published=PUBLISHED).casualties
    assert [c.count for c in casualties] == [30]  # "Two witnesses" are no two dead


def test_a_count_on_each_side_is_twice_the_count_and_restates_the_total():
    text = ("Fighting between two rival militias in Zawiya left eight gunmen dead on Sunday. Four gunmen were killed "
            "on each side, a local official said.")
    assert _deaths(text) == 8
    assert _deaths("Four gunmen were killed on each side in the clashes in Zawiya, a local official said.") == 8
    per_side = [c for c in extract_text(text, published=PUBLISHED).casualties if c.rule.endswith("each_side")]
    assert [(c.count, c.span.text) for c in per_side] == [(8, "Four gunmen were killed on each side")]


def test_a_place_before_the_count_is_no_vehicle_carrying_the_dead():
    # ("eight gunmen aboard four pickups": the four only carried them; "in Zawiya" carries no one)
    assert _deaths("Clashes between two clans in Zawiya left eight people dead on Sunday.") == 8
    assert _deaths("Eight gunmen aboard four pickups were killed near Zawiya.") == 8


def test_a_figure_that_an_attack_killed_at_first_is_superseded_by_the_risen_toll():
    text = ("The death toll from a paramilitary attack on a camp in North Kordofan rose to 27 on Monday, medics said. "
            "The paramilitaries shelled the Um Sumeima camp on Saturday, initially killing nine people.")
    assert _deaths(text) == 27


def test_the_injury_of_another_after_a_death_is_one_injured_not_a_second_dead():
    extraction = extract_text("Idlib Province – SOHR documented the death of a farmer and the injury of another by a "
                              "landmine explosion near Saraqib.", published=PUBLISHED)
    assert [(c.outcome, c.count) for c in extraction.casualties] == [("killed", 1), ("injured", 1)]
    assert [(c.outcome, c.count) for c in extract_text("The shelling led to the injury of 4 civilians in Ariha.",
                                                       published=PUBLISHED).casualties] == [("injured", 4)]


@pytest.mark.parametrize(("text", "deaths"), [
    # the people just counted, told one by one after a comma to the clause's end: the same people
    ("Russian warplanes struck the outskirts of Sarmin, killing 2 civilians, a man and his son.", 2),
    ("The strike killed five people, a woman and her four children, in Ariha.", 5),
    # soldiers and then a policeman and a civilian are more dead
    ("Gunmen killed two soldiers, a policeman and a civilian in Gao.", 4),
])
def test_the_counted_told_one_by_one_after_a_comma_are_no_more_dead(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # "along with" after a comma adds the companions, as without one
    ("Two gunmen were killed, along with two police officers, when troops stormed the bank.", 4),
])
def test_those_killed_along_with_the_counted_are_more_dead(text, deaths):
    assert _deaths(text) == deaths


def test_a_killing_that_numbers_a_run_after_a_semicolon_is_no_running_total():
    text = ("Unknown gunmen shot dead a mukhtar in Nawa on Sunday; it is the 12th killing in the town since the "
            "start of the year.")
    assert _deaths(text) == 1


def test_a_partys_claim_is_set_against_the_count_of_its_own_sentence_and_an_agency_is_no_place():
    text = ("In Aden, a sniper shot dead a fisherman. In Shabwa, clashes killed six tribal fighters, local sources "
            "said; the Houthi-run Saba agency claimed that dozens of 'mercenaries' were killed.")
    extraction = extract_text(text, published=PUBLISHED)
    counts = {c.id: c.count for c in extraction.casualties}
    claim = next(c for c in extraction.casualties if c.vague == "dozens")
    assert counts[claim.alternative_of] == 6  # the fighters of its own sentence, not the fisherman in Aden
    assert "Sabah" not in [place.name for place in extraction.places]  # "Saba agency" is a news outlet
    assert _deaths(text) == 7


def test_another_incidents_dead_are_no_part_nor_restatement_of_the_first_count():
    text = ("A roadside bomb killed two soldiers near Tuz Khurmatu on Sunday. In a separate incident, gunmen shot dead "
            "a shepherd and his brother in Daquq. The bodies of two farmers, missing since Friday, were found near Tikrit.")
    assert _deaths(text) == 6  # not the bomb's two again, by number alone


def test_a_headline_placed_in_a_governorate_is_restated_by_the_body_in_one_of_its_towns():
    text = ("SDF: 6 ISIS members killed in Deir ez-Zor\nThe Syrian Democratic Forces said on Friday that six members "
            "of ISIS cells were killed in a raid on the town of Al-Busayrah in eastern Deir ez-Zor.")
    assert _deaths(text) == 6


def test_a_count_of_a_month_before_the_reports_told_after_its_clause_is_background():
    text = ("Gunmen killed 11 villagers in Bokkos overnight, police said on Tuesday. The state has seen repeated "
            "attacks; more than 150 people were killed in coordinated raids in December.")
    assert extract_text(text, published=date(2024, 1, 23)).events and _deaths_on(text, date(2024, 1, 23)) == 11
    # (the same words in December's own report are its news)
    assert _deaths_on(text, date(2023, 12, 27)) == 161


def _deaths_on(text: str, published: date) -> int:
    return sum(event.fatalities for event in extract_text(text, published=published).events)


@pytest.mark.parametrize(("text", "deaths"), [
    # the dead of a reported clause, not its speaker: "A nurse in the town of X said the driver"
    ("A bus hit a mine near Bentiu. A nurse at the hospital in the town of Rubkona said the driver was killed.", 1),
    # a family counted, then told between dashes: its members, not more dead
    ("Gunmen shot dead a family of four - a man, his wife and their two sons - in Tlaquepaque on Sunday.", 4),
])
def test_who_the_sentence_counts(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "published", "deaths"), [
    # a running total "since" a day four days back, told in the perfect: no incident of its own
    ("Shelling killed five people in Nyala on Monday. Since fighting erupted in Nyala on 6 June, at least 40 "
     "people have been killed.", date(2024, 6, 10), 5),
    # as many other bodies found on another day at another place: other dead
    ("Jihadists ambushed a patrol near Djibo on Friday, killing 11 soldiers. On Sunday, 14 bodies were found near "
     "Arbinda.", date(2024, 6, 10), 25),
    # a toll update that names no place, then the bulletin's next incident elsewhere; and an earlier figure of
    # the updated strike, told after the update
    ("A drone strike hit a market in Babila on Sunday, killing 9 people. A medic said the toll had risen to 12. "
     "The monitor had reported nine deaths in that strike on Sunday. In Daraa, gunmen shot dead two men near "
     "Tafas.", date(2024, 6, 10), 14),
    # sums that meet by chance across governorates are no breakdown
    ("Five soldiers were killed when militants attacked a post near Tuz Khurmatu in Salahuddin. In Anbar, police "
     "found the bodies of two shepherds near Rutba. In Kirkuk, a bomb killed three farmers near Dibis.",
     date(2024, 6, 10), 10),
])
def test_a_bulletins_incidents_are_each_counted(text, published, deaths):
    assert _deaths_on(text, published) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # "another five", "a further eight": a count all the same
    ("Shelling killed another five people in Ariha.", 5),
    ("Artillery fire on the camp killed a further eight civilians.", 8),
    # what the victims were doing is no head of the phrase ("herding sheep": boys, not sheep)
    ("Unexploded ordnance killed two boys herding goats near Hays.", 2),
    # a day's dead numbered in turn: "the fourth victim" is one more, not the one before told again
    ("Three people were killed across Daraa province on Thursday. Gunmen shot dead a teacher in Nawa. A soldier was "
     "killed by a mine in Tafas. The third victim, a boy, died when a shell went off in Inkhil.", 3),
    # a party's claim placed elsewhere, a sentence on: its own incident, not an account of the dead before
    ("Gunmen shot dead a mukhtar in Busra al-Harir on Thursday. In neighbouring Suwayda, a local faction said it "
     "killed three smugglers near the Jordanian border.", 4),
])
def test_counts_a_bulletin_tells_in_passing(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a running total opened by a clause, with no day: "Since the truce ended, … has documented …"
    ("A sniper shot dead a fisherman in Taiz on Monday. Since the truce collapsed, the network has documented the "
     "killing of 160 civilians in the city.", 1),
    # an earlier incident the report recalls
    ("A shell killed a man in Afrin on Monday. On 30 May, a drone strike on a school in Homs killed 40 people, the "
     "monitor recalled.", 1),
])
def test_background_a_bulletin_recalls(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    # a place named inside a town is that town's, not a namesake abroad that would set the body apart
    ("Kismayo blast: seven dead\nA bomb exploded near Lido in Kismayo on Friday, killing seven people.", 7),
    ("Beach bombing: five dead\nA car bomb exploded near Lido beach in Mogadishu on Friday, killing five people.", 5),
    # a group's branch named after a region is no place that sets its claim apart from the report's count
    ("Two suicide bombers attacked a police post in Jalalabad, killing three policemen. Islamic State's Khorasan "
     "branch claimed the attack, saying it had killed 20 'apostates'.", 3),
    # the feared dead beside a confirmed count in one sentence: its upper reach, not more dead
    ("Gunmen raided Mucojo on Saturday. Four villagers were confirmed dead and nine others were feared dead.", 4),
    ("Some 30 migrants are feared dead after their boat sank off Sfax.", 30),
])
def test_where_and_how_surely_the_dead_are_told(text, deaths):
    assert _deaths(text) == deaths

