"""Span look-ups in logarithmic time, for components that ask, for every
clause or candidate, which facts start inside it or whether it overlaps a
blocked span. A scan per question made extraction quadratic in document length
(issue 14); these answer from an index built once per list.

An index is cached by the list's identity and length: the cache holds the list
itself (so its id cannot be reused while cached) and a list that grew is indexed
again. Do not replace items of a list in place while querying it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any, Final

from marsad.model import Span

_CACHE_SIZE: Final = 32
# (Final: the compiled code keeps them in C variables, where a module global is a dictionary look-up each time)
_STARTS: Final[dict[tuple[int, Any], tuple[Sequence, int, list[int], list[int]]]] = {}
_OVERLAPS: Final[dict[int, tuple[Sequence, int, list[int], list[int]]]] = {}


def fact_span(item: Any) -> Any:
    """The span of a fact (a casualty, date, place, actor …): ``item.span``."""
    return item.span


#: fact_span itself, as the compiled code keeps it (compared with the function a caller passes)
_FACT_SPAN: Final = fact_span


def stated_span(fact: Any) -> Span:
    """The span of an extracted fact. Extraction states every fact with one, so
    a fact without it is a bug, reported here rather than as a ``None`` later."""
    span = fact.span
    if span is None:
        raise ValueError(f"{type(fact).__name__} {getattr(fact, 'id', '')} has no span: extracted facts always have one")
    return span


#: A list this short is read through: each question costs less than looking up its index.
_SCANNED: Final = 8


def starting_within(items: Sequence, start: int, end: int, span_of: Callable[[Any], Any] = fact_span) -> list:
    """The items whose span (``span_of(item)``, None skipped) starts in ``[start, end)``, in list order."""
    spans_read = span_of is _FACT_SPAN  # (each item's span read here, not through a call of fact_span)
    if len(items) <= _SCANNED:  # (most of a note's lists: its dates, places, actors, counts)
        if spans_read:
            return [item for item in items if (span := item.span) is not None and start <= span.start < end]
        return [item for item in items if (span := span_of(item)) is not None and start <= span.start < end]
    key = (id(items), span_of)
    entry = _STARTS.get(key)
    if entry is None or entry[0] is not items or entry[1] != len(items):
        spans = [item.span for item in items] if spans_read else [span_of(item) for item in items]
        pairs = sorted((span.start, i) for i, span in enumerate(spans) if span is not None)
        entry = (items, len(items), [s for s, _ in pairs], [i for _, i in pairs])
        _remember(_STARTS, key, entry)
    starts, order = entry[2], entry[3]
    low, high = bisect_left(starts, start), bisect_left(starts, end)
    if high - low <= 1:  # (most windows hold one item or none: no slice and sort)
        return [items[order[low]]] if high > low else []
    return [items[i] for i in sorted(order[low:high])]


def overlaps_any(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps any of ``spans`` (``(start, end)`` pairs, in any order)."""
    entry = _OVERLAPS.get(id(spans))
    if entry is None or entry[0] is not spans or entry[1] != len(spans):
        ordered = sorted(spans)
        reach, furthest = [], -1  # reach[i]: the furthest end among the first i+1 spans by start
        for _, span_end in ordered:
            furthest = max(furthest, span_end)
            reach.append(furthest)
        entry = (spans, len(spans), [s for s, _ in ordered], reach)
        _remember(_OVERLAPS, id(spans), entry)
    starts, reach = entry[2], entry[3]
    before = bisect_left(starts, end)  # spans that start before ``end``
    return before > 0 and reach[before - 1] > start


def _remember(cache: dict, key: Any, entry: tuple) -> None:
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[key] = entry
