"""Disambiguation: choose the gazetteer entry a name refers to, by context.

Every candidate whose key equals the name's key gets a score:

* name: +0.75 when the name is the place's own name rather than one of its
  alternate names ("Salvador" is Salvador, not San Salvador); +0.5 more for
  the one spelt as written among namesakes whose own names share the key
  ("Oyam" is Oyam, Uganda, not Oyem, Gabon);
* seat: +0.4 for a town that gives its name to its district, +0.2 to its
  sub-district: of same-named villages without populations (OCHA's), the
  seat is the one reports mean (Ras al-Ain of Al-Hasakah, not of Hama); an
  OCHA district seat also scores as a town of ten thousand (+1.6), so that a
  bare "Ariha" is Idlib's, not Jericho (whose Arabic name it is);
* size: ``0.4 × log10(population)`` (capped), and for places learnt from a
  coded archive ``log10(times coded)``; imported entries get +1 over the
  bundled worldwide ones (the user imported them for a reason);
* country: +3 when the place lies in a country the report is about (named in
  the text, or given by the caller), −1 when the report names other
  countries only;
* area: +2.5 when its governorate is named in the same sentence, +1.5 when
  named elsewhere in the document ("in Deir Ezzor countryside");
* located: +2.5 when the text says what it lies in and that is the name of
  its province, district or sub-district ("Riesa (Meissen, Sachsen)",
  "Colombo city (Western)");
* district: +2 when its district (admin-2) is named in the same sentence
  ("in Sinjar district", "(Rayagada, Odisha)"), +1 elsewhere in the document;
  half that for its sub-district (admin-3);
* neighbours: +2 within 30 km of another place of the document that is
  already resolved, +1 within 100 km, −1 beyond 500 km;
* feature: a governorate is −0.5 against a town of the same name (a bare
  "Aleppo" is the city) unless the text says "province", "countryside" …;
  marsad's named regions get +2 ("Qalamoun" is not Kalamon in Côte d'Ivoire);

Fuzzy candidates (same consonant skeleton, :func:`~marsad.gazetteer.keys.skeleton`)
are only considered inside the area the context allows: their governorate is
named in the document, or they lie within 50 km of a resolved neighbour, or
(for a name that a cue marks as a place, in a text naming no governorate) they
lie in a country the report is about.
They carry −2 so that an exact match always wins. A fuzzy "Al-Sha'afah"
therefore never lands on "Al Ḩaffah" in Latakia when the report is about Deir
ez-Zor.

Arabic-name candidates: places whose *Arabic* name has the consonants of the
name as written (:func:`~marsad.gazetteer.keys.arabic_skeleton` =
:func:`~marsad.gazetteer.keys.latin_skeleton`: "Al-Susah" finds OCHA's "Sosa",
السوسة). They carry −1 (an exact spelling still wins) and are considered
inside the area the context allows, or, for skeletons of five letters or more
(too specific to collide by chance), anywhere in the report's countries.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from marsad.gazetteer.admin import arabic_countries
from marsad.gazetteer.groups import PlaceGroups, PlaceStub, Points, points_of
from marsad.gazetteer.index import AREA_FEATURES, Gazetteer, Place
from marsad.gazetteer.keys import latin_skeleton, place_key, skeleton
from marsad.gazetteer.spelling import (
    close_enough,
    edit_distance,
    key_consonants,
    letters,
    spelling_key,
    spelt_near,
    unit_key,
)

__all__ = ["AREA_FEATURES", "Context", "Resolution", "rank", "resolve", "lookup", "haversine_km"]


@dataclass(init=False, eq=False)  # its own __init__ and __eq__: see Resolution
class Context:
    """What the rest of the document says about where it is."""

    countries: set[str] = field(default_factory=set)
    sentence_admin1: set[str] = field(default_factory=set)  # "SY.07"
    document_admin1: set[str] = field(default_factory=set)
    # governorates only the name itself names ("Kaluga"): they speak for the
    # namesake towns inside them (usually their seat), not for themselves
    own_admin1: set[str] = field(default_factory=set)
    anchors: list[tuple[float, float]] = field(default_factory=list)
    prefer_area: bool = False  # "province", "governorate", "countryside of"
    prefer_town: bool = False  # "town", "village", "city", "outskirts of"
    # countries inside which a fuzzy match is allowed when the text names no
    # governorate at all (set by the caller for names a cue marks as places)
    fuzzy_countries: set[str] = field(default_factory=set)
    # districts and sub-districts named: (admin1 code, unit_key(name)), e.g. ("SY.07", "abukamal")
    sentence_units: set[tuple[str, str]] = field(default_factory=set)
    document_units: set[tuple[str, str]] = field(default_factory=set)
    # unit keys of what the text says the name lies in: "Riesa (Meissen, Sachsen)"
    located_in: frozenset[str] = frozenset()
    written: str = ""  # the name as the text spells it (breaks ties between namesakes)
    # the anchors in order of latitude, and as they were when that was built
    _points: tuple[tuple, Points] | None = field(default=None, repr=False, compare=False)

    def __init__(self, countries: set[str] | None = None, sentence_admin1: set[str] | None = None,
                 document_admin1: set[str] | None = None, own_admin1: set[str] | None = None,
                 anchors: list[tuple[float, float]] | None = None, prefer_area: bool = False, prefer_town: bool = False,
                 fuzzy_countries: set[str] | None = None, sentence_units: set[tuple[str, str]] | None = None,
                 document_units: set[tuple[str, str]] | None = None, located_in: frozenset[str] = frozenset(),
                 written: str = "") -> None:
        # (None for a new empty collection, as the fields' default factories give)
        self.countries = set() if countries is None else countries
        self.sentence_admin1 = set() if sentence_admin1 is None else sentence_admin1
        self.document_admin1 = set() if document_admin1 is None else document_admin1
        self.own_admin1 = set() if own_admin1 is None else own_admin1
        self.anchors = [] if anchors is None else anchors
        self.prefer_area, self.prefer_town = prefer_area, prefer_town
        self.fuzzy_countries = set() if fuzzy_countries is None else fuzzy_countries
        self.sentence_units = set() if sentence_units is None else sentence_units
        self.document_units = set() if document_units is None else document_units
        self.located_in, self.written = located_in, written
        self._points = None

    def __eq__(self, other: object) -> bool:
        """Every field but the cached points equal (as dataclass compares; compiled: the ranks of a
        document's names are looked up by context, see places._Ranks)."""
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Context)
        # field by field, the cheap ones first, up to the first that differs (not two tuples of them all)
        return (self.written == other.written and self.prefer_area == other.prefer_area
                and self.prefer_town == other.prefer_town and self.anchors == other.anchors
                and self.countries == other.countries and self.sentence_admin1 == other.sentence_admin1
                and self.document_admin1 == other.document_admin1 and self.own_admin1 == other.own_admin1
                and self.fuzzy_countries == other.fuzzy_countries and self.sentence_units == other.sentence_units
                and self.document_units == other.document_units and self.located_in == other.located_in)

    def anchor_points(self) -> Points:
        """:attr:`anchors` indexed for distance tests (:class:`~marsad.gazetteer.groups.Points`)."""
        built = self._points
        if built is None or len(built[0]) != len(self.anchors) or list(built[0]) != self.anchors:
            anchors = tuple(self.anchors)
            built = self._points = (anchors, points_of(anchors))
        return built[1]

    def allows_fuzzy(self, place: Place | PlaceStub) -> bool:
        if place.admin1_code and self._names_admin1(place.admin1_code):
            return True
        if place.country in self.fuzzy_countries and not (self.sentence_admin1 or self.document_admin1):
            return True
        return bool(self.anchors) and _near_anchor(place, self.anchor_points(), 50)

    def _names_admin1(self, code: str) -> bool:
        # (no union of the two sets: this is asked for every candidate of every name)
        return code in self.sentence_admin1 or code in self.document_admin1

    def allows_arabic(self, place: Place | PlaceStub, consonants: str, key: str) -> bool:
        """Whether a place found through its Arabic name (or its stub, all it reads) may be the one meant:
        inside the area the context allows (a skeleton of fewer than four
        letters, "Ghazal" = غزيلة, only when the spellings also differ by at
        most one letter; of one part of OCHA's "village - district" names:
        "Ibbin" is ابين, "Abin - Efrin"), or anywhere in the report's countries
        for five letters or more."""
        named = bool(self.sentence_admin1 or self.document_admin1)
        if place.admin1_code and self._names_admin1(place.admin1_code):
            allowed = True
        elif self.anchors and _near_anchor(place, self.anchor_points(), _ARABIC_KM):
            allowed = True
        else:
            # (a text naming no country: only where the Arabic name is the place's own; "Western Daraa" is not
            # Strendur in the Faroes, whose Arabic alternate transliterates its Latin name)
            allowed = len(consonants) >= 5 and not named and (
                place.country in self.countries if self.countries else place.country in arabic_countries())
        # the edit distance last: a short skeleton meets many places, most outside the area
        return allowed and (len(consonants) >= 4 or spelt_near(key, place.name))


    def arabic_candidates(self, groups: PlaceGroups, consonants: str) -> list[Place | PlaceStub]:
        """Of the places found through their Arabic name, in their order, those
        :meth:`allows_arabic` may allow (a superset: it still decides): in a
        governorate the text names, within the anchors' band of latitude, or,
        for five letters or more in a text naming no governorate, in the
        report's countries."""
        positions = groups.in_admin1(self.sentence_admin1) | groups.in_admin1(self.document_admin1)
        if self.anchors:
            reach = _ARABIC_KM / _KM_PER_DEGREE
            latitudes = [lat for lat, _ in self.anchors]
            positions |= groups.in_latitudes(min(latitudes) - reach, max(latitudes) + reach)
        if len(consonants) >= 5 and not (self.sentence_admin1 or self.document_admin1):
            positions |= groups.in_countries(self.countries or arabic_countries())
        return [groups.places[position] for position in sorted(positions)]


#: so many places found through their Arabic name or fewer are tested one by one (not through the groups' indexes)
_FEW_CANDIDATES: Final = 4
#: how near an anchor a place found through its Arabic name may lie
_ARABIC_KM: Final = 50


# Not frozen: a frozen dataclass sets each field through object.__setattr__, and rank builds one per
# candidate. Its own __init__: compiled (mypyc), the one dataclass writes stays interpreted (six times the cost).
@dataclass(init=False)
class Resolution:
    place: Place
    score: float
    fuzzy: bool = False
    margin: float = 0.0  # over the next best candidate (inf when alone)

    def __init__(self, place: Place, score: float, fuzzy: bool = False, margin: float = 0.0) -> None:
        self.place, self.score, self.fuzzy, self.margin = place, score, fuzzy, margin


#: what math.radians multiplies by (the same double: CPython's ``pi / 180.0``)
_RADIANS_PER_DEGREE: Final = math.pi / 180.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # (a product, as math.radians computes it: compiled, math.radians is a call through Python)
    p1, p2 = lat1 * _RADIANS_PER_DEGREE, lat2 * _RADIANS_PER_DEGREE
    dp, dl = p2 - p1, (lon2 - lon1) * _RADIANS_PER_DEGREE
    # (math.pow(x, 2.0) is x ** 2, the same libm pow, without the two floats boxed for it; not x * x,
    # which rounds differently about once in a thousand; and min(1.0, root) written out: a call, compiled)
    a = math.pow(math.sin(dp / 2), 2.0) + math.cos(p1) * math.cos(p2) * math.pow(math.sin(dl / 2), 2.0)
    root = math.sqrt(a)
    return 2 * 6371.0 * math.asin(root if root < 1.0 else 1.0)


# A degree of latitude is 111.19 km on haversine_km's sphere, so points further apart in latitude alone than
# km / _KM_PER_DEGREE are more than km apart, whatever the longitudes: no trigonometry needed to rule them out.
_KM_PER_DEGREE: Final = 110.0


def _near_anchor(place: Place | PlaceStub, anchors: Points, km: float) -> bool:
    """Whether ``place`` is less than ``km`` from one of the anchors (a short
    skeleton meets thousands of places: most are ruled out by latitude alone)."""
    latitude, longitude = place.latitude, place.longitude
    near = anchors.answers.get((latitude, longitude, km))
    if near is None:
        near = anchors.answers[latitude, longitude, km] = _any_within(latitude, longitude, anchors, km)
    return bool(near)


def _any_within(latitude: float, longitude: float, anchors: Points, km: float) -> bool:
    limit = km / _KM_PER_DEGREE
    single = anchors.single
    if single is not None:  # (the search below, for one anchor: its gap in latitude is abs(lat - latitude))
        lat, lon = single
        return abs(lat - latitude) < limit and haversine_km(latitude, longitude, lat, lon) < km
    walk = anchors.walk(latitude)
    while True:
        gap = walk.next()
        if gap >= limit or walk.done:
            return False  # and every anchor after it
        if haversine_km(latitude, longitude, walk.latitude, walk.longitude) < km:
            return True


