"""Events: one per incident, assembled from the mentions earlier components found.

How a document becomes events:

1. *Clauses.* Sentences are the units; a long run-on sentence (monitors'
   bulletins chain several incidents with "and", "while", ";") is cut further at
   clause boundaries.
2. *Candidates.* A clause whose own text triggers an event-type rule
   (:mod:`marsad.extract.event_types`) may state an incident.
3. *Incidents.* A candidate starts a new event when it brings its own anchor
   (a date or a place the current event does not have) or, inside a run-on
   sentence, a different kind of event; otherwise it elaborates the current one
   ("Police dispersed the protesters" after "Residents protested").
4. *Assembly.* Each event takes its date, places, actors and casualty counts
   from its block of text (from its first clause to the next event); the
   event type is decided on that block with the first clause as the lead.

Events are ordered by salience: the order in which the report states them, so
the first is the main event (reports lead with it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from marsad.config import environment_value
from marsad.counting import adds_to_total
from marsad.extract.actors import acled_actor_name, actor_entry
from marsad.extract.casefold import WindowScan, for_spans, last_word_ends
from marsad.extract.dates import PERIOD_RULES, POSSESSIVE, is_reporting_day
from marsad.extract.event_ledger import claim_verdicts, incident_first, reacts_to, settle_groups
from marsad.extract.event_places import BACK_REFERENCE, country_name, locate_event, precision
from marsad.extract.event_types import PASSAGE_RULE, STATED, DocumentParts, EventTyping, classify_event, tells_how
from marsad.extract.ledger import ELSEWHERE_WORDS
from marsad.extract.located_parts import split_located_parts
from marsad.extract.pipeline import DocContext, register
from marsad.extract.spans import fact_span, starting_within, stated_span
from marsad.model import ActorMention, DateValue, Event, PlaceMention

VERSION: Final = "30"
RULE: Final = "events.assembly"

#: Sentences longer than this are bulletin run-ons: split them into clauses.
RUN_ON_LENGTH: Final = 300
_CLAUSE_BREAK: Final = re.compile(
    r";\s+|,\s+(?=(?:and\s+)?(?:while|where|whereas|after|since|thus|meanwhile|in addition|in conjunction|"
    r"as well as|the (?:Syrian Observatory|SOHR)|the organization also|it also|which)\b)|"
    r"\s+and\s+(?=(?:in|on|the SOHR|the Syrian Observatory|in conjunction)\s)",
    re.I,
)
_ACTION_VERB: Final = r"\b(?:killed|struck|hit|shelled|bombed|attacked)\b"
#: (a clause that has its own action before "and": not "the UPDF and FARDC soldiers shelled …")
_ACTION_BEFORE: Final = re.compile(_ACTION_VERB + r"|\bkilling\b", re.I)
_INCIDENT_BREAK: Final = re.compile(r";\s+|,\s+(?=(?:while|meanwhile|whereas)\s)|"
                             # "… in X on Sunday and regime shelling killed a child in Y on Monday": a subject of its own
                             r"\s+and\s+(?=(?:(?!(?:and|or)\b)[\w'-]+\s+){1,3}?" + _ACTION_VERB + ")", re.I)
#: the word each break's last branch turns on: "\s+and\s+"
_AND: Final = frozenset(["and"])
_CONSEQUENCE: Final = re.compile(r"\W*(?:and\s+)?(?:which|killing|causing|resulting|leaving|wounding|injuring|as a result)\b", re.I)
#: "Police said …" (the report's source), "the Houthi-controlled district" (a place's description): no party.
_SOURCE_AFTER: Final = re.compile(r"\s+(?:said|says|told|reported|announced|stated|confirmed)\b|-(?:controlled|held|run)\b", re.I)
# (an ally named after "backed by" / "supported by" is not who acted: "troops backed by clan militia retook …";
# nor the holder of a place: "forces liberated the last district held by IS militants")
_AGENT_BEFORE: Final = re.compile(r"(?<!backed )(?<!supported )(?<!assisted )(?<!aided )(?<!accompanied )(?<!held )(?<!controlled )(?<!occupied )\b(?:by|from)\s+(?:the\s+)?$", re.I)
_TAKEN_FROM: Final = re.compile(
    r"\b(?:took|taken|retook|retaken|captured|recaptured|seized|wrested|regained|won|liberated|reclaimed|back|"
    r"(?:re)?takes?|(?:re)?captures?|seizes?|wrests?|regains?|wins?|liberates?|reclaims?)"  # (a headline's present)
    r"(?:\s+[\w'-]+){0,6},?\s+from\s+(?:the\s+)?$", re.I)
_OBJECT_BEFORE: Final = re.compile(
    r"\b(?:against|targeting|targeted|on|at|with|to|towards|between|killing|killed|wounding|injuring|"
    r"(?:backed|supported|assisted|aided|accompanied) by|"
    r"(?:enclave|areas?|territory|territories|control|positions?|countryside|region|city|town|villages?|"
    r"headquarters|bases?|families|relatives|supporters|victims?|members|fighters|elements|personnel|soldiers|ranks|"
    r"checkpoints?|vehicles?|convoys?|patrols?|cells|commanders?|leaders?)\s+of)\s+(?:the\s+)?(?:last\s+|former\s+)?$",
    re.I,
)
#: How a match of each pattern :func:`_before` searches ends: the last word's endings, and the optional
#: words that may follow it, last first (``casefold.last_word_ends``).
_LAST_WORDS: Final[dict[str, tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]]] = {
    _AGENT_BEFORE.pattern: (("by", "from"), (("the",),)),
    _TAKEN_FROM.pattern: (("from",), (("the",),)),
    _OBJECT_BEFORE.pattern: (("against", "targeting", "targeted", "on", "at", "with", "to", "towards", "between",
                              "killing", "killed", "wounding", "injuring", "by", "of"), (("last", "former"), ("the",))),
}
#: a verb after a country that opens a clause ("Ukraine retakes …", "Russia launched …"), not "Syria's" or "Syria, where"
_VERB_AFTER: Final = re.compile(r"\s+(?:[a-z]+(?:s|ed)|took|hit|struck|shot|seized|won|lost)\b")
#: a sentence that opens on another incident ("Meanwhile, …", "Separately, …", "In another attack, …")
_ANOTHER_INCIDENT: Final = re.compile(r"\s*(?:meanwhile|" + ELSEWHERE_WORDS + r")\b", re.I)
_KILLED: Final = {"killed", "executed"}
_FAMILY_ACTOR: Final = {"Protests": "Protesters", "Riots": "Rioters"}
_VAC: Final = "Violence against civilians"
_VIOLENT: Final = {"Battles", "Explosions/Remote violence", _VAC}


# Their own __init__ (as EventTyping's): compiled, where a dataclass's generated one is interpreted
# (each clause and each event makes one).
@dataclass(init=False)
class _Clause:
    start: int
    end: int
    run_on: bool
    typing: EventTyping | None

    def __init__(self, start: int, end: int, run_on: bool, typing: EventTyping | None = None) -> None:
        self.start, self.end, self.run_on, self.typing = start, end, run_on, typing


@dataclass(init=False)
class _Group:
    clauses: list[_Clause]
    end: int  # end of the block of text the event owns
    count_from: int | None  # the first event also counts what the report states before it
    typed_until: int | None  # the incident's own telling ends here; merged restatements follow

    def __init__(self, clauses: list[_Clause], end: int = 0, count_from: int | None = None,
                 typed_until: int | None = None) -> None:
        self.clauses, self.end, self.count_from, self.typed_until = clauses, end, count_from, typed_until

    @property
    def start(self) -> int:
        return self.clauses[0].start


def clauses_of(ctx: DocContext) -> list[_Clause]:
    """Sentences, with long run-on sentences cut at clause boundaries."""
    out: list[_Clause] = []
    starts = _break_starts(ctx)
    incident = None if starts is None else WindowScan(_INCIDENT_BREAK, starts, ctx.norm, ctx.folded())
    clause = None if starts is None else WindowScan(_CLAUSE_BREAK, starts, ctx.norm, ctx.folded())
    for start, end in ctx.sentences:
        if end - start <= RUN_ON_LENGTH:
            # Even a short sentence may join two incidents: "…, while clashes broke out in Y".
            cut = start
            for match in _breaks(ctx, _INCIDENT_BREAK, incident, start, end):
                if match.start() - cut >= 25 and end - match.end() >= 25 and \
                        (match.group().strip()[:1] in (";", ",") or _ACTION_BEFORE.search(ctx.norm, cut, match.start())):
                    out.append(_Clause(cut, match.start(), False))
                    cut = match.end()
            out.append(_Clause(cut, end, False))
            continue
        cut = start
        for match in _breaks(ctx, _CLAUSE_BREAK, clause, start, end):
            if match.start() - cut >= 25:
                out.append(_Clause(cut, match.start(), True))
                cut = match.end()
        out.append(_Clause(cut, end, True))
    return out


def _breaks(ctx: DocContext, pattern: re.Pattern, scan: WindowScan | None, start: int, end: int) -> Iterator[re.Match]:
    """``pattern.finditer(ctx.norm, start, end)``, from ``scan`` (on :func:`_break_starts`) when there is one."""
    return pattern.finditer(ctx.norm, start, end) if scan is None else scan.finditer(start, end)


def _break_starts(ctx: DocContext) -> list[int] | None:
    """Where a match of :data:`_INCIDENT_BREAK` or :data:`_CLAUSE_BREAK` can begin, in order: at a ";"
    or a ",", or in the spaces before the word "and" (the words of the lower-cased text,
    :class:`~marsad.extract.casefold.WordIndex`), so that a sentence's breaks are looked for there
    only (:class:`~marsad.extract.casefold.WindowScan`), not by trying the pattern's branches at
    each of its characters. None where the lower-cased text is not in use (then scan)."""
    index = ctx.word_index()
    if index is None:
        return None
    norm = ctx.norm
    starts: list[int] = []
    for mark in (";", ","):
        at = norm.find(mark)
        while at != -1:
            starts.append(at)
            at = norm.find(mark, at + 1)
    for word in index.starts(_AND):
        space = word
        while space > 0 and norm[space - 1].isspace():  # (what \s matches)
            space -= 1
        starts.extend(range(space, word))
    starts.sort()
    return starts


def _inside(start: int, end: int, items, span_of=fact_span):
    """The items whose span starts in ``[start, end)``, in list order (a bisect, not a scan)."""
    return starting_within(items, start, end, span_of)


def _group_clauses(ctx: DocContext, clauses: list[_Clause], model) -> list[_Group]:
    groups: list[_Group] = []
    norm, known = ctx.norm, _known(ctx) if clauses else None
    for clause in clauses:
        sentence = ctx.sentence_at(clause.start)
        typing = classify_event(norm[clause.start : clause.end], lead_end=clause.end - clause.start,
                                context=norm[sentence[0] : sentence[1]], doc=norm, offset=clause.start,
                                known=known, stated_only=True)
        if typing.confidence < STATED:
            continue
        clause.typing = typing
        if not groups or _starts_new_event(ctx, groups[-1], clause):
            groups.append(_Group([clause]))
        else:
            groups[-1].clauses.append(clause)
    _adopt_opening(ctx, clauses, groups)
    for index, group in enumerate(groups):
        group.end = groups[index + 1].start if index + 1 < len(groups) else len(ctx.text)
    return groups


def _known(ctx: DocContext) -> DocumentParts:
    """What the earlier components found in the document that its trigger scan reads too."""
    known = ctx.extra.get("events.known")
    if known is None:
        folded: str | None = ctx.folded()
        known = ctx.extra["events.known"] = DocumentParts(folded, None, None) if folded is None else DocumentParts(
            folded, ctx.word_led_starts(), ctx.word_index())
    return known


#: an opening that tells the dead mourned or buried, not their incident
_MOURNED: Final = re.compile(r"\b(?:funerals?|coffins?|buried|burials?|mourners?|mourn(?:ed|ing)|laid\s+to\s+rest|"
                             r"condolences?|vigils?)\b", re.I)


#: ctx.extra's key: the mourning opening _adopt_opening passed over
_MOURNED_OPENING: Final = "events.mourned_opening"


def _adopt_opening(ctx: DocContext, clauses: list[_Clause], groups: list[_Group]) -> None:
    """"On 22 February, forces fired 120mm at positions near X. … were targeted.":
    an opening clause with a date and an actor or place states the incident even
    when its wording fires no rule; it leads the first event."""
    if not groups:
        return
    counted = [c for c in ctx.casualties if c.span is not None]
    for clause in clauses:
        if clause.start >= groups[0].start:
            return
        tolls = _inside(clause.start, clause.end, counted)
        if tolls and all(c.is_tally for c in tolls) and any(
                not c.is_tally for first in groups[0].clauses for c in _inside(first.start, first.end, counted)):
            return  # "SOHR documented the death of 5 people across Syria today": a day's sum leads no incident of its own
        if _MOURNED.search(ctx.norm, clause.start, clause.end):
            ctx.extra[_MOURNED_OPENING] = (clause.start, clause.end)  # (it still places the incident)
            continue  # "Mourners buried a mother and her son in Ariha on Tuesday. The two were killed on Monday …":
            # the day they were mourned dates no incident
        placed = _inside(clause.start, clause.end, ctx.actors) or _inside(clause.start, clause.end, ctx.places)
        if placed and any(not c.is_tally for c in tolls) and _opens_another_incident(ctx, groups[0].clauses[0]):
            groups.insert(0, _Group([clause]))  # "… the homicide of four people in Culiacan on Sunday. Separately,
            return  # … the bodies of two men were found … in Navolato": its dead, its own incident, dated or not
        if placed and _inside(clause.start, clause.end, ctx.dates):
            groups[0].clauses.insert(0, clause)
            return


def _starts_new_event(ctx: DocContext, current: _Group, clause: _Clause) -> bool:
    last = current.clauses[-1]
    dates = _inside(clause.start, clause.end, ctx.dates)
    known_dates = {(d.start, d.end) for c in current.clauses for d in _inside(c.start, c.end, ctx.dates)}
    if any((d.start, d.end) not in known_dates for d in dates):
        return True
    if ctx.sentence_at(clause.start)[0] == clause.start and BACK_REFERENCE.match(ctx.norm, clause.start):
        return False  # "The attack killed five …" opening a sentence: the incident just told, whatever it names
    # Only a place the gazetteer knows anchors a new incident in ordinary prose
    # (an unresolved capitalised word is too weak a signal); in a bulletin's
    # run-on sentence every named place does.
    places = {_place_key(p) for p in _inside(clause.start, clause.end, ctx.places) if p.resolved or clause.run_on}
    known = {_place_key(p) for c in current.clauses for p in _inside(c.start, c.end, ctx.places)}
    if places - known and known:
        # (where someone came from is no scene: "The two attackers, from the Hebron area, were shot dead")
        places = _scenes_named(ctx, clause, places)
        if places - known:
            return True
    if _own_toll_elsewhere(ctx, current, clause, known) or _headed_item(ctx, current, clause):
        return True
    if _opens_another_incident(ctx, clause):
        return True  # "Meanwhile, 2 soldiers were killed by sniper fire on the frontlines": its own dead, its own incident
    if _CONSEQUENCE.match(ctx.norm, clause.start):
        return False
    if _opening_passed_over(ctx, current, clause):
        return True
    same_sentence = ctx.sentence_index(clause.start) == ctx.sentence_index(last.start)
    assert clause.typing is not None and last.typing is not None  # every clause is typed when grouped
    differs = clause.typing.event_type != last.typing.event_type
    if differs and (clause.run_on or not same_sentence) and (places - known or clause.run_on):
        return True
    return False


def _opens_another_incident(ctx: DocContext, clause: _Clause) -> bool:
    """A sentence that opens on "Meanwhile", "Separately" … and states its own dead."""
    return ctx.sentence_at(clause.start)[0] == clause.start and _ANOTHER_INCIDENT.match(ctx.norm, clause.start) \
        is not None and bool(_inside(clause.start, clause.end, _stated_tolls(ctx)))


#: what an opening sentence may tell before the incident: a development, not violence
_SCENE_SETTING: Final = frozenset({"Change to group/activity", "Other"})


def _opening_passed_over(ctx: DocContext, current: _Group, clause: _Clause) -> bool:
    """A lone opening sentence that sets the scene ("Women in the camps say they fear leaving") or reacts to
    violence ("Traders demanded better security a day after the latest attack") does not take in the violent
    incident the next sentence tells: that is an event of its own (the ledger then drops a reaction, and
    :func:`incident_first` puts the incident ahead of a scene)."""
    lead = current.clauses[0]
    if len(current.clauses) != 1 or lead.typing is None or clause.typing is None or \
            ctx.sentence_index(lead.start) != 0 or ctx.sentence_index(clause.start) == 0:
        return False
    if clause.typing.event_type not in _VIOLENT or clause.typing.event_type == lead.typing.event_type:
        return False
    # (an opening with a date or counts of its own tells its own happening, and a note's label types the whole note)
    if _inside(lead.start, lead.end, ctx.dates) or _inside(lead.start, lead.end, ctx.casualties) or \
            lead.typing.rule.endswith(".label"):
        return False
    return lead.typing.sub_event_type in _SCENE_SETTING or reacts_to(ctx, lead)


def _scenes_named(ctx: DocContext, clause: _Clause, keys: set[str]) -> set[str]:
    """Of the places' ``keys`` the clause names, those not named only as where someone came from."""
    from marsad.extract.main_place import not_origins

    named = [p for p in _inside(clause.start, clause.end, ctx.places) if _place_key(p) in keys]
    return {_place_key(p) for p in not_origins(named, ctx.norm)}


def _own_toll_elsewhere(ctx: DocContext, current: _Group, clause: _Clause, known: set[str]) -> bool:
    """A new sentence that states its own death toll at a place the current event
    does not name is another incident, even when the gazetteer does not know the
    place ("The toll of the strike on X rose to 5. The toll of the attack on Y
    rose to 2."): two counts at two places are not one event's elaboration."""
    if ctx.sentence_index(clause.start) == ctx.sentence_index(current.clauses[-1].start) or not known:
        return False
    places = {_place_key(p) for p in _inside(clause.start, clause.end, ctx.places)}
    if not places or places & known or not _scenes_named(ctx, clause, places):
        return False
    stated = _stated_tolls(ctx)
    ours = _inside(clause.start, clause.end, stated)
    return bool(ours) and any(_inside(k.start, k.end, stated) for k in current.clauses)


def _headed_item(ctx: DocContext, current: _Group, clause: _Clause) -> bool:
    """A bulletin's item headed by its place ("Lubero: a taxi driver shot dead …") with a toll of its own, after
    an item with a toll of its own: another incident, even where the item before named that place too
    ("Butembo-Lubero road: two soldiers killed …"; the new-place test above then sees nothing new)."""
    colon = ctx.norm.find(":", clause.start, min(clause.end, clause.start + 40))
    if colon == -1 or ctx.sentence_at(clause.start)[0] != clause.start:
        return False
    heading = _inside(clause.start, colon, ctx.places)
    if not heading or fact_span(heading[0]).start != clause.start or fact_span(heading[-1]).end != colon:
        return False
    tolls = _stated_tolls(ctx)
    return bool(_inside(colon, clause.end, tolls)) and any(_inside(c.start, c.end, tolls) for c in current.clauses)


