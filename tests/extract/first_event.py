"""The sub-event type of a report's first event, for the typing tests (the event a reader of the report is told
first, as the news and ACLED benchmarks score it)."""

from __future__ import annotations

from marsad.extract import extract_text


def first_sub_type(text: str) -> str | None:
    events = extract_text(text).events
    return events[0].sub_event_type if events else None
