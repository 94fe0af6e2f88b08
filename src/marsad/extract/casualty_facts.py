"""A raw casualty statement made a :class:`~marsad.model.Casualty` fact: who the
victims are (civilians or combatants, their side, nationality), who killed them,
by what cause, where, and the span the fact comes from. Finding the statements is
:mod:`marsad.extract.casualties`; settling how they add up, :mod:`marsad.extract.tallies`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Final

from marsad.counting import OWN_LOSS, TOLL_RAISING
from marsad.extract import casefold
from marsad.extract.casualties import (
    CAUSE_RE,
    CAUSES,
    CIVILIAN_NOUNS,
    COMBATANT_NOUNS,
    GROUP_WORDS,
    NATIONALITY_RE,
    Finding,
    _clause_bounds,
    people_search,
)
from marsad.extract.pipeline import DocContext
from marsad.extract.wordscan import opening_words, top_level_alternatives
from marsad.model import Casualty


def victims_of(phrase: str) -> str | None:
    """Who the people a phrase names are: "combatants", "civilians" or ``None``."""
    civilian, combatant = _head_noun_at(CIVILIAN_NOUNS, phrase), _head_noun_at(COMBATANT_NOUNS, phrase)
    if combatant >= 0 and (civilian < 0 or combatant < civilian):
        return "combatants"
    if civilian >= 0:
        return "civilians"
    return None


def _head_noun_at(pattern: re.Pattern, phrase: str) -> int:
    """Where the first word of ``pattern`` in ``phrase`` stands that is no possessive ("New People's Army
    guerrillas", "a soldier's widow": the possessor names whose they are, not who they are); -1 if none."""
    offset = 0
    while True:
        match = people_search(pattern, phrase[offset:])
        if match is None:
            return -1
        if not phrase.startswith("'s ", offset + match.end()):
            return offset + match.start()
        offset += match.end()


def _actors_in(ctx: DocContext, start: int, end: int) -> list:
    index = ctx.extra.get("casualties.actor_starts")
    if index is None or len(index[1]) != len(ctx.actors):
        ordered = sorted(ctx.actors, key=lambda a: a.span.start)
        index = ([a.span.start for a in ordered], ordered)
        ctx.extra["casualties.actor_starts"] = index
    starts, ordered = index
    found = []
    for position in range(bisect_left(starts, start), len(ordered)):  # no slice: a copy per call was quadratic
        actor = ordered[position]
        if actor.span.start >= end:
            break
        if actor.span.end <= end and actor.name != "Civilians":
            found.append(actor)
    return found


#: what names an actor after the outcome as the one who did it ("by", "against", "from" just before it)
_BY_BEFORE: Final = re.compile(r"\b(?:by|against|from)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.I)


def perpetrators(ctx: DocContext, finding: Finding, victim_end: int, affiliation: str | None) -> list[str]:
    sentence_start, sentence_end = ctx.sentence_at(finding.trigger_start)
    after_end = min(own_clause_end(ctx, finding), max(finding.end, finding.trigger_end) + 90)
    names: list[str] = []
    for actor in _actors_in(ctx, finding.trigger_end, after_end):
        lead = ctx.norm[max(finding.trigger_end, actor.span.start - 40):actor.span.start]
        trail = ctx.norm[actor.span.end:actor.span.end + 3]
        if _BY_BEFORE.search(lead) or trail.startswith("'s"):
            if actor.name != affiliation and actor.name not in names:
                names.append(actor.name)
    if names or not finding.active:
        return names
    clause_start = max(sentence_start, finding.trigger_start - 200)
    before = [a for a in _actors_in(ctx, clause_start, finding.trigger_start) if a.name != affiliation]
    return [before[-1].name] if before else []


def cause_of(ctx: DocContext, finding: Finding) -> str | None:
    """The means: first named after the outcome in its clause, else the nearest before it."""
    clause_end = own_clause_end(ctx, finding)
    inside = (finding.trigger_end, finding.end) if finding.start >= finding.trigger_start else (finding.start, finding.start)
    scan = _cause_scan(ctx)  # lastgroup is a name, not text
    after = next((m for m in scan.finditer(finding.trigger_end, clause_end)
                  if not (inside[0] <= m.start() < inside[1])), None)
    if after:
        return after.lastgroup
    clause_start, _ = _clause_bounds(ctx, min(finding.start, finding.trigger_start))
    sentence_start = ctx.sentence_at(finding.trigger_start)[0]
    wider = max(sentence_start, finding.trigger_start - 160)
    # (a window that begins within the clause's holds no cause the clause's lacks: not searched again)
    for lo in (clause_start, wider) if wider < clause_start else (clause_start,):
        before = list(scan.finditer(lo, min(finding.start, finding.trigger_start)))
        if before:
            return before[-1].lastgroup
    if finding.outcome == "executed":
        return "execution"
    return None


class _WholeScan:
    """``pattern.finditer`` in windows of a text, tried at every position (as :class:`~marsad.extract.casefold.WindowScan`)."""

    def __init__(self, pattern: re.Pattern, text: str):
        self.pattern, self.text = pattern, text

    def finditer(self, pos: int, endpos: int) -> Iterator[re.Match]:
        return self.pattern.finditer(self.text, pos, endpos)


def _cause_scan(ctx: DocContext) -> casefold.WindowScan | _WholeScan:
    """CAUSE_RE's scans of the document, tried only where one of its alternatives'
    opening letters occurs (:func:`_cause_openings`; a cause is looked for around
    every count, and the engine tried every position of each window)."""
    scan: casefold.WindowScan | _WholeScan | None = ctx.extra.get("casualties.cause_scan")
    if scan is None:
        folded, openings = ctx.folded(), _cause_openings()
        if folded is None or openings is None:
            pattern, text = casefold.for_spans(CAUSE_RE, ctx.norm, folded)
            scan = _WholeScan(pattern, text)
        else:
            starts: set[int] = set()
            for opening in openings:
                at = folded.find(opening)
                while at != -1:
                    starts.add(at)
                    at = folded.find(opening, at + 1)
            scan = casefold.WindowScan(CAUSE_RE, sorted(starts), ctx.norm, folded)
        ctx.extra["casualties.cause_scan"] = scan
    return scan


_OPENINGS: list[tuple[str, ...] | None] = []
_QUANTIFIERS: Final = ("?", "*", "{")


def _cause_openings() -> tuple[str, ...] | None:
    """The letters each alternative of :data:`CAUSES` must begin with, lower-cased
    (after a ``\\b``; "air" for ``air\\s*strikes?``, "rocket" for ``rockets?``): every
    match of CAUSE_RE begins where one of them occurs. None if an alternative
    begins otherwise. Read from the patterns once per process."""
    if not _OPENINGS:
        _OPENINGS.append(_openings([source for _, source in CAUSES]))
    return _OPENINGS[0]


def _openings(sources: list[str]) -> tuple[str, ...] | None:
    openings: set[str] = set()
    for source in sources:
        alternatives = top_level_alternatives(source)  # one parser of alternations: wordscan's
        if alternatives is None:
            return None
        for alternative in alternatives:
            opening = _leading_letters(alternative.removeprefix("\\b"))
            if not opening:
                return None
            openings.add(opening.lower())
    return tuple(sorted(openings))


def _leading_letters(source: str) -> str:
    """The literal letters ``source`` begins with that every match has (a letter a
    quantifier makes optional is left out)."""
    end = 0
    while end < len(source) and source[end].isascii() and source[end].isalpha():
        end += 1
    return source[:end - 1] if source[end:end + 1] in _QUANTIFIERS else source[:end]


#: "…, raising to 212 the number killed since …": a running total's own clause after a count
RUNNING_CLAUSE: Final = r",\s*" + TOLL_RAISING + r"\b"
_OWN_CLAUSE_END: Final = re.compile(r"\binclud(?:ing|ed|es)\b|[;]|\bwhile\b|\band\s+the\s+rest\b|\bmost\s+of\s+them\b|"
                             + RUNNING_CLAUSE, re.I)
_OWN_CLAUSE_END_STARTS: Final = (re.compile(r"[;,]"), re.compile(opening_words(r"\b(?:includ|while|and|most)"), re.I))  # casefold.WindowScan


def own_clause_end(ctx: DocContext, finding: Finding) -> int:
    """Where the statement of one count ends (before the next sub-count or clause).

    Asked four times per count (victims' side, cause, nationality, periods), so
    remembered per document by the offsets it reads."""
    key = (finding.start, finding.end, finding.trigger_end)
    known: dict[tuple[int, int, int], int] = ctx.extra.setdefault("casualties.own_clause_end", {})
    end = known.get(key)
    if end is None:
        sentence_end = ctx.sentence_at(finding.start)[1]
        limit = min(sentence_end, max(finding.end, finding.trigger_end) + 120)
        stop = ctx.windows(_OWN_CLAUSE_END, _OWN_CLAUSE_END_STARTS).search(max(finding.end, finding.trigger_end), limit)
        end = known[key] = stop.start() if stop else limit
    return end


_TOLL_PERPETRATOR_BEFORE: Final = re.compile(r"\b(?:by|from)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.I)
_ATTACK_WORDS: Final = (r"(?:attacks?|air\s*strikes?|strikes?|raids?|shelling|bombardment|bombings?|"
                 r"massacres?|ambush|offensive|assault|explosions?|blasts?|shells?|rockets?|missiles?|mortars?|warplanes?|drones?)\b")
_TOLL_PERPETRATOR_AFTER: Final = re.compile(r"(?:'s)?\s+(?:[\w'-]+\s+){0,2}?" + _ATTACK_WORDS, re.I)
#: an actor mention that is itself the attack: "the toll of the regime shelling on X"
_ATTACK_MENTION: Final = re.compile(r"\b" + _ATTACK_WORDS + r"$", re.I)


def _toll_roles(ctx: DocContext, finding: Finding) -> tuple[str | None, list[str]]:
    """Actors named in a toll's lead before its count: "the toll of the ISIS attack
    on X has risen to 6" names the perpetrator; "the toll among SDF fighters rose
    to 9" names the victims' side."""
    affiliation, perpetrators_named = None, []
    count_start = finding.number.start if finding.number is not None else finding.start
    for actor in _actors_in(ctx, finding.trigger_start, count_start):
        lead = ctx.norm[max(finding.trigger_start, actor.span.start - 30):actor.span.start]
        if _TOLL_PERPETRATOR_BEFORE.search(lead) or _TOLL_PERPETRATOR_AFTER.match(ctx.norm, actor.span.end) \
                or _ATTACK_MENTION.search(actor.span.text):
            if actor.name not in perpetrators_named:
                perpetrators_named.append(actor.name)
        elif affiliation is None:
            affiliation = actor.name
    return affiliation, perpetrators_named


def _places_by_sentence(ctx: DocContext) -> dict[int, list[str]]:
    """Place ids per sentence index, built once per document (a scan per count was quadratic)."""
    cached = ctx.extra.get("casualties.places_by_sentence")
    if cached is None or cached[0] != len(ctx.places):
        index: dict[int, list[str]] = {}
        for p in ctx.places:
            index.setdefault(ctx.sentence_index(p.span.start), []).append(p.id)
        cached = ctx.extra["casualties.places_by_sentence"] = (len(ctx.places), index)
    return cached[1]


_LETTERS: Final = re.compile(r"[A-Za-z]+")


#: "Three fighters were killed on each side": the count of one side of two, so twice as many dead
_EACH_SIDE: Final = re.compile(r"\s+(?:on|from)\s+(?:each|either)\s+side\b", re.I)


def to_casualty(ctx: DocContext, finding: Finding) -> Casualty:
    number = finding.number
    victim_end = finding.trigger_start if finding.start < finding.trigger_start else finding.end
    lead_perpetrators: list[str] = []
    if finding.rule == "casualties.toll" and number is not None:
        affiliation, lead_perpetrators = _toll_roles(ctx, finding)
        affiliation = affiliation or next((a.name for a in _actors_in(ctx, number.start, finding.end)), None)
    else:
        affiliation_actors = _actors_in(ctx, finding.start, victim_end)
        affiliation = affiliation_actors[0].name if affiliation_actors else None
    phrase = finding.victim_text
    group = next((GROUP_WORDS[w.lower()] for w in _LETTERS.findall(phrase) if w.lower() in GROUP_WORDS), None)
    nationality = NATIONALITY_RE.search(ctx.norm, finding.end, own_clause_end(ctx, finding)) \
        if ctx.may_match(NATIONALITY_RE) else None
    places = _places_by_sentence(ctx).get(ctx.sentence_index(finding.trigger_start), [])
    span_start, span_end = min(finding.start, finding.trigger_start), max(finding.end, finding.trigger_end)
    count, low, high = finding.count, number.low if number else finding.count, number.high if number else finding.count
    rule, side_count = finding.rule, _EACH_SIDE.match(ctx.norm, span_end) if ctx.may_match(_EACH_SIDE) else None
    if side_count is not None and count is not None:  # (twice the count, its span over the words that say so)
        count, low, high = count * 2, low * 2 if low is not None else None, high * 2 if high is not None else None
        rule, span_end = rule + "+casualties.each_side", side_count.end()
    return Casualty(
        id=ctx.new_id("C"), outcome=finding.outcome or "killed", count=count, low=low, high=high,
        qualifier=(None if number is None or number.vague else number.qualifier),
        vague=number.vague if number else None,
        victims=_victims_named(ctx, finding, phrase) or ("combatants" if affiliation else None) or _losing_side(ctx, finding),
        victim_group=group, affiliation=affiliation,
        nationality=nationality.group("nat").capitalize() if nationality else None,
        perpetrator=lead_perpetrators + [name for name in perpetrators(ctx, finding, victim_end, affiliation)
                                         if name not in lead_perpetrators],
        cause=cause_of(ctx, finding),
        place_ids=places, span=ctx.span(span_start, span_end), rule=rule, confidence=finding.confidence,
    )


def _victims_named(ctx: DocContext, finding: Finding, phrase: str) -> str | None:
    """Who the victims are; a "member" is told by the body after "of" that the victim's phrase leaves out ("shot
    dead a member of the local civil council": civilians; "of the Manbij Military Council" stays its affiliation's)."""
    victims = victims_of(phrase)
    if victims is None and phrase.rstrip().lower().endswith(("member", "members")) and finding.end > finding.start:
        return victims_of(ctx.norm[finding.start:finding.end])
    if victims is None and "couple" in phrase.lower() and not _COUPLE_OF.search(ctx.norm, finding.start, finding.end):
        return "civilians"  # a couple is kin, as a husband or wife is ("shot dead a couple and their two sons"), unless a quantity
    if victims is None and not phrase.strip() and finding.number is not None and finding.start > finding.trigger_start:
        # (a count's people after "of", which its phrase leaves out: "killing 47 of the terrorists")
        partitive = _OF_THE_PEOPLE.match(ctx.norm, finding.number.end)
        return victims_of(partitive.group(1)) if partitive else None
    return victims


#: "a couple of soldiers": a quantity, not a married pair
_COUPLE_OF: Final = re.compile(r"\bcouples?\s+of\b", re.I)
#: "… 47 of the terrorists": the people a number is a part of
_OF_THE_PEOPLE: Final = re.compile(r"\s+of\s+(?:the|these|those)\s+((?:[\w'-]+\s+){0,2}?[\w'-]+)(?=\s*(?:[,.;]|$)|\s+(?:in|on|at|near|who|and)\b)",
                                   re.I)


#: the words of a clause that leave its subject to the sentence's ("…, but lost seven of their own men")
_ELIDED_SUBJECT: Final = re.compile(r"\s*(?:(?:and|but|yet|while|though)\s+)*(?:also\s+|later\s+|themselves\s+)?$", re.I)


def _losing_side(ctx: DocContext, finding: Finding) -> str | None:
    """Who "lost N of their own (men)" are: the side the clause's subject names ("the militants lost seven of
    their own"), or the sentence's when the clause leaves it out ("Boko Haram fighters attacked the base …, but
    lost seven of their own men": combatants; "villagers … lost three of their own": civilians)."""
    if not OWN_LOSS.match(ctx.norm, finding.trigger_start) or finding.number is None or \
            not _OF_THEIR_OWN_PEOPLE.match(ctx.norm, finding.number.end):
        return None
    sentence_start = ctx.sentence_at(finding.trigger_start)[0]
    clause_start = _clause_bounds(ctx, finding.trigger_start)[0]
    subject = ctx.norm[clause_start:finding.trigger_start]
    if _ELIDED_SUBJECT.fullmatch(subject):
        subject = " ".join(ctx.norm[sentence_start:finding.trigger_start].split()[:6])
    return victims_of(subject)


_OF_THEIR_OWN_PEOPLE: Final = re.compile(r"\s*of\s+(?:its|their|our)\s+own\b", re.I)
#: a side's word on its own dead: "said it lost three soldiers", "said two of its fighters died"
_LOST_BY_ITSELF: Final = re.compile(r"\b(?:it|they|we)\s+(?:had\s+|has\s+|have\s+)?$", re.I)
_OF_ITS_OWN: Final = re.compile(r"\s*\bof\s+(?:its|their|our)\s+(?:own\s+)?(?:[\w-]+\s+)?(?:soldiers|fighters|members|men|troops|"
                                r"personnel|militants|combatants|policemen|officers)\b", re.I)


def own_loss(ctx: DocContext, finding: Finding) -> bool:
    """Whether a count is a side's word on its own dead (two such counts in one sentence are both sides' losses,
    not two figures of the same dead)."""
    if OWN_LOSS.match(ctx.norm, finding.trigger_start):  # (the party-claim rule's word for a side's own losses)
        return _LOST_BY_ITSELF.search(ctx.norm, max(0, finding.trigger_start - 16), finding.trigger_start) is not None
    return finding.number is not None and _OF_ITS_OWN.match(ctx.norm, finding.number.end) is not None
