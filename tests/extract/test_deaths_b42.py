"""Deaths counted once in short news descriptions: a headline whose figure its lead puts otherwise (the lead's
count is the toll), and guards where a headline's figure is the total that the body breaks down or where a
first sentence with a stop is no headline (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str) -> int:
    return deaths_in(text, date(2025, 7, 10))


@pytest.mark.parametrize("text, expected", [
    # a headline's rounded or earlier figure, put otherwise by its lead: the same dead, the lead's count kept
    ("Blast kills 6 in Baghdad - A bomb hidden in a parked car exploded near a bus station in Baghdad on Friday, "
     "killing eight people, police said.", 8),
    ("Drone strike kills 4 in Kharkiv - A Russian drone hit a residential building in Kharkiv on Monday night, "
     "killing five people, the mayor said.", 5),
    ("Gunmen kill 9 in Plateau village\nArmed men attacked the village of Bokkos in Plateau State on Saturday and "
     "killed eleven villagers, a community leader said.", 11),
    # (a part of the lead's total told after it does not stop the lead from counting)
    ("Air strikes kill 20 across Idlib - Air strikes on Idlib province killed at least 23 people on Tuesday, among "
     "them seven in a strike on a market in Ariha, rescuers said.", 23),
])
def test_headline_figure_told_otherwise_by_lead(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # guards: a first sentence with a stop is a report's own sentence, not a headline
    ("A bomb killed six people in Baghdad on Friday. In Mosul, a second bomb killed eight people on Saturday.", 14),
    # a headline's total broken down by smaller counts in its body stays the total
    ("Attacks kill 9 in Borno - Boko Haram fighters killed seven farmers near Damboa on Tuesday. In Gwoza, "
     "two vigilantes were shot dead.", 9),
    # another incident in the lead, told as separate, is more dead
    ("Gunmen kill 5 in Zamfara - In a separate attack, bandits killed three traders in Sokoto on Monday.", 8),
    # the same figure in headline and lead stays one count
    ("Car bomb kills 7 in Mogadishu - A car bomb killed seven people near a market in Mogadishu on Sunday.", 7),
])
def test_headline_figure_guards(text: str, expected: int) -> None:
    assert deaths(text) == expected