def _stated_tolls(ctx: DocContext) -> list:
    """Death tolls stated in the text; computed once per document (one list, so its index is reused)."""
    cached = ctx.extra.get("events.stated")
    if cached is None or cached[0] != len(ctx.casualties):
        stated = [c for c in ctx.casualties if c.span is not None and c.part_of is None and c.outcome in _KILLED]
        cached = ctx.extra["events.stated"] = (len(ctx.casualties), stated)
    return cached[1]


def _place_key(place: PlaceMention) -> str:
    return (place.name or place.text).lower()


def _widest(dates: list[DateValue], first: bool = True) -> DateValue:
    """The first (or last) date mention; of overlapping mentions ("since the 10th
    of September" around "the 10th of September") the one that covers most text."""
    span = stated_span(dates[0] if first else dates[-1])
    overlapping = [(d, stated_span(d)) for d in dates]
    overlapping = [(d, s) for d, s in overlapping if s.start < span.end and span.start < s.end]
    return max(overlapping, key=lambda pair: pair[1].end - pair[1].start)[0]


def _incident_days(ctx: DocContext, dates: list[DateValue]) -> list[DateValue]:
    """Dates that may be the incident's: not the day a statement was made ("the
    health office said on Tuesday that 13 people were killed in the wedding
    strike" tells of Saturday's strike): without another date the incident's day
    is not stated, and the report's publication dates it, as an undated one."""
    # (asked per group of every date of the document: the answer, which reads only the mention's span, is kept
    # by that span for the document; a long one-line text has hundreds of groups and dates)
    known: dict[tuple[int, int], bool] = ctx.extra.setdefault(_REPORTING_DAYS, {})
    kept = []
    for date in dates:
        if date.span is None:
            kept.append(date)
            continue
        where = (date.span.start, date.span.end)
        reporting = known.get(where)
        if reporting is None:
            reporting = known[where] = is_reporting_day(ctx.norm, date)
        if not reporting:
            kept.append(date)
    return kept


