"""Casualty counts told by a noun (``casualties.noun``): "the death of 608", "3 deaths", "the bodies of two
men", "hacked 18 people to death", "the death toll rose to 9", and the dead named in a list ("the dead were
identified as A, B and C"). The verbs' rules are in :mod:`marsad.extract.casualty_verbs`; what both share
(the victims' phrase, the number index, the outcome words) in :mod:`marsad.extract.casualties`.
"""

from __future__ import annotations

import re
from typing import Final

from marsad.counting import TOLL_FALLS, TOLL_RAISING, TOLL_RISES
from marsad.extract.casualties import (
    _NAME_LIST,
    NON_PERSON,
    ONE_MORE_RULE,
    Finding,
    NumberIndex,
    _head_noun,
    _names_count,
    names_people,
    object_findings,
    victim_phrase,
)
from marsad.extract.numbers import ORDINAL_WORDS
from marsad.extract.pipeline import DocContext
from marsad.extract.unreported import not_reported, unreported_trigger
from marsad.extract.wordscan import opening_words

NOUN_OF_RE: Final = re.compile(opening_words(r"\b(?P<noun>deaths?|killings?|murders?|homicides?|assassinations?|executions?|bod(?:y|ies)|corpses?|"
                        r"remains|lives|massacre|martyrdom|abductions?|kidnappings?|loss(?:es)?|injur(?:y|ies)|wounding)(?:\s+by\s+[a-z]+)?\s+of\s+"), re.I)
#: (the words between a number and its noun modify the noun, "eight more deaths": a preposition says the number counts
#: something else, "arrest 4 over Bokkos killings", "jailed 3 for the killings")
NUM_NOUN_RE: Final = re.compile(r"\s+(?:(?!(?:to|over|for|after|following|in|on|at|from|with|by|about|since)\s)[\w-]+\s+){0,2}?"
                         # ("38 civilian and security force deaths": modifiers joined by "and"; not a new noun phrase,
                         # "two civilians and set their bodies on fire")
                         r"(?:(?:and|or)\s+(?:(?!(?:to|over|for|after|following|in|on|at|from|with|by|about|since|the|a|an|"
                         r"their|its|his|her|our|these|those|them)\s)[\w-]+\s+){1,2}?)?"
                         r"(?P<noun>deaths?|fatalit(?:y|ies)|bod(?:y|ies)|corpses?|"
                         # ("authorities reported eight murders on Friday", "11 homicides were recorded")
                         r"murders|homicides|killings|"
                         # ("291 victims of intentional homicide", "14 homicide victims": a monitor's count of the killed)
                         r"(?:homicide|murder)\s+victims|victims\s+of\s+(?:intentional\s+|wil+ful\s+)?(?:homicides?|murders?)|"
                         # ("three martyrs and 11 wounded": not a brigade or a square named after them)
                         r"martyrs?(?!['’]|\s+(?:brigades?|battalions?|squares?|cemetery|day|foundation|families))"
                         r")\b"
                         r"(?!\s+(?:threats?|sentences?|penalty|row|squads?|certificates?|warrants?|anniversar|"
                         r"investigations?|cases?|charges?|trials?|suspects?|convictions?))", re.I)
BODY_RE: Final = re.compile(opening_words(r"\b(?P<det>a|an|one|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,2}?[\w-]+'s?\s+"
                     r"(?:dead\s+|lifeless\s+|mutilated\s+)?(?P<noun>bod(?:y|ies)|corpses?|remains)\b"), re.I)
#: "a fourth body was pulled from the rubble": one more dead, numbered among the incident's (not "the fourth body found
#: this month", a run)
_NTH_BODY: Final = re.compile(r"\b(?P<a>an?)\s+(?P<nth>" + "|".join(ORDINAL_WORDS) + r")\s+(?P<noun>bod(?:y|ies)|corpse)\b"
                              r"(?!\s+(?:of|in|this|so)\b)", re.I)
#: whose body: one person's told before ("his", "her", "the nephew's", "the youngest victim's")
_WHOSE: Final = r"(?:(?:the|his|her)\s+(?:[\w-]+\s+){0,2}?[\w-]+['’]s|his|her)"
#: "police found the nephew's body", "his body was recovered": the body of one person told before (an abducted or
#: missing man), found; one dead, which the restatements make the same dead where the report has counted him killed
_KNOWN_BODY: Final = re.compile(r"\b" + _WHOSE + r"\s+(?:dead\s+|lifeless\s+|mutilated\s+|decomposed\s+|bullet-riddled\s+)?"
                                r"(?P<noun>body|corpse)\b", re.I)
#: one body told as someone's known before, at a finding's start ("his body", "the youngest victim's body", "the body
#: of the driver"): one of the dead already counted, not others' (restatements)
ONE_KNOWN_BODY: Final = re.compile(r"\s*(?:" + _WHOSE + r"\s+(?:[\w-]+\s+)?(?:body|corpse)\b|"
                                   r"(?:body|corpse)\s+of\s+(?:the|his|her)\b)", re.I)
_FOUND_BEFORE: Final = re.compile(r"\b(?:found|recovered|discovered|retrieved|pulled|exhumed|located)\s+(?:out\s+)?$",
                                  re.I)
_FOUND_AFTER: Final = re.compile(r"\s+(?:was|had\s+been|has\s+been)\s+(?:later\s+|then\s+|finally\s+)?"
                                 r"(?:found|recovered|discovered|retrieved|pulled|dumped|exhumed|located|washed\s+up)\b", re.I)
#: "seven bodies were pulled from the river and four more were found": more bodies, the noun left out
_MORE_FOUND: Final = re.compile(r"[^.;]{0,100}?(?:\band|\bwhile|,|;)\s+(?:another\s+)?(?P<det>[\w-]+)"
                         r"\s+(?P<more>more|others)\s+(?:were|was|had\s+been|have\s+been)\s+(?:later\s+)?"
                         r"(?P<verb>found|recovered|pulled|retrieved|discovered|unearthed|exhumed)\b", re.I)


def _more_found(ctx: DocContext, numbers: NumberIndex, after: int) -> list[Finding]:
    found = _MORE_FOUND.match(ctx.norm, after, ctx.sentence_at(after)[1]) if ctx.may_match(_MORE_FOUND) else None
    number = numbers.starting_at(found.start("det")) if found else None
    if found is None or number is None or not numbers.take(number):
        return []
    return [Finding("killed", number, number.value, found.start("det"), found.end(), found.start("verb"), found.end(),
                    ctx.norm[found.start("det"):found.end("more")], "casualties.noun.body", 0.75)]


def _known_bodies(ctx: DocContext) -> list[Finding]:
    """One dead for a known person's body that is found ("Police found the nephew's body the next day" after
    "abducted a shepherd and his nephew"); not a body told otherwise ("shrapnel hit his body")."""
    findings: list[Finding] = []
    for match in ctx.scan(_KNOWN_BODY) if ctx.may_match(_KNOWN_BODY) else ():
        found = _FOUND_BEFORE.search(ctx.norm, max(0, match.start() - 20), match.start()) or \
            _FOUND_AFTER.match(ctx.norm, match.end())
        if found is None or not_reported(ctx, match.start(), match.end()):
            continue
        findings.append(Finding("killed", None, 1, match.start(), match.end(), match.start("noun"), match.end(),
                                match.group(0), "casualties.noun.body", 0.7))
    return findings


TO_DEATH_RE: Final = re.compile(opening_words(r"\b(?P<verb>stabbed|hacked|beat|beaten|burned|burnt|clubbed|tortured|stoned|strangled|shot|"
                         r"crushed|lynched|starved|kicked|bludgeoned|"
                         # ("…, hacking 18 people to death with machetes": _PARTICIPLE_LEAD)
                         r"stabbing|hacking|beating|burning|clubbing|torturing|stoning|strangling|shooting|crushing|lynching|"
                         r"kicking|bludgeoning)\s+(?P<obj>(?:[\w'-]+\s+){1,5}?)to\s+dea(?:th|d)\b"), re.I)
