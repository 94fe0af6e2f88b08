"""Places a lookup has built answer :meth:`Gazetteer.place` and later lookups
(no query, one object per place): always the place SQL reads, the user
index's when it reuses a bundled id."""

from __future__ import annotations

import random
import sqlite3

import pytest

from marsad.gazetteer import index as gazetteer_index
from marsad.gazetteer.index import (
    _PLACE_COLUMNS,
    PLACE_INSERT,
    Gazetteer,
    connect,
    name_rows,
    place_of,
    record_row,
)
from marsad.gazetteer.keys import place_key
from marsad.gazetteer.lookups import place_of_record
from marsad.gazetteer.resolve import _traits, own_key


def _sql_place(gazetteer: Gazetteer, place_id: str):
    """What the files say, main first (the answer without any cache)."""
    for schema in ("main", "bundled"):
        row = gazetteer.connection.execute(
            f"SELECT {_PLACE_COLUMNS} FROM {schema}.places p WHERE p.id = ?", (place_id,)).fetchone()
        if row:
            return place_of(row)
    return None


def test_built_places_are_the_places_sql_reads(tmp_path, bundled_gazetteer_path):
    gazetteer = Gazetteer(tmp_path / "user.sqlite", bundled_gazetteer_path)
    connection = sqlite3.connect(bundled_gazetteer_path)
    keys = sorted({row[0] for row in connection.execute("SELECT key FROM names")})
    connection.close()
    rng = random.Random(3)
    met: dict[str, object] = {}
    for key in rng.sample(keys, 400):
        for place in gazetteer.by_key(key):
            assert met.setdefault(place.id, place) is place  # met under another name: the same object
            assert gazetteer.place(place.id) is place and place == _sql_place(gazetteer, place.id)
    for skel in ("hlb", "dmshk", "rk"):
        for place in gazetteer.stub_places(gazetteer.by_skeleton(skel)):
            assert place == _sql_place(gazetteer, place.id)
    assert len(met) > 100
    gazetteer.close()


def test_a_user_place_that_reuses_a_bundled_id_is_the_one_answered(tmp_path, bundled_gazetteer_path):
    probe = Gazetteer(tmp_path / "empty.sqlite", bundled_gazetteer_path)
    probe_key = _a_town_key(bundled_gazetteer_path)
    bundled = next(p for p in probe.by_key(probe_key) if p.feature == "town")
    probe.close()
    user = tmp_path / "user.sqlite"
    connection = connect(user)
    connection.execute(PLACE_INSERT, (bundled.id, "Zzqrenamed", "SY", None, None, None, 1.0, 2.0, "town", 0, 0,
                                      "ocha", None))
    connection.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows(bundled.id, ["Zzqrenamed"]))
    connection.close()
    gazetteer = Gazetteer(user, bundled_gazetteer_path)
    found = [p for p in gazetteer.by_key(probe_key) if p.id == bundled.id]
    assert found and found[0].name == bundled.name  # the bundled row, looked up by its bundled name
    assert gazetteer.place(bundled.id).name == "Zzqrenamed"  # but the place of that id is the user's
    gazetteer.close()


def _a_town_key(path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT n.key FROM names n JOIN places p ON p.id = n.place_id WHERE p.feature = 'town' "
            "AND n.key NOT LIKE '~%' ORDER BY n.key LIMIT 1").fetchone()[0]
    finally:
        connection.close()


def test_the_places_kept_are_bounded(tmp_path, bundled_gazetteer_path, monkeypatch):
    monkeypatch.setattr(gazetteer_index, "PLACES_KEPT", 10)
    gazetteer = Gazetteer(tmp_path / "user.sqlite", bundled_gazetteer_path)
    connection = sqlite3.connect(bundled_gazetteer_path)
    keys = [row[0] for row in connection.execute("SELECT DISTINCT key FROM names LIMIT 300")]
    connection.close()
    largest = 0
    for key in keys:
        places = gazetteer.by_key(key)
        largest = max(largest, len(places))
        assert len(gazetteer._built) <= 10 + len(places)  # cleared before a lookup that finds it full
        assert all(gazetteer.place(place.id) == place for place in places)
    assert largest < 10 < len(keys)
    gazetteer.close()


def _arabic_skeletons(path, count: int) -> list[str]:
    """Skeletons of Arabic names that several places share, the most shared first."""
    connection = sqlite3.connect(path)
    try:
        return [row[0][1:] for row in connection.execute(
            "SELECT key FROM names WHERE key LIKE '~%' GROUP BY key HAVING COUNT(*) > 1 "
            "ORDER BY COUNT(*) DESC, key LIMIT ?", (count,))]
    finally:
        connection.close()


def test_the_stubs_of_an_arabic_lookup_build_its_places(tmp_path, bundled_gazetteer_path):
    gazetteer = Gazetteer(tmp_path / "user.sqlite", bundled_gazetteer_path)
    skeletons = _arabic_skeletons(bundled_gazetteer_path, 30)
    assert len(skeletons) >= 10
    for skel in skeletons:
        stubs = gazetteer.arabic_groups(skel).places
        places = gazetteer.by_arabic_skeleton(skel)
        assert [stub.id for stub in stubs] == [place.id for place in places]
        assert [(s.admin1_code, s.country, s.latitude) for s in stubs] == [
            (p.admin1_code, p.country, p.latitude) for p in places]
        every, alternate = list(stubs), list(stubs)[::2]  # many at once, and few one by one
        assert gazetteer.arabic_places(skel, every) == list(places)
        assert gazetteer.arabic_places(skel, alternate) == list(places)[::2]
    assert gazetteer.arabic_groups("").places == () == gazetteer.by_arabic_skeleton("")
    gazetteer.close()


