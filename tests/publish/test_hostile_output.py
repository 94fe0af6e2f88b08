"""Outputs that cannot be turned against their readers: a document written by
an attacker (its source name, title, URL and text) must not become script in
a bulletin, a live ``javascript:`` link, or a formula in a spreadsheet."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

from marsad import model
from marsad.publish.export import export_events
from marsad.publish.records import Scope
from marsad.publish.render import render_text, write_bulletin
from marsad.publish.report import build_bulletin

EVIL_SOURCE = "<script>alert('source')</script>Net"
EVIL_TITLE = "<img src=x onerror=alert('title')>"
EVIL_URL = "javascript:alert(document.cookie)"
EVIL_TEXT = "A strike on <img src=x onerror=alert('quote')> Gharanij killed 6 civilians. [click](javascript:alert(1))"
FORMULA_SOURCE = "=HYPERLINK(\"https://evil.example\",\"Click\")"


def _extraction(text: str, location: str) -> model.Extraction:
    start = text.index("killed 6 civilians")
    span = model.Span(start, start + len("killed 6 civilians"), "killed 6 civilians")
    whole = model.Span(0, len(text), text)
    return model.Extraction(
        document_id="evil", published=date(2019, 3, 11), pipeline={"name": "test", "version": "1"},
        events=[model.Event(id="E1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                            event_date=date(2019, 3, 10), actor1="International Coalition", location=location,
                            admin1="Deir ez-Zor", country="Syria", latitude=34.5, longitude=-40.25, fatalities=6,
                            casualty_ids=["C1"], span=whole)],
        casualties=[model.Casualty(id="C1", outcome="killed", count=6, victims="civilians",
                                   perpetrator=["International Coalition"], span=span)],
    )  # fmt: skip


@pytest.fixture
def evil_db(database):
    from marsad.store import repository

    with database.transaction() as session:
        for name, url, location, suffix in ((EVIL_SOURCE, EVIL_URL, "Gharanij", ""),
                                            (FORMULA_SOURCE, "https://ok.example/a b", "@SUM(A1:A9)", " -")):
            text = EVIL_TEXT + suffix
            source = repository.get_or_create_source(session, name)
            stored = repository.add_document(session, text=text, source=source, url=url, title=EVIL_TITLE,
                                             published=date(2019, 3, 11))  # fmt: skip
            repository.add_extraction(session, stored.document, _extraction(text, location))
    return database


def _bulletin(database):
    with database.session() as session:
        return build_bulletin(session, Scope(date_from=date(2019, 3, 1), date_to=date(2019, 3, 31)))


def test_markdown_bulletin_carries_no_raw_html_and_no_script_link(evil_db):
    text = render_text(_bulletin(evil_db), "md")
    assert "alert('quote')" in text  # the quote is there, as text
    assert not re.search(r"<\s*(script|img)", text, re.I)
    assert not re.search(r"(?<!\\)\]\(javascript:", text)  # "\](" is an escaped bracket: no link
    assert "<javascript:" not in text
    assert "<https://ok.example/a%20b>" in text  # an http(s) URL is still linked


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_html_and_pdf_bulletins_link_only_http_urls(evil_db, tmp_path, fmt):
    bulletin = _bulletin(evil_db)
    html = render_text(bulletin, "html")
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I)
    assert "<script>" not in html and "<img src=x" not in html
    assert 'href="https://ok.example/a%20b"' in html
    if fmt == "pdf":
        pdf = write_bulletin(bulletin, "pdf", tmp_path / "b.pdf").read_bytes()
        assert b"javascript" not in pdf.lower()


@pytest.mark.parametrize("layout", ["acled", "ucdp-ged"])
def test_csv_exports_neutralise_formulas_but_keep_negative_numbers(evil_db, layout):
    out = io.StringIO()
    with evil_db.reader() as session:
        assert export_events(session, layout, out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    cells = [value for row in rows for value in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not _is_number(c))]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    assert {row["longitude"] for row in rows} == {"-40.25"}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_one_helper_neutralises_every_formula_start():
    from marsad.csvsafe import safe_cell

    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safe_cell(f"{start}cmd|' /C calc'!A0") == f"'{start}cmd|' /C calc'!A0"
    assert [safe_cell(v) for v in (-3.5, "-3.5", "+7", "1e5", 0, None, "Aleppo")] == [-3.5, "-3.5", "+7", "1e5", 0, None, "Aleppo"]


def test_extract_acled_csv_and_cli_csv_tables_are_neutralised(evil_db, db_url):
    from click.testing import CliRunner

    from marsad.cli import _register_commands, cli
    from marsad.extract.output import write_acled_csv

    out = io.StringIO()
    extraction = _extraction(EVIL_TEXT, "=1+1")
    extraction.source = FORMULA_SOURCE
    write_acled_csv([extraction], out)
    assert "'=1+1" in out.getvalue() and "'=HYPERLINK" in out.getvalue()
    _register_commands()
    result = CliRunner().invoke(cli, ["sources", "--format", "csv", "--database", db_url])
    assert result.exit_code == 0, result.output
    names = {row["name"] for row in csv.DictReader(io.StringIO(result.output))}
    assert "'" + FORMULA_SOURCE in names and FORMULA_SOURCE not in names
