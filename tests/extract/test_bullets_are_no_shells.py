"""Rounds that are bullets, rubber or tear gas ("fired live rounds", "fired rubber rounds") are no shelling;
guard: rounds of a mortar or a tank still are."""

from __future__ import annotations

import pytest

from tests.extract.first_event import first_sub_type


@pytest.mark.parametrize("text, expected", [
    ("Police fired rubber rounds and tear gas at protesters in Nairobi on Tuesday, wounding 12.",
     "Protest with intervention"),
    ("Soldiers fired live rounds at a crowd of demonstrators in Bamako on Friday, killing three.",
     "Excessive force against protesters"),
    # guards
    ("Rebels fired several mortar rounds at an army base near Goma on Sunday, wounding two soldiers.",
     "Shelling/artillery/missile attack"),
])
def test_rounds_fired(text, expected):
    assert first_sub_type(text) == expected
