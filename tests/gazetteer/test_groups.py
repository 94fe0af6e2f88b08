"""The shortcuts of ranking give the answers of the plain tests they replace:
places grouped by governorate, country and latitude; anchors walked by
latitude, with answers shared per set of anchors; the neighbour term that stops
at the step the nearest anchor decides; a ranking whose Arabic-name
candidates were narrowed by the groups first; the distance without boxed
squares; and the spelling of an ASCII name without regular expressions."""

from __future__ import annotations

import math
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.gazetteer import resolve, spelling
from marsad.gazetteer.groups import PlaceGroups, Points, points_of
from marsad.gazetteer.index import Place
from marsad.gazetteer.keys import ARTICLES, place_key
from marsad.gazetteer.resolve import Context, haversine_km, rank

_LATITUDE = st.floats(min_value=30.0, max_value=40.0)
_LONGITUDE = st.floats(min_value=33.0, max_value=45.0)
_POINT = st.tuples(_LATITUDE, _LONGITUDE)


def _place(number: int, latitude: float, longitude: float, admin1: str | None = "SY.07", country: str = "SY",
           name: str = "Place") -> Place:
    return Place(f"t:{number}", name, country, None, admin1, None, latitude, longitude, "town", 0, 0, "bundled")


@given(st.lists(st.tuples(_POINT, st.sampled_from(["SY.01", "SY.07", "IQ.03", None]),
                          st.sampled_from(["SY", "IQ"])), max_size=40),
       st.floats(min_value=29.0, max_value=41.0), st.floats(min_value=0.0, max_value=5.0))
def test_groups_find_exactly_the_places_of_a_governorate_country_or_band(rows, low, width):
    places = tuple(_place(n, lat, lon, admin1, country) for n, ((lat, lon), admin1, country) in enumerate(rows))
    groups = PlaceGroups(places)
    assert groups.in_admin1({"SY.07", "IQ.03"}) == {n for n, p in enumerate(places) if p.admin1_code in ("SY.07", "IQ.03")}
    assert groups.in_admin1(set()) == set()
    assert groups.in_countries({"IQ"}) == {n for n, p in enumerate(places) if p.country == "IQ"}
    assert groups.in_latitudes(low, low + width) == {n for n, p in enumerate(places) if low <= p.latitude <= low + width}


@given(st.lists(_POINT, max_size=30), _LATITUDE)
def test_points_are_walked_by_growing_latitude_gap(anchors, latitude):
    walked = list(Points(tuple(anchors)).outward(latitude))
    assert sorted((lat, lon) for _, lat, lon in walked) == sorted(anchors)
    gaps = [gap for gap, _, _ in walked]
    assert gaps == sorted(gaps) and all(gap == abs(latitude - lat) for gap, lat, _ in walked)


def _plain_neighbour_points(place: Place, anchors: list[tuple[float, float]]) -> float:
    """The neighbour term as it was: the nearest anchor within 500 km's band, measured every time."""
    limit, nearest = 500 / resolve._KM_PER_DEGREE, math.inf
    for lat, lon in anchors:
        if abs(place.latitude - lat) <= limit:
            nearest = min(nearest, haversine_km(place.latitude, place.longitude, lat, lon))
    return 2.0 if nearest < 30 else 1.0 if nearest < 100 else -1.0 if nearest > 500 else 0.0


def _plain_near(place: Place, anchors: list[tuple[float, float]], km: float) -> bool:
    return any(haversine_km(place.latitude, place.longitude, lat, lon) < km for lat, lon in anchors)


@settings(max_examples=300)
@given(st.lists(_POINT, min_size=1, max_size=25), _POINT)
def test_the_neighbour_term_and_the_nearness_test_are_those_of_every_anchor_measured(anchors, point):
    place = _place(0, *point)
    points = Points(tuple(anchors))
    assert resolve._neighbour_points(place, points) == _plain_neighbour_points(place, anchors)
    assert resolve._neighbour_points(place, points) == _plain_neighbour_points(place, anchors)  # answered again
    for km in (30, 50):
        assert resolve._near_anchor(place, points, km) == _plain_near(place, anchors, km)


def test_the_neighbour_term_at_each_step():
    # one degree of latitude is 111.19 km on haversine_km's sphere
    anchors = [(35.0, 38.0)]
    for degrees, expected in ((0.2, 2.0), (0.5, 1.0), (2.0, 0.0), (4.6, -1.0), (6.0, -1.0)):
        place = _place(0, 35.0 + degrees, 38.0)
        assert resolve._neighbour_points(place, Points(tuple(anchors))) == expected
    # the nearest counts, wherever it stands in the list
    far_first = [(39.0, 38.0), (36.0, 38.0), (35.1, 38.0)]
    assert resolve._neighbour_points(_place(0, 35.0, 38.0), Points(tuple(far_first))) == 2.0


def test_a_context_whose_anchors_grow_measures_the_new_ones():
    context = Context(anchors=[(30.0, 40.0)])
    place = _place(0, 35.0, 38.0)
    assert resolve.score(place, context) == resolve.score(place, Context(anchors=[(30.0, 40.0)]))
    context.anchors.append((35.01, 38.0))  # as context_near adds the place the user names
    assert context.anchor_points() is points_of(((30.0, 40.0), (35.01, 38.0)))
    assert resolve.score(place, context) == resolve.score(place, Context(anchors=list(context.anchors)))
    context.anchors[0] = (35.0, 38.0)  # changed in place
    assert context.anchor_points() is points_of(((35.0, 38.0), (35.01, 38.0)))


_KEY = place_key("Sawdah")


class _Gazetteer:
    """An exact candidate for "Sawdah" (through another of its names, unless ``own_name``), and many places
    found through their Arabic name."""

    def __init__(self, arabic: tuple[Place, ...], own_name: bool = False) -> None:
        self.exact = (_place(1000, 35.0, 38.0, name="Sawda" if own_name else "Sawdah al-Kabira"),)
        self.arabic = arabic

    def by_key(self, key: str) -> tuple[Place, ...]:
        return self.exact if key == _KEY else ()

    def by_arabic_skeleton(self, skel: str) -> tuple[Place, ...]:
        return self.arabic if skel else ()

    def arabic_groups(self, skel: str) -> PlaceGroups:
        return PlaceGroups(self.by_arabic_skeleton(skel))

    def arabic_places(self, skel: str, places: list) -> list[Place]:
        return list(places)

    def by_skeleton(self, skel: str) -> tuple[Place, ...]:
        return ()


def _ranked(gazetteer, context: Context) -> list[tuple[str, float, float]]:
    return [(r.place.id, r.score, r.margin) for r in rank(gazetteer, "", context, key=_KEY, fuzzy=False)]


@settings(max_examples=60)
@given(st.lists(st.tuples(_POINT, st.sampled_from(["SY.01", "SY.07", "SY.09", None]),
                          st.sampled_from(["SY", "IQ"])), min_size=9, max_size=40),
       st.lists(_POINT, max_size=4), st.sampled_from([set(), {"SY.07"}]), st.sampled_from([set(), {"IQ"}]))
def test_ranking_through_the_groups_is_ranking_every_arabic_candidate(rows, anchors, named, countries):
    arabic = tuple(_place(n, lat, lon, admin1, country, name="Sawdah")
                   for n, ((lat, lon), admin1, country) in enumerate(rows))
    gazetteer = _Gazetteer(arabic)

    def context() -> Context:
        return Context(countries=set(countries), sentence_admin1=set(named), anchors=list(anchors))

    grouped = _ranked(gazetteer, context())
    saved, resolve._FEW_CANDIDATES = resolve._FEW_CANDIDATES, 10**6  # every candidate tested one by one
    try:
        assert grouped == _ranked(gazetteer, context())
    finally:
        resolve._FEW_CANDIDATES = saved


