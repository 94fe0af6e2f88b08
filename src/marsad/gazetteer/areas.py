"""Areas and relative places: "countryside of X", "outskirts of X", "east of X",
"X province", "between A and B", "the east of the Euphrates".

A relation found around a place name changes what the location means and
how precise it is. Precision follows the two coding systems marsad exports:

* ACLED ``geo_precision``: 1 the town itself, 2 near it or part of a region
  around it, 3 only a larger region (a governorate, a named region);
* UCDP ``where_prec``: 1 exact place, 2 within about 25 km of it, 3 a
  district, 4 a governorate, 5 a larger region or a river, 6 the country.

>>> precision("town", None)
(1, 1)
>>> precision("town", "outskirts of")
(2, 2)
>>> precision("admin1", "countryside of")
(3, 4)
>>> precision("region", None)
(3, 5)
>>> find_relation("clashes in the eastern countryside of ", "")
('countryside of', 'east')
>>> find_relation("shelling on ", " countryside, and")
('countryside of', None)
>>> find_relation("15 km north of ", "")
('north of', 'north')
>>> find_relation("shelling on eastern ", "")
('part of', 'east')

A direction moves the point off the named place: "the northern countryside
of Aleppo" is not Aleppo city. Without a stated distance the shift is
:data:`DEFAULT_SHIFT_KM` (on UCDP GED Syria 2016 headlines 15–20 km placed
the most events within 25 km of the coded point; 25 km fewer).

>>> distance_km("a car bomb exploded 10 km south of ")
10.0
>>> [round(v, 2) for v in shifted(35.0, 38.0, "north", 15.0)]
[35.13, 38.0]
>>> [round(v, 2) for v in shifted(35.0, 38.0, "southwest", 15.0)]
[34.9, 37.88]
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from types import ModuleType
from typing import Final

_DIRECTION = r"(?:north|south|east|west)(?:-?(?:east|west))?"
_LEFT = re.compile(
    rf"(?:(?P<dir>{_DIRECTION})(?:ern|ward)?\s+)?(?:(?:rural|sector|parts?|side|countryside|areas?)\s+of\s+(?:the\s+)?)?"
    rf"(?P<rel>countryside|outskirts|vicinity|surroundings|environs|suburbs|periphery|desert|outskirt|"
    rf"edges?|fringes?|sector|district|province|governorate)\s+of\s+(?:the\s+)?$"
    rf"|(?P<dir2>{_DIRECTION})\s+of\s+(?:the\s+)?$"
    rf"|(?P<near>near|around|close\s+to|nearby|next\s+to|outside)\s+(?:the\s+)?$"
    rf"|(?P<dir3>{_DIRECTION})(?:ern)?\s+(?:rural\s+)?$",
    re.I,
)
_RIGHT = re.compile(
    r"^(?:'s)?\s+(?:(?P<dir>north|south|east|west)(?:ern)?\s+)?"
    r"(?P<rel>countryside|outskirts|suburbs|province|governorate|desert|district|city|town|village|area|region|"
    r"neighbou?rhood|camp|plain|valley)\b",
    re.I,
)

_RELATION_OF = {
    "countryside": "countryside of", "desert": "countryside of", "villages": "countryside of",
    "towns": "countryside of", "rural": "countryside of", "areas": "area of", "area": "area of",
    "outskirts": "outskirts of", "outskirt": "outskirts of", "vicinity": "outskirts of",
    "surroundings": "outskirts of", "environs": "outskirts of", "suburbs": "outskirts of",
    "periphery": "outskirts of", "edge": "outskirts of", "edges": "outskirts of",
    "fringe": "outskirts of", "fringes": "outskirts of", "sector": "countryside of",
    "district": "district", "province": "province", "governorate": "province",
    "plain": "countryside of", "valley": "countryside of", "region": "area of",
}
#: right-hand words that only confirm what kind of place the name is
TOWN_WORDS = frozenset("city town village camp neighbourhood neighborhood".split())
AREA_RELATIONS = frozenset(["countryside of", "province", "district"])


def find_relation(left: str, right: str) -> tuple[str | None, str | None]:
    """The relation that the text just before/after a place name expresses,
    and its compass direction, e.g. ``("countryside of", "east")``."""
    match = _search_left(left[-60:])
    if match:
        if match.group("rel"):
            return _RELATION_OF.get(match.group("rel").lower(), "area of"), _direction(match.group("dir"))
        if match.group("dir2"):
            direction = _direction(match.group("dir2"))
            return f"{direction} of", direction
        if match.group("near"):
            return "near", None
        if match.group("dir3"):
            return "part of", _direction(match.group("dir3"))  # "eastern Aleppo"
    match = _right_match(right)
    if match:
        word = match.group("rel").lower()
        if word in TOWN_WORDS:
            return None, None
        return _RELATION_OF.get(word, "area of"), _direction(match.group("dir"))
    return None, None


def kind_word(right: str) -> str | None:
    """"town", "village", "province" … when the name is followed by one."""
    match = _right_match(right)
    return match.group("rel").lower() if match else None


def _right_match(right: str) -> re.Match | None:
    """``_RIGHT.match(right[:40])`` ("^" without MULTILINE: match() is search(), without
    trying every offset). None without the engine where ``right`` opens with neither a
    space nor an apostrophe (a match opens with ``(?:'s)?\\s``: most names are followed
    by a comma or a stop); the same answer again for the same text (place finding asks
    :func:`find_relation` and :func:`kind_word` about the text after each name)."""
    first = right[:1]
    if first != "'" and not first.isspace():  # (str.isspace is what \s matches)
        return None
    text = right[:40]
    if text in _RIGHT_MATCHES:
        return _RIGHT_MATCHES[text]
    if len(_RIGHT_MATCHES) >= _MOST_RIGHT_MATCHES:
        _RIGHT_MATCHES.clear()
    match = _RIGHT_MATCHES[text] = _RIGHT.match(text)
    return match


_RIGHT_MATCHES: dict[str, re.Match | None] = {}
#: the texts :func:`_right_match` remembers (those after the names of a document or two)
_MOST_RIGHT_MATCHES = 64


def _search_left(left: str) -> re.Match | None:
    """``_LEFT.search(left)``, found about three times faster on the lower-cased
    text (:mod:`marsad.extract.casefold`); the match is ``_LEFT``'s own, so its
    groups hold the text as written. A ``$``-anchored ``re.I`` search tries the
    whole alternation at every offset: it was 5% of place finding."""
    casefold = _casefold()
    folded: str | None = casefold.folded_text(left)  # (typed: its finds below are then the compiled ones)
    if folded is not None and not _may_end_relation(folded):
        return None  # most names: "in X", "the town of X", ", X" (a search would try every offset to find nothing)
    # A match is at most _LEFT_MOST_WORDS words parted by spaces (its first perhaps the end of a longer one):
    # it starts after the words before those (the text is searched from there: a third fewer offsets tried).
    pieces = left.rsplit(None, _LEFT_MOST_WORDS)
    start = len(pieces[0]) if len(pieces) > _LEFT_MOST_WORDS else 0
    lowered: re.Pattern | None = casefold.lowered_pattern(_LEFT) if folded is not None else None
    if folded is None or lowered is None:
        return next(casefold.finditer(_LEFT, left, folded, start), None)
    # Where one of the words a match opens with begins (a match may begin inside a longer word): the
    # lowered pattern is tried there only, in order, rather than the engine's scan trying its
    # alternation at every offset (about 80k instructions a search)
    offsets: set[int] = set()
    for word in _LEFT_FIRST_WORDS:
        at = folded.find(word, start)
        while at >= 0:
            offsets.add(at)
            at = folded.find(word, at + 1)
    for at in sorted(offsets):
        if lowered.match(folded, at) is not None:
            return _LEFT.match(left, at)  # (its groups hold the text as written)
    return None


def _may_end_relation(folded: str) -> bool:
    """False where ``_LEFT`` cannot match the lower-cased text (:func:`_search_left`): its
    last words are none of those a match ends with. "of" must follow one of the words a
    relation names before it ("countryside", "north" …; "the town of X" is the common
    name that is none); "the" must follow such an "of", a "to" or a word of nearness."""
    words = folded.rsplit(None, 3)  # the last words, as a match parts them (\s is what split() parts on)
    if not words:
        return False
    last = words[-1]
    if last == "of":
        return len(words) > 1 and words[-2].endswith(_BEFORE_OF)
    if last == "the":
        before = words[-2] if len(words) > 1 else ""
        return before == "to" or before.endswith(_NEAR_WORDS) or (
            before == "of" and len(words) > 2 and words[-3].endswith(_BEFORE_OF))
    return last.endswith(_LEFT_LAST_WORDS) and not last.endswith(("of", "the"))  # "sof", "breathe": no match ends so


@lru_cache(maxsize=1)
def _casefold() -> ModuleType:
    """:mod:`marsad.extract.casefold`, imported on first use (the gazetteer does not
    import the extraction package when loaded) and then held: an import statement in
    :func:`_search_left`, asked for every name, cost more than its early return saved."""
    import marsad.extract.casefold

    return marsad.extract.casefold


#: how every alternative of ``_LEFT`` ends, before its final spaces ("… of the ", "near ", "eastern ")
_LEFT_LAST_WORDS = ("of", "the", "near", "around", "to", "nearby", "outside", "rural", "north", "south", "east",
                    "west", "ern")
#: how the word before a final "of" of ``_LEFT`` ends: a relation ("countryside of") or a direction ("east of")
_BEFORE_OF = ("countryside", "outskirts", "vicinity", "surroundings", "environs", "suburbs", "periphery", "desert",
              "outskirt", "edge", "edges", "fringe", "fringes", "sector", "district", "province", "governorate",
              "north", "south", "east", "west")
#: how the word before a final "the" of ``_LEFT`` ends when it is not "of" nor "to" ("near the ")
_NEAR_WORDS = ("near", "around", "nearby", "outside")
#: the words a match of ``_LEFT`` opens with: each of its alternatives opens with one (a direction; a word of
#: a part, "rural", "side" …; a relation; a word of nearness)
_LEFT_FIRST_WORDS = ("north", "south", "east", "west", "rural", "sector", "part", "side", "countryside", "area", "outskirt",
                     "vicinity", "surroundings", "environs", "suburbs", "periphery", "desert", "edge", "fringe", "district",
                     "province", "governorate", "near", "around", "close", "next", "outside")
#: the most words a match of ``_LEFT`` has: "northern parts of the countryside of the "
_LEFT_MOST_WORDS = 7


DEFAULT_SHIFT_KM = 15.0
_BEARING = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
            "west": 270, "northwest": 315}
_DISTANCE = re.compile(
    rf"(\d+(?:\.\d+)?)\s*(?:km|kms|kilomet(?:er|re)s?)\s+(?:to\s+the\s+)?{_DIRECTION}\s+of\s+(?:the\s+)?$", re.I
)


def distance_km(left: str) -> float | None:
    """The distance stated in "10 km south of" just before a place name."""
    match = _DISTANCE.search(left[-40:])
    return float(match.group(1)) if match else None


def shifted(latitude: float, longitude: float, direction: str, km: float) -> tuple[float, float]:
    """The point ``km`` kilometres from (latitude, longitude) towards ``direction``
    (a flat-earth step: exact enough at the tens of kilometres it is used for)."""
    bearing = math.radians(_BEARING[direction])
    return (latitude + km * math.cos(bearing) / 111.2,
            longitude + km * math.sin(bearing) / (111.2 * math.cos(math.radians(latitude))))


def _direction(word: str | None) -> str | None:
    return word.lower().replace("-", "") if word else None


def precision(feature: str, relation: str | None) -> tuple[int, int]:
    """(ACLED geo_precision, UCDP where_prec) of a place under a relation."""
    if feature == "country":
        return 3, 6
    if feature in ("region", "river"):
        return 3, 5
    if feature == "admin1":
        return 3, 4
    if feature in ("admin2", "admin3") or relation == "district":
        return 2, 3
    if relation is None:
        return 1, 1
    return 2, 2


def prefers_area(relation: str | None) -> bool:
    return relation in AREA_RELATIONS


# "the Russian invasion of Ukraine", "the war in Ukraine", "refugees from Ukraine", "Russia's war":
# a country the text speaks about (a protest abroad), not the one its events happen in
_TOPIC_LEFT = re.compile(
    r"\b(?:invasion|invading|war|aggression|offensive|occupation|solidarity|sanctions|embassy|consulate|"
    r"refugees|migrants|nationals|community|diaspora|people|citizens)\s+(?:of|in|on|against|with|from)\s+"
    r"(?:the\s+)?$", re.I)
_TOPIC_RIGHT = re.compile(r"^(?:'s|’s)\s+(?:invasion|war|aggression|offensive|occupation)\b", re.I)
# "forced thousands to flee across the border to Chad", "deported to Afghanistan": where people went, not
# where the events happened
_DESTINATION_LEFT = re.compile(
    r"\b(?:flee|fled|fleeing|flight|escape[ds]?|escaping|deported|deportation|expelled|crossed|crossing|"
    r"sought\s+refuge|seeking\s+refuge|taking\s+refuge|took\s+refuge)\s+(?:[\w-]+\s+){0,4}?(?:to|into|in)\s+"
    r"(?:neighbou?ring\s+)?(?:the\s+)?$", re.I)


def topic_country(left: str, right: str) -> bool:
    """Whether a country's name, between ``left`` and ``right``, names what
    the text is about rather than where it happens ("protested in Lyon
    against the invasion of Ukraine").

    >>> topic_country("demonstrated against the invasion of ", " and called for peace")
    True
    >>> topic_country("clashes broke out in ", " on Monday")
    False
    >>> topic_country("forced thousands more to flee across the border to ", ", aid agencies said")
    True
    """
    if _TOPIC_RIGHT.match(right):
        return True
    # The two searches of the left end with a word of theirs ("of", "to" …), maybe one or two optional words
    # after it: where the last words say they cannot match, they are not tried (a $-anchored search tries every
    # offset: 55k instructions a country named). The lower-cased text as casefold.last_word_ends reads it;
    # where lowering could differ from re.I (None), searched as before.
    casefold = _casefold()
    folded: str | None = casefold.folded_text(left)
    if (folded is None or casefold.last_word_ends(folded, _TOPIC_LAST_WORDS, ("the",))) and _TOPIC_LEFT.search(left):
        return True
    return (folded is None or casefold.last_word_ends(folded, _DESTINATION_LAST_WORDS, ("the",), _NEIGHBOURING)) and (
        _DESTINATION_LEFT.search(left) is not None)


#: the words :data:`_TOPIC_LEFT` and :data:`_DESTINATION_LEFT` end with before their optional words
_TOPIC_LAST_WORDS: Final = ("of", "in", "on", "against", "with", "from")
_DESTINATION_LAST_WORDS: Final = ("to", "into", "in")
_NEIGHBOURING: Final = ("neighbouring", "neighboring")
