"""Event typing of news snippets where one side tells the fight as attacks it "beat back" or "fought off", and of
aftermath openings whose dead were "killed when" armed men struck: the fix cases failed before.

Written for marsad in our own words; the guards after them check that the new readings do not reach too far.
"""

from __future__ import annotations

import pytest

from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attacks "beaten back" were fought: the defenders are an armed side, not victims of an attack
        (
            "The Ukrainian army said its units beat back three Russian attacks near Kupiansk on Tuesday.",
            "Armed clash",
        ),
        # the same with "fended off" and attackers: the police at the checkpoint fought them
        (
            "Police officers fended off attackers at a checkpoint in Kaduna on Monday.",
            "Armed clash",
        ),
        # the militiamen after "killed when" are who struck, not who died: the farmers buried were civilians
        (
            "Relatives buried nine farmers in Djugu on Saturday, killed when militiamen stormed their village "
            "overnight.",
            "Attack",
        ),
    ],
)
def test_news33_fixed(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # police who "beat back" protesters intervene in a protest; no armed side is beaten back
        ("Police beat back protesters trying to reach the presidential palace in Lima on Thursday.",
         "Protest with intervention"),
        # the militants named right after "killed" are the dead, before the "when" clause: a battle
        ("Troops killed 12 militants when they stormed a camp in Sambisa forest on Friday, the army said.",
         "Armed clash"),
        # the soldiers shot dead come before "after": armed victims
        ("Gunmen shot dead two soldiers after they left their barracks in Maiduguri on Sunday.", "Armed clash"),
    ],
)
def test_news33_guards(text: str, expected: str) -> None:
    assert first_sub_type(text) == expected
