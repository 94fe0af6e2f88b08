"""The key filter in front of the gazetteer's SQL: never "absent" for a key an
index holds, rebuilt when it does not match its index, and the same answers
from the gazetteer with it as from SQL alone."""

from __future__ import annotations

import random
import sqlite3
from array import array

from hypothesis import given
from hypothesis import strategies as st

from marsad.gazetteer import index as gazetteer_index
from marsad.gazetteer.importers import import_files
from marsad.gazetteer.index import Gazetteer
from marsad.gazetteer.keyfilter import KeyFilter, filter_path, fingerprint, load_filter
from marsad.gazetteer.keys import place_key


@given(st.lists(st.text(min_size=1, max_size=30), max_size=200))
def test_the_filter_holds_every_key_it_was_built_from(keys):
    keys_filter = KeyFilter.from_keys(keys)
    assert all(key in keys_filter for key in keys)
    again = KeyFilter.from_bytes(keys_filter.to_bytes())
    assert all(key in again for key in keys) and len(again) == len(set(keys))


def test_the_filter_rules_out_keys_it_does_not_hold():
    rng = random.Random(1)
    held = {"".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=8)) for _ in range(5_000)}
    keys_filter = KeyFilter.from_keys(held)
    others = {"".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=9)) for _ in range(5_000)}
    assert not any(key in keys_filter for key in others)


def test_a_probe_finds_its_key_wherever_it_lies_in_its_bucket():
    # the probe bisects a window around where a uniform bucket would hold the key first: here the
    # buckets are crowded at one end, so the keys held lie far from that guess
    rng = random.Random(4)
    held = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=10)) for _ in range(300)]
    crowd = [bucket << 56 | offset for bucket in range(256) for offset in range(1, 400)]
    keys_filter = KeyFilter(array("Q", sorted({*map(fingerprint, held), *crowd})))
    assert all(key in keys_filter for key in held)
    others = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=11)) for _ in range(3_000)]
    assert not any(key in keys_filter for key in others)


def test_a_fingerprint_read_across_two_others_is_not_held():
    # the probe looks for a key's fingerprint among the bytes of its bucket's: two neighbours may
    # hold those bytes across them, which is no fingerprint held
    key = next(k for k in map(str, range(100_000)) if _digest(k)[6] == _digest(k)[7] > _digest(k)[5] + 1)
    digest = _digest(key)
    before = int.from_bytes(b"\0" + digest[:7], "little")  # its first 7 bytes, then the next one's first
    after = int.from_bytes(digest[7:] + b"\0" * 5 + bytes([digest[5] + 1]) + digest[7:], "little")
    held = fingerprint(key)
    assert before < after < held and before >> 56 == after >> 56 == held >> 56
    assert (before.to_bytes(8, "little") + after.to_bytes(8, "little")).find(digest) == 1
    assert key not in KeyFilter(array("Q", [before, after]))
    assert key in KeyFilter(array("Q", [before, after, held]))


def _digest(key: str) -> bytes:
    return fingerprint(key).to_bytes(8, "little")


