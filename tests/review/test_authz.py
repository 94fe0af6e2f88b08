"""The authorization matrix: every role × every route, expected allow or deny,
and no confidential source's name, URL or quote for a viewer or the public."""

from __future__ import annotations

import pytest

from tests.review.conftest import login
from tests.review.world import CONFIDENTIAL

ROLES = (None, "viewer", "analyst", "reviewer", "admin")
LEVEL = {None: 0, "viewer": 1, "analyst": 2, "reviewer": 3, "admin": 4}
PUBLIC, VIEWER, ANALYST, REVIEWER, ADMIN = 0, 1, 2, 3, 4

# (method, route path as declared, concrete URL, form data, lowest role allowed)
MATRIX = [
    ("GET", "/", "/", None, VIEWER),
    ("GET", "/login", "/login", None, PUBLIC),
    ("GET", "/inbox", "/inbox", None, ANALYST),
    ("GET", "/reports/{document_id}", "/reports/{public_doc}", None, VIEWER),
    ("POST", "/facts/{kind}/{fact_id}/{action}", "/facts/casualty/999999/propose", {"v_count": "3"}, ANALYST),
    ("POST", "/facts/{kind}/{fact_id}/{action}", "/facts/casualty/999999/confirm", {}, REVIEWER),
    ("POST", "/facts/{kind}/{fact_id}/{action}", "/facts/event/999999/reject", {"comment": "x"}, REVIEWER),
    ("GET", "/incidents/{incident_id}", "/incidents/1", None, VIEWER),
    ("POST", "/links/{action}", "/links/split", {"a": "999998/E1", "b": "999999/E1"}, REVIEWER),
    ("POST", "/reconcile", "/reconcile", {}, REVIEWER),
    ("POST", "/incidents/{incident_id}/split", "/incidents/1/split", {"report": "999999/E9"}, REVIEWER),
    ("POST", "/incidents/{incident_id}/merge", "/incidents/999998/merge", {"other": "999999"}, REVIEWER),
    ("GET", "/tallies", "/tallies", None, VIEWER),
    ("GET", "/map", "/map", None, VIEWER),
    ("GET", "/map/points.json", "/map/points.json", None, VIEWER),
    ("GET", "/map/boundaries.geojson", "/map/boundaries.geojson", None, VIEWER),
    ("GET", "/bulletin", "/bulletin", None, VIEWER),
    ("POST", "/bulletin", "/bulletin", {"fmt": "md", "facts": "all"}, VIEWER),
    ("GET", "/exports/{layout}", "/exports/jsonl", None, VIEWER),
    ("GET", "/audit", "/audit", None, ANALYST),
    ("GET", "/admin", "/admin", None, ADMIN),
    ("POST", "/admin/users", "/admin/users", {"username": "!", "role": "viewer", "password": "x"}, ADMIN),
    ("POST", "/admin/users/{username}", "/admin/users/nobody", {"role": "viewer"}, ADMIN),
    ("POST", "/admin/sources/{source_id}", "/admin/sources/999999", {"confidential": "1"}, ADMIN),
    ("GET", "/api/docs", "/api/docs", None, PUBLIC),
    ("GET", "/api/openapi.json", "/api/openapi.json", None, PUBLIC),
    ("GET", "/api/v1/events", "/api/v1/events", None, PUBLIC),
    ("GET", "/api/v1/incidents", "/api/v1/incidents", None, PUBLIC),
    ("GET", "/api/v1/tallies", "/api/v1/tallies", None, PUBLIC),
    ("GET", "/api/v1/claims", "/api/v1/claims", None, PUBLIC),
    ("GET", "/api/v1/documents", "/api/v1/documents", None, PUBLIC),
    ("GET", "/api/v1/deleted", "/api/v1/deleted", None, PUBLIC),
]
# Covered by their own tests below (they change who is logged in).
SESSION_ROUTES = {("POST", "/login"), ("POST", "/logout")}


