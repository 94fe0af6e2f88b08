"""Which clause groups are the document's events (the ledger's side of event assembly).

:mod:`marsad.extract.events` groups clauses into candidate incidents; here the
document ledger decides which of them are events, so that the sum of the
events' ``fatalities`` is the ledger's total (:func:`marsad.counting.total`)
and each incident is one event:

* a group whose counts are all claims (period or cumulative tolls, "documented
  the death of 312 people in February") is not an event: a claim is never an
  event; its text joins the previous event's block, where it adds nothing;
* a headline and the paragraph that tells the same incident ("Russian airstrikes
  kill 7 civilians in X" + the report) are one event: consecutive groups of the
  same event type, one of them without counts of its own, at no different place
  or date;
* groups whose counts the ledger tied together (a toll update and the figure it
  supersedes, a total and the places it breaks down into) are one event;
* counts stated before the first event belong to it;
* a telling with no counts that someone denies ("The army denied that civilians had been
  targeted in the town") is no event: it answers an incident reported elsewhere.
"""

from __future__ import annotations

import re
from typing import Final

from marsad.counting import is_claim
from marsad.extract.dates import is_reporting_day
from marsad.extract.pipeline import DocContext
from marsad.extract.spans import starting_within
from marsad.extract.unreported import UNREPORTED_TRIGGERS
from marsad.model import Event


def settle_groups(ctx: DocContext, groups: list) -> list:
    """Drop claim-only groups, merge duplicate tellings, give orphans a home."""
    facts = _Facts(ctx)
    kept, dropped_sentence = [], None
    if len(groups) > 1 and facts.reaction_lead(groups[0]) and any(facts.adds(later) for later in groups[1:]):
        groups = groups[1:]
    for group in groups:
        group.typed_until = group.end  # a dropped claim's text joins the block but not the typing
        if facts.claims_only(group) or facts.typed_by_unreported(group) or facts.denied(group):
            dropped_sentence = ctx.sentence_index(group.start)
        elif not (ctx.sentence_index(group.start) == dropped_sentence and not facts.block(group)
                  and not any(facts.anchors(group, skip_periods=True))):
            kept.append(group)  # a clause with no counts, date or place of its own continues the claim
    merged: list = []
    for group in kept:
        if merged and (_same_incident(facts, merged[-1], group) or _elaborates(facts, merged[-1], group)):
            merged[-1].clauses.extend(group.clauses)
            merged[-1].typed_until = group.typed_until
            continue
        merged.append(group)
    for index, group in enumerate(merged):
        group.end = merged[index + 1].start if index + 1 < len(merged) else len(ctx.text)
    if merged:
        merged[0].count_from = 0
    return merged


#: what a report may open with before the incident it tells ("Schools stayed closed on Tuesday …"): a development
_BACKGROUND_TYPES: Final = frozenset({"Change to group/activity", "Other"})
_VIOLENT_TYPES: Final = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def incident_first(events: list[Event]) -> list[Event]:
    """The main event first: an opening development with no dead ("Schools stayed closed and families left"), or a
    round-up's opening over a week or more, goes behind the first violent incident with victims that the report tells after it (its dead or wounded,
    or people raped or abducted: "Women in the camps fear leaving them. On Monday five women were raped …")."""
    lead = 0
    while lead < len(events) and (events[lead].sub_event_type in _BACKGROUND_TYPES or _overview(events[lead])) \
            and not events[lead].fatalities:
        lead += 1
    if 0 < lead < len(events) and _has_victims(events[lead]):
        return [events[lead], *events[:lead], *events[lead + 1:]]
    return events


def _overview(event: Event) -> bool:
    """A round-up's opening over a week or longer with no victims ("Last week in the Sahel, violence continued in
    central Mali"): what the report sums up, not its main incident."""
    return event.date is not None and event.date.precision >= 3 and not event.injured


def _has_victims(event: Event) -> bool:
    if event.event_type not in _VIOLENT_TYPES:
        return False
    return bool(event.fatalities or event.injured or event.sub_event_type in _VICTIM_TYPES)


#: violence whose victims its type names, with no count needed
_VICTIM_TYPES: Final = frozenset({"Sexual violence", "Abduction/forced disappearance"})


