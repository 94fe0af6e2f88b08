"""A bundled gazetteer with the countries the streams are set in (Syria, Iraq,
Yemen and neighbours, Pakistan, Mali, Niger, Burkina Faso, Nigeria, Sudan, Mexico, Ukraine, Somalia, Colombia, DR Congo, Myanmar,
Libya, India, Cameroon, Mozambique),
built once per test session."""

from __future__ import annotations

import pytest

COUNTRIES = {"SY", "IQ", "YE", "TR", "LB", "JO", "SA", "IL", "PS", "PK", "ML", "NE", "NG", "MX", "UA", "SO", "CO", "CD", "MM", "SD", "BF", "LY", "IN", "CM", "MZ", "ET"}


@pytest.fixture(scope="session")
def scenario_gazetteer_path(tmp_path_factory):
    from marsad.gazetteer.bundled import build_bundled

    return build_bundled(tmp_path_factory.mktemp("gazetteer") / "bundled.sqlite", countries=COUNTRIES)


@pytest.fixture
def scenario_gazetteer(tmp_path, scenario_gazetteer_path, monkeypatch):
    from marsad.gazetteer import index

    monkeypatch.setattr(index, "default_paths", lambda: (tmp_path / "user-gazetteer.sqlite", scenario_gazetteer_path))
    index.reset_default()
    yield index.default_gazetteer()
    index.reset_default()