def _neighbour_points(place: Place, anchors: Points) -> float:
    """:func:`score`'s neighbour term: +2 when the nearest anchor is within 30 km,
    +1 within 100 km, −1 beyond 500 km.

    Only the step the nearest anchor falls in counts. Anchors are measured
    nearest in latitude first; once one is measured, only anchors that could
    fall in a closer step are (those further apart in latitude alone cannot),
    and one within 30 km ends the search: a report's dozens of anchors meet
    every candidate of every name."""
    return _neighbour_step((place.latitude, place.longitude), anchors)


def _neighbour_step(point: tuple, anchors: Points) -> float:
    """The neighbour term of a place at ``point`` (:func:`_traits` keeps it: a new tuple and its two
    floats were most of what an answer already given cost)."""
    step = anchors.answers.get(point)
    if step is None:
        step = anchors.answers[point] = _nearest_step(point[0], point[1], anchors)
    return step


def _nearest_step(latitude: float, longitude: float, anchors: Points) -> float:
    nearest, limit = math.inf, 500 / _KM_PER_DEGREE
    single = anchors.single
    if single is not None:  # (the search below, for one anchor: a NaN gap or distance is no nearer than none)
        lat, lon = single
        if not abs(lat - latitude) <= limit:
            return -1.0
        distance = haversine_km(latitude, longitude, lat, lon)
        nearest = distance if distance < nearest else nearest
        return 2.0 if nearest < 30 else 1.0 if nearest < 100 else -1.0 if nearest > 500 else 0.0
    walk = anchors.walk(latitude)
    while True:
        gap = walk.next()
        if gap > limit or walk.done:
            break  # and every anchor after it
        distance = haversine_km(latitude, longitude, walk.latitude, walk.longitude)
        if distance < nearest:
            nearest = distance
            if nearest < 30:
                return 2.0
            limit = (30 if nearest < 100 else 100 if nearest <= 500 else 500) / _KM_PER_DEGREE
    return 1.0 if nearest < 100 else -1.0 if nearest > 500 else 0.0


def score(place: Place, context: Context, *, fuzzy: bool = False, key: str | None = None,
          arabic: bool = False) -> float:
    points = context.anchor_points() if context.anchors else None
    scored: list[Resolution] = []
    _scored((place,), context, _report_countries(context), points, key, fuzzy, arabic, scored, [])
    return scored[0].score


def _report_countries(context: Context) -> set[str]:
    """The report's countries, else those of the governorates it names."""
    return context.countries or {code.split(".")[0] for code in context.sentence_admin1 | context.document_admin1}


#: what :func:`_scored` reads of a place alone (:func:`_traits`)
_Traits = tuple[float, float, str, bool, str | None, str | None, tuple, float, float, str]


def _traits(place: Place) -> _Traits:
    """What :func:`_scored` reads of the place alone: its name, seat, size and
    imported terms summed (without and with the own-name term, in the order
    :func:`_scored` adds them), the key of its own name, whether it is a town,
    its governorate and country, its point, its feature term (plain, and when
    the text prefers an area) and its id. Worked out once per place object and kept on
    it (a place is immutable, and the gazetteer hands out the same objects for
    the same names again): a report's names meet the same candidates, and each
    read of a place's field costs more than a read of a tuple's."""
    return _traits_of(place.__dict__)