def claim_verdicts(ctx: DocContext) -> dict[str, bool]:
    """Whether each count of the document is a claim (:func:`marsad.counting.is_claim`),
    decided once per document for the ledger and for every event's counts."""
    cached = ctx.extra.get("event_ledger.claims")
    if cached is None or len(cached) != len(ctx.casualties):
        by_id = {c.id: c for c in ctx.casualties}
        cached = ctx.extra["event_ledger.claims"] = {
            c.id: is_claim(c, lambda fact: by_id.get(fact.part_of)) for c in ctx.casualties}
    return cached


#: "after another night of", "for a wave of", "a day after the deadliest": the incident as what someone reacts to
_REACTED_TO = re.compile(r"\b(?:after|following|for|over|amid)\s+(?:(?:an?|the|another|last|recent|latest|deadly|deadliest|"
                         r"night|nights|days?|weeks?|weekend|wave|series|spate|string|of|this|[\w-]+day['’]s)\s+){0,5}$", re.I)
_OF_INCIDENT = re.compile(r"\s+of\s+[^,.;]{0,40}|\s+(?:in|during|by)\s+(?:the|an?|[\w'’-]+['’]s)\s+(?:[\w'’-]+\s+){0,2}")


#: "denied that …", "rejected reports that …", "dismissed claims of …": what follows is another's account, denied
#: (a clause with a reason or a contrast may follow on its own: "denied involvement, but …" does not reach past it)
_DENIED = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+"
                     r"(?:(?:the\s+|those\s+)?(?:claims?|reports?|allegations?|accusations?|suggestions?)\s+(?:that|of)\b|that\b)"
                     r"[^.;]*$", re.I)
