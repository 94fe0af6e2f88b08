"""The ingest batch runner, on SQLite and PostgreSQL (``database`` fixture)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from marsad.ingest.readers import RawDocument, ReadFailure
from marsad.ingest.service import IngestOptions, ingest_documents, ingest_paths
from marsad.store import repository as repo
from marsad.store.models import Casualty, Document, ExtractionRun, IngestFailure
from tests.ingest.fakes import FakeExtractor, report


def raw(n: int, **kwargs) -> RawDocument:
    return RawDocument(origin=f"mem:{n}", input_format="text", text=kwargs.pop("text", report(n)), **kwargs)


def count(database, model) -> int:
    with database.transaction() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_second_ingest_of_the_same_documents_stores_nothing_and_skips_extraction(database):
    extractor = FakeExtractor()
    first = ingest_documents(database, [raw(n) for n in range(6)], IngestOptions(source="SOHR"), extractor=extractor)
    assert (first.new, first.failed, first.facts["casualties"]) == (6, 0, 12)
    again = ingest_documents(database, [raw(n) for n in range(6)], IngestOptions(source="SOHR"), extractor=extractor)
    assert (again.new, again.unchanged) == (0, 6)
    assert extractor.calls == 6  # the hash check happens before extraction
    assert count(database, Document) == 6 and count(database, Casualty) == 12


def test_duplicates_inside_one_batch_are_stored_once(database):
    summary = ingest_documents(database, [raw(1), raw(2), raw(1)], extractor=FakeExtractor())
    assert (summary.new, summary.unchanged) == (2, 1)
    assert count(database, Document) == 2


def test_bad_documents_are_recorded_and_the_batch_goes_on(database):
    items = [
        raw(1),
        RawDocument(origin="empty.txt", input_format="text", text="   \n "),
        RawDocument(origin="french.txt", input_format="text",
                    text="Les forces du régime ont bombardé la ville hier soir, faisant cinq morts parmi les civils."),
        ReadFailure("broken.jsonl:3", ValueError("not valid JSON")),
        raw(2, text=report(2) + " BOOM"),
        raw(3),
    ]  # fmt: skip
    summary = ingest_documents(database, items, extractor=FakeExtractor(fail_on="BOOM"))
    assert (summary.new, summary.failed) == (2, 4)
    stages = {f.origin: f.stage for f in summary.failures}
    assert stages == {"empty.txt": "clean", "french.txt": "language", "broken.jsonl:3": "read", "mem:2": "extract"}
    assert "extractor crashed" in next(f.message for f in summary.failures if f.origin == "mem:2")
    assert count(database, IngestFailure) == 4
    # A fixed document is ingested on the next run and its failure resolved; a still-broken one is not duplicated.
    ingest_documents(database, [raw(2), items[1]], extractor=FakeExtractor())
    with database.transaction() as session:
        assert sorted(f.origin for f in repo.list_failures(session)) == ["broken.jsonl:3", "empty.txt", "french.txt"]
    assert count(database, IngestFailure) == 4


def test_any_language_archives_other_languages(database):
    text = "Les forces du régime ont bombardé la ville hier soir, faisant cinq morts parmi les civils."
    summary = ingest_documents(database, [RawDocument(origin="fr", input_format="text", text=text)],
                               IngestOptions(languages=None, extract=False))  # fmt: skip
    assert summary.new == 1
    with database.transaction() as session:
        assert session.scalars(select(Document.language)).one() == "fr"


def test_new_text_at_a_known_url_is_a_new_version(database):
    url = "https://example.org/bulletin/7"
    ingest_documents(database, [raw(1, url=url)], extractor=FakeExtractor())
    summary = ingest_documents(database, [raw(1, url=url, text=report(1, count=40))], extractor=FakeExtractor())
    assert summary.updated == 1
    with database.transaction() as session:
        counts = [c.count for c in session.scalars(repo.casualties_query())]
        assert counts == [40, 40]  # only the current version's facts
        assert session.scalar(select(func.count()).select_from(Document)) == 2


def test_reextract_with_a_new_pipeline_adds_a_run_only_when_needed(database):
    items = [raw(n) for n in range(3)]
    ingest_documents(database, items, extractor=FakeExtractor(version="1"))
    same = FakeExtractor(version="1")
    summary = ingest_documents(database, items, IngestOptions(reextract=True), extractor=same)
    assert (summary.unchanged, same.calls) == (3, 0)
    newer = FakeExtractor(version="2")
    summary = ingest_documents(database, items, IngestOptions(reextract=True), extractor=newer)
    assert (summary.reextracted, newer.calls) == (3, 3)
    assert count(database, ExtractionRun) == 6
    with database.transaction() as session:
        versions = {r.pipeline["version"] for r in session.scalars(select(ExtractionRun).where(ExtractionRun.is_current))}
        assert versions == {"2"}
        assert len(session.scalars(repo.casualties_query()).all()) == 1 + 2 + 3


def test_published_option_source_and_grade(database, tmp_path):
    (tmp_path / "a.txt").write_text(report(1), encoding="utf-8")
    options = IngestOptions(source="SOHR", reliability="B", published=date(2018, 11, 10))
    summary = ingest_paths(database, [str(tmp_path)], options, extractor=FakeExtractor())
    assert summary.new == 1
    with database.transaction() as session:
        document = session.scalars(select(Document)).one()
        assert document.published == date(2018, 11, 10) and not document.published_inferred
        assert (document.source.name, document.source.reliability) == ("SOHR", "B")
        assert document.origin == str(tmp_path / "a.txt") and document.input_format == "text"
