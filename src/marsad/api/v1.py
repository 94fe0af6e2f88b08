"""The public read API, ``/api/v1``: the conventions of ACLED's and UCDP's APIs
(filters as query parameters, paging with a total count and a next link,
JSON or CSV). Each route parses its query and calls one function of
:mod:`marsad.review.published`; who may see what is decided there."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from marsad.api.auth import Actor, needs

router = APIRouter(tags=["read API"])
Format = Literal["json", "csv"]


def filters(
    date_from: date | None = Query(None, alias="from", description="First day (inclusive), YYYY-MM-DD"),
    date_to: date | None = Query(None, alias="to", description="Last day (inclusive), YYYY-MM-DD"),
    country: str | None = Query(None, max_length=100, description="Country name, e.g. Syria"),
    admin1: str | None = Query(None, max_length=200, description="Governorate / province, e.g. Idlib"),
    event_type: str | None = Query(None, max_length=100, description="ACLED event type or sub-event type"),
    actor: str | None = Query(None, max_length=200, description="Actor name (substring)"),
    updated_since: datetime | None = Query(None, description="Only records added or reviewed since (ISO 8601)"),
    status: Literal["all", "machine", "in_review", "verified", "corrected", "reviewed"] | None = Query(
        None, description="Review status (analysts and above; others always get verified and corrected facts)"),
    source: str | None = Query(None, max_length=200, description="Source name"),
):
    from marsad.review.published import Filters

    return Filters(date_from, date_to, country, admin1, event_type, actor, updated_since, status, source)


def paging(offset: int = Query(0, ge=0, le=10_000_000), limit: int = Query(100, ge=1, le=1000)) -> tuple[int, int]:
    return offset, limit


def keyed_paging(
    offset: int = Query(0, ge=0, le=10_000_000, description="Position of the first row (ignored with after)"),
    limit: int = Query(100, ge=1, le=1000),
    after: int | None = Query(None, ge=0, le=2**62, description="Cursor: the rows after this id (next links carry it)"),
) -> dict:
    return {"offset": offset, "limit": limit, "after": after}


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def respond(request: Request, page, output: str) -> Response:
    next_url = None
    if page.has_next:
        following = {"offset": page.offset + page.limit}
        if page.next_after is not None:
            following["after"] = page.next_after
        next_url = str(request.url.include_query_params(**following))
    headers = {"X-Total-Count": str(page.total)}
    if next_url:
        headers["Link"] = f'<{next_url}>; rel="next"'
    if output == "csv":
        if "csv" not in page.rendered:
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(page.columns)
            for row in page.rows:
                writer.writerow([_csv_safe(_plain(row.get(c))) for c in page.columns])
            page.rendered["csv"] = buffer.getvalue()
        return Response(page.rendered["csv"], media_type="text/csv; charset=utf-8", headers=headers)
    if "json" not in page.rendered:
        page.rendered["json"] = json.dumps(page.rows, default=_plain, ensure_ascii=False)
    head = json.dumps({"total_count": page.total, "count": len(page.rows), "offset": page.offset, "limit": page.limit,
                       "next": next_url}, ensure_ascii=False)
    # the same text as json.dumps of the whole body, with "data" last
    return Response(f'{head[:-1]}, "data": {page.rendered["json"]}}}', media_type="application/json", headers=headers)


def _csv_safe(value):
    """A cell a spreadsheet would run as a formula is quoted with a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _read(request: Request, call):
    with request.app.state.db.reader() as session:
        return call(session)


@router.get("/events", summary="Events (one per report), with review decisions applied")
def events(request: Request, f=Depends(filters), p=Depends(keyed_paging), format: Format = "json",
           actor: Actor = Depends(needs("public"))):
    from marsad.review.published import events_page

    return respond(request, _read(request, lambda s: events_page(s, f, full=actor.full, **p)), format)


@router.get("/incidents", summary="Reconciled incidents with killed low/best/high")
def incidents(request: Request, f=Depends(filters), p=Depends(keyed_paging), format: Format = "json",
              actor: Actor = Depends(needs("public"))):
    from marsad.review.published import incidents_page

    return respond(request, _read(request, lambda s: incidents_page(s, f, full=actor.full, **p)), format)


Grouping = Literal["day", "week", "month", "admin1", "admin2", "perpetrator", "victims", "outcome"]


@router.get("/tallies", summary="Tallies of incident estimates grouped by period, area, perpetrator, victims")
def tallies(request: Request, f=Depends(filters), p=Depends(paging), by: list[Grouping] = Query(["month"]),
            outcome: Literal["killed", "injured", "abducted", "all"] = "killed", format: Format = "json",
            actor: Actor = Depends(needs("public"))):
    from marsad.review.published import tallies_page

    wanted = None if outcome == "all" else outcome
    page = _read(request, lambda s: tallies_page(s, f, by=list(dict.fromkeys(by)), outcome=wanted, offset=p[0], limit=p[1]))
    return respond(request, page, format)


@router.get("/claims", summary="Claimed totals and derived remainders")
def claims(request: Request, f=Depends(filters), p=Depends(keyed_paging), format: Format = "json",
           actor: Actor = Depends(needs("public"))):
    from marsad.review.published import claims_page

    return respond(request, _read(request, lambda s: claims_page(s, f, full=actor.full, **p)), format)


@router.get("/documents", summary="Reports (current versions); confidential sources' reports are not listed publicly")
def documents(request: Request, f=Depends(filters), p=Depends(keyed_paging), format: Format = "json",
              actor: Actor = Depends(needs("public"))):
    from marsad.review.published import documents_page

    return respond(request, _read(request, lambda s: documents_page(s, f, full=actor.full, **p)), format)


@router.get("/deleted", summary="Records withdrawn (rejected by a reviewer) since a date")
def deleted(request: Request, since: datetime | None = Query(None, description="ISO 8601 date or time"),
            p=Depends(paging), format: Format = "json", actor: Actor = Depends(needs("public"))):
    from marsad.review.published import deleted_page

    return respond(request, _read(request, lambda s: deleted_page(s, since=since, offset=p[0], limit=p[1])), format)
