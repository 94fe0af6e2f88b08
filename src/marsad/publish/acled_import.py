"""Import an ACLED-layout CSV as coded events (``marsad import acled``).

Each row becomes a document (its ``text`` column, else ``notes``, under its
``source``), one stored event with marsad's fields filled from the coded
columns, and a :class:`~marsad.publish.models.CodedEvent` row that keeps every
ACLED column exactly as written, so that ``marsad export --layout acled``
gives the same values back. Importing the same file again adds nothing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.errors import InputError
from marsad.publish.acled import ACLED_COLUMNS

PIPELINE = {"name": "acled-import", "version": "1"}
REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "country", "fatalities")
# ACLED time_precision (1 day, 2 week, 3 month) to UCDP date_prec.
DATE_PREC = {"1": 1, "2": 3, "3": 4}


@dataclass
class ImportSummary:
    new: int = 0
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)


def read_acled_rows(path: Path):
    """``(line, row)`` for every data row, checking the header first."""
    with open(path, encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}:1: not an ACLED-layout CSV, missing columns: {', '.join(missing)}")
        for row in reader:
            yield reader.line_num, row


def import_acled(session, path: str | Path, *, limit: int | None = None) -> ImportSummary:
    """Store the rows of ``path``; the caller commits. Bad rows are listed, not fatal."""
    from marsad.store import repository

    path = Path(path)
    summary = ImportSummary()
    for count, (line, row) in enumerate(read_acled_rows(path)):
        if limit is not None and count >= limit:
            break
        try:
            with session.begin_nested():
                status = _import_row(session, repository, row, origin=f"{path}:{line}")
        except (ValueError, InputError) as error:
            summary.failed.append(f"{path}:{line}: {error}")
            continue
        setattr(summary, status, getattr(summary, status) + 1)
    return summary


def _import_row(session, repository, row: dict[str, str], *, origin: str) -> str:
    from marsad.publish.models import CodedEvent
    from marsad.store.models import Event

    text = (row.get("text") or row.get("notes") or "").strip()
    if not text:
        raise InputError("the row has neither text nor notes")
    source = repository.get_or_create_source(session, (row.get("source") or "ACLED")[:200])
    stored = repository.add_document(
        session, text=text, source=source, external_id=row["event_id_cnty"],
        published=_date(row["event_date"]), input_format="acled-csv", origin=origin,
    )
    run = repository.add_extraction(session, stored.document, _extraction(row, stored.document.id))
    event_id = session.scalars(_event_of_run(Event, run.id)).first()
    if session.get(CodedEvent, event_id) is not None:
        return "unchanged"
    fields = {column: row.get(column, "") or "" for column in ACLED_COLUMNS}
    session.add(CodedEvent(event_id=event_id, layout="acled", external_id=row["event_id_cnty"], fields=fields))
    session.flush()
    return "new" if stored.status != "unchanged" else "unchanged"


def _event_of_run(Event, run_id: int):
    from sqlalchemy import select

    return select(Event.id).where(Event.run_id == run_id).order_by(Event.id)


def _extraction(row: dict[str, str], document_id: int):
    from marsad import model

    event_date = _date(row["event_date"])
    event = model.Event(
        id="E1",
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        event_date=event_date,
        date=model.DateValue(event_date, event_date, DATE_PREC.get(_int_text(row.get("time_precision")), 1)),
        actor1=_fit(row.get("actor1"), 200),
        actor2=_fit(row.get("actor2"), 200),
        assoc_actor_1=_fit(row.get("assoc_actor_1"), 200),
        assoc_actor_2=_fit(row.get("assoc_actor_2"), 200),
        location=_fit(row.get("location"), 300),
        admin1=_fit(row.get("admin1"), 200),
        admin2=_fit(row.get("admin2"), 200),
        country=_fit(row.get("country"), 100),
        latitude=_float(row.get("latitude")),
        longitude=_float(row.get("longitude")),
        geo_precision=_int(row.get("geo_precision")),
        fatalities=_int(row.get("fatalities")) or 0,
        rule="acled-import",
    )
    return model.Extraction(document_id=str(document_id), published=event_date, source=row.get("source"),
                            events=[event], pipeline=dict(PIPELINE))


def _fit(value: str | None, length: int) -> str | None:
    """marsad's event columns are bounded; the full coded value stays in coded_events."""
    return value[:length] if value else None


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"event_date {value!r} is not a date (YYYY-MM-DD)") from None


def _int_text(value: str | None) -> str:
    number = _int(value)
    return "" if number is None else str(number)


def _int(value: str | None) -> int | None:
    if value in (None, ""):
        return None
    return int(float(value))


def _float(value: str | None) -> float | None:
    return None if value in (None, "") else float(value)
