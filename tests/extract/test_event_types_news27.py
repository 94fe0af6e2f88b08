"""Event typing of news snippets on strategic developments and their neighbours (event rules v52): the fix
cases failed before v52.

Written for marsad in our own words; the guards after them check that the new triggers do not reach too far.
"""

from __future__ import annotations

import pytest

from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rally still to come is no protest met by the police: the detention is the news
        (
            "Police detain union leader days before rally. Officers took the head of the dockworkers' union from his flat "
            "in Piraeus on Thursday night, his colleagues said.",
            "Arrests",
        ),
        # people arrested over an earlier attack: the arrest is the incident, the attack its reason
        (
            "Four held over Jalalabad mosque attack. Police said on Sunday they had arrested four men suspected of planning "
            "last week's attack on a mosque in the city.",
            "Arrests",
        ),
        # a group's own pause, in a headline's present tense
        (
            "Rebels announce pause in operations for harvest season. The Karen National Liberation Army said it would "
            "suspend all operations in two townships for a month.",
            "Change to group/activity",
        ),
        # a new leader named in a headline without an article, or "chosen as its new leader"
        (
            "Al-Shabaab names new military chief. The group said in a statement on Friday that a veteran fighter from "
            "Lower Shabelle had been chosen as its new commander.",
            "Change to group/activity",
        ),
        # people "who fled" are who returned, not the incident; the burning told after is
        (
            "Villagers who fled Kalgo in March came back on Sunday to find their homes burnt. Officials said bandits set fire "
            "to the granaries and about 40 houses in the empty village.",
            "Looting/property destruction",
        ),
        # one side arriving as the other pulls back
        (
            "Government troops deploy in border villages as rebel fighters pull back. Soldiers entered four villages near "
            "the frontier on Wednesday, state radio said.",
            "Non-violent transfer of territory",
        ),
        # a curfew or a state of emergency in a headline's present tense
        (
            "Governor imposes dusk-to-dawn curfew on Kafanchan after killings. The state government said the curfew would "
            "stay until calm returned to the town.",
            "Other",
        ),
        ("Niger declares state of emergency in Tillaberi after weeks of attacks by militants on army posts.", "Other"),
        # a group that says it "has taken" a named town
        (
            "Rebels say they have taken Kalehe. The rebel alliance said on Monday its fighters controlled the town after "
            "two days of fighting with the army.",
            "Non-state actor overtakes territory",
        ),
        # (and a country's troops who say they have taken a village regain it)
        ("Ukrainian troops say they have taken Robotyne after weeks of assaults.", "Government regains territory"),
        # a singular "strike on" a house when the block names the aircraft
        (
            "Strike on Rafah home kills five. An Israeli aircraft bombed a house in the city overnight, killing five people, "
            "medics said.",
            "Air/drone strike",
        ),
        # a state office torched: the apostrophe of "governor's" no longer hides it
        (
            "Demonstrators torch mayor's office over water cuts. Protesters in Kasserine set fire to the town's municipal "
            "offices on Tuesday, witnesses said.",
            "Violent demonstration",
        ),
    ],
)
def test_news27_fixed(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rally that went ahead is still a protest
        (
            "Police arrest dozens at opposition rally in Dhaka. Officers detained at least 40 supporters of the party as "
            "they marched towards the press club on Saturday.",
            "Protest with intervention",
        ),
        # an attack told as it happened, then the arrests: the attack is the incident
        (
            "Gunmen attacked a bus near Mandera on Monday, killing six passengers. Police later arrested two suspects.",
            "Attack",
        ),
        # "held" by an armed group is an abduction
        (
            "Gunmen kidnapped three aid workers in Ituri on Sunday after an attack on their convoy.",
            "Abduction/forced disappearance",
        ),
        # fighting for ground stays a battle
        (
            "Troops retook the town of Kamanyola from the rebels on Thursday after heavy fighting.",
            "Government regains territory",
        ),
        # "taken" a person is no territory
        (
            "Kidnappers have taken Musa Bello, a local trader, from his home in Kaduna, police said.",
            "Abduction/forced disappearance",
        ),
        # the rules now also fire on these; the shipped model typed them right before
        # (arrests after bombings; an administration office inaugurated; ground entered "without meeting any resistance")
        (
            "Dozens detained after market bombings in Maiduguri. Soldiers arrested 31 suspected militants in house-to-house "
            "searches on Tuesday, a military spokesman said.",
            "Arrests",
        ),
        (
            "Rebels inaugurate administrative office in Kiwanja. The rebel group opened an office staffed by its own "
            "appointees in the town on Monday, residents said.",
            "Headquarters or base established",
        ),
        (
            "Militants left the town of Bulo Burde overnight and government forces moved in on Friday without meeting any "
            "resistance, officials said.",
            "Non-violent transfer of territory",
        ),
        # a general strike named on a day is no air strike
        ("Unions hold general strike on Monday over fuel prices in Lagos.", "Peaceful protest"),
        # a named strike with aircraft in the block, as before
        ("Israeli strike on car kills two in southern Lebanon.", "Air/drone strike"),
    ],
)
def test_news27_guards(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected
