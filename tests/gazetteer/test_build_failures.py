"""A bundled-index build that fails leaves nothing behind in the data directory."""

from __future__ import annotations

import os
import time

import pytest

from marsad.gazetteer import bundled


def test_a_failed_build_removes_its_temporary_file(tmp_path, monkeypatch):
    def broken():
        raise RuntimeError("cities unreadable")

    monkeypatch.setattr(bundled, "_cities", broken)
    target = tmp_path / "gazetteer-bundled-v99-test.sqlite"
    with pytest.raises(RuntimeError, match="cities unreadable"):
        bundled.build_bundled(target, countries={"SY"})
    assert list(tmp_path.iterdir()) == []


def test_only_old_abandoned_builds_are_removed(tmp_path):
    old, fresh = tmp_path / "gazetteer-bundled-v9-x.sqliteab12.tmp", tmp_path / "gazetteer-bundled-v9-x.sqlitecd34.tmp"
    for partial in (old, fresh):
        partial.write_bytes(b"partial")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    bundled._remove_abandoned_builds(tmp_path / "gazetteer-bundled-v10-x.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name]
