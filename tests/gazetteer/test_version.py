"""The gazetteer's content version is remembered per gazetteer, and still
changes with every import: through another connection once the freshness
interval has passed, through the gazetteer's own connection at once."""

from __future__ import annotations

import hashlib
import time

import pytest

from marsad.gazetteer import index
from marsad.gazetteer.importers import import_file, import_files
from marsad.gazetteer.index import Gazetteer
from marsad.gazetteer.version import content_version

# Written by hand for these tests (two made-up villages).
UCDP_HEADER = "where_coordinates,adm_1,latitude,longitude,where_prec,country\n"


def _archive(tmp_path, name: str, village: str):
    path = tmp_path / name
    path.write_text(UCDP_HEADER + f"{village} village,Deir ez-Zor governorate,34.91,40.52,1,Syria\n", encoding="utf-8")
    return path


def _from_scratch(gazetteer: Gazetteer) -> str:
    imports = [row[0] for row in gazetteer.connection.execute("SELECT sha256 FROM main.imports ORDER BY sha256")]
    return hashlib.sha256("\n".join(["-", *imports]).encode()).hexdigest()[:16]


@pytest.fixture
def gazetteer(tmp_path):
    opened = Gazetteer(tmp_path / "user.sqlite", bundled=False)
    yield opened
    opened.close()


def _statements(gazetteer: Gazetteer) -> list[str]:
    seen: list[str] = []
    gazetteer.connection.set_trace_callback(seen.append)
    return seen


def test_a_remembered_version_costs_no_query(gazetteer):
    first = content_version(gazetteer)
    assert first == _from_scratch(gazetteer)
    seen = _statements(gazetteer)
    assert content_version(gazetteer) == first and seen == []


def test_an_import_by_another_connection_changes_the_version_once_fresh(gazetteer, tmp_path, monkeypatch):
    monkeypatch.setattr(index, "FRESH_SECONDS", 0.2)
    before = content_version(gazetteer)
    import_files([str(_archive(tmp_path, "a.csv", "Zorbaqa"))], layout="ucdp", index_path=gazetteer.path)
    assert content_version(gazetteer) == before  # within the freshness interval, as the lookups themselves
    time.sleep(0.3)
    after = content_version(gazetteer)
    assert after != before and after == _from_scratch(gazetteer)
    time.sleep(0.3)
    seen = _statements(gazetteer)
    assert content_version(gazetteer) == after and seen == ["PRAGMA main.data_version"]  # no new commit: no digest


def test_an_import_through_the_gazetteer_connection_changes_the_version_at_once(gazetteer, tmp_path):
    before = content_version(gazetteer)
    import_file(gazetteer.connection, _archive(tmp_path, "b.csv", "Hamrat"), layout="ucdp")
    after = content_version(gazetteer)
    assert after != before and after == _from_scratch(gazetteer)


def test_each_gazetteer_has_its_own_version(gazetteer, tmp_path):
    other = Gazetteer(tmp_path / "other.sqlite", bundled=False)
    try:
        import_file(other.connection, _archive(tmp_path, "c.csv", "Zorbaqa"), layout="ucdp")
        assert content_version(other) != content_version(gazetteer)
        assert content_version(other) == _from_scratch(other) and content_version(gazetteer) == _from_scratch(gazetteer)
    finally:
        other.close()
