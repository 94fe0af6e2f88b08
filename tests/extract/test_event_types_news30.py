"""Event typing of news snippets on drones named as killers, rebels seizing a named town, arrests over protests and
gunbattles after a bomb, and places "held by" a group (event rules v56): the fix cases failed before v56.

Written for marsad in our own words; the guards after them check that the new triggers do not reach too far.
"""

from __future__ import annotations

import pytest

from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's drone that kills: the drone struck from the air, whoever the dead were
        (
            "Army drone kills five at Kachin village. A military drone hit a house in Waingmaw township on Friday, "
            "killing five members of one family, a local aid group said.",
            "Air/drone strike",
        ),
        # rebels who seize a town named right after the verb take the ground, whatever the model reads into it
        (
            "Rebels seize Pinlebu after days of fighting. Resistance fighters took control of the town of Pinlebu in "
            "Sagaing region on Thursday after a week of battles with junta troops, residents said.",
            "Non-state actor overtakes territory",
        ),
        # people arrested for having joined protests: the arrest is the news, not an intervention in the protest
        (
            "Belarus jails 11 over election protests. Courts in Minsk sentenced eleven people on Tuesday for taking part "
            "in demonstrations against the vote count, a rights group said.",
            "Arrests",
        ),
        # a bomb and a gunbattle in the headline: both sides fought with guns, no mob's brawl
        (
            "Bomb and gunbattle leave six dead in Tillaberi. Jihadists set off a mine under an army truck and then "
            "traded fire with the soldiers for an hour, the defence ministry said.",
            "Armed clash",
        ),
        # the army retaking a district held by a jihadist group: the holder named after "held by" is not who acted
        (
            "Nigerian troops recaptured the last villages of the area held by Boko Haram fighters near Gwoza on "
            "Monday, the army said.",
            "Government regains territory",
        ),
    ],
)
def test_news30_fixed(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a drone shot down is a disrupted weapon, not a strike
        (
            "Air defences shoot down drone over Belgorod. Russian air defences shot down a Ukrainian drone over the city "
            "on Sunday night, the governor said. No one was hurt.",
            "Disrupted weapons use",
        ),
        # a wanted man captured by the police after a manhunt is no town taken
        (
            "Police capture Abu Yasir after long manhunt. Officers in Kano arrested the wanted kidnapping kingpin at a "
            "hideout on Monday, a police spokesman said.",
            "Arrests",
        ),
        # police who break up a protest and then arrest its marchers intervened in it
        (
            "Security forces fired tear gas at protesters marching against a constitutional change in Lome on Friday "
            "and arrested twenty of them over the demonstration, witnesses said.",
            "Protest with intervention",
        ),
    ],
)
def test_news30_guards(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected
