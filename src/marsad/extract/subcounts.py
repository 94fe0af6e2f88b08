"""Counts with no outcome verb of their own: "including" sub-counts and elliptic
second counts. Their parent or outcome is settled by :mod:`marsad.extract.tallies`
and :mod:`marsad.extract.ledger`. And the counts a report implies without stating
them: "the rest" of a total (:func:`add_remainders`) and the other month of a
two-month total (:func:`add_month_complements`), which tallies derives."""

from __future__ import annotations

import re
from typing import Final

from marsad.counting import REST_RE, remainder
from marsad.extract import casefold
from marsad.extract.casualties import (
    _INCLUDING,
    CIVILIAN_NOUNS,
    COMBATANT_NOUNS,
    NON_PERSON,
    TRIGGER_RE,
    TRIGGER_SPANS,
    Finding,
    NumberIndex,
    _head_noun,
    _is_plural,
    _outcome_of,
    victim_phrase,
)
from marsad.extract.casualty_facts import to_casualty
from marsad.extract.dates import add_months, precision_for
from marsad.extract.pipeline import DocContext, NumberMention
from marsad.extract.wordscan import opening_words
from marsad.model import Casualty, DateValue

#: Between two parts of one list: "five women and 3 children", "18 in the first
#: blast and 12 in the second", "…, and 4 …". The one rule for a sibling count.
SIBLING_GAP = re.compile(r"\s*[\w'-]*(?:\s+[\w'-]+){0,4}?\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?"
                         r"|[^.;:()]{0,80}?,\s*and\s+", re.I)


def sibling_gap(norm: str, start: int, end: int) -> bool:
    """``SIBLING_GAP.fullmatch(norm, start, end)``, not tried where the text between holds none of the comma,
    "and" or "&" that each of its forms needs (most gaps between two counts of a report)."""
    gap = norm[start:end]
    if "," not in gap and "&" not in gap and "and" not in gap.lower():
        return False
    return SIBLING_GAP.fullmatch(norm, start, end) is not None


def including_findings(ctx: DocContext, numbers: NumberIndex) -> list[Finding]:
    """Sub-counts with no verb of their own: "killed 18 people, including five women"."""
    findings = []
    previous_end = -1
    for number in numbers.items:
        if numbers.is_used(number):
            continue
        sibling = previous_end >= 0 and sibling_gap(ctx.norm, previous_end, number.start)
        if not (sibling or _INCLUDING.search(ctx.norm, max(0, number.start - 40), number.start)):
            continue
        previous_end = number.end
        sentence_end = ctx.sentence_at(number.start)[1]
        phrase, end = victim_phrase(ctx, number.end, sentence_end)
        if _head_noun(phrase) in NON_PERSON:
            continue
        numbers.take(number)
        findings.append(Finding("", number, number.value, number.start, max(end, number.end), number.start,
                                number.start, phrase, "casualties.including", 0.7))
    return findings


_INCLUDING_ONE = re.compile(opening_words(r"(?:\bincluding|\bamong\s+(?:them|whom|the\s+(?:dead|victims|killed))(?:\s+(?:were|was|is|are))?)"
                            r"\s+(?P<det>an?)\s+"), re.I)


def including_one_findings(ctx: DocContext, findings: list[Finding]) -> list[Finding]:
    """Singular sub-counts without a digit: "9 civilians, including a child, were killed"."""
    found = []
    for match in ctx.scan(_INCLUDING_ONE):
        det = match.start("det")
        if any(f.start == det or (f.number is not None and f.number.start <= det < f.number.end) for f in findings):
            continue
        phrase, end = victim_phrase(ctx, match.end(), ctx.sentence_at(det)[1])
        head = _head_noun(phrase)
        if not head or _is_plural(head) or not (CIVILIAN_NOUNS.fullmatch(head) or COMBATANT_NOUNS.fullmatch(head)):
            continue
        found.append(Finding("", None, 1, det, max(end, match.end()), det, det, phrase, "casualties.including", 0.65))
    return found


#: "The dead include five soldiers and a police officer": a list of the dead told by kind, with no verb of its own
#: (not "the victims", who may be the wounded or the abducted)
_DEAD_INCLUDE: Final = re.compile(r"\b(?:the\s+dead|those\s+killed|those\s+who\s+died|the\s+fatalities)\s+"
                                  r"(?:include[ds]?|included)\s+", re.I)
_LIST_NEXT: Final = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)
_ONE_DET: Final = re.compile(r"(?:an?|one)\s+", re.I)


def dead_list_findings(ctx: DocContext, numbers: NumberIndex) -> list[Finding]:
    """Each item of "the dead include(d) five soldiers and a police officer": killed, each its own count; where a
    total was told before, :mod:`marsad.extract.tallies` makes them its parts ("included" reads as "including")."""
    found: list[Finding] = []
    if not ctx.may_match(_DEAD_INCLUDE):
        return found
    for match in _DEAD_INCLUDE.finditer(ctx.norm):
        sentence_end = ctx.sentence_at(match.start())[1]
        items = _dead_items(ctx, numbers, match.end(), sentence_end)
        if not items or numbers.within(items[-1][2], sentence_end):
            continue  # ("the dead included two teachers, bringing the total to five": the sentence's toll says it)
        for number, start, end, phrase in items:
            if number is not None:
                numbers.take(number)
            found.append(Finding("killed", number, number.value if number else 1, start, end, match.start(),
                                 match.end(), phrase, "casualties.dead_list", 0.65))
    return found


def _dead_items(ctx: DocContext, numbers: NumberIndex, position: int,
                sentence_end: int) -> list[tuple[NumberMention | None, int, int, str]]:
    """The items of a list of the dead from ``position``: a count and its people, or one person ("a police officer",
    a noun known to name people); each with its start, end and words."""
    items: list[tuple[NumberMention | None, int, int, str]] = []
    while position < sentence_end:
        number = numbers.starting_at(position)
        det = None if number is not None else _ONE_DET.match(ctx.norm, position)
        if number is not None and numbers.is_used(number):
            break
        phrase, end = victim_phrase(ctx, number.end if number else det.end() if det else position, sentence_end)
        head = _head_noun(phrase)
        if not head or head in NON_PERSON or (number is None and (det is None or _is_plural(head) or not (
                CIVILIAN_NOUNS.fullmatch(head) or COMBATANT_NOUNS.fullmatch(head)))):
            break
        items.append((number, position, end, phrase))
        following = _LIST_NEXT.match(ctx.norm, end, sentence_end)
        if following is None:
            break
        position = following.end()
    return items


#: From a total to the list of its parts: "killed nine people in the province on
#: Tuesday, six of them in A and three in B", "twelve dead on Sunday: seven in A …".
_PARTS_OPEN = re.compile(r"[^.;:]{0,80}?(?:,|(?P<list>:|\s-{1,2}))\s*", re.I)
#: A colon further on, after what else the sentence says of the toll (its own sub-counts included)
_LATER_LIST = re.compile(r"[^.;:]{0,200}?(?P<list>:)\s*")
#: What makes a bare number a part: "six of them in A", "three more in B", "two
#: others were killed near C", "14 in the morning", "5 in the market".
_BARE_PART = re.compile(
    r"(?P<of>\s+of\s+(?:them|whom))?(?:\s+(?:more|others|people|civilians|persons))?"
    r"(?:\s+(?:were|was)\s+(?:killed|dead)|\s+died)?(?P<where>\s+(?:in|at|near|inside|around|during)\s)")
_PART_NEXT = re.compile(r"[^.;:,]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:another\s+|a\s+further\s+)?", re.I)


def bare_part_findings(ctx: DocContext, numbers: NumberIndex, findings: list[Finding]) -> list[Finding]:
    """"killed nine people in Idlib on Tuesday, six of them in A and three in B",
    "killed 9 people, 5 in the market and 4 near the mosque": bare numbers after a
    toll, each with a place or time of its own, are parts of that toll (they break it
    down, never add to it; :mod:`marsad.extract.located_parts` makes one event of
    each place). A list is a breakdown when a colon or dash opens it, its first
    number says "of them", or it adds up to the toll; otherwise ("killed 30 in A,
    and 20 in B") it is left to the other rules."""
    found = []
    for finding in findings:
        if finding.number is None or not finding.count or finding.outcome not in ("killed", "executed", "injured"):
            continue
        start = max(finding.end, finding.trigger_end)
        sentence_end = ctx.sentence_at(start)[1]
        opening = _PARTS_OPEN.match(ctx.norm, start, sentence_end)
        if opening is None or TRIGGER_SPANS.search(opening.group(0)) or numbers.within(start, opening.end()):
            opening = None
        parts = _bare_parts(ctx, numbers, opening.end(), sentence_end, finding.count,
                            _listed_items(findings) if opening and opening.group("list") else None) if opening else []
        if not parts:  # "11 civilians, among them 4 children and 3 women, in airstrikes on Idlib: 6 in A, 3 in B"
            opening = _LATER_LIST.match(ctx.norm, start, sentence_end)
            if opening is None or TRIGGER_SPANS.search(opening.group(0)) or \
                    any(not numbers.is_used(n) for n in numbers.within(start, opening.end())):
                continue
            parts = _bare_parts(ctx, numbers, opening.end(), sentence_end, finding.count, _listed_items(findings))
        if opening is not None and opening.group("list") and sum(number.value for number, _ in parts) != finding.count:
            parts = _semicolon_items(ctx, numbers, opening.end(), sentence_end, finding.count, _listed_items(findings)) or parts
        stated = sum(number.value for number, _ in parts)
        if parts and opening is not None and (opening.group("list") or parts[0][1].group("of") or stated == finding.count
                                              or _rest_placed_next(ctx, parts[-1][1].end(), sentence_end)):
            for number, part in parts:
                taken = next((f for f in findings if f.number is number), None)
                if taken is not None:  # a list item another rule read first: it is this part
                    findings.remove(taken)
                numbers.take(number)
                found.append(Finding("", number, number.value, number.start, part.start("where"), number.start,
                                     number.start, "", "casualties.bare_part", 0.7, parent=finding))
    return found


#: ("one in Baquba, one in Muqdadiya and the rest in Khalis": a list of places whose last item is the rest of the toll)
_REST_NEXT: Final = re.compile(r"[^.;:,]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+)" + REST_RE.pattern + r"\s+(?:in|at|near)\s+(?:the\s+)?(?-i:[A-Z])",
                        re.I)


def _rest_placed_next(ctx: DocContext, position: int, sentence_end: int) -> bool:
    """Whether the item after a list's located part is "the rest" at a place of its own: the list breaks its toll
    down, the places summing to it with the rest (after a comma as after a colon)."""
    return _REST_NEXT.match(ctx.norm, position, sentence_end) is not None


#: an item of a list that semicolons separate: its head, up to its aside, its relative clause or its verb (with the
#: groups the caller reads of a _BARE_PART match: no "of", and the part's end where its head ends)
_SEMICOLON_ITEM = re.compile(r"(?P<of>)[^,;:]*?(?P<where>)(?=\s*(?:[,;]|\bwho\b|\b(?:killed|died|shot)\b|$))")
_ITEM_LEAD = re.compile(r"\s*(?:and\s+)?")


def _semicolon_items(ctx: DocContext, numbers: NumberIndex, position: int, sentence_end: int, count: int,
                     listed: dict[int, Finding]) -> list:
    """A bulletin's list whose items semicolons separate, each led by its number ("the death of 11 people: 5
    civilians, among them a woman and two children; 4 members of regime forces, who were killed by ISIS cells;
    and 2 fighters of SDF killed by Turkish shelling"): the items are parts when they make up the toll."""
    if ctx.norm.find(";", position, sentence_end) == -1:
        return []
    parts: list = []
    while position < sentence_end:
        number = numbers.starting_at(_ITEM_LEAD.match(ctx.norm, position, sentence_end).end())  # type: ignore[union-attr]
        if number is None or (numbers.is_used(number) and number.start not in listed):
            return []
        parts.append((number, _SEMICOLON_ITEM.match(ctx.norm, number.end, sentence_end)))
        stop = ctx.norm.find(";", number.end, sentence_end)
        if stop == -1:
            break
        position = stop + 1
    return parts if len(parts) >= 2 and sum(number.value or 0 for number, _ in parts) == count else []


def _listed_items(findings: list[Finding]) -> dict[int, Finding]:
    """The findings that a list of parts opened by a colon may take over, by their number's start: a
    count read as an "including" sibling ("seven in A, including three elderly people, and five in
    B": the five) or as the subject of the item's own participle ("four in A, killed by artillery")."""
    return {f.number.start: f for f in findings if f.number is not None
            and (f.rule == "casualties.including" or f.rule.startswith("casualties.subject"))}


#: After a listed item's place, what a bulletin adds before the next item ("four in Sarmin, among them
#: a woman, killed by regime artillery; three in Ariha …"): an aside, the item's cause, then "," or ";"
_ITEM_NEXT = re.compile(r"[^.;:]{0,100}?(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?:another\s+|a\s+further\s+)?(?=\d|[a-z])", re.I)
#: a participle that tells how an item's people died ("killed by", "shot dead by"): no count of its own
_ITEM_CAUSE = re.compile(r"\b(?:killed|shot\s+dead|died)\s+(?:by|in|when)\b", re.I)


def _bare_parts(ctx: DocContext, numbers: NumberIndex, position: int, sentence_end: int, count: int,
                listed: dict[int, Finding] | None = None) -> list:
    """The numbers of a list of bare parts from ``position``, none over the toll in all. In a
    list a colon opens (``listed``: the findings its items may be), an item may carry an aside
    and its cause before the next, and a number another rule read first is still an item."""
    parts: list = []
    stated = 0
    while position < sentence_end:
        number = numbers.starting_at(position)
        part = _BARE_PART.match(ctx.norm, number.end, sentence_end) if number is not None else None
        if number is None or part is None or stated + (number.value or 0) > count or (
                numbers.is_used(number) and (listed is None or number.start not in listed)):
            break
        parts.append((number, part))
        stated += number.value or 0
        following = _PART_NEXT.match(ctx.norm, part.end(), sentence_end)
        if following is None or TRIGGER_SPANS.search(following.group(0)) or (
                listed is not None and not _opens_part(ctx, numbers, following.end(), sentence_end)):
            following = _next_item(ctx, numbers, part.end(), sentence_end) if listed is not None else None
            if following is None:
                break
        position = following.end()
    return parts


def _next_item(ctx: DocContext, numbers: NumberIndex, position: int, sentence_end: int) -> re.Match | None:
    """The separator before a listed item's next one, past an aside and a cause ("…, among them a
    woman, killed by regime artillery; "): the first whose number opens a located part."""
    while (following := _ITEM_NEXT.match(ctx.norm, position, sentence_end)) is not None:
        between = following.group(0)
        if TRIGGER_SPANS.search(_ITEM_CAUSE.sub(" ", between)):
            return None
        if _opens_part(ctx, numbers, following.end(), sentence_end):
            return following
        position = following.end()
    return None


def _opens_part(ctx: DocContext, numbers: NumberIndex, position: int, sentence_end: int) -> bool:
    number = numbers.starting_at(position)
    return number is not None and _BARE_PART.match(ctx.norm, number.end, sentence_end) is not None


_ELLIPSIS_AND = re.compile(r"\band\s+(?:another\s+|a\s+further\s+)?(?=\d|[a-z])", re.I)
_ELLIPSIS_REACH = 90  # characters from a count to the "and" of its sibling
_ELLIPSIS_TAIL = re.compile(r"(?:\s+(?:more|others|other\s+[a-z]+|(?!killed|dead|died|injur|wound|casualt|fatalit|death|were|was|are)[a-z]+))?"
                            # ("seven dead among the factions and four among the council": a side, as a place is; not
                            # "and four among them were children", a part)
                            r"\s+(?:in|at|near|on|from|among(?!\s+(?:them|whom|those|the\s+(?:dead|victims|killed|wounded|"
                            r"injured|casualties))\b))\s", re.I)


#: "killed in A, four in B": a comma between siblings, each at a named place
_SIBLING_COMMA = re.compile(r"\s+(?:in|at|near)\s+(?:the\s+)?[A-Z][^.;:,]{0,40}?,\s*(?=\d|[a-z])")
_NAMED_PLACE_NEXT = re.compile(r"\s+(?:in|at|near)\s+(?:the\s+)?[A-Z]")


def ellipsis_findings(ctx: DocContext, numbers: NumberIndex, findings: list[Finding]) -> list[Finding]:
    """"killed at least 30 in Djugu and 20 in Mahagi", "seven in Bokkos on Monday
    and three more in Mangu", "two were killed in A, four in B and one in C": later
    counts whose outcome verb is left out."""
    found = []
    for finding in findings:
        if finding.number is None or finding.outcome not in ("killed", "executed", "injured"):
            continue
        position = max(finding.end, finding.trigger_end)
        sentence_end = ctx.sentence_at(position)[1]
        while (sibling := _next_sibling(ctx, numbers, position, sentence_end)) is not None:
            number, tail = sibling
            numbers.take(number)
            phrase = ctx.norm[number.end:tail.end()].strip()
            found.append(Finding(finding.outcome, number, number.value, number.start, tail.end() - 1,
                                 finding.trigger_start, finding.trigger_end, phrase, "casualties.ellipsis", 0.7))
            position = tail.end() - 1
        share = _SIDE_SHARE.match(ctx.norm, position, sentence_end)
        number = numbers.starting_at(share.end()) if share else None
        if share is not None and number is not None and _CLAUSE_END.match(ctx.norm, number.end) and numbers.take(number):
            # "HTS lost eight fighters and the factions five": the other side's share, verb and noun left out
            found.append(Finding(finding.outcome, number, number.value, share.start("side"), number.end,
                                 finding.trigger_start, finding.trigger_end, finding.victim_text, "casualties.ellipsis", 0.7))
    return found


_SIDE_SHARE = re.compile(r",?\s+and\s+(?P<side>(?:the\s+)?(?:[A-Za-z][\w'-]*\s+){1,3}?)(?=\S)")
_CLAUSE_END = re.compile(r"\s*(?:[.;]|$)")


def _after_and(ctx: DocContext, numbers: NumberIndex, position: int, sentence_end: int):
    """The first number right after an "and" within reach ("… between the army and the
    RSF in Omdurman, and 15 others in Nyala"), with no other number, outcome verb or
    clause stop before it."""
    limit = min(sentence_end, position + _ELLIPSIS_REACH + 20)
    for match in _ELLIPSIS_AND.finditer(ctx.norm, position, limit):
        gap = ctx.norm[position:match.start()]
        if match.start() - position > _ELLIPSIS_REACH or re.search(r"[.;:]", gap) or TRIGGER_SPANS.search(gap) or \
                numbers.within(position, match.end()):
            return None
        number = numbers.starting_at(match.end())
        if number is not None:
            return number
    return None


def _next_sibling(ctx: DocContext, numbers: NumberIndex, position: int, sentence_end: int):
    """The next count after ``position`` that repeats the outcome without its verb:
    after "and" with no other number before it, or after a comma when both name a place."""
    number = _after_and(ctx, numbers, position, sentence_end)
    if number is None:
        comma = _SIBLING_COMMA.match(ctx.norm, position, sentence_end)
        number = numbers.starting_at(comma.end()) if comma else None
        if number is None or not _NAMED_PLACE_NEXT.match(ctx.norm, number.end):
            return None
    tail = _ELLIPSIS_TAIL.match(ctx.norm, number.end)
    if numbers.is_used(number) or tail is None or _head_noun(tail.group(0)) in NON_PERSON:
        return None
    return number, tail


_REMAINING = re.compile(opening_words(r"\bthe\s+(?:remaining|other)\s+(?=\d|[a-z])"), re.I)
_COPULA = re.compile(r"\s*(?:were|are|was|is)\s+(?:all\s+)?", re.I)


def remaining_findings(ctx: DocContext, numbers: NumberIndex) -> list[Finding]:
    """"the remaining 194 were combatants": a stated part of the total before it."""
    found = []
    for match in ctx.scan(_REMAINING):
        number = numbers.starting_at(match.end())
        if number is None or numbers.is_used(number):
            continue
        sentence_end = ctx.sentence_at(number.start)[1]
        copula = _COPULA.match(ctx.norm, number.end)
        phrase, end = victim_phrase(ctx, copula.end() if copula else number.end, sentence_end)
        if _head_noun(phrase) in NON_PERSON:
            continue
        numbers.take(number)
        found.append(Finding("", number, number.value, match.start(), max(end, number.end), number.start, number.start,
                             phrase, "casualties.remaining", 0.75))
    return found


#: what opens a list of parts: a colon ("14 dead: 9 …"), or a dash or bracket
#: around them ("killed five people - three women and two children -")
_SPLIT_OPEN = re.compile(r"\s*(?:[\w-]+\s*){0,3}?:\s*|\s+-{1,2}\s+|\s*\(\s*", re.I)
#: "four from the Syrian National Army": a side named by where its dead came from
_SIDE_OF = re.compile(r"\s*(?:from|of)\s+(?:the\s+)?(?=[A-Z])[^,;.:()]{1,50}?(?=\s+and\s+|\s*[,;.:()]|$)")
_SPLIT_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)", re.I)


def split_findings(ctx: DocContext, numbers: NumberIndex, findings: list[Finding]) -> list[Finding]:
    """"14 fighters dead: 9 Houthis and 5 government soldiers", "194 were
    combatants: 87 regime soldiers, 41 …", "five people (three women and two
    children)": the parts a colon, dash or bracket lists."""
    found = []
    stated_at = {f.number.start: f for f in findings if f.number is not None}
    for finding in [f for f in findings if f.number is not None]:
        opening = _SPLIT_OPEN.match(ctx.norm, max(finding.end, finding.trigger_end))
        if opening is None:
            continue
        sentence_end = ctx.sentence_at(finding.start)[1]
        position = opening.end()
        while position < sentence_end:
            number = numbers.starting_at(position)
            if number is None:
                break
            phrase, end = victim_phrase(ctx, number.end, sentence_end)
            side = None if phrase.strip() else _SIDE_OF.match(ctx.norm, number.end, sentence_end)
            if side is not None:
                phrase, end = side.group(0).strip(), side.end()
            if not phrase.strip() or _head_noun(phrase) in NON_PERSON:
                break
            if numbers.is_used(number):
                # "14 dead: 9 Houthis and 5 soldiers were killed": the parts are also
                # their own sentence's subjects; they break the total down, never add to it.
                stated = stated_at.get(number.start)
                if stated is None or stated is finding or stated.parent is not None:
                    break
                stated.parent = finding
            else:
                numbers.take(number)
                found.append(Finding("", number, number.value, number.start, max(end, number.end), number.start,
                                     number.start, phrase, "casualties.split", 0.75, parent=finding))
            following = _PART_TOLD_AT.match(ctx.norm, end, sentence_end) or _SPLIT_NEXT.match(ctx.norm, end)
            if following is None:
                break
            position = following.end()
    return found


#: a part told with where and how its dead died, before the next part ("five people: three civilians, among them
#: a child, in an airstrike on Kafr Nabl, and two soldiers in an attack near Al-Sukhnah"): up to the next ", and"
_PART_TOLD_AT = re.compile(r"(?:\s*,\s*(?:among\s+them|including)\s+[^,;.:()]{1,40},)?\s+(?:in|near|on|at|during|by)\s+"
                           r"[^;:()]{1,200}?,\s*and\s+(?=\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                           r"an?|one)\s)", re.I)


_BURIED = re.compile(opening_words(r"\bburi(?:ed|ing)\s+(?:the\s+)?(?:bodies\s+of\s+(?:the\s+)?)?(?=\d|[a-z])"), re.I)
_VIOLENT_CONTEXT = re.compile(r"\b(?:victims?|killed|killing|died|dead|attack\w*|(?:air)?strikes?|bomb\w*|massacre\w*|"
                              r"shell\w*|raids?|shot|gunmen|explosion|blast)\b", re.I)


def buried_findings(ctx: DocContext, numbers: NumberIndex) -> list[Finding]:
    """"Residents buried 15 victims of the airstrike": the buried are the dead
    when the sentence says they died by violence (and no other rule counted them)."""
    found = []
    for match in ctx.scan(_BURIED):
        number = numbers.starting_at(match.end())
        if number is None or numbers.is_used(number):
            continue
        sentence_start, sentence_end = ctx.sentence_at(match.start())
        phrase, end = victim_phrase(ctx, number.end, sentence_end)
        head = _head_noun(phrase)
        if not head or head in NON_PERSON or not _VIOLENT_CONTEXT.search(ctx.norm, sentence_start, sentence_end):
            continue
        numbers.take(number)
        found.append(Finding("killed", number, number.value, number.start, max(end, number.end), match.start(),
                             match.end(), phrase, "casualties.buried", 0.7))
    return found


#: Where REST_RE can begin (its first word; casefold.WordIndex).
_THE = frozenset({"the"})