#: what a participle's "to death" follows when it tells the killing itself ("…, hacking 18 people to death"), not a
#: killing told as what led to this one ("after witnessing him stabbing his stepfather to death")
_PARTICIPLE_LEAD: Final = re.compile(r"(?:,|\band|\bby)\s$", re.I)
#: a figure that ends its clause ("191.", "at least 12;"), and one told after a colon (": 191.")
_ENDING_FIGURE: Final = r"(?:at\s+least\s+)?\d[\d,]*\s*(?:[.;\n]|$)"
_COLON_FIGURE: Final = r":\s*" + _ENDING_FIGURE
TOLL_RE: Final = re.compile(opening_words(r"\b(?:death|casualty)\s+toll\b|\btoll\b(?=\s+(?:down(?:wards?)?\s+)?to\b)|"
                     # ("activists later said the toll had risen to 35")
                     r"\btoll\b(?=\s+(?:(?:has|had|have|later|then|now|since)\s+){0,2}" + TOLL_RISES + r"\s+to\b)|"
                     # "lowered it to 32" (counting.TOLL_FALLS; "revised the toll down to" is read at "toll" above)
                     r"\b" + TOLL_FALLS + r"(?:(?<=\bit)|(?<=\bit down))(?=\s+to\b)|\btoll\b(?=\s+(?:of|from|in|among)\b[^.;]{0,100}?"
                     r"\b(?:" + TOLL_RISES + r"|stood|stands|reached|revised|lowered|"
                     # ("revised the toll of Monday's strike on the school down to ten")
                     r"down(?:wards?)?\s+to)\b)|"
                     # "the number of civilians killed in strikes on the area since 10 September rises to 14"
                     # ("the number of bodies recovered from the graves has risen to 15")
                     # ("the number of martyrs of the crime of targeting the prison had risen to 61": agency copy)
                     r"\bnumber\s+of\s+(?:[\w-]+\s+){0,3}?(?:killed|dead|deaths|fatalities|bodies|"
                     r"martyrs(?!\s+(?:brigades?|battalions?|squares?|cemetery|day|foundation|families)))\b(?=[^.;]{0,100}?"
                     # ("revised the number of people killed in Saturday's violence down to four")
                     r"\b(?:" + TOLL_RISES + r"\s+to|reached|(?:stands|stood)\s+at|down(?:wards?)?\s+to)\b)|"
                     # (and "bringing the number of people killed in Saturday's strike to 14", "bringing the number killed
                     # in the attack to two", "the commissioner put
                     # the number of dead at nine", "the monitor put the toll at eight")
                     r"\b(?:" + TOLL_RAISING + r"|putting|puts?|plac(?:ed|es|ing))\s+(?:the\s+)?(?:overall\s+|total\s+)?toll\b|"
                     r"\b(?:gave|giv(?:es|ing))\s+(?:a|the|its|their)\s+(?:lower\s+|higher\s+)?toll\b|"  # ("police gave a toll of 12")
                     # ("This brings the number of civilians killed since the beginning of the year to 187": a
                     # bulletin's running total, told in the present or past as often as in "bringing")
                     r"\b(?:" + TOLL_RAISING + r"|brings|brought|putting|puts?|plac(?:ed|es|ing))\s+the\s+(?:overall\s+|total\s+|official\s+)?"
                     r"(?:number\s+(?:of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?)?(?:killed|dead|deaths|fatalities)|(?<=total\s)(?:killed|dead|deaths)|"
                     # ("bringing the total killed … to seven", "an official put the figure at 12")
                     r"(?:death\s+)?(?:figure|tally)(?!\s+(?:of|for)\s+(?:the\s+)?(?:injured|wounded|injuries|missing|displaced)))\b|"
                     # ("local sources put militant deaths at nine": whose deaths, told before the noun)
                     r"\b(?:putting|puts?|plac(?:ed|es|ing))\s+(?P<put_who>[\w-]+)\s+(?:deaths|fatalities|dead)(?=\s+at\s)|"
                     # a figure told after a colon that ends its clause, the label opening its sentence ("Civilians
                     # killed since the beginning of the year: 191."; "Deaths: 12"): read at the label's participle or
                     # noun (:func:`_opens_sentence` checks the words before it)
                     r"\b(?P<label>killed|dead|deaths|fatalities)\b(?=[^.;:\n]{0,80}" + _COLON_FIGURE + r")"),
                     re.I)
