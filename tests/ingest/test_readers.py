"""Readers per format and path expansion, with inputs written by hand."""

from __future__ import annotations

import json
from datetime import date

import pytest

from marsad.errors import InputError
from marsad.ingest.clean import DocumentRejected, clean_text, detect_language, prepare
from marsad.ingest.readers import (
    CsvOptions,
    RawDocument,
    ReadFailure,
    expand_paths,
    parse_date,
    read_paths,
)

STRIKE = "Five civilians were killed on Wednesday when an airstrike hit a market in the town of Sarmada."

PAGE = f"""<html><head><title>Strike kills five in Sarmada - Example News</title>
<meta property="article:published_time" content="2021-03-04T10:00:00Z">
<link rel="canonical" href="https://news.example.org/a/1"></head>
<body><nav>Home | World | Sport</nav><article><h1>Strike kills five in Sarmada</h1>
<p>{STRIKE}</p><p>The strike also wounded at least 12 people, according to the civil defence teams.</p>
</article><footer>Copyright Example News</footer></body></html>"""

FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Monitor</title>
<item><title>Strike in Sarmada</title><link>https://monitor.example.org/1</link>
<guid>m-1</guid><pubDate>Thu, 04 Mar 2021 08:00:00 GMT</pubDate>
<description>&lt;p&gt;{STRIKE}&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://monitor.example.org/2</link></item>
</channel></rss>"""


def read_all(paths, **kwargs):
    return list(read_paths(expand_paths([str(p) for p in paths]), **kwargs))


def test_html_page_keeps_main_text_title_date_and_url(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    [raw] = read_all([tmp_path / "page.html"])
    document = prepare(raw)
    assert STRIKE in document.text and "Copyright" not in document.text and "Home | World" not in document.text
    assert document.title == "Strike kills five in Sarmada"
    assert document.url == "https://news.example.org/a/1"
    assert document.published == date(2021, 3, 4)


def test_feed_entries_become_documents_and_an_empty_entry_fails_alone(tmp_path):
    (tmp_path / "feed.xml").write_text(FEED, encoding="utf-8")
    items = read_all([tmp_path / "feed.xml"])
    first, second = items
    assert isinstance(first, RawDocument) and isinstance(second, ReadFailure)
    assert (first.url, first.title, first.published, first.external_id) == (
        "https://monitor.example.org/1", "Strike in Sarmada", date(2021, 3, 4), "m-1"
    )
    assert prepare(first).text == STRIKE
    assert second.origin.endswith("feed.xml#entry-2")


def test_jsonl_bad_line_is_reported_with_its_line_number(tmp_path):
    path = tmp_path / "archive.jsonl"
    lines = [
        json.dumps({"id": "a", "text": STRIKE, "published": "2021-03-04", "source": "SOHR", "url": "u"}),
        "{not json",
        json.dumps({"id": "c", "title": "no text"}),
        "",
        json.dumps({"id": 4, "html": f"<p>{STRIKE}</p>", "published": "4 March 2021"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all([path])
    assert [type(i).__name__ for i in items] == ["RawDocument", "ReadFailure", "ReadFailure", "RawDocument"]
    good, bad_json, no_text, html = items
    assert (good.external_id, good.source, good.published, good.url) == ("a", "SOHR", date(2021, 3, 4), "u")
    assert bad_json.origin == f"{path}:2" and "not valid JSON" in str(bad_json.error)
    assert no_text.origin == f"{path}:3" and "'text' or 'html'" in str(no_text.error)
    assert (html.external_id, html.published, html.origin) == ("4", date(2021, 3, 4), f"{path}:5")


def test_csv_with_named_columns(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f'key,body,date\n1,"{STRIKE}",2021-03-04\n2,"{STRIKE} Again.",not a date\n', encoding="utf-8")
    options = CsvOptions(text_column="body", date_column="date", id_column="key")
    good, bad = read_all([path], csv_options=options)
    assert (good.text, good.published, good.external_id, good.origin) == (STRIKE, date(2021, 3, 4), "1", f"{path}:2")
    assert isinstance(bad, ReadFailure) and "not a date" in str(bad.error) and bad.origin == f"{path}:3"


def test_csv_without_the_text_column_names_the_columns(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    [failure] = read_all([path])
    assert "--text-column" in str(failure.error) and "a, b" in str(failure.error)


def test_binary_and_non_utf8_files_fail_with_a_clear_message(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02")
    (tmp_path / "old.txt").write_bytes("Cinq civils tués à Alep".encode("latin-1"))
    binary, latin = read_all([tmp_path / "scan.pdf", tmp_path / "old.txt"])
    assert "binary" in str(binary.error) and str(tmp_path / "scan.pdf") in str(binary.error)
    assert "not UTF-8" in str(latin.error) and "iconv" in str(latin.error)


def test_directories_and_globs_expand_in_order_without_hidden_files(tmp_path):
    for name in ("b.txt", "a.txt", "sub/c.html", ".hidden.txt", ".git/x.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(STRIKE, encoding="utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in expand_paths([str(tmp_path)])]
    assert names == ["a.txt", "b.txt", "sub/c.html"]
    assert [p.name for p in expand_paths([str(tmp_path / "*.txt"), str(tmp_path / "a.txt")])] == ["a.txt", "b.txt"]
    with pytest.raises(InputError, match="No such file"):
        expand_paths([str(tmp_path / "missing.txt")])
    with pytest.raises(InputError, match="No file matches"):
        expand_paths([str(tmp_path / "*.csv")])


def test_cleaning_keeps_characters_that_spans_point_at():
    text = "\ufeffAt least 12\u00a0civilians \u201ckilled\u201d\r\nin Hajin\x07.\r\n"
    assert clean_text(text) == "At least 12\u00a0civilians \u201ckilled\u201d\nin Hajin."
    with pytest.raises(DocumentRejected, match="binary"):
        clean_text("abc\x00def")


def test_language_detection():
    assert detect_language(STRIKE) == "en"
    assert detect_language("Clashes near Maarat al-Numan left 5 fighters of HTS dead") == "en"
    assert detect_language("قتل خمسة مدنيين في غارة جوية على سوق في بلدة سرمدا") == "ar"
    with pytest.raises(DocumentRejected, match="detected language: ar"):
        prepare(RawDocument(origin="x", input_format="text", text="قتل خمسة مدنيين في غارة جوية على سوق في بلدة سرمدا"))


def test_parse_date_forms():
    assert parse_date("2018-11-10", "x") == date(2018, 11, 10)
    assert parse_date("2018-11-10T23:00:00Z", "x") == date(2018, 11, 10)
    assert parse_date("10 November 2018", "x") == date(2018, 11, 10)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_date("someday", "file.csv:3")
