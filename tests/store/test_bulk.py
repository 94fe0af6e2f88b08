"""Batch writes keep the one-by-one semantics (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import func, select

from marsad.store import repository as repo
from marsad.store.bulk import NewDocument, store_documents
from marsad.store.models import Casualty, CasualtyPlace, Document, EventPlace, ExtractionRun
from tests.store.factories import REPORT, make_extraction


def item(text: str = REPORT, url: str | None = None, version: str = "1.0") -> NewDocument:
    return NewDocument(text=text, content_hash=repo.content_hash(text), extraction=make_extraction(text, version=version),
                       url=url)  # fmt: skip


def variant(n: int) -> str:
    return REPORT.replace("Aleppo, 3 March 2021.", f"Aleppo, 3 March 2021 (update {n}).")


def test_batch_matches_one_by_one_storage(database):
    with database.transaction() as session:
        statuses = store_documents(session, [item(variant(1)), item(variant(2)), item(variant(1))])
    assert statuses == ["new", "new", "unchanged"]
    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Document)) == 2
        for document in session.scalars(select(Document)):
            facts = repo.facts_of_document(session, document)
            parent, child = facts["casualties"]
            assert child.part_of_id == parent.id and parent.event_id == facts["events"][0].id
            assert document.text[parent.span_start : parent.span_end] == parent.span_text
        assert session.scalar(select(func.count()).select_from(EventPlace)) == 4
        assert session.scalar(select(func.count()).select_from(CasualtyPlace)) == 2


def test_versions_in_one_batch_and_against_the_database(database):
    url = "https://example.org/r/1"
    with database.transaction() as session:
        assert store_documents(session, [item(variant(1), url=url)]) == ["new"]
    with database.transaction() as session:
        statuses = store_documents(session, [item(variant(2), url=url), item(variant(3), url=url), item(variant(9))])
    assert statuses == ["updated", "updated", "new"]
    with database.transaction() as session:
        versions = session.execute(
            select(Document.version, Document.is_current).where(Document.url == url).order_by(Document.version)
        ).all()
        assert versions == [(1, False), (2, False), (3, True)]
        current = session.scalars(repo.casualties_query()).all()
        assert len(current) == 4  # the latest version of the URL (2 counts) + the other document (2)
        assert session.scalar(select(func.count()).select_from(Casualty)) == 8


def test_known_text_with_a_new_pipeline_is_reextracted(database):
    with database.transaction() as session:
        store_documents(session, [item(version="1.0")])
    with database.transaction() as session:
        assert store_documents(session, [item(version="2.0"), item(version="2.0")]) == ["reextracted", "unchanged"]
    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(ExtractionRun)) == 2
        assert {c.run_id for c in session.scalars(repo.casualties_query())} == {
            session.scalar(select(ExtractionRun.id).where(ExtractionRun.is_current))
        }