def _keys(path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT key FROM names")}
    finally:
        connection.close()


def test_the_bundled_index_is_built_with_its_filter(bundled_gazetteer_path):
    assert filter_path(bundled_gazetteer_path).exists()
    keys_filter = load_filter(bundled_gazetteer_path)
    keys = _keys(bundled_gazetteer_path)
    assert len(keys_filter) == len(keys) and all(key in keys_filter for key in keys)


def test_a_filter_that_does_not_match_its_index_is_rebuilt(tmp_path, bundled_gazetteer_path):
    index = tmp_path / "bundled.sqlite"
    index.write_bytes(bundled_gazetteer_path.read_bytes())
    assert not filter_path(index).exists()
    built = load_filter(index)  # an index from before filters: built from the index, written beside it
    assert filter_path(index).exists() and len(built) == len(_keys(index))
    # a filter written for another index (another size) or a damaged file is never trusted
    filter_path(index).write_bytes(KeyFilter.from_keys(["only"]).to_bytes())
    assert len(load_filter(index)) == len(built)
    stale = filter_path(index).read_bytes()
    filter_path(index).write_bytes(stale[:-8] + (123).to_bytes(8, "little"))
    with index.open("ab") as handle:  # the index changed size since the filter was written
        handle.write(b"\0" * 4096)
    assert len(load_filter(index)) == len(built)


def test_lookups_with_the_filter_match_sql(tmp_path, bundled_gazetteer_path):
    gazetteer = Gazetteer(tmp_path / "user.sqlite", bundled_gazetteer_path)
    keys = sorted(_keys(bundled_gazetteer_path))
    rng = random.Random(2)
    probes = rng.sample(keys, 300) + [key + "x" for key in rng.sample(keys, 300)] + ["~" + k for k in keys[:50]]
    for key in probes:
        present = gazetteer.connection.execute("SELECT 1 FROM bundled.names WHERE key = ?", (key,)).fetchone()
        assert gazetteer.has_key(key) is (present is not None), key
        assert bool(gazetteer.by_key(key)) is (present is not None), key
    gazetteer.close()


def test_a_held_key_probed_keeps_its_places_for_by_key(tmp_path, bundled_gazetteer_path):
    probed = Gazetteer(tmp_path / "user.sqlite", bundled_gazetteer_path)
    asked = Gazetteer(tmp_path / "user.sqlite", bundled_gazetteer_path)
    key = place_key("Hajin")
    assert probed.has_key(key)
    connection, probed.connection = probed.connection, None  # by_key must not query again
    places = probed.by_key(key)
    probed.connection = connection
    assert places and places == asked.by_key(key)
    probed.close()
    asked.close()


def test_an_import_by_another_connection_is_seen(tmp_path, bundled_gazetteer_path, monkeypatch):
    user = tmp_path / "user.sqlite"
    gazetteer = Gazetteer(user, bundled_gazetteer_path)
    monkeypatch.setattr(gazetteer_index, "FRESH_SECONDS", 0.0)
    key = place_key("Zzqvillage")
    assert not gazetteer.has_key(key) and not gazetteer.by_key(key)
    _import_one_village(tmp_path, user)
    # the next lookup that reaches the files notices the change and forgets what was read before
    assert not gazetteer.has_key(place_key("Qqzzunseen"))
    assert gazetteer.has_key(key) and gazetteer.by_key(key)[0].name == "Zzqvillage"
    gazetteer.close()


def test_place_of_builds_the_same_place_as_its_constructor():
    from marsad.gazetteer.index import Place, place_of

    row = ("geonames:1", "Hajin", "SY", "Deir ez-Zor", "SY.09", "Abu Kamal", 34.69, 40.83, "town", 37935, 0, "bundled", None)
    built = place_of(row)
    assert built == Place(*row) and hash(built) == hash(Place(*row)) and repr(built) == repr(Place(*row))
    assert list(vars(built).items()) == list(vars(Place(*row)).items())  # the same fields, in the same order


def test_a_user_index_too_large_to_hold_in_memory_is_asked_by_sql(tmp_path, bundled_gazetteer_path, monkeypatch):
    user = tmp_path / "user.sqlite"
    _import_one_village(tmp_path, user)
    monkeypatch.setattr(gazetteer_index, "MAIN_KEYS_LIMIT", 0)  # every user index is "too large"
    gazetteer = Gazetteer(user, bundled_gazetteer_path)
    key = place_key("Zzqvillage")
    assert gazetteer.has_key(key) and gazetteer.by_key(key)[0].name == "Zzqvillage"
    assert not gazetteer.has_key(place_key("Qqzzunseen"))
    assert gazetteer._key_sets is not None and gazetteer._key_sets[0] == ("main", None)
    gazetteer.close()


def _import_one_village(tmp_path, user) -> None:
    """Import an OCHA-layout table of one made-up village ("Zzqvillage") into ``user``."""
    table = tmp_path / "places.csv"
    table.write_text(
        "admin0Pcode,admin1Name_en,admin1Pcode,admin2Name_en,admin4Name_en,admin4Name_ar,admin4Pcode,latitude,longitude\n"
        "SY,Deir-ez-Zor,SY09,Abu Kamal,Zzqvillage,,SY090201T09,34.5,40.9\n",
        encoding="utf-8",
    )
    import_files([str(table)], layout="ocha", index_path=user)
