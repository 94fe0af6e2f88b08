from marsad.reconcile.linkage import Report, cluster, place_key, score_pairs


def report(uid, doc, day, town, killed, sub="Air/drone strike", actors=("Syrian regime forces",), words=("bakery",)):
    return Report(uid=uid, key=f"{doc}/E{uid}", document_id=doc, source=f"S{doc}", reliability="B", published=day, day=day,
                  location=town, admin1="Idlib", event_type="Explosions/Remote violence", sub_event_type=sub, actors=list(actors),
                  killed=killed, killed_low=killed, killed_high=killed, words=list(words))  # fmt: skip


def test_place_key_folds_spelling_variants():
    assert place_key("Al-Sha’afah") == place_key("ash Shaafa")
    assert place_key("Saraqib") == place_key("Saraqeb")
    assert place_key("Saraqib") != place_key("Ariha")


def test_same_incident_links_and_other_incident_does_not_with_explanations():
    reports = [report(1, 1, 100, "Saraqib", 7), report(2, 2, 100, "Saraqeb", 7), report(3, 3, 101, "Ariha", 30, sub="Armed clash", actors=("HTS",), words=("checkpoint",))]
    pairs = {(p.uid_a, p.uid_b): p for p in score_pairs(reports)}
    assert pairs[(1, 2)].match_probability > 0.95
    assert pairs[(1, 2)].contributions["place"]["level"] == "same place name"
    assert sum(c["log2_bf"] for c in pairs[(1, 2)].contributions.values()) > 0
    assert (1, 3) not in pairs or pairs[(1, 3)].match_probability < 0.05
    result = cluster(reports, pairs.values())
    assert result.clusters == [[1, 2], [3]]


def test_reports_of_one_document_are_never_linked_but_a_person_decides():
    reports = [report(1, 1, 100, "Saraqib", 7), report(2, 1, 100, "Saraqib", 7), report(3, 2, 100, "Saraqib", 7)]
    pairs = score_pairs(reports)
    assert all({p.uid_a, p.uid_b} != {1, 2} for p in pairs)  # blocked out: same document
    assert len(cluster(reports, pairs).clusters) == 2
    split = cluster(reports, pairs, different=[(1, 3), (2, 3)])
    assert split.clusters == [[1], [2], [3]]
    forced = cluster(reports, pairs, same=[(1, 2)], different=[(1, 3), (2, 3)])
    assert forced.clusters == [[1, 2], [3]]


def test_a_sources_toll_update_that_names_no_place_links_to_its_incident():
    from dataclasses import replace

    first = replace(report(1, 1, 100, "Kafr Batna", 6, words=("barrel", "helicopters")), source="Ghouta Media", published=100)
    update = replace(report(2, 2, 100, None, 9, actors=(), words=("barrel", "massacre")), source="Ghouta Media",
                     published=101, admin1=None, toll_update=True)  # fmt: skip
    other = replace(report(3, 3, 100, None, 9, actors=(), words=("barrel", "massacre")), source="Another Outlet",
                    published=101, admin1=None, toll_update=True)  # fmt: skip
    pairs = {(p.uid_a, p.uid_b): p for p in score_pairs([first, update, other])}
    assert pairs[(1, 2)].contributions["counts"]["level"] == "a later toll update"
    assert pairs[(1, 2)].match_probability >= 0.8
    assert (1, 3) not in pairs  # no place, another source: nothing to block on
    lower = replace(update, killed=4, killed_low=4, killed_high=4)  # a toll does not fall
    (pair,) = score_pairs([first, lower])
    assert pair.contributions["counts"]["level"] != "a later toll update"


def test_an_undated_statement_joins_a_toll_update_and_superseded_tolls_do_not_vote():
    from dataclasses import replace

    first = replace(report(1, 1, 100, "Sarmin", 5, words=("residential", "warplanes")), source="Monitor", published=100)
    update = replace(report(2, 2, 100, "Sarmin", 8, words=("warplanes", "wounded")), source="Monitor", published=101, toll_update=True)
    statement = replace(report(3, 3, 101, "Sarmeen", 7, actors=(), words=("rubble", "wounded")), source="Civil Defence",
                        published=101, day_stated=False)  # fmt: skip
    pairs = score_pairs([first, update, statement])
    levels = {(p.uid_a, p.uid_b): p.contributions["date"]["level"] for p in pairs}
    assert levels[(2, 3)] == "undated report published 1-3 days after"
    # the first report's 5 is superseded by the update's 8: the statement is compared with the update
    assert cluster([first, update, statement], pairs).clusters == [[1, 2, 3]]
    stated = replace(statement, day_stated=True)
    (pair,) = [p for p in score_pairs([update, stated]) if (p.uid_a, p.uid_b) == (2, 3)]
    assert pair.contributions["date"]["level"] == "1 day apart"


def test_an_incident_keeps_the_most_precise_place_any_report_gives():
    from dataclasses import replace

    from marsad.reconcile.incidents import build_incident

    first = replace(report(1, 1, 100, "Bajaur", 44), admin1="Khyber Pakhtunkhwa", latitude=34.68, longitude=71.5,
                    country="Pakistan", published=100)
    update = replace(report(2, 2, 100, "Bajaur", 54), admin1=None, latitude=30.0, longitude=70.0, country="Pakistan",
                     published=101)  # a later toll update placed only at its country
    draft = build_incident([first, update])
    assert (draft.attributes["admin1"], draft.attributes["latitude"]) == ("Khyber Pakhtunkhwa", 34.68)


def test_an_incident_is_placed_in_the_country_most_of_its_reports_give():
    from dataclasses import replace

    from marsad.reconcile.incidents import build_incident

    wires = [replace(report(uid, uid, 100, "Dogo Nahawa", 12), admin1="Plateau", latitude=9.6, longitude=8.9,
                     country="Nigeria", published=100) for uid in (1, 2)]
    # the latest report names only the village and its district, and the gazetteer has a namesake abroad
    update = replace(report(3, 3, 100, "Jos", 17), admin1="Kerala", latitude=9.9, longitude=76.3, country="India",
                     published=102)
    draft = build_incident([*wires, update])
    assert (draft.attributes["country"], draft.attributes["admin1"]) == ("Nigeria", "Plateau")


def test_an_incident_is_placed_in_the_governorate_a_report_names():
    from dataclasses import replace

    from marsad.reconcile.incidents import build_incident

    # "… the village of Zawiya Kubra in Lakes region": the village unknown, its region named
    named = replace(report(1, 1, 100, "Lakes", 20), admin1="Lakes", admin1_stated=True, latitude=6.8, longitude=29.7,
                    country="South Sudan", published=100)
    # later reports name the village alone, and the gazetteer has a namesake in another region
    alone = [replace(report(uid, uid, 100, "Zawiya Kubra", 23), admin1="Unity", latitude=9.2, longitude=29.8,
                     country="South Sudan", published=101) for uid in (2, 3)]
    draft = build_incident([named, *alone])
    assert draft.attributes["admin1"] == "Lakes"
    # no report names its governorate: the most precise place, as before
    assert build_incident([replace(named, admin1_stated=False), *alone]).attributes["admin1"] == "Unity"


def test_a_reports_own_unknown_victims_add_to_its_named_ones():
    from dataclasses import replace

    from marsad.reconcile.incidents import build_incident

    def figure(key, category, count):
        return {"report_key": key, "source": key, "reliability": None, "published": 100, "document_id": int(key),
                "outcome": "killed", "category": category, "low": count, "best": count, "high": count}

    both = replace(report(1, 1, 100, "Zurmi", 19), counts=[figure("1", "civilians", 12), figure("1", "unknown", 7)])
    one = replace(report(2, 2, 100, "Kadawa", 12), counts=[figure("2", "civilians", 12)])
    update = replace(report(3, 3, 100, "Zurmi", 19), counts=[figure("3", "unknown", 19)])
    killed = {e.category: e.best for e in build_incident([both, one]).estimates if e.outcome == "killed"}
    assert killed == {"civilians": 12, "unknown": 7}
    # a report that says only "people" still counts the same victims as the others
    killed = {e.category: e.best for e in build_incident([one, update]).estimates if e.outcome == "killed"}
    assert killed == {"civilians": 19}


