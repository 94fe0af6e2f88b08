"""One bad document never sinks a batch (issue 14): each hostile input below
becomes one recorded failure naming its file, line and reason, the rest of the
batch is stored, and the command's exit code says that something failed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import marsad.ingest.service as service
from marsad import model as m
from marsad.cli import _register_commands, cli
from marsad.ingest.readers import RawDocument, ReadFailure, expand_paths, read_paths
from marsad.ingest.service import IngestOptions, ingest_documents, ingest_paths
from marsad.store import repository as repo
from tests.ingest.fakes import FakeExtractor, report

GOOD = "On 3 May 2019, five civilians were killed in an airstrike on the market of Sarmada, the monitor said."


def read_all(*paths):
    return list(read_paths(expand_paths([str(p) for p in paths])))


def failures(database) -> dict[str, str]:
    with database.transaction() as session:
        return {f.origin: f.error for f in repo.list_failures(session)}


def test_jsonl_source_or_url_that_is_not_a_string_fails_alone(database, tmp_path):
    path = tmp_path / "feed.jsonl"
    records = [{"text": report(1), "source": 7}, {"text": report(2), "url": ["a", "b"]},
               {"text": report(3), "title": {"x": 1}}, {"text": report(4), "source": "Monitor"}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    summary = ingest_paths(database, [str(path)], IngestOptions(), extractor=FakeExtractor())
    assert (summary.new, summary.failed) == (1, 3)
    recorded = failures(database)
    assert set(recorded) == {f"{path}:1", f"{path}:2", f"{path}:3"}
    assert "'source' that is a number" in recorded[f"{path}:1"]
    assert "'url' that is a list" in recorded[f"{path}:2"]


class HugeCount(FakeExtractor):
    """Yields a count beyond any database integer for one document, as a buggy or hostile extractor could."""

    def __call__(self, document) -> m.Extraction:
        extraction = super().__call__(document)
        if "Hajin1" in document.text:
            extraction.casualties[0].count = 10**20
            extraction.events[0].fatalities = 3_000_000_000
        return extraction


def test_a_count_the_database_cannot_hold_fails_its_document_only(database):
    docs = [RawDocument(origin=f"mem:{n}", input_format="text", text=report(n, place=f"Hajin{n}")) for n in range(3)]
    summary = ingest_documents(database, docs, IngestOptions(batch_size=8), extractor=HugeCount())
    assert (summary.new, summary.failed) == (2, 1)
    assert list(failures(database)) == ["mem:1"]


@pytest.mark.parametrize("statement", [
    "99999999999999999999 people were killed", "3,000,000,000 people were killed",
    "Nine hundred ninety-nine trillion people were killed", "two billion civilians were killed",
])
def test_implausible_counts_are_refused_and_named_in_the_warnings(statement):
    from marsad.extract import extract_text
    from marsad.extract.numbers import MAX_COUNT

    text = f"On 3 May 2019, {statement} in an airstrike on the market of Sarmada in Idlib."
    extraction = extract_text(text)
    assert all((c.count or 0) <= MAX_COUNT for c in extraction.casualties)
    assert not any(c.count == 999 for c in extraction.casualties)
    assert any("not read as counts" in w for w in extraction.warnings)


def test_implausible_counts_are_stored_without_the_count(database, tmp_path):
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    for n, statement in enumerate(["99999999999999999999 civilians were killed", "3,000,000,000 civilians were killed"]):
        (tmp_path / f"r{n}.txt").write_text(f"On 3 May 2019, {statement} in an airstrike on the market of Sarmada.",
                                            encoding="utf-8")
    summary = ingest_paths(database, [str(tmp_path)], IngestOptions())
    assert (summary.new, summary.failed) == (2, 0)
    from sqlalchemy import select

    from marsad.store.models import ExtractionRun

    with database.transaction() as session:
        warnings = [w for run in session.scalars(select(ExtractionRun)) for w in run.warnings or []]
    assert sum("not read as counts" in w for w in warnings) == 2


def test_csv_line_that_is_not_utf8_fails_alone_with_its_line(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"id,text\n1,\"" + GOOD.encode() + b"\"\n2,\"Caf\xe9 " + GOOD.encode() + b"\"\n3,\""
                     + GOOD.encode() + b" Again.\"\n")
    first, bad, third = read_all(path)
    assert isinstance(first, RawDocument) and isinstance(third, RawDocument) and third.external_id == "3"
    assert isinstance(bad, ReadFailure) and bad.origin == f"{path}:3"
    assert "not UTF-8" in str(bad.error) and "0xe9" in str(bad.error)


def test_csv_field_larger_than_a_report_fails_its_row_and_the_next_row_is_read(tmp_path):
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(f'id,text\n1,"{"x" * 25_000_000}"\n2,"{GOOD}"\n')
    big, good = read_all(path)
    assert isinstance(big, ReadFailure) and big.origin == f"{path}:2" and "25 MB" in str(big.error)
    assert isinstance(good, RawDocument) and good.text == GOOD and good.origin == f"{path}:3"


def test_csv_unterminated_quote_is_a_clear_failure_not_garbage_documents(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f'id,text\n1,"{GOOD}"\n2,"{GOOD}\n3,"{GOOD} Again.",x\n4,"{GOOD} More."\n', encoding="utf-8")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "ReadFailure"]
    assert items[0].text == GOOD
    assert items[1].origin == f"{path}:3" and "quote" in str(items[1].error)


def test_csv_quote_never_closed_until_the_end(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f'id,text\n1,"{GOOD}\n2,{GOOD}\n3,{GOOD}\n', encoding="utf-8")
    [failure] = read_all(path)
    assert isinstance(failure, ReadFailure) and failure.origin == f"{path}:2" and "quote" in str(failure.error)


def deep(levels: int) -> str:
    return "<div>" * levels + GOOD + "</div>" * levels


@pytest.mark.parametrize("html", [deep(300), f"<html><head><title>T</title></head><body><p>{'Intro text. ' * 5}</p>"
                                              f"{deep(300)}</body></html>"])
def test_html_nested_deeper_than_the_parser_allows_keeps_its_text(html):
    from marsad.ingest.clean import prepare

    document = prepare(RawDocument(origin="deep.html", input_format="html", html=html))
    assert GOOD in document.text


def test_utf16_file_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(GOOD.encode("utf-16"))  # little-endian with BOM
    (tmp_path / "be.txt").write_bytes(b"\xfe\xff" + GOOD.encode("utf-16-be"))
    first, second = read_all(path, tmp_path / "be.txt")
    assert first.text == GOOD and second.text == GOOD


def test_extract_stdin_latin1_is_a_named_failure_not_a_crash():
    _register_commands()
    result = CliRunner().invoke(cli, ["extract", "-"], input=GOOD.replace("market", "marché").encode("latin-1"),
                                catch_exceptions=False)
    assert result.exit_code != 0
    assert "<stdin>" in result.stderr and "not UTF-8" in result.stderr


def test_extract_stdin_utf8_still_works():
    _register_commands()
    result = CliRunner().invoke(cli, ["extract", "-", "--format", "jsonl"], input=GOOD.encode("utf-8"),
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["casualties"][0]["count"] == 5


def test_ingest_command_records_every_failure_stores_the_rest_and_exits_non_zero(db_url, tmp_path, monkeypatch):
    _register_commands()
    monkeypatch.setattr(service, "default_extractor", FakeExtractor())
    tmp_path = tmp_path / "in"  # the SQLite file of db_url lives in the parent
    tmp_path.mkdir()
    (tmp_path / "good.txt").write_text(report(5), encoding="utf-8")
    one_line = [report(n).replace("\n", " ") for n in (6, 7)]
    (tmp_path / "bad.csv").write_bytes(b"id,text\n1,\"" + one_line[0].encode() + b"\"\n2,\"\xff" + one_line[1].encode()
                                       + b"\"\n")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": report(8), "source": [1]}) + "\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--database", db_url], catch_exceptions=False).exit_code == 0
    result = runner.invoke(cli, ["ingest", str(tmp_path), "--database", db_url], catch_exceptions=False)
    assert result.exit_code != 0
    assert "2 new" in result.stdout + result.stderr and "2 failed" in result.stdout + result.stderr
    listed = runner.invoke(cli, ["documents", "failures", "--database", db_url, "--format", "json"],
                           catch_exceptions=False)
    origins = {row["origin"] for row in json.loads(listed.stdout)}
    assert origins == {f"{tmp_path / 'bad.csv'}:3", f"{tmp_path / 'feed.jsonl'}:1"}
