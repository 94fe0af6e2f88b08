"""Fixtures for the newsroom: a world database (SQLite, built once per module)
and an app over it, plus logged-in clients per role."""

from __future__ import annotations

import re

import pytest

from tests.review.world import PASSWORD, build_world

SECRET = "test-secret-" + "x" * 32


@pytest.fixture
def world(database):
    """A fresh world on every backend (``database`` runs on SQLite and PostgreSQL)."""
    return build_world(database)


@pytest.fixture(scope="module")
def module_db(tmp_path_factory):
    from marsad.store import open_database

    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('world') / 'marsad.sqlite'}")
    db.world = build_world(db)
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def app(module_db):
    from marsad.api.app import create_app

    return create_app(module_db.url, secret_key=SECRET, auto_reconcile=False)


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def login(app, role: str | None):
    """A TestClient logged in as ``role`` (None: anonymous) and its CSRF token."""
    from fastapi.testclient import TestClient

    client = TestClient(app)
    if role is not None:
        token = csrf_of(client.get("/login").text)
        response = client.post("/login", data={"username": role, "password": PASSWORD, "csrf": token}, follow_redirects=False)
        assert response.status_code == 303, response.text
    return client, csrf_of(client.get("/login").text)
