"""The counting rules every layer shares (marsad.counting)."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

import marsad.counting as counting
from marsad.counting import (
    adds_to_total,
    is_claim,
    is_party_claim,
    is_remainder,
    is_toll_update,
    period_complement,
    remainder,
    remainder_bounds,
    total,
)
from marsad.model import Casualty, DateValue


def test_doctests():
    assert doctest.testmod(counting).failed == 0


def _c(cid, count, outcome="killed", **kw):
    return Casualty(id=cid, outcome=outcome, count=count, **kw)


def test_only_stated_top_level_counts_add_up():
    facts = [_c("C1", 7), _c("C2", 5, part_of="C1"), _c("C3", 2, derived="7 - 5: 'the rest'"),
             _c("C4", 7, alternative_of="C1"), _c("C5", 312, is_tally=True), _c("C6", 3, outcome="injured"),
             _c("C7", None, vague="dozens"), _c("C8", 2, outcome="executed")]
    assert total(facts) == 9
    assert total(facts, ("injured",)) == 3
    assert [adds_to_total(f) for f in facts] == [True, False, False, False, False, True, False, True]


def test_the_same_rules_read_dicts():
    rows = [{"outcome": "killed", "count": 4, "part_of": None}, {"outcome": "killed", "count": 4, "part_of": 9}]
    assert total(rows) == 4


def test_a_claim_is_a_tally_a_long_period_or_part_of_a_claim():
    month = DateValue(date(2024, 2, 1), date(2024, 2, 29), 4)
    day = DateValue(date(2024, 3, 5), date(2024, 3, 5), 1)
    assert is_claim(_c("C1", 312, period=month))
    assert not is_claim(_c("C2", 7, period=day))
    assert is_claim(_c("C3", 7, is_tally=True))
    parent = {"id": 1, "is_tally": False, "period_start": date(2024, 2, 1), "period_end": date(2024, 2, 29), "part_of": None}
    child = {"id": 2, "is_tally": False, "period_start": None, "period_end": None, "part_of": 1}
    by_id = {1: parent, 2: child}
    assert is_claim(child, lambda f: by_id.get(f["part_of"]))
    assert not is_claim(child)


def test_a_figure_period_tuple_is_read():
    class Figure:
        is_tally = False
        period = (date(2024, 3, 1), date(2024, 3, 2))

    assert not is_claim(Figure())
    Figure.period = (date(2024, 3, 1), date(2024, 3, 31))
    assert is_claim(Figure())


def test_a_party_claim_or_unverified_count_is_flagged():
    text = "The group claimed it killed 20 soldiers."
    start = text.index("20")
    assert is_party_claim(text, start, text.index("killed") + 6, (0, len(text)))
    text = "Gunmen killed 4 people in the market."
    assert not is_party_claim(text, text.index("4"), text.index("killed") + 6, (0, len(text)))
    text = "Rebels killed 30 fighters, a figure that could not be verified."
    assert is_party_claim(text, text.index("30"), text.index("killed") + 6, (0, len(text)))
    # a claim told in a statement or a post
    text = "The insurgents said in a statement posted online that they had killed 25 soldiers."
    assert is_party_claim(text, text.index("25"), text.index("killed") + 6, (0, len(text)))
    # a state force's own word on the enemy its units killed (state media's communique)
    text = "Army units foiled an infiltration attempt near Kabani, killing 15 of the terrorists, a military source said."
    assert is_party_claim(text, text.index("15"), text.index("killing") + 7, (0, len(text)))
    # (the same source on people who are no enemy: the count is the report's)
    text = "Soldiers killed 15 villagers near Kabani, a military source said."
    assert not is_party_claim(text, text.index("15"), text.index("killed") + 6, (0, len(text)))
    text = "The movement said on its Telegram channel it killed 8 guards."
    assert is_party_claim(text, text.index("8"), text.index("killed") + 6, (0, len(text)))


def test_a_state_forces_word_on_its_own_strike_is_a_claim_but_not_its_own_dead():
    text = "The military said its jets had struck a rebel depot, killing 12 fighters."
    assert is_party_claim(text, text.index("12"), text.index("killing") + 7, (0, len(text)))
    text = "The ministry said its forces had neutralised five gunmen near the border."
    assert is_party_claim(text, text.index("five"), text.index("neutralised") + 11, (0, len(text)))
    text = "The army said its soldiers were killed when 3 of them hit a mine."
    assert not is_party_claim(text, text.index("3"), text.index("killed") + 6, (0, len(text)))


def test_a_claim_ends_where_a_contrasting_clause_begins():
    text = "The army said its troops had killed 9 militants, while medics said 4 civilians died."
    assert is_party_claim(text, text.index("9"), text.index("killed") + 6, (0, len(text)))
    assert not is_party_claim(text, text.index("4"), text.index("died") + 4, (0, len(text)))
    text = "The group claimed it killed 20 soldiers; residents said 6 soldiers died."
    assert not is_party_claim(text, text.index("6"), text.index("died") + 4, (0, len(text)))


def test_a_day_after_said_keeps_a_party_claim_but_not_a_statement_of_deaths():
    # "said on Thursday they had killed": the party's own word on its kills
    text = "The rebels said on Thursday they had killed 40 police at a checkpoint."
    assert is_party_claim(text, text.index("40"), text.index("police") + 6, (0, len(text)))
    # "said on Friday that 19 people had died": a source stating a toll, no claim
    text = "Hospital officials said on Friday that 19 people had died in the blast."
    assert not is_party_claim(text, text.index("19"), text.index("died") + 4, (0, len(text)))


def test_the_rest_and_its_bounds():
    assert remainder(312, [118]) == 194
    assert remainder_bounds((123, 123, None), [(2, 2, 2)]) == (121, 121, None)
    assert remainder_bounds((10, 10, 10), [(3, 3, None)]) == (0, 7, 7)
    assert is_remainder("123 - 2: 'the rest'") and not is_remainder("608 - 341")


def test_period_complement():
    whole = (date(2024, 1, 1), date(2024, 3, 31))
    assert period_complement(*whole, [(date(2024, 2, 1), date(2024, 3, 31))]) == (date(2024, 1, 1), date(2024, 1, 31))
    assert period_complement(*whole, [(date(2024, 2, 1), date(2024, 2, 29))]) is None  # two gaps
    assert period_complement(*whole, [(None, None)]) is None


def test_a_toll_across_a_country_or_several_regions_is_an_aggregate():
    from marsad.counting import is_aggregate_scope

    def country(name):
        return name in {"Syria", "Iraq"}

    def check(text):
        return is_aggregate_scope(text, 0, len(text), country)

    assert check("30 people were killed across Syria on Monday")
    assert check("30 people were killed throughout the country")
    assert check("30 people were killed in several provinces")
    assert check("30 people were killed nationwide")
    assert not check("30 people were killed across Idlib")  # one governorate: may still be one incident
    assert not check("smuggled across the Syria border")
    assert not check("30 people were killed in Syria")


def test_a_running_total_is_an_aggregate_but_a_toll_this_week_is_not():
    from marsad.counting import is_aggregate_scope

    def check(text):
        return is_aggregate_scope(text, 0, len(text), lambda name: False)

    assert check("40 the number of people killed in the province this week")
    assert check("31 killed so far this month")
    assert not check("9 people were killed in Ariha this week")


def test_a_total_since_a_date_is_a_running_total():
    from marsad.counting import is_aggregate_scope

    text = "560 the number of regime soldiers killed since the beginning of 2023"
    assert is_aggregate_scope(text, 0, len(text), lambda name: False)


@pytest.mark.parametrize("text", [
    "An injured woman died overnight, raising to 17 the number of people killed in the market blast",
    "The toll from the ambush was reaching 30 by evening",
    "Another body was pulled out on Monday, which took the total to six",
    # a toll closed at the end of a search, and a toll called final or latest
    "The search of the rubble ended on Monday with the death toll at 40",
    "The final death toll from the landslide was 31",
    # a count of bodies recovered that rises
    "The number of bodies pulled from the mass grave outside Izium has climbed to 22",
])
def test_a_toll_update_is_told_by_any_form_of_its_verbs(text):
    # one vocabulary (counting.TOLL_RISES, TOLL_RAISES) for extraction and reconciliation
    assert is_toll_update(text)


def test_taking_people_somewhere_is_no_toll_update():
    assert not is_toll_update("Ambulances were taking the wounded to the district hospital")


def test_party_claim_after_a_longer_lead_in():
    # the group's statement names its fighters after "said in a statement posted on its channels that"
    text = ("The group said in a statement posted on its channels that its fighters had killed 30 soldiers "
            "in the raid.")
    assert is_party_claim(text, text.index("30"), text.index("killed") + 6, (0, len(text)))
    text = "The group said in a statement that seven of its fighters were killed."
    assert not is_party_claim(text, text.index("seven"), text.index("killed") + 6, (0, len(text)))


def test_a_monitors_documented_count_is_no_claim():
    text = "The rights group said it had documented the killing of 9 civilians in the raid."
    assert not is_party_claim(text, text.index("killing"), text.index("killing") + 7, (0, len(text)))
    # (a state force's statement "adding that" enemies were neutralised is the report's toll, as ACLED codes it)
    text = "Seven soldiers died in the ambush, the army said, adding that scores of assailants were neutralised."
    assert not is_party_claim(text, text.index("scores"), text.index("neutralised") + 11, (0, len(text)))
