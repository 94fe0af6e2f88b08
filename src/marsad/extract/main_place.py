"""The place that stands for a short text's event, and where the text puts it.

:mod:`marsad.extract.places` finds and resolves every place a text names;
here one of them is chosen as the scene of the event (an origin, a route's
end or a namesake abroad is not), and its point is moved where the text says
("the northern countryside of Aleppo", "10 km south of Mayadin").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from marsad.extract.casefold import last_word_ends
from marsad.extract.place_text import CONTAINED_IN, past_spaces
from marsad.gazetteer import areas
from marsad.gazetteer.keys import latin_skeleton, place_key
from marsad.gazetteer.resolve import haversine_km
from marsad.gazetteer.spelling import spelt_alike
from marsad.model import PlaceMention


def main_place(mentions: list[PlaceMention], gazetteer=None, countries: set[str] | None = None,
               text: str | None = None) -> PlaceMention | None:
    """The place that stands for a short text's event.

    Places in the report's ``countries`` (when given) before others ("Paris"
    in a Syrian headline is a reference, not the scene). Among town-level
    places (UCDP where_prec ≤ 3) the one an imported archive codes most often
    (with a gazetteer), else the first named: on UCDP GED Syria 2016 headlines
    that beat "the least populous" by about one point, both with and without
    an archive. Without a town, the first area (governorate, region); a
    country only when nothing else is known.

    With the ``text`` the mentions were found in, the result is a copy placed
    where the text puts the event (:func:`event_point`); the mentions
    themselves keep the named place's point."""
    if text is not None:
        # "deployed from Damascus to X", "an IDP from Homs": the origin is not the scene
        scenes = not_origins(mentions, text)
        mentions = scenes if any(m.resolved and (m.where_prec or 9) <= 3 for m in scenes) else mentions
    chosen = _main_mention(mentions, gazetteer, countries, text)
    if chosen is None or text is None:
        return chosen
    latitude, longitude = event_point(text, chosen, gazetteer)
    if (latitude, longitude) == (chosen.latitude, chosen.longitude):
        return chosen
    return replace(chosen, latitude=latitude, longitude=longitude)


_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:rural|city\s+of|town\s+of|village\s+of)\s+)?$", re.I)
#: the words an _ORIGIN match can end with (casefold.last_word_ends: the $-anchored search tries every offset)
ORIGIN_ENDS: Final = ("from", "the", "rural", "of")
_WITHIN = re.compile(r"(?:\s+(?:area|region|district|countryside))?\s+(?:in|of)\s+(?:the\s+)?"
                     r"(?:(?:occupied|northern|southern|eastern|western)\s+)?(?:(?:province|governorate)\s+of\s+)?$|\s*,\s*$", re.I)
# "Katsina militiamen attacked miners in Jibia", "Afar regional special forces": the home of an armed group
_GROUP_AFTER = re.compile(
    r"\s+(?:militia(?:s|men)?|militants|regional\s+(?:special\s+)?forces|People's\s+Militia)\b", re.I)


def _governorate_of(mention: PlaceMention, place: PlaceMention) -> bool:
    """Whether ``mention`` names the governorate ``place`` lies in ("Hama",
    the province or its namesake seat, for Soran in Hama), not another town
    ("an IDP from rural Damascus in Al Bab city")."""
    if not mention.admin1 or mention.admin1 != place.admin1:
        return False
    return mention.feature == "admin1" or place_key(mention.text) == place_key(mention.admin1)


def not_origins(mentions: list[PlaceMention], text: str) -> list[PlaceMention]:
    """The mentions that are not an origin: "an IDP from Homs", and what
    locates an origin, "a man from Soran in Hama died in Sidnaya prison",
    "people were evacuated from Hajin, Deir Ezzor",
    "the axis from Ithariyah in Hama through Tadmor"; nor is the home of an
    armed group ("Katsina militiamen attacked miners in Jibia")."""
    scenes, previous = [], None
    for mention in sorted(mentions, key=lambda m: m.span.start):
        if _group_after(text, mention.span.end):
            continue
        window = text[max(0, mention.span.start - 30):mention.span.start]
        origin = (last_word_ends(window.lower(), ORIGIN_ENDS) and bool(_ORIGIN.search(window))) or (
            previous is not None and bool(_WITHIN.fullmatch(text[previous.span.end:mention.span.start]))
            and _governorate_of(mention, previous))
        previous = mention if origin else None
        if not origin:
            scenes.append(mention)
    return scenes


