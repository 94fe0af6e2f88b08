"""A peaceful gathering with no count that mourns dead killed elsewhere is no incident (s26, hs33, written in
our own words): "Neighbours of A and B, who were gunned down outside their shop on Friday, held a candlelight
vigil on Sunday" names its dead with no number, so nothing ties it to the shooting; read as a report it became
an incident of its own with no dead. It stays an exported event.
Guards: a count keeps the report; a gathering that mourns no dead, a vigil broken up by police (another
sub-event type) and a funeral attacked (another event type) stay reports."""

from __future__ import annotations

from datetime import date

import pytest

from marsad import model as m
from tests.reconcile.helpers import span_of, store

PUBLISHED = date(2024, 6, 17)
DAY = m.DateValue(date(2024, 6, 16), date(2024, 6, 16), 1)


def _gathering(doc: str, text: str, *, event_type: str = "Protests", sub: str = "Peaceful protest",
               killed: int = 0) -> tuple[str, m.Extraction]:
    casualties = [m.Casualty(id="C1", outcome="killed", count=killed, low=killed, high=killed, victims="civilians",
                             span=span_of(text, text.rstrip(".")))] if killed else []  # fmt: skip
    event = m.Event(id="E1", event_type=event_type, sub_event_type=sub, event_date=DAY.end, date=DAY,
                    actor1="Protesters (Mexico)", location="Leon", admin1="Guanajuato", country="Mexico",
                    fatalities=killed, casualty_ids=[c.id for c in casualties],
                    span=span_of(text, text.rstrip(".")))  # fmt: skip
    return text, m.Extraction(document_id=doc, published=PUBLISHED, source="El Sol", language="en", events=[event],
                              casualties=casualties, pipeline={"name": "marsad-test", "version": "test-1"})  # fmt: skip


@pytest.mark.parametrize("doc, text, event_type, sub, is_report", [
    # a vigil naming its dead with no number (before: an incident with no dead beside the shooting's)
    ("vigil", "Neighbours of Mario Ortega and Luis Campos, who were gunned down outside their shop on Friday, "
              "held a candlelight vigil in Leon on Sunday.", "Protests", "Peaceful protest", False),
    ("mourners", "Hundreds of mourners walked behind the coffins of the brothers killed in Friday's shooting in "
                 "Leon on Sunday.", "Protests", "Peaceful protest", False),
    ("buried", "Relatives buried the victims of the Friday shooting in a Leon cemetery on Sunday.",
     "Protests", "Peaceful protest", False),
    # guards: a gathering that mourns no one, police breaking up a vigil, an attack on a funeral
    ("peace", "Church groups held a vigil for peace in central Leon on Sunday.", "Protests", "Peaceful protest", True),
    ("march", "Hundreds marched in Leon on Sunday to demand justice for the two men killed on Friday.",
     "Protests", "Peaceful protest", True),
    ("dispersed", "Police fired tear gas to break up a vigil in Leon on Sunday for the two men killed on Friday.",
     "Protests", "Protest with intervention", True),
    ("attacked", "Gunmen opened fire on mourners at a funeral in Leon on Sunday, witnesses said.",
     "Violence against civilians", "Attack", True),
])
def test_mourning_without_a_count_is_no_incident(database, doc, text, event_type, sub, is_report):
    from marsad.reconcile.facts import load_facts

    with database.transaction() as session:
        store(session, _gathering(doc, text, event_type=event_type, sub=sub))
        reports, _ = load_facts(session)
    assert (len(reports) == 1) is is_report


def test_a_count_keeps_a_funeral_report(database):
    from marsad.reconcile.facts import load_facts

    text = "Mourners in Leon on Sunday buried the three men shot dead in Friday's attack on a bar."
    with database.transaction() as session:
        store(session, _gathering("funeral", text, killed=3))
        reports, _ = load_facts(session)
    assert [r.killed for r in reports] == [3]
