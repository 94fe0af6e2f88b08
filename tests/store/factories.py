"""Hand-built extractions for storage tests (no extraction pipeline needed)."""

from __future__ import annotations

from datetime import date

from marsad import model as m

REPORT = (
    "Aleppo, 3 March 2021. At least 12 civilians, including 4 children, were killed "
    "when regime aircraft struck the market in Atarib. Clashes near Maarat al-Numan "
    "left 5 fighters of HTS dead."
)


def span_of(text: str, needle: str) -> m.Span:
    start = text.index(needle)
    return m.Span(start, start + len(needle), needle)


def make_extraction(text: str = REPORT, *, version: str = "1.0", document_id: str = "doc") -> m.Extraction:
    """An extraction of :data:`REPORT` with one event, a parent count and its
    "including" child, two places and one actor."""
    place = m.PlaceMention(
        id="P1", text="Atarib", span=span_of(text, "Atarib"), name="Al-Atarib", latitude=36.14,
        longitude=36.83, admin1="Aleppo", country="Syria", resolved=True, rule="gazetteer", confidence=0.9,
    )  # fmt: skip
    other = m.PlaceMention(id="P2", text="Maarat al-Numan", span=span_of(text, "Maarat al-Numan"), admin1="Idlib")
    actor = m.ActorMention(id="A1", text="regime", span=span_of(text, "regime"), name="Syrian regime forces")
    parent = m.Casualty(
        id="C1", outcome="killed", count=12, low=12, qualifier="at_least", victims="civilians",
        perpetrator=["Syrian regime forces"], cause="airstrike", place_ids=["P1"],
        span=span_of(text, "civilians"), rule="casualty.count",
        period=m.DateValue(date(2021, 3, 3), date(2021, 3, 3), 1),
    )  # fmt: skip
    child = m.Casualty(
        id="C2", outcome="killed", count=4, victims="civilians", victim_group="children", part_of="C1",
        span=span_of(text, "4 children"), rule="casualty.including",
    )  # fmt: skip
    event = m.Event(
        id="E1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        event_date=date(2021, 3, 3), date=m.DateValue(date(2021, 3, 3), date(2021, 3, 3), 1),
        actor1="Military Forces of Syria", location="Al-Atarib", admin1="Aleppo", country="Syria",
        fatalities=12, casualty_ids=["C1", "C2"], place_ids=["P1"], span=span_of(text, "regime aircraft struck"),
    )  # fmt: skip
    clash = m.Event(
        id="E2", event_type="Battles", sub_event_type="Armed clash", event_date=date(2021, 3, 3),
        location="Maarat al-Numan", admin1="Idlib", fatalities=5, place_ids=["P2"],
    )  # fmt: skip
    return m.Extraction(
        document_id=document_id, published=date(2021, 3, 3), source="TEST", language="en",
        events=[event, clash], casualties=[parent, child], places=[place, other], actors=[actor],
        pipeline={"name": "marsad-test", "version": version, "components": {"numbers": "1"}},
    )
