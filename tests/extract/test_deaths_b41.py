"""Deaths counted once in short news descriptions: victims named after a capitalised role word
("Journalists A and B were killed"), killers whose ransom demand is told before the killing, and attackers
killed after as many victims, whether told with "both" or "the three" (written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str) -> int:
    return deaths_in(text, date(2025, 6, 10))


@pytest.mark.parametrize("text, expected", [
    # a role word that opens the sentence is no part of the first name, nor an actor that name overlaps
    ("Activists Salma Idris and Huda Karar were shot dead by soldiers in Omdurman on Thursday, a rights group said.", 2),
    ("Journalists Omar Farouk and Ziad Haddad were killed when a drone hit their car near Nabatieh on Sunday.", 2),
    # a ransom or protection money demanded is the killers' extortion, not a demand made over the dead
    ("Bandits who demanded a ransom of 20 million naira killed three of the farmers they seized in Katsina, "
     "police said.", 3),
    ("Kidnappers who demanded protection money from traders shot dead two shop owners in Onitsha on Monday, "
     "police said.", 2),
    # the attackers killed after as many victims are other dead, not the victims told again
    ("Gunmen stormed a police post in Tank before dawn, killing two constables, police said. Both attackers were "
     "killed in the return fire.", 4),
    ("Insurgents ambushed an army patrol near Gao on Tuesday, killing three soldiers. The three insurgents died in "
     "the firefight that followed, the army said.", 6),
    # guard: a headline's dead told again by the body are no killers of themselves, though the body names their group
    ("Bandits kill six vigilantes in Zamfara ambush. The gunmen ambushed a patrol of the local vigilante group near "
     "Gusau on Sunday, killing six of its members, police said.", 6),
])
def test_counted_once(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a demand over the dead still tells no death of this report
    ("Hundreds of people marched in Jos on Monday and demanded justice for the nine villagers killed by gunmen.", 0),
    ("Relatives demanded the release of the bodies of the four fishermen killed by the navy.", 0),
    # the victims told again with "both" / "the three" are still the same dead
    ("Militants killed two soldiers at a checkpoint in Bannu on Friday, officials said. Both soldiers were killed "
     "instantly.", 2),
    ("Gunmen killed three soldiers in Zamfara on Friday. The three soldiers were buried in Gusau on Saturday.", 3),
    ("Soldiers killed three militants in a raid near Mopti on Monday. The three militants were killed as they "
     "tried to flee, the army said.", 3),
])
def test_guards(text: str, expected: int) -> None:
    assert deaths(text) == expected
