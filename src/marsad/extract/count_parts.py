"""A count's parts told after it (beside the ledger, :mod:`marsad.extract.ledger`, which is near its size limit):

* "Twelve of the dead were men", "three soldiers were among those killed", "killed 41 of them": a share of the
  nearest earlier count large enough to hold it (an incident's, else a claim's);
* a claim's rest and a place's largest share ("the remaining 37 were killed by other parties"; "Idlib saw the
  highest toll, with 22 civilians killed"): the claim's people again, no incident of their own.
"""

from __future__ import annotations

import re
from typing import Final

from marsad.counting import KILLED, adds_to_total
from marsad.extract.casualties import Finding
from marsad.extract.listed_dead import make_part as _make_part
from marsad.extract.pipeline import DocContext
from marsad.extract.same_dead import number_span, sentence_gap
from marsad.model import Casualty

_SUBSET_BEFORE = re.compile(
    r"(?:\bamong\s+(?:the\s+|those\s+)?(?:dead|victims|killed|fatalities)\s+(?:were|was|are|is)|"
    r"\b(?:dead|victims|fatalities|killed)\s+(?:included|include|includes)|"
    r"\bof\s+(?:the\s+)?(?:dead|victims|those\s+killed)\s*,?)\s+(?:at\s+least\s+|about\s+|some\s+)?$", re.I)
_SUBSET_AFTER = re.compile(
    r"(?:\s+(?:of|among|amongst)\s+(?:them|whom|the\s+(?:dead|victims|killed|fatalities)|those\s+(?:killed|who\s+died))\b"
    r"|[^.;]{0,50}?\b(?:were|was|are|is)\s+(?:also\s+|reportedly\s+)?among\s+(?:the\s+|those\s+)?"
    r"(?:dead|victims|killed|fatalities|casualties))", re.I)
_AMONG = re.compile(r"\bamong\s+(?:the|those)\b", re.I)
#: "On Thursday alone, shelling killed 15" after a toll over several days: a part of that toll
_ALONE = re.compile(r"\b(?:on|in|at|during)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+\s+alone\b(?![^.;]*\balone\b)", re.I)


def top_counts(pairs: list[tuple[Finding, Casualty]]) -> list[tuple[Finding, Casualty]]:
    """The killed counts that add to the report's total, with their findings, in text order."""
    return [(f, c) for f, c in pairs if c.outcome in KILLED and adds_to_total(c) and c.span is not None]


def _claims(pairs: list[tuple[Finding, Casualty]]) -> list[tuple[Finding, Casualty]]:
    """The top-level killed counts and the claims (running totals, a month's figure) beside them, in text order."""
    return [(f, c) for f, c in pairs if c.outcome in KILLED and c.span is not None and c.count is not None
            and (adds_to_total(c) or (c.is_tally and not c.part_of and not c.alternative_of and not c.derived))]


def _parent_before(ctx: DocContext, pairs, finding: Finding, casualty: Casualty, sentences: int = 2,
                   claims: bool = False):
    """The nearest earlier top-level killed count large enough to hold this one (or claim, with ``claims``: "the
    killing of 96 civilians in March. Regime forces killed 41 of them": a share of the month's figure)."""
    for other_finding, other in reversed(_claims(pairs) if claims else top_counts(pairs)):
        if other is casualty or other_finding.start >= finding.start:
            continue
        if sentence_gap(ctx, other_finding, finding) > sentences:
            return None
        if other.count is not None and casualty.count is not None and other.count >= casualty.count:
            return other
    return None


