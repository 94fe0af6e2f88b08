"""Places and points indexed for the area tests of disambiguation.

A short consonant skeleton (:attr:`~marsad.gazetteer.index.Gazetteer.arabic_groups`)
meets dozens of places across the Arabic-speaking world, and a name is ranked
two or three times per report; testing each of them against the context
(:meth:`~marsad.gazetteer.resolve.Context.allows_arabic`) kept 165 of 63,677 on
1,000 ACLED notes. :class:`PlaceGroups` answers "which of them lie in these
governorates, these countries, or this band of latitude" with dictionary
look-ups and bisection; callers still apply the exact test to what comes back,
so it only needs to return a superset. :class:`Points` orders the anchors
(resolved places) a candidate's distance is measured to.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from marsad.gazetteer.index import Place


class PlaceStub(NamedTuple):
    """What :class:`PlaceGroups` and :meth:`~marsad.gazetteer.resolve.Context.allows_arabic`
    read of a place, and the file (schema) to read the rest from: a lookup's
    row before its place is built (only the few places allowed are)."""

    id: str
    admin1_code: str | None
    country: str | None
    latitude: float
    longitude: float
    name: str
    schema: str


class PlaceGroups:
    """The places of one lookup (or their stubs), by governorate code, by country, and in order of latitude.

    Each index is built when first asked for: a lookup of a few places is
    tested place by place and never asks (see ``resolve``), and most contexts
    ask for one or two of the three."""

    __slots__ = ("places", "_by_admin1", "_by_country", "_latitudes", "_by_latitude")

    def __init__(self, places: Sequence[Place | PlaceStub]) -> None:
        self.places = places
        self._by_admin1: dict[str, list[int]] | None = None
        self._by_country: dict[str | None, list[int]] | None = None
        self._latitudes: list[float] = []
        self._by_latitude: list[int] | None = None

    def __len__(self) -> int:
        return len(self.places)

    def in_admin1(self, codes: Collection[str]) -> set[int]:
        """Positions of the places in these governorates ("SY.07")."""
        if not codes:  # (most names' contexts: no set to build)
            return set()
        by_admin1 = self._by_admin1
        if by_admin1 is None:
            by_admin1 = self._by_admin1 = {}
            for position, place in enumerate(self.places):
                code = place.admin1_code
                if code:
                    _append(by_admin1, code, position)
        return {position for code in codes for position in by_admin1.get(code, ())}

    def in_countries(self, countries: Iterable[str | None]) -> set[int]:
        """Positions of the places in these countries (ISO codes)."""
        by_country = self._by_country
        if by_country is None:
            by_country = self._by_country = {}
            for position, place in enumerate(self.places):
                _append(by_country, place.country, position)
        return {position for country in countries for position in by_country.get(country, ())}

    def in_latitudes(self, low: float, high: float) -> set[int]:
        """Positions of the places whose latitude lies in ``[low, high]``."""
        order = self._by_latitude
        if order is None:
            # (positions sorted by their latitudes, read by the list's own __getitem__, a C function: no
            # call through Python per place, nor a new pair per place; stable, a tie in latitude stays
            # in order of position)
            latitudes: list[float] = [place.latitude for place in self.places]
            order = self._by_latitude = sorted(range(len(latitudes)), key=latitudes.__getitem__)
            self._latitudes = [latitudes[position] for position in order]
        return set(order[bisect_left(self._latitudes, low):bisect_right(self._latitudes, high)])


def _append(positions: dict, key: str | None, position: int) -> None:
    """``positions.setdefault(key, []).append(position)`` without its miss's cost (compiled, a
    setdefault that misses raises and clears a KeyError; most keys here are new)."""
    found = positions.get(key)
    if found is None:
        positions[key] = [position]
    else:
        found.append(position)


class Points:
    """Points (latitude, longitude) in order of latitude, visited from a given
    latitude outwards: the nearest in latitude first, so that a search for the
    nearest point (or for any within a distance) stops at the first one further
    apart in latitude alone than what it still looks for. Asked for every
    candidate of every name of a report that has dozens of resolved places."""

    __slots__ = ("answers", "single", "_latitudes", "_points")

    def __init__(self, points: tuple[tuple[float, float], ...]) -> None:
        self._points = sorted(points)
        self._latitudes = [lat for lat, _ in self._points]
        #: the one point when there is one (most documents' anchors): measured without a search
        self.single: tuple[float, float] | None = self._points[0] if len(self._points) == 1 else None
        #: what callers worked out from these points for a place, by its position and the question
        #: (a report's names share their candidates, and every name of it the anchors)
        self.answers: dict[tuple, float] = {}

    def __len__(self) -> int:
        return len(self._points)

    def outward(self, latitude: float) -> Iterator[tuple[float, float, float]]:
        """(latitude gap, latitude, longitude) of every point, by growing gap (:class:`Walk`'s steps)."""
        walk = Walk(self, latitude)
        while True:
            gap = walk.next()
            if walk.done:
                return
            yield gap, walk.latitude, walk.longitude

    def walk(self, latitude: float) -> Walk:
        """:meth:`outward` without a tuple of new floats per point (a search for the nearest point
        measures a report's every candidate against its anchors)."""
        return Walk(self, latitude)


class Walk:
    """The points of :class:`Points` from a latitude outwards: :meth:`next` gives the gap in latitude to
    the next point, nearest first, and leaves the point in :attr:`latitude` and :attr:`longitude`."""

    __slots__ = ("latitude", "longitude", "done", "_from", "_latitudes", "_points", "_above", "_below")

    def __init__(self, points: Points, latitude: float) -> None:
        self._latitudes, self._points, self._from = points._latitudes, points._points, latitude
        self._above = bisect_left(self._latitudes, latitude)
        self._below = self._above - 1
        self.latitude = self.longitude = math.nan
        #: every point was given (:meth:`next` then answers infinity)
        self.done = False

    def next(self) -> float:
        latitudes, latitude, above, below = self._latitudes, self._from, self._above, self._below
        up = latitudes[above] - latitude if above < len(latitudes) else math.inf
        down = latitude - latitudes[below] if below >= 0 else math.inf
        if up <= down:
            if up == math.inf:
                self.done = True
                return up
            self.latitude, self.longitude = self._points[above]
            self._above = above + 1
            return up
        self.latitude, self.longitude = self._points[below]
        self._below = below - 1
        return down


@lru_cache(maxsize=16)
def points_of(anchors: tuple[tuple[float, float], ...]) -> Points:
    """:class:`Points` of these anchors, one per set of anchors: a report's
    names are all ranked with the same ones, and share what was measured."""
    return Points(anchors)
