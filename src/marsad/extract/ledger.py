"""The document ledger: within one report, every person is counted once.

Sentence rules (:mod:`marsad.extract.casualties`) read each statement of a
count; :mod:`marsad.extract.tallies` links "including" sub-counts and "the
rest". The ledger then relates statements across the report's sentences, so
that the counts that add up (:func:`marsad.counting.adds_to_total`) are each
person once:

* **sub-counts, whatever the phrasing**: "N of them women", "Twelve of the dead
  were …", "three soldiers were among those killed", "the dead included …"
  become ``part_of`` the total they break down;
* **breakdowns**: a total followed by the places or sides it happened in ("killed
  seven civilians in the province. At least five … in town A. Two more … in
  town B") – later counts that add up exactly to an earlier total are its parts;
* **toll updates**: "the toll has risen to 11" supersedes the earlier figure
  ("had initially killed seven", "an earlier figure of 7"): the earlier figure
  becomes ``alternative_of`` the toll; people who move between outcomes ("four of
  the injured died of their wounds") are part of the new toll, not more dead;
* **restatements**: the same number of dead stated again ("Nine people were
  killed … the attack left nine dead") is ``alternative_of`` the first, unless
  the later statement names another date or place, or says "another", "more",
  "separate".

The rules only relate counts of the same outcome family (killed/executed).
"""

from __future__ import annotations

import re
from typing import Final

from marsad.counting import (
    CLAUSE_CONTRAST,
    INCIDENT_NOUN,
    KILLED,
    REST_RE,
    TOLL_FALLS,
    TOLL_FALLS_RE,
    TOLL_RAISING,
    TOLL_RISES,
    WOUNDED_THEN_DIED,
    WOUNDED_THEN_DIED_TAIL,
    is_party_claim,
)
from marsad.extract.casualties import ONE_MORE_RULE, TRIGGER_RE, Finding, _outcome_of
from marsad.extract.casualty_facts import own_loss
from marsad.extract.count_parts import attach_subsets as _attach_subsets
from marsad.extract.count_parts import top_counts as _top
from marsad.extract.listed_dead import both_after_pair, headline_total_of_list
from marsad.extract.listed_dead import make_part as _make_part
from marsad.extract.pipeline import DocContext
from marsad.extract.same_dead import (
    ADDED,
    QUALIFIER,
    anchors,
    attacker_tolls,
    attackers_also,
    clause_before,
    compatible,
    distinct_scope,
    introduces_new,
    killers_of,
    names_the_counted,
    number_span,
    other_sex,
    other_sides,
    places_differ,
    places_nest,
    restates_headline_list,
    restates_headline_victim,
    sentence_gap,
    tells_headline_clause,
    told_apart,
)
from marsad.extract.same_dead import is_headline as _is_headline
from marsad.extract.spans import starting_within
from marsad.gazetteer.keys import place_key, skeleton
from marsad.gazetteer.resolve import haversine_km
from marsad.model import Casualty

#: "four of the injured later died", "two soldiers wounded in the attack later died": the injured are now dead
_MOVED = re.compile(r"\s+of\s+(?:the|those)\s+(?:injured|wounded)(?:\s+\w+){0,2}?\s+(?:later\s+|subsequently\s+)?"
                    r"(?:died|succumbed)|\s+(?:injured|wounded)\s+(?:\w+\s+){0,2}?(?:later\s+)?(?:died|succumbed)|\s+"
                    + WOUNDED_THEN_DIED, re.I)
#: "one of the two … wounded … died", "two of the five wounded": the count after "of" names the wounded the dead came from
_WHOLE_OF: Final = re.compile(r"\bof\s+(?:the\s+|those\s+)?$", re.I)
#: ("A soldier wounded in the attack died": a count without a number ends at its participle)
_MOVED_AFTER_PARTICIPLE = re.compile(r"(?<=wounded|injured)" + WOUNDED_THEN_DIED_TAIL, re.I)
_TOLL = re.compile(r"\b(?:toll|" + TOLL_RISES + "|" + TOLL_RAISING + r"|updated)\b", re.I)
_EARLIER = re.compile(r"\b(?:initially|earlier|previously|first)\s+(?:reported|said|put|gave|announced|stated|counted)\b|"
                      r"\binitially\s+(?:killing|leaving)\b|"  # "shelled the camp on Friday, initially killing 15"
                      r"\bearlier\b,?\s+(?:[\w'-]+\s+){1,3}?(?:had\s+)?(?:reported|said|put|gave|announced|stated)\b|"
                      r"\bhad\s+(?:initially|earlier|previously|first)\b|"
                      r"\b(?:earlier|initial|previous|preliminary)\s+(?:figure|toll|report|count|tally|estimate)s?\b|"
                      r"\bfrom\s+an?\s+(?:earlier|initial|previous)\b", re.I)
#: words that tell another incident ("Separately, …", "elsewhere", "In another attack, …")
ELSEWHERE_WORDS = r"separate(?:ly)?|elsewhere|in\s+(?:another|a\s+separate)\s+(?:incident|attack)"
_ELSEWHERE = re.compile(r"\b(?:" + ELSEWHERE_WORDS + r")\b", re.I)
_TOLL_MOVES = re.compile(r"\b(?:" + TOLL_RISES + "|" + TOLL_RAISING + "|" + TOLL_FALLS + r"|updated)\b", re.I)
#: what opens the parts of a total in its own sentence: a colon, a dash or a bracket
_LIST_OPEN = re.compile(r":|\s[-\u2013\u2014]{1,2}\s|\(")
_TOTAL_AFTER = re.compile(r"\b(?:total|in\s+all|altogether|overall|combined|bringing)\b", re.I)