#: "the death toll among civilians": the people a toll counts, when they are people (CIVILIAN_NOUNS, COMBATANT_NOUNS)
_TOLL_AMONG: Final = re.compile(r"\s+(?:among|of)\s+(?:the\s+)?(?P<who>[A-Za-z][\w-]*)\b")
#: the people a "number of … killed" toll counts, told inside it ("the number of civilians killed")
_NUMBER_OF_WHO: Final = re.compile(r"\bnumber\s+of\s+(?:the\s+)?(?P<who>[A-Za-z][\w-]*)\s+(?:killed|dead)\b", re.I)
_TOLL_ADJECTIVE: Final = re.compile(r"\b(?P<who>civilian|military)\s+(?:death\s+)?$", re.I)
TOLL_LINK_RE: Final = re.compile(r"\b(?:to|of|at|reached|is|was|hit)\s+|:\s*(?=" + _ENDING_FIGURE + ")", re.I)
#: a label's words before its participle or noun: at most two, no figure ("Civilians", "Total", "Civilian")
_LABEL_OPENING: Final = re.compile(r"\s*(?:[A-Za-z][\w'-]*\s+){0,2}$")
_NOUN_OUTCOME: Final = {"execution": "executed", "abduction": "abducted", "kidnapping": "abducted", "injur": "injured",
                        "wounding": "injured"}


def _joins_another_count(ctx: DocContext, numbers: NumberIndex, start: int, end: int) -> bool:
    """Whether the modifiers joined by "and" between a number and its noun hold another number."""
    between = ctx.norm[start:end]
    return (" and " in between or " or " in between) and bool(numbers.within(start, end))


def noun_findings(ctx: DocContext, numbers: NumberIndex) -> list[Finding]:
    """Nominal statements: "the death of 608", "3 deaths", "the bodies of two men", "death toll rose to 9"."""
    risen = _risen_figures(ctx, numbers)
    findings: list[Finding] = []
    for match in ctx.scan(NOUN_OF_RE):
        noun = match.group("noun").lower()
        outcome = next((o for stem, o in _NOUN_OUTCOME.items() if noun.startswith(stem)), "killed")
        if unreported_trigger(ctx, match.start(), match.end(), outcome):
            continue
        found = object_findings(ctx, numbers, (match.start(), match.end("noun")), outcome, position=match.end(),
                                rule="casualties.noun")
        if noun.startswith("loss"):  # "regrets the loss of one soldier" is a death; "the loss of two vehicles" none
            found = [f for f in found if names_people(f.victim_text)]
        findings += found
    for item in numbers.items if ctx.may_match(NUM_NOUN_RE) else ():
        noun = NUM_NOUN_RE.match(ctx.norm, item.end)
        if noun and _joins_another_count(ctx, numbers, item.end, noun.start("noun")):
            continue  # ("five injuries and three deaths": the noun is the second number's)
        if noun and not numbers.is_used(item) and not unreported_trigger(ctx, item.start, noun.end(), "killed"):
            numbers.take(item)
            # the words between the count and the noun name the dead ("19 civilian deaths", "two soldiers' bodies")
            findings.append(Finding("killed", item, item.value, item.start, noun.end(), noun.start("noun"),
                                    noun.end(), ctx.norm[item.end:noun.start("noun")].strip(), "casualties.noun", 0.85))
            if noun.group("noun").lower().startswith(("bod", "corpse")):
                findings += _more_found(ctx, numbers, noun.end())
    for match in ctx.scan(BODY_RE):
        number = numbers.starting_at(match.start("det"))
        if number is not None and not numbers.take(number):
            continue
        count = number.value if number is not None else 1
        findings.append(Finding("killed", number, count, match.start(), match.end(), match.start("noun"), match.end(),
                                match.group(0), "casualties.noun.body", 0.75))
        findings += _more_found(ctx, numbers, match.end())
    findings += _known_bodies(ctx)
    for match in ctx.scan(_NTH_BODY) if ctx.may_match(_NTH_BODY) else ():
        if not_reported(ctx, match.start(), match.end()):
            continue  # "rescuers pulled a fourth body from the rubble": the toll is now four
        findings.append(Finding("killed", None, ORDINAL_WORDS.index(match.group("nth").lower()) + 2, match.start(),
                                match.end(), match.start("noun"), match.end(), match.group(0), ONE_MORE_RULE, 0.7))
    for match in ctx.scan(TO_DEATH_RE):
        if match.group("verb").lower().endswith("ing") and not _PARTICIPLE_LEAD.search(ctx.norm, max(0, match.start() - 5), match.start()):
            continue
        if not_reported(ctx, match.start(), match.end()):
            continue
        findings += object_findings(ctx, numbers, (match.start(), match.end()), "killed", position=match.start("obj") - 1)
    findings += _toll_findings(ctx, numbers, risen)
    for number in numbers.items:  # (a risen figure no toll's link took stays free for the other rules)
        if id(number) in risen:
            numbers.give_back(number)
    return findings


