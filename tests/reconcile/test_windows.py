"""Reconciling a month at a time gives the whole-store result."""

import random
from dataclasses import replace
from datetime import date

import pytest

from marsad.reconcile.linkage import CROWDED_AREA, Report, crowded_reports, link_windows, month_windows, score_pairs
from marsad.reconcile.service import STORED_PAIR_PROBABILITY, link_reports

TOWNS = [("Saraqib", "Saraqeb", "Idlib"), ("Ariha", "Areeha", "Idlib"), ("Sarmada", "Sarmeda", "Idlib"), ("Douma", "Duma", "Rif Dimashq"),
         ("Harasta", "Harastah", "Rif Dimashq"), ("Palmyra", "Tadmur", "Homs")]  # fmt: skip
KINDS = [("Explosions/Remote violence", "Air/drone strike", "Syrian regime forces", "market"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Turkish forces", "farmland"),
         ("Battles", "Armed clash", "HTS", "checkpoint")]  # fmt: skip
SOURCES = ["Monitor A", "Monitor B", "Monitor C", "Monitor D"]


def simulated_reports(n_incidents: int, first: date, days: int, seed: int = 3) -> list[Report]:
    """Incidents reported by 1–4 sources, a day late at times, under spelling
    variants; 1 in 10 of them on the last day of a month, reported again
    on the next month's first days (an incident that straddles a window)."""
    rng = random.Random(seed)
    reports: list[Report] = []
    for incident in range(n_incidents):
        day = first.toordinal() + rng.randrange(days)
        if incident % 10 == 0:
            day = date.fromordinal(day).replace(day=1).toordinal() - 1  # the previous month's last day
        town, variant, admin1 = rng.choice(TOWNS)
        event_type, sub, actor, target = rng.choice(KINDS)
        killed = rng.randint(1, 40)
        for index, source in enumerate(rng.sample(SOURCES, rng.randint(2, 4) if incident % 10 == 0 else rng.randint(1, 4))):
            uid = len(reports) + 1
            late = index > 0 if incident % 10 == 0 else rng.random() < 0.3
            count = killed + (rng.randint(1, 5) if late and rng.random() < 0.5 else 0)
            reports.append(Report(
                uid=uid, key=f"{uid}/E1", document_id=uid, source=source, reliability="B", published=day + late, day=day + late,
                location=variant if rng.random() < 0.3 else town, admin1=admin1, event_type=event_type, sub_event_type=sub,
                actors=[actor], killed=count, killed_low=count, killed_high=count, words=[target, f"w{incident}"],
                toll_update=late and count > killed,
            ))  # fmt: skip
    return reports


def outcome(linked) -> tuple:
    pairs = sorted((p.uid_a, p.uid_b, p.match_probability, p.match_weight, tuple(sorted(p.contributions.items(), key=str))) for p in linked.pairs)
    drafts = [(d.report_uids, sorted(d.attributes.items(), key=str), [e.__dict__ for e in d.estimates]) for d in linked.drafts]
    return linked.clustering.clusters, sorted(linked.clustering.linked_pairs), pairs, drafts, linked.pairs_scored


def test_month_windows_cover_the_months_that_hold_reports():
    days = [date(2021, 1, 31).toordinal(), date(2021, 3, 1).toordinal(), date(2021, 12, 5).toordinal()]
    assert month_windows(days) == [(date(2021, 1, 1).toordinal(), date(2021, 1, 31).toordinal()),
                                   (date(2021, 3, 1).toordinal(), date(2021, 3, 31).toordinal()),
                                   (date(2021, 12, 1).toordinal(), date(2021, 12, 31).toordinal())]  # fmt: skip
    assert month_windows(days, 3) == [(date(2021, 1, 1).toordinal(), date(2021, 3, 31).toordinal()),
                                      (date(2021, 10, 1).toordinal(), date(2021, 12, 31).toordinal())]  # fmt: skip


@pytest.mark.parametrize("n_incidents", [60, 400])  # 400: enough reports to re-estimate u on the store
def test_month_by_month_gives_the_whole_store_result(n_incidents):
    reports = simulated_reports(n_incidents, date(2021, 1, 1), 90)
    by_uid = {r.uid: r for r in reports}
    # a person's decisions, one across months
    same = [(reports[0].key, reports[-1].key)]
    different = [(reports[1].key, reports[2].key)]
    windowed = link_reports(reports, same, different)
    whole = link_reports(reports, same, different, window_months=None)
    assert outcome(windowed) == outcome(whole)
    months = {r.day: date.fromordinal(r.day).month for r in reports}
    straddling = [c for c in windowed.clustering.clusters if len({months[by_uid[u].day] for u in c}) > 1]
    assert len(straddling) >= n_incidents // 20  # incidents on a month's last day joined their reports of the next
    assert any({reports[0].uid, reports[-1].uid} <= set(c) for c in windowed.clustering.clusters)  # "same" across months
    assert all(p.match_probability >= STORED_PAIR_PROBABILITY for p in windowed.pairs)
    assert windowed.pairs_scored >= len(windowed.pairs)


def test_a_chain_of_reports_across_two_windows_is_clustered_once():
    reports = simulated_reports(40, date(2021, 1, 1), 60, seed=5)
    whole = link_windows(reports, window_months=None)
    # one window per month, and one per two months: groups open at a window's end wait for the next
    for months in (1, 2):
        windowed = link_windows(reports, window_months=months)
        assert windowed.clustering.clusters == whole.clustering.clusters
        assert windowed.scored == whole.scored
    assert sorted(p.uid_a for p in score_pairs(reports)) == sorted(p.uid_a for p in score_pairs(reports, window_months=None))


def report(uid: int, town: str, admin1: str = "Idlib", day: int = 737800) -> Report:
    return Report(uid=uid, key=f"{uid}/E1", document_id=uid, source=f"S{uid}", reliability="B", published=day, day=day, location=town,
                  admin1=admin1, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                  actors=["Syrian regime forces"], killed=7, killed_low=7, killed_high=7, words=["bakery"])  # fmt: skip


def test_in_a_crowded_area_only_place_rules_block():
    # two reports of one strike, the place spelt past recognition ("Palmyra", "Tadmur"): the area block pairs them
    pair = [report(1, "Palmyra", "Homs"), report(2, "Tadmur", "Homs")]
    assert {(p.uid_a, p.uid_b) for p in score_pairs(pair)} == {(1, 2)}
    assert crowded_reports(pair) == set()
    # the same two among more reports of their governorate in a week than CROWDED_AREA: only the place rules block
    crowd = [replace(report(uid, f"Village {uid % 50}", "Homs"), day=737800 + uid % 3) for uid in range(3, CROWDED_AREA + 3)]
    assert crowded_reports(pair + crowd) >= {1, 2}
    pairs = {(p.uid_a, p.uid_b) for p in score_pairs(pair + crowd)}
    assert (1, 2) not in pairs
    assert (3, 53) in pairs  # one village, 50 apart: a place rule still pairs them
    # another governorate stays uncrowded and keeps its area block
    other = [report(1000, "Saraqib"), report(1001, "Sraqb-x")]
    assert (1000, 1001) in {(p.uid_a, p.uid_b) for p in score_pairs(pair + crowd + other)}
