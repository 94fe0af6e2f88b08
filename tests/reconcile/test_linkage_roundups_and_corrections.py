"""An undated round-up ("over the past day …", dated by its publication) sits between two days' incidents in
one town: "same day" with the later one, "published 1-3 days after" the earlier. It must not glue them."""

from dataclasses import replace

from marsad.reconcile.linkage import PairScore, Report, cluster


def report(uid, doc, day, town, killed):
    return Report(uid=uid, key=f"{doc}/E{uid}", document_id=doc, source=f"S{doc}", reliability="B", published=day, day=day,
                  location=town, admin1="Dnipropetrovsk", event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                  actors=["Military Forces of Russia"], killed=killed, killed_low=killed, killed_high=killed, words=["shell"])  # fmt: skip


def _pairs(scores):
    return [PairScore(a, b, 0.0, p, {}) for a, b, p in scores]


def _nikopol_like(dated_second: bool = True):
    monday = replace(report(1, 1, 100, "Nikopol", 2), published=100)  # shelling "on Monday", two men killed
    roundup = replace(report(2, 2, 101, "Nikopol", 2), published=101, day_stated=False, source="Governor")  # "over the past day"
    tuesday = replace(report(3, 3, 101, "Nikopol", 2), published=101, day_stated=dated_second)  # minibus "on Tuesday"
    update = replace(report(4, 4, 101, "Nikopol", 3), published=102, source="Governor")  # "yesterday … a drone hit a minibus … three"
    return [monday, roundup, tuesday, update]


SCORES = [(1, 2, 0.973), (3, 4, 0.966), (2, 4, 0.946), (2, 3, 0.942), (1, 3, 0.779), (1, 4, 0.568)]


def test_an_undated_roundup_does_not_join_two_days_incidents_in_one_town():
    assert cluster(_nikopol_like(), _pairs(SCORES)).clusters == [[1, 2], [3, 4]]


def test_the_undated_report_still_votes_where_the_dated_reports_share_a_day():
    # the same scores, but the other group's dated report is of the same day: one incident told twice
    reports = _nikopol_like()
    reports[2] = replace(reports[2], day=100, published=100)
    reports[3] = replace(reports[3], day=100)
    assert cluster(reports, _pairs(SCORES)).clusters == [[1, 2, 3, 4]]


def test_the_undated_report_still_votes_where_a_group_has_no_dated_report():
    # nothing in the second group states its day: the dated reports cannot tell the days apart
    reports = _nikopol_like(dated_second=False)
    reports[3] = replace(reports[3], day_stated=False)
    assert cluster(reports, _pairs(SCORES)).clusters == [[1, 2, 3, 4]]


def test_a_toll_revised_down_stands_for_the_tolls_published_before_it():
    # Monday's bomb: 4 (day 100), "five killed yesterday" (published 101), the governor's undated round-up of five
    # (published 101), then "officials revised the toll down to four" (published 102)
    first = replace(report(1, 1, 100, "Zolochiv", 4), published=100)
    wire = replace(report(2, 2, 100, "Zolochiv", 5), published=101)
    correction = replace(report(3, 3, 100, "Zolochiv", 4), published=102, revised_down=True)
    roundup = replace(report(4, 4, 101, "Zolochiv", 5), published=101, day_stated=False)
    scores = [(1, 3, 0.995), (2, 3, 0.999), (1, 2, 0.988), (2, 4, 0.98), (3, 4, 0.93), (1, 4, 0.45)]
    assert cluster([first, wire, correction, roundup], _pairs(scores)).clusters == [[1, 2, 3, 4]]
    # without the correction the first report's weak link votes too: (0.45 + 0.98 + 0.93) / 3 < 0.8
    plain = replace(correction, revised_down=False)
    assert cluster([first, wire, plain, roundup], _pairs(scores)).clusters == [[1, 2, 3], [4]]


def test_a_correction_of_the_others_higher_toll_is_a_later_toll_update_level():
    from marsad.reconcile.linkage import TOLL_UPDATE_LEVEL, score_pairs

    wire = replace(report(1, 1, 100, "Jiribam", 5), published=100)
    correction = replace(report(2, 2, 100, "Jiribam", 4), published=101, revised_down=True)
    (pair,) = score_pairs([wire, correction])
    assert pair.contributions["counts"]["level"] == TOLL_UPDATE_LEVEL
    (pair,) = score_pairs([wire, replace(correction, revised_down=False)])
    assert pair.contributions["counts"]["level"] != TOLL_UPDATE_LEVEL


def test_a_toll_update_of_an_earlier_day_updates_no_later_incident():
    from marsad.reconcile.linkage import TOLL_UPDATE_LEVEL, score_pairs

    # "the toll of Monday night's fighting in Tripoli has risen to 55" and "two patrol members shot dead on Tuesday"
    update = replace(report(1, 1, 100, "Tripoli", 55), published=102, toll_update=True)
    tuesday = replace(report(2, 2, 101, "Tripoli", 2), published=102)
    (pair,) = score_pairs([update, tuesday])
    assert pair.contributions["counts"]["level"] != TOLL_UPDATE_LEVEL
    # the same update beside an earlier report of its own day is still one
    monday = replace(report(3, 3, 100, "Tripoli", 8), published=101)
    (pair,) = score_pairs([update, monday])
    assert pair.contributions["counts"]["level"] == TOLL_UPDATE_LEVEL