def settle(ctx: DocContext, findings: list[Finding], casualties: list[Casualty]) -> None:
    """Relate the document's statements so that each person adds once."""
    pairs = list(zip(findings, casualties))
    if len(pairs) < 2:  # only a move between outcomes reads one statement alone; the rest relate two
        _move_between_outcomes(ctx, pairs)
        return
    _attach_subsets(ctx, pairs)
    _move_between_outcomes(ctx, pairs)
    _contrasted_statements(ctx, pairs)  # (before a toll supersedes: "police said seven, local leaders put the toll at 12")
    other_sources = _other_sources_tolls(ctx, pairs)
    _supersede_earlier_figures(ctx, pairs, other_sources)
    _attach_breakdowns(ctx, pairs)
    _vague_headline(ctx, pairs)
    _headline_other_figure(ctx, pairs)
    both_after_pair(ctx, _top(pairs))
    headline_total_of_list(ctx, _top(pairs))
    _merge_restatements(ctx, pairs)
    _feared_beside_confirmed(ctx, pairs)
    _generalise_victims(casualties)


#: dead that the report fears, presumes or believes, not confirms
_FEARED = re.compile(r"\b(?:feared|presumed|believed\s+(?:to\s+(?:be|have\s+been)\s+)?)\s*(?:dead|killed|drowned)\b", re.I)


def _feared_beside_confirmed(ctx: DocContext, pairs) -> None:
    """"Three civilians were confirmed dead and seven others were feared dead": beside a confirmed count in its
    sentence, the feared dead are an upper reach of the toll, kept as its alternative, not more dead (alone,
    "Some 40 people are feared dead" still counts)."""
    top = _top(pairs)
    if len(top) < 2 or not ctx.may_match(_FEARED):
        return
    for finding, casualty in top:
        if not _FEARED.search(ctx.norm, finding.start, max(finding.end, finding.trigger_end) + 1):
            continue
        sentence = ctx.sentence_index(finding.start)
        confirmed = next((c for f, c in top if c is not casualty and ctx.sentence_index(f.start) == sentence
                          and not _FEARED.search(ctx.norm, f.start, max(f.end, f.trigger_end) + 1)), None)
        if confirmed is not None:
            casualty.alternative_of = confirmed.id


def _vague_headline(ctx: DocContext, pairs) -> None:
    """"Dozens killed in attack on boat" then "At least 49 civilians and 15 soldiers were killed …":
    the opening's vague amount is the body's dead, counted there."""
    top = _top(pairs)
    if not top or ctx.sentence_index(top[0][0].start) != 0 or top[0][0].number is None or not top[0][0].number.vague:
        return
    later = [(finding, casualty) for finding, casualty in top[1:] if ctx.sentence_index(finding.start) > 0 and casualty.count]
    if later and not _attackers_beside_others(ctx, top[0][0], later[0][0]):
        top[0][1].alternative_of = later[0][1].id


#: the attackers as a count's words name them ("killing dozens of the attackers")
_ATTACKER_WORDS = re.compile(r"\b(?:attackers|assailants|militants|insurgents|terrorists|jihadists|raiders|infiltrators)\b", re.I)


def _attackers_beside_others(ctx: DocContext, vague: Finding, later: Finding) -> bool:
    """"… repelled an attack, killing dozens of the attackers. … three soldiers were killed": the opening's vague
    count is the attackers, the later count other dead (its victims not named as attackers), not its figure."""
    end = vague.number.end if vague.number is not None else vague.end
    words = vague.victim_text + " " + ctx.norm[end:end + 25]  # ("dozens of the attackers": read after the count)
    # (a later count that names no one, "40 were killed", may be the attackers again)
    return _ATTACKER_WORDS.search(words) is not None and bool(later.victim_text.strip()) and \
        _ATTACKER_WORDS.search(later.victim_text) is None


def _headline_other_figure(ctx: DocContext, pairs) -> None:
    """"Car bomb kills 10 in Mogadishu - A car bomb … killed 12 people": a headline's figure that its lead tells
    otherwise is the same dead, put by the lead more precisely (the headline is an earlier or rounded toll); the
    lead's count is kept. Only a headline (a first sentence with no stop of its own) and only its lead's first
    count, when that is larger or is the body's one count: a smaller lead count among others may be a part."""
    top = _top(pairs)
    if len(top) < 2 or ctx.sentence_index(top[0][0].start) != 0 or ctx.sentence_index(top[1][0].start) != 1:
        return
    (head, head_casualty), (lead, lead_casualty) = top[0], top[1]
    if head.number is None or lead.number is None or head_casualty.count is None or lead_casualty.count is None \
            or head_casualty.count == lead_casualty.count or not _is_headline(ctx):
        return
    if lead_casualty.count < head_casualty.count and len(top) > 2:
        return
    if compatible(head_casualty, lead_casualty) and not killers_of(head_casualty, lead_casualty) \
            and not distinct_scope(ctx, head, lead) and not other_sex(head, lead) and not introduces_new(ctx, lead):
        head_casualty.alternative_of = lead_casualty.id


