"""Event typing of news snippets whose headline tells only the harm ("Four soldiers killed near Boni") or a bare
blast while the lead sentence after it names the weapon, the mob or the fire at protesters, of a crowd that "set
upon" people, and of a headline's interception told without its "was": the fix cases failed before.

Written for marsad in our own words; the guards after them check that the new reading does not reach too far.
"""

from __future__ import annotations

import pytest

from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline with only the dead: the lead sentence's roadside bomb is how they died
        (
            "Three policemen killed in Niger's Tahoua region. A homemade bomb buried in the track blew up under their "
            "pickup near Tillia on Sunday, killing three officers, the interior ministry said.",
            "Remote explosive/landmine/IED",
        ),
        # the same with an aircraft: the dead of the headline are the air strike's
        (
            "Five from one household killed in Rafah. An Israeli air strike levelled a two-storey house in Rafah "
            "overnight, killing five members of the same household, hospital staff said.",
            "Air/drone strike",
        ),
        # a headline's "attacked" with no attacker: the crowd named next, which "set upon" them, is who did it
        (
            "Aid convoy staff attacked in Kalehe. A crowd wielding sticks set upon three aid workers unloading food in "
            "Kalehe on Thursday, accusing them of favouring another village, and wounded all three, the agency said.",
            "Mob violence",
        ),
        # "shot dead" in the headline; the lead tells they were protesters the police fired on
        (
            "Two shot dead in Kisumu. Police fired live bullets at demonstrators protesting against the election "
            "result in Kisumu on Wednesday, killing two young men, a hospital official said.",
            "Excessive force against protesters",
        ),
        # a bare blast in the headline, a suicide bomber in the lead: the suicide bomb
        (
            "Scores killed in Quetta mosque blast. A suicide bomber detonated his vest among worshippers at a Sunni "
            "mosque in Quetta during evening prayers, killing at least 25 people, hospital officials said.",
            "Suicide bomb",
        ),
        # a headline's passive without "was": the missile was stopped, it hit nothing
        (
            "Rocket from Lebanon intercepted over Haifa. An Israeli air defence battery intercepted a rocket fired "
            "from southern Lebanon on Tuesday evening, the army said. There were no injuries.",
            "Disrupted weapons use",
        ),
    ],
)
def test_news32_fixed(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dated first sentence tells the incident itself; the bomb told after it is a detail of the attack
        (
            "On 12 April 2023, gunmen attacked the village of Kumbo, killing nine civilians. The attackers then left a "
            "landmine on the road out of the village.",
            "Attack",
        ),
        # a roadside bomb is already a weapon: the mortar fire told "hours later" is another incident
        (
            "Roadside bomb kills four in Kurram. A roadside bomb ripped through a van in Kurram on Monday, killing four "
            "passengers. Hours later, militants fired mortar rounds at a checkpoint in Parachinar, wounding no one.",
            "Remote explosive/landmine/IED",
        ),
        # a sentence that opens on another incident ("Also on Sunday") tells no weapon of the headline's dead
        (
            "Six soldiers killed in Borno. Also on Sunday, jihadists fired mortar bombs at a base in Monguno, wounding "
            "no one.",
            "Armed clash",
        ),
        # armed men who "set upon" a bus are no mob
        (
            "Gunmen set upon a bus near Garissa on Sunday and shot two of its passengers dead, police said.",
            "Attack",
        ),
        # people who intercept a convoy are no disrupted weapon: the aux-less reading needs a missile intercepted
        (
            "Insurgents armed with rockets intercepted a military convoy near Palma and fought the soldiers for two "
            "hours on Thursday, a security source said.",
            "Armed clash",
        ),
        # (owner, after the dump) a first sentence that tells the incident whole, with its comma, is no headline:
        # the attackers' own deaths told next are no other way it was done
        (
            "Armed men raided a tin mine near Jos, killing seven miners. Two of the raiders were later killed by "
            "local vigilantes.",
            "Attack",
        ),
        # a headline whose attackers kill is no harm alone: the lead's storming is still their attack
        (
            "Militants kill five in Kismayo hotel siege. Gunmen stormed a hotel near the port, killing five people "
            "before soldiers killed both attackers, police said.",
            "Attack",
        ),
    ],
)
def test_news32_guards(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected
