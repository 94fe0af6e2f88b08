"""The dashboard's routes: each parses the form or query, calls one library
function (``marsad.review``, ``marsad.reconcile``, ``marsad.publish``) and
renders a template. Permissions are named per route (``needs(...)``); the
status machine checks roles again in the library."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from marsad.api.auth import Actor, check_csrf, needs, stamp
from marsad.web.render import render

router = APIRouter(include_in_schema=False)


def _date(value: str | None) -> date | None:
    from marsad.errors import InputError

    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{value!r} is not a date: use YYYY-MM-DD.") from None


def _safe_next(target: str | None) -> str:
    """Only same-site paths, so a login link cannot send people elsewhere."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


# ------------------------------------------------------------------ sessions


@router.get("/")
def home(request: Request, actor: Actor = Depends(needs("read"))):
    return RedirectResponse("/inbox" if actor.can("read_all") else "/tallies", status_code=303)


@router.get("/login")
def login_page(request: Request, next: str = "/"):
    return render(request, "login.html", {"next": _safe_next(next)})


@router.post("/login")
def login(request: Request, username: str = Form(..., max_length=100), password: str = Form(..., max_length=1000),
          csrf: str = Form(""), next: str = Form("/")):
    from marsad.review.users import AuthError, authenticate

    check_csrf(request, csrf)
    throttle = request.app.state.throttle
    keys = (f"user:{username.lower()}", f"ip:{request.client.host if request.client else '?'}")
    if throttle.blocked(*keys):
        return render(request, "login.html", {"next": _safe_next(next), "error": "Too many failed logins: wait 15 minutes and try again."}, status_code=429)
    try:
        with request.app.state.db.transaction() as session:
            user = authenticate(session, username, password)
            user_id, user_stamp = user.id, stamp(user)
    except AuthError as error:
        throttle.failed(*keys)
        return render(request, "login.html", {"next": _safe_next(next), "error": str(error)}, status_code=401)
    throttle.succeeded(keys[0])
    request.session.clear()  # a new session on login: no fixation
    request.session.update({"user_id": user_id, "stamp": user_stamp})
    request.state.actor = None
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")):
    check_csrf(request, csrf)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


# ------------------------------------------------------------------ inbox and reports


@router.get("/inbox")
def inbox_page(request: Request, source: str | None = None, admin1: str | None = None, date_from: str | None = Query(None, alias="from"),
               date_to: str | None = Query(None, alias="to"), event_type: str | None = None,
               max_confidence: float | None = Query(None, ge=0, le=1), kind: str | None = None,
               actor: Actor = Depends(needs("read_all"))):
    from marsad.review.newsroom import InboxFilters, inbox, new_reports
    from marsad.review.overlay import sync_reviews

    filters = InboxFilters(source or None, admin1 or None, _date(date_from), _date(date_to), event_type or None, max_confidence,
                           kind if kind in ("event", "casualty") else None)
    with request.app.state.db.transaction() as session:
        sync_reviews(session)  # a re-extraction since the last look sends facts back to review
        items = inbox(session, filters)
        reports = new_reports(session, filters)
        sources = _source_names(session)
    return render(request, "inbox.html", {"items": items, "reports": reports, "filters": filters, "sources": sources})


def _source_names(session) -> list[str]:
    from marsad.store.listing import source_rows

    return [row["name"] for row in source_rows(session)]


@router.get("/reports/{document_id}")
def report_page(request: Request, document_id: int, actor: Actor = Depends(needs("read"))):
    from marsad.review.newsroom import report_view

    with request.app.state.db.reader() as session:
        view = report_view(session, document_id, full=actor.full)
    return render(request, "report.html", view)


@router.post("/facts/{kind}/{fact_id}/{action}")
async def fact_action(request: Request, kind: str, fact_id: int, action: str, actor: Actor = Depends(needs("propose"))):
    from starlette.concurrency import run_in_threadpool

    form = await request.form()
    csrf = form.get("csrf")
    check_csrf(request, csrf if isinstance(csrf, str) else None)
    values = {k[2:]: v for k, v in form.items() if k.startswith("v_") and isinstance(v, str)}
    item = await run_in_threadpool(_decide, request, kind, fact_id, action, values, str(form.get("comment") or ""), actor)
    if request.headers.get("hx-request"):
        return render(request, "_fact.html", {"f": item})
    return RedirectResponse(f"/reports/{item['key'].split('/')[0]}#{kind}-{fact_id}", status_code=303)


def _decide(request, kind: str, fact_id: int, action: str, values: dict, comment: str, actor: Actor) -> dict:
    from marsad.review.newsroom import fact_item
    from marsad.review.service import decide_fact, get_fact, review_of

    with request.app.state.db.transaction() as session:
        changed = {k: v for k, v in values.items() if v.strip() != ""} if action in ("correct", "propose") else None
        decide_fact(session, kind, fact_id, action, user=actor.username, role=actor.role, values=changed,
                    comment=comment.strip() or None)
        _maybe_reconcile(request, session)
        fact = get_fact(session, kind, fact_id)
        return fact_item(kind, fact, review_of(session, kind, fact))


