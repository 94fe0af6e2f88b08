"""Two writers at once, on SQLite and PostgreSQL: a new source named by two
ingests at the same moment, and ``reconcile`` while an ingest commits.

Each test is bounded in time (threads joined with a timeout)."""

from __future__ import annotations

import threading
import time

import pytest
from click.testing import CliRunner
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine

from marsad.ingest.readers import RawDocument
from marsad.ingest.service import IngestOptions, ingest_documents
from marsad.store import open_database
from marsad.store import repository as repo
from marsad.store.models import Document, Source
from tests.ingest.fakes import FakeExtractor, report

ROUNDS = 10


def _raw(tag: str, n: int) -> RawDocument:
    return RawDocument(origin=f"{tag}:{n}", input_format="text", text=report(n, place=f"Town{tag}"))


def test_a_new_source_created_by_two_transactions_at_once_is_one_source(db_url):
    first, second = open_database(db_url), open_database(db_url)
    results: dict[str, object] = {}

    def other() -> None:
        try:
            with second.transaction() as session:
                results["id"] = repo.get_or_create_source(session, "NewNet").id
        except Exception as error:  # noqa: BLE001 - the test reports it
            results["error"] = error

    try:
        with first.transaction() as session:
            created = repo.get_or_create_source(session, "NewNet", reliability="B")
            thread = threading.Thread(target=other)
            thread.start()
            time.sleep(0.5)  # the other transaction now waits on this one's uncommitted row (or lock)
        thread.join(timeout=30)
        assert not thread.is_alive()
        assert "error" not in results, results.get("error")
        assert results["id"] == created.id
        with first.reader() as session:
            assert session.scalar(select(func.count()).select_from(Source)) == 1
    finally:
        first.dispose()
        second.dispose()


def test_two_ingests_naming_the_same_new_source_at_once_both_succeed(db_url):
    """The reported race (one ingest aborted on uq_sources_name in 7 of 10
    rounds): each round, two batches start together naming a new source."""
    databases = [open_database(db_url), open_database(db_url)]
    failures: list[str] = []
    try:
        for round_number in range(ROUNDS):
            barrier = threading.Barrier(2)
            name = f"Fresh Network {round_number}"

            def run(index: int, name=name, barrier=barrier, tag=f"r{round_number}") -> None:
                barrier.wait(timeout=10)
                try:
                    summary = ingest_documents(databases[index], [_raw(f"{tag}w{index}", 1)],
                                               IngestOptions(source=name, extract=False))  # fmt: skip
                    failures.extend(f.message for f in summary.failures)
                except Exception as error:  # noqa: BLE001
                    failures.append(repr(error))

            threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
            assert not any(t.is_alive() for t in threads)
        assert failures == []
        with databases[0].reader() as session:
            assert session.scalar(select(func.count()).select_from(Source)) == ROUNDS
            assert session.scalar(select(func.count()).select_from(Document)) == 2 * ROUNDS
    finally:
        for database in databases:
            database.dispose()


def test_reconcile_reads_one_snapshot_while_an_ingest_commits(db_url):
    """Deterministic form of the reported ``KeyError`` in reconcile/facts.py:
    a document with events commits between reconcile's read of the documents
    and its read of the events."""
    from marsad.cli import _register_commands, cli

    _register_commands()
    writer = open_database(db_url)
    ingest_documents(writer, [_raw("a", 1)], extractor=FakeExtractor())
    reconciler = threading.get_ident()
    state = {"injected": False}
    late = threading.Thread(target=lambda: ingest_documents(writer, [_raw("late", 2)], extractor=FakeExtractor()))

    def inject(conn, cursor, statement, parameters, context, executemany) -> None:
        if state["injected"] or threading.get_ident() != reconciler or "FROM casualties" not in statement:
            return
        state["injected"] = True
        late.start()
        late.join(timeout=1.5)  # PostgreSQL: committed by now; SQLite: held back by reconcile's write lock

    event.listen(Engine, "before_cursor_execute", inject)
    try:
        result = CliRunner().invoke(cli, ["reconcile", "--format", "json", "--database", db_url])
    finally:
        event.remove(Engine, "before_cursor_execute", inject)
        late.join(timeout=30)
    try:
        assert state["injected"]
        assert result.exit_code == 0, (result.output, result.exception)
        assert '"reports"' in result.output
        with writer.reader() as session:  # the late document was stored all the same
            assert session.scalar(select(func.count()).select_from(Document)) == 2
    finally:
        writer.dispose()


def test_reconcile_rounds_during_a_running_ingest_never_fail(db_url):
    """A bounded stress run: an ingest commits document after document while
    reconcile runs round after round in a snapshot."""
    from marsad.reconcile import reconcile

    writer, reader = open_database(db_url), open_database(db_url)
    stop = threading.Event()
    errors: list[str] = []

    def keep_ingesting() -> None:
        n = 0
        while not stop.is_set() and n < 400:
            try:
                ingest_documents(writer, [_raw("s", n)], extractor=FakeExtractor())
            except Exception as error:  # noqa: BLE001
                errors.append(f"ingest: {error!r}")
            n += 1

    thread = threading.Thread(target=keep_ingesting)
    thread.start()
    rounds = 0
    try:
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline:
            try:
                with reader.transaction(snapshot=True) as session:
                    reconcile(session)
            except Exception as error:  # noqa: BLE001
                errors.append(f"reconcile: {error!r}")
            rounds += 1
    finally:
        stop.set()
        thread.join(timeout=60)
        writer.dispose()
        reader.dispose()
    assert rounds >= 2
    assert errors[:3] == [], f"{len(errors)} failures in {rounds} reconcile rounds"


@pytest.mark.parametrize("name", ["secretnet", "SECRETNET", "  SecretNet ", "secretnet\t"])
def test_source_identity_ignores_case_and_spacing(database, name):
    with database.transaction() as session:
        secret = repo.get_or_create_source(session, "SecretNet", confidential=True)
    with database.transaction() as session:
        again = repo.get_or_create_source(session, name)
        assert again.id == secret.id and again.confidential and again.name == "SecretNet"
        assert len(repo.list_sources(session)) == 1


def test_two_reconciles_at_once_run_one_after_the_other(db_url):
    """``marsad reconcile`` runs under ``Database.exclusive("reconcile")``: a
    second run waits, then reads what the first wrote (on PostgreSQL both used
    to write the same new incidents and one failed)."""
    from datetime import date

    from marsad.reconcile import reconcile
    from tests.reconcile.helpers import store, strike_report

    databases = [open_database(db_url), open_database(db_url)]
    errors: list[str] = []
    try:
        for round_number in range(3):
            with databases[0].transaction() as session:
                for k in range(4):
                    store(session, strike_report(doc=f"{round_number}-{k}", day=date(2021, 3, 1 + k), town=f"Town{k}",
                                                 killed=3 + round_number, source=f"S{round_number}"))  # fmt: skip
            barrier = threading.Barrier(2)

            def run(database, barrier=barrier) -> None:
                barrier.wait(timeout=10)
                try:
                    with database.exclusive("reconcile"), database.transaction(snapshot=True) as session:
                        reconcile(session)
                except Exception as error:  # noqa: BLE001
                    errors.append(repr(error)[:300])

            threads = [threading.Thread(target=run, args=(d,)) for d in databases]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
            assert not any(t.is_alive() for t in threads)
        assert errors == []
    finally:
        for database in databases:
            database.dispose()