def add_remainders(ctx: DocContext, casualties: list[Casualty]) -> list[Casualty]:
    result = list(casualties)
    for match in casefold.finditer(REST_RE, ctx.norm, ctx.folded(), starts=ctx.word_starts(_THE)):
        if any(c.span and match.start() <= c.span.start <= match.end() for c in result):
            continue  # "the remaining 194 were …" is stated, not derived
        trigger = TRIGGER_RE.search(ctx.norm, match.end(), min(len(ctx.norm), match.end() + 40))
        parent = next((c for c in reversed(result) if c.part_of is None and c.span and c.span.start < match.start()
                       and ctx.sentence_index(c.span.start) == ctx.sentence_index(match.start())), None)
        if parent is None or parent.count is None:
            continue
        children = [c for c in result if c.part_of == parent.id and c.span and c.span.start < match.start()]
        located = [c for c in children if c.rule == "casualties.bare_part"]
        if trigger is None and located and _REST_PLACED.match(ctx.norm, match.end()):
            # "6 in A, 3 in B and the rest in C": the rest of the places' list, not of other sub-counts
            children, outcome, position = located, parent.outcome, match.end()
        elif trigger is not None and children:
            outcome, position = _outcome_of(trigger), trigger.end()
        elif trigger is None and children and _REST_IN.match(ctx.norm, match.end()):
            # "five of them in the shelling of the camp and the rest in a drone strike": the parts' verb left out
            outcome, position = parent.outcome, match.end()
        else:
            continue
        end = _phrase_end(ctx, position)
        finding = Finding(outcome, None, remainder(parent.count, [c.count for c in children]), match.start(), end,
                          trigger.start() if trigger else match.start(), trigger.end() if trigger else match.end(),
                          ctx.norm[match.start():end], "tallies.rest", 0.8)
        derived = to_casualty(ctx, finding)
        derived.part_of, derived.outcome = parent.id, parent.outcome
        derived.derived = f"{parent.count} - {' - '.join(str(c.count) for c in children)}: 'the rest'"
        derived.victims, derived.affiliation = derived.victims or parent.victims, derived.affiliation or parent.affiliation
        derived.period, derived.is_tally = parent.period, parent.is_tally
        derived.qualifier = parent.qualifier  # "at least 123, of whom 2 …": the rest is at least 121
        derived.low = derived.high = None
        result.insert(result.index(children[-1]) + 1, derived)
    return result


_REST_PLACED = re.compile(r"\s+(?:in|at|near)\s+(?:the\s+)?[A-Z]")
_REST_IN = re.compile(r"\s+(?:in|during|by)\s+(?:an?|the|[a-z]+day's)\s", re.I)


def _phrase_end(ctx: DocContext, position: int) -> int:
    sentence_end = ctx.sentence_at(position)[1]
    stop = re.compile(r"[,;.]|\bmost\b|\bwhile\b|\band\b").search(ctx.norm, position, sentence_end)
    end = stop.start() if stop else sentence_end
    while end > position and ctx.norm[end - 1].isspace():
        end -= 1
    return end


def add_month_complements(ctx: DocContext, casualties: list[Casualty]) -> None:
    start = ctx.anchors.get("operation_start")
    if start is None:
        return
    for parent in list(casualties):
        if parent.part_of or parent.count is None or parent.period is None or parent.period.start != start.start:
            continue
        if add_months(start.start, 2) != parent.period.end:
            continue
        children = [c for c in casualties if c.part_of == parent.id]
        monthly = [c for c in children if c.period and c.period.rule.startswith("dates.nth_month")]
        if len(monthly) != 1 or any(c.derived for c in children) or len(children) != 1:
            continue
        child = monthly[0]
        if child.period is None or parent.count is None or child.count is None:
            continue
        month = 2 if child.period.rule.endswith(":1") else 1
        begin, end = add_months(start.start, month - 1), add_months(start.start, month)
        complement = Casualty(
            id=ctx.new_id("C"), outcome=parent.outcome, count=parent.count - child.count,
            qualifier="at_most" if child.qualifier == "at_least" else "exact",
            victims=parent.victims, victim_group=parent.victim_group, affiliation=parent.affiliation,
            nationality=parent.nationality, perpetrator=list(parent.perpetrator), cause=parent.cause,
            place_ids=list(parent.place_ids),
            period=DateValue(begin, end, precision_for(begin, end), relative=True, rule=f"dates.nth_month:{month}"),
            part_of=parent.id, derived=f"{parent.count} - {child.count}", is_tally=parent.is_tally,
            span=None, rule="tallies.month_complement", confidence=0.7,
        )
        casualties.insert(casualties.index(child) + 1, complement)