#: a piece of every _DENIED verb, lower-cased: a document without any of them denies nothing
_DENIED_PIECES: Final = ("deni", "deny", "reject", "dismiss", "refut")
#: "on the twelfth anniversary of the Houla massacre": the violence an anniversary marks, long past
_ANNIVERSARY_OF: Final = re.compile(r"\banniversary\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.I)


def reacts_to(ctx: DocContext, lead) -> bool:
    """Whether the report's opening clause ``lead`` types only what someone reacts to ("demanded better
    security a day after the latest attack"), whatever counts it holds."""
    if lead.typing is None or lead.typing.evidence is None or ctx.sentence_index(lead.start) != 0:
        return False
    trigger = lead.start + lead.typing.evidence[0]
    sentence_start = ctx.sentence_at(lead.start)[0]
    return _REACTED_TO.search(ctx.norm, max(sentence_start, trigger - 60), trigger) is not None


class _Facts:
    """The document's counts with their claim verdicts, asked once; what a
    span holds is found by bisection (a long bulletin has thousands of groups)."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.claim = claim_verdicts(ctx)
        self.claim_periods = self._claim_periods()
        # (a test of a few words once per document: most deny nothing, and _DENIED is then never searched)
        folded = ctx.folded() or ctx.norm.lower()
        self.denying = any(piece in folded for piece in _DENIED_PIECES)
        self.anniversary = "anniversar" in folded

    def block(self, group) -> list:
        return starting_within(self.ctx.casualties, group.start, group.end)

    def typed_by_unreported(self, group) -> bool:
        """A telling with no counts whose only violence is a killing the report gives as
        background ("funerals were held on Saturday for the 36 soldiers killed on Thursday", "on the anniversary
        of the Houla massacre")."""
        lead = group.clauses[0]
        if self.block(group) or lead.typing is None or lead.typing.evidence is None:
            return False
        trigger = lead.start + lead.typing.evidence[0]
        if self.anniversary and _ANNIVERSARY_OF.search(self.ctx.norm, max(self.ctx.sentence_at(lead.start)[0], trigger - 60),
                                                       trigger):
            return True  # ("marked the anniversary of the 2012 massacre": a commemoration, the massacre long past)
        # (or the incident the background dead are "of" or were killed in: "mourned the seven victims of Saturday's
        # missile strike", "the funeral of the three soldiers killed in the Tarmiyah bombing")
        return any(start <= trigger < end or (end <= trigger and _OF_INCIDENT.fullmatch(self.ctx.norm, end, trigger))
                   for start, end in self.ctx.extra.get(UNREPORTED_TRIGGERS, ()))

    def denied(self, group) -> bool:
        """A telling with no counts whose violence is the object of a denial ("The government denied that
        civilians had been targeted in X, saying the strike had hit extremists"): the incident is told by others,
        the denial adds no incident of its own (nor a day: it is dated by its publication)."""
        lead = group.clauses[0]
        if not self.denying or lead.typing is None or lead.typing.evidence is None or self.block(group):
            return False
        trigger = lead.start + lead.typing.evidence[0]
        sentence_start = self.ctx.sentence_at(lead.start)[0]
        return _DENIED.search(self.ctx.norm, max(sentence_start, trigger - 120), trigger) is not None

    def reaction_lead(self, group) -> bool:
        """A first telling with no counts whose violence is what someone reacts to ("renewed calls for air
        defences after another night of attacks on Odesa", "blamed the gang for a wave of attacks"): the
        incident is told after it."""
        return not self.block(group) and reacts_to(self.ctx, group.clauses[0])

    def claims_only(self, group) -> bool:
        counts = self.block(group)
        return bool(counts) and all(self.claim[c.id] for c in counts)

    def adds(self, group) -> bool:
        return any(c.count and not c.part_of and not c.derived and not c.alternative_of and not self.claim[c.id]
                   and c.outcome in ("killed", "executed", "injured") for c in self.block(group))

    def _claim_periods(self) -> set[int]:
        """Where the dates that bound a period start: a claim's period, and any
        "since the start of the operations on 10 September" (an open period is
        the scope of a running toll, never the day of an incident)."""
        periods = [c.period.span for c in self.ctx.casualties
                   if c.period is not None and c.period.span is not None and self.claim[c.id]]
        periods += [d.span for d in self.ctx.dates if d.span is not None and d.rule == "dates.since"]
        return {d.span.start for period in periods
                for d in starting_within(self.ctx.dates, period.start, period.end) if d.span.end <= period.end}

    def anchors(self, group, *, skip_periods: bool = False) -> tuple[set, set]:
        """The dates and places a group's clauses name; with ``skip_periods`` a
        date that only bounds a period anchors nothing."""
        dates: set[tuple] = set()
        places: set[str] = set()
        for clause in group.clauses:
            for d in starting_within(self.ctx.dates, clause.start, clause.end):
                if d.precision <= 2 and not (skip_periods and d.span.start in self.claim_periods) and \
                        not is_reporting_day(self.ctx.norm, d):
                    dates.add((d.start, d.end))
            # (a country tells no telling apart: "eight killed in western Mexico" and "the attack in Uruapan")
            places.update((p.name or p.text).lower() for p in starting_within(self.ctx.places, clause.start, clause.end)
                          if p.resolved and p.feature != "country")
        return dates, places


def _same_incident(facts: _Facts, first, second) -> bool:
    """The same incident told twice: same event type, one telling without counts
    of its own, no date or place that tells them apart."""
    first.end, second.end = second.start, _next_end(second)
    if _linked(facts, first, second):
        return True
    if first.clauses[0].typing is None or second.clauses[0].typing is None:
        return False
    if first.clauses[0].typing.event_type != second.clauses[0].typing.event_type:
        return False
    if facts.adds(first) and facts.adds(second):
        return False
    first_dates, first_places = facts.anchors(first)
    second_dates, second_places = facts.anchors(second)
    if first_dates and second_dates and not first_dates & second_dates:
        return False
    return not (first_places and second_places and not first_places & second_places)


def _linked(facts: _Facts, first, second) -> bool:
    """The ledger already tied their counts: a toll update and the figure it
    supersedes, a total and the places it breaks down into."""
    ours, theirs = facts.block(first), facts.block(second)
    our_ids, their_ids = {c.id for c in ours}, {c.id for c in theirs}
    return any(c.alternative_of in their_ids or c.part_of in their_ids for c in ours) or \
        any(c.alternative_of in our_ids or c.part_of in our_ids for c in theirs)


def _elaborates(facts: _Facts, previous, group) -> bool:
    """A clause of a run-on sentence with no count, date or place of its own
    ("as well as depending on …") elaborates the incident before it."""
    ctx = facts.ctx
    if ctx.sentence_index(group.start) != ctx.sentence_index(previous.clauses[-1].start):
        return False
    group.end = _next_end(group)
    return not facts.block(group) and not any(facts.anchors(group))


def _next_end(group) -> int:
    return group.end if group.end > group.start else group.clauses[-1].end