def _group_after(text: str, end: int) -> bool:
    """Whether :data:`_GROUP_AFTER` matches at ``end``, tried only where the word after the spaces there begins
    as one of its words (m, r or p in either case: no other character matches those under re.I, and a space is
    what \\s matches): most names are followed by none, and a match is a call through Python."""
    position, size = end, len(text)
    while position < size and text[position].isspace():
        position += 1
    if position == end or position >= size or text[position] not in _GROUP_FIRST_LETTERS:
        return False
    return _GROUP_AFTER.match(text, end) is not None


_GROUP_FIRST_LETTERS: Final = "mMrRpP"


def event_point(text: str, mention: PlaceMention, gazetteer=None) -> tuple[float | None, float | None]:
    """Where ``text`` puts what happens at ``mention``.

    "the northern countryside of Aleppo", "eastern Aleppo" and "10 km south of
    Mayadin" are off the named place, by the stated distance or
    :data:`~marsad.gazetteer.areas.DEFAULT_SHIFT_KM` in that direction;
    "near"/"outskirts of" and named regions stay put. "the countryside of
    Hama" (a governorate, no direction) is, with an imported archive, the
    weighted median of the points the archive coded in that governorate
    (:func:`archive_median`): where events there usually are, not the city."""
    if mention.latitude is None or mention.longitude is None or mention.feature not in ("town", "admin1"):
        return mention.latitude, mention.longitude
    left = text[max(0, mention.span.start - 60): mention.span.start]
    relation, direction = areas.find_relation(left, text[mention.span.end: mention.span.end + 40])
    if direction is None:
        if relation == "countryside of" and mention.feature == "admin1" and gazetteer is not None:
            place = gazetteer.place(mention.gazetteer_id) if mention.gazetteer_id else None
            if place is not None and place.admin1_code:
                median = archive_median(gazetteer.archive_points(place.admin1_code),
                                        (mention.latitude, mention.longitude))
                if median is not None:
                    return median
        return mention.latitude, mention.longitude
    if relation in ("near", "outskirts of"):
        return mention.latitude, mention.longitude
    km = areas.distance_km(left) or areas.DEFAULT_SHIFT_KM
    latitude, longitude = areas.shifted(mention.latitude, mention.longitude, direction, km)
    return round(latitude, 5), round(longitude, 5)


def archive_median(points, city: tuple[float, float], *, minimum: int = 5) -> tuple[float, float] | None:
    """Weighted median (per coordinate) of archive points, leaving out the
    named city itself (within 3 km: "the countryside" is not the city); None
    with fewer than ``minimum`` points, too few to say where events are.

    >>> archive_median([(35.0, 38.0, 1), (35.2, 38.2, 5), (35.4, 38.4, 1), (35.1, 38.1, 1), (36.0, 39.0, 1)],
    ...                (30.0, 30.0))
    (35.2, 38.2)
    """
    kept = [(lat, lon, weight) for lat, lon, weight in points if haversine_km(lat, lon, *city) > 3]
    if len(kept) < minimum:
        return None
    return _weighted_median([(lat, w) for lat, _, w in kept]), _weighted_median([(lon, w) for _, lon, w in kept])


def _weighted_median(values: list[tuple[float, int]]) -> float:
    values = sorted(values)
    half, running = sum(weight for _, weight in values) / 2, 0
    for value, weight in values:
        running += weight
        if running >= half:
            return round(value, 5)
    return round(values[-1][0], 5)


_LOCATED = re.compile(
    r"\s*(?:(?:town|city|village|camp|area|neighbou?rhood|parish|municipality|locality)\s*)?\(\s*", re.I)
