"""Choosing one reading of a place name among its ranked candidates: the second half of resolving
(:mod:`marsad.extract.places` ranks the candidates in the document's context, this module keeps those the
context allows: the report's countries, the governorate a name is said to lie in, the unit word after it,
"township", the countries its clear places point to, and for a village of a national list the report's
own countries)."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from marsad.extract.place_names import Found
from marsad.extract.place_words import place_words
from marsad.extract.text import common_word
from marsad.gazetteer.admin import plain_unit_name, with_neighbours
from marsad.gazetteer.index import Place
from marsad.gazetteer.resolve import Resolution, haversine_km, in_units, is_area, own_key
from marsad.gazetteer.spelling import spelt_alike, unit_key

#: how far ahead of the next candidate a place must come to count as clear (an anchor for its neighbours)
CLEAR_MARGIN: Final = 1.5

_NEIGHBOURHOOD_KM: Final = 15  # a city's neighbourhood lies within its built-up area
_SEAT_KM: Final = 75  # a district's villages lie within this of its seat (wider than most Iraqi districts)

#: a town this size (GeoNames' population) stays a reading of its name outside the governorate its sentence
#: names (but not its own words)
_KNOWN_TOWN: Final = 10_000


@lru_cache(maxsize=1)
def curated_countries() -> frozenset[str]:
    """The countries of marsad's own governorate table (those it is built for)."""
    from marsad.gazetteer.bundled import admin1_table

    return frozenset(admin1_table())


def dubious(item: Found, best: Resolution) -> bool:
    """A single common English word that is no large place's own name:
    without a cue ("Battle", "More"), or an alternate name even with one
    ("in Aerial bombardment" is not Jerusalem)."""
    if item.length > 1 or not item.known or item.rule != "places.gazetteer":
        return False
    place = best.place
    own_name = own_key(place) == item.key
    if place.feature in ("admin1", "region", "river", "country") and (
            place.country is None or place.country in curated_countries()):
        return False
    if place.feature == "country" or (own_name and place.population >= 1_000_000) or (item.cued and own_name):
        return False
    return common_word(item.word)  # also a district ("Power County" for "Florida Power")


#: countries whose local units are called townships (Myanmar's and China's second tiers, the US and Canadian
#: civil townships, Taiwan's rural townships, South Africa's urban townships)
TOWNSHIP_COUNTRIES: Final = frozenset({"MM", "US", "CA", "CN", "TW", "ZA"})