def _generalise_victims(casualties: list[Casualty]) -> None:
    """"312 people …, including 118 civilians; the remaining 194 were combatants":
    a total whose parts are of different kinds is not a count of civilians; nor is "Five people, among them
    two soldiers", whose one part is of another kind than the people were taken for."""
    kinds: dict[str, set] = {}
    singled: set[str] = set()  # totals of people with fewer of them singled out as civilians
    by_id = {casualty.id: casualty for casualty in casualties}
    for casualty in casualties:
        if casualty.part_of and casualty.victims:
            kinds.setdefault(casualty.part_of, set()).add(casualty.victims)
            if _singles_out_civilians(by_id.get(casualty.part_of), casualty):
                singled.add(casualty.part_of)
    for casualty in casualties:
        parts = kinds.get(casualty.id, set())
        if len(parts) > 1 or (casualty.victims and parts and casualty.victims not in parts) or casualty.id in singled:
            casualty.victims = None


#: a count of people of no stated kind ("47 people", "nine persons")
_GENERIC_PEOPLE: Final = re.compile(r"\b(?:people|persons|individuals)\b", re.I)
_CIVILIAN_WORD: Final = re.compile(r"\bcivilians?\b", re.I)


def _singles_out_civilians(parent: Casualty | None, part: Casualty) -> bool:
    """"47 people, among them 14 civilians": naming fewer of them civilians says the rest were not
    (or are not known to be), so the total is of no one kind, though "people" alone reads as civilians.
    ("12 people, including five children" singles out no kind: children are only some of the civilians.)"""
    if parent is None or parent.span is None or part.span is None or parent.victims != "civilians":
        return False
    if parent.count is None or part.count is None or part.count >= parent.count:
        return False
    return bool(_CIVILIAN_WORD.search(part.span.text)) and bool(_GENERIC_PEOPLE.search(parent.span.text)) \
        and not _CIVILIAN_WORD.search(parent.span.text)


def _move_between_outcomes(ctx: DocContext, pairs) -> None:
    """"four of the injured died of their wounds": four of the dead, not four more injured."""
    for finding, casualty in pairs:
        if casualty.outcome != "injured":
            continue
        if not ((finding.number is not None and _MOVED.match(ctx.norm, finding.number.end))
                or _MOVED_AFTER_PARTICIPLE.match(ctx.norm, finding.end)):
            continue
        if finding.number is not None and _WHOLE_OF.search(ctx.norm, max(0, finding.number.start - 16), finding.number.start):
            continue  # "one of the two policemen wounded … died": the two are the whole, only the one died
        casualty.outcome, casualty.rule = "killed", casualty.rule + "+ledger.moved"
        total = _total_it_explains(ctx, pairs, finding, casualty)
        if total is not None:
            _make_part(casualty, total)
        for other_finding, other in pairs:  # "the injured died": the same people again
            if other is not casualty and other.outcome in KILLED and other.count == 1 and other.part_of is None \
                    and finding.start <= other_finding.start < finding.end + 40 and other_finding.number is None \
                    and ctx.sentence_index(other_finding.start) == ctx.sentence_index(finding.start):
                # (only in its own sentence: "… after two wounded workers died. Meanwhile, a child was killed" is more dead)
                other.alternative_of = casualty.id


#: "… left twelve dead after two of the wounded died": the clause gives the reason for the toll before it
_AFTER_BEFORE_COUNT = re.compile(r"\b(?:after|as)\s+$", re.I)


def _total_it_explains(ctx: DocContext, pairs, finding: Finding, casualty: Casualty) -> Casualty | None:
    """The dead counted before "after" in the same sentence ("left twelve people dead after two of the
    wounded died in hospital"): those who died of their wounds are inside that count, not more dead."""
    if finding.number is None or not _AFTER_BEFORE_COUNT.search(ctx.norm, max(0, finding.number.start - 20), finding.number.start):
        return None
    sentence_start = ctx.sentence_at(finding.start)[0]
    before = [(f, c) for f, c in _top(pairs) if c is not casualty and c.outcome in KILLED and sentence_start <= f.start
              and f.end <= finding.number.start and c.count is not None and casualty.count is not None and c.count >= casualty.count]
    if not before:
        return None
    total_finding, total = before[-1]
    if re.search(r"[;:]|\band\b", ctx.norm[total_finding.end:finding.number.start]):
        return None  # ("killed three, and after two of the wounded died …": told apart)
    return total


def _is_toll(ctx: DocContext, finding: Finding) -> bool:
    before = clause_before(ctx, finding, 90)
    if ctx.may_match(_EARLIER) and _EARLIER.search(before):
        return False  # "rose from an earlier figure of 7": the old figure
    return finding.rule in ("casualties.toll", ONE_MORE_RULE) or bool(_TOLL.search(before))