_COMMA = re.compile(r"\s*(?:(?:town|city|village|camp|area)\s*)?,\s*", re.I)
#: "Sahar district in Saada", "the Sahar area of Saada": a place and the governorate the text puts it in
_IN_GOVERNORATE = re.compile(r"\s+(?:(?:district|sub-?district|town|city|village|camp|area)\s+(?:in|of)|in)\s+", re.I)
#: the characters that may follow the spaces where _LOCATED, _COMMA or _IN_GOVERNORATE matches, of the ASCII ones
#: (a bracket, a comma, or the first letter of one of their words in either case; re.I also lets a few letters
#: beyond ASCII stand for these, which are left to the expressions)
_LOCATED_FIRST: Final = "(,tcvanpmldsiTCVANPMLDSI"
#: a place and the unit the text says it lies in may be this far apart (a district's seat)
_CONTAINER_KM = 100


def _located(text: str, mention: PlaceMention, by_start: dict[int, PlaceMention]) -> bool | None:
    """Whether the text says where ``mention`` lies: "X (District, Province)",
    "X city, Aleppo" (a governorate's name right after a comma), and inside
    brackets a chain that ends in one ("(X, District, Province)": X first).
    None when it says so and the gazetteer's X lies elsewhere in the same
    country ("Mala (Harib, Marib)" read as a namesake 300 km away): that X is
    a namesake, not the place meant. An acronym in brackets ("Association of
    X (ADACB)") says nothing. ``by_start``: the text's mentions by where they start (``mention`` among
    them or not: only mentions after it are looked up)."""
    return _located_at(text, mention, by_start, _inside_brackets(text, mention.span.start), 0)


def _inside_brackets(text: str, position: int) -> bool:
    opened = text.rfind("(", 0, position)
    return opened >= 0 and text.find(")", opened, position) < 0


def _located_at(text: str, mention: PlaceMention, by_start: dict[int, PlaceMention], bracketed: bool,
                depth: int) -> bool | None:
    end = mention.span.end
    after = past_spaces(text, end)
    if after == len(text) or (text[after].isascii() and text[after] not in _LOCATED_FIRST):
        return False  # none of the three expressions below can match (most names: a match is a call through Python)
    bracket = _LOCATED.match(text, end)
    if bracket is not None:
        close = text.find(")", bracket.end())
        close = close if close >= 0 else len(text)
        if _ACRONYM.fullmatch(text, bracket.end(), close):
            return False
        inside = [m for start, m in by_start.items() if bracket.end() <= start < close]
        return True if _agrees(mention, inside) else None
    within = _IN_GOVERNORATE.match(text, end)
    if within is not None:  # ("in" is read only before a governorate's name: "Yarmouk camp in Damascus" tells nothing)
        container = by_start.get(within.end())
        if container is None or not _names_governorate(container) or container.country != mention.country:
            return False
        # (a namesake it rules out, and no more: the text names the scene by other words than this)
        return None if mention.admin1 and place_key(mention.admin1) != place_key(container.admin1 or "") else False
    gap = _COMMA.match(text, end)
    container = by_start.get(gap.end()) if gap is not None else None
    if container is None:
        return False
    if _names_governorate(container):
        return True if _agrees(mention, [container]) else None
    # "(Oicha, Beni, Nord-Kivu)": inside brackets a comma joins a place to what contains it;
    # outside, it joins a list ("in Nicosia, Larnaca, Limassol")
    if bracketed and depth < 3 and container.resolved and _located_at(text, container, by_start, True, depth + 1):
        return True if _agrees(mention, [container]) else None
    return False


def _names_governorate(mention: PlaceMention) -> bool:
    return bool(mention.admin1) and place_key(mention.text) == place_key(mention.admin1 or "")


_ACRONYM = re.compile(r"[A-Z0-9&./-]+\s*")


_PART_OF = re.compile(r"\s+-\s+(?:[\w'-]+\s+){0,2}")
#: how far a part of a city ("Hebron - Bab az Zawiyah") may lie from the city's point
_PART_KM = 40