#: ctx.extra's key for :func:`_incident_days`' answers
_REPORTING_DAYS: Final = "events.reporting_days"


#: the words from a count to the day of the incident it names: "… killed| in last Monday's| attack"
_KILLED_IN_POSSESSIVE: Final = re.compile(r"\s+(?:in|during|from|of)\s+(?:the\s+)?(?:last\s+)?\w+['’]s\b", re.I)


def _toll_day(ctx: DocContext, group: _Group) -> DateValue | None:
    """"Rescuers found another body on Thursday, bringing the death toll from
    Wednesday's strike to eight": a toll names its incident's day. So does any
    count whose own words hold a day's incident ("mourners on Monday buried the
    nine victims of last Thursday's strike": the nine died on Thursday)."""
    for casualty in _inside(group.start, group.end, ctx.casualties):
        if casualty.span is None or casualty.is_tally:
            continue
        # (and the incident its dead were killed in, right after the count: "raising to nine the number of
        # people killed in Monday's attack")
        after = _KILLED_IN_POSSESSIVE.match(ctx.norm, casualty.span.end)
        days = _incident_days(ctx, _inside(casualty.span.start, after.end() if after else casualty.span.end, ctx.dates))
        if casualty.rule != "casualties.toll":
            days = [d for d in days if POSSESSIVE.match(ctx.norm, stated_span(d).end)]
        if days:
            return _widest(days)
    return None




def _event_date(ctx: DocContext, group: _Group, trigger: int | None = None) -> DateValue | None:
    """A date opening the lead ("On 5 May, …"), else the lead's date nearest the
    event's trigger, else the first in the event's block, else the last earlier
    in the sentence."""
    toll = _toll_day(ctx, group)
    if toll is not None:
        return toll
    lead = group.clauses[0]
    found = _incident_days(ctx, _inside(lead.start, lead.end, ctx.dates))
    named = [d for d in found if trigger is not None and POSSESSIVE.match(ctx.norm, stated_span(d).end)
             and 0 <= trigger - stated_span(d).end <= 30]
    if named:  # "mourned on Tuesday the victims of Saturday's missile strike": the strike is Saturday's
        return named[-1]
    if found:
        opening = _widest(found)
        if trigger is None or stated_span(opening).start - lead.start < 40:
            return opening
        nearest = min(found, key=lambda d: min(abs(stated_span(d).start - trigger), abs(stated_span(d).end - trigger)))
        return _widest([d for d in found if stated_span(d).start >= stated_span(nearest).start] or [nearest])
    for start, end in ((group.start, group.end),):
        # (past the lead, a period a claim states is no incident's day: "… since the start of the month")
        found = [d for d in _incident_days(ctx, _inside(start, end, ctx.dates)) if not d.rule.startswith(PERIOD_RULES)]
        if found:
            return _widest(found)
    sentence_start, _ = ctx.sentence_at(group.start)
    before = _inside(sentence_start, group.start, ctx.dates)
    if before:
        return _widest(before, first=False)
    # "… on Sunday, killing three civilians. In the Kabani area, a sniper shot dead a soldier": an incident
    # told without a day in a paragraph that dated the one before is of that day (a bulletin's day), not
    # of the day the report came out ("Saturday's attack" dates another incident, not this one)
    paragraph_start = ctx.norm.rfind("\n", 0, group.start) + 1
    earlier = [d for d in _incident_days(ctx, _inside(paragraph_start, sentence_start, ctx.dates))
               if d.precision == 1 and not POSSESSIVE.match(ctx.norm, stated_span(d).end)]
    return earlier[-1] if earlier else None


def _actors(ctx: DocContext, group: _Group, typing: EventTyping, country: str | None,
            trigger: int | None = None) -> tuple[str | None, str | None]:
    lead = group.clauses[0]
    mentions = _inside(lead.start, lead.end, ctx.actors)
    if mentions:
        actor1 = _initiator(ctx, mentions, trigger)
    else:
        # Nobody named in the lead: later mentions are victims unless one is an agent ("by X").
        mentions = _inside(group.start, group.end, ctx.actors)
        actor1 = next((m for m in mentions if _is_agent(ctx, m)), None)
    family_actor = _FAMILY_ACTOR.get(typing.event_type)
    name1: str | None
    if family_actor and (actor1 is None or typing.event_type == "Protests" or _is_class(actor1.name)):
        name1 = family_actor
    else:
        name1 = actor1.name if actor1 else None
    name2 = None
    for mention in mentions:
        if _SOURCE_AFTER.match(ctx.norm, mention.span.end):
            continue
        if mention is not actor1 and mention.name not in (name1, family_actor):
            name2 = mention.name
            break
    if name2 is None and typing.event_type == _VAC:
        name2 = "Civilians"
    return _with_country(name1, country), _with_country(name2, country)


_BETWEEN_BEFORE: Final = re.compile(r"\bbetween\s+(?:the\s+)?$")


def _initiator(ctx: DocContext, mentions: list[ActorMention], trigger: int | None = None) -> ActorMention | None:
    """The actor who acted: an agent ("by X"), else the subject (an actor before
    the event's trigger that is not the object of a preposition), else the first
    side of "between X and Y"."""
    for mention in mentions:
        if _is_agent(ctx, mention):
            return mention
    for mention in mentions:
        if mention.name == "Civilians" or (trigger is not None and mention.span.start >= trigger):
            continue
        if _SOURCE_AFTER.match(ctx.norm, mention.span.end):
            continue  # "Police said gunmen killed …": the source of the report, not the initiator
        if not _before(ctx, _OBJECT_BEFORE, mention.span.start, 16) and not _before(ctx, _TAKEN_FROM, mention.span.start, 80):
            return mention  # (not who lost the ground: "… says it recaptured Wad Madani from RSF")
    for mention in mentions:
        if _BETWEEN_BEFORE.search(ctx.norm[max(0, mention.span.start - 12) : mention.span.start]):
            return mention
    for mention in mentions:
        if mention.name != "Civilians" and not _before(ctx, _OBJECT_BEFORE, mention.span.start, 40):
            return mention
    return None


def _is_agent(ctx: DocContext, mention: ActorMention) -> bool:
    if not _before(ctx, _AGENT_BEFORE, mention.span.start, 12):
        return False
    # the side ground was taken from lost it ("retook the town of X from al-Shabaab")
    return not _before(ctx, _TAKEN_FROM, mention.span.start, 80)


def _before(ctx: DocContext, pattern: re.Pattern, end: int, reach: int) -> bool:
    """Whether ``pattern.search(ctx.norm, max(0, end - reach), end)`` finds a match: on the
    lower-cased text where that finds the same (:mod:`marsad.extract.casefold`; a ``re.I``
    alternation is tried a letter at a time there, each alternative skipped on its first).
    Not searched where the last words cannot end a match (:data:`_LAST_WORDS`): the
    ``$``-anchored search tries every offset, mostly to find nothing. Each answer is kept for
    the document (the initiator of an event's lead is looked for twice: its state, its name)."""
    known: dict[tuple[str, int, int], bool] | None = ctx.extra.get("events.before")
    if known is None:
        known = ctx.extra["events.before"] = {}
    key = (pattern.pattern, end, reach)
    found = known.get(key)
    if found is None:
        found = known[key] = _searched_before(ctx, pattern, end, reach)
    return found


def _searched_before(ctx: DocContext, pattern: re.Pattern, end: int, reach: int) -> bool:
    start, folded = max(0, end - reach), ctx.folded()
    if folded is not None:
        endings, optional = _LAST_WORDS[pattern.pattern]
        window = folded[start:end]
        # (not a starred call: compiled, that goes through Python)
        ends = last_word_ends(window, endings, optional[0]) if len(optional) == 1 else last_word_ends(
            window, endings, optional[0], optional[1])
        if not ends:
            return False
    scanned, text = for_spans(pattern, ctx.norm, folded)
    return scanned.search(text, start, end) is not None


def _is_class(name: str) -> bool:
    entry = actor_entry(name)
    return entry is not None and entry.is_class


def _with_country(name: str | None, country: str | None) -> str | None:
    if name is None or not _is_class(name):
        return name
    return acled_actor_name(name, country)


def _counts(ctx: DocContext, group: _Group) -> tuple[int, int, list[str]]:
    fatalities = injured = 0
    ids: list[str] = []
    claims = claim_verdicts(ctx)
    for casualty in _inside(group.count_from if group.count_from is not None else group.start, group.end,
                            ctx.casualties):
        if claims[casualty.id]:
            continue  # a claim never adds to an event
        ids.append(casualty.id)
        if not adds_to_total(casualty):  # marsad.counting: sub-counts, derived, restatements
            continue
        if casualty.outcome in _KILLED:
            fatalities += casualty.count
        elif casualty.outcome == "injured":
            injured += casualty.count
    return fatalities, injured, ids


