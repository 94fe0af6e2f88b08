"""Deaths counted once in long reports (batch 46: wire stories, monitors' bulletins, situation reports, weekly
overviews): running totals opened by a day the words point at ("since then", "which began on 15 March", "since the
invasion in February 2022") and a count in the perfect joined to one of them by ", and"; the toll of the day a war's
period opens, told in its "when" clause; a round-up's clashes "over the week"; a run of attacks numbered "since May"
that scopes no count; a state's word on the enemy its troops killed with the speaker after the claim; attackers
"also" killed after a risen toll; bodies found elsewhere after a headline the body tells with its day and place; and a
situation report's HIGHLIGHTS told again by its body. Guards where the same words tell the same dead or no running
total (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str, published: date = date(2025, 4, 18)) -> int:
    return deaths_in(text, published)


@pytest.mark.parametrize("text, expected", [
    # "since then": the day named before it opens the running total
    ("Fighting spread to the camp in October 2023. A drone strike on a clinic there killed three nurses on Tuesday, "
     "medics said. More than 400 residents have been killed in the camp since then, a local council said.", 3),
    # "which began on <day>": the campaign's running total
    ("Air strikes on a fuel depot near Hodeidah killed nine workers on Thursday, port officials said. The bombing "
     "campaign, which began on 2 March, has killed more than 250 people, the authorities in Sanaa say.", 9),
    # "since <someone's> invasion in <month year>"
    ("A glide bomb hit a market in Kostiantynivka on Wednesday, killing six shoppers, the governor said. A UN mission "
     "has verified the deaths of over 12,000 civilians in Ukraine since Russia's full-scale invasion in February 2022.", 6),
])
def test_a_running_total_opened_by_a_day_the_words_point_at(text: str, expected: int) -> None:
    assert deaths(text) == expected


def test_a_count_in_the_perfect_joined_to_a_running_total_is_one_too() -> None:
    assert deaths("Settlers shot dead a shepherd near Nablus on Monday, the ministry said. Violence surged after "
                  "the war began in October 2023. More than 500 Palestinians have been killed in the territory since "
                  "then, the ministry says, and at least 30 Israelis have been killed in attacks, officials say.",
                  date(2024, 8, 20)) == 1


def test_the_toll_of_the_day_a_period_opens_is_background() -> None:
    assert deaths("An air strike on a house in Rafah killed seven people on Sunday, medics said. Over 35,000 people "
                  "have been killed in the territory since the war began on 7 October, when gunmen stormed border "
                  "towns, killing about 1,200 people.", date(2024, 5, 20)) == 7


def test_a_roundups_clashes_over_the_week_are_a_running_total() -> None:
    assert deaths("In Honduras, on 4 March, gunmen killed four men at a car wash in San Pedro Sula. In Guerrero "
                  "state, clashes between rival gangs killed at least 15 people over the week, local media said.",
                  date(2025, 3, 10)) == 4


def test_a_period_that_numbers_a_run_of_attacks_scopes_no_count() -> None:
    assert deaths("The main hospital in Kadugli was shelled for the third time since June; three patients were "
                  "killed, the health office said.", date(2024, 8, 20)) == 3


def test_a_state_word_on_the_enemy_with_the_speaker_after_the_claim_adds() -> None:
    assert deaths("Jihadists attacked an army post near Diffa on Friday, killing six soldiers, the ministry said. "
                  "Troops repelled the assault and killed 15 of the terrorists, a military spokesman said on "
                  "Saturday.") == 21


def test_attackers_also_killed_after_a_risen_toll_are_other_dead() -> None:
    assert deaths("Toll from hotel siege in Kismayo rises to 18\nEighteen people were killed in the siege of a hotel "
                  "in Kismayo, the regional president said on Saturday, up from an earlier toll of 11. Four attackers "
                  "also died when special forces stormed the building.", date(2024, 7, 14)) == 22


def test_bodies_found_elsewhere_after_a_headline_the_body_tells_are_other_dead() -> None:
    assert deaths("Gunmen kill nine at cockfight in western Mexico\nArmed men opened fire at a cockfight in the "
                  "town of Uruapan in Michoacan state late on Friday, killing nine people, prosecutors said. On "
                  "Saturday, the bodies of four men were dumped beside a highway outside Zacatecas, state officials "
                  "said.", date(2025, 5, 4)) == 13


def test_a_situation_reports_highlights_are_told_again_by_its_body() -> None:
    assert deaths("CHAD: Eastern Border Flash Update No. 2 (as of 9 May 2024)\nHIGHLIGHTS\nAn attack on Arkoum "
                  "camp kills at least six refugees. Some 12,000 new arrivals were registered this week.\n"
                  "SITUATION OVERVIEW\nOn 7 May, gunmen on horseback raided Arkoum camp, east of Adre in Ouaddai "
                  "province, killing at least six refugees and wounding 11, camp leaders said. Partners continue to "
                  "register new arrivals.", date(2024, 5, 9)) == 6


@pytest.mark.parametrize("text, expected", [
    # guard: "since then" with no day named before it opens nothing
    ("Gunmen killed two traders in Maiduguri on Monday. Since then, shops in the market have stayed shut.", 2),
    # guard: the main clause after the "when" clause still counts what the report reports
    ("An air strike on a school in Gaza City killed 14 people on Saturday, when hundreds were sheltering inside, "
     "medics said.", 14),
    # guard: one bulletin item's attackers, with no word of more, are the toll's dead told again
    ("Death toll in Bamako attack rises to 17\nSeventeen people have died after militants attacked a gendarmerie "
     "school in Bamako, officials said, up from 12.", 17),
    # guard: the bodies of the dead the headline counts, found where the body said they were killed
    ("Gunmen kill four farmers in Benue\nGunmen killed four farmers in Agatu on Sunday, police said. Their bodies "
     "were found in a field on Monday.", 4),
])
def test_guards_the_same_dead_or_no_running_total(text: str, expected: int) -> None:
    assert deaths(text) == expected


def test_a_roundups_opening_over_the_week_goes_behind_its_first_incident() -> None:
    from marsad.extract import extract_text

    text = ("Last week in Central America, gang violence remained high in Honduras, and clashes between rival gangs in "
            "Guatemala displaced dozens of families. In Honduras, on 4 March, gunmen killed four men at a car wash in "
            "San Pedro Sula.")
    events = extract_text(text, published=date(2025, 3, 10)).events
    assert events[0].fatalities == 4 and events[0].sub_event_type == "Attack"


def test_an_opening_incident_with_dead_stays_first() -> None:
    # guard: a week's opening that tells dead of its own is the report's main event
    from marsad.extract import extract_text

    text = ("Last week, militants killed 12 villagers in an attack on Tassia, officials said. On Monday, a bomb killed "
            "two soldiers near Gao.")
    events = extract_text(text, published=date(2024, 6, 12)).events
    assert events[0].fatalities == 12
