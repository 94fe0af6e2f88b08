"""`marsad init`, `ingest`, `documents list`, `events list`, `sources` through
the real click commands, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from click.testing import CliRunner

import marsad.ingest.service as service
from marsad.cli import _register_commands, cli
from marsad.store import repository as repo
from tests.ingest.fakes import FakeExtractor, report
from tests.store.factories import REPORT, make_extraction


@pytest.fixture
def run(db_url, monkeypatch):
    _register_commands()
    monkeypatch.setattr(service, "default_extractor", FakeExtractor())
    from marsad.store import open_database

    open_database(db_url).dispose()  # only `marsad init` creates a database from the command line
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [*args, "--database", db_url], catch_exceptions=False)

    return invoke


def test_init_then_ingest_a_directory_with_a_summary_and_exit_code(run, tmp_path):
    tmp_path = tmp_path / "reports"
    tmp_path.mkdir()
    assert "schema revision" in run("init").output
    (tmp_path / "one.txt").write_text(report(1), encoding="utf-8")
    (tmp_path / "two.txt").write_text(report(2), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run("ingest", str(tmp_path), "--source", "SOHR", "--reliability", "b", "--format", "json")
    assert result.exit_code == 1  # one document failed
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["failed"]) == (2, 1)
    assert summary["failures"][0]["origin"].endswith("empty.txt")
    (tmp_path / "empty.txt").unlink()
    again = run("ingest", str(tmp_path), "--source", "SOHR")
    assert again.exit_code == 0 and again.stdout.startswith("0 new, 0 updated, 2 unchanged")
    sources = json.loads(run("sources", "--format", "json").stdout)
    assert [(s["name"], s["reliability"], s["documents"]) for s in sources] == [("SOHR", "B", 2)]


def test_ingest_jsonl_and_csv(run, tmp_path):
    jsonl = tmp_path / "archive.jsonl"
    jsonl.write_text(json.dumps({"id": "x1", "text": report(5), "published": "2018-11-01", "source": "Monitor"}) + "\n")
    table = tmp_path / "export.csv"
    table.write_text(f'body,date\n"{report(7)}",2018-11-09\n', encoding="utf-8")
    assert run("ingest", str(jsonl)).exit_code == 0
    assert run("ingest", str(table), "--text-column", "body", "--date-column", "date").exit_code == 0
    rows = json.loads(run("documents", "list", "--since", "2018-11-05", "--format", "json").stdout)
    assert [r["published"] for r in rows] == ["2018-11-09"]
    listed = list(csv.DictReader(io.StringIO(run("documents", "list", "--format", "csv").stdout)))
    assert [(r["published"], r["source"], r["casualties"]) for r in listed] == [
        ("2018-11-09", "", "2"), ("2018-11-01", "Monitor", "3")
    ]


def test_events_list_filters_by_place_and_dates(run, database):
    with database.transaction() as session:
        source = repo.get_or_create_source(session, "SOHR")
        stored = repo.add_document(session, text=REPORT, source=source, published=date(2021, 3, 3))
        repo.add_extraction(session, stored.document, make_extraction())
    result = run("events", "list", "--place", "atarib", "--from", "2021-03-01", "--to", "2021-03-10", "--format", "json")
    [event] = json.loads(result.stdout)
    assert (event["location"], event["fatalities"], event["source"]) == ("Al-Atarib", 12, "SOHR")
    assert event["evidence"] == "regime aircraft struck"
    table = run("events", "list", "--place", "Idlib").stdout
    assert "Maarat al-Numan" in table and "Al-Atarib" not in table
    assert json.loads(run("events", "list", "--from", "2021-03-04", "--format", "json").stdout) == []


def test_bad_date_option_is_a_usage_error(run):
    result = run("documents", "list", "--since", "10/11/2018")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_reliability_needs_a_source(run, tmp_path):
    result = run("ingest", str(tmp_path), "--reliability", "B")
    assert result.exit_code == 2 and "--source" in result.output