def choose(item: Found, countries: set[str]) -> Resolution | None:
    """The best candidate the context allows.

    When the report names its countries, a small town elsewhere is not a
    reading of the name ("Battle" in England for the word "Battle"), nor is a
    large city elsewhere under one of its alternate names ("Aerial" is listed
    for Jerusalem; "Beirut" still is Beirut); the words
    around the name ("province", "village") pick the kind of place."""
    candidates = item.candidates
    if candidates and dubious(item, candidates[0]):
        return None
    candidates = _listed_at_home(item, candidates, countries)
    if countries:
        kept = [
            c for c in candidates
            if c.place.country in countries or c.place.source != "bundled"
            or (is_area(c.place) and spelt_alike(plain_unit_name(c.place.name), item.word))
            or (c.place.population >= 100_000 and own_key(c.place) == item.key)
        ]
        # "demonstrated in Lorient … the invasion of Ukraine": a cued name that nothing
        # in the named countries bears is the town elsewhere that has it as its own name, of the
        # kind the words around it say ("Soum province" is no town), and, beyond the named
        # countries' neighbours, spelt as the text spells it ("Kurram district, Pakistan" is not
        # Korem in Ethiopia, which only shares its key; "Jenin" in a report naming Israel is Janin)
        if not kept and item.cued and item.known and not item.admin_countries and not item.given_countries:
            kept = [c for c in candidates if own_key(c.place) == item.key and not c.fuzzy][:1]
            near = with_neighbours(frozenset(countries))
            kept = [c for c in kept if (c.place.country in near or spelt_alike(c.place.name, item.word))
                    and (item.forced != "area" or is_area(c.place))]
        candidates = kept
    elif item.home and not one_country(candidates):
        candidates = _at_home(item, candidates)
    if len(item.key) <= 4 and item.key.isascii():  # "al-Fu'ah" is not Huế: short alternates count near home
        candidates = [
            c for c in candidates
            if c.place.country in countries or c.place.source != "bundled" or own_key(c.place) == item.key
            or _township_reading(item, c)
        ]
    if item.hint is not None and item.hint.admin1_code:
        # "X town in Aleppo countryside": not an X in another governorate of that country
        # A governorate only its sentence names ("casualties in Khan Shaykhun and clashes in the
        # countryside of Homs") may be another place's: a town of some size elsewhere stays a reading
        # (under any of its names in the countries marsad is built for, whose communities it holds in full).
        candidates = [
            c for c in candidates
            if c.place.country != item.hint.country or c.place.admin1_code in (None, item.hint.admin1_code)
            or c.place.feature != "town"
            or (not item.hint_attached and not c.fuzzy and c.place.population >= _KNOWN_TOWN
                and (c.place.country in curated_countries() or own_key(c.place) == item.key))
        ]
    if item.admin_countries:
        # The document names governorates of these countries: a small place elsewhere
        # found through an alternate name ("Zap" for a Turkish village in a note
        # about Duhok) is not meant; a city under its own name still can be.
        candidates = [
            c for c in candidates
            if c.place.country in item.admin_countries or c.place.feature == "country"
            or (c.place.population >= 500_000 and own_key(c.place) == item.key)
        ]
    if item.container is not None:
        candidates = _inside_container(item, candidates, countries)
    if item.unit_word:
        candidates = _of_unit(item, candidates)
    if item.forced == "area":  # a unit inside a country, rather than the country ("Niger state")
        candidates = sorted(candidates, key=lambda c: (not is_area(c.place), c.place.feature == "country"))
    elif item.forced == "town":
        candidates = sorted(candidates, key=lambda c: is_area(c.place))
    if item.township:  # "Muse township" is Myanmar's, not a namesake in a country with no townships
        candidates = sorted(candidates, key=lambda c: not _township_reading(item, c))
    if candidates and item.forced != "town" and candidates[0].place.feature == "town" and candidates[0].place.population < 100_000:
        # "PEMBA, Mozambique —" is the country, not Mozambique Island, a small namesake town inside it
        country = next((c for c in candidates if c.place.feature == "country" and own_key(c.place) == item.key
                        and c.place.country == candidates[0].place.country), None)
        if country is not None:
            candidates = [country] + [c for c in candidates if c is not country]
    return candidates[0] if candidates else None


#: id prefixes of the national village lists the bundled index holds: OCHA's Syrian communities, Who's On First's
#: Iraqi localities (thousands of villages, many of whose names recur abroad)
_VILLAGE_LISTS: Final = ("ocha:", "wof:")
#: those whose villages also need the report to name some country of theirs: Who's On First's (a report that names
#: no country is placed in none of its 21,000 villages by a name it happens to share). OCHA's communities are
#: read in a report that names no country, as a Syrian monitor's headlines name none (held there too, 39 of UCDP's
#: 5,410 Syrian headlines lost their village)
_NAMED_COUNTRY_ONLY: Final = ("wof:",)


def listed_village(place: Place) -> bool:
    """Whether a place is a village of a national list: no population (those cities500 also has keep its
    population), bundled (an imported OCHA gazetteer's places are the user's)."""
    return place.population == 0 and place.source == "bundled" and place.id.startswith(_VILLAGE_LISTS)


def _listed_at_home(item: Found, candidates: list[Resolution], countries: set[str]) -> list[Resolution]:
    """A village of a national list is a reading of a name only in a country the report is about where it names
    one: named, given by the caller, its governorates named, its armed groups' or its clear places'
    (``countries``, ``item.admin_countries``, ``item.home``): "Tayr in southern Lebanon" is not OCHA's Tayr in
    Daraa, a village in Nepal not Abu Hardha' in Maysan, whose Arabic name has its consonants. Where it names
    none, only OCHA's communities are read (:data:`_NAMED_COUNTRY_ONLY`). Nor is a generic head word alone ("the
    Dola valley": Kurdish for valley) a village of a list: the bundled index names none so, and one found by
    another spelling of the word (Dulya, دولية) is not meant either."""
    if not any(listed_village(c.place) for c in candidates):
        return candidates  # (most names: none of a list among their candidates)
    lone_head = item.length == 1 and item.word.lower() in place_words().generic_heads
    home = countries | item.admin_countries | item.home
    return [c for c in candidates if not listed_village(c.place) or (not lone_head and (
        c.place.country in home if home else not c.place.id.startswith(_NAMED_COUNTRY_ONLY)))]