def test_arabic_candidates_come_through_the_groups_by_governorate_and_by_anchor():
    arabic = tuple(_place(n, 30.0 + n, 38.0, f"SY.{n:02d}", name="Sawdah") for n in range(12))
    gazetteer = _Gazetteer(arabic)
    by_governorate = {id_ for id_, _, _ in _ranked(gazetteer, Context(sentence_admin1={"SY.03"}))}
    assert by_governorate == {"t:1000", "t:3"}
    by_anchor = {id_ for id_, _, _ in _ranked(gazetteer, Context(anchors=[(35.1, 38.0)]))}
    assert by_anchor == {"t:1000", "t:5"}


def test_another_spelling_where_a_town_of_the_country_has_the_name_as_written_needs_its_governorate_named():
    arabic = tuple(_place(n, 30.0 + n, 38.0, f"SY.{n:02d}", name="Sawdah") for n in range(12))
    gazetteer = _Gazetteer(arabic, own_name=True)
    assert {id_ for id_, _, _ in _ranked(gazetteer, Context(anchors=[(35.1, 38.0)]))} == {"t:1000"}
    assert {id_ for id_, _, _ in _ranked(gazetteer, Context(document_admin1={"SY.03"}))} == {"t:1000"}
    assert {id_ for id_, _, _ in _ranked(gazetteer, Context(sentence_admin1={"SY.03"}))} == {"t:1000", "t:3"}


@given(_LATITUDE, _LONGITUDE, st.floats(min_value=-90.0, max_value=90.0), st.floats(min_value=-180.0, max_value=180.0))
def test_the_distance_is_the_haversine_of_squares(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    assert haversine_km(lat1, lon1, lat2, lon2) == 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


_PLAIN_WORDS = re.compile(r"[\s\-‐‑–—_'’‘ʿʾ]+")


def _plain_spelling(name: str) -> str:
    """The spelling that breaks ties between namesakes, as the regular expressions give it (an ASCII name has
    nothing to fold)."""
    words = (re.sub("[^a-z]+", "", unicodedata.normalize("NFKD", word.lower())) for word in _PLAIN_WORDS.split(name))
    return re.sub(r"(?<=[aeiou])h$", "", "".join(word for word in words if word and word not in ARTICLES))


_NAME_PARTS = st.sampled_from(["Al", "as", "Ash", "Sa", "mawah", "Deir", "ez", "Zor", "h", "ah", "1", "-", " ", "'",
                               "_", "\x1c", "\t", ".", "(", "Qaryat"])


@given(st.lists(_NAME_PARTS, max_size=8).map("".join) | st.text(st.characters(max_codepoint=127), max_size=16))
def test_an_ascii_name_is_spelt_as_the_regular_expressions_spell_it(name):
    assert spelling.spelling_key_of(name) == _plain_spelling(name)
    assert spelling.letters_of(name) == re.sub("[^a-z]+", "", name.lower())


@given(st.lists(st.tuples(st.sampled_from([0.0, -0.0, 1.5, 1.5000000001, 2.25, -1.0]),
                          st.sampled_from(["t:1", "t:2", "t:3"])), max_size=80))
def test_candidates_come_best_first_then_by_id_as_a_stable_sort_orders_them(rows):
    scored = [resolve.Resolution(_place(number, 35.0, 38.0), value) for number, (value, _) in enumerate(rows)]
    ids = [place_id for _, place_id in rows]
    expected = [scored[position] for position in sorted(range(len(rows)), key=lambda n: (-rows[n][0], rows[n][1]))]
    assert resolve._best_first(scored, ids) == expected
    assert [id(item) for item in resolve._best_first(scored, ids)] == [id(item) for item in expected]


@given(st.text(alphabet="abcde", max_size=12), st.text(alphabet="abcde", max_size=12), st.integers(0, 5))
def test_a_spelling_within_some_edits_is_one_whose_edit_distance_is_at_most_that(key, other, most):
    assert spelling.within_edits(key, other, most) == (spelling.edit_distance(key, other) <= most)