def _victims(ctx: DocContext, group: _Group) -> str | None:
    """"armed" when the event's counts are all of combatants, "unarmed" when all of civilians."""
    kinds = {c.victims for c in _inside(group.start, group.end, ctx.casualties)
             if c.outcome in ("killed", "injured", "executed") and not c.part_of}
    kinds.discard(None)
    kinds.discard("unknown")
    if kinds == {"combatants"}:
        return "armed"
    if kinds == {"civilians"}:
        return "unarmed"
    return None


def _actor1_state(ctx: DocContext, group: _Group, country: str | None) -> bool | None:
    lead = group.clauses[0]
    actor = _initiator(ctx, _inside(lead.start, lead.end, ctx.actors))
    if actor is None:
        # a country as the subject ("Ukraine retakes village near Bakhmut"): its state's forces
        opening = lead.start
        while opening < lead.end and ctx.norm[opening].isspace():
            opening += 1
        return True if any(p.feature == "country" and p.span.start == opening and _VERB_AFTER.match(ctx.norm, p.span.end)
                           for p in _inside(lead.start, lead.end, ctx.places)) else None
    entry = actor_entry(actor.name)
    home = entry.country if entry else None
    if actor.inter != 1:
        return False
    return home is None or country is None or home == country


def build_event(ctx: DocContext, group: _Group, model=None) -> Event:
    named = _inside(group.clauses[0].start, group.clauses[0].end, ctx.places) or _inside(
        group.start, group.end, ctx.places)
    opening = ctx.extra.get(_MOURNED_OPENING)
    if not named and opening is not None and opening[1] <= group.start:
        named = _inside(opening[0], opening[1], ctx.places)  # "Mourners in Ariha buried … . The two were killed on Monday …"
    located = locate_event(ctx, named, (group.clauses[0].start, group.clauses[0].end), (group.start, group.end))
    place, coded_to, region, country = located.place, located.coded_to, located.region, located.country
    # Typed on its own telling: a toll or breakdown the ledger merged in later
    # ("... also executed 5 citizens") must not retype the incident.
    # An adopted opening ("Maarrat al-Numan, 10 March 2019.") dates and places the
    # incident; the clause that typed it ("Warplanes struck …") is still the lead.
    lead = next((c for c in group.clauses if c.typing is not None), group.clauses[0])
    told = _how_told(ctx, group, lead)
    typed_from = group.start if told is lead else told.start
    lead = told
    block = ctx.norm[typed_from : group.typed_until or group.end]
    lead_end = lead.end - typed_from
    sentence = ctx.sentence_at(group.start)
    typing = classify_event(block, lead_end=lead_end, actor1_state=_actor1_state(ctx, group, country),
                            context=ctx.norm[sentence[0] : max(sentence[1], group.end)],
                            victims=_victims(ctx, group), model=model, doc=ctx.norm, offset=typed_from,
                            known=_known(ctx))
    # (a rule that held on the whole passage stands: "Blast kills 5 in Quetta. A suicide bomber blew himself up …"
    # is the lead paragraph's suicide bomb, not the headline's explosion; only the default gives way)
    if typing.confidence < PASSAGE_RULE and group.clauses[0].typing is not None:
        typing = group.clauses[0].typing
    trigger = typed_from + typing.evidence[0] if typing.evidence else None
    when = _event_date(ctx, group, trigger)
    actor1, actor2 = _actors(ctx, group, typing, country, trigger)
    fatalities, injured, casualty_ids = _counts(ctx, group)
    typing = _not_against_itself(ctx, typing, actor1, actor2, casualty_ids)
    evidence = group.clauses[0]
    return Event(
        id=ctx.new_id("E"), event_type=typing.event_type, sub_event_type=typing.sub_event_type,
        event_date=(when.start if when.precision == 1 else when.end) if when else ctx.published, date=when,
        actor1=actor1, actor2=actor2, location=(place.name or place.text) if place else None,
        admin1=region.admin1 if region else None, admin2=coded_to.admin2 if coded_to else None, country=country,
        latitude=coded_to.latitude if coded_to else None, longitude=coded_to.longitude if coded_to else None,
        geo_precision=precision(place, coded_to), fatalities=fatalities, injured=injured,
        casualty_ids=casualty_ids, place_ids=[p.id for p in located.places], span=ctx.span(evidence.start, evidence.end),
        rule=f"{RULE}+{typing.rule}", confidence=typing.type_confidence,
    )


#: a sentence that opens on another time or incident
_SHIFT: Final = re.compile(r"(?:(?:\w+\s+)?(?:hours?|days?|minutes?|weeks?)\s+(?:later|earlier)|later|earlier|meanwhile|"
                           r"separately|elsewhere|also|in\s+(?:another|a\s+separate)|on\s+(?:another|the\s+same)|the\s+next)\b",
                           re.I)


