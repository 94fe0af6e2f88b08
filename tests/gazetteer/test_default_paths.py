"""The default gazetteer paths follow the environment from one call to the next (they are resolved once per
environment, and the variables are read from os.environ's own table)."""

from __future__ import annotations

import os
from pathlib import Path

from marsad import config
from marsad.gazetteer import index


def test_environment_values_are_what_os_environ_gets(monkeypatch):
    monkeypatch.setenv("MARSAD_TEST_SET", "a value é")
    monkeypatch.setenv("MARSAD_TEST_EMPTY", "")
    monkeypatch.delenv("MARSAD_TEST_UNSET", raising=False)
    names = ("MARSAD_TEST_SET", "MARSAD_TEST_EMPTY", "MARSAD_TEST_UNSET")
    read = [None if value is None else os.fsdecode(value) for value in config.environment_values(names)]
    assert read == ["a value é", "", None] == [os.environ.get(name) for name in names]
    assert [config.environment_value(name) for name in names] == read


def test_default_paths_follow_the_data_directory_and_the_user_index(monkeypatch, tmp_path):
    monkeypatch.delenv("MARSAD_GAZETTEER", raising=False)
    monkeypatch.setenv("MARSAD_HOME", str(tmp_path / "first"))
    user, bundled = index.default_paths()
    assert user == tmp_path / "first" / "gazetteer.sqlite" and bundled.parent == tmp_path / "first"

    monkeypatch.setenv("MARSAD_HOME", str(tmp_path / "second"))  # takes effect at the next call
    assert index.default_paths()[0] == tmp_path / "second" / "gazetteer.sqlite"

    monkeypatch.setenv("MARSAD_GAZETTEER", str(tmp_path / "mine.sqlite"))
    assert index.default_paths() == (tmp_path / "mine.sqlite", tmp_path / "second" / bundled.name)

    monkeypatch.setenv("MARSAD_GAZETTEER", "")  # empty: as unset
    assert index.default_paths()[0] == Path(tmp_path / "second" / "gazetteer.sqlite")
