from __future__ import annotations

import random
from dataclasses import dataclass

from marsad.extract.spans import starting_within
from marsad.model import Span


@dataclass
class _Fact:
    span: Span | None


def _spans(rng: random.Random, count: int) -> list[_Fact]:
    facts = []
    for _ in range(count):
        start = rng.randrange(0, 200)
        facts.append(_Fact(None if rng.random() < 0.1 else Span(start, start + rng.randrange(1, 20), "x")))
    return facts


def test_starting_within_gives_the_items_starting_in_the_range_in_list_order_short_or_long():
    rng = random.Random(3)
    for count in (0, 1, 3, 8, 9, 40):  # read through, and indexed
        facts = _spans(rng, count)
        for _ in range(50):
            start = rng.randrange(-5, 210)
            end = start + rng.randrange(0, 80)
            expected = [f for f in facts if f.span is not None and start <= f.span.start < end]
            assert starting_within(facts, start, end) == expected
            assert starting_within(facts, start, end, lambda fact: fact.span) == expected
