"""Which events are incident-level reports: a headline its body restates is not a second one."""

from datetime import date
from types import SimpleNamespace

from marsad.reconcile.facts import headline_restatements

TEXT = ("Regime rockets kill 7 civilians in Maarat al-Numan\n"
        "Seven civilians were killed on Tuesday by rockets fired at the market of Maarat al-Numan. "
        "Separately, a drone struck a car near Saraqib, killing two fighters.")  # fmt: skip
DAY = date(2019, 5, 14)


def event(id, needle, location, event_type="Explosions/Remote violence", precision=1, day=DAY, admin1="Idlib"):
    start = TEXT.index(needle)
    return SimpleNamespace(id=id, document_id=1, span_start=start, span_end=start + len(needle), location=location,
                           admin1=admin1, event_date=day, date_precision=precision, event_type=event_type)  # fmt: skip


def test_a_headline_restated_by_its_body_is_not_a_second_report():
    head = event(1, "Regime rockets kill 7 civilians", "Ma'arrat an Nu'man", precision=None)
    body = event(2, "Seven civilians were killed", "Ma'arrat an Nu'man")
    other = event(3, "a drone struck a car near Saraqib", "Saraqib")
    assert headline_restatements([head, body, other], {1: TEXT}) == {1}
    # a headline naming the governorate of its body's town restates it too
    assert headline_restatements([event(1, "Regime rockets kill 7", "Idlib", precision=None), body], {1: TEXT}) == {1}


def test_a_headline_about_something_else_stays():
    head = event(1, "Regime rockets kill 7 civilians", "Ma'arrat an Nu'man", event_type="Battles")
    body = event(2, "Seven civilians were killed", "Ma'arrat an Nu'man")
    assert headline_restatements([head, body], {1: TEXT}) == set()
    elsewhere = event(1, "Regime rockets kill 7 civilians", "Saraqib")
    assert headline_restatements([elsewhere, body], {1: TEXT}) == set()
    one_line = {1: TEXT.replace("\n", ". ")}
    assert headline_restatements([event(1, "Regime rockets kill 7 civilians", "Ma'arrat an Nu'man"), body], one_line) == set()
