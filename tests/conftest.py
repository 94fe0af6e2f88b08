"""Shared fixtures. ``../shared`` (the seed bulletin and real coded data) is
present in CI and beside every checkout; tests that need it skip cleanly when
it is absent so that the product never depends on it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# A component that fails raises in tests, rather than leaving a warning and a
# document without its facts (set before any pipeline is built; Dask workers inherit it).
os.environ.setdefault("MARSAD_STRICT_PIPELINE", "1")


def pytest_sessionstart(session: pytest.Session) -> None:
    """Tests of an editable install run its compiled modules (setup.py): stop at
    once, rather than test old code, when a source was edited since."""
    from marsad.compiled import stale_modules

    stale = stale_modules()
    if stale:
        pytest.exit(f"compiled modules older than their sources: {', '.join(stale)}; run `pip install -e .` "
                    "again (or install with MARSAD_PURE_PYTHON=1)", returncode=4)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return (shared_dir / "seed" / "000_630b495d26aa50f8.txt").read_text(encoding="utf-8")


# --- database backends (owned by the store; reuse them in reconcile/publish tests) ---
#
# ``db_url`` runs a test twice: on a fresh SQLite file and on a fresh schema of
# the PostgreSQL server named by MARSAD_TEST_POSTGRES_URL (skipped only when
# that variable is unset; CI sets it). ``database`` is that URL opened with
# every migration applied; ``session`` is a session inside a transaction that
# is rolled back after the test.


def _postgres_schema_url(base_url: str, schema: str) -> str:
    separator = "&" if "?" in base_url else "?"
    return f"{base_url}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'marsad.sqlite'}"
        return
    import os
    import uuid

    base = os.environ.get("MARSAD_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("MARSAD_TEST_POSTGRES_URL is not set (CI sets it; see .ci/run)")
    from sqlalchemy import create_engine, text

    from marsad.store.db import normalise_url

    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _postgres_schema_url(base, schema)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def database(db_url):
    from marsad.store import open_database

    db = open_database(db_url)
    yield db
    db.dispose()


@pytest.fixture
def session(database):
    active = database.session()
    active.begin()
    try:
        yield active
    finally:
        active.rollback()
        active.close()


# --- gazetteer (owned by the gazetteer; reuse it where places are resolved) ---
#
# ``bundled_gazetteer_path``: a small bundled index (towns of Syria, Iraq and
# their neighbours, governorates, regions, countries), built once per session
# in seconds instead of the full worldwide one. ``small_gazetteer`` opens it
# with an empty user index and makes it the process default for the test.

GAZETTEER_TEST_COUNTRIES = {"SY", "IQ", "TR", "LB", "JO", "SA", "IL", "PS", "IR", "GB", "AM"}


@pytest.fixture(scope="session")
def bundled_gazetteer_path(tmp_path_factory):
    from marsad.gazetteer.bundled import build_bundled

    path = tmp_path_factory.mktemp("gazetteer") / "bundled.sqlite"
    return build_bundled(path, countries=GAZETTEER_TEST_COUNTRIES)


@pytest.fixture
def small_gazetteer(tmp_path, bundled_gazetteer_path, monkeypatch):
    from marsad.gazetteer import index

    user = tmp_path / "gazetteer.sqlite"
    monkeypatch.setattr(index, "default_paths", lambda: (user, bundled_gazetteer_path))
    index.reset_default()
    gazetteer = index.default_gazetteer()
    yield gazetteer
    index.reset_default()
