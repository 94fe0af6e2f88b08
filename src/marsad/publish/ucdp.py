"""UCDP GED layout: the columns of the Georeferenced Event Dataset.

GED records organised violence only, so this layout writes the events of
ACLED types Battles, Explosions/Remote violence and Violence against
civilians. The mapping is documented in ``docs/exports.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from marsad.publish import codes
from marsad.publish.acled import write_csv
from marsad.publish.records import EventRecord

UCDP_GED_COLUMNS = (
    "id", "relid", "year", "active_year", "type_of_violence", "conflict_new_id", "conflict_name",
    "dyad_new_id", "dyad_name", "side_a_new_id", "side_a", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country",
    "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "low", "best", "high",
)


def in_ged_scope(record: EventRecord) -> bool:
    return record.event_type in codes.ORGANISED_VIOLENCE


def type_of_violence(record: EventRecord) -> int:
    """1 state-based, 2 non-state, 3 one-sided (an organised actor against civilians)."""
    if record.event_type == "Violence against civilians" or codes.inter_code(record.actor2) == 7:
        return 3
    if 1 in (codes.inter_code(record.actor1), codes.inter_code(record.actor2)):
        return 1
    return 2


def ged_row(record: EventRecord) -> dict[str, Any]:
    best = record.deaths_a + record.deaths_b + record.deaths_civilians + record.deaths_unknown
    low = min(record.low if record.low is not None else best, best)
    high = max(record.high if record.high is not None else best, best)
    violence = type_of_violence(record)
    side_a = codes.ucdp_name(record.actor1, record.country)
    side_b = "Civilians" if violence == 3 else codes.ucdp_name(record.actor2, record.country)
    start = record.date_start or record.event_date
    end = record.date_end or record.event_date
    source_date = record.published.isoformat() if record.published else ""
    headline = record.document_title or ""
    has_point = record.latitude is not None and record.longitude is not None
    return {
        "id": record.event_id,
        "relid": f"{codes.iso3(record.country)}-{start.year if start else ''}-{record.document_id}-{record.local_id}",
        "year": record.event_date.year if record.event_date else "",
        "active_year": "",
        "type_of_violence": violence,
        "conflict_new_id": "",
        "conflict_name": f"{record.country}: Government" if violence == 1 and record.country else "",
        "dyad_new_id": "",
        "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else "",
        "side_a_new_id": "",
        "side_a": side_a,
        "side_b_new_id": "",
        "side_b": side_b,
        "number_of_sources": record.number_of_sources,
        "source_article": f'"{record.source_name or ""},{source_date},{headline}"' if record.source_name else "",
        "source_office": record.source_name or "",
        "source_date": source_date,
        "source_headline": headline,
        "source_original": record.source_name or "",
        "where_prec": codes.ucdp_where_prec(record.geo_precision, record.where_prec) or "",
        "where_coordinates": record.location or "",
        "adm_1": record.admin1 or "",
        "adm_2": record.admin2 or "",
        "latitude": record.latitude if has_point else "",
        "longitude": record.longitude if has_point else "",
        "geom_wkt": f"POINT ({record.longitude} {record.latitude})" if has_point else "",
        "priogrid_gid": codes.priogrid_gid(record.latitude, record.longitude) or "",
        "country": record.country or "",
        "country_id": codes.GLEDITSCH_WARD.get(record.country or "", ""),
        "region": codes.UCDP_REGIONS.get(record.country or "", ""),
        "event_clarity": 1,
        "date_prec": record.date_precision or 1,
        "date_start": start.isoformat() if start else "",
        "date_end": end.isoformat() if end else "",
        "deaths_a": record.deaths_a,
        "deaths_b": record.deaths_b,
        "deaths_civilians": record.deaths_civilians,
        "deaths_unknown": record.deaths_unknown,
        "low": low,
        "best": best,
        "high": high,
    }


def write_ucdp_ged(records: Iterable[EventRecord], stream: IO[str]) -> int:
    return write_csv((r for r in records if in_ged_scope(r)), stream, UCDP_GED_COLUMNS, ged_row)
