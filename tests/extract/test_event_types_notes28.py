"""Event typing of monitor notes on protests that block roads, protesters detained, and kidnappings that ended in
a death or were only tried (event rules v53 + ht28): the fix cases failed before.

Written for marsad in our own words; the guards after them check that the changes do not reach too far.
"""

from __future__ import annotations

import pytest

from marsad.extract.event_types import classify_event
from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people named by where they live or work are the subject, not a subordinate "of" phrase
        (
            "On 4 May 2023, residents of Okitipupa blocked the expressway with planks and burnt tyres and demonstrated "
            "over repeated power cuts in the town (Ondo).",
            "Violent demonstration",
        ),
        (
            "On 12 June 2023, workers of a cement factory blocked the road to Kribi with burning tyres over unpaid bonuses.",
            "Violent demonstration",
        ),
        # protesters detained, told in the passive: "a few were detained", "leaders of the party were detained"
        (
            "On 9 March 2023, hundreds of midwives demonstrated outside the health ministry in Nairobi, and a few were "
            "detained by the police.",
            "Protest with intervention",
        ),
        (
            "On 18 May 2023, four leaders of the student union were arrested by police while students held a demonstration "
            "at the university gate in Karachi.",
            "Protest with intervention",
        ),
        # a kidnapping only tried, with a clash: the clash, not an abduction
        (
            "On 2 August 2023, soldiers clashed with bandits in Tsafe (Zamfara) as the bandits were trying to kidnap "
            "farmers. One soldier was killed.",
            "Armed clash",
        ),
    ],
)
def test_fixed(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rules' verdict: a captive killed later, or a kidnapping tried with shots, is an attack (the shipped model
        # still overrules some of these as abductions; that needs written examples and a retrain)
        (
            "On 6 April 2023, fighters of an armed group kidnapped two elders near Bunia (Ituri). Both were executed the "
            "next day.",
            "Attack",
        ),
        (
            "On 6 April 2023, armed men kidnapped a herder near Kafanchan. He was later killed by his captors.",
            "Attack",
        ),
        (
            "On 1 October 2023, three men tried to kidnap a shopkeeper in Escuintla and shot him in the leg when he resisted.",
            "Attack",
        ),
    ],
)
def test_rule_verdict(text: str, expected: str) -> None:
    assert classify_event(text).sub_event_type == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guards: abductions with no death, released or rescued, stay abductions
        (
            "On 20 February 2023, gunmen abducted nine travellers near Birnin Gwari (Kaduna). They were released the "
            "following day.",
            "Abduction/forced disappearance",
        ),
        (
            "On 3 July 2023, suspected militants kidnapped an engineer in Khost; police later freed him in a raid.",
            "Abduction/forced disappearance",
        ),
        # guards: "residents of" who march peacefully, and protests about a detention
        (
            "On 8 March 2023, residents of Khayelitsha marched to the city council in Cape Town to demand housing. "
            "The march ended peacefully.",
            "Peaceful protest",
        ),
        (
            "On 22 April 2023, villagers of Kalasin staged a sit-in at the district office against a planned quarry.",
            "Peaceful protest",
        ),
    ],
)
def test_guards(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected
