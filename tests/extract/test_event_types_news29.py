"""Event typing of news snippets on riots in jails and arrests over a speech (event rules v55): the fix cases failed
before v55.

Written for marsad in our own words; the guards after them check that the new triggers do not reach too far.
"""

from __future__ import annotations

import pytest

from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inmates who riot in a headline's present tense, burning their cells: a riot, not the burning alone
        (
            "Prisoners riot at Kirikiri jail, set cells ablaze. Inmates angry over short rations set their bedding alight "
            "and beat two warders on Sunday, the prison service said.",
            "Violent demonstration",
        ),
        # a riot breaking out in a jail: the inmates against their guards, no brawl among a crowd
        (
            "Riot erupts inside Tegucigalpa penitentiary. Inmates rioted for several hours on Wednesday, holding three "
            "guards on a cell block roof before soldiers regained control, officials said.",
            "Violent demonstration",
        ),
        # a politician held over what he said at a rally: the arrest, not a rally met by the police
        (
            "Zambian police arrest opposition leader over rally speech. Officers took the leader of a small opposition "
            "party into custody in Lusaka on Monday over remarks about the president, his spokesman said.",
            "Arrests",
        ),
    ],
)
def test_news29_fixed(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # gangs fighting inside a prison fight a battle, not a riot
        (
            "Gang fight in Ecuador prison leaves 14 dead. Members of two rival gangs clashed with guns and knives in a "
            "prison in Guayaquil on Tuesday, the prison authority said.",
            "Armed clash",
        ),
        # a rally dispersed by police is still a protest met by an intervention
        (
            "Police break up opposition rally in Harare. Riot police fired tear gas to disperse hundreds of opposition "
            "supporters who had gathered for a rally in the city centre on Saturday.",
            "Protest with intervention",
        ),
        # rioters outside a prison are still rioters on the street
        (
            "Youths riot near police station after death in custody. Angry youths threw stones and burned tyres outside a "
            "police station in Kisumu on Friday after a man died in a cell.",
            "Violent demonstration",
        ),
    ],
)
def test_news29_guards(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected
