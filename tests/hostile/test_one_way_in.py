"""``marsad extract`` and ``marsad ingest`` prepare a document the same way
(issue 14): same text, same document id, same spans, whatever the line endings."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from marsad.cli import _register_commands, cli
from marsad.ingest.service import DefaultExtractor, IngestOptions, ingest_paths

LINES = ["  Report of the day", "On 3 May 2019, regime forces shelled Kafr Nabl in Idlib countryside, killing at least "
         "7 civilians, including 3 children.", "", "Two fighters were also killed in clashes near Saraqib."]


class Recording(DefaultExtractor):
    def __init__(self):
        self.seen = []

    def __call__(self, document):
        extraction = super().__call__(document)
        self.seen.append((document.text, extraction))
        return extraction


def facts(extraction) -> list[tuple]:
    return sorted((c.span.start, c.span.end, c.span.text, c.count) for c in extraction.casualties)


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
@pytest.mark.parametrize("name", ["r1.txt", "r1.jsonl", "r1.html"])
def test_extract_and_ingest_give_the_same_id_text_and_spans(tmp_path, newline, name, database):
    _register_commands()
    path = tmp_path / "in" / name
    path.parent.mkdir()
    body = newline.join(LINES) + newline
    if name.endswith(".jsonl"):
        path.write_text(json.dumps({"text": body}) + "\n", encoding="utf-8")
    elif name.endswith(".html"):
        path.write_bytes(("<p>" + f"</p>{newline}<p>".join(LINES) + "</p>").encode())
    else:
        path.write_bytes(body.encode("utf-8"))
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    extracted = json.loads(result.stdout)

    recording = Recording()
    summary = ingest_paths(database, [str(path)], IngestOptions(), extractor=recording)
    assert summary.new == 1
    [(text, ingested)] = recording.seen
    assert ingested.document_id == extracted["document_id"]
    from_cli = sorted((c["span"]["start"], c["span"]["end"], c["span"]["text"], c["count"])
                      for c in extracted["casualties"])
    assert from_cli == facts(ingested) and from_cli
    assert all(text[s:e] == t for s, e, t, _ in from_cli)
