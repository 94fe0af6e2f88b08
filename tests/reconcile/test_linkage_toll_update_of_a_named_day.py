"""A toll update that names the day of its incident before its publication ("the toll of Wednesday's shelling of the
market rose to six", published on Thursday) updates no report of a day two or more days before it in the same town
(Monday's shelling of a camp): stream 173 (s26, hs31; written for this test; goes in tests/reconcile/)."""

from dataclasses import replace

from marsad.reconcile.linkage import TOLL_UPDATE_LEVEL, Report, score_pairs


def report(uid, doc, day, killed, **kw):
    return Report(uid=uid, key=f"{doc}/E{uid}", document_id=doc, source=f"S{doc}", reliability="B", published=day, day=day,
                  location="El Fasher", admin1="Northern Darfur", event_type="Explosions/Remote violence",
                  sub_event_type="Shelling/artillery/missile attack", actors=["RSF"], killed=killed, killed_low=killed,
                  killed_high=killed, words=["shell"], **kw)  # fmt: skip


def _level(a, b):
    (pair,) = score_pairs([a, b])
    return pair.contributions["counts"]["level"]


def test_a_toll_update_of_a_named_day_updates_no_incident_two_days_before():
    monday = report(1, 1, 100, 5)  # "five killed on Monday when shells fell on the camp"
    update = replace(report(2, 2, 102, 6), published=103, toll_update=True)  # "the toll of Wednesday's shelling … rose to six"
    assert _level(monday, update) != TOLL_UPDATE_LEVEL


def test_guards_a_toll_update_still_updates_its_own_day_and_the_day_before():
    update = replace(report(2, 2, 102, 6), published=103, toll_update=True)
    assert _level(report(1, 1, 102, 4), update) == TOLL_UPDATE_LEVEL  # Wednesday's first count
    assert _level(report(1, 1, 101, 4), update) == TOLL_UPDATE_LEVEL  # one day apart: a night attack told either day
    # an update dated by its own publication ("the toll rose to six on Thursday"): the day may be the update's
    dated_today = replace(report(3, 3, 103, 6), published=103, toll_update=True)
    assert _level(report(1, 1, 100, 5), dated_today) == TOLL_UPDATE_LEVEL
    # an update that states no day at all
    undated = replace(report(4, 4, 103, 6), published=103, toll_update=True, day_stated=False)
    assert _level(report(1, 1, 100, 5), undated) == TOLL_UPDATE_LEVEL