#: another source's own toll, not an update of the last one: "The army put the toll at eight."
_SOURCE_TOLL = re.compile(r"(?:\b(?:put|puts|putting|placed|places|placing|gave|gives|giving)\s+(?:the|its|their|a)\s+"
                          r"(?:(?:death\s+|overall\s+|own\s+|lower\s+)?(?:toll|figure)|number\s+of\s+(?:the\s+)?"
                          r"(?:dead|deaths|victims|fatalities|(?:people\s+|those\s+)?killed))|"
                          # ("the army put civilian deaths at four")
                          r"\b(?:put|puts|putting|placed|places|placing)\s+[\w-]+\s+(?:deaths|fatalities|dead))\s+(?:at|as|of)\s+"
                          r"(?:at\s+least\s+|more\s+than\s+|about\s+|between\s+)?$", re.I)


def is_source_toll(ctx: DocContext, finding: Finding) -> bool:
    """A toll another source puts on dead already told ("Police confirmed the attack but put the death toll at
    19"), no update: :func:`_other_sources_tolls` sets it against the first figure, the lower counting."""
    before = clause_before(ctx, finding, 60)
    if not (ctx.may_match(_SOURCE_TOLL) and _SOURCE_TOLL.search(before)) or (ctx.may_match(_EARLIER) and _EARLIER.search(before)):
        return False
    sentence_start, sentence_end = ctx.sentence_at(finding.start)
    return not (ctx.may_match(_TOLL_MOVES) and _TOLL_MOVES.search(ctx.norm, sentence_start, sentence_end))


#: a figure told after the first: "… later put the toll at 77"
_LATER: Final = re.compile(r"\b(?:later|subsequently|afterwards)\b", re.I)


def _other_sources_tolls(ctx: DocContext, pairs) -> set[str]:
    """A toll a second source puts on the dead of the sentence before ("Residents said at least 20
    were killed. The army put the toll at eight"), or of the same sentence after "while", "but" or a
    semicolon: the same dead, told two ways; the lower counts, as
    ACLED takes the most conservative report, and the higher is its alternative. Returns the ids of
    such tolls: they supersede nothing (no toll rose)."""
    related: set[str] = set()
    if not ctx.may_match(_SOURCE_TOLL):
        return related
    top = _top(pairs)
    for (first_finding, first), (finding, casualty) in zip(top, top[1:]):
        gap = sentence_gap(ctx, first_finding, finding)
        if not 0 <= gap <= 3 or first.count is None or casualty.count is None \
                or first.alternative_of or casualty.alternative_of or not compatible(first, casualty) \
                or first.vague or casualty.vague or other_sides(first_finding, finding):
            # (a vague count is settled by a figure, not set against it: "killed dozens … put the number of dead at 80";
            # nor is one side's toll set against the other's: "three soldiers …, while … put militant deaths at nine")
            continue
        if gap > 1 and (places_differ(ctx, first_finding, finding) or _adds_people(ctx, ctx.sentence_at(finding.start)[0], finding.start)
                        or (ctx.may_match(_ELSEWHERE) and _ELSEWHERE.search(ctx.norm, ctx.sentence_at(finding.start)[0], finding.start))):
            continue  # (a few sentences on, only the same dead told by another source: "Sudan's government put the toll at …")
        if gap == 0 and not _CONTRAST.search(ctx.norm, first_finding.end, finding.start):
            continue  # (in one sentence, only after "while", "but" or a semicolon: "…, while the army put the toll at 12")
        before = clause_before(ctx, finding, 60)
        if not _SOURCE_TOLL.search(before) or (ctx.may_match(_EARLIER) and _EARLIER.search(before)):
            continue
        sentence_start, sentence_end = ctx.sentence_at(finding.start)
        if ctx.may_match(_TOLL_MOVES) and _TOLL_MOVES.search(ctx.norm, sentence_start, sentence_end):
            continue  # "… has risen to 14", "revised the toll down": an update, read by the supersede rule
        if any(c.part_of == casualty.id and "ledger.moved" in c.rule for _, c in pairs):
            continue  # "… put the toll at nine after two of the injured died": risen by its wounded, an update
        low, high = (first, casualty) if first.count <= casualty.count else (casualty, first)
        if low.count != high.count and low is casualty and low.qualifier in ("at_least", "more_than"):
            low.alternative_of = high.id  # a second source's "more than 100" agrees with the first's 124: no lower toll
        elif low.count != high.count and low is first and low.qualifier in ("at_least", "more_than") \
                and high.qualifier == "exact" and (high.count or 0) <= 2 * (low.count or 0) + 2 and _LATER.search(before):
            # ("killing more than 70 … A document later put the toll at 77": the figure the bound allowed, told
            # later; a second source's word at the same time stays set against it, the lower counting)
            low.alternative_of = high.id
        elif low.count != high.count:
            high.alternative_of = low.id
        related.add(casualty.id)
    return related


