"""The read API: paging with a total and a next link, CSV, filters, the one
error shape, withdrawn records, tokens; and a fuzz run over the OpenAPI
description (no 5xx)."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.review.conftest import login


@pytest.fixture(scope="module")
def analyst_token(module_db):
    from marsad.review.users import create_token

    with module_db.transaction() as session:
        return create_token(session, "analyst", name="tests")


def test_paging_gives_the_total_and_a_next_link(app, analyst_token):
    client, _ = login(app, None)
    headers = {"Authorization": f"Bearer {analyst_token}"}
    first = client.get("/api/v1/events?limit=3&status=all", headers=headers).json()
    assert (first["total_count"], first["count"]) == (5, 3)
    assert "offset=3" in first["next"] and f"after={first['data'][-1]['id']}" in first["next"]  # a cursor
    second = client.get(first["next"], headers=headers).json()
    assert second["count"] == 2 and second["next"] is None and second["offset"] == 3
    assert {e["id"] for e in first["data"]} | {e["id"] for e in second["data"]} == {1, 2, 3, 4, 5}


def test_the_public_reads_only_verified_facts(app, module_db, analyst_token):
    from marsad.review.service import decide_fact

    client, _ = login(app, None)
    before = client.get("/api/v1/events").json()["total_count"]
    with module_db.transaction() as session:
        decide_fact(session, "event", 1, "confirm", user="reviewer", role="reviewer")
    after = client.get("/api/v1/events").json()
    assert (before, after["total_count"]) == (0, 1)
    assert after["data"][0]["review_status"] == "verified"
    machine = client.get("/api/v1/events?status=machine", headers={"Authorization": f"Bearer {analyst_token}"}).json()
    assert machine["total_count"] == 4


def test_csv_has_the_columns_and_a_total_header(app, analyst_token):
    client, _ = login(app, None)
    response = client.get("/api/v1/events?format=csv&status=all&admin1=Idlib", headers={"Authorization": f"Bearer {analyst_token}"})
    assert response.headers["content-type"].startswith("text/csv") and response.headers["x-total-count"] == "4"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 4 and {"event_date", "admin1", "fatalities", "review_status"} <= set(rows[0])


def test_filters_narrow_the_list(app, analyst_token):
    client, _ = login(app, None)
    headers = {"Authorization": f"Bearer {analyst_token}"}
    assert client.get("/api/v1/events?from=2019-03-11&status=all", headers=headers).json()["total_count"] == 1
    assert client.get("/api/v1/events?country=Iraq&status=all", headers=headers).json()["total_count"] == 0
    assert client.get("/api/v1/incidents?admin1=idlib", headers=headers).json()["total_count"] >= 1
    assert [r["admin1"] for r in client.get("/api/v1/tallies?by=admin1", headers=headers).json()["data"]] == ["Aleppo", "Idlib"]


def test_a_source_is_found_by_the_store_s_own_identity(app, analyst_token):
    # "Monitor A" stored; the store's source_key folds case and runs of whitespace
    client, _ = login(app, None)
    headers = {"Authorization": f"Bearer {analyst_token}"}
    for url in ("/api/v1/events?status=all&source=", "/api/v1/documents?source="):
        exact = client.get(url + "Monitor%20A", headers=headers).json()["total_count"]
        assert exact >= 1
        assert client.get(url + "%20MONITOR%20%20a%20", headers=headers).json()["total_count"] == exact
        assert client.get(url + "Monitor%20B", headers=headers).json()["total_count"] == 0


def test_one_error_shape(app):
    client, _ = login(app, None)
    for url, status in (("/api/v1/events?from=yesterday", 422), ("/api/v1/events?limit=0", 422),
                        ("/api/v1/nothing", 404), ("/api/v1/events?status=rejected", 422)):
        response = client.get(url)
        body = response.json()
        assert response.status_code == status and set(body) == {"error"}
        assert set(body["error"]) == {"status", "code", "message"} and body["error"]["status"] == status
    bad_token = client.get("/api/v1/events", headers={"Authorization": "Bearer mt_forged"})
    assert bad_token.status_code == 401 and "token" in bad_token.json()["error"]["message"]


def test_withdrawn_records_are_listed(app, module_db):
    from marsad.review.service import decide_fact

    with module_db.transaction() as session:
        decide_fact(session, "casualty", 5, "reject", user="reviewer", role="reviewer", comment="duplicate")
    client, _ = login(app, None)
    deleted = client.get("/api/v1/deleted?since=2000-01-01").json()
    assert [(r["kind"], r["id"]) for r in deleted["data"]] == [("casualty", 5)]
    assert client.get("/api/v1/deleted?since=2999-01-01").json()["total_count"] == 0


def test_openapi_is_served_without_a_cdn(app):
    client, _ = login(app, None)
    schema = client.get("/api/docs", headers={"Accept": "application/json"}).json()
    assert {"/api/v1/events", "/api/v1/incidents", "/api/v1/tallies", "/api/v1/claims", "/api/v1/documents",
            "/api/v1/deleted"} <= set(schema["paths"])
    page = client.get("/api/docs", headers={"Accept": "text/html"}).text
    assert "/api/v1/events" in page and "cdn" not in page.lower() and "https://" not in page


# ------------------------------------------------------------------ fuzzing over the OpenAPI description


def _strategy(schema: dict):
    if "anyOf" in schema:
        return st.one_of([_strategy(s) for s in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "integer":
        return st.integers(min_value=-5, max_value=10_000_001)
    if kind == "array":
        return st.lists(_strategy(schema.get("items", {})), max_size=3)
    if kind == "null":
        return st.none()
    anything = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
    if schema.get("format") in ("date", "date-time"):
        return st.one_of(st.dates().map(str), st.datetimes().map(lambda d: d.isoformat()), anything)
    return anything


def _operations(app):
    schema = app.openapi()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method == "get":
                yield path, operation.get("parameters", [])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzz_the_read_api_no_server_errors(app, data):
    from fastapi.testclient import TestClient

    client = TestClient(app, raise_server_exceptions=False)
    path, parameters = data.draw(st.sampled_from(list(_operations(app))))
    query = {}
    for parameter in parameters:
        if data.draw(st.booleans()):
            value = data.draw(_strategy(parameter["schema"]))
            if value is not None:
                query[parameter["name"]] = value
    response = client.get(path, params=query)
    assert response.status_code < 500, (path, query, response.text[:300])
    assert response.status_code in (200, 401, 422) or "error" in response.json()


def test_marking_a_source_confidential_takes_effect_at_once(app, module_db):
    from sqlalchemy import select

    from marsad.review.users import update_source
    from marsad.store.models import Source

    client, _ = login(app, None)
    assert "Monitor A" in client.get("/api/v1/documents").text  # cached now
    with module_db.transaction() as session:
        source = session.scalar(select(Source).where(Source.name == "Monitor A"))
        update_source(session, source.id, by="admin", confidential=True)
    try:
        assert "Monitor A" not in client.get("/api/v1/documents").text
        assert "Monitor A" not in client.get("/api/v1/incidents").text
    finally:
        with module_db.transaction() as session:
            update_source(session, source.id, by="admin", confidential=False)
