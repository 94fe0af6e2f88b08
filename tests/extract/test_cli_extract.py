"""``marsad extract``: every output format validates against schema.json; bad
input is named (file and line) and does not stop a batch."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources

import jsonschema
import pytest
from click.testing import CliRunner

import marsad.cli.extract  # noqa: F401  (registers the command)
from marsad.cli import cli
from marsad.extract.output import load_schema

REPORT = ("On 4 May 2021, regime forces shelled the town of Kafr Nabl in Idlib countryside, killing at least "
          "7 civilians, including 3 children, and wounding 12 others. Two fighters of the National Front were "
          "also killed in clashes with regime forces on the outskirts of the town.")


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(load_schema())


def _run(args, input=None):
    return CliRunner().invoke(cli, ["extract", *args], input=input, catch_exceptions=False)


def test_bundled_example_as_table():
    example = resources.files("marsad").joinpath("examples", "bulletin_2019-03-14.txt")
    result = _run([str(example)])
    assert result.exit_code == 0, result.stderr
    assert "Casualties" in result.stdout and "the rest were killed" in result.stdout


def test_json_output_validates(tmp_path, validator):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = _run([str(path), "--format", "json", "--published", "2021-05-05", "--source", "Monitor"])
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == 1
    validator.validate(records[0])
    record = records[0]
    assert record["document_id"] == "report" and record["published"] == "2021-05-05"
    killed = [c for c in record["casualties"] if c["outcome"] == "killed" and not c["part_of"]]
    assert sorted(c["count"] for c in killed) == [2, 7]
    for casualty in record["casualties"]:
        span = casualty["span"]
        assert REPORT[span["start"]:span["end"]] == span["text"]


def test_jsonl_batch_keeps_order_and_reports_bad_lines(tmp_path, validator):
    lines = [
        json.dumps({"id": "a", "text": REPORT, "published": "2021-05-05"}),
        "{not json",
        json.dumps({"id": "c", "text": "Le 4 mai 2021, les forces du régime ont bombardé la ville et tué sept civils."}),
        json.dumps({"id": "d", "text": "Residents protested in the city centre on 3 May 2021 against rising prices."}),
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run([str(path), "--format", "jsonl"])
    assert result.exit_code != 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document_id"] for r in records] == ["a", "d"]
    for record in records:
        validator.validate(record)
    assert f"{path}:2" in result.stderr and "not valid JSON" in result.stderr
    assert f"{path}:3" in result.stderr and "English" in result.stderr


def test_acled_csv(tmp_path):
    path = tmp_path / "report.html"
    path.write_text(f"<html><head><title>Bulletin</title></head><body><nav>Home | About</nav><article><p>{REPORT}</p>"
                    "</article></body></html>", encoding="utf-8")
    result = _run([str(path), "--format", "acled-csv", "--published", "2021-05-05"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"event_date", "event_type", "sub_event_type", "fatalities"} <= set(rows[0])


def test_stdin():
    result = _run(["-", "--format", "jsonl", "--published", "2021-05-05"], input=REPORT)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["document_id"]


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x00\x01\x02binary\x00" * 20, "binary"),
    ("Rapport: 7 civils tués à Idleb".encode("cp1252") + b"\xe9\xe8" * 10, "UTF-8"),
])
def test_bad_files_are_named(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    result = _run([str(path), str(good), "--format", "jsonl"])
    assert result.exit_code != 0
    assert str(path) in result.stderr and message in result.stderr
    assert [json.loads(line)["document_id"] for line in result.stdout.splitlines()] == ["good"]


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk used
    result = _run([str(path)])
    assert result.exit_code != 0
    assert str(path) in result.stderr and "MB" in result.stderr


def test_missing_file_and_bad_date():
    assert "No such file" in _run(["does-not-exist.txt"]).stderr
    result = _run(["x.txt", "--published", "10/11/2018"])
    assert result.exit_code != 0 and "YYYY-MM-DD" in result.stderr