def _far_parts(text: str, towns: list[PlaceMention]) -> list[PlaceMention]:
    """Places written as part of the city just before them ("Hebron - Bab az
    Zawiyah", "Taizz - Wadi Salah", "Mexico City - Cuauhtemoc") that the
    gazetteer put beyond :data:`_PART_KM` of it: namesakes, not that part."""
    far = []
    for city, part in zip(towns, towns[1:]):
        city_point, part_point = city.point(), part.point()
        if (_PART_OF.fullmatch(text, city.span.end, part.span.start) and city.country == part.country
                and city_point and part_point and haversine_km(*city_point, *part_point) > _PART_KM):
            far.append(part)
    return far


def _agrees(mention: PlaceMention, containers: list[PlaceMention]) -> bool:
    """Whether a resolved place may lie in what the text says contains it:
    nothing resolved to contradict it (a district, or a town spelt as the
    text spells it: "Pais" read as Pals says nothing), a container in another
    country (one of the two is a namesake abroad; no telling which), its
    unit's name, its other spelling ("Sheikh Zuwayid (Al Shiekh Zuwaid)"),
    its governorate or a point within :data:`_CONTAINER_KM`."""
    known = [(c, point) for c in containers if c.resolved and (point := c.point()) and c.country == mention.country
             and (c.feature in ("admin1", "admin2") or (c.feature == "town" and spelt_alike(c.name or "", c.text)))]
    own = mention.point()
    if not mention.resolved or own is None or not known:
        return True
    units = {place_key(unit) for unit in (mention.admin1, mention.admin2, mention.admin3) if unit}
    for c in containers:
        if place_key(c.text) in units or latin_skeleton(c.text) == latin_skeleton(mention.text):
            return True
    return any((c.admin1 and c.admin1 == mention.admin1) or haversine_km(*point, *own) <= _CONTAINER_KM
               for c, point in known)


def _main_mention(mentions: list[PlaceMention], gazetteer, countries: set[str] | None,
                  text: str | None = None) -> PlaceMention | None:
    resolved = [m for m in mentions if m.resolved and m.latitude is not None]
    if countries:
        resolved = [m for m in resolved if m.country in countries] or resolved
    else:
        resolved = _coherent(resolved, gazetteer)
    # towns before districts; a town the text locates ("X (District, Province)") first
    towns = [m for m in resolved if (m.where_prec or 9) <= 3]
    towns = [m for m in towns if m.relation != "route"] or towns  # the ends of a road are not the scene
    # nor is the place a road is named after, where the text names a town it passes ("the Kirkuk Road in
    # Sulaymaniyah"); a district it runs through says less than its name ("As-Sanamayn road in Daraa countryside")
    if any(m.relation == "road" for m in towns) and any(m.feature == "town" and m.relation != "road" for m in towns):
        towns = [m for m in towns if m.relation != "road"]
    if text is not None:
        by_start = {m.span.start: m for m in mentions}  # (once for every town)
        located = {id(m): _located(text, m, by_start) for m in towns}
        located.update((id(m), None) for m in _far_parts(text, towns))
        towns = [m for m in towns if located[id(m)] is not None] or towns  # not a namesake out of place
        towns = [m for m in towns if located[id(m)]] or towns
        towns = _without_containers_abroad(text, towns) or towns
        if towns and any(m.feature in _NAMED_AREAS for m in resolved):
            towns = _without_seats_of_areas(text, resolved, towns)
    if towns:
        if gazetteer is None:
            return towns[0]
        weights = [_weight(gazetteer, m.gazetteer_id) for m in towns]
        return towns[weights.index(max(weights))]  # ties: the first named
    for mention in resolved:
        if mention.feature != "country":
            return mention
    if text is not None and len(resolved) > 1:
        # "Russia launched 23 drones at Ukraine": the country that strikes is an actor, the other the scene
        resolved = [m for m in resolved if not _COUNTRY_STRIKES.match(text, m.span.end)] or resolved
    return resolved[0] if resolved else None


#: areas a text names on their own, in the governorate it names after them ("Al Ghab Plain in Hama")
_NAMED_AREAS: Final = ("region", "river")
_IN_OF: Final = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")