def _maybe_reconcile(request, session) -> None:
    if request.app.state.auto_reconcile:
        from marsad.reconcile import reconcile

        reconcile(session)


# ------------------------------------------------------------------ incidents and links


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, incident_id: int, actor: Actor = Depends(needs("read"))):
    from marsad.review.newsroom import incident_view

    with request.app.state.db.reader() as session:
        view = incident_view(session, incident_id, full=actor.full)
    return render(request, "incident.html", view)


@router.post("/links/{action}")
def link_action(request: Request, action: str, a: str = Form(..., max_length=100), b: str = Form(..., max_length=100),
                csrf: str = Form(""), comment: str = Form("", max_length=5000), back: str = Form("/"),
                actor: Actor = Depends(needs("verify"))):
    from marsad.review.service import decide_link

    check_csrf(request, csrf)
    with request.app.state.db.transaction() as session:
        decide_link(session, a, b, action, user=actor.username, role=actor.role, comment=comment.strip() or None)
        _maybe_reconcile(request, session)
    return RedirectResponse(_safe_next(back), status_code=303)


@router.post("/incidents/{incident_id}/split")
def split_out(request: Request, incident_id: int, report: str = Form(..., max_length=100), csrf: str = Form(""),
              comment: str = Form("", max_length=5000), actor: Actor = Depends(needs("verify"))):
    from marsad.review.service import split_report

    check_csrf(request, csrf)
    with request.app.state.db.transaction() as session:
        split_report(session, incident_id, report, user=actor.username, role=actor.role, comment=comment.strip() or None)
        _maybe_reconcile(request, session)
    return RedirectResponse(f"/incidents/{incident_id}", status_code=303)


@router.post("/incidents/{incident_id}/merge")
def merge(request: Request, incident_id: int, other: int = Form(..., ge=1), csrf: str = Form(""),
          comment: str = Form("", max_length=5000), actor: Actor = Depends(needs("verify"))):
    from marsad.review.service import merge_incidents

    check_csrf(request, csrf)
    with request.app.state.db.transaction() as session:
        merge_incidents(session, incident_id, other, user=actor.username, role=actor.role, comment=comment.strip() or None)
        _maybe_reconcile(request, session)
    return RedirectResponse(f"/incidents/{min(incident_id, other)}", status_code=303)


@router.post("/reconcile")
def reconcile_now(request: Request, csrf: str = Form(""), actor: Actor = Depends(needs("verify"))):
    from marsad.reconcile import reconcile
    from marsad.review.audit import record

    check_csrf(request, csrf)
    with request.app.state.db.transaction() as session:
        summary = reconcile(session)
        record(session, actor.username, "reconcile", "incidents", None, {"changed": summary.changed})
    return RedirectResponse("/tallies", status_code=303)


# ------------------------------------------------------------------ tallies, claims, map


@router.get("/tallies")
def tallies_page(request: Request, date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
                 area: str | None = None, by: str = "month", actor: Actor = Depends(needs("read"))):
    from marsad.reconcile.tallies import GROUPINGS, tally
    from marsad.review.newsroom import claim_shares
    from marsad.review.published import Filters, claims_page

    grouping = [b for b in by.split(",") if b in GROUPINGS] or ["month"]
    start, end = _date(date_from), _date(date_to)
    with request.app.state.db.reader() as session:
        rows = tally(session, date_from=start, date_to=end, area=area or None, by=grouping)
        claims = [dict(c) for c in claims_page(session, Filters(start, end, admin1=area or None), full=actor.full, limit=200).rows]
        shares = claim_shares(session, full=actor.full)
    for claim in claims:
        claim["share"] = shares.get(claim["claim_key"])
    peak = max((r.best for r in rows), default=0) or 1
    return render(request, "tallies.html", {"rows": rows, "grouping": grouping, "peak": peak, "claims": claims,
                                            "q": {"from": date_from or "", "to": date_to or "", "area": area or "", "by": by}})


@router.get("/map")
def map_page(request: Request, actor: Actor = Depends(needs("read"))):
    return render(request, "map.html", {})


@router.get("/map/points.json")
def map_points(request: Request, date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
               actor: Actor = Depends(needs("read"))):
    from marsad.review.newsroom import map_points as points

    with request.app.state.db.reader() as session:
        return JSONResponse(points(session, date_from=_date(date_from), date_to=_date(date_to)))


@router.get("/map/boundaries.geojson")
def map_boundaries(request: Request, actor: Actor = Depends(needs("read"))):
    from marsad.publish.boundaries import BOUNDARIES_FILE

    return Response(BOUNDARIES_FILE.read_bytes(), media_type="application/geo+json",
                    headers={"Cache-Control": "max-age=86400"})


# ------------------------------------------------------------------ bulletin and exports


@router.get("/bulletin")
def bulletin_page(request: Request, actor: Actor = Depends(needs("read"))):
    return render(request, "bulletin.html", {})