def _traits_of(fields: dict) -> _Traits:
    """:func:`_traits` of the place whose fields (``__dict__``) these are."""
    traits = fields.get("_score_traits")
    if traits is not None:
        return traits
    # (a place built from a row, not a record: the key of its own name is worked out)
    worked_out = traits_of_fields(
        fields["id"], fields["name"], fields["country"], fields["admin1_code"], fields["admin2"], fields["admin3"],
        fields["latitude"], fields["longitude"], fields["feature"], fields["population"], fields["weight"],
        fields["source"], None)
    fields["_score_traits"] = worked_out  # (a frozen dataclass: its __setattr__ refuses)
    return worked_out


def traits_of_fields(place_id: str, name: str, country: str | None, admin1_code: str | None, admin2: str | None,
                     admin3: str | None, latitude: float, longitude: float, feature: str, population: int,
                     weight: int, source: str, own_name_key: str | None) -> _Traits:
    """:func:`_traits` of a place given its fields (``own_name_key``: the key of its own name, None when not
    known yet). A place built from its record (``lookups.place_of_record``) is given its traits as it is built:
    nearly every place a lookup builds is ranked next, and its fields are then at hand, not read back from its
    dictionary one look-up each."""
    town = feature == "town"
    seat = 0.0
    if town and not population and admin2:  # a seat that names its district (or sub-district)
        own_unit = unit_key(name)
        if own_unit == unit_key(admin2):
            # (OCHA lists Syria's communities with no population: a district's seat is a town of some size, as a
            # GeoNames town of ten thousand would score, so a bare "Ariha" is Idlib's and not Jericho, whose Arabic
            # name it is; a seat elsewhere without a population may be a hamlet that names a commune)
            seat = _OCHA_DISTRICT_SEAT if place_id.startswith("ocha:") else 0.4
        elif own_unit == unit_key(admin3 or ""):
            seat = 0.2
    # (min() written out, and 0.4 * log10(1) = 0.0 without a call: compiled, each is a call through Python)
    if population:
        logged = _LOG10(population + 1)
        size = 0.4 * (7.0 if 7.0 < logged else logged)  # min(logged, 7.0)
    else:
        size = 0.0
    imported: float | None = None
    if source != "bundled":
        logged = _LOG10(weight + 1)
        imported = 1.0 + (2.0 if 2.0 < logged else logged)  # min(logged, 2.0)
    # the sum as _scored would add it term by term (a float sum depends on its order)
    plain, own = size, size + 0.75
    if seat:
        plain, own = plain + seat, own + seat
    if imported is not None:
        plain, own = plain + imported, own + imported
    if feature in ("region", "river"):
        feature_term = prefer_term = 2.0  # marsad's own named regions ("Qalamoun") over far namesake towns
    elif feature in AREA_FEATURES:
        feature_term, prefer_term = -0.5, 1.0
    else:
        feature_term, prefer_term = 0.0, -0.5 if town else 0.0
    if own_name_key is None:
        own_name_key = place_key(name)
    point: tuple = (latitude, longitude)  # (a tuple object, not a pair of floats: it is a look-up key as it is)
    # (a name of its own: compiled, the one above holds an object, and this tuple was boxed into it, unboxed
    # to be returned and boxed again to be stored)
    worked_out: _Traits = (plain, own, own_name_key, town, admin1_code, country, point, feature_term, prefer_term,
                           place_id)
    return worked_out


#: (Final: compiled, a C variable, not an attribute of the math module looked up per place)
_LOG10: Final = math.log10
#: a Syrian district seat's seat term: 0.4 and the size term of a town of ten thousand (0.4 × log10(10,000))
_OCHA_DISTRICT_SEAT: Final = 0.4 + 0.4 * 4.0


def own_key(place: Place) -> str:
    """``place_key(place.name)`` of a place :func:`rank` returned (its traits hold it)."""
    return _traits(place)[2]


def is_area(place: Place) -> bool:
    """``place.is_area``, kept where that cached property keeps it (the place's dictionary): its first
    read is no call of Python code (which, with its lock, cost as much as ranking the place)."""
    fields = place.__dict__
    area: bool | None = fields.get("is_area")
    if area is None:
        area = fields["is_area"] = fields["feature"] in AREA_FEATURES
    return area


