"""A tiny stand-in for the extraction pipeline, so that ingest tests control
exactly which facts each document yields (and how long extraction takes)."""

from __future__ import annotations

import re
import time

from marsad import model as m

PATTERN = re.compile(r"(\d+) civilians were killed in (\w+)")


class FakeExtractor:
    """One event, one casualty and one place per "N civilians were killed in X"."""

    def __init__(self, version: str = "1", delay: float = 0.0, fail_on: str | None = None):
        self.version, self.delay, self.fail_on = version, delay, fail_on
        self.calls = 0

    @property
    def pipeline(self) -> dict:
        return {"name": "fake", "version": self.version}

    def __call__(self, document) -> m.Extraction:
        self.calls += 1
        if self.delay:
            time.sleep(self.delay)
        text = document.text
        if self.fail_on and self.fail_on in text:
            raise RuntimeError(f"extractor crashed on {self.fail_on!r}")
        extraction = m.Extraction(document_id=document.raw.origin, pipeline=self.pipeline)
        for n, match in enumerate(PATTERN.finditer(text), start=1):
            place = m.PlaceMention(id=f"P{n}", text=match.group(2), span=m.Span.of(text, *match.span(2)))
            casualty = m.Casualty(id=f"C{n}", outcome="killed", count=int(match.group(1)), victims="civilians",
                                  place_ids=[place.id], span=m.Span.of(text, *match.span()))
            event = m.Event(id=f"E{n}", event_type="Violence against civilians", sub_event_type="Attack",
                            location=match.group(2), fatalities=casualty.count, casualty_ids=[casualty.id],
                            place_ids=[place.id], span=casualty.span)
            extraction.places.append(place)
            extraction.casualties.append(casualty)
            extraction.events.append(event)
        return extraction


def report(n: int, place: str = "Hajin", count: int | None = None) -> str:
    """A distinct English report with ``n % 3 + 1`` incidents."""
    lines = [f"Report number {n}. The observatory documented the following incidents in the area today."]
    for k in range(n % 3 + 1):
        lines.append(f"In the morning {count or n + k + 1} civilians were killed in {place}{k} by shelling.")
    return "\n".join(lines)
