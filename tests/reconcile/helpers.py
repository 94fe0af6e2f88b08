"""Hand-built reports for reconciliation tests (no extraction pipeline)."""

from __future__ import annotations

from datetime import date

from marsad import model as m


def span_of(text: str, needle: str) -> m.Span:
    start = text.index(needle)
    return m.Span(start, start + len(needle), needle)


def strike_report(
    *,
    doc: str,
    day: date,
    town: str,
    killed: int,
    qualifier: str | None = None,
    published: date | None = None,
    source: str = "Monitor A",
    target: str = "a market",
    sub_event_type: str = "Air/drone strike",
    perpetrator: str = "Syrian regime forces",
    admin1: str = "Idlib",
    children: int | None = None,
    version: str = "test-1",
) -> tuple[str, m.Extraction]:
    """One document (its text and extraction) reporting one strike with its civilian death toll."""
    lead = "at least " if qualifier == "at_least" else ""
    text = (
        f"{town}, {day:%d %B %Y}. Warplanes struck {target} in {town}, killing {lead}{killed} civilians"
        + (f", including {children} children" if children else "")
        + f". Residents said the strike hit {target} at midday."
    )
    casualties = [
        m.Casualty(
            id="C1", outcome="killed", count=killed, low=killed, high=None if qualifier else killed,
            qualifier=qualifier or "exact", victims="civilians", perpetrator=[perpetrator], cause="airstrike",
            span=span_of(text, f"{killed} civilians"), period=m.DateValue(day, day, 1),
        )
    ]  # fmt: skip
    if children:
        casualties.append(
            m.Casualty(id="C2", outcome="killed", count=children, low=children, high=children, victims="civilians",
                       victim_group="children", part_of="C1", span=span_of(text, f"{children} children"))
        )  # fmt: skip
    event = m.Event(
        id="E1", event_type="Explosions/Remote violence", sub_event_type=sub_event_type, event_date=day,
        date=m.DateValue(day, day, 1), actor1=perpetrator, location=town, admin1=admin1, country="Syria",
        fatalities=killed, casualty_ids=[c.id for c in casualties], span=span_of(text, "Warplanes struck"),
    )  # fmt: skip
    return text, m.Extraction(
        document_id=doc, published=published or day, source=source, language="en", events=[event],
        casualties=casualties, pipeline={"name": "marsad-test", "version": version},
    )  # fmt: skip


def store(session, report: tuple[str, m.Extraction], *, reliability: str | None = None) -> int:
    """Store one document and its extraction; returns the document id."""
    from marsad.store import repository as repo

    text, extraction = report
    source = repo.get_or_create_source(session, extraction.source, reliability=reliability)
    stored = repo.add_document(session, text=text, source=source, published=extraction.published, external_id=extraction.document_id)
    document = stored.document
    repo.add_extraction(session, document, extraction)
    return document.id