def attach_subsets(ctx: DocContext, pairs) -> None:
    """"Twelve of the dead were men", "three soldiers were among those killed"; "Regime forces killed 41 of them"
    after a month's figure (a claim's share where no incident's count holds it)."""
    for finding, casualty in top_counts(pairs):
        start, end = number_span(finding)
        # (each searched only where the document holds its words: most hold no "alone")
        before = (ctx.may_match(_SUBSET_BEFORE) and _SUBSET_BEFORE.search(ctx.norm, max(0, start - 50), start)) or \
            (ctx.may_match(_ALONE) and _ALONE.search(ctx.norm, ctx.sentence_at(start)[0], start))
        if finding.number is None:  # "An officer was among those killed"
            after = ctx.may_match(_AMONG) and _AMONG.search(ctx.norm, finding.start, finding.trigger_end)
        else:
            after = ctx.may_match(_SUBSET_AFTER) and _SUBSET_AFTER.match(ctx.norm, end)
        if not (before or after) or _of_the_injured(ctx, pairs, finding) or (after and _of_the_attackers(ctx, finding)):
            if finding.number is not None:
                _share_of_claim(ctx, pairs, finding, casualty)
            continue
        # (a count of the incident before a claim: "14 civilians were killed …, bringing the number … since January
        # to 386. Six of those killed this week were children" are six of the fourteen)
        parent = _parent_before(ctx, pairs, finding, casualty) or _parent_before(ctx, pairs, finding, casualty, claims=True)
        if parent is not None:
            _make_part(casualty, parent)


#: "… killed 41 of them, and the remaining 37 were killed by other parties": the rest of the total its sentence
#: breaks down
_REMAINING_BEFORE: Final = re.compile(r"\bthe\s+remaining\s+$", re.I)
#: "Idlib governorate saw the highest toll, with 22 civilians killed": a place's share of a figure told before
_LARGEST_SHARE: Final = re.compile(r"\b(?:highest|largest|heaviest|biggest)\s+(?:death\s+)?(?:toll|number|share)\b", re.I)


def _share_of_claim(ctx: DocContext, pairs, finding: Finding, casualty: Casualty) -> None:
    """A share of a claim (a month's figure, a running total) told after it, as its rest or as a place's largest
    share, is the claim's part: the claim's people, no incident of their own. (After a count of one incident, the
    breakdowns' sums decide: ``ledger._attach_breakdowns``.)"""
    start = finding.number.start if finding.number is not None else finding.start
    sentence_start = ctx.sentence_at(start)[0]
    if ctx.may_match(_REMAINING_BEFORE) and _REMAINING_BEFORE.search(ctx.norm, max(0, start - 16), start):
        told = [c for f, c in pairs if sentence_start <= f.start < finding.start and c.part_of]
        parent = next((c for f, c in pairs if told and c.id == told[-1].part_of), None)
    elif ctx.may_match(_LARGEST_SHARE) and _LARGEST_SHARE.search(ctx.norm, sentence_start, start):
        parent = _parent_before(ctx, pairs, finding, casualty, claims=True)  # (only a claim's: see below)
    else:
        return
    if parent is not None and parent.is_tally:
        _make_part(casualty, parent)


#: the attackers named just before the verb whose object is "N of them" ("pursued the attackers and killed five")
_ATTACKERS_THEN = re.compile(r"\b(?:attackers|assailants|militants|gunmen|insurgents|bandits|raiders|rebels|terrorists|"
                             r"jihadists|militiamen|kidnappers|fighters)\b[^.;,]{0,30}?(?:,\s*|\s+and\s+)(?:\w+\s+){0,2}$", re.I)


def _of_the_attackers(ctx: DocContext, finding: Finding) -> bool:
    """"FARDC troops pursued the attackers and killed five of them": "them" are the attackers the clause just
    named, not a share of the dead counted before (their victims)."""
    if not finding.active or finding.number is None or finding.number.start < finding.trigger_end or \
            not ctx.norm.startswith(" of them", finding.number.end):
        return False
    start = max(ctx.sentence_at(finding.start)[0], finding.trigger_start - 80)
    return _ATTACKERS_THEN.search(ctx.norm, start, finding.trigger_start) is not None


_OF_WHOM = re.compile(r"\s*,?\s*$")
_OF_WHOM_AFTER = re.compile(r"\s+of\s+(?:whom|them)\b")


def _of_the_injured(ctx: DocContext, pairs, finding: Finding) -> bool:
    """"Two officers were injured, one of whom later died": a death among the
    injured told right after them, one more dead, not a part of the dead before."""
    if finding.number is None:
        return False
    previous = [f for f, c in pairs if f.end <= finding.number.start and c.outcome == "injured"
                and ctx.sentence_index(f.start) == ctx.sentence_index(finding.start)]
    return bool(previous) and _OF_WHOM.fullmatch(ctx.norm, max(f.end for f in previous), finding.number.start) is not None \
        and _OF_WHOM_AFTER.match(ctx.norm[finding.number.end:finding.number.end + 12]) is not None