def _clause_stop(ctx: DocContext, position: int) -> int:
    """Where the clause that a toll opens at ``position`` ends: the next full stop or semicolon."""
    norm = ctx.norm
    dot = norm.find(".", position)
    while dot != -1 and _INITIAL_DOT.match(norm, max(0, dot - 2)):  # "U.S.", "U.N." inside the clause
        dot = norm.find(".", dot + 1)
    return min((i for i in (dot, norm.find(";", position)) if i != -1), default=len(norm))


#: a dot after a lone capital that the clause goes on after ("the U.S. air strike", "a U.N. convoy"): no stop
_INITIAL_DOT: Final = re.compile(r"(?:^|[^A-Za-z])[A-Z]\.(?=[A-Z]\.|\s+[a-z])|(?:^|[^A-Za-z])[A-Z]\.(?=[A-Z])")


def _risen_figures(ctx: DocContext, numbers: NumberIndex) -> set[int]:
    """The figures a toll "has climbed to", held back (by ``id``) for the toll's own rule: "the death toll … has
    climbed to 21 after the bodies of seven more victims were found" is no count of the bodies told after it."""
    risen: set[int] = set()
    for match in ctx.scan(TOLL_RE):
        rise = _RISEN_TO.search(ctx.norm, match.end(), min(_clause_stop(ctx, match.end()), match.end() + 160))
        number = numbers.starting_at(rise.end()) if rise else None
        if number is not None and numbers.take(number):
            risen.add(id(number))
    return risen


def _toll_findings(ctx: DocContext, numbers: NumberIndex, risen: set[int]) -> list[Finding]:
    """"The death toll of the strike on X on 3 March has risen to 14": the count follows the first linking word
    that a number follows."""
    findings: list[Finding] = []
    for match in ctx.scan(TOLL_RE):
        if match.group("label") and not _opens_sentence(ctx, match.start()):
            continue  # ("two were killed at 10:30": no label)
        stop = _clause_stop(ctx, match.end())
        for link in TOLL_LINK_RE.finditer(ctx.norm, match.end(), min(stop, match.end() + 160)):
            number = numbers.starting_at(link.end())
            if number is not None and (numbers.take(number) or id(number) in risen):
                risen.discard(id(number))
                # the victims follow the count ("has risen to 14 civilians", "to 9 people")
                phrase, end = victim_phrase(ctx, number.end, stop)
                if _head_noun(phrase) in NON_PERSON:
                    phrase, end = "", number.end
                if not phrase.strip():  # or they are told with the toll ("the death toll among civilians", "the civilian toll")
                    phrase = _toll_victims(ctx, match)
                findings.append(Finding("killed", number, number.value, match.start(), max(end, number.end), match.start(),
                                        link.end(), phrase, "casualties.toll", 0.8))
                break
    return findings


def _opens_sentence(ctx: DocContext, position: int) -> bool:
    """Whether no more than a label's words (:data:`_LABEL_OPENING`) stand between its sentence's start and ``position``."""
    return _LABEL_OPENING.match(ctx.norm, ctx.sentence_at(position)[0], position) is not None


def _toll_victims(ctx: DocContext, match: re.Match) -> str:
    """The people a toll counts when it names them itself ("the death toll among civilians", "the military toll",
    a label's "Civilians killed … :")."""
    if match.group("label"):
        words = ctx.norm[ctx.sentence_at(match.start())[0]:match.start()].split()
        return words[-1] if words and names_people(words[-1]) else ""
    if match.group("put_who"):  # ("put militant deaths at nine", "put civilian deaths at 40")
        who = match.group("put_who").lower()
        return "soldiers" if who in ("military", "army") else who if names_people(who) else ""
    whose = _TOLL_AMONG.match(ctx.norm, match.end()) or _TOLL_ADJECTIVE.search(ctx.norm, max(0, match.start() - 12), match.start())
    if whose is None and "number" in match.group(0):  # ("bringing the number of civilians killed … to 187")
        whose = _NUMBER_OF_WHO.search(match.group(0))
        if whose is not None and whose.group("who").lower() in ("people", "persons", "individuals"):
            return ""  # (people of no named kind, as "12 people were killed" is)
    if whose is None or not (names_people(whose.group("who")) or whose.group("who").lower() == "military"):
        return ""  # ("the toll of the strikes"): no people
    return "soldiers" if whose.group("who").lower() == "military" else whose.group("who")


