"""A toll broken down by place is one incident per place.

"Drones killed seven civilians in the province on Sunday. Five of them died
when a drone struck a car in A, and two more were killed in B when another
drone hit a motorcycle": the ledger already knows the 5 and the 2 are parts of
the 7 (:mod:`marsad.extract.ledger`), and event assembly keeps a total and its
parts in one event. For event data that is one event too few: ACLED and UCDP
code one event per location, and a tally of incidents must find two. So when
every part of a total names a place of its own, and the parts add up to the
total, the event is split into one event per part.

Counting stays the ledger's: the split events' deaths are the parts, whose
sum is the total, so the document's events still add up to
:func:`marsad.counting.total` and no death is counted twice. The total itself
stays with the first event (the lead that states it) for provenance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from marsad.counting import adds_to_total
from marsad.extract.event_ledger import claim_verdicts
from marsad.extract.pipeline import DocContext
from marsad.extract.spans import starting_within
from marsad.model import Casualty, Event, PlaceMention

_KILLED = ("killed", "executed")
#: Places that are areas, not where an incident happened.
_AREA_FEATURES = {"country", "admin1", "region", "river", "area"}


def split_located_parts(ctx: DocContext, start: int, end: int, event: Event,
                        country_name: Callable[[str | None], str | None]) -> list[Event]:
    """``event`` (assembled from the text ``[start, end)``), or one event per
    located part when its total breaks down by place."""
    found = _located_breakdown(ctx, start, end)
    if found is None:
        return [event]
    total, parts, segments, places = found
    owner = _owners(ctx, event, segments, places)
    events = []
    for index, (part, (seg_start, seg_end), place) in enumerate(zip(parts, segments, places)):
        own = [cid for cid in event.casualty_ids if owner[cid] == index]
        fatalities, injured = _counted(ctx, own, total, part)
        located = replace(
            event, fatalities=fatalities, injured=injured, casualty_ids=own, place_ids=[place.id],
            location=place.name or place.text, admin1=place.admin1, admin2=place.admin2,
            country=country_name(place.country) or event.country,
            latitude=place.latitude, longitude=place.longitude, geo_precision=place.geo_precision,
        )
        if index:
            located = replace(located, id=ctx.new_id("E"), span=ctx.span(seg_start, seg_end))
        events.append(located)
    return events


def _located_breakdown(ctx: DocContext, start: int, end: int):
    """The first total of the block whose parts add up to it and each name
    their own place: (total, parts, segments, places), else ``None``."""
    claims = claim_verdicts(ctx)
    block = [c for c in starting_within(ctx.casualties, start, end) if not claims[c.id]]
    for total in block:
        if total.outcome not in _KILLED or not total.count or not adds_to_total(total):
            continue
        parts = sorted((c for c in block if c.part_of == total.id and c.outcome == total.outcome and c.count),
                       key=lambda c: c.span.start)
        if len(parts) < 2 or sum(p.count or 0 for p in parts) != total.count:
            continue
        segments = [(part.span.start, parts[i + 1].span.start if i + 1 < len(parts) else
                     min(end, ctx.sentence_at(part.span.start)[1])) for i, part in enumerate(parts)]
        places = [_place_in(ctx, seg_start, seg_end) for seg_start, seg_end in segments]
        keys = {(p.name or p.text).lower() for p in places if p is not None}
        if all(p is not None for p in places) and len(keys) == len(parts):
            return total, parts, segments, places
    return None


def _place_in(ctx: DocContext, start: int, end: int) -> PlaceMention | None:
    return next((p for p in starting_within(ctx.places, start, end)
                 if p.resolved and (p.feature or "") not in _AREA_FEATURES), None)


def _owners(ctx: DocContext, event: Event, segments: list[tuple[int, int]],
            places: list[PlaceMention]) -> dict[str, int]:
    """Which located event each of the event's counts goes to: the segment it is
    stated in, else the one whose place its sentence names ("20 more were wounded
    in B"), else the first (the lead, with the total)."""
    keys = [(p.name or p.text).lower() for p in places]
    owner = {}
    for casualty in ctx.casualties:
        if casualty.id not in event.casualty_ids:
            continue
        owner[casualty.id] = 0
        if casualty.span is None:
            continue
        inside = [i for i, (s, e) in enumerate(segments) if s <= casualty.span.start < e]
        if inside:
            owner[casualty.id] = inside[0]
            continue
        sentence = ctx.sentence_at(casualty.span.start)
        named = {(p.name or p.text).lower() for p in starting_within(ctx.places, *sentence)}
        owner[casualty.id] = next((i for i, key in enumerate(keys) if key in named), 0)
    return owner


def _counted(ctx: DocContext, ids: list[str], total: Casualty, part: Casualty) -> tuple[int, int]:
    """Deaths and injuries of one located event: its part instead of the total,
    and whatever else of the event adds up (:func:`marsad.counting.adds_to_total`)."""
    fatalities, injured = part.count or 0, 0
    for casualty in ctx.casualties:
        if casualty.id not in ids or casualty is total or not adds_to_total(casualty):
            continue
        if casualty.outcome in _KILLED:
            fatalities += casualty.count or 0
        elif casualty.outcome == "injured":
            injured += casualty.count or 0
    return fatalities, injured
