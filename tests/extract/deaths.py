"""The deaths a report's events count, for the counting tests (each death once: the events' fatalities are the
ledger's total)."""

from __future__ import annotations

from datetime import date

from marsad.counting import total
from marsad.extract import extract_text


def deaths_in(text: str, published: date) -> int:
    """The sum of the events' fatalities, checked against the ledger's total of the counts."""
    extraction = extract_text(text, published=published)
    events = sum(e.fatalities for e in extraction.events)
    assert events == total(extraction.casualties)
    return events
