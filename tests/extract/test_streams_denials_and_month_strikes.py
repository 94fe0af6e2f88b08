"""Report streams (s24, hs27): a party's denial of an incident reported elsewhere, and a month's dead "killed in
air strikes and clashes" (written for these tests, in our own words).

* "The ministry denied that its forces had shelled the camp" with no count of its own tells no incident: it answers
  one the others report, and dated by its publication it would stand as a second, dead-less incident.
* "At least 85 people were killed in air strikes and raids in the province during March" is a month's total, as
  "air strikes killed 85 people in March" is: the plural incidents told after the verb, not only before it.

The guards keep a denial's own counts, a sentence that reports besides denying, one day's strikes, and a month
with one incident told in the singular."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text
from tests.extract.deaths import deaths_in


def _events(text: str, published: date = date(2024, 3, 20)) -> list[int]:
    return [e.fatalities for e in extract_text(text, published=published).events]


@pytest.mark.parametrize("text", [
    # (before: each became an event of its own with no dead, dated by its publication)
    "The defence ministry denied that its forces had shelled the displacement camp near Kadugli, saying the army "
    "had only returned fire at rebel positions.",
    "The interior ministry rejected reports that police had opened fire on worshippers in Bunia, calling them "
    "fabrications.",
    "The army dismissed claims that its drones had struck a wedding party in the village, saying the target was a "
    "militia depot.",
])
def test_a_denial_without_counts_tells_no_incident(text):
    assert _events(text) == []


@pytest.mark.parametrize("text, expected", [
    # guards: a denial that gives its own toll, a report that tells the attack and then the denial, and a strike
    # told before the denial in a sentence of its own stay events
    ("The army denied that civilians had been hit, saying the strike on Monday killed 14 fighters in Kadugli.", [14]),
    ("Shelling hit the displacement camp near Kadugli on Monday, killing six people, aid workers said. The "
     "defence ministry denied that its forces had fired on the camp.", [6]),
    ("Gunmen attacked a church in Bunia on Sunday, residents said.", [0]),
])
def test_guard_reported_incidents_stay_events(text, expected):
    assert _events(text) == expected


def _killed_is_tally(text: str, published: date) -> bool:
    killed = [c for c in extract_text(text, published=published).casualties if c.outcome == "killed"]
    return killed[0].is_tally


@pytest.mark.parametrize("text, published, tally", [
    # a month's dead in several incidents told after the verb (before: an incident of 85 or 64 dead)
    ("At least 85 civilians were killed in air strikes and raids in Kordofan during March, a monitoring group "
     "said.", date(2024, 4, 4), True),
    ("Some 64 people were killed in clashes between rival militias in the province in February, the local "
     "council said.", date(2024, 3, 6), True),
    # guards: one day's strikes, a month without incidents named, and one attack in the singular stay incidents
    ("Eleven civilians were killed in air strikes on the market in El Obeid on Tuesday, residents said.",
     date(2024, 3, 20), False),
    ("Nine people were killed in an attack on a bus near Kadugli in early March, witnesses said.",
     date(2024, 3, 20), False),
])
def test_a_month_of_strikes_told_after_the_verb_is_a_total(text, published, tally):
    assert _killed_is_tally(text, published) is tally


def test_the_month_total_adds_no_dead_to_the_day():
    text = ("An air strike killed seven people at a water point in El Obeid on Monday, witnesses said. At least 85 "
            "civilians were killed in air strikes and raids in Kordofan during March, a monitoring group said.")
    assert deaths_in(text, date(2024, 4, 4)) == 7
