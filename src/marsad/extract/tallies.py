"""How casualty statements relate: sub-counts, remainders, periods and tallies.

* "including N …" makes a child of the statement it qualifies (``part_of``);
* "the rest were killed in …" is a derived child: parent minus stated children;
* a parent that spans exactly two months of an operation and has one child
  stated for one of them gets a derived child for the other ("608 - 341");
* a count scoped by "since <date>" is a cumulative claim (``is_tally``) over
  that period; "in the second month of the operation" sets the child's period;
* "the 2 child girls" repeating a count already stated is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Final

from marsad.counting import (
    CLAUSE_CONTRAST,
    DOCUMENTS,
    INCIDENT_NOUN,
    PAST_PERIOD,
    WEEKS_OF_FIGHTING,
    is_aggregate_scope,
    outcome_family,
)
from marsad.extract.actors import iso_country_code
from marsad.extract.casualties import Finding, may_end_with
from marsad.extract.casualty_facts import RUNNING_CLAUSE, own_clause_end
from marsad.extract.dates import MONTH_NAMES, PERIOD_RULES, POSSESSIVE
from marsad.extract.ledger import settle
from marsad.extract.numbers import ORDINAL
from marsad.extract.period_scope import (
    headline_totals,
    numbers_a_run,
    perfect_sibling,
    told_at_opening,
    vague_background,
)
from marsad.extract.pipeline import DocContext
from marsad.extract.place_sums import itemized_after, itemized_by_place, mark_attack_sums
from marsad.extract.restatements import mark_alternatives
from marsad.extract.same_dead import killers_of
from marsad.extract.spans import starting_within, stated_span
from marsad.extract.subcounts import add_month_complements, add_remainders, sibling_gap
from marsad.extract.unreported import UNREPORTED_TRIGGERS
from marsad.model import Casualty, DateValue

#: ("among the dead", "of them civilians and four soldiers": the four a part too; but after "among the" and a side's
#: name, whole words and no "and": "seven dead among the regime forces and four …" is the other side's four)
_INCLUDING_BEFORE = re.compile(r"(?:(?:\binclud(?:ing|ed|es)|\bamong\s+(?:them|whom|those)(?:\s+(?:were|are|was|is))?|"
                               r"\bof\s+(?:whom|them|those)|\bamongst\s+them)\s*(?:(?!and\s)[\w-]+\s+(?:[\w-]+\s+)?)?"
                               r"|\bamong\s+the\s+\w+\b(?:\s+(?:were|are|was|is))?\s*(?:(?!and\s)[\w-]+\s+(?:(?!and\s)[\w-]+\s+)?)?)$",
                               re.I)
_REPEAT = re.compile(r"\b(?:the|these|those)\s+(?:[\w-]+\s+)?$", re.I)


def resolve_tallies(ctx: DocContext, findings: list[Finding], casualties: list[Casualty]) -> list[Casualty]:
    if not findings:  # nothing to relate, and "the rest" has no count to be the rest of
        return []
    kept_findings, kept = _drop_repeats(ctx, findings, casualties)
    _link_sub_counts(ctx, kept_findings, kept)
    pairs = [(f, c) for f, c in zip(kept_findings, kept) if c.rule != "drop"]
    kept_findings, kept = [f for f, _ in pairs], [c for _, c in pairs]
    _assign_periods(ctx, kept_findings, kept)
    mark_alternatives(ctx, kept_findings, kept)
    settle(ctx, kept_findings, kept)
    mark_attack_sums(ctx, kept_findings, kept)  # (once its parts are attached: "five civilians, two of them women")
    kept = add_remainders(ctx, kept)
    add_month_complements(ctx, kept)
    _inherit_from_children(kept)
    _renumber(kept)
    return kept


def _renumber(casualties: list[Casualty]) -> None:
    """Ids in reading order (derived facts were added after the stated ones)."""
    prefix_ids = [c.id for c in casualties]
    if not prefix_ids:
        return
    first = min(int(i[1:]) for i in prefix_ids)
    mapping = {c.id: f"C{first + n}" for n, c in enumerate(casualties)}
    for casualty in casualties:
        casualty.id = mapping[casualty.id]
        if casualty.part_of in mapping:
            casualty.part_of = mapping[casualty.part_of]


def _drop_repeats(ctx: DocContext, findings: list[Finding], casualties: list[Casualty]):
    kept_findings: list[Finding] = []
    kept: list[Casualty] = []
    for finding, casualty in zip(findings, casualties):
        if finding.number is not None and _REPEAT.search(ctx.norm, max(0, finding.number.start - 20), finding.number.start):
            # ("killing three soldiers … The three insurgents died": the killers are no repeat of their victims)
            if any(c.count == casualty.count and c.outcome == casualty.outcome and not killers_of(c, casualty) for c in kept):
                continue
        kept_findings.append(finding)
        kept.append(casualty)
    return kept_findings, kept


_SUB_RULES = ("casualties.including", "casualties.remaining", "casualties.split")


def _link_sub_counts(ctx: DocContext, findings: list[Finding], casualties: list[Casualty]) -> None:
    last_child: tuple[Finding, Casualty] | None = None
    of_finding = {id(f): c for f, c in zip(findings, casualties)}
    for index, (finding, casualty) in enumerate(zip(findings, casualties)):
        if finding.parent is not None and id(finding.parent) in of_finding:
            _attach(casualty, of_finding[id(finding.parent)], finding)
            continue
        start = finding.number.start if finding.number else finding.start
        # "five in B, including a doctor, and two in C": a count that repeats the
        # outcome verb at its own place is the toll's sibling, never the list's
        sibling = last_child is not None and finding.rule != "casualties.ellipsis" and (
            sibling_gap(ctx.norm, _number_end(last_child[0]), start) or _listed_with_verbs(ctx, last_child[0], finding))
        parent: Casualty | None
        if sibling and last_child is not None:
            parent = next(c for c in casualties if c.id == last_child[1].part_of)
            stated = sum(c.count or 0 for c in casualties if c.part_of == parent.id)
            if parent.count is not None and casualty.count is not None and stated + casualty.count > parent.count:
                last_child = None
                continue
        elif finding.rule not in _SUB_RULES and not _INCLUDING_BEFORE.search(ctx.norm, max(0, start - 40), start):
            last_child = None
            continue
        else:
            parent = _parent_for(ctx, casualties[:index], casualty, finding)
        if parent is None:
            if finding.rule in _SUB_RULES:
                casualty.rule = "drop"
            continue
        _attach(casualty, parent, finding)
        last_child = (finding, casualty)


#: between two items of a list, each with its own verb ("among them five members of one family killed by
#: a landmine near A and two SDF members killed in an ambush"): no comma, no clause break
_ITEM_AND = re.compile(r"[^.;:(),]{0,120}?\s+and\s+(?:the\s+)?")


def _listed_with_verbs(ctx: DocContext, previous: Finding, finding: Finding) -> bool:
    """Whether ``finding`` is the next item of the list ``previous`` began, both the subjects of
    their own participles ("five … killed by a landmine … and two … killed in an ambush")."""
    if not (previous.rule.startswith("casualties.subject") and finding.rule.startswith("casualties.subject")) \
            or finding.number is None:
        return False
    return _ITEM_AND.fullmatch(ctx.norm, max(previous.end, previous.trigger_end), finding.number.start) is not None


def _attach(casualty: Casualty, parent: Casualty, finding: Finding) -> None:
    casualty.part_of = parent.id
    if finding.rule in _SUB_RULES or not finding.outcome:
        casualty.outcome = parent.outcome
    if casualty.victims is None:
        casualty.victims = parent.victims
    if casualty.affiliation is None and casualty.victims == parent.victims:
        casualty.affiliation = parent.affiliation


def _number_end(finding: Finding) -> int:
    return finding.number.end if finding.number else finding.start


def _parent_for(ctx: DocContext, earlier: list[Casualty], child: Casualty, finding: Finding) -> Casualty | None:
    sentence = ctx.sentence_index(finding.start)
    for candidate in reversed(earlier):
        if candidate.part_of is not None or candidate.span is None:
            continue
        if sentence - ctx.sentence_index(candidate.span.start) > 1:
            return None
        if candidate.count is not None and child.count is not None and candidate.count > child.count:
            return candidate
    return None


_RUNNING_CLAUSE = re.compile(RUNNING_CLAUSE, re.I)
_WHOLE_MONTH_BEFORE = re.compile(r"\b(?:in|during|throughout|over|for)\s+(?:the\s+month\s+of\s+)?$", re.I)
_DOCUMENTED_TOTAL = re.compile(r"\b(?:alone(?=\s*,)|document\w*|record\w*|compiled|data|toll|total|tall(?:y|ies)|monthly|weekly|cumulative|overall|in\s+all|"
                               r"altogether|statistics?)\b", re.I)


#: several incidents as the subject of a count ("bandit attacks killed at least 143 people in Zamfara in June",
#: "air strikes killed 40 civilians in May"): a month of them is a total over it, whoever tells it
_SEVERAL_INCIDENTS = re.compile(r"\b(?:attacks|(?:air\s*)?strikes|bombings|raids|ambushes|assaults|massacres|killings|"
                                r"(?:armed\s+)?violence)\s+(?:have\s+|had\s+)?(?:killed|claimed|left)\b", re.I)


#: several incidents the dead were killed in, told after the count ("120 civilians were killed in drone strikes and
#: clashes in Amhara during August"): the same total over a month as "strikes killed 40 in May"
_IN_SEVERAL_INCIDENTS = re.compile(r"\s+(?:in|by)\s+(?:[\w-]+\s+){0,2}?"
                                   r"(?:attacks|(?:air\s*|drone\s*)?strikes|airstrikes|bombings|raids|ambushes|assaults|"
                                   r"massacres|clashes|killings|shellings)\b", re.I)


def _in_several_incidents(ctx: DocContext, finding: Finding, end: int) -> bool:
    # (right after the count's verb, where it comes after the count: "… were killed in drone strikes"; not "strikes
    # killed 40", which _SEVERAL_INCIDENTS reads; gated on the plural nouns)
    verb_end = finding.trigger_end
    return verb_end >= finding.start and ctx.may_match(_IN_SEVERAL_INCIDENTS) and \
        _IN_SEVERAL_INCIDENTS.match(ctx.norm, verb_end, min(end, verb_end + 60)) is not None


def _span_of(item):
    return item.span


def _documented_month(ctx: DocContext, finding: Finding, findings: list[Finding]) -> DateValue | None:
    """"documented the death of 244 civilians in Idlib in January 2021": a count a
    monitor totals over a whole calendar month (or a week: "last week, according to
    a tally") is a cumulative claim over that period.
    Without documentation wording ("in March 2019, gunmen killed 3 people") a
    month is only the imprecise date of one incident."""
    start, end = ctx.sentence_at(finding.start)
    # (the incidents told after the verb only for a month gone by: "150 were killed in raids in December" in
    # December's own report is its news)
    told_after_verb = False
    if not ctx.search_once(_DOCUMENTED_TOTAL, start, end) and not _SEVERAL_INCIDENTS.search(ctx.norm, start, finding.end):
        if not _in_several_incidents(ctx, finding, end):
            return None
        told_after_verb = True
    for value in starting_within(ctx.dates, start, end, _span_of):  # the sentence's dates, not a scan of all
        if any(other is not finding and other.start <= value.span.start < other.end for other in findings):
            continue  # another count's own words ("putting the death toll from the previous round in June at 22")
        if (value.rule.startswith("dates.month_year")
                and _WHOLE_MONTH_BEFORE.search(ctx.norm, max(start, value.span.start - 25), value.span.start)
                and not (told_after_verb and (ctx.published is None or value.end is None or value.end >= ctx.published))):
            return value
        if value.rule == "dates.relative" and value.precision >= 3 and not told_after_verb \
                and not POSSESSIVE.match(ctx.norm, value.span.end):
            return value  # "killed across the state last week, according to a tally" (not "last week's fire")
    return None


def _documented_since(ctx: DocContext, finding: Finding, period: DateValue) -> bool:
    """A period opened by "since" two or more days back, in a sentence in a monitor's words, or told in the
    perfect ("Since fighting erupted on 10 May, at least 58 people have been killed", four days on)."""
    if period.rule != "dates.since" or period.start is None or period.end is None or (period.end - period.start).days < 2:
        return False
    start, end = ctx.sentence_at(finding.start)
    if ctx.may_match(_DOCUMENTED) and _DOCUMENTED.search(ctx.norm, start, end):
        return True
    verb = finding.trigger_start
    while verb > start and ctx.norm[verb - 1] in _OPENING_QUOTES:  # (a quote may open the verb: "had 'neutralised'")
        verb -= 1
    return _PERFECT_BEFORE.search(ctx.norm, max(start, verb - 30), verb) is not None


_OPENING_QUOTES = "'\u2018\"\u201c"


#: a monitor's own wording for what it totals (not a toll that rises with one incident's wounded)
_DOCUMENTED = re.compile(r"\b(?:" + DOCUMENTS + r"|tall(?:y|ies)|cumulative|statistics?)\b", re.I)
_CONFLICT = r"(?:war|conflict|insurgency|violence|crisis|uprising|unrest|revolution|rebellion|invasion|occupation|coup|takeover)"
#: "The war has killed more than 500,000 people since …", "violence in Ituri has left more
#: than 2,000 dead": a conflict's running toll
_CONFLICT_TOLL = re.compile(
    r"\b" + _CONFLICT + r"(?:'s)?\b[^.;]{0,60}?\b(?:has|have|had)\s+(?:[\w-]+\s+){0,4}?$", re.I)
#: "Tens of thousands of people have died in Yemen's war"
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?$", re.I)
#: the last words a match of _PERFECT_BEFORE can end with (casualties.ends_with_word)
_PERFECT_ENDS = ("has", "have", "had", "been")
#: "… in the war", "… thousands of civilians since its invasion": the object may come first
#: "since the start of the war": a conflict's or campaign's beginning
_START_OF = r"the\s+(?:start|beginning|outbreak|onset)\s+of\s+"
#: "… were killed in Lebanon during the 14-month war", "in the 1975-90 civil war": a war told with its length or its
#: years is the whole war, whatever the verb's tense
_WAR_OF_LENGTH_AFTER = re.compile(r"(?:\s+[\w'-]+){0,4}?\s+(?:in|during|over|throughout)\s+(?:the|its|their|[A-Z][\w-]*'s)\s+"
                                  r"(?:[\w'-]+\s+){0,2}?(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                  r"several|many)[- ](?:months?|years?|decades?)(?:[- ]long)?|(?:19|20)\d\d\s*[-\u2013]\s*(?:19|20)?\d\d)"
                                  r"\s+(?:[\w'-]+\s+){0,3}?(?:war|conflict|insurgency|civil\s+war)\b", re.I)
_IN_CONFLICT_AFTER = re.compile(r"(?:\s+[\w'-]+){0,4}?\s+(?:in|during|since)\s+(?:" + _START_OF + r")?"
                                r"(?:[\w'-]+\s+){0,3}?" + _CONFLICT + r"\b", re.I)
#: "Last month, a similar strike killed 12", "a 2017 truck bombing that killed 500", "since a
#: March attack that killed 11": another, earlier incident told as background
_EARLIER_INCIDENT = re.compile(
    r"\b(?:a|an|the)\s+(?:similar|previous|earlier|prior|last|(?:19|20)\d\d|(?-i:" + MONTH_NAMES + r"))\s+"
    r"(?:[\w-]+\s+){0,2}?" + INCIDENT_NOUN + r"[^.;]{0,80}$", re.I)
#: a day back: "a day earlier, a similar attack killed a police officer" is news the report tells too
_DAY_BACK = re.compile(r"\b(?:a|one)\s+day\s+(?:earlier|before)\b|\bthe\s+(?:day\s+before|previous\s+day)\b", re.I)
#: a toll "from the previous round of fighting", "of an earlier attack": another incident's
_PREVIOUS_TOLL = re.compile(r"\b(?:from|of|in)\s+(?:the|a|an)\s+(?:previous|earlier|prior|last)\b", re.I)
#: "four strikes on the town that month, which together killed 15": several incidents' sum, not one's toll
_SEVERAL_TOGETHER = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+(?:[\w-]+\s+){0,2}?"
                               + INCIDENT_NOUN + r"[^.;]{0,80}?\b(?:together|combined|between\s+them)\s+(?:have\s+|had\s+)?$", re.I)
#: "the latest in a string of assassinations that have killed more than 40 officials": a run of incidents' sum, told
#: in a relative clause in the perfect of the run (the report's own incident is one of them, counted on its own)
_SERIES_HAVE_KILLED: Final = re.compile(r"\b(?:string|series|spate|wave|spree|run|succession)\s+of\s+(?:[\w-]+\s+){0,2}?"
                                 r"(?:attacks|strikes|air\s*strikes|bombings|blasts|explosions|raids|massacres|ambushes|"
                                 r"assassinations|killings|murders|kidnappings|shootings)\b[^.;]{0,40}?\b(?:that|which)\s+"
                                 r"(?:have|has|had)\s+(?:[\w-]+\s+){0,4}?$", re.I)
#: "The group killed more than 100 people in a similar attack in October": the count's own earlier incident
_IN_EARLIER_INCIDENT = re.compile(r"\s*,?\s*(?:in|during)\s+(?:a|an|the)\s+(?:similar|previous|earlier|prior)\s+"
                                  r"(?:[\w-]+\s+){0,2}?" + INCIDENT_NOUN, re.I)


#: ", raising the overall death toll to": the clause that opens a running total (the toll's
#: own span may start at its verb)
_RAISING_BEFORE = re.compile(RUNNING_CLAUSE + r"(?:\s+(?:[\w'-]+\s+){0,4})?", re.I)
#: "two more people died", "another soldier succumbed to his wounds": more deaths of the same toll
#: (and bodies recovered: "rescuers pulled nine bodies from the rubble, raising the death toll to 23")
_INCREMENT = re.compile(r"\b(?:more|another|further|additional|succumb\w*|(?:wounds|injuries)|hospital|bod(?:y|ies)|corpses)\b",
                        re.I)


def _raised_past_own_count(ctx: DocContext, findings: list[Finding], finding: Finding) -> bool:
    """"An airstrike killed 12 people, raising the death toll to 24,100": the raised
    toll adds earlier deaths to this report's own count, so it is a running total;
    not when the count before is more deaths of the same toll ("two more died of
    their wounds, raising the toll of Saturday's bombing to 19")."""
    if finding.rule != "casualties.toll":
        return False
    if not ctx.may_match(_RAISING_BEFORE):
        return False
    sentence_start, _ = ctx.sentence_at(finding.start)
    raising = next((m for m in _RAISING_BEFORE.finditer(ctx.norm, max(sentence_start, finding.start - 60),
                                                         finding.start + 12) if m.end() >= finding.start), None)
    if raising is None:
        return False
    own = [f for f in findings if f is not finding and outcome_family(f.outcome) == "killed"
           and sentence_start <= f.start < raising.start() and f.count is not None]
    if not own or _INCREMENT.search(ctx.norm, sentence_start, raising.start()):
        return False
    return finding.count is not None and finding.count > sum(f.count or 0 for f in own)


#: "The fighting came days after five soldiers were killed in Rajouri": an earlier incident
_CAME_AFTER = re.compile(r"(?:\b(?:came|comes|follow(?:s|ed)?)\s+(?:just\s+|only\s+)?(?:[\w-]+\s+)?(?:hours?|days?|weeks?|months?)"
                         # ("It was the second car bomb to hit Manbij in three days, after a blast on Thursday killed four")
                         r"|\b(?:second|third|fourth|fifth|latest)\s+[^.;]{0,60}?\bin\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?),?)"
                         r"\s+after\b[^.;]{0,120}$", re.I)
#: "killed 9 farmers on Tuesday, a week after 43 were massacred nearby": an incident a week or more
#: back that the news is dated from, background as "last week's" is (a day back it is news the report
#: tells too: "a day after another man was killed"; and "Two weeks after the massacre, villagers buried
#: 26 bodies": a comma ends it)
_WEEKS_AFTER = re.compile(r"\b(?:(?:just|only|barely)\s+)?(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+"
                          r"(?:weeks?|months?|years?)\s+after\b[^.;,]{0,80}$"
                          # (days back, after the report's own news: "…, a local leader said, days after herders killed
                          # nine farmers in the same area")
                          r"|,\s+(?:(?:just|only|barely)\s+)?(?:(?:two|three|four|five|six|several|a\s+few|\d+)\s+)?days\s+"
                          r"after\b[^.;,]{0,80}$", re.I)
#: "sectarian clashes in recent months that have left dozens dead": a toll over weeks or more
_RECENT_SPAN = re.compile(r"\b(?:in|over|during|for)\s+(?:the\s+)?(?:recent|past|last)\s+(?:(?:few|several|\d+|two|three|four|"
                          r"five|six)\s+)?(?:weeks|months|years)\b", re.I)


#: "in June, more than 40 people were killed in Owo", "last year", "in 2014": a month or year
#: gone by, told after the report's own news
#: a month named as when something happened ("in December", "during early March"), not a day of it ("in March 12")
_IN_MONTH = r"(?:in|during)\s+(?:early\s+|late\s+|mid-?)?(?-i:" + MONTH_NAMES + r")\b(?!\s+\d{1,2}\b)"
_EARLIER_PERIOD = re.compile(
    r"\b(?:" + _IN_MONTH + r"(?:\s+(?:19|20)\d\d)?"
    r"|in\s+(?:19|20)\d\d|" + PAST_PERIOD + r"|earlier\s+this\s+(?:month|year))\b[^.;]{0,80}$", re.I)
#: how far before a count a match of _EARLIER_PERIOD can begin: its period's words ("during early September 2019",
#: "the previous month") and the 80 characters after them
_EARLIER_REACH: Final = 160
#: "Since the start of the offensive, at least 1,200 civilians have been killed" (or of the escalation,
#: of the hostilities): a campaign's
#: running toll, its period told before the count
#: a war's or a campaign's name for itself: what a running toll runs over ("killed in the offensive")
_ONGOING = r"(?:" + _CONFLICT + r"|offensive|operations?|campaign|escalation|hostilities)"
#: … and what has a start a toll can run from, one incident's too ("since the start of the siege")
_CAMPAIGN = r"(?:" + _ONGOING + r"|battle|fighting|siege)"
_SINCE_START = re.compile(r"^\W*since\s+(?:" + _START_OF + r")?(?:the|its|this)\s+"
                          r"(?:[\w'-]+\s+){0,2}?(?:" + _CAMPAIGN + r"|year|month)\b", re.I)
#: a report recalling an earlier incident: background
_RECALLED = re.compile(r"\b(?:recalled|recalling|recalls)\b", re.I)
#: a sentence that opens on what began a running toll, told as a clause ("Since the truce ended, …",
#: "Since the commander defected to the army on 20 October, …")
#: "since the truce collapsed", "since fighting broke out": what began, opening a running total
_SINCE_BEGAN = (r"since\s+(?:[\w'-]+\s+){1,8}?(?:ended|began|started|erupted|broke\s+out|collapsed|resumed|"
                r"escalated|defected|took\s+(?:effect|office|power|control)|was\s+(?:signed|declared|announced|"
                r"launched|overthrown|ousted))\b")
_SINCE_CLAUSE = re.compile(r"\W*" + _SINCE_BEGAN, re.I)
_HAS_HAVE = re.compile(r"\b(?:has|have)\b", re.I)
#: the same clause told after a count in the perfect ("… have been killed in Sinaloa since the infighting began")
_SINCE_CLAUSE_AFTER = re.compile(r"[^.;]{0,60}?\b" + _SINCE_BEGAN, re.I)
#: "the number of fighters killed since the start of the operation in the area rises to 274": a campaign's
#: running toll, its opening told inside the toll's own noun phrase, its day not given
_SINCE_OPENING = r"\bsince\s+" + _START_OF + r"(?:the|its|this|their)\s+(?:[\w'-]+\s+){0,2}?" + _CAMPAIGN + r"\b"
_SINCE_OPENING_OF = re.compile(_SINCE_OPENING, re.I)
#: "documented the death of 45 people since the start of the escalation": the same, told after the count in its clause
_SINCE_OPENING_AFTER = re.compile(r"[^,;.\d]{0,80}?" + _SINCE_OPENING, re.I)
#: "the number of SDF members killed in the offensive rises to 77": a campaign's running toll
#: (not a siege, a battle or fighting: "killed in the week-long siege of the hotel" is one incident's toll)
_CAMPAIGN_NUMBER = re.compile(r"\bnumber\s+of\s+[^.;]{0,60}?\b(?:killed|dead|deaths)\s+(?:in|during|since)\s+(?:the|this|its|their)\s+"
                              r"(?:[\w'-]+\s+){0,2}?" + _ONGOING + r"\b[^.;]{0,60}$", re.I)


def _earlier_period(ctx: DocContext, first_count_sentence: int | None, finding: Finding) -> bool:
    """A count dated to a month or year gone by, in a later sentence than the report's
    first count: what happened then, not what the report reports."""
    if first_count_sentence is None or ctx.sentence_index(finding.start) <= first_count_sentence:
        return False
    sentence_start, sentence_end = ctx.sentence_at(finding.start)
    before = min(finding.trigger_start, finding.start)
    # (a match ends the window with at most 80 characters after its period's words: it begins within the last
    # _EARLIER_REACH of them, and a long sentence is not searched from its start)
    if _EARLIER_PERIOD.search(ctx.norm, max(sentence_start, before - _EARLIER_REACH), before):
        return True
    # ("…; more than 100 people were killed in coordinated raids in December", in January's report: told after the
    # count, in its clause, a month before the report's)
    end = max(finding.end, finding.trigger_end)
    month = _MONTH_AFTER.search(ctx.norm, end, min(sentence_end, end + 60)) if ctx.published else None
    if month is None or CLAUSE_CONTRAST.search(ctx.norm, end, month.start()):
        return False
    dated = next((d for d in starting_within(ctx.dates, month.start(), month.end()) if d.precision == 4), None)
    return dated is not None and ctx.published is not None and dated.end < ctx.published.replace(day=1)


#: a month the count's clause dates it to ("killed in raids in December")
_MONTH_AFTER = re.compile(r"\b" + _IN_MONTH, re.I)


#: how often ("every year", "annually", "a month"): the sentence tells a rate
_RATE = re.compile(r"\b(?:every|each|per)\s+(?:year|month|week|day)\b|\bannually\b|"
                   r"\ba\s+(?:year|month)\b(?!\s+(?:ago|after|earlier|before|later|since|into)\b)", re.I)


def _found_in(ctx: DocContext, pattern: re.Pattern, start: int, end: int) -> bool:
    """Whether ``pattern.search(norm, start, end)`` finds a match, searched on the lower-cased text where that
    finds the same (DocContext.lowered, about twice as fast)."""
    scan, text = ctx.lowered(pattern)
    return scan.search(text, start, end) is not None


def _found_in_part(ctx: DocContext, pattern: re.Pattern, start: int, end: int) -> bool:
    """Whether ``pattern`` finds a match in ``norm[start:end]`` cut out (its ends read as a text's ends), as
    :func:`_found_in`."""
    scan, text = ctx.lowered(pattern)
    return scan.search(text[start:end]) is not None


def _background(ctx: DocContext, finding: Finding) -> bool:
    """A count the report gives as background, not as the toll of what it reports."""
    sentence_start, sentence_end = ctx.sentence_at(finding.trigger_start)
    before_end = min(finding.trigger_start, finding.start)
    # Each search only where the part of the sentence it can match in holds one of its words
    # (DocContext.may_match_within): most sentences hold none. A search that ends at its window's end
    # ("…after …[^.;]{0,120}$") is tested on that end alone, its word's reach with a margin.
    conflict_toll, text = ctx.lowered(_CONFLICT_TOLL)
    if (ctx.may_match_within(_CONFLICT_TOLL, sentence_start, before_end)
            and conflict_toll.search(text[sentence_start:before_end])) or \
            (ctx.may_match(_CAME_AFTER) and ctx.may_match_within(_CAME_AFTER, max(sentence_start, before_end - 130), before_end)
             and _found_in_part(ctx, _CAME_AFTER, sentence_start, before_end)) or \
            (ctx.may_match(_WEEKS_AFTER) and ctx.may_match_within(_WEEKS_AFTER, max(sentence_start, before_end - 90), before_end)
             and _found_in_part(ctx, _WEEKS_AFTER, sentence_start, before_end)):
        return True
    # "a 2014 massacre of hundreds": the incident's noun is the count's own trigger
    # (the last two only in a document that holds their words, "similar"/"together": most hold none)
    incident_end = max(finding.trigger_end, before_end)
    if (ctx.may_match_within(_EARLIER_INCIDENT, max(sentence_start, incident_end - 100), incident_end)
            and _EARLIER_INCIDENT.search(ctx.norm, sentence_start, incident_end)
            and not (ctx.may_match(_DAY_BACK) and _DAY_BACK.search(ctx.norm, sentence_start, incident_end))) \
            or (ctx.may_match(_IN_EARLIER_INCIDENT) and _IN_EARLIER_INCIDENT.match(ctx.norm, max(finding.end, finding.trigger_end))) \
            or (ctx.may_match(_SEVERAL_TOGETHER) and ctx.may_match_within(_SEVERAL_TOGETHER, sentence_start, before_end)
                and _found_in(ctx, _SEVERAL_TOGETHER, sentence_start, before_end)) \
            or (ctx.may_match(_SERIES_HAVE_KILLED) and _found_in(ctx, _SERIES_HAVE_KILLED, sentence_start, before_end)):
        return True
    if ctx.search_once(_RATE, sentence_start, sentence_end):
        return True  # "Cattle raids kill hundreds of people every year": a rate, no incident's toll
    if ctx.may_match(_RECALLED) and ctx.search_once(_RECALLED, sentence_start, sentence_end):
        return True  # "Earlier, on 5 October, a drone attack on the academy killed 89 people, the network recalled"
    if ctx.search_once(_RECENT_SPAN, sentence_start, sentence_end) and \
            re.search(r"\b(?:have|has)\s+(?:been\s+)?(?:\w+\s+)?$",
                      ctx.norm[max(sentence_start, min(finding.start, finding.trigger_start) - 30):min(finding.start, finding.trigger_start)]):
        return True
    if ctx.may_match(_SINCE_OPENING_OF) and ctx.may_match_within(_SINCE_OPENING_OF, min(sentence_start, finding.end),
                                                                              sentence_end) and (
            _found_in(ctx, _SINCE_OPENING_OF, sentence_start, before_end)
            or _SINCE_OPENING_AFTER.match(ctx.norm, finding.end, sentence_end)):
        return True
    number_end = finding.number.start if finding.number is not None else before_end
    if finding.rule == "casualties.toll" and finding.number is not None and ctx.may_match(_PREVIOUS_TOLL) and \
            _found_in(ctx, _PREVIOUS_TOLL, finding.start, number_end):
        return True  # "…, putting the death toll from the previous round of fighting in June at 22": another incident's
    if ctx.may_match(_CAMPAIGN_NUMBER) and ctx.may_match_within(_CAMPAIGN_NUMBER, sentence_start, number_end) \
            and _found_in(ctx, _CAMPAIGN_NUMBER, sentence_start, number_end):
        return True  # (a toll's span opens at its noun: the number is where its words end)
    if ctx.may_match(_SINCE_START) and _found_in_part(ctx, _SINCE_START, sentence_start, before_end) and re.search(r"\b(?:have|has)\s+(?:been\s+)?",
                                                 ctx.norm[finding.start:finding.trigger_start + 1] + " "):
        return True
    if ctx.may_match(_SINCE_CLAUSE) and _SINCE_CLAUSE.match(ctx.norm, sentence_start) \
            and _HAS_HAVE.search(ctx.norm, sentence_start, finding.trigger_start + 1):
        return True  # "Since the truce ended, the network has documented the killing of 214 civilians"
    if ctx.may_match(_SINCE_CLAUSE_AFTER) and _SINCE_CLAUSE_AFTER.match(ctx.norm, finding.trigger_end, sentence_end) \
            and _HAS_HAVE.search(ctx.norm, max(sentence_start, min(finding.start, finding.trigger_start)), finding.trigger_start + 1):
        return True  # "250 people have died since fighting between the two communities broke out in May 2023"
    if ctx.may_match(_WAR_OF_LENGTH_AFTER) and _WAR_OF_LENGTH_AFTER.match(ctx.norm, finding.trigger_end, sentence_end):
        return True  # "More than 4,000 people were killed in Lebanon during the 14-month war": the war's toll
    if not ctx.may_match_within(_IN_CONFLICT_AFTER, finding.trigger_end, sentence_end):
        return False  # (no conflict named after the count: the perfect before it is not searched for)
    perfect, text = ctx.lowered(_PERFECT_BEFORE)
    if not may_end_with(ctx, text, sentence_start, finding.trigger_start, _PERFECT_ENDS) or \
            perfect.search(text, sentence_start, finding.trigger_start) is None:
        return False
    in_conflict, text = ctx.lowered(_IN_CONFLICT_AFTER)
    return in_conflict.match(text, finding.trigger_end, sentence_end) is not None


#: "shot dead …, making him the fifth journalist killed this year": a year after the count that numbers a run
_ORDINAL_WORD = r"(?:" + ORDINAL + r"|latest)\b"
_ORDINAL = re.compile(r"\b(?:the|its|their)\s+" + _ORDINAL_WORD, re.I)


def _numbers_a_run(ctx: DocContext, finding: Finding, period: DateValue) -> bool:
    return stated_span(period).start > finding.end and _ORDINAL.search(ctx.norm, finding.end, stated_span(period).start) is not None


#: ", the 37th assassination in the province since January", ", in the second such killing this month",
#: "; it is the 37th …", ", which was the third …", ", in what the monitor said was the 98th …": the period numbers a
#: run the count is one of
_ORDINAL_APPOSITIVE = re.compile(r"[,;]\s*(?:(?:in|as|marking|(?:it|this|which)\s+(?:is|was|marks|marked|makes|made))\s+)?"
                                 r"(?:what\s+(?:[\w'-]+\s+){0,5}?(?:is|was|marks|marked|called|described\s+as)\s+)?"
                                 r"(?:the|its|their)\s+" + _ORDINAL_WORD, re.I)


#: a window up to the report ("the past week", "the last ten days"), not a calendar week an incident fell in ("last week")
_ROLLING = re.compile(r"\b(?:past|previous|last\s+(?:\d+|few|several|two|three|four|five|six|seven|ten))\b", re.I)
_OPENING_PERIOD_BEFORE = re.compile(r"\W*(?:(?:over|in|during|within|throughout|for)\s+)?", re.I)


def _opening_period(ctx: DocContext, finding: Finding) -> DateValue | None:
    """"Over the past week, air strikes killed at least 20 civilians in Saada": a week or longer that opens
    the sentence scopes its counts, unless the sentence dates them to a day ("This week, strikes killed six
    in X on Sunday …": Sunday's incident)."""
    start, end = ctx.sentence_at(finding.start)
    dates = starting_within(ctx.dates, start, end)
    if any(d.precision == 1 for d in dates):
        return None
    return next((d for d in dates if d.precision >= 3 and d.rule == "dates.relative" and d.span is not None
                 and _ROLLING.search(d.span.text) and _OPENING_PERIOD_BEFORE.fullmatch(ctx.norm, start, d.span.start)), None)


def _period_owners(ctx: DocContext, findings: list[Finding], own_ends: list[int], periods: list[DateValue]) -> dict[int, Finding]:
    """The count whose own clause states each period: of the counts whose clause
    reaches it, the one whose verb comes last ("killed four farmers …, in an area
    where attacks have killed hundreds since 2019": the hundreds')."""
    owners: dict[int, Finding] = {}
    for finding, own_end in zip(findings, own_ends):
        for period in periods:
            start = stated_span(period).start
            if finding.start <= start < own_end and not _ORDINAL_APPOSITIVE.search(ctx.norm, finding.end, start) \
                    and not _numbers_a_run(ctx, finding, period) and (
                    start not in owners or finding.trigger_start > owners[start].trigger_start):
                owners[start] = finding
    return owners


def _assign_periods(ctx: DocContext, findings: list[Finding], casualties: list[Casualty]) -> None:
    periods = [d for d in ctx.dates if d.rule.startswith(PERIOD_RULES) and d.span is not None]
    own_ends = [own_clause_end(ctx, finding) for finding in findings]
    first_count_sentence = min((ctx.sentence_index(f.start) for f in findings if f.count), default=None)
    owner = _period_owners(ctx, findings, own_ends, periods)
    neighbours = _Neighbours(findings)
    for finding, casualty, own_end in zip(findings, casualties, own_ends):
        own = [p for p in periods if owner.get(stated_span(p).start) is finding]
        month = _documented_month(ctx, finding, findings) if not own and casualty.part_of is None else None
        if own:
            casualty.period = own[0]
        elif month is not None:
            casualty.period = month
        else:
            sentence = ctx.sentence_index(finding.start)
            # a period after a running total's clause ("…, raising to 212 the number killed since …")
            # is that clause's own, not the day's toll before it
            # and another count's own period is that count's ("1,200 killed since April, while an attack on
            # Thursday killed eight"), unless that count is coordinated with this one ("12 killed and 20 injured since")
            scoped = [p for p in periods if (p.rule == "dates.since" or (p.rule == "dates.year" and not _numbers_a_run(ctx, finding, p)))
                      and ctx.sentence_index(stated_span(p).start) == sentence
                      and not _ORDINAL_APPOSITIVE.search(ctx.norm, finding.end, max(finding.end, stated_span(p).start))
                      and not (stated_span(p).start > finding.start and ctx.may_match(_RUNNING_CLAUSE) and _RUNNING_CLAUSE.search(ctx.norm, finding.start, stated_span(p).start))
                      and (stated_span(p).start not in owner or 0 <= owner[stated_span(p).start].start - finding.end <= 40)
                      and not _unreported_clause_s(ctx, finding, p) and not numbers_a_run(ctx, p)
                      and not _aside_period(ctx, finding, p)]
            if scoped and casualty.part_of is None:
                casualty.period = scoped[0]
            elif casualty.part_of is None:
                casualty.period = _opening_period(ctx, finding) or _period_with(ctx, finding)
        # A count over a week or longer is a cumulative claim, not one incident's toll;
        # so is a monitor's documented total since a day two or more days back ("documented the
        # death of 16 civilians since 10 September", five days on).
        if casualty.period is not None and casualty.part_of is None and (
                casualty.period.precision >= 3 or _documented_since(ctx, finding, casualty.period)):
            casualty.is_tally = True
        # So is a day's toll across a whole country ("45 killed across Syria on Monday").
        if casualty.part_of is None and not casualty.is_tally and not itemized_by_place(ctx, casualty, casualties) \
                and _aggregate_scope(ctx, neighbours, findings, finding, own_end) \
                and not itemized_after(ctx, casualty, casualties):
            casualty.is_tally = True
        # And a report's background: what a war has killed so far, what an earlier attack killed.
        if casualty.part_of is None and not casualty.is_tally and (
                _background(ctx, finding) or _earlier_period(ctx, first_count_sentence, finding)
                or told_at_opening(ctx, finding)):
            casualty.is_tally = True
        # And a toll raised past this report's own count by earlier deaths.
        if casualty.part_of is None and not casualty.is_tally and _raised_past_own_count(ctx, findings, finding):
            casualty.is_tally = True
    _share_with_coordinated(ctx, findings, casualties)
    headline_totals(ctx, findings, casualties)
    vague_background(ctx, findings, casualties)
    by_id = {c.id: c for c in casualties}
    for casualty in casualties:
        if casualty.period is None and casualty.part_of in by_id:
            casualty.period = by_id[casualty.part_of].period
        if casualty.part_of in by_id and by_id[casualty.part_of].is_tally:
            casualty.is_tally = True


#: "led the country in homicides in September, with 291 victims": the count that fills in the period's clause
_WITH_AFTER_PERIOD: Final = re.compile(r"\s*,?\s*with\s+(?:(?:at\s+least|more\s+than|over|nearly|almost|some)\s+)?", re.I)


def _period_with(ctx: DocContext, finding: Finding) -> DateValue | None:
    """A week or longer (a month named: "in September") told right before ", with N …" is the count's period."""
    return next((p for p in starting_within(ctx.dates, ctx.sentence_at(finding.start)[0], finding.start)
                 if p.precision >= 3 and p.span is not None and stated_span(p).end <= finding.start
                 and _WITH_AFTER_PERIOD.fullmatch(ctx.norm, stated_span(p).end, finding.start)), None)


#: what joins two counts of one clause ("184 civilians were killed and 856 injured")
_COORDINATED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _share_with_coordinated(ctx: DocContext, findings: list[Finding], casualties: list[Casualty]) -> None:
    """Two counts joined by "and" share one scope: "at least 184 civilians were killed and 856 injured across
    Ukraine in August" is a country's month for both, though the words that say so follow the second."""
    pairs = list(zip(findings, casualties))
    for (first, first_casualty), (second, second_casualty) in zip(pairs, pairs[1:]):
        if first_casualty.is_tally == second_casualty.is_tally or first_casualty.part_of or second_casualty.part_of:
            continue
        # (two counts of one outcome share a scope only as two clauses in the perfect: "… since then, and 20 have been killed")
        sibling = first_casualty.is_tally and first_casualty.period is not None and perfect_sibling(ctx, first, second)
        if first_casualty.outcome == second_casualty.outcome and not sibling:
            continue
        # (up to the second count's verb where it comes first: "neutralised 97 terrorists and arrested 120
        # suspects … across the country in the past week" shares the week as "killed and 856 injured" does)
        gap_start, gap_end = max(first.end, first.trigger_end), min(second.start, second.trigger_start)
        if (gap_start > gap_end or not _COORDINATED.fullmatch(ctx.norm, gap_start, gap_end)) and not sibling:
            continue
        tally, other = (first_casualty, second_casualty) if first_casualty.is_tally else (second_casualty, first_casualty)
        other.is_tally = True
        if other.period is None:
            other.period = tally.period


#: a relative clause set off before the count, up to its closing comma ("In Sinaloa, where rival factions have been
#: fighting since September, police said two people were shot dead"): a place's background, not the count's scope
_ASIDE_BEFORE = re.compile(r",\s*(?:where|which|who|whose)\b[^,;()]*$", re.I)
#: (closed by a comma the main clause goes on after: not a participle that goes on with the relative clause's own
#: subject, "…, who have carried out attacks in the area this year, killing at least 20 officers")
_ASIDE_CLOSED = re.compile(r"[^,;()]*,(?!\s*(?:\w+ing|and|or|but)\b)", re.I)


def _aside_period(ctx: DocContext, finding: Finding, period: DateValue) -> bool:
    """A period told in a comma-bounded relative clause that closes before the count is that clause's."""
    span = stated_span(period)
    if span.end > finding.start:
        return False
    sentence_start = ctx.sentence_at(span.start)[0]
    if not _ASIDE_BEFORE.search(ctx.norm, sentence_start, span.start):
        return False
    closed = _ASIDE_CLOSED.match(ctx.norm, span.end)
    return closed is not None and closed.end() <= finding.start


def _unreported_clause_s(ctx: DocContext, finding: Finding, period: DateValue) -> bool:
    """A period before the count, in a clause past a "while", "whereas", ", but" or ";" whose killing is not
    reported ("ten have died of cholera this month, while a boy was killed by a stray bullet"): that clause's.
    (A bulletin's "…, while the Observatory documented the death of 608 …" keeps the period before it.)"""
    span = stated_span(period)
    if span.end > finding.start:
        return False
    contrasts = list(CLAUSE_CONTRAST.finditer(ctx.norm, span.end, finding.start))
    if not contrasts:
        return False
    sentence_start, stop = ctx.sentence_at(span.start)[0], contrasts[-1].start()
    return any(sentence_start <= start and end <= stop for start, end in ctx.extra.get(UNREPORTED_TRIGGERS, ()))


class _Neighbours:
    """The counts' number ends and starts in order, to find the nearest other count
    on either side of one (a scan of every count for each was quadratic)."""

    def __init__(self, findings: list[Finding]):
        self.ends = sorted(_number_end(f) for f in findings)
        self.by_start = sorted(findings, key=lambda f: f.start)
        self.starts = [f.start for f in self.by_start]

    def end_before(self, position: int) -> int | None:
        """The last number end at or before ``position``."""
        index = bisect_right(self.ends, position)
        return self.ends[index - 1] if index else None

    def start_after(self, position: int, finding: Finding) -> int | None:
        """The first start at or after ``position`` of a count other than ``finding``."""
        for index in range(bisect_left(self.starts, position), len(self.starts)):
            if self.by_start[index] is not finding:
                return self.starts[index]
        return None


#: "At least 15 people were murdered in Guanajuato this week": found from the period, which is rare, then read back
_THIS_PERIOD = re.compile(r"\bthis\s+(?:week|month|year)\b", re.I)
_KILLED_IN_PLACE = re.compile(r"\b(?:were|have\s+been|had\s+been)\s+(?:killed|murdered)\s+in\s+(?P<place>[A-Z][\w'-]+"
                              r"(?:\s+[A-Z][\w'-]+)?)\s+$")


#: several operations' sum, told as one count ("in operations carried out by our commandos", "in air operations")
_OPERATIONS = re.compile(r"\b(?:in|during)\s+(?:[\w-]+\s+){0,2}?operations\b", re.I)
#: a week up to the report: "over the past week", and told by its length, "in seven days", "in a single week"
_PAST_WEEK = re.compile(r"\b(?:the\s+(?:past|last|previous)\s+(?:week|seven\s+days)|(?:in|over|within)\s+(?:just\s+|only\s+)?"
                        r"(?:seven|7)\s+days|in\s+(?:a|one)\s+(?:single\s+)?week|in\s+the\s+space\s+of\s+(?:a|one)\s+week)\b", re.I)
#: a province or country named by its kind, back from the place the report told before ("in the department")
_REGION_BY_KIND: Final = re.compile(r"\b(?:in|across|throughout)\s+the\s+(?:department|province|region|state|governorate|country)\b", re.I)


def _regions_only(ctx: DocContext, start: int, end: int, features: tuple[str, ...] = ("country", "admin1")) -> bool:
    """Whether the places named between ``start`` and ``end`` are all countries or provinces (and some are)."""
    named = starting_within(ctx.places, start, end)
    return bool(named) and all(place.resolved and place.feature in features for place in named)


def _province_this_week(ctx: DocContext, start: int, end: int) -> bool:
    """A province's toll over the week, no incident named ("At least 15 people were murdered in Guanajuato
    this week"): its incidents summed (a town's, "9 people were killed in Ariha this week", is one incident's,
    as :func:`marsad.counting.is_aggregate_scope` reads the words alone)."""
    for period in _THIS_PERIOD.finditer(ctx.norm, start, end):
        told = _KILLED_IN_PLACE.search(ctx.norm, max(start, period.start() - 80), period.start())
        # (or a capital named as its province, which the gazetteer may read as the town: "Guanajuato")
        if told is not None and any(place.resolved and (place.feature == "admin1" or place.admin1 == place.name)
                                    for place in starting_within(ctx.places, told.start("place"), told.end("place"))):
            return True
        # a town's week told by several attacks ("56 civilians had been killed in El Fasher this week by RSF
        # shelling and drone strikes"): their sum, not one incident's toll
        if told is not None and _SEVERAL_CAUSES.match(ctx.norm, period.end()):
            return True
    return False


_SEVERAL_CAUSES = re.compile(r"\s+(?:by|in)\s+(?:[\w-]+\s+){0,4}?(?:(?:air|drone|missile)?\s*strikes|attacks|raids|"
                             r"bombardments|[\w-]+\s+and\s+(?:[\w-]+\s+)?(?:strikes|attacks|raids|shelling))\b", re.I)


def _told_before(findings: list[Finding], finding: Finding) -> bool:
    """Whether the report counts other dead of the same outcome before this count (incidents told one by one)."""
    return any(other is not finding and other.start < finding.start and other.outcome == finding.outcome
               for other in findings)


def _aggregate_scope(ctx: DocContext, neighbours: _Neighbours, findings: list[Finding], finding: Finding,
                     own_end: int) -> bool:
    """Whether the words around this count, and no other count's, scope it to a
    country, several regions or a running total."""
    sentence_start, _ = ctx.sentence_at(finding.start)
    first, last = min(finding.start, finding.trigger_start), _number_end(finding)
    before, after = neighbours.end_before(first), neighbours.start_after(last, finding)
    start = max(sentence_start, first - 60, sentence_start if before is None else before)
    if before is not None and (colon := ctx.norm.rfind(":", start, first)) != -1:
        start = colon + 1  # "the death of 9 people across Syria today, as follows: 4 soldiers …": the 9's scope
    end = own_end if after is None else min(own_end, after)
    if is_aggregate_scope(ctx.norm, start, end, lambda name: iso_country_code(name) is not None,
                          region_wide=finding.outcome != "arrested", may_match=ctx.may_match, lowered=ctx.lowered,
                          may_match_within=ctx.may_match_within):
        return True
    if ctx.may_match(_THIS_PERIOD) and ctx.may_match_within(_THIS_PERIOD, start, end) and _province_this_week(ctx, start, end):
        return True
    if ctx.may_match(_PAST_WEEK) and (ctx.norm.find("week", start, end) != -1 or ctx.norm.find("days", start, end) != -1) \
            and _PAST_WEEK.search(ctx.norm, start, end) and (_regions_only(ctx, start, end) or (
                not starting_within(ctx.places, start, end) and _REGION_BY_KIND.search(ctx.norm, start, end)
                and _told_before(findings, finding))):
        # ("neutralised 13 PKK militants in northern Iraq over the past week": its operations summed; "six people
        # were killed in the department in seven days", after the incidents told one by one: their sum, but "More
        # than 40 people were killed in a week of fighting … in the region", the report's one count, is its toll)
        return True
    if ctx.may_match(_OPERATIONS) and _OPERATIONS.search(ctx.norm, start, end) and _regions_only(ctx, start, end, ("country",)):
        return True  # ("neutralised in northern Syria in operations carried out by …": a country's operations summed)
    # weeks of fighting sum the incidents that the report tells of on their own, if it does
    return ctx.may_match(WEEKS_OF_FIGHTING) and bool(WEEKS_OF_FIGHTING.search(ctx.norm, start, end)) and any(
        other.outcome == finding.outcome and ctx.sentence_index(other.start) != ctx.sentence_index(finding.start)
        for other in findings)


def _inherit_from_children(casualties: list[Casualty]) -> None:
    children: dict[str, list[Casualty]] = {}
    for casualty in casualties:
        if casualty.part_of:
            children.setdefault(casualty.part_of, []).append(casualty)
    for parent in casualties:
        if parent.perpetrator or parent.id not in children:
            continue
        names: list[str] = []
        for child in children[parent.id]:
            names += [n for n in child.perpetrator if n not in names]
        parent.perpetrator = names
