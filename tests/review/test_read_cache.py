"""The read API's lists are kept per store revision (marsad.review.readcache):
asked again, a list costs one revision read; any write, through the library
or straight to a table, is seen at once (SQLite and PostgreSQL). Pages can be
walked by offset or by cursor, with the same rows, also when a list is too
long to keep in memory."""

from __future__ import annotations

import pytest

from marsad.review.published import (
    Filters,
    claims_page,
    deleted_page,
    documents_page,
    events_page,
    incidents_page,
    tallies_page,
)


def _read(database, function, *args, **kwargs):
    with database.reader() as session:
        return function(session, *args, **kwargs)


class Statements:
    """Counts the SQL statements an engine runs."""

    def __init__(self, engine):
        from sqlalchemy import event

        self.engine, self.count, self.seen = engine, 0, []
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, connection, cursor, statement, *args):
        if not statement.startswith("BEGIN"):  # SQLite's own transaction start
            self.count += 1
            self.seen.append(statement)

    def close(self):
        from sqlalchemy import event

        event.remove(self.engine, "before_cursor_execute", self._seen)


def test_a_list_asked_again_costs_one_revision_read(database, world):
    everything = Filters(status="all")
    first = _read(database, events_page, everything, full=True, limit=2)
    statements = Statements(database.engine)
    try:
        again = _read(database, events_page, everything, full=True, limit=2)
        assert statements.count == 1, statements.seen  # the store revision, nothing else
        deeper = _read(database, events_page, everything, full=True, offset=2, limit=2)
        assert statements.count == 3  # the revision and the page's rows: the ids and the total were kept
    finally:
        statements.close()
    assert again.rows == first.rows and deeper.total == first.total
    assert not {r["id"] for r in first.rows} & {r["id"] for r in deeper.rows}


def test_every_kind_of_write_is_seen_at_once(database, world):
    from sqlalchemy import select, update

    from marsad.reconcile.models import Incident, IncidentEstimate, TallyClaim
    from marsad.review.service import decide_fact
    from marsad.review.users import update_source
    from marsad.store.models import Source

    everything = Filters(status="all")
    # read (and so cache) every list first
    events = _read(database, events_page, everything, full=True)
    documents = _read(database, documents_page, Filters(), full=True)
    incidents = _read(database, incidents_page, Filters(), full=True)
    claims = _read(database, claims_page, Filters(), full=True)
    tallies = _read(database, tallies_page, Filters(), by=["admin1"])
    assert _read(database, deleted_page, since=None).total == 0

    with database.transaction() as session:  # a source regraded (nothing else about the archive changes)
        source = session.scalar(select(Source).where(Source.name == "Monitor A"))
        update_source(session, source.id, by="admin", reliability="E")
    regraded = _read(database, documents_page, Filters(), full=True)
    assert {r["reliability"] for r in regraded.rows if r["source"] == "Monitor A"} == {"E"}
    assert {r["reliability"] for r in documents.rows if r["source"] == "Monitor A"} == {"B"}

    with database.transaction() as session:  # reconcile rewrites incidents and estimates in place
        first = incidents.rows[0]["id"]
        session.execute(update(Incident).where(Incident.id == first).values(location="Elsewhere"))
        session.execute(update(IncidentEstimate).values(best=IncidentEstimate.best + 1))
    moved = _read(database, incidents_page, Filters(), full=True)
    assert next(r for r in moved.rows if r["id"] == first)["location"] == "Elsewhere"
    assert sum(r["best"] for r in _read(database, tallies_page, Filters(), by=["admin1"]).rows) > sum(r["best"] for r in tallies.rows)

    with database.transaction() as session:  # a claim's count changed in place
        session.execute(update(TallyClaim).values(count=TallyClaim.count + 1000))
    assert [r["count"] for r in _read(database, claims_page, Filters(), full=True).rows] == [r["count"] + 1000 for r in claims.rows]

    with database.transaction() as session:  # a reviewer withdraws an event
        decide_fact(session, "event", events.rows[0]["id"], "reject", user="reviewer", role="reviewer",
                    comment="not an attack")
    after = _read(database, events_page, everything, full=True)
    assert after.total == events.total - 1 and events.rows[0]["id"] not in {r["id"] for r in after.rows}
    assert [r["id"] for r in _read(database, deleted_page, since=None).rows] == [events.rows[0]["id"]]


