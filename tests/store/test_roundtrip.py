"""Whatever an extraction holds comes back from the database unchanged
(hypothesis round-trip, SQLite and PostgreSQL)."""

from __future__ import annotations

import itertools
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad import model as m
from marsad.store import repository as repo
from marsad.store.bulk import NewDocument, store_documents

WORDS = st.text(alphabet=st.sampled_from("ab ,.’\u00a0\u0627\u0644\U0001F600\"'"), min_size=1, max_size=8)
UNIQUE = itertools.count()


@st.composite
def extractions(draw):
    words = draw(st.lists(WORDS, min_size=6, max_size=30))
    text = " ".join(words)
    def span():
        start = draw(st.integers(0, len(text) - 1))
        return m.Span.of(text, start, draw(st.integers(start, len(text))))

    places = [m.PlaceMention(id=f"P{i}", text=draw(WORDS), span=span(), latitude=draw(st.none() | st.floats(-90, 90)))
              for i in range(draw(st.integers(0, 3)))]  # fmt: skip
    casualties = []
    for i in range(draw(st.integers(0, 5))):
        parent = draw(st.sampled_from([None] + [c.id for c in casualties]))
        casualties.append(m.Casualty(
            id=f"C{i}", outcome=draw(st.sampled_from(["killed", "injured", "abducted"])),
            count=draw(st.none() | st.integers(0, 10**6)), low=draw(st.none() | st.integers(0, 100)),
            qualifier=draw(st.sampled_from([None, "at_least", "about"])), part_of=parent,
            perpetrator=draw(st.lists(WORDS, max_size=2)), is_tally=draw(st.booleans()), span=span(),
            place_ids=[p.id for p in places if draw(st.booleans())],
            period=draw(st.none() | st.just(m.DateValue(date(2018, 9, 10), date(2018, 11, 10), 5))),
        ))  # fmt: skip
    events = [m.Event(id="E0", event_type="Battles", sub_event_type="Armed clash", event_date=date(2018, 11, 9),
                      casualty_ids=[c.id for c in casualties], place_ids=[p.id for p in places], span=span())]  # fmt: skip
    return text, m.Extraction(document_id="x", events=events, casualties=casualties, places=places,
                              pipeline={"name": "t", "version": "1"})  # fmt: skip


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=extractions())
def test_stored_facts_read_back_identically(database, case):
    text, extraction = case
    text += f" #{next(UNIQUE)}"  # spans stay valid: they all lie before this suffix
    with database.transaction() as session:
        [status] = store_documents(session, [NewDocument(text=text, content_hash=repo.content_hash(text),
                                                         extraction=extraction)])  # fmt: skip
        assert status == "new"
    with database.reader() as session:
        document = repo.list_documents(session, limit=1)[0]
        document = repo.get_document(session, document.id)
        assert document.text == text
        facts = repo.facts_of_document(session, document)
        by_id = {c.id: c.local_id for c in facts["casualties"]}
        stored = {c.local_id: c for c in facts["casualties"]}
        for original in extraction.casualties:
            row = stored[original.id]
            assert (row.outcome, row.count, row.low, row.qualifier, row.is_tally) == (
                original.outcome, original.count, original.low, original.qualifier, original.is_tally
            )
            assert by_id.get(row.part_of_id) == original.part_of
            assert row.perpetrators == (original.perpetrator or None)
            assert text[row.span_start : row.span_end] == row.span_text == original.span.text
            assert (row.period_start, row.period_end) == (
                (original.period.start, original.period.end) if original.period else (None, None)
            )
        assert [p.latitude for p in facts["places"]] == [p.latitude for p in extraction.places]
        assert [p.text for p in facts["places"]] == [p.text for p in extraction.places]
