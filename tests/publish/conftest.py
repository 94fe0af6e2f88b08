"""A small hand-built archive for the publishing tests: two sources (one
confidential), three reports and their extractions, stored through the
store's repository so that the exports read what ingest would have written."""

from __future__ import annotations

from datetime import date

import pytest

from marsad import model

SECRET_SOURCE = "Eyewitness Network Qamishli"
SECRET_URL = "https://secret.example.org/r/77"
SECRET_TEXT = "A resident of Tal Hamis told us that a drone struck a car, killing 3 fighters of the SDF."
PUBLIC_TEXT = "On 3 March 2019, Coalition airstrikes on Al-Susah town killed 7 civilians, including 2 women."
PUBLIC_TEXT_2 = "Clashes between SDF fighters and ISIS near Hajin on 5 March 2019 killed 4 ISIS members."


def _span(text: str, fragment: str) -> model.Span:
    start = text.index(fragment)
    return model.Span(start, start + len(fragment), fragment)


def _day(value: str) -> model.DateValue:
    day = date.fromisoformat(value)
    return model.DateValue(day, day, 1)


def public_extraction() -> model.Extraction:
    text = PUBLIC_TEXT
    return model.Extraction(
        document_id="pub-1", published=date(2019, 3, 4), source="SOHR", pipeline={"name": "test", "version": "1"},
        events=[model.Event(
            id="E1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
            event_date=date(2019, 3, 3), date=_day("2019-03-03"), actor1="International Coalition",
            actor2="Civilians (Syria)", location="As Susah", admin1="Deir ez-Zor", admin2="Abu Kamal",
            country="Syria", latitude=34.5337, longitude=40.9582, geo_precision=1, fatalities=7,
            casualty_ids=["C1", "C2"], place_ids=["P1"], span=_span(text, "Coalition airstrikes on Al-Susah town killed 7 civilians"),
        )],
        places=[model.PlaceMention(id="P1", text="Al-Susah", span=_span(text, "Al-Susah town"), name="As Susah",
                                   latitude=34.5337, longitude=40.9582, admin1="Deir ez-Zor", where_prec=2,
                                   resolved=True)],
        casualties=[
            model.Casualty(id="C1", outcome="killed", count=7, victims="civilians",
                           perpetrator=["International Coalition"], cause="airstrike", span=_span(text, "killed 7 civilians")),
            model.Casualty(id="C2", outcome="killed", count=2, victims="civilians", victim_group="women",
                           part_of="C1", span=_span(text, "including 2 women")),
        ],
    )


def public_extraction_2() -> model.Extraction:
    text = PUBLIC_TEXT_2
    return model.Extraction(
        document_id="pub-2", published=date(2019, 3, 6), source="SOHR", pipeline={"name": "test", "version": "1"},
        events=[model.Event(
            id="E1", event_type="Battles", sub_event_type="Armed clash", event_date=date(2019, 3, 5),
            date=_day("2019-03-05"), actor1="SDF", actor2="ISIS", location="Hajin", admin1="Deir ez-Zor",
            country="Syria", latitude=34.6951, longitude=40.8314, geo_precision=2, fatalities=4,
            casualty_ids=["C1"], span=_span(text, "Clashes between SDF fighters and ISIS near Hajin"),
        )],
        casualties=[model.Casualty(id="C1", outcome="killed", count=4, victims="combatants", affiliation="ISIS",
                                   perpetrator=["SDF"], cause="clash", span=_span(text, "killed 4 ISIS members"))],
    )


def secret_extraction() -> model.Extraction:
    text = SECRET_TEXT
    return model.Extraction(
        document_id="sec-1", published=date(2019, 3, 8), source=SECRET_SOURCE, pipeline={"name": "test", "version": "1"},
        events=[model.Event(
            id="E1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
            event_date=date(2019, 3, 7), date=_day("2019-03-07"), actor1="Military Forces of Turkey",
            actor2="SDF", location="Tal Hamis", admin1="Al-Hasakah", country="Syria", latitude=36.83,
            longitude=41.48, geo_precision=1, fatalities=3, casualty_ids=["C1"],
            span=_span(text, "a drone struck a car, killing 3 fighters of the SDF"),
        )],
        casualties=[model.Casualty(id="C1", outcome="killed", count=3, victims="combatants", affiliation="SDF",
                                   perpetrator=["Military Forces of Turkey"], cause="airstrike",
                                   span=_span(text, "killing 3 fighters of the SDF"))],
    )


def store_archive(session) -> None:
    from marsad.store import repository

    sohr = repository.get_or_create_source(session, "SOHR", reliability="B")
    secret = repository.get_or_create_source(session, SECRET_SOURCE, reliability="C", confidential=True)
    for text, source, url, title, extraction in (
        (PUBLIC_TEXT, sohr, "https://sohr.example/1", "Strikes on Al-Susah", public_extraction()),
        (PUBLIC_TEXT_2, sohr, "https://sohr.example/2", "Clashes near Hajin", public_extraction_2()),
        (SECRET_TEXT, secret, SECRET_URL, "Tal Hamis drone strike (witness)", secret_extraction()),
    ):
        stored = repository.add_document(session, text=text, source=source, url=url, title=title,
                                         published=extraction.published)
        repository.add_extraction(session, stored.document, extraction)
    session.flush()


@pytest.fixture
def archive(database):
    """The database of ``db_url`` (SQLite and PostgreSQL) holding the archive."""
    with database.transaction() as session:
        store_archive(session)
    return database
