"""One rule for source identity: case and spacing do not make a new source.

"SecretNet" (confidential) and "secretnet" used to be two sources, and the
second one's text was published. Revision i14b_001 merges such pairs in an
existing database, keeping the source confidential."""

from __future__ import annotations

import io
import json
from datetime import datetime, timezone

from sqlalchemy import text

from marsad.ingest.readers import RawDocument
from marsad.ingest.service import IngestOptions, ingest_documents
from marsad.publish.export import export_events
from marsad.store import repository as repo
from marsad.store.db import create_engine_for, migrate, open_database
from marsad.store.models import source_key
from tests.ingest.fakes import FakeExtractor


def test_source_key_folds_case_and_whitespace_only():
    assert source_key(" Secret\t NET ") == source_key("secret net") == "secret net"
    assert source_key("SecretNet ") == source_key("secretnet") == "secretnet"
    assert source_key("Secret Net") != source_key("SecretNet")
    assert source_key("Straße") == source_key("STRASSE")  # casefold, not lower


def test_a_differently_cased_source_name_stays_confidential_in_public_exports(database):
    secret_text = "In the morning 7 civilians were killed in Kafrun by shelling."
    ingest_documents(database, [RawDocument(origin="a", input_format="text", text="In the morning 3 civilians were killed in Hajin by shelling.")],
                     IngestOptions(source="SecretNet", confidential=True), extractor=FakeExtractor())  # fmt: skip
    ingest_documents(database, [RawDocument(origin="b", input_format="text", text=secret_text, source="secretnet ")],
                     extractor=FakeExtractor())  # fmt: skip
    with database.transaction() as session:
        assert [(s.name, s.confidential) for s in repo.list_sources(session)] == [("SecretNet", True)]
    out = io.StringIO()
    with database.reader() as session:
        assert export_events(session, "jsonl", out, public=True) == 2
    published = out.getvalue()
    assert "Kafrun by shelling" not in published and "secretnet" not in published.lower()
    assert {json.loads(line)["source_name"] for line in published.splitlines()} == {"Confidential source"}


def test_revision_i14b_001_merges_duplicate_sources_keeping_confidential(db_url):
    engine = create_engine_for(db_url)
    try:
        migrate(engine, "p001")
        now = datetime.now(timezone.utc)
        with engine.begin() as connection:
            for id_, name, reliability, confidential in [
                (1, "secretnet", "B", False), (2, "SecretNet", None, True), (3, " SECRETNET", None, False),
                (4, "Other Net", "C", False),
            ]:  # fmt: skip
                connection.execute(
                    text("INSERT INTO sources (id, name, reliability, confidential, created_at) VALUES (:i, :n, :r, :c, :t)"),
                    {"i": id_, "n": name, "r": reliability, "c": confidential, "t": now},
                )
            for id_, source_id in [(1, 1), (2, 2), (3, 3), (4, 4)]:
                connection.execute(
                    text("INSERT INTO documents (id, content_hash, source_id, text, char_count, ingested_at) "
                         "VALUES (:i, :h, :s, :x, 1, :t)"),
                    {"i": id_, "h": f"h{id_}", "s": source_id, "x": f"text {id_}", "t": now},
                )  # fmt: skip
        migrate(engine)
        with engine.connect() as connection:
            sources = connection.execute(text("SELECT id, name, name_key, reliability, confidential FROM sources ORDER BY id")).all()
            owners = dict(connection.execute(text("SELECT id, source_id FROM documents")).all())
        assert [(r.id, r.name, r.name_key, r.reliability, bool(r.confidential)) for r in sources] == [
            (1, "secretnet", "secretnet", "B", True), (4, "Other Net", "other net", "C", False),
        ]  # fmt: skip
        assert owners == {1: 1, 2: 1, 3: 1, 4: 4}
    finally:
        engine.dispose()
    database = open_database(db_url)
    try:  # the unique key now holds: a new spelling finds the merged source
        with database.transaction() as session:
            assert repo.get_or_create_source(session, "SECRETNET").id == 1
    finally:
        database.dispose()
