"""A governorate that GeoNames spells one letter off its ISO 3166-2 name is
named as ISO spells it, and still found by GeoNames' spelling."""

from __future__ import annotations

import pytest

from marsad.gazetteer.admin import iso_spellings
from tests.gazetteer.worlds import bundled_world


def _subdivision(country: str, iso: str, *translations: str) -> tuple[str, list[list[str]]]:
    return country, [[iso], *([name] for name in translations or (iso,))]


def test_one_letter_off_takes_the_iso_spelling():
    admin1 = {("ZZ", "01"): "Marabin", ("ZZ", "02"): "Tessaly", ("ZZ", "03"): "Norland", ("ZZ", "04"): "Kovana"}
    subdivisions = [
        _subdivision("ZZ", "Marabint"),  # one letter off: GeoNames' spelling of the same name
        _subdivision("ZZ", "Tessalia", "Tessaly"),  # an English name of its own: GeoNames keeps it
        _subdivision("ZZ", "Norland"),  # the same spelling: nothing to change
        _subdivision("ZZ", "Kovanska oblast"),  # only the stem is one letter off: an adjective form, not a spelling
    ]
    assert iso_spellings(admin1, subdivisions) == {("ZZ", "01"): "Marabint"}


@pytest.fixture(scope="module")
def myanmar(tmp_path_factory):
    return bundled_world(tmp_path_factory, "mm", {"MM"})


def test_the_built_governorate_and_its_towns_carry_the_iso_name(myanmar):
    (region,) = [p for p in myanmar.by_key(_key("Sagaing")) if p.feature == "admin1"]
    assert region.name == "Sagaing" and region.admin1 == "Sagaing"
    assert region.id in {p.id for p in myanmar.by_key(_key("Sagain"))}  # GeoNames' spelling still finds it
    towns = [p for p in myanmar.by_key(_key("Kanbalu")) if p.feature == "town"]
    assert towns and all(t.admin1 == "Sagaing" for t in towns)


def _key(name: str) -> str:
    from marsad.gazetteer.keys import place_key

    return place_key(name)
