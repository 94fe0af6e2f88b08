"""A toll told place by place is one incident per place.

Two phrasings, one rule:

* a total broken down by place: "Drones killed seven civilians in the province
  on Sunday. Five of them died when a drone struck a car in A, and two more
  were killed in B". The ledger already knows the 5 and the 2 are parts of the
  7 (:mod:`marsad.extract.ledger`);
* tolls side by side, each at its own place: "Gunmen killed three people in A,
  five in B and two in C".

Event assembly keeps them in one event. For event data that is too few: ACLED
and UCDP code one event per location, and a tally of incidents must find them
all. So when every count names a place of its own (and parts add up to their
total), the event is split into one event per place.

Counting stays the ledger's: a split event's deaths are its count (a part
instead of its total), so the document's events still add up to
:func:`marsad.counting.total` and no death is counted twice. A total stays
with the first event (the lead that states it) for its provenance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from marsad.counting import adds_to_total
from marsad.extract.pipeline import DocContext
from marsad.extract.spans import starting_within, stated_span
from marsad.model import Casualty, Event, PlaceMention

_KILLED = ("killed", "executed")
#: Places that are areas, not where an incident happened.
_AREA_FEATURES = {"country", "admin1", "region", "river", "area"}


@dataclass
class _Located:
    counts: list[Casualty]  # one per place, in text order
    places: list[PlaceMention]
    total: Casualty | None = None  # the total the counts break down, if they are its parts


def split_located_parts(ctx: DocContext, start: int, end: int, event: Event,
                        country_name: Callable[[str | None], str | None]) -> list[Event]:
    """``event`` (assembled from the text ``[start, end)``), or one event per
    place when its toll is told place by place."""
    block = [c for c in starting_within(ctx.casualties, start, end) if c.id in event.casualty_ids]
    found = _breakdown(ctx, block, end) or _side_by_side(ctx, block, end)
    if found is None:
        return [event]
    owner = _owners(ctx, block, found)
    events = []
    for index, (count, place) in enumerate(zip(found.counts, found.places)):
        own = [c for c in block if owner[c.id] == index]
        fatalities, injured = _counted(own, found.total, count)
        located = replace(
            event, fatalities=fatalities, injured=injured, casualty_ids=[c.id for c in own], place_ids=[place.id],
            location=place.name or place.text, admin1=place.admin1, admin2=place.admin2,
            country=country_name(place.country) or event.country,
            latitude=place.latitude, longitude=place.longitude, geo_precision=place.geo_precision,
        )
        if index:
            located = replace(located, id=ctx.new_id("E"), span=_own_telling(ctx, count, found.places[index - 1], place))
        events.append(located)
    return events


def _breakdown(ctx: DocContext, block: list[Casualty], end: int) -> _Located | None:
    """The first total of the block whose parts add up to it and each name their own place."""
    for total in block:
        if total.outcome not in _KILLED or not total.count or not adds_to_total(total):
            continue
        parts = sorted((c for c in block if c.part_of == total.id and c.outcome == total.outcome and c.count),
                       key=_text_order)
        # the parts by place may sit beside parts of another kind ("among them 4 children and 3 women
        # …: 6 in A, 3 in B and the rest in C"): those are the list, and its rest, that add up
        for listed in (parts, [c for c in parts if c.rule in _LISTED_RULES]):
            if len(listed) < 2 or sum(p.count or 0 for p in listed) != total.count:
                continue
            places = _places_after(ctx, listed, end, total)
            if places is not None:
                return _Located(listed, places, total)
    return None


#: the rules of a toll's list of bare located parts, of its parts after a colon, and of "the rest in C" after it
_LISTED_RULES = ("casualties.bare_part", "casualties.split", "tallies.rest")


def _side_by_side(ctx: DocContext, block: list[Casualty], end: int) -> _Located | None:
    """Tolls of one sentence that add up side by side, each followed by its own place."""
    tolls = sorted((c for c in block if c.outcome in _KILLED and c.count and adds_to_total(c)), key=_text_order)
    if len(tolls) < 2 or len({ctx.sentence_index(stated_span(c).start) for c in tolls}) != 1:
        return None
    places = _places_after(ctx, tolls, end)
    return None if places is None else _Located(tolls, places)


def _text_order(count: Casualty) -> int:
    # a count's own words end its span; an elliptic count's span starts at the shared verb
    return stated_span(count).end


def _places_after(ctx: DocContext, counts: list[Casualty], end: int,
                  total: Casualty | None = None) -> list[PlaceMention] | None:
    """The place each count (in text order) names after it, before the next count
    ("five in B"), when every count names one and no two the same; else ``None``."""
    places = []
    for index, count in enumerate(counts):
        stop = stated_span(counts[index + 1]).end if index + 1 < len(counts) else min(end, ctx.sentence_at(stated_span(count).start)[1])
        after = stated_span(count).start if count.derived else stated_span(count).end  # "the rest in C" names its own place
        named = [p for p in starting_within(ctx.places, after, stop) if p.resolved]
        # (a province where the count names no town: "4 soldiers killed in the Deir Ezzor desert, 2 civilians in Daraa")
        place = _located(named)
        if place is None and total is not None:
            # a bulletin's item may name its place before its count, in its own clause ("…; warplanes struck the
            # outskirts of A, killing four civilians; …"): the clause since the previous count or semicolon
            place = _located(_clause_before(ctx, counts, index, total))
        if place is None:
            return None
        places.append(place)
    if len({(p.name or p.text).lower() for p in places}) != len(places):
        return None
    return places


def _located(named: list[PlaceMention]) -> PlaceMention | None:
    return next((p for p in named if (p.feature or "") not in _AREA_FEATURES), None) \
        or next((p for p in named if p.feature == "admin1"), None)


def _clause_before(ctx: DocContext, counts: list[Casualty], index: int,
                   total: Casualty | None) -> list[PlaceMention]:
    """The resolved places of the count's own clause before it: from the previous count's end (or its
    sentence's start) or the last semicolon, whichever is later, to the count."""
    count = stated_span(counts[index])
    start = ctx.sentence_at(count.start)[0]
    if index:
        start = max(start, stated_span(counts[index - 1]).end)
    elif total is not None and stated_span(total).end <= count.start:
        start = max(start, stated_span(total).end)  # (the total's own place is not its first part's)
    start = max(start, ctx.norm.rfind(";", start, count.start) + 1, ctx.norm.rfind(":", start, count.start) + 1)
    return [p for p in starting_within(ctx.places, start, count.start) if p.resolved]


def _own_telling(ctx: DocContext, count: Casualty, previous: PlaceMention, place: PlaceMention):
    """The evidence of a later split event: its count to its place ("five in B"),
    without the earlier place an elliptic count's span starts with."""
    start = max(stated_span(count).start, stated_span(previous).end)
    while start < place.span.start and not ctx.text[start].isalnum():
        start += 1
    return ctx.span(start, max(stated_span(place).end, stated_span(count).end))


def _owners(ctx: DocContext, block: list[Casualty], found: _Located) -> dict[str, int]:
    """Which split event each of the event's counts goes to: its own, its parent's,
    the one stated before it in its sentence, else the one whose place its sentence
    names ("20 more were wounded in B"), else the first (the lead, with the total)."""
    index_of = {c.id: i for i, c in enumerate(found.counts)}
    ends = [stated_span(c).end for c in found.counts]
    keys = [(p.name or p.text).lower() for p in found.places]
    owner: dict[str, int] = {}
    for casualty in block:
        if casualty is found.total:
            owner[casualty.id] = 0
        elif casualty.id in index_of:
            owner[casualty.id] = index_of[casualty.id]
        elif casualty.part_of in index_of:
            owner[casualty.id] = index_of[casualty.part_of]
        elif casualty.span is not None and ctx.sentence_index(casualty.span.start) == \
                ctx.sentence_index(stated_span(found.counts[0]).start) and stated_span(casualty).start >= ends[0]:
            owner[casualty.id] = max(i for i, stated in enumerate(ends) if stated <= casualty.span.start)
        else:
            named = set()
            if casualty.span is not None:
                named = {(p.name or p.text).lower()
                         for p in starting_within(ctx.places, *ctx.sentence_at(casualty.span.start))}
            owner[casualty.id] = next((i for i, key in enumerate(keys) if key in named), 0)
    return owner


def _counted(own: list[Casualty], total: Casualty | None, count: Casualty) -> tuple[int, int]:
    """Deaths and injuries of one split event: its part instead of the total, and
    whatever else it holds that adds up (:func:`marsad.counting.adds_to_total`)."""
    fatalities = (count.count or 0) if total is not None else 0
    injured = 0
    for casualty in own:
        if casualty is total or not adds_to_total(casualty):
            continue
        if casualty.outcome in _KILLED:
            fatalities += casualty.count or 0
        elif casualty.outcome == "injured":
            injured += casualty.count or 0
    return fatalities, injured