def _supersede_earlier_figures(ctx: DocContext, pairs, other_sources: frozenset[str] | set[str] = frozenset()) -> None:
    """The latest toll counts; earlier figures of the same dead are kept as its alternatives
    (``other_sources``: tolls that are a second source's word, no update)."""
    top = _top(pairs)
    tolls = [(f, c) for f, c in top if _is_toll(ctx, f) and c.id not in other_sources]
    if not tolls:
        earlier = [(f, c) for f, c in top if ctx.may_match(_EARLIER) and _EARLIER.search(clause_before(ctx, f, 160))]
        if earlier:
            bigger = [(f, c) for f, c in top if (f, c) not in earlier]
            if bigger:
                tolls = [max(bigger, key=lambda pair: pair[1].count or 0)]
    if not tolls:
        return
    # a toll revised down replaces the higher figures before it; otherwise the highest toll is the latest
    falling = [(f, c) for f, c in top if ctx.may_match(TOLL_FALLS_RE) and TOLL_FALLS_RE.search(ctx.norm, max(0, f.start - 80), f.end)]
    toll_finding, toll = falling[-1] if falling else max(tolls, key=lambda pair: pair[1].count or 0)
    for finding, casualty in top:
        if casualty is toll or casualty.count is None or toll.count is None or \
                (casualty.count > toll.count and not (falling and finding.start < toll_finding.start)):
            continue
        if finding.trigger_start == toll_finding.trigger_start:
            continue  # one verb's list of victims ("The toll: four soldiers, three police officers and two civilians killed")
        if _other_side_contrasted(ctx, toll_finding, toll, finding, casualty) or other_sides(toll_finding, finding) \
                or (finding.start > toll_finding.start and attackers_also(ctx, toll_finding, finding)):
            continue  # (a toll of militants' deaths is no later figure of the soldiers')
        if places_differ(ctx, toll_finding, finding) and not any(c.count == toll.count and places_nest(ctx, f, finding)
                                                                 for f, c in tolls) and \
                not (ctx.may_match(_EARLIER) and _EARLIER.search(clause_before(ctx, finding, 160))):
            continue
        if finding.start > toll_finding.start and ctx.may_match(_ELSEWHERE) and \
                _ELSEWHERE.search(ctx.norm, max(toll_finding.end, ctx.sentence_at(finding.start)[0], finding.start - 200), finding.start):
            continue  # "Separately, gunmen killed 12 people …": another incident told after the toll (not the toll's own "Separately")
        if sentence_gap(ctx, toll_finding, finding) > 0 and finding.start > toll_finding.start \
                and distinct_scope(ctx, toll_finding, finding) and not _refers_to_the_incident(ctx, finding):
            continue  # "… the toll had risen to 26. In West Kordofan, armed men … killing three": a bulletin's next incident
        if "ledger.moved" in casualty.rule or re.search(r"\b(?:died|succumbed)\b[^.;]{0,30}\b(?:wounds|injuries|hospital)",
                                                         ctx.norm[finding.start:finding.end + 60], re.I):
            _make_part(casualty, toll)
        else:
            casualty.alternative_of = toll.id
    toll.alternative_of = None


def _other_side_contrasted(ctx: DocContext, toll_finding: Finding, toll: Casualty, finding: Finding,
                           casualty: Casualty) -> bool:
    """A side's own toll and another count set beside it in its sentence after a clause's contrast
    (:data:`~marsad.counting.CLAUSE_CONTRAST`: "while", "whereas", ", but", ";") ("the toll among the regime
    forces rose to 9, while the factions lost 4 fighters"): the other side's dead, no earlier figure."""
    if not toll.affiliation or casualty.affiliation == toll.affiliation or \
            ctx.sentence_index(finding.start) != ctx.sentence_index(toll_finding.start):
        return False
    first_end = toll_finding.end if toll_finding.start < finding.start else finding.end
    second_start = finding.start if toll_finding.start < finding.start else toll_finding.start
    return CLAUSE_CONTRAST.search(ctx.norm, first_end, max(first_end, second_start)) is not None


#: an earlier figure of the incident the toll updates, told after it ("SOHR had reported four deaths in that strike")
_THE_INCIDENT = re.compile(r"\b(?:in|of|from|by)\s+(?:that|the|this)\s+(?:same\s+)?(?:incident\b|" + INCIDENT_NOUN + r")"
                           # (not one the sentence introduces: "killed by the explosion of a landmine")
                           r"(?!\s+(?:of|by)\s+an?\b)"
                           r"|\bhad\s+(?:reported|said|put|given|counted)\b"
                           # ("… raising the toll to three. Two other policemen had been killed on the spot")
                           r"|\bother\s+(?:[\w'-]+\s+){0,2}?had\s+(?:been\s+killed|died)\b", re.I)


def _refers_to_the_incident(ctx: DocContext, finding: Finding) -> bool:
    start, end = ctx.sentence_at(finding.start)
    return bool((ctx.may_match(_EARLIER) and _EARLIER.search(clause_before(ctx, finding, 160)))
                or _THE_INCIDENT.search(ctx.norm, start, end))


#: "residents said dozens were killed, but officials put the toll at nine": one toll told two ways
_CONTRAST = re.compile(r"\b(?:but|while|whereas|however|though|although)\b|;", re.I)
_WITH_SOURCE = re.compile(r",\s*with\s+(?:[\w'-]+\s+){1,4}?(?:putting|giving|saying|reporting|estimating|counting)\b", re.I)
_ATTRIBUTED = re.compile(r"\b(?:said|says|say|told|reported|according\s+to|put|puts|estimated|counted)\b", re.I)


#: "another said", "another source put": the other of two sources, not other people
_ANOTHER_SOURCE = re.compile(r"another\s+(?:(?:said|put|told|gave|reported|estimated)\b|(?:[\w'-]+\s+)?"
                             r"(?:source|official|witness|resident|medic|doctor|activist|monitor|group|report|estimate)s?\b)", re.I)


def _adds_people(ctx: DocContext, start: int, end: int) -> bool:
    """Whether :data:`ADDED` says the words between ``start`` and ``end`` tell of more people
    (not "another said", nor "more than 200")."""
    for added in ADDED.finditer(ctx.norm, start, end):
        word = added.group().lower()
        if not ((word == "another" and _ANOTHER_SOURCE.match(ctx.norm, added.start()))
                or (word == "more" and QUALIFIER.match(ctx.norm, added.start()))):
            return True
    return False


def sets_against(ctx: DocContext, first: Finding, second: Finding) -> bool:
    """Whether one sentence sets two sources' figures against each other: the first
    attributed, then "but", "while" or a semicolon, then another source's word
    ("residents said 20 were killed, while police said nine died")."""
    sentence_start, sentence_end = ctx.sentence_at(first.start)
    if not first.end <= second.start < sentence_end:
        return False
    if _WITH_SOURCE.search(ctx.norm, first.end, max(second.start, second.trigger_end)):
        return True  # "killed at least 12 people, with elders putting the toll at 15": a second source's figure
    contrast = _CONTRAST.search(ctx.norm, first.end, second.start)
    told_after = (contrast.end(), max(second.end, second.trigger_end)) if contrast is not None else None
    if told_after is not None and ((ctx.may_match(ADDED) and _adds_people(ctx, *told_after))
                                   or (ctx.may_match(_EARLIER) and _EARLIER.search(ctx.norm, *told_after))):
        return False  # "…; the junta said two soldiers were also killed": more dead; "had initially put the toll at 24"
    # (the first source's word before its figure or after it: "killed 30 passengers, witnesses said, though …")
    return contrast is not None and bool(
        _ATTRIBUTED.search(ctx.norm, sentence_start, contrast.start())
        and _ATTRIBUTED.search(ctx.norm, contrast.end(), min(sentence_end, second.end + 40)))


def _contrasted_statements(ctx: DocContext, pairs) -> None:
    """Two sources' figures of the same dead set against each other in one sentence
    ("witnesses said 20 people were killed, while police said nine died"): the
    lower counts, as ACLED takes the most conservative report, and the higher
    is kept as its alternative, so the disagreement stays on record."""
    top = _top(pairs)
    for (first_finding, first), (second_finding, second) in zip(top, top[1:]):
        if first.count is None or second.count is None or \
                not (first.victims == second.victims or None in (first.victims, second.victims)):
            continue
        if first.affiliation and second.affiliation and first.affiliation != second.affiliation:
            continue  # "the army said it killed 40 Boko Haram fighters, while the militants said they killed 10 soldiers"
        if own_loss(ctx, first_finding) and own_loss(ctx, second_finding):
            continue  # "the army said it lost three soldiers, while the rebels said two of their fighters died"
        if other_sides(first_finding, second_finding):
            continue  # "the army reported three soldiers killed, while local sources put militant deaths at nine"
        if not sets_against(ctx, first_finding, second_finding):
            continue
        low, high = (first, second) if first.count <= second.count else (second, first)
        if low.count != high.count:
            high.alternative_of, low.alternative_of = low.id, None


def _attach_breakdowns(ctx: DocContext, pairs) -> None:
    """A total, then the places or sides it happened in: later counts that add
    up exactly to the total are its parts."""
    killed = [(f, c) for f, c in pairs if c.outcome in KILLED and c.span is not None and not c.derived
              and not c.alternative_of and not c.is_tally]
    found_by_id = {c.id: f for f, c in killed}
    killed_sentences = {ctx.sentence_index(f.start) for f, _ in killed}
    countries: dict[int, set[str]] = {}  # sentence index -> the countries its places are in (read once each)
    for index, (total_finding, total) in enumerate(killed):
        if total.count is None or total.part_of:
            continue
        parts: list = []
        running = 0
        total_sentence = ctx.sentence_index(total_finding.start)
        for finding, casualty in killed[index + 1:]:
            # (sentences that tell no dead do not part a total from its places: "Two other villagers are still missing.")
            told = {sentence for sentence in killed_sentences if total_sentence < sentence <= ctx.sentence_index(finding.start)}
            if len(told) > 3 or casualty.count is None:
                break
            if not sentence_gap(ctx, total_finding, finding) \
                    and not _LIST_OPEN.search(ctx.norm, number_span(total_finding)[1], finding.start):
                # siblings in the total's own sentence are its coordinated counts, not its places,
                # unless a colon, dash or bracket opens them ("14 killed in two attacks: eight died in A
                # and six in B", "a family of four - a couple and their two daughters - died")
                continue
            if casualty.part_of not in (None, total.id):
                continue  # a breakdown of another count ("among the dead were 12 children")
            if ctx.may_match(_ELSEWHERE) and sentence_gap(ctx, total_finding, finding) \
                    and _ELSEWHERE.search(ctx.norm, ctx.sentence_at(finding.start)[0], finding.start):
                break  # "In a separate incident, …": another incident's dead, no place of the total's
            if casualty.part_of == total.id and (finding.number is None or not _same_dimension(parts, casualty)):
                continue
            if running + casualty.count > total.count or _other_country(ctx, countries, total_finding, finding) \
                    or (sentence_gap(ctx, total_finding, finding) and (_outside_total(ctx, total_finding, finding)
                                                                         or _after_total_days(ctx, total_finding, finding))):
                break  # ("… killing three in Kharkiv … Meanwhile, in the Russian region of Belgorod, shelling killed one")
            running += casualty.count
            parts.append(casualty)
            if running == total.count:
                break
        restated = _restated_parts(ctx, pairs, total_finding, total) if parts and running < total.count else []
        running += sum(c.count or 0 for c in restated)
        told_rest = bool(parts) and running < total.count and ctx.may_match(REST_RE) and \
            rest_told_after(ctx, found_by_id[parts[-1].id].end)
        if told_rest:
            running = total.count  # ("… killed 11 … Another strike killed six, and the rest were killed in Gaza City")
        if (len(parts) + len(restated) + told_rest >= 2 and running == total.count) or _listed_after_colon(ctx, total_finding, parts, found_by_id):
            for part in parts:
                _make_part(part, total)
    _totals_after_parts(ctx, _top(pairs))
    for with_attacker, its_counts, said_again in attacker_tolls(ctx, _top(pairs)):  # "… dead, including the gunman"
        if said_again:
            with_attacker.alternative_of = its_counts[0].id
        for counted in [] if said_again else its_counts:
            _make_part(counted, with_attacker)
    _day_totals_after_parts(ctx, _top(pairs))


#: how far from the place of a total a later count's town may lie and still be one of its places
NEAR_TOTAL_KM = 40.0


def _outside_total(ctx: DocContext, total_finding: Finding, finding: Finding) -> bool:
    """Whether a later sentence's count is placed outside where its sentence's total was: a town's count is no
    part of another town's total, nor a governorate's of another governorate's ("Four fighters were killed in
    Mutaibija … In Anbar, police found the bodies of three men": no breakdown of the four, whatever the sums)."""
    start, end = ctx.sentence_at(total_finding.start)
    totals = [p for p in starting_within(ctx.places, start, end) if p.resolved]
    if not totals and start > 0:  # a toll that names no place updates the incident the sentence before told
        totals = [p for p in starting_within(ctx.places, ctx.sentence_at(start - 1)[0], start) if p.resolved]
    start, end = ctx.sentence_at(finding.start)
    parts = [p for p in starting_within(ctx.places, start, end) if p.resolved]
    if not totals or not parts:
        return False

    def key(name: str | None) -> str:
        return skeleton(place_key(name or ""))

    def inside(part, total) -> bool:
        if total.feature == "country":
            return part.country == total.country
        if key(part.name) == key(total.name):
            return True
        if part.country == total.country and bool(part.admin1) and key(part.admin1) == key(total.admin1):
            return True
        # (a town near the total's: "near Damascus" then "the town of Jaramana", across a governorate's line)
        return None not in (part.latitude, part.longitude, total.latitude, total.longitude) and \
            haversine_km(part.latitude, part.longitude, total.latitude, total.longitude) <= NEAR_TOTAL_KM

    return any(not any(inside(part, total) for total in totals) for part in parts)


def _after_total_days(ctx: DocContext, total_finding: Finding, finding: Finding) -> bool:
    """Whether a later sentence's count is dated only after every day its total's sentence names ("Two shepherds
    were killed on Sunday … On Monday, gunmen … killing the driver and his brother"): another day's dead, no part of
    that total (a day before it may be one of the days a total spans: "on 25 and 26 November")."""
    total_dates, part_dates = anchors(ctx, total_finding)[0], anchors(ctx, finding)[0]
    return bool(total_dates and part_dates) and all(start > max(end for _, end in total_dates) for start, _ in part_dates)


def _other_country(ctx: DocContext, countries: dict[int, set[str]], first: Finding, later: Finding) -> bool:
    """Whether the later count's sentence names places only in countries the first's sentence names none in
    (``countries``: each sentence's, as they are read)."""
    first_countries, later_countries = sentence_countries(ctx, first, countries), sentence_countries(ctx, later, countries)
    return bool(first_countries and later_countries and not first_countries & later_countries)


def sentence_countries(ctx: DocContext, finding: Finding, known: dict[int, set[str]] | None = None) -> set[str]:
    """The countries of the places resolved in the finding's sentence (``known``: each sentence's, as read so far)."""
    index = ctx.sentence_index(finding.start)
    found = known.get(index) if known is not None else None
    if found is None:
        start, end = ctx.sentence_at(finding.start)
        found = {p.country for p in starting_within(ctx.places, start, end) if p.resolved and p.country}
        if known is not None:
            known[index] = found
    return found


def _listed_after_colon(ctx: DocContext, total_finding: Finding, parts: list[Casualty], found_by_id: dict[str, Finding]) -> bool:
    """Whether a total's parts are items of the list a colon opens after it, in its sentence ("eight murders on
    Friday: three men found shot …, a police officer killed … and four members of one family shot dead …"):
    its parts, though some items give no count the parts can add."""
    if len(parts) < 2:
        return False
    colon = ctx.norm.find(":", number_span(total_finding)[1], found_by_id[parts[0].id].start)
    return colon != -1 and all(sentence_gap(ctx, total_finding, found_by_id[part.id]) == 0 for part in parts)


def rest_told_after(ctx: DocContext, position: int) -> bool:
    """Whether "the rest" of a total's dead are told after a stated part that ends at ``position``: later in
    its sentence ("…, and the rest were killed in Gaza City"), or opening the next ("At least 11 were killed
    in Dhaka. The rest died in …")."""
    start, end = ctx.sentence_at(position)
    rest = REST_RE.search(ctx.norm, position, end)
    if rest is None and end < len(ctx.norm):
        start, end = ctx.sentence_at(end + 1 if ctx.norm[end:end + 1].isspace() else end)
        rest = REST_RE.match(ctx.norm, start)
    trigger = TRIGGER_RE.search(ctx.norm, rest.end(), end) if rest is not None else None
    return trigger is not None and _outcome_of(trigger) in KILLED


def _restated_parts(ctx: DocContext, pairs, total_finding: Finding, total: Casualty) -> list[Casualty]:
    """The total's own sub-counts told again with "the" in the sentences after it, among its places ("killed
    five people, including two paramedics. One strike … killing the two paramedics, while another … killed
    three"): already its parts, they are counted in its breakdown."""
    own = [(f, c) for f, c in pairs if c.part_of == total.id and c.count and f.number is not None]
    if not own:  # (most totals have no sub-count of their own)
        return []
    sentence_end = ctx.sentence_at(total_finding.start)[1]
    after = ctx.norm[sentence_end:sentence_end + 600].lower()
    return [c for f, c in own if sentence_gap(ctx, total_finding, f) == 0
            and _told_again(after, f"the {ctx.norm[slice(*number_span(f))]} {f.victim_text.strip()}".lower())]


def _told_again(text: str, words: str) -> bool:
    """Whether ``words`` stand in ``text`` as whole words (a plain search: a pattern built for each would be
    compiled for each)."""
    at = text.find(words)
    while at != -1:
        end = at + len(words)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(words, at + 1)
    return False


def _same_dimension(parts: list[Casualty], child: Casualty) -> bool:
    """A stated part ("five of them in the market") is summed with the places
    after it; a victim-group part ("two of them children") is not."""
    return child.victim_group is None


def _totals_after_parts(ctx: DocContext, top) -> None:
    """"… bringing the total dead to nine": a total stated after its parts."""
    for index, (finding, casualty) in enumerate(top):
        if index < 2 or casualty.count is None or not _TOTAL_AFTER.search(clause_before(ctx, finding, 80)):
            continue
        running = 0
        for _finding, other in reversed(top[:index]):
            running += other.count or 0
            if running >= casualty.count:
                break
        if running == casualty.count:
            casualty.alternative_of = top[0][1].id


#: a region's count for the day, as governors give it ("Over the past day, Russian attacks in the region killed four")
_PAST_DAY = re.compile(r"\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:day|24\s+hours)\b", re.I)


def _day_totals_after_parts(ctx: DocContext, top) -> None:
    """A count "over the past day" after the day's incidents told before it, in the same place or none named,
    and no smaller than them together: they are its parts ("… killed one person in Kherson city on Tuesday
    morning. Over the past day, Russian attacks in the region killed a total of four people": four)."""
    for index, (finding, casualty) in enumerate(top):
        sentence_start = ctx.sentence_at(finding.start)[0]
        if index == 0 or casualty.count is None or casualty.part_of or \
                not _PAST_DAY.search(ctx.norm, sentence_start, max(sentence_start, number_span(finding)[0])):
            continue
        earlier = [(f, c) for f, c in top[:index] if not c.part_of and f.start < sentence_start]
        if earlier and all(c.count is not None and not places_differ(ctx, finding, f) for f, c in earlier) \
                and sum(c.count or 0 for _, c in earlier) <= casualty.count:
            for _, part in earlier:
                _make_part(part, casualty)


def _merge_restatements(ctx: DocContext, pairs) -> None:
    """The same number of dead stated again is the same people."""
    seen: list[tuple[Finding, Casualty]] = []
    for finding, casualty in _top(pairs):
        first = next((pair for pair in seen if pair[1].count == casualty.count and compatible(pair[1], casualty)
                      and not killers_of(pair[1], casualty)), None)
        # (a kind of a headline's list told again with no day of its own is the same dead wherever its speaker's title
        # places it: "Inspector General of Police (Bastar range)")
        listed = first is not None and restates_headline_list(ctx, first[0], finding)
        if first is not None and told_apart(ctx, first[0], finding) and not other_sex(first[0], finding) \
                and ((listed and not anchors(ctx, finding)[0]) or not distinct_scope(ctx, first[0], finding)) \
                and (listed or not introduces_new(ctx, finding) or restates_headline_victim(ctx, first[0], finding)
                     or names_the_counted(ctx, first[0], finding, casualty) or tells_headline_clause(ctx, first[0], finding)):
            casualty.alternative_of = first[1].id
            continue
        seen.append((finding, casualty))


def is_claim(ctx: DocContext, finding: Finding) -> bool:
    start = min(finding.start, finding.trigger_start)
    return is_party_claim(ctx.norm, start, finding.trigger_end, ctx.sentence_at(finding.trigger_start),
                          may_match=ctx.may_match, may_match_within=ctx.may_match_within)
