"""Output forms of an extraction: the machine record (JSON/JSONL, see
``docs/schema.md`` and ``schema.json``), ACLED-layout CSV rows and a readable
terminal table."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from importlib import resources
from typing import IO, Any

from marsad.model import Extraction

ACLED_CSV_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2", "location", "latitude",
    "longitude", "geo_precision", "source", "notes", "fatalities", "injured", "document_id",
)
_TIME_PRECISION = {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}


def document_record(extraction: Extraction) -> dict[str, Any]:
    """The machine form of one document (the JSONL line)."""
    return extraction.to_dict()


def load_schema() -> dict[str, Any]:
    return json.loads(resources.files("marsad.extract").joinpath("schema.json").read_text(encoding="utf-8"))


def write_json(extractions: Iterable[Extraction], stream: IO[str], *, lines: bool) -> None:
    if lines:
        for extraction in extractions:
            stream.write(json.dumps(document_record(extraction), ensure_ascii=False) + "\n")
        return
    records = [document_record(e) for e in extractions]
    json.dump(records, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def acled_rows(extraction: Extraction) -> list[dict[str, Any]]:
    """One ACLED-layout row per event (marsad fields under ACLED's column names)."""
    rows = []
    casualties = {c.id: c for c in extraction.casualties}
    for number, event in enumerate(extraction.events, start=1):
        evidence = [casualties[i].span.text for i in event.casualty_ids if i in casualties and casualties[i].span]
        notes = event.span.text if event.span else "; ".join(evidence)
        rows.append({
            "event_id_cnty": f"{extraction.document_id}-{number}",
            "event_date": event.event_date.isoformat() if event.event_date else "",
            "year": event.event_date.year if event.event_date else "",
            "time_precision": _TIME_PRECISION.get(event.date.precision, 3) if event.date else "",
            "event_type": event.event_type, "sub_event_type": event.sub_event_type,
            "actor1": _acled_actor(event.actor1, event.country), "assoc_actor_1": event.assoc_actor_1 or "",
            "actor2": _acled_actor(event.actor2, event.country), "assoc_actor_2": event.assoc_actor_2 or "",
            "country": event.country or "", "admin1": event.admin1 or "", "admin2": event.admin2 or "",
            "location": event.location or "",
            "latitude": "" if event.latitude is None else round(event.latitude, 4),
            "longitude": "" if event.longitude is None else round(event.longitude, 4),
            "geo_precision": event.geo_precision or "", "source": extraction.source or "",
            "notes": " ".join(notes.split()), "fatalities": event.fatalities, "injured": event.injured,
            "document_id": extraction.document_id,
        })
    return rows


def write_acled_csv(extractions: Iterable[Extraction], stream: IO[str]) -> None:
    from marsad import csvsafe

    writer = csvsafe.DictWriter(stream, fieldnames=ACLED_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for extraction in extractions:
        writer.writerows(acled_rows(extraction))


def render_table(extraction: Extraction, width: int = 100) -> str:
    """A readable summary: events, then casualty counts with their quoted evidence."""
    published = extraction.published.isoformat() if extraction.published else "unknown"
    if extraction.published_inferred:
        published += " (inferred from the text)"
    lines = [f"Document {extraction.document_id}  published {published}  source {extraction.source or '-'}", ""]
    lines.append(f"Events ({len(extraction.events)})")
    for event in extraction.events:
        when = event.event_date.isoformat() if event.event_date else "date?"
        actors = " vs ".join(a for a in (event.actor1, event.actor2) if a) or "-"
        lines.append(f"  {event.id:<4} {when}  {event.sub_event_type or event.event_type}  {actors}  "
                     f"@ {event.location or '-'}  killed {event.fatalities}  injured {event.injured}")
    lines += ["", f"Casualties ({len(extraction.casualties)})"]
    for casualty in extraction.casualties:
        lines += _casualty_lines(casualty, width)
    if extraction.warnings:
        lines += ["", "Warnings"] + [f"  - {w}" for w in extraction.warnings]
    return "\n".join(lines) + "\n"


def _casualty_lines(casualty, width: int) -> list[str]:
    count = casualty.vague or ("?" if casualty.count is None else str(casualty.count))
    if casualty.qualifier and casualty.qualifier not in ("exact",):
        count = f"{count} ({casualty.qualifier.replace('_', ' ')})"
    who = ", ".join(x for x in (casualty.victims, casualty.victim_group, casualty.affiliation, casualty.nationality) if x)
    by = ", ".join(casualty.perpetrator)
    head = f"  {'  ' if casualty.part_of else ''}{casualty.id:<4} {casualty.outcome:<9} {count:<18} {who or '-'}"
    if by:
        head += f"  by {by}"
    if casualty.cause:
        head += f"  [{casualty.cause}]"
    if casualty.period:
        head += f"  {casualty.period.start.isoformat()}..{casualty.period.end.isoformat()}"
    if casualty.part_of:
        head += f"  part of {casualty.part_of}"
    if casualty.is_tally:
        head += "  (cumulative)"
    evidence = f"derived: {casualty.derived}" if casualty.derived and not casualty.span else ""
    if casualty.span:
        evidence = f"\u201c{' '.join(casualty.span.text.split())}\u201d @{casualty.span.start}"
        if casualty.derived:
            evidence += f"  derived: {casualty.derived}"
    wrapped = textwrap.wrap(evidence, width=width - 10) or [""]
    return [head] + [f"         {line}" for line in wrapped if line]


def _acled_actor(name: str | None, country: str | None) -> str:
    """Events carry marsad's canonical actor names; ACLED rows use ACLED's (data/actors.yaml)."""
    from marsad.extract.actors import acled_actor_name

    return acled_actor_name(name, country) if name else ""