def _of_unit(item: Found, candidates: list[Resolution]) -> list[Resolution]:
    """"Guerrero state", "Oyam district": a unit of that name, or a town
    inside one (its seat), not a namesake town elsewhere in the unit's
    country (Guerrero in Coahuila)."""
    countries = {c.place.country for c in candidates if is_area(c.place) and c.place.feature != "country"}
    if not countries:
        return candidates
    keys = frozenset({item.key})
    return [c for c in candidates if is_area(c.place) or c.place.country not in countries or in_units(c.place, keys)]


def _township_reading(item: Found, candidate: Resolution) -> bool:
    """Whether the candidate is a reading of "X township": a place of a country
    with townships, found by its name or an alternate ("Kale" for Kalemyo), not by a spelling guess."""
    return item.township and not candidate.fuzzy and candidate.place.country in TOWNSHIP_COUNTRIES


def _inside_container(item: Found, candidates: list[Resolution], countries: set[str]) -> list[Resolution]:
    """Of the candidates, those inside the district, sub-district or city the
    text says the name lies in: "Nahar Al Abiad area in Jisr-Ash-Shugur
    countryside" is not a namesake in Aleppo, "Al Hajana neighbourhood of
    Al-Bukamal" not a village 100 km away. None inside: the name stays
    unplaced and the unit stands for the event."""
    container = item.container
    unit = choose(container, countries) if container is not None else None  # (its own container is further on: the chain ends)
    if unit is None:
        return candidates
    place = unit.place
    if item.container_kind == "unit" and place.feature in ("admin2", "admin3"):
        field = "admin2" if place.feature == "admin2" else "admin3"
        return [c for c in candidates if c.place.feature != "town" or c.place.country != place.country
                or (c.place.admin1_code == place.admin1_code
                    and unit_key(getattr(c.place, field) or "") == unit_key(place.name))]
    if item.container_kind == "unit" and place.feature == "town":
        # "X village in Daquq district": a district named after its seat (Iraq's, where the index has no
        # district) lies around that town; a namesake X 110 km away is another village
        return [c for c in candidates if c.place.feature != "town" or c.place.country != place.country
                or haversine_km(c.place.latitude, c.place.longitude, place.latitude, place.longitude) <= _SEAT_KM]
    if item.container_kind == "inside" and place.feature != "country" and place.country:
        inside = [c for c in candidates if c.place.country == place.country or c.place.feature == "country"]
        # "near Mangina in eastern Congo": a town abroad with none of the name's readings in its country
        # is a namesake of the area the text means (Mexico's El Congo), not what contains the name
        if not inside or not place.admin1_code:
            return inside if inside or place.feature != "town" else candidates
        # "the Dniprovskyi district of Kherson": a town of another governorate of the country is a namesake
        # (Kyiv's district), not what the city or governorate holds; none inside, the container stands for it
        return [c for c in inside if c.place.feature != "town" or c.place.admin1_code == place.admin1_code]
    if item.container_kind == "neighbourhood" and place.feature == "town":
        return [c for c in candidates if c.place.feature != "town" or haversine_km(
            c.place.latitude, c.place.longitude, place.latitude, place.longitude) <= _NEIGHBOURHOOD_KM]
    return candidates


def one_country(candidates: list[Resolution]) -> bool:
    """Whether the best candidate clearly leads every candidate of other countries
    (namesakes inside one country, a town and its district, do not make a name foreign-ambiguous)."""
    if not candidates:
        return True
    best = candidates[0]
    rival = next((c for c in candidates if c.place.country != best.place.country), None)
    return rival is None or best.score - rival.score >= CLEAR_MARGIN


def _at_home(item: Found, candidates: list[Resolution]) -> list[Resolution]:
    """When the document names no country but its clear places or its country
    adjectives point to some (``item.home``), and the name is no clear reading
    of one place: a place in an unrelated country (neither those nor one
    sharing a border) that nothing in the text supports is no reading of it
    ("Malian soldiers … near Boni" is not Buni in Pakistan, one of Boni's many
    namesakes; "Russian forces shelled …" still lets a Ukrainian village be,
    and a name that is clearly one place abroad, "the Russian massacre in Jisr
    al-Shughur", still is).
    Countries, metropolises, large cities under their own names and imported places stay, and a
    cued name spelt letter for letter like a foreign town's own name is that
    town when nothing at home bears it ("demonstrated in Lorient")."""
    near = with_neighbours(item.home)
    kept = [c for c in candidates if c.place.country in near or c.place.source != "bundled"
            or c.place.feature in ("country", "region") or c.place.population >= 1_000_000
            or (c.place.population >= 100_000 and own_key(c.place) == item.key)]
    if not kept and item.cued:
        kept = [c for c in candidates if not c.fuzzy and spelt_alike(c.place.name, item.word)][:1]
    return kept