def _how_told(ctx: DocContext, group: _Group, lead: _Clause) -> _Clause:
    """The lead, or the sentence right after a headline where that tells how the harm the headline states was done
    ("Four soldiers killed near Boni. An IED tore through their vehicle …": the IED); the event is then typed
    from that sentence on (a toll-only lead's rules would hold on the whole block first)."""
    at = group.clauses.index(lead) + 1
    # (a headline: the report's first sentence, undated; "On 19 March, ADF attacked … . ADF booby-trapped a body with
    # an IED" is a note whose dated first sentence tells the incident, the next a detail of it)
    # (and a headline is one phrase: "Armed men attacked a mine, killing 10 miners" is the incident told whole)
    if lead.typing is None or at >= len(group.clauses) or lead.start != ctx.sentences[0][0] \
            or _inside(lead.start, lead.end, ctx.dates) or "," in ctx.norm[lead.start:lead.end]:
        return lead
    then, evidence = group.clauses[at], lead.typing.evidence
    trigger = ctx.norm[lead.start + evidence[0] : lead.start + evidence[1]] if evidence else ""
    if then.typing is None or ctx.norm[lead.end : then.start].strip() or not tells_how(lead.typing, then.typing, trigger) \
            or _SHIFT.match(ctx.norm, then.start):  # ("Hours later, militants fired mortars …": another incident)
        return lead
    return then


def _not_against_itself(ctx: DocContext, typing: EventTyping, actor1: str | None, actor2: str | None,
                        casualty_ids: list[str]) -> EventTyping:
    """"regime forces executed 2 defected soldiers" is no battle of the army
    against itself: killing people in one's hands is violence against them."""
    if typing.event_type != "Battles" or actor1 is None or actor1 != actor2 and not _same_force(actor1, actor2):
        return typing
    if not any(c.outcome == "executed" for c in ctx.casualties if c.id in casualty_ids):
        return typing
    return replace(typing, event_type=_VAC, sub_event_type="Attack", rule=typing.rule + "+events.execution")


_PARENTHESES: Final = re.compile(r"\s*\(.*?\)")


def _same_force(actor1: str, actor2: str | None) -> bool:
    def base(name: str) -> str:
        entry = actor_entry(name)
        acled = entry.acled if entry is not None and entry.acled and "{country}" not in entry.acled else name
        return _PARENTHESES.sub("", acled).strip().lower()

    return actor2 is not None and base(actor1) == base(actor2)


def build_events(ctx: DocContext, model=None) -> list[Event]:
    """The document's events, the main one first."""
    groups = _group_clauses(ctx, clauses_of(ctx), model)
    if not groups and ctx.norm.strip() and (ctx.casualties or ctx.dates or ctx.places):
        whole = _Clause(0, len(ctx.text), False)
        groups = [_Group([whole], end=len(ctx.text))]
    groups = settle_groups(ctx, groups)
    events = [located for group in groups for located in split_located_parts(
        ctx, group.count_from if group.count_from is not None else group.start, group.end,
        build_event(ctx, group, model), country_name)]
    _fill_unnamed_initiators(ctx, events)
    events = incident_first(events)
    for rank, event in enumerate(events):
        event.salience = round(1.0 / (1 + rank), 4)
    return events


def _fill_unnamed_initiators(ctx: DocContext, events: list[Event]) -> None:
    """"… the Coalition's strikes targeted X, and in strikes targeted Y": a clause
    that names no initiator continues the previous one of the same kind in the
    same sentence. Violence with no initiator at all is, in ACLED's convention,
    by an unidentified armed group."""
    for previous, event in zip([None, *events], events):
        if event.actor1 is not None:
            continue
        if (previous is not None and previous.sub_event_type == event.sub_event_type
                and ctx.sentence_index(stated_span(previous).start) == ctx.sentence_index(stated_span(event).start)):
            event.actor1 = previous.actor1
        elif event.event_type in _VIOLENT:
            event.actor1 = _with_country("Unidentified gunmen", event.country)


@lru_cache(maxsize=4)
def _load_model(path: str):
    from marsad.extract.event_model import load_model

    return load_model(path)


_MODEL_OVERRIDE: dict[str, str | None] = {}


def use_event_model(path: str | os.PathLike | None) -> None:
    """Type events with the model at ``path`` (one ``marsad train`` wrote) from now
    on in this process; ``None`` goes back to the rules and the shipped model.
    Loads it at once so that a bad file fails here, with its name."""
    if path is not None:
        _load_model(str(path))
    _MODEL_OVERRIDE["path"] = None if path is None else str(path)


def configured_model():
    """The event-type model in use: :func:`use_event_model`, else the file named by
    ``MARSAD_EVENT_MODEL``, else the shipped fallback model (if built)."""
    path = _MODEL_OVERRIDE.get("path") or environment_value("MARSAD_EVENT_MODEL")  # (asked for every event)
    if path:
        return _load_model(path)
    return _SHIPPED


class _ShippedFallback:
    """The shipped model, loaded (with scikit-learn and word vectors) once per
    process, when the first event is typed; it weighs the rules' verdict itself."""

    def combine(self, text: str, typed: EventTyping, event_type_of: dict[str, str]) -> EventTyping:
        model = _shipped_model()
        return typed if model is None else model.combine(text, typed, event_type_of)


@lru_cache(maxsize=1)
def _shipped_model():
    from marsad.extract.event_model import load_model, shipped_model_path

    path = shipped_model_path()
    return load_model(path) if path.is_file() else None


_SHIPPED: Final = _ShippedFallback()


@register("events", version=VERSION)
def events_component(ctx: DocContext) -> None:
    ctx.events.extend(build_events(ctx, model=configured_model()))