def _unit_slots(fields: dict, admin1_code: str) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """A town's district and sub-district as :attr:`Context.sentence_units` holds
    them (None for none), kept on the place (``fields``: its ``__dict__``) like
    :func:`_traits` (apart: few texts name a district, and a new district's key
    costs more than the rest)."""
    slots = fields.get("_unit_slots")
    if slots is None:
        admin2: str | None = fields["admin2"]
        admin3: str | None = fields["admin3"]
        slots = fields["_unit_slots"] = (
            (admin1_code, unit_key(admin2)) if admin2 else None,
            (admin1_code, unit_key(admin3)) if admin3 else None,
        )
    return slots


def _scored(places: Sequence[Place], context: Context, countries: set[str], points: Points | None, key: str | None,
            fuzzy: bool, arabic: bool, scored: list[Resolution], ids: list[str], own_named: list[int] | None = None,
            own_of: str | None = None) -> None:
    """Each place as a :class:`Resolution` of its :func:`score` (no margin yet), added to ``scored``, and
    its id to ``ids`` (the same positions), given what is the same for every candidate: the report's countries
    (:func:`_report_countries`) and the anchors' points; the positions of those whose own name has the key
    ``own_of`` are also added to ``own_named`` (see :func:`_spelt_as_written`). Built once, here: each tuple
    a compiled build passed on was boxed anew, a float with it, where it was stored. The terms are added in
    the same order as ever: a float sum depends on its order, and a tie between two candidates must stay a tie."""
    sentence_admin1, document_admin1, own_admin1 = context.sentence_admin1, context.document_admin1, context.own_admin1
    sentence_units, document_units = context.sentence_units, context.document_units
    units, located_in, prefer_area = bool(sentence_units or document_units), context.located_in, context.prefer_area
    # the governorates of the units named: a town in none of them is in no unit named (its slots are not
    # worked out: a new district's key costs more than the rest of a score)
    unit_admin1 = {unit[0] for unit in sentence_units} | {unit[0] for unit in document_units} if units else set()
    last = -2.0 if fuzzy else -1.0 if arabic else 0.0
    for place in places:
        fields = place.__dict__  # (read once: each read of a place's attribute is a look-up in its type)
        plain, own, own_key, town, admin1_code, country, point, feature_term, prefer_term, place_id = _traits_of(fields)
        own_name = key is not None and own_key == key
        value = own if own_name else plain  # the place's own name (+0.75), not one of its alternates
        if countries:
            value += 3.0 if country in countries else -1.0
        if admin1_code:
            if admin1_code in sentence_admin1:
                value += 2.5
            elif admin1_code in document_admin1:
                value += 1.5
            elif town and own_name and admin1_code in own_admin1:
                value += 2.5
        if units and town and admin1_code and admin1_code in unit_admin1:
            district, sub_district = _unit_slots(fields, admin1_code)
            if district in sentence_units:
                value += 2.0
            elif district in document_units:
                value += 1.0
            if sub_district in sentence_units:
                value += 1.0
            elif sub_district in document_units:
                value += 0.5
        if located_in and town and _in_unit_keys(fields, located_in):
            value += 2.5
        if points is not None:
            value += _neighbour_step(point, points)
        term = prefer_term if prefer_area else feature_term
        if term:
            value += term
        if last:
            value += last
        if own_named is not None and own_of is not None and own_key == own_of:
            own_named.append(len(scored))
        scored.append(Resolution(place, value, fuzzy))
        ids.append(place_id)


