"""Deaths counted once in long reports (batch 47: monitors' monthly updates): a headline over a monthly update and
its body's count of as many dead tell one running total, whichever of the two states the month or the period. Guards
where a headline's incident count meets a body total of another number, or no period at all (written for these
tests)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extract.deaths import deaths_in


def deaths(text: str, published: date = date(2025, 4, 18)) -> int:
    return deaths_in(text, published)


@pytest.mark.parametrize("text, expected", [
    # the headline's count gives no month; the body's as many dead are March's running total
    ("Monitor: 212 civilians killed in Sudan in March\nKHARTOUM - At least 212 civilians were killed across Sudan "
     "in March, the rights monitor said in its monthly report on Tuesday. On Monday, a shell hit a bakery in "
     "Omdurman, killing four people waiting for bread, volunteers said.", 4),
    # the headline states the period; the body's count of as many dead gives it only in a clause
    ("UN says 900 civilians killed in Myanmar since November\nGENEVA - At least 900 civilians have been killed in "
     "Myanmar after armed groups began a joint offensive late last year, the UN rights office said on Friday. On "
     "Thursday, an air strike on a school in Magway region killed seven pupils, teachers said.", 7),
])
def test_headline_and_body_tell_one_monthly_total(text: str, expected: int) -> None:
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    # guard: the headline's incident toll is the body's incident, beside a year's total of another number
    # ("the Somali capital" is Mogadishu, the headline's place: one incident, not a second one at "Somali")
    ("Car bomb kills 9 in Mogadishu\nMOGADISHU - A car bomb went off outside a hotel in the Somali capital on "
     "Sunday, killing nine people, police said. More than 300 people have been killed in bombings in the city "
     "since January, a rights group says.", 9),
    # guard: a headline toll and a body toll of as many dead with no period anywhere stay one incident
    ("Gunmen kill 14 villagers in Zamfara\nGUSAU, Nigeria - Gunmen on motorcycles attacked the village of Kairu on "
     "Friday, killing 14 villagers, a local official said. Residents said 14 people were buried on Saturday.", 14),
])
def test_headline_incident_guards(text: str, expected: int) -> None:
    assert deaths(text) == expected
