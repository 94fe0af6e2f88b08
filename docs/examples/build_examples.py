"""Rebuild the committed examples (bulletin PDF, map PNG, chart PNG) from a
small archive of invented reports written for this purpose.

    python docs/examples/build_examples.py
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from marsad import model
from marsad.publish.charts import draw_deaths_chart
from marsad.publish.maps import draw_incident_map
from marsad.publish.records import Scope, iter_event_records
from marsad.publish.render import write_bulletin
from marsad.publish.report import build_bulletin
from marsad.store import open_database, repository

HERE = Path(__file__).resolve().parent
START, END = date(2019, 3, 1), date(2019, 4, 30)
# (day offset, place, lat, lon, actor1, actor2, type, sub-type, deaths, victims, affiliation)
INCIDENTS = [
    (2, "Hajin", 34.6951, 40.8314, "International Coalition", "ISIS", "Explosions/Remote violence", "Air/drone strike", 9, "combatants", "ISIS"),
    (5, "As Susah", 34.5337, 40.9582, "International Coalition", "Civilians (Syria)", "Explosions/Remote violence", "Air/drone strike", 6, "civilians", None),
    (9, "Al-Baghuz Fawqani", 34.4586, 40.9506, "SDF", "ISIS", "Battles", "Armed clash", 14, "combatants", "ISIS"),
    (13, "Hajin", 34.6951, 40.8314, "ISIS", "SDF", "Battles", "Armed clash", 8, "combatants", "SDF"),
    (18, "Al Bu Badran", 34.5535, 40.9532, "International Coalition", "Civilians (Syria)", "Explosions/Remote violence", "Air/drone strike", 11, "civilians", None),
    (24, "Al-Shafah", 34.5730, 40.9200, "SDF", "Civilians (Syria)", "Explosions/Remote violence", "Shelling/artillery/missile attack", 3, "civilians", None),
    (31, "Al-Baghuz Tahtani", 34.4322, 40.9923, "SDF", "ISIS", "Battles", "Armed clash", 22, "combatants", "ISIS"),
    (38, "Deir ez-Zor", 35.3359, 40.1408, "ISIS", "Civilians (Syria)", "Violence against civilians", "Attack", 4, "civilians", None),
    (44, "Al Mayadin", 35.0195, 40.4517, "ISIS", "Military Forces of Syria (2000-)", "Explosions/Remote violence", "Remote explosive/landmine/IED", 5, "combatants", "Syrian army"),
    (52, "Abu Kamal", 34.4530, 40.9180, "Unidentified Armed Group (Syria)", "Civilians (Syria)", "Violence against civilians", "Attack", 2, "civilians", None),
]


def incident_report(index: int, incident) -> tuple[str, model.Extraction]:
    offset, place, lat, lon, actor1, actor2, event_type, sub_type, deaths, victims, affiliation = incident
    day = START + timedelta(days=offset)
    who = "civilians" if victims == "civilians" else f"{affiliation} fighters"
    text = (f"On {day:%-d %B %Y}, {actor1} forces were involved in an incident in {place} ({sub_type.lower()}); "
            f"our monitors counted {deaths} {who} killed.")
    start = text.index(f"{deaths} {who} killed")
    span = model.Span(start, start + len(f"{deaths} {who} killed"), f"{deaths} {who} killed")
    event_span = model.Span(0, text.index(";"), text[: text.index(";")])
    extraction = model.Extraction(
        document_id=f"ex-{index}", published=day + timedelta(days=1), pipeline={"name": "example", "version": "1"},
        events=[model.Event(id="E1", event_type=event_type, sub_event_type=sub_type, event_date=day,
                            date=model.DateValue(day, day, 1), actor1=actor1, actor2=actor2, location=place,
                            admin1="Deir ez-Zor", country="Syria", latitude=lat, longitude=lon, geo_precision=1,
                            fatalities=deaths, casualty_ids=["C1"], span=event_span)],
        casualties=[model.Casualty(id="C1", outcome="killed", count=deaths, victims=victims, affiliation=affiliation,
                                   perpetrator=[actor1], span=span)],
    )
    return text, extraction


def monthly_tally() -> tuple[str, model.Extraction]:
    text = ("Monthly report: between the 1st of March and the 30th of April 2019 our monitors documented the deaths "
            "of at least 61 civilians in Deir ez-Zor province, including 9 children and 6 women, and of 410 ISIS "
            "members, including 250 killed in April.")
    period = model.DateValue(START, END, 5)

    def span(fragment):
        start = text.index(fragment)
        return model.Span(start, start + len(fragment), fragment)

    extraction = model.Extraction(
        document_id="ex-monthly", published=END, pipeline={"name": "example", "version": "1"},
        casualties=[
            model.Casualty(id="C1", outcome="killed", count=61, low=61, qualifier="at_least", victims="civilians",
                           period=period, is_tally=True, span=span("at least 61 civilians")),
            model.Casualty(id="C2", outcome="killed", count=9, victims="civilians", victim_group="children",
                           part_of="C1", span=span("9 children")),
            model.Casualty(id="C3", outcome="killed", count=6, victims="civilians", victim_group="women",
                           part_of="C1", span=span("6 women")),
            model.Casualty(id="C4", outcome="killed", count=410, victims="combatants", affiliation="ISIS",
                           period=period, is_tally=True, span=span("410 ISIS members")),
            model.Casualty(id="C5", outcome="killed", count=250, victims="combatants", affiliation="ISIS", part_of="C4",
                           period=model.DateValue(date(2019, 4, 1), END, 4), span=span("250 killed in April")),
        ],
        places=[model.PlaceMention(id="P1", text="Deir ez-Zor", span=span("Deir ez-Zor"), name="Deir ez-Zor",
                                   admin1="Deir ez-Zor", country="Syria", resolved=True)],
    )
    return text, extraction


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{folder}/examples.sqlite")
        with db.transaction() as session:
            source = repository.get_or_create_source(session, "Example Monitor", reliability="B")
            reports = [incident_report(i, incident) for i, incident in enumerate(INCIDENTS)] + [monthly_tally()]
            for text, extraction in reports:
                stored = repository.add_document(session, text=text, source=source, published=extraction.published,
                                                 title=f"Example report {extraction.document_id}")
                repository.add_extraction(session, stored.document, extraction)
        scope = Scope(START, END, "Deir ez-Zor")
        with db.session() as session:
            write_bulletin(build_bulletin(session, scope), "pdf", HERE / "bulletin.pdf")
            draw_incident_map(iter_event_records(session, scope), HERE / "map.png",
                              title="Incidents in Deir ez-Zor, March–April 2019 (example data)")
            draw_deaths_chart(iter_event_records(session, scope), HERE / "deaths.png", by="perpetrator",
                              frequency="weekly", title="Deaths by perpetrator, weekly (example data)")
        db.dispose()


if __name__ == "__main__":
    main()
