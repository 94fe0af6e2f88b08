"""One spelling-tolerant place match for ``events list --place``, ``tally --area``
and ``report --area`` (:func:`marsad.gazetteer.keys.names_place`)."""

from __future__ import annotations

import pytest

from marsad.gazetteer.keys import names_place
from marsad.store import repository as repo
from tests.store.factories import REPORT, make_extraction


@pytest.mark.parametrize("query", ["Maarat al-Numan", "Ma'arrat an-Numan", "Maarat al Numan", "MAARAT AL-NUMAN"])
def test_events_list_place_folds_transliterations(database, query):
    with database.transaction() as session:
        source = repo.get_or_create_source(session, "SOHR", reliability="B")
        stored = repo.add_document(session, text=REPORT, source=source, language="en")
        repo.add_extraction(session, stored.document, make_extraction(REPORT))
    with database.transaction() as session:
        assert [e.location for e in repo.list_events(session, place=query)] == ["Maarat al-Numan"]
        assert repo.list_events(session, place="Hama") == []


@pytest.mark.parametrize(("area", "name"), [
    ("Dayr az Zawr", "Deir ez-Zor"),
    ("Deir ez-Zor", "the eastern countryside of Deir Ezzor"),
    ("Khan Sheikhoun", "Khan Shaykhun"),
    ("Al-Bobadran", "Albu Badran"),
])
def test_one_matcher_folds_spellings(area, name):
    from marsad.publish.report_data import area_matcher
    from marsad.reconcile.tallies import area_matches

    assert names_place(area, name)
    assert area_matches(area, name) == names_place(area, name) == area_matcher(area)(name)


@pytest.mark.parametrize(("area", "name", "named"), [
    # a province's own name inside a longer one: its sub-units and the regions around it
    ("Kivu", "North Kivu", True),
    ("Darfur", "South Darfur", True),
    ("Aleppo", "Province of Aleppo", True),
    ("Cauca", "Departamento de Cauca", True),
    # another place's proper name built on it: "the Valley of the Cauca" is Colombia's next department
    ("Cauca", "Valle del Cauca", False),
    ("Aden", "Gulf of Aden", False),
])
def test_an_area_is_not_a_name_built_on_it(area, name, named):
    assert names_place(area, name) is named


@pytest.mark.parametrize(("area", "name", "named"), [
    # a governorate under the other names admin1.yaml gives it: "Lahj" is Lahij, "Al Dhale" is Ad Dali
    ("Lahj", "Lahij", True),
    ("Al Dhale", "Ad Dali", True),
    ("Lahj", "the countryside of Lahij", True),
    # guard: another governorate's name is none of them
    ("Lahj", "Ad Dali", False),
    ("Hama", "Hamadiyah", False),
])
def test_a_governorate_is_met_under_its_other_names(area, name, named):
    assert names_place(area, name) is named
