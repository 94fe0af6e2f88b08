"""Casualty rules on hand-written sentences (numbers, dates and actors run first)."""

from datetime import date

import pytest

from marsad.extract.pipeline import Pipeline

PIPELINE = Pipeline(("numbers", "dates", "actors", "casualties"), strict=True)


def _facts(text, published=date(2022, 3, 20)):
    extraction = PIPELINE(text, published=published)
    for casualty in extraction.casualties:
        if casualty.span is not None:
            assert text[casualty.span.start:casualty.span.end] == casualty.span.text
    return extraction.casualties


def _killed(text):
    return sum(c.count or 0 for c in _facts(text) if c.outcome in ("killed", "executed") and not c.part_of
               and not c.derived and not c.alternative_of and not c.is_tally)


@pytest.mark.parametrize("text, expected", [
    ("Gunmen shot and killed a taxi driver in the market.", 1),
    ("A man was shot five times and killed by two armed men.", 1),
    ("Two police officers and a civilian were killed and four others were injured.", 3),
    ("The army killed at least 20 militants near the river.", 20),
    ("Three volunteer fighters (VDP) and a councilman were killed.", 4),
    ("An airstrike killed 18 people, including five women.", 18),
    ("Both guards were killed.", 2),
    ("The victim died at the scene.", 1),
    ("Fighting left 1-4 soldiers dead.", 1),
    ("Unknown gunmen killed an unknown number of villagers.", 3),
    ("Troops killed dozens of rebels.", 12),
    ("An IED exploded, injuring 1 soldier and killing another.", 1),
    ("No one was killed in the attack.", 0),
    ("Residents protested against the killing of a student last week.", 0),
    ("Relatives of a man who was killed by police (coded separately) blocked the road.", 0),
    ("Gunmen killed 20 cows and burnt 3 houses.", 0),
    ("Police arrested a man suspected of killing a driver.", 0),
    ("A 35-year-old woman was stabbed to death.", 1),
    ("Four people were killed and their bodies were found in a car. All four bodies were bound.", 4),
    ("A captain from battalion 101 was killed in a landmine blast in zone 18.", 1),
    ("Around 10-15 assailants assaulted and killed a shopkeeper using iron rods.", 1),
    ("Gang members killed and burned a driver and his passenger.", 2),
    ("167 people were killed, including 32 soldiers, and 35 civilians were killed in air strikes.", 167),
    # a serial comma, and a range inside the list
    ("2 police officers, 11 rebels, and 4 bystanders were killed near the bridge.", 17),
    ("6 guards, between 12 and 20 raiders, and a driver were killed.", 19),
    # what carried the victims is not counted
    ("Around nine smugglers riding three motorbikes were killed by a patrol.", 9),
    # a model number, livestock and death threats are no deaths
    ("Troops destroyed a BTR-80 carrier near the ridge and killed enemy soldiers.", 0),
    ("Rustlers killed 30 head of cattle at the watering hole.", 0),
    ("The mayor had received numerous death threats before the arson.", 0),
    ("A judge issued three death sentences.", 0),
    # a death told as a noun with its cause between, and a verb whose subject is before "but"
    ("Guards fired tear gas, causing the death by asphyxiation of an elderly woman.", 1),
    ("A guard shot a farmer. The farmer was flown to a clinic but later died.", 1),
    ("Police fired on a crowd; three men were taken to hospital but died of their wounds.", 3),
    # a person named beside the count "among them" is one of it, not one more
    ("Eleven people, the gunman among them, were killed at the bus station.", 11),
    ("Eight guards, one of them the driver, were killed in the ambush.", 8),
    ("Two guards and a driver were killed in the ambush.", 3),
])
def test_event_fatalities(text, expected):
    assert _killed(text) == expected


def test_outcomes_victims_and_perpetrators():
    facts = _facts("ISIS executed 5 civilians, while 12 SDF fighters were wounded by Turkish shelling "
                   "and 3 people were abducted.")
    by_outcome = {c.outcome: c for c in facts}
    assert by_outcome["executed"].count == 5 and by_outcome["executed"].victims == "civilians"
    assert by_outcome["executed"].perpetrator == ["ISIS"]
    assert by_outcome["injured"].count == 12 and by_outcome["injured"].affiliation == "SDF"
    assert by_outcome["injured"].cause == "shelling"
    assert by_outcome["abducted"].count == 3


def test_including_and_the_rest():
    facts = _facts("The monitor documented the death of 40 civilians, including 9 children and 4 women, "
                   "while the rest were killed in airstrikes.")
    parent = facts[0]
    assert (parent.count, parent.victims, parent.part_of) == (40, "civilians", None)
    children = [c for c in facts if c.part_of == parent.id]
    assert sorted(c.count for c in children) == [4, 9, 27]
    rest = next(c for c in children if c.derived)
    assert rest.cause == "airstrike" and rest.derived.startswith("40 - 9 - 4")


def test_cumulative_claims_are_tallies():
    facts = _facts("Since the 1st of January 2022, at least 75 people have been killed in the province.")
    assert facts[0].count == 75 and facts[0].is_tally and facts[0].qualifier == "at_least"
    assert facts[0].period.start == date(2022, 1, 1)


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed a man in the market. Police believe he was killed over a debt.", 1),
    ("Rebels attacked the village and killed 2 civilians. 2 fatalities.", 2),
    ("Six soldiers were killed in the ambush. The group said it killed 9 soldiers.", 6),
    # a claim beside a party's word on its own losses: the losses are the report's figure
    ("The group said it killed 30 soldiers; the army said it lost 5 men in the attack.", 5),
    ("The Taliban said on Thursday they had killed 40 police. Officials put the death toll at eight policemen.", 8),
])
def test_restatements_and_claims_are_alternatives(text, expected):
    facts = _facts(text)
    assert sum(c.count for c in facts if c.outcome == "killed" and not c.alternative_of) == expected
    assert any(c.alternative_of for c in facts)


def test_toll_update_takes_its_victims_after_the_count_and_the_attacker_as_perpetrator():
    facts = _facts("The death toll of the ISIS attack on a bakery in Deir Hafer has risen to 7 people, "
                   "after rescuers pulled more bodies from the rubble.")
    assert len(facts) == 1
    toll = facts[0]
    assert (toll.count, toll.victims, toll.affiliation) == (7, "civilians", None)
    assert toll.perpetrator == ["ISIS"]


def test_toll_among_a_side_keeps_that_side_as_affiliation():
    facts = _facts("The death toll among SDF fighters in the clashes near Tabqa has risen to 9.")
    assert (facts[0].count, facts[0].victims, facts[0].affiliation) == (9, "combatants", "SDF")
    assert facts[0].perpetrator == []


@pytest.mark.parametrize("text, parent, group", [
    ("At least 6 civilians, including a child, were killed by regime shelling on Ariha.", 6, "children"),
    ("Two people, among them a woman, died when a mortar round hit their house.", 2, "women"),
    ("The death toll of the airstrike on the market rose to 11 civilians, including a boy.", 11, "children"),
])
def test_singular_including_without_a_digit_is_a_sub_count_of_one(text, parent, group):
    facts = _facts(text)
    top = next(c for c in facts if c.part_of is None)
    child = next(c for c in facts if c.part_of == top.id)
    assert top.count == parent and (child.count, child.victim_group) == (1, group)
    assert _killed(text) == parent


def test_including_a_place_or_vehicle_is_no_sub_count():
    facts = _facts("Regime forces shelled 4 villages, including a school in Kansafra, killing 3 civilians.")
    assert [c.count for c in facts if c.part_of is None] == [3]
    assert not [c for c in facts if c.part_of is not None]


def test_a_documented_monthly_total_is_a_tally_over_that_month():
    facts = _facts("Monthly toll: the monitor documented the death of 310 civilians in Hama province "
                   "in October 2022, including 44 children.")
    total = next(c for c in facts if c.part_of is None)
    assert total.count == 310 and total.is_tally
    assert (total.period.start, total.period.end) == (date(2022, 10, 1), date(2022, 10, 31))
    child = next(c for c in facts if c.part_of == total.id)
    assert child.count == 44 and child.is_tally and child.period.start == date(2022, 10, 1)


def test_an_incident_dated_only_to_a_month_is_no_tally():
    facts = _facts("In October 2022, gunmen killed 3 shepherds near Salamiyah.")
    assert [(c.count, c.is_tally) for c in facts] == [(3, False)]


def test_the_cause_scan_finds_in_every_window_what_the_pattern_finds(monkeypatch):
    from marsad.extract import casefold
    from marsad.extract.casualties import CAUSE_RE
    from marsad.extract.casualty_facts import _cause_scan, _openings
    from marsad.extract.pipeline import DocContext

    monkeypatch.setattr(casefold, "_scanned", casefold.WARM_UP_CHARS)  # scans of the lower-cased text
    assert _openings([r"ab?|\bcd*e", r"x{2}y|(?:z)"]) is None  # an alternative that opens with a group
    assert _openings([r"ab?|\bcd*e|rockets?"]) == ("a", "c", "rocket")
    text = ("An Oscar bomb-maker was shot; VBIEDs and landmines, air strikes and a suicide car bomb. "
            "Gunmen beat and tortured them; shelling, mortars and drone strikes followed the clashes.")
    ctx = DocContext(text=text)
    scan = _cause_scan(ctx)
    assert isinstance(scan, casefold.WindowScan)
    pattern, scanned = casefold.for_spans(CAUSE_RE, ctx.norm, ctx.folded())
    for start in range(0, len(text), 7):
        for end in range(start, len(text) + 1, 11):
            assert [(m.span(), m.lastgroup) for m in scan.finditer(start, end)] == \
                [(m.span(), m.lastgroup) for m in pattern.finditer(scanned, start, end)]


@pytest.mark.parametrize("text, expected", [
    # a bomber who dies with the victims is one more dead, told last in the list
    ("The bomber blew herself up at the gate, killing three guards and herself.", 4),
    # the head of the subject is the person, not what the participle's object names
    ("A cameraman covering the rally was killed by a stray bullet.", 1),
    # suspects tied to an earlier attack: its toll is background, not this report's
    ("Police arrested two men accused of involvement in the May bombing of a bus station that killed 9 people.", 0),
    ("Troops detained a man who helped plan last year's attack on the market which killed 30.", 0),
])
def test_reflexives_participles_and_earlier_attacks_of_suspects(text, expected):
    assert _killed(text) == expected


def test_bodies_counted_after_a_vague_toll_settle_it_but_other_dead_do_not():
    assert _killed("Dozens were killed when gunmen raided the market. Officials later said 41 bodies had been counted.") == 41
    # drowned while fleeing is told apart from the bodies counted: the vague toll (scores: 20) stands
    assert _killed("Scores of fighters were killed in the strikes. Eighteen drowned trying to flee.") == 20


@pytest.mark.parametrize("text, expected", [
    # another source's lower figure for the same dead is an alternative, not more dead
    ("Bandits killed 9 farmers in a raid on Kuru, a village head said. Police confirmed the raid but said 6 people died.", 9),
    # a group's boast before ", but" and the officials' figure after it: the figure stands
    ("The rebels claimed the ambush, saying their fighters had killed 25 troops, but officials said four soldiers died.", 4),
    # a war's running toll since its start is background
    ("Aid agencies said more than 4,000 civilians had been killed since the start of the war.", 0),
])
def test_other_sources_figures_and_war_tolls(text, expected):
    assert _killed(text) == expected


def test_a_groups_earlier_killings_told_in_a_pluperfect_relative_are_background():
    assert _killed("Farmers abandoned the fields after warnings from bandits who had killed two herders there last week.") == 0
    # (a day named, not last week: the two are this report's news too)
    assert _killed("Bandits who had killed two herders on Monday returned and shot dead a farmer.") == 3


@pytest.mark.parametrize("text, expected", [
    # a side's own dead told as "of their own"; "of their own vehicles" are things
    ("The rebels said they lost three of their own in the battle for the bridge.", 3),
    ("The rebels lost two of their own vehicles in the ambush.", 0),
    # an attacker who turns the weapon on himself is one more dead
    ("A guard shot dead two inmates and then turned his rifle on himself.", 3),
    # a couple is two, whatever describes it, and those named beside it add
    ("An elderly couple was shot dead at their farm.", 2),
    ("A couple and their two sons were killed when the roof collapsed under shelling.", 4),
])
def test_own_losses_and_an_attackers_suicide(text, expected):
    assert _killed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a toll lowered with "it" (counting.TOLL_FALLS) replaces the higher figure before it
    ("Officials said nine people died in the blast, but later revised it down to six.", 6),
    ("Officials said nine people died in the blast. On Tuesday they lowered it to seven.", 7),
])
def test_a_toll_lowered_with_it_replaces_the_higher_one(text, expected):
    assert _killed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # why a toll came down names people who are not (more) dead
    ("The governor cut the toll to 12 after three people listed as dead turned out to be alive.", 12),
    ("Police lowered the toll to 20, saying some bodies had been counted twice.", 20),
    # the noun left out: more bodies found
    ("Divers recovered five bodies from the lake on Monday, and three more were recovered on Tuesday.", 8),
    ("Two bodies were found near the checkpoint; another four more were pulled from a ditch later.", 6),
    # the outcome opening its sentence, its victims after it
    ("Killed in the raid were two farmers and a shepherd, relatives said.", 3),
    ("Killed: 4 policemen, 1 driver. Injured: 7.", 5),
    ("Also killed was a nurse who had run out to help.", 1),
    # victims added after the verb
    ("Three guards were killed along with their driver when the convoy was hit.", 4),
    ("The pilot was killed along with the aircraft's entire cargo.", 1),
])
def test_revisions_elided_bodies_inverted_and_added_victims(text, expected):
    assert _killed(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an incident a month back, told as background
    ("Relatives of a farmer killed in last month's attack on the village met the governor on Monday.", 0),
    # "the third … killed this week" numbers the one just counted
    ("A policeman was shot dead at a checkpoint on Friday, the second officer killed in the town this month.", 1),
    # a speaker after the object list is no victim
    ("Both sides claimed gains, with the army saying it killed 9 insurgents and the insurgents saying they lost none.", 9),
])
def test_a_months_old_incident_a_numbered_run_and_a_speaker_add_no_dead(text, expected):
    assert _killed(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mortar fire killed a shopkeeper in Sarmin and a teacher in Binnish on Friday.", 2),
    ("The drone strike killed a boy at Tal Tamr and his uncle near Hasakah.", 2),
    ("Snipers killed a soldier in Adra and another in Douma.", 2),
    ("Snipers killed a soldier in Adra and wounded a medic.", 1),
])
def test_a_place_between_the_items_of_a_list_of_victims(text, expected):
    assert _killed(text) == expected


@pytest.mark.parametrize("text, outcome, expected", [
    ("Shelling killed a farmer in Sarmin and a woman was wounded.", "injured", 1),
    ("One fighter died and a member of the other unit was injured.", "injured", 1),
    ("A farmer and his son were wounded.", "injured", 2),
])
def test_a_singular_verb_agrees_with_the_last_of_a_coordinated_subject(text, outcome, expected):
    assert sum(c.count or 0 for c in _facts(text) if c.outcome == outcome and not c.part_of and not c.alternative_of) \
        == expected


@pytest.mark.parametrize("text, victims", [
    ("The death toll among civilians from the strike on the market rose to 14.", "civilians"),
    ("The civilian death toll from Monday's shelling has risen to nine.", "civilians"),
    ("The military death toll from the ambush rose to seven.", "combatants"),
    ("Six members of the border guard forces died in the ambush.", "combatants"),
    ("A drone hit a pick-up carrying two suspected ISIS members near Hajin, killing both.", "combatants"),
])
def test_victims_named_by_a_toll_or_a_force(text, victims):
    assert [c.victims for c in _facts(text) if c.outcome == "killed" and not c.part_of] == [victims]


@pytest.mark.parametrize(("text", "cause"), [
    ("Armed men stormed a gold mine near Djibo, killing nine diggers.", None),
    ("Gunmen killed four coal mine workers in Harnai.", "shooting"),
    ("Two herders were killed when their cart hit a mine near Tessalit.", "ied"),
])
def test_a_mine_that_is_dug_is_no_explosive(text, cause):
    (killed,) = [c for c in _facts(text) if c.outcome == "killed"]
    assert killed.cause == cause


@pytest.mark.parametrize("verb, outcome", [("shot dead", "killed"), ("executed", "executed"), ("wounded", "injured"),
                                           ("kidnapped", "abducted"), ("taken prisoner", "captured"),
                                           ("went missing", "missing"), ("detained", "arrested"), ("lost", "killed")])
def test_each_outcome_verb_tells_its_outcome(verb, outcome):
    from marsad.extract.casualties import TRIGGER_RE, _outcome_of

    match = TRIGGER_RE.search(f"Two men were {verb} there.")
    assert match is not None and match.group(0) == verb and _outcome_of(match) == outcome
