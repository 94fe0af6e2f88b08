"""Events: one per incident, main event first, with date, place, actors and counts."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from marsad.extract.pipeline import extract_text
from marsad.gazetteer.keys import names_place

# How the hand annotation's free-text kinds map onto ACLED sub-event types.
SEED_KINDS = {
    "E1": {"Change to group/activity", "Other"},
    "E2": {"Change to group/activity", "Other"},
    "E3": {"Non-state actor overtakes territory"},
    "E4": {"Change to group/activity", "Other", "Agreement"},
    "E5": {"Change to group/activity", "Other"},
    "E6": {"Shelling/artillery/missile attack"},
    "E7": {"Change to group/activity", "Armed clash", "Other"},
    "E8": {"Air/drone strike"},
    "E9": {"Air/drone strike"},
    "E10": {"Air/drone strike"},
}


def _gold_interval(gold: dict) -> tuple[date, date]:
    if "period" in gold:
        return date.fromisoformat(gold["period"][0]), date.fromisoformat(gold["period"][1])
    day = date.fromisoformat(re.search(r"\d{4}-\d{2}-\d{2}", gold["date"]).group(0))
    return day - timedelta(days=3), day + timedelta(days=1)


def _event_interval(event) -> tuple[date, date] | None:
    if event.date is not None:
        return event.date.start, event.date.end
    if event.event_date is not None:
        return event.event_date, event.event_date
    return None


def _places(gold: dict) -> list[str]:
    names = gold.get("places") or ([gold["place"]] if "place" in gold else [])
    return [n.split(",")[0].replace("’", "'").lower() for n in names]


def _matches(event, gold: dict, extraction) -> bool:
    if event.sub_event_type not in SEED_KINDS[gold["id"]]:
        return False
    named = {a for a in gold.get("actors", []) if not a.startswith("unstated")}
    if named and not named & {event.actor1, event.actor2} and "French and American" not in " ".join(named):
        return False
    if "French and American" in " ".join(named) and event.actor1 not in ("International Coalition", "SDF"):
        return False
    interval = _event_interval(event)
    if "date" in gold and "days before" not in gold["date"]:
        low, high = _gold_interval(gold)
        if interval is None or interval[1] < low or interval[0] > high:
            return False
    places = _places(gold)
    if places and gold["id"] in ("E4", "E8", "E9", "E10"):
        written = {p.text.replace("’", "'").lower() for p in extraction.places if p.id in event.place_ids}
        if not any(any(g.split()[-1] in w or w in g for w in written) for g in places):
            return False
    return True


def _one_to_one(candidates: dict[str, list[str]]) -> list[str]:
    """Gold ids matched to distinct extracted events (maximum bipartite matching)."""
    owner: dict[str, str] = {}

    def assign(gold_id: str, seen: set[str]) -> bool:
        for event_id in candidates[gold_id]:
            if event_id in seen:
                continue
            seen.add(event_id)
            if event_id not in owner or assign(owner[event_id], seen):
                owner[event_id] = gold_id
                return True
        return False

    return sorted(gold_id for gold_id in candidates if assign(gold_id, set()))


def test_seed_events_cover_at_least_8_of_the_10_gold_events(shared_dir, seed_text):
    gold = json.loads((shared_dir / "seed" / "000_630b495d26aa50f8.gold.json").read_text(encoding="utf-8"))
    extraction = extract_text(seed_text, published=date(2018, 11, 10), source="SOHR")
    candidates = {g["id"]: [e.id for e in extraction.events if _matches(e, g, extraction)] for g in gold["events"]}
    found = _one_to_one(candidates)
    assert len(found) >= 8, f"found only {found}"
    assert 8 <= len(extraction.events) <= 12, [e.span.text[:60] for e in extraction.events]  # not over-split
    assert extraction.events[0].sub_event_type in SEED_KINDS["E1"]  # the headline's offensive leads


def test_seed_events_carry_evidence_spans_and_the_shelling_toll(seed_text):
    extraction = extract_text(seed_text, published=date(2018, 11, 10))
    for event in extraction.events:
        assert seed_text[event.span.start : event.span.end] == event.span.text
    shelling = [e for e in extraction.events if e.sub_event_type == "Shelling/artillery/missile attack"
                and "border strip" in e.span.text]
    assert shelling and shelling[0].fatalities == 5


def test_acled_style_note_gives_one_main_event():
    text = ("On 14 March 2023, unidentified gunmen shot dead two farmers near Tafas (Daraa). "
            "A third man was wounded in the attack.")
    extraction = extract_text(text)
    main = extraction.events[0]
    assert (main.event_type, main.sub_event_type) == ("Violence against civilians", "Attack")
    assert main.event_date == date(2023, 3, 14)
    assert main.actor1.startswith("Unidentified Armed Group")
    assert main.actor2.startswith("Civilians")
    assert (main.fatalities, main.injured) == (2, 1)
    assert len(extraction.events) == 1


def test_protest_dispersed_later_in_the_note_is_a_protest_with_intervention():
    text = ("On 2 May 2023, dozens of teachers protested in front of the governorate building in Homs "
            "to demand higher salaries. Police dispersed the protesters with tear gas.")
    main = extract_text(text).events[0]
    assert main.sub_event_type == "Protest with intervention"
    assert main.actor1.startswith("Protesters")


def test_separate_places_and_dates_are_separate_incidents_in_order():
    text = ("On 3 June 2023, Russian warplanes carried out airstrikes on Kansafra in Idlib countryside, "
            "killing 3 civilians. On 4 June 2023, regime forces shelled Kafr Nabl, injuring 2 children.")
    events = extract_text(text).events
    assert [e.sub_event_type for e in events] == ["Air/drone strike", "Shelling/artillery/missile attack"]
    assert [e.event_date for e in events] == [date(2023, 6, 3), date(2023, 6, 4)]
    assert events[0].actor1 == "Russian forces" and events[1].actor1 == "Regime forces"
    assert (events[0].fatalities, events[1].injured) == (3, 2)
    assert events[0].salience > events[1].salience


@pytest.mark.parametrize("text", ["", "   ", "The weather was mild and nothing happened."])
def test_text_without_incidents_gives_no_events(text):
    assert extract_text(text).events == []


def test_toll_sentences_at_two_places_are_two_events_even_when_the_places_are_unknown():
    # same day ("yesterday" = 8 May), places the gazetteer does not know: only the two counts tell them apart
    text = ("The death toll of the shelling on a bakery in Zawiyat Saleh yesterday has risen to 5 people. "
            "The death toll of the ISIS attack on a hilltop in Tell Jarnoush on 8 May 2023 has risen to 2 fighters.")
    events = extract_text(text, published=date(2023, 5, 9)).events
    assert [(e.location, e.fatalities) for e in events] == [("Zawiyat Saleh", 5), ("Tell Jarnoush", 2)]


def test_a_second_sentence_elaborating_the_same_place_stays_one_event():
    text = ("Regime warplanes struck the market in Sarmin on 3 June 2023, killing 4 civilians. "
            "Rescuers in Sarmin recovered the body of a fifth victim on the same day.")
    events = extract_text(text, published=date(2023, 6, 4)).events
    assert len(events) == 1


def test_a_dateline_opening_does_not_displace_the_clause_that_types_the_event():
    # the dateline is adopted for its date and place; "Warplanes struck" still leads the typing
    text = ("Saraqib, 4 June 2020. Warplanes struck a bakery in Saraqib, killing nine civilians, including two women. "
            "Witnesses said the strike came at dawn.")
    event = extract_text(text, published=date(2020, 6, 5)).events[0]
    assert event.sub_event_type == "Air/drone strike"
    assert event.event_date == date(2020, 6, 4) and event.fatalities == 9


def test_a_clause_that_points_back_at_the_attack_tells_the_same_incident():
    # the second sentence names a new place (where the dead came from) but "The attack" is
    # the incident just told: one event, its deaths
    extraction = extract_text(
        "On 3 May 2021, near Tell Hadya village (Jebel Saman district, Aleppo), gunmen ambushed a military patrol "
        "at dawn. The attack killed six soldiers from Azaz.",
        published=date(2021, 5, 4))
    assert [e.fatalities for e in extraction.events] == [6]


@pytest.mark.parametrize("text", [
    "Gunmen attacked a checkpoint in the north of the town on Monday night AND shelling killed a child near the market.",
    "Clashes broke out between two armed groups near the border crossing;  two soldiers were wounded in the fighting.",
    "Protesters gathered outside the governor's office in the city, while police fired tear gas at a second crowd nearby.",
    "Regime forces shelled several villages in the southern countryside of the province on Sunday morning, and the "
    "Syrian Observatory documented the damage, while clashes went on in the north of the province, in addition to "
    "air strikes on the outskirts of the town, and in the evening the shelling resumed on the same villages near the "
    "main road, which killed three civilians and wounded five others in the village of the mountain district \tand  "
    "in conjunction with drone strikes on the positions of the armed factions in the area.",
])
def test_clauses_are_cut_alike_with_and_without_the_word_index(text):
    from marsad.extract.casefold import folded_text
    from marsad.extract.events import clauses_of
    from marsad.extract.pipeline import DocContext

    def cuts(folded: bool) -> list[tuple[int, int, bool]]:
        ctx = DocContext(text=text)
        ctx._folded, ctx._folded_done = (folded_text(ctx.norm) if folded else None), True
        assert (ctx.word_index() is not None) == folded
        return [(clause.start, clause.end, clause.run_on) for clause in clauses_of(ctx)]

    scanned = cuts(False)
    assert len(scanned) > 1  # each text holds a break
    assert cuts(True) == scanned


def test_the_day_a_statement_was_made_is_not_the_day_of_the_incident():
    text = ("The police said on Thursday that officers had shot dead three gunmen in a raid near Kandi on Wednesday. "
            "One officer was wounded, the statement said.")
    (event,) = extract_text(text, published=date(2024, 5, 9)).events
    assert event.event_date == date(2024, 5, 8)
    # with no other date, the statement's day is the best there is
    (event,) = extract_text("Officials said on Thursday that a bomb had killed two people in Kandi.",
                            published=date(2024, 5, 9)).events
    assert event.event_date == date(2024, 5, 9)


@pytest.mark.parametrize("text", [
    "The search of the collapsed school in Kherson ended on Monday with the death toll at 14.",
    "Rescue work at the mine in Bambari was called off on Monday, with 14 miners dead.",
    "Gunmen killed 14 worshippers at a mosque in Tillaberi. Monday was declared a day of mourning in the town.",
    "Gunmen killed 14 worshippers at a mosque in Tillaberi. Their funerals were held on Monday in the town.",
])
def test_the_day_the_dead_were_counted_mourned_or_buried_is_not_the_incident_s(text):
    # published on Wednesday: Monday is the day of the search's end, the mourning or the funerals
    (event,) = extract_text(text, published=date(2024, 5, 8)).events
    assert event.event_date != date(2024, 5, 6)


def test_a_place_named_only_in_a_running_total_does_not_place_the_strike():
    text = ("An airstrike on a house in Beit Lahia killed 9 people on Friday, medics said, raising the death toll in "
            "Gaza since October 7 to 31,000.")
    (event,) = extract_text(text, published=date(2024, 3, 2)).events
    assert event.fatalities == 9
    assert names_place("Beit Lahia", event.location)


@pytest.mark.parametrize(("text", "place"), [
    # a country's adjective is not a place, even before an area word
    ("A bomb exploded near a police station in the southern Thai province of Yala, police said.", "Yala"),
    # a governorate named like a people still is
    ("Clan militias clashed in the Somali region of Ethiopia on Monday.", "Somali"),
])
def test_a_countrys_adjective_is_no_place(text, place):
    (event,) = extract_text(text).events
    assert event.location == place


def test_a_count_of_a_named_days_incident_takes_that_day():
    # the burial is on Sunday; the six died in Wednesday's shelling
    text = "Villagers on Sunday buried the six victims of last Wednesday's shelling of the market in Kfar Nabl."
    extraction = extract_text(text, published=date(2021, 6, 13))
    killed = [e for e in extraction.events if e.fatalities]
    assert killed and killed[0].event_date == date(2021, 6, 9)


def test_arrests_in_raids_across_one_province_are_one_operation_not_a_tally():
    text = "Police detained nine suspected smugglers in raids across Diyala province on Sunday, officials said."
    events = extract_text(text, published=date(2024, 3, 8)).events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Arrests", 0)]
    # a region's toll stays a tally: no incident's dead
    tally = extract_text("Shelling killed seven civilians across Kherson region on Monday.", published=date(2024, 3, 8))
    assert sum(e.fatalities for e in tally.events) == 0 and [c.is_tally for c in tally.casualties] == [True]


def test_a_roundup_sentence_tells_each_incident_with_its_own_day_type_and_actor():
    text = ("Over the week, Israeli strikes killed four people in Khiam on Sunday and army shelling killed a farmer "
            "in Aitaroun on Tuesday.")
    events = extract_text(text, published=date(2024, 3, 16)).events
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in events] == [
        ("Air/drone strike", date(2024, 3, 10), 4), ("Shelling/artillery/missile attack", date(2024, 3, 12), 1)]
    assert events[0].actor1 == "Israeli forces"


def test_a_day_of_mourning_dates_no_incident_of_its_own():
    events = extract_text("The town mourned on Friday the nine victims of Tuesday's drone strike on its market.",
                          published=date(2024, 3, 16)).events
    assert [e.event_date for e in events] in ([], [date(2024, 3, 12)])


@pytest.mark.parametrize("text, location", [
    ("Gunmen kill six at a wedding in northern Nigeria. The attack in Kaduna, the state capital, drew condemnation.",
     "Kaduna"),
    ("Blast kills four in Iraq. The bombing near Kirkuk targeted a police patrol.", "Kirkuk"),
])
def test_a_headline_placed_only_in_a_country_takes_the_place_the_next_sentence_names(text, location):
    events = extract_text(text, published=date(2024, 7, 15)).events
    assert [(names_place(location, e.location), e.fatalities) for e in events] == [(True, events[0].fatalities)]
    assert events[0].fatalities > 0


def test_a_later_place_that_tells_another_incident_is_not_taken():
    events = extract_text("Gunmen kill six in northern Nigeria. A separate raid in Kaduna left no one hurt.",
                          published=date(2024, 7, 15)).events
    assert events[0].location == "Nigeria"


def test_a_village_the_gazetteer_does_not_know_keeps_the_province_and_country_the_text_gives():
    extraction = extract_text("Militiamen attacked the village of Ndakala in Irumu territory, Ituri province, killing "
                              "six civilians.", published=date(2022, 3, 2))
    (event,) = extraction.events
    assert (event.location, event.admin1, event.country) == ("Ndakala", "Ituri", "Democratic Republic of Congo")
    assert event.latitude is None  # no point: the village is not in the gazetteer


def test_a_country_people_flee_to_is_not_where_the_attack_happened():
    extraction = extract_text("Last week's militia attack on El Geneina, which killed 19 people, has forced thousands "
                              "more to flee across the border to Chad, aid agencies said.", published=date(2023, 6, 18))
    (event,) = extraction.events
    assert (event.location, event.country) == ("Al-Junaynah", "Sudan")


def test_a_days_sum_does_not_lead_the_first_incident_and_meanwhile_opens_another():
    text = ("SOHR documented the death of 4 people across Syria today. In Idlib, Russian warplanes struck the "
            "outskirts of Sarmin, killing 2 civilians. Meanwhile, 2 regime soldiers were killed by sniper fire on "
            "the frontlines of Kafr Nabudah in Hama countryside.")
    events = extract_text(text, published=date(2024, 9, 2)).events
    assert [(e.admin1, e.fatalities) for e in events] == [("Idlib", 2), ("Hama", 2)]


def test_a_country_as_a_headlines_subject_is_its_state():
    events = extract_text("Ukraine retakes village near Kupiansk", published=date(2024, 6, 12)).events
    assert [e.sub_event_type for e in events] == ["Government regains territory"]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("The governor urged residents to stay indoors on Thursday after a night of attacks on Zaporizhzhia. A Russian "
     "missile struck an apartment block in the city's Oleksandrivskyi district, killing four people.",
     "Shelling/artillery/missile attack"),
    ("The interior minister blamed a local gang on Monday for a wave of attacks on bus drivers. Two gunmen shot dead "
     "a driver at a terminal in San Pedro Sula on Sunday night, police said.", "Attack"),
])
def test_a_reaction_that_opens_a_report_is_no_incident_of_its_own(text, sub_event_type):
    events = extract_text(text, published=date(2024, 5, 9)).events
    assert [e.sub_event_type for e in events] == [sub_event_type]


def test_a_reaction_with_no_incident_told_after_it_keeps_its_event():
    events = extract_text("The minister blamed the gang for a wave of attacks on bus drivers in San Pedro Sula.",
                          published=date(2024, 5, 9)).events
    assert len(events) == 1


def test_an_opening_development_with_no_dead_goes_behind_the_incident_told_after_it():
    text = ("Markets in Tierra Caliente stayed closed on Monday and dozens of families left for Morelia. Gunmen of two "
            "rival cartels fought for hours in the village of Apatzingan on Sunday, leaving nine dead, prosecutors said.")
    events = extract_text(text, published=date(2024, 5, 13)).events
    assert events[0].event_type == "Battles" and events[0].fatalities == 9
    assert len(events) == 2  # the closure is kept, second


def test_a_suicide_bomber_in_the_lead_paragraph_types_the_headlines_blast():
    text = ("Blast kills 5 in Quetta. A suicide bomber blew himself up at a police checkpoint on the city's outskirts "
            "on Monday, officials said.")
    assert [e.sub_event_type for e in extract_text(text, published=date(2024, 5, 6)).events] == ["Suicide bomb"]


def test_a_bulletins_items_with_their_place_before_their_count_are_split_by_place():
    text = ("The Observatory documented the death of seven people in Syria today. Russian warplanes struck farmland "
            "near Kafr Nabl in the southern countryside of Idlib, killing three civilians; a man and his wife were "
            "killed when regime shells hit their house in the town of Saraqib; and two HTS fighters were killed in a "
            "drone attack near Darat Izza in the western countryside of Aleppo.")
    events = extract_text(text, published=date(2024, 5, 8)).events
    assert [(e.admin1, e.fatalities) for e in events] == [("Idlib", 3), ("Idlib", 2), ("Aleppo", 2)]


def test_a_burial_that_opens_a_report_does_not_date_the_incident():
    text = ("Mourners buried a mother and her son in Saraqib on Tuesday. The two were killed on Monday when shells hit "
            "their home, relatives said.")
    (event,) = extract_text(text, published=date(2024, 5, 8)).events
    assert (event.event_date, event.admin1, event.fatalities) == (date(2024, 5, 6), "Idlib", 2)


def test_a_towns_week_told_by_several_attacks_is_a_running_total():
    text = "At least 56 civilians have been killed in El Fasher this week by RSF shelling and drone strikes, the charity said."
    assert sum(e.fatalities for e in extract_text(text, published=date(2024, 5, 8)).events) == 0


@pytest.mark.parametrize(("text", "admin1", "country"), [
    # a governorate only the rest of the sentence names does not move a known town into it
    ("Regime shelling killed two people in Khan Shaykhun, while clashes continued in the countryside of Homs.",
     "Idlib", "Syria"),
    # a name read through its Arabic consonants stays in an Arabic-speaking country ("Western Daraa" is no Faroese
    # village whose Arabic alternate transliterates its Latin name)
    ("Clashes erupted between local gunmen and regime forces in Western Daraa on Tuesday.", None, None),
])
def test_a_sentences_governorate_and_an_arabic_reading_place_no_town_far_off(text, admin1, country):
    event = extract_text(text, published=date(2024, 5, 8)).events[0]
    assert (event.admin1, event.country) == (admin1, country)