@pytest.mark.parametrize("kept", [True, False], ids=["ids-kept", "too-many-to-keep"])
def test_cursor_and_offset_pages_agree(database, world, monkeypatch, kept):
    from marsad.review import readcache

    if not kept:
        monkeypatch.setattr(readcache, "MAX_LISTED", 1)  # count and page in the database instead
    everything = Filters(status="all")
    whole = _read(database, events_page, everything, full=True, limit=1000)
    by_offset, by_cursor, offset, after = [], [], 0, None
    while True:
        page = _read(database, events_page, everything, full=True, offset=offset, limit=2)
        by_offset += [r["id"] for r in page.rows]
        if not page.has_next:
            break
        offset += 2
    position = 0
    while True:
        page = _read(database, events_page, everything, full=True, offset=position, limit=2, after=after)
        by_cursor += [r["id"] for r in page.rows]
        assert page.total == whole.total
        if page.next_after is None:
            break
        after, position = page.next_after, page.offset + page.limit
    assert by_offset == by_cursor == [r["id"] for r in whole.rows] == sorted(by_offset)
    assert whole.total == len(whole.rows) >= 4


def test_a_database_without_the_revision_triggers_is_not_cached(tmp_path, monkeypatch):
    from sqlalchemy import text

    from marsad.store import open_database
    from tests.review.world import build_world

    database = open_database(f"sqlite:///{tmp_path / 'untracked.sqlite'}")
    try:
        build_world(database)
        with database.engine.begin() as connection:  # as if a later migration had rebuilt the table
            connection.execute(text("DROP TRIGGER tr_documents_update_revision"))
        before = _read(database, documents_page, Filters(), full=True)
        with database.engine.begin() as connection:
            connection.execute(text("UPDATE documents SET title = 'Renamed'"))
        assert {r["title"] for r in _read(database, documents_page, Filters(), full=True).rows} == {"Renamed"} != {
            r["title"] for r in before.rows}
    finally:
        database.dispose()


def test_tallies_from_kept_estimates_equal_the_database_s(database, world, monkeypatch):
    from datetime import date

    from marsad.reconcile.tallies import tally
    from marsad.review import published

    monkeypatch.setattr(published, "KEEP_ESTIMATES_AFTER", 1)  # kept from the first tally on
    scopes = [Filters(), Filters(date(2019, 3, 10), date(2019, 3, 10)), Filters(date_from=date(2019, 3, 1)),
              Filters(date_to=date(2019, 3, 1)), Filters(admin1="Idlib"), Filters(actor="Hay'at Tahrir al-Sham")]
    for filters in scopes:
        for by in (["month"], ["admin1", "victims"], ["day", "perpetrator"]):
            for outcome in ("killed", None):
                kept = _read(database, tallies_page, filters, by=by, outcome=outcome).rows
                with database.reader() as session:
                    direct = [dict(r.to_dict(), incident_ids=r.incident_ids) for r in tally(
                        session, date_from=filters.date_from, date_to=filters.date_to, area=filters.admin1, by=by,
                        outcome=outcome, perpetrator=filters.actor)]
                assert kept == direct, (filters, by, outcome)
    assert any(_read(database, tallies_page, f, by=["month"]).rows for f in scopes)
    with database.reader() as session:
        assert published._estimate_rows(session) is not None  # the kept path was the one compared


def test_threads_asking_for_the_same_list_compute_it_once(database, world):
    import threading
    import time

    from marsad.review.readcache import cached

    calls, results = [], []
    start = threading.Barrier(4)

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return ["the list"]

    def ask():
        with database.reader() as session:
            start.wait()
            results.append(cached(session, ("slow list",), slow))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and results == [["the list"]] * 4


def test_a_corrected_date_moves_the_event_between_date_filters(database, world):
    from datetime import date

    from sqlalchemy import select

    from marsad.review.service import decide_fact
    from marsad.store.models import Event

    march, april = (Filters(date_from=date(2019, 3, 1), date_to=date(2019, 3, 31), status="all"),
                    Filters(date_from=date(2019, 4, 1), date_to=date(2019, 4, 30), status="all"))
    with database.transaction() as session:
        event = session.scalars(select(Event).where(Event.document_id == world["false"])).first()
        event_id = event.id
        assert event_id in {row["id"] for row in events_page(session, march, full=True).rows}
        decide_fact(session, "event", event_id, "correct", user="r", role="reviewer",
                    values={"event_date": "2019-04-02"}, comment="the strike was on 2 April")
    in_march = {row["id"] for row in _read(database, events_page, march, full=True).rows}
    in_april = _read(database, events_page, april, full=True).rows
    assert event_id not in in_march
    assert [(row["id"], str(row["event_date"])) for row in in_april if row["id"] == event_id] == [(event_id, "2019-04-02")]
