"""Repository behaviour, on SQLite and on PostgreSQL (the ``db_url`` fixture)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from sqlalchemy import func, select

from marsad.errors import InputError
from marsad.store import repository as repo
from marsad.store.models import Casualty, Document, Event, ExtractionRun, Place
from tests.store.factories import REPORT, make_extraction


def _store(session, text=REPORT, url=None, version="1.0", source="SOHR"):
    src = repo.get_or_create_source(session, source, reliability="B")
    stored = repo.add_document(session, text=text, source=src, url=url, published=date(2021, 3, 3), language="en")
    run = repo.add_extraction(session, stored.document, make_extraction(text, version=version))
    return stored, run


def test_same_text_is_stored_once(database):
    with database.transaction() as session:
        first, _ = _store(session)
    with database.transaction() as session:
        second, _ = _store(session)
        assert first.status == "new" and second.status == "unchanged"
        assert second.document.id == first.document.id
        counts = repo.count_rows(session)
    assert counts["documents"] == 1 and counts["extraction_runs"] == 1 and counts["events"] == 2


def test_facts_keep_spans_links_and_hierarchy(database):
    with database.transaction() as session:
        stored, run = _store(session)
    with database.transaction() as session:
        facts = repo.facts_of_document(session, stored.document)
        parent, child = facts["casualties"]
        assert (parent.count, parent.low, parent.qualifier, parent.perpetrator) == (
            12, 12, "at_least", "Syrian regime forces"
        )
        assert child.part_of_id == parent.id and child.victim_group == "children"
        assert REPORT[child.span_start : child.span_end] == child.span_text == "4 children"
        main_event = facts["events"][0]
        assert parent.event_id == main_event.id and main_event.rank == 0
        assert {p.text for p in facts["places"]} == {"Atarib", "Maarat al-Numan"}
        assert facts["actors"][0].name == "Syrian regime forces"
        stored_run = session.get(ExtractionRun, run.id)
        assert stored_run.pipeline["version"] == "1.0" and stored_run.extraction["published"] == "2021-03-03"


def test_new_pipeline_version_adds_a_run_and_queries_read_only_the_latest(database):
    with database.transaction() as session:
        stored, first = _store(session, version="1.0")
    with database.transaction() as session:
        document = session.get(Document, stored.document.id)
        second = repo.add_extraction(session, document, make_extraction(version="2.0"))
        again = repo.add_extraction(session, document, make_extraction(version="2.0"))
        assert again.id == second.id  # same pipeline config twice: one run
    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(ExtractionRun)) == 2
        assert session.scalar(select(func.count()).select_from(Event)) == 4  # both runs kept
        current = session.scalars(repo.current_fact_query(Event)).all()
        assert len(current) == 2 and {e.run_id for e in current} == {second.id}
        assert {c.run_id for c in session.scalars(repo.casualties_query())} == {second.id}


def test_same_url_with_new_text_is_a_new_version_that_supersedes(database):
    url = "https://example.org/report/1"
    with database.transaction() as session:
        old, old_run = _store(session, url=url)
    revised = REPORT.replace("At least 12", "At least 14")
    with database.transaction() as session:
        new, new_run = _store(session, text=revised, url=url)
        assert new.status == "updated" and new.superseded.id == old.document.id
    with database.transaction() as session:
        versions = repo.document_versions(session, session.get(Document, new.document.id))
        assert [(d.version, d.is_current) for d in versions] == [(1, False), (2, True)]
        assert versions[1].supersedes_id == versions[0].id
        counts = {c.run_id for c in session.scalars(repo.casualties_query())}
        assert counts == {new_run.id}
        assert session.scalar(select(func.count()).select_from(Casualty)) == 4  # the old facts are kept
        assert [d.id for d in repo.list_documents(session)] == [new.document.id]


def test_events_query_filters_place_spelling_and_dates(database):
    with database.transaction() as session:
        _store(session)
    with database.transaction() as session:
        assert [e.location for e in repo.list_events(session, place="al atarib")] == ["Al-Atarib"]
        assert [e.location for e in repo.list_events(session, place="Maarat al Numan")] == ["Maarat al-Numan"]
        assert len(repo.list_events(session, place="Aleppo")) == 1  # via admin1
        assert repo.list_events(session, place="Raqqa") == []
        assert len(repo.list_events(session, date_from=date(2021, 3, 1), date_to=date(2021, 3, 3))) == 2
        assert repo.list_events(session, date_from=date(2021, 3, 4)) == []
        assert len(repo.list_events(session, source="sohr")) == 2
        assert repo.list_events(session, source="other") == []


def test_a_place_filter_needs_the_session_that_knows_the_stored_spellings():
    with pytest.raises(TypeError, match="session"):
        repo.events_query(place="Deir ez-Zor")


def test_source_grade_is_checked_and_updated(database):
    with database.transaction() as session:
        with pytest.raises(InputError, match="Admiralty"):
            repo.get_or_create_source(session, "X", reliability="G")
        source = repo.get_or_create_source(session, "X", reliability="c")
        assert source.reliability == "C" and source.confidential is False
        again = repo.get_or_create_source(session, "X", confidential=True)
        assert again.id == source.id and again.reliability == "C" and again.confidential is True


def test_a_failed_transaction_leaves_nothing(database):
    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        with database.transaction() as session:
            _store(session)
            raise Boom
    with database.transaction() as session:
        assert repo.count_rows(session)["documents"] == 0
        assert session.scalar(select(func.count()).select_from(Place)) == 0


def test_failures_are_recorded_and_resolved(database):
    with database.transaction() as session:
        repo.record_failure(session, origin="a.txt", stage="read", error=ValueError("binary file"))
    with database.transaction() as session:
        [failure] = repo.list_failures(session)
        assert (failure.origin, failure.stage, failure.error_type) == ("a.txt", "read", "ValueError")
        assert repo.resolve_failures(session, "a.txt") == 1
    with database.transaction() as session:
        assert repo.list_failures(session) == []


def test_an_open_reader_does_not_block_a_writer(database):
    with database.transaction() as session:
        _store(session)
    with database.reader() as reader:
        assert len(repo.list_documents(reader)) == 1  # a read transaction is now open
        started = time.monotonic()
        with database.transaction() as writer:
            repo.get_or_create_source(writer, "Other")
        assert time.monotonic() - started < 5
