"""Casualty counts told by an outcome verb: which verbs count ("killed",
"died", "were abducted and later found dead"), and the victims told before
the verb (the ``casualties.subject`` rules: "four people were killed", "a man
and his two sons died", "three of the 10 passengers were killed", "Ali Musa
and Omar Bello were shot dead").

The victims after an active verb ("killed 18 people") are read by
:func:`marsad.extract.casualties.object_findings`, which the nominal forms
("the death of 608") share; the vocabulary both sides use (outcome verbs,
person nouns, number index, clause bounds) is :mod:`marsad.extract.casualties`'.
"""

from __future__ import annotations

import re
from typing import Final

from marsad.counting import SOURCE_SAID
from marsad.extract.casualties import (
    _INCLUDING,
    _INCLUDING_WORD,
    _NAMES_BEFORE,
    CIVILIAN_NOUNS,
    COMBATANT_NOUNS,
    FRONTED_TIME,
    KIN,
    NON_PERSON,
    ONE_MORE_RULE,
    OR_HURT_AFTER,
    PARTICIPLE_TAIL,
    SHOT_BEFORE,
    SINGLE_ITEM,
    TRIGGER_RE,
    TRIGGER_SPANS,
    UNIT_AFTER,
    Finding,
    NumberIndex,
    _clause_bounds,
    _head_noun,
    _names_count,
    _outcome_of,
    may_end_with,
    names_people,
    object_findings,
)
from marsad.extract.casualty_facts import victims_of
from marsad.extract.casualty_nouns import ALONG_WITH, COMPANION, OF_OWNER, bracketed_place_counts
from marsad.extract.lone_victims import (
    headline_subject,
    names_people_or_others,
    pronoun_left_dead,
    subject_before_being,
)
from marsad.extract.numbers import FRACTION, ORDINAL_WORDS, TENS, UNITS, without_apposed_ages
from marsad.extract.pipeline import DocContext, NumberMention
from marsad.extract.unreported import unreported_trigger

_AUX: Final = re.compile(
    r"(?:\b(?:was|were|is|are|been|being|be|got|get|gets|had|has|have|later|reportedly|allegedly|also|"
    r"subsequently|fatally|critically|seriously|severely|badly|slightly|lightly|then|instantly|immediately|"
    r"eventually|reported|confirmed|said|to\s+have|shot\s+and|and|or)\s+)+$", re.I)
_NEGATED: Final = re.compile(r"\b(?:no|not|nobody|none|without|zero)\s+(?:\w+\s+){0,2}$|\bno\s*$", re.I)


_INTRANSITIVE: Final = {"died", "dies", "dying", "dead", "perished", "succumbed", "drowned", "drown", "drowns", "missing", "disappeared", "found dead", "found lifeless",
                 "went missing", "gone missing", "hurt"}


_CHAIN_GAP: Final = re.compile(r"\s*(?:,\s*)?(?:and|or|then)\s+(?:later\s+|then\s+|subsequently\s+|eventually\s+)?", re.I)


def _chained_to(ctx: DocContext, findings: list[Finding], match: re.Match) -> Finding | None:
    """The finding of the outcome this one is coordinated with ("were arrested and killed")."""
    if not findings:
        return None
    chain, text = ctx.lowered(_CHAIN_GAP)
    for finding in reversed(findings[-3:]):
        gap = ctx.norm[finding.trigger_end:match.start()]
        if finding.trigger_end <= match.start() and chain.fullmatch(text, finding.trigger_end, match.start()):
            return finding
        # "a trader was abducted by gunmen near Kuje and later found dead": the same subject, told later
        if finding.rule.startswith("casualties.subject") and finding.trigger_end <= match.start() and \
                ctx.may_match(_LATER_CHAIN_GAP) and _LATER_CHAIN_GAP.fullmatch(gap) and not any(finding.trigger_end <= n.start < match.start() for n in ctx.numbers):
            return finding
    return None


_LATER_CHAIN_GAP: Final = re.compile(r"\s+(?:by|in|near|at|from|on|outside|inside)\s[^,;.]{0,80}?\s(?:,\s*)?and\s+"
                              r"(?:later|then|subsequently|eventually)\s+(?:(?:was|were)\s+)?", re.I)


_COMBINED_SUBJECT: Final = re.compile(r"\d+\s+(?:[\w'-]+\s+){0,3}(?:were\s+|have\s+been\s+)?$", re.I)


_OR_INJURED_AFTER: Final = re.compile(r"\s+or\s+(?:injur|wound)|\s+and/or\s+|,\s*(?:injured|wounded)\s*(?:,|or\b)", re.I)
_AUX_BEFORE: Final = re.compile(r"\b(?:were|was|been)\s+$")
#: an infinitive, a modal or a negation before a bare "kill"/"die" (also in a chain: "threatened to abduct and kill")
_NOT_FINITE_BEFORE: Final = re.compile(
    r"(?:\b(?:to|will|would|could|can|cannot|(?-i:may)|might|must|should|shall|did|do|does|not|never|let|help|helped|make|made|"
    r"see|saw|watch|watched|'ll)|n't)\s+(?:[\w'-]+\s+){0,3}?(?:(?:and|or)\s+)?$|^\W*$|\b(?:the|a|an|no|any)\s+$", re.I)
_AND_INJURED_AFTER: Final = re.compile(r"\s+and\s+(?:injured|wounded)\b", re.I)
_PASSIVE_BEFORE: Final = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+ly\s+)?(?:shot\s+and\s+)?$", re.I)
#: the last words a match of _PASSIVE_BEFORE can end with (casualties.ends_with_word)
_PASSIVE_BEFORE_ENDS: Final = ("was", "were", "been", "being", "is", "are", "be", "got", "ly", "and")


def verb_findings(ctx: DocContext, numbers: NumberIndex) -> list[Finding]:
    findings: list[Finding] = []
    for match in ctx.scan(TRIGGER_RE, spans=TRIGGER_SPANS):
        verb = " ".join(match.group(0).lower().split())
        if verb in ("kill", "execute", "die", "behead", "drown") and _NOT_FINITE_BEFORE.search(ctx.norm, max(0, match.start() - 60), match.start()):
            continue  # "vowed to kill", "could die"; a headline's or timeline's present ("Gunmen kill five") counts
        if unreported_trigger(ctx, match.start(), match.end(), _outcome_of(match)):
            continue
        if ctx.may_match(_OR_INJURED_AFTER) and _OR_INJURED_AFTER.match(ctx.norm[match.end():match.end() + 15]) and \
                _AUX_BEFORE.search(ctx.norm[max(0, match.start() - 12):match.start()]):
            continue
        if verb == "killed" and ctx.may_match(_AND_INJURED_AFTER) and _AND_INJURED_AFTER.match(ctx.norm[match.end():match.end() + 15]) \
                and _COMBINED_SUBJECT.search(ctx.norm, max(0, match.start() - 50), match.start()):
            continue  # "about 10 persons killed and wounded": dead and injured together
        outcome = _outcome_of(match)
        chained = _chained_to(ctx, findings, match)
        if chained is not None:
            if chained.outcome in ("killed", "executed") or outcome not in ("killed", "executed"):
                continue  # "killed and decapitated": one death
            findings.append(Finding(outcome, chained.number, chained.count, chained.start, match.end(), match.start(),
                                    match.end(), chained.victim_text, chained.rule + ".chain", chained.confidence))
            continue
        if outcome == "executed" and re.match(r"\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:attack|operation|raid|plan|order|"
                                              r"strike|ambush|mission|project|search|warrant)", ctx.norm[match.end():match.end() + 40], re.I):
            continue
        pronoun = pronoun_left_dead(ctx, numbers, match, outcome) if verb == "dead" else None
        if pronoun is not None:  # "shot them dead": the people the pronoun stands for, or no one read
            findings += pronoun
            continue
        inverted = _inverted(ctx, match)
        if inverted is not None:  # "Killed in the attack were five villagers …", "Killed: 3 soldiers, 2 civilians"
            findings += object_findings(ctx, numbers, (match.start(), match.end()), outcome, position=inverted)
            continue
        passive = _passive_before(ctx, match.start())
        found: list[Finding] = []
        if not passive and verb not in _INTRANSITIVE and not _finite_intransitive(verb):
            found = object_findings(ctx, numbers, (match.start(), match.end()), outcome)
        if not found and not passive and "(" in ctx.norm[match.end():match.end() + 120]:
            found = bracketed_place_counts(ctx, numbers, (match.start(), match.end()), outcome)
        if not found:
            found = subject_findings(ctx, numbers, match, outcome)
            if not found and passive and outcome == "killed" and "being" in ctx.norm[max(0, match.start() - 12):match.start()]:
                found = subject_before_being(ctx, match, outcome)
            along = ALONG_WITH.match(ctx.norm, match.end()) if found and ctx.may_match(ALONG_WITH) else None
            if along is not None:  # "a mother and her three children were killed along with a neighbour"
                found += [finding for finding in object_findings(ctx, numbers, (match.start(), match.end()), outcome,
                                                                 position=along.end() - 1)
                          if names_people_or_others(finding.victim_text) or COMPANION.search(finding.victim_text)
                          or _companions_of_owner(ctx, finding)]
        if verb.startswith(("neutrali", "elimin", "los")) and not verb.endswith(("lives", "life")):
            # "neutralised 50 terrorists", "five gunmen were eliminated" and "lost 11 soldiers" are dead;
            # "neutralised three devices" and "lost two vehicles" are not (who "lost their lives" are people,
            # whatever the words for them: "two volunteers")
            found = [finding for finding in found if (names_people_or_others(finding.victim_text) or _own_side(ctx, finding)
                                                      or _of_people_before(ctx, finding, match.start()))
                     and (verb.startswith(("neutrali", "elimin")) or not passive)]
        findings += found
    return findings


def _passive_before(ctx: DocContext, position: int) -> bool:
    """Whether a passive's auxiliary comes before the verb at ``position`` ("were later", "was shot and")."""
    just_before, text = ctx.lowered(_PASSIVE_BEFORE)
    start = max(0, position - 40)
    if may_end_with(ctx, text, start, position, _PASSIVE_BEFORE_ENDS) and just_before.search(text[start:position]):
        return True
    chain, text = ctx.lowered(_PASSIVE_CHAIN)
    start = max(0, position - 80)
    return may_end_with(ctx, text, start, position, _CHAIN_ENDS) and chain.search(text, start, position) is not None


def _companions_of_owner(ctx: DocContext, finding: Finding) -> bool:
    """"killed along with two of his bodyguards": a bare count whose people follow it, a share of the victim's own."""
    owner = OF_OWNER.match(ctx.norm, finding.number.end) if finding.number and not finding.victim_text.strip() else None
    return owner is not None and bool(names_people_or_others(owner.group("who")) or COMPANION.search(owner.group("who")))


#: what follows an outcome verb that opens its sentence and comes before its victims
_INVERTED: Final = re.compile(r"(?:(?:\s+(?:in|during|on|by|at|near)\s[^.;:,]{1,60}?)?\s+(?:were|was)\s+|\s*:\s*)(?=\w)", re.I)


def _inverted(ctx: DocContext, match: re.Match) -> int | None:
    """Where the victims begin when the sentence opens with the outcome ("Killed in the
    attack were …", "Killed: 3 soldiers"), else None."""
    sentence_start = ctx.sentence_at(match.start())[0]
    if ctx.norm[sentence_start:match.start()].strip(" \t\n\"'(").lower() not in ("", "also"):
        return _fronted_died(ctx, match, sentence_start)
    found = _INVERTED.match(ctx.norm, match.end())
    if found is None:
        return _fronted_died(ctx, match, sentence_start)
    return found.end() - 1


#: a sentence opened by when or where only, before a fronted "died" ("On Sunday in Seytenga died …")
_FRONTED_SETTING: Final = re.compile(r"(?:(?:on|in|at|during|near|yesterday|overnight|last|early|late|this)\b[^.;:!?]{0,90}?)?\s*",
                                     re.I)
#: a fronted "died" told in a Romance language's order, its dead after it ("died two soldiers and a
#: civilian", "Died in the clash three members of the ELN"): a phrase, then a count
_DIED_THEN_COUNT: Final = re.compile(r"(?:\s+(?:in|during|on|at|near)\s[^.;:,]{1,60}?)?\s+(?=\d|(?:" +
                                     "|".join(sorted(set(UNITS) - {"a", "an", "no", "zero", "single"} | set(TENS))) +
                                     r")\b)", re.I)


