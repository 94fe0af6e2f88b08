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


def test_a_later_lower_figure_of_the_same_source_does_not_lower_its_toll():
    (estimate,) = combine([fig("1/E1", "A", "B", 10, 7), fig("2/E1", "A", "B", 11, 11), fig("3/E1", "A", "B", 12, 1)])
    assert (estimate.low, estimate.best, estimate.high) == (11, 11, 11)
    assert estimate.superseded == ["1/E1", "3/E1"]


def test_the_higher_toll_wins_between_equally_reliable_sources_even_if_published_earlier():
    (estimate,) = combine([fig("1/E1", "Monitor", "C", 11, 11), fig("2/E1", "Civil defence", "C", 12, 9)])
    assert (estimate.low, estimate.best, estimate.high) == (9, 11, 11)


def test_unknown_victims_are_the_total_less_the_named_categories_not_added():
    # one source: 14 people; another: 12 civilians and 2 fighters (the same 14)
    figures = [fig("1/E1", "A", "B", 10, 14, category="unknown"), fig("2/E1", "B", "C", 11, 12),
               fig("2/E1", "B", "C", 11, 2, category="combatants")]  # fmt: skip
    by_category = {e.category: e.best for e in combine(figures)}
    assert by_category == {"civilians": 12, "combatants": 2}
    # a total above what the named categories explain leaves the rest unknown
    figures[0] = fig("1/E1", "A", "B", 10, 20, category="unknown")
    by_category = {e.category: e.best for e in combine(figures)}
    assert by_category == {"civilians": 12, "combatants": 2, "unknown": 6}


def test_a_party_s_own_claim_widens_the_range_but_is_best_only_alone():
    from dataclasses import replace

    documented, update = fig("1/E1", "Wire", "B", 10, 2), fig("3/E1", "Wire", "B", 14, 3)
    claim = replace(fig("2/E1", "Wire", "B", 11, 5), party_claim=True)  # relayed by the same wire
    (estimate,) = combine([documented, claim, update])
    assert (estimate.low, estimate.best, estimate.high) == (3, 3, 5)
    assert estimate.best_report_key == "3/E1" and "party's word" in estimate.explanation
    assert estimate.n_sources == 1  # the wire, whose own figures and the claim it relays
    (alone,) = combine([claim])
    assert alone.best == 5
    casualties = [{"id": 1, "part_of": None, "outcome": "killed", "count": 5, "low": 5, "high": 5, "victims": "combatants",
                   "party_claim": True}]
    assert all(f.party_claim for f in figures_of_report("2/E1", "Wire", "B", 11, 2, casualties))


def test_a_ceiling_ranks_after_the_counts_of_equally_reliable_sources():
    ceiling = fig("2/E1", "Hospital", None, 11, 6, low=0)  # "up to six bodies"
    (estimate,) = combine([fig("1/E1", "Wire", None, 10, 4, high=None), ceiling, fig("3/E1", "Government", None, 12, 5)])
    assert (estimate.low, estimate.best, estimate.high) == (0, 5, 6)


def test_a_category_only_a_partys_word_gives_adds_no_dead_beside_the_documented_ones():
    from dataclasses import replace

    ministry = fig("1/E1", "Ministry", "B", 11, 9)  # nine civilians
    army = replace(fig("2/E1", "Army", None, 11, 3, category="combatants", high=None), party_claim=True)  # "killed several militants"
    killed = {e.category: (e.low, e.best, e.high) for e in combine([ministry, army])}
    assert killed == {"civilians": (9, 9, 9)}  # the party's three are its account of the nine, not three more
    wire = fig("3/E1", "Wire", "B", 11, 12, category="unknown")  # a higher total leaves the rest unknown, as before
    killed = {e.category: e.best for e in combine([ministry, army, wire])}
    assert killed == {"civilians": 9, "unknown": 3}
    (alone,) = combine([army])  # alone, the party's word is the incident's figure
    assert (alone.category, alone.best) == ("combatants", 3)
    soldiers = fig("4/E1", "Medics", None, 11, 2, category="combatants")  # documented too: it stays, range widened
    killed = {e.category: (e.low, e.best) for e in combine([ministry, army, soldiers])}
    assert killed == {"civilians": (9, 9), "combatants": (2, 2)}


def revised(key, source, grade, published, best):
    return Figure(key, source, grade, published, int(key.split("/")[0]), "killed", "civilians", best, best, best,
                  revised_down=True)


def test_a_toll_revised_down_by_another_source_is_best_and_the_first_figure_stays_in_range():
    (estimate,) = combine([fig("1/E1", "Local", "B", 10, 12), revised("2/E1", "Health office", "B", 11, 9)])
    assert (estimate.low, estimate.best, estimate.high) == (9, 9, 12)
    assert estimate.best_report_key == "2/E1"


def test_a_toll_revised_down_by_its_own_source_replaces_its_earlier_figure():
    (estimate,) = combine([fig("1/E1", "Wire", "B", 10, 12), revised("2/E1", "Wire", "B", 11, 9)])
    assert (estimate.best, estimate.superseded) == (9, ["1/E1"])


def test_a_count_after_the_revision_is_current_again():
    (estimate,) = combine([fig("1/E1", "Wire", "B", 10, 12), revised("2/E1", "Office", "B", 11, 9),
                           fig("3/E1", "Wire", "B", 12, 10)])
    assert estimate.best == 10


def test_a_revision_told_before_a_higher_count_corrects_nothing_after_it():
    (estimate,) = combine([revised("1/E1", "Office", "B", 10, 9), fig("2/E1", "Wire", "B", 11, 12)])
    assert estimate.best == 12
