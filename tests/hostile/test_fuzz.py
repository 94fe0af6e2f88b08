"""Property tests over readers and extraction (issue 14): no input crashes
them, every fact's span is the text it points at, no count is implausible.

The default run is bounded (a few seconds); ``pytest -m slow`` runs the
100,000-input campaign of ``bench/fuzz.py`` and requires zero crashes and zero
span mismatches."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from fuzz import FRAGMENTS, campaign, spans_of  # noqa: E402

from marsad.extract.numbers import MAX_COUNT  # noqa: E402
from marsad.ingest.clean import DocumentRejected, prepare  # noqa: E402
from marsad.ingest.readers import RawDocument, ReadFailure, read_paths  # noqa: E402

TEXTS = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40).map(" ".join)
BOUNDED = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def pipeline():
    from marsad.extract.pipeline import Pipeline

    pipeline = Pipeline(strict=True)
    # load rules, gazetteer and area phrases outside the timing
    pipeline("On 3 May 2019, five civilians were killed by HTS between Homs and Hama and east of Raqqa.")
    return pipeline


def check_extraction(pipeline, text: str) -> None:
    extraction = pipeline(text)
    for span in spans_of(extraction):
        assert 0 <= span.start <= span.end <= len(text) and text[span.start:span.end] == span.text, span
    assert all(c.count is None or 0 <= c.count <= MAX_COUNT for c in extraction.casualties)


@BOUNDED
@given(text=TEXTS)
def test_extraction_never_crashes_and_spans_point_at_their_text(pipeline, text):
    check_extraction(pipeline, text)


@BOUNDED
@given(data=st.one_of(st.binary(max_size=300), TEXTS.map(lambda t: t.encode("utf-8")),
                      TEXTS.map(lambda t: t.encode("utf-16"))),
       kind=st.sampled_from(["txt", "html", "jsonl", "json", "csv", "tsv", "xml"]))
def test_readers_and_preparation_only_ever_record_failures(pipeline, data, kind):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input.{kind}"
        path.write_bytes(data)
        for item in read_paths([path]):
            assert isinstance(item, RawDocument | ReadFailure)
            if isinstance(item, ReadFailure):
                assert str(path) in item.origin and str(item.error)
                continue
            try:
                document = prepare(item, languages=None)
            except DocumentRejected:
                continue
            check_extraction(pipeline, document.text)


@pytest.mark.slow
def test_hundred_thousand_generated_inputs_without_a_crash_or_a_span_mismatch():
    stats, problems, _cpu = campaign(100_000)
    assert stats["inputs"] >= 100_000
    assert stats["crashes"] == 0 and stats["span_mismatches"] == 0 and stats["implausible_counts"] == 0, problems[:10]