#: "has risen to", "climbed to", "rose to" after a toll's noun
_RISEN_TO: Final = re.compile(r"\b" + TOLL_RISES + r"\s+to\s+(?:at\s+least\s+)?(?=\S)", re.I)


#: "the dead were identified as …", "those killed were named by police as …": the list that follows names the dead
_DEAD_NAMED: Final = re.compile(opening_words(r"\b(?:dead|deceased|slain|those\s+killed)\s+(?:were|have\s+been|had\s+been)\s+"
                                       r"(?:identified|named)(?:\s+by\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+as\s+"), re.I)
_NAMES_AT: Final = re.compile(_NAME_LIST)


def named_dead_findings(ctx: DocContext, numbers: NumberIndex) -> list[Finding]:
    """The dead named in a list: "the dead were identified as A, B and C" counts three
    (a restatement where a count came first: :mod:`marsad.extract.tallies`)."""
    found: list[Finding] = []
    folded = ctx.folded() or ctx.norm.lower()
    if "identified" not in folded and "named" not in folded:  # most documents: no scan
        return found
    for match in ctx.scan(_DEAD_NAMED):
        listed = _NAMES_AT.match(ctx.norm, match.end())
        count = _names_count(ctx, *listed.span()) if listed is not None else 0
        if listed is None or not count:
            continue
        for age in numbers.within(*listed.span()):  # "Peter Otieno, 41, James Kariuki, 29, and …"
            numbers.take(age)
        found.append(Finding("killed", None, count, listed.start(), listed.end(), match.start(), match.end(),
                             listed.group(0), "casualties.named_dead", 0.7))
    return found


#: "killed civilians in the Kharkiv (two), Sumy (one) and Donetsk (four) regions": people with no number, then the
#: places each with its count in brackets (a daily roundup's list)
_BRACKETED_LEAD: Final = re.compile(r"\s+(?P<victims>(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:in|across)\s+(?:the\s+)?(?=[A-Z])")
_BRACKETED_ITEM: Final = re.compile(r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+))?(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}\s*\(\s*")


def bracketed_place_counts(ctx: DocContext, numbers: NumberIndex, trigger: tuple[int, int], outcome: str) -> list[Finding]:
    """The counts in brackets after each place an active verb's unnumbered victims were killed in: one count per
    place, the victims' words for each ("killed civilians in Kharkiv (two) and Sumy (one)": three civilians)."""
    sentence_end = ctx.sentence_at(trigger[0])[1]
    lead = _BRACKETED_LEAD.match(ctx.norm, trigger[1], sentence_end)
    if lead is None or not names_people(lead.group("victims")) or numbers.within(lead.start(), lead.end()):
        return []
    findings: list[Finding] = []
    position = lead.end()
    while (item := _BRACKETED_ITEM.match(ctx.norm, position, sentence_end)) is not None:
        number = numbers.starting_at(item.end())
        close = ctx.norm.find(")", item.end(), sentence_end) if number is not None else -1
        if number is None or close == -1 or ctx.norm[number.end:close].strip() or numbers.is_used(number):
            break
        numbers.take(number)
        findings.append(Finding(outcome, number, number.value, item.start(), close + 1, trigger[0], trigger[1],
                                lead.group("victims"), "casualties.object.bracketed", 0.8, active=True))
        position = close + 1
    if len(findings) < 2:  # (one bracket is an aside, not a list of places: "in Kharkiv (Ukraine's second city)")
        for finding in findings:
            if finding.number is not None:
                numbers.give_back(finding.number)
        return []
    return findings


#: companions killed "along with" a victim (:mod:`marsad.extract.casualty_verbs`)
ALONG_WITH: Final = re.compile(r",?\s+(?:along|together)\s+with\s+(?=\w)", re.I)
#: those killed "along with" the victims that the victim nouns do not name: people near them
COMPANION: Final = re.compile(r"\b(?:neighbou?rs?|friends?|relatives?|guests?|passengers?|companions?|colleagues?|bodyguards?|"
                       r"aides?|escorts?|guides?|cousins?|nephews?|nieces?|in-laws?|passers?-by|persons?|people|others?)\b", re.I)
#: a share of someone's people after a bare count ("two of his bodyguards", "three of their relatives")
OF_OWNER: Final = re.compile(r"\s+of\s+(?:his|her|their)\s+(?P<who>(?:[\w-]+\s+)?[\w-]+)", re.I)