def rank(gazetteer: Gazetteer, name: str, context: Context | None = None, *, key: str | None = None,
         fuzzy: bool = True) -> list[Resolution]:
    """Candidates for ``name`` best first (exact key matches, then fuzzy ones
    the context allows)."""
    context = context or Context()
    key = key if key is not None else place_key(name)
    countries, points = _report_countries(context), context.anchor_points() if context.anchors else None
    scored: list[Resolution] = []
    ids: list[str] = []  # the place id of each, at its position
    own_named: list[int] = []  # the positions of those whose own name has the key
    _scored(gazetteer.by_key(key), context, countries, points, key, False, False, scored, ids, own_named, key)
    near = bool(context.sentence_admin1 or context.document_admin1 or context.anchors)
    if key and key.isascii():
        consonants = latin_skeleton(name) if name else key_consonants(key)
        if len(consonants) < 5 and not near:
            consonants = ""  # nothing the context would allow: skip the query
        allowed: Sequence[Place] = ()
        if consonants:
            groups = gazetteer.arabic_groups(consonants)
            # (a superset of those allows_arabic allows; indexing a few costs more than testing them)
            candidates = (context.arabic_candidates(groups, consonants) if len(groups) > _FEW_CANDIDATES
                          else groups.places)
            if candidates:  # tested on their stubs: only the places allowed (few) are built
                exact_ids = set(ids)
                # (another spelling in a country where a town has the name as written as its own needs its
                # governorate named in the sentence, not only in another or near a place named: "Tuz Khurmatu"
                # is not Tāzah Khūrmātū for a "Kirkuk" told of another incident; "Tal Abyad" is Tell Abiad)
                spelt = {scored[at].place.country for at in own_named if scored[at].place.feature == "town"}
                kept = [stub for stub in candidates
                        if stub.id not in exact_ids and context.allows_arabic(stub, consonants, key)
                        and (stub.country not in spelt or stub.admin1_code in context.sentence_admin1)]
                if kept:
                    allowed = gazetteer.arabic_places(consonants, kept)
            if allowed:
                # (an own name with the key would have found the place by it: only a name too long to be indexed)
                _scored(allowed, context, countries, points, None, False, True, scored, ids, own_named, key)
    if fuzzy and (context.sentence_admin1 or context.document_admin1 or context.anchors or context.fuzzy_countries):
        exact_ids = set(ids)
        kept = [stub for stub in gazetteer.by_skeleton(skeleton(key))
                if stub.id not in exact_ids and context.allows_fuzzy(stub) and close_enough(key, stub)]
        if kept:  # (tested on their stubs: only these are built)
            _scored(gazetteer.stub_places(kept), context, countries, points, None, True, False, scored, ids)
    if context.written:
        _spelt_as_written(scored, ids, own_named, context.written)
    if len(scored) > 1:  # (a sort computes the key of a lone item too)
        scored = _best_first(scored, ids)
        _closest_spelling_first(scored, context.written or name or key)
    following = -math.inf
    for resolution in reversed(scored):  # (each one's margin over the one after it; the last's is infinite)
        resolution.margin = resolution.score - following
        following = resolution.score
    return scored


#: up to so many candidates are put in order by insertion (compiled, a comparison of two floats and at most two
#: strings); more (a few very common names) by a sort of key tuples, which takes fewer comparisons
_MOST_INSERTED: Final = 64


def _best_first(scored: list[Resolution], ids: list[str]) -> list[Resolution]:
    """``scored`` best first, then by place id (``ids``, at the same positions), as a stable sort by
    (-score, id) orders them: a candidate goes after those that score more, or as much with an id up to its own."""
    if len(scored) > _MOST_INSERTED:
        order = sorted([(-resolution.score, ids[position], position) for position, resolution in enumerate(scored)])
        return [scored[entry[2]] for entry in order]
    ordered: list[Resolution] = []
    ordered_ids: list[str] = []
    for position, resolution in enumerate(scored):
        value, place_id = resolution.score, ids[position]
        slot = len(ordered)
        while slot > 0:
            before = ordered[slot - 1].score
            if before > value or (before == value and ordered_ids[slot - 1] <= place_id):
                break
            slot -= 1
        ordered.insert(slot, resolution)
        ordered_ids.insert(slot, place_id)
    return ordered


def in_units(place: Place, keys: frozenset[str]) -> bool:
    """Whether the place's province, district or sub-district bears one of
    these names (unit keys)."""
    return _in_unit_keys(place.__dict__, keys)


def _in_unit_keys(fields: dict, keys: frozenset[str]) -> bool:
    """:func:`in_units` of the place whose fields (``__dict__``) these are: the unit keys of its province,
    district and sub-district are kept on it like :func:`_traits` (its candidates are tested again for
    each name the text says they lie in)."""
    units: tuple[str, ...] | None = fields.get("_unit_keys")
    if units is None:
        names: tuple[str | None, ...] = (fields["admin1"], fields["admin2"], fields["admin3"])
        units = fields["_unit_keys"] = tuple([unit_key(name) for name in names if name])
    for unit in units:  # (a loop: compiled, any() of a generator builds one)
        if unit in keys:
            return True
    return False