_PRONOUN_SUBJECT: Final = re.compile(r"\b(?:he|she|they|it|who|we|i|both|all|many|others?)\b", re.I)


def _fronted_died(ctx: DocContext, match: re.Match, sentence_start: int) -> int | None:
    """Where the dead begin after a fronted intransitive "died"/"perished" whose sentence names no
    subject before it, else None (a setting only: "On Sunday in the locality of X died two …")."""
    if match.group(0).lower() not in ("died", "perished"):
        return None
    before = ctx.norm[sentence_start:match.start()].strip(" \t\n\"'(")
    if not _FRONTED_SETTING.fullmatch(before) or names_people(before) or _PRONOUN_SUBJECT.search(before) or any(
            sentence_start <= n.start < match.start() for n in ctx.numbers):
        return None  # ("In hospital he died two days later": a subject of its own)
    found = _DIED_THEN_COUNT.match(ctx.norm, match.end())
    count = next((n for n in ctx.numbers if n.start == found.end()), None) if found is not None else None
    if found is None or count is None or UNIT_AFTER.match(ctx.norm, count.end):
        return None  # ("… died two days later": a time, no dead)
    return found.end() - 1


#: between two counts of one list of victims ("4 soldiers, 25 militants, and 2 civilians": the serial comma too)
_LISTED_AFTER: Final = re.compile(r"^\s*[\w'-]*(?:\s+[\w'-]+){0,5}?\s*(?:,\s*(?:an?|one)\s+[\w'-]+(?:\s+[\w'-]+)?\s*)*"
                                  r"(?:,\s*(?:and|&)|,|and|&)\s*(?:his|her|their|the)?\s*$")


_OF_THEM: Final = re.compile(r"\s+of\s+them\b", re.I)


def _of_people_before(ctx: DocContext, finding: Finding, verb_start: int) -> bool:
    """"air strikes on terrorist elements near Nampala, neutralising about fifteen of them": "them"
    stands for the people its sentence named before the verb ("… on three drones, neutralising two
    of them" names none)."""
    if finding.number is None or not _OF_THEM.match(ctx.norm, finding.number.end):
        return False
    return names_people_or_others(ctx.norm[ctx.sentence_at(verb_start)[0]:verb_start])


#: "lost five of their own": a side's own people ("of their own vehicles" names things, "of its own men" people)
#: ("lost 2 of its members": without "own", the people must be named)
_OF_THEIR_OWN: Final = re.compile(r"\s+of\s+(?:their|its|his|her|our)\s+(?P<own>own\b)?(?:\s*(?!(?:in|at|on|near|during|when|as|after|"
                           r"while|and|to|from|with|since|over)\b)(?P<noun>[a-z][\w-]*))?", re.I)


def _own_side(ctx: DocContext, finding: Finding) -> bool:
    if finding.number is None or not ctx.may_match(_OF_THEIR_OWN):
        return False
    own = _OF_THEIR_OWN.match(ctx.norm, finding.number.end)
    if own is None:
        return False
    noun = own.group("noun")
    return names_people_or_others(noun) if noun else own.group("own") is not None


_ANYONE_BEFORE: Final = re.compile(r"\b(?:any|some|no)(?:one|body)\s+(?:else\s+)?$|\bno\s+one\s+$", re.I)
_SINGULAR_SUBJECT: Final = re.compile(
    # (a first name before "and his …": "Mohammed and his cousin Ali")
    r"(?:(?:\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+and\s+(?=(?i:his|her|their)\b))?\b(?i:a|an|another|one|the|his|her|their|its)\s+(?:[\w'()-]+\s+){0,9}?[\w'()-]+|\b(?i:he|she|another)|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\s*$")


#: "two children playing near their home in X were killed": a participle after the head lets the subject run longer
#: (or a past participle before its place or agent: "two of the five hostages freed in Sunday's raid later died")
#: (after a partitive only: "50 women demonstrated in the square" is a clause of its own)
_PARTICIPLE_AFTER_HEAD: Final = re.compile(r"\s*(?:(?:[\w'-]+\s+){1,3}?(?!during\b|including\b)[a-z]+ing|of\s+(?:the|these|those)\s+"
                                    r"(?:[\w'-]+\s+){1,3}?[a-z]+ed\s+(?:in|on|at|by|from|near|during))\s", re.I)
#: "aboard four pickups", "in two cars": what carried or held the victims, not the victims
_CARRIED_IN: Final = re.compile(r"\s+(?:aboard|on\s+board|riding|inside|in|on|with|carrying)\s+(?=(?:\d|[a-z]))", re.I)
#: the same words right before a count ("aboard four pickups"; not "in Zawiya left eight gunmen")
_CARRIED_BY: Final = re.compile(r"\s+(?:aboard|on\s+board|riding|inside|in|on|with|carrying)\s+$", re.I)
#: a count in words ("three", "forty")
_COUNT_WORDS: Final = "|".join([word for word in UNITS if word not in ("zero", "no", "a", "an", "single")] + list(TENS))
#: (not a list going on with a count: "Two soldiers, a policeman and three civilians, were killed")
#: (nor the figure a correction replaces: "seven civilians, not nine as first reported, were killed")
_RELATIVE_AFTER_SUBJECT: Final = re.compile(r",\s*(?:who\s+[^,;()]{1,60}|(?:from|aged|both|all)\s+[^,;()]{1,60}|"
                                     r"not\s+(?:\d[\d,]*|" + _COUNT_WORDS + r")\b[^,;()]{0,40}|(?:a|an)\s+(?![^,;()]{0,40}?\band\s+(?:\d|" + _COUNT_WORDS + r")\b)"
                                     r"[^,;()]{1,40}),\s*(?P<aux>(?:was|were|had\s+been|has\s+been|have\s+been)\s+)?$",
                                     re.I)
#: the same without commas, before a verb that has no passive: "a fourth passenger who was wounded died"
#: the relative pronoun of the verb itself: the subject is what it stands for ("a boy and his grandmother, who were killed")
_WHO_BEFORE_AUX: Final = re.compile(r",?\s*\bwho\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+$", re.I)
#: (or a participle's: "a soldier wounded in Tuesday's ambush died of his injuries")
#: (not a passive's: "one of them was shot in the head and later died")
_BARE_RELATIVE: Final = re.compile(r"(?:\s+who\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+|(?<!\bwas)(?<!\bwere)(?<!\bbeen)\s+"
                            r"(?=(?:wounded|injured|hurt|shot|abducted|kidnapped|arrested|detained)\s+(?:in|on|at|during|by|near)\s))"
                            r"[^,;()]{1,60}$", re.I)
#: "was taken to hospital but died": the verb's subject is the clause's before "but"
_BUT_ELIDED: Final = re.compile(r"\bbut\s+(?:later\s+|then\s+|subsequently\s+|eventually\s+)?$", re.I)
_PASSIVE_BUT: Final = re.compile(r"\b(?:was|were)\s+(?:[\w'-]+\s+){1,7}?(?:,\s*)?but\s+(?:later\s+|then\s+|subsequently\s+|eventually\s+)?$",
                          re.I)


#: "two women and a child …": the count's head and a singular coordinated with it
_HEAD_AND_ONE: Final = re.compile(r"\s*(?:[\w'-]+\s+){1,2}and\s+(?:a|an|one|his|her|their)\s", re.I)
_PARTICIPLE_LIST_END: Final = re.compile(r"\b\w+ed\s*(?:,|and|&)\s*$")
#: the words before "dead" where it names the dead ("the number of dead"), told by the toll rule
_NUMBER_OF: Final = ("number of ", "number of the ")
_OTHER_CLAUSE: Final = re.compile(r"[;:]|\b(?:killed|killing|injur\w+|wound\w+|attack(?!ers?\b)\w*|clash\w*)\b", re.I)


#: an item of an appositive list told in the singular ("a father", "his wife"), not a number's ("their two sons")


def _appositive_whole(ctx: DocContext, candidates: list[NumberMention], aux_start: int) -> int | None:
    """Where the first count's own words end when the people after it, between commas, are that count
    itemized ("Four members of one family, a father, his wife and two children, were killed": the items add
    up to the four); ``None`` otherwise ("Two soldiers, a policeman and three civilians, were killed": six)."""
    if len(candidates) < 2:
        return None
    first = candidates[0]
    comma = ctx.norm.find(",", first.end, candidates[1].start)
    listed = ctx.norm[comma + 1:aux_start] if comma != -1 else ""
    if not listed.rstrip().endswith((",", "–", "—")) or len(ctx.norm[first.end:comma].split()) > 5:
        return None
    starts = {n.start for n in candidates[1:]}
    singles = [m for m in SINGLE_ITEM.finditer(listed) if comma + 1 + m.end() not in starts]
    items = len(singles) + sum(n.value or 0 for n in candidates[1:])
    # (people of another kind are others: "Three soldiers, a police officer and two civilians, were killed")
    whole = victims_of(ctx.norm[first.end:comma])
    other_kind = (CIVILIAN_NOUNS if whole == "combatants" else COMBATANT_NOUNS if whole == "civilians" else None)
    return comma if items == first.value and _head_noun(ctx.norm[first.end:comma]) not in NON_PERSON \
        and not (other_kind and other_kind.search(listed)) else None


def subject_findings(ctx: DocContext, numbers: NumberIndex, match: re.Match, outcome: str) -> list[Finding]:
    """Victims before a passive/intransitive outcome: "four people were killed", "a man died"."""
    clause_start, _ = _clause_bounds(ctx, match.start())
    left = ctx.norm[clause_start:match.start()]
    if left.endswith(_NUMBER_OF):
        return []  # "One source put the number of dead at 150": a noun of the toll's, no verb of the subject's
    aux = _auxiliary(ctx, clause_start, match.start())
    relative = _RELATIVE_AFTER_SUBJECT.search(left)
    if relative is not None:  # "a sixth victim, who had been wounded, died": the subject is before the "who"
        # (and before where the victims were from: "The two attackers, from the Hebron area, were shot dead")
        # ("a community leader, who was also a teacher, was killed": the verb's own "was" is kept)
        aux, left = (aux if relative.group("aux") else None), left[:relative.start()]
    elif _finite_intransitive(match.group(0).lower()) and (relative := _BARE_RELATIVE.search(left)) is not None:
        left = left[:relative.start()]  # "a fourth passenger who was wounded in the attack died"
    elif aux is not None and ctx.may_match(_WHO_BEFORE_AUX) and (relative := _WHO_BEFORE_AUX.search(left)) is not None:
        left = left[:relative.start()]  # "the victims included a boy and his grandmother, who were killed"
    if match.group(0).lower() in ("died", "succumbed", "perished", "drowned") and ctx.may_match(_BUT_ELIDED) and _BUT_ELIDED.search(
            ctx.norm, max(0, clause_start - 4), match.start()) and re.fullmatch(r"[\s,]*(?:(?:later|then|subsequently|eventually)\s+)?", left):
        clause_start = _clause_bounds(ctx, clause_start - 3)[0]
        left = ctx.norm[clause_start:match.start()]
        aux = _PASSIVE_BUT.search(left)
    aux_start = clause_start + (min(aux.start(), len(left)) if aux else len(left))
    within = numbers.within(clause_start, aux_start)
    head_of, text = ctx.lowered(_HEAD_OF) if within else (_HEAD_OF, ctx.norm)
    candidates = [n for n in within if not numbers.is_used(n) and not head_of.search(text, max(0, n.start - 30), n.start)]
    whole = _one_of_whole(ctx, within, aux, match)
    if whole is not None:  # "he was one of four people killed": the four were killed, he is one of them
        candidates = [whole]
    if len(candidates) > 1 and (aux is not None or match.group(0).lower() == "died") and \
            _PARTITIVE_GAP.fullmatch(ctx.norm, candidates[-2].end, candidates[-1].start):
        candidates = candidates[:-1]  # "three of the 10 passengers were killed": the three were
    elif len(candidates) > 1 and _OF_THE_BEFORE.search(ctx.norm, max(0, candidates[0].start - 12), candidates[0].start):
        candidates = candidates[1:]  # "of the 10 passengers, three were killed": the ten are the whole
    whole_end = _appositive_whole(ctx, candidates, aux_start)
    if whole_end is not None:  # "Four members of one family, a father, his wife and two children, were killed"
        candidates, aux_start = candidates[:1], whole_end
    including, text = ctx.lowered(_INCLUDING_WORD) if candidates else (_INCLUDING_WORD, ctx.norm)
    listed = including.search(text, clause_start, aux_start) if candidates else None
    if listed and any(n.end <= listed.start() for n in candidates):
        # "Nine people, including two policemen, a soldier and three militants, were killed":
        # the subject is the count before the list; the list's counts are its parts
        candidates = [n for n in candidates if n.end <= listed.start()]
        aux_start = listed.start()
    findings: list[Finding] = []
    for index, number in enumerate(reversed(candidates)):
        if not findings and index + 1 < len(candidates) and _INCLUDING.search(ctx.norm, max(0, number.start - 40), number.start):
            continue  # "26 civilians, including 3 children, were killed": the sub-count is left to including_findings
        between = ctx.norm[number.end:aux_start]
        if ")" in between and ")" in _PARENTHETICAL.sub(" ", between):
            break  # the number sits inside a parenthesis before the subject
        if aux is None and _PARTICIPLE_LIST_END.search(between):
            break  # "10 assailants assaulted and killed …": the number counts the attackers
        # (a coordinated singular lengthens it: "two women and a child from the same family were killed")
        longest = (12 if _PARTICIPLE_AFTER_HEAD.match(between) else 7) + (3 if _HEAD_AND_ONE.match(between) else 0)
        # (and a relative clause does not: "three informants who were accused of helping the army were killed")
        relative = _BARE_RELATIVE.search(between)
        head_words = between[:relative.start()] if relative else between
        if _words_before_verb(head_words, longest) > longest or _OTHER_CLAUSE.search(between):
            break
        if ctx.may_match(_NEGATED) and _negated(ctx, max(0, number.start - 20), number.start):
            return []
        # "4 soldiers, 25 militants, and 2 civilians": the serial comma too; "2 soldiers, a policeman and 3
        # civilians": a singular between them (counted on its own, _leading_singular)
        if findings and not _LISTED_AFTER.search(between):
            break
        if not findings and index + 1 < len(candidates) and _CARRIED_BY.search(ctx.norm, max(0, number.start - 16),
                                                                               number.start):
            continue  # "eight gunmen aboard four pickups were killed": the pickups only carried them
        phrase = _CARRIED_IN.split(between.strip(), maxsplit=1)[0]
        if _head_noun(phrase) in NON_PERSON or (findings and _head_noun(phrase) in ("casualties", "casualty")):
            break  # ("45 casualties, 12 killed and 33 wounded": the casualties are the whole, not more dead)
        numbers.take(number)
        if not findings:
            findings += _coordinated_singulars(ctx, number.end, aux_start, match, outcome)
            findings += _leading_singular(ctx, clause_start, number.start, match, outcome)
        described = ctx.norm[number.end:aux_start]
        sub_count = _INCLUDING_WORD.search(described)  # "civilians, including 3 children": the victims are the civilians
        findings.append(Finding(outcome, number, number.value, number.start, match.end(), match.start(), match.end(),
                                described[:sub_count.start()] if sub_count else described, "casualties.subject", 0.85))
        aux_start = number.start
    if findings:
        return findings
    return _singular_subject(ctx, match, outcome, clause_start, aux, aux_start)


#: an organisation's capitalised name, its small joining words inside it
#: ("the Volunteers for the Defence of the Homeland")
_PROPER_NAME: Final = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:(?:for|of|the|and|de|du|des|al)\s+)*[A-Z][\w'-]*)+")


def _words_before_verb(head_words: str, longest: int) -> int:
    """The words between a count and its verb, read again where they are more than ``longest``: without a relative
    clause ("four detainees who attempted to escape from the prison in Goma were killed": the detainees), and a
    capitalised name counted as one word ("six members of the Volunteers for the Defence of the Homeland died")."""
    words = len(_without_parentheticals(head_words).split())
    if words <= longest:
        return words
    who = head_words.find(" who ")
    if who != -1 and len(head_words) - who <= 80 and "," not in head_words[who:]:
        head_words = head_words[:who]
    if any(c.isupper() for c in head_words):
        head_words = _PROPER_NAME.sub("X", head_words)
    return len(_without_parentheticals(head_words).split())


def _without_parentheticals(text: str) -> str:
    """``_PARENTHETICAL.sub(" ", text)``, where the text holds the comma or bracket each of its forms opens with."""
    return _PARENTHETICAL.sub(" ", text) if "," in text or "(" in text else text


def _auxiliary(ctx: DocContext, start: int, end: int) -> re.Match | None:
    """The auxiliaries that end ``norm[start:end]`` ("were", "was later", "had been shot and"),
    found in the same part of the lower-cased text (read their span and their words only)."""
    chain, text = ctx.lowered(_PASSIVE_CHAIN)
    found = chain.search(text[start:end]) if may_end_with(ctx, text, start, end, _CHAIN_ENDS) else None
    if found is None:
        aux, text = ctx.lowered(_AUX)
        found = aux.search(text[start:end]) if may_end_with(ctx, text, start, end, _AUX_ENDS) else None
    return found


#: "(he was) one of the …": what says the number after it counts a whole that one person belongs to
_ONE_OF: Final = re.compile(r"\b(?P<copula>(?:was|is|were|are|been|became)\s+(?:(?:only|also|just|among)\s+)?)?"
                     r"one\s+of\s+(?:the\s+)?$", re.I)
_FINITE_INTRANSITIVE: Final = ("died", "dies", "perished", "succumbed", "drowned", "drown", "drowns",
                                "paid the supreme price", "paid the ultimate price", "paid the supreme sacrifice",
                                "paid the ultimate sacrifice")


def _finite_intransitive(verb: str) -> bool:
    """A finite verb of dying with no object ("died", "passed away", "ascended to the heavens as martyrs",
    the Pakistani military's "embraced shahadat")."""
    return verb in _FINITE_INTRANSITIVE or verb.startswith(("passed", "ascended", "embraced"))


def _one_of_whole(ctx: DocContext, numbers: list[NumberMention], aux: re.Match | None,
                  match: re.Match) -> NumberMention | None:
    """The whole's count in "he was one of 4 people killed" and "one of the four people
    killed was a child" (four killed); not in "one of the two soldiers died" or "one of
    five children was killed", where the verb's subject is the one."""
    if not numbers or not ctx.may_match(_ONE_OF):
        return None
    one_of_the, text = ctx.lowered(_ONE_OF)
    for number in reversed(numbers):
        one_of = one_of_the.search(text, max(0, number.start - 40), number.start)
        if one_of is None:
            continue
        reduced = aux is None and not _finite_intransitive(match.group(0).lower())  # "4 people killed"
        return number if one_of.group("copula") or reduced else None
    return None


_BOTH: Final = re.compile(r"\bboth\s+(?:[\w'-]+\s+){0,3}$", re.I)
_PLURAL_AUX: Final = re.compile(r"\b(?:were|are|have)\b")
_SINGULAR_AUX: Final = re.compile(r"\b(?:was|is|has)\b")
#: the pluperfect passive, of either number ("a farmer had been shot dead"): "had" alone may be the killer's
_HAD_BEEN: Final = re.compile(r"\bhad\s+(?:\w+\s+)?been\b")
_THE_DEAD: Final = re.compile(r"\b(?:the|their|our|its)\s+$", re.I)


def _singular_subject(ctx: DocContext, match: re.Match, outcome: str, clause_start: int, aux: re.Match | None,
                      aux_start: int) -> list[Finding]:
    aux_text = aux.group(0).lower() if aux else ""
    verb = match.group(0).lower()
    both = _BOTH.search(ctx.norm[clause_start:aux_start]) if ctx.may_match(_BOTH) else None
    if both and (_PLURAL_AUX.search(aux_text) or (not aux and verb == "dead" and SHOT_BEFORE.search(
            ctx.norm, max(clause_start, clause_start + both.start() - 12), clause_start + both.start()))):
        # ("police shot both attackers dead": the pair the verb's object names, no auxiliary)
        return [Finding(outcome, None, 2, clause_start + both.start(), match.end(), match.start(), match.end(),
                        both.group(0), "casualties.subject.both", 0.7)]
    plural_aux = bool(_PLURAL_AUX.search(aux_text))
    if plural_aux:  # "Ali Musa, Hassan Idris and Omar Bello were killed": one for each name
        listed = _NAMES_BEFORE.search(without_apposed_ages(ctx, clause_start, aux_start), clause_start, aux_start)
        count = _names_count(ctx, *listed.span("list")) if listed else 0
        if listed is not None and count:
            return [Finding(outcome, None, count, listed.start("list"), match.end(), match.start(), match.end(),
                            listed.group("list"), "casualties.subject.named", 0.7)]
    # "Ahmed Saleh, 23, was shot dead", "Mohammed, 14, and his cousin Ali, 16, were killed": read without the ages
    subject = _SINGULAR_SUBJECT.search(without_apposed_ages(ctx, clause_start, aux_start), clause_start, aux_start)
    if plural_aux and not (subject and (_SINGULAR_COORD.search(subject.group(0)) or re.search(r"\bcouple\b", subject.group(0)))):
        return []
    singular_verb = (_SINGULAR_AUX.search(aux_text) or plural_aux or _HAD_BEEN.search(aux_text)
                     or _finite_intransitive(verb)
                     or (not aux and (verb in ("killed", "dead", "injured", "wounded", "executed", "beheaded", "decapitated",
                                          "shot dead", "gunned down", "found dead", "found lifeless") or verb.endswith("to death"))))
    if not singular_verb or (not aux and ctx.may_match(_NO_ONE_AFTER) and _NO_ONE_AFTER.match(ctx.norm, match.end())):
        return []  # ("a grenade thrown into a bar killed no one": the thing that killed, no victim)
    if not aux and OR_HURT_AFTER.match(ctx.norm, match.end()):
        return []  # "the rebels killed or wounded 14 people": an active verb whose object mixes dead and hurt
    if verb == "dead" and _THE_DEAD.search(ctx.norm, max(0, match.start() - 8), match.start()):
        return []  # ("a resident who helped bury the dead said …": the noun, no one more)
    one_more = _one_more(ctx, clause_start, aux_start) if outcome == "killed" else None
    if one_more is not None:  # "a third soldier wounded in the bombing died": the incident's toll is now three
        # ("A second bomber was shot dead" numbers the attack's bombers, not its dead: one more)
        attacker = _NTH_ATTACKER.match(ctx.norm, one_more.end("nth")) is not None
        nth = 1 if attacker else ORDINAL_WORDS.index(one_more.group("nth").lower()) + 2
        return [Finding(outcome, None, nth, one_more.start("a"), match.end(), match.start(), match.end(),
                        ctx.norm[one_more.start("a"):aux_start].rstrip(),
                        "casualties.subject.singular" if attacker else ONE_MORE_RULE, 0.7)]
    if subject is None:
        return headline_subject(ctx, clause_start, aux_start, match, outcome)
    if subject.group(0).lower() == "another" and not (aux or _finite_intransitive(verb)):
        return []  # ("one shell hit a house and another killed a boy": the shell, not a victim)
    if ctx.may_match(_NEGATED) and _negated(ctx, max(0, subject.start() - 20), subject.start() + 1):
        return []
    if _ANYONE_BEFORE.search(ctx.norm, max(clause_start, aux_start - 30), aux_start):
        return []  # "did not say whether anyone died": a question, nobody counted
    if _QUANTITY_OF.search(ctx.norm, max(0, subject.start() - 30), subject.start()):
        return []  # "four of the injured died": the number before "of" counts them
    phrase, start = subject.group(0), subject.start()
    if _SHARE_OF.match(phrase):
        return []  # "a third of the dead were children": a share of those counted
    clauses = list(_EARLIER_CLAUSE.finditer(phrase))
    if clauses:  # "the roof was destroyed and the owner of the shop": the subject is the last clause's
        phrase, start = phrase[clauses[-1].end():], start + clauses[-1].end()
    reported = list(_REPORTED_BY.finditer(phrase))
    if reported:  # "a health worker in the town of Gondar said the driver": the driver, not the worker
        phrase, start = phrase[reported[-1].end():], start + reported[-1].end()
    if re.search(r"\b(?:bod(?:y|ies)|remains|corpses?|deaths?|killings?|murders?|martyrdom)\s+of\b", phrase, re.I):
        return []  # counted by the noun rule ("documented the death of a detainee who died under torture": one)
    own = phrase if _SINGULAR_COORD.search(phrase) else re.split(r"\s+of\s+", phrase, maxsplit=1)[0]
    own = PARTICIPLE_TAIL.split(own, maxsplit=1)[0]  # "a photographer covering the protest": a photographer
    head = _head_noun(own)  # "the driver of the truck": a driver
    if head in NON_PERSON or head in ("it", "this", "that", "which", "number", "rest", "remainder"):
        return []  # ("put the number of dead at 13"; "the rest died in Narsingdi": what a total leaves, no one more)
    phrase, start = _without_things_first(phrase, start, _PLACE_BEFORE.search(ctx.norm, max(0, start - 8), start) is not None)
    coordinated = list(_SINGULAR_COORD.finditer(phrase))
    if coordinated and not plural_aux and _SINGULAR_AUX.search(aux_text):
        # "killed a man in Nikopol and a woman was wounded": a singular verb agrees with the last of them
        last = coordinated[-1]
        skip = re.match(r"(?:\band|,)\s+", phrase[last.start():])
        offset = last.start() + (skip.end() if skip else 0)
        phrase, start, coordinated = phrase[offset:], start + offset, []
    count = 1 + len(coordinated)
    if coordinated and not _SINGULAR_AUX.search(aux_text) and \
            ctx.norm.rfind(",", max(clause_start, start - 3), start) != -1:
        more, first = _listed_before(ctx, clause_start, start)  # "A teacher, a nurse and a driver were killed"
        count, phrase, start = count + more, ctx.norm[first:start] + phrase, first
    if re.match(r"(?i:a|an|the)\s+(?:[\w-]+\s+){0,2}?couple\b", phrase):
        count += 1  # a couple is two ("a couple and their daughter": three)
    return [Finding(outcome, None, count, start, match.end(), match.start(), match.end(), phrase,
                    "casualties.subject.singular", 0.7)]


_NO_ONE_AFTER: Final = re.compile(r"\s+(?:no\s+one|no-one|nobody|none)\b", re.I)
_SHARE_OF: Final = re.compile(r"(?i:a|an|one)\s+" + FRACTION + r"\s+of\b", re.I)
#: "a third soldier", "a second child": one more dead, numbered among the incident's (not "a third of them")
_ONE_MORE: Final = re.compile(r"\s*(?P<a>\b(?i:an?))\s+(?P<nth>" + "|".join(ORDINAL_WORDS) + r")\s+(?!of\b)[\w-]+")

#: an attacker numbered in turn ("a second suicide bomber", "a third gunman")
_NTH_ATTACKER: Final = re.compile(r"\s+(?:[\w-]+\s+)?(?:bomber|attacker|assailant|gunman|shooter|stabber|assassin)\b", re.I)


def _one_more(ctx: DocContext, clause_start: int, aux_start: int) -> re.Match | None:
    """"A third soldier … died" at the clause's start, or opening the clause a source reports ("the governor said
    a fifth victim, a 72-year-old woman, had died"): the ordinal numbers the incident's dead either way."""
    one_more = _ONE_MORE.match(ctx.norm, clause_start, aux_start)
    if one_more is None and (fronted := FRONTED_TIME.match(ctx.norm, clause_start, aux_start)) is not None:
        one_more = _ONE_MORE.match(ctx.norm, fronted.end(), aux_start)  # "The next day a third man … died"
    if one_more is None:
        reported = list(_REPORTED_BY.finditer(ctx.norm, clause_start, aux_start))
        if reported:
            one_more = _ONE_MORE.match(ctx.norm, reported[-1].end(), aux_start)
    return one_more


#: "three of the 10 passengers": the first number counts the subject
_PARTITIVE_GAP: Final = re.compile(r"\s+of\s+(?:the|these|those)\s+", re.I)
_OF_THE_BEFORE: Final = re.compile(r"\b(?i:of)\s+(?:the|these|those)\s+$", re.I)
_EARLIER_CLAUSE: Final = re.compile(r"\b(?:was|were|is|are|has|have|had)\b.*?(?:\band\b|,)\s+", re.I)
#: "A health worker in the town of X said the driver": the subject is the reported clause's
_REPORTED_BY: Final = re.compile(r"(?<!\bwho )" + SOURCE_SAID + r"(?=\w)", re.I)
_QUANTITY_OF: Final = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|some|many|"
                         r"most|all|dozens|scores|hundreds)\s+of\s*$", re.I)
def _negated(ctx: DocContext, start: int, end: int) -> bool:
    negation, text = ctx.lowered(_NEGATED)
    return negation.search(text, start, end) is not None


_HEAD_OF: Final = re.compile(r"\b(?:head|leader|chief|commander|one|members?|father|mother|owner|mayor)\s+of\s+(?:the\s+)?$", re.I)
#: what a subject's count is told between commas ("including two women", "all from one family") or brackets
_PARENTHETICAL: Final = re.compile(r",\s*(?:including|all|most|many|among\s+them|both)\b[^,]*,|\([^)]*\)")
_PASSIVE_CHAIN: Final = re.compile(r"\b(?:was|were|been|being)\s+(?:[\w'-]+\s+){1,7}?(?:and|,)\s+$", re.I)
#: … and of _PASSIVE_CHAIN's and _AUX's
_CHAIN_ENDS: Final = ("and", ",")
_AUX_ENDS: Final = ("was", "were", "is", "are", "been", "being", "be", "got", "get", "gets", "had", "has", "have", "later",
                    "reportedly", "allegedly", "also", "subsequently", "fatally", "critically", "seriously", "severely",
                    "badly", "slightly", "lightly", "then", "instantly", "immediately", "eventually", "reported",
                    "confirmed", "said", "and", "or")
#: (a relative's noun needs no determiner: "a father and son", "a mother and daughter")
_SINGULAR_COORD: Final = re.compile(r"(?:\band|,)\s+(?:(?:a|an|another|one|his|her|their|the)\s+(?!other\b|same\b)[\w-]+|"
                                    r"(?<=and\s)" + KIN + r"\b)", re.I)
#: where a conjunct's head noun ends before its place or owner ("a car bomb in Azaz")
_HEAD_ENDS: Final = re.compile(r"\s+(?:of|in|at|on|near|from)\s")


#: a preposition of place right before a coordinated subject: its first conjunct is where the clause before happened
#: ("2 soldiers killed by ISIS in the Badia and a man shot dead in Daraa": the Badia is no victim)
_PLACE_BEFORE: Final = re.compile(r"\b(?:in|at|near|into|from|inside|outside)\s+$", re.I)


def _without_things_first(phrase: str, start: int, placed: bool = False) -> tuple[str, int]:
    """A coordinated subject without the things before its people ("a car bomb in Azaz and a man shot dead
    in Tafas": the man), with where it now starts; ``placed``: the first conjunct is a preposition's place."""
    first = _SINGULAR_COORD.search(phrase)
    while first is not None and (placed or _head_noun(_HEAD_ENDS.split(phrase[:first.start()], maxsplit=1)[0]) in NON_PERSON):
        placed = False
        skip = re.match(r"(?:\band|,)\s+", phrase[first.start():])
        offset = first.start() + (skip.end() if skip else 0)
        phrase, start = phrase[offset:], start + offset
        first = _SINGULAR_COORD.search(phrase)
    return phrase, start