def test_a_report_of_one_sides_losses_links_to_the_toll_of_both_sides():
    from dataclasses import replace

    from marsad.reconcile.estimates import Figure
    from marsad.reconcile.facts import side_counts

    def figure(category, best):
        return Figure("1/E1", "Army", None, 100, 1, "killed", category, best, best, best)

    # "neutralised 18 terrorists ... four soldiers were killed": 22 combatants, 4 of them the army's
    army_figures = [figure("combatants", 22), figure("combatants/Military forces", 4)]
    assert side_counts(army_figures) == [4, 18]
    assert side_counts([figure("civilians", 3), figure("combatants", 5)]) == [3, 5]
    assert side_counts([figure("civilians", 7)]) == []
    army = replace(report(1, 1, 100, "Boni", 22, sub="Armed clash", words=("ambush",)), sides=side_counts(army_figures))
    local = report(2, 2, 100, "Boni", 4, sub="Armed clash", words=("ambush",))
    (pair,) = score_pairs([army, local])
    assert pair.contributions["counts"]["level"] == "one side of the other's toll"
    assert pair.match_probability >= 0.8
    other = report(3, 3, 100, "Boni", 5, sub="Armed clash", words=("ambush",))  # five is no side of the 22
    (pair,) = score_pairs([army, other])
    assert pair.contributions["counts"]["level"] == "incompatible death counts"


def test_a_partys_claim_joins_the_incident_through_its_strongest_link():
    from marsad.reconcile.linkage import PairScore

    wire, hospital, government = report(1, 1, 100, "Quetta", 4), report(2, 2, 100, "Quetta", 6), report(3, 3, 100, "Quetta", 5)
    claim = report(4, 4, 101, "Quetta", 12)
    pairs = [PairScore(a, b, 0.0, p, {}) for a, b, p in [(1, 2, 0.95), (1, 3, 0.99), (2, 3, 0.95), (2, 4, 0.93), (1, 4, 0.4), (3, 4, 0.4)]]
    reports = [wire, hospital, government, claim]
    assert cluster(reports, pairs).clusters == [[1, 2, 3], [4]]  # a toll: the three others must match it on average
    claim.party_word = True  # "the group claimed the bombing, saying it had killed 12"
    assert cluster(reports, pairs).clusters == [[1, 2, 3, 4]]
    weak = [p for p in pairs if p.uid_b != 4] + [PairScore(2, 4, 0.0, 0.7, {})]
    assert cluster(reports, weak).clusters == [[1, 2, 3], [4]]  # its strongest link must still reach the threshold


def test_a_tie_on_the_incidents_day_goes_to_a_report_that_is_no_toll_update():
    from dataclasses import replace

    from marsad.reconcile.incidents import build_incident

    first = replace(report(1, 1, 100, "Boga", 22), published=101)
    # "nine more bodies were found on Tuesday, bringing to 31 the toll of Sunday night's attack", dated Tuesday
    update = replace(report(2, 2, 102, "Boga", 31), published=102, toll_update=True)
    assert build_incident([first, update]).attributes["event_date"].toordinal() == 100
    assert build_incident([first, replace(update, toll_update=False)]).attributes["event_date"].toordinal() == 102


def test_reports_that_state_no_day_do_not_outvote_one_that_does():
    from dataclasses import replace

    from marsad.reconcile.incidents import build_incident

    # a raid "residents said on Monday" and the police's word the same day: dated by their publication
    undated = [replace(report(uid, uid, 101, "Yargoje", 16), published=101, day_stated=False) for uid in (1, 2)]
    # "the death toll from Sunday night's attack on Yargoje had risen to 19"
    update = replace(report(3, 3, 100, "Yargoje", 19), published=102, toll_update=True)
    assert build_incident([*undated, update]).attributes["event_date"].toordinal() == 100
    # with no report stating its day, the publications date it
    assert build_incident(undated).attributes["event_date"].toordinal() == 101


def test_reports_with_a_death_toll_vote_on_a_merge_when_both_groups_hold_some():
    from marsad.reconcile.linkage import PairScore

    wire_a, wire_b, update = report(1, 1, 100, "Kubat", 12), report(2, 2, 100, "Kubat", 15), report(3, 3, 100, "Mangu", 17)
    arrest = report(5, 4, 100, "Kubat", None)  # "police arrested five suspects over Sunday's killing": no toll
    arrest.source = wire_a.source
    scores = [(1, 3, 0.999), (2, 5, 0.98), (1, 2, 0.97), (1, 5, 0.88), (2, 3, 0.87), (3, 5, 0.24)]
    pairs = [PairScore(a, b, 0.0, p, {}) for a, b, p in scores]
    assert cluster([wire_a, wire_b, update, arrest], pairs).clusters == [[1, 2, 3, 5]]
    # a chain through a report without a toll does not glue two incidents whose tolls disagree
    arrest.source = "Another outlet"
    chain = [PairScore(1, 5, 0.0, 0.95, {}), PairScore(2, 5, 0.0, 0.9, {}), PairScore(1, 2, 0.0, 0.3, {})]
    assert cluster([wire_a, wire_b, arrest], chain).clusters == [[1, 5], [2]]


def test_evidence_words_meet_across_inflections():
    from marsad.reconcile.linkage import evidence_words

    claim = set(evidence_words("A militant group claimed responsibility for the Quetta bombing"))
    wire = set(evidence_words("A suicide bomber blew himself up at a police checkpoint"))
    assert claim & wire == {"bomb"}
    assert "attack" in set(evidence_words("the attackers fled")) & set(evidence_words("the attack began"))


def test_a_report_naming_only_the_governorate_is_no_other_place():
    from dataclasses import replace

    village, governorate = report(1, 1, 100, "Maarrat Misrin", 9), replace(report(2, 2, 100, "Idlib", 12), toll_update=True)
    elsewhere = report(3, 3, 100, "Ariha", 9)
    pairs = {(p.uid_a, p.uid_b): p for p in score_pairs([village, governorate, elsewhere])}
    assert pairs[(1, 2)].contributions["place"]["level"] == "one names only the other's governorate"
    assert 0 < pairs[(1, 2)].contributions["place"]["log2_bf"] < 0.5  # (about no evidence; a weight of its own names the level)
    assert pairs[(1, 3)].contributions["place"]["level"] == "different places"


def test_forces_of_no_stated_country_do_not_disagree_with_that_countrys_forces():
    """A group's claim on "soldiers" whose place gives no country, beside the army's own report."""
    army = report(1, 1, 100, "Inates", 12, sub="Armed clash", actors=("Military Forces of Niger",), words=("ambush",))
    claim = report(2, 2, 100, "Inates", 40, sub="Armed clash", actors=("Islamic State Sahel", "Military Forces"), words=("ambush",))
    other_army = report(3, 3, 100, "Inates", 40, sub="Armed clash", actors=("Islamic State Sahel", "Military Forces of Mali"),
                        words=("ambush",))  # fmt: skip
    pairs = {(p.uid_a, p.uid_b): p for p in score_pairs([army, claim, other_army])}
    assert pairs[(1, 2)].contributions["actors"]["level"] == "forces of no stated country on one side, of that kind on the other"
    assert pairs[(1, 3)].contributions["actors"]["level"] == "no shared actor"
    assert pairs[(1, 2)].match_probability > pairs[(1, 3)].match_probability


def test_a_source_joins_its_own_thread_through_its_closest_report_not_only_its_latest():
    from dataclasses import replace

    from marsad.reconcile.linkage import PairScore

    first = replace(report(1, 1, 100, "Sarmin", 4), source="Post", published=100)
    monitor = replace(report(2, 2, 100, "Sarmin", 5), source="Monitor", published=100)
    update = replace(report(3, 3, 100, "Sarmin", 6), source="Monitor", published=102, toll_update=True)
    roundup = replace(report(4, 4, 100, "Sarmin", 6), source="Monitor", published=105)
    pairs = [PairScore(a, b, 0.0, p, {}) for a, b, p in
             [(3, 4, 0.999), (1, 3, 0.999), (1, 4, 0.95), (2, 3, 0.99), (1, 2, 0.86), (2, 4, 0.57)]]
    assert cluster([first, monitor, update, roundup], pairs).clusters == [[1, 2, 3, 4]]
    # another source's weak link still votes as it is
    other = replace(monitor, source="Radio")
    assert cluster([first, other, update, roundup], [p for p in pairs if (p.uid_a, p.uid_b) != (2, 3)]).clusters == [[1, 3, 4], [2]]


def test_the_victims_named_with_no_country_are_those_named_with_one():
    # a report placed in its country names "Civilians (Mali)"; a report whose place is unknown, "Civilians"
    placed = report(1, 1, 100, "Boni", 9, sub="Attack", actors=("JNIM", "Civilians (Mali)"), words=("market",))
    unplaced = report(2, 2, 100, "Boni", 9, sub="Attack", actors=("Civilians",), words=("market",))
    elsewhere = report(3, 3, 100, "Boni", 9, sub="Attack", actors=("Civilians (Niger)",), words=("market",))
    pairs = {(p.uid_a, p.uid_b): p for p in score_pairs([placed, unplaced, elsewhere])}
    assert pairs[(1, 2)].contributions["actors"]["level"] == "shared actor"
    assert pairs[(1, 3)].contributions["actors"]["level"] != "shared actor"