def _spelt_as_written(scored: list[Resolution], ids: list[str], own: list[int], written: str) -> None:
    """Namesakes whose own names share the key but not the spelling (``own``:
    the positions in ``scored`` of those not fuzzy whose own name has the key): the one
    the text spells letter for letter (accents aside) gets
    :data:`SPELT_AS_WRITTEN` ("Oyam" is Oyam in Uganda, not Oyem in Gabon), added to its score.
    A place found under an alternate name is no such namesake ("Genova" is
    still Genoa, however a small Génova is spelt)."""
    if len(own) < 2:
        return  # no namesakes to tell apart
    # the own names first: when they are all the very same name (most namesakes), so are their
    # spellings, and every namesake or none is spelt as written (no spelling needed at all)
    names = [scored[position].place.name for position in own]  # (each read once: no native read)
    first = names[0]
    same = True
    for name in names:  # (a loop: compiled, all() of a generator builds one)
        if name != first:
            same = False
            break
    if same and len({ids[position] for position in own}) == len(own):
        return
    # then their spellings: when they are all alike, the written spelling is not needed either
    spellings: list[str] = []
    spelt_name: str | None = None
    spelt = ""
    for name in names:
        if name != spelt_name:  # (namesakes come in runs of one name: one look-up per run)
            spelt_name = name
            spelt = spelling_key(name)
        spellings.append(spelt)
    if spellings.count(spellings[0]) == len(spellings) and len({ids[position] for position in own}) == len(own):
        return
    spelling = spelling_key(written)
    exact = {ids[position] for position, own_spelling in zip(own, spellings) if own_spelling == spelling}
    if not exact or len(exact) == len(own):
        return
    for position, resolution in enumerate(scored):
        if not resolution.fuzzy and ids[position] in exact:
            resolution.score = resolution.score + SPELT_AS_WRITTEN


def _closest_spelling_first(scored: list[Resolution], written: str) -> None:
    """Among candidates tied for the best score (same-named villages of one
    governorate, nothing in the text to tell them apart), the one whose own
    name is spelt closest to the text's ("Al Asadiyah": Assadiya before
    Sadiyeh, which share a key) rather than the first by id."""
    tied = 1
    best = scored[0].score
    while tied < len(scored) and abs(scored[tied].score - best) < 1e-9:
        tied += 1
    if tied > 1 and len({item.place.country for item in scored[:tied]}) == 1:  # namesakes of one country only
        text = letters(written)
        scored[:tied] = sorted(scored[:tied], key=lambda item: edit_distance(text, letters(item.place.name)))


#: for a place whose own name the text spells letter for letter (accents aside)
SPELT_AS_WRITTEN: Final = 0.5


def resolve(gazetteer: Gazetteer, name: str, context: Context | None = None) -> Resolution | None:
    ranked = rank(gazetteer, name, context)
    return ranked[0] if ranked else None


def context_near(gazetteer: Gazetteer, near: str | None, country: str | None = None) -> Context:
    """A context from a place the user names (``--near``) and a country code."""
    context = Context(countries={country.upper()} if country else set())
    if near:
        best = resolve(gazetteer, near, Context(countries=set(context.countries)))
        if best is not None:
            place = best.place
            context.anchors.append((place.latitude, place.longitude))
            if place.admin1_code:
                context.document_admin1.add(place.admin1_code)
            if place.country and not context.countries:
                context.countries.add(place.country)
    return context


def lookup(name: str, *, near: str | None = None, country: str | None = None,
           gazetteer: Gazetteer | None = None, limit: int = 10) -> list[Resolution]:
    """Ranked candidates for a name, optionally near another place."""
    if gazetteer is None:
        from marsad.gazetteer.index import default_gazetteer

        gazetteer = default_gazetteer()
    return rank(gazetteer, name, context_near(gazetteer, near, country))[:limit]
