"""How a trigger set of the event-type rules is scanned: its plan (:func:`scan_plan`, each step a run of its
alternatives, lowered where it can be, gathered by first letter and keyed by the words its matches begin with),
worked out once per set, and the first match of a set in a short window (:func:`first_start`)."""

from __future__ import annotations

import re

from marsad.extract.casefold import derived, lowered_pattern
from marsad.extract.wordscan import (
    FirstWords,
    Keys,
    alternative_keys,
    alternative_runs,
    first_chars,
    first_word_runs,
    first_words,
    grouped,
    space_led,
)

#: A step of a set's scan: the pattern (its alternatives gathered by first letter, wordscan.grouped), its
#: space-led form, the characters its matches begin with, whether it reads the lower-cased text, and then
#: the words its matches begin with (when known), else the keys of each of its alternatives (when each has
#: some: a document without those of any has no match).
Step = tuple[re.Pattern, re.Pattern | None, frozenset[str] | None, bool, FirstWords | None, list[list[Keys]] | None]
_PLANS: dict[int, tuple[re.Pattern, list[Step]]] = {}


def scan_plan(pattern: re.Pattern) -> list[Step]:
    """How :class:`TriggerScan` scans a set once lowered patterns are in use: a
    step per run of alternatives (one run unless the set has a case-sensitive part,
    :func:`~marsad.extract.wordscan.alternative_runs`), each the pattern to scan
    (lowered when it can be: same spans, about twice as fast, see casefold), its
    space-led form, the characters its matches begin with
    (:func:`~marsad.extract.wordscan.first_chars`) and whether it reads the
    lower-cased text. Worked out once per
    set, not per document: each look-up costs as much as scanning a short note."""
    return derived(pattern, _PLANS, _scan_plan)


def _scan_plan(pattern: re.Pattern) -> list[Step]:
    plan = []
    for scanned, lowered in lowered_runs(pattern):
        # (first words: of a lowered run only, the words of the lower-cased text being known; a run without
        # them is cut further where some of its alternatives have them)
        first = first_words(scanned) if lowered else None
        parts = first_word_runs(scanned) if lowered and first is None else None
        for part in parts or [scanned]:
            known = first if parts is None else first_words(part)
            keys = alternative_keys(part) if known is None else None
            scanned_part = grouped(part)  # (the same matches at every position, each tried in fewer steps)
            plan.append((scanned_part, space_led(scanned_part), first_chars(scanned_part), lowered, known,
                         keys[0] if keys is not None and not keys[1] else None))
    return plan


_RUNS: dict[int, tuple[re.Pattern, list[tuple[re.Pattern, bool]]]] = {}


def lowered_runs(pattern: re.Pattern) -> list[tuple[re.Pattern, bool]]:
    """A set's runs of alternatives (one unless it has a case-sensitive part,
    :func:`~marsad.extract.wordscan.alternative_runs`), each lowered where it can be, and
    whether it was: what :func:`first_start` searches a short window with (each step of a
    :func:`scan_plan` is a search there; the plan cuts these runs further)."""
    return derived(pattern, _RUNS, _lowered_runs)


def _lowered_runs(pattern: re.Pattern) -> list[tuple[re.Pattern, bool]]:
    runs = [pattern] if lowered_pattern(pattern) is not None else alternative_runs(pattern) or [pattern]
    out = []
    for run in runs:
        lowered = lowered_pattern(run)
        out.append((run, False) if lowered is None else (lowered, True))
    return out


def first_start(pattern: re.Pattern, text: str, folded: str | None) -> int | None:
    """Where ``pattern.search(text)`` finds its match (None: none), read from the set's
    :func:`lowered_runs` on ``folded`` (``text`` lower-cased, or None): each run of its
    alternatives searched apart, the first start found winning, and at one start the
    earlier run, as in the set's own alternation."""
    if folded is None:
        found = pattern.search(text)
        return found.start() if found is not None else None
    best = None
    for run, lowered in lowered_runs(pattern):
        found = grouped(run).search(folded if lowered else text)
        if found is not None and (best is None or found.start() < best):
            best = found.start()
    return best
