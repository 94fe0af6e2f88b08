"""Report streams (s25, hs30): a monitor's total of "people" with fewer of them singled out as civilians, and
one count of the dead of attacks on two named places (written for these tests, in our own words). The guards
check that each rule does not reach too far."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.extract import extract_text


def _killed(text: str, published: date = date(2024, 5, 20)):
    return [c for c in extract_text(text, published=published).casualties if c.outcome == "killed"]


@pytest.mark.parametrize("text, total_victims", [
    # fewer of the people named as civilians: the total is of no one kind (before: all civilians)
    ("Since the clashes began on 2 May, the observatory has recorded the deaths of 63 people in the eastern "
     "countryside, among them 17 civilians.", None),
    ("Shelling and air raids killed 25 persons in the district over the weekend, including nine civilians, "
     "the monitor said.", None),
    # guards: children or women are some of the civilians; a total of civilians stays civilians;
    # the whole number singled out says nothing of others
    ("An air strike on a market killed 14 people in Ariha on Sunday, including six children.", "civilians"),
    ("Artillery fire killed 11 civilians in Sarmin on Monday, among them four women.", "civilians"),
    ("Eight people, all of them civilians, were killed when a shell hit a bus near Atarib on Monday.", "civilians"),
])
def test_people_with_fewer_singled_out_as_civilians(text, total_victims):
    totals = [c for c in _killed(text) if c.part_of is None]
    assert totals and totals[0].victims == total_victims


@pytest.mark.parametrize("text, tally", [
    # one count over attacks on two named places sums their incidents: a claim (before: one incident's toll)
    ("Rescuers pulled out the bodies of five civilians, two of them women, killed in attacks by government "
     "forces with rockets and drones on Maaret Harma and Kansafra in southern Idlib.", True),
    ("Police confirmed the raids on Gidan Dawa and Tungar Kwana villages on Friday, saying 11 people were "
     "killed in the two villages.", True),
    # guards: one attack on two villages is one incident; counts told per place are the places'; days are no places
    ("Bandits killed nine people in an attack on Gidan Dawa and Tungar Kwana on Friday.", False),
    ("Gunmen killed 12 people in raids on Monday and Tuesday in Maru.", False),
])
def test_one_count_over_attacks_on_two_places(text, tally):
    killed = _killed(text)
    assert killed[0].is_tally is tally


def test_counts_told_per_place_stay_the_places_own():
    text = "Drone strikes killed three people in Sarmin and two in Binnish on Monday in attacks on Sarmin and Binnish."
    killed = _killed(text)
    assert [(c.count, c.is_tally) for c in killed] == [(3, False), (2, False)]
