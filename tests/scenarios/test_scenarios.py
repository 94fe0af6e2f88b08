"""Report streams with their truth (tests/scenarios/streams/*.yaml): each is
ingested into a fresh database through marsad's real ingest and extraction,
reconciled, tallied and checked; every incident (count, killed best) and every
expected tally row must come out exactly. Runs on SQLite, and on PostgreSQL
when MARSAD_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import pytest

from tests.scenarios.runner import load_stream, run_stream, stream_paths

STREAMS = stream_paths()


def test_there_are_enough_streams_covering_every_kind():
    streams = [load_stream(p) for p in STREAMS]
    assert len(streams) >= 10
    kinds = {k for s in streams for k in s.get("covers", [])}
    needed = {"headline_body", "restatement", "lead_total_breakdown", "subcount_of_them", "subcount_of_the_dead",
              "subcount_among_those_killed", "subcount_among_the_dead", "toll_update", "died_of_wounds", "spelling",
              "yesterday", "massacre_reference", "monthly_claim", "breakdown_tree", "executions", "per_side_losses",
              "vague_quantity", "second_source"}  # fmt: skip
    assert needed <= kinds, needed - kinds
    for stream in streams:
        assert 2 <= len(stream["reports"]) <= 6, stream["name"]
        assert stream["truth"]["incidents"] and stream["truth"]["tallies"], stream["name"]


@pytest.mark.parametrize("path", STREAMS, ids=[p.stem for p in STREAMS])
def test_stream_incidents_and_tallies_are_exact(path, db_url, scenario_gazetteer, request):
    stream = load_stream(path)
    if stream.get("pending"):  # a known extraction gap, named in the stream; passing again is welcome
        request.applymarker(pytest.mark.xfail(reason=stream["pending"], strict=False))
    outcome = run_stream(stream, db_url)
    assert outcome.problems == [], "\n".join(outcome.problems + [f"incidents: {outcome.incidents}"])