@router.post("/bulletin")
def bulletin_download(request: Request, date_from: str = Form("", alias="from"), date_to: str = Form("", alias="to"),
                      area: str = Form("", max_length=200), facts: str = Form("verified"), fmt: str = Form("html"),
                      public: str = Form(""), csrf: str = Form(""), actor: Actor = Depends(needs("read"))):
    import tempfile
    from pathlib import Path

    from marsad.errors import InputError
    from marsad.publish.render import write_bulletin
    from marsad.publish.report import build_bulletin
    from marsad.review.published import publication_scope

    check_csrf(request, csrf)
    if fmt not in ("md", "html", "pdf"):
        raise InputError("The bulletin format is md, html or pdf.")
    scope, public_edition = publication_scope(_date(date_from), _date(date_to), area.strip(), all_facts=facts == "all",
                                              public=bool(public), full=actor.full)
    with request.app.state.db.reader() as session:
        bulletin = build_bulletin(session, scope, public=public_edition)
    with tempfile.TemporaryDirectory() as folder:
        path = write_bulletin(bulletin, fmt, Path(folder) / f"bulletin.{fmt}")
        content = Path(path).read_bytes()
    media = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "pdf": "application/pdf"}[fmt]
    name = f"bulletin-{'verified' if scope.verified_only else 'all'}.{fmt}"
    return Response(content, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/exports/{layout}")
def export_download(request: Request, layout: str, public: bool = False, verified: bool = True,
                    actor: Actor = Depends(needs("read"))):
    import tempfile
    from pathlib import Path

    from marsad.errors import NotFoundError
    from marsad.publish.export import LAYOUTS, export_events
    from marsad.review.published import publication_scope

    if layout not in LAYOUTS:
        raise NotFoundError(f"No export layout {layout!r}: use one of {', '.join(LAYOUTS)}.")
    suffix = {"acled": "csv", "ucdp-ged": "csv", "geojson": "geojson", "parquet": "parquet", "jsonl": "jsonl"}.get(layout, "dat")
    scope, public_edition = publication_scope(all_facts=not verified, public=public, full=actor.full)
    with tempfile.TemporaryDirectory() as folder, request.app.state.db.reader() as session:
        path = Path(folder) / f"events.{suffix}"
        export_events(session, layout, path, scope=scope, public=public_edition)
        content = path.read_bytes()
    return Response(content, media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="marsad-{layout}.{suffix}"'})


# ------------------------------------------------------------------ audit and administration


@router.get("/audit")
def audit_page(request: Request, user: str | None = None, record: str | None = None, actor: Actor = Depends(needs("read_all"))):
    from marsad.review.audit import audit_entries

    with request.app.state.db.reader() as session:
        entries = audit_entries(session, username=user or None, record=record or None)
    return render(request, "audit.html", {"entries": entries, "q": {"user": user or "", "record": record or ""}})


@router.get("/admin")
def admin_page(request: Request, actor: Actor = Depends(needs("admin"))):
    from marsad.review.users import ROLES, list_users
    from marsad.store.listing import source_rows

    with request.app.state.db.reader() as session:
        users = [{"username": u.username, "role": u.role, "active": u.active} for u in list_users(session)]
        sources = source_rows(session)
    return render(request, "admin.html", {"users": users, "sources": sources, "roles": ROLES})


@router.post("/admin/users")
def admin_add_user(request: Request, username: str = Form(..., max_length=100), role: str = Form(...),
                   password: str = Form(..., max_length=1000), csrf: str = Form(""), actor: Actor = Depends(needs("admin"))):
    from marsad.review.audit import record
    from marsad.review.users import add_user

    check_csrf(request, csrf)
    with request.app.state.db.transaction() as session:
        add_user(session, username, role=role, password=password)
        record(session, actor.username, "user.add", f"user {username}", None, {"role": role})
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/users/{username}")
def admin_update_user(request: Request, username: str, role: str = Form(""), active: str = Form(""),
                      csrf: str = Form(""), actor: Actor = Depends(needs("admin"))):
    from marsad.review.users import update_user

    check_csrf(request, csrf)
    with request.app.state.db.transaction() as session:
        update_user(session, username, by=actor.username, role=role or None,
                    active=None if active == "" else active == "1")
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/sources/{source_id}")
def admin_update_source(request: Request, source_id: int, confidential: str = Form(""), reliability: str = Form(""),
                        csrf: str = Form(""), actor: Actor = Depends(needs("admin"))):
    from marsad.review.users import update_source

    check_csrf(request, csrf)
    with request.app.state.db.transaction() as session:
        update_source(session, source_id, by=actor.username, confidential=None if confidential == "" else confidential == "1",
                      reliability=reliability or None)
    return RedirectResponse("/admin", status_code=303)


# ------------------------------------------------------------------ API description


@router.get("/api/docs")
def api_docs(request: Request):
    """The OpenAPI description, as a page (or as JSON for ``Accept: application/json``)."""
    schema = request.app.openapi()
    if "application/json" in request.headers.get("accept", "") and "text/html" not in request.headers.get("accept", ""):
        return JSONResponse(schema)
    return render(request, "api_docs.html", {"schema": schema})