def test_the_matrix_names_every_route(app):
    from fastapi.routing import APIRoute

    declared = {(method, route.path) for route in app.routes if isinstance(route, APIRoute) for method in route.methods}
    declared.discard(("HEAD", "/api/openapi.json"))
    covered = {(method, path) for method, path, *_ in MATRIX} | SESSION_ROUTES
    assert declared - covered == set(), "add the new route to MATRIX with who may use it"


@pytest.fixture(scope="module")
def clients(app):
    return {role: login(app, role) for role in ROLES}


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "anonymous")
@pytest.mark.parametrize("method,path,url,data,lowest", MATRIX, ids=[f"{m} {u}" for m, _, u, *_ in MATRIX])
def test_role_on_route(clients, module_db, role, method, path, url, data, lowest):
    client, csrf = clients[role]
    url = url.format(public_doc=module_db.world["market_a"])
    if method == "GET":
        response = client.get(url, follow_redirects=False)
    else:
        response = client.post(url, data={**data, "csrf": csrf}, follow_redirects=False)
    denied = response.status_code in (401, 403) or (
        response.status_code == 303 and response.headers["location"].startswith("/login"))
    assert denied == (LEVEL[role] < lowest), (response.status_code, response.text[:300])
    assert response.status_code < 500


def test_html_pages_send_anonymous_visitors_to_the_login(clients):
    client, _ = clients[None]
    response = client.get("/inbox", headers={"Accept": "text/html"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login?next=/inbox"


def test_a_post_without_the_csrf_token_is_refused(clients):
    client, _ = clients["reviewer"]
    response = client.post("/reconcile", data={}, follow_redirects=False)
    assert response.status_code == 403 and "CSRF" in response.json()["error"]["message"]


def test_logout_ends_the_session(app):
    client, csrf = login(app, "reviewer")
    assert client.get("/inbox").status_code == 200
    assert client.post("/logout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    assert client.get("/inbox").status_code == 401


def test_login_is_throttled_after_repeated_failures(app):
    from fastapi.testclient import TestClient

    from tests.review.conftest import csrf_of

    client = TestClient(app)
    csrf = csrf_of(client.get("/login").text)
    codes = [client.post("/login", data={"username": "analyst", "password": f"guess {i}", "csrf": csrf}).status_code
             for i in range(6)]
    assert codes == [401] * 5 + [429]
    app.state.throttle._failures.clear()


def _verify_everything(db):
    from sqlalchemy import select

    from marsad.review.service import decide_fact
    from marsad.store.models import Casualty, Event

    with db.transaction() as session:
        for kind, model in (("event", Event), ("casualty", Casualty)):
            for fact in session.scalars(select(model)):
                decide_fact(session, kind, fact.id, "confirm", user="reviewer", role="reviewer")


CONFIDENTIAL_QUOTE = "killing 14 civilians"
READ_URLS = ["/api/v1/events", "/api/v1/events?format=csv", "/api/v1/incidents", "/api/v1/claims", "/api/v1/documents",
             "/api/v1/tallies", "/incidents/1", "/tallies", "/map/points.json", "/reports/{confidential_doc}",
             "/exports/jsonl", "/exports/acled"]


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "anonymous")
def test_confidential_source_never_reaches_a_viewer_or_the_public(app, module_db, clients, role):
    _verify_everything(module_db)  # verified: a viewer would see these facts if redaction failed
    client, csrf = clients[role]
    seen = []
    for url in READ_URLS:
        response = client.get(url.format(confidential_doc=module_db.world["market_b"]))
        seen.append(response.text)
    if role in ("viewer", None):
        bulletin = client.post("/bulletin", data={"csrf": csrf, "fmt": "html", "facts": "all"}).text if role else ""
        for text in seen + [bulletin]:
            assert CONFIDENTIAL not in text and CONFIDENTIAL_QUOTE not in text
    if role == "viewer":
        assert "Confidential source" in " ".join(seen)  # counted, never named
    if role in ("analyst", "reviewer", "admin"):
        assert CONFIDENTIAL in " ".join(seen)  # the team sees its own sources
