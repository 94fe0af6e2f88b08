from marsad.reconcile.estimates import Figure, combine, figures_of_report


def fig(key, source, grade, published, best, low=None, high="same", category="civilians"):
    low = best if low is None else low
    high = best if high == "same" else high
    return Figure(key, source, grade, published, int(key.split("/")[0]), "killed", category, low, best, high)


def test_toll_update_supersedes_earlier_report_of_same_source():
    (estimate,) = combine([fig("1/E1", "A", "B", 10, 9), fig("2/E1", "A", "B", 11, 14)])
    assert (estimate.low, estimate.best, estimate.high) == (14, 14, 14)
    assert estimate.superseded == ["1/E1"]
    assert estimate.n_sources == 1


def test_more_reliable_source_wins_best_and_disagreement_widens_range():
    (estimate,) = combine([fig("1/E1", "Weak", "E", 12, 20), fig("2/E1", "Strong", "A", 10, 12), fig("3/E1", "Mid", "C", 11, 15)])
    assert estimate.best == 12
    assert (estimate.low, estimate.high) == (12, 20)
    assert estimate.best_report_key == "2/E1"


def test_later_report_wins_between_equally_reliable_sources():
    (estimate,) = combine([fig("1/E1", "A", "B", 10, 7), fig("2/E1", "C", "B", 12, 8)])
    assert estimate.best == 8 and (estimate.low, estimate.high) == (7, 8)


def test_lower_bound_only_marks_open_high():
    (estimate,) = combine([fig("1/E1", "A", "C", 10, 12, high=None)])
    assert (estimate.low, estimate.best, estimate.high, estimate.open_high) == (12, 12, 12, True)


def test_including_children_do_not_add_to_civilians():
    casualties = [
        {"id": 1, "part_of": None, "outcome": "killed", "count": 12, "low": 12, "high": None, "qualifier": "at_least", "victims": "civilians"},
        {"id": 2, "part_of": 1, "outcome": "killed", "count": 4, "low": 4, "high": 4, "victims": "civilians", "victim_group": "children"},
        {"id": 3, "part_of": None, "outcome": "executed", "count": 2, "low": 2, "high": 2, "victims": "civilians"},
        {"id": 4, "part_of": None, "outcome": "killed", "count": None, "low": 12, "vague": "dozens", "victims": "combatants", "affiliation": "SDF"},
    ]
    figures = {f.category: f for f in figures_of_report("1/E1", "A", "B", 1, 1, casualties)}
    assert (figures["civilians"].low, figures["civilians"].best, figures["civilians"].high) == (14, 14, None)
    assert figures["children"].best == 4
    assert figures["combatants"].best == 12 and figures["combatants"].high is None
    assert figures["combatants/SDF"].best == 12
