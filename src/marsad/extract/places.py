"""Pipeline component ``places``: find place mentions and resolve them.

Finding: :mod:`marsad.extract.place_names` (names, cues, region phrases and
the words around each name).

Resolving: see :mod:`marsad.gazetteer.resolve`. The document's governorates
and countries form the context; places resolved confidently on a first pass
become anchors for a second pass (neighbours pull each other together).
Relations ("countryside of X", "east of X") set ``relation``,
``geo_precision`` and ``where_prec`` (:mod:`marsad.gazetteer.areas`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from marsad.config import environment_value
from marsad.extract.actors import demonym_countries, home_countries
from marsad.extract.pipeline import DocContext, register
from marsad.extract.place_choice import CLEAR_MARGIN, choose, curated_countries, dubious, one_country
from marsad.extract.place_names import Found, find_names
from marsad.extract.place_text import CONTAINED_IN, attached_gap, located_in_match, written_as_container
from marsad.extract.place_words import place_words as _words
from marsad.gazetteer import areas
from marsad.gazetteer.admin import UNIT_AFTER_NAME, countries_by_unit_word, iso_unit, plain_unit_name
from marsad.gazetteer.index import Place
from marsad.gazetteer.keys import twin_keys
from marsad.gazetteer.resolve import (
    Context,
    Resolution,
    haversine_km,
    in_units,
    is_area,
    own_key,
    rank,
)
from marsad.gazetteer.spelling import spelt_alike, unit_key
from marsad.model import PlaceMention

VERSION: Final = "28"



@register("places", version=VERSION)
def places_component(ctx: DocContext) -> None:
    """Add a :class:`~marsad.model.PlaceMention` for every place in the text."""
    ctx.places.extend(find_places(ctx, ctx.gazetteer(), countries=report_countries(ctx)))


def report_countries(ctx: DocContext) -> set[str]:
    """The countries the report is about when the caller says so (ISO codes)."""
    return ctx.extra.get("countries") or default_countries()


def default_countries() -> set[str]:
    """The countries a deployment reports on, from ``MARSAD_COUNTRIES``
    (ISO codes, e.g. ``SY,IQ``); empty means "the whole world"."""
    value = environment_value("MARSAD_COUNTRIES")  # (asked for every document: usually unset)
    if not value:
        return set()
    return {code.strip().upper() for code in value.split(",") if code.strip()}


def find_places(ctx: DocContext, gazetteer, *, countries: set[str] | None = None) -> list[PlaceMention]:
    """Place mentions of ``ctx.text``, resolved against ``gazetteer``.

    ``countries`` (ISO codes) says what countries the report is about when the
    caller knows it (a monitor's country, a coded archive's); countries named
    in the text are added to it."""
    found = find_names(ctx, gazetteer, countries)
    countries = _resolve_all(ctx, gazetteer, found, set(countries or ()))
    chosen = [(item, best) for item in found  # (choose once per name: it filters and sorts candidates)
              if (best := choose(item, countries)) is not None or item.cued or not item.known or item.unit]
    found = [item for item, _ in chosen]
    mentions = [_mention(ctx, item, best) for item, best in chosen]
    mentions += _between_mentions(ctx, found, mentions)
    mentions.sort(key=lambda m: m.span.start)
    return mentions


class _Named:
    """Governorates or districts named per sentence, with the keys of the
    names that name them. A name is no context for itself ("Oxford" is also
    Oxford County's name, which must not speak for Oxford, Maine, against
    Oxford, England; "Hannover" is not the Jamaican parish Hanover because
    the parish is called so), however often it is repeated."""

    def __init__(self) -> None:
        self.by_sentence: dict[int, dict] = {}
        self.by_document: dict = {}
        # answers already given, until the next add(): every mention asks, twice
        # (callers only read the sets they get); by sentence, then key, rather than by a
        # tuple of both: a new tuple and its hash per question cost more than the look-ups
        self._sentence_answers: dict[int, dict[str | None, set]] = {}
        self._document_answers: dict[str | None, set] = {}
        self._own_answers: dict[str, set] = {}

    def add(self, sentence: int, value, key: str) -> None:
        # (no setdefault: compiled, one that misses raises and clears a KeyError, and most do here)
        in_sentence = self.by_sentence.get(sentence)
        if in_sentence is None:
            in_sentence = self.by_sentence[sentence] = {}
        _add_key(in_sentence, value, key)
        _add_key(self.by_document, value, key)
        self._sentence_answers.clear()
        self._document_answers.clear()
        self._own_answers.clear()

    def sentence(self, sentence: int, key: str | None = None) -> set:
        answers = self._sentence_answers.get(sentence)
        if answers is None:
            answers = self._sentence_answers[sentence] = {}
        answer = answers.get(key)
        if answer is None:
            answer = answers[key] = _others(self.by_sentence.get(sentence, {}), key)
        return answer

    def document(self, key: str | None = None) -> set:
        answer = self._document_answers.get(key)
        if answer is None:
            answer = self._document_answers[key] = _others(self.by_document, key)
        return answer

    def own(self, key: str) -> set:
        """What only ``key`` names."""
        answer = self._own_answers.get(key)
        if answer is None:
            # (len and membership: "keys == {key}" without a new set per value)
            answer = self._own_answers[key] = {value for value, keys in self.by_document.items()
                                               if len(keys) == 1 and key in keys}
        return answer


def _add_key(named: dict, value, key: str) -> None:
    keys = named.get(value)
    if keys is None:
        named[value] = {key}
    else:
        keys.add(key)


def _others(named: dict, key: str | None) -> set:
    # "not (len == 1 and key in keys)" is "keys != {key}" without a new set per value
    return {value for value, keys in named.items() if key is None or len(keys) != 1 or key not in keys}


_UNIT_WORD: Final = UNIT_AFTER_NAME


def _naming_key(norm: str, item: Found) -> str:
    """Who names the unit ``item`` may stand for: the name itself ("Athens",
    no context for Athens, Ohio, in Athens County), or, written as a unit
    ("Kale township (Kale district)", "Al Jawf province"), the text ("" counts
    for every name). "Colombo (Colombo, Western)" does not say that Colombo
    lies in a unit called Colombo: every Colombo does."""
    return "" if _UNIT_WORD.match(norm, item.end) or item.forced == "area" else item.key


_PROVINCE_AFTER: Final = re.compile(r"\s+(?:province|governorate)", re.I)


def _units(ctx: DocContext, gazetteer, found: list[Found]) -> _Named:
    """Districts and sub-districts named, as (admin1 code, unit key). "Ar
    Raqqa countryside" names the governorate, not its namesake district: a
    district that shares its governorate's name counts only when the text
    says "district"."""
    norm = ctx.norm  # (read once: a DocContext's field is no native read)
    named = _Named()
    for item in found:
        places: tuple[Place, ...] = gazetteer.by_key(item.key)
        units = [p for p in places if p.feature in ("admin2", "admin3") and p.admin1_code]
        if not units:
            continue  # (most names: nothing to read around them)
        governorates = {p.admin1_code for p in places if p.feature == "admin1"}
        explicit = bool(_UNIT_WORD.match(norm, item.end)) and not _PROVINCE_AFTER.match(norm, item.end)
        for place in units:
            if explicit or place.admin1_code not in governorates:
                named.add(ctx.sentence_index(item.start), (place.admin1_code, unit_key(place.name)),
                          _naming_key(norm, item))
    return named


_CAPITALISED: Final = re.compile(r"\b[A-Z][a-z]+\b")


def _named_countries(ctx: DocContext) -> set[str]:
    """The countries whose names (or adjectives) the text writes capitalised (:data:`_CAPITALISED`)."""
    country_words = _words().country_words
    index = ctx.word_index()
    if index is None:
        return {code for word in _CAPITALISED.findall(ctx.norm) if (code := country_words.get(word.lower()))}
    # What _CAPITALISED finds is a whole word (a run of word characters): the document's word index (built once
    # for every component) says where the country words are, and only there is the capital looked at.
    norm = ctx.norm
    countries: set[str] = set()
    for word in index.common(_country_keys()):
        if len(word) < 2 or not word.isascii() or not word.isalpha():
            continue  # no [A-Z][a-z]+
        size = len(word)
        if any("A" <= norm[start] <= "Z" and norm[start + 1:start + size] == word[1:]
               for start in index.starts({word})) and (code := country_words[word]):
            countries.add(code)
    return countries


@lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    return frozenset(_words().country_words)


def _context(ctx: DocContext, gazetteer, found: list[Found], given: set[str]) -> tuple[set[str], _Named]:
    """Countries of the report, and governorates named per sentence. When the
    caller gives the report's countries, a governorate's name does not add
    another ("Tripoli" in a Lebanese note is not Libya's governorate)."""
    norm = ctx.norm  # (read once: a DocContext's field is no native read)
    countries = _named_countries(ctx)
    by_sentence = _Named()
    for previous, item in zip([None, *found], found):
        if previous is not None and _alias_of(norm, gazetteer, previous, item):
            continue
        admin_countries: set[str] = set()
        governorates = []
        places = gazetteer.by_key(item.key)
        features: list[str] = [p.feature for p in places]  # (each read once: a place's field is no native read)
        named_countries = {p.country for p, feature in zip(places, features) if feature == "country"}
        # the governorates abroad the name before it lies in: "Decatur, Georgia", "Shiroro LGA (Niger)"
        inside = {p.admin1_code for p in gazetteer.by_key(previous.key)
                  if p.feature == "town" and p.country not in named_countries} if (
            named_countries and previous is not None and previous.key != item.key and _container(norm, item)
        ) else set()
        # a country's name followed by a unit word is a governorate's ("Niger state"), and so is one
        # written as the container of a place of that governorate
        as_unit = bool(named_countries) and bool(_UNIT_WORD.match(norm, item.end))
        if not as_unit and inside and any(
                feature == "admin1" and p.admin1_code in inside for p, feature in zip(places, features)):
            as_unit = True
            if item.forced is None:
                item.forced = "area"  # the governorate, not the country it shares its name with
        for place, feature in zip(places, features):
            if feature == "country" and as_unit:
                continue
            if feature == "country" and areas.topic_country(norm[max(0, item.start - 40):item.start],
                                                              norm[item.end:item.end + 20]):
                item.relation = "topic"  # "against the invasion of Ukraine": not where it happens
            elif feature == "country":
                countries.add(place.country)
            elif feature == "admin1" and place.admin1_code:
                governorates.append(place)
                admin_countries.add(place.country)
        if governorates and named_countries and not as_unit and not (
                _CLOSING.match(norm, item.end) and previous is not None and not gazetteer.by_key(previous.key)):
            # "in western Niger" names the country, not Nigeria's Niger state, and so do "Tamou, Niger" and
            # "Ouallam (Niger)", no places of Niger state; a bracket closing on it after a name the gazetteer
            # does not know may still be a coded note's governorate: "(Paikoro, Niger)"
            governorates = [g for g in governorates if g.country in named_countries]
            admin_countries = {g.country for g in governorates}
        if governorates and _a_city_spelt_so(places, governorates, norm[item.start:item.end]):
            governorates, admin_countries = [], set()
        for code in _typed_admin1(norm, item, governorates):
            by_sentence.add(ctx.sentence_index(item.start), code, _naming_key(norm, item))
        if not governorates and (unit := _iso_governorate(norm, gazetteer, item)) is not None:
            if unit.country and (not given or unit.country in given):  # (an ISO unit always has its country)
                item.unit, item.admin_country = unit, unit.country
                countries.add(unit.country)
            continue
        if not admin_countries:
            continue  # no governorate of this name: nothing below would change
        # marsad's own governorate table (the countries it is built for) before the
        # worldwide names derived from GeoNames ("Hama", not Finland's Häme)
        admin_countries = countries_by_unit_word(norm, item.end, admin_countries)
        admin_countries = (admin_countries & curated_countries()) or admin_countries
        if admin_countries - curated_countries() and (not _container(norm, item)
                                                       or _DISTRICT_AFTER.match(norm, item.end)):
            continue  # "Saida town", "Amara district": whatever province of Algeria or Ethiopia shares its name
        if given and not admin_countries <= given:
            continue
        if len(admin_countries) == 1:  # "Punjab" (India and Pakistan) says no country
            countries |= admin_countries
            # the governorate itself, not its namesake city ("left for Beirut"), says
            # where the report's small places are
            if (_container(norm, item) or _OF_IN.search(norm[max(0, item.start - 10):item.start])
                    or not any(p.feature == "town" for p in gazetteer.by_key(item.key))):
                item.admin_country = next(iter(admin_countries))
    return countries, by_sentence


#: a city that big, spelt letter for letter as the text spells a name, is what the name means
_CITY_SPELT_SO: Final = 100_000


def _a_city_spelt_so(places: Sequence[Place], governorates: list[Place], written: str) -> bool:
    """Whether a city in another country bears the name exactly as written while no
    governorate of that key does: "west of Samarra" is Iraq's city, not Russia's
    Samara region, which only shares its key (and would make Russia the report's country)."""
    if any(spelt_alike(plain_unit_name(governorate.name), written) for governorate in governorates):
        return False
    elsewhere = {governorate.country for governorate in governorates}
    return any(place.feature == "town" and place.country not in elsewhere and place.population >= _CITY_SPELT_SO
               and spelt_alike(place.name, written) for place in places)


def _iso_governorate(norm: str, gazetteer, item: Found) -> Place | None:
    """A governorate the bundled index lacks (GeoNames' data predates it) but
    ISO 3166-2 names, for a name written as one ("Boga, Ituri province", "(Irumu,
    Ituri)": DR Congo's province since 2015) that is no place of that country in
    the index: a place without a point, which says the report's country and
    the governorate of the unplaced names of its sentence."""
    if _DISTRICT_AFTER.match(norm, item.end) or not (_container(norm, item) or _bare_region(norm, gazetteer, item)):
        return None  # (the text first: ISO's table is read on first use, which most short reports then skip)
    found = iso_unit(item.key, norm, item.end)
    if found is None:
        return None
    if any(p.country == found[0] or p.feature == "country" for p in gazetteer.by_key(item.key)):
        return None  # a place of that country, or a country ("Curacao"), is read as usual
    country, name = found
    # (the name alone, not as a region's, must be the unit's whole name: "the Free Constitution Party" is no Free State)
    if not spelt_alike(plain_unit_name(name) if _container(norm, item) else name, item.word):
        return None  # the key alone is too loose for a name with no point to check it by ("Marsha" is no "Marche")
    return Place(id=f"iso:{country}:{name}", name=name, country=country, admin1=name, admin1_code=None, admin2=None,
                 latitude=math.nan, longitude=math.nan, feature="admin1", population=0, weight=0, source="iso")


def _bare_region(norm: str, gazetteer, item: Found) -> bool:
    """Whether a name written alone after "in" may be a region no place of its key is named as: "a bar in
    Ituri" is DR Congo's province, not Italy's Itri, one of whose other names it is, nor Nigeria's Itori,
    which shares its key."""
    if not _IN_BEFORE.search(norm, max(0, item.start - 12), item.start):
        return False  # ("Agusan de Norte": the end of a name the gazetteer does not know)
    places = gazetteer.by_key(item.key)
    return bool(places) and not any(spelt_alike(place.name, item.word) for place in places)


_IN_BEFORE: Final = re.compile(r"\b(?:in|across|throughout)\s+$", re.I)


_ALIAS_GAP: Final = re.compile(r"\s*(?:(?:city|town|village|area)\s*)?\(\s*$", re.I)


def _alias_of(norm: str, gazetteer, previous: Found, item: Found) -> bool:
    """"Sidon city (Sayda)", "Tripoli (Tripoli)": a name in brackets that is
    also a name of the place just before is its other spelling, not the
    province it lies in (Algeria's Saida)."""
    gap = norm[previous.end:item.start]
    # (a bracket in the gap and after the name first: most names have none, and the match is a call through Python)
    if "(" not in gap or not norm.startswith(")", item.end) or not _ALIAS_GAP.fullmatch(gap):
        return False
    if previous.key == item.key:
        return True
    return not {p.id for p in gazetteer.by_key(previous.key) if p.feature == "town"}.isdisjoint(
        p.id for p in gazetteer.by_key(item.key))


_CLOSING: Final = re.compile(r"\s*\)")
_OF_IN: Final = re.compile(r"\b(?:of|in)\s+(?:the\s+)?$", re.I)
def _container(norm: str, item: Found) -> bool:
    """Whether a name is written as a region that contains others: "X, Donetsk",
    "X (Texas)", "in Sindh province"."""
    return written_as_container(norm, item.start, item.end) or item.forced == "area"


def _resolve_all(ctx: DocContext, gazetteer, found: list[Found], given: set[str]) -> set[str]:
    """Rank the candidates of every mention; return the report's countries.

    First pass: with the countries and governorates the text names. Places
    that come out clearly ahead become anchors; when the text names no
    country, the countries of those clear places stand for the report's.
    Second pass: everything again with anchors and countries."""
    norm = ctx.norm  # (read once: a DocContext's field is no native read)
    countries, admin_by_sentence = _context(ctx, gazetteer, found, given)
    if given:
        countries |= given
    elif not countries:  # the text names no country: its armed groups' may say where it is
        countries = home_countries(ctx.actors)
    units = _units(ctx, gazetteer, found)
    named = frozenset(item.admin_country for item in found if item.admin_country)
    if given:  # the caller knows the report's countries: "(Tripoli)" in a Lebanese note is not Libya's
        named &= given
    for item in found:
        item.admin_countries, item.given_countries = named, bool(given)
    sentences = [ctx.sentence_index(item.start) for item in found]  # (asked for each context built)

    iso_units: dict[int, set[Place]] = {}
    for position, item in enumerate(found):
        if item.unit is not None:
            iso_units.setdefault(sentences[position], set()).add(item.unit)
    for position, item in enumerate(found):
        # Only its own words say an unplaced name's governorate: another
        # sentence's governorate is often another place's (a daily round-up).
        following = found[position + 1] if position + 1 < len(found) else None
        attached = _attached_admin1(norm, gazetteer, item, following)
        codes = attached or admin_by_sentence.sentence(sentences[position])
        if len(codes) == 1:
            item.hint = gazetteer.place(f"admin1:{next(iter(codes))}")
            item.hint_attached = bool(attached)
        elif not codes and len(unit_set := iso_units.get(sentences[position], set())) == 1:
            item.hint = next(iter(unit_set))
        item.located_in = _located_in(norm, item)
        if following is not None and CONTAINED_IN.fullmatch(gap := norm[item.end:following.start]):
            # "Idleb countryside" is the governorate's, not its namesake district's (see _units)
            governorate = any(p.feature == "admin1" for p in gazetteer.by_key(following.key))
            if _DISTRICT_AFTER.match(norm, following.end) or (not governorate and (
                    _UNIT_AFTER.match(norm, following.end) or "countryside" in gap.lower())):
                item.container, item.container_kind = following, "unit"
            elif _NEIGHBOURHOOD.match(norm, item.end):
                item.container, item.container_kind = following, "neighbourhood"
            else:  # "near Lido in Mogadishu": a place inside the one named after it, not a namesake abroad
                item.container, item.container_kind = following, "inside"
    anchors_of: dict[int, tuple[float, float]] = {}
    clear_countries: set[str | None] = set()
    first_pass: dict[int, tuple] = {}
    ranks = _Ranks(gazetteer)
    for position, item in enumerate(found):
        context = _context_for(item, sentences[position], admin_by_sentence, units, [], countries)
        first_pass[position] = (context, item.key, item.known)
        item.candidates = ranks.of(item, context)
        if not item.candidates:
            _twin(gazetteer, item, _context_for(item, sentences[position], admin_by_sentence, units, [], countries))
        best = item.candidates[0] if item.candidates else None
        if best is None or best.fuzzy or best.margin < CLEAR_MARGIN or dubious(item, best):
            continue
        if best.place.feature == "town":
            anchors_of[position] = (best.place.latitude, best.place.longitude)
        if item.relation != "topic" and (best.place.population >= 50_000 or is_area(best.place)
                                         or best.place.source != "bundled" or in_units(best.place, item.located_in)):
            clear_countries.add(best.place.country)
    first_countries, countries = countries, countries or {c for c in clear_countries if c}
    # Distinct points only: distances are compared by minimum, so a town named a
    # thousand times anchors once (a per-mention list of every other mention was
    # quadratic in long reports).
    anchor_count: dict[tuple[float, float], int] = {}  # (a Counter's, counted compiled: Counter is Python)
    for point in anchors_of.values():
        anchor_count[point] = anchor_count.get(point, 0) + 1
    distinct = list(anchor_count)
    for position, item in enumerate(found):
        if item.known and len(item.candidates) == 1:
            continue  # nothing to choose between
        own = anchors_of.get(position)
        anchors = distinct if own is None or anchor_count[own] > 1 else [p for p in distinct if p != own]
        if not anchors and countries == first_countries and first_pass[position][1:] == (item.key, item.known):
            continue  # the first pass's very context (not built again to be compared)
        if anchors or countries:
            first_context, first_key = first_pass[position][0], first_pass[position][1]
            context = _context_for(item, sentences[position], admin_by_sentence, units, anchors, countries,
                                   first_context if first_key == item.key else None)
            if first_pass[position] == (context, item.key, item.known):
                continue  # ranked in this very context already (rank depends on nothing else)
            item.candidates = ranks.of(item, context)
    if not countries and any(not one_country(item.candidates) for item in found):  # (only then is it read)
        home = _home(ctx, found, anchors_of)
        for item in found:
            item.home = home
    return countries


def _context_for(item: Found, sentence: int, admin_by_sentence: _Named, units: _Named, anchors: list[tuple[float, float]],
                 countries: set[str], like: Context | None = None) -> Context:
    """The context of the name ``item`` (in sentence number ``sentence``); what the text names around it
    read from ``like``, a context built for it before with the same key, when there is one (they depend
    on nothing else). (A function of its own, not one nested in _resolve_all: compiled, a nested
    function is called through Python, its arguments parsed, for every name ranked.)"""
    if like is None:
        sentence_admin1 = admin_by_sentence.sentence(sentence, item.key)
        document_admin1 = admin_by_sentence.document(item.key)
        own_admin1 = admin_by_sentence.own(item.key)
        sentence_units = units.sentence(sentence, item.key)
        document_units = units.document(item.key)
    else:
        sentence_admin1, document_admin1, own_admin1 = like.sentence_admin1, like.document_admin1, like.own_admin1
        sentence_units, document_units = like.sentence_units, like.document_units
    return Context(
        countries=countries,
        sentence_admin1=sentence_admin1,
        document_admin1=document_admin1,
        own_admin1=own_admin1,
        anchors=anchors,
        prefer_area=item.forced == "area",
        prefer_town=item.forced == "town",
        fuzzy_countries=countries if item.cued and not item.known else set(),
        sentence_units=sentence_units,
        document_units=document_units,
        located_in=item.located_in,
        written=item.word,
    )


class _Ranks:
    """The ranked candidates of a document's names, by name and context: a name
    repeated in a sentence, or in sentences that say the same about it, meets
    the same context, and :func:`~marsad.gazetteer.resolve.rank` depends on
    nothing else (each mention still gets its own list)."""

    def __init__(self, gazetteer) -> None:
        self.gazetteer = gazetteer
        self._ranked: dict[tuple[str, bool], list[tuple[Context, list[Resolution]]]] = {}

    def of(self, item: Found, context: Context) -> list[Resolution]:
        name = (item.key, item.known)
        ranked = self._ranked.get(name)
        if ranked is None:  # (no setdefault: compiled, one that misses raises and clears a KeyError)
            ranked = self._ranked[name] = []
        for earlier, candidates in ranked:
            if earlier == context:
                return list(candidates)
        candidates = rank(self.gazetteer, "", context, key=item.key, fuzzy=not item.known)
        ranked.append((context, candidates))
        return list(candidates)


# "X area in the Y countryside", "X village of Y district", "X neighbourhood of Y city"
_NEIGHBOURHOOD: Final = re.compile(r"\s+neighbou?rhood\b", re.I)
_UNIT_AFTER: Final = re.compile(r"\s+(?:countryside|(?:sub-?)?district|nahiya|qada)\b", re.I)
_DISTRICT_AFTER: Final = re.compile(r"\s+(?:sub-?)?district\b", re.I)



def _twin(gazetteer, item: Found, context: Context) -> None:
    """An unknown "X Tahtani" (Lower X) placed *near* X or its twin "X Foqani",
    which lie a few kilometres apart; only inside the area the context allows."""
    for key in twin_keys(item.key):
        candidates = [c for c in rank(gazetteer, "", context, key=key, fuzzy=False)
                      if not is_area(c.place) and context.allows_fuzzy(c.place)]
        if candidates:
            item.key, item.known, item.relation, item.candidates = key, True, "near", candidates
            return


def _located_in(norm: str, item: Found) -> frozenset[str]:
    """Unit keys of what the text says a place lies in: "Riesa (Meissen,
    Sachsen)", "Colombo city (Western)", "Tejalpa, Morelos, …"; a candidate
    whose own district or province bears one of these names is the one meant."""
    match = located_in_match(norm, item.end)
    if match is None:
        return frozenset()
    parts = (match.group(1) or match.group(2) or "").split(",")
    # "Colombo (Colombo, Western)": every Colombo lies in a Colombo; the name is no context for itself
    return frozenset(key for part in parts if len(key := unit_key(part.strip())) >= 3 and key != item.key)


_GOVERNORATE_WORD: Final = re.compile(r"\s*(?:countryside|province|governorate|state|region|department|oblast|\))", re.I)


_IN: Final = re.compile(r"\bin\b", re.I)


def _attached_admin1(norm: str, gazetteer, item: Found, following: Found | None) -> set[str]:
    """Governorates of the name right after ``item`` ("X, Idlib", "X in the
    countryside of Idlib"), which speaks for ``item`` even when its sentence
    names other governorates too."""
    gap = norm[item.end:following.start] if following is not None else ""
    if following is None or not attached_gap(gap):
        return set()
    # In a plain list ("Zubairat, Hama and Homs") a comma joins neighbours, not a
    # place and its governorate: without "in", the governorate must say what it is.
    typed = bool(_GOVERNORATE_WORD.match(norm, following.end))
    if not _IN.search(gap) and not typed:
        return set()
    named = gazetteer.by_key(following.key)
    if not typed and any(p.feature == "country" for p in named):
        return set()  # "Tamou in western Niger" is in the country, not in Nigeria's Niger state
    return _typed_admin1(norm, following, [p for p in named if p.feature == "admin1"])


def _typed_admin1(norm: str, item: Found, governorates: list) -> set[str]:
    """The codes of the governorates a name may be, those of the kind the word
    after it names when it names one ("Plateau state" is Nigeria's state, not
    Benin's department: :func:`~marsad.gazetteer.admin.countries_by_unit_word`)."""
    if not governorates:
        return set()
    countries = countries_by_unit_word(norm, item.end, {p.country for p in governorates})
    return {p.admin1_code for p in governorates if p.admin1_code and p.country in countries}


def _home(ctx: DocContext, found: list[Found], anchors_of: dict[int, tuple[float, float]]) -> frozenset[str]:
    """For a document that names no country: the countries of its clear places
    spelt as their own names (not a lone candidate found through an alternate
    name), and, when no country is named even as a topic ("against the Russian
    invasion of Ukraine", which happens elsewhere), those of its country adjectives."""
    home: set[str] = set()
    for position in anchors_of:
        item, place = found[position], found[position].candidates[0].place
        if place.country and own_key(place) == item.key and spelt_alike(place.name, item.word):
            home.add(place.country)
    if not any(item.candidates and item.candidates[0].place.feature == "country" for item in found):
        home |= demonym_countries(ctx.norm)
    return frozenset(home)


def _mention(ctx: DocContext, item: Found, best: Resolution | None) -> PlaceMention:
    identifier, span = ctx.new_id("P"), ctx.span(item.start, item.end)
    if best is None:
        mention = PlaceMention(id=identifier, text=ctx.text[item.start:item.end], span=span, relation=item.relation,
                               rule="places.unresolved", confidence=0.3 if item.cued else 0.1)
        if item.hint is not None:  # not placed, but its governorate is known from the text
            mention.admin1, mention.country = item.hint.admin1, item.hint.country
        if item.unit is not None:
            mention.admin1, mention.country, mention.rule = item.unit.admin1, item.unit.country, "places.iso_unit"
        return mention
    place = best.place
    fields = place.__dict__  # (read once: each read of a place's attribute is a look-up in its type)
    feature: str = fields["feature"]
    geo_precision, where_prec = areas.precision(feature, item.relation)
    # Its fields' dictionary written at once, in the order of its fields (as its __init__ writes it: a
    # dataclass's __init__ is interpreted, a write per field, and most of what a mention cost)
    mention = _NEW(PlaceMention)
    _SET(mention, "__dict__", {
        "id": identifier, "text": ctx.text[item.start:item.end], "span": span, "name": fields["name"],
        "latitude": fields["latitude"], "longitude": fields["longitude"], "admin1": fields["admin1"],
        "admin2": fields["admin2"], "country": fields["country"], "geo_precision": geo_precision,
        "where_prec": where_prec, "gazetteer_id": fields["id"], "feature": feature, "relation": item.relation,
        "resolved": True, "rule": "places.fuzzy" if best.fuzzy else item.rule,
        "confidence": round(_at_most(0.95, 0.5 + 0.1 * _at_most(best.margin, 4.0)) - (0.2 if best.fuzzy else 0.0), 2),
        "admin3": fields["admin3"]})
    return mention


def _at_most(value: float, most: float) -> float:
    """``min(value, most)`` (the first unless the second is less), without a call through Python (compiled)."""
    return most if most < value else value


#: (Final: the compiled code keeps them in C variables, not looked up in the module's dictionary per use)
_NEW: Final = object.__new__
_SET: Final = object.__setattr__


_BETWEEN_BEFORE: Final = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_AND_GAP: Final = re.compile(r"\s+and\s+(?:the\s+)?", re.I)


def _between_mentions(ctx: DocContext, found: list[Found], mentions: list[PlaceMention]) -> list[PlaceMention]:
    """"between A and B" as one area mention at the midpoint of A and B."""
    extra = []
    for first, second, m1, m2 in zip(found, found[1:], mentions, mentions[1:]):
        before = ctx.norm[max(0, first.start - 14): first.start]
        gap = ctx.norm[first.end: second.start]
        between = _BETWEEN_BEFORE.search(before)
        if not between or not _AND_GAP.fullmatch(gap):
            continue
        start = first.start - len(between.group())
        mention = PlaceMention(
            id=ctx.new_id("P"), text=ctx.text[start:second.end], span=ctx.span(start, second.end),
            relation="between", rule="places.between", feature="area",
        )
        point1, point2 = m1.point(), m2.point()
        if m1.resolved and m2.resolved and point1 and point2:
            distance = haversine_km(*point1, *point2)
            mention.latitude = round((point1[0] + point2[0]) / 2, 5)
            mention.longitude = round((point1[1] + point2[1]) / 2, 5)
            mention.name = f"between {m1.name} and {m2.name}"
            mention.admin1 = m1.admin1 if m1.admin1 == m2.admin1 else None
            mention.country = m1.country if m1.country == m2.country else None
            mention.geo_precision, mention.where_prec = (2, 2) if distance <= 50 else (3, 5)
            mention.resolved, mention.confidence = True, round(min(m1.confidence, m2.confidence), 2)
        extra.append(mention)
    return extra
