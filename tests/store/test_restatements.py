"""Another statement of the same people (a headline, the lead, an official's
quote) is stored as ``alternative_of`` its count, and nothing that reads the
store adds it again: reconciliation, the UCDP layout, the bulletin."""

from __future__ import annotations

from datetime import date

import pytest

from marsad import model

TEXT = ("Market bombing in Khost kills 21\n\n"
        "At least 21 civilians were killed when a bomb exploded in a market in Khost on Sunday, officials said. "
        '"The death toll has reached 21," a police spokesman told reporters.')  # fmt: skip
DAY = date(2023, 6, 4)


def _span(fragment: str) -> model.Span:
    start = TEXT.index(fragment)
    return model.Span(start, start + len(fragment), fragment)


def _extraction() -> model.Extraction:
    def count(id, fragment, **extra):
        return model.Casualty(id=id, outcome="killed", count=21, low=21, victims="civilians", span=_span(fragment),
                              **extra)

    casualties = [count("C1", "kills 21", alternative_of="C3"),
                  count("C2", "At least 21 civilians were killed", qualifier="at_least", alternative_of="C3"),
                  count("C3", "death toll has reached 21")]
    event = model.Event(
        id="E1", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
        event_date=DAY, date=model.DateValue(DAY, DAY, 1), location="Khost", admin1="Khost", country="Afghanistan",
        latitude=33.34, longitude=69.92, geo_precision=1, fatalities=21, casualty_ids=["C1", "C2", "C3"],
        span=_span("a bomb exploded in a market in Khost"),
    )  # fmt: skip
    return model.Extraction(document_id="k-1", published=DAY, source="Wire", pipeline={"name": "test", "version": "1"},
                            events=[event], casualties=casualties)  # fmt: skip


@pytest.fixture
def restated_db(database):
    from marsad.store import repository

    with database.transaction() as session:
        source = repository.get_or_create_source(session, "Wire")
        stored = repository.add_document(session, text=TEXT, source=source, published=DAY)
        repository.add_extraction(session, stored.document, _extraction())
    return database


def test_the_store_keeps_which_count_a_restatement_restates(restated_db):
    from sqlalchemy import select

    from marsad.store.models import Casualty

    with restated_db.session() as session:
        rows = {row.local_id: row for row in session.scalars(select(Casualty))}
    assert rows["C1"].alternative_of_id == rows["C3"].id
    assert rows["C2"].alternative_of_id == rows["C3"].id
    assert rows["C3"].alternative_of_id is None


def test_reconciliation_counts_the_people_once(restated_db):
    from marsad.reconcile.facts import load_facts

    with restated_db.session() as session:
        (report,), _ = load_facts(session)
    assert (report.killed_low, report.killed, report.killed_high) == (21, 21, 21)


def test_the_ucdp_record_counts_the_people_once(restated_db):
    from marsad.publish.records import iter_event_records

    with restated_db.session() as session:
        (record,) = iter_event_records(session)
    assert record.deaths_civilians == 21
    assert (record.low, record.high) == (21, 21)


def test_the_bulletin_counts_the_people_once_and_cites_every_statement(restated_db):
    from marsad.publish.records import Scope
    from marsad.publish.report import build_bulletin

    with restated_db.session() as session:
        bulletin = build_bulletin(session, Scope(date_from=date(2023, 6, 1), date_to=date(2023, 6, 30)))
    (figure,) = bulletin.civilians
    assert figure.count == 21
    quotes = {bulletin.evidence[n - 1].quote for n in figure.evidence}
    assert quotes == {"kills 21", "At least 21 civilians were killed", "death toll has reached 21"}


def test_a_party_s_claim_given_alone_is_stored_as_such(database):
    from sqlalchemy import select

    from marsad.extract import extract_text
    from marsad.store import repository
    from marsad.store.models import Casualty

    text = "The group claimed the ambush near Tarmiya, saying its fighters had killed five soldiers."
    extraction = extract_text(text, published=DAY)
    assert [c.party_claim for c in extraction.casualties] == [True]
    with database.transaction() as session:
        source = repository.get_or_create_source(session, "Wire")
        stored = repository.add_document(session, text=text, source=source, published=DAY)
        repository.add_extraction(session, stored.document, extraction)
    with database.session() as session:
        assert [row.party_claim for row in session.scalars(select(Casualty))] == [True]
