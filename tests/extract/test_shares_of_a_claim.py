"""A month's figure broken down after it (s28, written in our own words): "killed 41 of them", "the remaining 37"
and a place's "highest toll, with 22 … killed" are shares of the claim, its people again, never incidents of their
own. Guards: a share told after an incident's count beside a running total is the incident's; after an incident's
count alone, "the remaining" is read as before."""

from __future__ import annotations

from datetime import date

from marsad.counting import total
from marsad.extract import extract_text

MONTHLY = (
    "The monitoring group said in its monthly report on Tuesday that it had documented the killing of 120 civilians "
    "across the country in May, including 20 children. Government forces killed 52 of them, and the remaining 68 "
    "were killed by armed groups. Kassala state saw the highest toll, with 31 civilians killed, most of them in "
    "drone strikes.")


def test_the_shares_of_a_month_are_its_parts():
    extraction = extract_text(MONTHLY, published=date(2024, 6, 4))
    month = [c for c in extraction.casualties if c.count == 120]
    assert month and month[0].is_tally
    shares = [c for c in extraction.casualties if c.count in (52, 68, 31)]
    assert sorted(c.count for c in shares) == [31, 52, 68]
    assert all(c.part_of == month[0].id for c in shares)
    assert total(extraction.casualties) == 0 and not extraction.events


def test_a_share_after_an_incident_beside_a_running_total_is_the_incident_s():
    text = ("During the week, 18 civilians were killed in the southern districts, bringing the number of civilians "
            "killed since January to 410. Five of those killed this week were women.")
    casualties = extract_text(text, published=date(2024, 6, 4)).casualties
    week = next(c for c in casualties if c.count == 18)
    assert next(c for c in casualties if c.count == 5).part_of == week.id


def test_the_remaining_after_an_incident_s_count():
    text = "A car bomb killed 12 people at the market on Monday. Seven of them were soldiers and the remaining five were civilians."
    extraction = extract_text(text, published=date(2024, 6, 4))
    assert total(extraction.casualties) == 12