def _without_seats_of_areas(text: str, resolved: list[PlaceMention], towns: list[PlaceMention]) -> list[PlaceMention]:
    """The towns, less a governorate's namesake seat named as the container of a region of that governorate
    ("the frontlines in Al Ghab Plain in Hama"): the governorate, not the city, holds the region."""
    areas = [m for m in resolved if m.feature in _NAMED_AREAS and m.admin1]
    return [town for town in towns if not any(
        _governorate_of(town, area) and _IN_OF.fullmatch(text, area.span.end, town.span.start) for area in areas)]


def _without_containers_abroad(text: str, towns: list[PlaceMention]) -> list[PlaceMention]:
    """"near Mangina in eastern Congo": what the text says contains a town is no scene of its own, and
    a town of another country that the gazetteer gives for it (Mexico's El Congo) is a namesake of
    the area meant, not a second place."""
    ordered = sorted(towns, key=lambda m: m.span.start)
    dropped = {id(outer) for inner, outer in zip(ordered, ordered[1:])
               if inner.country != outer.country and CONTAINED_IN.fullmatch(text, inner.span.end, outer.span.start)}
    return [m for m in towns if id(m) not in dropped]


_COUNTRY_STRIKES: Final = re.compile(r"\s+(?:has\s+|had\s+|again\s+)?(?:launched|fired|attacked|struck|shelled|bombed|"
                                     r"targeted|hit)\b", re.I)


def _coherent(resolved: list[PlaceMention], gazetteer=None) -> list[PlaceMention]:
    """Without a given country, the mentions in the country most of the
    report's places lie in: "near Tar Long village (Muse township, Muse
    district, Shan-North state)" is about Myanmar, not the Thai town Long.
    Each place counts once, and countries do not count ("protested in Lyon
    against the invasion of Ukraine"). On a tie, the country of the largest
    place named ("Trafalgar Square … London": not Spain's Trafalgar)."""
    places = {m.gazetteer_id: m.country for m in resolved if m.country and m.feature != "country"}
    counts: dict[str, int] = {}  # (a Counter's, counted compiled: Counter is Python, and most texts name one country)
    for country in places.values():
        counts[country] = counts.get(country, 0) + 1
    if len(counts) < 2:
        return resolved
    first, top, second = _two_most(counts)
    if top == second:
        if gazetteer is None:
            return resolved
        tied = {country for country, count in counts.items() if count == top}
        largest: dict[str, int] = {}
        for m in resolved:
            if m.country in tied and m.feature != "country":
                largest[m.country] = max(largest.get(m.country, 0), _own_population(gazetteer, m))
        first, size, runner_up = _two_most(largest)
        if size == runner_up:
            return resolved  # nothing to tell them apart: the first named, as before
    return [m for m in resolved if m.country == first]


def _two_most(counts: dict[str, int]) -> tuple[str, int, int]:
    """What ``Counter(counts).most_common(2)`` says of two or more counts: the first key with the most, that
    count, and the next count in that order (the same when another key has as many)."""
    first, top, second = "", 0, 0
    for position, (key, count) in enumerate(counts.items()):
        if position == 0:
            first, top = key, count
        elif count > top:
            first, top, second = key, count, top
        elif count > second or position == 1:
            second = count
    return first, top, second


def _own_population(gazetteer, mention: PlaceMention) -> int:
    """A place's population when the text writes its own name, spelt as it is
    ("Cairo" for "Al Qahirah", a neighbourhood of Taizz, is an alternate name;
    "Kossi" is not India's Kosi, which only shares its key: 0)."""
    place = gazetteer.place(mention.gazetteer_id) if mention.gazetteer_id else None
    if place is None or place_key(place.name) != place_key(mention.text) or not spelt_alike(place.name, mention.text):
        return 0
    return place.population


def _weight(gazetteer, place_id: str | None) -> int:
    """How often an imported archive coded the place (0 for the bundled gazetteer)."""
    place = gazetteer.place(place_id) if place_id else None
    return place.weight if place else 0