def test_an_arabic_stub_is_built_from_the_file_it_was_read_from(tmp_path, bundled_gazetteer_path):
    skel = _arabic_skeletons(bundled_gazetteer_path, 1)[0]
    probe = Gazetteer(tmp_path / "empty.sqlite", bundled_gazetteer_path)
    bundled = probe.by_arabic_skeleton(skel)[0]
    probe.close()
    user = tmp_path / "user.sqlite"
    connection = connect(user)
    connection.execute(PLACE_INSERT, (bundled.id, "Zzqrenamed", "SY", None, None, None, 1.0, 2.0, "town", 0, 0,
                                      "ocha", None))
    connection.execute("INSERT INTO names VALUES (?,?,?,?)", ("~" + skel, skel, bundled.id, "Zzqrenamed"))
    connection.close()
    gazetteer = Gazetteer(user, bundled_gazetteer_path)
    stubs = gazetteer.arabic_groups(skel).places
    assert stubs[0].id == bundled.id and stubs[0].schema == "main" and stubs[0].latitude == 1.0
    assert gazetteer.arabic_places(skel, stubs[:1])[0].name == "Zzqrenamed"
    assert [p.id for p in gazetteer.arabic_places(skel, stubs[1:2])] == [stubs[1].id]
    assert gazetteer.arabic_places(skel, stubs[1:2]) == list(gazetteer.by_arabic_skeleton(skel)[1:2])
    gazetteer.close()


def test_every_record_reads_as_the_place_its_columns_hold(bundled_gazetteer_path):
    connection = sqlite3.connect(bundled_gazetteer_path)
    rows = connection.execute(f"SELECT {_PLACE_COLUMNS}, r.stub FROM places p JOIN records r ON r.id = p.id").fetchall()
    assert len(rows) == connection.execute("SELECT COUNT(*) FROM places").fetchone()[0] > 100
    # (every place has a name, so its record is kept by a key)
    records = {record.split("\t")[0]: record for (places,) in connection.execute("SELECT places FROM key_places")
               for record in places.split("\n")}
    connection.close()
    assert len(records) == len(rows)
    for *columns, stub in rows:
        record = records[columns[0]]
        place = place_of(tuple(columns))
        read = place_of_record(record)
        # (its score traits kept as it is built: those a place built from the row works out)
        assert read == place and "_score_traits" in vars(read)
        assert vars(read)["_score_traits"] == _traits(place) and own_key(read) == place_key(place.name)
        assert stub.split("\t") == [place.id, place.admin1_code or "", place.country or "", repr(place.latitude),
                                     repr(place.longitude), place.name]


def test_the_stubs_of_an_arabic_key_are_those_its_names_join_in_order(tmp_path, bundled_gazetteer_path):
    connection = sqlite3.connect(bundled_gazetteer_path)
    joined: dict[str, list[str]] = {}
    for key, stub in connection.execute(
            "SELECT n.key, r.stub FROM names n JOIN records r ON r.id = n.place_id ORDER BY n.key, n.place_id"):
        if key.startswith("~"):
            joined.setdefault(key, []).append(stub)
    stored = dict(connection.execute("SELECT key, stubs FROM arabic_stubs"))
    connection.close()
    assert len(joined) > 100 and {key: "\n".join(stubs) for key, stubs in joined.items()} == stored
    several = next(key for key, stubs in joined.items() if len(stubs) > 1)
    gazetteer = Gazetteer(tmp_path / "user.sqlite", bundled_gazetteer_path)
    assert gazetteer._arabic_stubs == {"bundled"}
    stubs = gazetteer.arabic_groups(several[1:]).places
    assert [stub.id for stub in stubs] == [stub.split("\t")[0] for stub in joined[several]]
    assert gazetteer.arabic_groups("zzqzzq").places == ()
    gazetteer.close()


def test_the_places_of_a_key_are_those_its_names_join_in_order(tmp_path, bundled_gazetteer_path):
    connection = sqlite3.connect(bundled_gazetteer_path)
    joined: dict[str, list[str]] = {}
    for key, *columns in connection.execute(
            f"SELECT n.key, {_PLACE_COLUMNS} FROM names n JOIN places p ON p.id = n.place_id ORDER BY n.key, n.place_id"):
        joined.setdefault(key, []).append(record_row(tuple(columns))[1])
    stored = dict(connection.execute("SELECT key, places FROM key_places"))
    connection.close()
    assert len(joined) > 100 and {key: "\n".join(records) for key, records in joined.items()} == stored
    several = [key for key, records in joined.items() if len(records) > 1 and not key.startswith("~")][:20]
    assert several
    gazetteer = Gazetteer(tmp_path / "user.sqlite", bundled_gazetteer_path)
    assert gazetteer._key_places == {"bundled"}
    for key in several:
        assert gazetteer.has_key(key)
        assert [place.id for place in gazetteer.by_key(key)] == [record.split("\t")[0] for record in joined[key]]
        assert list(gazetteer.by_key(key)) == [place_of_record(record) for record in joined[key]]
    assert not gazetteer.has_key("zzqzzqzzq") and gazetteer.by_key("zzqzzqzzq") == ()
    gazetteer.close()


def test_a_field_a_record_cannot_hold_is_refused():
    row = ("x:1", "Tab\tname", "SY", None, None, None, 1.0, 2.0, "town", 0, 0, "bundled", None)
    with pytest.raises(ValueError):
        record_row(row)
    with pytest.raises(ValueError):
        record_row(("x:1", "Name", "", *row[3:]))  # "" would read back as None
    with pytest.raises(ValueError):
        record_row(("x:1", "Line\nname", *row[2:]))  # it would part the stubs of an Arabic key