#: a participle with its object after the subject's head ("a reporter covering the rally", "a man carrying his son")
_LEADING_SINGULAR: Final = re.compile(r"\b(?P<det>a|an|one|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?P<head>[\w-]+)(?:\s*,)?\s+and\s+(?P<own>(?:his|her|their)\s+)?$", re.I)



#: an article that opens a quantity, not one person ("a dozen", "a hundred", "a few")
_A_QUANTITY: Final = re.compile(r"an?\s+(?:dozen|hundred|thousand|score|few|handful|number|couple\s+of)\b", re.I)


def _leading_singular(ctx: DocContext, start: int, end: int, match: re.Match, outcome: str) -> list[Finding]:
    """"A man and his four children were killed", "a woman and two of her children
    died": the singular before the number counts too."""
    lead = _LEADING_SINGULAR.search(ctx.norm, max(start, end - 60), end)
    if lead is None or lead.group("head").lower() in NON_PERSON or _A_QUANTITY.match(lead.group(0)):
        return []  # ("a dozen fighters and four soldiers": "a dozen" is a number the subject already counts)
    if not lead.group("own") or lead.group("det").lower() in ("his", "her", "their"):
        # "a woman and two children": a person ("an attack and two …" is not); "one soldier
        # and …" is a number the subject already counts; "including four policemen, a
        # soldier and three militants" lists parts
        person = names_people_or_others(lead.group("head"))
        if not person or lead.group("det").lower() == "one" or _INCLUDING_WORD.search(ctx.norm, start, lead.start()):
            return []
    both = 2 if lead.group("head").lower() == "couple" else 1  # "a couple and their two sons": the couple is two
    listed, first = (0, lead.start())
    if ctx.norm.rfind(",", max(start, first - 3), first) != -1:
        listed, first = _listed_before(ctx, start, first)  # "A man, his wife and their two sons": the man too
    return [Finding(outcome, None, both + listed, first, match.end(), match.start(), match.end(),
                    ctx.norm[first:lead.end()].strip(), "casualties.subject.coordinated", 0.7)]


#: one person of a comma list before a subject's last items ("A mother, a father and their three children")
_LIST_ITEM_BEFORE: Final = re.compile(r"\b(?:a|an|the|his|her|their)\s+(?:[\w'-]+\s+){0,2}?(?P<head>[\w'-]+)\s*,\s*$",
                                      re.I)
_SAID_BEFORE: Final = re.compile(SOURCE_SAID + r"$", re.I)


def _listed_before(ctx: DocContext, clause_start: int, start: int) -> tuple[int, int]:
    """How many singular people a comma list names right before ``start``, and where it begins ("A teacher, a
    nurse and a driver were killed": the teacher); none unless the list opens its clause or what a source said
    ("Near the home of a farmer, a nurse and …": the farmer is where, not who)."""
    listed, first = 0, start
    while (item := _LIST_ITEM_BEFORE.search(ctx.norm, max(clause_start, first - 50), first)) is not None \
            and _head_noun(item.group("head")) not in NON_PERSON and names_people_or_others(item.group("head")):
        listed, first = listed + 1, item.start()
    before = ctx.norm[clause_start:first]
    if not listed or (before.strip() and not _SAID_BEFORE.search(before)):
        return 0, start
    return listed, first


#: "four fighters of the SDF and the Manbij Military Council": a name going on in capitals after "the Manbij" is the
#: fighters' second group, no one more
#: (ending in a word for a body of people: "the Deputy Governor" is one more)
_ORGANISATION_AFTER: Final = re.compile(r"(?:\s+[A-Z][\w'-]*)*\s+(?:Council|Forces|Army|Front|Brigades?|Movement|"
                                        r"Party|Group|Militia|Battalions?|Division|Regiment|Guard|Alliance|Union|"
                                        r"Committee|Units?|Corps|Service)\s+(?:were|was|had|have|died)\b")


def _organisation_after(ctx: DocContext, coord: re.Match) -> bool:
    """Whether a conjunct "the <Capitalised>" goes on as a group's name ("and the Manbij Military Council")."""
    words = coord.group(0).split()
    return len(words) > 1 and words[-2].lower() == "the" and words[-1][:1].isupper() \
        and _ORGANISATION_AFTER.match(ctx.norm, coord.end()) is not None


_APPOSITIVE_LIST: Final = re.compile(r"\s*[\w'-]+(?:\s+[\w'-]+){0,2}\s*,\s*(?:a|an|one|the|his|her|their)\b[^,;()]*,\s*", re.I)


def _coordinated_singulars(ctx: DocContext, start: int, end: int, match: re.Match, outcome: str) -> list[Finding]:
    """"Two police officers and a civilian were killed": the singular after the number counts too."""
    found: list[Finding] = []
    if _APPOSITIVE_LIST.fullmatch(ctx.norm, start, end):
        return found  # "Two people, a woman and her son, were killed": who the two were, not two more
    listed = _INCLUDING_WORD.search(ctx.norm, start, end)
    for coord in _SINGULAR_COORD.finditer(ctx.norm, start, end):
        if _head_noun(coord.group(0)) in NON_PERSON or (listed and listed.start() < coord.start()) \
                or _INCLUDING_WORD.search(ctx.norm, coord.end(), coord.end() + 14) \
                or _organisation_after(ctx, coord):
            continue  # "nine people, including two policemen, a soldier and …", "15 people, the bomber among
            # them" (the range ends before "among them"): a part, not one more
        found.append(Finding(outcome, None, 1, coord.start(), match.end(), match.start(), match.end(),
                             coord.group(0), "casualties.subject.coordinated", 0.7))
    return found
